//! A recommendation's form: a new one, or the fields of one (its page, read.rs, shows it and
//! changes its status).

use leptos::prelude::*;

use crate::ui::form_parts::{Counter, Required};
use leptos_fluent::{move_tr, tr, I18n};

use crate::core::records::event::Event;
use crate::core::records::meta::{new_id, Id, Meta};
use crate::core::records::recommendation::Recommendation;
use crate::core::records::record::{Collection, Record};
use crate::core::rules::dates::{format_date, format_optional};
use crate::core::rules::validate::lengths;
use crate::core::rules::validate_activity::{self, read_day};
use crate::core::storage::drafts::Draft;
use crate::route::Route;
use crate::ui::drafts::{self, DraftKeeper, DraftRestored};
use crate::ui::events::{event_choices, focus_first_invalid, invalid, ActivityIssues};
use crate::ui::picker::{MultiPicker, PickKind, Picker};
use crate::ui::state::use_app;
use crate::ui::text;
use crate::ui::widgets::Missing;

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

/// The form with its draft (ui/drafts.rs); a record handed over by another page (a
/// recommendation raised at an event, under an agreement) comes first.
#[component]
fn RecommendationView(id: Option<Id>) -> impl IntoView {
    let handed = id
        .is_none()
        .then(|| {
            use_app()
                .recommendation_draft
                .try_update(Option::take)
                .flatten()
        })
        .flatten();
    drafts::drafted(id, handed, move |draft, handed, reset| {
        view! { <RecommendationForm id=id draft=draft handed=handed reset=reset/> }.into_any()
    })
}

/// The dates as typed, kept in a draft by these field paths (a date not yet readable too).
const TYPED_DATES: [&str; 3] = ["raised_on", "deadline", "responded_on"];

#[component]
fn RecommendationForm(
    id: Option<Id>,
    draft: Option<Draft<Recommendation>>,
    handed: Option<Recommendation>,
    reset: Callback<()>,
) -> impl IntoView {
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
    let drafts::Opening {
        fields: initial,
        read,
        restored_at,
        texts,
    } = drafts::opening(stored, draft, || {
        handed.unwrap_or_else(|| Recommendation::new(Meta::new(new_id(), state.stamp().now), ""))
    });
    let record_id = initial.id();
    // The record as the form shows it, at the version last read or saved: what the user changes
    // is told apart from what changed elsewhere meanwhile, including the status control below
    // (core::form_edit).
    let opened = StoredValue::new(read);

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

    for (field, signal) in TYPED_DATES
        .into_iter()
        .zip([raised_on, deadline, responded_on])
    {
        if let Some(text) = texts.get(field) {
            signal.set(text.clone());
        }
    }
    // The form as typed (not validated): a date not yet readable is kept by its text.
    let keeper = DraftKeeper::new(state, id, restored_at.is_some(), move || {
        let day = |text: RwSignal<String>| read_day(&text.get_untracked(), "").ok().flatten();
        let base = opened.get_value();
        Draft {
            input: Recommendation {
                content: content.get_untracked(),
                event: event.get_untracked(),
                raised_on: day(raised_on),
                raised_by: raised_by.get_untracked(),
                addressed_to: addressed_to.get_untracked(),
                agreement: agreement.get_untracked(),
                area: area.get_untracked(),
                deadline: day(deadline),
                response: response.get_untracked(),
                responded_on: day(responded_on),
                ..base.clone()
            },
            texts: TYPED_DATES
                .into_iter()
                .zip([raised_on, deadline, responded_on])
                .map(|(field, text)| (field.to_string(), text.get_untracked()))
                .collect(),
            read: id.is_some().then_some(base),
            saved_at: crate::web::now(),
        }
    });
    let on_change = keeper.on_change();
    let draft_done = keeper.on_done();
    let discard_and_reset = keeper.discard_then(reset);
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
        // Saved over what changed elsewhere since the form opened (commands::form_edit).
        let result = state.apply(|data, stamp| {
            data.save_recommendation(&opened.get_value(), record, found, stamp)
        });
        let saved = match result {
            Ok(saved) => saved,
            Err(found) => {
                form_error.set(Some(found.iter().filter(|i| i.is_error()).count()));
                issues.set(found);
                focus_first_invalid("recommendation-form");
                return;
            }
        };
        content.update(|c| *c = c.trim().to_string());
        if let Some(saved) = state
            .data
            .with_untracked(|d| d.recommendations.get(&record_id).cloned())
        {
            opened.set_value(from_form(saved));
        }
        // Warnings stay in view after saving.
        issues.set(saved.warnings.clone());
        form_error.set(None);
        draft_done.run(());
        let changed = id.is_some();
        state.notify_save_result(&saved, move |i18n| {
            if changed {
                tr!(i18n, "recommendations-saved-changes")
            } else {
                tr!(i18n, "recommendations-saved-new")
            }
        });
        state.navigate(Route::Recommendation(record_id));
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
    let current = Memo::new(move |_| {
        id.and_then(|id| state.data.with(|d| d.recommendations.get(&id).cloned()))
    });

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

    view! {
        <nav class="breadcrumb" aria-label=move_tr!("recommendations-breadcrumb-label")>
            <a href=Route::Recommendations.href()>{move_tr!("recommendations-title")}</a>
        </nav>
        <div class="page-head">
            <div>
                // A new one is named by its heading ("Thêm kiến nghị"), under the breadcrumb: no eyebrow.
                {id.is_some().then(|| view! { <p class="eyebrow">{move_tr!("recommendations-edit-title")}</p> })}
                <h1>{heading}</h1>
                <super::status::StatusLine recommendation=current/>
            </div>
        </div>

        {restored_at.map(|at| view! { <DraftRestored saved_at=at on_discard=discard_and_reset/> })}
        <section class="card">
            <h2>{if id.is_some() { move_tr!("recommendations-details") } else { move_tr!("recommendations-new-details") }}</h2>
            <form id="recommendation-form" on:submit=save novalidate=true on:input=on_change.clone() on:change=on_change>
                <div class="field">
                    <label for="recommendation-content">{move_tr!("recommendations-content")}<Required/></label>
                    <textarea id="recommendation-content" rows="3" required=true
                        aria-invalid=move || invalid(issues, "content")
                        prop:value=move || content.get() on:input=move |ev| content.set(event_target_value(&ev))></textarea>
                    <Counter text=content max=lengths::RECOMMENDATION/>
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
                    <Picker id="recommendation-raised-by" kind=PickKind::Organisation value=raised_by
                        invalid=Signal::derive(move || invalid(issues, "raised_by").is_some())/>
                    <ActivityIssues issues=issues field="raised_by".to_string()/>
                </div>
                <fieldset class="inline-checks addressees">
                    <legend>
                        <strong>{move_tr!("recommendations-addressed-to")} " "</strong><Required/>" "
                        <span class="help">{move_tr!("recommendations-addressed-to-help")}</span>
                    </legend>
                    <label for="recommendation-to-box" class="visually-hidden">{move_tr!("recommendations-addressed-to")}</label>
                    <MultiPicker id="recommendation-to-box" kind=PickKind::Organisation values=addressed_to
                        invalid=Signal::derive(move || invalid(issues, "addressed_to").is_some())/>
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
                    <a class="button" href=match id { Some(id) => Route::Recommendation(id).href(), None => Route::Recommendations.href() }
                        on:click=move |_| draft_done.run(())>{move_tr!("recommendations-cancel")}</a>
                </div>
            </form>
        </section>

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
