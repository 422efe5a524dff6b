//! The stored layout: one key per record, so an edit writes only what changed, and a key that
//! cannot be read spoils nothing else. The browser's localStorage is one implementation of
//! [`KeyValueStore`]; [`MemoryStore`] is another, for tests and benchmarks.
//!
//! Layout 1:
//! - `phoihop/layout` → `"1"`
//! - `phoihop/office` → the office profile (JSON)
//! - `phoihop/r/<collection>/<id>` → one record (JSON, the same shape as in exported files)

use std::collections::{BTreeMap, BTreeSet};

use super::meta::Id;
use super::model::{Agreement, Collection, Organisation, Person};
use super::workspace::{Dataset, OfficeProfile, RecordKey, Stored};

pub const PREFIX: &str = "phoihop/";
pub const LAYOUT_KEY: &str = "phoihop/layout";
pub const OFFICE_KEY: &str = "phoihop/office";
const RECORD_PREFIX: &str = "phoihop/r/";
pub const LAYOUT_VERSION: u32 = 1;

/// Why the store refused an operation.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum StoreError {
    /// The origin's quota is used up (QuotaExceededError, NS_ERROR_DOM_QUOTA_REACHED).
    QuotaExceeded,
    /// Storage is switched off or not reachable (private mode, policy).
    Unavailable(String),
    /// Anything else the browser threw, with its message.
    Other(String),
}

/// The few operations the layout needs from a string key-value store.
pub trait KeyValueStore {
    fn get(&self, key: &str) -> Result<Option<String>, StoreError>;
    fn set(&mut self, key: &str, value: &str) -> Result<(), StoreError>;
    fn remove(&mut self, key: &str) -> Result<(), StoreError>;
    fn keys(&self) -> Result<Vec<String>, StoreError>;
}

/// Size as the browser's quota counts it: UTF-16 code units of key and value.
pub fn utf16_units(key: &str, value: &str) -> usize {
    key.encode_utf16().count() + value.encode_utf16().count()
}

pub fn record_key(key: RecordKey) -> String {
    format!("{RECORD_PREFIX}{}/{}", key.collection.as_str(), key.id)
}

/// The record a storage key names, if it names one.
pub fn parse_record_key(key: &str) -> Option<RecordKey> {
    let rest = key.strip_prefix(RECORD_PREFIX)?;
    let (collection, id) = rest.split_once('/')?;
    Some(RecordKey {
        collection: Collection::from_name(collection)?,
        id: id.parse().ok()?,
    })
}

/// Why one stored key could not be read. Its raw text is kept, and the key is never overwritten.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LoadProblemKind {
    /// Not JSON at all.
    InvalidJson {
        line: usize,
        column: usize,
        message: String,
    },
    /// JSON, but not a record of its collection (a missing or mistyped field).
    SchemaMismatch { message: String },
    /// The id inside differs from the id in the key.
    IdMismatch,
    /// A key under our prefix that this version does not know.
    UnknownKey,
    /// The layout marker names a layout newer than this app: nothing is written.
    NewerLayout { found: String },
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LoadProblem {
    pub key: String,
    pub kind: LoadProblemKind,
    pub raw: String,
}

/// What loading found.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Loaded {
    pub office: Option<OfficeProfile>,
    pub data: Dataset,
    pub problems: Vec<LoadProblem>,
    /// Keys that failed to load: writes to them are refused so their raw text survives.
    pub quarantined: BTreeSet<String>,
    /// True when the layout is newer than this app: show the data, write nothing.
    pub read_only: bool,
}

impl Loaded {
    /// True when nothing of ours was stored: the first run.
    pub fn is_first_run(&self) -> bool {
        self.office.is_none() && self.data.is_empty() && self.problems.is_empty()
    }
}

fn decode<T: Stored>(raw: &str, key: RecordKey, data: &mut Dataset) -> Result<(), LoadProblemKind> {
    let record: T = serde_json::from_str(raw).map_err(|e| {
        if e.is_syntax() || e.is_eof() {
            LoadProblemKind::InvalidJson {
                line: e.line(),
                column: e.column(),
                message: e.to_string(),
            }
        } else {
            LoadProblemKind::SchemaMismatch {
                message: e.to_string(),
            }
        }
    })?;
    if record.id() != key.id {
        return Err(LoadProblemKind::IdMismatch);
    }
    T::table_mut(data).put(record);
    Ok(())
}

/// Decodes one stored record into `data`: the whole load, and a change another tab made.
pub fn decode_record(key: RecordKey, raw: &str, data: &mut Dataset) -> Result<(), LoadProblemKind> {
    crate::with_record_type!(key.collection, T => decode::<T>(raw, key, data))
}

/// Reads everything under our prefix. Whatever cannot be read is reported, kept and fenced off;
/// the rest loads. Never returns an empty workspace in place of data it failed to read.
pub fn load(store: &impl KeyValueStore) -> Result<Loaded, StoreError> {
    let mut loaded = Loaded::default();
    let mut keys: Vec<String> = store
        .keys()?
        .into_iter()
        .filter(|k| k.starts_with(PREFIX))
        .collect();
    keys.sort();
    for key in keys {
        let Some(raw) = store.get(&key)? else {
            continue;
        };
        let result = if key == LAYOUT_KEY {
            match raw.trim().parse::<u32>() {
                Ok(v) if v <= LAYOUT_VERSION => Ok(()),
                _ => {
                    loaded.read_only = true;
                    Err(LoadProblemKind::NewerLayout { found: raw.clone() })
                }
            }
        } else if key == OFFICE_KEY {
            serde_json::from_str::<OfficeProfile>(&raw)
                .map(|office| loaded.office = Some(office))
                .map_err(|e| LoadProblemKind::SchemaMismatch {
                    message: e.to_string(),
                })
        } else if let Some(record) = parse_record_key(&key) {
            decode_record(record, &raw, &mut loaded.data)
        } else {
            Err(LoadProblemKind::UnknownKey)
        };
        if let Err(kind) = result {
            loaded.quarantined.insert(key.clone());
            loaded.problems.push(LoadProblem { key, kind, raw });
        }
    }
    Ok(loaded)
}

/// What one save wrote, and what it could not.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct WriteReport {
    pub keys_written: usize,
    /// UTF-16 code units of keys and values written: what the quota counts.
    pub units_written: usize,
    /// Records still unsaved (the write failed, or their key is quarantined).
    pub pending: Vec<RecordKey>,
    pub error: Option<StoreError>,
}

fn record_json(data: &Dataset, key: RecordKey) -> Option<String> {
    fn json<T: Stored>(data: &Dataset, id: &Id) -> Option<String> {
        T::table(data)
            .get(id)
            .map(|r| serde_json::to_string(r).expect("records serialise"))
    }
    crate::with_record_type!(key.collection, T => json::<T>(data, &key.id))
}

/// Writes the named records, each under its own key. Stops at the first refusal and reports the
/// rest as pending; every key written is whole (one setItem each), so nothing stored is damaged.
pub fn save_records(
    store: &mut impl KeyValueStore,
    data: &Dataset,
    keys: &[RecordKey],
    quarantined: &BTreeSet<String>,
) -> WriteReport {
    let mut report = WriteReport::default();
    let mut unique: Vec<RecordKey> = keys.to_vec();
    unique.sort();
    unique.dedup();
    if let Err(error) = ensure_layout(store, &mut report) {
        report.pending = unique;
        report.error = Some(error);
        return report;
    }
    for (i, key) in unique.iter().enumerate() {
        let storage_key = record_key(*key);
        if quarantined.contains(&storage_key) {
            report.pending.push(*key);
            continue;
        }
        let Some(value) = record_json(data, *key) else {
            continue;
        };
        match store.set(&storage_key, &value) {
            Ok(()) => {
                report.keys_written += 1;
                report.units_written += utf16_units(&storage_key, &value);
            }
            Err(error) => {
                report.pending.extend_from_slice(&unique[i..]);
                report.error = Some(error);
                break;
            }
        }
    }
    report
}

fn ensure_layout(
    store: &mut impl KeyValueStore,
    report: &mut WriteReport,
) -> Result<(), StoreError> {
    if store.get(LAYOUT_KEY)?.is_none() {
        let value = LAYOUT_VERSION.to_string();
        store.set(LAYOUT_KEY, &value)?;
        report.keys_written += 1;
        report.units_written += utf16_units(LAYOUT_KEY, &value);
    }
    Ok(())
}

pub fn save_office(store: &mut impl KeyValueStore, office: &OfficeProfile) -> WriteReport {
    let mut report = WriteReport::default();
    let value = serde_json::to_string(office).expect("office serialises");
    let result = ensure_layout(store, &mut report).and_then(|()| store.set(OFFICE_KEY, &value));
    match result {
        Ok(()) => {
            report.keys_written += 1;
            report.units_written += utf16_units(OFFICE_KEY, &value);
        }
        Err(error) => report.error = Some(error),
    }
    report
}

/// Every record key of a dataset, for saving a whole dataset (the sample, an import).
pub fn all_keys(data: &Dataset) -> Vec<RecordKey> {
    fn keys<T: Stored>(data: &Dataset) -> Vec<RecordKey> {
        T::table(data)
            .iter_all()
            .map(|r| RecordKey {
                collection: T::COLLECTION,
                id: r.id(),
            })
            .collect()
    }
    [
        keys::<Organisation>(data),
        keys::<Person>(data),
        keys::<Agreement>(data),
    ]
    .concat()
}

/// Total UTF-16 units of everything under our prefix: the usage meter.
pub fn units_used(store: &impl KeyValueStore) -> Result<usize, StoreError> {
    let mut total = 0;
    for key in store.keys()?.into_iter().filter(|k| k.starts_with(PREFIX)) {
        total += utf16_units(&key, &store.get(&key)?.unwrap_or_default());
    }
    Ok(total)
}

/// An in-memory store that counts what is written and can enforce a quota like a browser.
#[derive(Clone, Debug, Default)]
pub struct MemoryStore {
    pub entries: BTreeMap<String, String>,
    /// Quota in UTF-16 units over all keys and values; None = unlimited.
    pub quota_units: Option<usize>,
    pub units_written: usize,
    pub sets: usize,
}

impl MemoryStore {
    pub fn with_quota(units: usize) -> MemoryStore {
        MemoryStore {
            quota_units: Some(units),
            ..MemoryStore::default()
        }
    }

    fn used_without(&self, key: &str) -> usize {
        self.entries
            .iter()
            .filter(|(k, _)| k.as_str() != key)
            .map(|(k, v)| utf16_units(k, v))
            .sum()
    }
}

impl KeyValueStore for MemoryStore {
    fn get(&self, key: &str) -> Result<Option<String>, StoreError> {
        Ok(self.entries.get(key).cloned())
    }

    fn set(&mut self, key: &str, value: &str) -> Result<(), StoreError> {
        if let Some(quota) = self.quota_units {
            if self.used_without(key) + utf16_units(key, value) > quota {
                return Err(StoreError::QuotaExceeded);
            }
        }
        self.sets += 1;
        self.units_written += utf16_units(key, value);
        self.entries.insert(key.to_string(), value.to_string());
        Ok(())
    }

    fn remove(&mut self, key: &str) -> Result<(), StoreError> {
        self.entries.remove(key);
        Ok(())
    }

    fn keys(&self) -> Result<Vec<String>, StoreError> {
        Ok(self.entries.keys().cloned().collect())
    }
}

#[cfg(test)]
mod tests;
