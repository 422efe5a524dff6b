//! What every record is: its collection, its envelope's accessors, the fields a newer app wrote,
//! and the key it is stored under.

use std::collections::BTreeMap;

use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::records::date_bounds::check;
use crate::records::meta::{Id, Meta};

/// A record, or a part of one, from JSON already parsed into a value. Records are read from
/// their text (`serde_json::from_str`) or through here, always from a borrowed value: each way of
/// holding the JSON compiles its own copy of every record type's deserializer (50 KB of wasm for
/// an agreement), so two ways, not one per caller's habit.
pub fn from_value<T: DeserializeOwned>(value: &Value) -> serde_json::Result<T> {
    T::deserialize(value)
}

/// Fields this version does not know (written by a newer app) are kept, never dropped.
pub type UnknownFields = BTreeMap<String, Value>;

/// The collections of records, named as in storage keys and in the file format.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Collection {
    Organisations,
    People,
    Agreements,
    Events,
    Recommendations,
}

impl Collection {
    pub const ALL: [Collection; 5] = [
        Collection::Organisations,
        Collection::People,
        Collection::Agreements,
        Collection::Events,
        Collection::Recommendations,
    ];

    /// Its place in [`Collection::ALL`] (the order of the variants).
    pub const fn position(self) -> usize {
        self as usize
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Collection::Organisations => "organisations",
            Collection::People => "people",
            Collection::Agreements => "agreements",
            Collection::Events => "events",
            Collection::Recommendations => "recommendations",
        }
    }

    pub fn from_name(name: &str) -> Option<Collection> {
        Collection::ALL.into_iter().find(|c| c.as_str() == name)
    }
}

const _: () = {
    let mut i = 0;
    while i < Collection::ALL.len() {
        assert!(Collection::ALL[i].position() == i);
        i += 1;
    }
};

/// What every record type offers to the workspace, storage and merge.
pub trait Record: Clone + std::fmt::Debug + PartialEq + Serialize + DeserializeOwned {
    const COLLECTION: Collection;
    fn meta(&self) -> &Meta;
    fn meta_mut(&mut self) -> &mut Meta;
    fn id(&self) -> Id {
        self.meta().id
    }
    fn is_live(&self) -> bool {
        !self.meta().deleted
    }
    /// The file's side of a conflict kept as a second record (`Choice::KeepBoth`) gives up what
    /// may be held by one record only, so the pair is valid: the kept side still has it.
    fn part_from_kept(&mut self, _kept: &Self) {}
    /// Adds the paths of the record's own dates (not its envelope's) whose year is not
    /// plausible (`date_bounds::check`); see `all_dates_out_of_range`. A type with a date field
    /// must list it here: `every_date_of_every_record_is_bounded` (import tests) checks each.
    fn dates_out_of_range(&self, _out: &mut Vec<String>) {}
    /// The paths ("period.end", "created") of every date and time of the record outside
    /// `date_bounds::FIRST_YEAR..=LAST_YEAR`, envelope included, in the order of its fields.
    fn all_dates_out_of_range(&self) -> Vec<String> {
        let mut out = Vec::new();
        check(&mut out, Some(self.meta().created), || "created".into());
        check(&mut out, Some(self.meta().updated), || "updated".into());
        for (i, change) in self.meta().changes.iter().enumerate() {
            check(&mut out, Some(change.at), || format!("changes[{i}].at"));
        }
        if let Some(folded) = &self.meta().folded_changes {
            check(&mut out, Some(folded.earliest), || {
                "folded_changes.earliest".into()
            });
            check(&mut out, Some(folded.latest), || {
                "folded_changes.latest".into()
            });
        }
        self.dates_out_of_range(&mut out);
        out
    }
}

/// Names one stored record.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct RecordKey {
    pub collection: Collection,
    pub id: Id,
}
