//! The storage layout against the browser's real localStorage (headless Chromium).
//! Run: `cargo test --target wasm32-unknown-unknown --test browser_storage` (see README.md).
#![cfg(target_arch = "wasm32")]

use std::collections::{BTreeMap, BTreeSet};

use chrono::DateTime;
use uuid::Uuid;
use wasm_bindgen_test::*;

use phoihop::core::generate;
use phoihop::core::model::{Agreement, Collection, Record};
use phoihop::core::storage::{
    self, all_keys, load, record_key, save_office, save_records, KeyValueStore, LoadProblemKind,
    StoreError,
};
use phoihop::core::workspace::{Dataset, OfficeProfile, Stamp};
use phoihop::web::local_storage::{classify, LocalStore};

wasm_bindgen_test_configure!(run_in_browser);

fn raw_storage() -> web_sys::Storage {
    web_sys::window()
        .expect("a window")
        .local_storage()
        .expect("localStorage allowed")
        .expect("localStorage present")
}

/// Tests may share an origin (and its localStorage): each starts from nothing.
fn fresh_store() -> LocalStore {
    raw_storage().clear().expect("clear localStorage");
    LocalStore::open().expect("open localStorage")
}

/// Everything in localStorage, read directly (not through LocalStore).
fn snapshot() -> BTreeMap<String, String> {
    let storage = raw_storage();
    let len = storage.length().unwrap();
    (0..len)
        .filter_map(|i| storage.key(i).unwrap())
        .map(|k| {
            let v = storage.get_item(&k).unwrap().unwrap_or_default();
            (k, v)
        })
        .collect()
}

/// Length as JavaScript counts it: UTF-16 code units, what the quota is charged in.
fn js_len(s: &str) -> usize {
    js_sys::JsString::from(s).length() as usize
}

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

fn save_all(store: &mut LocalStore, data: &Dataset) {
    let report = save_office(store, &office());
    assert_eq!(report.error, None);
    let report = save_records(store, data, &all_keys(data), &BTreeSet::new());
    assert_eq!(report.error, None);
    assert!(report.pending.is_empty(), "{:?}", report.pending);
}

#[wasm_bindgen_test]
fn an_empty_local_storage_is_a_first_run() {
    let store = fresh_store();
    assert!(load(&store).unwrap().is_first_run());
}

#[wasm_bindgen_test]
fn every_record_type_round_trips_through_local_storage() {
    let mut store = fresh_store();
    let mut data = generate::dataset(5, 20, 3);
    let first = data.agreements.iter_live().next().unwrap().id();
    data.delete::<Agreement>(first, stamp(10)).unwrap();
    let mut org = data.organisations.iter_live().next().unwrap().clone();
    org.unknown.insert(
        "from_a_newer_app".into(),
        serde_json::json!({"nested": [1, "hai", null]}),
    );
    data.organisations.put(org.clone());

    save_all(&mut store, &data);
    // The raw text really is in localStorage, unknown field included.
    let raw = snapshot();
    let org_raw = &raw[&record_key(phoihop::core::workspace::RecordKey {
        collection: Collection::Organisations,
        id: org.meta.id,
    })];
    assert!(org_raw.contains("from_a_newer_app"), "{org_raw}");
    assert_eq!(
        raw.keys().filter(|k| k.starts_with("phoihop/r/")).count(),
        all_keys(&data).len()
    );

    let loaded = load(&LocalStore::open().unwrap()).unwrap();
    assert_eq!(loaded.problems, vec![]);
    assert_eq!(loaded.office, Some(office()));
    assert!(!loaded.read_only);
    assert_eq!(loaded.data, data);
    assert!(loaded.data.agreements.get(&first).unwrap().meta.deleted);
    assert_eq!(loaded.data.agreements.count_live(), 19);
    assert_eq!(
        loaded.data.organisations.get(&org.meta.id).unwrap().unknown,
        org.unknown
    );
}

#[wasm_bindgen_test]
fn one_edit_with_1000_agreements_stored_writes_one_small_key() {
    let mut store = fresh_store();
    let mut data = generate::dataset(40, 1000, 11);
    save_all(&mut store, &data);
    let before = snapshot();
    assert!(before.len() > 1000);

    let mut edited = data.agreements.iter_live().nth(500).unwrap().clone();
    edited.title.push_str(" (sửa đổi)");
    let key = data.save_agreement(edited, stamp(20)).unwrap();
    let report = save_records(&mut store, &data, &[key], &BTreeSet::new());
    assert_eq!(report.error, None);
    assert_eq!(report.keys_written, 1);

    // What localStorage says changed, independently of the report.
    let after = snapshot();
    assert_eq!(after.len(), before.len(), "no key added or removed");
    let changed: Vec<(&String, &String)> = after
        .iter()
        .filter(|(k, v)| before.get(*k) != Some(*v))
        .collect();
    assert_eq!(
        changed.len(),
        1,
        "changed keys: {:?}",
        changed.iter().map(|c| c.0).collect::<Vec<_>>()
    );
    let (changed_key, changed_value) = changed[0];
    assert_eq!(changed_key, &record_key(key));
    let units = js_len(changed_key) + js_len(changed_value);
    assert_eq!(units, report.units_written);
    assert!(units < 4096, "one edit wrote {units} UTF-16 units");

    assert_eq!(load(&store).unwrap().data, data);
    raw_storage().clear().unwrap();
}

#[wasm_bindgen_test]
fn a_corrupt_key_is_reported_and_survives_later_saves() {
    let mut store = fresh_store();
    let data = generate::dataset(3, 5, 5);
    save_all(&mut store, &data);
    let victim = all_keys(&data)
        .into_iter()
        .find(|k| k.collection == Collection::Agreements)
        .unwrap();
    let victim_key = record_key(victim);
    let corrupt = "{\"id\": \"trunc";
    raw_storage().set_item(&victim_key, corrupt).unwrap();

    let loaded = load(&store).unwrap();
    assert_eq!(loaded.problems.len(), 1, "{:?}", loaded.problems);
    assert_eq!(loaded.problems[0].key, victim_key);
    assert_eq!(loaded.problems[0].raw, corrupt);
    assert!(matches!(
        loaded.problems[0].kind,
        LoadProblemKind::InvalidJson { line: 1, .. }
    ));
    assert!(loaded.quarantined.contains(&victim_key));
    assert_eq!(loaded.data.agreements.count_live(), 4);

    // Saving that record again (and everything else) leaves the corrupt text as it was.
    let mut again = data.clone();
    let rec = again.agreements.get(&victim.id).unwrap().clone();
    let key = again.save_agreement(rec, stamp(30)).unwrap();
    let report = save_records(&mut store, &again, &all_keys(&again), &loaded.quarantined);
    assert_eq!(report.pending, vec![key]);
    assert_eq!(report.error, None);
    assert_eq!(
        raw_storage().get_item(&victim_key).unwrap().as_deref(),
        Some(corrupt)
    );
    let reloaded = load(&store).unwrap();
    assert_eq!(reloaded.problems.len(), 1);
    assert_eq!(reloaded.problems[0].raw, corrupt);
}

#[wasm_bindgen_test]
fn a_real_quota_error_is_classified_as_quota_exceeded() {
    let mut store = fresh_store();
    // 1 MiB of non-Latin-1 text per key, so the browser stores it as UTF-16.
    let chunk = "ạ".repeat(1 << 20);
    let mut refusal = None;
    for i in 0..200 {
        match store.set(&format!("phoihop-test/filler/{i}"), &chunk) {
            Ok(()) => {}
            Err(e) => {
                refusal = Some((i, e));
                break;
            }
        }
    }
    // Also the raw exception, classified directly.
    let raw_error = raw_storage()
        .set_item("phoihop-test/one-more", &chunk)
        .expect_err("storage is full");
    raw_storage().clear().unwrap();

    let (filled, error) = refusal.expect("localStorage never refused a write");
    assert!(filled > 0, "the first write already failed: {error:?}");
    assert_eq!(error, StoreError::QuotaExceeded);
    assert_eq!(classify(&raw_error), StoreError::QuotaExceeded);
    assert!(store.keys().unwrap().is_empty());
    // And the app's own saves still work once space is back.
    let data = generate::dataset(2, 2, 1);
    save_all(&mut store, &data);
    assert_eq!(load(&store).unwrap().data, data);
    assert!(storage::units_used(&store).unwrap() > 0);
}
