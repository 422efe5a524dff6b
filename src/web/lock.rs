//! The one lock every tab of the origin takes to write to localStorage (the Web Locks API,
//! `navigator.locks`). localStorage has no lock of its own and tabs run in separate processes:
//! without one, two tabs' read-compare-write of a save interleave and one write replaces the
//! other unseen. Every storage step that reads and then writes runs as a job under this lock,
//! reading what it compares there; the core's save functions stay synchronous and are called
//! inside the job.
//!
//! Jobs run in the order they were queued. One lock request is outstanding at a time: every job
//! queued until it is granted runs inside it, and a job queued by a running job runs at once
//! (it already holds the lock). Edits made while a request waits are in memory and pending; the
//! write job, when it runs, writes all of them.
//!
//! A lock is not enough by itself: localStorage is not consistent across processes, and a tab
//! granted the lock may not yet see the write the previous holder made. So the writes under the
//! lock are counted in IndexedDB (the same for every tab) and in localStorage, and a holder waits
//! until its localStorage shows the count before its jobs run (see the script below).
//!
//! Without the API (an old browser), without IndexedDB, or if the request fails, jobs run
//! unlocked or unsynchronised, and [`supported`] says so for the page to tell the user. Once
//! [`enforce`] is called (the app does, at start), `LocalStore` refuses any write made outside
//! a job.

use std::cell::{Cell, RefCell};
use std::collections::VecDeque;

use wasm_bindgen::prelude::*;

/// The lock's name, shared by every tab of the origin (and any later version of the app).
pub const NAME: &str = "phoihop/storage";

#[wasm_bindgen(inline_js = r#"
// localStorage is not consistent across processes: a tab sees another tab's write only once the
// browser's message reaches it, in no set order with the lock's grant. So each write under the
// lock also counts itself in IndexedDB (transactional, the same for every tab) and, last, in
// localStorage; a tab granted the lock first waits until its localStorage shows that count,
// and so every write before it (they arrive in the order they were made).
const SEQ = 'phoihop-seq';
let db = null;
function openDb() {
  db ??= new Promise((done) => {
    try {
      const open = indexedDB.open('phoihop-storage-lock', 1);
      open.onupgradeneeded = () => open.result.createObjectStore('seq');
      open.onsuccess = () => done(open.result);
      open.onerror = open.onblocked = () => done(null);
    } catch (e) {
      done(null);
    }
  });
  return db;
}
function counted(d) {
  return new Promise((done, failed) => {
    const get = d.transaction('seq', 'readonly').objectStore('seq').get(SEQ);
    get.onsuccess = () => done(get.result ?? 0);
    get.onerror = () => failed(get.error);
  });
}
function count(d, n) {
  return new Promise((done, failed) => {
    const t = d.transaction('seq', 'readwrite');
    t.objectStore('seq').put(n, SEQ);
    t.oncomplete = () => done();
    t.onerror = t.onabort = () => failed(t.error);
  });
}
const seen = () => Number(localStorage.getItem(SEQ) ?? 0);
// Until this page's localStorage shows write `n` (a storage event, or a look every 5 ms). After
// two seconds it goes on: the count is then one left from a store cleared by hand (the next
// write sets both counts again), not a message still on its way.
function caughtUp(n) {
  return new Promise((done) => {
    if (seen() >= n) { done(true); return; }
    const finish = () => {
      clearInterval(look);
      clearTimeout(limit);
      removeEventListener('storage', on);
      done(seen() >= n);
    };
    const on = () => { if (seen() >= n) finish(); };
    addEventListener('storage', on);
    const look = setInterval(on, 5);
    const limit = setTimeout(finish, 2000);
  });
}
export function locks_supported() {
  return !!(globalThis.navigator && navigator.locks
    && typeof navigator.locks.request === 'function');
}
// `run(locked, synced)` runs the queued jobs and says whether they wrote to localStorage.
export function request_lock(name, run) {
  let ran = false;
  const go = (locked, synced) => {
    if (ran) return false;
    ran = true;
    return run(locked, synced);
  };
  try {
    navigator.locks.request(name, async () => {
      const d = await openDb();
      let n = null;
      if (d) {
        try { n = await counted(d); await caughtUp(n); } catch (e) { n = null; }
      }
      const wrote = go(true, n !== null);
      if (wrote && n !== null) {
        localStorage.setItem(SEQ, String(n + 1));
        await count(d, n + 1);
      }
    }).catch(() => go(false, false));
  } catch (e) {
    go(false, false);
  }
}
"#)]
extern "C" {
    fn locks_supported() -> bool;
    fn request_lock(name: &str, run: &JsValue);
}

type Job = Box<dyn FnOnce()>;

/// What a queued job holds: the user's work (an office named, an import confirmed, a conflict
/// settled), lost if the tab closes before it runs, or upkeep that runs again next time.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Holds {
    UserWork,
    Upkeep,
}

thread_local! {
    static HELD: Cell<bool> = const { Cell::new(false) };
    static REQUESTED: Cell<bool> = const { Cell::new(false) };
    static FAILED: Cell<bool> = const { Cell::new(false) };
    static UNSYNCED: Cell<bool> = const { Cell::new(false) };
    static WROTE: Cell<bool> = const { Cell::new(false) };
    static ENFORCED: Cell<bool> = const { Cell::new(false) };
    static QUEUE: RefCell<VecDeque<(Holds, Job)>> = const { RefCell::new(VecDeque::new()) };
}

/// Whether writes are coordinated with other tabs: false in a browser without the Web Locks
/// API, or once a lock request failed or found no IndexedDB to count writes in. The page then
/// says that saving in two tabs at once may lose an edit.
pub fn supported() -> bool {
    can_lock() && !UNSYNCED.get()
}

fn can_lock() -> bool {
    locks_supported() && !FAILED.get()
}

/// Runs `job` holding the lock: at once if it is held already (a job's own steps), else once
/// the lock is granted, after the jobs queued before it.
pub fn run(holds: Holds, job: impl FnOnce() + 'static) {
    if HELD.get() {
        job();
        return;
    }
    QUEUE.with(|q| q.borrow_mut().push_back((holds, Box::new(job))));
    if !can_lock() {
        drain();
        return;
    }
    if REQUESTED.replace(true) {
        return;
    }
    let granted = Closure::once_into_js(move |locked: bool, synced: bool| -> bool {
        REQUESTED.set(false);
        FAILED.set(FAILED.get() || !locked);
        UNSYNCED.set(UNSYNCED.get() || !synced);
        drain()
    });
    request_lock(NAME, &granted);
}

/// Runs `job` as [`run`] does and gives its result once it has run: the last step of long work
/// done in slices outside the lock (a snapshot, an import), which only then writes.
pub async fn run_then<T: 'static>(holds: Holds, job: impl FnOnce() -> T + 'static) -> T {
    let result = std::rc::Rc::new(RefCell::new(None));
    let slot = result.clone();
    let mut resolve = None;
    let done = js_sys::Promise::new(&mut |ok, _| resolve = Some(ok));
    let resolve = resolve.expect("a promise's executor runs at once");
    run(holds, move || {
        *slot.borrow_mut() = Some(job());
        let _ = resolve.call0(&JsValue::NULL);
    });
    let _ = wasm_bindgen_futures::JsFuture::from(done).await;
    let ran = result.borrow_mut().take();
    ran.expect("the job ran before its promise was resolved")
}

/// Notes that localStorage was written (by `LocalStore`), so the lock's count goes up.
pub fn note_write() {
    WROTE.set(true);
}

/// Whether a job is running now (so storage may be written).
pub fn is_held() -> bool {
    HELD.get()
}

/// Whether jobs holding the user's work wait for the lock (another tab holds it, or it is not
/// granted yet): closing the tab now would lose them.
pub fn user_work_waiting() -> bool {
    QUEUE.with(|q| {
        q.borrow()
            .iter()
            .any(|(holds, _)| *holds == Holds::UserWork)
    })
}

/// From now on `LocalStore` refuses writes made outside a job (a bug, shown in the console).
pub fn enforce() {
    ENFORCED.set(true);
}

/// Whether a write now would be outside the lock while the lock is enforced.
pub fn write_refused() -> bool {
    ENFORCED.get() && !HELD.get()
}

/// Runs every queued job; true when any of them wrote to localStorage.
fn drain() -> bool {
    HELD.set(true);
    WROTE.set(false);
    while let Some((_, job)) = QUEUE.with(|q| q.borrow_mut().pop_front()) {
        job();
    }
    HELD.set(false);
    WROTE.replace(false)
}
