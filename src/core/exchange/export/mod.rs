//! The files an office hands on: Excel workbooks (xlsx), CSV for its own templates, calendars
//! (ics) and the period report as a Word document (docx). Every writer here is pure: it takes
//! the records (as the lists show them, filtered) and returns bytes, so it is tested natively.
//!
//! The core has no words of its own: a sheet's name, a column's title or a status in a cell is a
//! [`Word`], which the caller renders in the interface's language (`ui::exports::UiWords`). The
//! period report is the exception: it is a Vietnamese administrative document (`report`).
//! Kept apart from the rest of the core so it can later move into a lazily loaded part.

pub mod csv;
pub mod docx;
pub mod ics;
pub mod tables;
mod words;
pub mod xlsx;

use chrono::{NaiveDate, NaiveDateTime};

use crate::records::event::{EventKind, EventRole};
use crate::records::model::{AgreementKind, OrganisationKind, Status};
use crate::records::recommendation::RecommendationStatus;
use crate::rules::schedule::{AreaState, OccurrenceState};

/// A sheet of a workbook (and the name of a CSV's content).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Sheet {
    Agreements,
    Events,
    Recommendations,
    Organisations,
    People,
    PlanMatrix,
    Duties,
    Results,
}

/// A column's title.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Column {
    Number,
    Title,
    Kind,
    Parties,
    Lead,
    SignedOn,
    PeriodStart,
    PeriodEnd,
    Status,
    Plans,
    StartsAt,
    Place,
    Chairs,
    Attendees,
    Agreements,
    /// How many agreements an organisation is party to.
    PartyTo,
    Conclusions,
    Content,
    RaisedOn,
    RaisedBy,
    RaisedAt,
    AddressedTo,
    Agreement,
    Area,
    Deadline,
    DaysOverdue,
    Response,
    RespondedOn,
    Name,
    ShortName,
    Locality,
    Parent,
    Positions,
    Signed,
    Department,
    Year,
    PlanCount,
    Duty,
    Opens,
    Due,
    State,
    Basis,
    Evidence,
    Result,
}

/// What the interface words for a file: names, titles and the core's enums, in its language.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Word {
    Sheet(Sheet),
    Column(Column),
    Status(Status),
    AgreementKind(AgreementKind),
    OrganisationKind(OrganisationKind),
    EventKind(EventKind),
    EventRole(EventRole),
    RecommendationStatus(RecommendationStatus),
    Occurrence(OccurrenceState),
    Area(AreaState),
    /// The matrix's last row: plans covering each year.
    PlansPerYear,
    /// A duty settled by hand (no event).
    SettledByHand,
    /// Calendar: the deadline of a recommendation ("Hạn trả lời kiến nghị: …").
    CalendarDeadline(String),
    /// Calendar: a year's expected occurrence of a duty not yet held ("… (năm 2021)").
    CalendarDutyDue {
        duty: String,
        year: i32,
    },
    /// Calendar: an agreement ends in `days` days, on `end`.
    CalendarEnding {
        title: String,
        days: i64,
        end: NaiveDate,
    },
    /// Calendar: the reminder's text a week before.
    CalendarReminder(String),
    /// Calendar: the file's name shown by the calendar application.
    CalendarName,
}

/// Renders [`Word`]s: the interface's translation layer, or anything in tests.
pub trait Words {
    fn word(&self, word: Word) -> String;
}

impl<F: Fn(Word) -> String> Words for F {
    fn word(&self, word: Word) -> String {
        self(word)
    }
}

/// One value of a table, typed so the workbook keeps its type.
#[derive(Clone, Debug, PartialEq)]
pub enum Cell {
    Empty,
    Text(String),
    /// A count.
    Number(f64),
    Date(NaiveDate),
    /// A local time in Vietnam (events).
    DateTime(NaiveDateTime),
}

impl Cell {
    pub fn text(s: impl Into<String>) -> Cell {
        let s = s.into();
        if s.trim().is_empty() {
            Cell::Empty
        } else {
            Cell::Text(s)
        }
    }

    pub fn date(d: Option<NaiveDate>) -> Cell {
        d.map_or(Cell::Empty, Cell::Date)
    }

    pub fn count(n: usize) -> Cell {
        Cell::Number(n as f64)
    }

    /// How the cell reads as text (CSV, column widths): dates dd/mm/yyyy as everywhere else.
    pub fn as_text(&self) -> String {
        match self {
            Cell::Empty => String::new(),
            Cell::Text(s) => s.clone(),
            Cell::Number(n) if n.fract() == 0.0 => format!("{n:.0}"),
            Cell::Number(n) => n.to_string(),
            Cell::Date(d) => crate::rules::dates::format_date(*d),
            Cell::DateTime(t) => crate::rules::dates::format_local(*t),
        }
    }
}

/// A sheet's content: titled columns and typed rows, already in the interface's language.
#[derive(Clone, Debug, PartialEq)]
pub struct Table {
    pub sheet: String,
    pub columns: Vec<String>,
    pub rows: Vec<Vec<Cell>>,
}

/// Text a spreadsheet would take for a formula (`=`, `+`, `-`, `@`) or a control that starts
/// one (tab, carriage return), as OWASP lists them: a CSV cell gets an apostrophe in front, so
/// Excel and LibreOffice show it as text; an xlsx cell keeps its text and is marked as text
/// ("quote prefix"), so editing it later does not turn it into a formula either.
pub fn looks_like_formula(text: &str) -> bool {
    text.starts_with(['=', '+', '-', '@', '\t', '\r'])
}

/// A file name safe on every system: ASCII letters, digits and hyphens (Vietnamese folded,
/// "đ" → "d"), never empty, bounded, with the day and the extension: "phoihop-kien-nghi-2026-12-04.csv".
pub fn file_name(what: &str, day: NaiveDate, extension: &str) -> String {
    let slug = crate::exchange::file_format::slug(what, 60);
    let stem = if slug.is_empty() {
        "phoihop".to_string()
    } else {
        format!("phoihop-{slug}")
    };
    format!("{stem}-{}.{extension}", day.format("%Y-%m-%d"))
}

#[cfg(test)]
pub(crate) mod tests;
