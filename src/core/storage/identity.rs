//! Finding this office's id again when `phoihop/office` cannot be read.
//!
//! The id keys every edit of this office in every version vector, here and at every office it
//! shares files with. Taking the wrong one back is the one thing to avoid: edits made under
//! another office's id would look like that office's own, and a merge there could take them
//! for newer than its real edits and drop those. A new id is always safe (other offices see a
//! new office; every merge stays right), only less tidy. So the id is recovered only where the
//! evidence is clear, and otherwise the office goes on under a new one, saying so:
//!
//! 1. the damaged key's raw text names exactly one id (its own, however the rest is broken);
//! 2. else the newest snapshot that names the office in its header (a second copy, kept since
//!    snapshots carry it);
//! 3. else the records: among those only one office ever edited (their version vector names
//!    one office, so their last edit is that office's), leaving out what the last import wrote,
//!    one office both made the most of them and made the latest of them (the sample's records,
//!    the same everywhere, are no office's). Records that came in
//!    from other offices by import are theirs too; when they outnumber ours, or are newer than
//!    our last edit, the two tests disagree and nothing is recovered; what the last import
//!    wrote is known (its undo) and left out. Not certain: imports before the last one that
//!    outnumber our records and are newer than our last edit would win. So the user confirms,
//!    shown how many records that office made and its latest one, and may take a new id.

use std::collections::{BTreeMap, BTreeSet};

use chrono::{DateTime, Utc};

use super::{backup, KeyValueStore, Loaded, Session, OFFICE_KEY};
use crate::records::meta::{Id, OfficeId, SAMPLE_OFFICE_ID};
use crate::records::record::{Collection, RecordKey};
use crate::records::workspace::{Dataset, Stored};

/// Where a recovered id was found.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum RecoveredFrom {
    /// In the damaged key's own text.
    RawText,
    /// In the header of the snapshot taken at that time.
    Snapshot(DateTime<Utc>),
    /// From the records: `records` only this office edited, the latest of them `latest`.
    Records {
        records: usize,
        latest: RecordKey,
        latest_at: DateTime<Utc>,
    },
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RecoveredOffice {
    pub id: OfficeId,
    /// The name, when the raw text still holds it whole.
    pub name: Option<String>,
    pub from: RecoveredFrom,
}

/// What to say, and offer, when the office key could not be read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OfficeDamage {
    /// The key's raw text (kept in the load problems too).
    pub raw: String,
    /// None: no id could be taken back safely; the office goes on under a new one.
    pub recovered: Option<RecoveredOffice>,
}

/// The office key's damage, if it was unreadable: `last_import` names the records the last
/// import wrote (they say nothing of who this office is).
pub fn office_damage(
    store: &impl KeyValueStore,
    loaded: &Loaded,
    last_import: &BTreeSet<RecordKey>,
) -> Option<OfficeDamage> {
    if loaded.office.is_some() {
        return None;
    }
    let problem = loaded.problems.iter().find(|p| p.key == OFFICE_KEY)?;
    let recovered = from_raw_text(&problem.raw)
        .or_else(|| from_snapshots(store, &loaded.session))
        .or_else(|| from_records(&loaded.data, last_import).map(|from| (from, None)));
    Some(OfficeDamage {
        raw: problem.raw.clone(),
        recovered: recovered.map(|((id, from), name)| RecoveredOffice {
            id,
            name: name.or_else(|| name_in(&problem.raw)),
            from,
        }),
    })
}

type Found = (OfficeId, RecoveredFrom);

/// The one id the raw text names (two different ones: it cannot say which).
fn from_raw_text(raw: &str) -> Option<(Found, Option<String>)> {
    let ids: BTreeSet<Id> = uuids_in(raw).collect();
    match ids.len() {
        1 => {
            let id = *ids.first().expect("one id");
            Some(((id, RecoveredFrom::RawText), name_in(raw)))
        }
        _ => None,
    }
}

/// The office the newest snapshot naming one names, with its name.
fn from_snapshots(
    store: &impl KeyValueStore,
    session: &Session,
) -> Option<(Found, Option<String>)> {
    backup::list(session)
        .into_iter()
        .rev()
        .find_map(|snapshot| {
            let raw = store.get(&snapshot.key).ok()??;
            let office = backup::office_of(&raw)?;
            Some((
                (office.id, RecoveredFrom::Snapshot(snapshot.taken_at)),
                Some(office.name).filter(|n| !n.trim().is_empty()),
            ))
        })
}

/// Every hyphenated UUID in `text`.
fn uuids_in(text: &str) -> impl Iterator<Item = Id> + '_ {
    const LEN: usize = 36;
    let bytes = text.as_bytes();
    (0..bytes.len().saturating_sub(LEN - 1)).filter_map(move |at| {
        let candidate = &bytes[at..at + LEN];
        // Only where an id starts: not inside a longer run of hex digits.
        let starts = at == 0 || !bytes[at - 1].is_ascii_hexdigit();
        let ends = bytes.get(at + LEN).is_none_or(|b| !b.is_ascii_hexdigit());
        (starts && ends)
            .then(|| std::str::from_utf8(candidate).ok()?.parse().ok())
            .flatten()
    })
}

/// The office's name, when `"name":"…"` is still whole in the raw text.
fn name_in(raw: &str) -> Option<String> {
    let at = raw.find("\"name\"")?;
    let rest = raw[at + "\"name\"".len()..]
        .trim_start()
        .strip_prefix(':')?;
    let mut values = serde_json::Deserializer::from_str(rest.trim_start()).into_iter::<String>();
    let name = values.next()?.ok()?;
    (!name.trim().is_empty()).then(|| name.trim().to_string())
}

/// The office that made both the most and the latest of the records only one office edited.
fn from_records(data: &Dataset, leave_out: &BTreeSet<RecordKey>) -> Option<Found> {
    #[derive(Default)]
    struct Tally {
        records: usize,
        latest: Option<(DateTime<Utc>, RecordKey)>,
    }
    fn tally<T: Stored>(
        data: &Dataset,
        leave_out: &BTreeSet<RecordKey>,
        out: &mut BTreeMap<OfficeId, Tally>,
    ) {
        for record in T::table(data).iter_all() {
            let key = RecordKey {
                collection: T::COLLECTION,
                id: record.id(),
            };
            let meta = record.meta();
            let mut offices = meta.version.0.iter().filter(|(_, n)| **n > 0);
            let (Some((office, _)), None) = (offices.next(), offices.next()) else {
                continue;
            };
            // The sample's records are the same in every office: no office's own work.
            if leave_out.contains(&key) || *office == SAMPLE_OFFICE_ID {
                continue;
            }
            let entry = out.entry(*office).or_default();
            entry.records += 1;
            if entry.latest.is_none_or(|(at, _)| meta.updated > at) {
                entry.latest = Some((meta.updated, key));
            }
        }
    }
    let mut by_office: BTreeMap<OfficeId, Tally> = BTreeMap::new();
    for collection in Collection::ALL {
        crate::with_record_type!(collection, T => tally::<T>(data, leave_out, &mut by_office));
    }
    let most = by_office.values().map(|t| t.records).max()?;
    let mut with_most = by_office.iter().filter(|(_, t)| t.records == most);
    let (office, tally) = with_most.next()?;
    if with_most.next().is_some() {
        return None; // a tie: no office stands out
    }
    let (latest_at, latest) = tally.latest?;
    let newer_elsewhere = by_office
        .iter()
        .any(|(other, t)| other != office && t.latest.is_some_and(|(at, _)| at >= latest_at));
    if newer_elsewhere {
        return None;
    }
    Some((
        *office,
        RecoveredFrom::Records {
            records: tally.records,
            latest,
            latest_at,
        },
    ))
}

#[cfg(test)]
mod tests;
