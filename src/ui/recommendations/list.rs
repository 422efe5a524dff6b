//! The list of recommendations: pending ones first, by deadline; filtered by status and
//! agreement; late ones say by how many days.

use leptos::prelude::*;

use crate::core::dates::format_optional;
use crate::core::listing;
use crate::core::meta::Id;
use crate::core::model::Record;
use crate::core::recommendation::{Recommendation, RecommendationStatus};
use crate::core::validate_activity::days_overdue;
use crate::route::Route;
use crate::ui::events::agreement_link;
use crate::ui::state::use_app;
use crate::ui::text;

#[component]
pub fn RecommendationList() -> impl IntoView {
    let state = use_app();
    let status = RwSignal::new(None::<RecommendationStatus>);
    let agreement = RwSignal::new(None::<Id>);
    let today = state.today();

    let found = Memo::new(move |_| {
        let wanted = status.get();
        state.data.with(|d| {
            listing::find_recommendations(d, agreement.get())
                .into_iter()
                .filter(|r| wanted.is_none_or(|s| r.status == s))
                .cloned()
                .collect::<Vec<Recommendation>>()
        })
    });
    let total = move || state.data.with(|d| d.recommendations.count_live());
    let filtered = move || status.with(Option::is_some) || agreement.with(Option::is_some);
    let clear = move |_| {
        status.set(None);
        agreement.set(None);
    };
    // Only agreements that recommendations concern.
    let agreement_choices = Memo::new(move |_| {
        state.data.with(|d| {
            let used: std::collections::BTreeSet<Id> = d
                .recommendations
                .iter_live()
                .filter_map(|r| r.agreement)
                .collect();
            crate::ui::events::agreement_choices(d, &[])
                .into_iter()
                .filter(|(id, _)| used.contains(id))
                .collect::<Vec<_>>()
        })
    });

    view! {
        <div class="page-head">
            <h1>"Kiến nghị"</h1>
            <a class="button primary" href=Route::RecommendationNew.href()>"+ Thêm kiến nghị"</a>
        </div>
        <div class="filters" role="search" aria-label="Lọc kiến nghị">
            <label for="recommendation-filter-status">
                <span>"Trạng thái"</span>
                <select id="recommendation-filter-status"
                    on:change=move |ev| {
                        let v = event_target_value(&ev);
                        status.set(RecommendationStatus::ALL.into_iter().find(|s| format!("{s:?}") == v));
                    }
                    prop:value=move || status.get().map(|s| format!("{s:?}")).unwrap_or_default()>
                    <option value="">"Tất cả"</option>
                    {RecommendationStatus::ALL.into_iter().map(|s| view! {
                        <option value=format!("{s:?}") selected=move || status.get() == Some(s)>{text::recommendation_status(s)}</option>
                    }).collect_view()}
                </select>
            </label>
            <label for="recommendation-filter-agreement">
                <span>"Văn bản"</span>
                <select id="recommendation-filter-agreement"
                    on:change=move |ev| agreement.set(event_target_value(&ev).parse().ok())
                    prop:value=move || agreement.get().map(|a| a.to_string()).unwrap_or_default()>
                    <option value="">"Tất cả"</option>
                    {move || agreement_choices.get().into_iter().map(|(id, title)| view! {
                        <option value=id.to_string() selected=move || agreement.get() == Some(id)>{title}</option>
                    }).collect_view()}
                </select>
            </label>
        </div>
        <p class="result-count" aria-live="polite">
            {move || {
                let shown = found.with(Vec::len);
                if filtered() { format!("{shown} / {} kiến nghị khớp", total()) } else { format!("{shown} kiến nghị") }
            }}
            <Show when=filtered>
                " · " <button class="link" on:click=clear>"Xóa bộ lọc"</button>
            </Show>
        </p>
        {move || {
            if total() == 0 {
                return view! {
                    <section class="empty">
                        <h2>"Chưa có kiến nghị nào"</h2>
                        <p>"Ghi các kiến nghị nêu tại buổi làm việc, hội nghị (hoặc gửi riêng), cơ quan phải trả lời và hạn trả lời, để theo dõi việc giải quyết."</p>
                        <a class="button primary" href=Route::RecommendationNew.href()>"+ Thêm kiến nghị"</a>
                    </section>
                }
                .into_any();
            }
            if found.with(Vec::is_empty) {
                return view! {
                    <section class="empty">
                        <h2>"Không có kiến nghị nào khớp"</h2>
                        <p>"Thử bỏ bớt bộ lọc."</p>
                        <button on:click=clear>"Xóa bộ lọc"</button>
                    </section>
                }
                .into_any();
            }
            view! {
                <table class="register">
                    <thead>
                        <tr>
                            <th scope="col">"Nội dung"</th>
                            <th scope="col">"Gửi đến"</th>
                            <th scope="col">"Văn bản"</th>
                            <th scope="col">"Hạn"</th>
                            <th scope="col">"Trạng thái"</th>
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
                            view! {
                                <tr>
                                    <td class="title"><a href=Route::Recommendation(r.id()).href()>{r.content.clone()}</a></td>
                                    <td class="parties">{to}</td>
                                    <td class="parties">{agreement_cell}</td>
                                    <td class="period">
                                        {if r.deadline.is_some() { format_optional(r.deadline) } else { "—".to_string() }}
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
        }}
    }
}
