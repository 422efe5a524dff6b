//! How long each typed text may be: room for the longest real value of its kind (a title that
//! names every party and the period, a position held jointly), short enough that a paste of a
//! whole document into a one-line field is caught. The forms show a counter against these and
//! refuse a longer value; the import warns about one (`import::rules`), and takes it. An event's
//! title and place and a recommendation's content are checked in `validate_activity`.

use super::{Issue, Problem};
use crate::records::model::{Agreement, Organisation, Person};

/// Characters, as a reader counts them.
pub const NUMBER: usize = 60;
pub const TITLE: usize = 400;
pub const PLACE: usize = 150;
pub const ROLE: usize = 200;
pub const POSITION: usize = 300;
pub const REASON: usize = 500;
pub const ORGANISATION_NAME: usize = 250;
pub const SHORT_NAME: usize = 60;
pub const PERSON_NAME: usize = 120;
/// A recommendation's content (kiến nghị): what one body asks of another, as a conference's
/// summary words it: a sentence or a paragraph of a few (its page's heading, a line in its
/// lists), never a report pasted whole.
pub const RECOMMENDATION: usize = 1000;

/// More than `max` characters. Counted only when the bytes could hold that many: a character
/// is at least one byte, and an import checks thousands of texts, nearly all short.
pub fn too_long(text: &str, max: usize) -> bool {
    text.len() > max && text.chars().count() > max
}

/// `field` is named only for a text too long: an import's records have thousands of texts.
fn check<F: Into<String>>(
    issues: &mut Vec<Issue>,
    field: impl FnOnce() -> F,
    text: &str,
    max: usize,
) {
    if too_long(text, max) {
        issues.push(Issue::error(field(), Problem::TooLong { max }));
    }
}

pub(super) fn agreement(a: &Agreement, issues: &mut Vec<Issue>) {
    check(issues, || "number", &a.number, NUMBER);
    check(issues, || "title", &a.title, TITLE);
    check(issues, || "signed_place", &a.signed_place, PLACE);
    if let Some(o) = &a.status_override {
        check(issues, || "status_override.reason", &o.reason, REASON);
    }
    for (i, p) in a.parties.iter().enumerate() {
        check(issues, || format!("parties[{i}].role"), &p.role, ROLE);
    }
    for (i, s) in a.signatories.iter().enumerate() {
        check(
            issues,
            || format!("signatories[{i}].position"),
            &s.position,
            POSITION,
        );
    }
    for (i, area) in a.areas.iter().enumerate() {
        check(issues, || format!("areas[{i}].title"), &area.title, TITLE);
    }
    for (i, d) in a.duties.iter().enumerate() {
        check(issues, || format!("duties[{i}].title"), &d.title, TITLE);
    }
}

pub(super) fn organisation(o: &Organisation, issues: &mut Vec<Issue>) {
    check(issues, || "name", &o.name, ORGANISATION_NAME);
    check(issues, || "short_name", &o.short_name, SHORT_NAME);
}

pub(super) fn person(p: &Person, issues: &mut Vec<Issue>) {
    check(issues, || "full_name", &p.full_name, PERSON_NAME);
    for (i, pos) in p.positions.iter().enumerate() {
        check(
            issues,
            || format!("positions[{i}].title"),
            &pos.title,
            POSITION,
        );
    }
}
