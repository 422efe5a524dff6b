//! Where each obligation of an agreement stands on a given day: the duties it declares
//! ("annual working session, once a year", "annual report by 15/12") expanded over its period into
//! expected occurrences and matched against recorded events, so missing ones show as upcoming,
//! due soon or overdue; and each coordination area's yearly result.

use crate::records::sorting;
use chrono::{Datelike, NaiveDate};

use crate::records::duty::DueRule;
use crate::records::event::Event;
use crate::records::meta::Id;
use crate::records::model::{Agreement, Period};
use crate::records::results::{AreaMark, AreaResult};

/// Where an expected occurrence stands on a given day.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum OccurrenceState {
    Overdue,
    /// Due within 30 days.
    DueSoon,
    Upcoming,
    Done,
    Waived,
}

/// One year's expected occurrence of a duty.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Occurrence {
    pub agreement: Id,
    pub duty: Id,
    pub year: i32,
    /// The first day it can be fulfilled (the period may start mid-year).
    pub opens: NaiveDate,
    pub due: NaiveDate,
    pub state: OccurrenceState,
    /// The event that fulfilled it, if any.
    pub event: Option<Id>,
}

/// Days before the due date at which an occurrence counts as "due soon".
pub const DUE_SOON_DAYS: i64 = 30;

fn clamp_day(year: i32, month: u32, day: u32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(year, month, day).or_else(|| NaiveDate::from_ymd_opt(year, month, 28))
}

/// The (opens, due) window of each year of `period` for `rule`. Years whose window is empty
/// (the period starts after that year's due day) have no occurrence.
pub fn windows(rule: DueRule, period: &Period) -> Vec<(i32, NaiveDate, NaiveDate)> {
    let (Some(start), Some(end)) = (period.start, period.end) else {
        return Vec::new();
    };
    if end < start || end.year() - start.year() > 100 {
        return Vec::new();
    }
    (start.year()..=end.year())
        .filter_map(|year| {
            let opens = start.max(NaiveDate::from_ymd_opt(year, 1, 1)?);
            let nominal = match rule {
                DueRule::YearAnyTime => NaiveDate::from_ymd_opt(year, 12, 31)?,
                DueRule::YearBy { month, day } => clamp_day(year, month, day)?,
            };
            let due = nominal.min(end);
            (opens <= due).then_some((year, opens, due))
        })
        .collect()
}

/// The state of a not-yet-fulfilled occurrence due on `due`, seen on `today`.
pub fn pending_state(due: NaiveDate, today: NaiveDate) -> OccurrenceState {
    if today > due {
        OccurrenceState::Overdue
    } else if (due - today).num_days() <= DUE_SOON_DAYS {
        OccurrenceState::DueSoon
    } else {
        OccurrenceState::Upcoming
    }
}

/// Every expected occurrence of every duty of `agreement`, matched against `events`
/// (an event of the right kind, linked to the agreement, in that year within the period).
pub fn occurrences(agreement: &Agreement, events: &[&Event], today: NaiveDate) -> Vec<Occurrence> {
    let id = agreement.meta.id;
    let mut out = Vec::new();
    for duty in &agreement.duties {
        for (year, opens, due) in windows(duty.due.rule, &agreement.period) {
            let settled = duty.settlements.iter().find(|s| s.year == year);
            let event = duty.fulfilled_by.and_then(|kind| {
                events
                    .iter()
                    .filter(|e| !e.meta.deleted && e.kind == kind && e.links(id))
                    .filter(|e| e.day().year() == year && e.day() >= opens)
                    .filter(|e| agreement.period.end.is_none_or(|end| e.day() <= end))
                    .min_by_key(|e| e.starts_at)
                    .map(|e| e.meta.id)
            });
            let state = match (event, settled) {
                (Some(_), _) => OccurrenceState::Done,
                (None, Some(s)) if s.waived => OccurrenceState::Waived,
                (None, Some(_)) => OccurrenceState::Done,
                (None, None) => pending_state(due, today),
            };
            out.push(Occurrence {
                agreement: id,
                duty: duty.id,
                year,
                opens,
                due,
                state,
                event,
            });
        }
    }
    out
}

/// An area's standing in a year, as shown.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum AreaState {
    Pending,
    Done,
    Waived,
    /// Still pending after its year ended.
    Overdue,
}

/// The state of `area` in `year`, seen on `today`.
pub fn area_state(agreement: &Agreement, area: Id, year: i32, today: NaiveDate) -> AreaState {
    use chrono::Datelike;
    let mark = agreement
        .area_results
        .iter()
        .find(|r| r.area == area && r.year == year)
        .map(|r| r.mark);
    match mark.unwrap_or_default() {
        AreaMark::Done => AreaState::Done,
        AreaMark::Waived => AreaState::Waived,
        AreaMark::Pending if year < today.year() => AreaState::Overdue,
        AreaMark::Pending => AreaState::Pending,
    }
}

/// Sets (or replaces) the mark and evidence of `area` in `year`.
pub fn set_area_result(
    agreement: &mut Agreement,
    area: Id,
    year: i32,
    mark: AreaMark,
    evidence: &str,
) {
    agreement
        .area_results
        .retain(|r| !(r.area == area && r.year == year));
    if mark != AreaMark::Pending || !evidence.trim().is_empty() {
        agreement.area_results.push(AreaResult {
            area,
            year,
            mark,
            evidence: evidence.trim().to_string(),
            unknown: Default::default(),
        });
        sorting::sort_by_key(&mut agreement.area_results, |r| (r.year, r.area));
    }
}

#[cfg(test)]
mod tests;
