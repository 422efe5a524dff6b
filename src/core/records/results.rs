//! Coordination areas followed as obligations (a status per year, with evidence), and the
//! close-out of a period that has ended.

use serde::{Deserialize, Serialize};

use crate::records::record::UnknownFields;

use crate::records::meta::Id;
use crate::records::quick_serde::quick;

/// What the user records for an area in a year. "Overdue" is derived, never stored.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AreaMark {
    #[default]
    Pending,
    Done,
    Waived,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AreaResult {
    #[serde(with = "quick")]
    pub area: Id,
    pub year: i32,
    #[serde(default)]
    pub mark: AreaMark,
    /// What shows it was done (report number, event, figures).
    #[serde(default)]
    pub evidence: String,
    /// Fields of a newer app, kept (see `UnknownFields`).
    #[serde(flatten)]
    pub unknown: UnknownFields,
}

/// The closing account of a period: what the summary conference read.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct CloseOut {
    /// Results by area, in the area's words.
    #[serde(default)]
    pub area_results: Vec<AreaSummary>,
    #[serde(default)]
    pub achievements: String,
    #[serde(default)]
    pub shortcomings: String,
    #[serde(default)]
    pub lessons: String,
    /// Recommendations for the next period; carried into its draft.
    #[serde(default)]
    pub next_period: String,
    /// The summary conference event.
    #[serde(default, with = "quick")]
    pub summary_event: Option<Id>,
    /// Fields of a newer app, kept (see `UnknownFields`).
    #[serde(flatten)]
    pub unknown: UnknownFields,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AreaSummary {
    #[serde(with = "quick")]
    pub area: Id,
    pub result: String,
    /// Fields of a newer app, kept (see `UnknownFields`).
    #[serde(flatten)]
    pub unknown: UnknownFields,
}

impl CloseOut {
    pub fn is_empty(&self) -> bool {
        self.area_results.iter().all(|a| a.result.trim().is_empty())
            && self.achievements.trim().is_empty()
            && self.shortcomings.trim().is_empty()
            && self.lessons.trim().is_empty()
            && self.next_period.trim().is_empty()
            && self.summary_event.is_none()
    }
}
