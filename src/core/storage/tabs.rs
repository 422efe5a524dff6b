//! Two tabs, one store: what to do with a record when this tab's idea of it (the version it
//! last read, its `base`) meets what is stored now.
//!
//! Both tabs are the same office, so they bump the same entry of the version vector: two edits
//! of version 3 both become version 4. Comparing this tab's edit with the stored version would
//! call them equal; comparing the stored version with the base tells the truth: if the stored
//! version is not the one this tab read, someone else wrote after it.

use crate::commands::outcome::Outcome;
use std::collections::BTreeSet;

use serde_json::{Map, Value};

use super::keys::{StorageKey, LAYOUT_KEY};
use super::load::one_record;
use super::{
    codec, put_value, record_value, value_key, value_version, Conflict, LoadProblem, ReadOnly,
    Rollback, Session,
};
use crate::commands::form_edit::{merge_fields, ENVELOPE};
use crate::records::history::{self, Change, Folded, How};
use crate::records::meta::{Causality, VersionVector};
use crate::records::record::{from_value, Collection, RecordKey};
use crate::records::workspace::{Dataset, OfficeProfile, Stamp, Stored};

/// What to do with this tab's edit of a record, given what is stored.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum WriteCheck {
    /// Nobody wrote since this tab read it (or storage holds an older copy): write.
    Write,
    /// Storage already holds exactly this version: nothing to write.
    AlreadyStored,
    /// Another tab wrote a different version after this tab read it: keep both, let the user choose.
    Conflict,
}

/// Decides a write of `ours` over `stored`, knowing the version this tab last saw (`base`).
pub fn check_write(
    base: Option<&VersionVector>,
    stored: Option<&Value>,
    ours: &Value,
) -> WriteCheck {
    check_write_as(base, stored, ours, false)
}

/// As [`check_write`]; a `rollback` (an undone import putting back older versions on purpose)
/// may go back to an older version, but still never over another tab's write.
pub fn check_write_as(
    base: Option<&VersionVector>,
    stored: Option<&Value>,
    ours: &Value,
    rollback: bool,
) -> WriteCheck {
    let Some(stored) = stored else {
        return WriteCheck::Write;
    };
    if stored == ours {
        return WriteCheck::AlreadyStored;
    }
    let stored_version = value_version(stored).unwrap_or_default();
    let changed_elsewhere = match base {
        // Only a newer or concurrent stored version is another tab's work; an older one is a
        // stale copy (a race lost by a slower tab) that this edit supersedes.
        Some(base) => matches!(
            stored_version.compare(base),
            Causality::Dominates | Causality::Concurrent
        ),
        // Never seen stored by this tab (both tabs imported the same record): ours must have seen it all.
        None => {
            let ours_version = value_version(ours).unwrap_or_default();
            !matches!(ours_version.compare(&stored_version), Causality::Dominates)
        }
    };
    // An edit must have seen what it replaces: one made on an older copy (a form opened before
    // another tab's save was taken in here) keeps that copy's version and fails this.
    let ours_has_seen_it = matches!(
        value_version(ours)
            .unwrap_or_default()
            .compare(&stored_version),
        Causality::Dominates
    );
    if changed_elsewhere || !(ours_has_seen_it || rollback) {
        WriteCheck::Conflict
    } else {
        WriteCheck::Write
    }
}

/// As [`check_write_as`], for an edit made on `before` (`Dataset::befores`): a stored copy at
/// `before`'s version but with other content is another tab's write too (two edits of one
/// version that lost a race to each other, one of them still held by a form here).
pub fn check_edit(
    collection: Collection,
    base: Option<&VersionVector>,
    before: Option<&Value>,
    stored: Option<&Value>,
    ours: &Value,
    rollback: bool,
) -> WriteCheck {
    let check = check_write_as(base, stored, ours, rollback);
    let (WriteCheck::Write, Some(before), Some(stored)) = (check, before, stored) else {
        return check;
    };
    let same_version = value_version(before) == value_version(stored);
    if same_version && !rollback && normalised(collection, stored) != *before {
        WriteCheck::Conflict
    } else {
        check
    }
}

/// A stored record's JSON as this version writes it (an older app's may lack defaults).
fn normalised(collection: Collection, value: &Value) -> Value {
    fn through<T: Stored>(value: &Value) -> Option<Value> {
        serde_json::to_value(from_value::<T>(value).ok()?).ok()
    }
    crate::with_record_type!(collection, T => through::<T>(value)).unwrap_or_else(|| value.clone())
}

/// What to do when another tab's write shows a record stored as `stored`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum OtherTabWrite {
    /// Nothing new for this tab.
    Same,
    /// Another tab changed it: take the stored version.
    Take,
    /// Storage went back to an older version than this tab wrote (a slower tab's stale write):
    /// write this tab's version again.
    Rewrite,
    /// This tab has an unsaved edit of a record an undone import put back: a conflict.
    Conflict,
    /// This tab's own write of the record is waiting (or will be retried): it compares with
    /// what is stored then, under the lock, and merges (`settle`); nothing to do now.
    Later,
}

/// Decides what a stored record means to this tab: its `base`, whether it has an unsaved edit
/// (`pending`), and its copy in memory (`ours`).
pub fn on_stored(
    base: Option<&VersionVector>,
    pending: bool,
    stored: &Value,
    ours: Option<&Value>,
) -> OtherTabWrite {
    on_stored_as(base, pending, stored, ours, false)
}

/// As [`on_stored`]; `rolled_back`: the stored version is one an undone import put back
/// (`Rollback::puts_back`), so an older version is taken in (or is a conflict with an unsaved
/// edit), never written over.
pub fn on_stored_as(
    base: Option<&VersionVector>,
    pending: bool,
    stored: &Value,
    ours: Option<&Value>,
    rolled_back: bool,
) -> OtherTabWrite {
    if ours == Some(stored) {
        return OtherTabWrite::Same;
    }
    let stored_version = value_version(stored).unwrap_or_default();
    let relation = base.map(|b| stored_version.compare(b));
    match relation {
        Some(Causality::Equal) => OtherTabWrite::Same,
        Some(Causality::DominatedBy) if ours.is_some() && !rolled_back => OtherTabWrite::Rewrite,
        _ if pending && rolled_back => OtherTabWrite::Conflict,
        _ if pending => OtherTabWrite::Later,
        _ => OtherTabWrite::Take,
    }
}

/// What a stored record means to this tab, the last undone import (`rollback`) considered.
/// None: nothing at all (a copy an undone import removed, which this tab no longer holds).
pub(crate) fn judge_stored(
    rollback: Option<&Rollback>,
    key: RecordKey,
    base: Option<&VersionVector>,
    pending: bool,
    stored: &Value,
    ours: Option<&Value>,
) -> Option<OtherTabWrite> {
    let mut rolled_back = false;
    if let Some(rollback) = rollback {
        let stored_version = value_version(stored).unwrap_or_default();
        if ours.is_none() && rollback.took_out(key, &stored_version) {
            return None;
        }
        rolled_back = rollback.puts_back(key, &stored_version, base);
    }
    Some(on_stored_as(base, pending, stored, ours, rolled_back))
}

/// What another tab's write means here.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Absorbed {
    /// Records to take into this tab's dataset, as stored now.
    pub incoming: Vec<(RecordKey, Value)>,
    /// New conflicts (this tab's unsaved edit against another tab's write, or one found there).
    pub conflicts: Vec<Conflict>,
    /// Conflicts resolved in another tab.
    pub resolved: Vec<RecordKey>,
    /// Records to write again: storage lost this tab's version (a stale write, a cleared store).
    pub rewrite: Vec<RecordKey>,
    /// Records an import had added, removed by its undo in another tab: take them out of this
    /// tab's dataset (`remove_records`).
    pub removed: Vec<RecordKey>,
    pub office: Option<OfficeProfile>,
    pub problems: Vec<LoadProblem>,
}

/// Takes in one change another tab made (a `storage` event: key and new value, None when
/// removed). `pending` are this tab's unsaved records.
pub fn absorb(
    key: &str,
    new_value: Option<&str>,
    data: &Dataset,
    pending: &BTreeSet<RecordKey>,
    session: &mut Session,
) -> Absorbed {
    let mut out = Absorbed::default();
    match new_value {
        Some(value) => session.note_written(key, value),
        None => session.note_removed(key),
    }
    let Some(parsed) = StorageKey::parse(key) else {
        return out;
    };
    let Some(raw) = new_value else {
        match parsed {
            StorageKey::Conflict(rk) => out.resolved.push(rk),
            StorageKey::Rollback => session.rollback = None,
            StorageKey::SnapshotRefusal => session.snapshot_refusal = None,
            _ => {}
        }
        return out;
    };
    let values: Vec<(RecordKey, Value)> = match parsed {
        StorageKey::Bucket(collection, _) => match codec::decode(raw) {
            Ok(values) => values
                .into_iter()
                .filter_map(|v| value_key(collection, &v).map(|rk| (rk, v)))
                .collect(),
            Err(e) => {
                out.problems.push(LoadProblem {
                    key: key.to_string(),
                    kind: super::load::codec_problem(e),
                    raw: raw.to_string(),
                });
                return out;
            }
        },
        StorageKey::Delta(rk) => match one_record(raw, rk) {
            Ok(v) => vec![(rk, v)],
            Err(kind) => {
                out.problems.push(LoadProblem {
                    key: key.to_string(),
                    kind,
                    raw: raw.to_string(),
                });
                return out;
            }
        },
        StorageKey::Conflict(rk) => {
            if let Ok(other) = one_record(raw, rk) {
                out.conflicts.push(Conflict { key: rk, other });
            }
            return out;
        }
        StorageKey::Office => {
            out.office = serde_json::from_str(raw).ok();
            return out;
        }
        StorageKey::Export => {
            if let Ok(state) = serde_json::from_str(raw) {
                session.export = state;
            }
            return out;
        }
        StorageKey::Rollback => {
            // Another tab undid an import: it is written before the undo's records, so the
            // versions it puts back are taken in as they arrive. The records it removes go now,
            // as in that tab's memory; an unsaved edit of one stays, and its save writes it again.
            let rollback = Rollback::decode(raw);
            if let Some(rollback) = &rollback {
                out.removed = removed_here(rollback, data, pending, session);
            }
            session.rollback = rollback;
            return out;
        }
        StorageKey::SnapshotLog => {
            session.given_up = super::backup::read_log(raw);
            return out;
        }
        StorageKey::SnapshotRefusal => {
            session.snapshot_refusal = super::snapshot_refusal::read(raw);
            return out;
        }
        StorageKey::KnownOffices => {
            session.known_offices = super::known_offices::read(raw);
            return out;
        }
        StorageKey::ImportLog => {
            session.import_log = super::import_log::read(raw);
            return out;
        }
        StorageKey::Layout => {
            if let Some(why) = ReadOnly::from_layout(raw) {
                // A newer app wrote here, or the marker is damaged: stop writing.
                out.problems.extend(why.problem().map(|kind| LoadProblem {
                    key: LAYOUT_KEY.to_string(),
                    kind,
                    raw: raw.to_string(),
                }));
                session.read_only = Some(why);
                session.quarantined.insert(LAYOUT_KEY.to_string());
            }
            return out;
        }
        _ => return out,
    };
    for (rk, stored) in values {
        let ours = record_value(data, rk);
        let Some(incoming) = judge_stored(
            session.rollback.as_ref(),
            rk,
            session.base.get(&rk),
            pending.contains(&rk),
            &stored,
            ours.as_ref(),
        ) else {
            continue;
        };
        match incoming {
            OtherTabWrite::Same | OtherTabWrite::Later => {}
            OtherTabWrite::Take => {
                session
                    .base
                    .insert(rk, value_version(&stored).unwrap_or_default());
                out.incoming.push((rk, stored));
            }
            OtherTabWrite::Rewrite => out.rewrite.push(rk),
            OtherTabWrite::Conflict => {
                session
                    .base
                    .insert(rk, value_version(&stored).unwrap_or_default());
                out.conflicts.push(Conflict {
                    key: rk,
                    other: ours.expect("a pending record is in memory"),
                });
                out.incoming.push((rk, stored));
            }
        }
    }
    out
}

/// The records an undone import removed that this tab still holds as the import wrote them
/// (no unsaved edit): they leave its dataset and its idea of storage.
pub(crate) fn removed_here(
    rollback: &Rollback,
    data: &Dataset,
    pending: &BTreeSet<RecordKey>,
    session: &mut Session,
) -> Vec<RecordKey> {
    let removed: Vec<RecordKey> = rollback
        .removed()
        .filter(|rk| !pending.contains(rk))
        .filter(|rk| {
            record_value(data, *rk)
                .is_some_and(|v| rollback.took_out(*rk, &value_version(&v).unwrap_or_default()))
        })
        .collect();
    for rk in &removed {
        session.base.remove(rk);
    }
    removed
}

/// Another tab (or the user) cleared the whole store: everything this tab holds is written again.
pub fn absorb_clear(data: &Dataset, session: &mut Session) -> Vec<RecordKey> {
    session.sizes.clear();
    session.base.clear();
    super::all_keys(data)
}

/// What becomes of this tab's edit (`ours`) of a record another tab stored first (`stored`,
/// [`check_write`] said Conflict), given what the edit was made on (`before`, from
/// `Dataset::befores`). Both are edits of one record: merged field by field against `before`
/// (`form_edit::merge_fields`), what merges is stored as a new edit over both, and only the
/// fields both changed differently are left to the user.
#[derive(Clone, Debug, PartialEq)]
pub struct Settled {
    /// The record to store: the stored one with this tab's other changes, a new version over
    /// both (`stamp`). None: what is stored stands as it is.
    pub write: Option<Value>,
    /// The version kept for the user (`Conflict::other`): the record with this tab's values in
    /// the fields that clash, at this tab's version; or, when the edits cannot be merged field
    /// by field (no `before`, a delete on one side), this tab's edit whole.
    pub conflict: Option<Value>,
}

pub fn settle(
    collection: Collection,
    before: Option<&Value>,
    ours: &Value,
    stored: &Value,
    stamp: Option<Stamp>,
) -> Settled {
    let whole = Settled {
        write: None,
        conflict: Some(ours.clone()),
    };
    let (Some(before), Some(stamp)) = (before, stamp) else {
        return whole;
    };
    let version = |v: &Value| value_version(v).unwrap_or_default();
    let (b, o, s) = (version(before), version(ours), version(stored));
    // `before` must be what both edits were made on: older than ours and than the stored one.
    if o.compare(&b) != Causality::Dominates
        || !matches!(s.compare(&b), Causality::Dominates | Causality::Equal)
    {
        return whole;
    }
    let (Value::Object(was), Value::Object(mine), Value::Object(theirs)) = (before, ours, stored)
    else {
        return whole;
    };
    // A delete on one side and an edit on the other is not merged field by field.
    let deleted = |fields: &Map<String, Value>| fields.get("deleted") == Some(&Value::Bool(true));
    if deleted(mine) != deleted(theirs) {
        return whole;
    }
    let mut merged = merge_fields(was, mine, theirs);
    let write = if merged.fields == *theirs {
        // The same change made in both: it stands once, with its first entry.
        None
    } else {
        // Both edits' history entries stay.
        unite_history_fields(&mut merged.fields, mine);
        match new_edition(collection, merged.fields, &s.join(&o), stamp) {
            Some(value) => Some(value),
            None => return whole,
        }
    };
    let conflict = (!merged.clashes.is_empty()).then(|| {
        let mut other = match write.as_ref().unwrap_or(stored) {
            Value::Object(fields) => fields.clone(),
            _ => unreachable!("both sides are objects"),
        };
        for field in merged
            .clashes
            .iter()
            .map(String::as_str)
            .chain(["version", "updated"])
        {
            match mine.get(field) {
                Some(value) => other.insert(field.to_string(), value.clone()),
                None => other.remove(field),
            };
        }
        Value::Object(other)
    });
    Settled { write, conflict }
}

/// `fields` (theirs, with the merged edits) with the history of both it and `mine`, whole
/// and folded (`history::unite`).
fn unite_history_fields(fields: &mut Map<String, Value>, mine: &Map<String, Value>) {
    fn read<T: serde::de::DeserializeOwned + Default>(fields: &Map<String, Value>, key: &str) -> T {
        fields
            .get(key)
            .and_then(|h| from_value(h).ok())
            .unwrap_or_default()
    }
    let mut entries: Vec<Change> = read(fields, "changes");
    let mut folded: Option<Folded> = read(fields, "folded_changes");
    let mine_folded: Option<Folded> = read(mine, "folded_changes");
    history::unite(
        (&mut entries, &mut folded),
        (&read::<Vec<Change>>(mine, "changes"), mine_folded.as_ref()),
    );
    let entries = serde_json::to_value(&entries).expect("entries serialise");
    fields.insert("changes".into(), entries);
    match folded.map(serde_json::to_value) {
        Some(folded) => fields.insert("folded_changes".into(), folded.expect("serialises")),
        None => fields.remove("folded_changes"),
    };
}

/// `fields` as a record of `collection` edited by `stamp` after `seen` (both sides' versions).
fn new_edition(
    collection: Collection,
    fields: Map<String, Value>,
    seen: &VersionVector,
    stamp: Stamp,
) -> Option<Value> {
    fn edition<T: Stored>(
        fields: Map<String, Value>,
        seen: &VersionVector,
        stamp: Stamp,
    ) -> Option<Value> {
        let mut record: T = from_value(&Value::Object(fields)).ok()?;
        record.meta_mut().version = seen.clone();
        record.meta_mut().touch(stamp.office, stamp.now);
        serde_json::to_value(record).ok()
    }
    crate::with_record_type!(collection, T => edition::<T>(fields, seen, stamp))
}

/// The fields a conflict asks about: the record's own top-level fields (and whether it is
/// deleted) where the stored version and the other differ, in the stored record's order.
pub fn conflict_fields(stored: &Value, other: &Value) -> Vec<String> {
    fn keys(v: &Value) -> impl Iterator<Item = String> + '_ {
        v.as_object().into_iter().flat_map(|o| o.keys().cloned())
    }
    let deleted = |v: &Value| v.get("deleted").and_then(Value::as_bool).unwrap_or(false);
    let mut fields: Vec<String> = keys(stored)
        .chain(keys(other).filter(|k| stored.get(k).is_none()))
        .filter(|k| !ENVELOPE.contains(&k.as_str()) && stored.get(k) != other.get(k))
        .collect();
    if deleted(stored) != deleted(other) {
        fields.push("deleted".to_string());
    }
    fields
}

/// Settles a conflict: the stored record with the fields named in `from_other` taken from the
/// other version (all of [`conflict_fields`]: the other version as it is; none: the stored one)
/// becomes a new edit whose version has seen both, so every tab and office takes it over
/// either side.
pub fn resolve(
    data: &mut Dataset,
    conflict: &Conflict,
    from_other: &[String],
    stamp: Stamp,
) -> Result<Outcome<RecordKey>, super::LoadProblemKind> {
    fn settle_as<T: Stored>(
        data: &mut Dataset,
        conflict: &Conflict,
        from_other: &[String],
        stamp: Stamp,
    ) -> Result<RecordKey, super::LoadProblemKind> {
        let unreadable = |e: serde_json::Error| super::LoadProblemKind::SchemaMismatch {
            message: e.to_string(),
        };
        let other: T = from_value(&conflict.other).map_err(unreadable)?;
        let stored = T::table(data)
            .get(&conflict.key.id)
            .cloned()
            .unwrap_or_else(|| other.clone());
        let joined = stored.meta().version.join(&other.meta().version);
        let mut fields = match serde_json::to_value(&stored).map_err(unreadable)? {
            Value::Object(fields) => fields,
            _ => unreachable!("records serialise to objects"),
        };
        for field in from_other {
            match conflict.other.get(field) {
                Some(value) => fields.insert(field.clone(), value.clone()),
                None => fields.remove(field),
            };
        }
        let mut chosen: T = from_value(&Value::Object(fields)).map_err(unreadable)?;
        chosen.meta_mut().version = joined;
        chosen.meta_mut().unite_history(other.meta());
        Ok(data.commit_as(chosen, stamp, How::ConflictChoice { with: None }))
    }
    let key = crate::with_record_type!(conflict.key.collection, T => settle_as::<T>(data, conflict, from_other, stamp))?;
    Ok(Outcome::of(data, key, vec![key], stamp))
}

/// Takes a record another tab stored (or a merge this tab stored) into this tab's dataset:
/// any edit of it noted here is stored or replaced.
pub fn take_incoming(
    data: &mut Dataset,
    key: RecordKey,
    value: Value,
) -> Result<(), super::LoadProblemKind> {
    data.befores.forget([key]);
    put_value(data, key, value)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;
    use uuid::Uuid;

    fn record(title: &str, edits: u64) -> Value {
        let office = Uuid::from_u128(1).to_string();
        json!({"id": "x", "title": title, "version": {office: edits}})
    }

    fn version(edits: u64) -> VersionVector {
        value_version(&record("", edits)).unwrap()
    }

    #[test]
    fn an_untouched_record_is_written() {
        let ours = record("ours", 4);
        assert_eq!(
            check_write(Some(&version(3)), Some(&record("old", 3)), &ours),
            WriteCheck::Write
        );
        assert_eq!(check_write(None, None, &ours), WriteCheck::Write);
        assert_eq!(
            check_write(Some(&version(3)), None, &ours),
            WriteCheck::Write
        );
    }

    #[test]
    fn the_same_office_editing_in_two_tabs_is_a_conflict_though_versions_are_equal() {
        // Both tabs read version 3 and each made version 4.
        let ours = record("ours", 4);
        let theirs = record("theirs", 4);
        assert_eq!(
            check_write(Some(&version(3)), Some(&theirs), &ours),
            WriteCheck::Conflict
        );
        // Two edits elsewhere, one here: still a conflict (ours does not dominate what it never saw).
        assert_eq!(
            check_write(Some(&version(3)), Some(&record("theirs", 5)), &ours),
            WriteCheck::Conflict
        );
        // The same change made in both: nothing to write.
        assert_eq!(
            check_write(Some(&version(3)), Some(&ours.clone()), &ours),
            WriteCheck::AlreadyStored
        );
    }

    #[test]
    fn an_edit_made_on_an_older_copy_is_a_conflict_though_storage_has_what_this_tab_read() {
        // This tab took in another tab's version 4, but the form still held version 3.
        let from_stale_form = record("stale form", 4);
        assert_eq!(
            check_write(
                Some(&version(4)),
                Some(&record("theirs", 4)),
                &from_stale_form
            ),
            WriteCheck::Conflict
        );
    }

    #[test]
    fn a_rollback_may_go_back_but_not_over_another_tabs_write() {
        let older = record("before the import", 2);
        assert_eq!(
            check_write_as(
                Some(&version(4)),
                Some(&record("imported", 4)),
                &older,
                true
            ),
            WriteCheck::Write
        );
        assert_eq!(
            check_write_as(
                Some(&version(4)),
                Some(&record("imported", 4)),
                &older,
                false
            ),
            WriteCheck::Conflict
        );
        assert_eq!(
            check_write_as(
                Some(&version(4)),
                Some(&record("another tab", 5)),
                &older,
                true
            ),
            WriteCheck::Conflict
        );
    }

    #[test]
    fn an_older_stored_copy_is_overwritten() {
        let ours = record("ours", 6);
        assert_eq!(
            check_write(Some(&version(5)), Some(&record("stale", 4)), &ours),
            WriteCheck::Write
        );
    }

    #[test]
    fn a_record_never_read_here_is_written_only_over_what_it_has_seen() {
        assert_eq!(
            check_write(None, Some(&record("a", 1)), &record("b", 2)),
            WriteCheck::Write
        );
        assert_eq!(
            check_write(None, Some(&record("a", 2)), &record("b", 2)),
            WriteCheck::Conflict
        );
    }

    #[test]
    fn incoming_changes_are_taken_rewritten_left_to_the_waiting_write_or_conflicts() {
        let base = version(3);
        let mine = record("mine", 3);
        assert_eq!(
            on_stored(Some(&base), false, &mine, Some(&mine)),
            OtherTabWrite::Same
        );
        assert_eq!(
            on_stored(Some(&base), false, &record("theirs", 4), Some(&mine)),
            OtherTabWrite::Take
        );
        assert_eq!(
            on_stored(Some(&base), false, &record("stale", 2), Some(&mine)),
            OtherTabWrite::Rewrite
        );
        // This tab's own write of it is waiting: that write compares and merges, under the lock.
        assert_eq!(
            on_stored(
                Some(&base),
                true,
                &record("theirs", 4),
                Some(&record("edit", 4))
            ),
            OtherTabWrite::Later
        );
        // Unless an undone import put back an older version on purpose: a conflict at once.
        assert_eq!(
            on_stored_as(
                Some(&base),
                true,
                &record("put back", 2),
                Some(&record("edit", 4)),
                true
            ),
            OtherTabWrite::Conflict
        );
        assert_eq!(
            on_stored(None, false, &record("new", 1), None),
            OtherTabWrite::Take
        );
    }
}
