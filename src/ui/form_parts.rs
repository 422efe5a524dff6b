//! What every form shares: the required mark, the length counter, and input handlers that stop
//! with their form.

use leptos::prelude::*;
use leptos_fluent::move_tr;

/// The mark beside a required field's label, the same in every form (a red star; screen
/// readers hear "required" from the field's own `required`).
#[component]
pub fn Required() -> impl IntoView {
    view! { <span class="required" aria-hidden="true">" *"</span> }
}

/// "12/400" under a text field, red past the field's length (`core::validate::lengths`): the
/// text is never cut, the save says it is too long.
#[component]
pub fn Counter(text: RwSignal<String>, max: usize) -> impl IntoView {
    let count = Memo::new(move |_| text.with(|t| t.trim().chars().count()));
    view! {
        <p class="counter" class:over=move || { count.get() > max } aria-live="polite">
            {move_tr!("form-length", {"count" => count.get(), "max" => max})}
        </p>
    }
}

/// Wraps a form's `input`/`change` handler so that it runs only while the form is on the page.
/// A field that had the focus fires a last `change` as it leaves with its form (Safari and
/// Firefox on macOS keep the focus in the field when Save is clicked; the save leaves or
/// redraws the form), after the form's reactive owner is gone: that is no input, and the
/// signals the handler would read are freed. Call it where the form is built: the form's
/// owner going turns the handler off.
pub fn while_mounted<E: 'static>(
    handler: impl Fn(E) + Clone + 'static,
) -> impl Fn(E) + Clone + 'static {
    use std::sync::atomic::{AtomicBool, Ordering};
    use std::sync::Arc;
    let mounted = Arc::new(AtomicBool::new(true));
    let on_leave = mounted.clone();
    on_cleanup(move || on_leave.store(false, Ordering::Relaxed));
    move |ev| {
        if mounted.load(Ordering::Relaxed) {
            handler(ev)
        }
    }
}
