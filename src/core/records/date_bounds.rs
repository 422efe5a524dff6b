//! The years a date may have, anywhere: part of what a record is.

use chrono::Datelike;

/// The years a date may have, anywhere: typed in a form, read from a file, computed. An office
/// records documents of its own time, from the 20th century's regulations to deadlines a few
/// decades ahead; a year outside is a typo or a crafted file. Bounded so, every computation on
/// dates (the next period, each year's duties, a matrix of years) stays far inside what chrono
/// can represent (±262,143 years) and loops over a few hundred years at most. The forms have
/// always refused other years (`parse_date_input`); the import refuses them with their path.
pub const FIRST_YEAR: i32 = 1900;
pub const LAST_YEAR: i32 = 2200;

pub fn plausible_year(year: i32) -> bool {
    (FIRST_YEAR..=LAST_YEAR).contains(&year)
}

/// Adds `path()` to `out` when `date`'s year is not plausible.
pub fn check(out: &mut Vec<String>, date: Option<impl Datelike>, path: impl FnOnce() -> String) {
    if date.is_some_and(|d| !plausible_year(d.year())) {
        out.push(path());
    }
}

/// Adds `path()` to `out` when `year` is not plausible (a year stored as a number).
pub fn check_year(out: &mut Vec<String>, year: i32, path: impl FnOnce() -> String) {
    if !plausible_year(year) {
        out.push(path());
    }
}
