//! Snapshots: whole copies of the dataset kept in the store (the first of each day, and one before
//! every import or restore), rotated, within a budget, and the first thing given up when live
//! data needs the space.
//!
//! A snapshot is one key (`phoihop/s/<time>/<kind>`), so it is written whole or not at all:
//! a header line of JSON, then one line per chunk of records, `<collection>\t<packed group>`
//! (the packed alphabet has no tab and no newline).

use crate::commands::outcome::Outcome;
use crate::records::sorting;
use std::collections::BTreeMap;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::keys::{snapshot_key, SnapshotKind, StorageKey, SNAPSHOT_LOG_KEY};
use super::load::codec_problem;
use super::snapshot_refusal;
use super::{
    codec, put_value, utf16_units, value_key, KeyValueStore, LoadProblemKind, Session, StoreError,
    LAYOUT_VERSION, OFFICE_KEY, QUOTA_UNITS,
};
use crate::records::history::How;
use crate::records::meta::Id;
use crate::records::record::{Collection, RecordKey};
use crate::records::workspace::{same_content, Dataset, OfficeProfile, Stamp, Stored};
use crate::rules::dates::today_in_vietnam;

/// Snapshots together may use this much of the quota.
pub const BUDGET_UNITS: usize = QUOTA_UNITS / 4;
/// A snapshot is not taken if it would leave less free space than this for live data.
pub const HEADROOM_UNITS: usize = QUOTA_UNITS / 10;
/// How many of each kind are kept (older ones are removed when a new one is taken).
pub fn keep(kind: SnapshotKind) -> usize {
    match kind {
        SnapshotKind::Daily => 3,
        SnapshotKind::BeforeImport => 3,
        SnapshotKind::BeforeRestore => 1,
    }
}
/// Records per line of a snapshot (and per step of a [`SnapshotWriter`]).
pub const CHUNK_RECORDS: usize = 1000;

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SnapshotInfo {
    pub key: String,
    pub taken_at: DateTime<Utc>,
    pub kind: SnapshotKind,
    pub units: usize,
}

/// The snapshots this tab knows of, oldest first.
pub fn list(session: &Session) -> Vec<SnapshotInfo> {
    let mut out: Vec<SnapshotInfo> = session
        .sizes
        .range("phoihop/s/".to_string()..)
        .take_while(|(k, _)| k.starts_with("phoihop/s/"))
        .filter_map(|(key, units)| match StorageKey::parse(key) {
            Some(StorageKey::Snapshot(taken_at, kind)) => Some(SnapshotInfo {
                key: key.clone(),
                taken_at,
                kind,
                units: *units,
            }),
            _ => None,
        })
        .collect();
    sorting::sort_by_key(&mut out, |s| s.taken_at);
    out
}

#[derive(Serialize, Deserialize)]
struct Header {
    layout: u32,
    kind: String,
    taken_at: DateTime<Utc>,
    counts: BTreeMap<String, usize>,
    /// The office the store was when it was taken: a second copy of `phoihop/office`, so a
    /// damaged office key gives back its id for certain (`identity`). Older snapshots lack it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    office: Option<OfficeProfile>,
}

/// The whole dataset as one snapshot value (`office`: the store's office, if it can be read).
pub fn encode(
    data: &Dataset,
    kind: SnapshotKind,
    taken_at: DateTime<Utc>,
    office: Option<OfficeProfile>,
) -> String {
    let mut writer = SnapshotWriter::new(kind, taken_at, office);
    while !writer.step(data) {}
    writer.finish()
}

/// A snapshot encoded a chunk of records at a time, so that a large store's snapshot lets the
/// page paint between chunks; [`encode`] is every chunk at once, the same text. Each chunk reads
/// the records as they are then: a record edited meanwhile is in at the edition it had when it
/// was read (every record whole; restoring takes each back to an edition it had).
pub struct SnapshotWriter {
    kind: SnapshotKind,
    taken_at: DateTime<Utc>,
    office: Option<OfficeProfile>,
    /// The collection being encoded (its place in `Collection::ALL`) and the last id encoded.
    collection: usize,
    after: Option<Id>,
    counts: BTreeMap<String, usize>,
    body: String,
    /// The chunk being read: its records as JSON values, [`STEP_RECORDS`] a step.
    gathering: Vec<Value>,
    /// A chunk read whole, its columns written at the next step.
    gathered: Option<(Collection, Vec<Value>)>,
    /// The chunk being deflated, a slice of [`STEP_BYTES`] at a time.
    deflating: Option<(Collection, codec::Encoder)>,
}

/// Records read as JSON values in one step: a chunk of 1,000 read at once held the page about
/// 60 ms, the time of a few frames of a scroll.
const STEP_RECORDS: usize = 100;

/// Bytes of a chunk's JSON deflated in one step: a few milliseconds in the browser, where a
/// chunk of 1,000 events at once held the page 60–100 ms (several hundred on a slow laptop).
const STEP_BYTES: usize = 64 << 10;

impl SnapshotWriter {
    pub fn new(
        kind: SnapshotKind,
        taken_at: DateTime<Utc>,
        office: Option<OfficeProfile>,
    ) -> SnapshotWriter {
        SnapshotWriter {
            kind,
            taken_at,
            office,
            collection: 0,
            after: None,
            counts: BTreeMap::new(),
            body: String::new(),
            gathering: Vec::new(),
            gathered: None,
            deflating: None,
        }
    }

    /// One step: reads [`STEP_RECORDS`] more records of the next chunk (at most
    /// [`CHUNK_RECORDS`] records of one collection), writes the columns of a chunk read whole, or
    /// deflates [`STEP_BYTES`] more of its JSON; true once every collection is done.
    pub fn step(&mut self, data: &Dataset) -> bool {
        if let Some((_, encoder)) = self.deflating.as_mut() {
            if encoder.step(STEP_BYTES) {
                let (collection, encoder) = self.deflating.take().expect("a chunk being deflated");
                self.body.push('\n');
                self.body.push_str(collection.as_str());
                self.body.push('\t');
                self.body.push_str(&encoder.finish());
            }
            return self.done();
        }
        if let Some((collection, values)) = self.gathered.take() {
            self.deflating = Some((collection, codec::Encoder::new(&values)));
            return self.done();
        }
        fn read<T: Stored>(data: &Dataset, after: Option<Id>, count: usize) -> Vec<Value> {
            use std::ops::Bound::{Excluded, Unbounded};
            T::table(data)
                .after(after.map_or(Unbounded, Excluded))
                .take(count)
                .map(|r| serde_json::to_value(r).expect("records serialise"))
                .collect()
        }
        let Some(&collection) = Collection::ALL.get(self.collection) else {
            return true;
        };
        let wanted = STEP_RECORDS.min(CHUNK_RECORDS - self.gathering.len());
        let values = crate::with_record_type!(collection, T => read::<T>(data, self.after, wanted));
        let collection_read = values.len() < wanted;
        if let Some(last) = values.last() {
            self.after = value_key(collection, last).map(|k| k.id);
        }
        self.gathering.extend(values);
        if collection_read || self.gathering.len() == CHUNK_RECORDS {
            let chunk = std::mem::take(&mut self.gathering);
            *self
                .counts
                .entry(collection.as_str().to_string())
                .or_insert(0) += chunk.len();
            if collection_read {
                self.collection += 1;
                self.after = None;
            }
            if !chunk.is_empty() {
                self.gathered = Some((collection, chunk));
            }
        }
        self.done()
    }

    fn done(&self) -> bool {
        self.collection >= Collection::ALL.len()
            && self.gathered.is_none()
            && self.deflating.is_none()
    }

    /// Records encoded so far.
    pub fn encoded(&self) -> usize {
        self.counts.values().sum()
    }

    /// The snapshot's text: its header (with the counts), then the chunks.
    pub fn finish(self) -> String {
        let header = Header {
            layout: LAYOUT_VERSION,
            kind: self.kind.as_str().into(),
            taken_at: self.taken_at,
            counts: self.counts,
            office: self.office,
        };
        serde_json::to_string(&header).expect("header serialises") + &self.body
    }
}

/// The office a snapshot's header names (None: unreadable, or taken before it was kept there).
pub fn office_of(raw: &str) -> Option<OfficeProfile> {
    let header = raw.split('\n').next()?;
    serde_json::from_str::<Header>(header).ok()?.office
}

/// A snapshot value → the dataset it holds.
pub fn decode(raw: &str) -> Result<Dataset, LoadProblemKind> {
    let mut lines = raw.split('\n');
    let header: Header = serde_json::from_str(lines.next().unwrap_or_default()).map_err(|e| {
        LoadProblemKind::InvalidJson {
            line: 1,
            column: e.column(),
            message: e.to_string(),
        }
    })?;
    if header.layout > LAYOUT_VERSION {
        return Err(LoadProblemKind::NewerLayout {
            found: header.layout.to_string(),
        });
    }
    let mut data = Dataset::default();
    for line in lines {
        let (name, packed) = line.split_once('\t').ok_or(LoadProblemKind::Undecodable {
            message: "a line without a collection".into(),
        })?;
        let collection = Collection::from_name(name).ok_or(LoadProblemKind::UnknownKey)?;
        for value in codec::decode(packed).map_err(codec_problem)? {
            let key = value_key(collection, &value).ok_or(LoadProblemKind::SchemaMismatch {
                message: "a record without an id".into(),
            })?;
            put_value(&mut data, key, value)?;
        }
    }
    Ok(data)
}

/// Why no snapshot was taken.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SnapshotRefused {
    /// Bigger than the whole snapshot budget, or than the free space less the headroom.
    TooBig {
        units: usize,
        room: usize,
    },
    Store(StoreError),
}

/// Takes a snapshot of `data`: drops older snapshots (rotation, then oldest first) until it fits
/// the budget and leaves the headroom free; refuses rather than crowd out live data. A refusal
/// for room is noted, and a snapshot taken clears the note (`snapshot_refusal`).
pub fn take(
    store: &mut impl KeyValueStore,
    session: &mut Session,
    data: &Dataset,
    kind: SnapshotKind,
    now: DateTime<Utc>,
) -> Result<SnapshotInfo, SnapshotRefused> {
    let encoded = may_fit(session).map(|()| EncodedSnapshot {
        kind,
        taken_at: now,
        text: encode(data, kind, now, stored_office(store)),
    });
    put_noted(store, session, encoded, now)
}

/// A snapshot encoded (by [`encode`] or a [`SnapshotWriter`]), not yet stored.
pub struct EncodedSnapshot {
    pub kind: SnapshotKind,
    pub taken_at: DateTime<Utc>,
    pub text: String,
}

/// Stores a snapshot encoded ([`put`]), or takes the refusal that came before its encoding, and
/// notes the outcome at `now` (`snapshot_refusal`): a refusal for room is remembered, a snapshot
/// taken clears the note.
pub fn put_noted(
    store: &mut impl KeyValueStore,
    session: &mut Session,
    encoded: Result<EncodedSnapshot, SnapshotRefused>,
    now: DateTime<Utc>,
) -> Result<SnapshotInfo, SnapshotRefused> {
    let outcome = encoded.and_then(|snapshot| {
        put(
            store,
            session,
            snapshot.kind,
            snapshot.taken_at,
            snapshot.text,
        )
    });
    snapshot_refusal::note_outcome(store, session, &outcome, now);
    outcome
}

/// Refuses at once a snapshot far too big for the budget, judged from the sizes alone, without
/// compressing everything first (seconds for 50,000 records, at every start). The estimate is
/// rough, so one up to half again the limit is encoded and judged exactly by [`put`].
pub fn may_fit(session: &Session) -> Result<(), SnapshotRefused> {
    let (estimate, limit) = (estimate(session), limit(session));
    if estimate > limit + limit / 2 {
        return Err(SnapshotRefused::TooBig {
            units: estimate,
            room: limit,
        });
    }
    Ok(())
}

/// About what a snapshot of everything stored takes, from the sizes alone: what the buckets
/// take; a delta is several times bigger than its record in a bucket.
pub fn estimate(session: &Session) -> usize {
    session
        .sizes
        .iter()
        .map(|(k, units)| match StorageKey::parse(k) {
            Some(StorageKey::Bucket(..)) => *units,
            Some(StorageKey::Delta(_)) => *units / 6,
            _ => 0,
        })
        .sum()
}

/// The most a snapshot may take: within the budget, and leaving the headroom free once every
/// other snapshot is given up for it. Other snapshots do not count: [`put`] gives them up.
pub fn limit(session: &Session) -> usize {
    BUDGET_UNITS.min(QUOTA_UNITS.saturating_sub(HEADROOM_UNITS + live_units(session)))
}

/// The office as stored, for a snapshot's header (None while its key cannot be read).
pub fn stored_office(store: &impl KeyValueStore) -> Option<OfficeProfile> {
    let raw = store.get(OFFICE_KEY).ok()??;
    serde_json::from_str(&raw).ok()
}

/// Stores a snapshot encoded (by [`encode`] or a [`SnapshotWriter`]) at `now`: rotation, room
/// made within the budget, then one write.
pub fn put(
    store: &mut impl KeyValueStore,
    session: &mut Session,
    kind: SnapshotKind,
    now: DateTime<Utc>,
    text: String,
) -> Result<SnapshotInfo, SnapshotRefused> {
    if session.read_only.is_some() {
        return Err(SnapshotRefused::Store(StoreError::ReadOnly));
    }
    let key = snapshot_key(now, kind);
    let units = utf16_units(&key, &text);
    // Room for one more snapshot, with the ones there now.
    let room = |session: &Session| {
        BUDGET_UNITS
            .saturating_sub(session.snapshot_units())
            .min(QUOTA_UNITS.saturating_sub(HEADROOM_UNITS + session.units_used()))
    };
    // Even with every other snapshot gone it would not fit: give nothing up for it.
    if units > limit(session) {
        return Err(SnapshotRefused::TooBig {
            units,
            room: room(session),
        });
    }
    // Rotation: the oldest of this kind beyond what is kept.
    let same_kind: Vec<SnapshotInfo> = list(session)
        .into_iter()
        .filter(|s| s.kind == kind)
        .collect();
    let surplus = (same_kind.len() + 1).saturating_sub(keep(kind));
    for old in same_kind.into_iter().take(surplus) {
        drop(store, session, &old.key).map_err(SnapshotRefused::Store)?;
    }
    let mut given_up = Vec::new();
    while units > room(session) {
        let Some(oldest) = list(session).into_iter().next() else {
            break;
        };
        drop(store, session, &oldest.key).map_err(SnapshotRefused::Store)?;
        given_up.push(oldest.key);
    }
    note_given_up(store, session, &given_up, GiveUp::RoomForSnapshot, now);
    if units > room(session) {
        return Err(SnapshotRefused::TooBig {
            units,
            room: room(session),
        });
    }
    store.set(&key, &text).map_err(SnapshotRefused::Store)?;
    session.note_written(&key, &text);
    Ok(SnapshotInfo {
        key,
        taken_at: now,
        kind,
        units,
    })
}

/// Why a snapshot was given up (the rotation of each kind is not noted: Settings says how many
/// are kept).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum GiveUp {
    /// The quota refused a write of live data: snapshots go first.
    RoomForData,
    /// A newer snapshot needed the room of the snapshot budget.
    RoomForSnapshot,
}

/// A snapshot given up, as `phoihop/snapshot-log` keeps it for Settings to say why a backup is
/// gone: which (its key: kind and time taken), when, and why.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct GivenUp {
    pub key: String,
    pub at: DateTime<Utc>,
    pub why: GiveUp,
}

impl GivenUp {
    /// When the snapshot was taken, and its kind (None for a key this version does not know).
    pub fn snapshot(&self) -> Option<(DateTime<Utc>, SnapshotKind)> {
        match StorageKey::parse(&self.key) {
            Some(StorageKey::Snapshot(taken_at, kind)) => Some((taken_at, kind)),
            _ => None,
        }
    }
}

/// How many notes are kept (the oldest go).
pub const LOG_KEPT: usize = 10;

/// The notes as stored; an unreadable log is no loss of data, and reads as none.
pub fn read_log(raw: &str) -> Vec<GivenUp> {
    serde_json::from_str(raw).unwrap_or_default()
}

/// Notes snapshots just given up. Written straight after they freed their room; a refusal
/// loses only the note (the notice on screen still says it).
pub(crate) fn note_given_up(
    store: &mut impl KeyValueStore,
    session: &mut Session,
    keys: &[String],
    why: GiveUp,
    now: DateTime<Utc>,
) {
    if keys.is_empty() || session.read_only.is_some() {
        return;
    }
    // As stored now: another tab may have noted one meanwhile.
    let mut log = match store.get(SNAPSHOT_LOG_KEY) {
        Ok(Some(raw)) => read_log(&raw),
        _ => session.given_up.clone(),
    };
    log.extend(keys.iter().map(|key| GivenUp {
        key: key.clone(),
        at: now,
        why,
    }));
    let surplus = log.len().saturating_sub(LOG_KEPT);
    log.drain(..surplus);
    let text = serde_json::to_string(&log).expect("notes serialise");
    if store.set(SNAPSHOT_LOG_KEY, &text).is_ok() {
        session.note_written(SNAPSHOT_LOG_KEY, &text);
    }
    session.given_up = log;
}

fn live_units(session: &Session) -> usize {
    session.units_used() - session.snapshot_units()
}

/// Removes a snapshot (the user's choice, or to make room).
pub fn drop(
    store: &mut impl KeyValueStore,
    session: &mut Session,
    key: &str,
) -> Result<(), StoreError> {
    store.remove(key)?;
    session.note_removed(key);
    Ok(())
}

/// Whether today's daily snapshot (Vietnam's calendar day) is still to be taken: none taken
/// today, and none refused today for room that still lacks it (`snapshot_refusal`).
pub fn daily_due(session: &Session, now: DateTime<Utc>) -> bool {
    let today = today_in_vietnam(now);
    let taken_today = list(session)
        .iter()
        .any(|s| s.kind == SnapshotKind::Daily && today_in_vietnam(s.taken_at) == today);
    !taken_today
        && snapshot_refusal::worth_trying(
            session.snapshot_refusal.as_ref(),
            today,
            estimate(session),
            limit(session),
        )
}

/// Reads one snapshot.
pub fn read(store: &impl KeyValueStore, key: &str) -> Result<Dataset, LoadProblemKind> {
    match store.get(key) {
        Ok(Some(raw)) => decode(&raw),
        Ok(None) => Err(LoadProblemKind::UnknownKey),
        Err(e) => Err(LoadProblemKind::Undecodable {
            message: format!("{e:?}"),
        }),
    }
}

/// Brings `data` back to the snapshot's state as new edits (so other tabs and offices see a
/// newer version, not an old one that a merge would undo): records that differ take the
/// snapshot's content, records created since are deleted (soft, so restoring again undoes it).
/// Each is noted in the record's history as restored from the snapshot taken at `taken`; the
/// history since the snapshot is kept (a restore undoes changes, not their record).
pub fn restore(
    data: &mut Dataset,
    snapshot: &Dataset,
    taken: DateTime<Utc>,
    stamp: Stamp,
) -> Outcome<()> {
    fn restore_table<T: Stored>(
        data: &mut Dataset,
        snapshot: &Dataset,
        taken: DateTime<Utc>,
        stamp: Stamp,
    ) -> Vec<RecordKey> {
        let how = || How::SnapshotRestored { taken };
        let mut changed = Vec::new();
        for old in T::table(snapshot).iter_all() {
            let current = T::table(data).get(&old.id());
            let same = current.is_some_and(|current| same_content(current, old));
            if !same {
                // A version that has seen both, so the restore wins over what it replaces.
                let mut restored = old.clone();
                if let Some(current) = current {
                    restored.meta_mut().version = current.meta().version.join(&old.meta().version);
                }
                changed.push(data.commit_as(restored, stamp, how()));
            }
        }
        let created_since: Vec<T> = T::table(data)
            .iter_live()
            .filter(|r| T::table(snapshot).get(&r.id()).is_none())
            .cloned()
            .collect();
        for mut record in created_since {
            record.meta_mut().deleted = true;
            changed.push(data.commit_as(record, stamp, how()));
        }
        changed
    }
    let changed = Collection::ALL
        .into_iter()
        .flat_map(
            |c| crate::with_record_type!(c, T => restore_table::<T>(data, snapshot, taken, stamp)),
        )
        .collect();
    Outcome::of(data, (), changed, stamp)
}
