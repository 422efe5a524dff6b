//! Live sync with a CouchDB server, glued to the page: the core's replicator
//! (`sync_protocol::Replicator`) is driven here, one request at a time (`web::couch`), in the
//! one tab that holds the sync lock; everything it takes in is written like any other change,
//! under the storage lock (`AppState::locked_upkeep`, `persist`), so the other tabs follow
//! through their storage events. Every tab shows the status and the conflicts the syncing tab
//! stores (`phoihop/sync/status`, `…/conflicts`). The replicator's code loads the first time
//! a tab starts the sync (the `sync` part, lazy.rs).

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use leptos::prelude::*;

use super::AppState;
use crate::core::exchange::sync_protocol::connection::{ConnectionTest, Verdict};
use crate::core::exchange::sync_protocol::local::{self, SyncState, SyncStatus};
use crate::core::exchange::sync_protocol::reconcile::{apply_pulled, PulledDoc, SyncConflict};
use crate::core::exchange::sync_protocol::replicator::backoff;
use crate::core::exchange::sync_protocol::{Action, Replicator, SyncConfig};
use crate::core::records::record::RecordKey;
use crate::core::storage::keys::{StorageKey, SyncKey};
use crate::core::storage::{self, Conflict, StoreError};
use crate::web::couch::{self, Sent};
use crate::web::local_storage::LocalStore;
use crate::web::lock::{self, Holds};

/// What every tab shows of live sync.
#[derive(Clone, Copy)]
pub struct LiveSync {
    /// The settings as stored (None: sync not set up).
    pub config: RwSignal<Option<SyncConfig>>,
    /// Where the sync stands, as the syncing tab last stored it.
    pub status: RwSignal<Option<SyncStatus>>,
    /// Records edited here and in another office at once, waiting for the user.
    pub conflicts: RwSignal<Vec<SyncConflict>>,
}

impl LiveSync {
    pub fn new() -> LiveSync {
        LiveSync {
            config: RwSignal::new(None),
            status: RwSignal::new(None),
            conflicts: RwSignal::new(Vec::new()),
        }
    }
}

impl Default for LiveSync {
    fn default() -> Self {
        LiveSync::new()
    }
}

thread_local! {
    /// The replicator of the sync running in this tab.
    static DRIVER: RefCell<Option<Rc<RefCell<Replicator>>>> = const { RefCell::new(None) };
    /// Bumped to end the running sync (switched off, restarted): its loop checks it.
    static GENERATION: Cell<u64> = const { Cell::new(0) };
    static HOLDING: Cell<bool> = const { Cell::new(false) };
    static ASKED: Cell<bool> = const { Cell::new(false) };
}

/// How long a write refused by storage (the quota) waits before the sync tries it again.
const STORE_RETRY_MS: u32 = 20_000;

fn running(generation: u64) -> bool {
    GENERATION.get() == generation
}

impl AppState {
    /// At start: what sync keeps here, and the sync itself if it is switched on.
    pub(super) fn open_sync(&self) {
        let Ok(stored) = LocalStore::open().and_then(|store| local::load(&store)) else {
            return;
        };
        self.sync.config.set(stored.config);
        self.sync.status.set(stored.status);
        self.sync.conflicts.set(stored.conflicts);
        // Offline: the long-poll ends and the header says so. Online again: the wait after a
        // failure is over at once.
        couch::on_connectivity(|online| {
            if !online {
                couch::interrupt_long_poll();
            }
            couch::wake();
        });
        self.want_sync();
    }

    /// Sync runs in this tab if it is switched on, the page writes, and this tab holds the
    /// sync lock (asked for here; another tab may hold it, then this one waits its turn).
    fn want_sync(&self) {
        let enabled = self
            .sync
            .config
            .with_untracked(|c| c.as_ref().is_some_and(|c| c.enabled));
        if !enabled || self.read_only.with_untracked(Option::is_some) {
            self.stop_sync();
            return;
        }
        if HOLDING.get() {
            self.start_driver();
        } else if !ASKED.replace(true) {
            let state = *self;
            couch::request_sync_lock(move |_| {
                ASKED.set(false);
                HOLDING.set(true);
                let enabled = state
                    .sync
                    .config
                    .with_untracked(|c| c.as_ref().is_some_and(|c| c.enabled));
                if enabled && state.read_only.with_untracked(Option::is_none) {
                    state.start_driver();
                } else {
                    state.stop_sync();
                }
            });
        }
    }

    /// Ends the sync running here (if any) and lets the sync lock go.
    fn stop_sync(&self) {
        GENERATION.set(GENERATION.get() + 1);
        DRIVER.with(|d| d.borrow_mut().take());
        couch::interrupt_long_poll();
        couch::wake();
        if HOLDING.replace(false) {
            couch::release();
        }
    }

    /// Starts (or starts again) the sync in this tab, which holds the sync lock.
    fn start_driver(&self) {
        GENERATION.set(GENERATION.get() + 1);
        couch::interrupt_long_poll();
        couch::wake();
        let generation = GENERATION.get();
        let Some(config) = self.sync.config.get_untracked() else {
            return;
        };
        let Some(office) = self.office.with_untracked(|o| o.as_ref().map(|o| o.id)) else {
            return;
        };
        // Read afresh: the tab that synced before may have gone further than this one read.
        let Ok(stored) = LocalStore::open().and_then(|store| local::load(&store)) else {
            return;
        };
        let replicator = Rc::new(RefCell::new(Replicator::new(
            office,
            config.clone(),
            stored.checkpoint,
            stored.revs,
        )));
        DRIVER.with(|d| *d.borrow_mut() = Some(replicator.clone()));
        let state = *self;
        leptos::task::spawn_local(async move {
            state.publish(&replicator, SyncState::Connecting);
            state.drive(generation, replicator, config.server).await;
        });
    }

    /// The sync's loop: asks the replicator what to do, does it, reports back.
    async fn drive(&self, generation: u64, replicator: Rc<RefCell<Replicator>>, server: String) {
        let state = *self;
        while running(generation) {
            if !couch::online() {
                self.publish(&replicator, SyncState::Offline);
                couch::sleep(60_000).await;
                continue;
            }
            let action = self
                .data
                .with_untracked(|data| replicator.borrow_mut().next(data));
            match action {
                Action::Send(request) => {
                    if request.long_poll {
                        self.publish(&replicator, SyncState::Synced);
                    } else if self.sync.status.with_untracked(|s| {
                        !s.as_ref().is_some_and(|s| {
                            matches!(s.state, SyncState::Syncing | SyncState::Connecting)
                        })
                    }) {
                        self.publish(&replicator, SyncState::Syncing);
                    }
                    let sent = couch::send(&server, &request).await;
                    if !running(generation) {
                        return;
                    }
                    if let Sent::Reply(reply) = sent {
                        replicator.borrow_mut().answer(reply);
                    }
                }
                Action::Apply(docs) => {
                    let r = replicator.clone();
                    let stored =
                        lock::run_then(Holds::Upkeep, move || state.take_pulled(&r, docs)).await;
                    if !stored {
                        couch::sleep(STORE_RETRY_MS).await;
                    }
                }
                Action::Store(checkpoint) => {
                    let r = replicator.clone();
                    let stored = lock::run_then(Holds::Upkeep, move || {
                        let mut r = r.borrow_mut();
                        let stored = state.write_sync(|store, session| {
                            local::save_progress(store, session, &checkpoint, &mut r.revs)
                        });
                        if stored.is_ok() {
                            r.stored();
                        }
                        stored.is_ok()
                    })
                    .await;
                    if !stored {
                        couch::sleep(STORE_RETRY_MS).await;
                    }
                }
                Action::Wait { attempt } => {
                    let problem = replicator.borrow().problem();
                    let shown = match problem {
                        Some(problem) => SyncState::Failed { problem },
                        None => SyncState::Syncing,
                    };
                    self.publish(&replicator, shown);
                    let wait = backoff(attempt, js_sys::Math::random());
                    couch::sleep(wait.as_millis() as u32).await;
                    replicator.borrow_mut().retry();
                }
                Action::Stop(problem) => {
                    self.publish(&replicator, SyncState::Failed { problem });
                    if running(generation) {
                        // Waits for the user (log in again, fix the settings): another tab,
                        // where they do, takes the lock.
                        self.stop_sync();
                    }
                    return;
                }
            }
        }
    }

    /// Takes a batch of the server's documents in, stores the records and the revisions and
    /// the conflicts it asks, then tells the replicator. False: storage refused (tried again).
    /// Under the lock.
    fn take_pulled(&self, replicator: &Rc<RefCell<Replicator>>, docs: Vec<PulledDoc>) -> bool {
        let mut r = replicator.borrow_mut();
        let pulled = self
            .data
            .try_update(|data| apply_pulled(data, &mut r.revs, docs))
            .expect("dataset is alive");
        if !pulled.written.is_empty() {
            self.persist(pulled.written.clone());
        }
        let unstored = self
            .save
            .with_untracked(|s| pulled.written.iter().any(|k| s.pending.contains(k)));
        if unstored {
            return false;
        }
        let mut conflicts = None;
        let checkpoint = r.checkpoint.clone();
        let stored = self.write_sync(|store, session| {
            conflicts = Some(local::update_conflicts(
                store,
                session,
                &pulled.asked,
                &pulled.settled,
            )?);
            local::save_progress(store, session, &checkpoint, &mut r.revs)
        });
        if let Some(conflicts) = conflicts {
            self.sync.conflicts.set(conflicts);
        }
        if stored.is_ok() {
            r.applied(&pulled);
        }
        stored.is_ok()
    }

    /// A write of sync's own keys through the session. Under the lock.
    fn write_sync(
        &self,
        write: impl FnOnce(&mut LocalStore, &mut storage::Session) -> Result<(), StoreError>,
    ) -> Result<(), StoreError> {
        let mut store = LocalStore::open()?;
        let result = self
            .storage
            .session
            .try_update_value(|session| write(&mut store, session))
            .expect("session is alive");
        self.refresh_storage_info();
        result
    }

    /// Shows where the sync stands, and stores it for the other tabs when it changed.
    fn publish(&self, replicator: &Rc<RefCell<Replicator>>, state: SyncState) {
        let r = replicator.borrow();
        let waiting = self.data.with_untracked(|data| r.waiting_count(data));
        let previous = self.sync.status.get_untracked();
        let synced_at = if state == SyncState::Synced {
            Some(crate::web::now())
        } else {
            previous.as_ref().and_then(|p| p.synced_at)
        };
        let status = SyncStatus {
            state,
            waiting,
            synced_at,
            progress: r.progress.clone(),
            conflicts: self.sync.conflicts.with_untracked(Vec::len),
        };
        drop(r);
        // Shown to the minute: a long-poll that ends with nothing new writes nothing, unless
        // the minute shown changed.
        let minute = |s: &SyncStatus| s.synced_at.map(|t| t.timestamp() / 60);
        let unchanged = previous.as_ref().is_some_and(|p| {
            p.state == status.state
                && p.waiting == status.waiting
                && p.conflicts == status.conflicts
                && minute(p) == minute(&status)
        });
        if unchanged {
            return;
        }
        self.sync.status.set(Some(status.clone()));
        let state = *self;
        self.locked_upkeep(move || {
            let _ = state.write_sync(|store, session| local::save_status(store, session, &status));
        });
    }

    /// A change was made here (or in another tab): the sync sends it now, ending its long-poll.
    pub(super) fn sync_local_change(&self) {
        let Some(driver) = DRIVER.with(|d| d.borrow().clone()) else {
            return;
        };
        // Borrowed: the sync's own write of what it took in, nothing to send.
        let Ok(mut replicator) = driver.try_borrow_mut() else {
            return;
        };
        let live = replicator.is_live();
        replicator.local_changed();
        drop(replicator);
        if live {
            couch::interrupt_long_poll();
        }
        if !couch::online() {
            // Offline: the count of changes waiting is shown again.
            couch::wake();
        }
    }

    /// Another tab wrote one of sync's keys: follow its settings, status and conflicts.
    pub(super) fn absorb_sync_key(&self, key: &str, value: Option<&str>) {
        let Some(StorageKey::Sync(which)) = StorageKey::parse(key) else {
            return;
        };
        let text = value.unwrap_or_default();
        match which {
            SyncKey::Status => self.sync.status.set(serde_json::from_str(text).ok()),
            SyncKey::Conflicts => self
                .sync
                .conflicts
                .set(serde_json::from_str(text).unwrap_or_default()),
            SyncKey::Config => {
                self.sync.config.set(serde_json::from_str(text).ok());
                self.want_sync();
            }
            SyncKey::Checkpoint | SyncKey::Revs(_) => {}
        }
    }

    /// The connection test of Settings, which also logs in (the password goes only into the
    /// login request and is dropped).
    pub async fn test_connection(config: SyncConfig, password: String) -> Verdict {
        let server = config.server.clone();
        let mut test = ConnectionTest::new(config, password);
        while let Some(request) = test.next_request() {
            match couch::send(&server, &request).await {
                Sent::Reply(reply) => test.answer(reply),
                Sent::Aborted => test.answer(
                    crate::core::exchange::sync_protocol::Reply::Unreachable(String::new()),
                ),
            }
        }
        test.verdict().cloned().unwrap_or(Verdict::NotCouch)
    }

    /// Stores the settings (switched on or off) and starts or stops the sync accordingly.
    /// Err: storage refused.
    /// Under the lock.
    pub fn save_sync_config(&self, config: SyncConfig) -> Result<(), StoreError> {
        self.write_sync(|store, session| local::save_config(store, session, Some(&config)))?;
        let enabled = config.enabled;
        self.sync.config.set(Some(config));
        if !enabled {
            self.stop_sync();
            let status = self.sync.status.get_untracked().map(|s| SyncStatus {
                state: SyncState::Paused,
                ..s
            });
            if let Some(status) = status {
                let _ =
                    self.write_sync(|store, session| local::save_status(store, session, &status));
                self.sync.status.set(Some(status));
            }
        } else {
            self.want_sync();
        }
        Ok(())
    }

    /// Settles a sync conflict: the record as stored here with the fields named in
    /// `from_other` taken from the other office's version (all of them: theirs whole), as a
    /// version over both, which the sync sends and every office takes.
    pub fn resolve_sync_conflict(&self, key: RecordKey, from_other: Vec<String>) {
        let state = *self;
        self.locked(move || {
            let Some(conflict) = state
                .sync
                .conflicts
                .with_untracked(|c| c.iter().find(|x| x.key() == key).cloned())
            else {
                return; // settled meanwhile
            };
            let other = Conflict {
                key,
                other: conflict.theirs,
            };
            let result =
                state.apply(|data, stamp| storage::tabs::resolve(data, &other, &from_other, stamp));
            if result.is_err() || state.save.with_untracked(|s| s.pending.contains(&key)) {
                return;
            }
            let mut left = None;
            let _ = state.write_sync(|store, session| {
                left = Some(local::update_conflicts(store, session, &[], &[key])?);
                Ok(())
            });
            if let Some(left) = left {
                state.sync.conflicts.set(left);
            }
            state.conflict_decided(key);
        });
    }
}
