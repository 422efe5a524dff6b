//! Asking the browser to keep our data (navigator.storage.persist), and a warning before the page
//! closes while something is unsaved.

use wasm_bindgen::closure::Closure;
use wasm_bindgen::prelude::*;

#[wasm_bindgen(inline_js = r#"
export function request_persist(done) {
  const s = navigator.storage;
  if (!s || !s.persist || !s.persisted) { done(undefined); return; }
  s.persisted()
    .then((already) => (already ? true : s.persist()))
    .then((granted) => done(!!granted), () => done(undefined));
}
export function guard_unload(should_warn) {
  window.addEventListener('beforeunload', (event) => {
    if (should_warn()) {
      event.preventDefault();
      event.returnValue = '';
    }
  });
}
"#)]
extern "C" {
    fn request_persist(done: &Closure<dyn FnMut(JsValue)>);
    fn guard_unload(should_warn: &Closure<dyn Fn() -> bool>);
}

/// Asks for persistent storage (granted at once if it already is). `done` gets the answer,
/// or None where the browser has no such API.
pub fn ask_persistence(done: impl FnOnce(Option<bool>) + 'static) {
    let mut done = Some(done);
    let callback = Closure::<dyn FnMut(JsValue)>::new(move |answer: JsValue| {
        if let Some(done) = done.take() {
            done(answer.as_bool());
        }
    });
    request_persist(&callback);
    callback.forget();
}

/// Makes the browser ask "leave the page?" whenever `should_warn` says so.
pub fn warn_before_unload(should_warn: impl Fn() -> bool + 'static) {
    let callback = Closure::<dyn Fn() -> bool>::new(should_warn);
    guard_unload(&callback);
    callback.forget();
}
