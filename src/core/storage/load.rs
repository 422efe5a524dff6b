//! Reading everything stored. Whatever cannot be read is reported with its raw text, kept and
//! fenced off; the rest loads. Never returns an empty workspace in place of data it failed to read.

use crate::records::sorting;

use serde_json::Value;

use super::codec::{self, CodecError};
use super::keys::{StorageKey, PREFIX};
use super::{
    legacy, put_value_ref, utf16_units, value_key, value_version, Conflict, KeyValueStore,
    LoadProblem, LoadProblemKind, Loaded, ReadOnly, StoreError, LAYOUT_VERSION,
};
use crate::records::meta::{Causality, VersionVector};
use crate::records::record::RecordKey;
use crate::records::workspace::{Dataset, OfficeProfile, Stored};

/// Where a copy of a record was found; a later layer wins a tie (a delta is newer than its bucket).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum Layer {
    Legacy,
    Bucket,
    Delta,
}

struct Copy {
    layer: Layer,
    /// The key it was read from, as its place in the keys read.
    source: usize,
    value: Payload,
}

/// A copy as read: a record from a bucket stays text until it turns out to be the record's only
/// copy, and is then read straight into its type (`put_text`); any other is a JSON value.
enum Payload {
    Value(Value),
    Text(String),
}

impl Payload {
    fn into_value(self) -> Value {
        match self {
            Payload::Value(value) => value,
            // Written by codec::decode_texts from JSON it read: valid JSON.
            Payload::Text(text) => serde_json::from_str(&text).expect("JSON read from a group"),
        }
    }
}

/// A copy as a JSON value, for the comparison of versions.
struct Candidate {
    layer: Layer,
    source: usize,
    value: Value,
}

pub(crate) fn codec_problem(e: CodecError) -> LoadProblemKind {
    match e {
        CodecError::Json {
            line,
            column,
            message,
        } => LoadProblemKind::InvalidJson {
            line,
            column,
            message,
        },
        other => LoadProblemKind::Undecodable {
            message: other.to_string(),
        },
    }
}

/// Reads every key of the store.
pub fn load(store: &impl KeyValueStore) -> Result<Loaded, StoreError> {
    let mut loaded = Loaded::default();
    let mut keys = store.keys()?;
    sorting::sort(&mut keys);
    // Every copy read, gathered by record once all are read: one sort, then each record's copies
    // side by side (a map filled record by record, in no order, cost a tenth of a large load).
    let mut copies: Vec<(RecordKey, Copy)> = Vec::new();
    let mut conflict_values: Vec<(String, RecordKey, Value)> = Vec::new();
    let mut any_legacy = false;
    let mut marker: Option<String> = None;
    for (source, key) in keys.iter().enumerate() {
        let Some(raw) = store.get(key)? else {
            continue;
        };
        loaded
            .session
            .sizes
            .insert(key.clone(), utf16_units(key, &raw));
        let Some(parsed) = StorageKey::parse(key) else {
            continue; // not ours (another app on the same origin): only counted
        };
        let result = match parsed {
            StorageKey::Layout => {
                marker = Some(raw.clone());
                Ok(())
            }
            StorageKey::Office => serde_json::from_str::<OfficeProfile>(&raw)
                .map(|office| loaded.office = Some(office))
                .map_err(|e| LoadProblemKind::SchemaMismatch {
                    message: e.to_string(),
                }),
            StorageKey::Export => serde_json::from_str(&raw)
                .map(|state| loaded.session.export = state)
                .map_err(|e| LoadProblemKind::SchemaMismatch {
                    message: e.to_string(),
                }),
            StorageKey::Bucket(collection, _) => match codec::decode_texts(&raw) {
                Some(records) => {
                    for (i, record) in records.into_iter().enumerate() {
                        let rk = record.id.map(|id| RecordKey { collection, id });
                        bucket_record(&mut copies, &mut loaded, (source, key), i, rk, || {
                            Payload::Text(record.json)
                        });
                    }
                    Ok(())
                }
                None => codec::decode(&raw)
                    .map(|values| {
                        for (i, value) in values.into_iter().enumerate() {
                            let rk = value_key(collection, &value);
                            bucket_record(&mut copies, &mut loaded, (source, key), i, rk, || {
                                Payload::Value(value)
                            });
                        }
                    })
                    .map_err(codec_problem),
            },
            StorageKey::Delta(rk) => one_record(&raw, rk).map(|value| {
                copies.push((
                    rk,
                    Copy {
                        layer: Layer::Delta,
                        source,
                        value: Payload::Value(value),
                    },
                ))
            }),
            StorageKey::Conflict(rk) => one_record(&raw, rk).map(|value| {
                conflict_values.push((key.clone(), rk, value));
            }),
            StorageKey::Legacy(rk) => {
                any_legacy = true;
                legacy::read_record(&raw, rk).map(|value| {
                    copies.push((
                        rk,
                        Copy {
                            layer: Layer::Legacy,
                            source,
                            value: Payload::Value(value),
                        },
                    ))
                })
            }
            StorageKey::Snapshot(..) => Ok(()), // listed from the keys; read only to restore
            StorageKey::Sync(_) => Ok(()),      // read by sync_protocol::local
            StorageKey::Draft(..) => Ok(()),    // read by the form it belongs to (drafts)
            StorageKey::Rollback => {
                // No data: unreadable, it is ignored (and replaced by the next undo or import).
                loaded.session.rollback = super::Rollback::decode(&raw);
                Ok(())
            }
            StorageKey::SnapshotLog => {
                // Notes only: unreadable, they are ignored (and replaced by the next note).
                loaded.session.given_up = super::backup::read_log(&raw);
                Ok(())
            }
            StorageKey::SnapshotRefusal => {
                // A note only: unreadable, it is none (and the next snapshot replaces it).
                loaded.session.snapshot_refusal = super::snapshot_refusal::read(&raw);
                Ok(())
            }
            StorageKey::KnownOffices => {
                // Names only: unreadable, none are known (and the next import writes them).
                loaded.session.known_offices = super::known_offices::read(&raw);
                Ok(())
            }
            StorageKey::ImportLog => {
                // Notes only: unreadable, none are shown (and the next import starts again).
                loaded.session.import_log = super::import_log::read(&raw);
                Ok(())
            }
            StorageKey::Unknown => Err(LoadProblemKind::UnknownKey),
        };
        if let Err(kind) = result {
            loaded.session.quarantined.insert(key.clone());
            let key = key.clone();
            loaded.problems.push(LoadProblem { key, kind, raw });
        }
    }

    loaded.layout_found = match marker.as_deref().map(str::trim) {
        None if any_legacy => 1,
        None if loaded.session.sizes.keys().any(|k| k.starts_with(PREFIX)) => LAYOUT_VERSION,
        None => 0,
        Some(text) => match ReadOnly::from_layout(text) {
            None => text.parse::<u32>().expect("a layout this app reads"),
            Some(why) => {
                let key = super::LAYOUT_KEY.to_string();
                loaded.session.quarantined.insert(key.clone());
                loaded.problems.push(LoadProblem {
                    key,
                    kind: why.problem().expect("a layout problem"),
                    raw: text.to_string(),
                });
                loaded.session.read_only = Some(why);
                LAYOUT_VERSION
            }
        },
    };

    // Stable: a record's copies stay in the order they were read (a later key wins a tie).
    sorting::sort_by_key(&mut copies, |(rk, _)| *rk);
    let mut copies = copies.into_iter().peekable();
    while let Some((rk, first)) = copies.next() {
        let mut more = Vec::new();
        while let Some((_, copy)) = copies.next_if(|(next, _)| *next == rk) {
            more.push(copy);
        }
        // Most records have one copy, in a bucket: read straight from its text.
        let mut found = if more.is_empty() {
            match first.value {
                Payload::Text(text) => match put_text(&mut loaded.data, rk, &text) {
                    Ok(version) => {
                        loaded.session.base.insert(rk, version);
                        continue;
                    }
                    // Read again the careful way below, for the problem it reports.
                    Err(()) => vec![Copy {
                        value: Payload::Text(text),
                        ..first
                    }],
                },
                value => vec![Copy { value, ..first }],
            }
        } else {
            more.insert(0, first);
            more
        }
        .into_iter()
        .map(|c| Candidate {
            layer: c.layer,
            source: c.source,
            value: c.value.into_value(),
        })
        .collect::<Vec<_>>();
        // The newest copy wins; a later layer wins a tie. Copies that are concurrent with the
        // winner (a race between tabs) are kept as conflicts, not dropped.
        sorting::sort_by_key(&mut found, |c| c.layer);
        let mut winner = found.pop().expect("at least one copy");
        let mut losers = Vec::new();
        for copy in found.into_iter().rev() {
            let (w, c) = (
                value_version(&winner.value).unwrap_or_default(),
                value_version(&copy.value).unwrap_or_default(),
            );
            match c.compare(&w) {
                Causality::Dominates => losers.push(std::mem::replace(&mut winner, copy)),
                Causality::Concurrent if copy.value != winner.value => losers.push(copy),
                _ => {}
            }
        }
        let version = value_version(&winner.value).unwrap_or_default();
        match put_value_ref(&mut loaded.data, rk, &winner.value) {
            Ok(()) => {
                loaded.session.base.insert(rk, version.clone());
                for loser in losers {
                    let loser_version = value_version(&loser.value).unwrap_or_default();
                    if loser_version.compare(&version) == Causality::Concurrent {
                        loaded.conflicts.push(Conflict {
                            key: rk,
                            other: loser.value,
                        });
                    }
                }
            }
            Err(kind) => {
                // The key stays as it is: a delta or legacy key is fenced off; in a bucket the
                // record's value is carried over whenever the bucket is rewritten.
                let key = keys[winner.source].clone();
                if winner.layer != Layer::Bucket {
                    loaded.session.quarantined.insert(key.clone());
                }
                loaded.problems.push(LoadProblem {
                    key,
                    kind,
                    raw: winner.value.to_string(),
                });
            }
        }
    }
    for (_, rk, other) in conflict_values {
        if super::record_value(&loaded.data, rk).as_ref() != Some(&other) {
            loaded.conflicts.push(Conflict { key: rk, other });
        }
    }
    Ok(loaded)
}

/// A record of a bucket (`source`: its place in the keys read, and the key), with its key if it
/// names one.
fn bucket_record(
    copies: &mut Vec<(RecordKey, Copy)>,
    loaded: &mut Loaded,
    (source, key): (usize, &str),
    i: usize,
    rk: Option<RecordKey>,
    value: impl FnOnce() -> Payload,
) {
    match rk {
        Some(rk) => copies.push((
            rk,
            Copy {
                layer: Layer::Bucket,
                source,
                value: value(),
            },
        )),
        None => loaded.problems.push(LoadProblem {
            key: format!("{key}#{i}"),
            kind: LoadProblemKind::SchemaMismatch {
                message: "no id".into(),
            },
            raw: value().into_value().to_string(),
        }),
    }
}

/// Reads a record's only copy from its JSON text into `data` and gives its version; `Err` when
/// it does not read as its type or names another id (the JSON value's way then says why).
fn put_text(data: &mut Dataset, key: RecordKey, text: &str) -> Result<VersionVector, ()> {
    fn put<T: Stored>(data: &mut Dataset, key: RecordKey, text: &str) -> Result<VersionVector, ()> {
        let record: T = serde_json::from_str(text).map_err(|_| ())?;
        if record.id() != key.id {
            return Err(());
        }
        let version = record.meta().version.clone();
        T::table_mut(data).put(record);
        Ok(version)
    }
    crate::with_record_type!(key.collection, T => put::<T>(data, key, text))
}

/// A delta or conflict key: one packed record, whose id must be the key's.
pub(crate) fn one_record(raw: &str, rk: RecordKey) -> Result<Value, LoadProblemKind> {
    let mut values = codec::decode(raw).map_err(codec_problem)?;
    if values.len() != 1 {
        return Err(LoadProblemKind::Undecodable {
            message: format!("{} records where one was expected", values.len()),
        });
    }
    let value = values.pop().expect("one value");
    if value_key(rk.collection, &value) != Some(rk) {
        return Err(LoadProblemKind::IdMismatch);
    }
    Ok(value)
}
