//! Merging another office's records into ours, one record at a time, by version vectors only:
//! clocks between offices are wrong, so `updated` never decides anything.
//!
//! - the file's version has seen ours and more → take it;
//! - ours has seen the file's and more → keep ours (an old file never rolls anything back);
//! - the same version → identical;
//! - neither has seen the other's edits → a conflict the user decides, unless both sides made
//!   the very same change, which is joined silently.
//!
//! A deletion is a version like any other (a tombstone), so an older file never brings a deleted
//! record back, and a deletion concurrent with an edit is a conflict.

use serde::{Deserialize, Serialize};

use crate::records::history::How;
use crate::records::meta::{Id, OfficeId};
use crate::records::record::{Collection, Record, RecordKey};
use crate::records::workspace::{note_change, Dataset, Stamp, Stored};

/// How the file's version of a record relates to ours.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Relation {
    /// We do not have the record.
    New,
    /// The same version, or concurrent versions with the same content.
    Identical,
    IncomingNewer,
    LocalNewer,
    /// Each has edits the other lacks, and they differ: a conflict the user settles.
    Diverged,
}

/// What the automatic merge does with one record.
#[derive(Clone, Debug, PartialEq)]
pub enum Step<T> {
    Nothing,
    Put(T),
    /// A conflict: the user chooses (see [`resolve`]).
    Ask,
}

pub use crate::records::workspace::same_content;

/// `record` with the history entries of `other` it lacks (a merge loses no entry).
fn with_history_of<T: Record>(mut record: T, other: &T) -> T {
    record.meta_mut().unite_history(other.meta());
    record
}

/// How the file's version of a record relates to ours (no copying: the import's first pass).
pub fn relation<T: Record>(local: Option<&T>, incoming: &T) -> Relation {
    use crate::records::meta::Causality::*;
    let Some(local) = local else {
        return Relation::New;
    };
    match incoming.meta().version.compare(&local.meta().version) {
        Dominates => Relation::IncomingNewer,
        DominatedBy => Relation::LocalNewer,
        // The same version with other content means a file edited by hand: never overwrite.
        Equal | Concurrent if same_content(local, incoming) => Relation::Identical,
        Equal | Concurrent => Relation::Diverged,
    }
}

/// [`relation`] as this office (`office`) sees it. Only an office counts its own edits, so a
/// version claiming more of ours than ours holds was altered, or comes from a copy of this
/// installation; taken silently, it would replace our record with edits we never made. When it
/// says something else than ours, it is a conflict the user decides (the resolution joins both
/// versions and counts one more edit of ours, so the merge goes on as usual after it).
pub fn relation_for<T: Record>(office: OfficeId, local: Option<&T>, incoming: &T) -> Relation {
    match (relation(local, incoming), local) {
        (Relation::IncomingNewer, Some(local))
            if incoming.meta().version.get(&office) > local.meta().version.get(&office)
                && !same_content(local, incoming) =>
        {
            Relation::Diverged
        }
        (relation, _) => relation,
    }
}

/// Compares the file's version of a record with ours and says what to do.
pub fn relate<T: Record>(local: Option<&T>, incoming: &T) -> (Relation, Step<T>) {
    step_of(relation(local, incoming), local, incoming)
}

/// [`relate`] as this office (`office`) sees it: see [`relation_for`].
pub fn relate_for<T: Record>(
    office: OfficeId,
    local: Option<&T>,
    incoming: &T,
) -> (Relation, Step<T>) {
    step_of(relation_for(office, local, incoming), local, incoming)
}

fn step_of<T: Record>(relation: Relation, local: Option<&T>, incoming: &T) -> (Relation, Step<T>) {
    let step = match (relation, local) {
        (Relation::New, _) => Step::Put(incoming.clone()),
        // A newer version holds every entry of ours, unless a file of schema 1 brought it.
        (Relation::IncomingNewer, Some(local)) => {
            Step::Put(with_history_of(incoming.clone(), local))
        }
        (Relation::Identical, Some(local)) if local.meta().version != incoming.meta().version => {
            // Both offices made the same change: a version that has seen both, no question asked.
            let mut joined = with_history_of(local.clone(), incoming);
            let meta = joined.meta_mut();
            meta.version = local.meta().version.join(&incoming.meta().version);
            meta.updated = local.meta().updated.max(incoming.meta().updated);
            Step::Put(joined)
        }
        (Relation::Diverged, _) => Step::Ask,
        _ => Step::Nothing,
    };
    (relation, step)
}

/// The user's answer to a conflict.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Choice {
    KeepMine,
    TakeTheirs,
    /// Both, as separate records: the file's copy gets a new id.
    KeepBoth,
}

impl Choice {
    /// Keeping both copies of a deletion means nothing: only the two sides are offered then.
    pub fn offered<T: Record>(local: &T, incoming: &T) -> &'static [Choice] {
        if local.is_live() && incoming.is_live() {
            &[Choice::KeepMine, Choice::TakeTheirs, Choice::KeepBoth]
        } else {
            &[Choice::KeepMine, Choice::TakeTheirs]
        }
    }
}

/// The records a decided conflict writes. The kept version gets the join of both vectors plus
/// one edit by this office, so it dominates both sides: it spreads to every office and the same
/// conflict never comes back. With `KeepBoth` the file's copy becomes a new record of ours.
///
/// Both sides' history is kept, with one entry for the choice (by `by`; `from`, the office of
/// the file): taking the file's version counts as imported from it, keeping ours as a conflict
/// choice. The copy of `KeepBoth` starts its own history as imported.
pub fn resolve<T: Record>(
    local: &T,
    incoming: &T,
    choice: Choice,
    (stamp, by, from): (Stamp, &str, OfficeId),
    copy_id: impl FnOnce() -> Id,
) -> Vec<T> {
    let joined = local.meta().version.join(&incoming.meta().version);
    let (mut kept, how) = match choice {
        Choice::KeepMine | Choice::KeepBoth => (
            with_history_of(local.clone(), incoming),
            How::ConflictChoice { with: Some(from) },
        ),
        Choice::TakeTheirs => (
            with_history_of(incoming.clone(), local),
            How::Imported { from },
        ),
    };
    kept.meta_mut().version = joined;
    kept.meta_mut().touch(stamp.office, stamp.now);
    let was = serde_json::to_value(local).expect("records serialise");
    note_change(&mut kept, Some(&was), stamp, by, how);
    if choice != Choice::KeepBoth {
        return vec![kept];
    }
    let mut copy = incoming.clone();
    let meta = copy.meta_mut();
    meta.id = copy_id();
    meta.created = stamp.now;
    meta.version = Default::default();
    meta.deleted = false;
    meta.changes.clear();
    meta.folded_changes = None;
    meta.touch(stamp.office, stamp.now);
    copy.part_from_kept(&kept);
    note_change(&mut copy, None, stamp, by, How::Imported { from });
    vec![kept, copy]
}

/// The automatic part of merging a whole dataset: every record but the conflicts, which keep
/// our version and are listed. Used by the property tests; the import applies the same
/// [`relate`] record by record, with the user's choices.
pub struct Merged {
    pub data: Dataset,
    pub conflicts: Vec<RecordKey>,
}

pub fn merge(local: &Dataset, incoming: &Dataset) -> Merged {
    fn merge_table<T: Stored>(incoming: &Dataset, merged: &mut Merged) {
        for record in T::table(incoming).iter_all() {
            let (_, step) = relate(T::table(&merged.data).get(&record.id()), record);
            match step {
                Step::Nothing => {}
                Step::Put(r) => T::table_mut(&mut merged.data).put(r),
                Step::Ask => merged.conflicts.push(RecordKey {
                    collection: T::COLLECTION,
                    id: record.id(),
                }),
            }
        }
    }
    let mut merged = Merged {
        data: local.clone(),
        conflicts: Vec::new(),
    };
    for collection in Collection::ALL {
        crate::with_record_type!(collection, T => merge_table::<T>(incoming, &mut merged));
    }
    merged
}

#[cfg(test)]
mod tests;
