//! The parts every list page shares (register, events, recommendations, directory): the search
//! box, the count under the filters, and the empty states, so they look and read the same.

use leptos::prelude::*;

/// A search field whose label is read by screen readers only (the placeholder shows its use).
#[component]
pub fn SearchBox(
    id: &'static str,
    #[prop(into)] label: Signal<String>,
    #[prop(into)] placeholder: Signal<String>,
    query: RwSignal<String>,
) -> impl IntoView {
    view! {
        <div class="search-box">
            <label for=id class="visually-hidden">{label}</label>
            <input
                id=id
                type="search"
                placeholder=placeholder
                prop:value=move || query.get()
                on:input=move |ev| query.set(event_target_value(&ev))
            />
        </div>
    }
}

/// "12 / 22 … · Clear filters": announced politely as the list narrows. The clear button shows
/// only while something filters the list.
#[component]
pub fn ResultCount(
    #[prop(into)] text: Signal<String>,
    #[prop(into)] filtered: Signal<bool>,
    #[prop(into)] clear_label: Signal<String>,
    #[prop(into)] on_clear: Callback<()>,
) -> impl IntoView {
    view! {
        <p class="result-count" aria-live="polite">
            {text}
            <Show when=move || filtered.get()>
                " · " <button class="link" on:click=move |_| on_clear.run(())>{clear_label}</button>
            </Show>
        </p>
    }
}

/// Why a list shows nothing — nothing recorded yet, or nothing matching — and the way on
/// (the children: a link to add the first record, or a button that clears the search). A text
/// with a link in it goes in the children instead of `text`.
#[component]
pub fn EmptyState(
    #[prop(into)] title: Signal<String>,
    #[prop(optional, into)] text: Option<Signal<String>>,
    children: Children,
) -> impl IntoView {
    view! {
        <section class="empty">
            <h2>{title}</h2>
            {text.map(|text| view! { <p>{text}</p> })}
            {children()}
        </section>
    }
}
