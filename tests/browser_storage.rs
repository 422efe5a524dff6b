//! The storage layout against the browser's real localStorage (headless Chromium).
//! Run: `cargo test --target wasm32-unknown-unknown --test browser_storage` (see README.md).
#![cfg(target_arch = "wasm32")]

use phoihop::core::sample_data::support::stamp;
use std::collections::BTreeMap;

use uuid::Uuid;
use wasm_bindgen::prelude::*;
use wasm_bindgen_test::*;

use phoihop::core::records::model::Agreement;
use phoihop::core::records::record::Record;
use phoihop::core::records::workspace::{Dataset, OfficeProfile};
use phoihop::core::sample_data::generate;
use phoihop::core::storage::keys::delta_key;
use phoihop::core::storage::{
    self, all_keys, load, migrate, save_office, save_records, KeyValueStore, LoadProblemKind,
    Session, StoreError,
};
use phoihop::web::local_storage::{classify, LocalStore};

wasm_bindgen_test_configure!(run_in_browser);

// Replaces Storage.prototype.setItem by one that throws as a given browser does when it refuses.
#[wasm_bindgen(inline_js = r#"
let original = null;
export function break_set_item(flavour) {
  original = original || Storage.prototype.setItem;
  Storage.prototype.setItem = function () {
    switch (flavour) {
      case 'chromium': throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      case 'firefox': throw new DOMException('Persistent storage maximum size reached', 'NS_ERROR_DOM_QUOTA_REACHED');
      case 'security': throw new DOMException('The operation is insecure.', 'SecurityError');
      default: throw 'refused for no stated reason';
    }
  };
}
export function mend_set_item() {
  if (original) Storage.prototype.setItem = original;
}
"#)]
extern "C" {
    fn break_set_item(flavour: &str);
    fn mend_set_item();
}

const V1: &str = include_str!("fixtures/layout-v1/store.json");
const V2_CORRUPT: &str = include_str!("fixtures/layout-v2/corrupt.json");

fn raw_storage() -> web_sys::Storage {
    web_sys::window()
        .expect("a window")
        .local_storage()
        .expect("localStorage allowed")
        .expect("localStorage present")
}

/// Tests may share an origin (and its localStorage): each starts from nothing.
fn fresh_store() -> LocalStore {
    mend_set_item();
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

fn put_fixture(json: &str) {
    let entries: BTreeMap<String, String> = serde_json::from_str(json).unwrap();
    for (k, v) in entries {
        raw_storage().set_item(&k, &v).unwrap();
    }
}

/// Length as JavaScript counts it: UTF-16 code units, what the quota is charged in.
fn js_len(s: &str) -> usize {
    js_sys::JsString::from(s).length() as usize
}

fn office() -> OfficeProfile {
    OfficeProfile {
        id: Uuid::from_u128(1),
        name: "Văn phòng UBND tỉnh".into(),
    }
}

fn save_all(store: &mut LocalStore, data: &Dataset) -> Session {
    let mut session = Session::default();
    let report = save_office(store, &mut session, &office());
    assert_eq!(report.error, None);
    let report = save_records(store, data, &all_keys(data), &mut session, stamp(1, 0));
    assert_eq!(report.error, None);
    assert!(report.pending.is_empty(), "{:?}", report.pending);
    session
}

#[wasm_bindgen_test]
fn an_empty_local_storage_is_a_first_run() {
    let store = fresh_store();
    assert!(load(&store).unwrap().is_first_run());
}

#[wasm_bindgen_test]
fn every_record_type_round_trips_through_local_storage() {
    let mut store = fresh_store();
    let mut data = generate::large(30, 200, 3);
    let mut org = data.organisations.iter_live().next().unwrap().clone();
    org.unknown.insert(
        "from_a_newer_app".into(),
        serde_json::json!({"nested": [1, "hai", null]}),
    );
    data.organisations.put(org.clone());
    let session = save_all(&mut store, &data);
    assert_eq!(storage::units_used(&store).unwrap(), session.units_used());

    let loaded = load(&LocalStore::open().unwrap()).unwrap();
    assert_eq!(loaded.problems, vec![]);
    assert_eq!(loaded.office, Some(office()));
    assert_eq!(loaded.data, data);
    assert_eq!(
        loaded.data.organisations.get(&org.meta.id).unwrap().unknown,
        org.unknown
    );
}

#[wasm_bindgen_test]
fn one_edit_with_1000_agreements_stored_writes_one_small_key() {
    let mut store = fresh_store();
    let mut data = generate::dataset(40, 1000, 11);
    let mut session = save_all(&mut store, &data);
    let before = snapshot();

    let mut edited = data.agreements.iter_live().nth(500).unwrap().clone();
    edited.title.push_str(" (sửa đổi)");
    let key = data.save_agreement(edited, stamp(1, 20)).unwrap().key();
    let report = save_records(&mut store, &data, &[key], &mut session, stamp(1, 20));
    assert_eq!(report.error, None);
    assert_eq!(report.keys_written, 1);

    // What localStorage says changed, independently of the report.
    let after = snapshot();
    let changed: Vec<(&String, &String)> = after
        .iter()
        .filter(|(k, v)| before.get(*k) != Some(*v))
        .collect();
    assert_eq!(
        changed.len(),
        1,
        "changed: {:?}",
        changed.iter().map(|c| c.0).collect::<Vec<_>>()
    );
    let (changed_key, changed_value) = changed[0];
    assert_eq!(changed_key, &delta_key(key));
    let units = js_len(changed_key) + js_len(changed_value);
    assert_eq!(units, report.units_written);
    assert!(units * 2 < 4096, "one edit wrote {units} UTF-16 units");
    assert_eq!(load(&store).unwrap().data, data);
    raw_storage().clear().unwrap();
}

#[wasm_bindgen_test]
fn each_kind_of_refused_set_item_is_named_leaves_storage_untouched_and_the_edit_pending() {
    for (flavour, expected) in [
        ("chromium", StoreError::QuotaExceeded),
        ("firefox", StoreError::QuotaExceeded),
        ("security", StoreError::Other(String::new())),
        ("string", StoreError::Other(String::new())),
    ] {
        let mut store = fresh_store();
        let mut data = generate::dataset(4, 30, 2);
        let mut session = save_all(&mut store, &data);
        let before = snapshot();
        let mut edited = data.agreements.iter_live().next().unwrap().clone();
        edited.notes = format!("Sửa khi trình duyệt từ chối ({flavour})");
        let key = data.save_agreement(edited, stamp(1, 30)).unwrap().key();

        break_set_item(flavour);
        let report = save_records(&mut store, &data, &[key], &mut session, stamp(1, 30));
        mend_set_item();

        let error = report.error.clone().expect("the refusal is reported");
        match (&error, &expected) {
            (StoreError::Other(message), StoreError::Other(_)) => {
                assert!(
                    !message.is_empty(),
                    "{flavour}: the browser's words are kept"
                )
            }
            _ => assert_eq!(error, expected, "{flavour}"),
        }
        assert_eq!(report.pending, vec![key], "{flavour}");
        assert_eq!(snapshot(), before, "{flavour}: nothing stored changed");
        // The edit is still in memory, and the retry stores it.
        assert!(data
            .agreements
            .get(&key.id)
            .unwrap()
            .notes
            .contains(flavour));
        let retry = save_records(
            &mut store,
            &data,
            &report.pending,
            &mut session,
            stamp(1, 31),
        );
        assert_eq!(retry.error, None, "{flavour}");
        assert_eq!(load(&store).unwrap().data, data, "{flavour}");
    }
    raw_storage().clear().unwrap();
}

#[wasm_bindgen_test]
fn the_corrupt_fixture_loads_the_rest_and_saving_everything_leaves_the_bad_keys_alone() {
    let mut store = fresh_store();
    put_fixture(V2_CORRUPT);
    let before = snapshot();
    let loaded = load(&store).unwrap();
    assert_eq!(loaded.problems.len(), 4, "{:?}", loaded.problems);
    assert!(loaded
        .problems
        .iter()
        .any(|p| matches!(p.kind, LoadProblemKind::Undecodable { .. })));
    assert!(loaded.data.events.count_live() > 0 && loaded.data.agreements.count_live() > 0);
    let mut session = loaded.session;
    let mut data = loaded.data;
    for k in all_keys(&data) {
        phoihop::with_record_type!(k.collection, T => {
            let r: T = <T as phoihop::core::records::workspace::Stored>::table(&data).get(&k.id).unwrap().clone();
            data.commit(r, stamp(1, 40));
        });
    }
    let report = save_records(
        &mut store,
        &data,
        &all_keys(&data),
        &mut session,
        stamp(1, 40),
    );
    assert_eq!(report.error, None);
    let after = snapshot();
    for p in load(&store)
        .unwrap()
        .problems
        .iter()
        .filter(|p| !p.key.contains("/b/agreements/"))
    {
        assert_eq!(
            after.get(&p.key),
            before.get(&p.key),
            "{} is kept as it was",
            p.key
        );
    }
    raw_storage().clear().unwrap();
}

#[wasm_bindgen_test]
fn the_layout_1_fixture_migrates_in_real_local_storage() {
    let mut store = fresh_store();
    put_fixture(V1);
    let loaded = load(&store).unwrap();
    assert!(loaded.needs_migration());
    let mut session = loaded.session.clone();
    assert_eq!(migrate(&mut store, &loaded.data, &mut session).error, None);
    let after = snapshot();
    assert!(after.keys().all(|k| !k.starts_with("phoihop/r/")));
    assert_eq!(after["phoihop/layout"], "2");
    let again = load(&store).unwrap();
    assert_eq!(again.data, loaded.data);
    assert!(again.data.agreements.iter_all().any(|a| !a.is_live()));
    let _: Option<&Agreement> = again.data.agreements.iter_all().next();
    raw_storage().clear().unwrap();
}

#[wasm_bindgen_test]
fn a_real_quota_error_is_classified_and_the_app_keeps_working_once_space_is_back() {
    let mut store = fresh_store();
    // 1 MiB of non-Latin-1 text per key, so the browser stores it as UTF-16.
    let chunk = "ạ".repeat(1 << 20);
    let mut refusal = None;
    for i in 0..200 {
        if let Err(e) = store.set(&format!("phoihop-test/filler/{i}"), &chunk) {
            refusal = Some((i, e));
            break;
        }
    }
    let raw_error = raw_storage()
        .set_item("phoihop-test/one-more", &chunk)
        .expect_err("storage is full");
    raw_storage().clear().unwrap();

    let (filled, error) = refusal.expect("localStorage never refused a write");
    assert!(filled > 0, "the first write already failed: {error:?}");
    assert_eq!(error, StoreError::QuotaExceeded);
    assert_eq!(classify(&raw_error), StoreError::QuotaExceeded);
    assert!(store.keys().unwrap().is_empty());
    let data = generate::dataset(2, 2, 1);
    save_all(&mut store, &data);
    assert_eq!(load(&store).unwrap().data, data);
}
