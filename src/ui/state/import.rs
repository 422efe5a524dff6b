//! An import's writes and its undo, each one step for the sharing page: the order of the writes
//! is what keeps every moment undoable, so it lives here, once. The rules (what the file changes,
//! what the undo puts back) are `core::exchange::import`'s.

use std::collections::BTreeMap;

use leptos::prelude::*;

use super::{AppState, Encoded};
use crate::core::commands::outcome::Outcome;
use crate::core::exchange::import::preview::UndoRefused;
use crate::core::exchange::import::{self, Applied, IncomingFile, UndoImport};
use crate::core::exchange::merge::Choice;
use crate::core::records::meta::new_id;
use crate::core::records::record::RecordKey;
use crate::core::storage::backup::SnapshotRefused;
use crate::core::storage::import_log::{self, ImportNote, UndoNote};
use crate::core::storage::{known_offices, KeyValueStore, Session, StoreError};
use crate::web::local_storage::LocalStore;

/// Outside the `phoihop/` prefix on purpose: loading reports every unknown key under the prefix
/// as unreadable, and this one is not a record.
pub const UNDO_KEY: &str = "phoihop-undo-import";

/// What writing an import did.
pub struct ImportWritten {
    pub applied: Outcome<Applied>,
    /// False when the undo did not fit in localStorage: it lasts until the page closes.
    pub undo_stored: bool,
    /// Why the snapshot before the import was not kept (the import went on: its undo holds).
    pub snapshot_refused: Option<SnapshotRefused>,
}

/// How an undo went.
pub struct ImportUndone {
    pub reverted: usize,
    pub removed: usize,
    /// Why its records are not all stored yet (they are retried, as that undo).
    pub not_stored: Option<StoreError>,
}

impl AppState {
    /// Writes an import, under the lock: the snapshot of everything before it; the records
    /// changed in memory (a conflict's choice is a history entry by this browser's person);
    /// the last undo's mark cleared (this import may write the versions it names again); this
    /// import's undo, stored before the records so even a half-finished save can be undone; the
    /// records; the names of offices the file teaches and the import's note. Refused, changing no record, while some
    /// conflict is undecided (its keys).
    pub fn write_import(
        &self,
        file: &IncomingFile,
        choices: &BTreeMap<RecordKey, Choice>,
        snapshot: Encoded,
    ) -> Result<ImportWritten, Vec<RecordKey>> {
        let snapshot_refused = self.store_snapshot(snapshot).err();
        let stamp = self.stamp();
        let editor = crate::ui::history_view::editor_name();
        let applied = self
            .data
            .try_update(|data| {
                data.editor = editor.clone();
                import::apply(data, file, choices, stamp, new_id)
            })
            .expect("dataset is alive")?;
        self.clear_undo_mark();
        let undo_stored = applied.is_nothing() || store_undo(&applied.undo);
        self.persist(applied.changed.clone());
        // Beside the records: the names of offices the file teaches, and the import's note.
        let here = self.office.with_untracked(|o| o.as_ref().map(|o| o.id));
        let note = (!applied.is_nothing()).then(|| ImportNote {
            at: applied.undo.imported_at,
            by: editor,
            from: file.header.office.id,
            from_name: file.header.office.name.clone(),
            written: applied.changed.len(),
            undone: None,
        });
        self.note(|store, session| {
            if let Some(here) = here {
                let header = &file.header;
                known_offices::learn_from_file(
                    store,
                    session,
                    here,
                    &header.office,
                    header.exported_at,
                    &header.offices,
                );
            }
            if let Some(note) = note {
                import_log::note_import(store, session, note);
            }
        });
        Ok(ImportWritten {
            applied,
            undo_stored,
            snapshot_refused,
        })
    }

    /// Undoes the last import, under the lock: refused, changing nothing, when a record it wrote
    /// was edited since or one it added is used since. The records put back are stored with the
    /// mark that lets other tabs take their older versions in; the stored undo goes once all
    /// of it is stored.
    pub fn undo_import(&self, undo: &UndoImport) -> Result<ImportUndone, UndoRefused> {
        let undone = self
            .data
            .try_update(|data| import::undo(data, undo))
            .expect("dataset is alive")?;
        let not_stored = self
            .persist_undo(undone.rollback.clone(), undone.changed.clone())
            .err();
        // The records went back exactly as they were, history included: the change log's
        // trace of the undo is this note.
        let note = UndoNote {
            at: self.stamp().now,
            by: crate::ui::history_view::editor_name(),
            reverted: undone.reverted.len(),
            removed: undone.removed.len(),
        };
        let imported_at = undo.imported_at;
        self.note(|store, session| import_log::note_undo(store, session, imported_at, note));
        Ok(ImportUndone {
            reverted: undone.reverted.len(),
            removed: undone.removed.len(),
            not_stored,
        })
    }

    /// Writes a note beside the records (names learned, the import log), then shows it.
    fn note(&self, write: impl FnOnce(&mut LocalStore, &mut Session)) {
        if let Ok(mut store) = LocalStore::open() {
            self.storage
                .session
                .update_value(|session| write(&mut store, session));
            self.refresh_storage_info();
        }
    }
}

/// Keeps the undo of the last import across reloads. Returns false when it did not fit: the
/// undo then lives in memory only, until the page closes.
pub fn store_undo(undo: &UndoImport) -> bool {
    let json = serde_json::to_string(undo).expect("the undo serialises");
    LocalStore::open()
        .and_then(|mut store| store.set(UNDO_KEY, &json))
        .is_ok()
}

pub fn stored_undo() -> Option<UndoImport> {
    let raw = LocalStore::open().ok()?.get(UNDO_KEY).ok()??;
    read_undo(&raw)
}

/// The stored undo's text (as read here, or as another tab's `storage` event brings it).
pub fn read_undo(raw: &str) -> Option<UndoImport> {
    serde_json::from_str(raw).ok()
}

pub fn clear_undo() -> Result<(), StoreError> {
    LocalStore::open()?.remove(UNDO_KEY)
}
