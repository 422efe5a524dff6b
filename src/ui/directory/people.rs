//! People: the searchable list, and one person's page (name, positions held over time, the
//! agreements they signed, delete).

use std::collections::{BTreeSet, HashMap};

use chrono::NaiveDate;
use leptos::prelude::*;

use crate::core::rules::validate::lengths;
use crate::ui::form_parts::{Counter, Required};
use leptos_fluent::{move_tr, tr, I18n};

use super::{
    focus_first_invalid, has_error, organisation_choices, presence, OrganisationSelect, Presence,
};
use crate::core::records::meta::{new_id, Id, Meta};
use crate::core::records::model::{one_line, Person, PositionHeld};
use crate::core::records::record::{Collection, Record, UnknownFields};
use crate::core::records::workspace::Dataset;
use crate::core::rules::dates::{
    format_bound, format_date, format_instant, format_period_years, parse_date_input, Bound,
    DateInputError,
};
use crate::core::rules::validate::{self, Issue};
use crate::core::storage::drafts::Draft;
use crate::core::views::listing;
use crate::route::Route;
use crate::ui::drafts::{self, DraftKeeper, DraftRestored};
use crate::ui::list_parts::{EmptyState, ResultCount, SearchBox};
use crate::ui::state::use_app;
use crate::ui::text;
use crate::ui::widgets::{FieldIssues, Missing};

#[derive(Clone, Debug, PartialEq)]
struct PersonRow {
    id: Id,
    full_name: String,
    /// Titles held today.
    current: String,
    /// Every title, when none is held today.
    earlier: String,
    signed: usize,
}

/// How many live agreements each person signed.
fn signed_counts(data: &Dataset) -> HashMap<Id, usize> {
    let mut counts = HashMap::new();
    for a in data.agreements.iter_live() {
        let signers: BTreeSet<Id> = a.signatories.iter().map(|s| s.person).collect();
        for person in signers {
            *counts.entry(person).or_insert(0) += 1;
        }
    }
    counts
}

#[component]
pub fn PersonList() -> impl IntoView {
    let state = use_app();
    let i18n = expect_context::<I18n>();
    let query = RwSignal::new(String::new());
    let today = state.today();
    let counts = Memo::new(move |_| state.data.with(signed_counts));
    let rows = Memo::new(move |_| {
        let text = query.get();
        state.data.with(|d| {
            counts.with(|counts| {
                listing::find_people(d, &text)
                    .into_iter()
                    .map(|p| {
                        let current = p.positions_on(today);
                        let earlier = if current.is_empty() {
                            p.positions
                                .iter()
                                .map(|pos| pos.title.as_str())
                                .filter(|t| !t.trim().is_empty())
                                .collect::<Vec<_>>()
                                .join("; ")
                        } else {
                            String::new()
                        };
                        PersonRow {
                            id: p.id(),
                            full_name: p.full_name.clone(),
                            current,
                            earlier,
                            signed: counts.get(&p.id()).copied().unwrap_or(0),
                        }
                    })
                    .collect::<Vec<_>>()
            })
        })
    });
    let total = move || state.data.with(|d| d.people.count_live());
    let searching = move || !query.with(|q| q.trim().is_empty());
    // Named before the view: leptos-fluent's compile-time key scan skips the first {…} after a
    // `tr` tag name, so no key may sit there only.
    // The list as searched on screen.
    let files: Vec<(crate::ui::exports::FileKind, crate::ui::exports::Maker)> = vec![(
        crate::ui::exports::FileKind::Xlsx,
        std::sync::Arc::new(move |w: &crate::ui::exports::UiWords| {
            let text = query.get_untracked();
            crate::ui::exports::workbook(&[state.data.with_untracked(|d| {
                crate::core::exchange::export::tables::people(d, &listing::find_people(d, &text), w)
            })])
        }),
    )];
    let col_name = move_tr!("directory-person-col-name");

    view! {
        <div class="page-head">
            <h1>{move_tr!("directory-people-title")}</h1>
            <a class="button primary" href=Route::PersonNew.href()>{move_tr!("directory-person-add")}</a>
        </div>
        <div class="filters" role="search">
            <SearchBox id="person-search" label=move_tr!("directory-person-search-label")
                placeholder=move_tr!("directory-person-search-placeholder") query=query/>
        </div>
        <crate::ui::exports::ExportBar what="cá nhân" files=files/>
        <ResultCount
            text=Signal::derive(move || {
                let shown = rows.with(Vec::len);
                if searching() {
                    tr!(i18n, "directory-people-matching", {"shown" => shown, "total" => total()})
                } else {
                    tr!(i18n, "directory-people-count", {"shown" => shown})
                }
            })
            filtered=Signal::derive(searching) clear_label=move_tr!("directory-clear-search")
            on_clear=move |()| query.set(String::new())/>
        {move || {
            if total() == 0 {
                return view! {
                    <EmptyState title=move_tr!("directory-people-empty-title") text=move_tr!("directory-people-empty-text")>
                        <a class="button primary" href=Route::PersonNew.href()>{move_tr!("directory-person-add")}</a>
                    </EmptyState>
                }
                .into_any();
            }
            if rows.with(Vec::is_empty) {
                return view! {
                    <EmptyState title=move_tr!("directory-people-no-match-title") text=move_tr!("directory-people-no-match-text")>
                        <button on:click=move |_| query.set(String::new())>{move_tr!("directory-clear-search")}</button>
                    </EmptyState>
                }
                .into_any();
            }
            view! {
                <div class="table-scroll">
                    <table class="register">
                        <thead>
                            <tr>
                                <th scope="col">{col_name}</th>
                                <th scope="col">{move_tr!("directory-person-col-current")}</th>
                                <th scope="col" class="number">{move_tr!("directory-person-col-signed")}</th>
                            </tr>
                        </thead>
                        <tbody>
                            {move || {
                                rows.get()
                                    .into_iter()
                                    .map(|row| {
                                        let positions = if !row.current.is_empty() {
                                            view! { <span>{row.current}</span> }.into_any()
                                        } else if !row.earlier.is_empty() {
                                            view! { <span class="muted">{earlier_positions(i18n, row.earlier)}</span> }.into_any()
                                        } else {
                                            view! { <span class="muted">"—"</span> }.into_any()
                                        };
                                        view! {
                                            <tr>
                                                <td class="title"><a href=Route::Person(row.id).href()>{row.full_name}</a></td>
                                                <td>{positions}</td>
                                                <td class="number">{row.signed}</td>
                                            </tr>
                                        }
                                    })
                                    .collect_view()
                            }}
                        </tbody>
                    </table>
                </div>
            }
            .into_any()
        }}
    }
}

/// "Formerly: …", for someone who holds no position today.
fn earlier_positions(i18n: I18n, titles: String) -> impl Fn() -> String + Send + Sync + 'static {
    move || tr!(i18n, "directory-person-earlier", {"titles" => titles.clone()})
}

#[component]
pub fn PersonPage(id: Option<Id>) -> impl IntoView {
    let state = use_app();
    let presence = presence::<Person>(state, id);
    move || match (presence.get(), id) {
        (Presence::New, _) => view! { <PersonView id=None/> }.into_any(),
        (Presence::Live, Some(id)) => view! { <PersonView id=Some(id)/> }.into_any(),
        (Presence::Deleted, _) => {
            view! { <Missing what=Collection::People deleted=true/> }.into_any()
        }
        _ => view! { <Missing what=Collection::People deleted=false/> }.into_any(),
    }
}

/// One position being edited. Each field has its own signal, so typing redraws only that field.
#[derive(Clone, Copy)]
struct PositionRow {
    /// Stable while rows are added and removed: the key of `<For>` and of the inputs' ids.
    uid: u64,
    title: RwSignal<String>,
    organisation: RwSignal<Option<Id>>,
    from: RwSignal<String>,
    to: RwSignal<String>,
    from_error: RwSignal<Option<DateInputError>>,
    to_error: RwSignal<Option<DateInputError>>,
    /// The organisation the row opened with, kept as a choice even if deleted since.
    initial_organisation: Option<Id>,
    /// A newer app's fields of the position, saved back as they were.
    unknown: StoredValue<UnknownFields>,
}

impl PositionRow {
    fn new(uid: u64, held: &PositionHeld) -> PositionRow {
        PositionRow {
            uid,
            title: RwSignal::new(held.title.clone()),
            organisation: RwSignal::new(held.organisation),
            from: RwSignal::new(format_bound(held.from, Bound::Start)),
            to: RwSignal::new(format_bound(held.to, Bound::End)),
            from_error: RwSignal::new(None),
            to_error: RwSignal::new(None),
            initial_organisation: held.organisation,
            unknown: StoredValue::new(held.unknown.clone()),
        }
    }
}

/// Reads a typed date and shows (or clears) its error beside the input.
fn check_date(
    text: RwSignal<String>,
    error: RwSignal<Option<DateInputError>>,
    bound: Bound,
) -> Result<Option<NaiveDate>, ()> {
    match parse_date_input(&text.get_untracked(), bound) {
        Ok(day) => {
            error.set(None);
            Ok(day)
        }
        Err(e) => {
            error.set(Some(e));
            Err(())
        }
    }
}

#[component]
fn PersonView(id: Option<Id>) -> impl IntoView {
    drafts::drafted(id, None, move |draft, _, reset| {
        view! { <PersonForm id=id draft=draft reset=reset/> }.into_any()
    })
}

/// The typed dates of a position, kept in a draft by these paths.
fn position_date_paths(i: usize) -> [String; 2] {
    [format!("positions[{i}].from"), format!("positions[{i}].to")]
}

#[component]
fn PersonForm(id: Option<Id>, draft: Option<Draft<Person>>, reset: Callback<()>) -> impl IntoView {
    let state = use_app();
    let i18n = expect_context::<I18n>();
    let owner = Owner::current();
    let stored = state
        .data
        .with_untracked(|d| id.and_then(|id| d.people.get(&id).cloned()));
    let drafts::Opening {
        fields: initial,
        read,
        restored_at,
        texts,
    } = drafts::opening(stored, draft, || {
        Person::new(Meta::new(new_id(), state.stamp().now), "")
    });
    let record_id = initial.id();

    let full_name = RwSignal::new(initial.full_name.clone());
    let notes = RwSignal::new(initial.notes.clone());
    let rows = RwSignal::new(
        initial
            .positions
            .iter()
            .enumerate()
            .map(|(i, p)| PositionRow::new(i as u64, p))
            .collect::<Vec<_>>(),
    );
    for (i, row) in rows.get_untracked().iter().enumerate() {
        for (path, text) in position_date_paths(i).iter().zip([row.from, row.to]) {
            if let Some(typed) = texts.get(path) {
                text.set(typed.clone());
            }
        }
    }
    let next_uid = StoredValue::new(initial.positions.len() as u64);
    // The record as the form shows it, at the version last read or saved: what the user changes
    // is told apart from what changed elsewhere meanwhile (core::form_edit).
    let opened = StoredValue::new(read);
    let issues = RwSignal::new(Vec::<Issue>::new());
    // A refused save: how many problems to fix (the same words as every form).
    let form_error = RwSignal::new(None::<usize>);
    let blockers = RwSignal::new(None::<Vec<crate::core::records::record::RecordKey>>);

    let add_row = move |_| {
        let uid = next_uid.get_value();
        next_uid.set_value(uid + 1);
        // Created under the page, so the row's signals live (and are freed) with it.
        let row = match &owner {
            Some(owner) => owner.with(|| PositionRow::new(uid, &PositionHeld::default())),
            None => PositionRow::new(uid, &PositionHeld::default()),
        };
        rows.update(|rs| rs.push(row));
        crate::ui::focus::focus_later(format!("#position-{uid}-title"));
    };
    // Messages are tied to positions by index, which removing a row shifts: clear those.
    let remove_row = move |uid: u64| {
        rows.update(|rs| rs.retain(|r| r.uid != uid));
        issues.update(|all| all.retain(|i| !i.field.starts_with("positions[")));
    };

    let heading = move || match id {
        None => tr!(i18n, "directory-person-new-title"),
        Some(id) => state.data.with(|d| {
            d.people
                .get(&id)
                .map(|p| p.full_name.clone())
                .unwrap_or_default()
        }),
    };

    // The form as typed (not validated): a date not yet readable is kept by its text.
    let keeper = DraftKeeper::new(state, id, restored_at.is_some(), move || {
        let base = opened.get_value();
        let rows = rows.get_untracked();
        let day = |text: RwSignal<String>, bound| {
            parse_date_input(&text.get_untracked(), bound)
                .ok()
                .flatten()
        };
        Draft {
            input: Person {
                full_name: full_name.get_untracked(),
                notes: notes.get_untracked(),
                positions: rows
                    .iter()
                    .map(|row| PositionHeld {
                        title: row.title.get_untracked(),
                        organisation: row.organisation.get_untracked(),
                        from: day(row.from, Bound::Start),
                        to: day(row.to, Bound::End),
                        unknown: row.unknown.get_value(),
                    })
                    .collect(),
                ..base.clone()
            },
            texts: rows
                .iter()
                .enumerate()
                .flat_map(|(i, row)| {
                    position_date_paths(i)
                        .into_iter()
                        .zip([row.from.get_untracked(), row.to.get_untracked()])
                })
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
        let mut bad_dates = 0;
        let positions: Vec<PositionHeld> = rows
            .get_untracked()
            .iter()
            .map(|row| {
                let from = check_date(row.from, row.from_error, Bound::Start);
                let to = check_date(row.to, row.to_error, Bound::End);
                bad_dates += usize::from(from.is_err()) + usize::from(to.is_err());
                PositionHeld {
                    title: row.title.get_untracked().trim().to_string(),
                    organisation: row.organisation.get_untracked(),
                    from: from.unwrap_or(None),
                    to: to.unwrap_or(None),
                    unknown: row.unknown.get_value(),
                }
            })
            .collect();
        let from_form = move |base: Person, positions: Vec<PositionHeld>| Person {
            full_name: one_line(&full_name.get_untracked()),
            notes: notes.get_untracked().trim_end().to_string(),
            positions,
            ..base
        };
        let record = from_form(opened.get_value(), positions.clone());
        if bad_dates > 0 {
            // Nothing is saved; the other fields' problems are shown at the same time.
            let found = state.data.with_untracked(|d| validate::person(&record, d));
            form_error.set(Some(
                bad_dates + found.iter().filter(|i| i.is_error()).count(),
            ));
            issues.set(found);
            focus_first_invalid("person-form");
            return;
        }
        // Saved over what changed elsewhere since the form opened (commands::form_edit).
        let result =
            state.apply(|data, stamp| data.save_person_edit(&opened.get_value(), record, stamp));
        match result {
            Ok(saved) => {
                full_name.update(|n| *n = one_line(n));
                for row in rows.get_untracked() {
                    row.title.update(|t| *t = t.trim().to_string());
                }
                if let Some(saved) = state
                    .data
                    .with_untracked(|d| d.people.get(&record_id).cloned())
                {
                    opened.set_value(from_form(saved, positions));
                }
                issues.set(Vec::new());
                form_error.set(None);
                draft_done.run(());
                state.notify_save_result(&saved, |i18n| tr!(i18n, "directory-saved"));
                if id.is_none() {
                    state.navigate(Route::Person(record_id));
                }
            }
            Err(found) => {
                form_error.set(Some(found.iter().filter(|i| i.is_error()).count()));
                issues.set(found);
                focus_first_invalid("person-form");
            }
        }
    };

    let delete = move |_| {
        let label = state.data.with_untracked(|d| d.person_name(&record_id));
        match state.delete::<Person>(record_id, &label) {
            Ok(()) => state.navigate(Route::People),
            Err(ids) => blockers.set(Some(ids)),
        }
    };

    view! {
        <nav class="breadcrumb" aria-label=move_tr!("directory-breadcrumb-label")>
            <a href=Route::People.href()>{move_tr!("directory-people-title")}</a>
        </nav>
        <div class="page-head">
            <h1>{heading}</h1>
        </div>
        {restored_at.map(|at| view! { <DraftRestored saved_at=at on_discard=discard_and_reset/> })}
        <section class="card">
            <h2>{if id.is_some() { move_tr!("directory-person-details") } else { move_tr!("directory-person-new-details") }}</h2>
            <form id="person-form" class="stack" on:submit=save novalidate=true on:input=on_change.clone() on:change=on_change>
                <div class="stack narrow">
                    <label for="person-full-name">{move_tr!("directory-person-name-label")}<Required/></label>
                    <input
                        id="person-full-name"
                        type="text"
                        required=true
                        placeholder=move_tr!("directory-person-name-placeholder")
                        aria-invalid=move || has_error(issues, "full_name").then_some("true")
                        prop:value=move || full_name.get()
                        on:input=move |ev| full_name.set(event_target_value(&ev))
                    />
                    <Counter text=full_name max=lengths::PERSON_NAME/>
                    <FieldIssues issues=issues field="full_name".to_string()/>

                    <label for="person-notes">{move_tr!("directory-notes-label")}</label>
                    <textarea id="person-notes" rows="3" prop:value=move || notes.get() on:input=move |ev| notes.set(event_target_value(&ev))></textarea>
                </div>

                <fieldset class="positions">
                    <legend>{move_tr!("directory-person-positions-legend")}</legend>
                    <p class="help">{move_tr!("directory-person-positions-help")}</p>
                    <Show when=move || rows.with(Vec::is_empty)>
                        <p class="muted">{move_tr!("directory-person-positions-none")}</p>
                    </Show>
                    <For each=move || rows.get() key=|row| row.uid let:row>
                        <PositionFields row=row rows=rows issues=issues on_remove=remove_row/>
                    </For>
                    <button type="button" on:click=add_row>{move_tr!("directory-person-position-add")}</button>
                </fieldset>

                {move || form_error.get().map(|count| view! {
                    <p class="field-error" role="alert">{move_tr!("form-not-saved", {"count" => count})}</p>
                })}
                <crate::ui::widgets::ReadOnlyNote/>
                <div class="actions">
                    <button type="submit" class="primary" disabled=crate::ui::widgets::read_only(state)>{move_tr!("directory-save")}</button>
                    {id.is_none().then(|| view! { <a class="button" href=Route::People.href() on:click=move |_| draft_done.run(())>{move_tr!("directory-cancel")}</a> })}
                </div>
            </form>
        </section>
        {id.map(|id| view! {
            <SignedAgreements id=id/>
            <section class="card">
                <h2>{move_tr!("directory-person-delete-title")}</h2>
                <p class="help">{move_tr!("directory-person-delete-help")}</p>
                <crate::ui::widgets::DeleteRefused
                    blockers=blockers
                    explanation=tr!(i18n, "directory-person-delete-refused")
                />
                <button class="danger" disabled=crate::ui::widgets::read_only(state) on:click=delete>{move_tr!("directory-delete")}</button>
            </section>
            <p class="record-meta">
                {move || state.data.with(|d| d.people.get(&id).map(|p| tr!(i18n, "directory-record-meta", {
                    "created" => format_instant(p.meta.created),
                    "updated" => format_instant(p.meta.updated),
                    "edits" => p.meta.version.total(),
                })))}
            </p>
            <crate::ui::history_view::RecordHistory key=crate::core::records::record::RecordKey { collection: crate::core::records::record::Collection::People, id: id }/>
        })}
    }
}

/// The inputs of one position. Its index (for the validation paths) follows the row's place.
#[component]
fn PositionFields(
    row: PositionRow,
    rows: RwSignal<Vec<PositionRow>>,
    issues: RwSignal<Vec<Issue>>,
    on_remove: impl Fn(u64) + Send + Sync + 'static,
) -> impl IntoView {
    let state = use_app();
    let i18n = expect_context::<I18n>();
    let uid = row.uid;
    let index =
        Memo::new(move |_| rows.with(|rs| rs.iter().position(|r| r.uid == uid).unwrap_or(0)));
    let path = move |field: &'static str| {
        Signal::derive(move || format!("positions[{}].{field}", index.get()))
    };
    let input_id = move |field: &str| format!("position-{uid}-{field}");
    let title_path = path("title");
    let organisation_path = path("organisation");
    let initial_organisation = row.initial_organisation;
    let choices = Signal::derive(move || {
        state
            .data
            .with(|d| organisation_choices(i18n, d, &BTreeSet::new(), initial_organisation))
    });

    let date_input = move |field: &'static str,
                           label: Signal<String>,
                           text: RwSignal<String>,
                           error: RwSignal<Option<DateInputError>>,
                           bound: Bound| {
        let id = input_id(field);
        let issue_path = path(field);
        view! {
            <div class="field">
                <label for=id.clone()>{label}</label>
                <input
                    id=id
                    type="text"
                    inputmode="numeric"
                    placeholder="dd/mm/yyyy"
                    aria-invalid=move || (error.with(Option::is_some) || issue_path.with(|p| has_error(issues, p))).then_some("true")
                    prop:value=move || text.get()
                    on:input=move |ev| {
                        text.set(event_target_value(&ev));
                        // Once an error shows, it goes away as soon as the date reads well. It is
                        // first shown on saving, not on leaving the field: a message appearing
                        // then would move the Save button away from the click that left it.
                        if error.with_untracked(Option::is_some) {
                            let _ = check_date(text, error, bound);
                        }
                    }
                />
                {move || error.get().map(|e| view! { <p class="field-error" role="alert">{move || text::date_input_error(i18n, &e)}</p> })}
                <FieldIssues issues=issues field=issue_path/>
            </div>
        }
    };

    view! {
        <fieldset class="position">
            <legend>{move || tr!(i18n, "directory-position-legend", {"number" => index.get() + 1})}</legend>
            <div class="field">
                <label for=input_id("title")>{move_tr!("directory-position-title-label")}<Required/></label>
                <input
                    id=input_id("title")
                    type="text"
                    placeholder=move_tr!("directory-position-title-placeholder")
                    aria-invalid=move || title_path.with(|p| has_error(issues, p)).then_some("true")
                    prop:value=move || row.title.get()
                    on:input=move |ev| row.title.set(event_target_value(&ev))
                />
                <Counter text=row.title max=lengths::POSITION/>
                <FieldIssues issues=issues field=title_path/>
            </div>
            <div class="field">
                <label for=input_id("organisation")>{move_tr!("directory-position-organisation-label")}</label>
                <OrganisationSelect
                    id=input_id("organisation")
                    value=row.organisation
                    choices=choices
                    none_label=move_tr!("directory-none-recorded")
                    invalid=Signal::derive(move || organisation_path.with(|p| has_error(issues, p)))
                />
                <FieldIssues issues=issues field=organisation_path/>
            </div>
            {date_input("from", move_tr!("directory-position-from-label"), row.from, row.from_error, Bound::Start)}
            {date_input("to", move_tr!("directory-position-to-label"), row.to, row.to_error, Bound::End)}
            <button
                type="button"
                class="link"
                aria-label=move || tr!(i18n, "directory-position-remove-label", {"number" => index.get() + 1})
                on:click=move |_| on_remove(uid)
            >
                {move_tr!("directory-position-remove")}
            </button>
        </fieldset>
    }
}

/// The live agreements the person signed, with the position written at signing.
#[component]
fn SignedAgreements(id: Id) -> impl IntoView {
    let state = use_app();
    let i18n = expect_context::<I18n>();
    let signed = Memo::new(move |_| {
        state.data.with(|d| {
            listing::agreements_signed_by(d, id)
                .into_iter()
                .flat_map(|a| {
                    a.signatories.iter().filter(|s| s.person == id).map(|s| {
                        let position = [s.authority.abbreviation(), s.position.as_str()]
                            .into_iter()
                            .filter(|part| !part.is_empty())
                            .collect::<Vec<_>>()
                            .join(" ");
                        (
                            a.id(),
                            a.title.clone(),
                            format_period_years(a.period.start, a.period.end),
                            position,
                            d.organisation_label(&s.organisation),
                            s.signed_on.or(a.signed_on),
                        )
                    })
                })
                .collect::<Vec<_>>()
        })
    });
    // Named before the view: the compile-time key scan skips the first {…} after a `tr` tag name.
    let col_agreement = move_tr!("directory-col-agreement");
    view! {
        <section class="card">
            <h2>{move || tr!(i18n, "directory-person-signed-title", {"count" => signed.with(|s| s.iter().map(|r| r.0).collect::<BTreeSet<_>>().len())})}</h2>
            {move || {
                let list = signed.get();
                if list.is_empty() {
                    return view! { <p class="muted">{move_tr!("directory-person-signed-none")}</p> }.into_any();
                }
                view! {
                    <table class="plain">
                        <thead>
                            <tr>
                                <th scope="col">{col_agreement}</th>
                                <th scope="col">{move_tr!("directory-col-period")}</th>
                                <th scope="col">{move_tr!("directory-person-col-position-at-signing")}</th>
                                <th scope="col">{move_tr!("directory-person-col-signed-for")}</th>
                                <th scope="col">{move_tr!("directory-person-col-signed-on")}</th>
                            </tr>
                        </thead>
                        <tbody>
                            {list
                                .into_iter()
                                .map(|(aid, title, years, position, organisation, day)| view! {
                                    <tr>
                                        <td><a href=Route::Agreement(aid).href()>{title}</a></td>
                                        <td class="period">{years}</td>
                                        <td>{if position.is_empty() { "—".to_string() } else { position }}</td>
                                        <td>{organisation}</td>
                                        <td>{day.map(format_date).unwrap_or_default()}</td>
                                    </tr>
                                })
                                .collect_view()}
                        </tbody>
                    </table>
                }
                .into_any()
            }}
        </section>
    }
}
