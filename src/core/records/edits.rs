//! What each edit not yet stored was made on: a record's content before the first of its edits
//! since it was last stored (its "before"). When another tab stored the same record meanwhile,
//! storage merges the two edits field by field against it (`storage::tabs::settle`) instead of
//! offering whole records. One copy per record edited and not yet stored, taken by
//! `Dataset::commit` from the copy it replaces: never a copy of the dataset.

use std::collections::BTreeMap;

use serde_json::Value;

use crate::records::meta::VersionVector;
use crate::records::record::RecordKey;

#[derive(Clone, Debug, Default)]
pub struct Befores {
    /// Per record edited since it was last stored: its content before the first of those edits;
    /// None when that edit was made on an older copy than the one held, not noted (`read`).
    before: BTreeMap<RecordKey, Option<Value>>,
    /// Copies as a form read them, older than the record held when it saved (a form opened
    /// before another tab's change came in): what an edit made on such a copy was made on.
    read: BTreeMap<RecordKey, (VersionVector, Value)>,
}

impl Befores {
    /// What the unsaved edit of `key` was made on, if known.
    pub fn get(&self, key: RecordKey) -> Option<&Value> {
        self.before.get(&key).and_then(Option::as_ref)
    }

    /// Whether an edit of `key` is already noted (a later edit keeps the first one's before).
    pub(crate) fn has(&self, key: RecordKey) -> bool {
        self.before.contains_key(&key)
    }

    /// Notes the first edit since `key` was stored: made on `held` (the copy it replaces) when
    /// the edit carries that copy's version, else on a copy a form read at `parent`, if noted.
    pub(crate) fn note_edit(
        &mut self,
        key: RecordKey,
        parent: &VersionVector,
        held: Option<(VersionVector, Value)>,
    ) {
        // The copy a form noted it read comes first: it may carry the same version as the one
        // held but other content (another tab's edit that lost a race, still in the form).
        let read = self
            .read
            .remove(&key)
            .filter(|(version, _)| version == parent)
            .map(|(_, value)| value);
        let before = read.or(match held {
            Some((version, value)) if version == *parent => Some(value),
            _ => None,
        });
        self.before.insert(key, before);
    }

    /// Notes the copy a form read (`value`, at `version`), older than the record held now.
    pub(crate) fn note_read(&mut self, key: RecordKey, version: VersionVector, value: Value) {
        self.read.insert(key, (version, value));
    }

    /// Forgets the copy a form read of `key` (its edit was rebased onto the one held).
    pub fn forget_read(&mut self, key: RecordKey) {
        self.read.remove(&key);
    }

    /// Forgets the edits of `keys`: stored, or replaced by what another tab stored.
    pub fn forget(&mut self, keys: impl IntoIterator<Item = RecordKey>) {
        for key in keys {
            self.before.remove(&key);
            self.read.remove(&key);
        }
    }

    /// The records with an edit noted.
    pub fn keys(&self) -> impl Iterator<Item = RecordKey> + '_ {
        self.before.keys().copied()
    }
}
