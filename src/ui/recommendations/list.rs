//! The list of recommendations: pending ones first, by deadline; searched (the core's search:
//! diacritics and case ignored), filtered by status, agreement and lateness; late ones say by
//! how many days.

use leptos::prelude::*;
use leptos_fluent::{move_tr, tr, I18n};

use crate::core::records::meta::Id;
use crate::core::records::recommendation::{Recommendation, RecommendationStatus};
use crate::core::records::record::Record;
use crate::core::rules::dates::format_optional;
use crate::core::rules::validate_activity::days_overdue;
use crate::core::views::listing;
use crate::route::Route;
use crate::ui::events::agreement_link;
use std::sync::Arc;

use crate::ui::exports::{workbook, ExportBar, FileKind, Maker, UiWords};
use crate::ui::list_parts::{EmptyState, ResultCount, SearchBox};
use crate::ui::state::use_app;
use crate::ui::text;

#[component]
pub fn RecommendationList() -> impl IntoView {
    let state = use_app();
    let i18n = expect_context::<I18n>();
    let text = RwSignal::new(String::new());
    let status = RwSignal::new(None::<RecommendationStatus>);
    let agreement = RwSignal::new(None::<Id>);
    let overdue_only = RwSignal::new(false);
    let today = state.today();

    let found = Memo::new(move |_| {
        let query = listing::RecommendationQuery {
            text: text.get(),
            status: status.get(),
            agreement: agreement.get(),
            overdue_on: overdue_only.get().then_some(today),
        };
        state.data.with(|d| {
            listing::find_recommendations_matching(d, &query)
                .into_iter()
                .cloned()
                .collect::<Vec<Recommendation>>()
        })
    });
    // The recommendations as filtered on screen.
    let table = move |words: &UiWords| {
        state.data.with_untracked(|d| {
            found.with_untracked(|rows| {
                let rows: Vec<_> = rows.iter().collect();
                crate::core::exchange::export::tables::recommendations(d, &rows, today, words)
            })
        })
    };
    let files: Vec<(FileKind, Maker)> = vec![
        (
            FileKind::Xlsx,
            Arc::new(move |w: &UiWords| workbook(&[table(w)])),
        ),
        (
            FileKind::Csv,
            Arc::new(move |w: &UiWords| {
                Ok(crate::core::exchange::export::csv::csv(&table(w)).into())
            }),
        ),
    ];
    let total = move || state.data.with(|d| d.recommendations.count_live());
    let filtered = move || {
        status.with(Option::is_some)
            || agreement.with(Option::is_some)
            || overdue_only.get()
            || !text.with(|t| t.trim().is_empty())
    };
    let clear = move |()| {
        text.set(String::new());
        status.set(None);
        agreement.set(None);
        overdue_only.set(false);
    };
    // Only agreements that recommendations concern.
    let agreement_choices = Memo::new(move |_| {
        state.data.with(|d| {
            let used: std::collections::BTreeSet<Id> = d
                .recommendations
                .iter_live()
                .filter_map(|r| r.agreement)
                .collect();
            crate::ui::events::agreement_choices(i18n, d, &[])
                .into_iter()
                .filter(|(id, _)| used.contains(id))
                .collect::<Vec<_>>()
        })
    });

    // Named before the view: leptos-fluent's compile-time key scan skips the first {…} after a
    // `tr` tag name, so no key may sit there only.
    let col_content = move_tr!("recommendations-col-content");
    let overdue = move |days: i64| move || tr!(i18n, "recommendations-overdue", {"days" => days});

    view! {
        <div class="page-head">
            <h1>{move_tr!("recommendations-title")}</h1>
            <a class="button primary" href=Route::RecommendationNew.href()>{move_tr!("recommendations-add")}</a>
        </div>
        <div class="filters" role="search" aria-label=move_tr!("recommendations-filter-label")>
            <SearchBox id="recommendation-search" label=move_tr!("recommendations-search-label")
                placeholder=move_tr!("recommendations-search-placeholder") query=text/>
            <label for="recommendation-filter-status">
                <span>{move_tr!("recommendations-filter-status")}</span>
                <select id="recommendation-filter-status"
                    on:change=move |ev| {
                        let v = event_target_value(&ev);
                        status.set(RecommendationStatus::ALL.into_iter().find(|s| format!("{s:?}") == v));
                    }
                    prop:value=move || status.get().map(|s| format!("{s:?}")).unwrap_or_default()>
                    <option value="">{move_tr!("recommendations-filter-all")}</option>
                    {RecommendationStatus::ALL.into_iter().map(|s| view! {
                        <option value=format!("{s:?}") selected=move || status.get() == Some(s)>{move || text::recommendation_status(i18n, s)}</option>
                    }).collect_view()}
                </select>
            </label>
            <label for="recommendation-filter-agreement">
                <span>{move_tr!("recommendations-filter-agreement")}</span>
                <select id="recommendation-filter-agreement"
                    on:change=move |ev| agreement.set(event_target_value(&ev).parse().ok())
                    prop:value=move || agreement.get().map(|a| a.to_string()).unwrap_or_default()>
                    <option value="">{move_tr!("recommendations-filter-all")}</option>
                    {move || agreement_choices.get().into_iter().map(|(id, title)| view! {
                        <option value=id.to_string() selected=move || agreement.get() == Some(id)>{title}</option>
                    }).collect_view()}
                </select>
            </label>
            <div class="check filter-check">
                <input type="checkbox" id="recommendation-filter-overdue"
                    prop:checked=move || overdue_only.get()
                    on:change=move |ev| overdue_only.set(event_target_checked(&ev))/>
                <label for="recommendation-filter-overdue">{move_tr!("recommendations-filter-overdue")}</label>
            </div>
        </div>
        <ExportBar what="kiến nghị" files=files/>
        <ResultCount
            text=Signal::derive(move || {
                let shown = found.with(Vec::len);
                if filtered() {
                    tr!(i18n, "recommendations-matching", {"shown" => shown, "total" => total()})
                } else {
                    tr!(i18n, "recommendations-count", {"shown" => shown})
                }
            })
            filtered=Signal::derive(filtered) clear_label=move_tr!("recommendations-clear-filters") on_clear=clear/>
        {move || {
            if total() == 0 {
                return view! {
                    <EmptyState title=move_tr!("recommendations-empty-title") text=move_tr!("recommendations-empty-text")>
                        <a class="button primary" href=Route::RecommendationNew.href()>{move_tr!("recommendations-add")}</a>
                    </EmptyState>
                }
                .into_any();
            }
            if found.with(Vec::is_empty) {
                return view! {
                    <EmptyState title=move_tr!("recommendations-no-match-title") text=move_tr!("recommendations-no-match-text")>
                        <button on:click=move |_| clear(())>{move_tr!("recommendations-clear-filters")}</button>
                    </EmptyState>
                }
                .into_any();
            }
            // On a phone the five columns are wider than the screen: the table scrolls, not the page.
            view! {
                <div class="table-scroll">
                    <table class="register">
                        <thead>
                            <tr>
                                <th scope="col">{col_content}</th>
                                <th scope="col" class="parties">{move_tr!("recommendations-col-to")}</th>
                                <th scope="col" class="parties">{move_tr!("recommendations-col-agreement")}</th>
                                <th scope="col">{move_tr!("recommendations-col-deadline")}</th>
                                <th scope="col">{move_tr!("recommendations-col-status")}</th>
                            </tr>
                        </thead>
                        <tbody>
                            {move || found.get().into_iter().map(|r| {
                                let (to, agreement_cell) = state.data.with_untracked(|d| {
                                    (
                                        r.addressed_to.iter().map(|o| d.organisation_label(o)).collect::<Vec<_>>().join(", "),
                                        r.agreement.map(|a| agreement_link(d, a)),
                                    )
                                });
                                let late = days_overdue(&r, today);
                                let status = r.status;
                                view! {
                                    <tr>
                                        <td class="title"><a href=Route::Recommendation(r.id()).href()>{r.content.clone()}</a></td>
                                        <td class="parties">{to}</td>
                                        <td class="parties">{agreement_cell}</td>
                                        <td class="period">
                                            {if r.deadline.is_some() { format_optional(r.deadline) } else { "—".to_string() }}
                                            {late.map(|n| view! { <div class="field-error">{overdue(n)}</div> })}
                                        </td>
                                        <td><span class=text::recommendation_status_class(status)>{move || text::recommendation_status(i18n, status)}</span></td>
                                    </tr>
                                }
                            }).collect_view()}
                        </tbody>
                    </table>
                </div>
            }
            .into_any()
        }}
    }
}
