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
    tab.data.commit(a, stamp(secs))
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
        sync::take_incoming(&mut b.data, k, v).unwrap();
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
        sync::take_incoming(&mut b.data, k, v).unwrap();
    }
    let settled = resolve(&mut b.data, &report.conflicts[0], true, stamp(20)).unwrap();
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
fn an_unsaved_edit_meeting_another_tabs_write_is_a_conflict_at_once() {
    let data = generate::dataset(4, 10, 3);
    let (mut store, _) = stored(&data);
    let (mut a, mut b) = (open(&store), open(&store));
    let id = data.agreements.iter_live().next().unwrap().id();
    let ka = retitle(&mut a, id, "A", 10);
    save(&mut store, &a.data, &[ka], &mut a.session);
    // B has an edit it could not save yet (say the quota refused it).
    let kb = retitle(&mut b, id, "B", 11);
    let pending: BTreeSet<RecordKey> = [kb].into();
    let dk = delta_key(ka);
    let absorbed = absorb(
        &dk,
        Some(&store.entries[&dk]),
        &b.data,
        &pending,
        &mut b.session,
    );
    assert_eq!(absorbed.conflicts.len(), 1);
    assert_eq!(absorbed.conflicts[0].other["title"], "B");
    assert_eq!(absorbed.incoming[0].1["title"], "A");
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
        b.data.commit(x, stamp(12));
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
        sync::take_incoming(&mut b.data, k, v).unwrap();
    }
    // Then B saves what its form held.
    form_copy.title = "Bản của thẻ B".into();
    let kb = b.data.save_agreement(form_copy, stamp(11)).unwrap();
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
        stamp(30).now,
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
