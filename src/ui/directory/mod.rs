//! The directory: the organisations and people that agreements name. Each has a searchable
//! list and one page that shows a record, edits it in place and deletes it.

mod organisations;
mod people;

pub use organisations::{OrganisationList, OrganisationPage};
pub use people::{PersonList, PersonPage};

use std::collections::BTreeSet;

use leptos::prelude::*;
use leptos_fluent::{tr, I18n};

use super::state::AppState;
use crate::core::records::meta::Id;
use crate::core::records::record::Record;
use crate::core::records::workspace::{Dataset, Stored};
use crate::core::rules::validate::Issue;

/// Where the record a page is about stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Presence {
    /// No id: the page creates one.
    New,
    Live,
    Deleted,
    /// Not in this browser's data.
    Unknown,
}

/// Watches only whether the record exists, so saving it does not rebuild the form being typed in.
fn presence<T: Stored + Send + Sync + 'static>(state: AppState, id: Option<Id>) -> Memo<Presence> {
    Memo::new(move |_| match id {
        None => Presence::New,
        Some(id) => state.data.with(|d| match d.table::<T>().get(&id) {
            None => Presence::Unknown,
            Some(r) if r.is_live() => Presence::Live,
            Some(_) => Presence::Deleted,
        }),
    })
}

/// Whether any error is reported for `field`.
fn has_error(issues: RwSignal<Vec<Issue>>, field: &str) -> bool {
    issues.with(|all| all.iter().any(|i| i.is_error() && i.field == field))
}

use crate::ui::focus::focus_first_invalid;

/// Live organisations to choose from, by name, leaving out `exclude`. `keep` (the value the form
/// opened with) stays a choice even if it was deleted since, so the select shows what is stored.
fn organisation_choices(
    i18n: I18n,
    data: &Dataset,
    exclude: &BTreeSet<Id>,
    keep: Option<Id>,
) -> Vec<(Id, String)> {
    let label = |o: &crate::core::records::model::Organisation| {
        let name = o.display_name();
        let short = o.short_name.trim();
        if short.is_empty() || short == o.name.trim() {
            name
        } else {
            format!("{name} – {short}")
        }
    };
    let mut choices: Vec<(Id, String)> = crate::core::views::listing::find_organisations(data, "")
        .into_iter()
        .filter(|o| !exclude.contains(&o.id()))
        .map(|o| (o.id(), label(o)))
        .collect();
    if let Some(kept) =
        keep.filter(|k| !exclude.contains(k) && !choices.iter().any(|(id, _)| id == k))
    {
        let name = match data.organisations.get(&kept) {
            Some(o) => tr!(i18n, "directory-deleted", {"label" => label(o)}),
            None => tr!(i18n, "directory-not-in-data", {"label" => data.organisation_label(&kept)}),
        };
        choices.push((kept, name));
    }
    choices
}

/// A select of organisations with a "none" choice first.
#[component]
fn OrganisationSelect(
    #[prop(into)] id: String,
    value: RwSignal<Option<Id>>,
    #[prop(into)] choices: Signal<Vec<(Id, String)>>,
    #[prop(into)] none_label: Signal<String>,
    #[prop(into)] invalid: Signal<bool>,
) -> impl IntoView {
    view! {
        <select
            id=id
            aria-invalid=move || invalid.get().then_some("true")
            on:change=move |ev| value.set(event_target_value(&ev).parse().ok())
        >
            // `selected` on each option, not `value` on the select: the options are drawn after it.
            <option value="" prop:selected=move || value.with(Option::is_none)>{none_label}</option>
            {move || {
                choices
                    .get()
                    .into_iter()
                    .map(|(oid, label)| {
                        view! { <option value=oid.to_string() prop:selected=move || value.get() == Some(oid)>{label}</option> }
                    })
                    .collect_view()
            }}
        </select>
    }
}
