//! Two tabs: the conflicts their edits left (settled field by field, under the lock), and the
//! notice after an edit, which waits for its write to say how it went.

use leptos::prelude::*;
use leptos_fluent::{tr, I18n};

use super::{AppState, Undo};
use crate::core::commands::outcome::Outcome;
use crate::core::records::record::RecordKey;
use crate::core::storage::{self, tabs, Conflict};
use crate::web::local_storage::LocalStore;

impl AppState {
    /// After a command (`apply`): "nothing changed" when it changed nothing (no edit was
    /// made, nothing written), else [`Self::notify_saved`] with `words`.
    pub fn notify_save_result<T, W>(
        &self,
        outcome: &Outcome<T, W>,
        words: impl Fn(I18n) -> String + Send + Sync + 'static,
    ) {
        if outcome.is_nothing() {
            self.notify(|i18n| tr!(i18n, "nothing-changed"), None)
        } else {
            self.notify_saved(words, None)
        }
    }

    /// A notice about the edit just made (`apply`), shown once its write is done and worded by
    /// how it went: `words` (with `undo`) when stored; that a conflict waits for the user when
    /// another tab changed the same fields; that nothing is stored in a read-only page. (A
    /// refused write is said by the notice itself, `toast-not-stored`.)
    pub fn notify_saved(
        &self,
        words: impl Fn(I18n) -> String + Send + Sync + 'static,
        undo: Option<Undo>,
    ) {
        let keys = self.storage.last_edit.get_value();
        let state = *self;
        let show = move || {
            let edited = |k: &RecordKey| keys.contains(k);
            if state.read_only.with_untracked(Option::is_some) {
                state.notify(|i18n| tr!(i18n, "storage-not-saved-read-only"), None);
            } else if state
                .storage
                .conflicts
                .with_untracked(|c| c.iter().any(|c| edited(&c.key)))
            {
                state.notify(|i18n| tr!(i18n, "storage-saved-with-conflict"), None);
            } else {
                state.notify(words, undo);
            }
        };
        if self.read_only.with_untracked(Option::is_some) {
            show();
        } else {
            // After the write queued by the edit: jobs run in order.
            self.locked_upkeep(show);
        }
    }

    pub(super) fn note_edit(&self, keys: &[RecordKey]) {
        self.storage.last_edit.set_value(keys.to_vec());
    }

    pub(super) fn add_conflicts(&self, new: Vec<Conflict>) {
        self.storage.conflicts.update(|all| {
            for c in new {
                if !all.iter().any(|x| x.key == c.key && x.other == c.other) {
                    all.retain(|x| x.key != c.key);
                    all.push(c);
                }
            }
        });
    }

    /// Settles a conflict: the stored record, with the fields named in `from_other` taken from
    /// the other version (`tabs::conflict_fields`: all of them keeps the other version whole).
    /// Runs under the lock, so the record it settles is the one stored.
    pub fn resolve_conflict(&self, key: RecordKey, from_other: Vec<String>) {
        let state = *self;
        self.locked(move || state.resolve_conflict_now(key, &from_other));
    }

    fn resolve_conflict_now(&self, key: RecordKey, from_other: &[String]) {
        let Some(conflict) = self
            .storage
            .conflicts
            .with_untracked(|c| c.iter().find(|x| x.key == key).cloned())
        else {
            return; // settled meanwhile, here or in another tab
        };
        let result = self.apply(|data, stamp| tabs::resolve(data, &conflict, from_other, stamp));
        if result.is_ok() && self.save.with_untracked(|s| !s.pending.contains(&key)) {
            if let Ok(mut store) = LocalStore::open() {
                let _ = self
                    .storage
                    .session
                    .try_update_value(|s| storage::clear_conflict(&mut store, s, key));
            }
            self.storage
                .conflicts
                .update(|c| c.retain(|x| x.key != key));
            self.conflict_decided(key);
        }
    }

    /// A conflict decided here (between tabs, or between offices: live_sync.rs): an open form of
    /// the record with nothing unsaved is drawn again from the decision (`drafts::drafted`), and
    /// the user is told it is stored.
    pub(super) fn conflict_decided(&self, key: RecordKey) {
        self.decided.set(Some(key));
        self.notify(|i18n| tr!(i18n, "storage-conflict-resolved"), None);
    }
}
