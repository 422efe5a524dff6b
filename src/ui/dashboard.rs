//! The home page: what is late, what is due next, what is coming, and which departments have a
//! plan this year. Every count and item links to the records behind it.

use leptos::prelude::*;

use super::state::use_app;
use super::widgets::record_link;
use crate::core::dashboard::{dashboard, Band, DueItem, DueKind};
use crate::core::dates::{format_date, format_local};
use crate::core::model::{Collection, Status};
use crate::core::workspace::RecordKey;
use crate::route::Route;

fn band_title(band: Band) -> &'static str {
    match band {
        Band::Overdue => "Quá hạn",
        Band::Within30 => "Trong 30 ngày tới",
        Band::Within90 => "Từ 31 đến 90 ngày",
    }
}

fn band_class(band: Band) -> &'static str {
    match band {
        Band::Overdue => "band overdue",
        Band::Within30 => "band soon",
        Band::Within90 => "band later",
    }
}

/// "quá hạn 5 ngày", "hôm nay", "còn 12 ngày".
fn distance(due: chrono::NaiveDate, today: chrono::NaiveDate) -> String {
    let days = (due - today).num_days();
    match days {
        d if d < 0 => format!("quá hạn {} ngày", -d),
        0 => "đến hạn hôm nay".to_string(),
        d => format!("còn {d} ngày"),
    }
}

fn due_kind_label(kind: &DueKind) -> String {
    match kind {
        DueKind::Duty { title, year, .. } => format!("{title} — năm {year}"),
        DueKind::RecommendationDeadline => "Hạn trả lời kiến nghị".to_string(),
        DueKind::PlanRenewal => "Kế hoạch hết hạn, chưa có kế hoạch mới".to_string(),
    }
}

#[component]
fn DueCard(item: DueItem, today: chrono::NaiveDate) -> impl IntoView {
    let state = use_app();
    let show_agreement = item
        .agreement
        .filter(|a| *a != item.record.id || item.record.collection != Collection::Agreements);
    view! {
        <li class="due-item">
            <span class="due-kind">{due_kind_label(&item.kind)}</span>
            <span class="due-record">{record_link(state, item.record)}</span>
            {show_agreement.map(|a| view! {
                <span class="due-agreement">"Văn bản: " {record_link(state, RecordKey { collection: Collection::Agreements, id: a })}</span>
            })}
            <span class="due-date">"Hạn " {format_date(item.due)} " · " <strong>{distance(item.due, today)}</strong></span>
        </li>
    }
}

#[component]
pub fn Dashboard() -> impl IntoView {
    let state = use_app();
    let today = state.today();
    let dash = Memo::new(move |_| state.data.with(|d| dashboard(d, today)));
    let agreement_key = |id| RecordKey {
        collection: Collection::Agreements,
        id,
    };

    view! {
        <div class="page-head">
            <div>
                <h1>"Tổng quan"</h1>
                <p class="muted">"Hôm nay " {format_date(today)} " (giờ Việt Nam)"</p>
            </div>
            <div class="actions">
                <a class="button primary" href=Route::EventNew.href()>"+ Ghi sự kiện"</a>
                <a class="button" href=Route::AgreementNew.href()>"+ Thêm văn bản"</a>
            </div>
        </div>
        {move || {
            let d = dash.get();
            let overdue = d.due.iter().filter(|i| i.band == Band::Overdue).count();
            let overdue_class = if overdue == 0 { "tile" } else { "tile alert" };
            view! {
                <div class="tiles">
                    <a class="tile" href=Route::AgreementsWithStatus(Status::InForce).href()>
                        <span class="tile-number">{d.in_force.len()}</span>
                        <span class="tile-label">"văn bản đang hiệu lực"</span>
                    </a>
                    <a class="tile" href="#/" on:click=move |ev| { ev.prevent_default(); scroll_to("ending-soon"); }>
                        <span class="tile-number">{d.ending_soon.len()}</span>
                        <span class="tile-label">"sắp hết hiệu lực (90 ngày)"</span>
                    </a>
                    <a class="tile" href="#/" on:click=move |ev| { ev.prevent_default(); scroll_to("upcoming-events"); }>
                        <span class="tile-number">{d.upcoming_events.len()}</span>
                        <span class="tile-label">"sự kiện trong 30 ngày tới"</span>
                    </a>
                    <a class=overdue_class href="#/" on:click=move |ev| { ev.prevent_default(); scroll_to("due-overdue"); }>
                        <span class="tile-number">{overdue}</span>
                        <span class="tile-label">"việc quá hạn"</span>
                    </a>
                </div>
            }
        }}

        <section class="card">
            <h2>"Việc đến hạn"</h2>
            <p class="help">"Buổi làm việc định kỳ, hạn trả lời kiến nghị và kế hoạch cần gia hạn, theo mức độ gấp."</p>
            <div class="bands">
                {Band::ALL.into_iter().map(|band| {
                    let id = match band { Band::Overdue => "due-overdue", Band::Within30 => "due-30", Band::Within90 => "due-90" };
                    view! {
                        <section class=band_class(band) id=id>
                            <h3>{band_title(band)} " (" {move || dash.with(|d| d.due.iter().filter(|i| i.band == band).count())} ")"</h3>
                            {move || {
                                let items: Vec<DueItem> = dash.with(|d| d.due.iter().filter(|i| i.band == band).cloned().collect());
                                if items.is_empty() {
                                    view! { <p class="muted">"Không có việc nào."</p> }.into_any()
                                } else {
                                    view! { <ul class="due-list">{items.into_iter().map(|item| view! { <DueCard item=item today=today/> }).collect_view()}</ul> }.into_any()
                                }
                            }}
                        </section>
                    }
                }).collect_view()}
            </div>
        </section>

        <div class="detail-grid">
            <section class="card" id="ending-soon">
                <h2>"Sắp hết hiệu lực"</h2>
                {move || {
                    let items = dash.with(|d| d.ending_soon.clone());
                    if items.is_empty() {
                        view! { <p class="muted">"Không có văn bản nào hết hiệu lực trong 90 ngày tới."</p> }.into_any()
                    } else {
                        view! {
                            <ul class="plain-list">
                                {items.into_iter().map(|(id, end)| view! {
                                    <li>{record_link(state, agreement_key(id))} <span class="muted">" — hết hạn " {format_date(end)} " (" {distance(end, today)} ")"</span></li>
                                }).collect_view()}
                            </ul>
                        }.into_any()
                    }
                }}
            </section>
            <section class="card" id="upcoming-events">
                <h2>"Sự kiện sắp tới"</h2>
                {move || {
                    let ids = dash.with(|d| d.upcoming_events.clone());
                    if ids.is_empty() {
                        view! { <p class="muted">"Chưa có sự kiện nào trong 30 ngày tới. " <a href=Route::Events.href()>"Xem dòng thời gian"</a></p> }.into_any()
                    } else {
                        view! {
                            <ul class="plain-list">
                                {ids.into_iter().map(|id| {
                                    let when = state.data.with_untracked(|d| d.events.get(&id).map(|e| e.starts_at));
                                    view! {
                                        <li>
                                            <span class="muted">{when.map(format_local)}" "</span>
                                            {record_link(state, RecordKey { collection: Collection::Events, id })}
                                        </li>
                                    }
                                }).collect_view()}
                            </ul>
                        }.into_any()
                    }
                }}
            </section>
        </div>

        <section class="card">
            <h2>"Kế hoạch phối hợp với các sở, ngành năm " {chrono::Datelike::year(&today)}</h2>
            {move || {
                let coverage = dash.with(|d| d.coverage.clone());
                if coverage.is_empty() {
                    return view! {
                        <p class="muted">"Không có quy chế nào đang hiệu lực trong năm nay, nên chưa có kế hoạch nào cần theo dõi. Các quy chế đã hết hạn vẫn xem được trong "
                            <a href=Route::Agreements.href()>"danh sách văn bản"</a> "."</p>
                    }.into_any();
                }
                coverage.into_iter().map(|c| {
                    let org = move |id| record_link(state, RecordKey { collection: Collection::Organisations, id });
                    view! {
                        <div class="coverage">
                            <h3>{record_link(state, agreement_key(c.regulation))}</h3>
                            <p><strong>"Đã có kế hoạch (" {c.with_plan.len()} "): "</strong>
                                {c.with_plan.into_iter().map(|o| view! { <span class="chip ok">{org(o)}</span> }).collect_view()}</p>
                            <p><strong>"Chưa có kế hoạch (" {c.without_plan.len()} "): "</strong>
                                {c.without_plan.into_iter().map(|o| view! { <span class="chip missing">{org(o)}</span> }).collect_view()}</p>
                        </div>
                    }
                }).collect_view().into_any()
            }}
        </section>
    }
}

fn scroll_to(id: &str) {
    if let Some(el) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id(id))
    {
        el.scroll_into_view();
    }
}
