//! An import undone in one tab while another tab is open: the other tab follows the undo, from
//! the storage events it receives in write order, and never writes the import back.

use super::*;
use crate::exchange::file_format::{export, Header, Scope};
use crate::exchange::import::{self, Group};

/// A store that records what the browser would announce to other tabs: each change, in order
/// (a write that changes nothing and a removal of a missing key announce nothing).
#[derive(Default)]
struct Announcing {
    store: MemoryStore,
    events: Vec<(String, Option<String>)>,
}

impl KeyValueStore for Announcing {
    fn get(&self, key: &str) -> Result<Option<String>, StoreError> {
        self.store.get(key)
    }

    fn set(&mut self, key: &str, value: &str) -> Result<(), StoreError> {
        let changed = self.store.entries.get(key).map(String::as_str) != Some(value);
        self.store.set(key, value)?;
        if changed {
            self.events.push((key.to_string(), Some(value.to_string())));
        }
        Ok(())
    }

    fn remove(&mut self, key: &str) -> Result<(), StoreError> {
        if self.store.entries.contains_key(key) {
            self.events.push((key.to_string(), None));
        }
        self.store.remove(key)
    }

    fn keys(&self) -> Result<Vec<String>, StoreError> {
        self.store.keys()
    }
}

struct Tab {
    data: Dataset,
    session: Session,
    /// Unsaved records (as `SaveState::pending` in the app).
    pending: BTreeSet<RecordKey>,
    conflicts: Vec<Conflict>,
}

fn open(store: &Announcing) -> Tab {
    let loaded = load(store).unwrap();
    Tab {
        data: loaded.data,
        session: loaded.session,
        pending: BTreeSet::new(),
        conflicts: Vec::new(),
    }
}

/// The app's `AppState::absorb` for each storage event, in order; returns the records the tab
/// would write again.
fn hear(tab: &mut Tab, events: Vec<(String, Option<String>)>) -> Vec<RecordKey> {
    let mut rewrite = Vec::new();
    for (key, value) in events {
        let absorbed = absorb(
            &key,
            value.as_deref(),
            &tab.data,
            &tab.pending,
            &mut tab.session,
        );
        assert!(absorbed.problems.is_empty(), "{:?}", absorbed.problems);
        for (k, v) in absorbed.incoming {
            crate::storage::tabs::take_incoming(&mut tab.data, k, v).unwrap();
        }
        remove_records(&mut tab.data, &absorbed.removed);
        tab.conflicts.extend(absorbed.conflicts);
        rewrite.extend(absorbed.rewrite);
    }
    rewrite
}

/// Another office's copy of `data` with `updated` agreements retitled and `added` new
/// organisations, exported as a file.
fn other_office_file(data: &Dataset, updated: usize, added: usize) -> String {
    let other = OfficeProfile {
        id: Uuid::from_u128(0xB),
        name: "Tỉnh Đoàn".into(),
    };
    let by = Stamp {
        office: other.id,
        now: DateTime::from_timestamp(1_800_000_000, 0).unwrap(),
    };
    let mut theirs = data.clone();
    let ids: Vec<_> = theirs.agreements.iter_live().map(|a| a.id()).collect();
    for id in ids.iter().take(updated) {
        let mut a = theirs.agreements.get(id).unwrap().clone();
        a.title = format!("{} (Tỉnh Đoàn sửa)", a.title);
        theirs.commit(a, by);
    }
    for i in 0..added {
        let org = Organisation::new(
            Meta::new(Uuid::from_u128(0xB000 + i as u128), by.now),
            &format!("Đơn vị mới {i}"),
            "",
            OrganisationKind::Department,
        );
        theirs.commit(org, by);
    }
    export(&theirs, &Header::new(&other, Scope::All, by.now), None)
}

/// Tab A imports the file (no conflicts) and saves it as the app does; returns the undo.
fn import_in(
    tab: &mut Tab,
    store: &mut Announcing,
    file: &str,
    updated: usize,
    added: usize,
) -> import::UndoImport {
    let read = import::read_file(
        file.as_bytes(),
        &tab.data,
        office().id,
        &import::Fingerprints::of(&tab.data),
    )
    .unwrap();
    let preview = import::preview(&read, &tab.data);
    assert_eq!(preview.in_group(Group::IncomingNewer).count(), updated);
    assert_eq!(preview.in_group(Group::New).count(), added);
    let mut n = 0xC000u128;
    let applied = import::apply(
        &mut tab.data,
        &read,
        &Default::default(),
        stamp(1, 40),
        || {
            n += 1;
            Uuid::from_u128(n)
        },
    )
    .unwrap();
    let report = save_records(
        store,
        &tab.data,
        &applied.written,
        &mut tab.session,
        stamp(1, 40),
    );
    assert_eq!(report.error, None);
    applied.value.undo
}

/// Tab A undoes the import and stores the undo as the app does.
fn undo_in(
    tab: &mut Tab,
    store: &mut Announcing,
    undo: &import::UndoImport,
) -> (Rollback, WriteReport) {
    let undone = import::undo(&mut tab.data, undo).unwrap();
    // The command makes the mark.
    let rollback = undone.rollback.clone();
    assert_eq!(rollback.reverted().count(), undone.reverted.len());
    assert_eq!(rollback.removed().count(), undone.removed.len());
    let report = save_rollback(
        store,
        &tab.data,
        &undone.reverted,
        &rollback,
        &mut tab.session,
        stamp(1, 50),
    );
    (rollback, report)
}

/// The records that differ between two datasets (a readable failure, where the datasets are not).
fn differing(left: &Dataset, right: &Dataset) -> Vec<RecordKey> {
    let mut keys = all_keys(left);
    keys.extend(all_keys(right));
    keys.sort();
    keys.dedup();
    keys.retain(|k| record_value(left, *k) != record_value(right, *k));
    keys
}

fn two_tabs(data: &Dataset) -> (Announcing, Tab, Tab) {
    let (memory, _) = stored(data);
    let store = Announcing {
        store: memory,
        events: Vec::new(),
    };
    let (a, b) = (open(&store), open(&store));
    (store, a, b)
}

/// Small imports write deltas; large ones fold whole buckets: both are undone in the other tab.
#[test]
fn an_import_undone_in_one_tab_is_undone_in_another_which_writes_nothing_back() {
    for (updated, added) in [(2, 1), (30, 12)] {
        let before = generate::dataset(6, 60, 5);
        let (mut store, mut a, mut b) = two_tabs(&before);
        let file = other_office_file(&before, updated, added);
        let undo = import_in(&mut a, &mut store, &file, updated, added);
        let events = std::mem::take(&mut store.events);
        assert!(hear(&mut b, events).is_empty());
        assert_eq!(differing(&b.data, &a.data), vec![], "B took the import in");
        assert_ne!(b.data, before);

        let (_, report) = undo_in(&mut a, &mut store, &undo);
        assert_eq!(report.error, None);
        assert!(report.conflicts.is_empty(), "{:?}", report.conflicts);
        assert_eq!(differing(&a.data, &before), vec![]);
        let events = std::mem::take(&mut store.events);
        assert!(
            events[0].0 == keys::ROLLBACK_KEY,
            "the mark is announced before the undo's writes: {:?}",
            events.iter().map(|e| &e.0).collect::<Vec<_>>()
        );
        let rewrite = hear(&mut b, events);
        assert_eq!(rewrite, vec![], "B writes nothing back ({updated} updated)");
        assert!(b.conflicts.is_empty());
        assert_eq!(
            differing(&b.data, &before),
            vec![],
            "B holds exactly what was there before ({updated} updated)"
        );
        assert_eq!(differing(&load(&store).unwrap().data, &before), vec![]);

        // B's next saves (an edit, then a fold of its bucket) bring nothing of the import back.
        let id = before.agreements.iter_live().nth(3).unwrap().id();
        let mut x = b.data.agreements.get(&id).unwrap().clone();
        x.notes = "Sửa ở thẻ B".into();
        let kb = b.data.commit(x, stamp(1, 60));
        let r = save_records(&mut store, &b.data, &[kb], &mut b.session, stamp(1, 60));
        assert!(r.conflicts.is_empty() && r.incoming.is_empty() && r.removed.is_empty());
        let mut expected = before.clone();
        expected
            .agreements
            .put(b.data.agreements.get(&id).unwrap().clone());
        assert_eq!(differing(&load(&store).unwrap().data, &expected), vec![]);
        let all = all_keys(&b.data);
        let r = save_records(&mut store, &b.data, &all, &mut b.session, stamp(1, 61));
        assert!(r.conflicts.is_empty() && r.removed.is_empty());
        assert_eq!(differing(&load(&store).unwrap().data, &expected), vec![]);
    }
}

#[test]
fn a_tab_that_folds_before_hearing_of_the_undo_does_not_reverse_it() {
    // B saves bulk edits of the buckets the undo rewrote before its storage events arrive
    // (another process): it reads the mark from the store itself.
    let before = generate::dataset(12, 60, 5);
    let (mut store, mut a, mut b) = two_tabs(&before);
    let file = other_office_file(&before, 30, 12);
    let undo = import_in(&mut a, &mut store, &file, 30, 12);
    hear(&mut b, std::mem::take(&mut store.events));
    undo_in(&mut a, &mut store, &undo);
    let unheard = std::mem::take(&mut store.events);

    // Records the import did not touch, in the buckets of those it did.
    let mut edited: Vec<RecordKey> = Vec::new();
    let agreements: Vec<_> = before
        .agreements
        .iter_live()
        .skip(40)
        .take(BULK_RECORDS)
        .collect();
    for x in agreements {
        let mut x = x.clone();
        x.notes = "B".into();
        edited.push(b.data.commit(x, stamp(1, 60)));
    }
    let organisations: Vec<_> = before
        .organisations
        .iter_live()
        .take(BULK_RECORDS)
        .collect();
    for x in organisations {
        let mut x = x.clone();
        x.notes = "B".into();
        edited.push(b.data.commit(x, stamp(1, 60)));
    }
    let mut expected = before.clone();
    for k in &edited {
        put_value(&mut expected, *k, record_value(&b.data, *k).unwrap()).unwrap();
    }
    let report = save_records(&mut store, &b.data, &edited, &mut b.session, stamp(1, 60));
    assert_eq!(report.error, None);
    assert!(report.conflicts.is_empty(), "{:?}", report.conflicts);
    assert_eq!(report.removed.len(), 12, "the added records leave B too");
    for (k, v) in report.incoming {
        crate::storage::tabs::take_incoming(&mut b.data, k, v).unwrap();
    }
    remove_records(&mut b.data, &report.removed);
    assert_eq!(differing(&b.data, &expected), vec![]);
    assert_eq!(differing(&load(&store).unwrap().data, &expected), vec![]);
    // The events heard late change nothing more: only B's own edits look stale in them, and
    // writing those again finds them stored.
    let rewrite = hear(&mut b, unheard);
    assert!(rewrite.iter().all(|k| edited.contains(k)), "{rewrite:?}");
    let r = save_records(&mut store, &b.data, &rewrite, &mut b.session, stamp(1, 61));
    assert!(r.conflicts.is_empty() && r.incoming.is_empty());
    assert_eq!(differing(&b.data, &expected), vec![]);
    assert_eq!(differing(&load(&store).unwrap().data, &expected), vec![]);
}

#[test]
fn an_unsaved_edit_in_the_other_tab_of_a_record_the_undo_puts_back_becomes_a_conflict() {
    let before = generate::dataset(6, 60, 5);
    let (mut store, mut a, mut b) = two_tabs(&before);
    let file = other_office_file(&before, 30, 2);
    let undo = import_in(&mut a, &mut store, &file, 30, 2);
    hear(&mut b, std::mem::take(&mut store.events));

    // B edits one imported record and one added record, and cannot save yet.
    let id = undo.entries.iter().find(|e| e.before.is_some()).unwrap().id;
    let mut x = b.data.agreements.get(&id).unwrap().clone();
    x.notes = "Sửa ở thẻ B, chưa lưu".into();
    let edited = b.data.commit(x, stamp(1, 45));
    let added = undo
        .entries
        .iter()
        .find(|e| e.before.is_none())
        .unwrap()
        .key();
    let mut org: Organisation = b.data.organisations.get(&added.id).unwrap().clone();
    org.name = "Đơn vị mới, sửa ở thẻ B".into();
    b.data.commit(org, stamp(1, 45));
    b.pending = [edited, added].into();

    undo_in(&mut a, &mut store, &undo);
    let rewrite = hear(&mut b, std::mem::take(&mut store.events));
    assert_eq!(rewrite, vec![]);
    // The version put back is in B's dataset; B's edit is kept as a conflict, not lost.
    assert_eq!(b.data.agreements.get(&id), before.agreements.get(&id));
    assert_eq!(b.conflicts.len(), 1);
    assert_eq!(b.conflicts[0].key, edited);
    assert_eq!(b.conflicts[0].other["notes"], "Sửa ở thẻ B, chưa lưu");
    // The added record B edited stays in B (its save writes it again).
    assert_eq!(
        b.data.organisations.get(&added.id).unwrap().name,
        "Đơn vị mới, sửa ở thẻ B"
    );

    // B's retry writes nothing over the undo, and stores its edit of the added record.
    let pending: Vec<RecordKey> = b.pending.iter().copied().collect();
    let r = save_records(&mut store, &b.data, &pending, &mut b.session, stamp(1, 70));
    assert!(r.conflicts.is_empty(), "{:?}", r.conflicts);
    let loaded = load(&store).unwrap();
    assert_eq!(loaded.data.agreements.get(&id), before.agreements.get(&id));
    assert_eq!(
        loaded.data.organisations.get(&added.id).unwrap().name,
        "Đơn vị mới, sửa ở thẻ B"
    );
}

#[test]
fn an_undo_refused_by_the_quota_is_retried_as_an_undo_without_a_false_conflict() {
    let before = generate::dataset(6, 60, 5);
    let (mut store, mut a, mut b) = two_tabs(&before);
    let file = other_office_file(&before, 30, 12);
    let undo = import_in(&mut a, &mut store, &file, 30, 12);
    hear(&mut b, std::mem::take(&mut store.events));
    let imported = a.data.clone();

    store.store.refuse_writes = Some(StoreError::QuotaExceeded);
    let (rollback, report) = undo_in(&mut a, &mut store, &undo);
    assert_eq!(report.error, Some(StoreError::QuotaExceeded));
    assert_eq!(report.pending.len(), 30);
    assert!(
        store.events.is_empty(),
        "nothing written, not even the mark"
    );
    assert_eq!(
        differing(&load(&store).unwrap().data, &imported),
        vec![],
        "storage as it was"
    );

    // Retried later (the app's 20 s retry) as the same undo: no conflict, and B follows. Saved
    // as ordinary edits instead, the older versions would look like a clash with another tab.
    store.store.refuse_writes = None;
    let mut as_edits = (store.store.clone(), a.session.clone());
    let r = save_records(
        &mut as_edits.0,
        &a.data,
        &report.pending,
        &mut as_edits.1,
        stamp(1, 80),
    );
    assert_eq!(r.conflicts.len(), 30);
    let report = save_rollback(
        &mut store,
        &a.data,
        &report.pending,
        &rollback,
        &mut a.session,
        stamp(1, 80),
    );
    assert_eq!(report.error, None);
    assert!(report.pending.is_empty());
    assert!(report.conflicts.is_empty(), "{:?}", report.conflicts);
    assert_eq!(differing(&load(&store).unwrap().data, &before), vec![]);
    assert!(hear(&mut b, std::mem::take(&mut store.events)).is_empty());
    assert_eq!(differing(&b.data, &before), vec![]);
}

#[test]
fn a_stale_mark_changes_nothing_on_loading_and_a_new_import_removes_it() {
    let before = generate::dataset(6, 60, 5);
    let (mut store, mut a, mut b) = two_tabs(&before);
    let file = other_office_file(&before, 30, 12);
    let undo = import_in(&mut a, &mut store, &file, 30, 12);
    hear(&mut b, std::mem::take(&mut store.events));
    undo_in(&mut a, &mut store, &undo);
    hear(&mut b, std::mem::take(&mut store.events));

    // The mark stays; a fresh load reads the data as it is and reports nothing about it.
    let loaded = load(&store).unwrap();
    assert!(store.store.entries.contains_key(keys::ROLLBACK_KEY));
    assert_eq!(differing(&loaded.data, &before), vec![]);
    assert!(loaded.problems.is_empty() && loaded.conflicts.is_empty());

    // The same file imported again (same versions): the mark goes first, so B takes the
    // import in and keeps the records it adds.
    let mut c = open(&store);
    clear_rollback(&mut store, &mut c.session).unwrap();
    let undo = import_in(&mut c, &mut store, &file, 30, 12);
    assert!(!undo.entries.is_empty());
    assert!(hear(&mut b, std::mem::take(&mut store.events)).is_empty());
    assert!(b.session.rollback.is_none());
    assert_eq!(differing(&b.data, &c.data), vec![]);
    let all = all_keys(&b.data);
    save_records(&mut store, &b.data, &all, &mut b.session, stamp(1, 90));
    assert_eq!(differing(&load(&store).unwrap().data, &c.data), vec![]);
}

#[test]
fn the_mark_names_the_import_it_undid_so_other_tabs_stop_offering_that_undo() {
    let before = generate::dataset(6, 60, 5);
    let (mut store, mut a, _) = two_tabs(&before);
    let file = other_office_file(&before, 2, 1);
    let undo = import_in(&mut a, &mut store, &file, 2, 1);
    store.events.clear();
    undo_in(&mut a, &mut store, &undo);
    // What another tab hears: the mark's text, announced first.
    let (key, raw) = &store.events[0];
    assert_eq!(key, keys::ROLLBACK_KEY);
    let mark = Rollback::decode(raw.as_deref().unwrap()).unwrap();
    let written = |u: &import::UndoImport| -> Vec<(RecordKey, VersionVector)> {
        u.entries
            .iter()
            .map(|e| (e.key(), e.written.clone()))
            .collect()
    };
    let undoes = |w: &[(RecordKey, VersionVector)]| mark.undoes(w.iter().map(|(k, v)| (*k, v)));
    let this = written(&undo);
    assert!(undoes(&this));

    // Not a part of it, nor the same records at other versions, nor nothing.
    assert!(!undoes(&this[..1]));
    let mut other_versions = this.clone();
    other_versions[0].1.bump(Uuid::from_u128(0xB));
    assert!(!undoes(&other_versions));
    assert!(!undoes(&[]));

    // Nor another import's undo (here, of another file, after this one was undone).
    let other = import_in(&mut a, &mut store, &other_office_file(&before, 3, 0), 3, 0);
    assert!(!undoes(&written(&other)));
}
