//! The envelope every stored record carries: identity, times, version and deletion mark.
//! Merge (between offices) and storage (between tabs) compare versions, never clocks.

use std::collections::BTreeMap;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use crate::records::quick_serde::{quick, Readable, Writable};

/// A record's stable identity: a UUID v4, the same in every office and every file.
pub type Id = Uuid;

/// The id of one installation (one office's browser profile).
pub type OfficeId = Uuid;

/// The office that "edited" every sample record once: the same in every installation (derived
/// from its key in `sample_data::sample`, which checks it), so storage can tell it from the
/// user's own office without knowing the sample.
pub const SAMPLE_OFFICE_ID: OfficeId = Uuid::from_u128(0x856b863e_9502_45c7_a70d_5572f0c086c0);

pub fn new_id() -> Id {
    Uuid::new_v4()
}

/// An id as we write it (36 characters: hex digits in either case, hyphens at 8, 13, 18 and 23),
/// read as `Uuid::try_parse` reads it, or `None`. The import reads tens of thousands of ids;
/// `uuid`'s general parser costs several times as much in wasm32.
pub fn parse_hyphenated(text: &[u8]) -> Option<Id> {
    /// Each byte's value as a hex digit; 0xFF for any other byte.
    const HEX: [u8; 256] = {
        let mut table = [0xFF; 256];
        let mut i = 0;
        while i < 10 {
            table[b'0' as usize + i] = i as u8;
            i += 1;
        }
        let mut i = 0;
        while i < 6 {
            table[b'a' as usize + i] = 10 + i as u8;
            table[b'A' as usize + i] = 10 + i as u8;
            i += 1;
        }
        table
    };
    let text: &[u8; 36] = text.try_into().ok()?;
    if text[8] != b'-' || text[13] != b'-' || text[18] != b'-' || text[23] != b'-' {
        return None;
    }
    // Any bad digit sets the high bits of `bad`: one test at the end, no branch per digit. Two
    // halves of 64 bits: wasm32 has no 128-bit arithmetic.
    let mut bad = 0u8;
    let mut half = |groups: &[&[u8]]| {
        let mut value = 0u64;
        for group in groups {
            for &byte in *group {
                let digit = HEX[usize::from(byte)];
                bad |= digit;
                value = value << 4 | u64::from(digit & 0x0F);
            }
        }
        value
    };
    let high = half(&[&text[0..8], &text[9..13], &text[14..18]]);
    let low = half(&[&text[19..23], &text[24..36]]);
    (bad & 0xF0 == 0).then(|| Uuid::from_u64_pair(high, low))
}

impl Readable for Id {
    const EXPECTING: &'static str = "a formatted UUID string";

    fn quickly(text: &str) -> Option<Id> {
        parse_hyphenated(text.as_bytes())
    }
}

/// `uuid` writes an id from a buffer already, with no formatting machinery.
impl Writable for Id {
    fn write<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.serialize(serializer)
    }
}

/// How two versions of the same record relate.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Causality {
    Equal,
    /// The left side has seen everything the right side has, and more.
    Dominates,
    /// The right side has seen everything the left side has, and more.
    DominatedBy,
    /// Each side has edits the other has not seen: a conflict.
    Concurrent,
}

/// A version vector: for each office, how many edits it has made to the record.
/// Exact where timestamps are not: office clocks are often wrong.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct VersionVector(#[serde(with = "quick")] pub BTreeMap<OfficeId, u64>);

impl VersionVector {
    /// Records one more edit by `office`.
    pub fn bump(&mut self, office: OfficeId) {
        // Saturating: a counter at u64's end (refused on import since; see import::MAX_EDITS)
        // must not wrap to 0 or panic.
        let edits = self.0.entry(office).or_insert(0);
        *edits = edits.saturating_add(1);
    }

    pub fn get(&self, office: &OfficeId) -> u64 {
        self.0.get(office).copied().unwrap_or(0)
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// The total number of edits known; handy to order versions for display.
    pub fn total(&self) -> u64 {
        self.0.values().fold(0u64, |sum, n| sum.saturating_add(*n))
    }

    pub fn compare(&self, other: &VersionVector) -> Causality {
        let mut left_ahead = false;
        let mut right_ahead = false;
        for office in self.0.keys().chain(other.0.keys()) {
            let (l, r) = (self.get(office), other.get(office));
            left_ahead |= l > r;
            right_ahead |= r > l;
        }
        match (left_ahead, right_ahead) {
            (false, false) => Causality::Equal,
            (true, false) => Causality::Dominates,
            (false, true) => Causality::DominatedBy,
            (true, true) => Causality::Concurrent,
        }
    }

    /// The pointwise maximum: a version that has seen both.
    pub fn join(&self, other: &VersionVector) -> VersionVector {
        let mut joined = self.clone();
        for (office, &n) in &other.0 {
            let entry = joined.0.entry(*office).or_insert(0);
            *entry = (*entry).max(n);
        }
        joined
    }
}

fn is_false(b: &bool) -> bool {
    !*b
}

/// The envelope of every record.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Meta {
    #[serde(with = "quick")]
    pub id: Id,
    #[serde(with = "quick")]
    pub created: DateTime<Utc>,
    #[serde(with = "quick")]
    pub updated: DateTime<Utc>,
    pub version: VersionVector,
    /// Deletes are soft (a tombstone), so undo works and a merge never resurrects a deleted record.
    #[serde(default, skip_serializing_if = "is_false")]
    pub deleted: bool,
    /// The record's history: its newest changes whole, oldest first (`history.rs`; older ones
    /// are in `folded_changes`); files of schema 1 have none. (`changes`: a recommendation's own `history` is its status changes.)
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub changes: Vec<crate::records::history::Change>,
    /// The record's older changes, folded into one summary (`history::Folded`); none: every
    /// change is in `changes`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub folded_changes: Option<crate::records::history::Folded>,
}

impl Meta {
    /// The envelope of a record that no office has saved yet.
    pub fn new(id: Id, now: DateTime<Utc>) -> Meta {
        Meta {
            id,
            created: now,
            updated: now,
            version: VersionVector::default(),
            deleted: false,
            changes: Vec::new(),
            folded_changes: None,
        }
    }

    /// Stamps one local edit: a newer version for `office`, and the time.
    pub fn touch(&mut self, office: OfficeId, now: DateTime<Utc>) {
        self.version.bump(office);
        self.updated = now;
    }

    /// This record's history with `other`'s: every change of either once, whole or folded
    /// (`history::unite`).
    pub fn unite_history(&mut self, other: &Meta) {
        crate::records::history::unite(
            (&mut self.changes, &mut self.folded_changes),
            (&other.changes, other.folded_changes.as_ref()),
        );
    }

    /// How many changes the history holds, whole and folded.
    pub fn change_count(&self) -> usize {
        self.changes.len() + self.folded_changes.as_ref().map_or(0, |f| f.count())
    }

    /// True before the record's first save.
    pub fn is_unsaved(&self) -> bool {
        self.version.0.is_empty()
    }
}

/// A record type: its envelope `meta` (flattened into the record's JSON object) and then the
/// fields given. Written through serde's derive; read through a struct with the envelope's fields
/// beside the record's own, so serde reads each field straight from the JSON. Why: a flattened
/// `Meta` is read the slow way, every key and value first buffered in serde's `Content` and read
/// again from there (a tenth of a 50,000-event load, natively), with a copy of the record's
/// reader for that buffer. The result is the same; `Meta { .. }` written out whole below makes a
/// new envelope field fail to compile here, not go unread.
macro_rules! record_struct {
    (
        $(#[$attr:meta])*
        pub struct $name:ident {
            $( $(#[$field_attr:meta])* pub $field:ident: $ty:ty, )*
        }
    ) => {
        $(#[$attr])*
        #[derive(serde::Serialize)]
        pub struct $name {
            #[serde(flatten)]
            pub meta: $crate::records::meta::Meta,
            $( $(#[$field_attr])* pub $field: $ty, )*
        }

        impl<'de> serde::Deserialize<'de> for $name {
            fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                use $crate::records::quick_serde::quick;
                // Named as the record, for serde's messages ("expected struct Event").
                #[derive(serde::Deserialize)]
                struct $name {
                    #[serde(with = "quick")]
                    id: $crate::records::meta::Id,
                    #[serde(with = "quick")]
                    created: chrono::DateTime<chrono::Utc>,
                    #[serde(with = "quick")]
                    updated: chrono::DateTime<chrono::Utc>,
                    version: $crate::records::meta::VersionVector,
                    #[serde(default)]
                    deleted: bool,
                    #[serde(default)]
                    changes: Vec<$crate::records::history::Change>,
                    #[serde(default)]
                    folded_changes: Option<$crate::records::history::Folded>,
                    $( $(#[$field_attr])* $field: $ty, )*
                }
                let read = <$name as serde::Deserialize>::deserialize(deserializer)?;
                Ok(Self {
                    meta: $crate::records::meta::Meta {
                        id: read.id,
                        created: read.created,
                        updated: read.updated,
                        version: read.version,
                        deleted: read.deleted,
                        changes: read.changes,
                        folded_changes: read.folded_changes,
                    },
                    $( $field: read.$field, )*
                })
            }
        }
    };
}
pub(crate) use record_struct;

#[cfg(test)]
mod tests {
    use super::*;

    fn office(n: u128) -> OfficeId {
        Uuid::from_u128(n)
    }

    #[test]
    fn parse_hyphenated_reads_as_uuid_does() {
        // Valid ids in both cases, each then broken one byte at a time with every byte value.
        let mut state = 0x9E37_79B9_7F4A_7C15_u64;
        let mut next = || {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            state
        };
        let mut checked = 0;
        for round in 0..64 {
            let id = Uuid::from_u64_pair(next(), next());
            let mut text = id.hyphenated().to_string();
            if round % 2 == 1 {
                text = text.to_uppercase();
            }
            assert_eq!(parse_hyphenated(text.as_bytes()), Some(id));
            for at in 0..36 {
                for byte in 0..=255u8 {
                    let mut bytes = text.clone().into_bytes();
                    bytes[at] = byte;
                    assert_eq!(
                        parse_hyphenated(&bytes),
                        Uuid::try_parse_ascii(&bytes).ok(),
                        "{bytes:?}"
                    );
                    checked += 1;
                }
            }
        }
        assert!(checked > 500_000);
        // Other lengths and forms are not ours to read here.
        for text in [
            "",
            "{67e55044-10b1-426f-9247-bb680e5fe0c8}",
            "67e5504410b1426f9247bb680e5fe0c8",
        ] {
            assert_eq!(parse_hyphenated(text.as_bytes()), None);
        }
    }

    #[test]
    fn compare_covers_the_four_relations() {
        let (a, b) = (office(1), office(2));
        let mut base = VersionVector::default();
        base.bump(a);
        let mut left = base.clone();
        let mut right = base.clone();
        assert_eq!(left.compare(&right), Causality::Equal);
        left.bump(a);
        assert_eq!(left.compare(&right), Causality::Dominates);
        assert_eq!(right.compare(&left), Causality::DominatedBy);
        right.bump(b);
        assert_eq!(left.compare(&right), Causality::Concurrent);
        let joined = left.join(&right);
        assert_eq!(joined.compare(&left), Causality::Dominates);
        assert_eq!(joined.compare(&right), Causality::Dominates);
        assert_eq!(joined.total(), 3);
    }

    #[test]
    fn missing_office_counts_as_zero() {
        let mut v = VersionVector::default();
        assert_eq!(v.compare(&VersionVector::default()), Causality::Equal);
        v.bump(office(9));
        assert_eq!(VersionVector::default().compare(&v), Causality::DominatedBy);
    }

    #[test]
    fn touch_bumps_and_stamps() {
        let t0 = DateTime::from_timestamp(0, 0).unwrap();
        let t1 = DateTime::from_timestamp(60, 0).unwrap();
        let mut m = Meta::new(new_id(), t0);
        assert!(m.is_unsaved());
        m.touch(office(1), t1);
        assert!(!m.is_unsaved());
        assert_eq!(m.updated, t1);
        assert_eq!(m.created, t0);
        assert_eq!(m.version.get(&office(1)), 1);
    }

    #[test]
    fn deleted_flag_is_omitted_when_false_and_defaults_on_read() {
        let m = Meta::new(Uuid::from_u128(5), DateTime::from_timestamp(0, 0).unwrap());
        let json = serde_json::to_string(&m).unwrap();
        assert!(!json.contains("deleted"));
        let back: Meta = serde_json::from_str(&json).unwrap();
        assert_eq!(back, m);
    }
}
