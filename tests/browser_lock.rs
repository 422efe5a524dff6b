//! The lock every tab takes to write (`web::lock`, the Web Locks API) in headless Chromium:
//! jobs run in order and only while the lock is held, they wait while another holder (another
//! tab) has it, and once enforced a write outside a job is refused.
//! Run: `cargo test --target wasm32-unknown-unknown --test browser_lock`.
#![cfg(target_arch = "wasm32")]

use std::cell::RefCell;
use std::rc::Rc;

use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;
use wasm_bindgen_test::*;

use phoihop::core::storage::{KeyValueStore, StoreError};
use phoihop::web::local_storage::LocalStore;
use phoihop::web::lock::{self, Holds};

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen(inline_js = r#"
// Another tab's hold on the lock: taken now, given back when `release()` is called.
let release = null;
export function hold_elsewhere(name) {
  return new Promise((taken) => {
    navigator.locks.request(name, () => new Promise((done) => { release = done; taken(); }));
  });
}
export function release_elsewhere() { if (release) { release(); release = null; } }
export function pause(ms) { return new Promise((done) => setTimeout(done, ms)); }
// Resolves once the lock `name` shows in the browser's list as `state` ('pending' or 'held'):
// the positive signal before asserting that a job has not run.
export async function lock_listed(name, state) {
  while (!(await navigator.locks.query())[state].some((l) => l.name === name)) {
    await new Promise((done) => setTimeout(done, 5));
  }
}
// The count of writes as another tab leaves it in IndexedDB (the lock's own store).
export function count_elsewhere(n) {
  return new Promise((done, failed) => {
    const open = indexedDB.open('phoihop-storage-lock', 1);
    open.onupgradeneeded = () => open.result.createObjectStore('seq');
    open.onsuccess = () => {
      const t = open.result.transaction('seq', 'readwrite');
      t.objectStore('seq').put(n, 'phoihop-seq');
      t.oncomplete = () => { open.result.close(); done(); };
      t.onerror = () => failed(t.error);
    };
    open.onerror = () => failed(open.error);
  });
}
export function counted_elsewhere() {
  return new Promise((done, failed) => {
    const open = indexedDB.open('phoihop-storage-lock', 1);
    open.onsuccess = () => {
      const get = open.result.transaction('seq', 'readonly').objectStore('seq').get('phoihop-seq');
      get.onsuccess = () => { open.result.close(); done(get.result ?? 0); };
      get.onerror = () => failed(get.error);
    };
    open.onerror = () => failed(open.error);
  });
}
"#)]
extern "C" {
    fn hold_elsewhere(name: &str) -> js_sys::Promise;
    fn release_elsewhere();
    fn pause(ms: u32) -> js_sys::Promise;
    fn lock_listed(name: &str, state: &str) -> js_sys::Promise;
    fn count_elsewhere(n: u32) -> js_sys::Promise;
    fn counted_elsewhere() -> js_sys::Promise;
}

/// Waits until `done` says so (each look a few milliseconds apart), at most two seconds.
async fn until(done: impl Fn() -> bool) {
    for _ in 0..400 {
        if done() {
            return;
        }
        JsFuture::from(pause(5)).await.unwrap();
    }
    panic!("waited two seconds");
}

#[wasm_bindgen_test]
async fn jobs_run_in_order_holding_the_lock_and_wait_while_another_tab_holds_it() {
    assert!(lock::supported(), "Chromium has the Web Locks API");
    let log = Rc::new(RefCell::new(Vec::<String>::new()));
    // Another tab holds the lock: nothing of ours runs until it lets go.
    JsFuture::from(hold_elsewhere(lock::NAME)).await.unwrap();
    let job = |i: usize| {
        let log = log.clone();
        move || {
            assert!(lock::is_held());
            log.borrow_mut().push(format!("job {i}"));
            // A step of a job runs at once, inside the same hold.
            let inner = log.clone();
            lock::run(Holds::Upkeep, move || {
                inner.borrow_mut().push(format!("step of {i}"))
            });
        }
    };
    // Upkeep waiting is no reason to ask before the tab closes; the user's work is.
    lock::run(Holds::Upkeep, job(0));
    assert!(!lock::user_work_waiting());
    lock::run(Holds::UserWork, job(1));
    lock::run(Holds::Upkeep, job(2));
    // Our request waits behind the other tab's hold.
    JsFuture::from(lock_listed(lock::NAME, "pending"))
        .await
        .unwrap();
    assert!(
        log.borrow().is_empty(),
        "ran while another tab held the lock"
    );
    assert!(lock::user_work_waiting());
    release_elsewhere();
    until(|| log.borrow().len() == 6).await;
    assert_eq!(
        *log.borrow(),
        [
            "job 0",
            "step of 0",
            "job 1",
            "step of 1",
            "job 2",
            "step of 2"
        ]
    );
    assert!(!lock::is_held() && !lock::user_work_waiting());
}

#[wasm_bindgen_test]
async fn once_enforced_a_write_outside_the_lock_is_refused_and_one_inside_is_made() {
    let raw = web_sys::window().unwrap().local_storage().unwrap().unwrap();
    raw.clear().unwrap();
    lock::enforce();
    let mut store = LocalStore::open().unwrap();
    let refused = store.set("phoihop/office", "{}");
    assert!(
        matches!(&refused, Err(StoreError::Other(why)) if why.contains("outside the storage lock")),
        "{refused:?}"
    );
    assert_eq!(raw.get_item("phoihop/office").unwrap(), None);
    assert!(store.remove("phoihop/office").is_err());
    // Reading needs no lock.
    assert_eq!(store.get("phoihop/office"), Ok(None));

    let written = Rc::new(RefCell::new(None));
    let result = written.clone();
    lock::run(Holds::UserWork, move || {
        let mut store = LocalStore::open().unwrap();
        *result.borrow_mut() = Some(store.set("phoihop/office", "{}"));
    });
    until(|| written.borrow().is_some()).await;
    assert_eq!(written.borrow().clone(), Some(Ok(())));
    assert_eq!(
        raw.get_item("phoihop/office").unwrap().as_deref(),
        Some("{}")
    );
    raw.clear().unwrap();
}

#[wasm_bindgen_test]
async fn a_holder_waits_until_it_sees_the_writes_made_before_it_and_counts_its_own() {
    let raw = web_sys::window().unwrap().local_storage().unwrap().unwrap();
    raw.clear().unwrap();
    // The last holder (another tab) wrote twice; its writes have not reached this page yet.
    JsFuture::from(count_elsewhere(2)).await.unwrap();
    raw.set_item("phoihop-seq", "1").unwrap();
    let seen = Rc::new(RefCell::new(None::<Option<String>>));
    let result = seen.clone();
    lock::run(Holds::UserWork, move || {
        let store = LocalStore::open().unwrap();
        *result.borrow_mut() = Some(store.get("phoihop/office").unwrap());
        let mut store = store;
        store.set("phoihop/office", "{\"mine\":1}").unwrap();
    });
    // Granted (no other holder here), and waiting inside the grant for the count.
    JsFuture::from(lock_listed(lock::NAME, "held"))
        .await
        .unwrap();
    assert!(
        seen.borrow().is_none(),
        "ran before this page saw the other tab's writes"
    );
    // The other tab's writes arrive (its data, then its count last).
    raw.set_item("phoihop/office", "{\"theirs\":1}").unwrap();
    raw.set_item("phoihop-seq", "2").unwrap();
    until(|| seen.borrow().is_some()).await;
    assert_eq!(
        seen.borrow().clone(),
        Some(Some("{\"theirs\":1}".to_string())),
        "the job read what the other tab wrote"
    );
    // This job wrote: the count goes up in both places, so the next holder waits for it.
    until(|| raw.get_item("phoihop-seq").unwrap().as_deref() == Some("3")).await;
    let counted = JsFuture::from(counted_elsewhere()).await.unwrap();
    assert_eq!(counted.as_f64(), Some(3.0));
    assert!(lock::supported());
    raw.clear().unwrap();
}
