//! The app's save and load path: opening (and migrating) the store, writing each edit, taking in
//! other tabs' writes, conflicts, snapshots, and the durability signals. The rules are in
//! `core::storage`; this glues them to the signals the components read.

use crate::core::records::sorting;
use std::collections::BTreeSet;

use leptos::prelude::*;
use leptos_fluent::tr;

use super::{AppState, SaveState};
use crate::core::records::record::RecordKey;
use crate::core::records::workspace::OfficeProfile;
use crate::core::storage::backup::{self, SnapshotInfo, SnapshotRefused};
use crate::core::storage::tabs::Absorbed;
use crate::core::storage::{
    self, identity, keys, Conflict, ExportState, ReadOnly, Rollback, Session, StoreError,
    WriteReport,
};
use crate::ui::text;
use crate::web::local_storage::LocalStore;
use crate::web::tabs::{self, StorageChange};
use crate::web::{self, durability, lock};

/// What the settings page and the banners show about storage.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct StorageInfo {
    pub units_used: usize,
    pub snapshot_units: usize,
    pub snapshots: Vec<SnapshotInfo>,
    pub export: ExportState,
    /// The browser's answer to navigator.storage.persist (None: not asked yet, or no such API).
    pub persisted: Option<bool>,
    /// Why the last snapshot was not taken (too big for the budget, storage refused).
    pub snapshot_refused: Option<SnapshotRefused>,
    /// Snapshots given up for room, oldest first (kept in storage: a reload still says why).
    pub given_up: Vec<backup::GivenUp>,
    /// Other offices' names, learned from their files (history and audit name offices by them).
    pub known_offices: crate::core::records::known_offices::KnownOffices,
    /// This office's imports and their undoing (`import_log`), for the change log.
    pub import_log: Vec<crate::core::storage::import_log::ImportNote>,
}

#[derive(Clone, Copy)]
pub struct StorageState {
    pub(super) session: StoredValue<Session>,
    pub conflicts: RwSignal<Vec<Conflict>>,
    pub info: RwSignal<StorageInfo>,
    retry_scheduled: StoredValue<bool>,
    /// An undone import not yet fully stored (a refused write): retried as that undo, so its
    /// older versions are not taken for a clash with another tab.
    undo: StoredValue<Option<Rollback>>,
    /// A write of the pending records waits for the lock (`web::lock`): later edits join it.
    write_queued: StoredValue<bool>,
    /// The records the last edit (`apply`) changed, for the notice that follows it.
    pub(super) last_edit: StoredValue<Vec<RecordKey>>,
    /// The browser cannot coordinate writes between tabs (no Web Locks API): the page says so.
    pub unlocked: RwSignal<bool>,
}

/// How long after a refused write it is tried again on its own.
const RETRY_AFTER: std::time::Duration = std::time::Duration::from_secs(20);

impl StorageState {
    pub fn new() -> StorageState {
        StorageState {
            session: StoredValue::new(Session::default()),
            conflicts: RwSignal::new(Vec::new()),
            info: RwSignal::new(StorageInfo::default()),
            retry_scheduled: StoredValue::new(false),
            undo: StoredValue::new(None),
            write_queued: StoredValue::new(false),
            last_edit: StoredValue::new(Vec::new()),
            unlocked: RwSignal::new(false),
        }
    }
}

impl Default for StorageState {
    fn default() -> Self {
        StorageState::new()
    }
}

impl AppState {
    /// Loads what is stored (migrating an older layout), then listens to other tabs, guards the
    /// page's closing, asks for persistent storage and takes the day's snapshot.
    pub(super) fn open_storage(&self) {
        lock::enforce();
        self.storage.unlocked.set(!lock::supported());
        let state = *self;
        let opened = LocalStore::open().and_then(|store| {
            web::measured("phoihop: read storage", || storage::load(&store))
                .map(|loaded| (store, loaded))
        });
        match opened {
            Ok((store, loaded)) => {
                // An unreadable office key: its id is recovered where that is safe (first-run
                // shows what happened and asks for the name).
                let last_import: BTreeSet<RecordKey> = super::import::stored_undo()
                    .map(|undo| sorting::set_of(undo.entries.iter().map(|e| e.key())))
                    .unwrap_or_default();
                self.office_damage
                    .set(identity::office_damage(&store, &loaded, &last_import));
                let needs_migration = loaded.needs_migration();
                // Settings says why there is no backup from the start, not only once the day's
                // snapshot is tried again.
                let noted_refusal = loaded.session.snapshot_refusal.map(|n| n.refusal());
                self.storage
                    .info
                    .update(|i| i.snapshot_refused = noted_refusal);
                self.read_only.set(loaded.session.read_only.clone());
                self.storage.session.set_value(loaded.session);
                self.storage.conflicts.set(loaded.conflicts);
                self.data.set(loaded.data);
                self.office.set(loaded.office);
                self.load_problems.set(loaded.problems);
                if needs_migration {
                    self.locked_upkeep(move || state.migrate());
                }
            }
            Err(error) => {
                // Nothing could be read: stay read-only so nothing stored is overwritten.
                let why = ReadOnly::Unavailable(error);
                self.storage
                    .session
                    .update_value(|s| s.read_only = Some(why.clone()));
                self.read_only.set(Some(why));
            }
        }
        web::measured("phoihop: storage info", || self.refresh_storage_info());
        self.open_sync();
        tabs::on_change(move |change| state.absorb(change));
        // Closing the tab loses records not yet written, work waiting for the lock (an office
        // just named, an import confirmed), and input typed in a form not saved.
        durability::warn_before_unload(move || {
            state
                .save
                .with_untracked(|s| !s.pending.is_empty() || s.error.is_some())
                || lock::user_work_waiting()
                || state.dirty_forms.get_untracked() > 0
        });
        durability::ask_persistence(move |answer| {
            state.storage.info.update(|i| i.persisted = answer);
        });
        // After the first paint, in slices: a snapshot of a large store takes a moment.
        set_timeout(
            move || leptos::task::spawn_local(state.daily_snapshot()),
            std::time::Duration::from_secs(3),
        );
    }

    fn migrate(&self) {
        let report = match LocalStore::open() {
            Ok(mut store) => self.data.with_untracked(|data| {
                self.storage
                    .session
                    .try_update_value(|session| storage::migrate(&mut store, data, session))
                    .expect("session is alive")
            }),
            Err(error) => WriteReport {
                error: Some(error),
                ..Default::default()
            },
        };
        // Whatever was not moved stays in the old keys and loads from them next time.
        if let Some(error) = report.error {
            self.notify(move |i18n| {
                tr!(i18n, "storage-migration-unfinished", {"why" => text::store_error_tr(i18n, &error)})
            }, None);
        }
    }

    pub fn refresh_storage_info(&self) {
        let (units_used, snapshot_units, snapshots, export, given_up, known_offices, import_log) =
            self.storage.session.with_value(|s| {
                (
                    s.units_used(),
                    s.snapshot_units(),
                    backup::list(s),
                    s.export,
                    s.given_up.clone(),
                    s.known_offices.clone(),
                    s.import_log.clone(),
                )
            });
        self.storage.info.update(|i| {
            i.units_used = units_used;
            i.snapshot_units = snapshot_units;
            i.snapshots = snapshots;
            i.export = export;
            i.given_up = given_up;
            i.known_offices = known_offices;
            i.import_log = import_log;
        });
    }

    /// Runs `job` under the lock every tab takes to write (`web::lock`): at once inside a job,
    /// else once granted. Every step that reads storage and then writes it runs in one (a
    /// save, a conflict's resolution, the office profile, snapshots, an import and its undo);
    /// the methods below that say "under the lock" expect to be called from one.
    pub fn locked(&self, job: impl FnOnce() + 'static) {
        lock::run(lock::Holds::UserWork, job);
    }

    /// Runs `job` under the lock like [`Self::locked`], for upkeep that is done again next time
    /// (a migration, the daily snapshot, a notice): closing the tab meanwhile does not ask.
    pub fn locked_upkeep(&self, job: impl FnOnce() + 'static) {
        lock::run(lock::Holds::Upkeep, job);
    }

    /// Runs `job` under the lock, as `locked` (the user's work), and gives its result once it
    /// has run: the writing step of long work whose slices run outside the lock (they only read).
    pub async fn locked_then<T: 'static>(&self, job: impl FnOnce() -> T + 'static) -> T {
        lock::run_then(lock::Holds::UserWork, job).await
    }

    /// Stores an undone import (the dataset is undone already): its mark for other tabs, the
    /// records put back to older versions (`keys`: over this tab's own writes, never over
    /// another tab's), and the removal of the records it had added. Until all of it is stored,
    /// every save retries it, and the import's undo stays in localStorage (a reload, which
    /// loses what was not stored, offers it again). Err: why it is not stored yet.
    /// Under the lock.
    pub fn persist_undo(&self, rollback: Rollback, keys: Vec<RecordKey>) -> Result<(), StoreError> {
        self.storage.undo.set_value(Some(rollback));
        self.persist(keys);
        match self.save.with_untracked(|s| s.error.clone()) {
            Some(error) if self.storage.undo.with_value(Option::is_some) => Err(error),
            _ => Ok(()),
        }
    }

    /// Before an import: the last undo's mark goes, as the versions it names may come back.
    /// Under the lock.
    pub fn clear_undo_mark(&self) {
        if self.storage.undo.with_value(Option::is_some) {
            return; // still being stored (the import is refused meanwhile)
        }
        if let Ok(mut store) = LocalStore::open() {
            let _ = self
                .storage
                .session
                .try_update_value(|s| storage::clear_rollback(&mut store, s));
        }
    }

    /// Writes `keys` (and anything still pending) to localStorage, under the lock: at once in a
    /// job, else as soon as the lock is granted (edits made meanwhile join the same write; until
    /// then they are pending, and closing the page asks first). A refusal keeps them pending,
    /// says why, and tries again shortly. A read-only page writes nothing: the edits stay in the
    /// page, pending, and the banner offers an export of everything.
    pub fn persist(&self, keys: Vec<RecordKey>) {
        if !keys.is_empty() {
            self.save.update(|s| s.pending.extend(keys));
            self.sync_local_change();
        }
        if self.read_only.with_untracked(Option::is_some) {
            self.keep_read_only_edits();
            return;
        }
        if lock::is_held() {
            self.write_pending();
        } else if !self.storage.write_queued.get_value() {
            self.storage.write_queued.set_value(true);
            let state = *self;
            self.locked(move || {
                state.storage.write_queued.set_value(false);
                state.write_pending();
            });
        }
    }

    /// In a read-only page, edits are kept in memory and said not to be stored.
    fn keep_read_only_edits(&self) {
        if self
            .save
            .with_untracked(|s| !s.pending.is_empty() && s.error.is_none())
        {
            self.save.update(|s| s.error = Some(StoreError::ReadOnly));
        }
    }

    /// Writes every pending record (and a pending undo). Under the lock.
    fn write_pending(&self) {
        let all: Vec<RecordKey> = self
            .save
            .with_untracked(|s| s.pending.iter().copied().collect());
        let undo = self.storage.undo.get_value();
        if all.is_empty() && undo.is_none() {
            return;
        }
        let stamp = self.stamp();
        let report = match LocalStore::open() {
            Ok(mut store) => self.data.with_untracked(|data| {
                self.storage
                    .session
                    .try_update_value(|session| match &undo {
                        Some(rollback) => {
                            storage::save_rollback(&mut store, data, &all, rollback, session, stamp)
                        }
                        None => storage::save_records(&mut store, data, &all, session, stamp),
                    })
                    .expect("session is alive")
            }),
            Err(error) => WriteReport {
                pending: all.clone(),
                error: Some(error),
                ..Default::default()
            },
        };
        if undo.is_some() && report.error.is_none() {
            // The undo is stored whole: nothing to offer after a reload any more.
            self.storage.undo.set_value(None);
            let _ = super::import::clear_undo();
        }
        self.take_report(report, &all);
    }

    fn take_report(&self, mut report: WriteReport, attempted: &[RecordKey]) {
        if !report.incoming.is_empty() || !report.removed.is_empty() {
            self.data.update(|data| report.take_into(data, attempted));
        } else {
            self.data
                .update_untracked(|data| report.take_into(data, attempted));
        }
        if !report.conflicts.is_empty() {
            self.add_conflicts(report.conflicts);
        }
        if !report.problems.is_empty() {
            self.load_problems.update(|p| p.extend(report.problems));
        }
        if !report.snapshots_dropped.is_empty() {
            let count = report.snapshots_dropped.len();
            self.notify(
                move |i18n| tr!(i18n, "storage-snapshots-dropped", {"count" => count}),
                None,
            );
        }
        // A lock granted without IndexedDB to count writes in: the page says so from now on.
        if !lock::supported() && !self.storage.unlocked.get_untracked() {
            self.storage.unlocked.set(true);
        }
        let failed = report.error.is_some();
        self.save.set(SaveState {
            pending: sorting::set_of(report.pending),
            error: report.error,
        });
        self.refresh_storage_info();
        if self.storage.session.with_value(|s| s.read_only.is_some()) {
            // Another tab's newer app (or damage) made this page read-only meanwhile.
            self.read_only
                .set(self.storage.session.with_value(|s| s.read_only.clone()));
            self.keep_read_only_edits();
        } else if failed {
            self.schedule_retry();
        }
    }

    fn schedule_retry(&self) {
        if self.storage.retry_scheduled.get_value() {
            return;
        }
        self.storage.retry_scheduled.set_value(true);
        let state = *self;
        set_timeout(
            move || {
                state.storage.retry_scheduled.set_value(false);
                if state.save.with_untracked(|s| s.error.is_some()) {
                    state.retry_save();
                }
            },
            RETRY_AFTER,
        );
    }

    /// Tries the pending writes again.
    pub fn retry_save(&self) {
        self.persist(Vec::new());
    }

    /// After the office key was found damaged: stores the office under the recovered id
    /// (`keep`, when there is one) or a new one, with the name the user confirmed; the damage
    /// is then mended (its problem goes, the key is written again). Under the lock.
    pub fn mend_office(&self, name: String, keep: bool) -> Result<OfficeProfile, StoreError> {
        let recovered = self
            .office_damage
            .with_untracked(|d| d.as_ref().and_then(|d| d.recovered.as_ref().map(|r| r.id)));
        let id = recovered
            .filter(|_| keep)
            .unwrap_or_else(crate::core::records::meta::new_id);
        let office = OfficeProfile { id, name };
        self.storage.session.update_value(|s| {
            s.quarantined.remove(storage::OFFICE_KEY);
        });
        self.save_office(office.clone())?;
        self.load_problems
            .update(|p| p.retain(|p| p.key != storage::OFFICE_KEY));
        self.office_damage.set(None);
        Ok(office)
    }

    /// Stores the office profile. Under the lock.
    pub fn save_office(&self, office: OfficeProfile) -> Result<(), StoreError> {
        let mut store = LocalStore::open()?;
        let report = self
            .storage
            .session
            .try_update_value(|session| storage::save_office(&mut store, session, &office))
            .expect("session is alive");
        if let Some(error) = report.error {
            return Err(error);
        }
        self.office.set(Some(office));
        self.refresh_storage_info();
        Ok(())
    }

    /// Another tab wrote: take its changes in, without a reload.
    fn absorb(&self, change: StorageChange) {
        if let Some(key) = &change.key {
            self.absorb_sync_key(key, change.new_value.as_deref());
        }
        let pending = self.save.with_untracked(|s| s.pending.clone());
        let refusal_noted = change.key.as_deref() == Some(keys::SNAPSHOT_REFUSAL_KEY);
        let absorbed = match change.key {
            Some(key) => self.data.with_untracked(|data| {
                self.storage
                    .session
                    .try_update_value(|session| {
                        crate::core::storage::tabs::absorb(
                            &key,
                            change.new_value.as_deref(),
                            data,
                            &pending,
                            session,
                        )
                    })
                    .expect("session is alive")
            }),
            None => {
                let rewrite = self.data.with_untracked(|data| {
                    self.storage
                        .session
                        .try_update_value(|session| {
                            crate::core::storage::tabs::absorb_clear(data, session)
                        })
                        .expect("session is alive")
                });
                Absorbed {
                    rewrite,
                    ..Default::default()
                }
            }
        };
        if refusal_noted {
            // Another tab's snapshot was refused for room, or one was taken: Settings follows.
            let noted = self
                .storage
                .session
                .with_value(|s| s.snapshot_refusal.map(|n| n.refusal()));
            self.storage.info.update(|i| i.snapshot_refused = noted);
        }
        if self.read_only.with_untracked(Option::is_none) {
            if let Some(why) = self.storage.session.with_value(|s| s.read_only.clone()) {
                self.read_only.set(Some(why));
                self.keep_read_only_edits();
            }
        }
        if let Some(office) = absorbed.office {
            self.office.set(Some(office));
        }
        if !absorbed.incoming.is_empty() || !absorbed.removed.is_empty() {
            // Another tab's change: the tab that syncs sends it.
            self.sync_local_change();
            self.data.update(|data| {
                for (key, value) in absorbed.incoming {
                    let _ = crate::core::storage::tabs::take_incoming(data, key, value);
                }
                // Records another tab's undone import removed.
                storage::remove_records(data, &absorbed.removed);
            });
        }
        if !absorbed.conflicts.is_empty() {
            self.add_conflicts(absorbed.conflicts);
        }
        if !absorbed.resolved.is_empty() {
            self.storage
                .conflicts
                .update(|c| c.retain(|x| !absorbed.resolved.contains(&x.key)));
        }
        if !absorbed.problems.is_empty() {
            self.load_problems.update(|p| p.extend(absorbed.problems));
        }
        if !absorbed.rewrite.is_empty() {
            self.persist(absorbed.rewrite);
        } else {
            self.refresh_storage_info();
        }
    }

    /// Hook for issue 4 (export): call after a file of everything was handed to the user.
    /// "Changes not exported since …" starts afresh.
    pub fn record_export(&self) {
        let now = self.stamp().now;
        let state = *self;
        self.locked(move || {
            if let Ok(mut store) = LocalStore::open() {
                let _ = state
                    .storage
                    .session
                    .try_update_value(|s| storage::record_export(&mut store, s, now));
            }
            state.refresh_storage_info();
        });
    }

    /// Keys and raw text of everything that could not be read, for the user to save.
    pub fn unreadable_raw_text(&self) -> String {
        self.load_problems.with_untracked(|problems| {
            let map: std::collections::BTreeMap<&str, &str> = problems
                .iter()
                .map(|p| (p.key.as_str(), p.raw.as_str()))
                .collect();
            serde_json::to_string_pretty(&map).expect("strings serialise")
        })
    }
}
