//! The agreement register: search as you type, filters, sort.

use leptos::prelude::*;
use leptos_fluent::I18n;

use super::state::use_app;
use super::text;
use super::widgets::StatusBadge;
use crate::core::dates::format_period_years;
use crate::core::listing::{self, AgreementQuery, AgreementSort};
use crate::core::model::{AgreementKind, Record, Status};
use crate::route::Route;

fn sort_label(s: AgreementSort) -> &'static str {
    match s {
        AgreementSort::Relevance => "Phù hợp nhất / mới sửa",
        AgreementSort::RecentlyChanged => "Mới sửa gần đây",
        AgreementSort::SigningDate => "Ngày ký (mới trước)",
        AgreementSort::PeriodStart => "Giai đoạn (mới trước)",
        AgreementSort::Title => "Tên (A–Z)",
        AgreementSort::Number => "Số hiệu",
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
    let organisation = RwSignal::new(None::<crate::core::meta::Id>);
    let year = RwSignal::new(None::<i32>);
    let sort = RwSignal::new(AgreementSort::Relevance);

    // Folded once per data change, not per keystroke.
    let haystacks = Memo::new(move |_| state.data.with(listing::agreement_haystacks));
    let today = state.today();
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
                listing::find_agreements(data, h, &query, today)
                    .into_iter()
                    .cloned()
                    .collect::<Vec<_>>()
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
    let clear = move |_| {
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
                .map(|o| (o.id().to_string(), o.name.clone()))
                .collect::<Vec<_>>()
        })
    };
    let years = move || state.data.with(listing::years_covered);

    view! {
        <div class="page-head">
            <h1>"Văn bản phối hợp"</h1>
            <a class="button primary" href=Route::AgreementNew.href()>"+ Thêm văn bản"</a>
        </div>
        <div class="filters" role="search">
            <div class="search-box">
                <label for="agreement-search" class="visually-hidden">"Tìm kiếm văn bản"</label>
                <input
                    id="agreement-search"
                    type="search"
                    placeholder="Tìm theo tên, số hiệu, cơ quan, người ký, năm… (gõ không dấu cũng được)"
                    prop:value=move || text_query.get()
                    on:input=move |ev| text_query.set(event_target_value(&ev))
                />
            </div>
            <label>
                <span>"Trạng thái"</span>
                <select on:change=move |ev| status.set(parse_status(&event_target_value(&ev)))
                    prop:value=move || status.get().map(|s| format!("{s:?}")).unwrap_or_default()>
                    <option value="">"Tất cả"</option>
                    {Status::ALL.into_iter().map(|s| view! { <option value=format!("{s:?}") selected=move || status.get() == Some(s)>{move || text::status(i18n, s)}</option> }).collect_view()}
                </select>
            </label>
            <label>
                <span>"Loại"</span>
                <select on:change=move |ev| kind.set(parse_kind(&event_target_value(&ev)))
                    prop:value=move || kind.get().map(|k| format!("{k:?}")).unwrap_or_default()>
                    <option value="">"Tất cả"</option>
                    {AgreementKind::ALL.into_iter().map(|k| view! { <option value=format!("{k:?}")>{move || text::agreement_kind_short(i18n, k)}</option> }).collect_view()}
                </select>
            </label>
            <label>
                <span>"Cơ quan"</span>
                <select on:change=move |ev| organisation.set(event_target_value(&ev).parse().ok())
                    prop:value=move || organisation.get().map(|o| o.to_string()).unwrap_or_default()>
                    <option value="">"Tất cả"</option>
                    {move || organisations().into_iter().map(|(id, name)| view! { <option value=id>{name}</option> }).collect_view()}
                </select>
            </label>
            <label>
                <span>"Năm"</span>
                <select on:change=move |ev| year.set(event_target_value(&ev).parse().ok())
                    prop:value=move || year.get().map(|y| y.to_string()).unwrap_or_default()>
                    <option value="">"Mọi năm"</option>
                    {move || years().into_iter().map(|y| view! { <option value=y.to_string()>{y}</option> }).collect_view()}
                </select>
            </label>
            <label>
                <span>"Sắp xếp"</span>
                <select on:change=move |ev| sort.set(AgreementSort::ALL.into_iter().find(|s| format!("{s:?}") == event_target_value(&ev)).unwrap_or_default())
                    prop:value=move || format!("{:?}", sort.get())>
                    {AgreementSort::ALL.into_iter().map(|s| view! { <option value=format!("{s:?}")>{sort_label(s)}</option> }).collect_view()}
                </select>
            </label>
        </div>
        <p class="result-count" aria-live="polite">
            {move || {
                let shown = results.with(Vec::len);
                if filtered() { format!("{shown} / {} văn bản khớp", total()) } else { format!("{shown} văn bản") }
            }}
            <Show when=filtered>
                " · " <button class="link" on:click=clear>"Xóa bộ lọc"</button>
            </Show>
        </p>
        {move || {
            if total() == 0 {
                return view! {
                    <section class="empty">
                        <h2>"Chưa có văn bản nào"</h2>
                        <p>"Bắt đầu bằng việc thêm quy chế phối hợp đầu tiên của đơn vị. Các bên ký cần có trong danh bạ "
                            <a href="#/organisations">"Cơ quan"</a> "."</p>
                        <a class="button primary" href=Route::AgreementNew.href()>"+ Thêm văn bản"</a>
                    </section>
                }.into_any();
            }
            if results.with(Vec::is_empty) {
                return view! {
                    <section class="empty">
                        <h2>"Không có văn bản nào khớp"</h2>
                        <p>"Thử bỏ bớt từ khóa hoặc bộ lọc. Tìm kiếm không phân biệt dấu và chữ hoa."</p>
                        <button on:click=clear>"Xóa bộ lọc"</button>
                    </section>
                }.into_any();
            }
            view! {
                <table class="register">
                    <thead>
                        <tr>
                            <th scope="col">"Số hiệu"</th>
                            <th scope="col">"Tên văn bản"</th>
                            <th scope="col">"Các bên"</th>
                            <th scope="col">"Giai đoạn"</th>
                            <th scope="col">"Trạng thái"</th>
                        </tr>
                    </thead>
                    <tbody>
                        {move || results.get().into_iter().map(|a| {
                            let href = Route::Agreement(a.id()).href();
                            let parties = state.data.with(|d| a.parties.iter().map(|p| d.organisation_label(&p.organisation)).collect::<Vec<_>>().join(" · "));
                            view! {
                                <tr>
                                    <td class="number">{if a.number.is_empty() { "—".to_string() } else { a.number.clone() }}</td>
                                    <td class="title">
                                        <a href=href>{a.title.clone()}</a>
                                        <span class="kind">{let k = a.kind; move || text::agreement_kind_short(i18n, k)}</span>
                                    </td>
                                    <td class="parties">{parties}</td>
                                    <td class="period">{format_period_years(a.period.start, a.period.end)}</td>
                                    <td><StatusBadge agreement=a.clone()/></td>
                                </tr>
                            }
                        }).collect_view()}
                    </tbody>
                </table>
            }.into_any()
        }}
    }
}

fn parse_status(value: &str) -> Option<Status> {
    Status::ALL.into_iter().find(|s| format!("{s:?}") == value)
}

fn parse_kind(value: &str) -> Option<AgreementKind> {
    AgreementKind::ALL
        .into_iter()
        .find(|k| format!("{k:?}") == value)
}
