//! The storage sections of Settings: the usage meter, durability (persistent storage, last
//! export), backups with restore, and what could not be read (with its raw text to save).

use leptos::prelude::*;

use super::state::use_app;
use super::text;
use crate::core::dates::format_date;
use crate::core::storage::{QUOTA_UNITS, WARN_PERCENT};

fn when(t: chrono::DateTime<chrono::Utc>) -> String {
    let local = t.with_timezone(&chrono::FixedOffset::east_opt(7 * 3600).expect("UTC+7"));
    format!(
        "{} {}",
        local.format("%H:%M"),
        format_date(local.date_naive())
    )
}

#[component]
pub fn StorageSettings() -> impl IntoView {
    view! {
        <UsageMeter/>
        <Durability/>
        <Backups/>
        <Unreadable/>
    }
}

#[component]
fn UsageMeter() -> impl IntoView {
    let state = use_app();
    let info = state.storage.info;
    let percent = move || info.with(|i| i.units_used * 100 / QUOTA_UNITS);
    view! {
        <section class="card" id="storage-usage">
            <h2>"Bộ nhớ trình duyệt"</h2>
            <meter
                min="0"
                max=QUOTA_UNITS.to_string()
                high=(QUOTA_UNITS / 100 * WARN_PERCENT).to_string()
                value=move || info.with(|i| i.units_used.to_string())
                aria-label="Dung lượng đã dùng"
            ></meter>
            <p>
                "Đã dùng " <strong>{move || info.with(|i| text::million_units(i.units_used))} " triệu"</strong>
                " trong khoảng " {text::million_units(QUOTA_UNITS)} " triệu ký tự mà Chrome, Edge và Firefox cho mỗi trang ("
                {percent} "%), trong đó bản sao lưu chiếm "
                {move || info.with(|i| text::million_units(i.snapshot_units))} " triệu. Safari chỉ cho khoảng một nửa."
            </p>
            <Show when=move || { percent() >= WARN_PERCENT }>
                <p class="field-error" role="alert">
                    "Bộ nhớ đã dùng quá " {WARN_PERCENT} "%. Hãy xuất toàn bộ dữ liệu ra tệp; khi thiếu chỗ, Phối hợp bỏ các bản sao lưu trước, không bao giờ bỏ dữ liệu chính."
                </p>
            </Show>
        </section>
    }
}

#[component]
fn Durability() -> impl IntoView {
    let state = use_app();
    let info = state.storage.info;
    let message = RwSignal::new(None::<(bool, String)>);
    let export = move |_| match state.export_everything() {
        Ok(name) => message.set(Some((true, format!("Đã tạo tệp {name}.")))),
        Err(why) => message.set(Some((false, format!("Không tạo được tệp: {why}")))),
    };
    view! {
        <section class="card" id="storage-durability">
            <h2>"Độ an toàn của dữ liệu"</h2>
            <p>
                {move || match info.with(|i| i.persisted) {
                    Some(true) => "Trình duyệt đã đồng ý lưu bền vững: dữ liệu không bị tự xóa khi máy thiếu dung lượng.",
                    Some(false) => "Trình duyệt chưa đồng ý lưu bền vững: khi máy thiếu dung lượng, trình duyệt có thể xóa dữ liệu của trang. Hãy xuất tệp thường xuyên.",
                    None => "Trình duyệt không cho biết có lưu bền vững hay không. Hãy xuất tệp thường xuyên.",
                }}
            </p>
            <p id="unexported">
                {move || {
                    let e = info.with(|i| i.export);
                    match (e.changed_since, e.last_export) {
                        (Some(since), _) => format!("Có thay đổi chưa xuất ra tệp từ {}.", when(since)),
                        (None, Some(last)) => format!("Mọi thay đổi đã được xuất (lần xuất gần nhất: {}).", when(last)),
                        (None, None) => "Chưa có thay đổi nào cần xuất.".to_string(),
                    }
                }}
            </p>
            <p class="help">"Bộ nhớ trình duyệt là bản duy nhất của dữ liệu cho tới khi bạn xuất ra tệp."</p>
            <button class="primary" on:click=export>"Xuất toàn bộ dữ liệu"</button>
            {move || message.get().map(|(ok, m)| view! { <p class=if ok { "field-ok" } else { "field-error" }>{m}</p> })}
        </section>
    }
}

#[component]
fn Backups() -> impl IntoView {
    let state = use_app();
    let info = state.storage.info;
    let message = RwSignal::new(None::<(bool, String)>);
    let confirm = RwSignal::new(None::<String>);
    view! {
        <section class="card" id="storage-backups">
            <h2>"Bản sao lưu trong trình duyệt"</h2>
            <p class="help">
                "Phối hợp tự giữ bản sao lưu đầu tiên của mỗi ngày (3 ngày gần nhất) và một bản ngay trước mỗi lần nhập tệp, trong giới hạn một phần tư bộ nhớ. Khi thiếu chỗ, bản sao lưu bị bỏ trước. Bản sao lưu nằm trong cùng trình duyệt: không thay cho việc xuất tệp."
            </p>
            {move || info.with(|i| i.snapshot_refused.clone()).map(|why| view! {
                <p class="field-warning" role="status">"Bản sao lưu gần nhất không tạo được: " {why}</p>
            })}
            {move || {
                let snapshots = info.with(|i| i.snapshots.clone());
                if snapshots.is_empty() {
                    return view! { <p>"Chưa có bản sao lưu nào."</p> }.into_any();
                }
                view! {
                    <table class="register">
                        <thead><tr><th>"Thời điểm"</th><th>"Loại"</th><th>"Dung lượng"</th><th></th></tr></thead>
                        <tbody>
                            {snapshots.into_iter().rev().map(|s| {
                                let key = s.key.clone();
                                let key2 = s.key.clone();
                                view! {
                                    <tr>
                                        <td>{when(s.taken_at)}</td>
                                        <td>{text::snapshot_kind(s.kind)}</td>
                                        <td>{format!("{} nghìn ký tự", s.units / 1000)}</td>
                                        <td>
                                            <button on:click=move |_| confirm.set(Some(key.clone()))>"Khôi phục…"</button>
                                            " "
                                            <button class="link" on:click=move |_| {
                                                match state.drop_snapshot(&key2) {
                                                    Ok(()) => message.set(Some((true, "Đã xóa bản sao lưu.".into()))),
                                                    Err(e) => message.set(Some((false, text::store_error(&e)))),
                                                }
                                            }>"Xóa"</button>
                                        </td>
                                    </tr>
                                }
                            }).collect_view()}
                        </tbody>
                    </table>
                }.into_any()
            }}
            {move || confirm.get().map(|key| {
                let key_for_restore = key.clone();
                view! {
                    <div class="banner warning" role="dialog" aria-label="Xác nhận khôi phục">
                        <p>"Đưa toàn bộ dữ liệu về như lúc sao lưu? Các thay đổi sau thời điểm đó được ghi đè bằng một lần sửa mới (bản hiện tại được sao lưu trước, nên có thể khôi phục lại)."</p>
                        <button class="primary" on:click=move |_| {
                            confirm.set(None);
                            match state.restore_snapshot(&key_for_restore) {
                                Ok(n) => message.set(Some((true, format!("Đã khôi phục: {n} bản ghi thay đổi.")))),
                                Err(why) => message.set(Some((false, format!("Không khôi phục được: {why}")))),
                            }
                        }>"Khôi phục"</button>
                        " "
                        <button on:click=move |_| confirm.set(None)>"Hủy"</button>
                    </div>
                }
            })}
            {move || message.get().map(|(ok, m)| view! { <p class=if ok { "field-ok" } else { "field-error" } role="status">{m}</p> })}
        </section>
    }
}

#[component]
fn Unreadable() -> impl IntoView {
    let state = use_app();
    let save_raw = move |_| {
        let text = state.unreadable_raw_text();
        let name = format!(
            "phoi-hop-du-lieu-khong-doc-duoc-{}.json",
            state.today().format("%Y-%m-%d")
        );
        if let Err(why) = crate::ui::sharing::browser::download(&text, &name) {
            state.notify(format!("Không tạo được tệp: {why}"), None);
        }
    };
    view! {
        <section class="card" id="storage-unreadable">
            <h2>"Dữ liệu không đọc được"</h2>
            {move || {
                let problems = state.load_problems.get();
                if problems.is_empty() {
                    view! { <p>"Mọi dữ liệu đã lưu đều đọc được."</p> }.into_any()
                } else {
                    view! {
                        <p>"Các mục sau được giữ nguyên trong trình duyệt, không bị ghi đè; phần còn lại vẫn dùng bình thường. Hãy lưu nội dung gốc ra tệp để gửi hỗ trợ."</p>
                        <button on:click=save_raw>"Lưu nội dung gốc ra tệp"</button>
                        <ul class="problems">
                            {problems
                                .into_iter()
                                .map(|p| {
                                    view! {
                                        <li>
                                            <code>{p.key.clone()}</code>
                                            ": "
                                            {text::load_problem(&p.kind)}
                                            <details>
                                                <summary>"Nội dung gốc"</summary>
                                                <textarea readonly=true rows="4">{p.raw.clone()}</textarea>
                                            </details>
                                        </li>
                                    }
                                })
                                .collect_view()}
                        </ul>
                    }
                        .into_any()
                }
            }}
        </section>
    }
}
