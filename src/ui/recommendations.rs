//! Recommendations: list and page. (Being built for issue 3.)

use leptos::prelude::*;

use crate::core::meta::Id;

#[component]
pub fn RecommendationList() -> impl IntoView {
    view! { <h1>"Kiến nghị"</h1> }
}

#[component]
pub fn RecommendationPage(id: Option<Id>) -> impl IntoView {
    view! { <h1>{id.map(|i| i.to_string())}</h1> }
}
