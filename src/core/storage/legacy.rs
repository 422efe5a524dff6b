//! Layout 1: one key per record (`phoihop/r/<collection>/<id>`), the record's JSON. Read on
//! load; [`super::migrate`] moves the records into buckets and removes each key once its record
//! is safely stored again. Keys that cannot be read stay as they are.

use serde_json::Value;

use super::{value_key, LoadProblemKind};
use crate::records::record::RecordKey;

pub(crate) fn read_record(raw: &str, rk: RecordKey) -> Result<Value, LoadProblemKind> {
    let value: Value = serde_json::from_str(raw).map_err(|e| LoadProblemKind::InvalidJson {
        line: e.line(),
        column: e.column(),
        message: e.to_string(),
    })?;
    if !value.is_object() {
        return Err(LoadProblemKind::SchemaMismatch {
            message: "not an object".into(),
        });
    }
    match value_key(rk.collection, &value) {
        Some(found) if found == rk => Ok(value),
        Some(_) => Err(LoadProblemKind::IdMismatch),
        None => Err(LoadProblemKind::SchemaMismatch {
            message: "missing field `id`".into(),
        }),
    }
}
