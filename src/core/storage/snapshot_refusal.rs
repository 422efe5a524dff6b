//! The last snapshot refused for want of room, noted in `phoihop/snapshot-refused`.
//!
//! The sizes give only an estimate of a snapshot, so one a little too big for the budget is
//! encoded in full before [`backup::put`] refuses it: about a second of work on a fast machine,
//! several on a slow laptop. Without a note, that was done again at every start of the page.
//! With it, the day's snapshot is tried once a day, and again as soon as it might fit (less data,
//! or more room for it); Settings still says why there is no backup after a reload.
//!
//! Not a record, and no loss if it goes: a note that cannot be read counts as none, and one that
//! cannot be written is left out, which costs only one more try.

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

use super::backup::{self, SnapshotInfo, SnapshotRefused};
use super::keys::SNAPSHOT_REFUSAL_KEY;
use super::{KeyValueStore, Session};
use crate::rules::dates::today_in_vietnam;

/// A snapshot refused for want of room.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RefusalNote {
    /// The day in Vietnam it was refused.
    pub day: NaiveDate,
    /// The refusal as Settings says it: what the snapshot needed, and the room it had.
    pub units: usize,
    pub room: usize,
    /// What the sizes gave then (`backup::estimate`, `backup::limit`): cheap to compute again,
    /// so a start can tell whether anything changed that might let a snapshot fit.
    pub estimate: usize,
    pub limit: usize,
}

impl RefusalNote {
    pub fn refusal(&self) -> SnapshotRefused {
        SnapshotRefused::TooBig {
            units: self.units,
            room: self.room,
        }
    }
}

/// The note as stored; one that cannot be read is none.
pub fn read(raw: &str) -> Option<RefusalNote> {
    serde_json::from_str(raw).ok()
}

/// Whether the day's snapshot is worth encoding after `note`: not when one was refused today
/// for data no smaller than now (`estimate`) and a limit no higher (`limit`). Less data, more
/// room, or a new day: it may fit, so it is tried.
pub fn worth_trying(
    note: Option<&RefusalNote>,
    today: NaiveDate,
    estimate: usize,
    limit: usize,
) -> bool {
    match note {
        Some(note) => note.day != today || estimate < note.estimate || limit > note.limit,
        None => true,
    }
}

/// Notes what became of a snapshot of any kind (all are judged alike): refused for want of room,
/// the note of today with the sizes as they are; taken, no note. A refusal by the store itself
/// leaves the note as it was. Under the lock the store's writes take; a write the store refuses
/// is left out (the note is kept in `session` all the same).
pub fn note_outcome(
    store: &mut impl KeyValueStore,
    session: &mut Session,
    outcome: &Result<SnapshotInfo, SnapshotRefused>,
    now: DateTime<Utc>,
) {
    if session.read_only.is_some() {
        return;
    }
    match outcome {
        Ok(_) => forget(store, session),
        Err(SnapshotRefused::TooBig { units, room }) => {
            let note = RefusalNote {
                day: today_in_vietnam(now),
                units: *units,
                room: *room,
                estimate: backup::estimate(session),
                limit: backup::limit(session),
            };
            let text = serde_json::to_string(&note).expect("a note serialises");
            if store.set(SNAPSHOT_REFUSAL_KEY, &text).is_ok() {
                session.note_written(SNAPSHOT_REFUSAL_KEY, &text);
            }
            session.snapshot_refusal = Some(note);
        }
        Err(SnapshotRefused::Store(_)) => {}
    }
}

/// Removes the note (an unreadable one too: it is still counted in the sizes).
fn forget(store: &mut impl KeyValueStore, session: &mut Session) {
    if session.sizes.contains_key(SNAPSHOT_REFUSAL_KEY)
        && store.remove(SNAPSHOT_REFUSAL_KEY).is_ok()
    {
        session.note_removed(SNAPSHOT_REFUSAL_KEY);
    }
    session.snapshot_refusal = None;
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2025, 3, d).unwrap()
    }

    fn refused_on(d: u32) -> RefusalNote {
        RefusalNote {
            day: day(d),
            units: 1_400_000,
            room: 1_300_000,
            estimate: 1_500_000,
            limit: 1_310_720,
        }
    }

    #[test]
    fn a_refusal_today_for_the_same_sizes_is_not_tried_again() {
        let note = refused_on(10);
        assert!(!worth_trying(Some(&note), day(10), 1_500_000, 1_310_720));
        // More data, or less room: still too big.
        assert!(!worth_trying(Some(&note), day(10), 1_600_000, 1_310_720));
        assert!(!worth_trying(Some(&note), day(10), 1_500_000, 1_200_000));
    }

    #[test]
    fn anything_that_might_let_it_fit_tries_again() {
        let note = refused_on(10);
        assert!(worth_trying(None, day(10), 1_500_000, 1_310_720));
        assert!(worth_trying(Some(&note), day(11), 1_500_000, 1_310_720));
        assert!(worth_trying(Some(&note), day(9), 1_500_000, 1_310_720));
        assert!(worth_trying(Some(&note), day(10), 1_499_999, 1_310_720));
        assert!(worth_trying(Some(&note), day(10), 1_500_000, 1_310_721));
    }

    #[test]
    fn a_note_reads_back_and_a_malformed_one_is_none() {
        let note = refused_on(10);
        assert_eq!(read(&serde_json::to_string(&note).unwrap()), Some(note));
        for bad in [
            "",
            "{",
            "null",
            "[]",
            r#"{"day":"2025-03-10"}"#,
            r#"{"day":"hôm nay","units":1,"room":1,"estimate":1,"limit":1}"#,
        ] {
            assert_eq!(read(bad), None, "{bad}");
        }
    }
}
