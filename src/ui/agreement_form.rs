use leptos::prelude::*;
use crate::core::meta::Id;
#[component]
pub fn AgreementForm(id: Option<Id>) -> impl IntoView { view! { <p>{id.map(|i| i.to_string())}</p> } }
