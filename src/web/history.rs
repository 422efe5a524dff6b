//! The browser's history entries, each marked with its place in the session (`{"seq": n}` in
//! its state), so that a page change can be undone the way it came: an entry added by a link
//! is left with Back, one reached with Back is left with Forward.

use wasm_bindgen::JsValue;

fn history() -> Option<web_sys::History> {
    web_sys::window().and_then(|w| w.history().ok())
}

/// The place of the current entry, if it was marked.
pub fn place() -> Option<f64> {
    let state = history()?.state().ok()?;
    js_sys::Reflect::get(&state, &JsValue::from_str("seq"))
        .ok()?
        .as_f64()
}

/// Marks the current entry with its place.
pub fn mark(place: f64) {
    let state = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&state, &JsValue::from_str("seq"), &JsValue::from_f64(place));
    if let Some(h) = history() {
        let _ = h.replace_state(&state, "");
    }
}

/// Goes back to the entry at `place` from the current one: one step back or forward.
pub fn return_to(place: f64) {
    let Some(h) = history() else { return };
    let _ = match self::place() {
        Some(here) if here < place => h.forward(),
        _ => h.back(),
    };
}
