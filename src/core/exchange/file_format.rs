//! The exported file: a typed header, then the records grouped by collection, each collection in
//! id order and one record per line, so two exports of the same data are byte-identical apart
//! from `exported_at`, and a line number in an error points at one record.
//! The format is described, with an example, in docs/file-format.md.

use std::collections::BTreeSet;
use std::fmt::Write as _;

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::records::known_offices::KnownOffices;
use crate::records::meta::Id;
use crate::records::record::{Collection, RecordKey};
use crate::records::workspace::{Dataset, OfficeProfile, Stored};
use crate::storage::{LoadProblem, QUOTA_UNITS};
use crate::views::references::references;
use crate::views::search::fold;

/// The value of `format`: how a file says it is ours.
pub const FORMAT_NAME: &str = "phoihop";
/// The schema this app writes; every older one is migrated on import (`migrate`).
pub const SCHEMA_VERSION: u32 = 3;
pub const APP_VERSION: &str = env!("CARGO_PKG_VERSION");

/// Bytes of export per UTF-16 unit stored: at most 20.9 measured on generated data at the
/// capacity limit (few agreements, many events: the shape that compresses best in storage,
/// docs/benchmarks.md "Export size"), with a margin for text that compresses better still.
pub const EXPORT_BYTES_PER_STORED_UNIT: usize = 24;

/// The largest file the import reads (120 MiB): what the export of a store filling the whole
/// quota takes, with the margin above. Anything bigger cannot be an export of this app's data
/// and is refused before it is read; every export the app can make stays below it
/// (tests/capacity.rs), and the sharing page warns if one ever does not.
pub const MAX_FILE_BYTES: usize = QUOTA_UNITS * EXPORT_BYTES_PER_STORED_UNIT;

/// What the file holds: everything, or one agreement with what belongs to it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Scope {
    All,
    Agreement { id: Id, title: String },
}

/// The header fields, in the order they are written.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Header {
    pub format: String,
    pub schema_version: u32,
    pub app_version: String,
    pub exported_at: DateTime<Utc>,
    pub office: OfficeProfile,
    pub scope: Scope,
    /// Other offices' names as the exporting office knew them (`known_offices`); absent in
    /// files of older apps, and when it knew none.
    #[serde(default, skip_serializing_if = "KnownOffices::is_empty")]
    pub offices: KnownOffices,
}

/// The top-level keys of the header; every other key is a collection.
pub const HEADER_KEYS: [&str; 7] = [
    "format",
    "schema_version",
    "app_version",
    "exported_at",
    "office",
    "scope",
    "offices",
];

/// The top-level key, after the collections, of what the exporting office could not read.
pub const UNREADABLE_KEY: &str = "unreadable";

/// A stored key (or one record of a bucket) the exporting office could not read, carried in an
/// export of everything with its raw text, so that no backup is silently partial. The import
/// does not take it in (it is not a record it can read); whoever mends the data finds it there.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Unreadable {
    /// The storage key ("phoihop/b/events/01"; one record of a bucket: the bucket's key, `#`
    /// and its place).
    pub key: String,
    /// What was wrong, in the reader's words (English, for whoever mends it; never shown).
    pub problem: String,
    /// The key's text as stored.
    pub raw: String,
}

impl Unreadable {
    /// One item per key that failed to load, in key order (a key reported twice, once).
    pub fn of(problems: &[LoadProblem]) -> Vec<Unreadable> {
        let by_key: std::collections::BTreeMap<&str, &LoadProblem> =
            problems.iter().map(|p| (p.key.as_str(), p)).collect();
        by_key
            .into_values()
            .map(|p| Unreadable {
                key: p.key.clone(),
                problem: p.kind.to_string(),
                raw: p.raw.clone(),
            })
            .collect()
    }
}

impl Header {
    pub fn new(office: &OfficeProfile, scope: Scope, now: DateTime<Utc>) -> Header {
        Header {
            format: FORMAT_NAME.into(),
            schema_version: SCHEMA_VERSION,
            app_version: APP_VERSION.into(),
            exported_at: now,
            office: office.clone(),
            scope,
            offices: KnownOffices::default(),
        }
    }
}

fn json<T: Serialize>(value: &T) -> String {
    serde_json::to_string(value).expect("plain data serialises")
}

/// Writes the file. `only` limits it to a selection (see [`selection`]); None writes everything,
/// deleted records (tombstones) included, so other offices learn of deletions.
pub fn export(data: &Dataset, header: &Header, only: Option<&BTreeSet<RecordKey>>) -> String {
    let mut writer = ExportWriter::new(header.clone(), only.cloned(), Vec::new());
    writer.step(data, usize::MAX);
    writer.take()
}

/// Writes a file of everything, with what could not be read from storage after the
/// collections (no section when everything was read: the file is then as [`export`] writes it).
pub fn export_everything(data: &Dataset, header: &Header, unreadable: &[Unreadable]) -> String {
    let mut writer = ExportWriter::new(header.clone(), None, unreadable.to_vec());
    writer.step(data, usize::MAX);
    writer.take()
}

/// Writes a file a slice of records at a time, so that a large export shows its progress and the
/// page paints between slices; [`export`] is every slice at once, the same text.
///
/// Each step reads the records as they are then: a record edited between two steps is written
/// at the edition it has when its turn comes, each a whole record (a merge takes any edition).
pub struct ExportWriter {
    header: Header,
    only: Option<BTreeSet<RecordKey>>,
    unreadable: Vec<Unreadable>,
    /// The collection being written (its place in `Collection::ALL`; past the end: done).
    collection: usize,
    /// The last id written (or passed over) of that collection.
    after: Option<Id>,
    /// Whether that collection's list is opened, and any record of it written yet.
    opened: bool,
    wrote_any: bool,
    started: bool,
    /// Records looked at so far (written, or passed over when not in the selection).
    looked_at: usize,
    out: String,
}

impl ExportWriter {
    pub fn new(
        header: Header,
        only: Option<BTreeSet<RecordKey>>,
        unreadable: Vec<Unreadable>,
    ) -> ExportWriter {
        ExportWriter {
            header,
            only,
            unreadable,
            collection: 0,
            after: None,
            opened: false,
            wrote_any: false,
            started: false,
            looked_at: 0,
            out: String::with_capacity(1 << 16),
        }
    }

    /// Writes at most `records` more records of `data` (those outside the selection count too);
    /// true once the file is whole.
    pub fn step(&mut self, data: &Dataset, records: usize) -> bool {
        if !self.started {
            self.started = true;
            self.write_header();
        }
        let mut budget = records;
        while let Some(&collection) = Collection::ALL.get(self.collection) {
            if !self.opened {
                self.opened = true;
                let _ = write!(self.out, ",\n\"{}\":[", collection.as_str());
            }
            let finished = crate::with_record_type!(collection, T => self.write_records::<T>(data, &mut budget));
            if !finished {
                return false;
            }
            if self.wrote_any {
                self.out.push('\n');
            }
            self.out.push(']');
            self.collection += 1;
            self.after = None;
            self.opened = false;
            self.wrote_any = false;
        }
        if self.collection == Collection::ALL.len() {
            self.collection += 1;
            self.write_unreadable();
            self.out.push_str("\n}\n");
        }
        true
    }

    /// Records looked at so far (of [`ExportWriter::step`]'s count).
    pub fn looked_at(&self) -> usize {
        self.looked_at
    }

    /// The text written since the last call (the whole file, when called once at the end).
    pub fn take(&mut self) -> String {
        std::mem::take(&mut self.out)
    }

    fn write_header(&mut self) {
        let (header, out) = (&self.header, &mut self.out);
        out.push_str("{\n");
        let _ = writeln!(out, "\"format\":{},", json(&header.format));
        let _ = writeln!(out, "\"schema_version\":{},", header.schema_version);
        let _ = writeln!(out, "\"app_version\":{},", json(&header.app_version));
        let _ = writeln!(out, "\"exported_at\":{},", json(&header.exported_at));
        let _ = writeln!(out, "\"office\":{},", json(&header.office));
        let _ = write!(out, "\"scope\":{}", json(&header.scope));
        if !header.offices.is_empty() {
            let _ = write!(out, ",\n\"offices\":{}", json(&header.offices));
        }
    }

    /// The rest of one collection, within the budget; true when it is all written.
    fn write_records<T: Stored>(&mut self, data: &Dataset, budget: &mut usize) -> bool {
        use std::ops::Bound::{Excluded, Unbounded};
        let from = self.after.map_or(Unbounded, Excluded);
        // Tables are ordered by id: the stable order that makes exports byte-identical.
        for record in T::table(data).after(from) {
            if *budget == 0 {
                return false;
            }
            *budget -= 1;
            self.looked_at += 1;
            self.after = Some(record.id());
            let key = RecordKey {
                collection: T::COLLECTION,
                id: record.id(),
            };
            if self.only.as_ref().is_some_and(|keys| !keys.contains(&key)) {
                continue;
            }
            self.out.push_str(if self.wrote_any { ",\n" } else { "\n" });
            self.wrote_any = true;
            self.out.push_str(&json(record));
        }
        true
    }

    fn write_unreadable(&mut self) {
        if self.unreadable.is_empty() {
            return;
        }
        let _ = write!(self.out, ",\n\"{UNREADABLE_KEY}\":[");
        for (i, item) in self.unreadable.iter().enumerate() {
            self.out.push_str(if i == 0 { "\n" } else { ",\n" });
            self.out.push_str(&json(item));
        }
        self.out.push_str("\n]");
    }
}

/// A file name safe on Windows, macOS and Linux: phoihop-<office>[-<what>]-<yyyy-mm-dd>.json,
/// Vietnamese letters folded to ASCII and everything else but letters and digits made a dash.
pub fn file_name(office_name: &str, what: Option<&str>, day: NaiveDate) -> String {
    let mut name = String::from("phoihop");
    for part in [Some(office_name), what].into_iter().flatten() {
        let slug = slug(part, 40);
        if !slug.is_empty() {
            name.push('-');
            name.push_str(&slug);
        }
    }
    format!("{name}-{}.json", day.format("%Y-%m-%d"))
}

pub(crate) fn slug(text: &str, max: usize) -> String {
    let folded: String = fold(text)
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { ' ' })
        .collect();
    let mut out = String::new();
    for word in folded.split_whitespace() {
        if out.len() + word.len() + 1 > max {
            break;
        }
        if !out.is_empty() {
            out.push('-');
        }
        out.push_str(word);
    }
    out
}

/// Shared reference data: pulled into a selection only when something selected refers to it.
pub const DIRECTORY: [Collection; 2] = [Collection::Organisations, Collection::People];

/// Links to a neighbour in time rather than an owner: following them would pull in every
/// period before and after.
const NOT_OWNERSHIP: [&str; 1] = ["supersedes"];

/// One agreement with everything that belongs to it, and the directory records they refer to.
///
/// "Belongs to" is generic: any non-directory record (a plan, and as collections are added,
/// an event or a recommendation) that refers to a selected record, other than through
/// `supersedes`, is selected too, transitively. Then every organisation and person the selection
/// refers to is added, transitively (an organisation's parent). Deleted records are included
/// so the other office learns of deletions.
pub fn selection(data: &Dataset, root: RecordKey) -> BTreeSet<RecordKey> {
    let all = record_values(data);
    let mut selected = BTreeSet::from([root]);
    // Owners first: grow until no record refers to the selection any more.
    loop {
        let owners: BTreeSet<Id> = selected.iter().map(|k| k.id).collect();
        let before = selected.len();
        for (key, value) in &all {
            if DIRECTORY.contains(&key.collection) || selected.contains(key) {
                continue;
            }
            let belongs = references(value)
                .iter()
                .any(|r| owners.contains(&r.id) && !NOT_OWNERSHIP.contains(&r.field()));
            if belongs {
                selected.insert(*key);
            }
        }
        if selected.len() == before {
            break;
        }
    }
    // Then the directory records they refer to, and theirs.
    let directory: std::collections::BTreeMap<Id, RecordKey> = all
        .iter()
        .filter(|(key, _)| DIRECTORY.contains(&key.collection))
        .map(|(key, _)| (key.id, *key))
        .collect();
    let values: std::collections::BTreeMap<RecordKey, &Value> =
        all.iter().map(|(k, v)| (*k, v)).collect();
    let mut todo: Vec<RecordKey> = selected.iter().copied().collect();
    while let Some(key) = todo.pop() {
        let Some(value) = values.get(&key) else {
            continue;
        };
        for reference in references(value) {
            if let Some(target) = directory.get(&reference.id) {
                if selected.insert(*target) {
                    todo.push(*target);
                }
            }
        }
    }
    selected
}

fn record_values(data: &Dataset) -> Vec<(RecordKey, Value)> {
    fn values<T: Stored>(data: &Dataset, out: &mut Vec<(RecordKey, Value)>) {
        for record in T::table(data).iter_all() {
            let key = RecordKey {
                collection: T::COLLECTION,
                id: record.id(),
            };
            out.push((
                key,
                serde_json::to_value(record).expect("records serialise"),
            ));
        }
    }
    let mut out = Vec::new();
    for collection in Collection::ALL {
        crate::with_record_type!(collection, T => values::<T>(data, &mut out));
    }
    out
}

#[cfg(test)]
mod tests;
