//! Reading a file another office exported. Nothing here writes: [`read_file`] checks the file in
//! a fixed order and either refuses it with one message saying where ([`FileError`]), or hands
//! back its records for the preview ([`preview`]), which the user confirms before anything changes.
//!
//! The checks, in order: size; UTF-8 and JSON syntax (line and column); our format; the schema
//! version (newer: refused; older: migrated); every header field and record against the schema
//! (its path and the bad value); duplicate ids. References to records that are neither in the
//! file nor here, and the forms' rules broken by a record the import would write ([`rules`]),
//! are warnings, listed in the preview.

mod error;
mod fingerprints;
mod incoming;
mod paced;
pub mod preview;
mod rules;
mod scan;
mod top;

use std::borrow::Cow;
use std::collections::BTreeMap;

use rustc_hash::{FxHashMap, FxHashSet};

use serde::de::{DeserializeOwned, IgnoredAny};
use serde_json::value::RawValue;
use serde_json::Value;

pub use error::{Arg, Expected, FileError, JsonKind, JsonReason, Message, NotOurs, SchemaProblem};
pub use fingerprints::{Fingerprints, Refreshing};
pub use incoming::{Incoming, IncomingFile, Recognised, RecognisedRecords};
pub use paced::{AtOnce, Local, Pace};
pub use preview::{apply, preview, undo, Applied, Group, Preview, UndoImport};
pub use rules::Rule;

use crate::exchange::file_format::{
    Header, Scope, Unreadable, FORMAT_NAME, HEADER_KEYS, SCHEMA_VERSION, UNREADABLE_KEY,
};
use crate::exchange::migrate;
use crate::records::known_offices::KnownOffices;
use crate::records::meta::{Id, Meta, OfficeId};
use crate::records::record::{Collection, RecordKey};
use crate::records::workspace::{Dataset, OfficeProfile, Stored};
use crate::storage::codec::MAX_RECORD_DEPTH;
use crate::views::references::{item_ids, references, scan_raw};
use top::{Section, Seen, Span, TopLevel};

/// Files above this are refused before they are read: derived from what storage can hold.
pub use crate::exchange::file_format::MAX_FILE_BYTES;

/// The most edits a version vector may count for one office: far beyond what any office can
/// make (a million edits a day for 24 million years), and the largest integer JavaScript (a
/// spreadsheet, a script) reads exactly, 2^53 - 1. Beyond it a counter is refused with its path:
/// a counter at u64's end wraps to 0 on the next edit, and that office's edits would lose every
/// later merge.
pub const MAX_EDITS: u64 = (1 << 53) - 1;

/// Warnings built for the preview; any more are only counted (`IncomingFile::unlisted_warnings`).
/// A file of 70,000 broken records would otherwise build 280,000 sentences nobody reads.
pub const MAX_WARNINGS_LISTED: usize = 1_000;

/// Something worth knowing that does not stop the import.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Warning {
    /// A record refers to one that is neither in the file nor here.
    MissingReference {
        record: RecordKey,
        path: String,
        id: Id,
    },
    /// A top-level key this version does not know (a collection of a newer app): skipped.
    UnknownSection { name: String },
    /// A record the import would write breaks a rule its form enforces: taken as it is.
    BrokenRule {
        record: RecordKey,
        path: String,
        rule: Rule,
    },
    /// The file says it was exported by this office (its header's office id is ours).
    FromThisOffice,
    /// A record's version counts more edits by this office (`claimed`) than this office made
    /// of it (`made`; `None` when the record is not here). Only an office counts its own edits,
    /// so the file was altered, or comes from a copy of this installation: such a version would
    /// win over ours without a word. The preview shows it as a conflict when ours differs
    /// (`merge::relation_for`).
    ClaimsOurEdits {
        record: RecordKey,
        path: String,
        claimed: u64,
        made: Option<u64>,
    },
}

impl Warning {
    /// The record of the file it is about (the preview names it beside the path).
    pub fn record(&self) -> Option<RecordKey> {
        match self {
            Warning::MissingReference { record, .. }
            | Warning::BrokenRule { record, .. }
            | Warning::ClaimsOurEdits { record, .. } => Some(*record),
            Warning::UnknownSection { .. } | Warning::FromThisOffice => None,
        }
    }

    /// The sentence shown in the preview (worded in locales/<language>/sharing.ftl).
    pub fn message(&self) -> Message {
        match self {
            Warning::MissingReference { path, id, .. } => {
                Message::new("import-warning-missing-reference")
                    .text("path", path.clone())
                    .text("id", id.to_string())
            }
            Warning::UnknownSection { name } => {
                Message::new("import-warning-unknown-section").text("name", name.clone())
            }
            Warning::BrokenRule { path, rule, .. } => Message::new("import-warning-rule")
                .text("path", path.clone())
                .message("problem", rule.message()),
            Warning::FromThisOffice => Message::new("import-warning-from-this-office"),
            Warning::ClaimsOurEdits {
                path,
                claimed,
                made,
                ..
            } => match made {
                Some(made) => {
                    Message::new("import-warning-claims-our-edits").number("made", *made as f64)
                }
                None => Message::new("import-warning-claims-our-edits-new"),
            }
            .text("path", path.clone())
            .number("claimed", *claimed as f64),
        }
    }
}

/// Where a record sits in the file: its collection's list and its index there, written
/// "agreements[3]" as in the schema error paths.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct FilePlace {
    pub collection: Collection,
    pub index: usize,
}

impl std::fmt::Display for FilePlace {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}[{}]", self.collection.as_str(), self.index)
    }
}

/// Checks a file and reads its records for this office (`office`, whose own edits a file can
/// only repeat, never add to); `local` is only looked at (for missing references and the forms'
/// rules, and with `known`, its fingerprints, for records exactly ours, which need no building
/// or check).
///
/// Given the bytes to keep (a `Vec`), the file holds on to them for the records recognised as
/// ours, where a borrowed slice is copied.
pub fn read_file<'b>(
    bytes: impl Into<Cow<'b, [u8]>>,
    local: &Dataset,
    office: OfficeId,
    known: &Fingerprints,
) -> Result<IncomingFile, FileError> {
    paced::at_once(read(
        bytes.into(),
        &(local, known),
        office,
        &mut AtOnce,
        true,
    ))
}

/// [`read_file`] a slice of records at a time: `pace` pauses between slices (the page paints
/// and shows how far it is), and `local` lends our data and fingerprints within each slice.
pub async fn read_file_paced(
    bytes: Vec<u8>,
    local: &impl Local,
    office: OfficeId,
    pace: &mut impl Pace,
) -> Result<IncomingFile, FileError> {
    read(Cow::Owned(bytes), local, office, pace, true).await
}

/// [`read_file`] the careful way only, never the quick scan: tests and the fuzz target check
/// that both ways give the same answer.
#[doc(hidden)]
pub fn read_file_carefully<'b>(
    bytes: impl Into<Cow<'b, [u8]>>,
    local: &Dataset,
    office: OfficeId,
    known: &Fingerprints,
) -> Result<IncomingFile, FileError> {
    paced::at_once(read(
        bytes.into(),
        &(local, known),
        office,
        &mut AtOnce,
        false,
    ))
}

/// Where the file is read: this office, its data and their fingerprints (lent for one slice at
/// a time: see [`Local`]).
struct Here<'a> {
    data: &'a Dataset,
    office: OfficeId,
    known: &'a Fingerprints,
}

async fn read(
    whole: Cow<'_, [u8]>,
    local: &impl Local,
    office: OfficeId,
    pace: &mut impl Pace,
    quick: bool,
) -> Result<IncomingFile, FileError> {
    let mut file = read_text(&whole, local, office, pace, quick).await?;
    // The text of the records recognised as ours: the file's, less a byte-order mark.
    file.keep_text(|| match whole {
        Cow::Borrowed(bytes) => bytes.strip_prefix(BOM).unwrap_or(bytes).to_vec(),
        Cow::Owned(mut bytes) => {
            if bytes.starts_with(BOM) {
                bytes.drain(..BOM.len());
            }
            bytes
        }
    });
    Ok(file)
}

const BOM: &[u8] = b"\xEF\xBB\xBF";

async fn read_text(
    bytes: &[u8],
    local: &impl Local,
    office: OfficeId,
    pace: &mut impl Pace,
    quick: bool,
) -> Result<IncomingFile, FileError> {
    if bytes.len() > MAX_FILE_BYTES {
        return Err(FileError::TooLarge {
            bytes: bytes.len(),
            limit: MAX_FILE_BYTES,
        });
    }
    // With its byte-order mark or without: JSON in UTF-8 never holds a NUL byte, and UTF-16
    // puts one beside every ASCII character (`{` is 7B 00 or 00 7B).
    if bytes.starts_with(&[0xFF, 0xFE])
        || bytes.starts_with(&[0xFE, 0xFF])
        || matches!(bytes, [a, b, ..] if (*a == 0) != (*b == 0))
    {
        return Err(FileError::Utf16);
    }
    // Notepad and Excel write a byte-order mark; it is not an error.
    let bytes = bytes.strip_prefix(BOM).unwrap_or(bytes);
    // The quick way, for a valid export of this schema. Anything else, or any problem on the
    // way, and the file is read again the careful way, which words the problem.
    let split = quick
        .then(|| local.with(|_, known| scan::split(bytes, known)))
        .flatten();
    if let Some(top) = split {
        if let Ok(file) = read_top(top, bytes, local, office, pace).await {
            return Ok(file);
        }
    }
    let text = std::str::from_utf8(bytes).map_err(|e| {
        let (line, column) = line_column(&bytes[..e.valid_up_to()]);
        FileError::NotJson {
            line,
            column,
            reason: JsonReason::BadUtf8,
        }
    })?;
    if text.trim().is_empty() {
        return Err(FileError::Empty);
    }
    read_checked(text, local, office, pace).await
}

fn not_json(error: &serde_json::Error, text: &str) -> FileError {
    FileError::NotJson {
        line: error.line(),
        column: error.column(),
        reason: error::json_reason_of(error, text),
    }
}

fn not_json_bytes(error: &serde_json::Error, text: &[u8]) -> FileError {
    not_json(error, &String::from_utf8_lossy(text))
}

/// Line and column (1-based, in characters) just after `before`.
fn line_column(before: &[u8]) -> (usize, usize) {
    let text = String::from_utf8_lossy(before);
    let line = text.matches('\n').count() + 1;
    let column = text.rsplit('\n').next().unwrap_or("").chars().count() + 1;
    (line, column)
}

fn kind_of_json(text: &str) -> JsonKind {
    match text.trim_start().chars().next() {
        Some('[') => JsonKind::Array,
        Some('"') => JsonKind::String,
        Some('t' | 'f') => JsonKind::Boolean,
        Some('n') => JsonKind::Null,
        _ => JsonKind::Number,
    }
}

/// The checks from JSON syntax on, on UTF-8 text.
async fn read_checked(
    text: &str,
    local: &impl Local,
    office: OfficeId,
    pace: &mut impl Pace,
) -> Result<IncomingFile, FileError> {
    // One pass checks the syntax of the whole file and splits it into header fields and records.
    let top = match serde_json::from_str(text) {
        Ok(top) => top,
        Err(e) if e.is_syntax() || e.is_eof() => return Err(not_json(&e, text)),
        Err(_) => {
            // Not an object; but a syntax error further on still comes first.
            serde_json::from_str::<IgnoredAny>(text).map_err(|e| not_json(&e, text))?;
            return Err(FileError::NotOurs(NotOurs::NotAnObject {
                found: kind_of_json(text),
            }));
        }
    };
    read_top(top, text.as_bytes(), local, office, pace).await
}

/// The checks from our format on, on the file's top level split from `text` (its syntax
/// checked, or by [`scan`]: see there).
async fn read_top(
    top: TopLevel<'_>,
    text: &[u8],
    local: &impl Local,
    office: OfficeId,
    pace: &mut impl Pace,
) -> Result<IncomingFile, FileError> {
    let TopLevel {
        fields: top,
        collections,
        twice,
    } = top;
    if let Some(name) = twice {
        return Err(FileError::KeyTwice { name });
    }
    match top.get("format").map(|raw| raw.get()) {
        None => return Err(FileError::NotOurs(NotOurs::NoFormat)),
        Some(raw) if serde_json::from_str::<String>(raw).ok().as_deref() == Some(FORMAT_NAME) => {}
        Some(raw) => {
            return Err(FileError::NotOurs(NotOurs::OtherFormat {
                found: raw.to_string(),
            }))
        }
    }
    let raw_version = top
        .get("schema_version")
        .map(|raw| raw.get())
        .ok_or(FileError::SchemaVersion { found: None })?;
    let version = serde_json::from_str::<u64>(raw_version)
        .ok()
        .filter(|&v| v >= 1)
        .ok_or_else(|| FileError::SchemaVersion {
            found: Some(raw_version.to_string()),
        })?;
    if version > u64::from(SCHEMA_VERSION) {
        return Err(FileError::NewerSchema {
            found: version,
            written_by: top
                .get("app_version")
                .and_then(|raw| serde_json::from_str::<String>(raw.get()).ok()),
        });
    }
    let migrated_as_is =
        version < u64::from(SCHEMA_VERSION) && migrate::reads_as_is(version as u32);
    if version < u64::from(SCHEMA_VERSION) && !migrated_as_is {
        let mut value: Value =
            serde_json::from_slice(text).map_err(|e| not_json_bytes(&e, text))?;
        migrate::migrate(&mut value, version as u32).map_err(FileError::Migration)?;
        let migrated = serde_json::to_string(&value).expect("JSON values serialise");
        // Boxed: the migrated text is read again by the same steps (an async recursion).
        let again: std::pin::Pin<Box<dyn std::future::Future<Output = _> + '_>> =
            Box::pin(read_checked(&migrated, local, office, pace));
        let mut file = again.await?;
        file.migrated_from = Some(version as u32);
        file.keep_text(|| migrated.into_bytes());
        return Ok(file);
    }
    let header = read_header(&top)?;
    let mut file = IncomingFile::new(header, office);
    if file.header.office.id == office {
        // Our own export read back, or a file made to pass for one: either way, worth saying.
        file.warnings.push(Warning::FromThisOffice);
    }
    if let Some(raw) = top.get(UNREADABLE_KEY) {
        file.unreadable = parse_at::<Vec<Unreadable>>(raw.get(), &UNREADABLE_KEY, false)?;
    }
    for name in top.keys() {
        if !HEADER_KEYS.contains(&name.as_str()) && name != UNREADABLE_KEY {
            file.warnings
                .push(Warning::UnknownSection { name: name.clone() });
        }
    }
    // Schema errors come before duplicates, so the first duplicate waits until all are read.
    let mut seen: FxHashMap<Id, FilePlace> = FxHashMap::default();
    seen.reserve(collections.values().map(Section::len).sum());
    let mut duplicate = None;
    let mut named: Vec<(RecordKey, Vec<Id>)> = Vec::new();
    let mut nested_ids: FxHashSet<Id> = FxHashSet::default();
    let total = collections.values().map(Section::len).sum::<usize>().max(1);
    let mut done = 0;
    for collection in Collection::ALL {
        let items = match collections.get(&collection) {
            None => continue,
            Some(Section::Records(items)) => items,
            Some(Section::NotAList) => return Err(not_a_list(text, collection)?),
        };
        for (i, item) in items.iter().enumerate() {
            let place = FilePlace {
                collection,
                index: i,
            };
            if pace.due() {
                pace.pause(done, total).await;
            }
            done += 1;
            let records = &mut file.records;
            // Within the slice's loan of our data: what the rest needs, owned.
            let read = local.with(|data, known| {
                let here = Here {
                    data,
                    office,
                    known,
                };
                let read = crate::with_record_type!(collection, T => read_item::<T>(item, text, place, &here, records))?;
                // Its place in the text: a record's text borrows the text it was split from.
                let start = item.text.as_ptr() as usize - text.as_ptr() as usize;
                let range = start..start + item.text.len();
                // An id is one record's in every collection: taken in two, the office's own
                // export would be refused everywhere after (itself included).
                let taken_here_as = (read.ours.is_none() && !read.in_its_collection_here)
                    .then(|| {
                        Collection::ALL.into_iter().find(|&other| {
                            other != collection
                                && crate::with_record_type!(other, T => T::table(data).get(&read.id).is_some())
                        })
                    })
                    .flatten();
                Ok::<_, FileError>(ItemRead {
                    id: read.id,
                    ours: read.ours.map(|meta| Recognised::new(meta, range)),
                    text: read.text,
                    claims: read.claims,
                    taken_here_as,
                })
            })?;
            let id = read.id;
            let key = RecordKey { collection, id };
            // A record exactly ours names what ours names: nothing it could add is missing.
            if let Some(ours) = read.ours {
                file.recognised.push(key, ours);
            } else {
                let found = scan_raw(read.text);
                if found.depth > MAX_RECORD_DEPTH {
                    return Err(too_deep(read.text, place));
                }
                nested_ids.extend(found.items);
                if !found.references.is_empty() {
                    named.push((key, found.references));
                }
            }
            if let Some(Claim { claimed, made }) = read.claims {
                file.warnings.push(Warning::ClaimsOurEdits {
                    record: key,
                    path: format!("{place}.version.{office}"),
                    claimed,
                    made,
                });
            }
            if let Some(first) = seen.insert(id, place) {
                duplicate.get_or_insert(FileError::DuplicateId {
                    id,
                    first: first.to_string(),
                    second: place.to_string(),
                });
            } else if let Some(here_as) = read.taken_here_as {
                duplicate.get_or_insert(FileError::IdTakenHere {
                    id,
                    at: place.to_string(),
                    here_as,
                });
            }
            file.places.insert(key, place);
        }
    }
    if let Some(error) = duplicate {
        return Err(error);
    }
    file.recognised.order_by_id();
    pace.pause(done, total).await;
    let missing =
        local.with(|local, _| missing_references(&file, &named, &seen, nested_ids, local));
    let missing_at: FxHashSet<(RecordKey, &str)> = missing
        .iter()
        .map(|m| (m.record, m.path.as_str()))
        .collect();
    pace.pause(done, total).await;
    let broken = local.with(|local, _| rules::broken_rules(&file, local, &missing_at));
    let mut found = Found::new(std::mem::take(&mut file.warnings));
    for m in &missing {
        let place = file.places[&m.record];
        found.push(|| Warning::MissingReference {
            record: m.record,
            path: format!("{place}.{}", m.path),
            id: m.id,
        });
    }
    for (place, record, field, rule) in broken {
        found.push(|| Warning::BrokenRule {
            record,
            path: format!("{place}.{field}"),
            rule,
        });
    }
    (file.warnings, file.unlisted_warnings) = (found.listed, found.unlisted);
    if migrated_as_is {
        file.migrated_from = Some(version as u32);
    }
    Ok(file)
}

/// The warnings of a file as they are found: the first [`MAX_WARNINGS_LISTED`] built, the
/// rest only counted.
struct Found {
    listed: Vec<Warning>,
    unlisted: usize,
}

impl Found {
    fn new(mut listed: Vec<Warning>) -> Found {
        let unlisted = listed.len().saturating_sub(MAX_WARNINGS_LISTED);
        listed.truncate(MAX_WARNINGS_LISTED);
        Found { listed, unlisted }
    }

    fn push(&mut self, warning: impl FnOnce() -> Warning) {
        if self.listed.len() < MAX_WARNINGS_LISTED {
            self.listed.push(warning());
        } else {
            self.unlisted += 1;
        }
    }
}

/// A collection that is not a list, with its value as written (only ever on the way to a refusal).
fn not_a_list(text: &[u8], collection: Collection) -> Result<FileError, FileError> {
    let top: BTreeMap<String, &RawValue> =
        serde_json::from_slice(text).map_err(|e| not_json_bytes(&e, text))?;
    let raw = top[collection.as_str()];
    Ok(FileError::Schema {
        path: collection.as_str().into(),
        problem: SchemaProblem::NotAList,
        value: Some(error::value_at(&raw_value(raw.get()), "").unwrap_or_default()),
    })
}

fn raw_value(raw: &str) -> Value {
    serde_json::from_str(raw).unwrap_or(Value::Null)
}

fn read_header(top: &BTreeMap<String, &RawValue>) -> Result<Header, FileError> {
    fn field<T: DeserializeOwned>(
        top: &BTreeMap<String, &RawValue>,
        name: &str,
    ) -> Result<T, FileError> {
        let raw = top.get(name).ok_or_else(|| FileError::Schema {
            path: name.into(),
            problem: SchemaProblem::Missing,
            value: None,
        })?;
        parse_at::<T>(raw.get(), &name, false)
    }
    let exported_at: chrono::DateTime<chrono::Utc> = field(top, "exported_at")?;
    if !crate::records::date_bounds::plausible_year(chrono::Datelike::year(&exported_at)) {
        return Err(FileError::Schema {
            path: "exported_at".into(),
            problem: SchemaProblem::DateOutOfRange,
            value: top.get("exported_at").map(|raw| raw.get().to_string()),
        });
    }
    Ok(Header {
        format: FORMAT_NAME.into(),
        schema_version: SCHEMA_VERSION,
        app_version: field::<String>(top, "app_version")?,
        exported_at,
        office: field::<OfficeProfile>(top, "office")?,
        scope: field::<Scope>(top, "scope")?,
        offices: match top.get("offices") {
            Some(raw) => parse_at::<KnownOffices>(raw.get(), &"offices", false)?,
            None => KnownOffices::default(),
        },
    })
}

/// Parses a value; on failure names the path inside it ("period.end") and the bad value.
/// `record` says the value flattens the envelope (`Meta`), whose fields serde cannot locate.
fn parse_at<T: DeserializeOwned>(
    raw: &str,
    prefix: &dyn std::fmt::Display,
    record: bool,
) -> Result<T, FileError> {
    // The fast path: most files are fine, and tracking the path costs time.
    if let Ok(value) = serde_json::from_str::<T>(raw) {
        return Ok(value);
    }
    // The prefix is written out only for a refusal.
    let prefix = &prefix.to_string();
    let mut de = serde_json::Deserializer::from_str(raw);
    let error = match serde_path_to_error::deserialize::<_, T>(&mut de) {
        // Text after the value: only in a record the quick scan took to be its whole line (and
        // the line held more). Its place is the record's own; the careful way then reads the
        // file and words the problem.
        Ok(value) => return de.end().map(|()| value).map_err(|e| not_json(&e, raw)),
        Err(error) => error,
    };
    let mut inner = error.path().to_string();
    if inner == "." {
        inner.clear();
    }
    if inner.is_empty() && record {
        // The envelope is flattened into the record, where serde loses the path: read it alone.
        if let Err(meta_error) = serde_path_to_error::deserialize::<_, Meta>(
            &mut serde_json::Deserializer::from_str(raw),
        ) {
            if meta_error.path().to_string() != "." || !is_missing(meta_error.inner()) {
                return Err(schema_error(raw, prefix, meta_error));
            }
        }
    }
    Err(schema_error_at(
        raw,
        prefix,
        &inner,
        &error.inner().to_string(),
    ))
}

fn is_missing(error: &serde_json::Error) -> bool {
    error.to_string().starts_with("missing field")
}

fn schema_error(
    raw: &str,
    prefix: &str,
    error: serde_path_to_error::Error<serde_json::Error>,
) -> FileError {
    let inner = error.path().to_string();
    let inner = if inner == "." { String::new() } else { inner };
    schema_error_at(raw, prefix, &inner, &error.inner().to_string())
}

fn schema_error_at(raw: &str, prefix: &str, inner: &str, message: &str) -> FileError {
    let field = inner.rsplit('.').next().unwrap_or(inner);
    let field = if field.is_empty() { prefix } else { field };
    let (problem, missing) = error::schema_problem_of(message, field);
    let inner = match missing {
        Some(name) if inner.is_empty() => name,
        Some(name) => format!("{inner}.{name}"),
        None => inner.to_string(),
    };
    let value = match problem {
        SchemaProblem::Missing | SchemaProblem::FieldTwice => None,
        _ => error::value_at(&raw_value(raw), &inner),
    };
    let path = match (prefix.is_empty(), inner.is_empty()) {
        (_, true) => prefix.to_string(),
        (true, false) => inner,
        (false, false) => format!("{prefix}.{inner}"),
    };
    FileError::Schema {
        path: shorten(path),
        problem,
        value,
    }
}

/// One record of the file, as [`read_item`] found it.
struct ReadItem<'a, 'b> {
    id: Id,
    /// Exactly ours (recognised by its fingerprint): our envelope. Nothing was built.
    ours: Option<&'a Meta>,
    /// Else its text, read in full (and put into the file's records).
    text: &'b str,
    /// Read in full, it claims more of this office's edits than this office made.
    claims: Option<Claim>,
    /// A record of its collection here has its id (then no other collection's can).
    in_its_collection_here: bool,
}

/// A [`ReadItem`] kept past its slice (see [`Local`]): nothing borrowed from our data.
struct ItemRead<'b> {
    id: Id,
    ours: Option<Recognised>,
    text: &'b str,
    claims: Option<Claim>,
    /// Its id is taken here by a record of another collection.
    taken_here_as: Option<Collection>,
}

/// A record's version claiming more edits by this office than this office made of it (`None`:
/// the record is not here).
struct Claim {
    claimed: u64,
    made: Option<u64>,
}

/// Reads one record of the file, unless it is exactly ours (recognised by its fingerprint):
/// then it is known to be valid and is not built; its envelope (ours) comes back.
fn read_item<'a, 'b, T: Stored + 'a>(
    item: &Span<'b>,
    file_text: &[u8],
    place: FilePlace,
    here: &Here<'a>,
    into: &mut Dataset,
) -> Result<ReadItem<'a, 'b>, FileError> {
    let digest = match item.seen {
        Seen::NotYet => here.known.digest(item.text),
        Seen::Ours(digest) => Some(digest),
        Seen::NotOurs => None,
    };
    if let Some(ours) =
        digest.and_then(|digest| here.known.recognise_digest::<T>(digest, here.data))
    {
        return Ok(ReadItem {
            id: ours.id(),
            ours: Some(ours.meta()),
            text: "",
            claims: None,
            in_its_collection_here: true,
        });
    }
    // Split the careful way, the text is UTF-8 already; split by `scan`, not yet checked.
    let text = std::str::from_utf8(item.text).map_err(|e| {
        let start = item.text.as_ptr() as usize - file_text.as_ptr() as usize;
        let (line, column) = line_column(&file_text[..start + e.valid_up_to()]);
        FileError::NotJson {
            line,
            column,
            reason: JsonReason::BadUtf8,
        }
    })?;
    let record = read_record::<T>(text, place)?;
    let id = record.id();
    // Only an office counts its own edits: ours holds every one we made.
    let claimed = record.meta().version.get(&here.office);
    let made = T::table(here.data)
        .get(&id)
        .map(|ours| ours.meta().version.get(&here.office));
    T::table_mut(into).put(record);
    Ok(ReadItem {
        id,
        ours: None,
        text,
        claims: (claimed > made.unwrap_or(0)).then_some(Claim { claimed, made }),
        in_its_collection_here: made.is_some(),
    })
}

fn read_record<T: Stored>(raw: &str, place: FilePlace) -> Result<T, FileError> {
    if !raw.starts_with('{') {
        return Err(FileError::Schema {
            path: place.to_string(),
            problem: SchemaProblem::NotAnObject,
            value: error::value_at(&raw_value(raw), ""),
        });
    }
    let record: T = parse_at(raw, &place, true)?;
    // A date the app cannot compute with would poison every computation on it later.
    if let Some(inner) = record.all_dates_out_of_range().into_iter().next() {
        return Err(FileError::Schema {
            path: format!("{place}.{inner}"),
            problem: SchemaProblem::DateOutOfRange,
            value: error::value_at(&raw_value(raw), &inner),
        });
    }
    let version = &record.meta().version;
    if version.is_empty() {
        return Err(FileError::Schema {
            path: format!("{place}.version"),
            problem: SchemaProblem::NoVersion,
            value: Some("{}".into()),
        });
    }
    if let Some((office, &edits)) = version.0.iter().find(|(_, &n)| n > MAX_EDITS) {
        return Err(FileError::Schema {
            path: format!("{place}.version.{office}"),
            problem: SchemaProblem::TooManyEdits,
            value: Some(edits.to_string()),
        });
    }
    Ok(record)
}

/// A record nested deeper than storage stores ([`MAX_RECORD_DEPTH`]; it was read, so not
/// deeper than serde_json reads): refused at the first place past the limit.
fn too_deep(raw: &str, place: FilePlace) -> FileError {
    fn find(value: &Value, depth: usize, path: &mut String) -> bool {
        if depth > MAX_RECORD_DEPTH {
            return true;
        }
        let len = path.len();
        let found = match value {
            Value::Object(fields) => fields.iter().any(|(key, item)| {
                path.truncate(len);
                path.push('.');
                path.push_str(key);
                matches!(item, Value::Object(_) | Value::Array(_)) && find(item, depth + 1, path)
            }),
            Value::Array(items) => items.iter().enumerate().any(|(i, item)| {
                path.truncate(len);
                path.push_str(&format!("[{i}]"));
                matches!(item, Value::Object(_) | Value::Array(_)) && find(item, depth + 1, path)
            }),
            _ => false,
        };
        if !found {
            path.truncate(len);
        }
        found
    }
    let mut path = place.to_string();
    find(&raw_value(raw), 1, &mut path);
    FileError::Schema {
        path: shorten(path),
        problem: SchemaProblem::TooDeep,
        value: None,
    }
}

/// A path cut at 100 characters: a depth bomb would otherwise name hundreds of "[0]".
fn shorten(path: String) -> String {
    if path.chars().count() > 100 {
        format!("{}…", path.chars().take(100).collect::<String>())
    } else {
        path
    }
}

/// A reference from a record of the file to an id found neither in the file nor here.
struct Missing {
    record: RecordKey,
    /// Inside the record: "parties[0].organisation".
    path: String,
    id: Id,
}

/// References from the file's records to ids found neither in the file nor in `local`.
/// `named` holds what the raw scan found per record; paths are worked out only for records
/// that do name something missing, which is rare. `in_file` holds every record id of the file
/// and `nested` the ids of items nested in its records read in full; the rest is looked up.
fn missing_references(
    file: &IncomingFile,
    named: &[(RecordKey, Vec<Id>)],
    in_file: &FxHashMap<Id, FilePlace>,
    mut nested: FxHashSet<Id>,
    local: &Dataset,
) -> Vec<Missing> {
    fn local_item_ids<T: Stored>(data: &Dataset, out: &mut FxHashSet<Id>) {
        for record in T::table(data).iter_all() {
            out.extend(item_ids(
                &serde_json::to_value(record).expect("records serialise"),
            ));
        }
    }
    fn value_of<T: Stored>(data: &Dataset, id: &Id) -> Option<serde_json::Value> {
        T::table(data)
            .get(id)
            .map(|r| serde_json::to_value(r).expect("records serialise"))
    }
    let is_local = |id: &Id| {
        Collection::ALL.iter().any(|&collection| {
            crate::with_record_type!(collection, T => T::table(local).get(id).is_some())
        })
    };
    let known = |id: &Id, nested: &FxHashSet<Id>| {
        in_file.contains_key(id) || nested.contains(id) || is_local(id)
    };
    let names_missing = |nested: &FxHashSet<Id>| {
        named
            .iter()
            .filter(|(_, refs)| refs.iter().any(|id| !known(id, nested)))
            .map(|(key, _)| *key)
            .collect::<Vec<_>>()
    };
    let mut suspects = names_missing(&nested);
    if !suspects.is_empty() {
        // Items nested in our own records (areas) are looked up only when needed: it costs a pass.
        for collection in Collection::ALL {
            crate::with_record_type!(collection, T => local_item_ids::<T>(local, &mut nested));
        }
        suspects = names_missing(&nested);
    }
    let mut warnings = Vec::new();
    for key in suspects {
        let value =
            crate::with_record_type!(key.collection, T => value_of::<T>(&file.records, &key.id))
                .expect("a record of the file");
        for reference in references(&value) {
            if !known(&reference.id, &nested) {
                warnings.push(Missing {
                    record: key,
                    path: reference.path,
                    id: reference.id,
                });
            }
        }
    }
    warnings
}

#[cfg(test)]
mod tests;
