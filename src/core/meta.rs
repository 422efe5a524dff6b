//! The envelope every stored record carries: identity, times, version and deletion mark.
//! Merge (between offices) and storage (between tabs) compare versions, never clocks.

use std::collections::BTreeMap;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

/// A record's stable identity: a UUID v4, the same in every office and every file.
pub type Id = Uuid;

/// The id of one installation (one office's browser profile).
pub type OfficeId = Uuid;

pub fn new_id() -> Id {
    Uuid::new_v4()
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
pub struct VersionVector(pub BTreeMap<OfficeId, u64>);

impl VersionVector {
    /// Records one more edit by `office`.
    pub fn bump(&mut self, office: OfficeId) {
        *self.0.entry(office).or_insert(0) += 1;
    }

    pub fn get(&self, office: &OfficeId) -> u64 {
        self.0.get(office).copied().unwrap_or(0)
    }

    /// The total number of edits known; handy to order versions for display.
    pub fn total(&self) -> u64 {
        self.0.values().sum()
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
    pub id: Id,
    pub created: DateTime<Utc>,
    pub updated: DateTime<Utc>,
    pub version: VersionVector,
    /// Deletes are soft (a tombstone), so undo works and a merge never resurrects a deleted record.
    #[serde(default, skip_serializing_if = "is_false")]
    pub deleted: bool,
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
        }
    }

    /// Stamps one local edit: a newer version for `office`, and the time.
    pub fn touch(&mut self, office: OfficeId, now: DateTime<Utc>) {
        self.version.bump(office);
        self.updated = now;
    }

    /// True before the record's first save.
    pub fn is_unsaved(&self) -> bool {
        self.version.0.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn office(n: u128) -> OfficeId {
        Uuid::from_u128(n)
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
