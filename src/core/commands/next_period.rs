//! "Duplicate for the next period": a draft that copies what carries over, shifts the period by
//! its own length and points back at the agreement it supersedes.

use chrono::{DateTime, Datelike, NaiveDate, Utc};

use crate::records::meta::{new_id, Meta};
use crate::records::model::{Agreement, CoordinationArea};

/// What to copy; the user ticks these in the dialog.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct CarryOver {
    pub parties: bool,
    pub areas: bool,
    pub legal_basis: bool,
    pub notes: bool,
    /// Recurring duties (without the old years' settlements).
    pub duties: bool,
    /// The close-out's recommendations for the next period, written into the draft's notes.
    pub recommendations: bool,
}

impl Default for CarryOver {
    fn default() -> Self {
        CarryOver {
            parties: true,
            areas: true,
            legal_basis: true,
            notes: false,
            duties: true,
            recommendations: true,
        }
    }
}

/// The heading under which the close-out's recommendations enter the next period's notes.
pub const CARRIED_RECOMMENDATIONS: &str = "Kiến nghị từ tổng kết giai đoạn trước:";

/// `day` moved by `years`; 29 February shifts to 28 February in a common year. `None` past the
/// years chrono can hold (only a date stored before dates were bounded could get there).
fn shift_years(day: NaiveDate, years: i32) -> Option<NaiveDate> {
    let year = day.year().checked_add(years)?;
    day.with_year(year)
        .or_else(|| NaiveDate::from_ymd_opt(year, day.month(), 28))
}

/// Replaces the whole-word years `from` with `to` in `text` ("giai đoạn 2018 - 2022" → "2023 - 2027").
fn replace_years(text: &str, pairs: &[(i32, i32)]) -> String {
    let mut out = String::with_capacity(text.len());
    let chars: Vec<char> = text.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        let is_year_start = i + 4 <= chars.len()
            && chars[i..i + 4].iter().all(char::is_ascii_digit)
            && (i == 0 || !chars[i - 1].is_ascii_digit())
            && (i + 4 == chars.len() || !chars[i + 4].is_ascii_digit());
        if is_year_start {
            let word: String = chars[i..i + 4].iter().collect();
            let year: i32 = word.parse().unwrap_or_default();
            match pairs.iter().find(|(from, _)| *from == year) {
                Some((_, to)) => out.push_str(&to.to_string()),
                None => out.push_str(&word),
            }
            i += 4;
        } else {
            out.push(chars[i]);
            i += 1;
        }
    }
    out
}

/// How a series numbers its terms, which decides where the next one starts.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Convention {
    /// Each term begins the year after the last one ends: 2013–2017 → 2018–2022.
    Consecutive,
    /// Terms share the year of the change: 2017–2022 → 2022–2027.
    SharedYear,
}

/// The convention `agreement`'s series follows: from the term it replaced (`before`, its end
/// year against this one's start year) when known; else from its own span, since terms are
/// five years: 5 years from start to end (2017–2022) share the boundary year, 4 (2013–2017)
/// do not. Anything else (a two-year plan): consecutive.
pub fn convention(agreement: &Agreement, before: Option<&Agreement>) -> Convention {
    let (Some(start), Some(end)) = (agreement.period.start, agreement.period.end) else {
        return Convention::Consecutive;
    };
    if let Some(before_end) = before.and_then(|b| b.period.end) {
        if before_end.year() == start.year() {
            return Convention::SharedYear;
        }
        if before_end.year() + 1 == start.year() {
            return Convention::Consecutive;
        }
    }
    if end.year() - start.year() == 5 {
        Convention::SharedYear
    } else {
        Convention::Consecutive
    }
}

/// The next period's draft of `previous` (which replaced `before`, when known): unsigned,
/// unnumbered, superseding `previous`, its period placed by the series' [`convention`].
pub fn next_period_draft(
    previous: &Agreement,
    before: Option<&Agreement>,
    carry: CarryOver,
    now: DateTime<Utc>,
) -> Agreement {
    let mut next = Agreement::new(Meta::new(new_id(), now), &previous.title, previous.kind);
    next.parent = previous.parent;
    next.supersedes = Some(previous.meta.id);
    if let (Some(start), Some(end)) = (previous.period.start, previous.period.end) {
        let years = match convention(previous, before) {
            Convention::Consecutive => end.year() - start.year() + 1,
            Convention::SharedYear => end.year() - start.year(),
        };
        // A period that cannot be shifted is left for the user to fill in; the draft is valid
        // without one.
        if let (Some(next_start), Some(next_end)) =
            (shift_years(start, years), shift_years(end, years))
        {
            next.period.start = Some(next_start);
            next.period.end = Some(next_end);
            next.title = replace_years(
                &previous.title,
                &[
                    (start.year(), next_start.year()),
                    (end.year(), next_end.year()),
                ],
            );
        }
    }
    if carry.parties {
        next.parties = previous.parties.clone();
    }
    if carry.areas {
        next.areas = previous
            .areas
            .iter()
            .map(|area| CoordinationArea {
                id: new_id(),
                responsible: if carry.parties {
                    area.responsible.clone()
                } else {
                    Vec::new()
                },
                ..area.clone()
            })
            .collect();
    }
    if carry.legal_basis {
        next.legal_basis = previous.legal_basis.clone();
    }
    if carry.duties {
        next.duties = previous
            .duties
            .iter()
            .map(|d| crate::records::duty::Duty {
                id: new_id(),
                settlements: Vec::new(),
                ..d.clone()
            })
            .collect();
    }
    let mut notes = Vec::new();
    if carry.recommendations {
        if let Some(text) = previous
            .close_out
            .as_ref()
            .map(|c| c.next_period.trim())
            .filter(|t| !t.is_empty())
        {
            notes.push(format!("{CARRIED_RECOMMENDATIONS}\n{text}"));
        }
    }
    if carry.notes && !previous.notes.trim().is_empty() {
        notes.push(previous.notes.clone());
    }
    next.notes = notes.join("\n\n");
    next
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::records::model::{AgreementKind, CoordinationArea, Party, Period};
    use uuid::Uuid;

    fn d(y: i32, m: u32, dd: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, dd).unwrap()
    }

    fn regulation() -> Agreement {
        let now = DateTime::from_timestamp(0, 0).unwrap();
        let mut a = Agreement::new(
            Meta::new(Uuid::from_u128(1), now),
            "Quy chế phối hợp, giai đoạn 2018 - 2022",
            AgreementKind::Regulation,
        );
        a.number = "01/QCPH".into();
        a.period = Period::new(d(2018, 1, 1), d(2022, 12, 31));
        a.signed_on = Some(d(2018, 4, 2));
        a.parties = vec![Party {
            organisation: Uuid::from_u128(5),
            role: "chủ trì".into(),
            lead: true,
            unknown: Default::default(),
        }];
        a.areas = vec![CoordinationArea {
            id: Uuid::from_u128(9),
            title: "Giáo dục".into(),
            description: "Mô tả".into(),
            responsible: vec![Uuid::from_u128(5)],
            unknown: Default::default(),
        }];
        a.legal_basis = vec!["Luật Thanh niên".into()];
        a.notes = "Ghi chú".into();
        a
    }

    #[test]
    fn shifts_the_period_and_the_title_by_its_length() {
        let next = next_period_draft(
            &regulation(),
            None,
            CarryOver::default(),
            DateTime::from_timestamp(9, 0).unwrap(),
        );
        assert_eq!(next.period, Period::new(d(2023, 1, 1), d(2027, 12, 31)));
        assert_eq!(next.title, "Quy chế phối hợp, giai đoạn 2023 - 2027");
        assert_eq!(next.supersedes, Some(Uuid::from_u128(1)));
        assert_ne!(next.meta.id, Uuid::from_u128(1));
        assert!(next.meta.is_unsaved());
    }

    #[test]
    fn the_next_term_follows_the_series_convention() {
        let now = DateTime::from_timestamp(9, 0).unwrap();
        // 2013–2017 → 2018–2022: consecutive terms.
        let mut a = regulation();
        a.period = Period::new(d(2013, 1, 1), d(2017, 12, 31));
        a.title = "Quy chế giai đoạn 2013 - 2017".into();
        assert_eq!(convention(&a, None), Convention::Consecutive);
        let next = next_period_draft(&a, None, CarryOver::default(), now);
        assert_eq!(next.period, Period::new(d(2018, 1, 1), d(2022, 12, 31)));
        assert_eq!(next.title, "Quy chế giai đoạn 2018 - 2022");
        // 2017–2022 → 2022–2027: terms sharing the boundary year.
        a.period = Period::new(d(2017, 1, 1), d(2022, 12, 31));
        a.title = "Nghị quyết liên tịch giai đoạn 2017 - 2022".into();
        assert_eq!(convention(&a, None), Convention::SharedYear);
        let next = next_period_draft(&a, None, CarryOver::default(), now);
        assert_eq!(next.period, Period::new(d(2022, 1, 1), d(2027, 12, 31)));
        assert_eq!(next.title, "Nghị quyết liên tịch giai đoạn 2022 - 2027");
        // The term it replaced says more than the span: 2012–2017 before 2017–2021.
        let mut before = regulation();
        before.period = Period::new(d(2012, 1, 1), d(2017, 12, 31));
        a.period = Period::new(d(2017, 1, 1), d(2021, 12, 31));
        assert_eq!(convention(&a, Some(&before)), Convention::SharedYear);
        let next = next_period_draft(&a, Some(&before), CarryOver::default(), now);
        assert_eq!(next.period, Period::new(d(2021, 1, 1), d(2025, 12, 31)));
        before.period = Period::new(d(2011, 1, 1), d(2016, 12, 31));
        assert_eq!(convention(&a, Some(&before)), Convention::Consecutive);
    }

    #[test]
    fn copies_what_carries_over_and_nothing_that_belongs_to_the_old_signing() {
        let prev = regulation();
        let next = next_period_draft(
            &prev,
            None,
            CarryOver::default(),
            DateTime::from_timestamp(9, 0).unwrap(),
        );
        assert_eq!(next.parties, prev.parties);
        assert_eq!(next.areas.len(), 1);
        assert_eq!(next.areas[0].title, "Giáo dục");
        assert_ne!(
            next.areas[0].id, prev.areas[0].id,
            "areas get their own ids"
        );
        assert_eq!(next.legal_basis, prev.legal_basis);
        assert!(next.number.is_empty() && next.signatories.is_empty() && next.signed_on.is_none());
        assert!(next.notes.is_empty());
    }

    #[test]
    fn unticked_items_are_left_out() {
        let carry = CarryOver {
            parties: false,
            legal_basis: false,
            notes: true,
            ..CarryOver::default()
        };
        let next = next_period_draft(
            &regulation(),
            None,
            carry,
            DateTime::from_timestamp(9, 0).unwrap(),
        );
        assert!(next.parties.is_empty() && next.legal_basis.is_empty());
        assert!(
            next.areas[0].responsible.is_empty(),
            "responsibles need the parties"
        );
        assert_eq!(next.notes, "Ghi chú");
    }

    #[test]
    fn a_mid_year_period_and_a_leap_day_shift_sensibly() {
        let mut prev = regulation();
        prev.period = Period::new(d(2020, 2, 29), d(2021, 6, 30));
        prev.title = "Kế hoạch 2020-2021 (số 2020123)".into();
        let next = next_period_draft(
            &prev,
            None,
            CarryOver::default(),
            DateTime::from_timestamp(9, 0).unwrap(),
        );
        assert_eq!(next.period, Period::new(d(2022, 2, 28), d(2023, 6, 30)));
        assert_eq!(next.title, "Kế hoạch 2022-2023 (số 2020123)");
    }

    #[test]
    fn duties_carry_without_settlements_and_close_out_recommendations_enter_the_notes() {
        let mut prev = regulation();
        prev.duties.push(crate::records::duty::Duty {
            id: Uuid::from_u128(40),
            title: "Làm việc hằng năm".into(),
            due: crate::records::duty::DueRule::YearAnyTime.into(),
            fulfilled_by: None,
            settlements: vec![crate::records::duty::DutySettlement {
                year: 2020,
                waived: true,
                on: None,
                note: String::new(),
                unknown: Default::default(),
            }],
            unknown: Default::default(),
        });
        prev.close_out = Some(crate::records::results::CloseOut {
            next_period: "Tăng kinh phí".into(),
            ..Default::default()
        });
        let next = next_period_draft(
            &prev,
            None,
            CarryOver::default(),
            DateTime::from_timestamp(9, 0).unwrap(),
        );
        assert_eq!(next.duties.len(), 1);
        assert_ne!(next.duties[0].id, prev.duties[0].id);
        assert!(next.duties[0].settlements.is_empty());
        assert_eq!(
            next.notes,
            format!("{CARRIED_RECOMMENDATIONS}\nTăng kinh phí")
        );
        assert!(next.close_out.is_none() && next.area_results.is_empty());

        let none = CarryOver {
            duties: false,
            recommendations: false,
            ..CarryOver::default()
        };
        let next = next_period_draft(&prev, None, none, DateTime::from_timestamp(9, 0).unwrap());
        assert!(next.duties.is_empty() && next.notes.is_empty());
    }

    /// A period far outside the plausible years (stored before the import refused them) is not
    /// shifted, and nothing panics: it once aborted the page ("valid date").
    #[test]
    fn a_period_that_cannot_shift_is_left_empty_without_panicking() {
        for (start, end) in [
            (d(262_142, 1, 1), d(262_142, 12, 31)),
            (d(200_000, 1, 1), d(262_142, 12, 31)),
            (d(-262_143, 1, 1), d(262_142, 12, 31)),
        ] {
            let mut prev = regulation();
            prev.period = Period::new(start, end);
            let next = next_period_draft(
                &prev,
                None,
                CarryOver::default(),
                DateTime::from_timestamp(9, 0).unwrap(),
            );
            assert_eq!(next.period, Period::default());
            assert_eq!(next.title, prev.title);
        }
        // Shifting by a period of the largest plausible length still works.
        let mut prev = regulation();
        prev.period = Period::new(d(1900, 1, 1), d(2200, 12, 31));
        let next = next_period_draft(
            &prev,
            None,
            CarryOver::default(),
            DateTime::from_timestamp(9, 0).unwrap(),
        );
        assert_eq!(next.period, Period::new(d(2201, 1, 1), d(2501, 12, 31)));
    }

    #[test]
    fn no_period_keeps_the_title() {
        let mut prev = regulation();
        prev.period = Period::default();
        let next = next_period_draft(
            &prev,
            None,
            CarryOver::default(),
            DateTime::from_timestamp(9, 0).unwrap(),
        );
        assert_eq!(next.title, prev.title);
        assert_eq!(next.period, Period::default());
    }
}
