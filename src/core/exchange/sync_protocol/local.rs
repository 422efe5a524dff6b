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
use crate::records::record::RecordKey;
use crate::storage::keys::SyncKey;
use crate::storage::{remove, set_with_room, KeyValueStore, Session, StoreError, WriteReport};

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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::storage::{MemoryStore, ReadOnly};
    use serde_json::json;

    fn conflict(n: u128, rev: &str) -> SyncConflict {
        SyncConflict {
            collection: crate::records::record::Collection::Organisations,
            id: uuid::Uuid::from_u128(n),
            rev: rev.into(),
            theirs: json!({"notes": rev}),
        }
    }

    #[test]
    fn what_sync_keeps_is_read_back_and_forgotten_with_its_settings() {
        let mut store = MemoryStore::default();
        let mut session = Session::default();
        let config =
            SyncConfig::new("https://dongbo.travinh.gov.vn", "phoihop", "tinhdoan").unwrap();
        save_config(&mut store, &mut session, Some(&config)).unwrap();
        let mut revs = RevMap::default();
        revs.insert(uuid::Uuid::from_u128(1), "1-aa".into());
        revs.insert(uuid::Uuid::from_u128(0xF << 124), "2-bb".into());
        let checkpoint = Checkpoint {
            replication_id: "phoihop-1".into(),
            last_seq: json!("7-g1AAAA"),
        };
        save_progress(&mut store, &mut session, &checkpoint, &mut revs).unwrap();
        assert_eq!(
            store
                .entries
                .keys()
                .filter(|k| k.contains("/revs/"))
                .count(),
            2,
            "one key per shard used"
        );
        let asked = [conflict(1, "2-x"), conflict(2, "2-y")];
        update_conflicts(&mut store, &mut session, &asked, &[]).unwrap();
        // A newer question about a record replaces the older; a settled one goes.
        let left = update_conflicts(
            &mut store,
            &mut session,
            &[conflict(1, "3-z")],
            &[asked[1].key()],
        )
        .unwrap();
        assert_eq!(left, vec![conflict(1, "3-z")]);
        let status = SyncStatus {
            state: SyncState::Failed {
                problem: SyncProblem::LoginNeeded,
            },
            waiting: 3,
            synced_at: None,
            progress: Progress::default(),
            conflicts: 1,
        };
        save_status(&mut store, &mut session, &status).unwrap();

        let read = load(&store).unwrap();
        assert_eq!(read.config, Some(config));
        assert_eq!(read.checkpoint, checkpoint);
        assert_eq!(read.revs.get(&uuid::Uuid::from_u128(1)), Some("1-aa"));
        assert_eq!(read.revs.len(), 2);
        assert_eq!(read.conflicts, left);
        assert_eq!(read.status, Some(status));
        assert_eq!(
            session.units_used(),
            store
                .entries
                .iter()
                .map(|(k, v)| k.encode_utf16().count() + v.encode_utf16().count())
                .sum::<usize>()
        );

        save_config(&mut store, &mut session, None).unwrap();
        assert!(store
            .entries
            .keys()
            .all(|k| !k.starts_with("phoihop/sync/")));
        assert_eq!(load(&store).unwrap(), LocalSync::default());
    }

    #[test]
    fn a_read_only_tab_writes_no_sync_state() {
        let mut store = MemoryStore::default();
        let mut session = Session {
            read_only: Some(ReadOnly::NewerLayout { found: 3 }),
            ..Session::default()
        };
        let config = SyncConfig::new("https://x.vn", "phoihop", "a").unwrap();
        assert_eq!(
            save_config(&mut store, &mut session, Some(&config)),
            Err(StoreError::ReadOnly)
        );
        assert!(store.entries.is_empty());
    }
}
