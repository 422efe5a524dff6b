//! Other tabs' writes: the browser's `storage` event, fired in every other tab of the origin.

use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

/// One change another tab made to localStorage. `key` None: the whole store was cleared.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StorageChange {
    pub key: Option<String>,
    pub new_value: Option<String>,
}

/// Calls `f` for every change another tab makes to localStorage, for the page's lifetime.
pub fn on_change(f: impl Fn(StorageChange) + 'static) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let local = window.local_storage().ok().flatten();
    let handler =
        Closure::<dyn Fn(web_sys::StorageEvent)>::new(move |event: web_sys::StorageEvent| {
            // sessionStorage fires the same event; only localStorage is ours.
            if event.storage_area().is_some() && event.storage_area() != local {
                return;
            }
            f(StorageChange {
                key: event.key(),
                new_value: event.new_value(),
            });
        });
    let _ = window.add_event_listener_with_callback("storage", handler.as_ref().unchecked_ref());
    handler.forget();
}
