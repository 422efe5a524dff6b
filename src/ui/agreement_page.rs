//! One agreement: everything recorded about it, its links to other periods and plans, and the
//! actions on it (edit, duplicate for the next period, add a plan, delete).

use leptos::prelude::*;
use leptos_fluent::{move_tr, I18n};

use super::agreement_activity::SectionDrafts;
use super::agreement_summary::{AgreementSummaryCard, SectionPanel, SectionTabs, ShownTab};
use super::state::use_app;
use super::text;
use super::widgets::{status_of, Missing, StatusBadge};
use crate::core::commands::next_period::{convention, next_period_draft, CarryOver, Convention};
use crate::core::records::meta::{new_id, Id, Meta};
use crate::core::records::model::{legal_basis_line, Agreement, AgreementKind, Party};
use crate::core::records::record::{Collection, Record};
use crate::core::rules::dates::{
    format_date, format_instant, format_optional, format_period_years,
};
use crate::core::rules::status::status_in;
use crate::core::rules::validate;
use crate::core::views::document;
use crate::core::views::summary::agreement_summary;
use crate::route::{AgreementTab, Route};

#[component]
pub fn AgreementPage(id: Id) -> impl IntoView {
    let state = use_app();
    let agreement = Memo::new(move |_| state.data.with(|d| d.agreements.get(&id).cloned()));
    // Outlives the redraws below: input typed in one section survives a save in another.
    let drafts = SectionDrafts::new(state, id);
    move || match agreement.get() {
        None => view! { <Missing what=Collection::Agreements deleted=false/> }.into_any(),
        Some(a) if !a.is_live() => {
            view! { <Missing what=Collection::Agreements deleted=true/> }.into_any()
        }
        Some(a) => view! { <AgreementView agreement=a drafts=drafts.clone()/> }.into_any(),
    }
}

fn link_to(state: super::state::AppState, id: Id) -> impl IntoView {
    let title = state
        .data
        .with_untracked(|d| d.agreements.get(&id).map(|a| a.title.clone()));
    match title {
        Some(t) => view! { <a href=Route::Agreement(id).href()>{t}</a> }.into_any(),
        None => view! { <span class="muted">{move_tr!("agreement-not-in-data")}</span> }.into_any(),
    }
}

#[component]
fn AgreementView(agreement: Agreement, drafts: SectionDrafts) -> impl IntoView {
    let state = use_app();
    let i18n = expect_context::<I18n>();
    let a = agreement;
    let id = a.id();
    let info = state
        .data
        .with_untracked(|d| status_in(d, &a, state.today()));
    let warnings: Vec<String> = state.data.with_untracked(|d| {
        validate::agreement(&a, d)
            .iter()
            .filter(|i| !i.is_error())
            .map(|i| text::problem(i18n, &i.problem))
            .collect()
    });
    let (plans, successors) = state.data.with_untracked(|d| {
        (
            d.plans_of(id).into_iter().cloned().collect::<Vec<_>>(),
            d.superseded_by(id)
                .into_iter()
                .map(|s| s.id())
                .collect::<Vec<_>>(),
        )
    });
    let org = move |org_id: Id| {
        let label = state
            .data
            .with_untracked(|d| d.organisations.get(&org_id).map(|o| o.display_name()));
        match label {
            Some(label) => view! { <a href=Route::Organisation(org_id).href()>{label}</a> }.into_any(),
            None => view! { <a href=Route::Organisation(org_id).href()>{move_tr!("agreement-unknown-organisation")}</a> }.into_any(),
        }
    };
    let delete_error = RwSignal::new(None::<Vec<crate::core::records::record::RecordKey>>);
    let title_for_delete = a.title.clone();
    let on_delete = move |_| match state.delete::<Agreement>(id, &title_for_delete) {
        Ok(()) => state.navigate(Route::Agreements),
        Err(blockers) => delete_error.set(Some(blockers)),
    };
    let show_duplicate = RwSignal::new(false);
    let duplicate_source = a.clone();
    let for_plan = a.clone();
    let add_plan = move |_| {
        let mut plan = Agreement::new(
            Meta::new(new_id(), state.stamp().now),
            "",
            AgreementKind::Plan,
        );
        plan.parent = Some(id);
        plan.period = for_plan.period.clone();
        plan.parties = for_plan
            .parties
            .iter()
            .filter(|p| p.lead)
            .map(|p| Party {
                lead: true,
                ..p.clone()
            })
            .collect();
        state.draft.set(Some(plan));
        state.navigate(Route::AgreementNew);
    };

    ShownTab::provide(a.kind);
    // Each section's content is drawn by a closure of its own, which takes its own copy.
    let (for_plans, for_events, for_duties) = (a.clone(), a.clone(), a.clone());
    let (for_recommendations, for_results) = (a.clone(), a.clone());
    let original_draft = drafts.original.clone();
    let is_regulation = a.kind == AgreementKind::Regulation;
    let summary = state
        .data
        .with_untracked(|d| agreement_summary(d, &a, state.today()));
    let (created, updated, edits) = (a.meta.created, a.meta.updated, a.meta.version.total());
    let (print_head, print_signatures) = state
        .data
        .with_untracked(|d| (document::head(&a, d), document::signatures(&a, d)));

    view! {
        <PrintHead head=print_head/>
        <nav class="breadcrumb" aria-label=move_tr!("breadcrumb-label")>
            <a href=Route::Agreements.href()>{move_tr!("nav-agreements")}</a>
            {a.parent.map(|p| view! { " › " {link_to(state, p)} })}
        </nav>
        <div class="page-head">
            <div>
                <p class="eyebrow">{let k = a.kind; move || text::agreement_kind(i18n, k)} {(!a.number.is_empty()).then(|| {
                    let number = a.number.clone();
                    view! { " · " {move_tr!("agreement-number-is", {"number" => number.clone()})} }
                })}</p>
                <h1>{a.title.clone()}</h1>
                <p class="status-line">
                    <StatusBadge info=info.clone()/>
                    <span class="reason">{let reason = info.reason.clone(); move || text::status_reason(i18n, &reason)}</span>
                </p>
            </div>
            <crate::ui::widgets::ReadOnlyNote/>
            <div class="actions">
                <a class="button primary" href=Route::AgreementEdit(id).href()>{move_tr!("action-edit")}</a>
                <a class="button report-open" href=Route::AgreementReport(id, None).href()>{move_tr!("report-open")}</a>
                <super::widgets::PrintButton/>
                <button id="duplicate-open" on:click=move |_| show_duplicate.set(true)>{move_tr!("agreement-duplicate")}</button>
                {(a.kind == AgreementKind::Regulation).then(|| view! { <button on:click=add_plan>{move_tr!("agreement-add-plan")}</button> })}
                <button class="danger" disabled=crate::ui::widgets::read_only(state) on:click=on_delete>{move_tr!("action-delete")}</button>
            </div>
        </div>
        <super::widgets::DeleteRefused blockers=delete_error/>
        <AgreementExports agreement=a.clone()/>
        {(!warnings.is_empty()).then(|| view! {
            <div class="banner warning" role="status">
                <strong>{move_tr!("agreement-warnings")} " "</strong>
                {warnings.into_iter().map(|w| view! { <span>{w} " "</span> }).collect_view()}
            </div>
        })}
        <Show when=move || show_duplicate.get()>
            <DuplicateDialog source=duplicate_source.clone() open=show_duplicate/>
        </Show>

        <AgreementSummaryCard agreement=a.clone() summary=summary.clone()/>
        <SectionTabs agreement=a.clone() summary=summary drafts=drafts.clone()/>

        <SectionPanel tab=AgreementTab::Overview>
        <div class="detail-grid">
            <section class="card">
                <h2>{move_tr!("agreement-general")}</h2>
                <dl class="facts">
                    <dt>{move_tr!("agreement-col-number")}</dt>
                    <dd>{if a.number.is_empty() { move_tr!("agreement-number-none").into_any() } else { a.number.clone().into_any() }}</dd>
                    <dt>{move_tr!("agreement-signed-on")}</dt>
                    <dd>{match a.signing_date() { Some(d) => format_date(d).into_any(), None => move_tr!("agreement-not-signed").into_any() }}</dd>
                    <dt>{move_tr!("agreement-signed-place")}</dt><dd>{if a.signed_place.is_empty() { "—".into() } else { a.signed_place.clone() }}</dd>
                    <dt>{move_tr!("agreement-col-period")}</dt>
                    <dd>
                        {format_period_years(a.period.start, a.period.end)}
                        {(a.period.start.is_some() || a.period.end.is_some()).then(|| view! {
                            <span class="muted">" (" {format_optional(a.period.start)} " – " {format_optional(a.period.end)} ")"</span>
                        })}
                    </dd>
                    {a.supersedes.map(|s| view! { <dt>{move_tr!("agreement-supersedes")}</dt><dd>{link_to(state, s)}</dd> })}
                    {(!successors.is_empty()).then(|| view! {
                        <dt>{move_tr!("agreement-superseded-by")}</dt>
                        <dd>{successors.iter().map(|s| view! { <div>{link_to(state, *s)}</div> }).collect_view()}</dd>
                    })}
                    {a.parent.map(|p| view! { <dt>{move_tr!("agreement-parent")}</dt><dd>{link_to(state, p)}</dd> })}
                </dl>
            </section>
            <section class="card">
                <h2>{move_tr!("agreement-col-parties")}</h2>
                <table class="plain">
                    <thead><tr><th scope="col">{move_tr!("agreement-party-organisation")}</th><th scope="col">{move_tr!("agreement-party-role")}</th></tr></thead>
                    <tbody>
                        {a.parties.iter().map(|p| view! {
                            <tr>
                                <td>{org(p.organisation)} {p.lead.then(|| view! { <span class="badge lead">{move_tr!("agreement-party-lead")}</span> })}</td>
                                <td>{p.role.clone()}</td>
                            </tr>
                        }).collect_view()}
                    </tbody>
                </table>
            </section>
        </div>

        <section class="card">
            <h2>{move_tr!("agreement-signatories")}</h2>
            {if a.signatories.is_empty() {
                view! { <p class="muted">{move_tr!("agreement-signatories-none")}</p> }.into_any()
            } else {
                view! {
                    <table class="plain signatures">
                        <thead><tr>
                            <th scope="col">{move_tr!("agreement-signatory-authority")}</th><th scope="col">{move_tr!("agreement-signatory-position")}</th>
                            <th scope="col">{move_tr!("agreement-signatory-name")}</th><th scope="col">{move_tr!("agreement-signatory-for")}</th><th scope="col">{move_tr!("agreement-signed-on")}</th>
                        </tr></thead>
                        <tbody>
                            {a.signatories.iter().map(|s| {
                                let org_label = state.data.with_untracked(|d| d.organisation_label(&s.organisation));
                                let name = state.data.with_untracked(|d| d.person_name(&s.person));
                                view! {
                                    <tr>
                                        <td>{s.authority.abbreviation()} " " {org_label.clone()}</td>
                                        <td>{s.position.clone()}</td>
                                        <td><a href=Route::Person(s.person).href()>{name}</a></td>
                                        <td>{org_label}</td>
                                        <td>{format_optional(s.signed_on)}</td>
                                    </tr>
                                }
                            }).collect_view()}
                        </tbody>
                    </table>
                }.into_any()
            }}
        </section>

        <super::agreement_original::OriginalSection agreement=a.clone() draft=original_draft/>

        {(!a.legal_basis.is_empty()).then(|| view! {
            <section class="card print-keep legal-basis">
                <h2>{move_tr!("agreement-legal-basis")}</h2>
                <ul>{a.legal_basis.iter().map(|l| view! { <li>{legal_basis_line(l)}</li> }).collect_view()}</ul>
            </section>
        })}

        <section class="card print-keep">
            <h2>{move_tr!("agreement-areas")}</h2>
            {if a.areas.is_empty() {
                view! { <p class="muted">{move_tr!("agreement-areas-none")}</p> }.into_any()
            } else {
                view! {
                    <ol class="areas">
                        {a.areas.iter().map(|area| {
                            let responsible = state.data.with_untracked(|d| area.responsible.iter().map(|o| d.organisation_label(o)).collect::<Vec<_>>().join(", "));
                            view! {
                                <li>
                                    <strong>{area.title.clone()}</strong>
                                    {(!area.description.is_empty()).then(|| view! { <p>{area.description.clone()}</p> })}
                                    {(!responsible.is_empty()).then(|| view! { <p class="muted">{move_tr!("agreement-area-responsible")} " " {responsible}</p> })}
                                </li>
                            }
                        }).collect_view()}
                    </ol>
                }.into_any()
            }}
        </section>

        {(!a.notes.is_empty()).then(|| view! {
            <section class="card">
                <h2>{move_tr!("agreement-notes")}</h2>
                <p class="pre">{a.notes.clone()}</p>
            </section>
        })}
        </SectionPanel>
        {is_regulation.then(move || { let plan_count = plans.len(); view! {
            <SectionPanel tab=AgreementTab::Plans>
            <section class="card">
                <h2>{move_tr!("agreement-plans-title", {"count" => plan_count})}</h2>
                {if plans.is_empty() {
                    view! { <p class="muted">{move_tr!("agreement-plans-none")}</p> }.into_any()
                } else {
                    view! {
                        <table class="plain">
                            <thead><tr><th scope="col">{move_tr!("agreement-col-number")}</th><th scope="col">{move_tr!("agreement-plan")}</th><th scope="col">{move_tr!("agreement-col-period")}</th><th scope="col">{move_tr!("agreement-col-status")}</th></tr></thead>
                            <tbody>
                                {plans.into_iter().map(|p| view! {
                                    <tr>
                                        <td class="number"><span class="agreement-number">{p.number.clone()}</span></td>
                                        <td><a href=Route::Agreement(p.id()).href()>{p.title.clone()}</a></td>
                                        <td>{format_period_years(p.period.start, p.period.end)}</td>
                                        <td><StatusBadge info=status_of(state, &p)/></td>
                                    </tr>
                                }).collect_view()}
                            </tbody>
                        </table>
                    }.into_any()
                }}
            </section>
            <super::agreement_activity::PlanMatrixSection agreement=for_plans/>
            </SectionPanel>
        }})}

        <SectionPanel tab=AgreementTab::Events>
            <super::agreement_activity::EventsSection agreement=for_events/>
        </SectionPanel>
        <SectionPanel tab=AgreementTab::Duties>
            <super::agreement_activity::DutiesSection agreement=for_duties/>
        </SectionPanel>
        <SectionPanel tab=AgreementTab::Recommendations>
            <super::agreement_activity::RecommendationsSection agreement=for_recommendations/>
        </SectionPanel>
        <SectionPanel tab=AgreementTab::Results>
            <super::agreement_activity::AreaResultsSection agreement=for_results.clone() drafts=drafts.clone()/>
            <super::agreement_activity::CloseOutSection agreement=for_results drafts=drafts/>
        </SectionPanel>
        <PrintSignatures columns=print_signatures/>
        <p class="record-meta">
            {move_tr!("agreement-record-meta", {
                "created" => format_instant(created),
                "updated" => format_instant(updated),
                "edits" => edits,
            })}
        </p>
        <crate::ui::history_view::RecordHistory key=crate::core::records::record::RecordKey { collection: crate::core::records::record::Collection::Agreements, id }/>
    }
}

/// The agreement's workbook (plan matrix, duties, results by area) and calendar.
#[component]
fn AgreementExports(agreement: Agreement) -> impl IntoView {
    use super::exports::{workbook, ExportBar, FileKind, Maker, UiWords};
    let state = use_app();
    let today = state.today();
    let id = agreement.id();
    let what = match agreement.number.trim() {
        "" => agreement.title.clone(),
        number => number.to_string(),
    };
    let files: Vec<(FileKind, Maker)> = vec![
        (
            FileKind::Xlsx,
            std::sync::Arc::new(move |w: &UiWords| {
                state.data.with_untracked(|d| match d.agreements.get(&id) {
                    Some(a) => workbook(&crate::core::exchange::export::tables::agreement_tables(
                        d, a, today, w,
                    )),
                    None => Ok(Vec::new().into()),
                })
            }),
        ),
        (
            FileKind::Ics,
            std::sync::Arc::new(move |w: &UiWords| {
                Ok(state
                    .data
                    .with_untracked(|d| {
                        crate::core::exchange::export::ics::calendar(d, Some(id), today, w)
                    })
                    .into_bytes()
                    .into())
            }),
        ),
    ];
    view! { <ExportBar what=what files=files/> }
}

/// The printed document's heading (hidden on screen; style/print.css).
#[component]
fn PrintHead(head: document::DocumentHead) -> impl IntoView {
    let title = head.title.clone();
    view! {
        // The printed document is a Vietnamese administrative document whatever the interface
        // language: its heading (national name and motto) is not interface text.
        <div class="print-only doc-head" lang="vi">
            <DocHeadTable head=head/>
            <p class="doc-title">{title}</p>
        </div>
    }
}

/// Issuing bodies and number on the left, national name and motto with place and date on the
/// right (Nghị định 30/2020): the printed agreement's heading and the period report's.
#[component]
pub(super) fn DocHeadTable(head: document::DocumentHead) -> impl IntoView {
    view! {
        <table class="doc-head-table" role="presentation"><tbody>
            <tr>
                <td class="issuers">
                    {head.issuers.into_iter().map(|i| view! { <div class="issuer">{i}</div> }).collect_view()}
                    <div class="doc-rule"></div>
                    <div class="doc-number">{head.number}</div>
                </td>
                <td class="motto">
                    <div class="nation">"CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"</div>
                    <div class="motto-line">"Độc lập - Tự do - Hạnh phúc"</div>
                    <div class="place-date">{head.place_and_date}</div>
                </td>
            </tr>
        </tbody></table>
    }
}

/// The printed signature block: one column per signatory (authority, position, name), the names
/// on one line whatever the length of the titles above them.
#[component]
fn PrintSignatures(columns: Vec<document::SignatureColumn>) -> impl IntoView {
    (!columns.is_empty()).then(|| {
        let titles = columns
            .iter()
            .map(|c| {
                view! {
                    <td>
                        <div class="sig-authority">{c.authority.clone()}</div>
                        <div class="sig-position">{c.position.clone()}</div>
                    </td>
                }
            })
            .collect_view();
        let space = columns.iter().map(|_| view! { <td></td> }).collect_view();
        let names = columns
            .into_iter()
            .map(|c| view! { <td>{c.name}</td> })
            .collect_view();
        view! {
            <table class="print-only doc-signatures" role="presentation" lang="vi"><tbody>
                <tr class="sig-titles">{titles}</tr>
                <tr class="sig-space">{space}</tr>
                <tr class="sig-names">{names}</tr>
            </tbody></table>
        }
    })
}

/// Asks what to carry into the next period, then opens the form with the draft.
#[component]
fn DuplicateDialog(source: Agreement, open: RwSignal<bool>) -> impl IntoView {
    let state = use_app();
    let defaults = CarryOver::default();
    let parties = RwSignal::new(defaults.parties);
    let areas = RwSignal::new(defaults.areas);
    let legal_basis = RwSignal::new(defaults.legal_basis);
    let notes = RwSignal::new(defaults.notes);
    let duties = RwSignal::new(defaults.duties);
    let recommendations = RwSignal::new(defaults.recommendations);
    // The term it replaced, when known, shows how the series numbers its terms.
    let before = source.supersedes.and_then(|id| {
        state
            .data
            .with_untracked(|d| d.agreements.get(&id).cloned())
    });
    let proposed = next_period_draft(
        &source,
        before.as_ref(),
        CarryOver::default(),
        state.stamp().now,
    );
    let preview_title = proposed.title.clone();
    let proposed_period = format_period_years(proposed.period.start, proposed.period.end);
    let rule = match convention(&source, before.as_ref()) {
        Convention::Consecutive => "consecutive",
        Convention::SharedYear => "shared",
    };
    let create = move |_| {
        let carry = CarryOver {
            parties: parties.get(),
            areas: areas.get(),
            legal_basis: legal_basis.get(),
            notes: notes.get(),
            duties: duties.get(),
            recommendations: recommendations.get(),
        };
        state.draft.set(Some(next_period_draft(
            &source,
            before.as_ref(),
            carry,
            state.stamp().now,
        )));
        open.set(false);
        state.navigate(Route::AgreementNew);
    };
    // Keyboard: the focus moves into the dialog when it opens, Escape closes it, and the focus
    // goes back to the button that opened it.
    Effect::new(move |_| focus_by_id("carry-parties"));
    let close = move || {
        open.set(false);
        focus_by_id("duplicate-open");
    };
    let check = move |signal: RwSignal<bool>, id: &'static str, label: Signal<String>| {
        view! {
            <div class="check">
                <input type="checkbox" id=id prop:checked=move || signal.get() on:change=move |ev| signal.set(event_target_checked(&ev))/>
                <label for=id>{label}</label>
            </div>
        }
    };
    view! {
        <div class="dialog-backdrop" on:keydown=move |ev: leptos::ev::KeyboardEvent| {
            if ev.key() == "Escape" {
                close();
            }
        }>
            <div class="dialog" role="dialog" aria-modal="true" aria-labelledby="duplicate-title">
                <h2 id="duplicate-title">{move_tr!("agreement-duplicate")}</h2>
                <p>{move_tr!("agreement-duplicate-intro")} " " <strong>{preview_title}</strong> ". " {move_tr!("agreement-duplicate-explain")}</p>
                {(!proposed_period.is_empty()).then(|| view! {
                    <p class="help" id="duplicate-convention">{move_tr!("agreement-duplicate-convention", {"period" => proposed_period.clone(), "rule" => rule})}</p>
                })}
                <fieldset>
                    <legend>{move_tr!("agreement-duplicate-carry")}</legend>
                    {check(parties, "carry-parties", move_tr!("agreement-carry-parties"))}
                    {check(areas, "carry-areas", move_tr!("agreement-areas"))}
                    {check(legal_basis, "carry-legal-basis", move_tr!("agreement-legal-basis"))}
                    {check(duties, "carry-duties", move_tr!("agreement-duties"))}
                    {check(recommendations, "carry-recommendations", move_tr!("agreement-carry-recommendations"))}
                    {check(notes, "carry-notes", move_tr!("agreement-notes"))}
                </fieldset>
                <div class="actions">
                    <button class="primary" on:click=create>{move_tr!("agreement-duplicate-create")}</button>
                    <button on:click=move |_| close()>{move_tr!("action-cancel")}</button>
                </div>
            </div>
        </div>
    }
}

fn focus_by_id(id: &str) {
    use wasm_bindgen::JsCast;
    if let Some(el) = document()
        .get_element_by_id(id)
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
    {
        let _ = el.focus();
    }
}
