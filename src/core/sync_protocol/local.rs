//! What live sync keeps in localStorage (`phoihop/sync/…`, `storage::keys::SyncKey`): the
//! settings, the checkpoint, the server revision of every record, the conflicts waiting for the
//! user, and the status every tab's header shows. Written under the storage lock like any other
//! key, through the same checked writes (`set_with_room`: the quota, the meter).

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use super::config::SyncConfig;
use super::reconcile::SyncConflict;
use super::replicator::{Checkpoint, Progress, SyncProblem};
use super::revs::{RevMap, SHARDS};
use crate::storage::keys::SyncKey;
use crate::storage::{remove, set_with_room, KeyValueStore, Session, StoreError, WriteReport};
use crate::workspace::RecordKey;

/// Where the sync stands, as the header of every tab shows it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "state", rename_all = "snake_case")]
pub enum SyncState {
    /// Opening: checking the database and the checkpoint.
    Connecting,
    /// Taking in or sending changes (`progress`).
    Syncing,
    /// Everything taken in and sent; waiting for news.
    Synced,
    /// The browser is offline: changes wait here.
    Offline,
    /// A problem: tried again on its own if it passes, else waiting for the user.
    Failed { problem: SyncProblem },
    /// Set up, but not running: no login in this browser session, or stopped by the user.
    Paused,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SyncStatus {
    #[serde(flatten)]
    pub state: SyncState,
    /// Records changed here that the server does not have yet.
    pub waiting: usize,
    /// When the sync last caught up with the server.
    #[serde(default)]
    pub synced_at: Option<DateTime<Utc>>,
    #[serde(default)]
    pub progress: Progress,
    /// Conflicts waiting for the user.
    #[serde(default)]
    pub conflicts: usize,
}

/// Everything sync keeps here, as read at start.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct LocalSync {
    pub config: Option<SyncConfig>,
    pub checkpoint: Checkpoint,
    pub revs: RevMap,
    pub conflicts: Vec<SyncConflict>,
    pub status: Option<SyncStatus>,
}

fn read<T: serde::de::DeserializeOwned>(
    store: &impl KeyValueStore,
    key: SyncKey,
) -> Result<Option<T>, StoreError> {
    // A key that does not read is as good as absent: each is rebuilt by the next sync.
    Ok(store
        .get(&key.key())?
        .and_then(|raw| serde_json::from_str(&raw).ok()))
}

pub fn load(store: &impl KeyValueStore) -> Result<LocalSync, StoreError> {
    let mut revs = RevMap::default();
    for shard in 0..SHARDS {
        if let Some(raw) = store.get(&SyncKey::Revs(shard).key())? {
            revs.read_shard(&raw);
        }
    }
    Ok(LocalSync {
        config: read(store, SyncKey::Config)?,
        checkpoint: read(store, SyncKey::Checkpoint)?.unwrap_or_default(),
        revs,
        conflicts: read_conflicts(store)?,
        status: read(store, SyncKey::Status)?,
    })
}

pub fn read_conflicts(store: &impl KeyValueStore) -> Result<Vec<SyncConflict>, StoreError> {
    Ok(read(store, SyncKey::Conflicts)?.unwrap_or_default())
}

fn write(
    store: &mut impl KeyValueStore,
    session: &mut Session,
    key: SyncKey,
    text: Option<String>,
) -> Result<(), StoreError> {
    if session.read_only.is_some() {
        return Err(StoreError::ReadOnly);
    }
    let key = key.key();
    match text {
        Some(text) => {
            if store.get(&key)?.as_deref() == Some(text.as_str()) {
                return Ok(());
            }
            set_with_room(store, session, &mut WriteReport::default(), &key, &text)
        }
        None if store.get(&key)?.is_some() => remove(store, session, &key),
        None => Ok(()),
    }
}

fn json<T: Serialize>(value: &T) -> Option<String> {
    Some(serde_json::to_string(value).expect("sync state serialises"))
}

/// Stores the settings (None: sync switched off and forgotten, with everything it kept).
pub fn save_config(
    store: &mut impl KeyValueStore,
    session: &mut Session,
    config: Option<&SyncConfig>,
) -> Result<(), StoreError> {
    match config {
        Some(config) => write(store, session, SyncKey::Config, json(config)),
        None => {
            write(store, session, SyncKey::Config, None)?;
            write(store, session, SyncKey::Checkpoint, None)?;
            write(store, session, SyncKey::Conflicts, None)?;
            write(store, session, SyncKey::Status, None)?;
            for shard in 0..SHARDS {
                write(store, session, SyncKey::Revs(shard), None)?;
            }
            Ok(())
        }
    }
}

/// Stores the revisions that changed, then the checkpoint: a checkpoint never runs ahead of
/// what it stands for.
pub fn save_progress(
    store: &mut impl KeyValueStore,
    session: &mut Session,
    checkpoint: &Checkpoint,
    revs: &mut RevMap,
) -> Result<(), StoreError> {
    for (shard, text) in revs.take_changed() {
        write(store, session, SyncKey::Revs(shard), text)?;
    }
    write(store, session, SyncKey::Checkpoint, json(checkpoint))
}

/// Adds conflicts to the stored list (one per record: a newer one replaces the older) and
/// removes the settled ones; read afresh, as another tab may have settled one meanwhile.
pub fn update_conflicts(
    store: &mut impl KeyValueStore,
    session: &mut Session,
    asked: &[SyncConflict],
    settled: &[RecordKey],
) -> Result<Vec<SyncConflict>, StoreError> {
    let mut all = read_conflicts(store)?;
    all.retain(|c| !settled.contains(&c.key()) && !asked.iter().any(|a| a.key() == c.key()));
    all.extend(asked.iter().cloned());
    let text = (!all.is_empty()).then(|| json(&all)).flatten();
    write(store, session, SyncKey::Conflicts, text)?;
    Ok(all)
}

pub fn save_status(
    store: &mut impl KeyValueStore,
    session: &mut Session,
    status: &SyncStatus,
) -> Result<(), StoreError> {
    write(store, session, SyncKey::Status, json(status))
}
