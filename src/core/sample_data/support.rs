//! What tests, examples and benchmarks share: edits stamped by a numbered office at a given
//! second, so that a test names "office 2, at 1,700,000,010 s" in one call.

use crate::records::sorting;
use chrono::DateTime;

use crate::records::meta::OfficeId;
use crate::records::workspace::Stamp;

/// An edit by office number `office` (its id is that number) at `secs` seconds after the Unix
/// epoch.
pub fn stamp(office: u128, secs: i64) -> Stamp {
    Stamp {
        office: OfficeId::from_u128(office),
        now: DateTime::from_timestamp(secs, 0).expect("a test's time is in range"),
    }
}

/// The median of timed runs (benchmarks report medians: these machines are noisy).
pub fn median(mut runs: Vec<f64>) -> f64 {
    sorting::sort_by(&mut runs, f64::total_cmp);
    runs[runs.len() / 2]
}
