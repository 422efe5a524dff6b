//! Recurring duties an agreement declares ("annual working session, once a year", "annual report
//! by 15/12"), expanded over the agreement's period into expected occurrences and matched against
//! recorded events, so missing ones show as upcoming, due soon or overdue.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::records::record::UnknownFields;

use crate::records::event::EventKind;
use crate::records::meta::Id;
use crate::records::quick_serde::quick;

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
    #[serde(default, with = "quick")]
    pub on: Option<NaiveDate>,
    #[serde(default)]
    pub note: String,
    /// Fields of a newer app, kept (see `UnknownFields`).
    #[serde(flatten)]
    pub unknown: UnknownFields,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Duty {
    #[serde(with = "quick")]
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

#[cfg(test)]
mod tests;
