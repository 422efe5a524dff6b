//! Sharing (trao đổi dữ liệu): export a file for another office, and import theirs through a preview that
//! changes nothing until the user confirms, then a report with "undo this import".
//! Every decision is the core's (`file_format`, `import`, `merge`); this module only shows it.

pub(crate) mod browser;
mod preview_view;
pub(crate) mod wording;

use crate::core::records::sorting;
use std::collections::BTreeMap;
use std::sync::Arc;

use leptos::prelude::*;
use leptos_fluent::{move_tr, tr, I18n};
use wasm_bindgen::JsCast;
use web_sys::File;

use super::state::import as state_import;
use super::state::{use_app, AppState, Encoded, Progress, WorkKind};
use crate::core::exchange::import::{
    self, FileError, Fingerprints, IncomingFile, Message, Preview, Refreshing, UndoImport,
    MAX_FILE_BYTES,
};
use crate::core::exchange::merge::Choice;
use crate::core::records::model::AgreementKind;
use crate::core::records::record::{Collection, Record, RecordKey};
use crate::core::rules::dates::format_instant;
use crate::core::storage::keys::{SnapshotKind, ROLLBACK_KEY};
use crate::core::storage::Rollback;
use crate::route::Route;
use crate::web::tabs::StorageChange;

/// Where the import stands.
#[derive(Clone)]
pub enum Stage {
    Idle,
    Reading {
        name: String,
    },
    /// Why, as the core's message: worded when shown, so a language switch rewords it.
    Refused {
        name: String,
        message: Message,
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
    /// The file's office: the audit page filtered to its changes is linked from the report.
    pub from_office_id: uuid::Uuid,
    pub counts: BTreeMap<import::Group, usize>,
    pub written: usize,
    pub copies: usize,
    /// False when the undo did not fit in localStorage: it lasts until the page closes.
    pub undo_stored: bool,
    /// The history entries the file brought, newest first, each with its record and label.
    pub brought: Vec<(
        crate::core::records::record::RecordKey,
        String,
        crate::core::records::history::Change,
    )>,
}

/// The import in progress and the last import's undo, shared by the page and the drop target.
#[derive(Clone, Copy)]
pub struct Sharing {
    pub stage: RwSignal<Stage>,
    pub choices: RwSignal<BTreeMap<RecordKey, Choice>>,
    pub undo: RwSignal<Option<Arc<UndoImport>>>,
    pub undo_message: RwSignal<Option<(bool, String)>>,
    dragging: RwSignal<bool>,
    /// Our records' fingerprints, so a file's records that are exactly ours are not read again.
    fingerprints: StoredValue<Fingerprints>,
}

impl Sharing {
    pub fn provide() {
        let sharing = Sharing {
            stage: RwSignal::new(Stage::Idle),
            choices: RwSignal::new(BTreeMap::new()),
            undo: RwSignal::new(state_import::stored_undo().map(Arc::new)),
            undo_message: RwSignal::new(None),
            dragging: RwSignal::new(false),
            fingerprints: StoredValue::new(Fingerprints::default()),
        };
        provide_context(sharing);
        crate::web::tabs::on_change(move |change| sharing.hear(change));
    }

    /// Another tab's write that concerns the last import's undo: the offer here follows it
    /// without a reload. An undo done there stops the offer (the mark comes first, even when
    /// the undo is not fully stored yet; the stored undo is removed once it is); an import done
    /// there is offered here.
    fn hear(self, change: StorageChange) {
        match change.key.as_deref() {
            Some(state_import::UNDO_KEY) => match change.new_value.as_deref() {
                None => self.undone_elsewhere(),
                Some(raw) => {
                    self.undo.set(state_import::read_undo(raw).map(Arc::new));
                    self.undo_message.set(None);
                }
            },
            Some(ROLLBACK_KEY) => {
                let Some(mark) = change.new_value.as_deref().and_then(Rollback::decode) else {
                    return;
                };
                let undone = self.undo.with_untracked(|undo| {
                    undo.as_ref().is_some_and(|undo| {
                        mark.undoes(undo.entries.iter().map(|e| (e.key(), &e.written)))
                    })
                });
                if undone {
                    self.undone_elsewhere();
                }
            }
            Some(_) => {}
            // The whole store was cleared: nothing left to undo.
            None => self.undo.set(None),
        }
    }

    /// The import offered here was undone in another tab: the offer goes, and says so.
    fn undone_elsewhere(self) {
        let Some(undo) = self.undo.get_untracked() else {
            return;
        };
        self.undo.set(None);
        if matches!(self.stage.get_untracked(), Stage::Applied(_)) {
            self.stage.set(Stage::Idle);
        }
        let office = undo.from_office.clone();
        let message = crate::ui::i18n::current()
            .map(|i18n| tr!(i18n, "sharing-undone-elsewhere", {"office" => office}))
            .unwrap_or_default();
        self.undo_message.set(Some((true, message)));
    }

    /// Brings the fingerprints up to date with the data (only records edited since are written
    /// again), a slice at a time: done when the sharing page opens, so that reading a file finds
    /// them ready, and again before a file is read.
    async fn refresh_fingerprints(self, state: AppState) {
        let mut at = Refreshing::default();
        let mut progress = Progress::unseen(state);
        loop {
            let done = state.data.with_untracked(|data| {
                self.fingerprints
                    .try_update_value(|known| known.refresh_some(data, &mut at, 500))
                    .unwrap_or(true)
            });
            if done {
                break;
            }
            progress.maybe_pause(0).await;
        }
    }

    /// Reads a chosen or dropped file and shows its preview (or why it is refused), a slice of
    /// records at a time with its progress shown.
    pub fn open(self, state: AppState, file: File) {
        if state.busy() {
            state.notify(|i18n| tr!(i18n, "work-busy"), None);
            return;
        }
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
        let sharing = self;
        leptos::task::spawn_local(async move {
            let next = match browser::read_bytes(&file).await {
                Err(why) => Stage::Refused {
                    name,
                    message: Message::new("sharing-read-failed").text("why", why),
                },
                Ok(bytes) => {
                    sharing.refresh_fingerprints(state).await;
                    let lent = Lent {
                        data: state.data,
                        known: sharing.fingerprints,
                    };
                    let mut progress = Progress::shown(state, WorkKind::ReadImport, 0);
                    // The bytes go to the file, which keeps them for the records it recognised.
                    // This office is set before any page is shown (first run).
                    let here = state.office.with_untracked(|o| o.as_ref().map(|o| o.id));
                    let read = import::read_file_paced(
                        bytes,
                        &lent,
                        here.unwrap_or_default(),
                        &mut progress,
                    )
                    .await;
                    drop(progress);
                    match read {
                        Err(error) => Stage::Refused {
                            name,
                            message: error.message(),
                        },
                        Ok(file) => {
                            let preview = state
                                .data
                                .with_untracked(|data| import::preview(&file, data));
                            Stage::Preview {
                                name,
                                file: Arc::new(file),
                                preview: Arc::new(preview),
                            }
                        }
                    }
                }
            };
            stage.set(next);
        });
    }
}

/// Our data and fingerprints, lent to a paced read one slice at a time.
struct Lent {
    data: RwSignal<crate::core::records::workspace::Dataset>,
    known: StoredValue<Fingerprints>,
}

impl import::Local for Lent {
    fn with<R>(
        &self,
        f: impl FnOnce(&crate::core::records::workspace::Dataset, &Fingerprints) -> R,
    ) -> R {
        self.data
            .with_untracked(|data| self.known.with_value(|known| f(data, known)))
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
            // The sharing page first. A user who keeps a form's unsaved input stays, and the
            // file is left unread.
            state.navigate(Route::Sharing);
            if state.route.with_untracked(|r| *r != Route::Sharing) {
                return;
            }
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
                <p>{move_tr!("sharing-drop-overlay")}</p>
            </div>
        </Show>
    }
}

#[component]
pub fn SharingPage() -> impl IntoView {
    let sharing = use_sharing();
    let i18n = expect_context::<I18n>();
    let state = use_app();
    // After the page is drawn: a large store takes a moment the first time.
    set_timeout(
        move || leptos::task::spawn_local(sharing.refresh_fingerprints(state)),
        std::time::Duration::from_millis(300),
    );
    // The preview and the report replace what the keyboard was on (the picker, the confirm
    // button): the focus goes to their heading.
    Effect::new(move |_| {
        let heading = sharing.stage.with(|stage| match stage {
            Stage::Preview { .. } => Some("#preview-title"),
            Stage::Applied(_) => Some("#report-title"),
            _ => None,
        });
        if let Some(heading) = heading {
            crate::ui::focus::focus_heading_later(heading);
        }
    });
    view! {
        <h1>{move_tr!("sharing-title")}</h1>
        <p class="lead">{move_tr!("sharing-lead")}</p>
        <div class="sharing-grid">
            <ExportCard/>
            <ImportCard/>
        </div>
        {move || match sharing.stage.get() {
            Stage::Idle => ().into_any(),
            Stage::Reading { name } => view! {
                <section class="card" role="status"><p>{move_tr!("sharing-reading", {"name" => name.clone()})}</p></section>
            }.into_any(),
            Stage::Refused { name, message } => view! {
                <section class="banner error import-refused" role="alert">
                    <strong>{move_tr!("sharing-refused", {"name" => name.clone()})} " "</strong>
                    {move || wording::message(i18n, &message)}
                    " " {move_tr!("sharing-refused-unchanged")}
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
    let i18n = expect_context::<I18n>();
    let message = RwSignal::new(None::<crate::ui::state::ExportSaid>);
    let counts = move || {
        state.data.with(|d| {
            let parts: Vec<String> = Collection::ALL
                .into_iter()
                .map(|c| {
                    let n = crate::with_record_type!(c, T => d.table::<T>().iter_live().count());
                    wording::collection_count(i18n, c, n)
                })
                .collect();
            parts.join(", ")
        })
    };
    // Regulations first, then by title: the usual thing to send is a regulation and its plans.
    let agreements = Memo::new(move |_| {
        state.data.with(|d| {
            let mut list: Vec<(bool, String, crate::core::records::meta::Id)> = d
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
            sorting::sort(&mut list);
            list
        })
    });
    let chosen = RwSignal::new(String::new());
    let export = move |root: Option<crate::core::records::meta::Id>| {
        leptos::task::spawn_local(async move {
            message.set(Some(match state.export_file(root).await {
                Ok(file) => {
                    let done = tr!(i18n, "sharing-exported", {
                        "name" => file.name.clone(),
                        "size" => wording::size(i18n, file.bytes),
                    });
                    file.said(i18n, done)
                }
                Err(why) => Err(tr!(i18n, "sharing-export-failed", {"why" => why})),
            }))
        })
    };
    view! {
        <section class="card">
            <h2>{move_tr!("sharing-export-title")}</h2>
            <p>{move || tr!(i18n, "sharing-data-here", {"counts" => counts()})}</p>
            <button class="primary" on:click=move |_| export(None)>{move_tr!("export-everything")}</button>
            <div class="stack export-one">
                <label for="export-agreement">{move_tr!("sharing-export-one")}</label>
                <select id="export-agreement" on:change=move |ev| chosen.set(event_target_value(&ev)) prop:value=move || chosen.get()>
                    <option value="">{move_tr!("sharing-choose-agreement")}</option>
                    {move || agreements.get().into_iter().map(|(_, label, id)| view! {
                        <option value=id.to_string()>{label}</option>
                    }).collect_view()}
                </select>
                <button
                    disabled=move || chosen.with(String::is_empty)
                    on:click=move |_| export(chosen.get_untracked().parse().ok())
                >{move_tr!("sharing-export-this")}</button>
            </div>
            <crate::ui::widgets::ExportMessage said=message/>
        </section>
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
            <h2>{move_tr!("sharing-import-title")}</h2>
            <div class="drop-zone">
                <p>{move_tr!("sharing-drop-here")}</p>
                <label class="button primary" for="import-file">{move_tr!("sharing-choose-file")}</label>
                <input id="import-file" class="visually-hidden" type="file" accept=".json,application/json" on:change=on_pick/>
            </div>
            <p class="help">{move_tr!("sharing-nothing-changes-yet")}</p>
            <UndoOffer/>
        </section>
    }
}

/// "Undo the last import", after the report and after a reload alike.
#[component]
fn UndoOffer() -> impl IntoView {
    let state = use_app();
    let sharing = use_sharing();
    let i18n = expect_context::<I18n>();
    view! {
        {move || sharing.undo.get().map(|undo| view! {
            <div class="undo-offer">
                <p>
                    {move_tr!("sharing-undo-last-from")} " " <strong>{undo.from_office.clone()}</strong>
                    {move_tr!("sharing-undo-last-rest", {
                        "time" => format_instant(undo.imported_at),
                        "count" => undo.entries.len(),
                    })}
                </p>
                <button
                    disabled=crate::ui::widgets::read_only(state)
                    on:click=move |_| state.locked(move || undo_import(state, sharing, i18n))
                >{move_tr!("sharing-undo")}</button>
                <crate::ui::widgets::ReadOnlyNote/>
            </div>
        })}
        {move || sharing.undo_message.get().map(|(ok, m)| view! {
            <p class=if ok { "field-ok" } else { "field-error" } role="status">{m}</p>
        })}
    }
}

/// Applies the previewed file with the chosen answers, stores what changed, keeps the undo.
/// First a snapshot of everything is encoded, in slices with its progress; then, said on screen
/// before it starts, one job under the lock (`apply_locked`).
pub async fn apply_import(
    state: AppState,
    sharing: Sharing,
    file: Arc<IncomingFile>,
    i18n: I18n,
) -> Result<(), String> {
    if state.read_only.with_untracked(Option::is_some) {
        return Err(tr!(i18n, "sharing-apply-read-only"));
    }
    if state.save.with_untracked(|s| s.error.is_some()) {
        return Err(tr!(i18n, "sharing-apply-unsaved"));
    }
    if state.busy() {
        return Err(tr!(i18n, "work-busy"));
    }
    // A snapshot of everything before the import changes it, restorable from Settings.
    let snapshot = state
        .encode_snapshot(SnapshotKind::BeforeImport, true)
        .await;
    // Cancelled meanwhile (or another file opened): nothing more.
    let still_shown = sharing.stage.with_untracked(
        |stage| matches!(stage, Stage::Preview { file: shown, .. } if Arc::ptr_eq(shown, &file)),
    );
    if !still_shown {
        return Ok(());
    }
    let mut progress = Progress::unseen(state);
    progress.last_step(WorkKind::ApplyImport).await;
    let result = state
        .locked_then(move || apply_locked(state, sharing, &file, snapshot, i18n))
        .await;
    drop(progress);
    result
}

/// The import's writing step, under the lock (`AppState::write_import`), then its report.
fn apply_locked(
    state: AppState,
    sharing: Sharing,
    file: &IncomingFile,
    snapshot: Encoded,
    i18n: I18n,
) -> Result<(), String> {
    // Another tab may have made this page read-only while the snapshot was encoded.
    if state.read_only.with_untracked(Option::is_some) {
        return Err(tr!(i18n, "sharing-apply-read-only"));
    }
    let choices = sharing.choices.get_untracked();
    let written = state
        .write_import(file, &choices, snapshot)
        .map_err(|undecided| tr!(i18n, "sharing-apply-undecided", {"count" => undecided.len()}))?;
    // Too big for the backup budget, the snapshot was refused (Settings says why) and the
    // import went on: its own undo still holds.
    if let Some(why) = written.snapshot_refused {
        state.notify(
            move |i18n| tr!(i18n, "sharing-no-snapshot", {"why" => super::text::snapshot_refused(i18n, &why)}),
            None,
        );
    }
    let applied = written.applied;
    let report = Report {
        from_office: file.header.office.name.clone(),
        from_office_id: file.header.office.id,
        counts: applied.counts.clone(),
        written: applied.changed.len(),
        copies: applied.copies,
        undo_stored: written.undo_stored,
        brought: state.data.with_untracked(|d| {
            applied
                .brought(d)
                .into_iter()
                .map(|(key, change)| (key, d.record_label(key).unwrap_or_default(), change))
                .collect()
        }),
    };
    if !applied.is_nothing() {
        sharing.undo.set(Some(Arc::new(applied.value.undo)));
    }
    sharing.undo_message.set(None);
    sharing.stage.set(Stage::Applied(Arc::new(report)));
    Ok(())
}

/// Under the lock (`AppState::locked`).
fn undo_import(state: AppState, sharing: Sharing, i18n: I18n) {
    let Some(undo) = sharing.undo.get_untracked() else {
        return;
    };
    match state.undo_import(&undo) {
        Err(import::preview::UndoRefused::EditedSince(keys)) => sharing.undo_message.set(Some((
            false,
            tr!(i18n, "sharing-undo-refused", {"count" => keys.len()}),
        ))),
        Err(import::preview::UndoRefused::StillUsed(keys)) => sharing.undo_message.set(Some((
            false,
            tr!(i18n, "sharing-undo-refused-still-used", {"count" => keys.len()}),
        ))),
        Ok(undone) => {
            sharing.undo.set(None);
            if matches!(sharing.stage.get_untracked(), Stage::Applied(_)) {
                sharing.stage.set(Stage::Idle);
            }
            let message = match undone.not_stored {
                None => tr!(i18n, "sharing-undone", {
                    "reverted" => undone.reverted,
                    "removed" => undone.removed,
                }),
                Some(e) => tr!(i18n, "sharing-undone-not-stored", {
                    "why" => super::text::store_error_tr(i18n, &e),
                }),
            };
            sharing.undo_message.set(Some((true, message)));
        }
    }
}

#[component]
fn ReportView(report: Arc<Report>) -> impl IntoView {
    let i18n = expect_context::<I18n>();
    let count = |g| report.counts.get(&g).copied().unwrap_or(0);
    // Each line's words follow the count (English plurals); the count itself stands out.
    let line = move |n: usize, words: fn(I18n, usize) -> String| {
        (n > 0).then(|| {
            view! {
                <li>
                    <strong>{move || crate::ui::i18n::number(i18n, n)}</strong>
                    " "
                    {move || words(i18n, n)}
                </li>
            }
        })
    };
    let written = report.written;
    let from_office = report.from_office.clone();
    view! {
        <section class="card report" role="status" aria-labelledby="report-title">
            <h2 id="report-title">{move_tr!("sharing-report-title", {"office" => from_office.clone()})}</h2>
            {if written == 0 {
                view! { <p>{move_tr!("sharing-report-nothing")}</p> }.into_any()
            } else {
                view! { <p>{move_tr!("sharing-report-written", {"count" => written})}</p> }.into_any()
            }}
            <ul class="report-lines">
                {line(count(import::Group::New), |i18n, n| tr!(i18n, "sharing-report-new", {"count" => n}))}
                {line(count(import::Group::IncomingNewer), |i18n, n| tr!(i18n, "sharing-report-updated", {"count" => n}))}
                {line(count(import::Group::DeletedInFile), |i18n, n| tr!(i18n, "sharing-report-deleted", {"count" => n}))}
                {line(count(import::Group::Conflict), |i18n, n| tr!(i18n, "sharing-report-conflicts", {"count" => n}))}
                {line(report.copies, |i18n, n| tr!(i18n, "sharing-report-copies", {"count" => n}))}
                {line(count(import::Group::LocalNewer), |i18n, n| tr!(i18n, "sharing-report-kept", {"count" => n}))}
                {line(count(import::Group::Identical), |i18n, n| tr!(i18n, "sharing-report-identical", {"count" => n}))}
            </ul>
            {(!report.undo_stored).then(|| view! {
                <p class="field-warning">{move_tr!("sharing-report-undo-not-stored")}</p>
            })}
            <crate::ui::history_view::BroughtChanges brought=report.brought.clone()/>
            {(!report.brought.is_empty()).then(|| {
                let office = report.from_office.clone();
                view! {
                    <p>
                        <a href=crate::route::Route::AuditOfOffice(report.from_office_id).href()>
                            {move_tr!("sharing-report-audit", {"office" => office.clone()})}
                        </a>
                    </p>
                }
            })}
        </section>
    }
}
