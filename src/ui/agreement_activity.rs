//! The agreement page's life-cycle sections: its events, recurring duties, recommendations,
//! results by area and year, the close-out of its period, and (for a regulation) the
//! year × department matrix of its plans. Each edit goes through the core and is stored at once.

use crate::core::records::sorting;
use chrono::Datelike;
use leptos::prelude::*;
use leptos_fluent::{move_tr, tr, I18n};

use super::drafts::PageFormDraft;
use super::state::{use_app, AppState};
use super::widgets::record_link;
use crate::core::records::duty::{DueRule, DutySettlement};
use crate::core::records::event::{Event, EventKind, EventLink, EventRole};
use crate::core::records::meta::{new_id, Id, Meta};
use crate::core::records::model::{Agreement, AgreementKind, Party};
use crate::core::records::original::Original;
use crate::core::records::recommendation::Recommendation;
use crate::core::records::record::{Collection, Record, RecordKey};
use crate::core::records::results::{AreaMark, AreaResult, AreaSummary, CloseOut};
use crate::core::rules::dates::{format_date, format_local};
use crate::core::rules::schedule::{
    area_state, occurrences, set_area_result, AreaState, OccurrenceState,
};
use crate::core::storage::drafts::{DraftOf, PageForm};
use crate::core::views::listing::{find_events, find_recommendations, EventQuery};
use crate::core::views::matrix::plan_matrix;
use crate::route::{AgreementTab, Route};

/// What the user has typed in the agreement page's forms, kept by the page rather than by its
/// sections: the sections are drawn again whenever the agreement changes (a save in the other
/// form, a duty marked, another tab, an import), and half-typed input must survive that. Each
/// form's draft is also kept in storage (`ui::drafts`), so a reload, a crash or another page
/// loses nothing: the page opens on it and says so, until it is saved or discarded.
#[derive(Clone)]
pub struct SectionDrafts {
    result: PageFormDraft<AreaResult>,
    close_out: PageFormDraft<CloseOut>,
    pub(super) original: PageFormDraft<Original>,
}

impl SectionDrafts {
    /// Made by the page, so that its flags are lowered (and its drafts written) only when the
    /// page is left.
    pub fn new(state: AppState, agreement: Id) -> SectionDrafts {
        let of = |form| DraftOf::AgreementPage(agreement, form);
        SectionDrafts {
            result: PageFormDraft::open(state, of(PageForm::AreaResults)),
            close_out: PageFormDraft::open(state, of(PageForm::CloseOut)),
            original: PageFormDraft::open(state, of(PageForm::Original)),
        }
    }

    /// Whether a form of the section `tab` holds a draft restored from storage and not yet
    /// saved or discarded: its link says so, for a page opened on another section.
    pub fn restored_in(&self, tab: AgreementTab) -> bool {
        let restored =
            |at: RwSignal<Option<chrono::DateTime<chrono::Utc>>>| at.with(Option::is_some);
        match tab {
            AgreementTab::Overview => restored(self.original.restored_at),
            AgreementTab::Results => {
                restored(self.result.restored_at) || restored(self.close_out.restored_at)
            }
            _ => false,
        }
    }
}

fn mark_value(mark: AreaMark) -> &'static str {
    match mark {
        AreaMark::Done => "Done",
        AreaMark::Waived => "Waived",
        AreaMark::Pending => "Pending",
    }
}

fn mark_of(value: &str) -> AreaMark {
    match value {
        "Done" => AreaMark::Done,
        "Waived" => AreaMark::Waived,
        _ => AreaMark::Pending,
    }
}

/// Stores a changed copy of the agreement (these edits touch no validated field) and gives what
/// the command did (none when the agreement is gone).
fn update_agreement(
    id: Id,
    change: impl FnOnce(&mut Agreement),
) -> Option<crate::core::commands::outcome::Outcome<crate::core::records::workspace::Saved>> {
    let state = use_app();
    state.apply(|data, stamp| data.update_record::<Agreement>(id, change, stamp))
}

fn rule_label(i18n: I18n, rule: DueRule) -> String {
    match rule {
        DueRule::YearAnyTime => tr!(i18n, "duty-rule-any-time"),
        DueRule::YearBy { month, day } => {
            tr!(i18n, "duty-rule-by", {"day_month" => format!("{day:02}/{month:02}")})
        }
    }
}

fn occurrence_label(i18n: I18n, state: OccurrenceState) -> String {
    match state {
        OccurrenceState::Overdue => tr!(i18n, "duty-overdue"),
        OccurrenceState::DueSoon => tr!(i18n, "duty-due-soon"),
        OccurrenceState::Upcoming => tr!(i18n, "duty-upcoming"),
        OccurrenceState::Done => tr!(i18n, "duty-done"),
        OccurrenceState::Waived => tr!(i18n, "duty-waived"),
    }
}

fn occurrence_class(state: OccurrenceState) -> &'static str {
    match state {
        OccurrenceState::Overdue => "badge terminated",
        OccurrenceState::DueSoon => "badge expired",
        OccurrenceState::Upcoming => "badge draft",
        OccurrenceState::Done => "badge in-force",
        OccurrenceState::Waived => "badge summarised",
    }
}

#[component]
pub fn EventsSection(agreement: Agreement) -> impl IntoView {
    let state = use_app();
    let i18n = expect_context::<I18n>();
    let id = agreement.id();
    let events: Vec<Event> = state.data.with_untracked(|d| {
        find_events(
            d,
            &EventQuery {
                agreement: Some(id),
                ..EventQuery::default()
            },
        )
        .into_iter()
        .cloned()
        .collect()
    });
    let record_event = move |_| {
        let today = state.today();
        let mut e = Event::new(
            Meta::new(new_id(), state.stamp().now),
            EventKind::AnnualSession,
            "",
            today.and_hms_opt(8, 0, 0).unwrap_or_default(),
        );
        e.agreements.push(EventLink {
            agreement: id,
            role: EventRole::Reviewed,
            unknown: Default::default(),
        });
        state.event_draft.set(Some(e));
        state.navigate(Route::EventNew);
    };
    let event_count = events.len();
    view! {
        <section class="card">
            <div class="section-head">
                <h2>{move_tr!("agreement-events-title", {"count" => event_count})}</h2>
                <button on:click=record_event>{move_tr!("dashboard-record-event")}</button>
            </div>
            {if events.is_empty() {
                view! { <p class="muted">{move_tr!("agreement-events-none")}</p> }.into_any()
            } else {
                view! {
                    <ul class="plain-list">
                        {events.into_iter().map(|e| {
                            let role = e.role_for(id);
                            let role = move || role.map(|r| super::text::event_role(i18n, r)).unwrap_or_default();
                            view! {
                                <li>
                                    <span class="muted">{format_local(e.starts_at)} " · "</span>
                                    <a href=Route::Event(e.id()).href()>{e.title.clone()}</a>
                                    <span class="muted">" — " {role}</span>
                                </li>
                            }
                        }).collect_view()}
                    </ul>
                }.into_any()
            }}
        </section>
    }
}

#[component]
pub fn DutiesSection(agreement: Agreement) -> impl IntoView {
    let state = use_app();
    let i18n = expect_context::<I18n>();
    let id = agreement.id();
    if agreement.duties.is_empty() {
        return view! {
            <section class="card">
                <h2>{move_tr!("agreement-duties")}</h2>
                <p class="muted">{move_tr!("agreement-duties-none")}</p>
            </section>
        }
        .into_any();
    }
    let today = state.today();
    let occ = state.data.with_untracked(|d| {
        let events: Vec<&Event> = d.events.iter_live().collect();
        occurrences(&agreement, &events, today)
    });
    // Outside `view!`: leptos-fluent's key check does not see a `move_tr!` in the first `{…}`
    // after an HTML `<tr>` (it reads the tag as a `tr!` macro).
    let marked_by_hand = move_tr!("duty-marked-by-hand");
    let unmark = move_tr!("duty-unmark");
    let mark_done = move_tr!("duty-mark-done");
    let mark_waived = move_tr!("duty-mark-waived");
    let settle = move |duty: Id, year: i32, waived: Option<bool>| {
        let today = state.today();
        update_agreement(id, move |a| {
            if let Some(d) = a.duties.iter_mut().find(|d| d.id == duty) {
                d.settlements.retain(|s| s.year != year);
                if let Some(waived) = waived {
                    d.settlements.push(DutySettlement {
                        year,
                        waived,
                        on: Some(today),
                        note: String::new(),
                        unknown: Default::default(),
                    });
                    sorting::sort_by_key(&mut d.settlements, |s| s.year);
                }
            }
        });
    };
    view! {
        <section class="card">
            <h2>{move_tr!("agreement-duties")}</h2>
            {agreement.duties.iter().map(|duty| {
                let duty_id = duty.id;
                let rows: Vec<_> = occ.iter().filter(|o| o.duty == duty_id).cloned().collect();
                let manual: Vec<i32> = duty.settlements.iter().map(|s| s.year).collect();
                let due = duty.due.rule;
                view! {
                    <h3 class="duty-title">{duty.title.clone()} <span class="muted">" — " {move || rule_label(i18n, due)}</span></h3>
                    <table class="plain">
                        <thead><tr>
                            <th scope="col">{move_tr!("duty-col-year")}</th><th scope="col">{move_tr!("duty-col-due")}</th>
                            <th scope="col">{move_tr!("duty-col-state")}</th><th scope="col">{move_tr!("duty-col-basis")}</th>
                            <th scope="col">{move_tr!("duty-col-actions")}</th>
                        </tr></thead>
                        <tbody>
                            {rows.into_iter().map(|o| {
                                let occurrence = o.state;
                                let year = o.year;
                                let settled_by_hand = manual.contains(&year);
                                view! {
                                    <tr>
                                        <td>{year}</td>
                                        <td>{format_date(o.due)}</td>
                                        <td><span class=occurrence_class(occurrence)>{move || occurrence_label(i18n, occurrence)}</span></td>
                                        <td>{o.event.map(|e| record_link(state, RecordKey { collection: Collection::Events, id: e }))}
                                            {(o.event.is_none() && settled_by_hand).then_some(marked_by_hand)}</td>
                                        <td class="row-actions">
                                            {match (o.event.is_some(), settled_by_hand) {
                                                (true, _) => view! { <span class="muted">"—"</span> }.into_any(),
                                                (false, true) => view! {
                                                    <button class="link" disabled=crate::ui::widgets::read_only(state) on:click=move |_| settle(duty_id, year, None)>{unmark}</button>
                                                }.into_any(),
                                                (false, false) => view! {
                                                    <button class="link" disabled=crate::ui::widgets::read_only(state) on:click=move |_| settle(duty_id, year, Some(false))>{mark_done}</button>
                                                    " · "
                                                    <button class="link" disabled=crate::ui::widgets::read_only(state) on:click=move |_| settle(duty_id, year, Some(true))>{mark_waived}</button>
                                                }.into_any(),
                                            }}
                                        </td>
                                    </tr>
                                }
                            }).collect_view()}
                        </tbody>
                    </table>
                }
            }).collect_view()}
            <p class="help">{move_tr!("duty-help")}</p>
        </section>
    }
    .into_any()
}

#[component]
pub fn RecommendationsSection(agreement: Agreement) -> impl IntoView {
    let state = use_app();
    let i18n = expect_context::<I18n>();
    let id = agreement.id();
    let today = state.today();
    let recs: Vec<Recommendation> = state.data.with_untracked(|d| {
        find_recommendations(d, Some(id))
            .into_iter()
            .cloned()
            .collect()
    });
    let raise = move |_| {
        let mut r = Recommendation::new(Meta::new(new_id(), state.stamp().now), "");
        r.agreement = Some(id);
        r.raised_on = Some(state.today());
        state.recommendation_draft.set(Some(r));
        state.navigate(Route::RecommendationNew);
    };
    let rec_count = recs.len();
    // Outside `view!`: see DutiesSection.
    let content_column = move_tr!("agreement-recommendation-content");
    view! {
        <section class="card">
            <div class="section-head">
                <h2>{move_tr!("agreement-recommendations-title", {"count" => rec_count})}</h2>
                <button on:click=raise>{move_tr!("agreement-add-recommendation")}</button>
            </div>
            {if recs.is_empty() {
                view! { <p class="muted">{move_tr!("agreement-recommendations-none")}</p> }.into_any()
            } else {
                view! {
                    <table class="plain">
                        <thead><tr><th scope="col">{content_column}</th><th scope="col">{move_tr!("duty-col-due")}</th><th scope="col">{move_tr!("agreement-col-status")}</th></tr></thead>
                        <tbody>
                            {recs.into_iter().map(|r| {
                                let late = r.status.is_pending() && r.deadline.is_some_and(|d| d < today);
                                view! {
                                    <tr>
                                        <td><a href=Route::Recommendation(r.id()).href()>{r.content.clone()}</a></td>
                                        <td class:late=late>{r.deadline.map(format_date).unwrap_or_else(|| "—".into())}</td>
                                        <td><span class=super::text::recommendation_status_class(r.status)>{move || super::text::recommendation_status(i18n, r.status)}</span></td>
                                    </tr>
                                }
                            }).collect_view()}
                        </tbody>
                    </table>
                }.into_any()
            }}
        </section>
    }
}

fn area_cell(i18n: I18n, s: AreaState) -> String {
    match s {
        AreaState::Pending => tr!(i18n, "result-pending"),
        AreaState::Done => tr!(i18n, "result-done"),
        AreaState::Waived => tr!(i18n, "result-waived"),
        AreaState::Overdue => tr!(i18n, "result-overdue"),
    }
}

fn area_cell_class(s: AreaState) -> &'static str {
    match s {
        AreaState::Pending => "cell pending",
        AreaState::Done => "cell done",
        AreaState::Waived => "cell waived",
        AreaState::Overdue => "cell overdue",
    }
}

/// Areas × years: each area's standing per year, and a form to record one result with evidence.
#[component]
pub fn AreaResultsSection(agreement: Agreement, drafts: SectionDrafts) -> impl IntoView {
    let redraw = drafts.result.redraw;
    move || {
        redraw.track();
        area_results(agreement.clone(), drafts.clone())
    }
}

fn area_results(agreement: Agreement, drafts: SectionDrafts) -> AnyView {
    let state = use_app();
    let i18n = expect_context::<I18n>();
    let id = agreement.id();
    let years = agreement.period.years();
    if agreement.areas.is_empty() || years.is_empty() {
        return ().into_any();
    }
    let today = state.today();
    let default_year = years
        .iter()
        .copied()
        .filter(|y| *y <= today.year())
        .max()
        .unwrap_or(years[0]);
    let form = drafts.result;
    let cancel_form = form.clone();
    let notice = form.notice();
    let mut typed = form.typed.get_untracked().unwrap_or(AreaResult {
        area: agreement.areas[0].id,
        year: default_year,
        mark: AreaMark::Done,
        evidence: String::new(),
        unknown: Default::default(),
    });
    // The agreement may have changed under the form (another tab), or since the draft was
    // kept: an area or year it no longer has falls back to the first area and the default year.
    if !agreement.areas.iter().any(|a| a.id == typed.area) {
        typed.area = agreement.areas[0].id;
    }
    if !years.contains(&typed.year) {
        typed.year = default_year;
    }
    let area_choice = RwSignal::new(typed.area.to_string());
    let year_choice = RwSignal::new(typed.year.to_string());
    let mark_choice = RwSignal::new(mark_value(typed.mark).to_string());
    let evidence = RwSignal::new(typed.evidence.clone());
    let typed_now = move || {
        Some(AreaResult {
            area: area_choice.get_untracked().parse().ok()?,
            year: year_choice.get_untracked().parse().ok()?,
            mark: mark_of(&mark_choice.get_untracked()),
            evidence: evidence.get_untracked(),
            unknown: Default::default(),
        })
    };
    let keep = form.on_change(typed_now);
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Some(typed) = typed_now() else {
            return;
        };
        let (area, year, mark) = (typed.area, typed.year, typed.mark);
        let text = typed.evidence.clone();
        // The next result is often for the same area or year: the choices stay, the text goes.
        form.done(Some(AreaResult {
            evidence: String::new(),
            ..typed
        }));
        if let Some(saved) =
            update_agreement(id, move |a| set_area_result(a, area, year, mark, &text))
        {
            state.notify_save_result(&saved, |i18n| tr!(i18n, "result-recorded"));
        }
    };
    let a = agreement.clone();
    view! {
        <section class="card">
            <h2>{move_tr!("result-title")}</h2>
            <div class="table-scroll">
                <table class="plain results-grid">
                    <thead><tr><th scope="col">{move_tr!("result-area")}</th>{years.iter().map(|y| view! { <th scope="col">{*y}</th> }).collect_view()}</tr></thead>
                    <tbody>
                        {a.areas.iter().enumerate().map(|(i, area)| {
                            let area_id = area.id;
                            view! {
                                <tr>
                                    <th scope="row">{i + 1} ". " {area.title.clone()}</th>
                                    {years.iter().map(|&y| {
                                        let cell = area_state(&a, area_id, y, today);
                                        let evidence = a.area_results.iter().find(|r| r.area == area_id && r.year == y).map(|r| r.evidence.clone()).unwrap_or_default();
                                        view! { <td class=area_cell_class(cell) title=evidence>{move || area_cell(i18n, cell)}</td> }
                                    }).collect_view()}
                                </tr>
                            }
                        }).collect_view()}
                    </tbody>
                </table>
            </div>
            {notice}
            <form class="inline-form" on:submit=save on:input=keep.clone() on:change=keep>
                <div class="field">
                    <label for="result-area">{move_tr!("result-area")}</label>
                    <select id="result-area" on:change=move |ev| area_choice.set(event_target_value(&ev))>
                        {agreement.areas.iter().enumerate().map(|(i, area)| view! { <option value=area.id.to_string() selected=area.id == typed.area>{i + 1} ". " {area.title.clone()}</option> }).collect_view()}
                    </select>
                </div>
                <div class="field">
                    <label for="result-year">{move_tr!("duty-col-year")}</label>
                    <select id="result-year" on:change=move |ev| year_choice.set(event_target_value(&ev))>
                        {years.iter().map(|y| view! { <option value=y.to_string() selected=*y == typed.year>{*y}</option> }).collect_view()}
                    </select>
                </div>
                <div class="field">
                    <label for="result-mark">{move_tr!("result-mark")}</label>
                    <select id="result-mark" on:change=move |ev| mark_choice.set(event_target_value(&ev))>
                        <option value="Done" selected=typed.mark == AreaMark::Done>{move_tr!("result-done")}</option>
                        <option value="Waived" selected=typed.mark == AreaMark::Waived>{move_tr!("result-waived")}</option>
                        <option value="Pending" selected=typed.mark == AreaMark::Pending>{move_tr!("result-pending")}</option>
                    </select>
                </div>
                <div class="field grow">
                    <label for="result-evidence">{move_tr!("result-evidence")}</label>
                    <input id="result-evidence" type="text" placeholder=move_tr!("result-evidence-placeholder") prop:value=move || evidence.get() on:input=move |ev| evidence.set(event_target_value(&ev))/>
                </div>
                <crate::ui::widgets::ReadOnlyNote/>
                <button type="submit" disabled=crate::ui::widgets::read_only(state)>{move_tr!("result-record")}</button>
                <button type="button" on:click=move |_| cancel_form.discard()>{move_tr!("action-cancel")}</button>
            </form>
        </section>
    }
    .into_any()
}

/// The account of an ended period; shown once the period has ended, an account exists or one
/// is being typed.
#[component]
pub fn CloseOutSection(agreement: Agreement, drafts: SectionDrafts) -> impl IntoView {
    let redraw = drafts.close_out.redraw;
    move || {
        redraw.track();
        close_out(agreement.clone(), drafts.clone())
    }
}

/// The close-out as saved: every text trimmed, an area without a result left out.
fn trimmed(typed: CloseOut) -> CloseOut {
    CloseOut {
        area_results: typed
            .area_results
            .into_iter()
            .map(|s| AreaSummary {
                result: s.result.trim().to_string(),
                ..s
            })
            .filter(|s| !s.result.is_empty())
            .collect(),
        achievements: typed.achievements.trim().to_string(),
        shortcomings: typed.shortcomings.trim().to_string(),
        lessons: typed.lessons.trim().to_string(),
        next_period: typed.next_period.trim().to_string(),
        ..typed
    }
}

fn close_out(agreement: Agreement, drafts: SectionDrafts) -> AnyView {
    let state = use_app();
    let id = agreement.id();
    let ended = agreement.period.end.is_some_and(|e| e < state.today());
    let existing = agreement.close_out.clone().unwrap_or_default();
    let form = drafts.close_out;
    let typed = form.typed.get_untracked();
    if !ended && existing.is_empty() && typed.is_none() {
        return ().into_any();
    }
    // What is typed and not saved wins over what is stored (drawn again after another save,
    // or opened on the draft kept in storage).
    let existing = typed.unwrap_or(existing);
    let achievements = RwSignal::new(existing.achievements.clone());
    let shortcomings = RwSignal::new(existing.shortcomings.clone());
    let lessons = RwSignal::new(existing.lessons.clone());
    let next_period = RwSignal::new(existing.next_period.clone());
    let summary_event = RwSignal::new(
        existing
            .summary_event
            .map(|e| e.to_string())
            .unwrap_or_default(),
    );
    let area_texts: Vec<(Id, String, RwSignal<String>)> = agreement
        .areas
        .iter()
        .map(|area| {
            let text = existing
                .area_results
                .iter()
                .find(|r| r.area == area.id)
                .map(|r| r.result.clone())
                .unwrap_or_default();
            (area.id, area.title.clone(), RwSignal::new(text))
        })
        .collect();
    let summary_events: Vec<(Id, String)> = state.data.with_untracked(|d| {
        d.events
            .iter_live()
            .filter(|e| {
                e.role_for(id) == Some(EventRole::Summarised)
                    || e.kind == EventKind::SummaryConference && e.links(id)
            })
            .map(|e| (e.id(), format!("{} — {}", format_date(e.day()), e.title)))
            .collect()
    });
    let area_signals = area_texts.clone();
    // The fields as typed (spaces and line breaks kept until the save trims them).
    let typed_now = move || CloseOut {
        area_results: area_signals
            .iter()
            .map(|(area, _, text)| AreaSummary {
                area: *area,
                result: text.get_untracked(),
                // A newer app's fields of the area's summary, kept.
                unknown: existing
                    .area_results
                    .iter()
                    .find(|r| r.area == *area)
                    .map(|r| r.unknown.clone())
                    .unwrap_or_default(),
            })
            .filter(|s| !s.result.trim().is_empty())
            .collect(),
        achievements: achievements.get_untracked(),
        shortcomings: shortcomings.get_untracked(),
        lessons: lessons.get_untracked(),
        next_period: next_period.get_untracked(),
        summary_event: summary_event.get_untracked().parse().ok(),
        unknown: existing.unknown.clone(),
    };
    let typed_now = std::rc::Rc::new(typed_now);
    let keep = form.on_change({
        let typed_now = typed_now.clone();
        move || Some(typed_now())
    });
    let save = {
        let form = form.clone();
        move |ev: leptos::ev::SubmitEvent| {
            ev.prevent_default();
            let close_out = trimmed(typed_now());
            form.done(None);
            let saved = update_agreement(id, move |a| {
                a.close_out = (!close_out.is_empty()).then_some(close_out)
            });
            if let Some(saved) = saved {
                state.notify_save_result(&saved, |i18n| tr!(i18n, "closeout-saved"));
            }
        }
    };
    let notice = form.notice();
    let text_field = move |label: Signal<String>,
                           field_id: &'static str,
                           signal: RwSignal<String>| {
        view! {
            <div class="field">
                <label for=field_id>{label}</label>
                <textarea id=field_id rows="3" prop:value=move || signal.get() on:input=move |ev| signal.set(event_target_value(&ev))></textarea>
            </div>
        }
    };
    view! {
        <section class="card">
            <h2>{move_tr!("closeout-title")}</h2>
            {notice}
            <form class="stack" on:submit=save on:input=keep.clone() on:change=keep>
                <div class="field">
                    <label for="closeout-event">{move_tr!("event-kind-summary-conference")}</label>
                    <select id="closeout-event" on:change=move |ev| summary_event.set(event_target_value(&ev))>
                        <option value="">{move_tr!("closeout-no-event")}</option>
                        {summary_events.iter().map(|(eid, label)| view! { <option value=eid.to_string() selected=existing.summary_event == Some(*eid)>{label.clone()}</option> }).collect_view()}
                    </select>
                </div>
                <fieldset class="field">
                    <legend>{move_tr!("closeout-by-area")}</legend>
                    {area_texts.into_iter().enumerate().map(|(i, (area, title, text))| {
                        let fid = format!("closeout-area-{area}");
                        view! {
                            <label for=fid.clone()>{i + 1} ". " {title}</label>
                            <input id=fid type="text" prop:value=move || text.get() on:input=move |ev| text.set(event_target_value(&ev))/>
                        }
                    }).collect_view()}
                </fieldset>
                {text_field(move_tr!("closeout-achievements"), "closeout-achievements", achievements)}
                {text_field(move_tr!("closeout-shortcomings"), "closeout-shortcomings", shortcomings)}
                {text_field(move_tr!("closeout-lessons"), "closeout-lessons", lessons)}
                {text_field(move_tr!("closeout-next"), "closeout-next", next_period)}
                <p class="help">{move_tr!("closeout-next-help")}</p>
                <crate::ui::widgets::ReadOnlyNote/>
                <div class="form-actions">
                    <button type="submit" class="primary" disabled=crate::ui::widgets::read_only(state)>{move_tr!("closeout-save")}</button>
                    // Gives the typed input up: the form shows what is saved again.
                    <button type="button" on:click={
                        let form = form.clone();
                        move |_| form.discard()
                    }>{move_tr!("action-cancel")}</button>
                </div>
            </form>
        </section>
    }
    .into_any()
}

/// Rows: departments; columns: the regulation's years; each cell the plans covering that year.
#[component]
pub fn PlanMatrixSection(agreement: Agreement) -> impl IntoView {
    let state = use_app();
    let i18n = expect_context::<I18n>();
    if agreement.kind != AgreementKind::Regulation {
        return ().into_any();
    }
    let today = state.today();
    let matrix = state
        .data
        .with_untracked(|d| plan_matrix(d, &agreement, today));
    if matrix.years.is_empty() {
        return ().into_any();
    }
    if matrix.rows.is_empty() {
        return view! {
            <section class="card">
                <h2>{move_tr!("matrix-title")}</h2>
                <p class="muted">{move_tr!("matrix-no-departments")}</p>
            </section>
        }
        .into_any();
    }
    // Copy, so every "+" cell's handler can hold it.
    let regulation = StoredValue::new(agreement.clone());
    let new_plan = move |org: Id, year: i32| {
        let regulation = regulation.get_value();
        let mut plan = Agreement::new(
            Meta::new(new_id(), state.stamp().now),
            "",
            AgreementKind::Plan,
        );
        plan.parent = Some(regulation.id());
        plan.period.start = chrono::NaiveDate::from_ymd_opt(year, 1, 1);
        plan.period.end = chrono::NaiveDate::from_ymd_opt(year, 12, 31);
        let lead = regulation
            .parties
            .iter()
            .find(|p| !p.lead)
            .or(regulation.parties.first())
            .map(|p| p.organisation);
        plan.parties = lead
            .into_iter()
            .map(|o| Party {
                organisation: o,
                // The party's role is the document's own wording (data, printed): Vietnamese.
                role: "chủ trì".into(),
                lead: true,
                unknown: Default::default(),
            })
            .collect();
        plan.parties.push(Party {
            organisation: org,
            role: "phối hợp".into(),
            lead: false,
            unknown: Default::default(),
        });
        state.draft.set(Some(plan));
        state.navigate(Route::AgreementNew);
    };
    view! {
        <section class="card">
            <h2>{move_tr!("matrix-title")}</h2>
            <div class="table-scroll">
                <table class="plain matrix">
                    <thead><tr><th scope="col">{move_tr!("matrix-unit")}</th>{matrix.years.iter().map(|y| view! { <th scope="col">{*y}</th> }).collect_view()}</tr></thead>
                    <tbody>
                        {matrix.rows.into_iter().map(|row| {
                            let org = row.organisation;
                            let years = matrix.years.clone();
                            view! {
                                <tr>
                                    <th scope="row">{record_link(state, RecordKey { collection: Collection::Organisations, id: org })}</th>
                                    {row.cells.into_iter().zip(years).map(|(cell, year)| {
                                        if cell.plans.is_empty() {
                                            view! { <td class="cell empty"><button class="link" title=move_tr!("matrix-add-plan-title") aria-label=move_tr!("matrix-add-plan", {"year" => year.to_string()}) on:click=move |_| new_plan(org, year)>"+"</button></td> }.into_any()
                                        } else {
                                            view! {
                                                <td class="cell has-plan">
                                                    {cell.plans.into_iter().map(|(plan, status)| view! {
                                                        <a href=Route::Agreement(plan).href() class=super::text::status_class(status) title=move || super::text::status(i18n, status)>{move || super::text::status(i18n, status)}</a>
                                                    }).collect_view()}
                                                </td>
                                            }.into_any()
                                        }
                                    }).collect_view()}
                                </tr>
                            }
                        }).collect_view()}
                    </tbody>
                </table>
            </div>
            <p class="help">{move_tr!("matrix-which-departments")}</p>
        </section>
    }
    .into_any()
}
