//! Events: the timeline (by year and month, with filters), one event's page, and its form.
//! The pieces both events and recommendations use (issue messages, choices) live here too.

mod form;
mod list;
mod page;

pub use form::EventForm;
pub use list::EventList;
pub use page::EventPage;

use crate::core::records::sorting;
use leptos::prelude::*;
use leptos_fluent::{move_tr, tr, I18n};

use super::text;
use crate::core::records::event::Event;
use crate::core::records::meta::Id;
use crate::core::records::model::AgreementKind;
use crate::core::records::record::Record;
use crate::core::records::workspace::Dataset;
use crate::core::rules::dates::format_local;
use crate::core::rules::validate_activity::ActivityIssue;
use crate::core::views::listing::collate;

/// The messages about one field, shown beside it.
#[component]
pub(super) fn ActivityIssues(
    issues: RwSignal<Vec<ActivityIssue>>,
    #[prop(into)] field: Signal<String>,
) -> impl IntoView {
    let i18n = expect_context::<I18n>();
    move || {
        let field = field.get();
        issues.with(|all| {
            all.iter()
                .filter(|i| i.field == field)
                .map(|i| {
                    let (class, role) = if i.is_error() {
                        ("field-error", "alert")
                    } else {
                        ("field-warning", "status")
                    };
                    view! { <p class=class role=role>{text::activity_problem(i18n, &i.problem)}</p> }
                })
                .collect_view()
        })
    }
}

/// Whether an error is reported for `field`, for aria-invalid.
pub(super) fn invalid(issues: RwSignal<Vec<ActivityIssue>>, field: &str) -> Option<&'static str> {
    issues
        .with(|all| all.iter().any(|i| i.is_error() && i.field == field))
        .then_some("true")
}

pub(super) use crate::ui::focus::focus_first_invalid;

/// dd/mm/yyyy HH:mm, Vietnam's time as stored.
pub(super) fn when(e: &Event) -> String {
    format_local(e.starts_at)
}

/// Live agreements to choose from: regulations first, newest period first, then by title.
/// `keep` (the value a form opened with) stays a choice even if deleted since.
pub(super) fn agreement_choices(i18n: I18n, data: &Dataset, keep: &[Id]) -> Vec<(Id, String)> {
    let rank = |k: AgreementKind| match k {
        AgreementKind::Regulation => 0,
        AgreementKind::Plan => 1,
        AgreementKind::Other => 2,
    };
    let mut live: Vec<_> = data.agreements.iter_live().collect();
    sorting::sort_by(&mut live, |a, b| {
        rank(a.kind)
            .cmp(&rank(b.kind))
            .then_with(|| b.period.start.cmp(&a.period.start))
            .then_with(|| collate(&a.title).cmp(&collate(&b.title)))
    });
    let mut choices: Vec<(Id, String)> = live
        .into_iter()
        .map(|a| (a.id(), a.title.clone()))
        .collect();
    for id in keep {
        if !choices.iter().any(|(c, _)| c == id) {
            let label = match data.agreements.get(id) {
                Some(a) => tr!(i18n, "events-deleted", {"label" => a.title.clone()}),
                None => tr!(i18n, "events-agreement-not-in-data"),
            };
            choices.push((*id, label));
        }
    }
    choices
}

/// Live events to choose from, newest first, as "dd/mm/yyyy — title".
pub(super) fn event_choices(i18n: I18n, data: &Dataset, keep: Option<Id>) -> Vec<(Id, String)> {
    let mut live: Vec<&Event> = data.events.iter_live().collect();
    sorting::sort_by_key(&mut live, |e| std::cmp::Reverse(e.starts_at));
    let label = |e: &Event| {
        format!(
            "{} — {}",
            crate::core::rules::dates::format_date(e.day()),
            e.title
        )
    };
    let mut choices: Vec<(Id, String)> = live.into_iter().map(|e| (e.id(), label(e))).collect();
    if let Some(id) = keep.filter(|k| !choices.iter().any(|(c, _)| c == k)) {
        let name = match data.events.get(&id) {
            Some(e) => tr!(i18n, "events-deleted", {"label" => label(e)}),
            None => tr!(i18n, "events-event-not-in-data"),
        };
        choices.push((id, name));
    }
    choices
}

/// A link to an agreement by its title, or a note that it is not here.
pub(super) fn agreement_link(data: &Dataset, id: Id) -> AnyView {
    match data.agreements.get(&id) {
        Some(a) if a.is_live() => {
            view! { <a href=crate::route::Route::Agreement(id).href()>{a.title.clone()}</a> }
                .into_any()
        }
        Some(a) => {
            let title = a.title.clone();
            view! { <span class="muted">{move_tr!("events-deleted", {"label" => title.clone()})}</span> }
                .into_any()
        }
        None => {
            view! { <span class="muted">{move_tr!("events-agreement-not-here")}</span> }.into_any()
        }
    }
}
