//! Rules on records: validation, status, what is due when, dates as offices write them.

pub mod dates;
pub mod schedule;
pub mod status;
pub mod validate;
pub mod validate_activity;
