//! Which revision of the server each record here stands on: the revision whose record our copy
//! is (or descends from). A record whose edition hash is not its revision's hash changed here
//! since, and is sent. Kept in localStorage in sixteen shards by the id's first hex digit
//! (`phoihop/sync/revs/<digit>`, packed like a bucket), so a sync writes only the shards it
//! touched, and a restart resumes where it was.

use std::collections::{BTreeMap, BTreeSet};

use serde_json::{json, Value};

use super::doc::{meta_hash, Rev};
use crate::records::meta::{Id, Meta};
use crate::storage::codec;

pub const SHARDS: u8 = 16;

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct RevMap {
    revs: BTreeMap<Id, String>,
    /// Shards changed since they were last stored.
    changed: BTreeSet<u8>,
}

pub fn shard_of(id: &Id) -> u8 {
    id.as_bytes()[0] >> 4
}

impl RevMap {
    pub fn get(&self, id: &Id) -> Option<&str> {
        self.revs.get(id).map(String::as_str)
    }

    pub fn parsed(&self, id: &Id) -> Option<Rev> {
        self.get(id).and_then(Rev::parse)
    }

    pub fn insert(&mut self, id: Id, rev: String) {
        if self.revs.get(&id) != Some(&rev) {
            self.changed.insert(shard_of(&id));
            self.revs.insert(id, rev);
        }
    }

    pub fn len(&self) -> usize {
        self.revs.len()
    }

    pub fn is_empty(&self) -> bool {
        self.revs.is_empty()
    }

    /// Forgets everything (the server's database is not the one synced with before).
    pub fn clear(&mut self) {
        for id in self.revs.keys() {
            self.changed.insert(shard_of(id));
        }
        self.revs.clear();
    }

    /// True when the record is what its revision on the server holds: nothing to send.
    pub fn is_sent(&self, meta: &Meta) -> bool {
        self.parsed(&meta.id)
            .is_some_and(|rev| rev.hash == meta_hash(meta))
    }

    /// The shards to store, each packed (empty shards as None: their key is removed).
    pub fn take_changed(&mut self) -> Vec<(u8, Option<String>)> {
        std::mem::take(&mut self.changed)
            .into_iter()
            .map(|shard| (shard, self.encode_shard(shard)))
            .collect()
    }

    fn encode_shard(&self, shard: u8) -> Option<String> {
        let rows: Vec<Value> = self
            .revs
            .iter()
            .filter(|(id, _)| shard_of(id) == shard)
            .map(|(id, rev)| json!({"id": id.to_string(), "rev": rev}))
            .collect();
        (!rows.is_empty()).then(|| codec::encode(&rows))
    }

    /// Reads a stored shard into the map; false when it does not read (it is then ignored:
    /// the records it named are sent again, which the server answers as already there).
    pub fn read_shard(&mut self, raw: &str) -> bool {
        let Ok(rows) = codec::decode(raw) else {
            return false;
        };
        for row in rows {
            let id = row
                .get("id")
                .and_then(Value::as_str)
                .and_then(|i| i.parse().ok());
            let rev = row.get("rev").and_then(Value::as_str);
            if let (Some(id), Some(rev)) = (id, rev) {
                self.revs.insert(id, rev.to_string());
            }
        }
        true
    }
}
