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
pub use incoming::{Incoming, IncomingFile, Recognised};
pub use paced::{AtOnce, Local, Pace};
pub use preview::{apply, preview, undo, Applied, Group, Preview, UndoImport};
pub use rules::Rule;

use super::file_format::{
    Header, Scope, Unreadable, FORMAT_NAME, HEADER_KEYS, SCHEMA_VERSION, UNREADABLE_KEY,
};
use super::meta::{Id, Meta};
use super::migrate;
use super::model::Collection;
use super::references::{item_ids, references, scan_raw};
use super::workspace::{Dataset, OfficeProfile, RecordKey, Stored};
use top::{Section, Seen, Span, TopLevel};

/// Files above this are refused before they are read: derived from what storage can hold.
pub use super::file_format::MAX_FILE_BYTES;

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
}

impl Warning {
    /// The record of the file it is about (the preview names it beside the path).
    pub fn record(&self) -> Option<RecordKey> {
        match self {
            Warning::MissingReference { record, .. } | Warning::BrokenRule { record, .. } => {
                Some(*record)
            }
            Warning::UnknownSection { .. } => None,
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
        }
    }
}

/// Where a record sits in the file: its collection's list and its index there, written
/// "agreements[3]" as in the schema error paths.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Position {
    pub collection: Collection,
    pub index: usize,
}

impl std::fmt::Display for Position {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}[{}]", self.collection.as_str(), self.index)
    }
}

/// Checks a file and reads its records; `local` is only looked at (for missing references and
/// the forms' rules, and with `known`, its fingerprints, for records exactly ours, which need no
/// building or check).
///
/// Given the bytes to keep (a `Vec`), the file holds on to them for the records recognised as
/// ours, where a borrowed slice is copied.
pub fn read_file<'b>(
    bytes: impl Into<Cow<'b, [u8]>>,
    local: &Dataset,
    known: &Fingerprints,
) -> Result<IncomingFile, FileError> {
    paced::at_once(read(bytes.into(), &(local, known), &mut AtOnce, true))
}

/// [`read_file`] a slice of records at a time: `pace` pauses between slices (the page paints
/// and shows how far it is), and `local` lends our data and fingerprints within each slice.
pub async fn read_file_paced(
    bytes: Vec<u8>,
    local: &impl Local,
    pace: &mut impl Pace,
) -> Result<IncomingFile, FileError> {
    read(Cow::Owned(bytes), local, pace, true).await
}

/// [`read_file`] the careful way only, never the quick scan: tests and the fuzz target check
/// that both ways give the same answer.
#[doc(hidden)]
pub fn read_file_carefully<'b>(
    bytes: impl Into<Cow<'b, [u8]>>,
    local: &Dataset,
    known: &Fingerprints,
) -> Result<IncomingFile, FileError> {
    paced::at_once(read(bytes.into(), &(local, known), &mut AtOnce, false))
}

async fn read(
    whole: Cow<'_, [u8]>,
    local: &impl Local,
    pace: &mut impl Pace,
    quick: bool,
) -> Result<IncomingFile, FileError> {
    let mut file = read_text(&whole, local, pace, quick).await?;
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
    pace: &mut impl Pace,
    quick: bool,
) -> Result<IncomingFile, FileError> {
    if bytes.len() > MAX_FILE_BYTES {
        return Err(FileError::TooLarge {
            bytes: bytes.len(),
            limit: MAX_FILE_BYTES,
        });
    }
    if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) {
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
        if let Ok(file) = read_top(top, bytes, local, pace).await {
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
    read_checked(text, local, pace).await
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
    read_top(top, text.as_bytes(), local, pace).await
}

/// The checks from our format on, on the file's top level split from `text` (its syntax
/// checked, or by [`scan`]: see there).
async fn read_top(
    top: TopLevel<'_>,
    text: &[u8],
    local: &impl Local,
    pace: &mut impl Pace,
) -> Result<IncomingFile, FileError> {
    let TopLevel {
        fields: top,
        collections,
    } = top;
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
    if version < u64::from(SCHEMA_VERSION) {
        let mut value: Value =
            serde_json::from_slice(text).map_err(|e| not_json_bytes(&e, text))?;
        migrate::migrate(&mut value, version as u32).map_err(FileError::Migration)?;
        let migrated = serde_json::to_string(&value).expect("JSON values serialise");
        // Boxed: the migrated text is read again by the same steps (an async recursion).
        let again: std::pin::Pin<Box<dyn std::future::Future<Output = _> + '_>> =
            Box::pin(read_checked(&migrated, local, pace));
        let mut file = again.await?;
        file.migrated_from = Some(version as u32);
        file.keep_text(|| migrated.into_bytes());
        return Ok(file);
    }
    let header = read_header(&top)?;
    let mut file = IncomingFile::new(header);
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
    let mut seen: FxHashMap<Id, Position> = FxHashMap::default();
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
            let position = Position {
                collection,
                index: i,
            };
            if pace.due() {
                pace.pause(done, total).await;
            }
            done += 1;
            let records = &mut file.records;
            let (read, ours) = local.with(|local, known| {
                let read = crate::with_record_type!(collection, T => read_item::<T>(item, text, position, local, known, records))?;
                // Its place in the text: a record's text borrows the text it was split from.
                let start = item.text.as_ptr() as usize - text.as_ptr() as usize;
                let range = start..start + item.text.len();
                let ours = read.ours.map(|meta| Recognised::new(meta, range));
                Ok::<_, FileError>(((read.id, read.text), ours))
            })?;
            let (id, read_text) = read;
            let key = RecordKey { collection, id };
            // A record exactly ours names what ours names: nothing it could add is missing.
            if let Some(ours) = ours {
                file.recognised.insert(key, ours);
            } else {
                let found = scan_raw(read_text);
                nested_ids.extend(found.items);
                if !found.references.is_empty() {
                    named.push((key, found.references));
                }
            }
            if let Some(first) = seen.insert(id, position) {
                duplicate.get_or_insert(FileError::DuplicateId {
                    id,
                    first: first.to_string(),
                    second: position.to_string(),
                });
            }
            file.positions.insert(key, position);
        }
    }
    if let Some(error) = duplicate {
        return Err(error);
    }
    pace.pause(done, total).await;
    let missing =
        local.with(|local, _| missing_references(&file, &named, &seen, nested_ids, local));
    file.warnings.extend(missing);
    pace.pause(done, total).await;
    let broken = local.with(|local, _| rules::broken_rules(&file, local));
    file.warnings.extend(broken);
    Ok(file)
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
    Ok(Header {
        format: FORMAT_NAME.into(),
        schema_version: SCHEMA_VERSION,
        app_version: field::<String>(top, "app_version")?,
        exported_at: field(top, "exported_at")?,
        office: field::<OfficeProfile>(top, "office")?,
        scope: field::<Scope>(top, "scope")?,
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
        // the line held more). Its position is the record's own; the careful way then reads the
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
        SchemaProblem::Missing => None,
        _ => error::value_at(&raw_value(raw), &inner),
    };
    let path = match (prefix.is_empty(), inner.is_empty()) {
        (_, true) => prefix.to_string(),
        (true, false) => inner,
        (false, false) => format!("{prefix}.{inner}"),
    };
    // A depth bomb would otherwise name a path hundreds of "[0]" long.
    let path = if path.chars().count() > 100 {
        format!("{}…", path.chars().take(100).collect::<String>())
    } else {
        path
    };
    FileError::Schema {
        path,
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
}

/// Reads one record of the file, unless it is exactly ours (recognised by its fingerprint):
/// then it is known to be valid and is not built; its envelope (ours) comes back.
fn read_item<'a, 'b, T: Stored + 'a>(
    item: &Span<'b>,
    file_text: &[u8],
    position: Position,
    local: &'a Dataset,
    known: &Fingerprints,
    into: &mut Dataset,
) -> Result<ReadItem<'a, 'b>, FileError> {
    let digest = match item.seen {
        Seen::NotYet => known.digest(item.text),
        Seen::Ours(digest) => Some(digest),
        Seen::NotOurs => None,
    };
    if let Some(ours) = digest.and_then(|digest| known.recognise_digest::<T>(digest, local)) {
        return Ok(ReadItem {
            id: ours.id(),
            ours: Some(ours.meta()),
            text: "",
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
    let id = read_record::<T>(text, position, into)?;
    Ok(ReadItem {
        id,
        ours: None,
        text,
    })
}

fn read_record<T: Stored>(
    raw: &str,
    position: Position,
    into: &mut Dataset,
) -> Result<Id, FileError> {
    if !raw.starts_with('{') {
        return Err(FileError::Schema {
            path: position.to_string(),
            problem: SchemaProblem::NotAnObject,
            value: error::value_at(&raw_value(raw), ""),
        });
    }
    let record: T = parse_at(raw, &position, true)?;
    if record.meta().is_unsaved() {
        return Err(FileError::Schema {
            path: format!("{position}.version"),
            problem: SchemaProblem::NoVersion,
            value: Some("{}".into()),
        });
    }
    let id = record.id();
    T::table_mut(into).put(record);
    Ok(id)
}

/// References from the file's records to ids found neither in the file nor in `local`.
/// `named` holds what the raw scan found per record; paths are worked out only for records
/// that do name something missing, which is rare. `in_file` holds every record id of the file
/// and `nested` the ids of items nested in its records read in full; the rest is looked up.
fn missing_references(
    file: &IncomingFile,
    named: &[(RecordKey, Vec<Id>)],
    in_file: &FxHashMap<Id, Position>,
    mut nested: FxHashSet<Id>,
    local: &Dataset,
) -> Vec<Warning> {
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
                warnings.push(Warning::MissingReference {
                    record: key,
                    path: format!("{}.{}", file.positions[&key], reference.path),
                    id: reference.id,
                });
            }
        }
    }
    warnings
}

#[cfg(test)]
mod tests;
