use leptos::prelude::*;
use crate::core::meta::Id;
#[component]
pub fn AgreementPage(id: Id) -> impl IntoView { view! { <p>{id.to_string()}</p> } }
