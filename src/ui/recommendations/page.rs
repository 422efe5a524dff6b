//! One recommendation, shown and edited on one page: its fields (a form), its status (a
//! separate control that records each change), the history of changes, and delete.

use leptos::prelude::*;

use crate::core::dates::{format_date, format_instant, format_optional};
use crate::core::event::Event;
use crate::core::listing;
use crate::core::meta::{new_id, Id, Meta};
use crate::core::model::Record;
use crate::core::recommendation::{Recommendation, RecommendationStatus};
use crate::core::validate_activity::{self, days_overdue, has_errors, read_day, ActivityIssue};
use crate::core::workspace::RecordKey;
use crate::route::Route;
use crate::ui::events::{event_choices, focus_first_invalid, invalid, ActivityIssues};
use crate::ui::state::use_app;
use crate::ui::text;
use crate::ui::widgets::{DeleteRefused, Missing};

/// Where the record a page is about stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Presence {
    New,
    Live,
    Deleted,
    Unknown,
}

#[component]
pub fn RecommendationPage(id: Option<Id>) -> impl IntoView {
    let state = use_app();
    // Watches only whether the record exists, so saving does not rebuild the form being typed in.
    let presence = Memo::new(move |_| match id {
        None => Presence::New,
        Some(id) => state.data.with(|d| match d.recommendations.get(&id) {
            None => Presence::Unknown,
            Some(r) if r.is_live() => Presence::Live,
            Some(_) => Presence::Deleted,
        }),
    });
    move || match (presence.get(), id) {
        (Presence::New, _) => view! { <RecommendationView id=None/> }.into_any(),
        (Presence::Live, Some(id)) => view! { <RecommendationView id=Some(id)/> }.into_any(),
        (Presence::Deleted, _) => view! { <Missing what="kiến nghị" deleted=true/> }.into_any(),
        _ => view! { <Missing what="kiến nghị" deleted=false/> }.into_any(),
    }
}

fn status_value(s: RecommendationStatus) -> String {
    format!("{s:?}")
}

#[component]
fn RecommendationView(id: Option<Id>) -> impl IntoView {
    let state = use_app();
    let stored = state
        .data
        .with_untracked(|d| id.and_then(|id| d.recommendations.get(&id).cloned()));
    let initial = stored
        .or_else(|| {
            state
                .recommendation_draft
                .try_update(Option::take)
                .flatten()
        })
        .unwrap_or_else(|| Recommendation::new(Meta::new(new_id(), state.stamp().now), ""));
    let record_id = initial.id();

    let content = RwSignal::new(initial.content.clone());
    let event = RwSignal::new(initial.event);
    let raised_on = RwSignal::new(format_optional(initial.raised_on));
    let raised_by = RwSignal::new(initial.raised_by);
    let addressed_to = RwSignal::new(initial.addressed_to.clone());
    let agreement = RwSignal::new(initial.agreement);
    let area = RwSignal::new(initial.area);
    let deadline = RwSignal::new(format_optional(initial.deadline));
    let response = RwSignal::new(initial.response.clone());
    let responded_on = RwSignal::new(format_optional(initial.responded_on));
    let issues = RwSignal::new(Vec::<ActivityIssue>::new());
    let form_error = RwSignal::new(false);
    let blockers = RwSignal::new(None::<Vec<RecordKey>>);

    let organisations = {
        let keep: Vec<Id> = initial
            .addressed_to
            .iter()
            .chain(initial.raised_by.iter())
            .copied()
            .collect();
        state.data.with_untracked(|d| {
            let mut v: Vec<(Id, String)> = listing::find_organisations(d, "")
                .into_iter()
                .map(|o| (o.id(), o.name.clone()))
                .collect();
            for k in keep {
                if !v.iter().any(|(o, _)| *o == k) {
                    v.push((k, format!("{} (đã xóa)", d.organisation_label(&k))));
                }
            }
            v
        })
    };
    let initial_event = initial.event;
    let events = Memo::new(move |_| state.data.with(|d| event_choices(d, initial_event)));
    let initial_agreement = initial.agreement;
    let agreements = Memo::new(move |_| {
        state.data.with(|d| {
            crate::ui::events::agreement_choices(
                d,
                &initial_agreement.into_iter().collect::<Vec<_>>(),
            )
        })
    });
    let areas = Memo::new(move |_| {
        let chosen = agreement.get();
        state.data.with(|d| {
            chosen
                .and_then(|a| d.agreements.get(&a))
                .map(|a| {
                    a.areas
                        .iter()
                        .enumerate()
                        .map(|(i, x)| (x.id, format!("{}. {}", i + 1, x.title)))
                        .collect::<Vec<_>>()
                })
                .unwrap_or_default()
        })
    });

    // Choosing the event fills what it tells: the day it was raised, the agreement.
    let on_event = move |ev: leptos::ev::Event| {
        let chosen: Option<Id> = event_target_value(&ev).parse().ok();
        event.set(chosen);
        let found: Option<Event> =
            chosen.and_then(|e| state.data.with_untracked(|d| d.events.live(&e).cloned()));
        if let Some(e) = found {
            if raised_on.with_untracked(|t| t.trim().is_empty()) {
                raised_on.set(format_date(e.day()));
            }
            if agreement.get_untracked().is_none() {
                if let Some(first) = e.agreements.first() {
                    agreement.set(Some(first.agreement));
                    area.set(None);
                }
            }
        }
    };

    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let mut found = Vec::new();
        let mut day =
            |text: RwSignal<String>, field: &str| match read_day(&text.get_untracked(), field) {
                Ok(d) => d,
                Err(issue) => {
                    found.push(issue);
                    None
                }
            };
        let raised = day(raised_on, "raised_on");
        let due = day(deadline, "deadline");
        let answered = day(responded_on, "responded_on");
        // The stored version carries the status and its history, changed by their own control.
        let base = state
            .data
            .with_untracked(|d| d.recommendations.get(&record_id).cloned())
            .unwrap_or_else(|| initial.clone());
        let record = Recommendation {
            content: content.get_untracked().trim().to_string(),
            event: event.get_untracked(),
            raised_on: raised,
            raised_by: raised_by.get_untracked(),
            addressed_to: addressed_to.get_untracked(),
            agreement: agreement.get_untracked(),
            area: area.get_untracked(),
            deadline: due,
            response: response.get_untracked().trim_end().to_string(),
            responded_on: answered,
            ..base
        };
        found.extend(
            state
                .data
                .with_untracked(|d| validate_activity::recommendation(&record, d)),
        );
        if has_errors(&found) {
            issues.set(found);
            form_error.set(true);
            focus_first_invalid("recommendation-form");
            return;
        }
        state.apply(|data, stamp| data.commit(record, stamp), |key| vec![*key]);
        content.update(|c| *c = c.trim().to_string());
        // Warnings stay in view after saving.
        issues.set(found);
        form_error.set(false);
        state.notify(
            if id.is_some() {
                "Đã lưu thay đổi."
            } else {
                "Đã thêm kiến nghị."
            },
            None,
        );
        if id.is_none() {
            state.navigate(Route::Recommendation(record_id));
        }
    };

    let delete = move |_| {
        let label = state.data.with_untracked(|d| {
            d.recommendations
                .get(&record_id)
                .map(|r| r.content.clone())
                .unwrap_or_default()
        });
        match state.delete::<Recommendation>(record_id, &label) {
            Ok(()) => state.navigate(Route::Recommendations),
            Err(keys) => blockers.set(Some(keys)),
        }
    };

    let heading = move || match id {
        None => "Thêm kiến nghị".to_string(),
        Some(id) => state.data.with(|d| {
            d.recommendations
                .get(&id)
                .map(|r| r.content.clone())
                .unwrap_or_default()
        }),
    };
    let today = state.today();
    let current = Memo::new(move |_| {
        id.and_then(|id| state.data.with(|d| d.recommendations.get(&id).cloned()))
    });

    let select_org = move |id: &'static str,
                           value: RwSignal<Option<Id>>,
                           orgs: Vec<(Id, String)>,
                           none: &'static str| {
        view! {
            <select id=id aria-invalid=move || invalid(issues, id_field(id))
                on:change=move |ev| value.set(event_target_value(&ev).parse().ok())>
                <option value="" selected=move || value.get().is_none()>{none}</option>
                {orgs.into_iter().map(|(oid, name)| view! {
                    <option value=oid.to_string() selected=move || value.get() == Some(oid)>{name}</option>
                }).collect_view()}
            </select>
        }
    };
    let date_input = move |id: &'static str, label: &'static str, text: RwSignal<String>| {
        let field = id_field(id);
        view! {
            <div class="field">
                <label for=id>{label}</label>
                <input id=id type="text" inputmode="numeric" placeholder="dd/mm/yyyy"
                    aria-invalid=move || invalid(issues, field)
                    prop:value=move || text.get() on:input=move |ev| text.set(event_target_value(&ev))/>
                <ActivityIssues issues=issues field=field.to_string()/>
            </div>
        }
    };
    let orgs_for_raiser = organisations.clone();
    let orgs_for_addressees = organisations;

    view! {
        <nav class="breadcrumb" aria-label="Vị trí">
            <a href=Route::Recommendations.href()>"Kiến nghị"</a>
        </nav>
        <div class="page-head">
            <div>
                <p class="eyebrow">"Kiến nghị"</p>
                <h1>{heading}</h1>
                {move || current.get().map(|r| {
                    let late = days_overdue(&r, today);
                    view! {
                        <p class="status-line">
                            <span class=text::recommendation_status_class(r.status)>{text::recommendation_status(r.status)}</span>
                            {r.deadline.map(|d| view! { <span class="reason">"Hạn " {format_date(d)}</span> })}
                            {late.map(|n| view! { <span class="field-error">{format!("quá hạn {n} ngày")}</span> })}
                        </p>
                    }
                })}
            </div>
        </div>

        <section class="card">
            <h2>{if id.is_some() { "Nội dung kiến nghị" } else { "Kiến nghị mới" }}</h2>
            <form id="recommendation-form" on:submit=save novalidate=true>
                <div class="field">
                    <label for="recommendation-content">"Nội dung " <span aria-hidden="true">"*"</span></label>
                    <textarea id="recommendation-content" rows="3" required=true
                        aria-invalid=move || invalid(issues, "content")
                        prop:value=move || content.get() on:input=move |ev| content.set(event_target_value(&ev))></textarea>
                    <ActivityIssues issues=issues field="content".to_string()/>
                </div>
                <div class="grid-2">
                    <div class="field">
                        <label for="recommendation-event">"Nêu tại sự kiện"</label>
                        <select id="recommendation-event" aria-invalid=move || invalid(issues, "event") on:change=on_event>
                            <option value="" selected=move || event.get().is_none()>"— Không gắn sự kiện (gửi riêng) —"</option>
                            {move || events.get().into_iter().map(|(eid, label)| view! {
                                <option value=eid.to_string() selected=move || event.get() == Some(eid)>{label}</option>
                            }).collect_view()}
                        </select>
                        <ActivityIssues issues=issues field="event".to_string()/>
                        {move || event.get().map(|e| view! { <a class="help" href=Route::Event(e).href()>"Mở trang sự kiện"</a> })}
                    </div>
                    {date_input("recommendation-raised-on", "Ngày nêu", raised_on)}
                </div>
                <div class="field">
                    <label for="recommendation-raised-by">"Cơ quan nêu kiến nghị"</label>
                    {select_org("recommendation-raised-by", raised_by, orgs_for_raiser, "— Không ghi —")}
                    <ActivityIssues issues=issues field="raised_by".to_string()/>
                </div>
                <fieldset class="inline-checks addressees">
                    <legend>
                        <strong>"Gửi đến (cơ quan phải trả lời) "</strong> <span aria-hidden="true">"* "</span>
                        <span class="help">"chọn một hoặc nhiều cơ quan"</span>
                    </legend>
                    {orgs_for_addressees.into_iter().map(|(oid, name)| {
                        let cid = format!("recommendation-to-{oid}");
                        view! {
                            <span class="check">
                                <input type="checkbox" id=cid.clone()
                                    prop:checked=move || addressed_to.with(|v| v.contains(&oid))
                                    on:change=move |ev| {
                                        let on = event_target_checked(&ev);
                                        addressed_to.update(|v| { v.retain(|x| *x != oid); if on { v.push(oid); } });
                                        issues.update(|all| all.retain(|i| !i.field.starts_with("addressed_to")));
                                    }/>
                                <label for=cid>{name}</label>
                            </span>
                        }
                    }).collect_view()}
                    <ActivityIssues issues=issues field="addressed_to".to_string()/>
                    {move || issues.with(|all| all.iter().filter(|i| i.field.starts_with("addressed_to[")).map(|i| view! {
                        <p class="field-error" role="alert">{text::activity_problem(&i.problem)}</p>
                    }).collect_view())}
                </fieldset>
                <div class="grid-2">
                    <div class="field">
                        <label for="recommendation-agreement">"Văn bản liên quan"</label>
                        <select id="recommendation-agreement" aria-invalid=move || invalid(issues, "agreement")
                            on:change=move |ev| {
                                agreement.set(event_target_value(&ev).parse().ok());
                                // The areas are the agreement's: another agreement, another list.
                                area.set(None);
                            }>
                            <option value="" selected=move || agreement.get().is_none()>"— Không gắn văn bản —"</option>
                            {move || agreements.get().into_iter().map(|(aid, title)| view! {
                                <option value=aid.to_string() selected=move || agreement.get() == Some(aid)>{title}</option>
                            }).collect_view()}
                        </select>
                        <ActivityIssues issues=issues field="agreement".to_string()/>
                    </div>
                    <div class="field">
                        <label for="recommendation-area">"Nội dung phối hợp"</label>
                        <select id="recommendation-area" aria-invalid=move || invalid(issues, "area")
                            prop:disabled=move || areas.with(Vec::is_empty)
                            on:change=move |ev| area.set(event_target_value(&ev).parse().ok())>
                            <option value="" selected=move || area.get().is_none()>
                                {move || if agreement.get().is_none() { "— Chọn văn bản trước —" } else { "— Không ghi —" }}
                            </option>
                            {move || areas.get().into_iter().map(|(xid, title)| view! {
                                <option value=xid.to_string() selected=move || area.get() == Some(xid)>{title}</option>
                            }).collect_view()}
                        </select>
                        <ActivityIssues issues=issues field="area".to_string()/>
                    </div>
                </div>
                <div class="grid-2">
                    {date_input("recommendation-deadline", "Hạn trả lời", deadline)}
                    {date_input("recommendation-responded-on", "Ngày trả lời", responded_on)}
                </div>
                <div class="field">
                    <label for="recommendation-response">"Nội dung trả lời"</label>
                    <textarea id="recommendation-response" rows="3" prop:value=move || response.get()
                        on:input=move |ev| response.set(event_target_value(&ev))></textarea>
                </div>
                <Show when=move || form_error.get()>
                    <p class="field-error" role="alert">"Chưa lưu: hãy sửa các ô có thông báo bên cạnh. Dữ liệu chưa thay đổi."</p>
                </Show>
                <div class="actions">
                    <button type="submit" class="primary">"Lưu"</button>
                    {id.is_none().then(|| view! { <a class="button" href=Route::Recommendations.href()>"Hủy"</a> })}
                </div>
            </form>
        </section>

        {id.map(|id| view! {
            <StatusControl id=id responded_on=responded_on/>
            <section class="card">
                <h2>"Xóa kiến nghị"</h2>
                <p class="help">"Sau khi xóa vẫn có thể hoàn tác."</p>
                <DeleteRefused blockers=blockers/>
                <button class="danger" on:click=delete>"Xóa"</button>
            </section>
            <p class="record-meta">
                {move || state.data.with(|d| d.recommendations.get(&id).map(|r| format!(
                    "Tạo lúc {} · Sửa lần cuối {} · {} lần sửa",
                    format_instant(r.meta.created),
                    format_instant(r.meta.updated),
                    r.meta.version.total()
                )))}
            </p>
        })}
    }
}

/// The field path a form input's messages are filed under.
fn id_field(input_id: &'static str) -> &'static str {
    match input_id {
        "recommendation-raised-on" => "raised_on",
        "recommendation-deadline" => "deadline",
        "recommendation-responded-on" => "responded_on",
        "recommendation-raised-by" => "raised_by",
        other => other,
    }
}

/// Changes the status (recording who, when and why), and shows the history of changes.
#[component]
fn StatusControl(id: Id, responded_on: RwSignal<String>) -> impl IntoView {
    let state = use_app();
    let record = Memo::new(move |_| state.data.with(|d| d.recommendations.get(&id).cloned()));
    let current = record.get_untracked().map(|r| r.status).unwrap_or_default();
    let to = RwSignal::new(current);
    let note = RwSignal::new(String::new());

    let update = move |_| {
        let target = to.get_untracked();
        let Some(mut r) = state
            .data
            .with_untracked(|d| d.recommendations.get(&id).cloned())
        else {
            return;
        };
        if r.status == target {
            state.notify(
                format!(
                    "Trạng thái vẫn là “{}”: không có gì thay đổi.",
                    text::recommendation_status(target)
                ),
                None,
            );
            return;
        }
        let stamp = state.stamp();
        let today = state.today();
        r.set_status(target, today, note.get_untracked().trim(), stamp.now);
        let answered = r.responded_on;
        state.apply(|data, stamp| data.commit(r, stamp), |key| vec![*key]);
        // Resolving or declining dates the answer (when none was written): show it in the form.
        if responded_on.with_untracked(|t| t.trim().is_empty()) {
            if let Some(d) = answered {
                responded_on.set(format_date(d));
            }
        }
        note.set(String::new());
        state.notify(
            format!(
                "Đã chuyển trạng thái sang “{}”.",
                text::recommendation_status(target)
            ),
            None,
        );
    };

    view! {
        <section class="card">
            <h2>"Trạng thái"</h2>
            <div class="grid-2">
                <div class="field">
                    <label for="recommendation-new-status">"Chuyển sang"</label>
                    <select id="recommendation-new-status" on:change=move |ev| {
                        let v = event_target_value(&ev);
                        to.set(RecommendationStatus::ALL.into_iter().find(|s| status_value(*s) == v).unwrap_or_default());
                    }>
                        {RecommendationStatus::ALL.into_iter().map(|s| view! {
                            <option value=status_value(s) selected=move || to.get() == s>{text::recommendation_status(s)}</option>
                        }).collect_view()}
                    </select>
                </div>
                <div class="field">
                    <label for="recommendation-status-note">"Ghi chú"</label>
                    <input id="recommendation-status-note" type="text" placeholder="Ví dụ: Sở đã có văn bản trả lời"
                        prop:value=move || note.get() on:input=move |ev| note.set(event_target_value(&ev))/>
                </div>
            </div>
            <div class="actions">
                <button type="button" class="primary" on:click=update>"Cập nhật trạng thái"</button>
            </div>
            <p class="help">"Mỗi lần đổi trạng thái được ghi lại cùng ngày và ghi chú. Khi chuyển sang “Đã giải quyết” hoặc “Không chấp nhận”, ngày trả lời được điền là hôm nay nếu còn trống."</p>
            <h3>"Lịch sử trạng thái"</h3>
            {move || {
                let history = record.with(|r| r.as_ref().map(|r| r.history.clone()).unwrap_or_default());
                if history.is_empty() {
                    return view! { <p class="muted">"Chưa có thay đổi trạng thái nào."</p> }.into_any();
                }
                view! {
                    <table class="plain">
                        <thead>
                            <tr>
                                <th scope="col">"Thay đổi"</th>
                                <th scope="col">"Ngày"</th>
                                <th scope="col">"Ghi chú"</th>
                            </tr>
                        </thead>
                        <tbody>
                            {history.into_iter().rev().map(|h| view! {
                                <tr>
                                    <td>
                                        {text::recommendation_status(h.from)} " → "
                                        <span class=text::recommendation_status_class(h.to)>{text::recommendation_status(h.to)}</span>
                                    </td>
                                    <td>{format_date(h.on)}</td>
                                    <td>{if h.note.is_empty() { "—".to_string() } else { h.note }}</td>
                                </tr>
                            }).collect_view()}
                        </tbody>
                    </table>
                }
                .into_any()
            }}
        </section>
    }
}
