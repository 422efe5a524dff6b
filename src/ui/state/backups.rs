//! Snapshots from the page: the day's (in the background), one before every import and restore
//! (shown with their progress), restore and delete. Each is encoded a chunk of records at a time
//! between which the page paints, outside the lock (encoding only reads the page's data); storing
//! it is one step under the lock every tab takes to write (`backup::put`).

use leptos::prelude::*;
use leptos_fluent::{tr, I18n};

use super::{AppState, Progress, WorkKind};
use crate::core::storage::backup::{
    self, EncodedSnapshot, SnapshotInfo, SnapshotRefused, SnapshotWriter,
};
use crate::core::storage::keys::{SnapshotKind, StorageKey};
use crate::core::storage::{self, LoadProblemKind, StoreError};
use crate::ui::text;
use crate::web::{self, local_storage::LocalStore};

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

/// A snapshot encoded, not yet stored (`AppState::store_snapshot` does, under the lock), or why
/// it was refused before encoding.
pub type Encoded = Result<EncodedSnapshot, SnapshotRefused>;

impl AppState {
    /// Encodes a snapshot of everything in slices (`shown`: with its progress on screen), to be
    /// stored by [`AppState::store_snapshot`] under the lock. Refused at once in a read-only page
    /// or when it cannot fit the budget.
    pub async fn encode_snapshot(&self, kind: SnapshotKind, shown: bool) -> Encoded {
        if self.read_only.with_untracked(Option::is_some) {
            return Err(SnapshotRefused::Store(StoreError::ReadOnly));
        }
        self.storage.session.with_value(backup::may_fit)?;
        let now = self.stamp().now;
        let mut writer = SnapshotWriter::new(kind, now, self.office.get_untracked());
        let mut progress = if shown {
            let total = self.data.with_untracked(|d| storage::all_keys(d).len());
            Progress::shown(*self, WorkKind::Snapshot, total)
        } else {
            Progress::unseen(*self)
        };
        let measure = web::Measure::start("phoihop: snapshot encoded");
        while !self.data.with_untracked(|data| writer.step(data)) {
            progress.maybe_pause(writer.encoded()).await;
        }
        measure.end();
        Ok(EncodedSnapshot {
            kind,
            taken_at: now,
            text: writer.finish(),
        })
    }

    /// Stores a snapshot just encoded (or notes why it was refused): Settings shows the list and
    /// the last refusal. A refusal for room is noted in storage too (`snapshot_refusal`), so the
    /// next start does not encode the day's snapshot again only to be refused, and a snapshot
    /// taken clears the note. Under the lock.
    pub fn store_snapshot(&self, encoded: Encoded) -> Result<SnapshotInfo, SnapshotRefused> {
        let now = self.stamp().now;
        let result = match LocalStore::open() {
            Ok(mut store) => self
                .storage
                .session
                .try_update_value(|session| backup::put_noted(&mut store, session, encoded, now))
                .expect("session is alive"),
            Err(error) => encoded.and(Err(SnapshotRefused::Store(error))),
        };
        self.refresh_storage_info();
        let refused = result.as_ref().err().cloned();
        self.storage.info.update(|i| i.snapshot_refused = refused);
        result
    }

    fn daily_due(&self) -> bool {
        self.read_only.with_untracked(Option::is_none)
            && self.data.with_untracked(|d| !d.is_empty())
            && self
                .storage
                .session
                .with_value(|s| backup::daily_due(s, self.stamp().now))
    }

    /// The first snapshot of the day, in the background (a refusal, too big for the budget, is
    /// shown in Settings, not interrupting work; noted, it is not tried again that day unless
    /// something changed that might let it fit: `backup::daily_due`).
    pub(super) async fn daily_snapshot(self) {
        if self.busy() {
            return;
        }
        if !self.daily_due() {
            web::mark("phoihop: daily snapshot not due");
            return;
        }
        let encoded = self.encode_snapshot(SnapshotKind::Daily, false).await;
        // Upkeep: done again tomorrow if the tab closes first.
        self.locked_upkeep(move || {
            // Another tab may have taken the day's meanwhile.
            if self.daily_due() {
                let _ = self.store_snapshot(encoded);
            }
        });
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
        if self.read_only.with_untracked(Option::is_some) {
            return Err(RestoreRefused::Store(StoreError::ReadOnly));
        }
        let Some(StorageKey::Snapshot(taken, _)) = StorageKey::parse(key) else {
            return Err(RestoreRefused::Unreadable(LoadProblemKind::UnknownKey));
        };
        let snapshot = LocalStore::open()
            .map_err(RestoreRefused::Store)
            .and_then(|store| backup::read(&store, key).map_err(RestoreRefused::Unreadable))?;
        let before = self
            .encode_snapshot(SnapshotKind::BeforeRestore, true)
            .await;
        let state = *self;
        // The snapshot of the current state and the restored records: one job under the lock.
        self.locked_then(move || {
            let before = state.store_snapshot(before);
            let restored =
                state.apply(|data, stamp| backup::restore(data, &snapshot, taken, stamp));
            if let Err(why) = before {
                state.notify(
                    move |i18n| {
                        tr!(i18n, "storage-restored-without-snapshot", {
                            "why" => text::snapshot_refused(i18n, &why),
                        })
                    },
                    None,
                );
            }
            Ok(restored.changed.len())
        })
        .await
    }

    /// Under the lock.
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
