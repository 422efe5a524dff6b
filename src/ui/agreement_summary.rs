//! The top of an agreement's page: what a clerk looks for first (status, period, parties, the
//! next thing due, what there is under it) and the links to its sections, each with its own
//! address (#/agreements/<id>/events), so the page never needs scrolling to find a section.

use leptos::prelude::*;
use leptos_fluent::{move_tr, tr, I18n};

use super::dashboard::{distance, due_kind_label};
use super::state::use_app;
use super::widgets::record_link;
use crate::core::records::model::{Agreement, AgreementKind};
use crate::core::records::record::Record;
use crate::core::rules::dates::{format_date, format_period_years};
use crate::core::views::dashboard::DueKind;
use crate::core::views::summary::AgreementSummary;
use crate::route::{AgreementTab, Route};

#[component]
pub fn AgreementSummaryCard(agreement: Agreement, summary: AgreementSummary) -> impl IntoView {
    let state = use_app();
    let i18n = expect_context::<I18n>();
    let today = state.today();
    let parties = state.data.with_untracked(|d| {
        agreement
            .parties
            .iter()
            .map(|p| (d.organisation_label(&p.organisation), p.lead))
            .collect::<Vec<_>>()
    });
    let period = if agreement.period.start.is_none() && agreement.period.end.is_none() {
        None
    } else {
        Some(format_period_years(
            agreement.period.start,
            agreement.period.end,
        ))
    };
    let s = summary.clone();
    let counts = move || {
        let mut parts = vec![
            tr!(i18n, "agreement-summary-events", {"count" => s.events}),
            tr!(i18n, "agreement-summary-recommendations", {"count" => s.recommendations, "open" => s.recommendations_open}),
        ];
        if agreement.kind == AgreementKind::Regulation {
            parts.push(tr!(i18n, "agreement-summary-plans", {"count" => s.plans}));
        }
        parts.push(tr!(i18n, "agreement-summary-areas", {"count" => s.areas}));
        parts.join(" · ")
    };
    let overdue = summary.overdue;
    view! {
        <section class="agreement-summary" aria-label=move_tr!("agreement-summary-label")>
            <dl>
                <div>
                    <dt>{move_tr!("agreement-col-period")}</dt>
                    <dd>{period.unwrap_or_else(|| "—".into())}</dd>
                </div>
                <div class="summary-parties">
                    <dt>{move_tr!("agreement-col-parties")}</dt>
                    <dd>
                        {if parties.is_empty() { Some(view! { "—" }) } else { None }}
                        // Text, not links: the overview lists the same parties as links.
                        {parties.into_iter().enumerate().map(|(i, (label, lead))| view! {
                            {(i > 0).then_some(" · ")}
                            {label}
                            {lead.then(|| view! { " " <span class="badge lead">{move_tr!("agreement-party-lead")}</span> })}
                        }).collect_view()}
                    </dd>
                </div>
                <div class="summary-next">
                    <dt>{move_tr!("agreement-summary-next")}</dt>
                    <dd>{match summary.next_due {
                        None => view! { <span class="muted">{move_tr!("agreement-summary-nothing-due")}</span> }.into_any(),
                        Some(item) => {
                            let due = item.due;
                            let kind = item.kind.clone();
                            let is_self = item.record.id == agreement.id();
                            let duties = Route::AgreementSection(agreement.id(), AgreementTab::Duties).href();
                            view! {
                                {if is_self && matches!(item.kind, DueKind::Duty { .. }) {
                                    view! { <a href=duties>{move || due_kind_label(i18n, &kind)}</a> }.into_any()
                                } else {
                                    view! { <span>{move || due_kind_label(i18n, &kind)}</span> }.into_any()
                                }}
                                {(!is_self).then(|| view! { ": " {record_link(state, item.record)}})}
                                " · " {move_tr!("dashboard-due-on", {"date" => format_date(due)})} " · "
                                <strong class:late=due < today>{move || distance(i18n, due, today)}</strong>
                            }.into_any()
                        }
                    }}</dd>
                </div>
                <div>
                    <dt>{move_tr!("agreement-summary-counts")}</dt>
                    <dd>
                        {counts}
                        {(overdue > 0).then(|| view! {
                            " · " <strong class="late">{move_tr!("agreement-summary-overdue", {"count" => overdue})}</strong>
                        })}
                    </dd>
                </div>
            </dl>
        </section>
    }
}

/// The sections of the page, as links: each is an address of its own, so Back and Forward move
/// between them and a reload or a shared link opens the same section.
#[component]
pub fn SectionTabs(
    agreement: Agreement,
    summary: AgreementSummary,
    drafts: super::agreement_activity::SectionDrafts,
) -> impl IntoView {
    let i18n = expect_context::<I18n>();
    let id = agreement.id();
    let current = expect_context::<ShownTab>().0;
    let tabs: Vec<AgreementTab> = AgreementTab::ALL
        .into_iter()
        .filter(|t| *t != AgreementTab::Plans || agreement.kind == AgreementKind::Regulation)
        .collect();
    let label = move |tab: AgreementTab| match tab {
        AgreementTab::Overview => tr!(i18n, "agreement-tab-overview"),
        AgreementTab::Plans => tr!(i18n, "agreement-tab-plans", {"count" => summary.plans}),
        AgreementTab::Events => tr!(i18n, "agreement-tab-events", {"count" => summary.events}),
        AgreementTab::Duties => tr!(i18n, "agreement-tab-duties", {"count" => summary.duties}),
        AgreementTab::Recommendations => {
            tr!(i18n, "agreement-tab-recommendations", {"count" => summary.recommendations})
        }
        AgreementTab::Results => tr!(i18n, "agreement-tab-results"),
    };
    view! {
        <nav class="section-tabs" aria-label=move_tr!("agreement-tabs-label")>
            {tabs.into_iter().map(|tab| view! {
                <a href=Route::agreement_tab(id, tab).href()
                    id=format!("tab-{}", tab.name())
                    class:active=move || current.get() == Some(tab)
                    aria-current=move || (current.get() == Some(tab)).then_some("location")>
                    {move || label(tab)}
                    {let drafts = drafts.clone(); move || drafts.restored_in(tab).then(|| view! {
                        " " <span class="tab-draft">{move_tr!("agreement-tab-draft")}</span>
                    })}
                </a>
            }).collect_view()}
        </nav>
    }
}

/// One section's content, shown while its link is the current one. Every section stays drawn
/// (what its forms hold survives a switch; the print keeps the document's parts from any).
#[component]
pub fn SectionPanel(tab: AgreementTab, children: Children) -> impl IntoView {
    let shown = expect_context::<ShownTab>().0;
    let hidden = move || shown.get() != Some(tab);
    view! {
        <div class="tab-panel" id=format!("section-{}", tab.name()) hidden=hidden>
            {children()}
        </div>
    }
}

/// The section shown, as the page's sections and links read it: a plan has no plans of its own,
/// so its "plans" address shows the overview.
#[derive(Clone, Copy)]
pub struct ShownTab(Memo<Option<AgreementTab>>);

impl ShownTab {
    pub fn provide(kind: AgreementKind) {
        let state = use_app();
        let shown = Memo::new(move |_| {
            state.route.with(AgreementTab::of).map(|tab| match tab {
                AgreementTab::Plans if kind != AgreementKind::Regulation => AgreementTab::Overview,
                tab => tab,
            })
        });
        provide_context(ShownTab(shown));
    }
}
