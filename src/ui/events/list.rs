//! The timeline: events by year, then month, newest first; filtered by agreement,
//! organisation, kind and year.

use crate::core::records::sorting;
use std::collections::BTreeSet;

use chrono::Datelike;
use leptos::prelude::*;
use leptos_fluent::{move_tr, tr, I18n};

use super::{agreement_link, when};
use crate::core::records::event::EventKind;
use crate::core::records::meta::Id;
use crate::core::records::record::Record;
use crate::core::views::listing::{self, collate, EventQuery};
use crate::route::Route;
use std::sync::Arc;

use crate::ui::exports::{workbook, ExportBar, FileKind, Maker, UiWords};
use crate::ui::list_parts::{EmptyState, ResultCount};
use crate::ui::state::use_app;
use crate::ui::text;
use crate::ui::virtual_rows::{Cells, NearParts, VirtualRows, ESTIMATED_ROW_PX, FIRST_BLOCKS};

/// Event ids grouped by year, then month, both newest first. Ids only: a row reads its event
/// when it is drawn, so a filter change costs the few rows on screen, not every event's fields.
type Timeline = Vec<(i32, Vec<(u32, Vec<Id>)>)>;

/// A month table's head, and a month's heading with its margins, as drawn (for the estimates).
const MONTH_HEAD_PX: f64 = 45.0;
const MONTH_HEADING_PX: f64 = 45.0;

#[component]
pub fn EventList() -> impl IntoView {
    let state = use_app();
    let i18n = expect_context::<I18n>();
    let agreement = RwSignal::new(None::<Id>);
    let organisation = RwSignal::new(None::<Id>);
    let kind = RwSignal::new(None::<EventKind>);
    let year = RwSignal::new(None::<i32>);

    let query = move || EventQuery {
        agreement: agreement.get(),
        organisation: organisation.get(),
        kind: kind.get(),
        year: year.get(),
    };
    let timeline = Memo::new(move |_| {
        let query = query();
        state.data.with(|d| {
            let mut out: Timeline = Vec::new();
            for e in listing::find_events(d, &query) {
                let (y, m) = (e.day().year(), e.day().month());
                if out.last().is_none_or(|(last, _)| *last != y) {
                    out.push((y, Vec::new()));
                }
                let months = &mut out.last_mut().expect("a year").1;
                if months.last().is_none_or(|(last, _)| *last != m) {
                    months.push((m, Vec::new()));
                }
                months.last_mut().expect("a month").1.push(e.id());
            }
            out
        })
    });
    // Named before the view: leptos-fluent's compile-time key scan skips the first {…} after a
    // `tr` tag name, so no key may sit there only.
    let heads = Heads {
        when: move_tr!("events-when"),
        event: move_tr!("events-col-event"),
        place: move_tr!("events-place"),
        agreements: move_tr!("events-agreements"),
    };
    let shown = move || {
        timeline.with(|t| {
            t.iter()
                .flat_map(|(_, months)| months.iter().map(|(_, rows)| rows.len()))
                .sum::<usize>()
        })
    };
    let total = move || state.data.with(|d| d.events.count_live());
    let filtered = move || {
        agreement.with(Option::is_some)
            || organisation.with(Option::is_some)
            || kind.with(Option::is_some)
            || year.with(Option::is_some)
    };
    let clear = move |()| {
        agreement.set(None);
        organisation.set(None);
        kind.set(None);
        year.set(None);
    };

    // Only choices that can find something: agreements events link, their parties, event years.
    let agreement_choices = Memo::new(move |_| {
        state.data.with(|d| {
            let linked: BTreeSet<Id> = d
                .events
                .iter_live()
                .flat_map(|e| e.agreements.iter().map(|l| l.agreement))
                .collect();
            super::agreement_choices(i18n, d, &[])
                .into_iter()
                .filter(|(id, _)| linked.contains(id))
                .collect::<Vec<_>>()
        })
    });
    let organisation_choices = Memo::new(move |_| {
        state.data.with(|d| {
            let parties: BTreeSet<Id> = d
                .events
                .iter_live()
                .flat_map(|e| e.agreements.iter())
                .filter_map(|l| d.agreements.get(&l.agreement))
                .flat_map(|a| a.parties.iter().map(|p| p.organisation))
                .collect();
            let mut v: Vec<(Id, String)> = parties
                .into_iter()
                .filter_map(|o| d.organisations.live(&o).map(|o| (o.id(), o.display_name())))
                .collect();
            sorting::sort_by_key(&mut v, |a| collate(&a.1));
            v
        })
    });
    let years = Memo::new(move |_| {
        state.data.with(|d| {
            d.events
                .iter_live()
                .map(|e| e.day().year())
                .collect::<BTreeSet<_>>()
                .into_iter()
                .rev()
                .collect::<Vec<_>>()
        })
    });

    // The events as filtered on screen; the calendar: of the chosen agreement, or of everything.
    let today = state.today();
    let files: Vec<(FileKind, Maker)> = vec![
        (
            FileKind::Xlsx,
            Arc::new(move |w: &UiWords| {
                let query = untrack(query);
                workbook(&[state.data.with_untracked(|d| {
                    crate::core::exchange::export::tables::events(
                        d,
                        &listing::find_events(d, &query),
                        w,
                    )
                })])
            }),
        ),
        (
            FileKind::Ics,
            Arc::new(move |w: &UiWords| {
                let only = agreement.get_untracked();
                Ok(state
                    .data
                    .with_untracked(|d| {
                        crate::core::exchange::export::ics::calendar(d, only, today, w)
                    })
                    .into_bytes()
                    .into())
            }),
        ),
    ];

    view! {
        <div class="page-head">
            <h1>{move_tr!("events-title")}</h1>
            <a class="button primary" href=Route::EventNew.href()>{move_tr!("events-add")}</a>
        </div>
        <div class="filters" role="search" aria-label=move_tr!("events-filter-label")>
            <label for="event-filter-agreement">
                <span>{move_tr!("events-filter-agreement")}</span>
                <select id="event-filter-agreement"
                    on:change=move |ev| agreement.set(event_target_value(&ev).parse().ok())
                    prop:value=move || agreement.get().map(|a| a.to_string()).unwrap_or_default()>
                    <option value="">{move_tr!("events-filter-all")}</option>
                    {move || agreement_choices.get().into_iter().map(|(id, title)| view! {
                        <option value=id.to_string() selected=move || agreement.get() == Some(id)>{title}</option>
                    }).collect_view()}
                </select>
            </label>
            <label for="event-filter-organisation">
                <span>{move_tr!("events-filter-organisation")}</span>
                <select id="event-filter-organisation"
                    on:change=move |ev| organisation.set(event_target_value(&ev).parse().ok())
                    prop:value=move || organisation.get().map(|o| o.to_string()).unwrap_or_default()>
                    <option value="">{move_tr!("events-filter-all")}</option>
                    {move || organisation_choices.get().into_iter().map(|(id, name)| view! {
                        <option value=id.to_string() selected=move || organisation.get() == Some(id)>{name}</option>
                    }).collect_view()}
                </select>
            </label>
            <label for="event-filter-kind">
                <span>{move_tr!("events-kind")}</span>
                <select id="event-filter-kind"
                    on:change=move |ev| {
                        let v = event_target_value(&ev);
                        kind.set(EventKind::ALL.into_iter().find(|k| format!("{k:?}") == v));
                    }
                    prop:value=move || kind.get().map(|k| format!("{k:?}")).unwrap_or_default()>
                    <option value="">{move_tr!("events-filter-all")}</option>
                    {EventKind::ALL.into_iter().map(|k| view! {
                        <option value=format!("{k:?}") selected=move || kind.get() == Some(k)>{move || text::event_kind(i18n, k)}</option>
                    }).collect_view()}
                </select>
            </label>
            <label for="event-filter-year">
                <span>{move_tr!("events-filter-year")}</span>
                <select id="event-filter-year"
                    on:change=move |ev| year.set(event_target_value(&ev).parse().ok())
                    prop:value=move || year.get().map(|y| y.to_string()).unwrap_or_default()>
                    <option value="">{move_tr!("events-filter-any-year")}</option>
                    {move || years.get().into_iter().map(|y| view! {
                        <option value=y.to_string() selected=move || year.get() == Some(y)>{y}</option>
                    }).collect_view()}
                </select>
            </label>
        </div>
        <ExportBar what="sự kiện" calendar="lịch công tác" files=files/>
        <ResultCount
            text=Signal::derive(move || if filtered() {
                tr!(i18n, "events-matching", {"shown" => shown(), "total" => total()})
            } else {
                tr!(i18n, "events-count", {"shown" => shown()})
            })
            filtered=Signal::derive(filtered) clear_label=move_tr!("events-clear-filters") on_clear=clear/>
        {move || {
            if total() == 0 {
                return view! {
                    <EmptyState title=move_tr!("events-empty-title") text=move_tr!("events-empty-text")>
                        <a class="button primary" href=Route::EventNew.href()>{move_tr!("events-add")}</a>
                    </EmptyState>
                }
                .into_any();
            }
            if timeline.with(Vec::is_empty) {
                return view! {
                    <EmptyState title=move_tr!("events-no-match-title") text=move_tr!("events-no-match-text")>
                        <button on:click=move |_| clear(())>{move_tr!("events-clear-filters")}</button>
                    </EmptyState>
                }
                .into_any();
            }
            // The rows read their events untracked: any change to the data draws the page again.
            state.data.track();
            let timeline = timeline.get();
            let month_count = timeline.iter().map(|(_, months)| months.len()).sum();
            // Two levels: a year far from the screen is one box, so "every year" builds the
            // months of the year in view, not all 120.
            let (year_parts, month_parts) = (NearParts::new(timeline.len(), 1), NearParts::new(month_count, 1));
            let mut first_month = 0;
            view! {
                <div class="timeline">
                    {timeline.into_iter().enumerate().map(|(index, (y, months))| {
                        let count: usize = months.iter().map(|(_, ids)| ids.len()).sum();
                        let estimate: f64 = months.iter().map(|(_, ids)| MONTH_HEADING_PX + month_estimate(ids.len())).sum();
                        let months = Arc::new(months);
                        let (month_parts, first) = (month_parts.clone(), first_month);
                        first_month += months.len();
                        view! {
                            <section class="timeline-year" aria-labelledby=format!("year-{y}")>
                                <h2 id=format!("year-{y}")>
                                    {move_tr!("events-year-heading", {"year" => y.to_string()})}
                                    <span class="count">{move_tr!("events-count", {"shown" => count})}</span>
                                </h2>
                                {year_parts.part(index, estimate, move || {
                                    year_months(y, &months, first, &month_parts, heads).into_any()
                                })}
                            </section>
                        }
                    }).collect_view()}
                </div>
            }
            .into_any()
        }}
    }
}

/// A year's months: each its heading (with its count), then its table once near the screen.
/// `first` is the place of the year's first month among all the timeline's months.
fn year_months(
    year: i32,
    months: &[(u32, Vec<Id>)],
    first: usize,
    parts: &NearParts,
    heads: Heads,
) -> impl IntoView {
    months
        .iter()
        .enumerate()
        .map(|(k, (month, ids))| {
            let (index, month, count, ids) = (first + k, *month, ids.len(), ids.clone());
            view! {
                <h3>
                    {move_tr!("events-month-heading", {"month" => month, "year" => year.to_string()})}
                    <span class="count">{move_tr!("events-count", {"shown" => count})}</span>
                </h3>
                {parts.part(index, month_estimate(count), move || view! {
                    <MonthTable ids=ids.clone() first=index == 0 heads=heads/>
                }.into_any())}
            }
        })
        .collect_view()
}

/// A month's table before it is drawn: its head and its rows at their estimated height.
fn month_estimate(rows: usize) -> f64 {
    MONTH_HEAD_PX + rows as f64 * ESTIMATED_ROW_PX
}

/// The timeline's column headings, made once for every month.
#[derive(Clone, Copy)]
struct Heads {
    when: Signal<String>,
    event: Signal<String>,
    place: Signal<String>,
    agreements: Signal<String>,
}

#[component]
fn MonthTable(
    ids: Vec<Id>,
    /// The timeline's first month: its first rows drawn at once; later ones as they come into view.
    first: bool,
    heads: Heads,
) -> impl IntoView {
    let state = use_app();
    let i18n = expect_context::<I18n>();
    let cells: Cells<Id> = Arc::new(move |_, id: &Id| {
        state.data.with_untracked(|d| {
            let Some(e) = d.events.get(id) else {
                return ().into_any();
            };
            let links = e.agreements.iter().map(|l| {
                let role = l.role;
                view! {
                    <div>{agreement_link(d, l.agreement)} <span class="muted">" (" {move || text::event_role(i18n, role)} ")"</span></div>
                }
            }).collect_view();
            let kind = e.kind;
            view! {
                <td class="period">{when(e)}</td>
                <td class="title">
                    <a href=Route::Event(*id).href()>{e.title.clone()}</a>
                    <span class="kind">{move || text::event_kind(i18n, kind)}</span>
                </td>
                <td>{if e.place.is_empty() { "—".to_string() } else { e.place.clone() }}</td>
                <td class="parties">{links}</td>
            }
            .into_any()
        })
    });
    let row_count = ids.len() + 1;
    view! {
        <table class="register virtual events" aria-rowcount=row_count>
            <thead>
                <tr aria-rowindex="1">
                    <th scope="col">{heads.when}</th>
                    <th scope="col">{heads.event}</th>
                    <th scope="col">{heads.place}</th>
                    <th scope="col" class="parties">{heads.agreements}</th>
                </tr>
            </thead>
            <VirtualRows rows=ids columns=4 cells=cells first_blocks=if first { FIRST_BLOCKS } else { 0 }/>
        </table>
    }
}
