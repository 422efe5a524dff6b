//! Snapshots from the page: the day's (in the background), one before every import and restore
//! (shown with their progress), restore and delete. Each is encoded a chunk of records at a time
//! between which the page paints; storing it is one step (`backup::put`).

use leptos::prelude::*;
use leptos_fluent::{tr, I18n};

use super::{AppState, Progress, WorkKind};
use crate::core::storage::backup::{self, SnapshotInfo, SnapshotRefused, SnapshotWriter};
use crate::core::storage::keys::SnapshotKind;
use crate::core::storage::{self, LoadProblemKind, StoreError};
use crate::ui::text;
use crate::web::local_storage::LocalStore;

/// Why a snapshot was not restored.
#[derive(Clone, Debug, PartialEq)]
pub enum RestoreRefused {
    Store(StoreError),
    Unreadable(LoadProblemKind),
}

impl RestoreRefused {
    pub fn words(&self, i18n: I18n) -> String {
        match self {
            RestoreRefused::Store(e) => text::store_error_tr(i18n, e),
            RestoreRefused::Unreadable(k) => text::load_problem(i18n, k),
        }
    }
}

impl AppState {
    /// A snapshot of everything, taken just before an import changes the data, with its
    /// progress shown. The error says why not (the import may go on: the user decides).
    pub async fn snapshot_before_import(&self) -> Result<SnapshotInfo, SnapshotRefused> {
        self.take_snapshot(SnapshotKind::BeforeImport, true).await
    }

    async fn take_snapshot(
        &self,
        kind: SnapshotKind,
        shown: bool,
    ) -> Result<SnapshotInfo, SnapshotRefused> {
        let result = self.snapshot_in_slices(kind, shown).await;
        self.refresh_storage_info();
        let refused = result.as_ref().err().cloned();
        self.storage.info.update(|i| i.snapshot_refused = refused);
        result
    }

    async fn snapshot_in_slices(
        &self,
        kind: SnapshotKind,
        shown: bool,
    ) -> Result<SnapshotInfo, SnapshotRefused> {
        self.storage.session.with_value(backup::may_fit)?;
        let now = self.stamp().now;
        let mut writer = SnapshotWriter::new(kind, now, self.office.get_untracked());
        let mut progress = if shown {
            let total = self.data.with_untracked(|d| storage::all_keys(d).len());
            Progress::shown(*self, WorkKind::Snapshot, total)
        } else {
            Progress::unseen(*self)
        };
        while !self.data.with_untracked(|data| writer.step(data)) {
            progress.maybe_pause(writer.encoded()).await;
        }
        drop(progress);
        let text = writer.finish();
        let mut store = LocalStore::open().map_err(SnapshotRefused::Store)?;
        self.storage
            .session
            .try_update_value(|session| backup::put(&mut store, session, kind, now, text))
            .expect("session is alive")
    }

    /// The first snapshot of the day, in the background (a refusal, too big for the budget, is
    /// shown in Settings, not interrupting work).
    pub(super) async fn daily_snapshot(self) {
        let due = !self.read_only.get_untracked()
            && !self.busy()
            && self.data.with_untracked(|d| !d.is_empty())
            && self
                .storage
                .session
                .with_value(|s| backup::daily_due(s, self.stamp().now));
        if due {
            let _ = self.take_snapshot(SnapshotKind::Daily, false).await;
        }
    }

    /// Brings the data back to a snapshot (first taking one of the current state, so this too
    /// can be undone). Returns how many records changed.
    pub async fn restore_snapshot(&self, key: &str) -> Result<usize, RestoreRefused> {
        if self.busy() {
            return Err(RestoreRefused::Store(StoreError::Other(
                crate::ui::i18n::current()
                    .map(|i18n| tr!(i18n, "work-busy"))
                    .unwrap_or_default(),
            )));
        }
        let snapshot = LocalStore::open()
            .map_err(RestoreRefused::Store)
            .and_then(|store| backup::read(&store, key).map_err(RestoreRefused::Unreadable))?;
        let before = self.take_snapshot(SnapshotKind::BeforeRestore, true).await;
        let changed = self.apply(
            |data, stamp| backup::restore(data, &snapshot, stamp),
            |keys| keys.clone(),
        );
        if let Err(why) = before {
            self.notify(
                move |i18n| {
                    tr!(i18n, "storage-restored-without-snapshot", {
                        "why" => text::snapshot_refused(i18n, &why),
                    })
                },
                None,
            );
        }
        Ok(changed.len())
    }

    pub fn drop_snapshot(&self, key: &str) -> Result<(), StoreError> {
        let mut store = LocalStore::open()?;
        self.storage
            .session
            .try_update_value(|s| backup::drop(&mut store, s, key))
            .expect("session is alive")?;
        self.refresh_storage_info();
        Ok(())
    }
}
