//! One recommendation, shown and edited on one page: its fields (a form), its status (a
//! separate control that records each change), the history of changes, and delete.

use leptos::prelude::*;
use leptos_fluent::{move_tr, tr, I18n};

use crate::core::commands::form_edit::onto_stored;
use crate::core::records::event::Event;
use crate::core::records::meta::{new_id, Id, Meta};
use crate::core::records::recommendation::{Recommendation, RecommendationStatus};
use crate::core::records::record::{Collection, Record, RecordKey};
use crate::core::rules::dates::{format_date, format_instant, format_optional};
use crate::core::rules::validate_activity::{self, days_overdue, has_errors, read_day};
use crate::core::views::listing;
use crate::route::Route;
use crate::ui::events::{event_choices, focus_first_invalid, invalid, ActivityIssues};
use crate::ui::state::use_app;
use crate::ui::text;
use crate::ui::widgets::{DeleteRefused, Missing};

/// Where the record a page is about stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Presence {
    New,
    Live,
    Deleted,
    Unknown,
}

#[component]
pub fn RecommendationPage(id: Option<Id>) -> impl IntoView {
    let state = use_app();
    // Watches only whether the record exists, so saving does not rebuild the form being typed in.
    let presence = Memo::new(move |_| match id {
        None => Presence::New,
        Some(id) => state.data.with(|d| match d.recommendations.get(&id) {
            None => Presence::Unknown,
            Some(r) if r.is_live() => Presence::Live,
            Some(_) => Presence::Deleted,
        }),
    });
    move || match (presence.get(), id) {
        (Presence::New, _) => view! { <RecommendationView id=None/> }.into_any(),
        (Presence::Live, Some(id)) => view! { <RecommendationView id=Some(id)/> }.into_any(),
        (Presence::Deleted, _) => {
            view! { <Missing what=Collection::Recommendations deleted=true/> }.into_any()
        }
        _ => view! { <Missing what=Collection::Recommendations deleted=false/> }.into_any(),
    }
}

fn status_value(s: RecommendationStatus) -> String {
    format!("{s:?}")
}

#[component]
fn RecommendationView(id: Option<Id>) -> impl IntoView {
    let state = use_app();
    let i18n = expect_context::<I18n>();
    let stored = state
        .data
        .with_untracked(|d| id.and_then(|id| d.recommendations.get(&id).cloned()));
    // A stored record's warnings show as the page opens (also right after it was added, when
    // the new record's page replaces the form that found them).
    let stored_warnings = stored.as_ref().map_or_else(Vec::new, |r| {
        state
            .data
            .with_untracked(|d| validate_activity::recommendation(r, d))
            .into_iter()
            .filter(|i| !i.is_error())
            .collect()
    });
    let initial = stored
        .or_else(|| {
            state
                .recommendation_draft
                .try_update(Option::take)
                .flatten()
        })
        .unwrap_or_else(|| Recommendation::new(Meta::new(new_id(), state.stamp().now), ""));
    let record_id = initial.id();
    // The record as the form shows it, at the version last read or saved: what the user changes
    // is told apart from what changed elsewhere meanwhile, including the status control below
    // (core::form_edit).
    let opened = StoredValue::new(initial.clone());

    let content = RwSignal::new(initial.content.clone());
    let event = RwSignal::new(initial.event);
    let raised_on = RwSignal::new(format_optional(initial.raised_on));
    let raised_by = RwSignal::new(initial.raised_by);
    let addressed_to = RwSignal::new(initial.addressed_to.clone());
    let agreement = RwSignal::new(initial.agreement);
    let area = RwSignal::new(initial.area);
    let deadline = RwSignal::new(format_optional(initial.deadline));
    let response = RwSignal::new(initial.response.clone());
    let responded_on = RwSignal::new(format_optional(initial.responded_on));
    let issues = RwSignal::new(stored_warnings);
    // A refused save: how many problems to fix (the same words as every form).
    let form_error = RwSignal::new(None::<usize>);
    let blockers = RwSignal::new(None::<Vec<RecordKey>>);

    let organisations = {
        let keep: Vec<Id> = initial
            .addressed_to
            .iter()
            .chain(initial.raised_by.iter())
            .copied()
            .collect();
        state.data.with_untracked(|d| {
            let mut v: Vec<(Id, String)> = listing::find_organisations(d, "")
                .into_iter()
                .map(|o| (o.id(), o.name.clone()))
                .collect();
            for k in keep {
                if !v.iter().any(|(o, _)| *o == k) {
                    v.push((
                        k,
                        tr!(i18n, "recommendations-deleted", {"label" => d.organisation_label(&k)}),
                    ));
                }
            }
            v
        })
    };
    let initial_event = initial.event;
    let events = Memo::new(move |_| state.data.with(|d| event_choices(i18n, d, initial_event)));
    let initial_agreement = initial.agreement;
    let agreements = Memo::new(move |_| {
        state.data.with(|d| {
            crate::ui::events::agreement_choices(
                i18n,
                d,
                &initial_agreement.into_iter().collect::<Vec<_>>(),
            )
        })
    });
    let areas = Memo::new(move |_| {
        let chosen = agreement.get();
        state.data.with(|d| {
            chosen
                .and_then(|a| d.agreements.get(&a))
                .map(|a| {
                    a.areas
                        .iter()
                        .enumerate()
                        .map(|(i, x)| (x.id, format!("{}. {}", i + 1, x.title)))
                        .collect::<Vec<_>>()
                })
                .unwrap_or_default()
        })
    });

    // Choosing the event fills what it tells: the day it was raised, the agreement.
    let on_event = move |ev: leptos::ev::Event| {
        let chosen: Option<Id> = event_target_value(&ev).parse().ok();
        event.set(chosen);
        let found: Option<Event> =
            chosen.and_then(|e| state.data.with_untracked(|d| d.events.live(&e).cloned()));
        if let Some(e) = found {
            if raised_on.with_untracked(|t| t.trim().is_empty()) {
                raised_on.set(format_date(e.day()));
            }
            if agreement.get_untracked().is_none() {
                if let Some(first) = e.agreements.first() {
                    agreement.set(Some(first.agreement));
                    area.set(None);
                }
            }
        }
    };

    let unsaved = state.unsaved_input();
    let raise = unsaved.raiser();
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let mut found = Vec::new();
        let mut day =
            |text: RwSignal<String>, field: &str| match read_day(&text.get_untracked(), field) {
                Ok(d) => d,
                Err(issue) => {
                    found.push(issue);
                    None
                }
            };
        let raised = day(raised_on, "raised_on");
        let due = day(deadline, "deadline");
        let answered = day(responded_on, "responded_on");
        let from_form = move |base: Recommendation| Recommendation {
            content: content.get_untracked().trim().to_string(),
            event: event.get_untracked(),
            raised_on: raised,
            raised_by: raised_by.get_untracked(),
            addressed_to: addressed_to.get_untracked(),
            agreement: agreement.get_untracked(),
            area: area.get_untracked(),
            deadline: due,
            response: response.get_untracked().trim_end().to_string(),
            responded_on: answered,
            ..base
        };
        let record = from_form(opened.get_value());
        let record = state
            .data
            .try_update_untracked(|d| onto_stored(d, &opened.get_value(), record))
            .expect("dataset is alive");
        found.extend(
            state
                .data
                .with_untracked(|d| validate_activity::recommendation(&record, d)),
        );
        if has_errors(&found) {
            form_error.set(Some(found.iter().filter(|i| i.is_error()).count()));
            issues.set(found);
            focus_first_invalid("recommendation-form");
            return;
        }
        let saved = state.apply(
            |data, stamp| data.save(record, stamp),
            |saved| saved.changed_keys(),
        );
        content.update(|c| *c = c.trim().to_string());
        if let Some(saved) = state
            .data
            .with_untracked(|d| d.recommendations.get(&record_id).cloned())
        {
            opened.set_value(from_form(saved));
        }
        // Warnings stay in view after saving.
        issues.set(found);
        form_error.set(None);
        unsaved.lower();
        let changed = id.is_some();
        state.notify_save_result(saved, move |i18n| {
            if changed {
                tr!(i18n, "recommendations-saved-changes")
            } else {
                tr!(i18n, "recommendations-saved-new")
            }
        });
        if id.is_none() {
            state.navigate(Route::Recommendation(record_id));
        }
    };

    let delete = move |_| {
        let label = state.data.with_untracked(|d| {
            d.recommendations
                .get(&record_id)
                .map(|r| r.content.clone())
                .unwrap_or_default()
        });
        match state.delete::<Recommendation>(record_id, &label) {
            Ok(()) => state.navigate(Route::Recommendations),
            Err(keys) => blockers.set(Some(keys)),
        }
    };

    let heading = move || match id {
        None => tr!(i18n, "recommendations-new-title"),
        Some(id) => state.data.with(|d| {
            d.recommendations
                .get(&id)
                .map(|r| r.content.clone())
                .unwrap_or_default()
        }),
    };
    let today = state.today();
    let current = Memo::new(move |_| {
        id.and_then(|id| state.data.with(|d| d.recommendations.get(&id).cloned()))
    });

    let select_org = move |id: &'static str,
                           value: RwSignal<Option<Id>>,
                           orgs: Vec<(Id, String)>,
                           none: Signal<String>| {
        view! {
            <select id=id aria-invalid=move || invalid(issues, id_field(id))
                on:change=move |ev| value.set(event_target_value(&ev).parse().ok())>
                <option value="" selected=move || value.get().is_none()>{none}</option>
                {orgs.into_iter().map(|(oid, name)| view! {
                    <option value=oid.to_string() selected=move || value.get() == Some(oid)>{name}</option>
                }).collect_view()}
            </select>
        }
    };
    let date_input = move |id: &'static str, label: Signal<String>, text: RwSignal<String>| {
        let field = id_field(id);
        view! {
            <div class="field">
                <label for=id>{label}</label>
                <input id=id type="text" inputmode="numeric" placeholder="dd/mm/yyyy"
                    aria-invalid=move || invalid(issues, field)
                    prop:value=move || text.get() on:input=move |ev| text.set(event_target_value(&ev))/>
                <ActivityIssues issues=issues field=field.to_string()/>
            </div>
        }
    };
    let orgs_for_raiser = organisations.clone();
    let orgs_for_addressees = organisations;

    view! {
        <nav class="breadcrumb" aria-label=move_tr!("recommendations-breadcrumb-label")>
            <a href=Route::Recommendations.href()>{move_tr!("recommendations-title")}</a>
        </nav>
        <div class="page-head">
            <div>
                <p class="eyebrow">{move_tr!("recommendations-title")}</p>
                <h1>{heading}</h1>
                {move || current.get().map(|r| {
                    let late = days_overdue(&r, today);
                    let status = r.status;
                    view! {
                        <p class="status-line">
                            <span class=text::recommendation_status_class(status)>{move || text::recommendation_status(i18n, status)}</span>
                            {r.deadline.map(|d| view! { <span class="reason">{move_tr!("recommendations-deadline", {"date" => format_date(d)})}</span> })}
                            {late.map(|n| view! { <span class="field-error">{move_tr!("recommendations-overdue", {"days" => n})}</span> })}
                        </p>
                    }
                })}
            </div>
        </div>

        <section class="card">
            <h2>{if id.is_some() { move_tr!("recommendations-details") } else { move_tr!("recommendations-new-details") }}</h2>
            <form id="recommendation-form" on:submit=save novalidate=true on:input=raise.clone() on:change=raise>
                <div class="field">
                    <label for="recommendation-content">{move_tr!("recommendations-content")} " " <span aria-hidden="true">"*"</span></label>
                    <textarea id="recommendation-content" rows="3" required=true
                        aria-invalid=move || invalid(issues, "content")
                        prop:value=move || content.get() on:input=move |ev| content.set(event_target_value(&ev))></textarea>
                    <ActivityIssues issues=issues field="content".to_string()/>
                </div>
                <div class="grid-2">
                    <div class="field">
                        <label for="recommendation-event">{move_tr!("recommendations-event")}</label>
                        <select id="recommendation-event" aria-invalid=move || invalid(issues, "event") on:change=on_event>
                            <option value="" selected=move || event.get().is_none()>{move_tr!("recommendations-no-event")}</option>
                            {move || events.get().into_iter().map(|(eid, label)| view! {
                                <option value=eid.to_string() selected=move || event.get() == Some(eid)>{label}</option>
                            }).collect_view()}
                        </select>
                        <ActivityIssues issues=issues field="event".to_string()/>
                        {move || event.get().map(|e| view! { <a class="help" href=Route::Event(e).href()>{move_tr!("recommendations-open-event")}</a> })}
                    </div>
                    {date_input("recommendation-raised-on", move_tr!("recommendations-raised-on"), raised_on)}
                </div>
                <div class="field">
                    <label for="recommendation-raised-by">{move_tr!("recommendations-raised-by")}</label>
                    {select_org("recommendation-raised-by", raised_by, orgs_for_raiser, move_tr!("recommendations-none-recorded"))}
                    <ActivityIssues issues=issues field="raised_by".to_string()/>
                </div>
                <fieldset class="inline-checks addressees">
                    <legend>
                        <strong>{move_tr!("recommendations-addressed-to")} " "</strong> <span aria-hidden="true">"* "</span>
                        <span class="help">{move_tr!("recommendations-addressed-to-help")}</span>
                    </legend>
                    {orgs_for_addressees.into_iter().map(|(oid, name)| {
                        let cid = format!("recommendation-to-{oid}");
                        view! {
                            <span class="check">
                                <input type="checkbox" id=cid.clone() aria-invalid=move || invalid(issues, "addressed_to")
                                    prop:checked=move || addressed_to.with(|v| v.contains(&oid))
                                    on:change=move |ev| {
                                        let on = event_target_checked(&ev);
                                        addressed_to.update(|v| { v.retain(|x| *x != oid); if on { v.push(oid); } });
                                        issues.update(|all| all.retain(|i| !i.field.starts_with("addressed_to")));
                                    }/>
                                <label for=cid>{name}</label>
                            </span>
                        }
                    }).collect_view()}
                    <ActivityIssues issues=issues field="addressed_to".to_string()/>
                    {move || issues.with(|all| all.iter().filter(|i| i.field.starts_with("addressed_to[")).map(|i| view! {
                        <p class="field-error" role="alert">{text::activity_problem(i18n, &i.problem)}</p>
                    }).collect_view())}
                </fieldset>
                <div class="grid-2">
                    <div class="field">
                        <label for="recommendation-agreement">{move_tr!("recommendations-agreement")}</label>
                        <select id="recommendation-agreement" aria-invalid=move || invalid(issues, "agreement")
                            on:change=move |ev| {
                                agreement.set(event_target_value(&ev).parse().ok());
                                // The areas are the agreement's: another agreement, another list.
                                area.set(None);
                            }>
                            <option value="" selected=move || agreement.get().is_none()>{move_tr!("recommendations-no-agreement")}</option>
                            {move || agreements.get().into_iter().map(|(aid, title)| view! {
                                <option value=aid.to_string() selected=move || agreement.get() == Some(aid)>{title}</option>
                            }).collect_view()}
                        </select>
                        <ActivityIssues issues=issues field="agreement".to_string()/>
                    </div>
                    <div class="field">
                        <label for="recommendation-area">{move_tr!("recommendations-area")}</label>
                        <select id="recommendation-area" aria-invalid=move || invalid(issues, "area")
                            prop:disabled=move || areas.with(Vec::is_empty)
                            on:change=move |ev| area.set(event_target_value(&ev).parse().ok())>
                            <option value="" selected=move || area.get().is_none()>
                                {move || if agreement.get().is_none() {
                                    tr!(i18n, "recommendations-choose-agreement-first")
                                } else {
                                    tr!(i18n, "recommendations-none-recorded")
                                }}
                            </option>
                            {move || areas.get().into_iter().map(|(xid, title)| view! {
                                <option value=xid.to_string() selected=move || area.get() == Some(xid)>{title}</option>
                            }).collect_view()}
                        </select>
                        <ActivityIssues issues=issues field="area".to_string()/>
                    </div>
                </div>
                <div class="grid-2">
                    {date_input("recommendation-deadline", move_tr!("recommendations-response-deadline"), deadline)}
                    {date_input("recommendation-responded-on", move_tr!("recommendations-responded-on"), responded_on)}
                </div>
                <div class="field">
                    <label for="recommendation-response">{move_tr!("recommendations-response")}</label>
                    <textarea id="recommendation-response" rows="3" prop:value=move || response.get()
                        on:input=move |ev| response.set(event_target_value(&ev))></textarea>
                </div>
                {move || form_error.get().map(|count| view! {
                    <p class="field-error" role="alert">{move_tr!("form-not-saved", {"count" => count})}</p>
                })}
                <div class="actions">
                    <crate::ui::widgets::ReadOnlyNote/>
                    <button type="submit" class="primary" disabled=crate::ui::widgets::read_only(state)>{move_tr!("recommendations-save")}</button>
                    {id.is_none().then(|| view! { <a class="button" href=Route::Recommendations.href()>{move_tr!("recommendations-cancel")}</a> })}
                </div>
            </form>
        </section>

        {id.map(|id| view! {
            <StatusControl id=id responded_on=responded_on/>
            <section class="card">
                <h2>{move_tr!("recommendations-delete-title")}</h2>
                <p class="help">{move_tr!("recommendations-delete-help")}</p>
                <DeleteRefused blockers=blockers/>
                <button class="danger" disabled=crate::ui::widgets::read_only(state) on:click=delete>{move_tr!("recommendations-delete")}</button>
            </section>
            <p class="record-meta">
                {move || state.data.with(|d| d.recommendations.get(&id).map(|r| tr!(i18n, "recommendations-record-meta", {
                    "created" => format_instant(r.meta.created),
                    "updated" => format_instant(r.meta.updated),
                    "edits" => r.meta.version.total(),
                })))}
            </p>
            <crate::ui::history_view::RecordHistory key=crate::core::records::record::RecordKey { collection: crate::core::records::record::Collection::Recommendations, id: id }/>
        })}
    }
}

/// The field path a form input's messages are filed under.
fn id_field(input_id: &'static str) -> &'static str {
    match input_id {
        "recommendation-raised-on" => "raised_on",
        "recommendation-deadline" => "deadline",
        "recommendation-responded-on" => "responded_on",
        "recommendation-raised-by" => "raised_by",
        other => other,
    }
}

/// Changes the status (recording who, when and why), and shows the history of changes.
#[component]
fn StatusControl(id: Id, responded_on: RwSignal<String>) -> impl IntoView {
    let state = use_app();
    let i18n = expect_context::<I18n>();
    let record = Memo::new(move |_| state.data.with(|d| d.recommendations.get(&id).cloned()));
    let current = record.get_untracked().map(|r| r.status).unwrap_or_default();
    let to = RwSignal::new(current);
    let note = RwSignal::new(String::new());
    // A status chosen or a note typed but not yet applied is input the tab must not lose silently.
    let unsaved = state.unsaved_input();
    let raise = unsaved.raiser();
    // Named before the view: leptos-fluent's compile-time key scan skips the first {…} after a
    // `tr` tag name, so no key may sit there only.
    let col_change = move_tr!("recommendations-history-change");

    let update = move |_| {
        let target = to.get_untracked();
        let Some(mut r) = state
            .data
            .with_untracked(|d| d.recommendations.get(&id).cloned())
        else {
            return;
        };
        if r.status == target {
            state.notify(
                move |i18n| {
                    tr!(i18n, "recommendations-status-unchanged", {
                        "status" => text::recommendation_status(i18n, target),
                    })
                },
                None,
            );
            return;
        }
        let stamp = state.stamp();
        let today = state.today();
        r.set_status(target, today, note.get_untracked().trim(), stamp.now);
        let answered = r.responded_on;
        state.apply(
            |data, stamp| data.save(r, stamp),
            |saved| saved.changed_keys(),
        );
        // Resolving or declining dates the answer (when none was written): show it in the form.
        if responded_on.with_untracked(|t| t.trim().is_empty()) {
            if let Some(d) = answered {
                responded_on.set(format_date(d));
            }
        }
        note.set(String::new());
        unsaved.lower();
        state.notify_saved(
            move |i18n| {
                tr!(i18n, "recommendations-status-changed", {
                    "status" => text::recommendation_status(i18n, target),
                })
            },
            None,
        );
    };

    view! {
        <section class="card">
            <h2>{move_tr!("recommendations-status-title")}</h2>
            <div class="grid-2" on:input=raise.clone() on:change=raise>
                <div class="field">
                    <label for="recommendation-new-status">{move_tr!("recommendations-status-to")}</label>
                    <select id="recommendation-new-status" on:change=move |ev| {
                        let v = event_target_value(&ev);
                        to.set(RecommendationStatus::ALL.into_iter().find(|s| status_value(*s) == v).unwrap_or_default());
                    }>
                        {RecommendationStatus::ALL.into_iter().map(|s| view! {
                            <option value=status_value(s) selected=move || to.get() == s>{move || text::recommendation_status(i18n, s)}</option>
                        }).collect_view()}
                    </select>
                </div>
                <div class="field">
                    <label for="recommendation-status-note">{move_tr!("recommendations-status-note")}</label>
                    <input id="recommendation-status-note" type="text" placeholder=move_tr!("recommendations-status-note-placeholder")
                        prop:value=move || note.get() on:input=move |ev| note.set(event_target_value(&ev))/>
                </div>
            </div>
            <div class="actions">
                <crate::ui::widgets::ReadOnlyNote/>
                <button type="button" class="primary" disabled=crate::ui::widgets::read_only(state) on:click=update>{move_tr!("recommendations-status-update")}</button>
            </div>
            <p class="help">{move_tr!("recommendations-status-help")}</p>
            <h3>{move_tr!("recommendations-history-title")}</h3>
            {move || {
                let history = record.with(|r| r.as_ref().map(|r| r.history.clone()).unwrap_or_default());
                if history.is_empty() {
                    return view! { <p class="muted">{move_tr!("recommendations-history-none")}</p> }.into_any();
                }
                view! {
                    <table class="plain">
                        <thead>
                            <tr>
                                <th scope="col">{col_change}</th>
                                <th scope="col">{move_tr!("recommendations-history-date")}</th>
                                <th scope="col">{move_tr!("recommendations-history-note")}</th>
                            </tr>
                        </thead>
                        <tbody>
                            {history.into_iter().rev().map(|h| {
                                let (before, after) = (h.from, h.to);
                                view! {
                                    <tr>
                                        <td>
                                            {move || text::recommendation_status(i18n, before)} " → "
                                            <span class=text::recommendation_status_class(after)>{move || text::recommendation_status(i18n, after)}</span>
                                        </td>
                                        <td>{format_date(h.on)}</td>
                                        <td>{if h.note.is_empty() { "—".to_string() } else { h.note }}</td>
                                    </tr>
                                }
                            }).collect_view()}
                        </tbody>
                    </table>
                }
                .into_any()
            }}
        </section>
    }
}
