//! Changes a user makes, each through one path: saving forms, form edits, the next period.

pub mod form_edit;
pub mod next_period;
pub mod save;
