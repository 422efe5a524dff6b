//! The agreement register: search as you type, filters, sort.

use leptos::prelude::*;
use leptos_fluent::{move_tr, tr, I18n};

use super::exports::{workbook, ExportBar, FileKind, Maker, UiWords};
use super::list_parts::{EmptyState, ResultCount, SearchBox};
use super::state::{use_app, AppState};
use super::text;
use super::virtual_rows::{Cells, VirtualRows};
use super::widgets::StatusBadge;
use crate::core::records::meta::Id;
use crate::core::records::model::{AgreementKind, Status};
use crate::core::records::record::Record;
use crate::core::rules::dates::format_period_years;
use crate::core::rules::status::{self, StatusInfo};
use crate::core::views::listing::{self, AgreementQuery, AgreementSort};
use crate::route::Route;
use std::collections::HashMap;

fn sort_label(i18n: I18n, s: AgreementSort) -> String {
    match s {
        AgreementSort::Relevance => tr!(i18n, "agreement-sort-relevance"),
        AgreementSort::RecentlyChanged => tr!(i18n, "agreement-sort-recently-changed"),
        AgreementSort::SigningDate => tr!(i18n, "agreement-sort-signing-date"),
        AgreementSort::PeriodStart => tr!(i18n, "agreement-sort-period-start"),
        AgreementSort::Title => tr!(i18n, "agreement-sort-title"),
        AgreementSort::Number => tr!(i18n, "agreement-sort-number"),
    }
}

#[component]
pub fn AgreementList(
    /// Opens the register already filtered (the dashboard's counts link here).
    #[prop(optional)]
    initial_status: Option<Status>,
) -> impl IntoView {
    let state = use_app();
    let i18n = expect_context::<I18n>();
    let text_query = RwSignal::new(String::new());
    let status = RwSignal::new(initial_status);
    let kind = RwSignal::new(None::<AgreementKind>);
    let organisation = RwSignal::new(None::<crate::core::records::meta::Id>);
    let year = RwSignal::new(None::<i32>);
    let sort = RwSignal::new(AgreementSort::Relevance);

    // Folded once per data change, not per keystroke.
    let haystacks = Memo::new(move |_| state.data.with(listing::agreement_haystacks));
    let today = state.today();
    // Every agreement's status, from one pass over the events, also once per data change: the
    // status filter and the rows drawn read theirs here.
    let statuses = Memo::new(move |_| state.data.with(|d| status::statuses(d, today)));
    // The ids found, in order: each row reads its agreement when it is drawn.
    let results = Memo::new(move |_| {
        let query = AgreementQuery {
            text: text_query.get(),
            status: status.get(),
            kind: kind.get(),
            organisation: organisation.get(),
            year: year.get(),
            sort: sort.get(),
        };
        state.data.with(|data| {
            haystacks.with(|h| {
                statuses.with(|s| {
                    listing::find_agreements(data, h, &query, s)
                        .into_iter()
                        .map(|a| a.id())
                        .collect::<Vec<_>>()
                })
            })
        })
    });
    let total = move || state.data.with(|d| d.agreements.count_live());
    let filtered = move || {
        !text_query.with(String::is_empty)
            || status.with(Option::is_some)
            || kind.with(Option::is_some)
            || organisation.with(Option::is_some)
            || year.with(Option::is_some)
    };
    let clear = move |()| {
        text_query.set(String::new());
        status.set(None);
        kind.set(None);
        organisation.set(None);
        year.set(None);
    };
    let organisations = move || {
        state.data.with(|d| {
            listing::find_organisations(d, "")
                .into_iter()
                .map(|o| (o.id().to_string(), o.display_name()))
                .collect::<Vec<_>>()
        })
    };
    let years = move || state.data.with(listing::years_covered);
    // The register as filtered and sorted on screen.
    let register = move |words: &UiWords| {
        state.data.with_untracked(|d| {
            results.with_untracked(|ids| {
                let rows: Vec<_> = ids.iter().filter_map(|id| d.agreements.get(id)).collect();
                crate::core::exchange::export::tables::agreements(d, &rows, today, words)
            })
        })
    };
    let files: Vec<(FileKind, Maker)> = vec![
        (
            FileKind::Xlsx,
            std::sync::Arc::new(move |w: &UiWords| workbook(&[register(w)])),
        ),
        (
            FileKind::Csv,
            std::sync::Arc::new(move |w: &UiWords| {
                Ok(crate::core::exchange::export::csv::csv(&register(w)).into())
            }),
        ),
        (
            FileKind::Ics,
            std::sync::Arc::new(move |w: &UiWords| {
                Ok(state
                    .data
                    .with_untracked(|d| {
                        crate::core::exchange::export::ics::calendar(d, None, today, w)
                    })
                    .into_bytes()
                    .into())
            }),
        ),
    ];

    view! {
        <div class="page-head">
            <h1>{move_tr!("agreement-list-title")}</h1>
            <a class="button primary" href=Route::AgreementNew.href()>{move_tr!("agreement-add")}</a>
        </div>
        <div class="filters" role="search">
            <SearchBox id="agreement-search" label=move_tr!("agreement-list-search-label")
                placeholder=move_tr!("agreement-list-search-placeholder") query=text_query/>
            <label>
                <span>{move_tr!("agreement-list-filter-status")}</span>
                <select on:change=move |ev| status.set(parse_status(&event_target_value(&ev)))
                    prop:value=move || status.get().map(|s| format!("{s:?}")).unwrap_or_default()>
                    <option value="">{move_tr!("filter-all")}</option>
                    {Status::ALL.into_iter().map(|s| view! { <option value=format!("{s:?}") selected=move || status.get() == Some(s)>{move || text::status(i18n, s)}</option> }).collect_view()}
                </select>
            </label>
            <label>
                <span>{move_tr!("agreement-list-filter-kind")}</span>
                <select on:change=move |ev| kind.set(parse_kind(&event_target_value(&ev)))
                    prop:value=move || kind.get().map(|k| format!("{k:?}")).unwrap_or_default()>
                    <option value="">{move_tr!("filter-all")}</option>
                    {AgreementKind::ALL.into_iter().map(|k| view! { <option value=format!("{k:?}")>{move || text::agreement_kind_short(i18n, k)}</option> }).collect_view()}
                </select>
            </label>
            <label>
                <span>{move_tr!("agreement-list-filter-organisation")}</span>
                <select on:change=move |ev| organisation.set(event_target_value(&ev).parse().ok())
                    prop:value=move || organisation.get().map(|o| o.to_string()).unwrap_or_default()>
                    <option value="">{move_tr!("filter-all")}</option>
                    {move || organisations().into_iter().map(|(id, name)| view! { <option value=id>{name}</option> }).collect_view()}
                </select>
            </label>
            <label>
                <span>{move_tr!("agreement-list-filter-year")}</span>
                <select on:change=move |ev| year.set(event_target_value(&ev).parse().ok())
                    prop:value=move || year.get().map(|y| y.to_string()).unwrap_or_default()>
                    <option value="">{move_tr!("filter-any-year")}</option>
                    {move || years().into_iter().map(|y| view! { <option value=y.to_string()>{y}</option> }).collect_view()}
                </select>
            </label>
            <label>
                <span>{move_tr!("agreement-list-sort")}</span>
                <select on:change=move |ev| sort.set(AgreementSort::ALL.into_iter().find(|s| format!("{s:?}") == event_target_value(&ev)).unwrap_or_default())
                    prop:value=move || format!("{:?}", sort.get())>
                    {AgreementSort::ALL.into_iter().map(|s| view! { <option value=format!("{s:?}")>{move || sort_label(i18n, s)}</option> }).collect_view()}
                </select>
            </label>
        </div>
        <ExportBar what="danh mục văn bản" calendar="lịch công tác" files=files/>
        <ResultCount
            text=Signal::derive(move || {
                let shown = results.with(Vec::len);
                if filtered() {
                    tr!(i18n, "agreement-list-count-filtered", {"shown" => shown, "total" => total()})
                } else {
                    tr!(i18n, "agreement-list-count", {"count" => shown})
                }
            })
            filtered=Signal::derive(filtered) clear_label=move_tr!("filter-clear") on_clear=clear/>
        {move || {
            if total() == 0 {
                return view! {
                    <EmptyState title=move_tr!("agreement-list-empty-title")>
                        <p>{move_tr!("agreement-list-empty-text")} " "
                            <a href="#/organisations">{move_tr!("nav-organisations")}</a> "."</p>
                        <a class="button primary" href=Route::AgreementNew.href()>{move_tr!("agreement-add")}</a>
                    </EmptyState>
                }.into_any();
            }
            if results.with(Vec::is_empty) {
                return view! {
                    <EmptyState title=move_tr!("agreement-list-no-match-title") text=move_tr!("agreement-list-no-match-text")>
                        <button on:click=move |_| clear(())>{move_tr!("filter-clear")}</button>
                    </EmptyState>
                }.into_any();
            }
            // The rows read their agreements and statuses untracked: a change to any redraws them.
            statuses.track();
            let rows = results.get();
            let row_count = rows.len() + 1;
            view! {
                <table class="register virtual agreements" aria-rowcount=row_count>
                    <thead>
                        <tr aria-rowindex="1">
                            <th scope="col">{move_tr!("agreement-col-number")}</th>
                            <th scope="col">{move_tr!("agreement-col-title")}</th>
                            <th scope="col" class="parties">{move_tr!("agreement-col-parties")}</th>
                            <th scope="col">{move_tr!("agreement-col-period")}</th>
                            <th scope="col">{move_tr!("agreement-col-status")}</th>
                        </tr>
                    </thead>
                    <VirtualRows rows=rows columns=5 cells=register_cells(state, i18n, statuses)/>
                </table>
            }.into_any()
        }}
    }
}

/// One row of the register.
fn register_cells(
    state: AppState,
    i18n: I18n,
    statuses: Memo<HashMap<Id, StatusInfo>>,
) -> Cells<Id> {
    std::sync::Arc::new(move |_, id: &Id| {
        let info = statuses.with_untracked(|s| s.get(id).cloned());
        state.data.with_untracked(|d| {
            let Some(a) = d.agreements.get(id) else {
                return ().into_any();
            };
            let parties = a
                .parties
                .iter()
                .map(|p| d.organisation_label(&p.organisation))
                .collect::<Vec<_>>()
                .join(" · ");
            let kind = a.kind;
            view! {
                <td class="number"><span class="agreement-number">{if a.number.is_empty() { "—".to_string() } else { a.number.clone() }}</span></td>
                <td class="title">
                    <a href=Route::Agreement(*id).href()>{a.title.clone()}</a>
                    <span class="kind">{move || text::agreement_kind_short(i18n, kind)}</span>
                </td>
                <td class="parties">{parties}</td>
                <td class="period">{format_period_years(a.period.start, a.period.end)}</td>
                <td>{info.map(|info| view! { <StatusBadge info=info/> })}</td>
            }
            .into_any()
        })
    })
}

fn parse_status(value: &str) -> Option<Status> {
    Status::ALL.into_iter().find(|s| format!("{s:?}") == value)
}

fn parse_kind(value: &str) -> Option<AgreementKind> {
    AgreementKind::ALL
        .into_iter()
        .find(|k| format!("{k:?}") == value)
}
