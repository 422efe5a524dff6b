//! Browser glue: the only code that touches web APIs besides the components.

pub mod durability;
pub mod history;
pub mod local_storage;
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
