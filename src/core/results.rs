//! Coordination areas followed as obligations (a status per year, with evidence), and the
//! close-out of a period that has ended.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::model::UnknownFields;

use super::meta::Id;
use super::model::Agreement;
use crate::quick_serde::quick;

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
    #[serde(deserialize_with = "quick")]
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
        agreement.area_results.sort_by_key(|r| (r.year, r.area));
    }
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
    #[serde(default, deserialize_with = "quick")]
    pub summary_event: Option<Id>,
    /// Fields of a newer app, kept (see `UnknownFields`).
    #[serde(flatten)]
    pub unknown: UnknownFields,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AreaSummary {
    #[serde(deserialize_with = "quick")]
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::meta::Meta;
    use crate::model::AgreementKind;
    use chrono::DateTime;
    use uuid::Uuid;

    #[test]
    fn pending_becomes_overdue_only_after_its_year() {
        let mut a = Agreement::new(
            Meta::new(Uuid::from_u128(1), DateTime::from_timestamp(0, 0).unwrap()),
            "Q",
            AgreementKind::Regulation,
        );
        let area = Uuid::from_u128(2);
        let d = |y, m, dd| NaiveDate::from_ymd_opt(y, m, dd).unwrap();
        assert_eq!(
            area_state(&a, area, 2020, d(2020, 12, 31)),
            AreaState::Pending
        );
        assert_eq!(
            area_state(&a, area, 2020, d(2021, 1, 1)),
            AreaState::Overdue
        );
        set_area_result(&mut a, area, 2020, AreaMark::Done, " Báo cáo số 12 ");
        assert_eq!(area_state(&a, area, 2020, d(2021, 1, 1)), AreaState::Done);
        assert_eq!(a.area_results[0].evidence, "Báo cáo số 12");
        set_area_result(&mut a, area, 2020, AreaMark::Waived, "");
        assert_eq!(a.area_results.len(), 1);
        assert_eq!(area_state(&a, area, 2020, d(2025, 1, 1)), AreaState::Waived);
        set_area_result(&mut a, area, 2020, AreaMark::Pending, "");
        assert!(
            a.area_results.is_empty(),
            "back to pending with no evidence stores nothing"
        );
    }

    #[test]
    fn an_empty_close_out_is_empty() {
        assert!(CloseOut::default().is_empty());
        let c = CloseOut {
            lessons: "Cần họp sớm hơn".into(),
            ..CloseOut::default()
        };
        assert!(!c.is_empty());
    }
}
