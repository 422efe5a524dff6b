//! Changes a user makes, each through one path returning one [`outcome::Outcome`]: saving
//! forms and controls, delete and undelete (save.rs), form edits merged onto what changed
//! meanwhile, the next period. Commands of higher layers (an import, a snapshot restore, a
//! conflict choice, the sample's removal) return the same `Outcome`.

pub mod form_edit;
pub mod next_period;
pub mod outcome;
pub mod save;
