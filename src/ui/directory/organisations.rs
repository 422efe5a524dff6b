//! Organisations: the searchable list, and one organisation's page (its form, the agreements it
//! is party to, its sub-organisations, delete).

use crate::core::records::sorting;
use std::collections::{BTreeSet, HashMap};

use leptos::prelude::*;

use crate::core::rules::validate::lengths;
use crate::ui::form_parts::{Counter, Required};
use leptos_fluent::{move_tr, tr, I18n};

use super::{
    focus_first_invalid, has_error, organisation_choices, presence, OrganisationSelect, Presence,
};
use crate::core::records::meta::{new_id, Id, Meta};
use crate::core::records::model::{one_line, Organisation, OrganisationKind};
use crate::core::records::record::{Collection, Record};
use crate::core::records::workspace::Dataset;
use crate::core::rules::dates::{format_instant, format_period_years};
use crate::core::rules::validate::Issue;
use crate::core::storage::drafts::Draft;
use crate::core::views::listing::{self, collate};
use crate::route::Route;
use crate::ui::drafts::{self, DraftKeeper, DraftRestored};
use crate::ui::list_parts::{EmptyState, ResultCount, SearchBox};
use crate::ui::state::use_app;
use crate::ui::text;
use crate::ui::widgets::{status_of, FieldIssues, Missing, StatusBadge};

#[derive(Clone, Debug, PartialEq)]
struct OrganisationRow {
    id: Id,
    name: String,
    short_name: String,
    locality: String,
    kind: OrganisationKind,
    parent: Option<(Id, String, bool)>,
    agreements: usize,
}

/// How many live agreements each organisation is party to.
fn agreement_counts(data: &Dataset) -> HashMap<Id, usize> {
    let mut counts = HashMap::new();
    for a in data.agreements.iter_live() {
        let parties: BTreeSet<Id> = a.parties.iter().map(|p| p.organisation).collect();
        for org in parties {
            *counts.entry(org).or_insert(0) += 1;
        }
    }
    counts
}

#[component]
pub fn OrganisationList() -> impl IntoView {
    let state = use_app();
    let i18n = expect_context::<I18n>();
    let query = RwSignal::new(String::new());
    let counts = Memo::new(move |_| state.data.with(agreement_counts));
    let rows = Memo::new(move |_| {
        let text = query.get();
        state.data.with(|d| {
            counts.with(|counts| {
                listing::find_organisations(d, &text)
                    .into_iter()
                    .map(|o| OrganisationRow {
                        id: o.id(),
                        name: o.name.clone(),
                        short_name: o.short_name.clone(),
                        locality: o.locality.clone(),
                        kind: o.kind,
                        parent: o.parent.map(|p| {
                            (
                                p,
                                d.organisation_label(&p),
                                d.organisations.live(&p).is_some(),
                            )
                        }),
                        agreements: counts.get(&o.id()).copied().unwrap_or(0),
                    })
                    .collect::<Vec<_>>()
            })
        })
    });
    let total = move || state.data.with(|d| d.organisations.count_live());
    let searching = move || !query.with(|q| q.trim().is_empty());
    // Named before the view: leptos-fluent's compile-time key scan skips the first {…} after a
    // `tr` tag name, so no key may sit there only.
    // The list as searched on screen.
    let files: Vec<(crate::ui::exports::FileKind, crate::ui::exports::Maker)> = vec![(
        crate::ui::exports::FileKind::Xlsx,
        std::sync::Arc::new(move |w: &crate::ui::exports::UiWords| {
            let text = query.get_untracked();
            crate::ui::exports::workbook(&[state.data.with_untracked(|d| {
                crate::core::exchange::export::tables::organisations(
                    d,
                    &listing::find_organisations(d, &text),
                    w,
                )
            })])
        }),
    )];
    let col_name = move_tr!("directory-organisation-col-name");

    view! {
        <div class="page-head">
            <h1>{move_tr!("directory-organisations-title")}</h1>
            <a class="button primary" href=Route::OrganisationNew.href()>{move_tr!("directory-organisation-add")}</a>
        </div>
        <div class="filters" role="search">
            <SearchBox id="organisation-search" label=move_tr!("directory-organisation-search-label")
                placeholder=move_tr!("directory-organisation-search-placeholder") query=query/>
        </div>
        <crate::ui::exports::ExportBar what="cơ quan đơn vị" files=files/>
        <ResultCount
            text=Signal::derive(move || {
                let shown = rows.with(Vec::len);
                if searching() {
                    tr!(i18n, "directory-organisations-matching", {"shown" => shown, "total" => total()})
                } else {
                    tr!(i18n, "directory-organisations-count", {"shown" => shown})
                }
            })
            filtered=Signal::derive(searching) clear_label=move_tr!("directory-clear-search")
            on_clear=move |()| query.set(String::new())/>
        {move || {
            if total() == 0 {
                return view! {
                    <EmptyState title=move_tr!("directory-organisations-empty-title") text=move_tr!("directory-organisations-empty-text")>
                        <a class="button primary" href=Route::OrganisationNew.href()>{move_tr!("directory-organisation-add")}</a>
                    </EmptyState>
                }
                .into_any();
            }
            if rows.with(Vec::is_empty) {
                return view! {
                    <EmptyState title=move_tr!("directory-organisations-no-match-title") text=move_tr!("directory-organisations-no-match-text")>
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
                                <th scope="col">{move_tr!("directory-organisation-col-short-name")}</th>
                                <th scope="col">{move_tr!("directory-organisation-col-locality")}</th>
                                <th scope="col">{move_tr!("directory-organisation-col-kind")}</th>
                                <th scope="col">{move_tr!("directory-organisation-col-parent")}</th>
                                <th scope="col" class="number">{move_tr!("directory-organisation-col-agreements")}</th>
                            </tr>
                        </thead>
                        <tbody>
                            {move || {
                                rows.get()
                                    .into_iter()
                                    .map(|row| {
                                        view! {
                                            <tr>
                                                <td class="title"><a href=Route::Organisation(row.id).href()>{row.name}</a></td>
                                                <td>{row.short_name}</td>
                                                <td>{row.locality}</td>
                                                <td>{move || text::organisation_kind(i18n, row.kind)}</td>
                                                <td>
                                                    {row.parent.map(|(pid, label, live)| {
                                                        if live {
                                                            view! { <a href=Route::Organisation(pid).href()>{label}</a> }.into_any()
                                                        } else {
                                                            view! { <span class="muted">{move_tr!("directory-deleted", {"label" => label.clone()})}</span> }.into_any()
                                                        }
                                                    })}
                                                </td>
                                                <td class="number">{row.agreements}</td>
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

#[component]
pub fn OrganisationPage(id: Option<Id>) -> impl IntoView {
    let state = use_app();
    let presence = presence::<Organisation>(state, id);
    move || match (presence.get(), id) {
        (Presence::New, _) => view! { <OrganisationView id=None/> }.into_any(),
        (Presence::Live, Some(id)) => view! { <OrganisationView id=Some(id)/> }.into_any(),
        (Presence::Deleted, _) => {
            view! { <Missing what=Collection::Organisations deleted=true/> }.into_any()
        }
        _ => view! { <Missing what=Collection::Organisations deleted=false/> }.into_any(),
    }
}

/// `id` itself and every organisation below it: none of them can be its parent.
fn self_and_descendants(data: &Dataset, id: Id) -> BTreeSet<Id> {
    let mut found = BTreeSet::from([id]);
    loop {
        let before = found.len();
        for o in data.organisations.iter_all() {
            if o.parent.is_some_and(|p| found.contains(&p)) {
                found.insert(o.id());
            }
        }
        if found.len() == before {
            return found;
        }
    }
}

#[component]
fn OrganisationView(id: Option<Id>) -> impl IntoView {
    drafts::drafted(id, None, move |draft, _, reset| {
        view! { <OrganisationForm id=id draft=draft reset=reset/> }.into_any()
    })
}

#[component]
fn OrganisationForm(
    id: Option<Id>,
    draft: Option<Draft<Organisation>>,
    reset: Callback<()>,
) -> impl IntoView {
    let state = use_app();
    let i18n = expect_context::<I18n>();
    let stored = state
        .data
        .with_untracked(|d| id.and_then(|id| d.organisations.get(&id).cloned()));
    let drafts::Opening {
        fields: initial,
        read,
        restored_at,
        ..
    } = drafts::opening(stored, draft, || {
        Organisation::new(
            Meta::new(new_id(), state.stamp().now),
            "",
            "",
            OrganisationKind::Other,
        )
    });
    let record_id = initial.id();

    let name = RwSignal::new(initial.name.clone());
    let short_name = RwSignal::new(initial.short_name.clone());
    let locality = RwSignal::new(initial.locality.clone());
    // The localities already in the directory, offered as the user types (one spelling each).
    let localities = Memo::new(move |_| {
        state.data.with(|d| {
            let mut seen = std::collections::BTreeMap::new();
            for o in d.organisations.iter_live() {
                let l = o.locality.trim();
                if !l.is_empty() {
                    seen.entry(crate::core::views::search::fold(l))
                        .or_insert_with(|| l.to_string());
                }
            }
            seen.into_values().collect::<Vec<_>>()
        })
    });
    let kind = RwSignal::new(initial.kind);
    let parent = RwSignal::new(initial.parent);
    let notes = RwSignal::new(initial.notes.clone());
    let issues = RwSignal::new(Vec::<Issue>::new());
    // A refused save: how many problems to fix (the same words as every form).
    let form_error = RwSignal::new(None::<usize>);
    let blockers = RwSignal::new(None::<Vec<crate::core::records::record::RecordKey>>);

    // The record as the form shows it, at the version last read or saved: what the user changes
    // is told apart from what changed elsewhere meanwhile (core::form_edit).
    let opened = StoredValue::new(read);
    let initial_parent = initial.parent;
    let parent_choices = Signal::derive(move || {
        state.data.with(|d| {
            let exclude = if id.is_some() {
                self_and_descendants(d, record_id)
            } else {
                BTreeSet::new()
            };
            organisation_choices(i18n, d, &exclude, initial_parent)
        })
    });
    let heading = move || match id {
        None => tr!(i18n, "directory-organisation-new-title"),
        Some(id) => state.data.with(|d| {
            d.organisations
                .get(&id)
                .map(|o| o.display_name())
                .unwrap_or_default()
        }),
    };

    let from_form = move |base: Organisation| Organisation {
        name: one_line(&name.get_untracked()),
        short_name: one_line(&short_name.get_untracked()),
        locality: one_line(&locality.get_untracked()),
        kind: kind.get_untracked(),
        parent: parent.get_untracked(),
        notes: notes.get_untracked().trim_end().to_string(),
        ..base
    };
    let keeper = DraftKeeper::new(state, id, restored_at.is_some(), move || {
        let base = opened.get_value();
        Draft {
            input: from_form(base.clone()),
            texts: Default::default(),
            read: id.is_some().then_some(base),
            saved_at: crate::web::now(),
        }
    });
    let on_change = keeper.on_change();
    let draft_done = keeper.on_done();
    let discard_and_reset = keeper.discard_then(reset);
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let record = from_form(opened.get_value());
        // Saved over what changed elsewhere since the form opened (commands::form_edit).
        let result = state
            .apply(|data, stamp| data.save_organisation_edit(&opened.get_value(), record, stamp));
        match result {
            Ok(result) => {
                name.update(|n| *n = one_line(n));
                short_name.update(|n| *n = one_line(n));
                let saved = state
                    .data
                    .with_untracked(|d| d.organisations.get(&record_id).cloned());
                if let Some(saved) = saved {
                    opened.set_value(from_form(saved));
                }
                // A warning (a name already in the directory) stays in view after saving.
                issues.set(result.warnings.clone());
                form_error.set(None);
                draft_done.run(());
                state.notify_save_result(&result, |i18n| tr!(i18n, "directory-saved"));
                if id.is_none() {
                    state.navigate(Route::Organisation(record_id));
                }
            }
            Err(found) => {
                form_error.set(Some(found.iter().filter(|i| i.is_error()).count()));
                issues.set(found);
                focus_first_invalid("organisation-form");
            }
        }
    };

    let delete = move |_| {
        let label = state
            .data
            .with_untracked(|d| d.organisation_label(&record_id));
        match state.delete::<Organisation>(record_id, &label) {
            Ok(()) => state.navigate(Route::Organisations),
            Err(ids) => blockers.set(Some(ids)),
        }
    };

    view! {
        <nav class="breadcrumb" aria-label=move_tr!("directory-breadcrumb-label")>
            <a href=Route::Organisations.href()>{move_tr!("directory-organisations-title")}</a>
        </nav>
        <div class="page-head">
            <h1>{heading}</h1>
        </div>
        {restored_at.map(|at| view! { <DraftRestored saved_at=at on_discard=discard_and_reset/> })}
        <section class="card">
            <h2>{if id.is_some() { move_tr!("directory-organisation-details") } else { move_tr!("directory-organisation-new-details") }}</h2>
            <form id="organisation-form" class="stack narrow" on:submit=save novalidate=true on:input=on_change.clone() on:change=on_change>
                <label for="organisation-name">{move_tr!("directory-organisation-name-label")}<Required/></label>
                <input
                    id="organisation-name"
                    type="text"
                    required=true
                    placeholder=move_tr!("directory-organisation-name-placeholder")
                    aria-invalid=move || has_error(issues, "name").then_some("true")
                    prop:value=move || name.get()
                    on:input=move |ev| name.set(event_target_value(&ev))
                />
                <Counter text=name max=lengths::ORGANISATION_NAME/>
                <FieldIssues issues=issues field="name".to_string()/>

                <label for="organisation-short-name">{move_tr!("directory-organisation-short-name-label")}</label>
                <input
                    id="organisation-short-name"
                    type="text"
                    placeholder=move_tr!("directory-organisation-short-name-placeholder")
                    aria-describedby="organisation-short-name-help"
                    prop:value=move || short_name.get()
                    on:input=move |ev| short_name.set(event_target_value(&ev))
                />
                <Counter text=short_name max=lengths::SHORT_NAME/>
                <FieldIssues issues=issues field="short_name".to_string()/>
                <p id="organisation-short-name-help" class="help">{move_tr!("directory-organisation-short-name-help")}</p>

                <label for="organisation-locality">{move_tr!("directory-organisation-locality-label")}</label>
                <input
                    id="organisation-locality"
                    type="text"
                    list="organisation-localities"
                    placeholder=move_tr!("directory-organisation-locality-placeholder")
                    aria-describedby="organisation-locality-help"
                    prop:value=move || locality.get()
                    on:input=move |ev| locality.set(event_target_value(&ev))
                />
                <datalist id="organisation-localities">
                    {move || localities.get().into_iter().map(|l| view! { <option value=l></option> }).collect_view()}
                </datalist>
                <p id="organisation-locality-help" class="help">{move_tr!("directory-organisation-locality-help")}</p>

                <label for="organisation-kind">{move_tr!("directory-organisation-kind-label")}</label>
                <select
                    id="organisation-kind"
                    on:change=move |ev| {
                        let value = event_target_value(&ev);
                        kind.set(OrganisationKind::ALL.into_iter().find(|k| format!("{k:?}") == value).unwrap_or_default());
                    }
                >
                    {OrganisationKind::ALL
                        .into_iter()
                        .map(|k| view! { <option value=format!("{k:?}") prop:selected=move || kind.get() == k>{move || text::organisation_kind(i18n, k)}</option> })
                        .collect_view()}
                </select>

                <label for="organisation-parent">{move_tr!("directory-organisation-parent-label")}</label>
                <OrganisationSelect
                    id="organisation-parent"
                    value=parent
                    choices=parent_choices
                    none_label=move_tr!("directory-organisation-no-parent")
                    invalid=Signal::derive(move || has_error(issues, "parent"))
                />
                <FieldIssues issues=issues field="parent".to_string()/>

                <label for="organisation-notes">{move_tr!("directory-notes-label")}</label>
                <textarea id="organisation-notes" rows="3" prop:value=move || notes.get() on:input=move |ev| notes.set(event_target_value(&ev))></textarea>

                {move || form_error.get().map(|count| view! {
                    <p class="field-error" role="alert">{move_tr!("form-not-saved", {"count" => count})}</p>
                })}
                <crate::ui::widgets::ReadOnlyNote/>
                <div class="actions">
                    <button type="submit" class="primary" disabled=crate::ui::widgets::read_only(state)>{move_tr!("directory-save")}</button>
                    {id.is_none().then(|| view! { <a class="button" href=Route::Organisations.href() on:click=move |_| draft_done.run(())>{move_tr!("directory-cancel")}</a> })}
                </div>
            </form>
        </section>
        {id.map(|id| view! {
            <OrganisationAgreements id=id/>
            <SubOrganisations id=id/>
            <section class="card">
                <h2>{move_tr!("directory-organisation-delete-title")}</h2>
                <p class="help">{move_tr!("directory-organisation-delete-help")}</p>
                <crate::ui::widgets::DeleteRefused
                    blockers=blockers
                    explanation=tr!(i18n, "directory-organisation-delete-refused")
                />
                <button class="danger" disabled=crate::ui::widgets::read_only(state) on:click=delete>{move_tr!("directory-delete")}</button>
            </section>
            <p class="record-meta">
                {move || state.data.with(|d| d.organisations.get(&id).map(|o| tr!(i18n, "directory-record-meta", {
                    "created" => format_instant(o.meta.created),
                    "updated" => format_instant(o.meta.updated),
                    "edits" => o.meta.version.total(),
                })))}
            </p>
            <crate::ui::history_view::RecordHistory key=crate::core::records::record::RecordKey { collection: crate::core::records::record::Collection::Organisations, id: id }/>
        })}
    }
}

/// The live agreements the organisation is party to, newest period first.
#[component]
fn OrganisationAgreements(id: Id) -> impl IntoView {
    let state = use_app();
    let i18n = expect_context::<I18n>();
    let agreements = Memo::new(move |_| {
        state.data.with(|d| {
            listing::agreements_of(d, id)
                .into_iter()
                .cloned()
                .collect::<Vec<_>>()
        })
    });
    // Named before the view: the compile-time key scan skips the first {…} after a `tr` tag name.
    let col_agreement = move_tr!("directory-col-agreement");
    let lead_badge = move_tr!("directory-organisation-lead");
    view! {
        <section class="card">
            <h2>{move || tr!(i18n, "directory-organisation-agreements-title", {"count" => agreements.with(Vec::len)})}</h2>
            {move || {
                let list = agreements.get();
                if list.is_empty() {
                    return view! { <p class="muted">{move_tr!("directory-organisation-agreements-none")}</p> }.into_any();
                }
                view! {
                    <table class="plain">
                        <thead>
                            <tr>
                                <th scope="col">{col_agreement}</th>
                                <th scope="col">{move_tr!("directory-col-period")}</th>
                                <th scope="col">{move_tr!("directory-organisation-col-role")}</th>
                                <th scope="col">{move_tr!("directory-organisation-col-status")}</th>
                            </tr>
                        </thead>
                        <tbody>
                            {list
                                .into_iter()
                                .map(|a| {
                                    let party = a.parties.iter().find(|p| p.organisation == id).cloned();
                                    let (role, lead) = party.map(|p| (p.role, p.lead)).unwrap_or_default();
                                    view! {
                                        <tr>
                                            <td><a href=Route::Agreement(a.id()).href()>{a.title.clone()}</a></td>
                                            <td class="period">{format_period_years(a.period.start, a.period.end)}</td>
                                            <td>
                                                {lead.then(|| view! { <span class="badge lead">{lead_badge}</span> " " })}
                                                {role}
                                            </td>
                                            <td><StatusBadge info=status_of(state, &a)/></td>
                                        </tr>
                                    }
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

/// The live organisations directly under this one.
#[component]
fn SubOrganisations(id: Id) -> impl IntoView {
    let state = use_app();
    let i18n = expect_context::<I18n>();
    let children = Memo::new(move |_| {
        state.data.with(|d| {
            let mut found: Vec<(Id, String)> = d
                .organisations
                .iter_live()
                .filter(|o| o.parent == Some(id))
                .map(|o| (o.id(), o.display_name()))
                .collect();
            sorting::sort_by_key(&mut found, |(_, name)| collate(name));
            found
        })
    });
    view! {
        <section class="card">
            <h2>{move || tr!(i18n, "directory-organisation-children-title", {"count" => children.with(Vec::len)})}</h2>
            {move || {
                let list = children.get();
                if list.is_empty() {
                    return view! { <p class="muted">{move_tr!("directory-organisation-children-none")}</p> }.into_any();
                }
                view! {
                    <ul>
                        {list
                            .into_iter()
                            .map(|(cid, name)| view! { <li><a href=Route::Organisation(cid).href()>{name}</a></li> })
                            .collect_view()}
                    </ul>
                }
                .into_any()
            }}
        </section>
    }
}
