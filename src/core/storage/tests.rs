use std::collections::BTreeSet;

use chrono::DateTime;
use uuid::Uuid;

use super::backup::SnapshotRefused;
use super::keys::*;
use super::tabs::{absorb, resolve};
use super::*;
use crate::records::event::Event;
use crate::records::meta::{Causality, Meta};
use crate::records::model::{Agreement, Organisation, OrganisationKind};
use crate::records::record::Record;
use crate::records::workspace::Stamp;
use crate::sample_data::generate;
use crate::sample_data::support::stamp;

mod fixtures;
mod snapshot_refusal;
mod tabs;
mod undo;

pub(super) fn office() -> OfficeProfile {
    OfficeProfile {
        id: Uuid::from_u128(1),
        name: "Văn phòng UBND tỉnh".into(),
    }
}

/// A store holding `data` saved the way the app saves it, and the session that saved it.
pub(super) fn stored(data: &Dataset) -> (MemoryStore, Session) {
    let mut store = MemoryStore::default();
    let mut session = Session::default();
    assert!(save_office(&mut store, &mut session, &office())
        .error
        .is_none());
    let report = save_records(&mut store, data, &all_keys(data), &mut session, stamp(1, 0));
    assert!(
        report.error.is_none() && report.pending.is_empty(),
        "{report:?}"
    );
    (store, session)
}

/// `stored`, then the day's snapshot taken at `stamp(1, 1)`.
fn stored_with_daily_snapshot(data: &Dataset) -> (MemoryStore, Session, backup::SnapshotInfo) {
    let (mut store, mut session) = stored(data);
    let daily = backup::take(
        &mut store,
        &mut session,
        data,
        SnapshotKind::Daily,
        stamp(1, 1).now,
    )
    .unwrap();
    (store, session, daily)
}

/// Saves `keys` and checks that nothing was refused.
pub(super) fn save(
    store: &mut MemoryStore,
    data: &Dataset,
    keys: &[RecordKey],
    session: &mut Session,
) -> WriteReport {
    let report = save_records(store, data, keys, session, stamp(1, 99));
    assert_eq!(report.error, None);
    report
}

fn edit_event(data: &mut Dataset, n: usize, secs: i64) -> RecordKey {
    let mut e: Event = data.events.iter_live().nth(n).unwrap().clone();
    e.conclusions.push_str(" Bổ sung kết luận.");
    data.commit(e, stamp(1, secs))
}

#[test]
fn empty_store_is_a_first_run() {
    let loaded = load(&MemoryStore::default()).unwrap();
    assert!(loaded.is_first_run());
    assert!(loaded.session.read_only.is_none());
    assert_eq!(loaded.layout_found, 0);
}

#[test]
fn every_record_type_round_trips() {
    let mut data = generate::large(40, 30, 3);
    let spare = data
        .agreements
        .iter_live()
        .find(|a| {
            data.referenced_by(RecordKey {
                collection: Collection::Agreements,
                id: a.id(),
            })
            .is_empty()
        })
        .unwrap()
        .id();
    data.delete::<Agreement>(spare, stamp(1, 10)).unwrap();
    let mut org = data.organisations.iter_live().next().unwrap().clone();
    org.unknown.insert(
        "from_the_future".into(),
        serde_json::json!({"k": [1, "hai", null]}),
    );
    data.organisations.put(org);
    let rec = crate::records::recommendation::Recommendation::new(
        Meta::new(Uuid::from_u128(77), stamp(1, 0).now),
        "Hỗ trợ kinh phí",
    );
    data.commit(rec, stamp(1, 11));

    let (store, _) = stored(&data);
    assert!(
        store.entries.keys().all(|k| !k.starts_with("phoihop/r/")),
        "nothing in layout 1"
    );
    let loaded = load(&store).unwrap();
    assert_eq!(loaded.problems, vec![]);
    assert_eq!(loaded.office, Some(office()));
    assert_eq!(loaded.layout_found, LAYOUT_VERSION);
    assert_eq!(loaded.data, data);
    assert!(loaded.data.agreements.get(&spare).unwrap().meta.deleted);
    assert_eq!(loaded.session.base.len(), all_keys(&data).len());
}

#[test]
fn one_edit_writes_one_small_key_with_1000_agreements_stored() {
    let mut data = generate::dataset(40, 1000, 11);
    let (mut store, mut session) = stored(&data);
    let (sets_before, units_before) = (store.sets, store.units_written);

    let mut edited = data.agreements.iter_live().nth(500).unwrap().clone();
    edited.title.push_str(" (sửa đổi)");
    let key = data.save_agreement(edited, stamp(1, 20)).unwrap().key();
    let report = save(&mut store, &data, &[key], &mut session);

    assert_eq!(report.keys_written, 1, "one delta");
    assert_eq!(store.sets - sets_before, 1);
    let units = store.units_written - units_before;
    assert_eq!(units, report.units_written);
    let delta = &store.entries[&delta_key(key)];
    let delta_units = utf16_units(&delta_key(key), delta);
    // 4 KB as the browser keeps it: 2 bytes per UTF-16 unit.
    assert!(
        delta_units * 2 < 4096,
        "one agreement wrote {delta_units} UTF-16 units"
    );
    assert!(
        units * 2 < 4096,
        "the whole save wrote {units} UTF-16 units"
    );
    assert_eq!(load(&store).unwrap().data, data);

    // The next edit writes the delta only.
    let before = store.units_written;
    let mut again = data.agreements.get(&key.id).unwrap().clone();
    again.notes = "Đã rà soát.".into();
    let key = data.save_agreement(again, stamp(1, 21)).unwrap().key();
    let report = save(&mut store, &data, &[key], &mut session);
    assert_eq!(report.keys_written, 1);
    assert!((store.units_written - before) * 2 < 4096);
}

#[test]
fn an_edit_writes_the_same_order_of_units_with_1000_and_10000_events_stored() {
    let mut cost = Vec::new();
    for events in [1000, 10_000] {
        let mut data = generate::large(100, events, 5);
        let (mut store, mut session) = stored(&data);
        let mut written = Vec::new();
        // Enough edits to fold a bucket at least once: the amortised cost counts folds too.
        for i in 0..(FOLD_DELTAS * 2) {
            let key = edit_event(&mut data, i * 7, 100 + i as i64);
            let before = store.units_written;
            save(&mut store, &data, &[key], &mut session);
            written.push(store.units_written - before);
        }
        let typical = {
            let mut w = written.clone();
            w.sort();
            w[w.len() / 2]
        };
        let mean = written.iter().sum::<usize>() / written.len();
        cost.push((typical, mean));
        assert_eq!(load(&store).unwrap().data, data, "{events} events");
    }
    let (small, large) = (cost[0], cost[1]);
    assert!(
        large.0 < small.0 * 3 && small.0 < large.0 * 3,
        "median units per edit: {cost:?}"
    );
    assert!(large.0 < 2048, "an event edit is a small delta: {cost:?}");
    assert!(large.1 < SPLIT_UNITS, "amortised with folds: {cost:?}");
}

#[test]
fn deltas_fold_into_their_bucket_and_big_buckets_split() {
    let mut data = generate::large(40, 3000, 8);
    let (mut store, mut session) = stored(&data);
    let buckets = |s: &MemoryStore| {
        s.entries
            .keys()
            .filter(|k| k.starts_with("phoihop/b/events/"))
            .count()
    };
    let before = buckets(&store);
    assert!(before > 1, "3000 events do not fit one bucket");
    assert!(store
        .entries
        .iter()
        .all(|(k, v)| utf16_units(k, v) <= SPLIT_UNITS || !k.starts_with("phoihop/b/")));
    // Edits of records of one bucket: deltas until the fold.
    let target = route(
        &session,
        Collection::Events,
        &data.events.iter_all().next().unwrap().id(),
    );
    let ids: Vec<_> = data
        .events
        .iter_all()
        .filter(|e| target.contains(&e.id()))
        .map(|e| e.id())
        .take(FOLD_DELTAS + 1)
        .collect();
    for (i, id) in ids.iter().enumerate() {
        let mut e = data.events.get(id).unwrap().clone();
        e.place = format!("Phòng họp {i}");
        let key = data.commit(e, stamp(1, 200 + i as i64));
        save(&mut store, &data, &[key], &mut session);
    }
    let deltas = store
        .entries
        .keys()
        .filter(|k| k.starts_with("phoihop/d/"))
        .count();
    assert!(deltas < FOLD_DELTAS, "{deltas} deltas left after the fold");
    assert_eq!(load(&store).unwrap().data, data);
}

#[test]
fn a_corrupt_bucket_is_reported_kept_and_new_writes_go_beside_it() {
    let mut data = generate::large(10, 1500, 5);
    let (mut store, _) = stored(&data);
    let victim = store
        .entries
        .keys()
        .find(|k| k.starts_with("phoihop/b/events/"))
        .unwrap()
        .clone();
    let corrupt = "D\u{4e00}\u{4e01}broken";
    store.entries.insert(victim.clone(), corrupt.into());

    let loaded = load(&store).unwrap();
    assert_eq!(loaded.problems.len(), 1, "{:?}", loaded.problems);
    assert_eq!(loaded.problems[0].key, victim);
    assert_eq!(loaded.problems[0].raw, corrupt);
    assert!(matches!(
        loaded.problems[0].kind,
        LoadProblemKind::Undecodable { .. }
    ));
    assert!(loaded.session.quarantined.contains(&victim));
    assert!(loaded.data.events.count_live() < 1500 && loaded.data.events.count_live() > 0);
    assert_eq!(loaded.data.agreements, data.agreements);

    // Records that belonged there are saved again (the user re-enters them, or an import brings them):
    // they go to the halves below the fenced-off key, which keeps its raw text.
    let mut session = loaded.session;
    let lost: Vec<RecordKey> = all_keys(&data)
        .into_iter()
        .filter(|k| k.collection == Collection::Events && loaded.data.events.get(&k.id).is_none())
        .collect();
    assert!(!lost.is_empty());
    for (i, key) in lost.iter().enumerate() {
        let e = data.events.get(&key.id).unwrap().clone();
        data.commit(e, stamp(1, 300 + i as i64));
    }
    let report = save(&mut store, &data, &lost, &mut session);
    assert!(report.pending.is_empty());
    assert_eq!(store.entries[&victim], corrupt);
    let reloaded = load(&store).unwrap();
    assert_eq!(reloaded.data, data);
    assert_eq!(reloaded.problems.len(), 1);
}

#[test]
fn a_record_that_fails_the_schema_is_reported_and_carried_over_when_its_bucket_is_rewritten() {
    let data = generate::dataset(4, 20, 2);
    let (mut store, mut session) = stored(&data);
    let bk = store
        .entries
        .keys()
        .find(|k| k.starts_with("phoihop/b/agreements/"))
        .unwrap()
        .clone();
    let mut rows = codec::decode(&store.entries[&bk]).unwrap();
    rows[2]["period"] = serde_json::json!("không phải một giai đoạn");
    let bad_id: Uuid = rows[2]["id"].as_str().unwrap().parse().unwrap();
    store.entries.insert(bk.clone(), codec::encode(&rows));

    let loaded = load(&store).unwrap();
    assert_eq!(loaded.problems.len(), 1);
    assert_eq!(loaded.problems[0].key, bk);
    assert!(loaded.problems[0].raw.contains("không phải một giai đoạn"));
    assert!(matches!(
        loaded.problems[0].kind,
        LoadProblemKind::SchemaMismatch { .. }
    ));
    assert_eq!(loaded.data.agreements.count_live(), 19);

    // A bulk save rewrites that bucket: the unreadable record goes along untouched.
    let mut d = loaded.data.clone();
    session.base = loaded.session.base.clone();
    let keys: Vec<RecordKey> = all_keys(&d)
        .into_iter()
        .filter(|k| k.collection == Collection::Agreements)
        .collect();
    for k in &keys {
        let a = d.agreements.get(&k.id).unwrap().clone();
        d.commit(a, stamp(1, 50));
    }
    save(&mut store, &d, &keys, &mut session);
    let rows = codec::decode(&store.entries[&bk]).unwrap();
    let kept = rows.iter().find(|r| r["id"] == bad_id.to_string()).unwrap();
    assert_eq!(kept["period"], "không phải một giai đoạn");
}

/// A copy of `row` that `row`'s version does not know: newer, or concurrent with it.
fn other_copy(row: &serde_json::Value, title: &str, newer: bool) -> serde_json::Value {
    let mut copy = row.clone();
    copy["title"] = title.into();
    let office = Uuid::from_u128(0x7e57).to_string();
    if !newer {
        copy["version"] = serde_json::json!({});
    }
    copy["version"][office] = 1.into();
    copy
}

/// A second copy of a record in the buckets (twice in its bucket, in a bucket that should not
/// hold it, in a parent bucket a split cut short left behind) is settled by versions: the newest
/// wins whatever the order, and a concurrent one is kept as a conflict.
#[test]
fn a_record_stored_twice_is_settled_by_its_versions_wherever_its_copies_are() {
    let data = generate::large(10, 1500, 5);
    let (store, _) = stored(&data);
    let buckets: Vec<String> = store
        .entries
        .keys()
        .filter(|k| k.starts_with("phoihop/b/events/"))
        .cloned()
        .collect();
    assert!(buckets.len() >= 2, "{buckets:?}");
    let (home, other) = (&buckets[0], &buckets[1]);
    let rows = codec::decode(&store.entries[home]).unwrap();
    let id: Uuid = rows[3]["id"].as_str().unwrap().parse().unwrap();
    let title = |loaded: &Loaded| loaded.data.events.get(&id).unwrap().title.clone();
    let with = |changes: &[(&String, serde_json::Value, bool)]| {
        let mut store = store.clone();
        for (key, copy, first) in changes {
            let mut rows = codec::decode(&store.entries[*key]).unwrap();
            if *first {
                rows.insert(0, copy.clone());
            } else {
                rows.push(copy.clone());
            }
            store.entries.insert((*key).clone(), codec::encode(&rows));
        }
        let loaded = load(&store).unwrap();
        assert!(loaded.problems.is_empty(), "{:?}", loaded.problems);
        assert_eq!(loaded.data.events.count_live(), 1500);
        loaded
    };
    let newer = other_copy(&rows[3], "mới hơn", true);
    let concurrent = other_copy(&rows[3], "song song", false);
    for first in [false, true] {
        // Twice in its own bucket.
        let loaded = with(&[(home, newer.clone(), first)]);
        assert_eq!(title(&loaded), "mới hơn");
        assert!(loaded.conflicts.is_empty());
        let loaded = with(&[(home, concurrent.clone(), first)]);
        assert_eq!(loaded.conflicts.len(), 1);
        assert_eq!(loaded.conflicts[0].key.id, id);
        let titles = [
            title(&loaded),
            loaded.conflicts[0].other["title"].to_string(),
        ];
        assert!(titles.iter().any(|t| t.contains("song song")), "{titles:?}");
        // Also in a bucket that should not hold it.
        let loaded = with(&[(other, newer.clone(), first)]);
        assert_eq!(title(&loaded), "mới hơn");
        let mut older = rows[3].clone();
        older["version"] = serde_json::json!({});
        older["title"] = "cũ hơn".into();
        let loaded = with(&[(other, older, first)]);
        assert_eq!(title(&loaded), data.events.get(&id).unwrap().title);
        assert!(loaded.conflicts.is_empty());
    }
    // In the parent of its bucket, left by a split cut short: the newest copy still wins.
    let prefix = home.rsplit('/').next().unwrap();
    assert!(!prefix.is_empty());
    let parent = format!("phoihop/b/events/{}", &prefix[..prefix.len() - 1]);
    let mut store2 = store.clone();
    store2
        .entries
        .insert(parent, codec::encode(std::slice::from_ref(&newer)));
    let loaded = load(&store2).unwrap();
    assert!(loaded.problems.is_empty(), "{:?}", loaded.problems);
    assert_eq!(title(&loaded), "mới hơn");
    assert_eq!(loaded.data.events.count_live(), 1500);
}

#[test]
fn corrupt_deltas_and_unknown_keys_are_reported_and_never_written() {
    let mut data = generate::dataset(3, 20, 5);
    let (mut store, _) = stored(&data);
    let victim = data.agreements.iter_live().next().unwrap().id();
    let key = RecordKey {
        collection: Collection::Agreements,
        id: victim,
    };
    store
        .entries
        .insert(delta_key(key), "{\"id\": \"trunc".into());
    store.entries.insert("phoihop/whatever".into(), "x".into());
    store
        .entries
        .insert("someone-else".into(), "not ours".into());

    let loaded = load(&store).unwrap();
    let kinds: std::collections::BTreeMap<&str, &LoadProblemKind> = loaded
        .problems
        .iter()
        .map(|p| (p.key.as_str(), &p.kind))
        .collect();
    assert_eq!(kinds.len(), 2, "{kinds:?}");
    assert!(matches!(
        kinds[delta_key(key).as_str()],
        LoadProblemKind::Undecodable { .. }
    ));
    assert_eq!(kinds["phoihop/whatever"], &LoadProblemKind::UnknownKey);
    // The bucket's copy of the record still loads.
    assert!(loaded.data.agreements.get(&victim).is_some());

    // Editing it writes to the bucket; the corrupt delta stays as it was.
    let mut session = loaded.session;
    let mut a = data.agreements.get(&victim).unwrap().clone();
    a.notes = "Sửa sau khi hỏng".into();
    let k = data.commit(a, stamp(1, 30));
    let report = save(&mut store, &data, &[k], &mut session);
    assert!(report.pending.is_empty());
    assert_eq!(store.entries[&delta_key(key)], "{\"id\": \"trunc");
    assert_eq!(
        load(&store)
            .unwrap()
            .data
            .agreements
            .get(&victim)
            .unwrap()
            .notes,
        "Sửa sau khi hỏng"
    );
}

#[test]
fn a_newer_or_damaged_layout_loads_read_only_says_which_and_writes_nothing() {
    let data = generate::dataset(2, 2, 1);
    let newer = ReadOnly::NewerLayout { found: 7 };
    let damaged = ReadOnly::DamagedLayout {
        found: "hai".into(),
    };
    for (marker, why) in [("7", newer), ("hai", damaged)] {
        let (mut store, _) = stored(&data);
        store.entries.insert(LAYOUT_KEY.into(), marker.into());
        let before = store.entries.clone();
        let mut loaded = load(&store).unwrap();
        assert_eq!(loaded.session.read_only, Some(why.clone()));
        assert_eq!(loaded.data, data);
        assert_eq!(Some(loaded.problems[0].kind.clone()), why.problem());
        let found = match &loaded.problems[0].kind {
            LoadProblemKind::NewerLayout { found } | LoadProblemKind::DamagedLayout { found } => {
                found
            }
            other => panic!("{other:?}"),
        };
        assert_eq!(found, marker);
        let keys = all_keys(&loaded.data);
        let report = save_records(
            &mut store,
            &loaded.data,
            &keys,
            &mut loaded.session,
            stamp(1, 5),
        );
        assert_eq!(report.pending.len(), keys.len());
        // Nor the office, the export mark, the undo mark: not one key, the marker least of all.
        let office_report = save_office(&mut store, &mut loaded.session, &office());
        assert_eq!(office_report.error, Some(StoreError::ReadOnly));
        assert_eq!(
            record_export(&mut store, &mut loaded.session, stamp(1, 6).now),
            Err(StoreError::ReadOnly)
        );
        assert_eq!(
            clear_rollback(&mut store, &mut loaded.session),
            Err(StoreError::ReadOnly)
        );
        // Nor a snapshot, encoded in slices and stored last (`backup::put`).
        assert_eq!(
            backup::take(
                &mut store,
                &mut loaded.session,
                &loaded.data,
                SnapshotKind::Daily,
                stamp(1, 7).now
            ),
            Err(SnapshotRefused::Store(StoreError::ReadOnly))
        );
        assert_eq!(store.entries, before);
    }
    // A layout this app writes, or an older one, is not read-only.
    assert_eq!(ReadOnly::from_layout(" 2 "), None);
    assert_eq!(ReadOnly::from_layout("1"), None);
    assert_eq!(
        ReadOnly::from_layout("3"),
        Some(ReadOnly::NewerLayout { found: 3 })
    );
    assert_eq!(
        ReadOnly::from_layout("xyz"),
        Some(ReadOnly::DamagedLayout {
            found: "xyz".into()
        })
    );
}

#[test]
fn a_quota_refusal_gives_up_snapshots_first_then_leaves_edits_pending_and_storage_intact() {
    let mut data = generate::dataset(4, 30, 4);
    let (mut store, mut session, _) = stored_with_daily_snapshot(&data);
    let snapshot_units = session.snapshot_units();
    store.quota_units = Some(store.units() + 50);

    let mut edited = data.agreements.iter_live().next().unwrap().clone();
    edited.notes = "Ghi chú mới".into();
    let key = data.save_agreement(edited, stamp(1, 40)).unwrap().key();
    let report = save_records(&mut store, &data, &[key], &mut session, stamp(1, 40));
    assert_eq!(report.error, None, "the snapshot made room");
    assert_eq!(report.snapshots_dropped.len(), 1);
    assert!(snapshot_units > 0 && session.snapshot_units() == 0);

    // No snapshot left: the next refusal leaves the edit pending and storage as it was.
    store.quota_units = Some(store.units() + 10);
    let before = store.entries.clone();
    let mut edited = data.agreements.iter_live().nth(1).unwrap().clone();
    edited.notes = "Ghi chú rất dài ".repeat(200);
    let key = data.save_agreement(edited, stamp(1, 41)).unwrap().key();
    let report = save_records(&mut store, &data, &[key], &mut session, stamp(1, 41));
    assert_eq!(report.error, Some(StoreError::QuotaExceeded));
    assert_eq!(report.pending, vec![key]);
    assert_eq!(store.entries, before);

    // Once space is freed the retry succeeds.
    store.quota_units = None;
    let retry = save(&mut store, &data, &report.pending, &mut session);
    assert!(retry.pending.is_empty());
    assert_eq!(load(&store).unwrap().data, data);
}

#[test]
fn snapshots_given_up_for_room_are_noted_with_when_and_why_and_the_notes_survive_a_reload() {
    use backup::{GiveUp, GivenUp};
    let mut data = generate::dataset(4, 30, 4);
    let (mut store, mut session, daily) = stored_with_daily_snapshot(&data);

    // Room for one snapshot only: the older ones go for the new one, noted as such.
    let before: Vec<String> = backup::list(&session).into_iter().map(|s| s.key).collect();
    session.sizes.insert(
        "phoihop-test/filler".into(),
        QUOTA_UNITS - backup::HEADROOM_UNITS - session.units_used() - daily.units / 2,
    );
    let import = backup::take(
        &mut store,
        &mut session,
        &data,
        SnapshotKind::BeforeImport,
        stamp(1, 90_000).now,
    )
    .unwrap();
    session.sizes.remove("phoihop-test/filler");
    assert_eq!(before, vec![daily.key.clone()]);
    assert_eq!(
        session.given_up,
        vec![GivenUp {
            key: daily.key.clone(),
            at: stamp(1, 90_000).now,
            why: GiveUp::RoomForSnapshot,
        }]
    );
    assert_eq!(
        session.given_up[0].snapshot(),
        Some((stamp(1, 1).now, SnapshotKind::Daily))
    );

    // The quota refuses an edit: the snapshot left goes for it, noted as room for data.
    let units_before = store.units();
    store.quota_units = Some(units_before + 50);
    let mut edited = data.agreements.iter_live().next().unwrap().clone();
    edited.notes = "Ghi chú mới".into();
    let key = data.save_agreement(edited, stamp(1, 90_040)).unwrap().key();
    let report = save_records(&mut store, &data, &[key], &mut session, stamp(1, 90_040));
    assert_eq!(report.error, None);
    assert!(report.snapshots_dropped.contains(&import.key));
    assert_eq!(
        session.given_up.last(),
        Some(&GivenUp {
            key: import.key.clone(),
            at: stamp(1, 90_040).now,
            why: GiveUp::RoomForData,
        })
    );
    assert_eq!(
        session.given_up.last().unwrap().snapshot(),
        Some((stamp(1, 90_000).now, SnapshotKind::BeforeImport))
    );
    // Kept in storage: a reload (or another tab) knows why the backups are gone.
    store.quota_units = None;
    assert_eq!(load(&store).unwrap().session.given_up, session.given_up);
    let mut other = Session::default();
    let raw = store.get(SNAPSHOT_LOG_KEY).unwrap().unwrap();
    absorb(
        SNAPSHOT_LOG_KEY,
        Some(&raw),
        &data,
        &BTreeSet::new(),
        &mut other,
    );
    assert_eq!(other.given_up, session.given_up);
    assert!(load(&store).unwrap().problems.is_empty());
}

#[test]
fn any_other_refusal_is_reported_with_its_message_and_nothing_changes() {
    let mut data = generate::dataset(2, 3, 4);
    let (mut store, mut session) = stored(&data);
    let before = store.entries.clone();
    store.refuse_writes = Some(StoreError::Other("SecurityError: denied".into()));
    let mut edited = data.agreements.iter_live().next().unwrap().clone();
    edited.title.push('!');
    let key = data.save_agreement(edited, stamp(1, 40)).unwrap().key();
    let report = save_records(&mut store, &data, &[key], &mut session, stamp(1, 40));
    assert_eq!(
        report.error,
        Some(StoreError::Other("SecurityError: denied".into()))
    );
    assert_eq!(report.pending, vec![key]);
    assert_eq!(store.entries, before);
}

#[test]
fn snapshots_rotate_stay_in_budget_and_restore_as_new_edits() {
    let mut data = generate::dataset(4, 20, 6);
    let (mut store, mut session) = stored(&data);
    let day = 86_400;
    for d in 0..5 {
        assert!(backup::daily_due(&session, stamp(1, d * day).now));
        backup::take(
            &mut store,
            &mut session,
            &data,
            SnapshotKind::Daily,
            stamp(1, d * day).now,
        )
        .unwrap();
        assert!(!backup::daily_due(&session, stamp(1, d * day + 60).now));
    }
    let kept = backup::list(&session);
    assert_eq!(kept.len(), backup::keep(SnapshotKind::Daily));
    assert_eq!(kept[0].taken_at, stamp(1, 2 * day).now);
    // Rotation is not noted as a snapshot given up: Settings says how many are kept.
    assert!(session.given_up.is_empty());
    let before_import = backup::take(
        &mut store,
        &mut session,
        &data,
        SnapshotKind::BeforeImport,
        stamp(1, 6 * day).now,
    )
    .unwrap();

    // Changes after the snapshot: an edit, a new record.
    let first = data.agreements.iter_live().next().unwrap().id();
    let mut a = data.agreements.get(&first).unwrap().clone();
    a.title = "Đã sửa sau sao lưu".into();
    let old_version = data.agreements.get(&first).unwrap().meta.version.clone();
    data.commit(a, stamp(1, 7 * day));
    let org = Organisation::new(
        Meta::new(Uuid::from_u128(991), stamp(1, 0).now),
        "Cơ quan mới",
        "",
        OrganisationKind::Other,
    );
    let new_org = data.commit(org, stamp(1, 7 * day));
    save(&mut store, &data, &all_keys(&data), &mut session);

    let snapshot = backup::read(&store, &before_import.key).unwrap();
    let changed = backup::restore(&mut data, &snapshot, stamp(1, 0).now, stamp(1, 8 * day));
    assert_eq!(changed.changed.len(), 2);
    // Each record put back or taken away has its entry, saying the snapshot did it.
    assert_eq!(changed.entries.len(), 2);
    assert!(changed.entries.iter().all(|(_, e)| e.how
        == crate::records::history::How::SnapshotRestored {
            taken: stamp(1, 0).now
        }));
    let restored = data.agreements.get(&first).unwrap();
    assert_ne!(restored.title, "Đã sửa sau sao lưu");
    assert_eq!(
        restored.meta.version.compare(&old_version),
        crate::records::meta::Causality::Dominates
    );
    assert!(data.organisations.get(&new_org.id).unwrap().meta.deleted);
    save(&mut store, &data, &changed.changed, &mut session);
    assert_eq!(load(&store).unwrap().data, data);
}

#[test]
fn a_snapshot_too_big_for_the_budget_is_refused_and_gives_nothing_up() {
    let data = generate::dataset(4, 20, 6);
    let (mut store, mut session) = stored(&data);
    backup::take(
        &mut store,
        &mut session,
        &data,
        SnapshotKind::Daily,
        stamp(1, 0).now,
    )
    .unwrap();
    // Pretend live data fills the quota but for the headroom.
    session.sizes.insert(
        "phoihop-test/filler".into(),
        QUOTA_UNITS - backup::HEADROOM_UNITS,
    );
    let before = store.entries.clone();
    let refused = backup::take(
        &mut store,
        &mut session,
        &data,
        SnapshotKind::BeforeImport,
        stamp(1, 9).now,
    );
    assert!(matches!(
        refused,
        Err(backup::SnapshotRefused::TooBig { .. })
    ));
    // Only the refusal's note is written.
    assert!(store.entries.remove(SNAPSHOT_REFUSAL_KEY).is_some());
    assert_eq!(store.entries, before);
}

#[test]
fn the_first_save_after_an_export_marks_changes_not_exported_since() {
    let mut data = generate::dataset(2, 3, 4);
    let (mut store, mut session) = stored(&data);
    assert_eq!(session.export.changed_since, Some(stamp(1, 0).now));
    record_export(&mut store, &mut session, stamp(1, 50).now).unwrap();
    assert_eq!(
        load(&store).unwrap().session.export,
        ExportState {
            last_export: Some(stamp(1, 50).now),
            changed_since: None
        }
    );
    let mut a = data.agreements.iter_live().next().unwrap().clone();
    a.notes = "x".into();
    let key = data.commit(a, stamp(1, 60));
    save_records(&mut store, &data, &[key], &mut session, stamp(1, 60));
    let state = load(&store).unwrap().session.export;
    assert_eq!(state.changed_since, Some(stamp(1, 60).now));
    assert_eq!(state.last_export, Some(stamp(1, 50).now));
}

#[test]
fn units_count_utf16_like_the_browser() {
    assert_eq!(utf16_units("k", "Đoàn"), 5);
    assert_eq!(utf16_units("", "😀"), 2);
    // Every width of UTF-8, the packed range (U+0020..U+801F) and the BMP's edges.
    let mut text: String = (0..=0x10FFFFu32)
        .step_by(61)
        .filter_map(char::from_u32)
        .collect();
    text.push_str("\u{7f}\u{80}\u{7ff}\u{800}\u{801f}\u{ffff}\u{10000}\u{10ffff}Thành Đoàn");
    assert_eq!(utf16_units("", &text), text.encode_utf16().count());
    assert_eq!(utf16_units(&text, "a"), text.encode_utf16().count() + 1);
    let data = generate::dataset(2, 3, 4);
    let (store, session) = stored(&data);
    assert_eq!(units_used(&store).unwrap(), session.units_used());
    assert_eq!(store.units(), session.units_used());
}

#[test]
fn conflicts_resolve_to_a_version_that_has_seen_both() {
    let mut data = generate::dataset(2, 2, 4);
    let id = data.agreements.iter_live().next().unwrap().id();
    let key = RecordKey {
        collection: Collection::Agreements,
        id,
    };
    let mut theirs = data.agreements.get(&id).unwrap().clone();
    theirs.title = "Bản của thẻ kia".into();
    let mut ours = theirs.clone();
    ours.title = "Bản của thẻ này".into();
    ours.meta.version.bump(Uuid::from_u128(1));
    theirs.meta.version.bump(Uuid::from_u128(2));
    data.agreements.put(theirs.clone());
    let conflict = Conflict {
        key,
        other: serde_json::to_value(&ours).unwrap(),
    };
    let mut keep_ours = data.clone();
    let fields =
        crate::storage::tabs::conflict_fields(&record_value(&data, key).unwrap(), &conflict.other);
    assert_eq!(fields, ["title"]);
    resolve(&mut keep_ours, &conflict, &fields, stamp(1, 70)).unwrap();
    let settled = keep_ours.agreements.get(&id).unwrap();
    assert_eq!(settled.title, "Bản của thẻ này");
    for side in [&ours.meta.version, &theirs.meta.version] {
        assert_eq!(
            settled.meta.version.compare(side),
            crate::records::meta::Causality::Dominates
        );
    }
    resolve(&mut data, &conflict, &[], stamp(1, 70)).unwrap();
    assert_eq!(data.agreements.get(&id).unwrap().title, "Bản của thẻ kia");
    let _ = absorb; // used in tabs.rs
}

#[test]
fn a_storage_event_for_a_record_is_taken_in() {
    let data = generate::dataset(2, 2, 4);
    let (mut store, mut session) = stored(&data);
    let mut other_tab_data = data.clone();
    let mut other_session = load(&store).unwrap().session;
    let mut a = other_tab_data
        .agreements
        .iter_live()
        .next()
        .unwrap()
        .clone();
    a.title = "Sửa ở thẻ khác".into();
    let key = other_tab_data.commit(a, stamp(1, 80));
    save(&mut store, &other_tab_data, &[key], &mut other_session);
    let dk = delta_key(key);
    let absorbed = absorb(
        &dk,
        Some(&store.entries[&dk]),
        &data,
        &BTreeSet::new(),
        &mut session,
    );
    assert_eq!(absorbed.incoming.len(), 1);
    assert_eq!(absorbed.incoming[0].1["title"], "Sửa ở thẻ khác");
    assert!(absorbed.conflicts.is_empty());
}

#[test]
fn a_snapshot_far_beyond_the_budget_is_refused_from_the_sizes_alone() {
    let data = generate::dataset(2, 3, 4);
    let (mut store, mut session) = stored(&data);
    // Buckets this tab knows of that would need far more than the budget.
    session.sizes.insert(
        bucket_key(Collection::Events, &Prefix("0".into())),
        backup::BUDGET_UNITS * 2,
    );
    let refused = backup::take(
        &mut store,
        &mut session,
        &data,
        SnapshotKind::Daily,
        stamp(1, 5).now,
    );
    assert!(
        matches!(refused, Err(backup::SnapshotRefused::TooBig { units, .. }) if units >= backup::BUDGET_UNITS * 2)
    );
    assert!(backup::list(&session).is_empty());
}

#[test]
fn a_snapshot_is_encoded_a_chunk_at_a_time_and_reads_back_whole() {
    let data = generate::large(20, 2_500, 3);
    let mut writer = backup::SnapshotWriter::new(SnapshotKind::BeforeImport, stamp(1, 5).now, None);
    let mut steps = 1;
    while !writer.step(&data) {
        steps += 1;
        assert!(writer.encoded() <= all_keys(&data).len());
    }
    // Events in three chunks of at most 1000, every other collection in one; a chunk of 1000
    // events (some 400 KB of JSON) is deflated over several steps.
    let chunks = 3 + Collection::ALL.len() - 1;
    assert!(steps >= chunks + 3 * 4, "{steps} steps for {chunks} chunks");
    assert_eq!(writer.encoded(), all_keys(&data).len());
    let text = writer.finish();
    assert_eq!(
        text,
        backup::encode(&data, SnapshotKind::BeforeImport, stamp(1, 5).now, None)
    );
    assert_eq!(backup::decode(&text).unwrap(), data);
}
