//! The names of other offices: a history entry names its office by id only (names change, and
//! a name in every entry would cost storage), so each office keeps the names it has learned
//! (`KnownOffices`) and shows them wherever an office appears (history, audit). Names are learned
//! from the files imported (the exporting office, and the names that office knew in turn, so a
//! name travels A → B → C), and written into every export.

use std::collections::BTreeMap;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use super::meta::OfficeId;
use super::workspace::OfficeProfile;

/// The longest name kept (a file from elsewhere could hold anything).
pub const LONGEST_NAME: usize = 250;

/// One office's name as of a moment (when the file naming it was exported).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct KnownOffice {
    pub name: String,
    pub as_of: DateTime<Utc>,
}

/// Other offices' names by id. Merging takes, for each office, the newest name; two names as of
/// the same moment are settled by the text, so every office ends with the same directory
/// whatever order the files came in.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct KnownOffices(BTreeMap<OfficeId, KnownOffice>);

impl KnownOffices {
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    pub fn len(&self) -> usize {
        self.0.len()
    }

    pub fn name(&self, office: &OfficeId) -> Option<&str> {
        self.0.get(office).map(|o| o.name.as_str())
    }

    /// Learns `name` for `office` as of `as_of`; true when that changed what is known. A blank
    /// name teaches nothing; an overlong one is cut.
    pub fn learn(&mut self, office: OfficeId, name: &str, as_of: DateTime<Utc>) -> bool {
        let name: String = name.trim().chars().take(LONGEST_NAME).collect();
        if name.is_empty() {
            return false;
        }
        let newer = |known: &KnownOffice| (as_of, &name) > (known.as_of, &known.name);
        match self.0.get(&office) {
            Some(known) if !newer(known) => false,
            _ => {
                self.0.insert(office, KnownOffice { name, as_of });
                true
            }
        }
    }

    /// Learns every name `other` knows; true when anything changed.
    pub fn learn_all(&mut self, other: &KnownOffices) -> bool {
        let mut changed = false;
        for (office, known) in &other.0 {
            changed |= self.learn(*office, &known.name, known.as_of);
        }
        changed
    }

    /// What a file from `from` (exported at `exported_at`) teaches: its office's name and the
    /// names it knew. `here`: this office, never learned from a file (its name is its own).
    pub fn learn_from_file(
        &mut self,
        here: OfficeId,
        from: &OfficeProfile,
        exported_at: DateTime<Utc>,
        known_there: &KnownOffices,
    ) -> bool {
        let mut changed = false;
        if from.id != here {
            changed |= self.learn(from.id, &from.name, exported_at);
        }
        for (office, known) in &known_there.0 {
            if *office != here {
                changed |= self.learn(*office, &known.name, known.as_of);
            }
        }
        changed
    }

    /// The names an export carries: all but the exporting office's own (its header names it).
    pub fn for_export(&self, here: OfficeId) -> KnownOffices {
        let mut out = self.clone();
        out.0.remove(&here);
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use uuid::Uuid;

    fn at(day: u32) -> DateTime<Utc> {
        format!("2026-01-{day:02}T00:00:00Z").parse().unwrap()
    }

    fn office(n: u128, name: &str) -> OfficeProfile {
        OfficeProfile {
            id: Uuid::from_u128(n),
            name: name.into(),
        }
    }

    #[test]
    fn the_newest_name_wins_whatever_the_order() {
        let id = Uuid::from_u128(7);
        let mut a = KnownOffices::default();
        assert!(a.learn(id, "Tỉnh Đoàn Trà Vinh", at(1)));
        assert!(a.learn(id, "Văn phòng Tỉnh Đoàn Trà Vinh", at(3)));
        assert!(!a.learn(id, "Tên cũ", at(2)), "an older name is not taken");
        let mut b = KnownOffices::default();
        b.learn(id, "Tên cũ", at(2));
        b.learn(id, "Văn phòng Tỉnh Đoàn Trà Vinh", at(3));
        b.learn(id, "Tỉnh Đoàn Trà Vinh", at(1));
        assert_eq!(a, b);
        assert_eq!(a.name(&id), Some("Văn phòng Tỉnh Đoàn Trà Vinh"));
    }

    #[test]
    fn two_names_of_the_same_moment_settle_the_same_way() {
        let id = Uuid::from_u128(7);
        let (mut a, mut b) = (KnownOffices::default(), KnownOffices::default());
        a.learn(id, "A", at(1));
        a.learn(id, "B", at(1));
        b.learn(id, "B", at(1));
        b.learn(id, "A", at(1));
        assert_eq!(a, b);
        assert!(!a.learn_all(&b), "learning the same again changes nothing");
    }

    #[test]
    fn blank_names_teach_nothing_and_long_ones_are_cut() {
        let id = Uuid::from_u128(7);
        let mut known = KnownOffices::default();
        assert!(!known.learn(id, "   ", at(1)));
        assert!(known.is_empty());
        known.learn(id, &"x".repeat(LONGEST_NAME + 50), at(1));
        assert_eq!(known.name(&id).unwrap().chars().count(), LONGEST_NAME);
    }

    #[test]
    fn a_file_teaches_its_office_and_what_it_knew_but_never_this_office() {
        let here = office(1, "Văn phòng UBND tỉnh");
        let from = office(2, "Tỉnh Đoàn");
        let mut known_there = KnownOffices::default();
        known_there.learn(Uuid::from_u128(3), "Sở Y tế", at(1));
        known_there.learn(here.id, "Tên khác của đơn vị này", at(5));
        let mut known = KnownOffices::default();
        assert!(known.learn_from_file(here.id, &from, at(4), &known_there));
        assert_eq!(known.name(&from.id), Some("Tỉnh Đoàn"));
        assert_eq!(known.name(&Uuid::from_u128(3)), Some("Sở Y tế"));
        assert_eq!(known.name(&here.id), None);
        // Our own export read back teaches nothing.
        assert!(!known.learn_from_file(here.id, &here, at(6), &KnownOffices::default()));
        assert_eq!(known.for_export(from.id).name(&from.id), None);
    }
}
