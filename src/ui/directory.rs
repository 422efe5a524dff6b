use leptos::prelude::*;
use crate::core::meta::Id;
#[component]
pub fn OrganisationList() -> impl IntoView { view! { <p>"orgs"</p> } }
#[component]
pub fn OrganisationPage(id: Option<Id>) -> impl IntoView { view! { <p>{id.map(|i| i.to_string())}</p> } }
#[component]
pub fn PersonList() -> impl IntoView { view! { <p>"people"</p> } }
#[component]
pub fn PersonPage(id: Option<Id>) -> impl IntoView { view! { <p>{id.map(|i| i.to_string())}</p> } }
