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
    /// Background work (nobody waits for it): its slices fit the browser's idle periods, so a
    /// scroll or a keystroke is never held up by it.
    background: bool,
    /// When the current slice ends.
    until: f64,
}

/// How long one slice may keep the page busy: well under what a user notices as a stall.
const SLICE_MS: f64 = 40.0;
/// A background slice where the browser has no idle callbacks (Safari): short, so a frame of a
/// scroll is not missed for it.
const BACKGROUND_SLICE_MS: f64 = 8.0;
/// A background slice waits at most this long for an idle period; on a page never idle it then
/// takes one step all the same, so the work still ends.
const IDLE_WAIT_MS: u32 = 1_000;

impl Pacer {
    /// For work the user waits for (with its progress shown).
    pub fn new() -> Pacer {
        Pacer {
            background: false,
            until: millis() + SLICE_MS,
        }
    }

    /// For background work (the day's snapshot, the import's fingerprints kept up to date).
    pub fn in_background() -> Pacer {
        Pacer {
            background: true,
            until: millis() + BACKGROUND_SLICE_MS,
        }
    }

    pub fn due(&self) -> bool {
        millis() >= self.until
    }

    /// Yields to the browser, then starts a new slice: background work until the browser is idle
    /// (for as long as it says it will stay so), other work for a task of its own after a zero
    /// timeout.
    pub async fn pause(&mut self) {
        if self.background {
            if let Some(idle_ms) = idle_period().await {
                self.until = millis() + idle_ms;
                return;
            }
        }
        let promise = js_sys::Promise::new(&mut |resolve, _| {
            if let Some(window) = web_sys::window() {
                let _ = window.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 0);
            }
        });
        let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
        self.until = millis() + self.slice_ms();
    }

    fn slice_ms(&self) -> f64 {
        if self.background {
            BACKGROUND_SLICE_MS
        } else {
            SLICE_MS
        }
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
        self.until = millis() + self.slice_ms();
    }

    /// Pauses if the slice is due.
    pub async fn maybe_pause(&mut self) {
        if self.due() {
            self.pause().await;
        }
    }
}

/// Waits for the browser's next idle period (`requestIdleCallback`, at most [`IDLE_WAIT_MS`]) and
/// gives how long it is to last (0 when the wait ran out); `None` where there are no idle
/// callbacks.
async fn idle_period() -> Option<f64> {
    use wasm_bindgen::closure::Closure;
    use wasm_bindgen::{JsCast, JsValue};
    let window = web_sys::window()?;
    let has_idle_callbacks =
        js_sys::Reflect::get(&window, &JsValue::from_str("requestIdleCallback"))
            .is_ok_and(|f| f.is_function());
    if !has_idle_callbacks {
        return None;
    }
    let mut asked = true;
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        let idle = Closure::once_into_js(move |deadline: web_sys::IdleDeadline| {
            let _ = resolve.call1(
                &JsValue::NULL,
                &JsValue::from_f64(deadline.time_remaining()),
            );
        });
        let options = web_sys::IdleRequestOptions::new();
        options.set_timeout(IDLE_WAIT_MS);
        asked = window
            .request_idle_callback_with_options(idle.unchecked_ref(), &options)
            .is_ok();
    });
    if !asked {
        return None;
    }
    wasm_bindgen_futures::JsFuture::from(promise)
        .await
        .ok()?
        .as_f64()
}

impl Default for Pacer {
    fn default() -> Self {
        Pacer::new()
    }
}

/// Runs `f` and leaves how long it took in the browser's performance timeline, as a measure
/// named `name` (DevTools' Performance panel shows it; scripts/bench-data.mjs reports it).
pub fn measured<R>(name: &'static str, f: impl FnOnce() -> R) -> R {
    let measure = Measure::start(name);
    let result = f();
    measure.end();
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
