//! One recommendation to read: what was asked, of whom, by when, the answer; its status
//! changed here (with its history); editing its fields is one click away (page.rs).

use leptos::prelude::*;
use leptos_fluent::{move_tr, tr, I18n};

use super::status::StatusControl;
use crate::core::records::meta::Id;
use crate::core::records::recommendation::Recommendation;
use crate::core::records::record::RecordKey;
use crate::core::records::record::{Collection, Record};
use crate::core::rules::dates::{format_date, format_instant};
use crate::core::rules::validate_activity;
use crate::route::Route;
use crate::ui::events::agreement_link;
use crate::ui::state::use_app;
use crate::ui::text;
use crate::ui::widgets::{record_link, DeleteRefused, Missing};

#[component]
pub fn RecommendationRead(id: Id) -> impl IntoView {
    let state = use_app();
    // Watches only whether the record exists: the status control keeps what is typed in it
    // while the record changes.
    let presence = Memo::new(move |_| {
        state
            .data
            .with(|d| d.recommendations.get(&id).map(|r| r.is_live()))
    });
    move || match presence.get() {
        Some(true) => view! { <RecommendationView id=id/> }.into_any(),
        Some(false) => {
            view! { <Missing what=Collection::Recommendations deleted=true/> }.into_any()
        }
        None => view! { <Missing what=Collection::Recommendations deleted=false/> }.into_any(),
    }
}

#[component]
fn RecommendationView(id: Id) -> impl IntoView {
    let state = use_app();
    let i18n = expect_context::<I18n>();
    let record = Memo::new(move |_| state.data.with(|d| d.recommendations.get(&id).cloned()));
    let blockers = RwSignal::new(None::<Vec<RecordKey>>);
    let delete = move |_| {
        let label =
            record.with_untracked(|r| r.as_ref().map(|r| r.content.clone()).unwrap_or_default());
        match state.delete::<Recommendation>(id, &label) {
            Ok(()) => state.navigate(Route::Recommendations),
            Err(keys) => blockers.set(Some(keys)),
        }
    };
    let heading =
        move || record.with(|r| r.as_ref().map(|r| r.content.clone()).unwrap_or_default());
    let facts = move || record.get().map(|r| view! { <Facts r=r/> });
    let warnings =
        move || {
            record.get().map(|r| {
                let found: Vec<String> = state.data.with(|d| {
                    validate_activity::recommendation(&r, d)
                        .into_iter()
                        .filter(|i| !i.is_error())
                        .map(|i| text::activity_problem(i18n, &i.problem))
                        .collect()
                });
                (!found.is_empty()).then(|| view! {
                <div class="banner warning" role="status">
                    {found.into_iter().map(|w| view! { <span>{w} " "</span> }).collect_view()}
                </div>
            })
            })
        };
    view! {
        <nav class="breadcrumb" aria-label=move_tr!("recommendations-breadcrumb-label")>
            <a href=Route::Recommendations.href()>{move_tr!("recommendations-title")}</a>
        </nav>
        <div class="page-head">
            <div>
                <p class="eyebrow">{move_tr!("recommendations-eyebrow")}</p>
                <h1 class="recommendation-heading">{heading}</h1>
                <super::status::StatusLine recommendation=record/>
            </div>
            <crate::ui::widgets::ReadOnlyNote/>
            <div class="actions">
                <a class="button primary" id="recommendation-edit" href=Route::RecommendationEdit(id).href()>{move_tr!("action-edit")}</a>
                <crate::ui::widgets::PrintButton/>
                <button class="danger" disabled=crate::ui::widgets::read_only(state) on:click=delete>{move_tr!("action-delete")}</button>
            </div>
        </div>
        <DeleteRefused blockers=blockers/>
        {warnings}
        {facts}
        <StatusControl id=id/>
        <p class="record-meta">
            {move || record.with(|r| r.as_ref().map(|r| tr!(i18n, "recommendations-record-meta", {
                "created" => format_instant(r.meta.created),
                "updated" => format_instant(r.meta.updated),
                "edits" => r.meta.version.total(),
            })))}
        </p>
        <crate::ui::history_view::RecordHistory key=crate::core::records::record::RecordKey { collection: crate::core::records::record::Collection::Recommendations, id: id }/>
    }
}

#[component]
fn Facts(r: Recommendation) -> impl IntoView {
    let state = use_app();
    let org = move |o: Id| {
        record_link(
            state,
            RecordKey {
                collection: Collection::Organisations,
                id: o,
            },
        )
    };
    let area = state.data.with_untracked(|d| {
        let a = d.agreements.get(&r.agreement?)?;
        let (i, area) = a
            .areas
            .iter()
            .enumerate()
            .find(|(_, x)| Some(x.id) == r.area)?;
        Some(format!("{}. {}", i + 1, area.title))
    });
    let agreement = r
        .agreement
        .map(|a| state.data.with_untracked(|d| agreement_link(d, a)));
    let none = || view! { <span class="muted">"—"</span> }.into_any();
    let day = |d: Option<chrono::NaiveDate>| d.map(format_date).unwrap_or_else(|| "—".into());
    view! {
        <section class="card">
            <h2>{move_tr!("recommendations-details")}</h2>
            <dl class="facts">
                <dt>{move_tr!("recommendations-addressed-to")}</dt>
                <dd>{if r.addressed_to.is_empty() { none() } else {
                    r.addressed_to.iter().enumerate().map(|(i, o)| view! { {(i > 0).then_some(", ")} {org(*o)} }).collect_view().into_any()
                }}</dd>
                <dt>{move_tr!("recommendations-raised-by")}</dt>
                <dd>{match r.raised_by { Some(o) => org(o).into_any(), None => none() }}</dd>
                <dt>{move_tr!("recommendations-event")}</dt>
                <dd>{match r.event { Some(e) => record_link(state, RecordKey { collection: Collection::Events, id: e }).into_any(), None => view! { {move_tr!("recommendations-sent-separately")} }.into_any() }}</dd>
                <dt>{move_tr!("recommendations-raised-on")}</dt>
                <dd>{day(r.raised_on)}</dd>
                <dt>{move_tr!("recommendations-agreement")}</dt>
                <dd>{match agreement { Some(a) => a, None => none() }}</dd>
                <dt>{move_tr!("recommendations-area")}</dt>
                <dd>{area.unwrap_or_else(|| "—".into())}</dd>
                <dt>{move_tr!("recommendations-response-deadline")}</dt>
                <dd>{day(r.deadline)}</dd>
                <dt>{move_tr!("recommendations-responded-on")}</dt>
                <dd>{day(r.responded_on)}</dd>
            </dl>
            <h3>{move_tr!("recommendations-response")}</h3>
            {if r.response.trim().is_empty() {
                view! { <p class="muted placeholder">{move_tr!("recommendations-no-response")}</p> }.into_any()
            } else {
                view! { <p class="pre">{r.response.clone()}</p> }.into_any()
            }}
        </section>
    }
}
