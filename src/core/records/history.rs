//! Each record's history: who changed it, when, at which office, how the change arrived, and
//! what changed field by field. The entries live in the record's envelope (`Meta::history`), so
//! they are stored, exported and imported with it; merging two versions unites their entries
//! by id, so none is lost or doubled. Beyond the newest [`KEEP_WHOLE`], older entries are
//! folded into one summary ([`Folded`], `Meta::folded_changes`) to keep storage bounded.
//!
//! History is not the record's content: two copies that differ only in their entries say the
//! same thing (`merge::same_content`), and an entry is made only with a new version (an edit,
//! a merge's joined version), never on its own.

use super::sorting;
use std::collections::{BTreeMap, BTreeSet};

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::quick_serde::quick;

use uuid::Uuid;

/// (The envelope's own names, without importing it: `meta` holds the history.)
type Id = Uuid;
type OfficeId = Uuid;

/// A text longer than this many characters is kept as its head and tail (see [`Excerpt`]).
pub const LONGEST_WHOLE: usize = 200;
/// How much of a shortened text is kept: its first and last characters.
pub const HEAD_CHARS: usize = 120;
pub const TAIL_CHARS: usize = 40;

/// One change of a record.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Change {
    /// Unique among every office's entries of the record (a hash of the record, office, edit
    /// count and time): merges unite entries by it.
    pub id: String,
    #[serde(with = "quick")]
    pub at: DateTime<Utc>,
    #[serde(with = "quick")]
    pub office: OfficeId,
    /// The person's name as Settings held it; empty when nobody had given one.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub by: String,
    pub how: How,
    /// The record's first version (its fields are not listed).
    #[serde(default, skip_serializing_if = "is_false")]
    pub created: bool,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub fields: Vec<FieldChange>,
    /// Fields of a newer app, kept.
    #[serde(flatten)]
    pub unknown: BTreeMap<String, Value>,
}

impl Change {
    /// The entry of the edit that made `now` (a record's JSON) out of `was` (none: created),
    /// `office`'s `edit`th edit of record `record`, at `at`, by `by`.
    pub fn of_edit(
        record: Id,
        (office, edit, at): (OfficeId, u64, DateTime<Utc>),
        by: &str,
        how: How,
        was: Option<&Value>,
        now: &Value,
    ) -> Change {
        Change {
            id: entry_id(record, office, edit, at),
            at,
            office,
            by: by.to_string(),
            how,
            created: was.is_none(),
            fields: was.map(|was| diff(was, now)).unwrap_or_default(),
            unknown: BTreeMap::new(),
        }
    }
}

fn is_false(b: &bool) -> bool {
    !*b
}

/// How a change arrived.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum How {
    /// Typed into a form (or a control) of this app.
    Typed,
    /// An import's conflict settled by taking the file's version (or keeping both: the file's
    /// copy as a new record): the file came from `from`.
    Imported { from: OfficeId },
    /// A conflict settled field by field or by keeping this office's version; `with`, the
    /// office of the other version when it came in a file.
    ConflictChoice {
        #[serde(default, skip_serializing_if = "Option::is_none")]
        with: Option<OfficeId>,
    },
    /// A deleted record brought back.
    Undeleted,
    /// Put back as a snapshot taken at `taken` held it.
    SnapshotRestored { taken: DateTime<Utc> },
    /// A way of a newer app, kept as written: its file still imports, and the entry travels on.
    #[serde(untagged)]
    Unknown(Value),
}

/// One field of a change: where (`parties[1].organisation`), and its value before and after
/// (absent: the field or item did not exist).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FieldChange {
    pub path: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub before: Option<Excerpt>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub after: Option<Excerpt>,
    #[serde(flatten)]
    pub unknown: BTreeMap<String, Value>,
}

/// A value as history keeps it: whole; or, for a text longer than [`LONGEST_WHOLE`]
/// characters, the part that changed with [`CONTEXT_CHARS`] characters either side and how many
/// were left out before and after it (`Part`), that part itself kept as its first
/// [`HEAD_CHARS`] and last [`TAIL_CHARS`] characters when still too long (`Shortened`). The
/// record holds the whole text; history says what changed.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum Excerpt {
    Whole(String),
    Shortened {
        head: String,
        tail: String,
        left_out: usize,
    },
    Part {
        text: String,
        skipped_before: usize,
        skipped_after: usize,
    },
}

/// Characters kept either side of the part of a long text that changed.
pub const CONTEXT_CHARS: usize = 30;

/// The changed parts of two long texts (see [`Excerpt`]); short texts whole.
fn excerpts(before: &str, after: &str) -> (Excerpt, Excerpt) {
    let (b, a): (Vec<char>, Vec<char>) = (before.chars().collect(), after.chars().collect());
    if b.len().max(a.len()) <= LONGEST_WHOLE {
        return (Excerpt::of(before), Excerpt::of(after));
    }
    let common_start = b.iter().zip(&a).take_while(|(x, y)| x == y).count();
    let most_end = b.len().min(a.len()) - common_start;
    let common_end = b
        .iter()
        .rev()
        .zip(a.iter().rev())
        .take(most_end)
        .take_while(|(x, y)| x == y)
        .count();
    let skip_start = common_start.saturating_sub(CONTEXT_CHARS);
    let skip_end = common_end.saturating_sub(CONTEXT_CHARS);
    let part = |chars: &[char]| {
        let middle: String = chars[skip_start..chars.len() - skip_end].iter().collect();
        if skip_start == 0 && skip_end == 0 {
            return Excerpt::of(&middle);
        }
        match Excerpt::of(&middle) {
            Excerpt::Whole(text) => Excerpt::Part {
                text,
                skipped_before: skip_start,
                skipped_after: skip_end,
            },
            shortened => shortened,
        }
    };
    (part(&b), part(&a))
}

impl Excerpt {
    pub fn of(text: &str) -> Excerpt {
        let chars = text.chars().count();
        if chars <= LONGEST_WHOLE {
            return Excerpt::Whole(text.to_string());
        }
        Excerpt::Shortened {
            head: text.chars().take(HEAD_CHARS).collect(),
            tail: text.chars().skip(chars - TAIL_CHARS).collect(),
            left_out: chars - HEAD_CHARS - TAIL_CHARS,
        }
    }
}

/// The fields that are the envelope, not the record's content.
pub const ENVELOPE: [&str; 7] = [
    "id",
    "created",
    "updated",
    "version",
    "deleted",
    "changes",
    "folded_changes",
];

/// What changed between two versions of a record (their JSON), field by field, in path order:
/// objects by key, lists item by item (`areas[2].title`); the envelope is left out but for
/// `deleted`.
pub fn diff(before: &Value, after: &Value) -> Vec<FieldChange> {
    let mut changes = Vec::new();
    let deleted = |v: &Value| v.get("deleted").and_then(Value::as_bool).unwrap_or(false);
    if deleted(before) != deleted(after) {
        changes.push(FieldChange {
            path: "deleted".into(),
            before: Some(Excerpt::of(&deleted(before).to_string())),
            after: Some(Excerpt::of(&deleted(after).to_string())),
            unknown: BTreeMap::new(),
        });
    }
    let (Value::Object(b), Value::Object(a)) = (before, after) else {
        return changes;
    };
    let keys = sorting::set_of(b.keys().chain(a.keys()));
    for key in keys.into_iter().filter(|k| !ENVELOPE.contains(&k.as_str())) {
        walk(key, b.get(key), a.get(key), &mut changes);
    }
    changes
}

fn walk(path: &str, before: Option<&Value>, after: Option<&Value>, out: &mut Vec<FieldChange>) {
    let before = before.filter(|v| !v.is_null());
    let after = after.filter(|v| !v.is_null());
    if before == after {
        return;
    }
    // At least one side is there; a missing side counts as an empty object or list.
    let both =
        |kind: fn(&Value) -> bool| before.is_none_or(|v| kind(v)) && after.is_none_or(|v| kind(v));
    if both(Value::is_object) {
        let empty = serde_json::Map::new();
        let b = before.and_then(Value::as_object).unwrap_or(&empty);
        let a = after.and_then(Value::as_object).unwrap_or(&empty);
        let keys = sorting::set_of(b.keys().chain(a.keys()));
        for key in keys {
            walk(&format!("{path}.{key}"), b.get(key), a.get(key), out);
        }
    } else if both(Value::is_array) {
        let empty = Vec::new();
        let b = before.and_then(Value::as_array).unwrap_or(&empty);
        let a = after.and_then(Value::as_array).unwrap_or(&empty);
        for i in 0..b.len().max(a.len()) {
            walk(&format!("{path}[{i}]"), b.get(i), a.get(i), out);
        }
    } else {
        let (before, after) = match (before, after) {
            (Some(Value::String(b)), Some(Value::String(a))) => {
                let (b, a) = excerpts(b, a);
                (Some(b), Some(a))
            }
            _ => (before.map(leaf), after.map(leaf)),
        };
        out.push(FieldChange {
            path: path.to_string(),
            before,
            after,
            unknown: BTreeMap::new(),
        });
    }
}

fn leaf(value: &Value) -> Excerpt {
    match value {
        Value::String(text) => Excerpt::of(text),
        other => Excerpt::of(&other.to_string()),
    }
}

/// The id of the entry `office` makes at `at` as its `edit`th edit of record `record`: the same
/// inputs give the same id (generated data stays deterministic), and two entries that differ
/// in any of them get different ids.
pub fn entry_id(record: Id, office: OfficeId, edit: u64, at: DateTime<Utc>) -> String {
    // FNV-1a over the inputs, as 16 hex digits.
    let mut bytes = Vec::with_capacity(48);
    bytes.extend_from_slice(record.as_bytes());
    bytes.extend_from_slice(office.as_bytes());
    bytes.extend_from_slice(&edit.to_le_bytes());
    bytes.extend_from_slice(
        &at.timestamp_nanos_opt()
            .unwrap_or(at.timestamp())
            .to_le_bytes(),
    );
    let fnv = |offset: u64| {
        bytes.iter().fold(offset, |h, b| {
            (h ^ u64::from(*b)).wrapping_mul(0x0000_0100_0000_01B3)
        })
    };
    // 64 bits: unique among one record's entries with room to spare, and a third of what a
    // UUID takes in storage.
    format!("{:016x}", fnv(0xcbf2_9ce4_8422_2325))
}

/// How many of a record's newest entries stay whole; older ones are folded into its
/// [`Folded`] summary. Five recent edits answer "who changed this lately, and what was it
/// before?"; older ones keep who, when and which fields. A folded entry costs about 60% of a
/// whole one in storage (its id stays: docs/benchmarks.md, "Folding older entries").
pub const KEEP_WHOLE: usize = 5;

/// A record's older changes folded into one summary to save storage: which entries (their ids,
/// so a merge never brings one back whole nor counts it twice), and, of them all, the earliest
/// and latest time, the offices, the people and the fields changed (top-level names). Every
/// part is a set or a bound, so two summaries join alike in any order ([`Folded::join`]).
///
/// Invariant of a record's history (kept by [`fold`]): no entry is both whole and folded, and
/// every whole entry is newer than `latest`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Folded {
    pub ids: BTreeSet<String>,
    #[serde(with = "quick")]
    pub earliest: DateTime<Utc>,
    #[serde(with = "quick")]
    pub latest: DateTime<Utc>,
    #[serde(default, skip_serializing_if = "BTreeSet::is_empty")]
    pub offices: BTreeSet<OfficeId>,
    /// The names given (an entry without one adds none).
    #[serde(default, skip_serializing_if = "BTreeSet::is_empty")]
    pub people: BTreeSet<String>,
    /// The top-level fields changed (`parties`, not `parties[1].role`): bounded by the record's
    /// fields, however many entries are folded.
    #[serde(default, skip_serializing_if = "BTreeSet::is_empty")]
    pub fields: BTreeSet<String>,
    /// Fields of a newer app, kept.
    #[serde(flatten)]
    pub unknown: BTreeMap<String, Value>,
}

impl Folded {
    fn of(entry: &Change) -> Folded {
        let mut folded = Folded {
            ids: BTreeSet::new(),
            earliest: entry.at,
            latest: entry.at,
            offices: BTreeSet::new(),
            people: BTreeSet::new(),
            fields: BTreeSet::new(),
            unknown: BTreeMap::new(),
        };
        folded.add(entry);
        folded
    }

    fn add(&mut self, entry: &Change) {
        self.ids.insert(entry.id.clone());
        self.earliest = self.earliest.min(entry.at);
        self.latest = self.latest.max(entry.at);
        self.offices.insert(entry.office);
        if !entry.by.is_empty() {
            self.people.insert(entry.by.clone());
        }
        self.fields
            .extend(entry.fields.iter().map(|f| top_level(&f.path).to_string()));
    }

    /// Both summaries in one: every set united, the outer bounds. (A newer app's field held by
    /// both with different values keeps the greater, so either order gives the same.)
    pub fn join(&mut self, other: &Folded) {
        self.ids.extend(other.ids.iter().cloned());
        self.earliest = self.earliest.min(other.earliest);
        self.latest = self.latest.max(other.latest);
        self.offices.extend(other.offices.iter().copied());
        self.people.extend(other.people.iter().cloned());
        self.fields.extend(other.fields.iter().cloned());
        for (key, value) in &other.unknown {
            match self.unknown.get(key) {
                Some(mine) if mine.to_string() >= value.to_string() => {}
                _ => {
                    self.unknown.insert(key.clone(), value.clone());
                }
            }
        }
    }

    /// How many changes are folded.
    pub fn count(&self) -> usize {
        self.ids.len()
    }
}

/// `parties` of `parties[1].role`.
fn top_level(path: &str) -> &str {
    path.split(['.', '[']).next().unwrap_or(path)
}

/// Unites `theirs` (entries and summary) into `mine`: every change of either once, whole or
/// folded, then [`fold`]ed. The result depends only on what both hold together, so the union
/// is commutative, associative and idempotent.
pub fn unite(
    (entries, folded): (&mut Vec<Change>, &mut Option<Folded>),
    (their_entries, their_folded): (&[Change], Option<&Folded>),
) {
    let nothing_new = their_entries
        .iter()
        .all(|t| entries.iter().any(|m| m.id == t.id))
        && their_folded == folded.as_ref();
    if !nothing_new {
        if let Some(theirs) = their_folded {
            match folded {
                Some(mine) => mine.join(theirs),
                None => *folded = Some(theirs.clone()),
            }
        }
        let known: std::collections::HashSet<String> =
            entries.iter().map(|c| c.id.clone()).collect();
        entries.extend(
            their_entries
                .iter()
                .filter(|t| !known.contains(&t.id))
                .cloned(),
        );
    }
    fold(entries, folded, KEEP_WHOLE);
}

/// Brings a history to its folded form: entries the summary holds are dropped (folded
/// elsewhere already), entries no newer than the summary's latest are folded, then, beyond the
/// newest `keep`, the oldest are folded (all of one instant together, so whether an entry is
/// folded depends only on the history, not on the order merges came in). Oldest first.
pub fn fold(entries: &mut Vec<Change>, folded: &mut Option<Folded>, keep: usize) {
    sort(entries);
    // (An entry the summary holds is no newer than its latest, so the bound below would fold
    // it again, harmlessly; a summary not true to its times, as a file edited by hand may hold,
    // must still not leave an entry both whole and folded.)
    if let Some(summary) = folded.as_ref() {
        entries.retain(|e| !summary.ids.contains(&e.id));
    }
    let beyond_keep = entries
        .len()
        .checked_sub(keep + 1)
        .map(|newest_folded| entries[newest_folded].at);
    let Some(bound) = beyond_keep.max(folded.as_ref().map(|s| s.latest)) else {
        return;
    };
    let older = entries.iter().take_while(|e| e.at <= bound).count();
    for entry in entries.drain(..older) {
        match folded {
            Some(summary) => summary.add(&entry),
            None => *folded = Some(Folded::of(&entry)),
        }
    }
}

/// Oldest first; entries of the same instant by id, so every office orders them alike.
pub fn sort(entries: &mut [Change]) {
    sorting::sort_by(entries, |a, b| {
        a.at.cmp(&b.at).then_with(|| a.id.cmp(&b.id))
    });
}

#[cfg(test)]
mod tests;
