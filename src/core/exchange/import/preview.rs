//! What an import would do, record by record, before anything is written; then doing it with the
//! user's choices for the conflicts, and undoing it exactly.

use crate::records::sorting;
use std::collections::{BTreeMap, BTreeSet};

use chrono::{DateTime, Utc};
use rustc_hash::FxHashSet;
use serde::{Deserialize, Serialize};
use serde_json::value::RawValue;
use serde_json::Value;

use super::{FilePlace, IncomingFile};
use crate::commands::outcome::Outcome;
use crate::exchange::merge::{relate_for, relation_for, resolve, Choice, Relation, Step};
use crate::records::meta::{Id, VersionVector};
use crate::records::record::{from_value, Collection, Record, RecordKey};
use crate::records::workspace::{Dataset, Stamp, Stored};
use crate::storage;
use crate::views::references;

/// How the preview groups the file's records.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Group {
    Conflict,
    New,
    IncomingNewer,
    /// A newer version in the file that is a deletion.
    DeletedInFile,
    LocalNewer,
    Identical,
}

impl Group {
    /// In the order the preview shows them: what needs a decision first.
    pub const ALL: [Group; 6] = [
        Group::Conflict,
        Group::New,
        Group::IncomingNewer,
        Group::DeletedInFile,
        Group::LocalNewer,
        Group::Identical,
    ];

    fn of<T: Record>(relation: Relation, incoming: &T) -> Group {
        match relation {
            Relation::New | Relation::IncomingNewer if !incoming.is_live() => Group::DeletedInFile,
            Relation::New => Group::New,
            Relation::IncomingNewer => Group::IncomingNewer,
            Relation::LocalNewer => Group::LocalNewer,
            Relation::Identical => Group::Identical,
            Relation::Diverged => Group::Conflict,
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Entry {
    pub key: RecordKey,
    pub group: Group,
    pub place: FilePlace,
}

/// A record the file deletes that live records here still use.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DeletionInUse {
    pub key: RecordKey,
    pub place: FilePlace,
    pub used_by: Vec<RecordKey>,
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Preview {
    pub entries: Vec<Entry>,
    pub deletions_in_use: Vec<DeletionInUse>,
}

impl Preview {
    pub fn count(&self, group: Group) -> usize {
        self.entries.iter().filter(|e| e.group == group).count()
    }

    pub fn in_group(&self, group: Group) -> impl Iterator<Item = &Entry> {
        self.entries.iter().filter(move |e| e.group == group)
    }

    /// True when applying would write nothing (importing your own export, or an older one).
    pub fn changes_nothing(&self) -> bool {
        self.entries
            .iter()
            .all(|e| matches!(e.group, Group::Identical | Group::LocalNewer))
    }
}

/// Sorts every record of the file into its group against `local`.
pub fn preview(file: &IncomingFile, local: &Dataset) -> Preview {
    fn entries<T: Stored>(file: &IncomingFile, local: &Dataset, out: &mut Preview) {
        for (key, incoming) in file.against::<T>(local) {
            let group = match incoming {
                None => Group::Identical,
                Some(incoming) => Group::of(
                    relation_for(file.this_office, T::table(local).get(&key.id), &*incoming),
                    &*incoming,
                ),
            };
            out.entries.push(Entry {
                key,
                group,
                place: file.places[&key],
            });
        }
    }
    let mut preview = Preview::default();
    for collection in Collection::ALL {
        crate::with_record_type!(collection, T => entries::<T>(file, local, &mut preview));
    }
    let deleted: FxHashSet<RecordKey> = preview
        .in_group(Group::DeletedInFile)
        .map(|e| e.key)
        .collect();
    let mut users = local.referenced_by_any(&deleted);
    let mut in_use = Vec::new();
    for entry in preview.in_group(Group::DeletedInFile) {
        let used_by: Vec<RecordKey> = users
            .remove(&entry.key)
            .unwrap_or_default()
            .into_iter()
            .filter(|user| !deleted.contains(user))
            .collect();
        if !used_by.is_empty() {
            in_use.push(DeletionInUse {
                key: entry.key,
                place: entry.place,
                used_by,
            });
        }
    }
    preview.deletions_in_use = in_use;
    preview
}

/// A short label for a record of `data`: its title or name.
pub fn label(data: &Dataset, key: RecordKey) -> Option<String> {
    record_value(data, key).map(|v| references::label(&v))
}

/// A short label for a record of the file (a new record is not here yet).
pub fn label_in_file(file: &IncomingFile, key: RecordKey) -> Option<String> {
    file.record_value(key).map(|v| references::label(&v))
}

fn record_value(data: &Dataset, key: RecordKey) -> Option<Value> {
    fn value<T: Stored>(data: &Dataset, id: &Id) -> Option<Value> {
        T::table(data)
            .get(id)
            .map(|r| serde_json::to_value(r).expect("records serialise"))
    }
    crate::with_record_type!(key.collection, T => value::<T>(data, &key.id))
}

/// One field of a conflict, mine beside theirs.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FieldRow {
    pub path: String,
    pub mine: Option<String>,
    pub theirs: Option<String>,
}

impl FieldRow {
    pub fn differs(&self) -> bool {
        self.mine != self.theirs
    }
}

/// Both versions of a conflicting record, field by field, and the choices that make sense.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ConflictDetail {
    pub rows: Vec<FieldRow>,
    pub choices: &'static [Choice],
}

pub fn conflict_detail(
    local: &Dataset,
    file: &IncomingFile,
    key: RecordKey,
) -> Option<ConflictDetail> {
    fn choices<T: Stored>(
        local: &Dataset,
        file: &IncomingFile,
        id: &Id,
    ) -> Option<&'static [Choice]> {
        Some(Choice::offered(
            T::table(local).get(id)?,
            &*file.record::<T>(id)?,
        ))
    }
    let mine = record_value(local, key)?;
    let theirs = file.record_value(key)?;
    let choices =
        crate::with_record_type!(key.collection, T => choices::<T>(local, file, &key.id))?;
    Some(ConflictDetail {
        rows: field_rows(&mine, &theirs),
        choices,
    })
}

/// Every leaf field of two versions of a record, in the order of the first, then new ones.
/// The version vector is left out: it differs in every conflict and says nothing to a reader;
/// so is the history (both sides' entries are kept whatever the choice).
pub fn field_rows(mine: &Value, theirs: &Value) -> Vec<FieldRow> {
    let (mut a, mut b) = (Vec::new(), Vec::new());
    flatten(mine, String::new(), &mut a);
    flatten(theirs, String::new(), &mut b);
    let theirs_by_path: BTreeMap<&str, &str> =
        sorting::map_of(b.iter().map(|(p, v)| (p.as_str(), v.as_str())));
    let mine_paths: BTreeSet<&str> = sorting::set_of(a.iter().map(|(p, _)| p.as_str()));
    let mut rows: Vec<FieldRow> = a
        .iter()
        .map(|(path, value)| FieldRow {
            path: path.clone(),
            mine: Some(value.clone()),
            theirs: theirs_by_path.get(path.as_str()).map(|v| v.to_string()),
        })
        .collect();
    rows.extend(
        b.iter()
            .filter(|(p, _)| !mine_paths.contains(p.as_str()))
            .map(|(path, value)| FieldRow {
                path: path.clone(),
                mine: None,
                theirs: Some(value.clone()),
            }),
    );
    let envelope = |path: &str, field: &str| {
        path == field
            || path
                .strip_prefix(field)
                .is_some_and(|rest| rest.starts_with(['.', '[']))
    };
    rows.retain(|r| {
        !envelope(&r.path, "version")
            && !envelope(&r.path, "changes")
            && !envelope(&r.path, "folded_changes")
    });
    rows
}

fn flatten(value: &Value, path: String, out: &mut Vec<(String, String)>) {
    let join = |key: &str| {
        if path.is_empty() {
            key.to_string()
        } else {
            format!("{path}.{key}")
        }
    };
    match value {
        Value::Object(fields) if !fields.is_empty() => {
            for (key, item) in fields {
                flatten(item, join(key), out);
            }
        }
        Value::Array(items) if !items.is_empty() => {
            for (i, item) in items.iter().enumerate() {
                flatten(item, format!("{path}[{i}]"), out);
            }
        }
        Value::String(s) => out.push((path, s.clone())),
        Value::Null => out.push((path, "—".into())),
        other => out.push((path, other.to_string())),
    }
}

/// Everything needed to put back the records an import changed, exactly as they were.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct UndoImport {
    pub imported_at: DateTime<Utc>,
    /// The office whose file it was.
    pub from_office: String,
    pub entries: Vec<UndoEntry>,
}

#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct UndoEntry {
    pub collection: Collection,
    pub id: Id,
    /// The stored JSON before the import; None when the import added the record.
    pub before: Option<Box<RawValue>>,
    /// The version the import wrote: another one now means the record was edited since.
    pub written: VersionVector,
}

impl UndoEntry {
    pub fn key(&self) -> RecordKey {
        RecordKey {
            collection: self.collection,
            id: self.id,
        }
    }
}

/// What applying did.
#[derive(Clone, Debug)]
pub struct Applied {
    pub written: Vec<RecordKey>,
    /// How many records of each group were written or kept.
    pub counts: BTreeMap<Group, usize>,
    /// Copies made for "keep both".
    pub copies: usize,
    pub undo: UndoImport,
}

impl Applied {
    /// The history entries this import brought: each written record's entries it did not hold
    /// before (`data` as the import left it), newest first, with the record.
    pub fn brought(&self, data: &Dataset) -> Vec<(RecordKey, crate::records::history::Change)> {
        let mut out = Vec::new();
        for entry in &self.undo.entries {
            let key = entry.key();
            let held: std::collections::HashSet<String> = entry
                .before
                .as_ref()
                .and_then(|raw| serde_json::from_str::<serde_json::Value>(raw.get()).ok())
                .and_then(|v| v.get("changes").cloned())
                .and_then(|c| from_value::<Vec<crate::records::history::Change>>(&c).ok())
                .unwrap_or_default()
                .into_iter()
                .map(|c| c.id)
                .collect();
            let now = crate::with_record_type!(key.collection, T => {
                T::table(data).get(&key.id).map(|r| r.meta().changes.clone()).unwrap_or_default()
            });
            out.extend(
                now.into_iter()
                    .filter(|c| !held.contains(&c.id))
                    .map(|c| (key, c)),
            );
        }
        sorting::sort_by(&mut out, |a, b| {
            b.1.at.cmp(&a.1.at).then_with(|| b.1.id.cmp(&a.1.id))
        });
        out
    }
}

/// Applies the file to `data` with the user's choices. Relations are computed again against
/// `data` as it is now, so an edit made while the preview was open is never overwritten
/// blindly. Refuses, changing nothing, while a conflict has no choice (returns those records).
pub fn apply(
    data: &mut Dataset,
    file: &IncomingFile,
    choices: &BTreeMap<RecordKey, Choice>,
    stamp: Stamp,
    mut new_id: impl FnMut() -> Id,
) -> Result<Outcome<Applied>, Vec<RecordKey>> {
    // One pass over the file's records finds those that are no longer exactly ours (the
    // only ones to write) and the conflicts without a choice; the records still ours are
    // only counted, and not looked at again.
    let mut missing = Vec::new();
    let mut plans = Vec::new();
    for collection in Collection::ALL {
        crate::with_record_type!(collection, T => plans.push(plan::<T>(data, file, choices, &mut missing)));
    }
    if !missing.is_empty() {
        return Err(missing);
    }
    let mut applied = Applied {
        written: Vec::new(),
        counts: BTreeMap::new(),
        copies: 0,
        undo: UndoImport {
            imported_at: stamp.now,
            from_office: file.header.office.name.clone(),
            entries: Vec::new(),
        },
    };
    for plan in &plans {
        crate::with_record_type!(plan.collection, T => apply_table::<T>(data, file, plan, choices, stamp, &mut new_id, &mut applied));
    }
    let changed = applied.written.clone();
    Ok(Outcome::of(data, applied, changed, stamp))
}

/// What apply does with one collection of the file: its records no longer exactly ours (in
/// id order) and how many are still ours.
struct Plan {
    collection: Collection,
    changed: Vec<Id>,
    still_ours: usize,
}

fn plan<T: Stored>(
    data: &Dataset,
    file: &IncomingFile,
    choices: &BTreeMap<RecordKey, Choice>,
    missing: &mut Vec<RecordKey>,
) -> Plan {
    let mut changed = Vec::new();
    let still_ours = file.for_each_changed::<T>(data, |key, incoming| {
        if relation_for(file.this_office, T::table(data).get(&key.id), incoming)
            == Relation::Diverged
            && !choices.contains_key(&key)
        {
            missing.push(key);
        }
        changed.push(key.id);
    });
    sorting::sort(&mut changed);
    Plan {
        collection: T::COLLECTION,
        changed,
        still_ours,
    }
}

fn apply_table<T: Stored>(
    data: &mut Dataset,
    file: &IncomingFile,
    plan: &Plan,
    choices: &BTreeMap<RecordKey, Choice>,
    stamp: Stamp,
    new_id: &mut impl FnMut() -> Id,
    applied: &mut Applied,
) {
    if plan.still_ours > 0 {
        // Still exactly ours: nothing to write.
        *applied.counts.entry(Group::Identical).or_insert(0) += plan.still_ours;
    }
    for id in &plan.changed {
        let key = RecordKey {
            collection: T::COLLECTION,
            id: *id,
        };
        // As the plan found it: read in full, or built again from the file's text.
        let incoming = file.record::<T>(id).expect("a record of the file");
        let incoming = &*incoming;
        let local = T::table(data).get(id);
        let (relation, step) = relate_for(file.this_office, local, incoming);
        *applied
            .counts
            .entry(Group::of(relation, incoming))
            .or_insert(0) += 1;
        let writes = match step {
            Step::Nothing => continue,
            Step::Put(record) => vec![record],
            Step::Ask => {
                let local = local.expect("a conflict has a local side");
                let choice = choices[&key];
                let how = (stamp, data.editor.as_str(), file.header.office.id);
                let records = resolve(local, incoming, choice, how, &mut *new_id);
                applied.copies += records.len() - 1;
                records
            }
        };
        for record in writes {
            put_remembering(data, record, applied);
        }
    }
}

fn put_remembering<T: Stored>(data: &mut Dataset, record: T, applied: &mut Applied) {
    let key = RecordKey {
        collection: T::COLLECTION,
        id: record.id(),
    };
    // Written straight into a raw value: from_string would parse again what was just written.
    let before = T::table(data)
        .get(&key.id)
        .map(|r| serde_json::value::to_raw_value(r).expect("records serialise"));
    applied.undo.entries.push(UndoEntry {
        collection: key.collection,
        id: key.id,
        before,
        written: record.meta().version.clone(),
    });
    applied.written.push(key);
    T::table_mut(data).put(record);
}

/// Why an import cannot be undone.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum UndoRefused {
    /// These records were edited after the import; undoing would throw those edits away.
    EditedSince(Vec<RecordKey>),
    /// Records the import had added are now used by these records (edited since to point at
    /// them): removing them would leave those pointing at nothing.
    StillUsed(Vec<RecordKey>),
}

/// What undoing changed: records put back, and records the import had added, now removed.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Undone {
    pub reverted: Vec<RecordKey>,
    pub removed: Vec<RecordKey>,
    /// The mark stored with the records put back, so other tabs take the older versions in
    /// and drop the records removed (taken out of storage by it too).
    pub rollback: storage::Rollback,
}

/// Puts back every record the import wrote, exactly as it was (or removes it when the import
/// added it). Refuses, changing nothing, when any of them was edited since, or when a record
/// it would remove is used by another record since. The records to write are those put back
/// (`changed`); the removed ones go with the mark (`Undone::rollback`).
/// It makes no history entry: each record goes back exactly to the version it had, history
/// included (other tabs and the mark go by versions and stored text).
pub fn undo(data: &mut Dataset, undo: &UndoImport) -> Result<Outcome<Undone>, UndoRefused> {
    let mut after = data.clone();
    let undone = undo_in(&mut after, undo)?;
    let removed: FxHashSet<RecordKey> = undone.removed.iter().copied().collect();
    let mut users: Vec<RecordKey> = after
        .referenced_by_any(&removed)
        .into_values()
        .flatten()
        .collect();
    sorting::sort(&mut users);
    users.dedup();
    if !users.is_empty() {
        return Err(UndoRefused::StillUsed(users));
    }
    *data = after;
    let mut undone = undone;
    undone.rollback = storage::Rollback::new(
        undo.entries.iter().map(|e| (e.key(), e.written.clone())),
        data,
    );
    let changed = undone.reverted.clone();
    Ok(Outcome {
        changed,
        ..Outcome::nothing(undone)
    })
}

fn undo_in(data: &mut Dataset, undo: &UndoImport) -> Result<Undone, UndoRefused> {
    fn version<T: Stored>(data: &Dataset, id: &Id) -> Option<VersionVector> {
        T::table(data).get(id).map(|r| r.meta().version.clone())
    }
    let edited: Vec<RecordKey> = undo
        .entries
        .iter()
        .filter(|e| {
            crate::with_record_type!(e.collection, T => version::<T>(data, &e.id)).as_ref()
                != Some(&e.written)
        })
        .map(UndoEntry::key)
        .collect();
    if !edited.is_empty() {
        return Err(UndoRefused::EditedSince(edited));
    }
    let mut undone = Undone::default();
    // Later entries may write the same record again; the first entry holds the state before.
    let mut seen = BTreeSet::new();
    for entry in &undo.entries {
        let key = entry.key();
        if !seen.insert(key) {
            continue;
        }
        match &entry.before {
            Some(before) => {
                storage::decode_record(key, before.get(), data)
                    .expect("the undo holds records this app wrote");
                undone.reverted.push(key);
            }
            None => undone.removed.push(key),
        }
    }
    storage::remove_records(data, &undone.removed);
    Ok(undone)
}
