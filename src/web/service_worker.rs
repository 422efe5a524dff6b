//! The service worker (`sw.js`, made at build time by scripts/post-build.mjs from assets/sw.js):
//! registers it, says when a new version is installed and waiting, and hands over to that version
//! only when the user asks. The few browser calls are bound here directly, so no web-sys
//! features are needed.
//!
//! Where the browser has no service workers (plain http:// on a LAN address, some privacy
//! modes) nothing happens: the app works, online only.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::{spawn_local, JsFuture};

#[wasm_bindgen]
extern "C" {
    /// navigator.serviceWorker
    #[wasm_bindgen(extends = web_sys::EventTarget)]
    #[derive(Clone)]
    type Container;
    #[wasm_bindgen(method)]
    fn register(this: &Container, url: &str) -> js_sys::Promise;
    #[wasm_bindgen(method, getter)]
    fn controller(this: &Container) -> Option<Worker>;

    #[wasm_bindgen(extends = web_sys::EventTarget)]
    #[derive(Clone)]
    type Registration;
    #[wasm_bindgen(method, getter)]
    fn installing(this: &Registration) -> Option<Worker>;
    #[wasm_bindgen(method, getter)]
    fn waiting(this: &Registration) -> Option<Worker>;
    #[wasm_bindgen(method)]
    fn update(this: &Registration) -> js_sys::Promise;

    #[wasm_bindgen(extends = web_sys::EventTarget)]
    #[derive(Clone)]
    type Worker;
    #[wasm_bindgen(method, getter)]
    fn state(this: &Worker) -> String;
    #[wasm_bindgen(method, js_name = postMessage)]
    fn post_message(this: &Worker, message: &JsValue);
}

/// How often an open page asks the server for a new sw.js (the browser also checks on every
/// navigation, and we check when the connection comes back).
const UPDATE_CHECK_EVERY: std::time::Duration = std::time::Duration::from_secs(30 * 60);

thread_local! {
    static REGISTRATION: RefCell<Option<Registration>> = const { RefCell::new(None) };
    /// Set when the user asked for the new version: the next controller change reloads.
    static RELOAD_REQUESTED: Cell<bool> = const { Cell::new(false) };
}

fn container() -> Option<Container> {
    let navigator = web_sys::window()?.navigator();
    let value = js_sys::Reflect::get(&navigator, &JsValue::from_str("serviceWorker")).ok()?;
    (!value.is_undefined() && !value.is_null()).then(|| value.unchecked_into())
}

fn listen(target: &web_sys::EventTarget, event: &str, f: impl Fn() + 'static) {
    let closure = Closure::<dyn Fn()>::new(f);
    let _ = target.add_event_listener_with_callback(event, closure.as_ref().unchecked_ref());
    // Page-lifetime listeners: registered once, never removed.
    closure.forget();
}

fn reload() {
    if let Some(window) = web_sys::window() {
        let _ = window.location().reload();
    }
}

/// Asks the server for a new sw.js; offline, the refusal is expected and ignored.
fn check_for_update(registration: &Registration) {
    let promise = registration.update();
    spawn_local(async move {
        let _ = JsFuture::from(promise).await;
    });
}

/// Registers `sw.js` (next to index.html, so its scope is the app's folder). `on_update` runs
/// when a new version is installed and waiting while this page runs the old one — not on the
/// first install, which simply takes control of the page.
pub fn register(on_update: impl Fn() + 'static) {
    let Some(container) = container() else {
        leptos::logging::warn!("Phối hợp: no service worker here; the app will not work offline");
        return;
    };
    let on_update = Rc::new(on_update);
    // The worker of another tab may take over too (its user pressed reload there): this page
    // keeps running the version it loaded, which it holds in memory, and reloads only when its
    // own user asks, never on its own (a form may hold unsaved input).
    listen(&container, "controllerchange", || {
        if RELOAD_REQUESTED.get() {
            reload();
        }
    });
    spawn_local(async move {
        let registration: Registration = match JsFuture::from(container.register("./sw.js")).await {
            Ok(r) => r.unchecked_into(),
            Err(e) => {
                leptos::logging::warn!("Phối hợp: service worker not registered: {e:?}");
                return;
            }
        };
        let has_controller = {
            let container = container.clone();
            move || container.controller().is_some()
        };
        if registration.waiting().is_some() && has_controller() {
            on_update();
        }
        let watched = registration.clone();
        listen(&registration, "updatefound", move || {
            let Some(worker) = watched.installing() else {
                return;
            };
            let (on_update, has_controller, w) =
                (on_update.clone(), has_controller.clone(), worker.clone());
            listen(&worker, "statechange", move || {
                if w.state() == "installed" && has_controller() {
                    on_update();
                }
            });
        });
        let periodic = registration.clone();
        leptos::prelude::set_interval(move || check_for_update(&periodic), UPDATE_CHECK_EVERY);
        if let Some(window) = web_sys::window() {
            let online = registration.clone();
            listen(&window, "online", move || check_for_update(&online));
        }
        REGISTRATION.with(|r| *r.borrow_mut() = Some(registration));
    });
}

/// Switches to the waiting version: it takes control, then this page reloads.
pub fn apply_update() {
    RELOAD_REQUESTED.set(true);
    let waiting = REGISTRATION.with(|r| r.borrow().as_ref().and_then(Registration::waiting));
    match waiting {
        Some(worker) => {
            worker.post_message(&JsValue::from_str("skip-waiting"));
            // Should the controller change never come (the worker failed to activate), the
            // user still asked for a reload.
            leptos::prelude::set_timeout(reload, std::time::Duration::from_secs(5));
        }
        // Another tab already switched: this page only needs to load the new version.
        None => reload(),
    }
}
