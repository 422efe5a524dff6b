//! Dates as Vietnamese offices write them (dd/mm/yyyy), and "today" in Vietnam's time zone.

use chrono::{DateTime, Datelike, FixedOffset, NaiveDate, Utc};

use crate::records::date_bounds::plausible_year;

/// Vietnam keeps UTC+7 all year (no daylight saving).
pub fn vietnam_offset() -> FixedOffset {
    FixedOffset::east_opt(7 * 3600).expect("valid offset")
}

/// The calendar day in Vietnam at the instant `now`: deadlines fall on Vietnamese days.
pub fn today_in_vietnam(now: DateTime<Utc>) -> NaiveDate {
    now.with_timezone(&vietnam_offset()).date_naive()
}

/// dd/mm/yyyy.
pub fn format_date(day: NaiveDate) -> String {
    day.format("%d/%m/%Y").to_string()
}

pub fn format_optional(day: Option<NaiveDate>) -> String {
    day.map(format_date).unwrap_or_default()
}

/// dd/mm/yyyy HH:mm in Vietnam's time.
pub fn format_instant(at: DateTime<Utc>) -> String {
    at.with_timezone(&vietnam_offset())
        .format("%d/%m/%Y %H:%M")
        .to_string()
}

/// dd/mm/yyyy HH:mm of a local (Vietnam) date-time, as events store it.
pub fn format_local(at: chrono::NaiveDateTime) -> String {
    at.format("%d/%m/%Y %H:%M").to_string()
}

/// Which end of a span an incomplete date stands for: "2018" starts on 1 January and ends on 31 December.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Bound {
    Start,
    End,
}

/// Why a typed date was not understood.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DateInputError {
    /// Not one of the accepted shapes.
    Unrecognised,
    /// The shape is right but the day does not exist (31/02/2020).
    NoSuchDay,
    /// Outside `date_bounds::FIRST_YEAR`–`LAST_YEAR`: almost surely a typo.
    YearOutOfRange,
    /// A year or a month ("2018", "04/2018") where the exact day is needed (a signing date, an
    /// event): widening it would silently pick a day.
    NotADay,
}

/// Reads a date that must name the day itself (dd/mm/yyyy or yyyy-mm-dd). Empty is `Ok(None)`.
pub fn parse_exact_day(input: &str) -> Result<Option<NaiveDate>, DateInputError> {
    let day = parse_date_input(input, Bound::Start)?;
    if day.is_some() && input.trim().split(['/', '-', '.']).count() != 3 {
        return Err(DateInputError::NotADay);
    }
    Ok(day)
}

/// Reads what a user types for a date: "2018", "04/2018", "2/4/2018", "02-04-2018", "2018-04-02".
/// Year-only and month-only input are widened to the first or last day, as `bound` says.
/// Empty input is `Ok(None)`.
pub fn parse_date_input(input: &str, bound: Bound) -> Result<Option<NaiveDate>, DateInputError> {
    let text = input.trim();
    if text.is_empty() {
        return Ok(None);
    }
    let parts: Vec<&str> = text.split(['/', '-', '.']).map(str::trim).collect();
    if parts
        .iter()
        .any(|p| p.is_empty() || !p.chars().all(|c| c.is_ascii_digit()))
    {
        return Err(DateInputError::Unrecognised);
    }
    let num = |s: &str| s.parse::<u32>().map_err(|_| DateInputError::Unrecognised);
    let (year, month, day): (u32, Option<u32>, Option<u32>) = match parts.as_slice() {
        [y] if y.len() == 4 => (num(y)?, None, None),
        [m, y] if y.len() == 4 && m.len() <= 2 => (num(y)?, Some(num(m)?), None),
        [y, m, d] if y.len() == 4 && m.len() <= 2 && d.len() <= 2 => {
            (num(y)?, Some(num(m)?), Some(num(d)?))
        }
        [d, m, y] if y.len() == 4 && m.len() <= 2 && d.len() <= 2 => {
            (num(y)?, Some(num(m)?), Some(num(d)?))
        }
        _ => return Err(DateInputError::Unrecognised),
    };
    let year = i32::try_from(year).map_err(|_| DateInputError::YearOutOfRange)?;
    if !plausible_year(year) {
        return Err(DateInputError::YearOutOfRange);
    }
    let date = match (month, day) {
        (None, _) => match bound {
            Bound::Start => NaiveDate::from_ymd_opt(year, 1, 1),
            Bound::End => NaiveDate::from_ymd_opt(year, 12, 31),
        },
        (Some(m), None) => {
            let first = NaiveDate::from_ymd_opt(year, m, 1);
            match bound {
                Bound::Start => first,
                Bound::End => first.and_then(last_day_of_month),
            }
        }
        (Some(m), Some(d)) => NaiveDate::from_ymd_opt(year, m, d),
    };
    date.map(Some).ok_or(DateInputError::NoSuchDay)
}

/// The month's last day; `None` only past chrono's last year.
fn last_day_of_month(first: NaiveDate) -> Option<NaiveDate> {
    first
        .checked_add_months(chrono::Months::new(1))?
        .with_day(1)?
        .pred_opt()
}

/// How a stored period bound reads back in a form: whole years as "2018", else dd/mm/yyyy.
pub fn format_bound(day: Option<NaiveDate>, bound: Bound) -> String {
    match day {
        None => String::new(),
        Some(d) if bound == Bound::Start && d.month() == 1 && d.day() == 1 => d.year().to_string(),
        Some(d) if bound == Bound::End && d.month() == 12 && d.day() == 31 => d.year().to_string(),
        Some(d) => format_date(d),
    }
}

/// "2018 - 2022" when both ends are known, else what is.
pub fn format_period_years(start: Option<NaiveDate>, end: Option<NaiveDate>) -> String {
    match (start, end) {
        (Some(s), Some(e)) => format!("{} - {}", s.year(), e.year()),
        (Some(s), None) => format!("{} -", s.year()),
        (None, Some(e)) => format!("- {}", e.year()),
        (None, None) => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, dd: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, dd).unwrap()
    }

    #[test]
    fn an_exact_day_is_a_whole_date_never_a_widened_year_or_month() {
        assert_eq!(parse_exact_day(" 02/04/2018 "), Ok(Some(d(2018, 4, 2))));
        assert_eq!(parse_exact_day("2018-04-02"), Ok(Some(d(2018, 4, 2))));
        assert_eq!(parse_exact_day(""), Ok(None));
        assert_eq!(parse_exact_day("2018"), Err(DateInputError::NotADay));
        assert_eq!(parse_exact_day("04/2018"), Err(DateInputError::NotADay));
        assert_eq!(
            parse_exact_day("31/02/2018"),
            Err(DateInputError::NoSuchDay)
        );
        assert_eq!(
            parse_exact_day("hôm qua"),
            Err(DateInputError::Unrecognised)
        );
    }

    #[test]
    fn years_widen_to_the_bound() {
        assert_eq!(
            parse_date_input("2018", Bound::Start),
            Ok(Some(d(2018, 1, 1)))
        );
        assert_eq!(
            parse_date_input(" 2022 ", Bound::End),
            Ok(Some(d(2022, 12, 31)))
        );
    }

    #[test]
    fn months_widen_to_the_bound_including_leap_february() {
        assert_eq!(
            parse_date_input("02/2020", Bound::End),
            Ok(Some(d(2020, 2, 29)))
        );
        assert_eq!(
            parse_date_input("2/2021", Bound::End),
            Ok(Some(d(2021, 2, 28)))
        );
        assert_eq!(
            parse_date_input("12/2021", Bound::End),
            Ok(Some(d(2021, 12, 31)))
        );
        assert_eq!(
            parse_date_input("4/2018", Bound::Start),
            Ok(Some(d(2018, 4, 1)))
        );
    }

    #[test]
    fn full_dates_in_every_accepted_shape() {
        for s in [
            "02/04/2018",
            "2/4/2018",
            "02-04-2018",
            "2.4.2018",
            "2018-04-02",
        ] {
            assert_eq!(
                parse_date_input(s, Bound::Start),
                Ok(Some(d(2018, 4, 2))),
                "{s}"
            );
        }
    }

    #[test]
    fn empty_is_none_and_bad_input_is_an_error() {
        assert_eq!(parse_date_input("   ", Bound::Start), Ok(None));
        assert_eq!(
            parse_date_input("31/02/2020", Bound::Start),
            Err(DateInputError::NoSuchDay)
        );
        assert_eq!(
            parse_date_input("13/2020", Bound::Start),
            Err(DateInputError::NoSuchDay)
        );
        assert_eq!(
            parse_date_input("hôm qua", Bound::Start),
            Err(DateInputError::Unrecognised)
        );
        assert_eq!(
            parse_date_input("18", Bound::Start),
            Err(DateInputError::Unrecognised)
        );
        assert_eq!(
            parse_date_input("1/2/3", Bound::Start),
            Err(DateInputError::Unrecognised)
        );
        for outside in ["0999", "1899", "2201", "31/12/9999"] {
            assert_eq!(
                parse_date_input(outside, Bound::Start),
                Err(DateInputError::YearOutOfRange),
                "{outside}"
            );
        }
        assert_eq!(
            parse_date_input("2200", Bound::End),
            Ok(Some(d(2200, 12, 31)))
        );
        assert_eq!(
            parse_date_input("1900", Bound::Start),
            Ok(Some(d(1900, 1, 1)))
        );
    }

    #[test]
    fn bounds_read_back_as_typed() {
        assert_eq!(format_bound(Some(d(2018, 1, 1)), Bound::Start), "2018");
        assert_eq!(format_bound(Some(d(2022, 12, 31)), Bound::End), "2022");
        assert_eq!(
            format_bound(Some(d(2018, 4, 2)), Bound::Start),
            "02/04/2018"
        );
        assert_eq!(format_bound(Some(d(2018, 1, 1)), Bound::End), "01/01/2018");
        assert_eq!(format_bound(None, Bound::End), "");
    }

    #[test]
    fn today_follows_vietnam_not_utc() {
        // 16:59:59 UTC on 31/12 is 23:59:59 in Vietnam; one second later it is already 1 January.
        let before = DateTime::parse_from_rfc3339("2021-12-31T16:59:59Z")
            .unwrap()
            .to_utc();
        let after = DateTime::parse_from_rfc3339("2021-12-31T17:00:00Z")
            .unwrap()
            .to_utc();
        assert_eq!(today_in_vietnam(before), d(2021, 12, 31));
        assert_eq!(today_in_vietnam(after), d(2022, 1, 1));
        assert_eq!(format_instant(after), "01/01/2022 00:00");
    }

    #[test]
    fn periods_format_as_years() {
        assert_eq!(
            format_period_years(Some(d(2018, 4, 2)), Some(d(2022, 12, 31))),
            "2018 - 2022"
        );
        assert_eq!(format_period_years(None, None), "");
        assert_eq!(format_date(d(2018, 4, 2)), "02/04/2018");
    }
}
