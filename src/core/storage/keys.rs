//! The names of stored keys (layout 2), and which record goes to which bucket.
//!
//! - `phoihop/layout` = "2", `phoihop/office`, `phoihop/export` (when the last export was made)
//! - `phoihop/b/<collection>/<bits>`: a bucket, the records whose id hash starts with `bits`
//! - `phoihop/d/<collection>/<id>`: a delta, one record's newer version waiting to be folded
//! - `phoihop/x/<collection>/<id>`: a conflict, this office's version of a record another tab
//!   changed at the same time, kept until the user chooses
//! - `phoihop/s/<time>/<kind>`: a snapshot (backup)
//! - `phoihop/r/<collection>/<id>`: layout 1 (one record in JSON), read and migrated
//! - `phoihop/rollback`: the last undone import's records and versions (`rollback`), so other
//!   tabs take its older versions in rather than write them over
//! - `phoihop/sync/…`: live sync with a server (`sync_protocol::local`): `config`,
//!   `checkpoint`, `revs/<hex digit>` (the server revision of each record), `conflicts`
//!   (waiting for the user), `status` (what the header shows, in every tab)
//! - `phoihop/snapshot-log`: the last snapshots given up for room, when and why (`backup`)
//! - `phoihop/snapshot-refused`: the last snapshot refused for want of room, the day and the
//!   sizes it was judged on (`snapshot_refusal`)
//! - `phoihop/offices`: other offices' names, learned from the files imported (`known_offices`)
//! - `phoihop/imports`: this office's imports and their undoing, for the change log (`import_log`)
//! - `phoihop/draft/<collection>/<id or "new">`: a form's unsaved input (`drafts`);
//!   `phoihop/draft/agreements/<id>/<form>`: one of the agreement page's own forms (`PageForm`)

use chrono::{DateTime, SecondsFormat, Utc};

use crate::records::meta::Id;
use crate::records::record::{Collection, RecordKey};

pub const PREFIX: &str = "phoihop/";
pub const LAYOUT_KEY: &str = "phoihop/layout";
pub const OFFICE_KEY: &str = "phoihop/office";
pub const EXPORT_KEY: &str = "phoihop/export";
pub const ROLLBACK_KEY: &str = "phoihop/rollback";
pub const SNAPSHOT_LOG_KEY: &str = "phoihop/snapshot-log";
pub const SNAPSHOT_REFUSAL_KEY: &str = "phoihop/snapshot-refused";
pub const KNOWN_OFFICES_KEY: &str = "phoihop/offices";
pub const IMPORT_LOG_KEY: &str = "phoihop/imports";
const BUCKET: &str = "phoihop/b/";
const DELTA: &str = "phoihop/d/";
const CONFLICT: &str = "phoihop/x/";
const SNAPSHOT: &str = "phoihop/s/";
const LEGACY_RECORD: &str = "phoihop/r/";
const SYNC: &str = "phoihop/sync/";
const DRAFT: &str = "phoihop/draft/";

/// The keys of live sync with a server (`sync_protocol::local`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum SyncKey {
    Config,
    Checkpoint,
    /// One shard of the record → server revision map, by the id's first hex digit.
    Revs(u8),
    Conflicts,
    Status,
}

impl SyncKey {
    pub fn key(self) -> String {
        match self {
            SyncKey::Config => format!("{SYNC}config"),
            SyncKey::Checkpoint => format!("{SYNC}checkpoint"),
            SyncKey::Revs(shard) => format!("{SYNC}revs/{shard:x}"),
            SyncKey::Conflicts => format!("{SYNC}conflicts"),
            SyncKey::Status => format!("{SYNC}status"),
        }
    }

    fn parse(rest: &str) -> Option<SyncKey> {
        Some(match rest {
            "config" => SyncKey::Config,
            "checkpoint" => SyncKey::Checkpoint,
            "conflicts" => SyncKey::Conflicts,
            "status" => SyncKey::Status,
            _ => {
                let digit = rest.strip_prefix("revs/")?;
                if digit.len() != 1 {
                    return None;
                }
                SyncKey::Revs(u8::from_str_radix(digit, 16).ok()?)
            }
        })
    }
}

/// Which bucket a record belongs to: the leading bits of a hash of its id. Ids are random
/// (UUID v4), but hashing keeps buckets even for ids that are not (tests, other tools).
/// Part of layout 2: it must never change.
pub fn id_hash(id: &Id) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in id.as_bytes() {
        h ^= u64::from(*b);
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    // FNV-1a barely stirs the top bits for a change in the last byte: finish like MurmurHash3.
    h ^= h >> 33;
    h = h.wrapping_mul(0xff51_afd7_ed55_8ccd);
    h ^= h >> 33;
    h = h.wrapping_mul(0xc4ce_b9fe_1a85_ec53);
    h ^ (h >> 33)
}

/// A bucket's place in the hash space: the first `len` bits of the id hash, as '0'/'1'.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Prefix(pub String);

impl Prefix {
    pub fn root() -> Prefix {
        Prefix(String::new())
    }

    pub fn contains(&self, id: &Id) -> bool {
        let h = id_hash(id);
        self.0
            .bytes()
            .enumerate()
            .all(|(i, b)| i < 64 && ((h >> (63 - i)) & 1 == 1) == (b == b'1'))
    }

    /// The two halves of this bucket, by the next bit.
    pub fn children(&self) -> [Prefix; 2] {
        [
            Prefix(format!("{}0", self.0)),
            Prefix(format!("{}1", self.0)),
        ]
    }

    pub fn is_ancestor_of(&self, other: &Prefix) -> bool {
        other.0.len() > self.0.len() && other.0.starts_with(&self.0)
    }

    fn parse(s: &str) -> Option<Prefix> {
        (s.len() <= 64 && s.bytes().all(|b| b == b'0' || b == b'1')).then(|| Prefix(s.into()))
    }
}

/// Why a snapshot was taken.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum SnapshotKind {
    /// The first of each day: how things stood before the day's edits.
    Daily,
    /// Taken just before an import changes the data.
    BeforeImport,
    /// Taken just before a backup is restored, so the restore can be undone.
    BeforeRestore,
}

impl SnapshotKind {
    pub const ALL: [SnapshotKind; 3] = [
        SnapshotKind::Daily,
        SnapshotKind::BeforeImport,
        SnapshotKind::BeforeRestore,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            SnapshotKind::Daily => "daily",
            SnapshotKind::BeforeImport => "before-import",
            SnapshotKind::BeforeRestore => "before-restore",
        }
    }
}

/// Every key of ours, by what it holds.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum StorageKey {
    Layout,
    Office,
    Export,
    /// The mark of the last undone import (`rollback::Rollback`).
    Rollback,
    /// The snapshots given up for room (`backup::GivenUp`).
    SnapshotLog,
    /// The last snapshot refused for want of room (`snapshot_refusal::RefusalNote`).
    SnapshotRefusal,
    /// Other offices' names (`known_offices`).
    KnownOffices,
    /// This office's imports (`import_log`).
    ImportLog,
    Bucket(Collection, Prefix),
    Delta(RecordKey),
    Conflict(RecordKey),
    Snapshot(DateTime<Utc>, SnapshotKind),
    /// Layout 1: one record per key, JSON.
    Legacy(RecordKey),
    /// Live sync with a server.
    Sync(SyncKey),
    /// A form's unsaved input (`drafts`).
    Draft(DraftOf),
    /// Under our prefix, but not a name this version knows.
    Unknown,
}

fn record_under(rest: &str) -> Option<RecordKey> {
    let (collection, id) = rest.split_once('/')?;
    Some(RecordKey {
        collection: Collection::from_name(collection)?,
        id: id.parse().ok()?,
    })
}

impl StorageKey {
    pub fn parse(key: &str) -> Option<StorageKey> {
        let rest = key.strip_prefix(PREFIX)?;
        let parsed = match rest {
            "layout" => Some(StorageKey::Layout),
            "office" => Some(StorageKey::Office),
            "export" => Some(StorageKey::Export),
            "rollback" => Some(StorageKey::Rollback),
            "snapshot-log" => Some(StorageKey::SnapshotLog),
            "snapshot-refused" => Some(StorageKey::SnapshotRefusal),
            "offices" => Some(StorageKey::KnownOffices),
            "imports" => Some(StorageKey::ImportLog),
            _ => None,
        };
        Some(
            parsed
                .or_else(|| Self::parse_named(key))
                .unwrap_or(StorageKey::Unknown),
        )
    }

    fn parse_named(key: &str) -> Option<StorageKey> {
        if let Some(rest) = key.strip_prefix(BUCKET) {
            let (collection, bits) = rest.split_once('/')?;
            return Some(StorageKey::Bucket(
                Collection::from_name(collection)?,
                Prefix::parse(bits)?,
            ));
        }
        if let Some(rest) = key.strip_prefix(DELTA) {
            return record_under(rest).map(StorageKey::Delta);
        }
        if let Some(rest) = key.strip_prefix(CONFLICT) {
            return record_under(rest).map(StorageKey::Conflict);
        }
        if let Some(rest) = key.strip_prefix(LEGACY_RECORD) {
            return record_under(rest).map(StorageKey::Legacy);
        }
        if let Some(rest) = key.strip_prefix(DRAFT) {
            return DraftOf::parse(rest).map(StorageKey::Draft);
        }
        if let Some(rest) = key.strip_prefix(SYNC) {
            return SyncKey::parse(rest).map(StorageKey::Sync);
        }
        if let Some(rest) = key.strip_prefix(SNAPSHOT) {
            let (time, kind) = rest.split_once('/')?;
            let kind = SnapshotKind::ALL.into_iter().find(|k| k.as_str() == kind)?;
            let time = DateTime::parse_from_rfc3339(time).ok()?.with_timezone(&Utc);
            return Some(StorageKey::Snapshot(time, kind));
        }
        None
    }
}

pub fn bucket_key(collection: Collection, prefix: &Prefix) -> String {
    format!("{BUCKET}{}/{}", collection.as_str(), prefix.0)
}

/// The keys of every bucket of `collection` start with this.
pub fn bucket_key_start(collection: Collection) -> String {
    format!("{BUCKET}{}/", collection.as_str())
}

pub fn delta_key(key: RecordKey) -> String {
    format!("{DELTA}{}/{}", key.collection.as_str(), key.id)
}

pub fn conflict_key(key: RecordKey) -> String {
    format!("{CONFLICT}{}/{}", key.collection.as_str(), key.id)
}

pub fn legacy_key(key: RecordKey) -> String {
    format!("{LEGACY_RECORD}{}/{}", key.collection.as_str(), key.id)
}

/// Which form a draft is of: one draft per form and record.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum DraftOf {
    /// A record's own form, editing `id` of the collection or adding one (`None`).
    Record(Collection, Option<Id>),
    /// One of the forms on an agreement's page that change a part of that agreement in place.
    AgreementPage(Id, PageForm),
}

/// The agreement page's own forms (`DraftOf::AgreementPage`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum PageForm {
    /// A coordination area's result for a year, with its evidence.
    AreaResults,
    /// The close-out of the period.
    CloseOut,
    /// "Bản gốc": where the signed scan is and its SHA-256.
    Original,
}

impl PageForm {
    pub const ALL: [PageForm; 3] = [
        PageForm::AreaResults,
        PageForm::CloseOut,
        PageForm::Original,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            PageForm::AreaResults => "area-results",
            PageForm::CloseOut => "close-out",
            PageForm::Original => "original",
        }
    }
}

impl DraftOf {
    /// `<collection>/<id or "new">`, or `agreements/<id>/<form>`.
    fn parse(rest: &str) -> Option<DraftOf> {
        let (collection, rest) = rest.split_once('/')?;
        let collection = Collection::from_name(collection)?;
        let (id, form) = match rest.split_once('/') {
            Some((id, form)) => (id, Some(form)),
            None => (rest, None),
        };
        match (id, form) {
            ("new", None) => Some(DraftOf::Record(collection, None)),
            (id, None) => Some(DraftOf::Record(collection, Some(id.parse().ok()?))),
            (id, Some(form)) if collection == Collection::Agreements => {
                let form = PageForm::ALL.into_iter().find(|f| f.as_str() == form)?;
                Some(DraftOf::AgreementPage(id.parse().ok()?, form))
            }
            _ => None,
        }
    }
}

/// Where the draft of the form `of` is kept.
pub fn draft_key(of: DraftOf) -> String {
    match of {
        DraftOf::Record(collection, Some(id)) => format!("{DRAFT}{}/{id}", collection.as_str()),
        DraftOf::Record(collection, None) => format!("{DRAFT}{}/new", collection.as_str()),
        DraftOf::AgreementPage(id, form) => format!(
            "{DRAFT}{}/{id}/{}",
            Collection::Agreements.as_str(),
            form.as_str()
        ),
    }
}

pub fn snapshot_key(taken_at: DateTime<Utc>, kind: SnapshotKind) -> String {
    format!(
        "{SNAPSHOT}{}/{}",
        taken_at.to_rfc3339_opts(SecondsFormat::Millis, true),
        kind.as_str()
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use uuid::Uuid;

    #[test]
    fn every_key_parses_back() {
        let rk = RecordKey {
            collection: Collection::Events,
            id: Uuid::from_u128(42),
        };
        let t = DateTime::from_timestamp(1_700_000_000, 5_000_000).unwrap();
        let p = Prefix("0110".into());
        assert_eq!(
            StorageKey::parse(&bucket_key(Collection::Agreements, &p)),
            Some(StorageKey::Bucket(Collection::Agreements, p))
        );
        assert_eq!(
            StorageKey::parse(&bucket_key(Collection::People, &Prefix::root())),
            Some(StorageKey::Bucket(Collection::People, Prefix::root()))
        );
        assert_eq!(
            StorageKey::parse(&delta_key(rk)),
            Some(StorageKey::Delta(rk))
        );
        assert_eq!(
            StorageKey::parse(&conflict_key(rk)),
            Some(StorageKey::Conflict(rk))
        );
        assert_eq!(
            StorageKey::parse(&legacy_key(rk)),
            Some(StorageKey::Legacy(rk))
        );
        assert_eq!(
            StorageKey::parse(&snapshot_key(t, SnapshotKind::BeforeImport)),
            Some(StorageKey::Snapshot(t, SnapshotKind::BeforeImport))
        );
        for of in [
            DraftOf::Record(Collection::Events, Some(rk.id)),
            DraftOf::Record(Collection::People, None),
        ]
        .into_iter()
        .chain(
            PageForm::ALL
                .into_iter()
                .map(|form| DraftOf::AgreementPage(rk.id, form)),
        ) {
            assert_eq!(
                StorageKey::parse(&draft_key(of)),
                Some(StorageKey::Draft(of))
            );
        }
        assert_eq!(StorageKey::parse(LAYOUT_KEY), Some(StorageKey::Layout));
        assert_eq!(StorageKey::parse(ROLLBACK_KEY), Some(StorageKey::Rollback));
        assert_eq!(
            StorageKey::parse(SNAPSHOT_REFUSAL_KEY),
            Some(StorageKey::SnapshotRefusal)
        );
        for sync in [
            SyncKey::Config,
            SyncKey::Checkpoint,
            SyncKey::Revs(0),
            SyncKey::Revs(15),
            SyncKey::Conflicts,
            SyncKey::Status,
        ] {
            assert_eq!(StorageKey::parse(&sync.key()), Some(StorageKey::Sync(sync)));
        }
        assert_eq!(
            StorageKey::parse("phoihop/sync/revs/10"),
            Some(StorageKey::Unknown)
        );
        assert_eq!(
            StorageKey::parse("phoihop/b/events/012"),
            Some(StorageKey::Unknown)
        );
        assert_eq!(
            StorageKey::parse("phoihop/d/nope/x"),
            Some(StorageKey::Unknown)
        );
        // A page form only an agreement's page has, by a name this version knows.
        for unknown in [
            format!("phoihop/draft/events/{}/close-out", rk.id),
            format!("phoihop/draft/agreements/{}/minutes", rk.id),
            "phoihop/draft/agreements/new/close-out".to_string(),
            format!("phoihop/draft/agreements/{}/close-out/x", rk.id),
        ] {
            assert_eq!(
                StorageKey::parse(&unknown),
                Some(StorageKey::Unknown),
                "{unknown}"
            );
        }
        assert_eq!(StorageKey::parse("other-app/x"), None);
    }

    #[test]
    fn prefixes_partition_ids_by_hash() {
        let ids: Vec<Id> = (0..1000u128).map(Uuid::from_u128).collect();
        let [left, right] = Prefix::root().children();
        let in_left = ids.iter().filter(|id| left.contains(id)).count();
        assert!(ids.iter().all(|id| left.contains(id) != right.contains(id)));
        assert!(
            (400..600).contains(&in_left),
            "{in_left} of 1000 sequential ids hash left"
        );
        assert!(Prefix::root().contains(&ids[0]));
        assert!(left.is_ancestor_of(&left.children()[1]));
        assert!(!left.is_ancestor_of(&left));
    }
}
