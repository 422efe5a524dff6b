//! Fixtures of every stored layout (tests/fixtures/layout-v*/), loaded and migrated.
//! `PHOIHOP_WRITE_FIXTURES=1 cargo test write_fixtures -- --ignored` writes them; a layout's
//! fixture is written once, when the layout is made, and must keep loading for ever after.

use std::collections::BTreeMap;

use super::*;

const V1: &str = include_str!("../../../../tests/fixtures/layout-v1/store.json");
const V2: &str = include_str!("../../../../tests/fixtures/layout-v2/store.json");
const V2_CORRUPT: &str = include_str!("../../../../tests/fixtures/layout-v2/corrupt.json");

fn store_from(json: &str) -> MemoryStore {
    let entries: BTreeMap<String, String> = serde_json::from_str(json).unwrap();
    MemoryStore {
        entries,
        ..MemoryStore::default()
    }
}

/// The fixtures' dataset: every collection, a tombstone, an unknown field.
fn fixture_data() -> Dataset {
    let mut data = generate::large(12, 30, 1);
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
        .map(|a| a.id());
    if let Some(id) = spare {
        data.delete::<Agreement>(id, stamp(1, 10)).unwrap();
    }
    let mut org = data.organisations.iter_live().next().unwrap().clone();
    org.unknown.insert(
        "from_a_newer_app".into(),
        serde_json::json!({"nested": [1, "hai", null]}),
    );
    data.organisations.put(org);
    let mut rec = crate::records::recommendation::Recommendation::new(
        Meta::new(Uuid::from_u128(0x5eed), stamp(1, 0).now),
        "Bố trí kinh phí cho công trình thanh niên",
    );
    rec.deadline = chrono::NaiveDate::from_ymd_opt(2019, 6, 30);
    data.commit(rec, stamp(1, 12));
    // The fixtures were written before records kept their history.
    for collection in Collection::ALL {
        crate::with_record_type!(collection, T => {
            let records: Vec<T> = T::table(&data).iter_all().cloned().collect();
            for mut record in records {
                record.meta_mut().changes.clear();
                T::table_mut(&mut data).put(record);
            }
        });
    }
    data
}

fn layout_1(data: &Dataset) -> BTreeMap<String, String> {
    let mut out = BTreeMap::new();
    out.insert(LAYOUT_KEY.to_string(), "1".to_string());
    out.insert(
        OFFICE_KEY.to_string(),
        serde_json::to_string(&office()).unwrap(),
    );
    for k in all_keys(data) {
        out.insert(legacy_key(k), record_value(data, k).unwrap().to_string());
    }
    out
}

#[test]
#[ignore]
fn write_fixtures() {
    if std::env::var("PHOIHOP_WRITE_FIXTURES").is_err() {
        return;
    }
    let root = concat!(env!("CARGO_MANIFEST_DIR"), "/../../tests/fixtures");
    let data = fixture_data();
    let pretty = |m: &BTreeMap<String, String>| serde_json::to_string_pretty(m).unwrap() + "\n";
    std::fs::write(
        format!("{root}/layout-v1/store.json"),
        pretty(&layout_1(&data)),
    )
    .unwrap();
    let (store, _) = stored(&data);
    std::fs::write(
        format!("{root}/layout-v2/store.json"),
        pretty(&store.entries),
    )
    .unwrap();
    // The corrupt variant: an undecodable bucket, a bucket record that fails the schema, a
    // truncated delta, an unknown key.
    let mut corrupt = store.entries.clone();
    let people = corrupt
        .keys()
        .find(|k| k.starts_with("phoihop/b/people/"))
        .unwrap()
        .clone();
    corrupt.insert(people, "D\u{4e00}\u{4e01}hỏng".into());
    let ags = corrupt
        .keys()
        .find(|k| k.starts_with("phoihop/b/agreements/"))
        .unwrap()
        .clone();
    let mut rows = codec::decode(&corrupt[&ags]).unwrap();
    rows[0]["period"] = serde_json::json!("không phải một giai đoạn");
    corrupt.insert(ags, codec::encode(&rows));
    let event = all_keys(&data)
        .into_iter()
        .find(|k| k.collection == Collection::Events)
        .unwrap();
    corrupt.insert(delta_key(event), "{\"id\": \"trunc".into());
    corrupt.insert("phoihop/whatever".into(), "x".into());
    std::fs::write(format!("{root}/layout-v2/corrupt.json"), pretty(&corrupt)).unwrap();
}

#[test]
fn layout_1_loads_and_migrates_to_layout_2() {
    let mut store = store_from(V1);
    let loaded = load(&store).unwrap();
    assert_eq!(loaded.layout_found, 1);
    assert!(loaded.needs_migration());
    assert_eq!(loaded.problems, vec![]);
    assert_eq!(loaded.data, fixture_data());
    let mut session = loaded.session;
    let report = migrate(&mut store, &loaded.data, &mut session);
    assert_eq!(report.error, None);
    assert!(store.entries.keys().all(|k| !k.starts_with("phoihop/r/")));
    assert_eq!(store.entries[LAYOUT_KEY], "2");
    let again = load(&store).unwrap();
    assert_eq!(again.layout_found, 2);
    assert!(!again.needs_migration());
    assert_eq!(again.data, loaded.data);
    assert_eq!(again.office, Some(office()));
    assert!(
        store.units() * 3 < store_from(V1).units(),
        "layout 2 takes a third of layout 1 or less: {} vs {}",
        store.units(),
        store_from(V1).units()
    );
}

#[test]
fn layout_1_migration_under_a_tight_quota_loses_nothing_and_resumes() {
    let full = store_from(V1);
    let loaded = load(&full).unwrap();
    for room in [4_000, 400, 0] {
        let mut store = full.clone();
        store.quota_units = Some(full.units() + room);
        let mut session = loaded.session.clone();
        let report = migrate(&mut store, &loaded.data, &mut session);
        // Refused or not, whatever is stored loads whole…
        let now = load(&store).unwrap();
        assert_eq!(now.data, loaded.data, "room {room}: {report:?}");
        // …and the migration resumes once there is room.
        store.quota_units = None;
        let mut session = now.session.clone();
        assert_eq!(migrate(&mut store, &now.data, &mut session).error, None);
        assert_eq!(load(&store).unwrap().data, loaded.data);
        assert!(store.entries.keys().all(|k| !k.starts_with("phoihop/r/")));
    }
}

#[test]
fn layout_1_with_a_corrupt_key_keeps_it_and_migrates_the_rest() {
    let mut store = store_from(V1);
    let victim = store
        .entries
        .keys()
        .find(|k| k.starts_with("phoihop/r/agreements/"))
        .unwrap()
        .clone();
    store
        .entries
        .insert(victim.clone(), "{\"id\": \"trunc".into());
    let loaded = load(&store).unwrap();
    assert_eq!(loaded.problems.len(), 1);
    assert!(matches!(
        loaded.problems[0].kind,
        LoadProblemKind::InvalidJson { line: 1, .. }
    ));
    let mut session = loaded.session;
    assert_eq!(migrate(&mut store, &loaded.data, &mut session).error, None);
    assert_eq!(store.entries[&victim], "{\"id\": \"trunc");
    assert_eq!(
        store
            .entries
            .keys()
            .filter(|k| k.starts_with("phoihop/r/"))
            .count(),
        1
    );
    let again = load(&store).unwrap();
    assert_eq!(again.problems.len(), 1);
    assert_eq!(again.data, loaded.data);
}

#[test]
fn layout_2_fixture_loads() {
    let loaded = load(&store_from(V2)).unwrap();
    assert_eq!(loaded.layout_found, 2);
    assert_eq!(loaded.problems, vec![]);
    assert_eq!(loaded.data, fixture_data());
}

#[test]
fn layout_2_corrupt_fixture_loads_the_rest_and_reports_each_problem() {
    let store = store_from(V2_CORRUPT);
    let loaded = load(&store).unwrap();
    let mut kinds: Vec<(&str, &str)> = loaded
        .problems
        .iter()
        .map(|p| {
            let kind = match p.kind {
                LoadProblemKind::SchemaMismatch { .. } => "schema",
                LoadProblemKind::Undecodable { .. } => "undecodable",
                LoadProblemKind::UnknownKey => "unknown",
                _ => "other",
            };
            (p.key.split('/').nth(1).unwrap_or(""), kind)
        })
        .collect();
    kinds.sort();
    assert_eq!(
        kinds,
        vec![
            ("b", "schema"),
            ("b", "undecodable"),
            ("d", "undecodable"),
            ("whatever", "unknown")
        ]
    );
    let expected = fixture_data();
    assert_eq!(
        loaded.data.people.count_live(),
        0,
        "the people bucket is unreadable"
    );
    assert_eq!(
        loaded.data.agreements.iter_all().count(),
        expected.agreements.iter_all().count() - 1
    );
    assert_eq!(
        loaded.data.events, expected.events,
        "the bucket's copy stands in for the bad delta"
    );
    assert_eq!(loaded.data.organisations, expected.organisations);
    // The raw text of every unreadable key is kept as stored.
    for p in loaded.problems.iter().filter(|p| {
        p.kind
            != LoadProblemKind::SchemaMismatch {
                message: String::new(),
            }
    }) {
        if let Some(raw) = store.entries.get(&p.key) {
            if !matches!(p.kind, LoadProblemKind::SchemaMismatch { .. }) {
                assert_eq!(*raw, p.raw);
            }
        }
    }
}
