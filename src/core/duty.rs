//! Recurring duties an agreement declares ("annual working session, once a year", "annual report
//! by 15/12"), expanded over the agreement's period into expected occurrences and matched against
//! recorded events, so missing ones show as upcoming, due soon or overdue.

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};

use crate::model::UnknownFields;

use super::event::{Event, EventKind};
use super::meta::Id;
use super::model::{Agreement, Period};
use crate::quick_serde::quick;

/// When in each year a duty falls due.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", tag = "every")]
pub enum DueRule {
    /// At least once in each calendar year: due by 31 December (or the period's end).
    YearAnyTime,
    /// Once a year by this day and month (29/02 means 28/02 in common years).
    YearBy { month: u32, day: u32 },
}

/// A duty's rule as stored: the rule, and fields a newer app wrote beside it, kept.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Due {
    pub rule: DueRule,
    pub unknown: UnknownFields,
}

impl From<DueRule> for Due {
    fn from(rule: DueRule) -> Due {
        Due {
            rule,
            unknown: UnknownFields::new(),
        }
    }
}

impl Serialize for Due {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        if self.unknown.is_empty() {
            // As the rule writes itself: the same text as before fields were kept here.
            return self.rule.serialize(serializer);
        }
        let mut fields = match serde_json::to_value(self.rule) {
            Ok(serde_json::Value::Object(fields)) => fields,
            _ => return Err(serde::ser::Error::custom("a rule is an object")),
        };
        for (name, value) in &self.unknown {
            fields.entry(name.clone()).or_insert_with(|| value.clone());
        }
        fields.serialize(serializer)
    }
}

impl<'de> Deserialize<'de> for Due {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Due, D::Error> {
        use serde::de::Error;
        let mut fields = serde_json::Map::deserialize(deserializer)?;
        let rule = DueRule::deserialize(serde_json::Value::Object(fields.clone()))
            .map_err(|e| D::Error::custom(e.to_string()))?;
        // Whatever the rule does not write itself is a newer app's.
        if let Ok(serde_json::Value::Object(own)) = serde_json::to_value(rule) {
            fields.retain(|name, _| !own.contains_key(name));
        }
        Ok(Due {
            rule,
            unknown: fields.into_iter().collect(),
        })
    }
}

/// A year's occurrence the user settled by hand: done without an event, or waived.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DutySettlement {
    pub year: i32,
    #[serde(default)]
    pub waived: bool,
    #[serde(default, deserialize_with = "quick")]
    pub on: Option<NaiveDate>,
    #[serde(default)]
    pub note: String,
    /// Fields of a newer app, kept (see `UnknownFields`).
    #[serde(flatten)]
    pub unknown: UnknownFields,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Duty {
    #[serde(deserialize_with = "quick")]
    pub id: Id,
    pub title: String,
    pub due: Due,
    /// Events of this kind linked to the agreement fulfil the duty; None: settled by hand only.
    #[serde(default)]
    pub fulfilled_by: Option<EventKind>,
    #[serde(default)]
    pub settlements: Vec<DutySettlement>,
    /// Fields of a newer app, kept (see `UnknownFields`).
    #[serde(flatten)]
    pub unknown: UnknownFields,
}

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

#[cfg(test)]
mod tests;
