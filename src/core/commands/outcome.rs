//! What a command did: the one result every change a user makes returns, whichever layer the
//! command lives in (a form's save here, an import in `exchange`, a snapshot restore in
//! `storage`). The caller writes exactly `changed` and shows the rest; it never works out
//! itself what a command touched.

use crate::records::history::Change;
use crate::records::record::{Record, RecordKey};
use crate::records::workspace::{Dataset, Stamp, Stored};
use crate::rules::validate::Issue;
use crate::rules::validate_activity::StatusEffect;

/// A command's result: its value, the records it changed, what to tell the user.
#[derive(Clone, Debug, PartialEq)]
pub struct Outcome<T, W = Issue> {
    pub value: T,
    /// The records changed: exactly the keys to write. Empty: nothing changed, no edit was
    /// made (no version bump, no history entry), and the page says so.
    pub changed: Vec<RecordKey>,
    /// Rules the saved records break that do not block saving.
    pub warnings: Vec<W>,
    /// Consequences worth telling the user beyond the record saved.
    pub effects: Vec<Effect>,
    /// The history entries this command made, with their record.
    pub entries: Vec<(RecordKey, Change)>,
}

/// A consequence of a command on records it did not edit itself.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Effect {
    /// What saving an event did to a linked agreement's status (a signing put it in force).
    AgreementStatus(StatusEffect),
}

impl<T, W> Outcome<T, W> {
    /// `value`, after a command that wrote `changed` in `data` with `stamp`: the entries it
    /// made are those of `stamp` on the records changed (a stamp is one command's).
    pub fn of(data: &Dataset, value: T, changed: Vec<RecordKey>, stamp: Stamp) -> Outcome<T, W> {
        let mut entries = Vec::new();
        for key in &changed {
            let found: Vec<Change> = crate::with_record_type!(key.collection, R => R::table(data)
                .get(&key.id)
                .map(|r| {
                    r.meta()
                        .changes
                        .iter()
                        .filter(|c| c.office == stamp.office && c.at == stamp.now)
                        .cloned()
                        .collect()
                })
                .unwrap_or_default());
            entries.extend(found.into_iter().map(|c| (*key, c)));
        }
        Outcome {
            value,
            changed,
            warnings: Vec::new(),
            effects: Vec::new(),
            entries,
        }
    }

    /// A command that changed nothing.
    pub fn nothing(value: T) -> Outcome<T, W> {
        Outcome {
            value,
            changed: Vec::new(),
            warnings: Vec::new(),
            effects: Vec::new(),
            entries: Vec::new(),
        }
    }

    /// True when the command changed nothing: the page says "Không có thay đổi nào".
    pub fn is_nothing(&self) -> bool {
        self.changed.is_empty()
    }

    pub fn with_warnings(mut self, warnings: Vec<W>) -> Outcome<T, W> {
        self.warnings = warnings;
        self
    }

    pub fn map<U>(self, f: impl FnOnce(T) -> U) -> Outcome<U, W> {
        Outcome {
            value: f(self.value),
            changed: self.changed,
            warnings: self.warnings,
            effects: self.effects,
            entries: self.entries,
        }
    }
}

/// An outcome reads as its value (`applied.counts`, `removal.kept_edited`).
impl<T, W> std::ops::Deref for Outcome<T, W> {
    type Target = T;
    fn deref(&self) -> &T {
        &self.value
    }
}

/// The records a command's result says to write: an outcome's `changed`; a refusal (`Err`) or
/// nothing to do (`None`) writes nothing. What the app's one place that writes asks.
pub trait Written {
    fn written(&self) -> &[RecordKey];
}

impl<T, W> Written for Outcome<T, W> {
    fn written(&self) -> &[RecordKey] {
        &self.changed
    }
}

impl<O: Written, E> Written for Result<O, E> {
    fn written(&self) -> &[RecordKey] {
        self.as_ref().map_or(&[], Written::written)
    }
}

impl<O: Written> Written for Option<O> {
    fn written(&self) -> &[RecordKey] {
        self.as_ref().map_or(&[], Written::written)
    }
}

/// The key of record `id` of type `T`.
pub fn key_of<T: Stored>(id: crate::records::meta::Id) -> RecordKey {
    RecordKey {
        collection: T::COLLECTION,
        id,
    }
}
