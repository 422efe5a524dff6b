//! Two tabs over one store: each has its own dataset and session, as two pages would.

use super::*;

struct Tab {
    data: Dataset,
    session: Session,
}

fn open(store: &MemoryStore) -> Tab {
    let loaded = load(store).unwrap();
    Tab {
        data: loaded.data,
        session: loaded.session,
    }
}

fn retitle(tab: &mut Tab, id: uuid::Uuid, title: &str, secs: i64) -> RecordKey {
    let mut a = tab.data.agreements.get(&id).unwrap().clone();
    a.title = title.into();
    tab.data.commit(a, stamp(1, secs))
}

fn renote(tab: &mut Tab, id: uuid::Uuid, notes: &str, secs: i64) -> RecordKey {
    let mut a = tab.data.agreements.get(&id).unwrap().clone();
    a.notes = notes.into();
    tab.data.commit(a, stamp(1, secs))
}

#[test]
fn two_tabs_editing_different_records_both_keep_their_edits() {
    let data = generate::dataset(4, 40, 3);
    let (mut store, _) = stored(&data);
    let (mut a, mut b) = (open(&store), open(&store));
    let ids: Vec<_> = data.agreements.iter_live().map(|x| x.id()).collect();
    let ka = retitle(&mut a, ids[0], "Sửa ở thẻ A", 10);
    let kb = retitle(&mut b, ids[1], "Sửa ở thẻ B", 11);
    save(&mut store, &a.data, &[ka], &mut a.session);
    let report = save(&mut store, &b.data, &[kb], &mut b.session);
    assert!(report.conflicts.is_empty());
    let loaded = load(&store).unwrap();
    assert_eq!(
        loaded.data.agreements.get(&ids[0]).unwrap().title,
        "Sửa ở thẻ A"
    );
    assert_eq!(
        loaded.data.agreements.get(&ids[1]).unwrap().title,
        "Sửa ở thẻ B"
    );
    assert!(loaded.conflicts.is_empty());

    // B learns of A's edit from the storage event, without reloading.
    let dk = delta_key(ka);
    let absorbed = absorb(
        &dk,
        Some(&store.entries[&dk]),
        &b.data,
        &BTreeSet::new(),
        &mut b.session,
    );
    assert_eq!(absorbed.incoming.len(), 1);
    for (k, v) in absorbed.incoming {
        crate::storage::tabs::take_incoming(&mut b.data, k, v).unwrap();
    }
    assert_eq!(b.data, loaded.data);
}

#[test]
fn the_same_record_edited_in_two_tabs_becomes_a_conflict_with_both_versions_kept() {
    let data = generate::dataset(4, 40, 3);
    let (mut store, _) = stored(&data);
    let (mut a, mut b) = (open(&store), open(&store));
    let id = data.agreements.iter_live().next().unwrap().id();
    let ka = retitle(&mut a, id, "Bản của thẻ A", 10);
    let kb = retitle(&mut b, id, "Bản của thẻ B", 11);
    save(&mut store, &a.data, &[ka], &mut a.session);
    let report = save(&mut store, &b.data, &[kb], &mut b.session);

    // B did not overwrite A's version; B's is kept as a conflict, stored and in B's memory.
    assert_eq!(report.conflicts.len(), 1);
    assert_eq!(report.conflicts[0].other["title"], "Bản của thẻ B");
    assert_eq!(report.incoming[0].1["title"], "Bản của thẻ A");
    let loaded = load(&store).unwrap();
    assert_eq!(
        loaded.data.agreements.get(&id).unwrap().title,
        "Bản của thẻ A"
    );
    assert_eq!(loaded.conflicts.len(), 1);
    assert_eq!(loaded.conflicts[0].other["title"], "Bản của thẻ B");

    // A hears of the conflict key from its storage event.
    let ck = conflict_key(kb);
    let absorbed = absorb(
        &ck,
        Some(&store.entries[&ck]),
        &a.data,
        &BTreeSet::new(),
        &mut a.session,
    );
    assert_eq!(absorbed.conflicts.len(), 1);

    // B settles it, keeping its own version; A's tab is told and takes the result.
    for (k, v) in report.incoming {
        crate::storage::tabs::take_incoming(&mut b.data, k, v).unwrap();
    }
    let stored_now = record_value(&b.data, kb).unwrap();
    let fields = crate::storage::tabs::conflict_fields(&stored_now, &report.conflicts[0].other);
    let outcome = resolve(&mut b.data, &report.conflicts[0], &fields, stamp(1, 20)).unwrap();
    // The choice is one record written, with its entry.
    assert_eq!(outcome.changed, vec![outcome.value]);
    assert_eq!(outcome.entries.len(), 1);
    assert!(matches!(
        outcome.entries[0].1.how,
        crate::records::history::How::ConflictChoice { .. }
    ));
    let settled = outcome.value;
    let r = save(&mut store, &b.data, &[settled], &mut b.session);
    assert!(r.conflicts.is_empty(), "{:?}", r.conflicts);
    clear_conflict(&mut store, &mut b.session, settled).unwrap();
    let resolved = absorb(&ck, None, &a.data, &BTreeSet::new(), &mut a.session);
    assert_eq!(resolved.resolved, vec![settled]);
    let dk = delta_key(settled);
    let took = absorb(
        &dk,
        Some(&store.entries[&dk]),
        &a.data,
        &BTreeSet::new(),
        &mut a.session,
    );
    assert_eq!(took.incoming[0].1["title"], "Bản của thẻ B");
    let loaded = load(&store).unwrap();
    assert!(loaded.conflicts.is_empty());
    assert_eq!(
        loaded.data.agreements.get(&id).unwrap().title,
        "Bản của thẻ B"
    );
}

#[test]
fn an_unsaved_edit_meeting_another_tabs_write_is_left_to_its_own_save_which_merges() {
    let data = generate::dataset(4, 10, 3);
    let (mut store, _) = stored(&data);
    let (mut a, mut b) = (open(&store), open(&store));
    let id = data.agreements.iter_live().next().unwrap().id();
    let ka = retitle(&mut a, id, "A", 10);
    save(&mut store, &a.data, &[ka], &mut a.session);
    // B has an edit of another field waiting to be written (its lock not granted yet, or the
    // quota refused it) when A's write is announced.
    let kb = renote(&mut b, id, "Ghi chú của B", 11);
    let pending: BTreeSet<RecordKey> = [kb].into();
    let dk = delta_key(ka);
    let absorbed = absorb(
        &dk,
        Some(&store.entries[&dk]),
        &b.data,
        &pending,
        &mut b.session,
    );
    // Nothing decided from the event: B keeps its edit, and its base, for its own write.
    assert_eq!(absorbed, crate::storage::tabs::Absorbed::default());
    let report = save(&mut store, &b.data, &[kb], &mut b.session);
    assert!(report.conflicts.is_empty(), "{:?}", report.conflicts);
    let loaded = load(&store).unwrap();
    let both = loaded.data.agreements.get(&id).unwrap();
    assert_eq!(
        (both.title.as_str(), both.notes.as_str()),
        ("A", "Ghi chú của B")
    );
}

#[test]
fn a_fold_brings_in_what_other_tabs_wrote_to_the_same_bucket() {
    let data = generate::large(10, 300, 9);
    let (mut store, _) = stored(&data);
    let (mut a, mut b) = (open(&store), open(&store));
    let ids: Vec<_> = data.agreements.iter_live().map(|x| x.id()).collect();
    let ka = retitle(&mut a, ids[0], "A", 10);
    save(&mut store, &a.data, &[ka], &mut a.session);
    // B saves many records of the same bucket at once (a fold) before it is told of A's edit.
    let prefix = route(&b.session, Collection::Agreements, &ids[0]);
    let same_bucket: Vec<RecordKey> = all_keys(&b.data)
        .into_iter()
        .filter(|k| {
            k.collection == Collection::Agreements && prefix.contains(&k.id) && k.id != ids[0]
        })
        .take(BULK_RECORDS)
        .collect();
    for k in &same_bucket {
        let mut x = b.data.agreements.get(&k.id).unwrap().clone();
        x.notes = "B".into();
        b.data.commit(x, stamp(1, 12));
    }
    let report = save(&mut store, &b.data, &same_bucket, &mut b.session);
    assert!(
        report
            .incoming
            .iter()
            .any(|(k, v)| *k == ka && v["title"] == "A"),
        "B is told of A's edit"
    );
    let loaded = load(&store).unwrap();
    assert_eq!(loaded.data.agreements.get(&ids[0]).unwrap().title, "A");
    assert!(same_bucket
        .iter()
        .all(|k| loaded.data.agreements.get(&k.id).unwrap().notes == "B"));
}

#[test]
fn a_form_opened_before_another_tabs_save_does_not_overwrite_it() {
    let data = generate::dataset(4, 10, 3);
    let (mut store, _) = stored(&data);
    let (mut a, mut b) = (open(&store), open(&store));
    let id = data.agreements.iter_live().next().unwrap().id();
    // B opens the form: its copy is read now.
    let mut form_copy = b.data.agreements.get(&id).unwrap().clone();
    // A saves first; B takes it in from the storage event.
    let ka = retitle(&mut a, id, "Bản của thẻ A", 10);
    save(&mut store, &a.data, &[ka], &mut a.session);
    let dk = delta_key(ka);
    let absorbed = absorb(
        &dk,
        Some(&store.entries[&dk]),
        &b.data,
        &BTreeSet::new(),
        &mut b.session,
    );
    for (k, v) in absorbed.incoming {
        crate::storage::tabs::take_incoming(&mut b.data, k, v).unwrap();
    }
    // Then B saves what its form held.
    form_copy.title = "Bản của thẻ B".into();
    let kb = b
        .data
        .save_agreement(form_copy, stamp(1, 11))
        .unwrap()
        .key();
    let report = save(&mut store, &b.data, &[kb], &mut b.session);
    assert_eq!(report.conflicts.len(), 1, "{report:?}");
    assert_eq!(report.conflicts[0].other["title"], "Bản của thẻ B");
    let loaded = load(&store).unwrap();
    assert_eq!(
        loaded.data.agreements.get(&id).unwrap().title,
        "Bản của thẻ A"
    );
    assert_eq!(loaded.conflicts.len(), 1);
}

#[test]
fn a_record_put_back_by_an_undone_import_stays_put_back_after_a_reload() {
    // The import wrote many records of one bucket at once (folded into the bucket); its undo
    // puts back one of them, older than what the bucket holds. Written as a delta, the older
    // copy lost to the bucket's newer one on the next load: the undo came back.
    let data = generate::dataset(4, 40, 3);
    let (mut store, _) = stored(&data);
    let mut tab = open(&store);
    let ids: Vec<_> = data.agreements.iter_live().map(|x| x.id()).collect();
    let before = tab.data.agreements.get(&ids[0]).unwrap().clone();
    let imported: Vec<RecordKey> = ids
        .iter()
        .take(12)
        .enumerate()
        .map(|(i, id)| retitle(&mut tab, *id, &format!("Bản của đơn vị khác {i}"), 20))
        .collect();
    save(&mut store, &tab.data, &imported, &mut tab.session);

    let written = tab
        .data
        .agreements
        .get(&ids[0])
        .unwrap()
        .meta()
        .version
        .clone();
    tab.data.agreements.put(before.clone());
    let rollback = Rollback::new([(imported[0], written)], &tab.data);
    let report = save_rollback(
        &mut store,
        &tab.data,
        &[imported[0]],
        &rollback,
        &mut tab.session,
        stamp(1, 30),
    );
    assert_eq!(report.error, None);
    assert!(report.conflicts.is_empty());
    let loaded = load(&store).unwrap();
    assert_eq!(loaded.data.agreements.get(&ids[0]), Some(&before));
    assert_eq!(
        loaded.data.agreements.get(&ids[1]).unwrap().title,
        "Bản của đơn vị khác 1",
        "the other records are untouched"
    );
}

/// Two tabs open on one stored dataset, and the first live agreement's id.
fn two_tabs() -> (MemoryStore, Tab, Tab, uuid::Uuid) {
    let data = generate::dataset(4, 10, 3);
    let (store, _) = stored(&data);
    let (a, b) = (open(&store), open(&store));
    let id = data.agreements.iter_live().next().unwrap().id();
    (store, a, b, id)
}

fn agreement_key(id: uuid::Uuid) -> RecordKey {
    RecordKey {
        collection: Collection::Agreements,
        id,
    }
}

/// The three fields the tests below change: title, notes, place of signing.
fn fields(a: &Agreement) -> (&str, &str, &str) {
    (a.title.as_str(), a.notes.as_str(), a.signed_place.as_str())
}

/// A tab's edit of one agreement, as a form makes it: a change to the copy it holds.
fn edit(
    tab: &mut Tab,
    id: uuid::Uuid,
    secs: i64,
    change: impl FnOnce(&mut Agreement),
) -> RecordKey {
    let mut a = tab.data.agreements.get(&id).unwrap().clone();
    change(&mut a);
    tab.data.commit(a, stamp(1, secs))
}

/// Saves as the app does: the report's records come into the tab, its stored edits are forgotten.
fn save_tab(store: &mut MemoryStore, tab: &mut Tab, keys: &[RecordKey], secs: i64) -> WriteReport {
    let mut report = save_records(store, &tab.data, keys, &mut tab.session, stamp(1, secs));
    assert_eq!(report.error, None);
    report.take_into(&mut tab.data, keys);
    report
}

/// Both tabs edit the record as stored and save it, A first, neither having heard of the
/// other's save when it writes. B's report, and B's edit as B held it (as its form would).
fn race(
    store: &mut MemoryStore,
    (a, b): (&mut Tab, &mut Tab),
    id: uuid::Uuid,
    in_a: impl FnOnce(&mut Agreement),
    in_b: impl FnOnce(&mut Agreement),
) -> (WriteReport, Agreement) {
    let ka = edit(a, id, 10, in_a);
    let kb = edit(b, id, 11, in_b);
    let edited_in_b = b.data.agreements.get(&id).unwrap().clone();
    save_tab(store, a, &[ka], 10);
    (save_tab(store, b, &[kb], 11), edited_in_b)
}

/// A form's save: its copy `opened`, changed, rebased onto what the tab holds, then stored.
fn save_form(
    store: &mut MemoryStore,
    tab: &mut Tab,
    opened: &Agreement,
    secs: i64,
    change: impl FnOnce(&mut Agreement),
) -> WriteReport {
    let mut edited = opened.clone();
    change(&mut edited);
    let record = crate::commands::form_edit::onto_stored(&mut tab.data, opened, edited);
    let key = tab
        .data
        .save_agreement(record, stamp(1, secs))
        .unwrap()
        .key();
    save_tab(store, tab, &[key], secs)
}

/// The other tab hears of every key `report`'s save wrote, as storage events.
fn hear(store: &MemoryStore, tab: &mut Tab, keys: &[String]) {
    for key in keys {
        let absorbed = absorb(
            key,
            store.entries.get(key).map(String::as_str),
            &tab.data,
            &BTreeSet::new(),
            &mut tab.session,
        );
        for (k, v) in absorbed.incoming {
            crate::storage::tabs::take_incoming(&mut tab.data, k, v).unwrap();
        }
    }
}

fn agreement(store: &MemoryStore, id: uuid::Uuid) -> Agreement {
    load(store)
        .unwrap()
        .data
        .agreements
        .get(&id)
        .unwrap()
        .clone()
}

#[test]
fn two_tabs_saving_different_fields_of_one_record_at_once_keep_both_edits() {
    let (mut store, mut a, mut b, id) = two_tabs();
    // Both tabs edit the record as stored; neither has heard of the other's save when it writes.
    let (report, _) = race(
        &mut store,
        (&mut a, &mut b),
        id,
        |x| x.notes = "Ghi chú của thẻ A".into(),
        |x| x.title = "Tên sửa ở thẻ B".into(),
    );
    let written_a = a.data.agreements.get(&id).unwrap().clone();
    let kb = agreement_key(id);

    assert!(report.conflicts.is_empty(), "{:?}", report.conflicts);
    let stored = agreement(&store, id);
    assert_eq!(stored.notes, "Ghi chú của thẻ A");
    assert_eq!(stored.title, "Tên sửa ở thẻ B");
    assert!(load(&store).unwrap().conflicts.is_empty());
    // A new edit over both, which every tab takes over its own.
    let version = &stored.meta.version;
    assert_eq!(
        version.compare(&written_a.meta.version),
        Causality::Dominates
    );
    assert_eq!(
        b.data.agreements.get(&id),
        Some(&stored),
        "B holds what it stored"
    );
    assert!(b.data.befores.get(kb).is_none(), "B's edit is stored");
    hear(&store, &mut a, &[delta_key(kb)]);
    assert_eq!(
        a.data.agreements.get(&id),
        Some(&stored),
        "A takes the merge in"
    );
}

#[test]
fn the_same_field_changed_in_two_tabs_is_the_only_question_the_rest_is_stored() {
    let (mut store, mut a, mut b, id) = two_tabs();
    let (report, _) = race(
        &mut store,
        (&mut a, &mut b),
        id,
        |x| {
            x.title = "Tên của A".into();
            x.notes = "Ghi chú của A".into();
        },
        |x| {
            x.title = "Tên của B".into();
            x.signed_place = "Trà Vinh (B)".into();
        },
    );
    let kb = agreement_key(id);

    // B's other change is stored with A's; only the title, changed by both, is asked about.
    let stored = agreement(&store, id);
    assert_eq!(stored.title, "Tên của A");
    assert_eq!(stored.notes, "Ghi chú của A");
    assert_eq!(stored.signed_place, "Trà Vinh (B)");
    assert_eq!(report.conflicts.len(), 1);
    let conflict = &report.conflicts[0];
    assert_eq!(conflict.other["title"], "Tên của B");
    let stored_value = serde_json::to_value(&stored).unwrap();
    assert_eq!(
        crate::storage::tabs::conflict_fields(&stored_value, &conflict.other),
        ["title"]
    );
    // Kept under its key for every tab and a reload; A hears of it too.
    let loaded = load(&store).unwrap();
    assert_eq!(loaded.conflicts, report.conflicts);
    let ck = conflict_key(kb);
    let absorbed = absorb(
        &ck,
        Some(&store.entries[&ck]),
        &a.data,
        &BTreeSet::new(),
        &mut a.session,
    );
    assert_eq!(absorbed.conflicts, report.conflicts);

    // B takes its own title: one field from the other version, the rest as stored.
    let settled = resolve(&mut b.data, conflict, &["title".to_string()], stamp(1, 20))
        .unwrap()
        .value;
    let r = save_tab(&mut store, &mut b, &[settled], 20);
    assert!(r.conflicts.is_empty(), "{:?}", r.conflicts);
    clear_conflict(&mut store, &mut b.session, settled).unwrap();
    let loaded = load(&store).unwrap();
    assert!(loaded.conflicts.is_empty());
    let settled = loaded.data.agreements.get(&id).unwrap();
    assert_eq!(
        fields(&settled),
        ("Tên của B", "Ghi chú của A", "Trà Vinh (B)")
    );
}

#[test]
fn the_same_change_made_in_two_tabs_at_once_is_no_conflict() {
    let (mut store, mut a, mut b, id) = two_tabs();
    let ka = edit(&mut a, id, 10, |x| x.notes = "Giống nhau".into());
    let kb = edit(&mut b, id, 11, |x| x.notes = "Giống nhau".into());
    save_tab(&mut store, &mut a, &[ka], 10);
    let before = store.entries.clone();
    let report = save_tab(&mut store, &mut b, &[kb], 11);
    assert!(report.conflicts.is_empty());
    assert_eq!(store.entries, before, "nothing new to write");
    assert_eq!(b.data.agreements.get(&id), Some(&agreement(&store, id)));
}

#[test]
fn a_form_opened_before_another_tabs_save_asks_only_about_the_field_both_changed() {
    let (mut store, mut a, mut b, id) = two_tabs();
    let opened = b.data.agreements.get(&id).unwrap().clone();
    // A saves a new title and note; B hears of it while its form is open.
    let ka = edit(&mut a, id, 10, |x| {
        x.title = "Tên của A".into();
        x.notes = "Ghi chú của A".into();
    });
    save_tab(&mut store, &mut a, &[ka], 10);
    hear(&store, &mut b, &[delta_key(ka)]);
    // B's form changes the title too, and the place: rebased onto what B holds now, it clashes.
    let report = save_form(&mut store, &mut b, &opened, 11, |x| {
        x.title = "Tên của B".into();
        x.signed_place = "Nơi ký của B".into();
    });

    let stored = agreement(&store, id);
    assert_eq!(
        fields(&stored),
        ("Tên của A", "Ghi chú của A", "Nơi ký của B")
    );
    assert_eq!(report.conflicts.len(), 1);
    let stored_value = serde_json::to_value(&stored).unwrap();
    assert_eq!(
        crate::storage::tabs::conflict_fields(&stored_value, &report.conflicts[0].other),
        ["title"]
    );
    assert_eq!(report.conflicts[0].other["title"], "Tên của B");
}

#[test]
fn a_delete_in_one_tab_and_an_edit_in_the_other_keep_both_whole() {
    let data = generate::dataset(4, 10, 3);
    let (mut store, _) = stored(&data);
    let (mut a, mut b) = (open(&store), open(&store));
    // A record nothing refers to, so it can be deleted.
    let id = data
        .agreements
        .iter_live()
        .find(|x| {
            a.data
                .referenced_by(RecordKey {
                    collection: Collection::Agreements,
                    id: x.id(),
                })
                .is_empty()
        })
        .unwrap()
        .id();
    let ka = a.data.delete::<Agreement>(id, stamp(1, 10)).unwrap();
    let kb = edit(&mut b, id, 10, |x| x.notes = "Sửa khi thẻ kia xóa".into());
    save_tab(&mut store, &mut a, &[ka], 10);
    let report = save_tab(&mut store, &mut b, &[kb], 11);
    assert!(agreement(&store, id).meta.deleted, "the delete stands");
    assert_eq!(report.conflicts.len(), 1);
    assert_eq!(report.conflicts[0].other["notes"], "Sửa khi thẻ kia xóa");
    let stored_value = serde_json::to_value(agreement(&store, id)).unwrap();
    let fields = crate::storage::tabs::conflict_fields(&stored_value, &report.conflicts[0].other);
    assert!(
        fields.contains(&"deleted".to_string()) && fields.contains(&"notes".to_string()),
        "{fields:?}"
    );
}

#[test]
fn two_edits_before_one_save_are_merged_against_what_the_first_was_made_on() {
    let (mut store, mut a, mut b, id) = two_tabs();
    let ka = edit(&mut a, id, 10, |x| x.notes = "Ghi chú của A".into());
    // B edits twice while its write waits: the second edit's copy is not what is stored.
    edit(&mut b, id, 10, |x| x.title = "Tên của B".into());
    let kb = edit(&mut b, id, 11, |x| x.signed_place = "Nơi ký của B".into());
    save_tab(&mut store, &mut a, &[ka], 11);
    let report = save_tab(&mut store, &mut b, &[kb], 12);
    assert!(report.conflicts.is_empty(), "{:?}", report.conflicts);
    let stored = agreement(&store, id);
    assert_eq!(
        fields(&stored),
        ("Tên của B", "Ghi chú của A", "Nơi ký của B")
    );
}

#[test]
fn a_fold_merges_a_record_another_tab_changed_meanwhile() {
    let data = generate::large(10, 300, 9);
    let (mut store, _) = stored(&data);
    let (mut a, mut b) = (open(&store), open(&store));
    let ids: Vec<_> = data.agreements.iter_live().map(|x| x.id()).collect();
    let ka = edit(&mut a, ids[0], 10, |x| x.title = "Tên của A".into());
    save_tab(&mut store, &mut a, &[ka], 10);
    // B saves many records of that bucket at once (a fold), one of them A's, another field.
    let prefix = route(&b.session, Collection::Agreements, &ids[0]);
    let same_bucket: Vec<RecordKey> = all_keys(&b.data)
        .into_iter()
        .filter(|k| k.collection == Collection::Agreements && prefix.contains(&k.id))
        .take(BULK_RECORDS)
        .collect();
    assert!(same_bucket.iter().any(|k| k.id == ids[0]));
    for k in &same_bucket {
        edit(&mut b, k.id, 11, |x| x.notes = "B".into());
    }
    let report = save_tab(&mut store, &mut b, &same_bucket, 11);
    assert!(report.conflicts.is_empty(), "{:?}", report.conflicts);
    let loaded = load(&store).unwrap();
    let merged = loaded.data.agreements.get(&ids[0]).unwrap();
    assert_eq!(
        (merged.title.as_str(), merged.notes.as_str()),
        ("Tên của A", "B")
    );
    assert!(same_bucket
        .iter()
        .all(|k| loaded.data.agreements.get(&k.id).unwrap().notes == "B"));
}

/// Both tabs save the note at once from one version: both edits have the next version. B lost;
/// B holds A's edit now, while B's form still holds B's own edit as the copy it read.
fn lost_race() -> (MemoryStore, Tab, uuid::Uuid, Agreement) {
    let (mut store, mut a, mut b, id) = two_tabs();
    let (report, form_copy) = race(
        &mut store,
        (&mut a, &mut b),
        id,
        |x| x.notes = "Ghi chú của A".into(),
        |x| x.notes = "Ghi chú của B".into(),
    );
    assert_eq!(report.conflicts.len(), 1);
    let winner = agreement(&store, id);
    assert_eq!(
        winner.meta.version, form_copy.meta.version,
        "one version, two contents"
    );
    assert_eq!(b.data.agreements.get(&id), Some(&winner));
    (store, b, id, form_copy)
}

#[test]
fn a_form_still_holding_the_edit_that_lost_a_race_saves_another_field_over_the_winner() {
    let (mut store, mut b, id, form_copy) = lost_race();
    let r = save_form(&mut store, &mut b, &form_copy, 12, |x| {
        x.signed_place = "Nơi ký của B".into()
    });
    assert!(r.conflicts.is_empty(), "{:?}", r.conflicts);
    let stored = agreement(&store, id);
    assert_eq!(
        (stored.notes.as_str(), stored.signed_place.as_str()),
        ("Ghi chú của A", "Nơi ký của B"),
        "A's note is not put back to B's by a form that never showed it"
    );
}

#[test]
fn a_form_still_holding_the_edit_that_lost_a_race_asks_before_changing_the_winners_field() {
    let (mut store, mut b, id, form_copy) = lost_race();
    let r = save_form(&mut store, &mut b, &form_copy, 12, |x| {
        x.notes = "Ghi chú mới của B".into()
    });
    assert_eq!(agreement(&store, id).notes, "Ghi chú của A");
    assert_eq!(r.conflicts.len(), 1, "{r:?}");
    assert_eq!(r.conflicts[0].other["notes"], "Ghi chú mới của B");
}
