//! Small pieces shared by the pages.

use leptos::prelude::*;
use leptos_fluent::I18n;

use super::state::use_app;
use super::text;
use crate::core::model::Agreement;
use crate::core::status::status_in;
use crate::core::validate::Issue;
use crate::core::workspace::RecordKey;
use crate::route::Route;

/// Says, at the top of every page, when something is not saved, could not be read, conflicts
/// between tabs, or storage is nearly full.
#[component]
pub fn StorageBanner() -> impl IntoView {
    let state = use_app();
    let export_message = RwSignal::new(None::<(bool, String)>);
    let export = move |_| match state.export_everything() {
        Ok(name) => export_message.set(Some((true, format!("Đã tạo tệp {name}: toàn bộ dữ liệu, kể cả thay đổi chưa lưu.")))),
        Err(why) => export_message.set(Some((false, format!("Không tạo được tệp: {why}")))),
    };
    view! {
        {move || {
            state.save.with(|s| {
                s.error.as_ref().map(|error| {
                    let count = s.pending.len();
                    view! {
                        <div class="banner error" role="alert" id="save-failed">
                            <p>
                                <strong>"Chưa lưu được thay đổi. "</strong>
                                {text::store_error(error)}
                                " " {count} " bản ghi vẫn còn trong trang này nhưng chưa được lưu vào trình duyệt; dữ liệu đã lưu trước đó không bị ảnh hưởng. Đừng đóng trang: hãy xuất toàn bộ dữ liệu ra tệp, rồi giải phóng dung lượng. Phối hợp tự thử lưu lại sau ít giây."
                            </p>
                            <button class="primary" on:click=export>"Xuất toàn bộ dữ liệu"</button>
                            " "
                            <button on:click=move |_| state.retry_save()>"Thử lưu lại"</button>
                            {move || export_message.get().map(|(ok, m)| view! { <p class=if ok { "field-ok" } else { "field-error" }>{m}</p> })}
                        </div>
                    }
                })
            })
        }}
        <ConflictBanner/>
        <Show when=move || state.read_only.get()>
            <div class="banner warning" role="status">
                "Trang đang ở chế độ chỉ xem: dữ liệu đã lưu không đọc được đầy đủ bằng phiên bản này, nên Phối hợp không ghi gì để khỏi làm hỏng. Xem chi tiết trong "
                <a href="#/settings">"Cài đặt"</a> "."
            </div>
        </Show>
        <Show when=move || state.load_problems.with(|p| !p.is_empty()) && !state.read_only.get()>
            <div class="banner warning" role="status">
                {move || state.load_problems.with(Vec::len)}
                " mục dữ liệu đã lưu không đọc được; phần còn lại vẫn dùng bình thường và các mục hỏng được giữ nguyên. Xem và xuất nội dung gốc trong "
                <a href="#/settings">"Cài đặt"</a> "."
            </div>
        </Show>
        <Show when=move || {
            state.storage.info.with(|i| i.units_used * 100 >= crate::core::storage::QUOTA_UNITS * crate::core::storage::WARN_PERCENT)
                && state.save.with(|s| s.error.is_none())
        }>
            <div class="banner warning" role="status">
                "Bộ nhớ trình duyệt đã dùng quá 80%. Hãy xuất toàn bộ dữ liệu ra tệp. Xem trong "
                <a href="#/settings">"Cài đặt"</a> "."
            </div>
        </Show>
    }
}

/// A record edited in two tabs at once: both versions, side by side where they differ, and a
/// choice. Nothing is lost until the user chooses.
#[component]
fn ConflictBanner() -> impl IntoView {
    let state = use_app();
    move || {
        let conflicts = state.storage.conflicts.get();
        (!conflicts.is_empty()).then(|| {
            let items = conflicts
                .into_iter()
                .map(|c| {
                    let key = c.key;
                    let label = state
                        .data
                        .with_untracked(|d| d.record_label(key))
                        .unwrap_or_else(|| key.id.to_string());
                    let stored = state.data.with_untracked(|d| crate::core::storage::record_value(d, key));
                    let stored = stored.unwrap_or(serde_json::Value::Null);
                    // The same field-by-field rows as an import's conflicts, minus the times.
                    let rows = crate::core::import::preview::field_rows(&stored, &c.other)
                        .into_iter()
                        .filter(|r| r.differs() && r.path != "updated" && r.path != "created")
                        .map(|r| {
                            let show = |v: Option<String>| v.unwrap_or_else(|| "—".into());
                            view! { <tr><th scope="row">{crate::ui::sharing::wording::field(&r.path)}</th><td>{show(r.mine)}</td><td>{show(r.theirs)}</td></tr> }
                        })
                        .collect_view();
                    view! {
                        <li>
                            <strong>{label}</strong>
                            <table class="conflict">
                                <thead><tr><th>"Trường"</th><th>"Bản đang lưu"</th><th>"Bản còn lại"</th></tr></thead>
                                <tbody>{rows}</tbody>
                            </table>
                            <button on:click=move |_| state.resolve_conflict(key, false)>"Giữ bản đang lưu"</button>
                            " "
                            <button on:click=move |_| state.resolve_conflict(key, true)>"Giữ bản còn lại"</button>
                        </li>
                    }
                })
                .collect_view();
            view! {
                <div class="banner error" role="alert" id="conflicts">
                    <p>
                        <strong>"Cùng một bản ghi vừa được sửa ở hai thẻ (cửa sổ) cùng lúc. "</strong>
                        "Cả hai phiên bản đều được giữ; hãy chọn bản đúng."
                    </p>
                    <ul>{items}</ul>
                </div>
            }
        })
    }
}

#[component]
pub fn ToastView() -> impl IntoView {
    let state = use_app();
    view! {
        <div class="toast-area" aria-live="polite">
            {move || {
                state.toast.get().map(|toast| {
                    let undo = toast.undo;
                    view! {
                        <div class="toast" role="status">
                            <span>{toast.message}</span>
                            // Whatever the message, say so while the browser refuses to store edits.
                            {move || state.save.with(|s| s.error.is_some()).then(|| view! {
                                <span class="toast-warning">"Chưa lưu được vào trình duyệt: xem thông báo ở đầu trang."</span>
                            })}
                            {undo.map(|u| view! { <button on:click=move |_| state.undo(u)>"Hoàn tác"</button> })}
                            <button class="close" aria-label="Đóng thông báo" on:click=move |_| state.toast.set(None)>"×"</button>
                        </div>
                    }
                })
            }}
        </div>
    }
}

#[component]
pub fn NotFound(path: String) -> impl IntoView {
    view! {
        <section class="empty">
            <h1>"Không tìm thấy trang"</h1>
            <p>"Đường dẫn “" {path} "” không trỏ tới trang nào của Phối hợp."</p>
            <a class="button" href="#/agreements">"Về danh sách văn bản"</a>
        </section>
    }
}

/// A record that is not (or no longer) there: deleted, or from a link to another office's data.
#[component]
pub fn Missing(what: &'static str, deleted: bool) -> impl IntoView {
    view! {
        <section class="empty">
            <h1>{format!("Không có {what} này")}</h1>
            <p>
                {if deleted {
                    "Bản ghi đã bị xóa. Nếu vừa xóa nhầm, bấm “Hoàn tác” ở thông báo phía dưới."
                } else {
                    "Có thể đường dẫn đến từ dữ liệu của đơn vị khác chưa được nhập vào trình duyệt này."
                }}
            </p>
            <a class="button" href="#/agreements">"Về danh sách văn bản"</a>
        </section>
    }
}

#[component]
pub fn StatusBadge(agreement: Agreement) -> impl IntoView {
    let state = use_app();
    let i18n = expect_context::<I18n>();
    let info = state
        .data
        .with_untracked(|d| status_in(d, &agreement, state.today()));
    let (status, reason) = (info.status, info.reason);
    view! {
        <span class=text::status_class(status) title=move || text::status_reason(i18n, &reason)>
            {move || text::status(i18n, status)}
        </span>
    }
}

/// The messages about one field, shown beside it.
#[component]
pub fn FieldIssues(
    issues: RwSignal<Vec<Issue>>,
    #[prop(into)] field: Signal<String>,
) -> impl IntoView {
    let i18n = expect_context::<I18n>();
    view! {
        {move || {
            let field = field.get();
            issues.with(|all| {
                all.iter()
                    .filter(|i| i.field == field)
                    .map(|i| {
                        let class = if i.is_error() { "field-error" } else { "field-warning" };
                        view! { <p class=class role=if i.is_error() { "alert" } else { "status" }>{text::problem(i18n, &i.problem)}</p> }
                    })
                    .collect_view()
            })
        }}
    }
}

/// A link to any stored record, by its label; a record missing here says so.
pub fn record_link(state: super::state::AppState, key: RecordKey) -> impl IntoView {
    match state.data.with_untracked(|d| d.record_label(key)) {
        Some(label) => {
            view! { <a href=Route::of_record(key.collection, key.id).href()>{label}</a> }.into_any()
        }
        None => {
            view! { <span class="muted">"(bản ghi chưa có trong dữ liệu này)"</span> }.into_any()
        }
    }
}

/// Why a delete was refused: each live record that still refers to it, as a link.
#[component]
pub fn DeleteRefused(
    blockers: RwSignal<Option<Vec<RecordKey>>>,
    /// What the blocking records do with this one, and what to do about it.
    #[prop(optional, into)]
    explanation: String,
) -> impl IntoView {
    let state = use_app();
    move || {
        blockers.get().map(|keys| {
            let explanation = if explanation.is_empty() {
                "đang dùng đến mục này; hãy xóa hoặc sửa chúng trước:".to_string()
            } else {
                explanation.clone()
            };
            view! {
                <div class="banner error" role="alert">
                    <p>
                        <strong>"Chưa xóa được. "</strong>
                        {format!("Còn {} bản ghi ", keys.len())}
                        {explanation}
                    </p>
                    <ul>{keys.into_iter().map(|k| view! { <li>{record_link(state, k)}</li> }).collect_view()}</ul>
                    <button class="link" on:click=move |_| blockers.set(None)>"Đóng"</button>
                </div>
            }
        })
    }
}
