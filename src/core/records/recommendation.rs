//! Recommendations (kiến nghị): requests raised, usually at an event, that a body must answer by
//! a deadline. Their status changes are kept as history.

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

use crate::records::meta::{record_struct, Id, Meta};
use crate::records::quick_serde::quick;
use crate::records::record::{Collection, Record, UnknownFields};

#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize,
)]
#[serde(rename_all = "snake_case")]
pub enum RecommendationStatus {
    #[default]
    Open,
    InProgress,
    Resolved,
    Declined,
}

impl RecommendationStatus {
    pub const ALL: [RecommendationStatus; 4] = [
        RecommendationStatus::Open,
        RecommendationStatus::InProgress,
        RecommendationStatus::Resolved,
        RecommendationStatus::Declined,
    ];

    /// Still waiting for an answer: counts towards deadlines.
    pub fn is_pending(self) -> bool {
        matches!(
            self,
            RecommendationStatus::Open | RecommendationStatus::InProgress
        )
    }
}

/// One change of status, kept so the history can be read back.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct StatusChange {
    pub from: RecommendationStatus,
    pub to: RecommendationStatus,
    /// The day it happened (Vietnam).
    #[serde(with = "quick")]
    pub on: NaiveDate,
    #[serde(default)]
    pub note: String,
    #[serde(with = "quick")]
    pub recorded_at: DateTime<Utc>,
    /// Fields of a newer app, kept (see `UnknownFields`).
    #[serde(flatten)]
    pub unknown: UnknownFields,
}

record_struct! {
    #[derive(Clone, Debug, PartialEq)]
    pub struct Recommendation {
        pub content: String,
        /// The event where it was raised, if any.
        #[serde(default, with = "quick")]
        pub event: Option<Id>,
        #[serde(default, with = "quick")]
        pub raised_on: Option<NaiveDate>,
        #[serde(default, with = "quick")]
        pub raised_by: Option<Id>,
        /// Organisations that must answer.
        #[serde(default, with = "quick")]
        pub addressed_to: Vec<Id>,
        #[serde(default, with = "quick")]
        pub agreement: Option<Id>,
        /// A coordination area of `agreement`.
        #[serde(default, with = "quick")]
        pub area: Option<Id>,
        #[serde(default, with = "quick")]
        pub deadline: Option<NaiveDate>,
        #[serde(default)]
        pub status: RecommendationStatus,
        #[serde(default)]
        pub response: String,
        #[serde(default, with = "quick")]
        pub responded_on: Option<NaiveDate>,
        #[serde(default)]
        pub history: Vec<StatusChange>,
        #[serde(flatten)]
        pub unknown: UnknownFields,
    }
}

impl Record for Recommendation {
    const COLLECTION: Collection = Collection::Recommendations;
    fn meta(&self) -> &Meta {
        &self.meta
    }
    fn meta_mut(&mut self) -> &mut Meta {
        &mut self.meta
    }
    fn dates_out_of_range(&self, out: &mut Vec<String>) {
        use crate::records::date_bounds::check;
        check(out, self.raised_on, || "raised_on".into());
        check(out, self.deadline, || "deadline".into());
        check(out, self.responded_on, || "responded_on".into());
        for (i, change) in self.history.iter().enumerate() {
            check(out, Some(change.on), || format!("history[{i}].on"));
            check(out, Some(change.recorded_at), || {
                format!("history[{i}].recorded_at")
            });
        }
    }
}

impl Recommendation {
    pub fn new(meta: Meta, content: &str) -> Recommendation {
        Recommendation {
            meta,
            content: content.to_string(),
            event: None,
            raised_on: None,
            raised_by: None,
            addressed_to: Vec::new(),
            agreement: None,
            area: None,
            deadline: None,
            status: RecommendationStatus::Open,
            response: String::new(),
            responded_on: None,
            history: Vec::new(),
            unknown: UnknownFields::new(),
        }
    }

    /// Moves to `to`, recording the change; no entry when the status is unchanged.
    pub fn set_status(
        &mut self,
        to: RecommendationStatus,
        on: NaiveDate,
        note: &str,
        now: DateTime<Utc>,
    ) {
        if self.status == to {
            return;
        }
        self.history.push(StatusChange {
            from: self.status,
            to,
            on,
            note: note.to_string(),
            recorded_at: now,
            unknown: Default::default(),
        });
        self.status = to;
        if matches!(
            to,
            RecommendationStatus::Resolved | RecommendationStatus::Declined
        ) && self.responded_on.is_none()
        {
            self.responded_on = Some(on);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use uuid::Uuid;

    #[test]
    fn status_changes_are_recorded_once_and_answered_sets_the_response_date() {
        let now = DateTime::from_timestamp(0, 0).unwrap();
        let day = NaiveDate::from_ymd_opt(2021, 3, 1).unwrap();
        let mut r = Recommendation::new(Meta::new(Uuid::from_u128(1), now), "Hỗ trợ kinh phí");
        r.set_status(RecommendationStatus::InProgress, day, "Đang xem xét", now);
        r.set_status(RecommendationStatus::InProgress, day, "lặp", now);
        assert_eq!(r.history.len(), 1);
        assert!(r.responded_on.is_none());
        r.set_status(RecommendationStatus::Resolved, day, "", now);
        assert_eq!(r.history.len(), 2);
        assert_eq!(r.history[1].from, RecommendationStatus::InProgress);
        assert_eq!(r.responded_on, Some(day));
        assert!(!r.status.is_pending());
    }
}
