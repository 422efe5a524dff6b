//! The preview of an import: counts and lists by group, warnings, and each conflict field by
//! field with the user's choice. Nothing is written until "Nhập" is pressed.

use std::sync::Arc;

use leptos::prelude::*;

use super::{apply_import, use_sharing, wording, Stage};
use crate::core::dates::format_instant;
use crate::core::import::preview::{conflict_detail, label};
use crate::core::import::{Group, IncomingFile, Preview};
use crate::core::workspace::RecordKey;
use crate::route::Route;
use crate::ui::state::use_app;

/// Lists longer than this are cut, with the number left out: a whole office is thousands.
const SHOWN_PER_GROUP: usize = 100;

#[component]
pub fn PreviewView(name: String, file: Arc<IncomingFile>, preview: Arc<Preview>) -> impl IntoView {
    let state = use_app();
    let sharing = use_sharing();
    let error = RwSignal::new(None::<String>);
    let conflicts: Vec<RecordKey> = preview.in_group(Group::Conflict).map(|e| e.key).collect();
    let conflict_count = conflicts.len();
    let undecided = Memo::new(move |_| {
        sharing
            .choices
            .with(|c| conflicts.iter().filter(|k| !c.contains_key(k)).count())
    });
    let changes = preview
        .entries
        .iter()
        .filter(|e| !matches!(e.group, Group::Identical | Group::LocalNewer))
        .count();
    let header = file.header.clone();
    let for_apply = file.clone();
    let confirm = move |_| {
        if let Err(message) = apply_import(state, sharing, &for_apply) {
            error.set(Some(message));
        }
    };
    let cancel = move |_| sharing.stage.set(Stage::Idle);
    let warnings: Vec<String> = file
        .warnings
        .iter()
        .map(|w| w.message())
        .chain(preview.deletions_in_use.iter().map(|d| {
            let what = state
                .data
                .with_untracked(|data| label(data, d.key))
                .unwrap_or_default();
            format!(
                "Tệp xóa “{what}” ({}), nhưng {} bản ghi ở đây vẫn dùng bản ghi này.",
                d.position,
                d.used_by.len()
            )
        }))
        .collect();
    let warning_count = warnings.len();
    let group_list = {
        let preview = preview.clone();
        let file = file.clone();
        move |group: Group| {
            let entries: Vec<_> = preview.in_group(group).cloned().collect();
            let total = entries.len();
            (total > 0 && group != Group::Conflict).then(|| {
                let rows = entries
                    .into_iter()
                    .take(SHOWN_PER_GROUP)
                    .map(|e| {
                        // Labels from the file: a new record is not here yet.
                        let text = label(&file.records, e.key).unwrap_or_default();
                        let href = Route::of_record(e.key.collection, e.key.id).href();
                        view! {
                            <li>
                                <span class="muted">{wording::collection(e.key.collection)} ": "</span>
                                {if group == Group::New { view! { <span>{text}</span> }.into_any() } else { view! { <a href=href>{text}</a> }.into_any() }}
                            </li>
                        }
                    })
                    .collect_view();
                view! {
                    <details class="group-list" open=matches!(group, Group::New | Group::IncomingNewer | Group::DeletedInFile)>
                        <summary>{wording::group(group)} " (" {total} "): " {wording::group_effect(group)}</summary>
                        <ul>{rows}</ul>
                        {(total > SHOWN_PER_GROUP).then(|| view! { <p class="muted">"… và " {total - SHOWN_PER_GROUP} " bản ghi khác."</p> })}
                    </details>
                }
            })
        }
    };
    view! {
        <section class="card preview" aria-labelledby="preview-title">
            <h2 id="preview-title">"Xem trước: " {name}</h2>
            <p>
                "Tệp của " <strong>{header.office.name.clone()}</strong>
                ", xuất lúc " {format_instant(header.exported_at)} ", gồm " {wording::scope(&header.scope)} "."
                {file.migrated_from.map(|v| format!(" Tệp định dạng phiên bản {v} đã được chuyển sang định dạng hiện tại."))}
            </p>
            <ul class="counts" aria-label="Số bản ghi theo nhóm">
                {Group::ALL.into_iter().map(|g| view! {
                    <li class=wording::group_class(g)>
                        <strong>{preview.count(g)}</strong>
                        <span>{wording::group(g)}</span>
                    </li>
                }).collect_view()}
            </ul>
            {(warning_count > 0).then(|| view! {
                <div class="banner warning" role="status">
                    <strong>{warning_count} " cảnh báo (không ngăn việc nhập):"</strong>
                    <ul>{warnings.into_iter().take(50).map(|w| view! { <li>{w}</li> }).collect_view()}</ul>
                </div>
            })}
            {(conflict_count > 0).then(|| view! {
                <h3>"Xung đột (" {conflict_count} "): cả hai nơi đã sửa cùng một bản ghi"</h3>
                <p class="help">"Chọn cho từng bản ghi. Bản được giữ sẽ được coi là mới nhất ở mọi đơn vị, nên xung đột này không lặp lại."</p>
                {preview.in_group(Group::Conflict).map(|e| view! {
                    <ConflictCard key=e.key file=file.clone()/>
                }).collect_view()}
            })}
            {Group::ALL.into_iter().map(group_list.clone()).collect_view()}
            {move || error.get().map(|m| view! { <p class="field-error" role="alert">{m}</p> })}
            <div class="actions">
                {if changes == 0 {
                    view! {
                        <p>"Tệp không có gì mới: mọi bản ghi đã có ở đây, hoặc ở đây mới hơn."</p>
                        <button class="primary" on:click=cancel>"Đóng"</button>
                    }.into_any()
                } else {
                    view! {
                        <button class="primary" on:click=confirm disabled=move || { undecided.get() > 0 }>
                            {format!("Nhập {changes} thay đổi")}
                        </button>
                        {move || (undecided.get() > 0).then(|| view! {
                            <span class="muted">"Còn " {undecided.get()} " xung đột chưa chọn."</span>
                        })}
                        <button on:click=cancel>"Hủy, không nhập"</button>
                    }.into_any()
                }}
            </div>
        </section>
    }
}

/// A field's value as a reader expects it: times in Vietnam's clock, absence said in words.
fn shown(path: &str, value: Option<&str>) -> String {
    match value {
        None => "(không có)".into(),
        Some(v) if matches!(path, "created" | "updated") => v
            .parse::<chrono::DateTime<chrono::Utc>>()
            .map(format_instant)
            .unwrap_or_else(|_| v.to_string()),
        Some(v) => v.to_string(),
    }
}

#[component]
fn ConflictCard(key: RecordKey, file: Arc<IncomingFile>) -> impl IntoView {
    let state = use_app();
    let sharing = use_sharing();
    let detail = state
        .data
        .with_untracked(|data| conflict_detail(data, &file, key));
    let title = state
        .data
        .with_untracked(|data| label(data, key))
        .unwrap_or_default();
    let Some(detail) = detail else {
        return ().into_any();
    };
    let group_name = format!("choice-{}", key.id);
    let same = detail.rows.iter().filter(|r| !r.differs()).count();
    view! {
        <article class="conflict" aria-label=format!("Xung đột: {title}")>
            <h4>{wording::collection(key.collection)} ": " <a href=Route::of_record(key.collection, key.id).href()>{title.clone()}</a></h4>
            <table class="plain diff">
                <thead><tr><th scope="col">"Trường"</th><th scope="col">"Bản của tôi"</th><th scope="col">"Bản trong tệp"</th></tr></thead>
                <tbody>
                    {detail.rows.iter().filter(|r| r.differs()).map(|r| view! {
                        <tr>
                            <th scope="row">{wording::field(&r.path)}</th>
                            <td class="mine">{shown(&r.path, r.mine.as_deref())}</td>
                            <td class="theirs">{shown(&r.path, r.theirs.as_deref())}</td>
                        </tr>
                    }).collect_view()}
                </tbody>
            </table>
            <p class="muted">{same} " trường khác giống nhau ở hai bản."</p>
            <fieldset class="choices">
                <legend>"Giữ bản nào?"</legend>
                {detail.choices.iter().map(|&choice| {
                    let id = format!("{group_name}-{choice:?}");
                    view! {
                        <div class="check">
                            <input
                                type="radio"
                                id=id.clone()
                                name=group_name.clone()
                                prop:checked=move || sharing.choices.with(|c| c.get(&key) == Some(&choice))
                                on:change=move |_| sharing.choices.update(|c| { c.insert(key, choice); })
                            />
                            <label for=id>{wording::choice(choice)}</label>
                        </div>
                    }
                }).collect_view()}
            </fieldset>
        </article>
    }
    .into_any()
}
