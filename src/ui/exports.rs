//! The office files a list or an agreement hands on: buttons that ask the core's writers for an
//! .xlsx, .csv, .ics or .docx of what the page shows, and download it. The words inside the
//! files (sheet and column names, statuses) are the interface's, through [`UiWords`]. The
//! writers of workbooks and documents (rust_xlsxwriter, docx-rs: most of the app's size) load
//! the first time such a file is asked for (lazy.rs); CSV and calendars are written at once.

use std::borrow::Cow;
use std::collections::HashMap;
use std::sync::Arc;

use fluent_templates::fluent_bundle::FluentValue;
use leptos::prelude::*;
use leptos_fluent::{move_tr, tr, I18n};

use super::lazy::split;
use super::state::use_app;
use crate::core::exchange::export::{self, Word, Words};
use crate::core::exchange::import::{Arg, Message};
use crate::core::views::report::document::ReportDocument;

/// The core's words in the interface's language.
pub struct UiWords(pub I18n);

impl Words for UiWords {
    fn word(&self, word: Word) -> String {
        render(self.0, &word.message())
    }
}

/// One line per message of exports.ftl (leptos-fluent checks each key and its variables at
/// compile time); the words of enums come from the files that already have them.
fn render(i18n: I18n, message: &Message) -> String {
    let arg = |name: &str| -> FluentValue {
        match message
            .args
            .iter()
            .find(|(n, _)| *n == name)
            .map(|(_, a)| a)
        {
            Some(Arg::Text(text)) => text.clone().into(),
            Some(Arg::Number(n)) => (*n).into(),
            Some(Arg::Message(inner)) => render(i18n, inner).into(),
            None => "".into(),
        }
    };
    match message.id {
        "export-sheet-agreements" => tr!(i18n, "export-sheet-agreements"),
        "export-sheet-events" => tr!(i18n, "export-sheet-events"),
        "export-sheet-recommendations" => tr!(i18n, "export-sheet-recommendations"),
        "export-sheet-organisations" => tr!(i18n, "export-sheet-organisations"),
        "export-sheet-people" => tr!(i18n, "export-sheet-people"),
        "export-sheet-plan-matrix" => tr!(i18n, "export-sheet-plan-matrix"),
        "export-sheet-duties" => tr!(i18n, "export-sheet-duties"),
        "export-sheet-results" => tr!(i18n, "export-sheet-results"),
        "export-col-number" => tr!(i18n, "export-col-number"),
        "export-col-title" => tr!(i18n, "export-col-title"),
        "export-col-kind" => tr!(i18n, "export-col-kind"),
        "export-col-parties" => tr!(i18n, "export-col-parties"),
        "export-col-lead" => tr!(i18n, "export-col-lead"),
        "export-col-signed-on" => tr!(i18n, "export-col-signed-on"),
        "export-col-period-start" => tr!(i18n, "export-col-period-start"),
        "export-col-period-end" => tr!(i18n, "export-col-period-end"),
        "export-col-status" => tr!(i18n, "export-col-status"),
        "export-col-plans" => tr!(i18n, "export-col-plans"),
        "export-col-starts-at" => tr!(i18n, "export-col-starts-at"),
        "export-col-place" => tr!(i18n, "export-col-place"),
        "export-col-chairs" => tr!(i18n, "export-col-chairs"),
        "export-col-attendees" => tr!(i18n, "export-col-attendees"),
        "export-col-agreements" => tr!(i18n, "export-col-agreements"),
        "export-col-party-to" => tr!(i18n, "export-col-party-to"),
        "export-col-conclusions" => tr!(i18n, "export-col-conclusions"),
        "export-col-content" => tr!(i18n, "export-col-content"),
        "export-col-raised-on" => tr!(i18n, "export-col-raised-on"),
        "export-col-raised-by" => tr!(i18n, "export-col-raised-by"),
        "export-col-raised-at" => tr!(i18n, "export-col-raised-at"),
        "export-col-addressed-to" => tr!(i18n, "export-col-addressed-to"),
        "export-col-agreement" => tr!(i18n, "export-col-agreement"),
        "export-col-area" => tr!(i18n, "export-col-area"),
        "export-col-deadline" => tr!(i18n, "export-col-deadline"),
        "export-col-days-overdue" => tr!(i18n, "export-col-days-overdue"),
        "export-col-response" => tr!(i18n, "export-col-response"),
        "export-col-responded-on" => tr!(i18n, "export-col-responded-on"),
        "export-col-name" => tr!(i18n, "export-col-name"),
        "export-col-short-name" => tr!(i18n, "export-col-short-name"),
        "export-col-locality" => tr!(i18n, "export-col-locality"),
        "export-col-parent" => tr!(i18n, "export-col-parent"),
        "export-col-positions" => tr!(i18n, "export-col-positions"),
        "export-col-signed" => tr!(i18n, "export-col-signed"),
        "export-col-department" => tr!(i18n, "export-col-department"),
        "export-col-year" => tr!(i18n, "export-col-year"),
        "export-col-plan-count" => tr!(i18n, "export-col-plan-count"),
        "export-col-duty" => tr!(i18n, "export-col-duty"),
        "export-col-opens" => tr!(i18n, "export-col-opens"),
        "export-col-due" => tr!(i18n, "export-col-due"),
        "export-col-state" => tr!(i18n, "export-col-state"),
        "export-col-basis" => tr!(i18n, "export-col-basis"),
        "export-col-evidence" => tr!(i18n, "export-col-evidence"),
        "export-col-result" => tr!(i18n, "export-col-result"),
        "export-plans-per-year" => tr!(i18n, "export-plans-per-year"),
        "export-calendar-name" => tr!(i18n, "export-calendar-name"),
        "export-calendar-deadline" => {
            tr!(i18n, "export-calendar-deadline", {"content" => arg("content")})
        }
        "export-calendar-duty-due" => {
            tr!(i18n, "export-calendar-duty-due", {"duty" => arg("duty"), "year" => arg("year")})
        }
        "export-calendar-ending" => {
            tr!(i18n, "export-calendar-ending", {"title" => arg("title"), "days" => arg("days"), "date" => arg("date")})
        }
        "export-calendar-reminder" => {
            tr!(i18n, "export-calendar-reminder", {"summary" => arg("summary")})
        }
        other => {
            let args: HashMap<Cow<'static, str>, FluentValue> = message
                .args
                .iter()
                .map(|(name, _)| (Cow::Borrowed(*name), arg(name)))
                .collect();
            i18n.tr_with_args(other, &args)
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FileKind {
    Xlsx,
    Csv,
    Ics,
    Docx,
}

impl FileKind {
    pub fn extension(self) -> &'static str {
        match self {
            FileKind::Xlsx => "xlsx",
            FileKind::Csv => "csv",
            FileKind::Ics => "ics",
            FileKind::Docx => "docx",
        }
    }

    fn mime(self) -> &'static str {
        match self {
            FileKind::Xlsx => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            FileKind::Csv => "text/csv;charset=utf-8",
            FileKind::Ics => "text/calendar;charset=utf-8",
            FileKind::Docx => {
                "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
            }
        }
    }
}

/// What a file is made of: its bytes, or what the writers that load later make them from.
pub enum Content {
    Bytes(Vec<u8>),
    Workbook(Vec<export::Table>),
    Document(ReportDocument),
}

impl From<Vec<u8>> for Content {
    fn from(bytes: Vec<u8>) -> Self {
        Content::Bytes(bytes)
    }
}

/// Makes a file's content, in the language given, or says why it could not.
pub type Maker = Arc<dyn Fn(&UiWords) -> Result<Content, String> + Send + Sync>;

split! { writers; fn write_workbook(tables: Vec<export::Table>) -> Result<Vec<u8>, String> {
    export::xlsx::workbook(&tables, chrono::Utc::now()).map_err(|e| e.to_string())
}}

split! { writers; fn write_document(document: ReportDocument) -> Result<Vec<u8>, String> {
    export::docx::report_docx(&document)
}}

/// The file's bytes, from the writers when they are needed.
async fn bytes(content: Content, i18n: I18n) -> Result<Vec<u8>, String> {
    let not_loaded = |_| tr!(i18n, "export-writers-not-loaded");
    match content {
        Content::Bytes(bytes) => Ok(bytes),
        Content::Workbook(tables) => write_workbook(tables).await.map_err(not_loaded)?,
        Content::Document(document) => write_document(document).await.map_err(not_loaded)?,
    }
}

/// Makes and downloads one file named after `what` (fixed words, never translated: file names
/// stay the same in both languages) and today; the toast says which, or why not.
pub fn download(kind: FileKind, what: &str, make: &Maker) {
    let state = use_app();
    let Some(i18n) = super::i18n::current() else {
        return;
    };
    let name = export::file_name(what, state.today(), kind.extension());
    let content = make(&UiWords(i18n));
    leptos::task::spawn_local(async move {
        let done = match content {
            Ok(content) => bytes(content, i18n).await,
            Err(error) => Err(error),
        }
        .and_then(|bytes| super::sharing::browser::download_bytes(&bytes, &name, kind.mime()));
        match done {
            Ok(()) => state.notify(
                move |i18n| tr!(i18n, "export-downloaded", {"name" => name.clone()}),
                None,
            ),
            Err(error) => state.notify(
                move |i18n| tr!(i18n, "export-failed", {"error" => error.clone()}),
                None,
            ),
        }
    });
}

fn label(kind: FileKind) -> Signal<String> {
    match kind {
        FileKind::Xlsx => move_tr!("export-xlsx"),
        FileKind::Csv => move_tr!("export-csv"),
        FileKind::Ics => move_tr!("export-ics"),
        FileKind::Docx => move_tr!("report-docx"),
    }
}

/// A workbook of `tables`, written when the file is made.
pub fn workbook(tables: &[export::Table]) -> Result<Content, String> {
    Ok(Content::Workbook(tables.to_vec()))
}

/// The download buttons of a list or page: one per file, named after `what` (a calendar after
/// `calendar`, when given: the register's calendar is not a register).
#[component]
pub fn ExportBar(
    #[prop(into)] what: String,
    #[prop(optional, into)] calendar: Option<String>,
    files: Vec<(FileKind, Maker)>,
) -> impl IntoView {
    view! {
        <div class="export-bar" role="group" aria-label=move_tr!("export-group-label")>
            {files.into_iter().map(|(kind, make)| {
                let what = match (kind, &calendar) {
                    (FileKind::Ics, Some(name)) => name.clone(),
                    (FileKind::Ics, None) => format!("lịch {what}"),
                    _ => what.clone(),
                };
                view! {
                    <button type="button" class=format!("export-{}", kind.extension())
                        on:click=move |_| download(kind, &what, &make)>{label(kind)}</button>
                }
            }).collect_view()}
        </div>
    }
}
