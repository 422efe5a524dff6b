//! Events: list, page and form. (Being built for issue 3.)

use leptos::prelude::*;

use crate::core::meta::Id;

#[component]
pub fn EventList() -> impl IntoView {
    view! { <h1>"Sự kiện"</h1> }
}

#[component]
pub fn EventPage(id: Id) -> impl IntoView {
    view! { <h1>{id.to_string()}</h1> }
}

#[component]
pub fn EventForm(id: Option<Id>) -> impl IntoView {
    view! { <h1>{id.map(|i| i.to_string())}</h1> }
}
