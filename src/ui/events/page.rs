//! One event: when and where, who chaired, who came, which agreements it signed, summarised or
//! reviewed, what was heard and concluded, and the recommendations raised at it.

use leptos::prelude::*;

use super::{agreement_link, when};
use crate::core::dates::{format_instant, format_optional};
use crate::core::event::{Event, EventRole};
use crate::core::meta::{new_id, Id, Meta};
use crate::core::model::Record;
use crate::core::recommendation::Recommendation;
use crate::core::status::status_in;
use crate::core::validate_activity::days_overdue;
use crate::core::workspace::RecordKey;
use crate::route::Route;
use crate::ui::state::use_app;
use crate::ui::text;
use crate::ui::widgets::{DeleteRefused, Missing, StatusBadge};

#[component]
pub fn EventPage(id: Id) -> impl IntoView {
    let state = use_app();
    let event = Memo::new(move |_| state.data.with(|d| d.events.get(&id).cloned()));
    move || match event.get() {
        None => view! { <Missing what="sự kiện" deleted=false/> }.into_any(),
        Some(e) if !e.is_live() => view! { <Missing what="sự kiện" deleted=true/> }.into_any(),
        Some(e) => view! { <EventView event=e/> }.into_any(),
    }
}

/// A text section, shown only when there is text; line breaks kept.
fn text_card(title: &'static str, body: &str) -> Option<impl IntoView> {
    (!body.trim().is_empty()).then(|| {
        view! {
            <section class="card">
                <h2>{title}</h2>
                <p class="pre">{body.to_string()}</p>
            </section>
        }
    })
}

#[component]
fn EventView(event: Event) -> impl IntoView {
    let state = use_app();
    let e = event;
    let id = e.id();
    let day = e.day();
    let blockers = RwSignal::new(None::<Vec<RecordKey>>);
    let title_for_delete = e.title.clone();
    let on_delete = move |_| match state.delete::<Event>(id, &title_for_delete) {
        Ok(()) => state.navigate(Route::Events),
        Err(keys) => blockers.set(Some(keys)),
    };
    let first_agreement = e.agreements.first().map(|l| l.agreement);
    let raise = move |_| {
        let mut r = Recommendation::new(Meta::new(new_id(), state.stamp().now), "");
        r.event = Some(id);
        r.raised_on = Some(day);
        r.agreement = first_agreement;
        state.recommendation_draft.set(Some(r));
        state.navigate(Route::RecommendationNew);
    };

    let chairs = state.data.with_untracked(|d| {
        e.chairs
            .iter()
            .map(|c| {
                let person = d.people.get(&c.person);
                let name = person.map(|p| p.full_name.clone());
                // The position written for that day; failing that, what the directory says.
                let (position, from_directory) = if c.position.trim().is_empty() {
                    (person.map(|p| p.positions_on(day)).unwrap_or_default(), true)
                } else {
                    (c.position.clone(), false)
                };
                let pid = c.person;
                view! {
                    <li>
                        {match name {
                            Some(n) => view! { <a href=Route::Person(pid).href()>{n}</a> }.into_any(),
                            None => view! { <span class="muted">"(người không có trong danh bạ)"</span> }.into_any(),
                        }}
                        {(!position.is_empty()).then(|| view! {
                            ", " <span class=if from_directory { "muted" } else { "" }>{position}</span>
                        })}
                        {c.co_chair.then(|| view! { " " <span class="badge lead">"đồng chủ trì"</span> })}
                    </li>
                }
            })
            .collect_view()
    });

    let weighty = e
        .agreements
        .iter()
        .any(|l| matches!(l.role, EventRole::Signed | EventRole::Summarised));
    let links = state.data.with_untracked(|d| {
        e.agreements
            .iter()
            .map(|l| {
                let agreement = d.agreements.live(&l.agreement).cloned();
                let reason = agreement
                    .as_ref()
                    .map(|a| text::status_reason(&status_in(d, a, state.today()).reason));
                view! {
                    <li>
                        {agreement_link(d, l.agreement)}
                        " — " <strong>{text::event_role(l.role)}</strong>
                        {agreement.map(|a| view! {
                            <div class="status-line">
                                <StatusBadge agreement=a/>
                                <span class="reason">{reason}</span>
                            </div>
                        })}
                    </li>
                }
            })
            .collect_view()
    });

    view! {
        <nav class="breadcrumb" aria-label="Vị trí">
            <a href=Route::Events.href()>"Sự kiện"</a>
        </nav>
        <div class="page-head">
            <div>
                <p class="eyebrow">{text::event_kind(e.kind)} " · " {when(&e)}</p>
                <h1>{e.title.clone()}</h1>
            </div>
            <div class="actions">
                <a class="button primary" href=Route::EventEdit(id).href()>"Sửa"</a>
                <button class="danger" on:click=on_delete>"Xóa"</button>
            </div>
        </div>
        <DeleteRefused
            blockers=blockers
            explanation="ghi là được nêu tại sự kiện này. Hãy bỏ sự kiện khỏi các kiến nghị dưới đây (hoặc xóa chúng) rồi thử lại:"
        />

        <div class="detail-grid">
            <section class="card">
                <h2>"Thông tin chung"</h2>
                <dl class="facts">
                    <dt>"Loại"</dt><dd>{text::event_kind(e.kind)}</dd>
                    <dt>"Thời gian"</dt><dd>{when(&e)}</dd>
                    <dt>"Địa điểm"</dt><dd>{if e.place.is_empty() { "—".to_string() } else { e.place.clone() }}</dd>
                    <dt>"Số đại biểu"</dt>
                    <dd>{e.attendee_count.map(|n| n.to_string()).unwrap_or_else(|| "Chưa ghi".into())}</dd>
                </dl>
            </section>
            <section class="card">
                <h2>"Chủ trì"</h2>
                {if e.chairs.is_empty() {
                    view! { <p class="muted">"Chưa ghi người chủ trì."</p> }.into_any()
                } else {
                    view! { <ul>{chairs}</ul> }.into_any()
                }}
            </section>
        </div>

        <section class="card">
            <h2>"Văn bản liên quan"</h2>
            {if e.agreements.is_empty() {
                view! { <p class="muted">"Sự kiện chưa gắn với văn bản nào."</p> }.into_any()
            } else {
                view! {
                    <ul>{links}</ul>
                    {weighty.then(|| view! {
                        <p class="help">"Văn bản “ký kết tại đây” mà chưa ghi ngày ký thì lấy ngày sự kiện làm ngày ký; văn bản “tổng kết tại đây” chuyển sang “Đã tổng kết” từ ngày sự kiện. Trạng thái do người dùng tự đặt vẫn được giữ."</p>
                    })}
                }.into_any()
            }}
        </section>

        {(!e.guests.is_empty()).then(|| view! {
            <section class="card">
                <h2>"Khách mời"</h2>
                <ul>{e.guests.iter().map(|g| view! { <li>{g.clone()}</li> }).collect_view()}</ul>
            </section>
        })}
        {text_card("Chương trình", &e.agenda)}
        {text_card("Báo cáo đã nghe", &e.reports)}
        {text_card("Kết luận", &e.conclusions)}
        {text_card("Biên bản", &e.minutes)}

        <section class="card">
            <div class="page-head">
                <h2>"Kiến nghị tại sự kiện"</h2>
                <button on:click=raise>"+ Kiến nghị tại sự kiện này"</button>
            </div>
            <RaisedHere id=id/>
        </section>

        <p class="record-meta">
            "Tạo lúc " {format_instant(e.meta.created)} " · Sửa lần cuối " {format_instant(e.meta.updated)}
            " · " {e.meta.version.total()} " lần sửa"
        </p>
    }
}

/// The live recommendations raised at the event.
#[component]
fn RaisedHere(id: Id) -> impl IntoView {
    let state = use_app();
    let today = state.today();
    let raised = Memo::new(move |_| {
        state.data.with(|d| {
            crate::core::listing::find_recommendations(d, None)
                .into_iter()
                .filter(|r| r.event == Some(id))
                .cloned()
                .collect::<Vec<_>>()
        })
    });
    move || {
        let list = raised.get();
        if list.is_empty() {
            return view! { <p class="muted">"Chưa ghi kiến nghị nào tại sự kiện này."</p> }
                .into_any();
        }
        view! {
            <table class="plain">
                <thead>
                    <tr>
                        <th scope="col">"Nội dung"</th>
                        <th scope="col">"Gửi đến"</th>
                        <th scope="col">"Hạn"</th>
                        <th scope="col">"Trạng thái"</th>
                    </tr>
                </thead>
                <tbody>
                    {list.into_iter().map(|r| {
                        let to = state.data.with_untracked(|d| {
                            r.addressed_to.iter().map(|o| d.organisation_label(o)).collect::<Vec<_>>().join(", ")
                        });
                        let late = days_overdue(&r, today);
                        view! {
                            <tr>
                                <td><a href=Route::Recommendation(r.id()).href()>{r.content.clone()}</a></td>
                                <td>{to}</td>
                                <td class="period">
                                    {format_optional(r.deadline)}
                                    {late.map(|n| view! { <div class="field-error">{format!("quá hạn {n} ngày")}</div> })}
                                </td>
                                <td><span class=text::recommendation_status_class(r.status)>{text::recommendation_status(r.status)}</span></td>
                            </tr>
                        }
                    }).collect_view()}
                </tbody>
            </table>
        }
        .into_any()
    }
}
