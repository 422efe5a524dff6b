//! The records of the ledger and their envelope: types, ids and versions, the office's data in memory.

pub mod date_bounds;
pub mod duty;
pub mod edits;
pub mod event;
pub mod history;
pub mod known_offices;
pub mod meta;
pub mod model;
pub mod original;
pub mod quick_serde;
pub mod recommendation;
pub mod record;
pub mod results;
pub mod sorting;
pub mod workspace;
