//! A form's unsaved input, kept in storage until it is saved or discarded, so a reload, a crash
//! or a page change loses nothing typed. One draft per form and record (`keys::DraftOf`: the
//! record a form edits, or "new" for the one being added to a collection; or one of the forms
//! an agreement's page holds, which change a part of it in place: its results by area, its
//! close-out, its original).
//!
//! Drafts belong to this browser: they are not records, so exports, snapshots and sync never
//! carry them (another office has no use for half-typed input), and restoring a snapshot keeps
//! them. They do take room in storage like any key, so the meter counts them; each is a
//! few kilobytes of JSON and goes when its form is saved or cancelled.

use std::collections::BTreeMap;

use chrono::{DateTime, Utc};
use serde::{de::DeserializeOwned, Deserialize, Serialize};

use super::keys::draft_key;
pub use super::keys::{DraftOf, PageForm};
use super::{KeyValueStore, StoreError};

/// What a form had typed: the record as built from its fields (without validation), the typed
/// text of fields a record cannot hold as typed (a date not yet readable, by its field path),
/// and the copy the form opened on (`read`; none for a new record), which a later save merges
/// against exactly as the form would have. The agreement page's forms keep the part they
/// change (`AreaResult`, `CloseOut`, `Original`) and no `read`: their save changes that part
/// of the stored agreement, whatever else changed meanwhile.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Draft<T> {
    pub input: T,
    #[serde(default)]
    pub texts: BTreeMap<String, String>,
    pub read: Option<T>,
    pub saved_at: DateTime<Utc>,
}

/// The draft of the form `of`; none when there is none or it cannot be read (a draft of an
/// older or newer shape is dropped rather than half-applied).
pub fn load<T: DeserializeOwned>(store: &impl KeyValueStore, of: DraftOf) -> Option<Draft<T>> {
    let raw = store.get(&draft_key(of)).ok()??;
    serde_json::from_str(&raw).ok()
}

/// Whether the form has a draft stored (readable or not).
pub fn exists(store: &impl KeyValueStore, of: DraftOf) -> bool {
    matches!(store.get(&draft_key(of)), Ok(Some(_)))
}

/// Keeps `draft` (the last one of that form replaces the one before).
pub fn save<T: Serialize>(
    store: &mut impl KeyValueStore,
    of: DraftOf,
    draft: &Draft<T>,
) -> Result<(), StoreError> {
    let text = serde_json::to_string(draft).map_err(|e| StoreError::Other(e.to_string()))?;
    save_text(store, of, &text)
}

/// Keeps a draft already written as JSON (read from the form at the change, written later).
pub fn save_text(
    store: &mut impl KeyValueStore,
    of: DraftOf,
    text: &str,
) -> Result<(), StoreError> {
    store.set(&draft_key(of), text)
}

/// The form was saved or its input given up.
pub fn discard(store: &mut impl KeyValueStore, of: DraftOf) -> Result<(), StoreError> {
    store.remove(&draft_key(of))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::records::meta::{new_id, Meta};
    use crate::records::model::{Agreement, AgreementKind};
    use crate::records::original::Original;
    use crate::records::record::Collection;
    use crate::records::results::{AreaMark, AreaResult, AreaSummary, CloseOut};
    use crate::storage::keys::{StorageKey, PREFIX};
    use crate::storage::{load as load_store, MemoryStore};

    const NEW_AGREEMENT: DraftOf = DraftOf::Record(Collection::Agreements, None);

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

    /// What the agreement page's forms keep: the part of the agreement each one changes.
    fn page_drafts(
        area: crate::records::meta::Id,
    ) -> (Draft<AreaResult>, Draft<CloseOut>, Draft<Original>) {
        fn draft<T>(input: T) -> Draft<T> {
            Draft {
                input,
                texts: BTreeMap::new(),
                read: None,
                saved_at: Utc::now(),
            }
        }
        (
            draft(AreaResult {
                area,
                year: 2019,
                mark: AreaMark::Done,
                evidence: "Báo cáo số 12/BC-TĐ ".into(),
                unknown: Default::default(),
            }),
            draft(CloseOut {
                area_results: vec![AreaSummary {
                    area,
                    result: "Hoàn thành".into(),
                    unknown: Default::default(),
                }],
                lessons: "Phân công rõ đơn vị chủ trì,\n".into(),
                ..CloseOut::default()
            }),
            draft(Original {
                location: r"\\vanthu\quet\2018".into(),
                ..Original::default()
            }),
        )
    }

    #[test]
    fn a_draft_is_kept_until_discarded() {
        let mut store = MemoryStore::default();
        let draft = typed();
        save(&mut store, NEW_AGREEMENT, &draft).unwrap();
        let back: Draft<Agreement> = load(&store, NEW_AGREEMENT).unwrap();
        assert_eq!(back, draft);
        // Another record's form has its own draft.
        let other = DraftOf::Record(Collection::Agreements, Some(new_id()));
        assert!(load::<Agreement>(&store, other).is_none());
        discard(&mut store, NEW_AGREEMENT).unwrap();
        assert!(load::<Agreement>(&store, NEW_AGREEMENT).is_none());
    }

    #[test]
    fn each_form_of_an_agreement_page_keeps_its_own_draft_beside_the_agreement_form() {
        let mut store = MemoryStore::default();
        let id = new_id();
        let of = |form| DraftOf::AgreementPage(id, form);
        let agreement_form = DraftOf::Record(Collection::Agreements, Some(id));
        let (results, close_out, original) = page_drafts(new_id());
        save(&mut store, agreement_form, &typed()).unwrap();
        save(&mut store, of(PageForm::AreaResults), &results).unwrap();
        save(&mut store, of(PageForm::CloseOut), &close_out).unwrap();
        save(&mut store, of(PageForm::Original), &original).unwrap();
        assert_eq!(store.keys().unwrap().len(), 4, "one key per form");
        // Kept as typed (spaces and line breaks too) until the form is done with it.
        assert_eq!(load(&store, of(PageForm::AreaResults)), Some(results));
        assert_eq!(
            load(&store, of(PageForm::CloseOut)),
            Some(close_out.clone())
        );
        assert_eq!(load(&store, of(PageForm::Original)), Some(original));
        // Another agreement's page has none.
        let elsewhere = DraftOf::AgreementPage(new_id(), PageForm::CloseOut);
        assert!(!exists(&store, elsewhere));
        assert!(load::<CloseOut>(&store, elsewhere).is_none());

        // Saving one form drops its draft only.
        discard(&mut store, of(PageForm::AreaResults)).unwrap();
        assert!(!exists(&store, of(PageForm::AreaResults)));
        assert_eq!(load(&store, of(PageForm::CloseOut)), Some(close_out));
        assert!(exists(&store, of(PageForm::Original)));
        assert!(load::<Agreement>(&store, agreement_form).is_some());
        // A draft read as another form's shape is no draft (never half-applied).
        assert!(load::<AreaResult>(&store, of(PageForm::Original)).is_none());
    }

    #[test]
    fn loading_the_store_neither_reads_nor_quarantines_drafts() {
        let mut store = MemoryStore::default();
        let id = new_id();
        let event_form = DraftOf::Record(Collection::Events, Some(id));
        save(&mut store, event_form, &typed()).unwrap();
        let key = draft_key(event_form);
        assert!(key.starts_with(PREFIX));
        assert_eq!(StorageKey::parse(&key), Some(StorageKey::Draft(event_form)));
        let (results, close_out, original) = page_drafts(new_id());
        save(
            &mut store,
            DraftOf::AgreementPage(id, PageForm::AreaResults),
            &results,
        )
        .unwrap();
        save(
            &mut store,
            DraftOf::AgreementPage(id, PageForm::CloseOut),
            &close_out,
        )
        .unwrap();
        save(
            &mut store,
            DraftOf::AgreementPage(id, PageForm::Original),
            &original,
        )
        .unwrap();
        let loaded = load_store(&store).unwrap();
        assert!(loaded.problems.is_empty(), "{:?}", loaded.problems);
        assert!(loaded.session.quarantined.is_empty());
        assert!(loaded.data.is_empty());
    }

    #[test]
    fn an_unreadable_draft_is_no_draft() {
        let mut store = MemoryStore::default();
        store.set(&draft_key(NEW_AGREEMENT), "{not json").unwrap();
        assert!(load::<Agreement>(&store, NEW_AGREEMENT).is_none());
        assert!(exists(&store, NEW_AGREEMENT));
    }
}
