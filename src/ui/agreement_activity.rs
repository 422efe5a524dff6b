//! The agreement page's life-cycle sections: its events, recurring duties, recommendations,
//! results by area and year, the close-out of its period, and (for a regulation) the
//! year × department matrix of its plans. Each edit goes through the core and is stored at once.

use chrono::Datelike;
use leptos::prelude::*;
use leptos_fluent::I18n;

use super::state::use_app;
use super::widgets::record_link;
use crate::core::dates::{format_date, format_local};
use crate::core::duty::{occurrences, DueRule, DutySettlement, OccurrenceState};
use crate::core::event::{Event, EventKind, EventLink, EventRole};
use crate::core::listing::{find_events, find_recommendations, EventQuery};
use crate::core::matrix::plan_matrix;
use crate::core::meta::{new_id, Id, Meta};
use crate::core::model::{Agreement, AgreementKind, Collection, Party, Record};
use crate::core::recommendation::Recommendation;
use crate::core::results::{
    area_state, set_area_result, AreaMark, AreaState, AreaSummary, CloseOut,
};
use crate::core::workspace::RecordKey;
use crate::route::Route;

/// Stores a changed copy of the agreement (these edits touch no validated field).
fn update_agreement(id: Id, change: impl FnOnce(&mut Agreement)) {
    let state = use_app();
    state.apply(
        |data, stamp| {
            let mut a = data.agreements.get(&id)?.clone();
            change(&mut a);
            Some(data.commit(a, stamp))
        },
        |key| key.iter().copied().collect(),
    );
}

fn rule_label(rule: DueRule) -> String {
    match rule {
        DueRule::YearAnyTime => "mỗi năm ít nhất một lần".to_string(),
        DueRule::YearBy { month, day } => format!("hằng năm, trước ngày {day:02}/{month:02}"),
    }
}

fn occurrence_label(state: OccurrenceState) -> (&'static str, &'static str) {
    match state {
        OccurrenceState::Overdue => ("Quá hạn", "badge terminated"),
        OccurrenceState::DueSoon => ("Sắp đến hạn", "badge expired"),
        OccurrenceState::Upcoming => ("Chưa đến hạn", "badge draft"),
        OccurrenceState::Done => ("Đã thực hiện", "badge in-force"),
        OccurrenceState::Waived => ("Miễn", "badge summarised"),
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
        });
        state.event_draft.set(Some(e));
        state.navigate(Route::EventNew);
    };
    view! {
        <section class="card">
            <div class="section-head">
                <h2>"Sự kiện (" {events.len()} ")"</h2>
                <button on:click=record_event>"+ Ghi sự kiện"</button>
            </div>
            {if events.is_empty() {
                view! { <p class="muted">"Chưa ghi sự kiện nào: hội nghị ký kết, buổi làm việc định kỳ, sơ kết, tổng kết…"</p> }.into_any()
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
                <h2>"Nhiệm vụ định kỳ"</h2>
                <p class="muted">"Chưa khai báo nhiệm vụ định kỳ (ví dụ: buổi làm việc hằng năm). Thêm trong phần “Sửa”."</p>
            </section>
        }
        .into_any();
    }
    let today = state.today();
    let occ = state.data.with_untracked(|d| {
        let events: Vec<&Event> = d.events.iter_live().collect();
        occurrences(&agreement, &events, today)
    });
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
                    });
                    d.settlements.sort_by_key(|s| s.year);
                }
            }
        });
    };
    view! {
        <section class="card">
            <h2>"Nhiệm vụ định kỳ"</h2>
            {agreement.duties.iter().map(|duty| {
                let duty_id = duty.id;
                let rows: Vec<_> = occ.iter().filter(|o| o.duty == duty_id).cloned().collect();
                let manual: Vec<i32> = duty.settlements.iter().map(|s| s.year).collect();
                view! {
                    <h3 class="duty-title">{duty.title.clone()} <span class="muted">" — " {rule_label(duty.due)}</span></h3>
                    <table class="plain">
                        <thead><tr><th scope="col">"Năm"</th><th scope="col">"Hạn"</th><th scope="col">"Tình trạng"</th><th scope="col">"Căn cứ"</th><th scope="col">"Thao tác"</th></tr></thead>
                        <tbody>
                            {rows.into_iter().map(|o| {
                                let (label, class) = occurrence_label(o.state);
                                let year = o.year;
                                let settled_by_hand = manual.contains(&year);
                                view! {
                                    <tr>
                                        <td>{year}</td>
                                        <td>{format_date(o.due)}</td>
                                        <td><span class=class>{label}</span></td>
                                        <td>{o.event.map(|e| record_link(state, RecordKey { collection: Collection::Events, id: e }))}
                                            {(o.event.is_none() && settled_by_hand).then_some("Đánh dấu tay")}</td>
                                        <td class="row-actions">
                                            {match (o.event.is_some(), settled_by_hand) {
                                                (true, _) => view! { <span class="muted">"—"</span> }.into_any(),
                                                (false, true) => view! {
                                                    <button class="link" on:click=move |_| settle(duty_id, year, None)>"Bỏ đánh dấu"</button>
                                                }.into_any(),
                                                (false, false) => view! {
                                                    <button class="link" on:click=move |_| settle(duty_id, year, Some(false))>"Đã làm"</button>
                                                    " · "
                                                    <button class="link" on:click=move |_| settle(duty_id, year, Some(true))>"Miễn"</button>
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
            <p class="help">"Một năm được tính là đã thực hiện khi có sự kiện đúng loại gắn với văn bản này trong năm đó, hoặc khi đánh dấu tay."</p>
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
    view! {
        <section class="card">
            <div class="section-head">
                <h2>"Kiến nghị (" {recs.len()} ")"</h2>
                <button on:click=raise>"+ Thêm kiến nghị"</button>
            </div>
            {if recs.is_empty() {
                view! { <p class="muted">"Chưa có kiến nghị nào gắn với văn bản này."</p> }.into_any()
            } else {
                view! {
                    <table class="plain">
                        <thead><tr><th scope="col">"Nội dung"</th><th scope="col">"Hạn"</th><th scope="col">"Trạng thái"</th></tr></thead>
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

fn area_cell(s: AreaState) -> (&'static str, &'static str) {
    match s {
        AreaState::Pending => ("Chưa", "cell pending"),
        AreaState::Done => ("Đạt", "cell done"),
        AreaState::Waived => ("Miễn", "cell waived"),
        AreaState::Overdue => ("Quá hạn", "cell overdue"),
    }
}

fn period_years(a: &Agreement) -> Vec<i32> {
    match (a.period.start, a.period.end) {
        (Some(s), Some(e)) if e >= s && e.year() - s.year() <= 30 => {
            (s.year()..=e.year()).collect()
        }
        _ => Vec::new(),
    }
}

/// Areas × years: each area's standing per year, and a form to record one result with evidence.
#[component]
pub fn AreaResultsSection(agreement: Agreement) -> impl IntoView {
    let state = use_app();
    let i18n = expect_context::<I18n>();
    let id = agreement.id();
    let years = period_years(&agreement);
    if agreement.areas.is_empty() || years.is_empty() {
        return ().into_any();
    }
    let today = state.today();
    let area_choice = RwSignal::new(agreement.areas[0].id.to_string());
    let default_year = years
        .iter()
        .copied()
        .filter(|y| *y <= today.year())
        .max()
        .unwrap_or(years[0]);
    let year_choice = RwSignal::new(default_year.to_string());
    let mark_choice = RwSignal::new("Done".to_string());
    let evidence = RwSignal::new(String::new());
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let (Ok(area), Ok(year)) = (
            area_choice.get_untracked().parse::<Id>(),
            year_choice.get_untracked().parse::<i32>(),
        ) else {
            return;
        };
        let mark = match mark_choice.get_untracked().as_str() {
            "Done" => AreaMark::Done,
            "Waived" => AreaMark::Waived,
            _ => AreaMark::Pending,
        };
        let text = evidence.get_untracked();
        update_agreement(id, move |a| set_area_result(a, area, year, mark, &text));
        state.notify("Đã ghi kết quả.", None);
    };
    let a = agreement.clone();
    view! {
        <section class="card">
            <h2>"Kết quả theo nội dung phối hợp"</h2>
            <div class="table-scroll">
                <table class="plain results-grid">
                    <thead><tr><th scope="col">"Nội dung"</th>{years.iter().map(|y| view! { <th scope="col">{*y}</th> }).collect_view()}</tr></thead>
                    <tbody>
                        {a.areas.iter().enumerate().map(|(i, area)| {
                            let area_id = area.id;
                            view! {
                                <tr>
                                    <th scope="row">{i + 1} ". " {area.title.clone()}</th>
                                    {years.iter().map(|&y| {
                                        let (label, class) = area_cell(area_state(&a, area_id, y, today));
                                        let evidence = a.area_results.iter().find(|r| r.area == area_id && r.year == y).map(|r| r.evidence.clone()).unwrap_or_default();
                                        view! { <td class=class title=evidence>{label}</td> }
                                    }).collect_view()}
                                </tr>
                            }
                        }).collect_view()}
                    </tbody>
                </table>
            </div>
            <form class="inline-form" on:submit=save>
                <div class="field">
                    <label for="result-area">"Nội dung"</label>
                    <select id="result-area" on:change=move |ev| area_choice.set(event_target_value(&ev))>
                        {agreement.areas.iter().enumerate().map(|(i, area)| view! { <option value=area.id.to_string()>{i + 1} ". " {area.title.clone()}</option> }).collect_view()}
                    </select>
                </div>
                <div class="field">
                    <label for="result-year">"Năm"</label>
                    <select id="result-year" on:change=move |ev| year_choice.set(event_target_value(&ev))>
                        {years.iter().map(|y| view! { <option value=y.to_string() selected=*y == default_year>{*y}</option> }).collect_view()}
                    </select>
                </div>
                <div class="field">
                    <label for="result-mark">"Kết quả"</label>
                    <select id="result-mark" on:change=move |ev| mark_choice.set(event_target_value(&ev))>
                        <option value="Done">"Đạt"</option>
                        <option value="Waived">"Miễn"</option>
                        <option value="Pending">"Chưa"</option>
                    </select>
                </div>
                <div class="field grow">
                    <label for="result-evidence">"Minh chứng"</label>
                    <input id="result-evidence" type="text" placeholder="Số báo cáo, sự kiện, số liệu…" prop:value=move || evidence.get() on:input=move |ev| evidence.set(event_target_value(&ev))/>
                </div>
                <button type="submit">"Ghi kết quả"</button>
            </form>
        </section>
    }
    .into_any()
}

/// The account of an ended period; shown once the period has ended or an account exists.
#[component]
pub fn CloseOutSection(agreement: Agreement) -> impl IntoView {
    let state = use_app();
    let i18n = expect_context::<I18n>();
    let id = agreement.id();
    let ended = agreement.period.end.is_some_and(|e| e < state.today());
    let existing = agreement.close_out.clone().unwrap_or_default();
    if !ended && existing.is_empty() {
        return ().into_any();
    }
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
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let close_out = CloseOut {
            area_results: area_signals
                .iter()
                .map(|(area, _, text)| AreaSummary {
                    area: *area,
                    result: text.get_untracked().trim().to_string(),
                })
                .filter(|s| !s.result.is_empty())
                .collect(),
            achievements: achievements.get_untracked().trim().to_string(),
            shortcomings: shortcomings.get_untracked().trim().to_string(),
            lessons: lessons.get_untracked().trim().to_string(),
            next_period: next_period.get_untracked().trim().to_string(),
            summary_event: summary_event.get_untracked().parse().ok(),
        };
        update_agreement(id, move |a| {
            a.close_out = (!close_out.is_empty()).then_some(close_out)
        });
        state.notify("Đã lưu tổng kết giai đoạn.", None);
    };
    let text_field = move |label: &'static str,
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
            <h2>"Tổng kết giai đoạn"</h2>
            <form class="stack" on:submit=save>
                <div class="field">
                    <label for="closeout-event">"Hội nghị tổng kết"</label>
                    <select id="closeout-event" on:change=move |ev| summary_event.set(event_target_value(&ev))>
                        <option value="">"— Chưa gắn —"</option>
                        {summary_events.iter().map(|(eid, label)| view! { <option value=eid.to_string() selected=existing.summary_event == Some(*eid)>{label.clone()}</option> }).collect_view()}
                    </select>
                </div>
                <fieldset class="field">
                    <legend>"Kết quả theo từng nội dung"</legend>
                    {area_texts.into_iter().enumerate().map(|(i, (area, title, text))| {
                        let fid = format!("closeout-area-{area}");
                        view! {
                            <label for=fid.clone()>{i + 1} ". " {title}</label>
                            <input id=fid type="text" prop:value=move || text.get() on:input=move |ev| text.set(event_target_value(&ev))/>
                        }
                    }).collect_view()}
                </fieldset>
                {text_field("Thành tựu", "closeout-achievements", achievements)}
                {text_field("Hạn chế", "closeout-shortcomings", shortcomings)}
                {text_field("Bài học kinh nghiệm", "closeout-lessons", lessons)}
                {text_field("Kiến nghị cho giai đoạn sau", "closeout-next", next_period)}
                <p class="help">"“Kiến nghị cho giai đoạn sau” được đưa vào dự thảo khi bấm “Nhân bản cho giai đoạn sau”."</p>
                <div><button type="submit" class="primary">"Lưu tổng kết"</button></div>
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
    if matrix.years.is_empty() || matrix.rows.is_empty() {
        return ().into_any();
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
                role: "chủ trì".into(),
                lead: true,
            })
            .collect();
        plan.parties.push(Party {
            organisation: org,
            role: "phối hợp".into(),
            lead: false,
        });
        state.draft.set(Some(plan));
        state.navigate(Route::AgreementNew);
    };
    view! {
        <section class="card">
            <h2>"Kế hoạch theo năm và đơn vị"</h2>
            <div class="table-scroll">
                <table class="plain matrix">
                    <thead><tr><th scope="col">"Đơn vị"</th>{matrix.years.iter().map(|y| view! { <th scope="col">{*y}</th> }).collect_view()}</tr></thead>
                    <tbody>
                        {matrix.rows.into_iter().map(|row| {
                            let org = row.organisation;
                            let years = matrix.years.clone();
                            view! {
                                <tr>
                                    <th scope="row">{record_link(state, RecordKey { collection: Collection::Organisations, id: org })}</th>
                                    {row.cells.into_iter().zip(years).map(|(cell, year)| {
                                        if cell.plans.is_empty() {
                                            view! { <td class="cell empty"><button class="link" title="Thêm kế hoạch cho đơn vị và năm này" aria-label=format!("Thêm kế hoạch năm {year}") on:click=move |_| new_plan(org, year)>"+"</button></td> }.into_any()
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
        </section>
    }
    .into_any()
}
