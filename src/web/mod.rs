//! Browser glue: the only code that touches web APIs besides the components.

pub mod couch;
pub mod durability;
pub mod history;
pub mod local_storage;
pub mod lock;
pub mod service_worker;
pub mod tabs;

use chrono::{DateTime, Utc};

/// The current instant from the browser's clock.
pub fn now() -> DateTime<Utc> {
    Utc::now()
}

/// Milliseconds since the page started (for pacing long work, not for dates).
pub fn millis() -> f64 {
    web_sys::window()
        .and_then(|w| w.performance())
        .map(|p| p.now())
        .unwrap_or_default()
}

/// Long work done in slices: the page paints, takes clicks and keys, and shows progress between
/// them. `due()` says a slice has run long enough; `pause().await` then hands the page back.
pub struct Pacer {
    since: f64,
}

/// How long one slice may keep the page busy: well under what a user notices as a stall.
const SLICE_MS: f64 = 40.0;

impl Pacer {
    pub fn new() -> Pacer {
        Pacer { since: millis() }
    }

    pub fn due(&self) -> bool {
        millis() - self.since >= SLICE_MS
    }

    /// Yields to the browser (a task of its own after a zero timeout), then starts a new slice.
    pub async fn pause(&mut self) {
        let promise = js_sys::Promise::new(&mut |resolve, _| {
            if let Some(window) = web_sys::window() {
                let _ = window.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 0);
            }
        });
        let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
        self.since = millis();
    }

    /// Yields until the page has painted (the next animation frame, then a zero timeout), so
    /// that what was just put on screen is seen before a step that holds the page. A hidden
    /// page paints no frames: then after 100 ms all the same.
    pub async fn after_paint(&mut self) {
        use wasm_bindgen::closure::Closure;
        use wasm_bindgen::JsCast;
        let promise = js_sys::Promise::new(&mut |resolve, _| {
            let Some(window) = web_sys::window() else {
                return;
            };
            let _ = window.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 100);
            let later = window.clone();
            let painted = Closure::once_into_js(move || {
                let _ = later.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 0);
            });
            let _ = window.request_animation_frame(painted.unchecked_ref());
        });
        let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
        self.since = millis();
    }

    /// Pauses if the slice is due.
    pub async fn maybe_pause(&mut self) {
        if self.due() {
            self.pause().await;
        }
    }
}

impl Default for Pacer {
    fn default() -> Self {
        Pacer::new()
    }
}

/// Runs `f` and leaves how long it took in the browser's performance timeline, as a measure
/// named `name` (DevTools' Performance panel shows it; scripts/bench-data.mjs reports it).
pub fn measured<R>(name: &str, f: impl FnOnce() -> R) -> R {
    let start = format!("{name} (start)");
    timeline::mark(&start);
    let result = f();
    timeline::measure(name, &start);
    result
}

/// Work that runs over many tasks (a slice at a time), measured like [`measured`] from
/// [`Measure::start`] to [`Measure::end`].
pub struct Measure {
    name: &'static str,
    start: String,
}

impl Measure {
    pub fn start(name: &'static str) -> Measure {
        let start = format!("{name} (start)");
        timeline::mark(&start);
        Measure { name, start }
    }

    pub fn end(self) {
        timeline::measure(self.name, &self.start);
    }
}

/// Leaves a mark named `name` in the browser's performance timeline: a step decided, which
/// DevTools and the end-to-end tests can see.
pub fn mark(name: &str) {
    timeline::mark(name);
}

mod timeline {
    use wasm_bindgen::prelude::*;

    #[wasm_bindgen]
    extern "C" {
        #[wasm_bindgen(js_namespace = performance)]
        pub fn mark(name: &str);
        #[wasm_bindgen(js_namespace = performance)]
        pub fn measure(name: &str, start: &str);
    }
}
