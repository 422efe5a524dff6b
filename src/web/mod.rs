//! Browser glue: the only code that touches web APIs besides the components.

pub mod couch;
pub mod durability;
pub mod history;
pub mod local_storage;
pub mod lock;
pub mod service_worker;
pub mod tabs;

use chrono::{DateTime, Utc};

/// The current instant from the browser's clock.
pub fn now() -> DateTime<Utc> {
    Utc::now()
}
