//! Live sync's browser side: the requests the core's replicator names (`fetch`, with the
//! session cookie or without it), the one long-poll in flight (aborted when the page has a
//! change to send, goes offline, or stops syncing), the one tab that syncs (the Web Lock
//! "phoihop/sync", held while the tab syncs), and the browser's online / offline events.

use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;

use crate::core::exchange::sync_protocol::{Reply, Request};

/// The lock only the syncing tab holds; the others wait for it (and take over when that tab
/// closes).
pub const SYNC_LOCK: &str = "phoihop/sync";

/// A request with no answer in this long is given up (no answer: tried again with back-off).
const REQUEST_TIMEOUT_MS: u32 = 60_000;
/// The long-poll's own limit: the server answers after `LONG_POLL_MS` (25 s) at the latest.
const LONG_POLL_TIMEOUT_MS: u32 = 45_000;

#[wasm_bindgen(inline_js = r#"
let poll = null;
export async function couch_fetch(url, method, body, credentials, longPoll, timeoutMs) {
  const controller = new AbortController();
  if (longPoll) poll = controller;
  const timer = setTimeout(() => controller.abort('timeout'), timeoutMs);
  try {
    const headers = { 'Accept': 'application/json' };
    if (body != null) headers['Content-Type'] = 'application/json';
    const response = await fetch(url, {
      method, headers, body: body ?? undefined, cache: 'no-store',
      credentials: credentials ? 'include' : 'omit', signal: controller.signal,
    });
    const text = await response.text();
    return [response.status, text];
  } catch (e) {
    if (controller.signal.aborted && controller.signal.reason === 'ours') return [-1, ''];
    if (controller.signal.aborted) return [0, 'timeout'];
    return [0, String(e && e.message || e)];
  } finally {
    clearTimeout(timer);
    if (poll === controller) poll = null;
  }
}
export function abort_long_poll() {
  if (poll) poll.abort('ours');
}
let release = null;
export function hold_lock(name, granted) {
  if (!(globalThis.navigator && navigator.locks && navigator.locks.request)) {
    granted(false);
    return;
  }
  navigator.locks.request(name, () => new Promise((done) => {
    release = done;
    granted(true);
  })).catch(() => granted(false));
}
export function release_lock() {
  if (release) { release(); release = null; }
}
let wake = null;
export function pause(ms) {
  return new Promise((done) => {
    const timer = setTimeout(() => { wake = null; done(false); }, ms);
    wake = () => { clearTimeout(timer); wake = null; done(true); };
  });
}
export function wake_up() {
  if (wake) wake();
}
export function is_online() {
  return navigator.onLine !== false;
}
export function on_online_change(callback) {
  addEventListener('online', () => callback(true));
  addEventListener('offline', () => callback(false));
}
"#)]
extern "C" {
    fn couch_fetch(
        url: &str,
        method: &str,
        body: Option<String>,
        credentials: bool,
        long_poll: bool,
        timeout_ms: u32,
    ) -> js_sys::Promise;
    fn abort_long_poll();
    fn hold_lock(name: &str, granted: &JsValue);
    fn release_lock();
    fn pause(ms: u32) -> js_sys::Promise;
    fn wake_up();
    fn is_online() -> bool;
    fn on_online_change(callback: &JsValue);
}

/// What a request came to: the server's reply, or aborted by this page (a local change to send,
/// offline, sync switched off), when the replicator is not told.
pub enum Sent {
    Reply(Reply),
    Aborted,
}

/// Makes `request` to the server at `server` (its address, without a trailing slash).
pub async fn send(server: &str, request: &Request) -> Sent {
    let url = format!("{server}{}", request.path);
    let timeout = if request.long_poll {
        LONG_POLL_TIMEOUT_MS
    } else {
        REQUEST_TIMEOUT_MS
    };
    let promise = couch_fetch(
        &url,
        request.method.as_str(),
        request.body.clone(),
        request.credentials,
        request.long_poll,
        timeout,
    );
    let result = JsFuture::from(promise).await.unwrap_or(JsValue::NULL);
    let pair = js_sys::Array::from(&result);
    let status = pair.get(0).as_f64().unwrap_or(0.0) as i32;
    let text = pair.get(1).as_string().unwrap_or_default();
    match status {
        -1 => Sent::Aborted,
        0 => Sent::Reply(Reply::Unreachable(text)),
        status => Sent::Reply(Reply::Answer {
            status: status as u16,
            body: text,
        }),
    }
}

/// Ends the long-poll in flight, if any (its `send` returns `Sent::Aborted`).
pub fn interrupt_long_poll() {
    abort_long_poll();
}

/// Asks for the sync lock; `granted` runs once this tab holds it (true), or at once without the
/// Web Locks API (false: every tab syncs, which the protocol survives: a change sent twice is
/// one revision). Held until [`release`].
pub fn request_sync_lock(granted: impl FnOnce(bool) + 'static) {
    let callback = Closure::once_into_js(granted);
    hold_lock(SYNC_LOCK, &callback);
}

/// Lets the sync lock go (sync switched off here): the next tab waiting may take it.
pub fn release() {
    release_lock();
}

/// Waits `ms`, or less if [`wake`] is called meanwhile (true then).
pub async fn sleep(ms: u32) -> bool {
    JsFuture::from(pause(ms))
        .await
        .ok()
        .and_then(|v| v.as_bool())
        .unwrap_or(false)
}

/// Ends the current [`sleep`] early.
pub fn wake() {
    wake_up();
}

/// Whether the browser believes it is online.
pub fn online() -> bool {
    is_online()
}

/// Calls `f(online)` whenever the browser goes online or offline, for the page's lifetime.
pub fn on_connectivity(f: impl Fn(bool) + 'static) {
    let callback = Closure::<dyn Fn(bool)>::new(f);
    on_online_change(callback.as_ref());
    callback.forget();
}
