use chrono::DateTime;
use uuid::Uuid;

use super::*;
use crate::core::generate;
use crate::core::meta::Meta;
use crate::core::model::{OrganisationKind, Record};
use crate::core::workspace::Stamp;

fn stamp(secs: i64) -> Stamp {
    Stamp {
        office: Uuid::from_u128(1),
        now: DateTime::from_timestamp(secs, 0).unwrap(),
    }
}

fn office() -> OfficeProfile {
    OfficeProfile {
        id: Uuid::from_u128(1),
        name: "Văn phòng UBND tỉnh".into(),
    }
}

/// A store holding `data` saved the way the app saves it.
fn stored(data: &Dataset) -> MemoryStore {
    let mut store = MemoryStore::default();
    assert!(save_office(&mut store, &office()).error.is_none());
    let report = save_records(&mut store, data, &all_keys(data), &BTreeSet::new());
    assert!(report.error.is_none() && report.pending.is_empty());
    store
}

#[test]
fn empty_store_is_a_first_run() {
    let loaded = load(&MemoryStore::default()).unwrap();
    assert!(loaded.is_first_run());
    assert!(!loaded.read_only);
}

#[test]
fn every_record_type_round_trips() {
    let mut data = generate::dataset(5, 20, 3);
    // A tombstone and an unknown field must survive too.
    let first = data.agreements.iter_live().next().unwrap().id();
    data.delete::<Agreement>(first, stamp(10)).unwrap();
    let mut org = data.organisations.iter_live().next().unwrap().clone();
    org.unknown
        .insert("from_the_future".into(), serde_json::json!(42));
    data.organisations.put(org);

    let loaded = load(&stored(&data)).unwrap();
    assert_eq!(loaded.problems, vec![]);
    assert_eq!(loaded.office, Some(office()));
    assert_eq!(loaded.data, data);
    assert!(!loaded.is_first_run());
}

#[test]
fn one_edit_writes_one_small_key_with_1000_agreements_stored() {
    let mut data = generate::dataset(40, 1000, 11);
    let mut store = stored(&data);
    let (sets_before, units_before) = (store.sets, store.units_written);

    let mut edited = data.agreements.iter_live().nth(500).unwrap().clone();
    edited.title.push_str(" (sửa đổi)");
    let key = data.save_agreement(edited, stamp(20)).unwrap();
    let report = save_records(&mut store, &data, &[key], &BTreeSet::new());

    assert_eq!(report.keys_written, 1);
    assert_eq!(store.sets - sets_before, 1);
    let units = store.units_written - units_before;
    assert_eq!(units, report.units_written);
    let bytes = record_json(&data, key).unwrap().len() + record_key(key).len();
    assert!(bytes < 4096, "one agreement wrote {bytes} bytes");
    assert!(units < 4096, "one agreement wrote {units} UTF-16 units");
    assert_eq!(load(&store).unwrap().data, data);
}

#[test]
fn a_corrupt_key_is_reported_kept_and_the_rest_loads() {
    let data = generate::dataset(3, 5, 5);
    let mut store = stored(&data);
    let victim = all_keys(&data)
        .into_iter()
        .find(|k| k.collection == Collection::Agreements)
        .unwrap();
    let victim_key = record_key(victim);
    store
        .entries
        .insert(victim_key.clone(), "{\"id\": \"trunc".into());

    let loaded = load(&store).unwrap();
    assert_eq!(loaded.data.agreements.count_live(), 4);
    assert_eq!(loaded.problems.len(), 1);
    assert_eq!(loaded.problems[0].key, victim_key);
    assert_eq!(loaded.problems[0].raw, "{\"id\": \"trunc");
    assert!(matches!(
        loaded.problems[0].kind,
        LoadProblemKind::InvalidJson { line: 1, .. }
    ));

    // Saving the same id again never overwrites the raw text.
    let mut again = data.clone();
    let rec = again.agreements.get(&victim.id).unwrap().clone();
    let key = again.save_agreement(rec, stamp(30)).unwrap();
    let report = save_records(&mut store, &again, &[key], &loaded.quarantined);
    assert_eq!(report.pending, vec![key]);
    assert_eq!(store.entries[&victim_key], "{\"id\": \"trunc");
}

#[test]
fn schema_mismatch_and_id_mismatch_and_unknown_keys_are_reported() {
    let data = generate::dataset(2, 1, 9);
    let mut store = stored(&data);
    let org_id = data.organisations.iter_live().next().unwrap().id();
    let org_key = record_key(RecordKey {
        collection: Collection::Organisations,
        id: org_id,
    });
    let mut bad = serde_json::from_str::<serde_json::Value>(&store.entries[&org_key]).unwrap();
    bad["name"] = serde_json::json!(17);
    store.entries.insert(org_key.clone(), bad.to_string());
    let other = RecordKey {
        collection: Collection::People,
        id: Uuid::from_u128(5),
    };
    let person_json = store
        .entries
        .iter()
        .find(|(k, _)| k.contains("/people/"))
        .unwrap()
        .1
        .clone();
    store.entries.insert(record_key(other), person_json);
    store.entries.insert("phoihop/whatever".into(), "x".into());
    store
        .entries
        .insert("someone-else".into(), "not ours".into());

    let loaded = load(&store).unwrap();
    let kinds: BTreeMap<&str, &LoadProblemKind> = loaded
        .problems
        .iter()
        .map(|p| (p.key.as_str(), &p.kind))
        .collect();
    assert_eq!(kinds.len(), 3);
    assert!(matches!(
        kinds[org_key.as_str()],
        LoadProblemKind::SchemaMismatch { .. }
    ));
    assert_eq!(
        kinds[record_key(other).as_str()],
        &LoadProblemKind::IdMismatch
    );
    assert_eq!(kinds["phoihop/whatever"], &LoadProblemKind::UnknownKey);
    assert_eq!(loaded.data.organisations.count_live(), 1);
}

#[test]
fn a_newer_layout_loads_read_only() {
    let data = generate::dataset(2, 2, 1);
    let mut store = stored(&data);
    store.entries.insert(LAYOUT_KEY.into(), "7".into());
    let loaded = load(&store).unwrap();
    assert!(loaded.read_only);
    assert_eq!(loaded.data, data);
    assert!(
        matches!(&loaded.problems[0].kind, LoadProblemKind::NewerLayout { found } if found == "7")
    );
}

#[test]
fn quota_refusal_leaves_stored_data_intact_and_reports_pending() {
    let mut data = generate::dataset(2, 3, 4);
    let mut store = stored(&data);
    let before = store.entries.clone();
    let used = units_used(&store).unwrap();
    store.quota_units = Some(used + 10);

    let mut edited = data.agreements.iter_live().next().unwrap().clone();
    edited.notes = "Ghi chú rất dài ".repeat(50);
    let key = data.save_agreement(edited, stamp(40)).unwrap();
    let report = save_records(&mut store, &data, &[key], &BTreeSet::new());
    assert_eq!(report.error, Some(StoreError::QuotaExceeded));
    assert_eq!(report.pending, vec![key]);
    assert_eq!(store.entries, before);

    // Once space is freed the retry succeeds.
    store.quota_units = None;
    let retry = save_records(&mut store, &data, &report.pending, &BTreeSet::new());
    assert!(retry.error.is_none());
    assert_eq!(load(&store).unwrap().data, data);
}

#[test]
fn record_keys_parse_back() {
    let key = RecordKey {
        collection: Collection::People,
        id: Uuid::from_u128(0xabc),
    };
    assert_eq!(parse_record_key(&record_key(key)), Some(key));
    assert_eq!(
        parse_record_key("phoihop/r/nope/00000000-0000-0000-0000-000000000abc"),
        None
    );
    assert_eq!(parse_record_key("phoihop/r/people/not-a-uuid"), None);
    assert_eq!(parse_record_key("phoihop/office"), None);
}

#[test]
fn units_count_utf16_like_the_browser() {
    assert_eq!(utf16_units("k", "Đoàn"), 5);
    assert_eq!(utf16_units("", "😀"), 2);
    let mut store = MemoryStore::default();
    let o = Organisation::new(
        Meta::new(Uuid::from_u128(3), stamp(0).now),
        "Tỉnh Đoàn",
        "",
        OrganisationKind::Other,
    );
    let mut data = Dataset::default();
    let key = data.commit(o, stamp(1));
    let report = save_records(&mut store, &data, &[key], &BTreeSet::new());
    assert_eq!(units_used(&store).unwrap(), report.units_written);
}
