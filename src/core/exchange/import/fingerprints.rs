//! Fingerprints of our records as an export writes them, so that reading a file can recognise a
//! record that is exactly ours (most of any file between two offices) without building it again.
//!
//! A fingerprint is taken at an edition of the record (its version and time of last edit) and is
//! used only while the record is still at that edition: a record edited since is not recognised
//! and is read in full. So fingerprints that are out of date cost time, never correctness;
//! [`Fingerprints::refresh`] brings them up to date, writing only the records edited since.
//! This rests on the invariant that every change of a record's content comes with a new version
//! (ARCHITECTURE.md, "Invariants"); the time of edit is compared as well, as a second guard.

use rustc_hash::FxHashMap;
use xxhash_rust::xxh3::xxh3_128;

use chrono::{DateTime, Utc};

use crate::records::meta::{parse_hyphenated, Id, Meta, VersionVector};
use crate::records::record::{Collection, RecordKey};
use crate::records::workspace::{Dataset, Stored};

/// A record's version and time of last edit: what a fingerprint was taken at.
#[derive(Clone, Debug, PartialEq, Eq)]
struct Edition(VersionVector, DateTime<Utc>);

impl Edition {
    fn is(&self, meta: &Meta) -> bool {
        self.0 == meta.version && self.1 == meta.updated
    }
}

/// A record's fingerprint: the edition it was taken at, and the digest and length of the
/// record's exported text at that edition.
#[derive(Clone, Debug)]
struct Taken {
    edition: Edition,
    digest: u128,
    len: usize,
}

/// Where a refresh done in slices stands ([`Fingerprints::refresh_some`]).
#[derive(Clone, Debug, Default)]
pub struct Refreshing {
    /// The collection under way (its place in `Collection::ALL`) and the last id looked at.
    collection: usize,
    after: Option<Id>,
    /// Records looked at so far.
    seen: usize,
}

#[derive(Clone, Debug, Default)]
pub struct Fingerprints {
    /// Per record: its fingerprint.
    taken: FxHashMap<RecordKey, Taken>,
    /// Digest of a record's text → the record.
    by_digest: FxHashMap<u128, RecordKey>,
}

impl Fingerprints {
    pub fn of(data: &Dataset) -> Fingerprints {
        let mut fingerprints = Fingerprints::default();
        fingerprints.refresh(data);
        fingerprints
    }

    /// Takes the fingerprint of every record of `data` whose version is not the one taken, and
    /// forgets records that are gone (an undone import removes records).
    pub fn refresh(&mut self, data: &Dataset) {
        let mut at = Refreshing::default();
        while !self.refresh_some(data, &mut at, usize::MAX) {}
    }

    /// [`Fingerprints::refresh`] a slice at a time: looks at up to `records` more records from
    /// where `at` stands; true once all are done (then records gone are forgotten). The data may
    /// change between slices: a record edited after its slice is at another edition, so it is
    /// not recognised (read in full), never wrongly recognised.
    pub fn refresh_some(&mut self, data: &Dataset, at: &mut Refreshing, records: usize) -> bool {
        fn table<T: Stored>(
            data: &Dataset,
            into: &mut Fingerprints,
            at: &mut Refreshing,
            budget: &mut usize,
        ) -> bool {
            use std::ops::Bound::{Excluded, Unbounded};
            let mut text = Vec::new();
            for record in T::table(data).after(at.after.map_or(Unbounded, Excluded)) {
                if *budget == 0 {
                    return false;
                }
                *budget -= 1;
                at.seen += 1;
                at.after = Some(record.id());
                let key = RecordKey {
                    collection: T::COLLECTION,
                    id: record.id(),
                };
                let meta = record.meta();
                if into
                    .taken
                    .get(&key)
                    .is_some_and(|taken| taken.edition.is(meta))
                {
                    continue;
                }
                text.clear();
                // The exporter's own writer (`file_format::export`): the same bytes it writes.
                serde_json::to_writer(&mut text, record).expect("records serialise");
                let digest = xxh3_128(&text);
                let taken = Taken {
                    edition: Edition(meta.version.clone(), meta.updated),
                    digest,
                    len: text.len(),
                };
                if let Some(old) = into.taken.insert(key, taken) {
                    into.by_digest.remove(&old.digest);
                }
                into.by_digest.insert(digest, key);
            }
            true
        }
        let mut budget = records;
        while let Some(&collection) = Collection::ALL.get(at.collection) {
            if !crate::with_record_type!(collection, T => table::<T>(data, self, at, &mut budget)) {
                return false;
            }
            at.collection += 1;
            at.after = None;
        }
        if self.taken.len() > at.seen {
            let by_digest = &mut self.by_digest;
            self.taken.retain(|key, taken| {
                let present =
                    crate::with_record_type!(key.collection, T => T::table(data).get(&key.id).is_some());
                if !present {
                    by_digest.remove(&taken.digest);
                }
                present
            });
        }
        true
    }

    /// Our record whose exported text is exactly `text`, when it is still at the edition
    /// fingerprinted.
    pub fn recognise<'a, T: Stored>(&self, text: &str, data: &'a Dataset) -> Option<&'a T> {
        self.recognise_digest(self.digest(text.as_bytes())?, data)
    }

    /// The digest of a record's text, or `None` when no fingerprint is taken yet (nothing to
    /// compare it with, so no need to hash).
    pub(super) fn digest(&self, text: &[u8]) -> Option<u128> {
        (!self.by_digest.is_empty()).then(|| xxh3_128(text))
    }

    /// The digest and length of the text of our record of `collection` whose id starts `text`
    /// as an export writes it (`{"id":"…"`): whether `text` goes on with exactly that record is
    /// then one hash of that many bytes, with no need to look for where it ends.
    pub(super) fn expected(&self, collection: Collection, text: &[u8]) -> Option<(u128, usize)> {
        let id = text
            .strip_prefix(b"{\"id\":\"")?
            .get(..37)?
            .strip_suffix(b"\"")?;
        let key = RecordKey {
            collection,
            id: parse_hyphenated(id)?,
        };
        self.taken.get(&key).map(|taken| (taken.digest, taken.len))
    }

    /// [`Self::recognise`], from the text's digest.
    pub(super) fn recognise_digest<'a, T: Stored>(
        &self,
        digest: u128,
        data: &'a Dataset,
    ) -> Option<&'a T> {
        let key = self.by_digest.get(&digest)?;
        if key.collection != T::COLLECTION {
            return None;
        }
        let record = T::table(data).get(&key.id)?;
        let edition = &self.taken[key].edition;
        // An unsaved record is refused when read in full (no version): never taken here.
        (edition.is(record.meta()) && !record.meta().is_unsaved()).then_some(record)
    }

    pub fn len(&self) -> usize {
        self.taken.len()
    }

    pub fn is_empty(&self) -> bool {
        self.taken.is_empty()
    }
}

#[cfg(test)]
mod tests {

    use uuid::Uuid;

    use super::*;
    use crate::exchange::file_format::export;
    use crate::exchange::file_format::{Header, Scope};
    use crate::records::model::Agreement;
    use crate::records::record::Record;
    use crate::records::workspace::OfficeProfile;
    use crate::sample_data::sample::sample_dataset;
    use crate::sample_data::support::stamp;

    /// Each record's text as the exporter writes it, found in a whole export.
    fn exported_text_of(data: &Dataset, record: &Agreement) -> String {
        let office = OfficeProfile {
            id: Uuid::from_u128(1),
            name: "A".into(),
        };
        let file = export(
            data,
            &Header::new(&office, Scope::All, stamp(9, 1_800_000_000).now),
            None,
        );
        let line = file
            .lines()
            .find(|l| l.contains(&record.id().to_string()) && l.starts_with("{\"id\""))
            .expect("the record's line");
        line.trim_end_matches(',').to_string()
    }

    #[test]
    fn a_record_is_recognised_by_its_exported_text_only_at_the_version_taken() {
        let mut data = sample_dataset();
        let mut known = Fingerprints::of(&data);
        assert_eq!(known.len(), crate::storage::all_keys(&data).len());
        let agreement = data.agreements.iter_all().next().unwrap().clone();
        let text = exported_text_of(&data, &agreement);
        assert_eq!(known.recognise::<Agreement>(&text, &data), Some(&agreement));
        // Not as another collection, and not with one byte changed.
        assert_eq!(
            known.recognise::<crate::records::model::Person>(&text, &data),
            None
        );
        let changed = text.replacen("\"title\":\"", "\"title\":\"X", 1);
        assert_ne!(changed, text);
        assert_eq!(known.recognise::<Agreement>(&changed, &data), None);

        // Edited since: the old text is no longer ours, and the new one is not known yet.
        let mut edited = agreement.clone();
        edited.notes = "sửa".into();
        data.commit(edited.clone(), stamp(9, 1_800_000_000));
        assert_eq!(known.recognise::<Agreement>(&text, &data), None);
        let new_text = exported_text_of(&data, data.agreements.get(&agreement.id()).unwrap());
        assert_eq!(known.recognise::<Agreement>(&new_text, &data), None);
        known.refresh(&data);
        assert_eq!(
            known
                .recognise::<Agreement>(&new_text, &data)
                .map(|a| a.id()),
            Some(agreement.id())
        );
        assert_eq!(known.recognise::<Agreement>(&text, &data), None);
    }

    #[test]
    fn a_refresh_in_slices_takes_what_a_refresh_at_once_takes() {
        let mut data = sample_dataset();
        let mut at_once = Fingerprints::of(&data);
        let mut sliced = Fingerprints::default();
        let mut at = Refreshing::default();
        let mut slices = 1;
        while !sliced.refresh_some(&data, &mut at, 5) {
            slices += 1;
        }
        let records = crate::storage::all_keys(&data).len();
        assert!(
            slices >= records / 5,
            "{slices} slices for {records} records"
        );
        assert_eq!(sliced.taken.len(), at_once.taken.len());
        assert_eq!(sliced.by_digest, at_once.by_digest);
        // Edited between two slices, behind the cursor: not recognised at its new edition until
        // the next refresh, and not at its old one either.
        let agreement = data.agreements.iter_all().next().unwrap().clone();
        let old_text = exported_text_of(&data, &agreement);
        let mut at = Refreshing::default();
        assert!(!sliced.refresh_some(&data, &mut at, 3));
        let mut edited = agreement.clone();
        edited.notes = "sửa giữa hai lượt".into();
        data.commit(edited, stamp(9, 1_800_000_000));
        while !sliced.refresh_some(&data, &mut at, 3) {}
        assert_eq!(sliced.recognise::<Agreement>(&old_text, &data), None);
        at_once.refresh(&data);
        sliced.refresh(&data);
        assert_eq!(sliced.by_digest, at_once.by_digest);
    }

    #[test]
    fn refresh_forgets_records_that_are_gone() {
        let data = sample_dataset();
        let mut known = Fingerprints::of(&data);
        let agreement = data.agreements.iter_all().next().unwrap().clone();
        let text = exported_text_of(&data, &agreement);
        let mut fewer = data.clone();
        fewer.agreements = Default::default();
        for other in data.agreements.iter_all().skip(1) {
            fewer.agreements.put(other.clone());
        }
        known.refresh(&fewer);
        assert_eq!(known.len(), crate::storage::all_keys(&fewer).len());
        assert_eq!(known.recognise::<Agreement>(&text, &data), None);
    }
}
