//! The stored layout over a string key-value store (the browser's localStorage is one
//! [`KeyValueStore`], [`MemoryStore`] another, for tests and benchmarks).
//!
//! Layout 2 (see `keys` for the names, ARCHITECTURE.md "Storage" for why):
//! - records live in **buckets**: one key per collection and id-hash prefix, holding a few
//!   hundred records in the compact encoding of `codec` (columnar JSON, deflated, packed 15 bits
//!   to a UTF-16 unit). A bucket splits in two when it outgrows [`SPLIT_UNITS`].
//! - one edit writes a **delta**: the record alone under its own key. Deltas are folded into
//!   their bucket once it has [`FOLD_DELTAS`] of them, so an edit writes about the same small
//!   amount however many records are stored.
//! - before writing, the stored version is compared with the one this tab read (`sync`): a
//!   record another tab changed meanwhile is never overwritten; the two edits are merged field
//!   by field, and only fields both changed become a conflict. The browser glue runs every
//!   save under a lock all tabs share, so the stored copy compared is the one written over.
//! - layout 1 (one JSON key per record) is read and migrated (`legacy`).

pub mod backup;
pub mod codec;
pub mod drafts;
pub mod identity;
pub mod import_log;
pub mod keys;
pub mod known_offices;
mod legacy;
mod load;
mod memory;
pub mod rollback;
mod save;
pub mod snapshot_refusal;
pub mod tabs;

use crate::records::sorting;
use std::collections::{BTreeMap, BTreeSet};

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::records::meta::VersionVector;
use crate::records::record::{from_value, Collection, RecordKey};
use crate::records::workspace::{Dataset, OfficeProfile, Stored};

pub use keys::{LAYOUT_KEY, OFFICE_KEY, PREFIX};
pub use load::load;
pub use memory::MemoryStore;
pub use rollback::Rollback;
pub use save::{
    clear_conflict, clear_rollback, ensure_layout, migrate, record_export, route, save_office,
    save_records, save_rollback,
};
pub(crate) use save::{remove, set_with_room};

/// The layout this app writes. Older layouts are migrated on load; a newer one is read-only.
pub const LAYOUT_VERSION: u32 = 2;
/// What Chromium and Firefox allow one origin: UTF-16 code units of keys and values.
/// Safari allows about half as many once any text is not Latin-1 (ours never is).
pub const QUOTA_UNITS: usize = 5_242_880;
/// The usage meter warns from this share of the quota.
pub const WARN_PERCENT: usize = 80;
/// A bucket larger than this (after an edit is folded in) splits in two.
pub const SPLIT_UNITS: usize = 48 * 1024;
/// A bucket's deltas are folded into it when there are this many…
pub const FOLD_DELTAS: usize = 32;
/// …or when they add up to an eighth of the bucket, and at least this many units.
pub const FOLD_UNITS: usize = 4 * 1024;
/// A save of at least this many records of one bucket writes the bucket, not deltas.
const BULK_RECORDS: usize = 8;

/// Why the store refused an operation.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum StoreError {
    /// The origin's quota is used up (QuotaExceededError, NS_ERROR_DOM_QUOTA_REACHED).
    QuotaExceeded,
    /// Storage is switched off or not reachable (private mode, policy).
    Unavailable(String),
    /// Anything else the browser threw, with its message.
    Other(String),
    /// Not tried: this tab writes nothing (`Session::read_only` says why).
    ReadOnly,
}

/// The few operations the layout needs from a string key-value store.
pub trait KeyValueStore {
    fn get(&self, key: &str) -> Result<Option<String>, StoreError>;
    fn set(&mut self, key: &str, value: &str) -> Result<(), StoreError>;
    fn remove(&mut self, key: &str) -> Result<(), StoreError>;
    fn keys(&self) -> Result<Vec<String>, StoreError>;
}

/// Size as the browser's quota counts it: UTF-16 code units of key and value.
pub fn utf16_units(key: &str, value: &str) -> usize {
    text_units(key) + text_units(value)
}

/// A character is one UTF-16 unit, two outside the BMP (four bytes in UTF-8): counted on the
/// bytes, without decoding the characters (at the open, every stored value is counted: with
/// 50,000 events, `encode_utf16().count()` took 5–15 ms of it in the browser).
fn text_units(text: &str) -> usize {
    text.bytes()
        .map(|b| usize::from((b as i8) >= -0x40) + usize::from(b >= 0xF0))
        .sum()
}

/// Why one stored key (or one record in a bucket) could not be read. Its raw text is kept, and
/// the key is never overwritten.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LoadProblemKind {
    /// Not JSON at all.
    InvalidJson {
        line: usize,
        column: usize,
        message: String,
    },
    /// JSON, but not a record of its collection (a missing or mistyped field).
    SchemaMismatch { message: String },
    /// The id inside differs from the id in the key.
    IdMismatch,
    /// A key under our prefix that this version does not know.
    UnknownKey,
    /// The layout marker names a layout newer than this app: nothing is written.
    NewerLayout { found: String },
    /// The layout marker is not a layout number at all: damaged, not written by any version of
    /// this app. Nothing is written either (what else is damaged is not known).
    DamagedLayout { found: String },
    /// A bucket, delta or snapshot whose packed text cannot be unpacked.
    Undecodable { message: String },
}

/// In English, for the raw-text section of an export (the UI words it through text.rs).
impl std::fmt::Display for LoadProblemKind {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            LoadProblemKind::InvalidJson {
                line,
                column,
                message,
            } => write!(f, "not JSON (line {line}, column {column}): {message}"),
            LoadProblemKind::SchemaMismatch { message } => {
                write!(f, "not a record of its collection: {message}")
            }
            LoadProblemKind::IdMismatch => f.write_str("the id inside is not the key's"),
            LoadProblemKind::UnknownKey => f.write_str("a key this version does not know"),
            LoadProblemKind::NewerLayout { found } => {
                write!(f, "layout {found}, newer than this app's")
            }
            LoadProblemKind::DamagedLayout { found } => {
                write!(f, "layout marker {found:?}, not a layout number (damaged)")
            }
            LoadProblemKind::Undecodable { message } => write!(f, "cannot be unpacked: {message}"),
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LoadProblem {
    /// The storage key; for one record inside a bucket, the bucket's key and `#` and its place.
    pub key: String,
    pub kind: LoadProblemKind,
    pub raw: String,
}

/// When the data was last exported, and since when it has changes that are not.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ExportState {
    #[serde(default)]
    pub last_export: Option<DateTime<Utc>>,
    /// The first save after the last export (None: nothing new since).
    #[serde(default)]
    pub changed_since: Option<DateTime<Utc>>,
}

/// A record changed in two places at once: the stored version is in the dataset, `other` is the
/// version that lost the race (normally this tab's edit). Both are kept until the user chooses.
#[derive(Clone, Debug, PartialEq)]
pub struct Conflict {
    pub key: RecordKey,
    pub other: Value,
}

/// What this tab knows of storage: the size of every key, the version of each record as last
/// seen stored, and the keys it must never write. Kept up to date by loads, saves and the
/// storage events of other tabs.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Session {
    /// UTF-16 units of every key in the store (ours and any other), for the meter and routing.
    pub sizes: BTreeMap<String, usize>,
    /// The version of each record as this tab last read or wrote it. A write first compares the
    /// stored version with this one.
    pub base: BTreeMap<RecordKey, VersionVector>,
    /// Keys that failed to load: never written, so their raw text survives.
    pub quarantined: BTreeSet<String>,
    /// Why this tab must write nothing (None: it may write): show the data, keep every edit.
    pub read_only: Option<ReadOnly>,
    pub export: ExportState,
    /// The last undone import, as its mark in storage says (`rollback`): versions it put back
    /// are taken in, not written over, and records it removed are removed here too.
    pub rollback: Option<Rollback>,
    /// The snapshots last given up for room, oldest first (`backup::GivenUp`).
    pub given_up: Vec<backup::GivenUp>,
    /// The last snapshot refused for want of room, as noted (`snapshot_refusal`).
    pub snapshot_refusal: Option<snapshot_refusal::RefusalNote>,
    /// Other offices' names (`known_offices`), as stored.
    pub known_offices: crate::records::known_offices::KnownOffices,
    /// This office's imports and their undoing (`import_log`), as stored.
    pub import_log: Vec<import_log::ImportNote>,
}

impl Session {
    /// Units used by every key in the store.
    pub fn units_used(&self) -> usize {
        self.sizes.values().sum()
    }

    /// Units used by snapshots (given up first when space is short).
    pub fn snapshot_units(&self) -> usize {
        backup::list(self).iter().map(|s| s.units).sum()
    }

    pub fn is_near_full(&self) -> bool {
        self.units_used() * 100 >= QUOTA_UNITS * WARN_PERCENT
    }

    pub(crate) fn note_written(&mut self, key: &str, value: &str) {
        self.sizes.insert(key.to_string(), utf16_units(key, value));
    }

    pub(crate) fn note_removed(&mut self, key: &str) {
        self.sizes.remove(key);
    }
}

/// Why a tab shows the data but writes nothing.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ReadOnly {
    /// The store was written by a newer version of the app (layout `found`).
    NewerLayout { found: u32 },
    /// The layout marker holds something no version of the app writes: damaged data.
    DamagedLayout { found: String },
    /// The browser gives no storage to this page (private mode, a policy, a sandbox).
    Unavailable(StoreError),
}

impl ReadOnly {
    /// What the stored layout marker `text` means to this app: None when it may write.
    pub fn from_layout(text: &str) -> Option<ReadOnly> {
        match text.trim().parse::<u32>() {
            Ok(found) if found <= LAYOUT_VERSION => None,
            Ok(found) => Some(ReadOnly::NewerLayout { found }),
            Err(_) => Some(ReadOnly::DamagedLayout {
                found: text.to_string(),
            }),
        }
    }

    /// The load problem that goes with it (shown in Settings with the key's raw text).
    pub fn problem(&self) -> Option<LoadProblemKind> {
        match self {
            ReadOnly::NewerLayout { found } => Some(LoadProblemKind::NewerLayout {
                found: found.to_string(),
            }),
            ReadOnly::DamagedLayout { found } => Some(LoadProblemKind::DamagedLayout {
                found: found.clone(),
            }),
            ReadOnly::Unavailable(_) => None,
        }
    }
}

/// What loading found.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Loaded {
    pub office: Option<OfficeProfile>,
    pub data: Dataset,
    pub problems: Vec<LoadProblem>,
    pub conflicts: Vec<Conflict>,
    pub session: Session,
    /// The layout found (0: nothing stored). Older than [`LAYOUT_VERSION`]: call [`migrate`].
    pub layout_found: u32,
}

impl Loaded {
    /// True when nothing of ours was stored: the first run.
    pub fn is_first_run(&self) -> bool {
        self.office.is_none() && self.data.is_empty() && self.problems.is_empty()
    }

    pub fn needs_migration(&self) -> bool {
        self.session.read_only.is_none()
            && self.layout_found > 0
            && self.layout_found < LAYOUT_VERSION
    }
}

/// What one save wrote, and what it could not.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct WriteReport {
    pub keys_written: usize,
    /// UTF-16 code units of keys and values written: what the quota counts.
    pub units_written: usize,
    /// Records still unsaved (the write failed, or their key is quarantined).
    pub pending: Vec<RecordKey>,
    pub error: Option<StoreError>,
    /// Records another tab changed, as now stored: put them in this tab's dataset.
    pub incoming: Vec<(RecordKey, Value)>,
    /// Records changed here and in another tab at once (the stored version is in `incoming`).
    pub conflicts: Vec<Conflict>,
    /// Records an import had added, removed since by its undo in another tab: take them out of
    /// this tab's dataset (`remove_records`).
    pub removed: Vec<RecordKey>,
    /// Snapshots given up to make room for live data.
    pub snapshots_dropped: Vec<String>,
    /// Stored keys found unreadable while saving (now quarantined).
    pub problems: Vec<LoadProblem>,
}

impl WriteReport {
    pub(crate) fn wrote(&mut self, key: &str, value: &str) {
        self.keys_written += 1;
        self.units_written += utf16_units(key, value);
    }

    /// Brings this tab's dataset to what the save of `attempted` left stored: records another
    /// tab changed (or that were merged here) come in, records an undone import removed go, and
    /// the edits now stored are forgotten (`Dataset::befores`). What is still pending stays.
    pub fn take_into(&mut self, data: &mut Dataset, attempted: &[RecordKey]) {
        for (key, value) in std::mem::take(&mut self.incoming) {
            // A record that does not read is reported by loading; it is left as held here.
            let _ = tabs::take_incoming(data, key, value);
        }
        remove_records(data, &self.removed);
        let pending: BTreeSet<&RecordKey> = sorting::set_of(&self.pending);
        data.befores
            .forget(attempted.iter().filter(|k| !pending.contains(k)).copied());
    }
}

/// A record as JSON (the shape of exported files).
pub fn record_value(data: &Dataset, key: RecordKey) -> Option<Value> {
    fn value<T: Stored>(data: &Dataset, key: RecordKey) -> Option<Value> {
        T::table(data)
            .get(&key.id)
            .map(|r| serde_json::to_value(r).expect("records serialise"))
    }
    crate::with_record_type!(key.collection, T => value::<T>(data, key))
}

/// The version a stored record's JSON carries (None if it has none that parses).
pub fn value_version(value: &Value) -> Option<VersionVector> {
    from_value(value.get("version")?).ok()
}

/// The id a stored record's JSON names.
pub fn value_key(collection: Collection, value: &Value) -> Option<RecordKey> {
    let id = value.get("id")?.as_str()?.parse().ok()?;
    Some(RecordKey { collection, id })
}

/// Puts a stored record into `data`: the whole load, a change another tab made, a restore.
pub fn put_value(data: &mut Dataset, key: RecordKey, value: Value) -> Result<(), LoadProblemKind> {
    put_value_ref(data, key, &value)
}

/// As [`put_value`], reading the JSON in place (loading 50,000 records need not copy them).
pub fn put_value_ref(
    data: &mut Dataset,
    key: RecordKey,
    value: &Value,
) -> Result<(), LoadProblemKind> {
    fn put<T: Stored>(
        data: &mut Dataset,
        key: RecordKey,
        value: &Value,
    ) -> Result<(), LoadProblemKind> {
        let record: T = from_value(value).map_err(|e| LoadProblemKind::SchemaMismatch {
            message: e.to_string(),
        })?;
        if record.id() != key.id {
            return Err(LoadProblemKind::IdMismatch);
        }
        T::table_mut(data).put(record);
        Ok(())
    }
    crate::with_record_type!(key.collection, T => put::<T>(data, key, value))
}

/// Takes records out of `data` altogether (not a tombstone): an undone import's additions.
pub fn remove_records(data: &mut Dataset, keys: &[RecordKey]) {
    for collection in Collection::ALL {
        let ids: BTreeSet<_> = sorting::set_of(
            keys.iter()
                .filter(|k| k.collection == collection)
                .map(|k| k.id),
        );
        if !ids.is_empty() {
            crate::with_record_type!(collection, T => T::table_mut(data).remove(&ids));
        }
    }
}

/// Decodes one record's JSON (the shape of files and of layout 1) into `data`.
pub fn decode_record(key: RecordKey, raw: &str, data: &mut Dataset) -> Result<(), LoadProblemKind> {
    let value = legacy::read_record(raw, key)?;
    put_value(data, key, value)
}

/// Every record key of a dataset, for saving a whole dataset (the sample, an import, a restore).
pub fn all_keys(data: &Dataset) -> Vec<RecordKey> {
    fn keys<T: Stored>(data: &Dataset) -> Vec<RecordKey> {
        T::table(data)
            .iter_all()
            .map(|r| RecordKey {
                collection: T::COLLECTION,
                id: r.id(),
            })
            .collect()
    }
    Collection::ALL
        .into_iter()
        .flat_map(|c| crate::with_record_type!(c, T => keys::<T>(data)))
        .collect()
}

/// Total UTF-16 units of every key in the store, read afresh: the meter's ground truth.
pub fn units_used(store: &impl KeyValueStore) -> Result<usize, StoreError> {
    let mut total = 0;
    for key in store.keys()? {
        total += utf16_units(&key, &store.get(&key)?.unwrap_or_default());
    }
    Ok(total)
}

#[cfg(test)]
mod tests;
