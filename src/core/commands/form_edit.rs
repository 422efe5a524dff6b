//! A form's edit saved over a record that changed while the form was open: another tab saved
//! it, an import or an undo rewrote it, or another control on the same page (a
//! recommendation's status) changed it.
//!
//! The form's values are compared field by field with the record as the form read it. A field
//! the user left alone takes the value stored now, so the other change is kept; a field the
//! user changed takes the form's value. When both sides changed the same field differently, or
//! the record was deleted meanwhile, the edit keeps the version it was read at: saved, it is
//! concurrent with the stored one, and storage (`storage::tabs::settle`, with the same
//! [`merge_fields`]) stores what merges and keeps the clashing fields as a conflict the user
//! decides. Nothing is overwritten silently either way.

use serde_json::{Map, Value};

use crate::records::record::{from_value, Record, RecordKey};
use crate::records::workspace::{Dataset, Stored};

/// The record's own fields: the envelope (`id`, `version`…, its history) is never merged field
/// by field.
pub use crate::records::history::ENVELOPE;

/// Two edits of one record merged field by field against what both were made on.
#[derive(Clone, Debug, PartialEq)]
pub struct MergedFields {
    /// `theirs`, with every field only `mine` changed taken from `mine`; the envelope is theirs.
    pub fields: Map<String, Value>,
    /// Fields both changed, differently: `fields` holds theirs, the user decides.
    pub clashes: Vec<String>,
}

/// Merges `mine` and `theirs`, both made from `was`, field by field (top-level fields; a field
/// missing on one side counts as a value): a field one side changed takes that side's value, a
/// field both changed alike is kept, a field both changed differently is a clash.
pub fn merge_fields(
    was: &Map<String, Value>,
    mine: &Map<String, Value>,
    theirs: &Map<String, Value>,
) -> MergedFields {
    let mut fields = theirs.clone();
    let mut clashes = Vec::new();
    let keys = crate::records::sorting::set_of(mine.keys().chain(theirs.keys()).chain(was.keys()));
    for key in keys.into_iter().filter(|k| !ENVELOPE.contains(&k.as_str())) {
        let (was, mine, theirs) = (was.get(key), mine.get(key), theirs.get(key));
        if mine == was || mine == theirs {
            continue;
        }
        if theirs != was {
            clashes.push(key.clone());
            continue;
        }
        match mine {
            Some(value) => fields.insert(key.clone(), value.clone()),
            None => fields.remove(key),
        };
    }
    MergedFields { fields, clashes }
}

/// `edited` (the form's values over `opened`, the record as the form read it) moved onto
/// `current`, the record stored now. See the module's comment.
pub fn rebase_edit<T: Record>(opened: &T, edited: T, current: &T) -> T {
    // Unchanged since the form read it. (The same version with other content is another tab's
    // edit that lost a race to this one's, held by the form: a change like any other.)
    if current == opened {
        return edited;
    }
    if !current.is_live() {
        return edited;
    }
    let (Some(o), Some(e), Some(c)) = (object(opened), object(&edited), object(current)) else {
        return edited;
    };
    let merged = merge_fields(&o, &e, &c);
    if !merged.clashes.is_empty() {
        // Both changed a field, differently: the user decides.
        return edited;
    }
    from_value(&Value::Object(merged.fields)).unwrap_or(edited)
}

/// `edited` moved onto the record `data` holds now with its id (see [`rebase_edit`]); a record
/// not stored yet is saved as it is. When the edit keeps the version read (a clash), `opened`
/// is noted as what it was made on, so storage asks only about the fields that clash.
pub fn onto_stored<T: Stored>(data: &mut Dataset, opened: &T, edited: T) -> T {
    let Some(current) = T::table(data).get(&edited.id()) else {
        return edited;
    };
    let kept_version_read = current != opened;
    let rebased = rebase_edit(opened, edited, current);
    if kept_version_read && rebased.meta().version == opened.meta().version {
        data.note_read(opened);
    } else {
        data.befores.forget_read(RecordKey {
            collection: T::COLLECTION,
            id: rebased.id(),
        });
    }
    rebased
}

fn object<T: Record>(record: &T) -> Option<Map<String, Value>> {
    match serde_json::to_value(record) {
        Ok(Value::Object(fields)) => Some(fields),
        _ => None,
    }
}

#[cfg(test)]
mod tests;
