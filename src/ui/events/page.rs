//! One event: when and where, who chaired, who came, which agreements it signed, summarised or
//! reviewed, what was heard and concluded, and the recommendations raised at it.

use leptos::prelude::*;
use leptos_fluent::{move_tr, tr, I18n};

use super::{agreement_link, when};
use crate::core::records::event::{Event, EventRole};
use crate::core::records::meta::{new_id, Id, Meta};
use crate::core::records::recommendation::Recommendation;
use crate::core::records::record::{Collection, Record, RecordKey};
use crate::core::rules::dates::{format_instant, format_optional};
use crate::core::rules::status::status_in;
use crate::core::rules::validate_activity::days_overdue;
use crate::route::Route;
use crate::ui::state::use_app;
use crate::ui::text;
use crate::ui::widgets::{DeleteRefused, Missing, StatusBadge};

#[component]
pub fn EventPage(id: Id) -> impl IntoView {
    let state = use_app();
    let event = Memo::new(move |_| state.data.with(|d| d.events.get(&id).cloned()));
    move || match event.get() {
        None => view! { <Missing what=Collection::Events deleted=false/> }.into_any(),
        Some(e) if !e.is_live() => {
            view! { <Missing what=Collection::Events deleted=true/> }.into_any()
        }
        Some(e) => view! { <EventView event=e/> }.into_any(),
    }
}

/// A text section, shown only when there is text; line breaks kept.
fn text_card(title: Signal<String>, body: &str) -> Option<impl IntoView> {
    (!body.trim().is_empty()).then(|| {
        view! {
            <section class="card">
                <h2>{title}</h2>
                <p class="pre">{body.to_string()}</p>
            </section>
        }
    })
}

#[component]
fn EventView(event: Event) -> impl IntoView {
    let state = use_app();
    let i18n = expect_context::<I18n>();
    let e = event;
    let id = e.id();
    let day = e.day();
    let blockers = RwSignal::new(None::<Vec<RecordKey>>);
    let title_for_delete = e.title.clone();
    let on_delete = move |_| match state.delete::<Event>(id, &title_for_delete) {
        Ok(()) => state.navigate(Route::Events),
        Err(keys) => blockers.set(Some(keys)),
    };
    let first_agreement = e.agreements.first().map(|l| l.agreement);
    let kind = e.kind;
    let (created, updated, edits) = (e.meta.created, e.meta.updated, e.meta.version.total());
    let raise = move |_| {
        let mut r = Recommendation::new(Meta::new(new_id(), state.stamp().now), "");
        r.event = Some(id);
        r.raised_on = Some(day);
        r.agreement = first_agreement;
        state.recommendation_draft.set(Some(r));
        state.navigate(Route::RecommendationNew);
    };

    let chairs = state.data.with_untracked(|d| {
        e.chairs
            .iter()
            .map(|c| {
                let person = d.people.get(&c.person);
                let name = person.map(|p| p.full_name.clone());
                // The position written for that day; failing that, what the directory says.
                let (position, from_directory) = if c.position.trim().is_empty() {
                    (person.map(|p| p.positions_on(day)).unwrap_or_default(), true)
                } else {
                    (c.position.clone(), false)
                };
                let pid = c.person;
                view! {
                    <li>
                        {match name {
                            Some(n) => view! { <a href=Route::Person(pid).href()>{n}</a> }.into_any(),
                            None => view! { <span class="muted">{move_tr!("events-person-not-in-directory")}</span> }.into_any(),
                        }}
                        {(!position.is_empty()).then(|| view! {
                            ", " <span class=if from_directory { "muted" } else { "" }>{position}</span>
                        })}
                        {c.co_chair.then(|| view! { " " <span class="badge lead">{move_tr!("events-co-chair-badge")}</span> })}
                    </li>
                }
            })
            .collect_view()
    });

    let weighty = e
        .agreements
        .iter()
        .any(|l| matches!(l.role, EventRole::Signed | EventRole::Summarised));
    let links = state.data.with_untracked(|d| {
        e.agreements
            .iter()
            .map(|l| {
                let info = d
                    .agreements
                    .live(&l.agreement)
                    .map(|a| status_in(d, a, state.today()));
                let role = l.role;
                view! {
                    <li>
                        {agreement_link(d, l.agreement)}
                        " — " <strong>{move || text::event_role(i18n, role)}</strong>
                        {info.map(|info| {
                            let reason = info.reason.clone();
                            view! {
                                <div class="status-line">
                                    <StatusBadge info=info/>
                                    <span class="reason">{move || text::status_reason(i18n, &reason)}</span>
                                </div>
                            }
                        })}
                    </li>
                }
            })
            .collect_view()
    });

    view! {
        <nav class="breadcrumb" aria-label=move_tr!("events-breadcrumb-label")>
            <a href=Route::Events.href()>{move_tr!("events-title")}</a>
        </nav>
        <div class="page-head">
            <div>
                <p class="eyebrow">{move || text::event_kind(i18n, kind)} " · " {when(&e)}</p>
                <h1>{e.title.clone()}</h1>
            </div>
            <crate::ui::widgets::ReadOnlyNote/>
            <div class="actions">
                <a class="button primary" href=Route::EventEdit(id).href()>{move_tr!("events-edit")}</a>
                <crate::ui::widgets::PrintButton/>
                <button class="danger" disabled=crate::ui::widgets::read_only(state) on:click=on_delete>{move_tr!("events-delete")}</button>
            </div>
        </div>
        <DeleteRefused blockers=blockers explanation=tr!(i18n, "events-delete-refused")/>

        <div class="detail-grid">
            <section class="card">
                <h2>{move_tr!("events-general")}</h2>
                <dl class="facts">
                    <dt>{move_tr!("events-kind")}</dt><dd>{move || text::event_kind(i18n, kind)}</dd>
                    <dt>{move_tr!("events-when")}</dt><dd>{when(&e)}</dd>
                    <dt>{move_tr!("events-place")}</dt><dd>{if e.place.is_empty() { "—".to_string() } else { e.place.clone() }}</dd>
                    <dt>{move_tr!("events-attendees")}</dt>
                    <dd>{match e.attendee_count {
                        // Grouped as the language writes it: 1.200 đại biểu, 1,200 attendees.
                        Some(n) => (move || crate::ui::i18n::number(i18n, n as usize)).into_any(),
                        None => move_tr!("events-not-recorded").into_any(),
                    }}</dd>
                </dl>
            </section>
            <section class="card">
                <h2>{move_tr!("events-chairs")}</h2>
                {if e.chairs.is_empty() {
                    view! { <p class="muted placeholder">{move_tr!("events-no-chairs")}</p> }.into_any()
                } else {
                    view! { <ul>{chairs}</ul> }.into_any()
                }}
            </section>
        </div>

        <section class="card">
            <h2>{move_tr!("events-agreements")}</h2>
            {if e.agreements.is_empty() {
                view! { <p class="muted placeholder">{move_tr!("events-no-agreements")}</p> }.into_any()
            } else {
                view! {
                    <ul>{links}</ul>
                    {weighty.then(|| view! {
                        <p class="help">{move_tr!("events-status-help")}</p>
                    })}
                }.into_any()
            }}
        </section>

        {(!e.guests.is_empty()).then(|| view! {
            <section class="card">
                <h2>{move_tr!("events-guests")}</h2>
                <ul>{e.guests.iter().map(|g| view! { <li>{g.clone()}</li> }).collect_view()}</ul>
            </section>
        })}
        {text_card(move_tr!("events-agenda"), &e.agenda)}
        {text_card(move_tr!("events-reports"), &e.reports)}
        {text_card(move_tr!("events-conclusions"), &e.conclusions)}
        {text_card(move_tr!("events-minutes"), &e.minutes)}

        <section class="card">
            <div class="page-head">
                <h2>{move_tr!("events-recommendations-title")}</h2>
                <button on:click=raise>{move_tr!("events-raise-recommendation")}</button>
            </div>
            <RaisedHere id=id/>
        </section>

        <p class="record-meta">
            {move_tr!("events-record-meta", {
                "created" => format_instant(created),
                "updated" => format_instant(updated),
                "edits" => edits,
            })}
        </p>
        <crate::ui::history_view::RecordHistory key=crate::core::records::record::RecordKey { collection: crate::core::records::record::Collection::Events, id: id }/>
    }
}

/// The live recommendations raised at the event.
#[component]
fn RaisedHere(id: Id) -> impl IntoView {
    let state = use_app();
    let i18n = expect_context::<I18n>();
    // Named before the view: leptos-fluent's compile-time key scan skips the first {…} after a
    // `tr` tag name, so no key may sit there only.
    let col_content = move_tr!("recommendations-col-content");
    let today = state.today();
    let raised = Memo::new(move |_| {
        state.data.with(|d| {
            crate::core::views::listing::find_recommendations(d, None)
                .into_iter()
                .filter(|r| r.event == Some(id))
                .cloned()
                .collect::<Vec<_>>()
        })
    });
    move || {
        let list = raised.get();
        if list.is_empty() {
            return view! { <p class="muted placeholder">{move_tr!("events-no-recommendations")}</p> }
                .into_any();
        }
        view! {
            <table class="plain">
                <thead>
                    <tr>
                        <th scope="col">{col_content}</th>
                        <th scope="col">{move_tr!("recommendations-col-to")}</th>
                        <th scope="col">{move_tr!("recommendations-col-deadline")}</th>
                        <th scope="col">{move_tr!("recommendations-col-status")}</th>
                    </tr>
                </thead>
                <tbody>
                    {list.into_iter().map(|r| {
                        let to = state.data.with_untracked(|d| {
                            r.addressed_to.iter().map(|o| d.organisation_label(o)).collect::<Vec<_>>().join(", ")
                        });
                        let late = days_overdue(&r, today);
                        let status = r.status;
                        view! {
                            <tr>
                                <td><a href=Route::Recommendation(r.id()).href()>{r.content.clone()}</a></td>
                                <td>{to}</td>
                                <td class="period">
                                    {format_optional(r.deadline)}
                                    {late.map(|n| view! { <div class="field-error">{move || tr!(i18n, "recommendations-overdue", {"days" => n})}</div> })}
                                </td>
                                <td><span class=text::recommendation_status_class(status)>{move || text::recommendation_status(i18n, status)}</span></td>
                            </tr>
                        }
                    }).collect_view()}
                </tbody>
            </table>
        }
        .into_any()
    }
}
