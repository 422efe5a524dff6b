//! A form's unsaved input, kept in storage until it is saved or discarded, so a reload, a crash
//! or a page change loses nothing typed. One draft per form and record (`keys::draft_key`:
//! the record it edits, or "new" for the one being added to a collection).
//!
//! Drafts belong to this browser: they are not records, so exports, snapshots and sync never
//! carry them (another office has no use for half-typed input), and restoring a snapshot keeps
//! them. They do take room in storage like any key, so the meter counts them; each is a
//! few kilobytes of JSON and goes when its form is saved or cancelled.

use std::collections::BTreeMap;

use chrono::{DateTime, Utc};
use serde::{de::DeserializeOwned, Deserialize, Serialize};

use super::keys::draft_key;
use super::{KeyValueStore, StoreError};
use crate::records::meta::Id;
use crate::records::record::Collection;

/// What a form had typed: the record as built from its fields (without validation), the typed
/// text of fields a record cannot hold as typed (a date not yet readable, by its field path),
/// and the copy the form opened on (`read`; none for a new record), which a later save merges
/// against exactly as the form would have.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Draft<T> {
    pub input: T,
    #[serde(default)]
    pub texts: BTreeMap<String, String>,
    pub read: Option<T>,
    pub saved_at: DateTime<Utc>,
}

/// The draft of the form for `id` (or a new record) of `collection`; none when there is none or
/// it cannot be read (a draft of an older or newer shape is dropped rather than half-applied).
pub fn load<T: DeserializeOwned>(
    store: &impl KeyValueStore,
    collection: Collection,
    id: Option<Id>,
) -> Option<Draft<T>> {
    let raw = store.get(&draft_key(collection, id)).ok()??;
    serde_json::from_str(&raw).ok()
}

/// Whether the form has a draft stored (readable or not).
pub fn exists(store: &impl KeyValueStore, collection: Collection, id: Option<Id>) -> bool {
    matches!(store.get(&draft_key(collection, id)), Ok(Some(_)))
}

/// Keeps `draft` (the last one of that form replaces the one before).
pub fn save<T: Serialize>(
    store: &mut impl KeyValueStore,
    collection: Collection,
    id: Option<Id>,
    draft: &Draft<T>,
) -> Result<(), StoreError> {
    let text = serde_json::to_string(draft).map_err(|e| StoreError::Other(e.to_string()))?;
    save_text(store, collection, id, &text)
}

/// Keeps a draft already written as JSON (read from the form at the change, written later).
pub fn save_text(
    store: &mut impl KeyValueStore,
    collection: Collection,
    id: Option<Id>,
    text: &str,
) -> Result<(), StoreError> {
    store.set(&draft_key(collection, id), text)
}

/// The form was saved or its input given up.
pub fn discard(
    store: &mut impl KeyValueStore,
    collection: Collection,
    id: Option<Id>,
) -> Result<(), StoreError> {
    store.remove(&draft_key(collection, id))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::records::meta::{new_id, Meta};
    use crate::records::model::{Agreement, AgreementKind};
    use crate::storage::keys::{StorageKey, PREFIX};
    use crate::storage::{load as load_store, MemoryStore};

    fn typed() -> Draft<Agreement> {
        let now = Utc::now();
        let mut a = Agreement::new(
            Meta::new(new_id(), now),
            "Quy chế phối hợp",
            AgreementKind::Regulation,
        );
        a.number = "01/QCPH".into();
        Draft {
            input: a,
            texts: BTreeMap::from([("signed_on".into(), "31/02/2026".into())]),
            read: None,
            saved_at: now,
        }
    }

    #[test]
    fn a_draft_is_kept_until_discarded() {
        let mut store = MemoryStore::default();
        let draft = typed();
        save(&mut store, Collection::Agreements, None, &draft).unwrap();
        let back: Draft<Agreement> = load(&store, Collection::Agreements, None).unwrap();
        assert_eq!(back, draft);
        // Another record's form has its own draft.
        let other = new_id();
        assert!(load::<Agreement>(&store, Collection::Agreements, Some(other)).is_none());
        discard(&mut store, Collection::Agreements, None).unwrap();
        assert!(load::<Agreement>(&store, Collection::Agreements, None).is_none());
    }

    #[test]
    fn loading_the_store_neither_reads_nor_quarantines_drafts() {
        let mut store = MemoryStore::default();
        let id = new_id();
        save(&mut store, Collection::Events, Some(id), &typed()).unwrap();
        let key = draft_key(Collection::Events, Some(id));
        assert!(key.starts_with(PREFIX));
        assert_eq!(
            StorageKey::parse(&key),
            Some(StorageKey::Draft(Collection::Events, Some(id)))
        );
        let loaded = load_store(&store).unwrap();
        assert!(loaded.problems.is_empty(), "{:?}", loaded.problems);
        assert!(loaded.data.is_empty());
    }

    #[test]
    fn an_unreadable_draft_is_no_draft() {
        let mut store = MemoryStore::default();
        store
            .set(&draft_key(Collection::Agreements, None), "{not json")
            .unwrap();
        assert!(load::<Agreement>(&store, Collection::Agreements, None).is_none());
    }
}
