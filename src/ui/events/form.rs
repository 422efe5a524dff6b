//! Record or edit an event. Each field has its own signal, rows too (keyed by a uid, so typing
//! keeps focus); saving reads the typed inputs and lets the core validate the record. After a
//! save, the toast says what it did to the status of agreements signed or summarised here.

use std::sync::atomic::{AtomicU64, Ordering};

use leptos::prelude::*;

use crate::core::rules::validate::lengths;
use crate::ui::form_parts::{Counter, Required};
use leptos_fluent::{move_tr, tr, I18n};

use super::{focus_first_invalid, invalid, ActivityIssues};
use crate::core::commands::outcome::Effect as CommandEffect;
use crate::core::records::event::{Chair, Event, EventKind, EventLink, EventRole};
use crate::core::records::meta::{new_id, Id, Meta};
use crate::core::records::model::one_line;
use crate::core::records::record::{Collection, UnknownFields};
use crate::core::rules::dates::{format_date, parse_date_input, Bound};
use crate::core::rules::validate_activity::{
    default_time, parse_count, read_starts_at, ActivityIssue,
};
use crate::core::storage::drafts::Draft;
use crate::route::Route;
use crate::ui::drafts::{self, DraftKeeper, DraftRestored};
use crate::ui::picker::{PickKind, Picker};
use crate::ui::state::{use_app, Undo};
use crate::ui::text;
use crate::ui::widgets::Missing;

static NEXT_UID: AtomicU64 = AtomicU64::new(1);
fn uid() -> u64 {
    NEXT_UID.fetch_add(1, Ordering::Relaxed)
}

/// One chair being edited.
#[derive(Clone, Copy)]
struct ChairRow {
    uid: u64,
    person: RwSignal<Option<Id>>,
    position: RwSignal<String>,
    co_chair: RwSignal<bool>,
    /// A newer app's fields of the chair, saved back as they were.
    unknown: StoredValue<UnknownFields>,
}

/// One linked agreement being edited.
#[derive(Clone, Copy)]
struct LinkRow {
    uid: u64,
    agreement: RwSignal<Option<Id>>,
    role: RwSignal<EventRole>,
    initial: Option<Id>,
    unknown: StoredValue<UnknownFields>,
}

fn chair_row(c: Option<&Chair>) -> ChairRow {
    ChairRow {
        uid: uid(),
        person: RwSignal::new(c.map(|c| c.person)),
        position: RwSignal::new(c.map(|c| c.position.clone()).unwrap_or_default()),
        co_chair: RwSignal::new(c.is_some_and(|c| c.co_chair)),
        unknown: StoredValue::new(c.map(|c| c.unknown.clone()).unwrap_or_default()),
    }
}

fn link_row(l: Option<&EventLink>) -> LinkRow {
    LinkRow {
        uid: uid(),
        agreement: RwSignal::new(l.map(|l| l.agreement)),
        role: RwSignal::new(l.map(|l| l.role).unwrap_or_default()),
        initial: l.map(|l| l.agreement),
        unknown: StoredValue::new(l.map(|l| l.unknown.clone()).unwrap_or_default()),
    }
}

/// Where a row sits in its list, for the field paths of validation messages.
fn index_of<T: Send + Sync + 'static>(
    rows: RwSignal<Vec<T>>,
    uid: u64,
    uid_of: fn(&T) -> u64,
) -> Memo<usize> {
    Memo::new(move |_| rows.with(|r| r.iter().position(|x| uid_of(x) == uid).unwrap_or(0)))
}

fn lines(text: &str) -> Vec<String> {
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(String::from)
        .collect()
}

#[component]
pub fn EventForm(id: Option<Id>) -> impl IntoView {
    let handed = use_app().event_draft.try_update(Option::take).flatten();
    drafts::drafted(id, handed, move |draft, handed, reset| {
        view! { <EventFormBody id=id draft=draft handed=handed reset=reset/> }.into_any()
    })
}

#[component]
fn EventFormBody(
    id: Option<Id>,
    draft: Option<Draft<Event>>,
    handed: Option<Event>,
    reset: Callback<()>,
) -> impl IntoView {
    let state = use_app();
    let i18n = expect_context::<I18n>();
    let existing = id.and_then(|id| state.data.with_untracked(|d| d.events.live(&id).cloned()));
    if let (Some(id), None) = (id, &existing) {
        let deleted = state.data.with_untracked(|d| d.events.get(&id).is_some());
        return view! { <Missing what=Collection::Events deleted=deleted/> }.into_any();
    }
    let is_new = existing.is_none();
    // `base` fills the fields; `read` is the copy the input was made on (see the agreement form).
    let drafts::Opening {
        fields: base,
        read,
        restored_at,
        texts,
    } = drafts::opening(existing, draft, || {
        handed.unwrap_or_else(|| {
            Event::new(
                Meta::new(new_id(), state.stamp().now),
                EventKind::Other,
                "",
                state.today().and_time(default_time()),
            )
        })
    });
    let owner = Owner::current();

    let kind = RwSignal::new(base.kind);
    let title = RwSignal::new(base.title.clone());
    let date = RwSignal::new(format_date(base.day()));
    let time = RwSignal::new(base.starts_at.format("%H:%M").to_string());
    let place = RwSignal::new(base.place.clone());
    let attendees = RwSignal::new(
        base.attendee_count
            .map(|n| n.to_string())
            .unwrap_or_default(),
    );
    let guests = RwSignal::new(base.guests.join("\n"));
    let agenda = RwSignal::new(base.agenda.clone());
    let reports = RwSignal::new(base.reports.clone());
    let conclusions = RwSignal::new(base.conclusions.clone());
    let minutes = RwSignal::new(base.minutes.clone());
    let chairs = RwSignal::new(
        base.chairs
            .iter()
            .map(|c| chair_row(Some(c)))
            .collect::<Vec<_>>(),
    );
    let links = RwSignal::new(
        base.agreements
            .iter()
            .map(|l| link_row(Some(l)))
            .collect::<Vec<_>>(),
    );
    let issues = RwSignal::new(Vec::<ActivityIssue>::new());
    // How many fields need correcting, while the form holds errors.
    let summary = RwSignal::new(None::<usize>);

    // Rows are created under the form, so their signals live (and are freed) with it.
    let under_form = move |make: &dyn Fn()| match &owner {
        Some(owner) => owner.with(make),
        None => make(),
    };
    let add_chair = {
        let under_form = under_form.clone();
        move |_| under_form(&|| chairs.update(|rows| rows.push(chair_row(None))))
    };
    let add_link = {
        let under_form = under_form.clone();
        move |_| under_form(&|| links.update(|rows| rows.push(link_row(None))))
    };
    // Messages are tied to rows by index, which removing a row shifts: clear those.
    let remove_chair = move |uid: u64| {
        chairs.update(|rows| rows.retain(|r| r.uid != uid));
        issues.update(|all| all.retain(|i| !i.field.starts_with("chairs[")));
    };
    let remove_link = move |uid: u64| {
        links.update(|rows| rows.retain(|r| r.uid != uid));
        issues.update(|all| all.retain(|i| !i.field.starts_with("agreements[")));
    };

    let agreements: Vec<(Id, String)> = state.data.with_untracked(|d| {
        let keep: Vec<Id> = base.agreements.iter().map(|l| l.agreement).collect();
        super::agreement_choices(i18n, d, &keep)
    });

    // The day typed so far (else today): the day whose positions a chosen chair held.
    let day_typed = move || {
        parse_date_input(&date.get_untracked(), Bound::Start)
            .ok()
            .flatten()
            .unwrap_or_else(|| state.today())
    };

    // The typed text of fields a record cannot hold as typed, from a draft.
    for (field, signal) in [
        ("date", date),
        ("time", time),
        ("attendee_count", attendees),
    ] {
        if let Some(text) = texts.get(field) {
            signal.set(text.clone());
        }
    }

    let base_for_save = read;
    // The event as typed (not validated), and what could not be read.
    let read_form = {
        let base_for_save = base_for_save.clone();
        move || {
            let mut found = Vec::new();
            let starts_at = match read_starts_at(&date.get_untracked(), &time.get_untracked()) {
                Ok(at) => at,
                Err(problems) => {
                    found.extend(problems);
                    base_for_save.starts_at
                }
            };
            let attendee_count = match parse_count(&attendees.get_untracked()) {
                Ok(n) => n,
                Err(problem) => {
                    found.push(ActivityIssue::error("attendee_count", problem));
                    None
                }
            };
            let event = Event {
                kind: kind.get_untracked(),
                title: one_line(&title.get_untracked()),
                starts_at,
                place: place.get_untracked().trim().to_string(),
                // An empty row keeps the nil id, which validation reports beside it.
                chairs: chairs
                    .get_untracked()
                    .iter()
                    .map(|r| Chair {
                        person: r.person.get_untracked().unwrap_or_default(),
                        position: r.position.get_untracked().trim().to_string(),
                        co_chair: r.co_chair.get_untracked(),
                        unknown: r.unknown.get_value(),
                    })
                    .collect(),
                attendee_count,
                guests: lines(&guests.get_untracked()),
                agreements: links
                    .get_untracked()
                    .iter()
                    .map(|r| EventLink {
                        agreement: r.agreement.get_untracked().unwrap_or_default(),
                        role: r.role.get_untracked(),
                        unknown: r.unknown.get_value(),
                    })
                    .collect(),
                agenda: agenda.get_untracked().trim_end().to_string(),
                reports: reports.get_untracked().trim_end().to_string(),
                conclusions: conclusions.get_untracked().trim_end().to_string(),
                minutes: minutes.get_untracked().trim_end().to_string(),
                ..base_for_save.clone()
            };
            (event, found)
        }
    };
    let keeper = {
        let read_form = read_form.clone();
        let read = (!is_new).then(|| base_for_save.clone());
        DraftKeeper::new(state, id, restored_at.is_some(), move || Draft {
            input: read_form().0,
            texts: [
                ("date", date),
                ("time", time),
                ("attendee_count", attendees),
            ]
            .into_iter()
            .map(|(field, signal)| (field.to_string(), signal.get_untracked()))
            .collect(),
            read: read.clone(),
            saved_at: crate::web::now(),
        })
    };
    let on_change = keeper.on_change();
    let discard_draft = keeper.on_done();
    let discard_and_reset = keeper.discard_then(reset);
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let (event, found) = read_form();
        // Saved over what changed elsewhere since the form opened (another tab, an import):
        // fields the user left alone keep that change (core::form_edit).
        let today = state.today();
        let result =
            state.apply(|data, stamp| data.save_event(&base_for_save, event, found, stamp, today));
        let saved = match result {
            Ok(saved) => saved,
            Err(found) => {
                let count = found.iter().filter(|i| i.is_error()).count();
                issues.set(found);
                summary.set(Some(count));
                focus_first_invalid("event-form");
                return;
            }
        };
        let key = saved.key();
        // Titled now (the agreements' titles are data); worded when shown.
        let effects: Vec<_> = state.data.with_untracked(|d| {
            saved
                .effects
                .iter()
                .map(|effect| {
                    let CommandEffect::AgreementStatus(effect) = effect;
                    let title = d
                        .agreements
                        .get(&effect.agreement)
                        .map(|a| a.title.clone())
                        .unwrap_or_default();
                    (title, effect.clone())
                })
                .collect()
        });
        let message = move |i18n: I18n| {
            let mut message = if is_new {
                tr!(i18n, "events-saved-new")
            } else {
                tr!(i18n, "events-saved-changes")
            };
            for (title, effect) in &effects {
                message.push(' ');
                message.push_str(&text::status_effect(i18n, title, effect));
            }
            message
        };
        issues.set(Vec::new());
        summary.set(None);
        discard_draft.run(());
        if is_new {
            state.notify_saved(message, Some(Undo::Delete(key)));
        } else {
            state.notify_save_result(&saved, message);
        }
        state.navigate(Route::Event(key.id));
    };

    let cancel_href = match id {
        Some(id) => Route::Event(id).href(),
        None => Route::Events.href(),
    };
    let text_area = move |id: &'static str,
                          label: Signal<String>,
                          signal: RwSignal<String>,
                          rows: &'static str| {
        view! {
            <div class="field">
                <label for=id>{label}</label>
                <textarea id=id rows=rows prop:value=move || signal.get()
                    on:input=move |ev| signal.set(event_target_value(&ev))></textarea>
            </div>
        }
    };

    view! {
        <nav class="breadcrumb" aria-label=move_tr!("events-breadcrumb-label")><a href=Route::Events.href()>{move_tr!("events-title")}</a></nav>
        <h1>{if is_new { move_tr!("events-new-title") } else { move_tr!("events-edit-title") }}</h1>
        {restored_at.map(|at| view! { <DraftRestored saved_at=at on_discard=discard_and_reset/> })}
        {move || summary.get().map(|count| view! {
            <div class="banner error" role="alert">{move || tr!(i18n, "form-not-saved", {"count" => count})}</div>
        })}
        <form id="event-form" on:submit=save novalidate=true on:input=on_change.clone() on:change=on_change>
            <fieldset class="card">
                <legend>{move_tr!("events-form-event")}</legend>
                <div class="grid-2">
                    <div class="field">
                        <label for="event-kind">{move_tr!("events-form-kind")}</label>
                        <select id="event-kind" on:change=move |ev| {
                            let v = event_target_value(&ev);
                            kind.set(EventKind::ALL.into_iter().find(|k| format!("{k:?}") == v).unwrap_or_default());
                        }>
                            {EventKind::ALL.into_iter().map(|k| view! {
                                <option value=format!("{k:?}") selected=move || kind.get() == k>{move || text::event_kind(i18n, k)}</option>
                            }).collect_view()}
                        </select>
                    </div>
                    <div class="field">
                        <label for="event-attendees">{move_tr!("events-attendees")}</label>
                        <input id="event-attendees" type="text" inputmode="numeric" placeholder=move_tr!("events-attendees-placeholder")
                            aria-describedby="event-attendees-help"
                            aria-invalid=move || invalid(issues, "attendee_count")
                            prop:value=move || attendees.get() on:input=move |ev| attendees.set(event_target_value(&ev))/>
                        <p id="event-attendees-help" class="help">{move_tr!("events-attendees-help")}</p>
                        <ActivityIssues issues=issues field="attendee_count".to_string()/>
                    </div>
                </div>
                <div class="field">
                    <label for="event-title">{move_tr!("events-form-title")}<Required/></label>
                    <textarea id="event-title" rows="2" required=true
                        placeholder=move_tr!("events-form-title-placeholder")
                        aria-invalid=move || invalid(issues, "title")
                        prop:value=move || title.get() on:input=move |ev| title.set(event_target_value(&ev))></textarea>
                    <Counter text=title max=lengths::TITLE/>
                    <ActivityIssues issues=issues field="title".to_string()/>
                </div>
                <div class="grid-3">
                    <div class="field">
                        <label for="event-date">{move_tr!("events-form-date")}<Required/></label>
                        <input id="event-date" type="text" inputmode="numeric" placeholder="dd/mm/yyyy" required=true
                            aria-invalid=move || invalid(issues, "date")
                            prop:value=move || date.get() on:input=move |ev| date.set(event_target_value(&ev))/>
                        <ActivityIssues issues=issues field="date".to_string()/>
                    </div>
                    <div class="field">
                        <label for="event-time">{move_tr!("events-form-time")}</label>
                        <input id="event-time" type="text" inputmode="numeric" placeholder="08:00"
                            aria-describedby="event-time-help"
                            aria-invalid=move || invalid(issues, "time")
                            prop:value=move || time.get() on:input=move |ev| time.set(event_target_value(&ev))/>
                        <p id="event-time-help" class="help">{move_tr!("events-time-help")}</p>
                        <ActivityIssues issues=issues field="time".to_string()/>
                    </div>
                    <div class="field">
                        <label for="event-place">{move_tr!("events-place")}</label>
                        <input id="event-place" type="text" placeholder=move_tr!("events-place-placeholder")
                            aria-invalid=move || invalid(issues, "place")
                            prop:value=move || place.get() on:input=move |ev| place.set(event_target_value(&ev))/>
                        <Counter text=place max=lengths::PLACE/>
                        <ActivityIssues issues=issues field="place".to_string()/>
                    </div>
                </div>
            </fieldset>

            <fieldset class="card">
                <legend>{move_tr!("events-chairs")}</legend>
                <p class="help">{move_tr!("events-chairs-help")}</p>
                <Show when=move || chairs.with(Vec::is_empty)>
                    <p class="muted">{move_tr!("events-no-chairs")}</p>
                </Show>
                <For each=move || chairs.get() key=|r| r.uid children=move |row| {
                    let index = index_of(chairs, row.uid, |r| r.uid);
                    let person_field = Signal::derive(move || format!("chairs[{}].person", index.get()));
                    let uid = row.uid;
                    let person_id = format!("chair-{uid}-person");
                    let position_id = format!("chair-{uid}-position");
                    let co_id = format!("chair-{uid}-co");
                    let on_person = Callback::new(move |chosen: Id| {
                        if row.position.with_untracked(|t| t.trim().is_empty()) {
                            let day = day_typed();
                            let held = state.data.with_untracked(|d| d.people.get(&chosen).map(|p| p.positions_on(day)));
                            row.position.set(held.unwrap_or_default());
                        }
                    });
                    view! {
                        <div class="row-card wrap">
                            <div class="field grow">
                                <label for=person_id.clone()>{move || tr!(i18n, "events-chair-label", {"number" => index.get() + 1})}</label>
                                <Picker id=person_id kind=PickKind::Person value=row.person on_pick=on_person
                                    invalid=Signal::derive(move || person_field.with(|f| invalid(issues, f)).is_some())/>
                                <ActivityIssues issues=issues field=person_field/>
                            </div>
                            <div class="field grow">
                                <label for=position_id.clone()>{move_tr!("events-chair-position")}</label>
                                <input id=position_id type="text" prop:value=move || row.position.get()
                                    on:input=move |ev| row.position.set(event_target_value(&ev))/>
                            </div>
                            <div class="check">
                                <input type="checkbox" id=co_id.clone() prop:checked=move || row.co_chair.get()
                                    on:change=move |ev| row.co_chair.set(event_target_checked(&ev))/>
                                <label for=co_id>{move_tr!("events-co-chair")}</label>
                            </div>
                            <button type="button" class="icon" aria-label=move || tr!(i18n, "events-chair-remove", {"number" => index.get() + 1})
                                on:click=move |_| remove_chair(uid)>"×"</button>
                        </div>
                    }
                }/>
                <button type="button" on:click=add_chair>{move_tr!("events-chair-add")}</button>
            </fieldset>

            <fieldset class="card">
                <legend>{move_tr!("events-agreements")}</legend>
                <p class="help">{move_tr!("events-links-help")}</p>
                <Show when=move || links.with(Vec::is_empty)>
                    <p class="muted">{move_tr!("events-links-none")}</p>
                </Show>
                <For each=move || links.get() key=|r| r.uid children=move |row| {
                    let index = index_of(links, row.uid, |r| r.uid);
                    let agreement_field = Signal::derive(move || format!("agreements[{}].agreement", index.get()));
                    let uid = row.uid;
                    let agreement_id = format!("link-{uid}-agreement");
                    let role_id = format!("link-{uid}-role");
                    let mut choices = agreements.clone();
                    if let Some(kept) = row.initial.filter(|k| !choices.iter().any(|(a, _)| a == k)) {
                        choices.push((kept, tr!(i18n, "events-agreement-not-in-data")));
                    }
                    view! {
                        <div class="row-card wrap">
                            <div class="field grow">
                                <label for=agreement_id.clone()>{move || tr!(i18n, "events-link-label", {"number" => index.get() + 1})}</label>
                                <select id=agreement_id on:change=move |ev| row.agreement.set(event_target_value(&ev).parse().ok())
                                    aria-invalid=move || agreement_field.with(|f| invalid(issues, f))>
                                    <option value="" selected=move || row.agreement.get().is_none()>{move_tr!("events-choose-agreement")}</option>
                                    {choices.into_iter().map(|(aid, title)| view! {
                                        <option value=aid.to_string() selected=move || row.agreement.get() == Some(aid)>{title}</option>
                                    }).collect_view()}
                                </select>
                                <ActivityIssues issues=issues field=agreement_field/>
                            </div>
                            <div class="field">
                                <label for=role_id.clone()>{move_tr!("events-link-role")}</label>
                                <select id=role_id on:change=move |ev| {
                                    let v = event_target_value(&ev);
                                    row.role.set(EventRole::ALL.into_iter().find(|r| format!("{r:?}") == v).unwrap_or_default());
                                }>
                                    {EventRole::ALL.into_iter().map(|r| view! {
                                        <option value=format!("{r:?}") selected=move || row.role.get() == r>{move || text::event_role(i18n, r)}</option>
                                    }).collect_view()}
                                </select>
                            </div>
                            <button type="button" class="icon" aria-label=move || tr!(i18n, "events-link-remove", {"number" => index.get() + 1})
                                on:click=move |_| remove_link(uid)>"×"</button>
                        </div>
                    }
                }/>
                <button type="button" on:click=add_link>{move_tr!("events-link-add")}</button>
            </fieldset>

            <fieldset class="card">
                <legend>{move_tr!("events-content-legend")}</legend>
                {text_area("event-guests", move_tr!("events-guests-field"), guests, "3")}
                {text_area("event-agenda", move_tr!("events-agenda"), agenda, "3")}
                {text_area("event-reports", move_tr!("events-reports"), reports, "3")}
                {text_area("event-conclusions", move_tr!("events-conclusions"), conclusions, "4")}
                {text_area("event-minutes", move_tr!("events-minutes"), minutes, "6")}
            </fieldset>

            <div class="form-actions">
                <crate::ui::widgets::ReadOnlyNote/>
                <button type="submit" class="primary" disabled=crate::ui::widgets::read_only(state)>{move_tr!("events-save")}</button>
                // Cancelling gives the input up on purpose: no question on the way out.
                <a class="button" href=cancel_href on:click=move |_| discard_draft.run(())>{move_tr!("events-cancel")}</a>
            </div>
        </form>
    }
    .into_any()
}
