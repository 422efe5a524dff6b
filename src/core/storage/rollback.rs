//! An undone import, as other tabs must see it.
//!
//! Undo puts records back to the versions they had before the import (older than what the
//! import wrote) and takes out the records it added. To another tab that had taken the import
//! in, an older stored version looks like a slower tab's stale write (to be written over again)
//! and a record missing from its bucket like one a fold lost (to be put back): left to the
//! ordinary rules, that tab would reverse the undo. So the undo first writes this mark,
//! `phoihop/rollback`, naming each record it rolls back with the version the import wrote and the
//! version it puts back (none: removed). Storage events arrive in write order, so other tabs
//! read the mark before the writes it announces.
//!
//! The mark stays after the undo (a fold in another tab that reads the store before its storage
//! events are handled still needs it) until the next import removes it. It cannot mislead: it
//! applies only to a tab holding exactly the version the import wrote, and the import's version
//! comes back only by importing again. Loading ignores it (it holds no data).

use std::collections::BTreeMap;

use serde_json::{json, Value};

use super::codec;
use crate::records::meta::{Causality, VersionVector};
use crate::records::record::{from_value, Collection, RecordKey};
use crate::records::workspace::Dataset;

/// One record an undone import rolled back.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RolledBack {
    /// The version the import wrote (and the undo found: it refuses otherwise).
    pub written: VersionVector,
    /// The version put back; None when the import had added the record and the undo removed it.
    pub back: Option<VersionVector>,
}

/// The mark of an undone import: what it rolled back, record by record.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Rollback {
    pub records: BTreeMap<RecordKey, RolledBack>,
}

impl Rollback {
    /// `written`: each record the import wrote, with the version it wrote; `data`: the dataset
    /// after the undo, which holds the version put back (or no longer holds the record).
    pub fn new(
        written: impl IntoIterator<Item = (RecordKey, VersionVector)>,
        data: &Dataset,
    ) -> Rollback {
        let records = written
            .into_iter()
            .map(|(key, written)| {
                let back = super::record_value(data, key)
                    .map(|v| super::value_version(&v).unwrap_or_default());
                (key, RolledBack { written, back })
            })
            .collect();
        Rollback { records }
    }

    pub fn is_empty(&self) -> bool {
        self.records.is_empty()
    }

    /// Records put back to an older version (written again by the undo).
    pub fn reverted(&self) -> impl Iterator<Item = RecordKey> + '_ {
        self.records
            .iter()
            .filter(|(_, r)| r.back.is_some())
            .map(|(k, _)| *k)
    }

    /// Records the undo removed (the import had added them).
    pub fn removed(&self) -> impl Iterator<Item = RecordKey> + '_ {
        self.records
            .iter()
            .filter(|(_, r)| r.back.is_none())
            .map(|(k, _)| *k)
    }

    /// Whether `key` is put back to an older version by this undo (its write may go back).
    pub fn restores(&self, key: RecordKey) -> bool {
        self.records.get(&key).is_some_and(|r| r.back.is_some())
    }

    /// True when `stored` is the version this undo put back, for a tab that last read `base`:
    /// that tab had at most the import's version, so the older one is the undo, to be taken, not
    /// a stale write to be written over.
    pub fn puts_back(
        &self,
        key: RecordKey,
        stored: &VersionVector,
        base: Option<&VersionVector>,
    ) -> bool {
        let Some(r) = self.records.get(&key) else {
            return false;
        };
        r.back
            .as_ref()
            .is_some_and(|back| back.compare(stored) == Causality::Equal)
            && base.is_some_and(|b| {
                matches!(
                    b.compare(&r.written),
                    Causality::Equal | Causality::DominatedBy
                )
            })
    }

    /// True when this mark is the undo of the import that wrote exactly `written` (each record
    /// with the version the import wrote, as its undo keeps them): another tab undid that import,
    /// so its undo is no longer to be offered. Another import's undo, or none, is not.
    pub fn undoes<'a>(
        &self,
        written: impl IntoIterator<Item = (RecordKey, &'a VersionVector)>,
    ) -> bool {
        let mut count = 0;
        for (key, version) in written {
            count += 1;
            let same = self
                .records
                .get(&key)
                .is_some_and(|r| r.written.compare(version) == Causality::Equal);
            if !same {
                return false;
            }
        }
        count > 0 && count == self.records.len()
    }

    /// True when `version` of `key` is the copy the import added and this undo removed.
    pub fn took_out(&self, key: RecordKey, version: &VersionVector) -> bool {
        self.records
            .get(&key)
            .is_some_and(|r| r.back.is_none() && r.written.compare(version) == Causality::Equal)
    }

    /// The stored text: one row per record in the compact encoding of buckets.
    pub fn encode(&self) -> String {
        let rows: Vec<Value> = self
            .records
            .iter()
            .map(|(key, r)| {
                let mut row = json!({
                    "collection": key.collection.as_str(),
                    "id": key.id.to_string(),
                    "written": r.written,
                });
                if let Some(back) = &r.back {
                    row["back"] = json!(back);
                }
                row
            })
            .collect();
        codec::encode(&rows)
    }

    /// Reads the stored text back; None when it cannot be read (the mark is then ignored: it
    /// holds no data, and the next undo or import replaces it).
    pub fn decode(raw: &str) -> Option<Rollback> {
        let mut records = BTreeMap::new();
        for row in codec::decode(raw).ok()? {
            let collection = Collection::from_name(row.get("collection")?.as_str()?)?;
            let id = row.get("id")?.as_str()?.parse().ok()?;
            let written = from_value(row.get("written")?).ok()?;
            let back = match row.get("back") {
                Some(v) => Some(from_value(v).ok()?),
                None => None,
            };
            records.insert(RecordKey { collection, id }, RolledBack { written, back });
        }
        Some(Rollback { records })
    }
}
