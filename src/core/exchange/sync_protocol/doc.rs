//! A record as the server's document, and the revision ids we give it.
//!
//! `{"_id": "<record id>", "_rev": …, "collection": "agreements", "schema_version": 1,
//!   "record": {…the record as in an exported file, envelope included…}}`
//!
//! `_id` is the record's id alone (a UUID, never repeated across collections): an id with a `/`
//! in it must be written %2F in every URL, which reverse proxies (the recommended set-up, see
//! docs/sync.md) often decode or refuse. The collection is a field.
//!
//! A revision id is `<generation>-<hash of the record's edition>`: the same edition (id,
//! version, time of edit, deletion: which fix the content) gives the same revision in every
//! office, so a change sent twice is the same revision, which the server already has. Our
//! documents are written with `new_edits=false` and their ancestry (`_revisions`), as CouchDB's
//! own replicator writes them; a deletion in CouchDB's sense (`_deleted`) is used only to close
//! the losing branches of a conflict. A record deleted in the app is a live document whose
//! record says `"deleted": true` (a tombstone, like in files).

use serde_json::{json, Value};
use xxhash_rust::xxh3::xxh3_64;

use crate::exchange::file_format::SCHEMA_VERSION;
use chrono::{DateTime, SecondsFormat, Utc};

use crate::records::meta::{Id, Meta, VersionVector};
use crate::records::record::Collection;
use crate::storage::value_version;

/// A revision id: generation and hash (`3-9f2c…`).
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Rev {
    pub generation: u64,
    pub hash: String,
}

impl Rev {
    pub fn parse(text: &str) -> Option<Rev> {
        let (generation, hash) = text.split_once('-')?;
        let generation = generation.parse().ok().filter(|g| *g > 0)?;
        (!hash.is_empty()).then(|| Rev {
            generation,
            hash: hash.to_string(),
        })
    }

    /// The revision that follows `parent` (or the first) with the given hash.
    pub fn after(parent: Option<&Rev>, hash: String) -> Rev {
        Rev {
            generation: parent.map_or(1, |p| p.generation + 1),
            hash,
        }
    }
}

impl std::fmt::Display for Rev {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}-{}", self.generation, self.hash)
    }
}

/// The hash of a record's edition: id, version vector, time of edit, deletion. Sixteen hex
/// digits: revision ids are kept for every record here (`revs`), so they are kept short.
pub fn edition_hash(record: &Value) -> String {
    let id = record.get("id").and_then(Value::as_str).unwrap_or_default();
    let updated = record
        .get("updated")
        .and_then(Value::as_str)
        .and_then(|t| t.parse::<DateTime<Utc>>().ok());
    let deleted = record.get("deleted").and_then(Value::as_bool) == Some(true);
    edition(
        id,
        &value_version(record).unwrap_or_default(),
        updated,
        deleted,
    )
}

/// [`edition_hash`] of a record in memory, without writing it as JSON first (a scan of every
/// record for changes to send reads only envelopes).
pub fn meta_hash(meta: &Meta) -> String {
    edition(
        &meta.id.to_string(),
        &meta.version,
        Some(meta.updated),
        meta.deleted,
    )
}

fn edition(
    id: &str,
    version: &VersionVector,
    updated: Option<DateTime<Utc>>,
    deleted: bool,
) -> String {
    let updated = updated
        .map(|t| t.to_rfc3339_opts(SecondsFormat::AutoSi, true))
        .unwrap_or_default();
    let text = format!(
        "{id}\n{}\n{updated}\n{deleted}",
        serde_json::to_string(version).expect("versions serialise")
    );
    format!("{:016x}", xxh3_64(text.as_bytes()))
}

/// The server's document of a record, as a child of `parent` (None: the first revision).
pub fn record_doc(collection: Collection, record: &Value, parent: Option<&Rev>) -> (Rev, Value) {
    let rev = Rev::after(parent, edition_hash(record));
    let id = record.get("id").cloned().unwrap_or(Value::Null);
    let doc = json!({
        "_id": id,
        "_rev": rev.to_string(),
        "_revisions": revisions(&rev, parent),
        "collection": collection.as_str(),
        "schema_version": SCHEMA_VERSION,
        "record": record,
    });
    (rev, doc)
}

/// The document that closes a losing branch: a CouchDB deletion as the child of `leaf`.
pub fn closing_doc(id: Id, leaf: &Rev) -> Value {
    let hash = format!("{:016x}", xxh3_64(format!("closed {id} {leaf}").as_bytes()));
    let rev = Rev::after(Some(leaf), hash);
    json!({
        "_id": id.to_string(),
        "_rev": rev.to_string(),
        "_revisions": revisions(&rev, Some(leaf)),
        "_deleted": true,
    })
}

fn revisions(rev: &Rev, parent: Option<&Rev>) -> Value {
    let mut ids = vec![rev.hash.clone()];
    // Only a direct parent links: an older revision (a conflict kept open) makes a branch.
    if let Some(parent) = parent.filter(|p| p.generation + 1 == rev.generation) {
        ids.push(parent.hash.clone());
    }
    json!({"start": rev.generation, "ids": ids})
}

/// A document of the server, read.
#[derive(Clone, Debug, PartialEq)]
pub struct ServerDoc {
    pub id: Id,
    pub rev: String,
    pub collection: Collection,
    pub record: Value,
}

/// Why a document of the database is not taken.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DocSkipped {
    /// Not one of our records (a design document, someone else's data): left alone.
    NotOurs,
    /// Written by a newer app (its schema): left alone until this app is updated.
    Newer { schema_version: u64 },
    /// Ours in shape, but its record does not read: left alone, and counted.
    Unreadable(String),
}

/// Reads a document fetched from the server (`_bulk_get`, `open_revs`).
pub fn read_doc(doc: &Value) -> Result<ServerDoc, DocSkipped> {
    let (Some(collection), Some(record)) = (doc.get("collection"), doc.get("record")) else {
        return Err(DocSkipped::NotOurs);
    };
    let Some(collection) = collection.as_str().and_then(Collection::from_name) else {
        return Err(DocSkipped::NotOurs);
    };
    let schema_version = doc
        .get("schema_version")
        .and_then(Value::as_u64)
        .unwrap_or(1);
    if schema_version > u64::from(SCHEMA_VERSION) {
        return Err(DocSkipped::Newer { schema_version });
    }
    let id = doc
        .get("_id")
        .and_then(Value::as_str)
        .and_then(|id| id.parse::<Id>().ok())
        .ok_or(DocSkipped::NotOurs)?;
    if record.get("id").and_then(Value::as_str) != Some(id.to_string().as_str()) {
        return Err(DocSkipped::Unreadable(
            "the record's id differs from the document's".into(),
        ));
    }
    let rev = doc
        .get("_rev")
        .and_then(Value::as_str)
        .ok_or_else(|| DocSkipped::Unreadable("no _rev".into()))?
        .to_string();
    Ok(ServerDoc {
        id,
        rev,
        collection,
        record: record.clone(),
    })
}
