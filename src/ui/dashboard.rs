//! The home page: what is late, what is due next, what is coming, and which departments have a
//! plan this year. Every count and item links to the records behind it.

use leptos::prelude::*;
use leptos_fluent::{move_tr, tr, I18n};

use super::state::use_app;
use super::widgets::record_link;
use crate::core::records::model::Status;
use crate::core::records::record::{Collection, RecordKey};
use crate::core::rules::dates::{format_date, format_local};
use crate::core::views::dashboard::{dashboard, Band, DueItem, DueKind};
use crate::route::Route;

fn band_title(i18n: I18n, band: Band) -> String {
    match band {
        Band::Overdue => tr!(i18n, "dashboard-band-overdue"),
        Band::Within30 => tr!(i18n, "dashboard-band-within-30"),
        Band::Within90 => tr!(i18n, "dashboard-band-within-90"),
    }
}

fn band_class(band: Band) -> &'static str {
    match band {
        Band::Overdue => "band overdue",
        Band::Within30 => "band soon",
        Band::Within90 => "band later",
    }
}

/// "quá hạn 5 ngày", "đến hạn hôm nay", "còn 12 ngày" (5 days overdue, due today, 12 days left).
pub(super) fn distance(i18n: I18n, due: chrono::NaiveDate, today: chrono::NaiveDate) -> String {
    let days = (due - today).num_days();
    match days {
        d if d < 0 => tr!(i18n, "dashboard-distance-overdue", {"days" => -d}),
        0 => tr!(i18n, "dashboard-distance-today"),
        d => tr!(i18n, "dashboard-distance-left", {"days" => d}),
    }
}

pub(super) fn due_kind_label(i18n: I18n, kind: &DueKind) -> String {
    match kind {
        DueKind::Duty { title, year, .. } => {
            tr!(i18n, "dashboard-due-duty", {"title" => title.clone(), "year" => year.to_string()})
        }
        DueKind::RecommendationDeadline => tr!(i18n, "dashboard-due-recommendation"),
        DueKind::PlanRenewal => tr!(i18n, "dashboard-due-plan-renewal"),
    }
}

#[component]
fn DueCard(item: DueItem, today: chrono::NaiveDate) -> impl IntoView {
    let state = use_app();
    let i18n = expect_context::<I18n>();
    let kind = item.kind.clone();
    let due = item.due;
    let show_agreement = item
        .agreement
        .filter(|a| *a != item.record.id || item.record.collection != Collection::Agreements);
    view! {
        <li class="due-item">
            <span class="due-kind">{move || due_kind_label(i18n, &kind)}</span>
            <span class="due-record">{match &item.kind {
                // A duty's occurrence is settled in the agreement's duties.
                DueKind::Duty { .. } if item.record.collection == Collection::Agreements => {
                    let label = state.data.with_untracked(|d| d.record_label(item.record)).unwrap_or_default();
                    view! { <a href=Route::AgreementSection(item.record.id, crate::route::AgreementTab::Duties).href()>{label}</a> }.into_any()
                }
                _ => record_link(state, item.record).into_any(),
            }}</span>
            {show_agreement.map(|a| view! {
                <span class="due-agreement">{move_tr!("dashboard-due-agreement")} " " {record_link(state, RecordKey { collection: Collection::Agreements, id: a })}</span>
            })}
            <span class="due-date">{move_tr!("dashboard-due-on", {"date" => format_date(due)})} " · " <strong>{move || distance(i18n, due, today)}</strong></span>
        </li>
    }
}

#[component]
pub fn Dashboard() -> impl IntoView {
    let state = use_app();
    let i18n = expect_context::<I18n>();
    let today = state.today();
    let dash = Memo::new(move |_| {
        state
            .data
            .with(|d| crate::web::measured("phoihop: dashboard figures", || dashboard(d, today)))
    });
    let agreement_key = |id| RecordKey {
        collection: Collection::Agreements,
        id,
    };

    view! {
        <div class="page-head">
            <div>
                <h1>{move_tr!("dashboard-title")}</h1>
                <p class="muted">{move_tr!("dashboard-today", {"date" => format_date(today)})}</p>
            </div>
            <div class="actions">
                <a class="button primary" href=Route::EventNew.href()>{move_tr!("dashboard-record-event")}</a>
                <a class="button" href=Route::AgreementNew.href()>{move_tr!("agreement-add")}</a>
            </div>
        </div>
        <super::sample_data::SampleNote/>
        {move || {
            let d = dash.get();
            let overdue = d.due.iter().filter(|i| i.band == Band::Overdue).count();
            let overdue_class = if overdue == 0 { "tile" } else { "tile alert" };
            let (in_force, ending_soon, upcoming) = (d.in_force.len(), d.ending_soon.len(), d.upcoming_events.len());
            view! {
                <div class="tiles">
                    <a class="tile" href=Route::AgreementsWithStatus(Status::InForce).href()>
                        <span class="tile-number">{in_force}</span>
                        <span class="tile-label">{move_tr!("dashboard-tile-in-force", {"count" => in_force})}</span>
                    </a>
                    <a class="tile" href="#/" on:click=move |ev| { ev.prevent_default(); scroll_to("ending-soon"); }>
                        <span class="tile-number">{ending_soon}</span>
                        <span class="tile-label">{move_tr!("dashboard-tile-ending-soon")}</span>
                    </a>
                    <a class="tile" href="#/" on:click=move |ev| { ev.prevent_default(); scroll_to("upcoming-events"); }>
                        <span class="tile-number">{upcoming}</span>
                        <span class="tile-label">{move_tr!("dashboard-tile-upcoming", {"count" => upcoming})}</span>
                    </a>
                    <a class=overdue_class href="#/" on:click=move |ev| { ev.prevent_default(); scroll_to("due-overdue"); }>
                        <span class="tile-number">{overdue}</span>
                        <span class="tile-label">{move_tr!("dashboard-tile-overdue", {"count" => overdue})}</span>
                    </a>
                </div>
            }
        }}

        <section class="card">
            <h2>{move_tr!("dashboard-due-title")}</h2>
            <p class="help">{move_tr!("dashboard-due-help")}</p>
            <div class="bands">
                {Band::ALL.into_iter().map(|band| {
                    let id = match band { Band::Overdue => "due-overdue", Band::Within30 => "due-30", Band::Within90 => "due-90" };
                    view! {
                        <section class=band_class(band) id=id>
                            <h3>{move || band_title(i18n, band)} " (" {move || dash.with(|d| d.due.iter().filter(|i| i.band == band).count())} ")"</h3>
                            {move || {
                                let items: Vec<DueItem> = dash.with(|d| d.due.iter().filter(|i| i.band == band).cloned().collect());
                                if items.is_empty() {
                                    view! { <p class="muted">{move_tr!("dashboard-nothing-due")}</p> }.into_any()
                                } else {
                                    view! { <ul class="due-list">{items.into_iter().map(|item| view! { <DueCard item=item today=today/> }).collect_view()}</ul> }.into_any()
                                }
                            }}
                        </section>
                    }
                }).collect_view()}
            </div>
        </section>

        <div class="detail-grid">
            <section class="card" id="ending-soon">
                <h2>{move_tr!("dashboard-ending-soon-title")}</h2>
                {move || {
                    let items = dash.with(|d| d.ending_soon.clone());
                    if items.is_empty() {
                        view! { <p class="muted">{move_tr!("dashboard-ending-soon-none")}</p> }.into_any()
                    } else {
                        view! {
                            <ul class="plain-list">
                                {items.into_iter().map(|(id, end)| view! {
                                    <li>{record_link(state, agreement_key(id))} <span class="muted">" " {move_tr!("dashboard-ends-on", {"date" => format_date(end)})} " (" {move || distance(i18n, end, today)} ")"</span></li>
                                }).collect_view()}
                            </ul>
                        }.into_any()
                    }
                }}
            </section>
            <section class="card" id="upcoming-events">
                <h2>{move_tr!("dashboard-upcoming-title")}</h2>
                {move || {
                    let ids = dash.with(|d| d.upcoming_events.clone());
                    if ids.is_empty() {
                        view! { <p class="muted">{move_tr!("dashboard-upcoming-none")} " " <a href=Route::Events.href()>{move_tr!("dashboard-see-timeline")}</a></p> }.into_any()
                    } else {
                        view! {
                            <ul class="plain-list">
                                {ids.into_iter().map(|id| {
                                    let when = state.data.with_untracked(|d| d.events.get(&id).map(|e| e.starts_at));
                                    view! {
                                        <li>
                                            <span class="muted">{when.map(format_local)}" "</span>
                                            {record_link(state, RecordKey { collection: Collection::Events, id })}
                                        </li>
                                    }
                                }).collect_view()}
                            </ul>
                        }.into_any()
                    }
                }}
            </section>
        </div>

        <section class="card">
            <h2>{move_tr!("dashboard-coverage-title", {"year" => chrono::Datelike::year(&today).to_string()})}</h2>
            {move || {
                let coverage = dash.with(|d| d.coverage.clone());
                if coverage.is_empty() {
                    return view! {
                        <p class="muted">{move_tr!("dashboard-coverage-none")} " "
                            <a href=Route::Agreements.href()>{move_tr!("dashboard-coverage-none-link")}</a> "."</p>
                    }.into_any();
                }
                coverage.into_iter().map(|c| {
                    let org = move |id| record_link(state, RecordKey { collection: Collection::Organisations, id });
                    let (with_plan, without_plan) = (c.with_plan.len(), c.without_plan.len());
                    view! {
                        <div class="coverage">
                            <h3>{record_link(state, agreement_key(c.regulation))}</h3>
                            <p><strong>{move_tr!("dashboard-with-plan", {"count" => with_plan})} " "</strong>
                                {c.with_plan.into_iter().map(|o| view! { <span class="chip ok">{org(o)}</span> }).collect_view()}</p>
                            <p><strong>{move_tr!("dashboard-without-plan", {"count" => without_plan})} " "</strong>
                                {c.without_plan.into_iter().map(|o| view! { <span class="chip missing">{org(o)}</span> }).collect_view()}</p>
                        </div>
                    }
                }).collect_view().into_any()
            }}
        </section>
    }
}

fn scroll_to(id: &str) {
    if let Some(el) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id(id))
    {
        el.scroll_into_view();
    }
}
