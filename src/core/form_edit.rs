//! A form's edit saved over a record that changed while the form was open: another tab saved
//! it, an import or an undo rewrote it, or another control on the same page (a
//! recommendation's status) changed it.
//!
//! The form's values are compared field by field with the record as the form read it. A field
//! the user left alone takes the value stored now, so the other change is kept; a field the
//! user changed takes the form's value. When both sides changed the same field differently, or
//! the record was deleted meanwhile, the edit keeps the version it was read at: saved, it is
//! concurrent with the stored one, and storage keeps both as a conflict the user decides
//! (as for the agreement form). Nothing is overwritten silently either way.

use serde_json::{Map, Value};

use super::model::Record;
use super::workspace::{Dataset, Stored};

/// The record's own fields: the envelope (`id`, `version`…) is never merged field by field.
const ENVELOPE: [&str; 5] = ["id", "created", "updated", "version", "deleted"];

/// `edited` (the form's values over `opened`, the record as the form read it) moved onto
/// `current`, the record stored now. See the module's comment.
pub fn rebase_edit<T: Record>(opened: &T, edited: T, current: &T) -> T {
    if current.meta().version == opened.meta().version {
        return edited;
    }
    if !current.is_live() {
        return edited;
    }
    let (Some(o), Some(e), Some(c)) = (object(opened), object(&edited), object(current)) else {
        return edited;
    };
    let mut merged = c.clone();
    let keys = e.keys().chain(c.keys()).chain(o.keys());
    for key in keys.filter(|k| !ENVELOPE.contains(&k.as_str())) {
        let (was, mine, theirs) = (o.get(key), e.get(key), c.get(key));
        let take = if mine == was || mine == theirs {
            theirs
        } else if theirs == was {
            mine
        } else {
            // Both changed this field, differently: the user decides.
            return edited;
        };
        match take {
            Some(value) => merged.insert(key.clone(), value.clone()),
            None => merged.remove(key),
        };
    }
    serde_json::from_value(Value::Object(merged)).unwrap_or(edited)
}

/// `edited` moved onto the record `data` stores now with its id (see [`rebase_edit`]); a record
/// not stored yet is saved as it is.
pub fn onto_stored<T: Stored>(data: &Dataset, opened: &T, edited: T) -> T {
    match T::table(data).get(&edited.id()) {
        Some(current) => rebase_edit(opened, edited, current),
        None => edited,
    }
}

fn object<T: Record>(record: &T) -> Option<Map<String, Value>> {
    match serde_json::to_value(record) {
        Ok(Value::Object(fields)) => Some(fields),
        _ => None,
    }
}

#[cfg(test)]
mod tests;
