//! A file that passed every check, as the preview and apply see it. Most of a file between two
//! offices is records both hold unchanged: those, recognised by their fingerprint, are not built
//! at all. The file keeps their key, their edition and their place in its text; while ours keeps
//! that edition they are identical to ours, and if ours changes before the import is applied
//! (an edit in another tab, an undo) the record is built from the file's text then.

use crate::records::sorting;
use std::borrow::Cow;
use std::ops::Range;

use chrono::{DateTime, Utc};
use rustc_hash::FxHashMap;
use serde_json::Value;

use super::{FilePlace, Warning};
use crate::exchange::file_format::Header;
use crate::records::meta::{Id, Meta, OfficeId, VersionVector};
use crate::records::record::{Collection, RecordKey};
use crate::records::workspace::{Dataset, Stored};

#[derive(Clone, Debug)]
pub struct IncomingFile {
    pub header: Header,
    /// The records read in full: every record not recognised as ours.
    pub records: Dataset,
    /// Where each record sits in the file, recognised or not.
    pub places: FxHashMap<RecordKey, FilePlace>,
    /// The warnings, in file order: at most `MAX_WARNINGS_LISTED` of them.
    pub warnings: Vec<Warning>,
    /// How many more there are, counted and not built.
    pub unlisted_warnings: usize,
    /// The office it was read for: preview and apply never take silently a version that claims
    /// more of its edits than it made (`merge::relation_for`).
    pub this_office: OfficeId,
    /// The schema the file was written in, when it was older and has been migrated.
    pub migrated_from: Option<u32>,
    /// Records recognised as exactly ours by their fingerprint: valid, and not built.
    pub recognised: RecognisedRecords,
    /// What the exporting office could not read from its storage, carried with its raw text:
    /// not imported, only said in the preview.
    pub unreadable: Vec<crate::exchange::file_format::Unreadable>,
    /// The file's text, kept only when records were recognised (to build one if ours changes).
    pub(super) text: Vec<u8>,
}

/// A record of the file recognised as exactly ours: the edition it was ours at, and its text.
#[derive(Clone, Debug)]
pub struct Recognised {
    version: VersionVector,
    updated: DateTime<Utc>,
    range: Range<usize>,
}

/// The records of a file recognised as ours, per collection in id order: preview and apply walk
/// them beside our table (in id order too) to see which are still ours, without a lookup each.
#[derive(Clone, Debug, Default)]
pub struct RecognisedRecords {
    by_collection: [Vec<(Id, Recognised)>; Collection::ALL.len()],
}

impl RecognisedRecords {
    pub fn len(&self) -> usize {
        self.by_collection.iter().map(Vec::len).sum()
    }

    pub fn is_empty(&self) -> bool {
        self.by_collection.iter().all(Vec::is_empty)
    }

    pub fn contains_key(&self, key: &RecordKey) -> bool {
        self.get(key).is_some()
    }

    pub fn get(&self, key: &RecordKey) -> Option<&Recognised> {
        let of = self.of(key.collection);
        of.binary_search_by_key(&key.id, |(id, _)| *id)
            .ok()
            .map(|i| &of[i].1)
    }

    /// Every one, with its key: a collection's in id order, the collections in order.
    pub fn iter(&self) -> impl Iterator<Item = (RecordKey, &Recognised)> {
        Collection::ALL.into_iter().flat_map(move |collection| {
            self.of(collection).iter().map(move |(id, r)| {
                (
                    RecordKey {
                        collection,
                        id: *id,
                    },
                    r,
                )
            })
        })
    }

    fn of(&self, collection: Collection) -> &[(Id, Recognised)] {
        &self.by_collection[collection.position()]
    }

    /// Adds one as the file is read (ids are unique by then, or the file is refused); an export
    /// lists records in id order, any other order is sorted by [`Self::order_by_id`].
    pub(super) fn push(&mut self, key: RecordKey, recognised: Recognised) {
        self.by_collection[key.collection.position()].push((key.id, recognised));
    }

    /// Puts every collection in id order, once the file is read.
    pub(super) fn order_by_id(&mut self) {
        for of in &mut self.by_collection {
            if !of.is_sorted_by_key(|(id, _)| *id) {
                sorting::sort_by_key(of, |(id, _)| *id);
            }
        }
    }
}

impl Recognised {
    pub(super) fn new(meta: &Meta, range: Range<usize>) -> Recognised {
        Recognised {
            version: meta.version.clone(),
            updated: meta.updated,
            range,
        }
    }

    fn is_still(&self, meta: &Meta) -> bool {
        self.version == meta.version && self.updated == meta.updated
    }
}

impl IncomingFile {
    pub(super) fn new(header: Header, this_office: OfficeId) -> IncomingFile {
        IncomingFile {
            header,
            this_office,
            records: Dataset::default(),
            places: FxHashMap::default(),
            warnings: Vec::new(),
            unlisted_warnings: 0,
            migrated_from: None,
            recognised: RecognisedRecords::default(),
            unreadable: Vec::new(),
            text: Vec::new(),
        }
    }

    /// Every warning, listed or not.
    pub fn warning_count(&self) -> usize {
        self.warnings.len() + self.unlisted_warnings
    }

    /// Keeps the file's text, from which the records recognised as ours are built when needed;
    /// `text` is called only when there are any.
    pub(super) fn keep_text(&mut self, text: impl FnOnce() -> Vec<u8>) {
        if !self.recognised.is_empty() && self.text.is_empty() {
            self.text = text();
        }
    }

    /// The file's record `id`, built: as read, or from the file's text when it was recognised.
    pub fn record<T: Stored>(&self, id: &Id) -> Option<Cow<'_, T>> {
        if let Some(record) = T::table(&self.records).get(id) {
            return Some(Cow::Borrowed(record));
        }
        let key = RecordKey {
            collection: T::COLLECTION,
            id: *id,
        };
        self.recognised
            .get(&key)
            .map(|r| Cow::Owned(self.build(&r.range)))
    }

    /// The file's record as generic JSON (labels, conflict rows).
    pub fn record_value(&self, key: RecordKey) -> Option<Value> {
        fn value<T: Stored>(file: &IncomingFile, id: &Id) -> Option<Value> {
            file.record::<T>(id)
                .map(|r| serde_json::to_value(&*r).expect("records serialise"))
        }
        crate::with_record_type!(key.collection, T => value::<T>(self, &key.id))
    }

    /// Every record of the file, built (tests, and tools that need them all).
    pub fn every_record_built(&self) -> Dataset {
        let mut data = self.records.clone();
        for (key, recognised) in self.recognised.iter() {
            crate::with_record_type!(key.collection, T => {
                T::table_mut(&mut data).put(self.build::<T>(&recognised.range))
            });
        }
        data
    }

    /// The file's records of one type, in id order, against `local` as it is now: `None` for a
    /// record still exactly ours (identical: nothing to compare or write), else the record.
    pub fn against<'a, T: Stored>(
        &'a self,
        local: &Dataset,
    ) -> Vec<(RecordKey, Option<Incoming<'a, T>>)> {
        let mut out: Vec<(RecordKey, Option<Incoming<'a, T>>)> = Vec::new();
        self.for_each_incoming::<T>(local, |key, incoming| out.push((key, incoming)));
        sorting::sort_by_key(&mut out, |(key, _)| key.id);
        out
    }

    /// [`Self::against`] without the records still exactly ours, which are only counted (the
    /// count is returned), in no particular order and without collecting them.
    pub fn for_each_changed<T: Stored>(
        &self,
        local: &Dataset,
        mut f: impl FnMut(RecordKey, &T),
    ) -> usize {
        let mut still_ours = 0;
        self.for_each_incoming::<T>(local, |key, incoming| match incoming {
            Some(incoming) => f(key, &incoming),
            None => still_ours += 1,
        });
        still_ours
    }

    /// Every record of the file of type `T` against `local`: `None` while still exactly ours.
    fn for_each_incoming<'a, T: Stored + 'a>(
        &'a self,
        local: &Dataset,
        mut f: impl FnMut(RecordKey, Option<Incoming<'a, T>>),
    ) {
        for record in T::table(&self.records).iter_all() {
            let key = RecordKey {
                collection: T::COLLECTION,
                id: record.meta().id,
            };
            f(key, Some(Incoming::Read(record)));
        }
        for (key, changed) in self.recognised_of::<T>(local) {
            f(
                key,
                changed.map(|range| Incoming::Built(Box::new(self.build(range)))),
            );
        }
    }

    /// The records of type `T` recognised as ours, in id order, each with its place in the text
    /// when ours has changed since (to be built from it), `None` while ours is still that
    /// edition. Both are in id order: one walk beside our table, no lookup.
    fn recognised_of<'s, T: Stored + 's>(
        &'s self,
        local: &'s Dataset,
    ) -> impl Iterator<Item = (RecordKey, Option<&'s Range<usize>>)> + 's {
        let mut ours = T::table(local).iter_all().peekable();
        self.recognised
            .of(T::COLLECTION)
            .iter()
            .map(move |(id, recognised)| {
                while ours.next_if(|r| r.meta().id < *id).is_some() {}
                let still_ours = ours
                    .peek()
                    .is_some_and(|r| r.meta().id == *id && recognised.is_still(r.meta()));
                let key = RecordKey {
                    collection: T::COLLECTION,
                    id: *id,
                };
                (key, (!still_ours).then_some(&recognised.range))
            })
    }

    fn build<T: Stored>(&self, range: &Range<usize>) -> T {
        // Read from text, as every record (record::from_value): its bytes are our own export's.
        std::str::from_utf8(&self.text[range.clone()])
            .ok()
            .and_then(|text| serde_json::from_str(text).ok())
            .expect("a record recognised as ours reads")
    }
}

/// A record of the file that preview and apply must look at.
pub enum Incoming<'a, T> {
    Read(&'a T),
    /// Recognised as ours, but ours has changed since: built from the file's text.
    Built(Box<T>),
}

impl<T> std::ops::Deref for Incoming<'_, T> {
    type Target = T;
    fn deref(&self) -> &T {
        match self {
            Incoming::Read(record) => record,
            Incoming::Built(record) => record,
        }
    }
}
