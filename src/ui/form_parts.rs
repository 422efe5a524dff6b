//! What every form shares: the required mark and the length counter.

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
