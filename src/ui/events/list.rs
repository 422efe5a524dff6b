//! The timeline: events by year, then month, newest first; filtered by agreement,
//! organisation, kind and year.

use std::collections::BTreeSet;

use chrono::Datelike;
use leptos::prelude::*;
use leptos_fluent::{move_tr, tr, I18n};

use super::{agreement_link, when};
use crate::core::records::event::{EventKind, EventRole};
use crate::core::records::meta::Id;
use crate::core::records::record::Record;
use crate::core::views::listing::{self, collate, EventQuery};
use crate::route::Route;
use std::sync::Arc;

use crate::ui::exports::{workbook, ExportBar, FileKind, Maker, UiWords};
use crate::ui::list_parts::{EmptyState, ResultCount};
use crate::ui::state::use_app;
use crate::ui::text;
use crate::ui::virtual_rows::{Cells, VirtualRows, FIRST_BLOCKS};

#[derive(Clone, Debug, PartialEq)]
struct Row {
    id: Id,
    when: String,
    kind: EventKind,
    title: String,
    place: String,
    links: Vec<(Id, EventRole)>,
}

/// Rows grouped by year, then month, both newest first.
type Timeline = Vec<(i32, Vec<(u32, Vec<Row>)>)>;

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
                months.last_mut().expect("a month").1.push(Row {
                    id: e.id(),
                    when: when(e),
                    kind: e.kind,
                    title: e.title.clone(),
                    place: e.place.clone(),
                    links: e.agreements.iter().map(|l| (l.agreement, l.role)).collect(),
                });
            }
            out
        })
    });
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
            v.sort_by_key(|a| collate(&a.1));
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
            view! {
                <div class="timeline">
                    {timeline.get().into_iter().enumerate().map(|(n, (y, months))| view! {
                        <section class="timeline-year" aria-labelledby=format!("year-{y}")>
                            <h2 id=format!("year-{y}")>{move_tr!("events-year-heading", {"year" => y.to_string()})}</h2>
                            {months.into_iter().enumerate().map(|(k, (m, rows))| view! {
                                <h3>{move_tr!("events-month-heading", {"month" => m, "year" => y.to_string()})}</h3>
                                <MonthTable rows=rows first=n == 0 && k == 0/>
                            }).collect_view()}
                        </section>
                    }).collect_view()}
                </div>
            }
            .into_any()
        }}
    }
}

#[component]
fn MonthTable(
    rows: Vec<Row>,
    /// The timeline's first month: drawn at once; later ones as they come into view.
    first: bool,
) -> impl IntoView {
    let state = use_app();
    let i18n = expect_context::<I18n>();
    // Named before the view: leptos-fluent's compile-time key scan skips the first {…} after a
    // `tr` tag name, so no key may sit there only.
    let col_when = move_tr!("events-when");
    let cells: Cells<Row> = Arc::new(move |_, row: &Row| {
        let links = state.data.with_untracked(|d| {
            row.links.iter().map(|&(aid, role)| view! {
                <div>{agreement_link(d, aid)} <span class="muted">" (" {move || text::event_role(i18n, role)} ")"</span></div>
            }).collect_view()
        });
        let kind = row.kind;
        view! {
            <td class="period">{row.when.clone()}</td>
            <td class="title">
                <a href=Route::Event(row.id).href()>{row.title.clone()}</a>
                <span class="kind">{move || text::event_kind(i18n, kind)}</span>
            </td>
            <td>{if row.place.is_empty() { "—".to_string() } else { row.place.clone() }}</td>
            <td class="parties">{links}</td>
        }
        .into_any()
    });
    let row_count = rows.len() + 1;
    view! {
        <table class="register virtual events" aria-rowcount=row_count>
            <thead>
                <tr aria-rowindex="1">
                    <th scope="col">{col_when}</th>
                    <th scope="col">{move_tr!("events-col-event")}</th>
                    <th scope="col">{move_tr!("events-place")}</th>
                    <th scope="col">{move_tr!("events-agreements")}</th>
                </tr>
            </thead>
            <VirtualRows rows=rows columns=4 cells=cells first_blocks=if first { FIRST_BLOCKS } else { 0 }/>
        </table>
    }
}
