//! Trao đổi dữ liệu: export a file for another office, and import theirs through a preview that
//! changes nothing until the user confirms, then a report with "undo this import".
//! Every decision is the core's (`file_format`, `import`, `merge`); this module only shows it.

pub(crate) mod browser;
mod preview_view;
pub(crate) mod wording;

use std::collections::BTreeMap;
use std::sync::Arc;

use leptos::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::File;

use super::state::{use_app, AppState};
use crate::core::dates::format_instant;
use crate::core::file_format::{self, Header, Scope};
use crate::core::import::{self, FileError, IncomingFile, Preview, UndoImport, MAX_FILE_BYTES};
use crate::core::merge::Choice;
use crate::core::meta::new_id;
use crate::core::model::{AgreementKind, Collection, Record};
use crate::core::workspace::RecordKey;
use crate::route::Route;

/// Where the import stands.
#[derive(Clone)]
pub enum Stage {
    Idle,
    Reading {
        name: String,
    },
    Refused {
        name: String,
        message: String,
    },
    Preview {
        name: String,
        file: Arc<IncomingFile>,
        preview: Arc<Preview>,
    },
    Applied(Arc<Report>),
}

/// What the report after an import says.
pub struct Report {
    pub from_office: String,
    pub counts: BTreeMap<import::Group, usize>,
    pub written: usize,
    pub copies: usize,
    /// False when the undo did not fit in localStorage: it lasts until the page closes.
    pub undo_stored: bool,
}

/// The import in progress and the last import's undo, shared by the page and the drop target.
#[derive(Clone, Copy)]
pub struct Sharing {
    pub stage: RwSignal<Stage>,
    pub choices: RwSignal<BTreeMap<RecordKey, Choice>>,
    pub undo: RwSignal<Option<Arc<UndoImport>>>,
    pub undo_message: RwSignal<Option<(bool, String)>>,
    dragging: RwSignal<bool>,
}

impl Sharing {
    pub fn provide() {
        provide_context(Sharing {
            stage: RwSignal::new(Stage::Idle),
            choices: RwSignal::new(BTreeMap::new()),
            undo: RwSignal::new(browser::stored_undo().map(Arc::new)),
            undo_message: RwSignal::new(None),
            dragging: RwSignal::new(false),
        });
    }

    /// Reads a chosen or dropped file and shows its preview (or why it is refused).
    pub fn open(self, state: AppState, file: File) {
        let name = file.name();
        state.navigate(Route::Sharing);
        self.choices.set(BTreeMap::new());
        self.undo_message.set(None);
        let size = file.size() as usize;
        if size > MAX_FILE_BYTES {
            // Refused before reading: a huge file would only freeze the page.
            let message = FileError::TooLarge {
                bytes: size,
                limit: MAX_FILE_BYTES,
            }
            .message();
            self.stage.set(Stage::Refused { name, message });
            return;
        }
        self.stage.set(Stage::Reading { name: name.clone() });
        let stage = self.stage;
        leptos::task::spawn_local(async move {
            let next = match browser::read_bytes(&file).await {
                Err(why) => Stage::Refused {
                    name,
                    message: format!("Trình duyệt không đọc được tệp ({why})."),
                },
                Ok(bytes) => {
                    state
                        .data
                        .with_untracked(|data| match import::read_file(&bytes, data) {
                            Err(error) => Stage::Refused {
                                name,
                                message: error.message(),
                            },
                            Ok(file) => {
                                let preview = import::preview(&file, data);
                                Stage::Preview {
                                    name,
                                    file: Arc::new(file),
                                    preview: Arc::new(preview),
                                }
                            }
                        })
                }
            };
            stage.set(next);
        });
    }
}

pub fn use_sharing() -> Sharing {
    expect_context::<Sharing>()
}

/// A file dropped anywhere on the page opens its preview here.
#[component]
pub fn DropTarget() -> impl IntoView {
    let state = use_app();
    let sharing = use_sharing();
    let carries_files = |ev: &web_sys::DragEvent| {
        ev.data_transfer()
            .map(|dt| dt.types().includes(&"Files".into(), 0))
            .unwrap_or(false)
    };
    let over = window_event_listener(leptos::ev::dragover, move |ev| {
        if carries_files(&ev) {
            // Without this the browser opens the file itself, leaving the app.
            ev.prevent_default();
            sharing.dragging.set(true);
        }
    });
    let leave = window_event_listener(leptos::ev::dragleave, move |ev| {
        // Leaving the window has no related target; moving between elements does.
        if ev.related_target().is_none() {
            sharing.dragging.set(false);
        }
    });
    let drop = window_event_listener(leptos::ev::drop, move |ev| {
        sharing.dragging.set(false);
        let file = ev
            .data_transfer()
            .and_then(|dt| dt.files())
            .and_then(|files| files.get(0));
        if let Some(file) = file {
            ev.prevent_default();
            sharing.open(state, file);
        }
    });
    on_cleanup(move || {
        over.remove();
        leave.remove();
        drop.remove();
    });
    view! {
        <Show when=move || sharing.dragging.get()>
            <div class="drop-overlay" aria-hidden="true">
                <p>"Thả tệp để xem trước khi nhập. Chưa có gì thay đổi cho tới khi bạn xác nhận."</p>
            </div>
        </Show>
    }
}

#[component]
pub fn SharingPage() -> impl IntoView {
    let sharing = use_sharing();
    view! {
        <h1>"Trao đổi dữ liệu"</h1>
        <p class="lead">
            "Gửi dữ liệu cho đơn vị khác bằng một tệp; nhận tệp của họ, xem trước từng thay đổi rồi mới nhập. Không ai mất việc đã làm: bản mới hơn được giữ, chỗ hai nơi cùng sửa thì bạn chọn."
        </p>
        <div class="sharing-grid">
            <ExportCard/>
            <ImportCard/>
        </div>
        {move || match sharing.stage.get() {
            Stage::Idle => ().into_any(),
            Stage::Reading { name } => view! {
                <section class="card" role="status"><p>"Đang đọc tệp “" {name} "”…"</p></section>
            }.into_any(),
            Stage::Refused { name, message } => view! {
                <section class="banner error import-refused" role="alert">
                    <strong>"Không nhập tệp “" {name} "”. "</strong>
                    {message}
                    " Dữ liệu ở đây không thay đổi."
                </section>
            }.into_any(),
            Stage::Preview { name, file, preview } => view! {
                <preview_view::PreviewView name=name file=file preview=preview/>
            }.into_any(),
            Stage::Applied(report) => view! { <ReportView report=report/> }.into_any(),
        }}
    }
}

#[component]
fn ExportCard() -> impl IntoView {
    let state = use_app();
    let message = RwSignal::new(None::<(bool, String)>);
    let counts = move || {
        state.data.with(|d| {
            let parts: Vec<String> = Collection::ALL
                .into_iter()
                .map(|c| {
                    let n = crate::with_record_type!(c, T => d.table::<T>().iter_live().count());
                    format!("{n} {}", wording::collection(c).to_lowercase())
                })
                .collect();
            parts.join(", ")
        })
    };
    // Regulations first, then by title: the usual thing to send is a regulation and its plans.
    let agreements = Memo::new(move |_| {
        state.data.with(|d| {
            let mut list: Vec<(bool, String, crate::core::meta::Id)> = d
                .agreements
                .iter_live()
                .map(|a| {
                    let label = if a.number.is_empty() {
                        a.title.clone()
                    } else {
                        format!("{} — {}", a.number, a.title)
                    };
                    (a.kind != AgreementKind::Regulation, label, a.id())
                })
                .collect();
            list.sort();
            list
        })
    });
    let chosen = RwSignal::new(String::new());
    let export = move |root: Option<crate::core::meta::Id>| {
        let Some(office) = state.office.get_untracked() else {
            return;
        };
        let now = state.stamp().now;
        let result = state.data.with_untracked(|data| {
            let (scope, only, what) = match root {
                None => (Scope::All, None, None),
                Some(id) => {
                    let a = data.agreements.get(&id)?;
                    let key = RecordKey {
                        collection: Collection::Agreements,
                        id,
                    };
                    let what = if a.number.is_empty() {
                        a.title.clone()
                    } else {
                        a.number.clone()
                    };
                    (
                        Scope::Agreement {
                            id,
                            title: a.title.clone(),
                        },
                        Some(file_format::selection(data, key)),
                        Some(what),
                    )
                }
            };
            let text = file_format::export(data, &Header::new(&office, scope, now), only.as_ref());
            let name = file_format::file_name(&office.name, what.as_deref(), state.today());
            Some((text, name))
        });
        let downloaded =
            result.map(|(text, name)| browser::download(&text, &name).map(|()| (name, text.len())));
        match downloaded {
            Some(Ok((name, bytes))) => {
                // "Changes not exported since …" starts afresh only when everything went out.
                if root.is_none() {
                    state.record_export();
                }
                message.set(Some((
                    true,
                    format!(
                        "Đã tạo tệp {name} ({}). Gửi tệp này cho đơn vị kia.",
                        human_size(bytes)
                    ),
                )))
            }
            Some(Err(why)) => message.set(Some((false, format!("Không tạo được tệp: {why}")))),
            None => message.set(Some((false, "Văn bản này không còn nữa.".into()))),
        }
    };
    view! {
        <section class="card">
            <h2>"Xuất tệp"</h2>
            <p>"Dữ liệu ở đây: " {counts} "."</p>
            <button class="primary" on:click=move |_| export(None)>"Xuất toàn bộ dữ liệu"</button>
            <div class="stack export-one">
                <label for="export-agreement">"Hoặc chỉ một văn bản, kèm kế hoạch, sự kiện, kiến nghị và các cơ quan, cá nhân liên quan:"</label>
                <select id="export-agreement" on:change=move |ev| chosen.set(event_target_value(&ev)) prop:value=move || chosen.get()>
                    <option value="">"— Chọn văn bản —"</option>
                    {move || agreements.get().into_iter().map(|(_, label, id)| view! {
                        <option value=id.to_string()>{label}</option>
                    }).collect_view()}
                </select>
                <button
                    disabled=move || chosen.with(String::is_empty)
                    on:click=move |_| export(chosen.get_untracked().parse().ok())
                >"Xuất văn bản này"</button>
            </div>
            {move || message.get().map(|(ok, m)| view! {
                <p class=if ok { "field-ok" } else { "field-error" } role="status">{m}</p>
            })}
        </section>
    }
}

fn human_size(bytes: usize) -> String {
    if bytes < 1024 * 1024 {
        format!("{} KB", bytes.div_ceil(1024))
    } else {
        format!("{:.1} MB", bytes as f64 / 1_048_576.0).replace('.', ",")
    }
}

#[component]
fn ImportCard() -> impl IntoView {
    let state = use_app();
    let sharing = use_sharing();
    let on_pick = move |ev: leptos::ev::Event| {
        let input: web_sys::HtmlInputElement = ev.target().expect("input").unchecked_into();
        if let Some(file) = input.files().and_then(|f| f.get(0)) {
            sharing.open(state, file);
        }
        // The same file chosen again must fire `change` again.
        input.set_value("");
    };
    view! {
        <section class="card">
            <h2>"Nhập tệp"</h2>
            <div class="drop-zone">
                <p>"Kéo thả tệp .json của đơn vị khác vào trang này, hoặc"</p>
                <label class="button primary" for="import-file">"Chọn tệp…"</label>
                <input id="import-file" class="visually-hidden" type="file" accept=".json,application/json" on:change=on_pick/>
            </div>
            <p class="help">"Chưa có gì thay đổi cho tới khi bạn xem trước và bấm xác nhận."</p>
            <UndoOffer/>
        </section>
    }
}

/// "Undo the last import", after the report and after a reload alike.
#[component]
fn UndoOffer() -> impl IntoView {
    let state = use_app();
    let sharing = use_sharing();
    view! {
        {move || sharing.undo.get().map(|undo| view! {
            <div class="undo-offer">
                <p>
                    "Lần nhập gần nhất: tệp của " <strong>{undo.from_office.clone()}</strong>
                    ", lúc " {format_instant(undo.imported_at)} ", " {undo.entries.len()} " bản ghi đã thay đổi."
                </p>
                <button on:click=move |_| undo_import(state, sharing)>"Hoàn tác lần nhập này"</button>
            </div>
        })}
        {move || sharing.undo_message.get().map(|(ok, m)| view! {
            <p class=if ok { "field-ok" } else { "field-error" } role="status">{m}</p>
        })}
    }
}

/// Applies the previewed file with the chosen answers, stores what changed, keeps the undo.
pub fn apply_import(state: AppState, sharing: Sharing, file: &IncomingFile) -> Result<(), String> {
    if state.read_only.get_untracked() {
        return Err("Trang đang ở chế độ chỉ xem nên không nhập được.".into());
    }
    if state.save.with_untracked(|s| s.error.is_some()) {
        return Err("Còn thay đổi chưa lưu được vào trình duyệt; hãy xử lý thông báo lỗi lưu ở đầu trang trước khi nhập.".into());
    }
    let choices = sharing.choices.get_untracked();
    let stamp = state.stamp();
    // A snapshot of everything before the import changes it, restorable from Settings. Too big
    // for the backup budget, it is refused (Settings says why) and the import goes on: the
    // import's own undo still holds.
    if let Err(why) = state.snapshot_before_import() {
        state.notify(
            format!("Không giữ được bản sao lưu trước khi nhập: {why}"),
            None,
        );
    }
    let result = state
        .data
        .try_update(|data| import::apply(data, file, &choices, stamp, new_id))
        .expect("dataset is alive");
    let applied = result
        .map_err(|undecided| format!("Còn {} xung đột chưa chọn cách giữ.", undecided.len()))?;
    // The undo goes to storage before the records, so even a half-finished save can be undone.
    let undo_stored = applied.written.is_empty() || browser::store_undo(&applied.undo);
    state.persist(applied.written.clone());
    let report = Report {
        from_office: file.header.office.name.clone(),
        counts: applied.counts.clone(),
        written: applied.written.len(),
        copies: applied.copies,
        undo_stored,
    };
    if !applied.written.is_empty() {
        sharing.undo.set(Some(Arc::new(applied.undo)));
    }
    sharing.undo_message.set(None);
    sharing.stage.set(Stage::Applied(Arc::new(report)));
    Ok(())
}

fn undo_import(state: AppState, sharing: Sharing) {
    let Some(undo) = sharing.undo.get_untracked() else {
        return;
    };
    let result = state
        .data
        .try_update(|data| import::undo(data, &undo))
        .expect("dataset is alive");
    match result {
        Err(import::preview::UndoRefused::EditedSince(keys)) => sharing.undo_message.set(Some((
            false,
            format!(
                "Không hoàn tác được: {} bản ghi đã được sửa sau lần nhập này; hoàn tác sẽ làm mất các sửa đổi đó.",
                keys.len()
            ),
        ))),
        Ok(undone) => {
            state.persist_rollback(undone.restored.clone());
            // Records the import had added are taken out of storage too, or a reload brings them back.
            let removed = state.forget_records(&undone.removed);
            let _ = browser::clear_undo();
            sharing.undo.set(None);
            if matches!(sharing.stage.get_untracked(), Stage::Applied(_)) {
                sharing.stage.set(Stage::Idle);
            }
            let message = match removed {
                Ok(()) => format!(
                    "Đã hoàn tác lần nhập: {} bản ghi trở lại như trước, {} bản ghi do tệp thêm vào đã được bỏ.",
                    undone.restored.len(),
                    undone.removed.len()
                ),
                Err(e) => format!(
                    "Đã hoàn tác trong trang, nhưng chưa xóa được khỏi trình duyệt các bản ghi do tệp thêm vào: {}",
                    super::text::store_error(&e)
                ),
            };
            sharing.undo_message.set(Some((true, message)));
        }
    }
}

#[component]
fn ReportView(report: Arc<Report>) -> impl IntoView {
    let count = |g| report.counts.get(&g).copied().unwrap_or(0);
    let line = |n: usize, text: &'static str| {
        (n > 0).then(|| view! { <li><strong>{n}</strong> " " {text}</li> })
    };
    view! {
        <section class="card report" role="status" aria-labelledby="report-title">
            <h2 id="report-title">"Đã nhập tệp của " {report.from_office.clone()}</h2>
            {if report.written == 0 {
                view! { <p>"Không có gì thay đổi: mọi bản ghi trong tệp đã có ở đây, hoặc ở đây mới hơn."</p> }.into_any()
            } else {
                view! { <p>{report.written} " bản ghi đã được ghi vào trình duyệt."</p> }.into_any()
            }}
            <ul class="report-lines">
                {line(count(import::Group::New), "bản ghi mới được thêm")}
                {line(count(import::Group::IncomingNewer), "bản ghi được cập nhật theo tệp")}
                {line(count(import::Group::DeletedInFile), "bản ghi bị xóa theo tệp")}
                {line(count(import::Group::Conflict), "xung đột đã giải quyết theo lựa chọn của bạn")}
                {line(report.copies, "bản sao được tạo khi giữ cả hai")}
                {line(count(import::Group::LocalNewer), "bản ghi giữ nguyên vì ở đây mới hơn")}
                {line(count(import::Group::Identical), "bản ghi giống nhau")}
            </ul>
            {(!report.undo_stored).then(|| view! {
                <p class="field-warning">"Bộ nhớ trình duyệt không đủ chỗ cho bản lưu để hoàn tác: chỉ hoàn tác được khi trang này còn mở."</p>
            })}
        </section>
    }
}
