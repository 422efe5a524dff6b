use chrono::{DateTime, NaiveDateTime};
use uuid::Uuid;

use super::*;
use crate::records::duty::{Duty, DutySettlement};
use crate::records::event::{EventKind, EventLink, EventRole};
use crate::records::meta::Meta;
use crate::records::model::AgreementKind;
use crate::records::results::CloseOut;

fn d(y: i32, m: u32, dd: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, dd).unwrap()
}

fn at(y: i32, m: u32, dd: u32) -> NaiveDateTime {
    d(y, m, dd).and_hms_opt(8, 0, 0).unwrap()
}

fn agreement(start: NaiveDate, end: NaiveDate, rule: DueRule) -> Agreement {
    let mut a = Agreement::new(
        Meta::new(Uuid::from_u128(1), DateTime::from_timestamp(0, 0).unwrap()),
        "Quy chế",
        AgreementKind::Regulation,
    );
    a.period = Period::new(start, end);
    a.duties.push(Duty {
        id: Uuid::from_u128(2),
        title: "Làm việc định kỳ hằng năm".into(),
        due: rule.into(),
        fulfilled_by: Some(EventKind::AnnualSession),
        settlements: Vec::new(),
        unknown: Default::default(),
    });
    a
}

fn session(n: u128, when: NaiveDateTime, kind: EventKind) -> Event {
    let mut e = Event::new(
        Meta::new(
            Uuid::from_u128(100 + n),
            DateTime::from_timestamp(0, 0).unwrap(),
        ),
        kind,
        "Buổi làm việc",
        when,
    );
    e.agreements.push(EventLink {
        agreement: Uuid::from_u128(1),
        role: EventRole::Reviewed,
        unknown: Default::default(),
    });
    e
}

fn states(occ: &[Occurrence]) -> Vec<(i32, OccurrenceState)> {
    occ.iter().map(|o| (o.year, o.state)).collect()
}

#[test]
fn whole_years_expand_to_one_occurrence_each() {
    let w = windows(
        DueRule::YearAnyTime,
        &Period::new(d(2018, 1, 1), d(2022, 12, 31)),
    );
    assert_eq!(w.len(), 5);
    assert_eq!(w[0], (2018, d(2018, 1, 1), d(2018, 12, 31)));
    assert_eq!(w[4], (2022, d(2022, 1, 1), d(2022, 12, 31)));
}

#[test]
fn a_mid_year_start_opens_late_and_a_mid_year_end_comes_due_early() {
    let w = windows(
        DueRule::YearBy { month: 12, day: 15 },
        &Period::new(d(2018, 4, 2), d(2022, 6, 30)),
    );
    assert_eq!(w.first(), Some(&(2018, d(2018, 4, 2), d(2018, 12, 15))));
    assert_eq!(w.last(), Some(&(2022, d(2022, 1, 1), d(2022, 6, 30))));
}

#[test]
fn a_period_starting_after_that_years_due_day_skips_the_year() {
    let w = windows(
        DueRule::YearBy { month: 3, day: 31 },
        &Period::new(d(2018, 4, 2), d(2019, 12, 31)),
    );
    assert_eq!(w, vec![(2019, d(2019, 1, 1), d(2019, 3, 31))]);
}

#[test]
fn leap_day_due_falls_back_to_28_february_in_common_years() {
    let w = windows(
        DueRule::YearBy { month: 2, day: 29 },
        &Period::new(d(2019, 1, 1), d(2020, 12, 31)),
    );
    assert_eq!(
        w,
        vec![
            (2019, d(2019, 1, 1), d(2019, 2, 28)),
            (2020, d(2020, 1, 1), d(2020, 2, 29))
        ]
    );
}

#[test]
fn no_period_or_a_backwards_period_has_no_occurrences() {
    assert!(windows(DueRule::YearAnyTime, &Period::default()).is_empty());
    assert!(windows(
        DueRule::YearAnyTime,
        &Period::new(d(2020, 1, 1), d(2019, 1, 1))
    )
    .is_empty());
}

#[test]
fn events_of_the_right_kind_linked_in_the_year_fulfil_it() {
    let a = agreement(d(2018, 1, 1), d(2022, 12, 31), DueRule::YearAnyTime);
    let events = vec![
        session(1, at(2019, 8, 1), EventKind::AnnualSession),
        session(2, at(2020, 8, 1), EventKind::YouthDialogue), // wrong kind
        session(3, at(2022, 3, 1), EventKind::AnnualSession),
    ];
    let occ = occurrences(&a, &events.iter().collect::<Vec<_>>(), d(2022, 6, 1));
    assert_eq!(
        states(&occ),
        vec![
            (2018, OccurrenceState::Overdue),
            (2019, OccurrenceState::Done),
            (2020, OccurrenceState::Overdue),
            (2021, OccurrenceState::Overdue),
            (2022, OccurrenceState::Done),
        ]
    );
    assert_eq!(occ[1].event, Some(Uuid::from_u128(101)));
}

#[test]
fn unlinked_or_deleted_events_do_not_count() {
    let a = agreement(d(2020, 1, 1), d(2020, 12, 31), DueRule::YearAnyTime);
    let mut unlinked = session(1, at(2020, 5, 1), EventKind::AnnualSession);
    unlinked.agreements.clear();
    let mut deleted = session(2, at(2020, 6, 1), EventKind::AnnualSession);
    deleted.meta.deleted = true;
    let events = [unlinked, deleted];
    assert_eq!(
        states(&occurrences(
            &a,
            &events.iter().collect::<Vec<_>>(),
            d(2021, 1, 1)
        )),
        vec![(2020, OccurrenceState::Overdue)]
    );
}

#[test]
fn an_event_before_the_period_opens_does_not_count() {
    let a = agreement(d(2018, 4, 2), d(2018, 12, 31), DueRule::YearAnyTime);
    let events = [session(1, at(2018, 3, 1), EventKind::AnnualSession)];
    assert_eq!(
        states(&occurrences(
            &a,
            &events.iter().collect::<Vec<_>>(),
            d(2018, 5, 1)
        )),
        vec![(2018, OccurrenceState::Upcoming)]
    );
}

#[test]
fn bands_change_exactly_at_30_days_and_after_the_due_day() {
    let due = d(2024, 12, 15);
    assert_eq!(
        pending_state(due, d(2024, 11, 14)),
        OccurrenceState::Upcoming
    );
    assert_eq!(
        pending_state(due, d(2024, 11, 15)),
        OccurrenceState::DueSoon
    );
    assert_eq!(
        pending_state(due, d(2024, 12, 15)),
        OccurrenceState::DueSoon
    );
    assert_eq!(
        pending_state(due, d(2024, 12, 16)),
        OccurrenceState::Overdue
    );
}

#[test]
fn the_due_day_follows_vietnam_time_not_utc() {
    // 31/12/2021 23:30 in Vietnam is 16:30 UTC the same day: still due, not overdue.
    let evening = DateTime::parse_from_rfc3339("2021-12-31T16:30:00Z")
        .unwrap()
        .to_utc();
    let next_morning = DateTime::parse_from_rfc3339("2021-12-31T17:00:00Z")
        .unwrap()
        .to_utc();
    let due = d(2021, 12, 31);
    use crate::rules::dates::today_in_vietnam;
    assert_eq!(
        pending_state(due, today_in_vietnam(evening)),
        OccurrenceState::DueSoon
    );
    assert_eq!(
        pending_state(due, today_in_vietnam(next_morning)),
        OccurrenceState::Overdue
    );
}

#[test]
fn settlements_mark_done_or_waived_without_an_event() {
    let mut a = agreement(d(2020, 1, 1), d(2021, 12, 31), DueRule::YearAnyTime);
    a.duties[0].settlements.push(DutySettlement {
        year: 2020,
        waived: true,
        on: None,
        note: "Dịch COVID-19".into(),
        unknown: Default::default(),
    });
    a.duties[0].settlements.push(DutySettlement {
        year: 2021,
        waived: false,
        on: Some(d(2021, 9, 9)),
        note: String::new(),
        unknown: Default::default(),
    });
    let none: [Event; 0] = [];
    assert_eq!(
        states(&occurrences(
            &a,
            &none.iter().collect::<Vec<_>>(),
            d(2022, 1, 1)
        )),
        vec![
            (2020, OccurrenceState::Waived),
            (2021, OccurrenceState::Done)
        ]
    );
}

/// A rule without a newer app's fields is written exactly as the rule writes itself (so files
/// and fingerprints are as before); with them, both are written and read back.

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
