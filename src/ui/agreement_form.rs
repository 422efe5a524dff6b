//! Create and edit an agreement. Each field keeps its own signal (rows too), so typing never
//! re-renders other inputs; saving builds the record and lets the core validate it.

use crate::core::records::sorting;
use std::collections::BTreeMap;

use leptos::prelude::*;
use leptos_fluent::{move_tr, tr, I18n};

use super::drafts::{self, DraftKeeper, DraftRestored};
use super::form_parts::{Counter, Required};
use super::picker::{PickKind, Picker};
use super::state::use_app;
use super::text;
use super::widgets::FieldIssues;
use crate::core::records::duty::{Due, DueRule, Duty};
use crate::core::records::event::EventKind;
use crate::core::records::meta::{new_id, Id, Meta};
use crate::core::records::model::{
    legal_basis_lines, one_line, Agreement, AgreementKind, Authority, CoordinationArea, Party,
    Signatory, Status, StatusOverride,
};
use crate::core::records::record::{Collection, Record, UnknownFields};
use crate::core::rules::dates::{
    format_bound, format_optional, parse_date_input, parse_exact_day, Bound,
};
use crate::core::rules::status::status_in;
use crate::core::rules::validate::lengths;
use crate::core::rules::validate::{self, Issue};
use crate::core::storage::drafts::Draft;
use crate::core::views::listing;
use crate::route::Route;
use crate::ui::focus::focus_first_invalid;

/// A date field that could not be read.
#[derive(Clone, Debug)]
enum DateError {
    Input(crate::core::rules::dates::DateInputError),
    /// A yearly deadline that is not "dd/mm".
    DayMonth,
}

static NEXT_UID: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(1);
fn uid() -> u64 {
    NEXT_UID.fetch_add(1, std::sync::atomic::Ordering::Relaxed)
}

#[derive(Clone)]
struct PartyRow {
    uid: u64,
    organisation: RwSignal<Option<Id>>,
    role: RwSignal<String>,
    lead: RwSignal<bool>,
    /// A newer app's fields of the party, saved back as they were.
    unknown: StoredValue<UnknownFields>,
}

#[derive(Clone)]
struct SignatoryRow {
    uid: u64,
    person: RwSignal<Option<Id>>,
    position: RwSignal<String>,
    authority: RwSignal<Authority>,
    organisation: RwSignal<Option<Id>>,
    signed_on: RwSignal<String>,
    unknown: StoredValue<UnknownFields>,
}

#[derive(Clone)]
struct AreaRow {
    uid: u64,
    id: Id,
    title: RwSignal<String>,
    description: RwSignal<String>,
    responsible: RwSignal<Vec<Id>>,
    unknown: StoredValue<UnknownFields>,
}

#[derive(Clone)]
struct DutyRow {
    uid: u64,
    duty: Duty,
    title: RwSignal<String>,
    /// "" = at least once a year; "dd/mm" = every year by that day.
    due_by: RwSignal<String>,
    fulfilled_by: RwSignal<Option<EventKind>>,
}

fn duty_row(d: Option<&Duty>) -> DutyRow {
    let duty = d.cloned().unwrap_or_else(|| Duty {
        id: new_id(),
        title: String::new(),
        due: DueRule::YearAnyTime.into(),
        fulfilled_by: Some(EventKind::AnnualSession),
        settlements: Vec::new(),
        unknown: Default::default(),
    });
    let due_by = match duty.due.rule {
        DueRule::YearAnyTime => String::new(),
        DueRule::YearBy { month, day } => format!("{day:02}/{month:02}"),
    };
    DutyRow {
        uid: uid(),
        title: RwSignal::new(duty.title.clone()),
        due_by: RwSignal::new(due_by),
        fulfilled_by: RwSignal::new(duty.fulfilled_by),
        duty,
    }
}

/// "15/12" → (month 12, day 15); the year does not matter (29/02 is allowed).
fn parse_day_month(text: &str) -> Option<DueRule> {
    let (day, month) = text.trim().split_once('/')?;
    let (day, month): (u32, u32) = (day.trim().parse().ok()?, month.trim().parse().ok()?);
    chrono::NaiveDate::from_ymd_opt(2024, month, day)?;
    Some(DueRule::YearBy { month, day })
}

fn party_row(p: Option<&Party>) -> PartyRow {
    PartyRow {
        uid: uid(),
        organisation: RwSignal::new(p.map(|p| p.organisation)),
        role: RwSignal::new(p.map(|p| p.role.clone()).unwrap_or_default()),
        lead: RwSignal::new(p.is_some_and(|p| p.lead)),
        unknown: StoredValue::new(p.map(|p| p.unknown.clone()).unwrap_or_default()),
    }
}

fn signatory_row(s: Option<&Signatory>) -> SignatoryRow {
    SignatoryRow {
        uid: uid(),
        person: RwSignal::new(s.map(|s| s.person)),
        position: RwSignal::new(s.map(|s| s.position.clone()).unwrap_or_default()),
        authority: RwSignal::new(s.map(|s| s.authority).unwrap_or(Authority::OnBehalfOf)),
        organisation: RwSignal::new(s.map(|s| s.organisation)),
        signed_on: RwSignal::new(s.map(|s| format_optional(s.signed_on)).unwrap_or_default()),
        unknown: StoredValue::new(s.map(|s| s.unknown.clone()).unwrap_or_default()),
    }
}

fn area_row(a: Option<&CoordinationArea>) -> AreaRow {
    AreaRow {
        uid: uid(),
        id: a.map(|a| a.id).unwrap_or_else(new_id),
        title: RwSignal::new(a.map(|a| a.title.clone()).unwrap_or_default()),
        description: RwSignal::new(a.map(|a| a.description.clone()).unwrap_or_default()),
        responsible: RwSignal::new(a.map(|a| a.responsible.clone()).unwrap_or_default()),
        unknown: StoredValue::new(a.map(|a| a.unknown.clone()).unwrap_or_default()),
    }
}

/// Position of a row in its list, for the field paths of validation messages.
fn index_of<T>(rows: RwSignal<Vec<T>>, uid: u64, uid_of: fn(&T) -> u64) -> Signal<usize>
where
    T: Send + Sync + 'static,
{
    Signal::derive(move || {
        rows.with(|r| {
            r.iter()
                .position(|x| uid_of(x) == uid)
                .unwrap_or(usize::MAX)
        })
    })
}

fn option_label(selected: Option<Id>, id: Id, label: String) -> impl IntoView {
    view! { <option value=id.to_string() selected=selected == Some(id)>{label}</option> }
}

/// The agreement form, with its draft: a draft kept in this browser is restored (and said so,
/// with Discard); a duplicate handed over for the next period is what the user just asked for,
/// so it comes first. Discarding rebuilds the form from the record (or empty).
#[component]
pub fn AgreementForm(id: Option<Id>) -> impl IntoView {
    let handed = use_app().draft.try_update(Option::take).flatten();
    drafts::drafted(id, handed, move |draft, handed, reset| {
        view! { <AgreementFormBody id=id draft=draft handed=handed reset=reset/> }.into_any()
    })
}

#[component]
fn AgreementFormBody(
    id: Option<Id>,
    draft: Option<Draft<Agreement>>,
    handed: Option<Agreement>,
    reset: Callback<()>,
) -> impl IntoView {
    let state = use_app();
    let i18n = expect_context::<I18n>();
    let existing = id.and_then(|id| {
        state
            .data
            .with_untracked(|d| d.agreements.live(&id).cloned())
    });
    if id.is_some() && existing.is_none() {
        return view! { <super::widgets::Missing what=Collection::Agreements deleted=false/> }
            .into_any();
    }
    let is_new = existing.is_none();
    // `base` fills the fields; `read` is the copy the input was made on, which the save merges
    // against (for a restored draft of an existing record: the copy its form had opened).
    let drafts::Opening {
        fields: base,
        read,
        restored_at,
        texts,
    } = drafts::opening(existing, draft, || {
        handed.unwrap_or_else(|| {
            let mut a = Agreement::new(
                Meta::new(new_id(), state.stamp().now),
                "",
                AgreementKind::Regulation,
            );
            a.parties = vec![];
            a
        })
    });

    let number = RwSignal::new(base.number.clone());
    let title = RwSignal::new(base.title.clone());
    let kind = RwSignal::new(base.kind);
    let parent = RwSignal::new(base.parent);
    let signed_on = RwSignal::new(format_optional(base.signed_on));
    let signed_place = RwSignal::new(base.signed_place.clone());
    let period_start = RwSignal::new(format_bound(base.period.start, Bound::Start));
    let period_end = RwSignal::new(format_bound(base.period.end, Bound::End));
    let legal_basis = RwSignal::new(base.legal_basis.join("\n"));
    let status_manual = RwSignal::new(base.status_override.as_ref().map(|o| o.status));
    let status_reason = RwSignal::new(
        base.status_override
            .as_ref()
            .map(|o| o.reason.clone())
            .unwrap_or_default(),
    );
    let supersedes = RwSignal::new(base.supersedes);
    let notes = RwSignal::new(base.notes.clone());
    let mut initial_parties: Vec<PartyRow> =
        base.parties.iter().map(|p| party_row(Some(p))).collect();
    while initial_parties.len() < 2 {
        let row = party_row(None);
        if initial_parties.is_empty() {
            row.lead.set(true);
        }
        initial_parties.push(row);
    }
    let parties = RwSignal::new(initial_parties);
    let signatories = RwSignal::new(
        base.signatories
            .iter()
            .map(|s| signatory_row(Some(s)))
            .collect::<Vec<_>>(),
    );
    let duties = RwSignal::new(
        base.duties
            .iter()
            .map(|d| duty_row(Some(d)))
            .collect::<Vec<_>>(),
    );
    let areas = RwSignal::new(
        base.areas
            .iter()
            .map(|a| area_row(Some(a)))
            .collect::<Vec<_>>(),
    );

    let issues = RwSignal::new(Vec::<Issue>::new());
    // Kept as what went wrong, worded when shown (so a language switch rewords them).
    let date_errors = RwSignal::new(BTreeMap::<String, DateError>::new());
    let summary = RwSignal::new(None::<usize>);
    let date_message = move |e: &DateError| match e {
        DateError::Input(e) => text::date_input_error(i18n, e),
        DateError::DayMonth => tr!(i18n, "agreement-form-duty-due-error"),
    };

    let other_agreements: Vec<(Id, String, AgreementKind)> = state.data.with_untracked(|d| {
        let mut v: Vec<_> = d
            .agreements
            .iter_live()
            .filter(|a| a.id() != base.id())
            .map(|a| (a.id(), a.title.clone(), a.kind))
            .collect();
        sorting::sort_by(&mut v, |a, b| {
            listing::collate(&a.1).cmp(&listing::collate(&b.1))
        });
        v
    });
    // The parties chosen, by name: the areas' "responsible" choices (a party just added too).
    let party_choices = Memo::new(move |_| {
        let chosen: Vec<Id> =
            parties.with(|rows| rows.iter().filter_map(|r| r.organisation.get()).collect());
        state.data.with(|d| {
            chosen
                .into_iter()
                .filter_map(|id| d.organisations.live(&id).map(|o| (id, o.name.clone())))
                .collect::<Vec<_>>()
        })
    });

    // The typed text of the date fields, kept as typed in a draft (a date not yet readable too).
    for (field, signal) in [
        ("signed_on", signed_on),
        ("period.start", period_start),
        ("period.end", period_end),
    ] {
        if let Some(text) = texts.get(field) {
            signal.set(text.clone());
        }
    }
    for (i, row) in signatories.get_untracked().iter().enumerate() {
        if let Some(text) = texts.get(&format!("signatories[{i}].signed_on")) {
            row.signed_on.set(text.clone());
        }
    }
    for (i, row) in duties.get_untracked().iter().enumerate() {
        if let Some(text) = texts.get(&format!("duties[{i}].due")) {
            row.due_by.set(text.clone());
        }
    }

    let base_for_save = read.clone();
    // The record as typed (not validated) and the dates that could not be read.
    let read_form = move || {
        let mut errors = BTreeMap::new();
        // `None`: the exact day is needed (a signing date); a period's bound may be a year.
        let mut date = |field: &str, value: String, bound: Option<Bound>| {
            let read = match bound {
                Some(bound) => parse_date_input(&value, bound),
                None => parse_exact_day(&value),
            };
            read.unwrap_or_else(|e| {
                errors.insert(field.to_string(), DateError::Input(e));
                None
            })
        };
        let mut a = read.clone();
        a.number = number.get_untracked().trim().to_string();
        a.title = one_line(&title.get_untracked());
        a.kind = kind.get_untracked();
        a.parent = if a.kind == AgreementKind::Plan {
            parent.get_untracked()
        } else {
            None
        };
        a.signed_on = date("signed_on", signed_on.get_untracked(), None);
        a.signed_place = signed_place.get_untracked().trim().to_string();
        a.period.start = date(
            "period.start",
            period_start.get_untracked(),
            Some(Bound::Start),
        );
        a.period.end = date("period.end", period_end.get_untracked(), Some(Bound::End));
        a.legal_basis = legal_basis_lines(&legal_basis.get_untracked());
        let kept = a
            .status_override
            .take()
            .map(|o| o.unknown)
            .unwrap_or_default();
        a.status_override = status_manual.get_untracked().map(|status| StatusOverride {
            status,
            reason: status_reason.get_untracked().trim().to_string(),
            unknown: kept,
        });
        a.supersedes = supersedes.get_untracked();
        a.notes = notes.get_untracked().trim().to_string();
        // An empty row keeps the nil id, which validation reports as "choose an organisation".
        a.parties = parties
            .get_untracked()
            .iter()
            .map(|r| Party {
                organisation: r.organisation.get_untracked().unwrap_or_default(),
                role: r.role.get_untracked().trim().to_string(),
                lead: r.lead.get_untracked(),
                unknown: r.unknown.get_value(),
            })
            .collect();
        a.signatories = signatories
            .get_untracked()
            .iter()
            .enumerate()
            .map(|(i, r)| Signatory {
                person: r.person.get_untracked().unwrap_or_default(),
                position: r.position.get_untracked().trim().to_string(),
                authority: r.authority.get_untracked(),
                organisation: r.organisation.get_untracked().unwrap_or_default(),
                signed_on: date(
                    &format!("signatories[{i}].signed_on"),
                    r.signed_on.get_untracked(),
                    None,
                ),
                unknown: r.unknown.get_value(),
            })
            .collect();
        a.areas = areas
            .get_untracked()
            .iter()
            .map(|r| CoordinationArea {
                id: r.id,
                title: r.title.get_untracked().trim().to_string(),
                description: r.description.get_untracked().trim().to_string(),
                responsible: r.responsible.get_untracked(),
                unknown: r.unknown.get_value(),
            })
            .collect();
        a.duties = duties
            .get_untracked()
            .iter()
            .enumerate()
            .map(|(i, r)| {
                let text = r.due_by.get_untracked();
                let due = if text.trim().is_empty() {
                    DueRule::YearAnyTime
                } else {
                    parse_day_month(&text).unwrap_or_else(|| {
                        errors.insert(format!("duties[{i}].due"), DateError::DayMonth);
                        DueRule::YearAnyTime
                    })
                };
                Duty {
                    title: r.title.get_untracked().trim().to_string(),
                    due: Due {
                        rule: due,
                        unknown: r.duty.due.unknown.clone(),
                    },
                    fulfilled_by: r.fulfilled_by.get_untracked(),
                    ..r.duty.clone()
                }
            })
            .collect();
        (a, errors)
    };
    let typed_texts = move || {
        let mut texts = BTreeMap::from([
            ("signed_on".to_string(), signed_on.get_untracked()),
            ("period.start".to_string(), period_start.get_untracked()),
            ("period.end".to_string(), period_end.get_untracked()),
        ]);
        for (i, row) in signatories.get_untracked().iter().enumerate() {
            texts.insert(
                format!("signatories[{i}].signed_on"),
                row.signed_on.get_untracked(),
            );
        }
        for (i, row) in duties.get_untracked().iter().enumerate() {
            texts.insert(format!("duties[{i}].due"), row.due_by.get_untracked());
        }
        texts
    };
    let keeper = {
        let read_form = read_form.clone();
        let read = (!is_new).then(|| base_for_save.clone());
        DraftKeeper::new(state, id, restored_at.is_some(), move || Draft {
            input: read_form().0,
            texts: typed_texts(),
            read: read.clone(),
            saved_at: crate::web::now(),
        })
    };
    let on_change = keeper.on_change();
    let discard_draft = keeper.on_done();
    let discard_and_reset = keeper.discard_then(reset);
    let read_for_save = read_form.clone();
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let (a, errors) = read_for_save();
        date_errors.set(errors.clone());
        let result = if errors.is_empty() {
            // Saved at the version read: if the record changed meanwhile, storage merges the
            // two field by field against the copy the form read (noted here).
            state.apply(|d, s| {
                if !is_new {
                    d.note_read(&base_for_save);
                }
                d.save_agreement(a, s)
            })
        } else {
            // The other problems are shown too, not only the dates; a field whose date could not
            // be read is reported once, by its date message.
            Err(state.data.with_untracked(|d| {
                validate::agreement(&a, d)
                    .into_iter()
                    .filter(|i| !errors.contains_key(&i.field))
                    .collect()
            }))
        };
        match result {
            Ok(saved) => {
                discard_draft.run(());
                issues.set(Vec::new());
                state.notify_save_result(&saved, move |i18n| {
                    if is_new {
                        tr!(i18n, "agreement-form-added")
                    } else {
                        tr!(i18n, "agreement-form-saved")
                    }
                });
                state.navigate(Route::Agreement(saved.key().id));
            }
            Err(found) => {
                let count = found.iter().filter(|i| i.is_error()).count() + errors.len();
                issues.set(found);
                summary.set(Some(count));
                focus_first_invalid("agreement-form");
            }
        }
    };

    let cancel_href = match (is_new, id) {
        (false, Some(id)) => Route::Agreement(id).href(),
        _ => Route::Agreements.href(),
    };
    let date_error = move |field: &'static str| {
        move || {
            date_errors.with(|e| {
                e.get(field)
                    .map(|m| view! { <p class="field-error" role="alert">{date_message(m)}</p> })
            })
        }
    };
    let invalid = move |field: &'static str| {
        move || {
            (issues.with(|i| i.iter().any(|x| x.field == field && x.is_error()))
                || date_errors.with(|e| e.contains_key(field)))
            .then_some("true")
        }
    };
    // A row's fields move with the row's index, so their path is a signal.
    let invalid_at = move |field: Signal<String>| {
        move || {
            field
                .with(|field| {
                    issues.with(|i| i.iter().any(|x| &x.field == field && x.is_error()))
                        || date_errors.with(|e| e.contains_key(field))
                })
                .then_some("true")
        }
    };
    // What the status would be without a choice, from the fields as typed (not the last save).
    let status_hint = {
        let read_form = read_form.clone();
        move || {
            for typed in [signed_on, period_start, period_end] {
                typed.track();
            }
            signatories.track();
            let (typed, _) = read_form();
            let reason = state.data.with_untracked(|d| {
                status_in(
                    d,
                    &Agreement {
                        status_override: None,
                        ..typed
                    },
                    state.today(),
                )
                .reason
            });
            text::status_reason(i18n, &reason)
        }
    };

    let regulations: Vec<(Id, String)> = other_agreements
        .iter()
        .filter(|(_, _, k)| *k == AgreementKind::Regulation)
        .map(|(id, t, _)| (*id, t.clone()))
        .collect();

    view! {
        <nav class="breadcrumb" aria-label=move_tr!("breadcrumb-label")><a href=Route::Agreements.href()>{move_tr!("nav-agreements")}</a></nav>
        <h1>{if is_new { move_tr!("agreement-form-title-new") } else { move_tr!("agreement-form-title-edit") }}</h1>
        {restored_at.map(|at| view! { <DraftRestored saved_at=at on_discard=discard_and_reset/> })}
        {move || summary.get().map(|count| view! { <div class="banner error" role="alert">{move_tr!("form-not-saved", {"count" => count})}</div> })}
        <form id="agreement-form" class="agreement-form" on:submit=save novalidate=true
            on:input=on_change.clone() on:change=on_change>
            <fieldset class="card">
                <legend>{move_tr!("agreement-form-document")}</legend>
                <div class="grid-2">
                    <div class="field">
                        <label for="f-kind">{move_tr!("agreement-form-kind")}</label>
                        <select id="f-kind" on:change=move |ev| {
                            let v = event_target_value(&ev);
                            kind.set(AgreementKind::ALL.into_iter().find(|k| format!("{k:?}") == v).unwrap_or_default());
                        }>
                            {AgreementKind::ALL.into_iter().map(|k| view! {
                                <option value=format!("{k:?}") selected=move || kind.get() == k>{move || text::agreement_kind(i18n, k)}</option>
                            }).collect_view()}
                        </select>
                    </div>
                    <div class="field">
                        <label for="f-number">{move_tr!("agreement-col-number")}</label>
                        <input id="f-number" type="text" placeholder=move_tr!("agreement-form-number-placeholder")
                            prop:value=move || number.get() on:input=move |ev| number.set(event_target_value(&ev))
                            aria-invalid=invalid("number")/>
                        <Counter text=number max=lengths::NUMBER/>
                        <FieldIssues issues=issues field="number".to_string()/>
                    </div>
                </div>
                <div class="field">
                    <label for="f-title">{move_tr!("agreement-col-title")}<Required/></label>
                    <textarea id="f-title" rows="2" required=true prop:value=move || title.get()
                        on:input=move |ev| title.set(event_target_value(&ev)) aria-invalid=invalid("title")></textarea>
                    <Counter text=title max=lengths::TITLE/>
                    <FieldIssues issues=issues field="title".to_string()/>
                </div>
                <Show when=move || kind.get() == AgreementKind::Plan>
                    <div class="field">
                        <label for="f-parent">{move_tr!("agreement-parent")}</label>
                        <select id="f-parent" on:change=move |ev| parent.set(event_target_value(&ev).parse().ok())
                            aria-invalid=invalid("parent")>
                            <option value="">{move_tr!("agreement-form-no-parent")}</option>
                            {regulations.iter().map(|(id, t)| option_label(parent.get_untracked(), *id, t.clone())).collect_view()}
                        </select>
                        <FieldIssues issues=issues field="parent".to_string()/>
                    </div>
                </Show>
                <div class="grid-3">
                    <div class="field">
                        <label for="f-period-start">{move_tr!("agreement-form-period-start")}</label>
                        <input id="f-period-start" type="text" inputmode="numeric" placeholder=move_tr!("agreement-form-period-start-placeholder")
                            prop:value=move || period_start.get() on:input=move |ev| period_start.set(event_target_value(&ev))
                            aria-invalid=invalid("period.start")/>
                        {date_error("period.start")}
                    </div>
                    <div class="field">
                        <label for="f-period-end">{move_tr!("agreement-form-period-end")}</label>
                        <input id="f-period-end" type="text" inputmode="numeric" placeholder=move_tr!("agreement-form-period-end-placeholder")
                            prop:value=move || period_end.get() on:input=move |ev| period_end.set(event_target_value(&ev))
                            aria-invalid=invalid("period.end")/>
                        {date_error("period.end")}
                        <FieldIssues issues=issues field="period.end".to_string()/>
                    </div>
                    <div class="field">
                        <label for="f-supersedes">{move_tr!("agreement-form-supersedes")}</label>
                        <select id="f-supersedes" on:change=move |ev| supersedes.set(event_target_value(&ev).parse().ok())
                            aria-invalid=invalid("supersedes")>
                            <option value="">{move_tr!("agreement-form-supersedes-none")}</option>
                            {other_agreements.iter().map(|(id, t, _)| option_label(supersedes.get_untracked(), *id, t.clone())).collect_view()}
                        </select>
                        <FieldIssues issues=issues field="supersedes".to_string()/>
                    </div>
                </div>
                <p class="help">{move_tr!("agreement-form-period-help")}</p>
                <div class="grid-2">
                    <div class="field">
                        <label for="f-signed-on">{move_tr!("agreement-signed-on")}</label>
                        <input id="f-signed-on" type="text" placeholder="dd/mm/yyyy"
                            prop:value=move || signed_on.get() on:input=move |ev| signed_on.set(event_target_value(&ev))
                            aria-invalid=invalid("signed_on")/>
                        {date_error("signed_on")}
                        <FieldIssues issues=issues field="signed_on".to_string()/>
                    </div>
                    <div class="field">
                        <label for="f-signed-place">{move_tr!("agreement-signed-place")}</label>
                        <input id="f-signed-place" type="text" prop:value=move || signed_place.get()
                            on:input=move |ev| signed_place.set(event_target_value(&ev))/>
                        <Counter text=signed_place max=lengths::PLACE/>
                        <FieldIssues issues=issues field="signed_place".to_string()/>
                    </div>
                </div>
                <div class="grid-2">
                    <div class="field">
                        <label for="f-status">{move_tr!("agreement-col-status")}</label>
                        <select id="f-status" on:change=move |ev| {
                            let v = event_target_value(&ev);
                            status_manual.set(Status::ALL.into_iter().find(|s| format!("{s:?}") == v));
                        }>
                            <option value="" selected=move || status_manual.get().is_none()>{move_tr!("agreement-form-status-auto")}</option>
                            {Status::ALL.into_iter().map(|s| view! {
                                <option value=format!("{s:?}") selected=move || status_manual.get() == Some(s)>{move || text::status(i18n, s)}</option>
                            }).collect_view()}
                        </select>
                        <p class="help">{move_tr!("agreement-form-status-auto-is")} " " {status_hint}</p>
                    </div>
                    <Show when=move || status_manual.get().is_some()>
                        <div class="field">
                            <label for="f-status-reason">{move_tr!("agreement-form-status-reason")}<Required/></label>
                            <input id="f-status-reason" type="text" prop:value=move || status_reason.get()
                                on:input=move |ev| status_reason.set(event_target_value(&ev))
                                aria-invalid=invalid("status_override.reason")/>
                            <Counter text=status_reason max=lengths::REASON/>
                            <FieldIssues issues=issues field="status_override.reason".to_string()/>
                        </div>
                    </Show>
                </div>
            </fieldset>

            <fieldset class="card">
                <legend>{move_tr!("agreement-col-parties")}<Required/></legend>
                <FieldIssues issues=issues field="parties".to_string()/>
                <For each=move || parties.get() key=|r| r.uid children=move |row| {
                    let index = index_of(parties, row.uid, |r| r.uid);
                    let org_field = Signal::derive(move || format!("parties[{}].organisation", index.get()));
                    let select_id = format!("party-org-{}", row.uid);
                    let role_id = format!("party-role-{}", row.uid);
                    let lead_id = format!("party-lead-{}", row.uid);
                    let uid = row.uid;
                    view! {
                        <div class="row-card">
                            <div class="field grow">
                                <label for=select_id.clone()>{move_tr!("agreement-form-party-n", {"n" => index.get() + 1})}</label>
                                <Picker id=select_id kind=PickKind::Organisation value=row.organisation
                                    invalid=Signal::derive(move || invalid_at(org_field)().is_some())/>
                                <FieldIssues issues=issues field=org_field/>
                            </div>
                            <div class="field">
                                <label for=role_id.clone()>{move_tr!("agreement-party-role")}</label>
                                <input id=role_id type="text" placeholder=move_tr!("agreement-form-role-placeholder") prop:value=move || row.role.get()
                                    on:input=move |ev| row.role.set(event_target_value(&ev))/>
                            </div>
                            <div class="check">
                                <input type="radio" name="lead" id=lead_id.clone() prop:checked=move || row.lead.get()
                                    on:change=move |_| parties.with_untracked(|rows| for r in rows { r.lead.set(r.uid == uid) })/>
                                <label for=lead_id>{move_tr!("agreement-party-lead")}</label>
                            </div>
                            <button type="button" class="icon" aria-label=move_tr!("agreement-form-remove-party")
                                on:click=move |_| parties.update(|rows| rows.retain(|r| r.uid != uid))>"×"</button>
                        </div>
                    }
                }/>
                <button type="button" on:click=move |_| parties.update(|rows| rows.push(party_row(None)))>{move_tr!("agreement-form-add-party")}</button>
            </fieldset>

            <fieldset class="card">
                <legend>{move_tr!("agreement-signatories")}</legend>
                <For each=move || signatories.get() key=|r| r.uid children=move |row| {
                    let index = index_of(signatories, row.uid, |r| r.uid);
                    let field = move |name: &'static str| Signal::derive(move || format!("signatories[{}].{name}", index.get()));
                    // The position held on the signing date (the row's, else the agreement's),
                    // as the event form fills a chair's; typed text is never replaced.
                    let fill_position = Callback::new(move |person: Id| {
                        if !row.position.with_untracked(|t| t.trim().is_empty()) {
                            return;
                        }
                        let day = parse_exact_day(&row.signed_on.get_untracked())
                            .ok()
                            .flatten()
                            .or_else(|| parse_exact_day(&signed_on.get_untracked()).ok().flatten())
                            .unwrap_or_else(|| state.today());
                        let held = state.data.with_untracked(|d| d.people.get(&person).map(|p| p.post_on(day)));
                        if let Some((title, organisation)) = held {
                            row.position.set(title);
                            if row.organisation.get_untracked().is_none() {
                                row.organisation.set(organisation);
                            }
                        }
                    });
                    let uid = row.uid;
                    let ids = ["sig-person", "sig-position", "sig-authority", "sig-org", "sig-date"].map(|p| format!("{p}-{uid}"));
                    let date_field = move || format!("signatories[{}].signed_on", index.get());
                    view! {
                        <div class="row-card wrap">
                            <div class="field">
                                <label for=ids[0].clone()>{move_tr!("agreement-form-signatory")}</label>
                                <Picker id=ids[0].clone() kind=PickKind::Person value=row.person on_pick=fill_position
                                    invalid=Signal::derive(move || invalid_at(field("person"))().is_some())/>
                                <FieldIssues issues=issues field=field("person")/>
                            </div>
                            <div class="field grow">
                                <label for=ids[1].clone()>{move_tr!("agreement-signatory-position")}</label>
                                <input id=ids[1].clone() type="text" prop:value=move || row.position.get()
                                    on:input=move |ev| row.position.set(event_target_value(&ev))/>
                                <Counter text=row.position max=lengths::POSITION/>
                                <FieldIssues issues=issues field=field("position")/>
                            </div>
                            <div class="field">
                                <label for=ids[2].clone()>{move_tr!("agreement-signatory-authority")}</label>
                                <select id=ids[2].clone() on:change=move |ev| {
                                    let v = event_target_value(&ev);
                                    row.authority.set(Authority::ALL.into_iter().find(|a| format!("{a:?}") == v).unwrap_or_default());
                                }>
                                    {Authority::ALL.into_iter().map(|a| view! {
                                        <option value=format!("{a:?}") selected=row.authority.get_untracked() == a>{move || text::authority(i18n, a)}</option>
                                    }).collect_view()}
                                </select>
                            </div>
                            <div class="field">
                                <label for=ids[3].clone()>{move_tr!("agreement-form-signs-for")}</label>
                                <Picker id=ids[3].clone() kind=PickKind::Organisation value=row.organisation
                                    invalid=Signal::derive(move || invalid_at(field("organisation"))().is_some())/>
                                <FieldIssues issues=issues field=field("organisation")/>
                            </div>
                            <div class="field">
                                <label for=ids[4].clone()>{move_tr!("agreement-signed-on")}</label>
                                <input id=ids[4].clone() type="text" placeholder="dd/mm/yyyy" aria-invalid=invalid_at(Signal::derive(date_field)) prop:value=move || row.signed_on.get()
                                    on:input=move |ev| row.signed_on.set(event_target_value(&ev))/>
                                {move || date_errors.with(|e| e.get(&date_field()).map(|m| view! { <p class="field-error" role="alert">{date_message(m)}</p> }))}
                            </div>
                            <button type="button" class="icon" aria-label=move_tr!("agreement-form-remove-signatory")
                                on:click=move |_| signatories.update(|rows| rows.retain(|r| r.uid != uid))>"×"</button>
                        </div>
                    }
                }/>
                <button type="button" on:click=move |_| signatories.update(|rows| rows.push(signatory_row(None)))>{move_tr!("agreement-form-add-signatory")}</button>
            </fieldset>

            <fieldset class="card">
                <legend>{move_tr!("agreement-legal-basis")}</legend>
                <label for="f-legal-basis">{move_tr!("agreement-form-legal-basis-help")}</label>
                <textarea id="f-legal-basis" rows="4" prop:value=move || legal_basis.get()
                    on:input=move |ev| legal_basis.set(event_target_value(&ev))></textarea>
            </fieldset>

            <fieldset class="card">
                <legend>{move_tr!("agreement-areas")}</legend>
                <ol class="area-rows">
                    <For each=move || areas.get() key=|r| r.uid children=move |row| {
                        let index = index_of(areas, row.uid, |r| r.uid);
                        let uid = row.uid;
                        let title_id = format!("area-title-{uid}");
                        let desc_id = format!("area-desc-{uid}");
                        let title_field = Signal::derive(move || format!("areas[{}].title", index.get()));
                        let resp_field = Signal::derive(move || format!("areas[{}].responsible", index.get()));
                        let move_by = move |delta: isize| areas.update(|rows| {
                            if let Some(i) = rows.iter().position(|r| r.uid == uid) {
                                let j = i as isize + delta;
                                if j >= 0 && (j as usize) < rows.len() { rows.swap(i, j as usize); }
                            }
                        });
                        view! {
                            <li class="row-card wrap">
                                <div class="field grow">
                                    <label for=title_id.clone()>{move_tr!("agreement-form-area-n", {"n" => index.get() + 1})}<Required/></label>
                                    <input id=title_id type="text" aria-invalid=invalid_at(title_field) prop:value=move || row.title.get()
                                        on:input=move |ev| row.title.set(event_target_value(&ev))/>
                                    <Counter text=row.title max=lengths::TITLE/>
                                    <FieldIssues issues=issues field=title_field/>
                                </div>
                                <div class="field grow">
                                    <label for=desc_id.clone()>{move_tr!("agreement-form-area-description")}</label>
                                    <textarea id=desc_id rows="2" prop:value=move || row.description.get()
                                        on:input=move |ev| row.description.set(event_target_value(&ev))></textarea>
                                </div>
                                <fieldset class="field inline-checks">
                                    <legend>{move_tr!("agreement-form-area-responsible")}</legend>
                                    {move || party_choices.get().into_iter().map(|(org, name)| {
                                        let cid = format!("area-{uid}-resp-{org}");
                                        view! {
                                            <span class="check">
                                                <input type="checkbox" id=cid.clone() prop:checked=move || row.responsible.with(|r| r.contains(&org))
                                                    on:change=move |ev| {
                                                        let on = event_target_checked(&ev);
                                                        row.responsible.update(|r| { r.retain(|x| *x != org); if on { r.push(org); } });
                                                    }/>
                                                <label for=cid>{name}</label>
                                            </span>
                                        }
                                    }).collect_view()}
                                    <FieldIssues issues=issues field=resp_field/>
                                </fieldset>
                                <div class="row-tools">
                                    <button type="button" class="icon" aria-label=move_tr!("agreement-form-move-up") on:click=move |_| move_by(-1)>"↑"</button>
                                    <button type="button" class="icon" aria-label=move_tr!("agreement-form-move-down") on:click=move |_| move_by(1)>"↓"</button>
                                    <button type="button" class="icon" aria-label=move_tr!("agreement-form-remove-area")
                                        on:click=move |_| areas.update(|rows| rows.retain(|r| r.uid != uid))>"×"</button>
                                </div>
                            </li>
                        }
                    }/>
                </ol>
                <button type="button" on:click=move |_| areas.update(|rows| {
                    let row = area_row(None);
                    row.responsible.set(party_choices.get_untracked().into_iter().map(|(id, _)| id).collect());
                    rows.push(row);
                })>{move_tr!("agreement-form-add-area")}</button>
            </fieldset>

            <fieldset class="card">
                <legend>{move_tr!("agreement-duties")}</legend>
                <p class="help">{move_tr!("agreement-form-duties-help")}</p>
                <For each=move || duties.get() key=|r| r.uid children=move |row| {
                    let index = index_of(duties, row.uid, |r| r.uid);
                    let uid = row.uid;
                    let ids = ["duty-title", "duty-due", "duty-kind"].map(|p| format!("{p}-{uid}"));
                    let title_field = Signal::derive(move || format!("duties[{}].title", index.get()));
                    let due_field = move || format!("duties[{}].due", index.get());
                    view! {
                        <div class="row-card wrap">
                            <div class="field grow">
                                <label for=ids[0].clone()>{move_tr!("agreement-form-duty")}<Required/></label>
                                <input id=ids[0].clone() type="text" aria-invalid=invalid_at(title_field) prop:value=move || row.title.get() on:input=move |ev| row.title.set(event_target_value(&ev))/>
                                <Counter text=row.title max=lengths::TITLE/>
                                <FieldIssues issues=issues field=title_field/>
                            </div>
                            <div class="field">
                                <label for=ids[1].clone()>{move_tr!("agreement-form-duty-due")}</label>
                                <input id=ids[1].clone() type="text" aria-invalid=invalid_at(Signal::derive(due_field)) placeholder=move_tr!("agreement-form-duty-due-placeholder") prop:value=move || row.due_by.get() on:input=move |ev| row.due_by.set(event_target_value(&ev))/>
                                {move || date_errors.with(|e| e.get(&due_field()).map(|m| view! { <p class="field-error" role="alert">{date_message(m)}</p> }))}
                            </div>
                            <div class="field">
                                <label for=ids[2].clone()>{move_tr!("agreement-form-duty-fulfilled-by")}</label>
                                <select id=ids[2].clone() on:change=move |ev| {
                                    let v = event_target_value(&ev);
                                    row.fulfilled_by.set(EventKind::ALL.into_iter().find(|k| format!("{k:?}") == v));
                                }>
                                    <option value="" selected=row.fulfilled_by.get_untracked().is_none()>{move_tr!("agreement-form-duty-by-hand")}</option>
                                    {EventKind::ALL.into_iter().map(|k| view! {
                                        <option value=format!("{k:?}") selected=row.fulfilled_by.get_untracked() == Some(k)>{move || text::event_kind(i18n, k)}</option>
                                    }).collect_view()}
                                </select>
                            </div>
                            <button type="button" class="icon" aria-label=move_tr!("agreement-form-remove-duty")
                                on:click=move |_| duties.update(|rows| rows.retain(|r| r.uid != uid))>"×"</button>
                        </div>
                    }
                }/>
                <button type="button" on:click=move |_| duties.update(|rows| rows.push(duty_row(None)))>{move_tr!("agreement-form-add-duty")}</button>
            </fieldset>

            <fieldset class="card">
                <legend>{move_tr!("agreement-notes")}</legend>
                <label for="f-notes" class="visually-hidden">{move_tr!("agreement-notes")}</label>
                <textarea id="f-notes" rows="4" prop:value=move || notes.get() on:input=move |ev| notes.set(event_target_value(&ev))></textarea>
            </fieldset>

            <div class="form-actions">
                <crate::ui::widgets::ReadOnlyNote/>
                <button type="submit" class="primary" disabled=crate::ui::widgets::read_only(state)>{move_tr!("action-save")}</button>
                // Cancelling gives the input up on purpose: no question on the way out.
                <a class="button" href=cancel_href on:click=move |_| discard_draft.run(())>{move_tr!("action-cancel")}</a>
            </div>
        </form>
    }
    .into_any()
}
