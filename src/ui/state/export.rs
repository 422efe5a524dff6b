//! Writing a file of the data (everything, or one agreement with what belongs to it) and handing
//! it to the user, a slice of records at a time so that a large store shows its progress and the
//! page stays usable. The sharing page, Settings and the banner's "export everything" all come
//! here, so each says the same about what storage could not read.

use leptos::prelude::*;
use leptos_fluent::{tr, I18n};

use super::{AppState, Progress, WorkKind};
use crate::core::exchange::file_format::{
    self, ExportWriter, Header, Scope, Unreadable, MAX_FILE_BYTES,
};
use crate::core::records::meta::Id;
use crate::core::records::record::{Collection, RecordKey};
use crate::core::storage;

/// Records written between two looks at the clock.
const RECORDS_PER_STEP: usize = 200;

/// What an export wrote.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Exported {
    pub name: String,
    pub bytes: usize,
    /// Stored keys that could not be read, carried in the file with their raw text (an export
    /// of everything) or left out (one agreement).
    pub unreadable: usize,
    /// True when everything went out (then "not exported since" starts afresh).
    pub everything: bool,
}

impl Exported {
    /// What the page says beside "file created": what storage could not read, and that the
    /// file is larger than the import takes (never seen: the limit follows the quota).
    pub fn notes(&self, i18n: I18n) -> Vec<String> {
        let mut notes = Vec::new();
        if self.unreadable > 0 {
            notes.push(if self.everything {
                tr!(i18n, "export-unreadable-carried", {"count" => self.unreadable})
            } else {
                tr!(i18n, "export-unreadable-left-out", {"count" => self.unreadable})
            });
        }
        if self.bytes > MAX_FILE_BYTES {
            notes.push(tr!(i18n, "export-too-large-to-import", {
                "limit" => MAX_FILE_BYTES / 1_048_576,
            }));
        }
        notes
    }
}

/// What the page says after an export: "file created" and the notes, or why not.
pub type ExportSaid = Result<(String, Vec<String>), String>;

impl Exported {
    /// `done` ("file created"), with the notes.
    pub fn said(&self, i18n: I18n, done: String) -> ExportSaid {
        Ok((done, self.notes(i18n)))
    }
}

impl AppState {
    /// Writes everything (`root` None, with what storage could not read) or one agreement and
    /// what belongs to it, then offers the file as a download. Err: why not, in words.
    pub async fn export_file(self, root: Option<Id>) -> Result<Exported, String> {
        let i18n = crate::ui::i18n::current();
        let words = move |f: fn(I18n) -> String| i18n.map(f).unwrap_or_default();
        let office = self
            .office
            .get_untracked()
            .ok_or_else(|| words(|i18n| tr!(i18n, "storage-no-office")))?;
        if self.busy() {
            return Err(words(|i18n| tr!(i18n, "work-busy")));
        }
        let now = self.stamp().now;
        let unreadable = self
            .load_problems
            .with_untracked(|problems| Unreadable::of(problems));
        let chosen = self.data.with_untracked(|data| match root {
            None => Some((Scope::All, None, None)),
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
                let scope = Scope::Agreement {
                    id,
                    title: a.title.clone(),
                };
                Some((scope, Some(file_format::selection(data, key)), Some(what)))
            }
        });
        let (scope, only, what) =
            chosen.ok_or_else(|| words(|i18n| tr!(i18n, "sharing-export-gone")))?;
        // The writer looks at every record, selected or not.
        let total = self.data.with_untracked(|d| storage::all_keys(d).len());
        let everything = only.is_none();
        let name = file_format::file_name(&office.name, what.as_deref(), self.today());
        let carried = if everything {
            unreadable.clone()
        } else {
            Vec::new()
        };
        let mut header = Header::new(&office, scope, now);
        // The names of other offices known here travel on, so history names them everywhere.
        header.offices = self
            .storage
            .session
            .with_value(|s| s.known_offices.for_export(office.id));
        let mut writer = ExportWriter::new(header, only, carried);

        // Each slice's text goes to the browser at once, as one part of the file: the whole
        // file is never one string in the page's memory.
        let parts = js_sys::Array::new();
        let mut bytes = 0;
        let mut progress = Progress::shown(self, WorkKind::Export, total);
        loop {
            let finished = self
                .data
                .with_untracked(|data| writer.step(data, RECORDS_PER_STEP));
            let text = writer.take();
            bytes += text.len();
            parts.push(&wasm_bindgen::JsValue::from_str(&text));
            if finished {
                break;
            }
            progress.maybe_pause(writer.looked_at()).await;
        }
        drop(progress);
        crate::ui::sharing::browser::download_parts(&parts, &name, "application/json")?;
        if everything {
            // "Changes not exported since …" starts afresh only when everything went out.
            self.record_export();
        }
        Ok(Exported {
            name,
            bytes,
            unreadable: unreadable.len(),
            everything,
        })
    }
}
