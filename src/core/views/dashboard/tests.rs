use chrono::{DateTime, NaiveDate, NaiveDateTime};
use uuid::Uuid;

use super::*;
use crate::records::duty::{DueRule, Duty};
use crate::records::event::{Event, EventKind, EventLink, EventRole};
use crate::records::meta::Meta;
use crate::records::model::{Party, Period};
use crate::records::recommendation::{Recommendation, RecommendationStatus};
use crate::sample_data::sample::{regulation_2018_2022_id, sample_dataset};
use crate::sample_data::support::stamp;

fn d(y: i32, m: u32, dd: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, dd).unwrap()
}

fn at(day: NaiveDate) -> NaiveDateTime {
    day.and_hms_opt(9, 0, 0).unwrap()
}

#[test]
fn bands_have_exact_edges() {
    let today = d(2024, 6, 1);
    assert_eq!(band(d(2024, 5, 31), today), Some(Band::Overdue));
    assert_eq!(band(today, today), Some(Band::Within30));
    assert_eq!(band(d(2024, 7, 1), today), Some(Band::Within30)); // 30 days
    assert_eq!(band(d(2024, 7, 2), today), Some(Band::Within90)); // 31 days
    assert_eq!(band(d(2024, 8, 30), today), Some(Band::Within90)); // 90 days
    assert_eq!(band(d(2024, 8, 31), today), None); // 91 days
}

#[test]
fn the_missing_sample_year_is_overdue() {
    let data = sample_dataset();
    let items = due_items(&data, d(2026, 11, 27));
    let duty_years: Vec<i32> = items
        .iter()
        .filter_map(|i| match &i.kind {
            DueKind::Duty { year, .. } => Some(*year),
            _ => None,
        })
        .collect();
    assert_eq!(duty_years, vec![2021]);
    let missing = items
        .iter()
        .find(|i| matches!(i.kind, DueKind::Duty { .. }))
        .unwrap();
    assert_eq!(missing.band, Band::Overdue);
    assert_eq!(missing.due, d(2021, 12, 31));
    assert_eq!(missing.record.id, regulation_2018_2022_id());
}

#[test]
fn only_pending_recommendations_with_deadlines_are_due() {
    let data = sample_dataset();
    let recs: Vec<_> = due_items(&data, d(2026, 11, 27))
        .into_iter()
        .filter(|i| i.kind == DueKind::RecommendationDeadline)
        .collect();
    // Open (2) and in progress (1) are due; resolved and declined are not.
    assert_eq!(recs.len(), 3);
    assert!(recs.iter().all(|i| i.band == Band::Overdue));
    assert!(
        recs.windows(2).all(|w| w[0].due <= w[1].due),
        "soonest first"
    );
}

#[test]
fn a_recommendation_moves_through_the_bands_and_leaves_when_resolved() {
    let mut data = sample_dataset();
    let mut r = Recommendation::new(
        Meta::new(Uuid::from_u128(77), stamp(5, 1_700_000_000).now),
        "Hỗ trợ kinh phí",
    );
    r.deadline = Some(d(2027, 3, 1));
    let key = data.commit(r, stamp(5, 1_700_000_000));
    let find = |data: &Dataset, today| due_items(data, today).into_iter().find(|i| i.record == key);
    assert_eq!(find(&data, d(2026, 11, 30)), None, "91 days ahead");
    assert_eq!(find(&data, d(2026, 12, 1)).unwrap().band, Band::Within90);
    assert_eq!(find(&data, d(2027, 1, 30)).unwrap().band, Band::Within30);
    assert_eq!(find(&data, d(2027, 3, 2)).unwrap().band, Band::Overdue);
    let mut r = data.recommendations.get(&key.id).unwrap().clone();
    r.set_status(
        RecommendationStatus::Resolved,
        d(2027, 1, 30),
        "Đã giải quyết",
        stamp(5, 1_700_000_000).now,
    );
    data.commit(r, stamp(5, 1_700_000_000));
    assert_eq!(find(&data, d(2027, 1, 30)), None);
}

/// A regulation in force 2024–2028 with one department plan ending soon and an annual session duty.
fn live_dataset() -> (Dataset, Id, Id) {
    let mut data = sample_dataset();
    let reg_id = Uuid::from_u128(900);
    let so_y_te = data
        .organisations
        .iter_live()
        .find(|o| o.name == "Sở Y tế")
        .unwrap()
        .id();
    let base = data
        .agreements
        .get(&regulation_2018_2022_id())
        .unwrap()
        .clone();
    let mut reg = Agreement::new(
        Meta::new(reg_id, stamp(5, 1_700_000_000).now),
        "Quy chế 2024 - 2028",
        AgreementKind::Regulation,
    );
    reg.parties = base.parties.clone();
    reg.signed_on = Some(d(2024, 1, 10));
    reg.period = Period::new(d(2024, 1, 1), d(2028, 12, 31));
    reg.duties.push(Duty {
        id: Uuid::from_u128(901),
        title: "Làm việc hằng năm".into(),
        due: DueRule::YearBy { month: 12, day: 15 }.into(),
        fulfilled_by: Some(EventKind::AnnualSession),
        settlements: vec![],
        unknown: Default::default(),
    });
    data.commit(reg.clone(), stamp(5, 1_700_000_000));
    let mut plan = Agreement::new(
        Meta::new(Uuid::from_u128(902), stamp(5, 1_700_000_000).now),
        "Kế hoạch Sở Y tế 2024",
        AgreementKind::Plan,
    );
    plan.parent = Some(reg_id);
    plan.parties = vec![
        Party {
            organisation: base.parties[1].organisation,
            role: String::new(),
            lead: true,
            unknown: Default::default(),
        },
        Party {
            organisation: so_y_te,
            role: String::new(),
            lead: false,
            unknown: Default::default(),
        },
    ];
    plan.signed_on = Some(d(2024, 2, 1));
    plan.period = Period::new(d(2024, 1, 1), d(2024, 12, 31));
    let plan_id = data.commit(plan, stamp(5, 1_700_000_000)).id;
    (data, reg_id, plan_id)
}

#[test]
fn dashboard_lists_in_force_ending_soon_upcoming_events_and_coverage() {
    let (mut data, reg_id, plan_id) = live_dataset();
    let today = d(2024, 11, 1);
    let mut session = Event::new(
        Meta::new(Uuid::from_u128(903), stamp(5, 1_700_000_000).now),
        EventKind::AnnualSession,
        "Làm việc 2024",
        at(d(2024, 11, 20)),
    );
    session.agreements.push(EventLink {
        agreement: reg_id,
        role: EventRole::Reviewed,
        unknown: Default::default(),
    });
    let session_id = data.commit(session, stamp(5, 1_700_000_000)).id;

    let dash = dashboard(&data, today);
    assert!(dash.in_force.contains(&reg_id) && dash.in_force.contains(&plan_id));
    assert_eq!(dash.ending_soon, vec![(plan_id, d(2024, 12, 31))]);
    assert_eq!(dash.upcoming_events, vec![session_id]);
    assert_eq!(dash.coverage.len(), 1);
    let cov = &dash.coverage[0];
    assert_eq!(cov.regulation, reg_id);
    assert_eq!(cov.with_plan.len(), 1);
    assert_eq!(
        cov.without_plan.len(),
        17,
        "the other Department-kind organisations of the sample"
    );
    // The session is planned inside the year, so the duty of 2024 is not due any more.
    assert!(!dash
        .due
        .iter()
        .any(|i| matches!(&i.kind, DueKind::Duty { year: 2024, .. })));
    // The plan ends within 61 days with no successor: renewal due.
    let renewal = dash
        .due
        .iter()
        .find(|i| i.kind == DueKind::PlanRenewal)
        .unwrap();
    assert_eq!((renewal.record.id, renewal.band), (plan_id, Band::Within90));
}

#[test]
fn a_successor_plan_removes_the_renewal() {
    let (mut data, _, plan_id) = live_dataset();
    let mut next = data.agreements.get(&plan_id).unwrap().clone();
    next.meta = Meta::new(Uuid::from_u128(904), stamp(5, 1_700_000_000).now);
    next.supersedes = Some(plan_id);
    next.period = Period::new(d(2025, 1, 1), d(2025, 12, 31));
    data.commit(next, stamp(5, 1_700_000_000));
    assert!(!due_items(&data, d(2024, 11, 1))
        .iter()
        .any(|i| i.kind == DueKind::PlanRenewal && i.record.id == plan_id));
}

#[test]
fn an_unfulfilled_duty_is_due_soon_then_overdue_across_the_vietnam_midnight() {
    let (data, reg_id, _) = live_dataset();
    let duty_2024 = |today| {
        due_items(&data, today)
            .into_iter()
            .find(|i| i.record.id == reg_id && matches!(i.kind, DueKind::Duty { year: 2024, .. }))
            .map(|i| i.band)
    };
    assert_eq!(duty_2024(d(2024, 9, 15)), None, "91 days ahead");
    assert_eq!(duty_2024(d(2024, 9, 16)), Some(Band::Within90));
    assert_eq!(duty_2024(d(2024, 12, 15)), Some(Band::Within30));
    let last_minute = crate::rules::dates::today_in_vietnam(
        DateTime::parse_from_rfc3339("2024-12-15T16:59:59Z")
            .unwrap()
            .to_utc(),
    );
    let past_midnight = crate::rules::dates::today_in_vietnam(
        DateTime::parse_from_rfc3339("2024-12-15T17:00:00Z")
            .unwrap()
            .to_utc(),
    );
    assert_eq!(duty_2024(last_minute), Some(Band::Within30));
    assert_eq!(duty_2024(past_midnight), Some(Band::Overdue));
}

/// A regulation of another province's bodies, in a dataset that also holds Trà Vinh's
/// departments (the sample): its plans, areas and locality decide which departments belong.
#[test]
fn another_provinces_regulation_covers_only_its_own_departments() {
    use crate::records::model::{CoordinationArea, Organisation, OrganisationKind};
    let mut data = sample_dataset();
    let org = |data: &mut Dataset, n: u128, name: &str, kind: OrganisationKind, locality: &str| {
        let mut o = Organisation::new(
            Meta::new(Uuid::from_u128(n), stamp(5, 1_700_000_000).now),
            name,
            "",
            kind,
        );
        o.locality = locality.into();
        data.commit(o, stamp(5, 1_700_000_000)).id
    };
    let ubnd = org(
        &mut data,
        1,
        "UBND tỉnh Hà Giang",
        OrganisationKind::PeoplesCommittee,
        "Hà Giang",
    );
    let doan = org(
        &mut data,
        2,
        "Tỉnh Đoàn Hà Giang",
        OrganisationKind::MassOrganisation,
        "Hà Giang",
    );
    let health = org(
        &mut data,
        3,
        "Sở Y tế",
        OrganisationKind::Department,
        "Hà Giang",
    );
    let labour = org(
        &mut data,
        4,
        "Sở Lao động",
        OrganisationKind::Department,
        "Hà Giang",
    );
    // Of no province: belongs only through a plan or an area.
    let police = org(
        &mut data,
        5,
        "Công an tỉnh",
        OrganisationKind::Department,
        "",
    );
    let schools = org(&mut data, 6, "Trường Cao đẳng", OrganisationKind::Other, "");
    let party = |organisation, lead| Party {
        organisation,
        role: String::new(),
        lead,
        unknown: Default::default(),
    };
    let mut reg = Agreement::new(
        Meta::new(Uuid::from_u128(10), stamp(5, 1_700_000_000).now),
        "Quy chế Hà Giang",
        AgreementKind::Regulation,
    );
    reg.parties = vec![party(ubnd, true), party(doan, false)];
    reg.signed_on = Some(d(2024, 1, 10));
    reg.period = Period::new(d(2024, 1, 1), d(2028, 12, 31));
    reg.areas.push(CoordinationArea {
        id: Uuid::from_u128(12),
        title: "Giáo dục nghề nghiệp".into(),
        description: String::new(),
        responsible: vec![schools],
        unknown: Default::default(),
    });
    let reg_id = data.commit(reg.clone(), stamp(5, 1_700_000_000)).id;
    let mut plan = Agreement::new(
        Meta::new(Uuid::from_u128(11), stamp(5, 1_700_000_000).now),
        "Kế hoạch với Công an tỉnh",
        AgreementKind::Plan,
    );
    plan.parent = Some(reg_id);
    plan.parties = vec![party(doan, true), party(police, false)];
    plan.signed_on = Some(d(2024, 2, 1));
    plan.period = Period::new(d(2024, 1, 1), d(2024, 12, 31));
    data.commit(plan, stamp(5, 1_700_000_000));

    let cov = plan_coverage(&data, &reg, 2024);
    assert_eq!(cov.with_plan, vec![police]);
    let mut without = cov.without_plan.clone();
    without.sort();
    let mut expected = vec![health, labour, schools];
    expected.sort();
    assert_eq!(without, expected, "no Trà Vinh department, no party");
    let matrix = crate::views::matrix::plan_matrix(&data, &reg, d(2024, 6, 1));
    let rows: Vec<Id> = matrix.rows.iter().map(|r| r.organisation).collect();
    assert_eq!(rows.len(), 4);
    assert!(rows
        .iter()
        .all(|o| [police, health, labour, schools].contains(o)));

    // Two provinces' "Sở Y tế" are told apart wherever they are named.
    let tra_vinh_health = data
        .organisations
        .iter_live()
        .find(|o| o.name == "Sở Y tế" && o.id() != health)
        .unwrap()
        .id();
    assert_eq!(data.organisation_label(&health), "Sở Y tế (Hà Giang)");
    assert_ne!(
        data.organisation_label(&health),
        data.organisation_label(&tra_vinh_health)
    );
}
