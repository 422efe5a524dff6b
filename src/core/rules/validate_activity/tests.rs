use chrono::{DateTime, NaiveDate, NaiveTime, Utc};
use uuid::Uuid;

use super::*;
use crate::records::event::{Chair, EventKind, EventLink};
use crate::records::meta::Meta;
use crate::records::model::{
    Agreement, AgreementKind, CoordinationArea, Organisation, OrganisationKind, Party, Period,
    Person, Status, StatusOverride,
};
use crate::records::recommendation::RecommendationStatus;
use crate::sample_data::support::stamp;

fn now() -> DateTime<Utc> {
    DateTime::from_timestamp(1_500_000_000, 0).unwrap()
}

fn d(y: i32, m: u32, dd: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, dd).unwrap()
}

fn t(h: u32, m: u32) -> NaiveTime {
    NaiveTime::from_hms_opt(h, m, 0).unwrap()
}

const UBND: u128 = 1;
const DOAN: u128 = 2;
const SO_YTE: u128 = 3;
const LAM: u128 = 20;
const NGA: u128 = 21;
const REG: u128 = 100;
const OTHER: u128 = 101;
const AREA: u128 = 500;

/// Three organisations, two people, a signed 2018–2022 regulation (100, one area) and an
/// unsigned draft (101).
fn fixture() -> Dataset {
    let mut data = Dataset::default();
    for (n, name) in [
        (UBND, "UBND tỉnh"),
        (DOAN, "Tỉnh Đoàn"),
        (SO_YTE, "Sở Y tế"),
    ] {
        let o = Organisation::new(
            Meta::new(Uuid::from_u128(n), now()),
            name,
            "",
            OrganisationKind::Other,
        );
        data.commit(o, stamp(99, 1_500_000_000));
    }
    for (n, name) in [(LAM, "Đồng Văn Lâm"), (NGA, "Huỳnh Thị Hằng Nga")] {
        data.commit(
            Person::new(Meta::new(Uuid::from_u128(n), now()), name),
            stamp(99, 1_500_000_000),
        );
    }
    for (n, signed) in [(REG, Some(d(2018, 4, 2))), (OTHER, None)] {
        let mut a = Agreement::new(
            Meta::new(Uuid::from_u128(n), now()),
            "Quy chế phối hợp giai đoạn 2018 - 2022",
            AgreementKind::Regulation,
        );
        a.parties = vec![
            Party {
                organisation: Uuid::from_u128(UBND),
                role: String::new(),
                lead: true,
                unknown: Default::default(),
            },
            Party {
                organisation: Uuid::from_u128(DOAN),
                role: String::new(),
                lead: false,
                unknown: Default::default(),
            },
        ];
        a.signed_on = signed;
        a.period = Period::new(d(2018, 4, 2), d(2022, 12, 31));
        a.areas = vec![CoordinationArea {
            id: Uuid::from_u128(AREA + n),
            title: "Giáo dục thanh niên".into(),
            description: String::new(),
            responsible: Vec::new(),
            unknown: Default::default(),
        }];
        data.commit(a, stamp(99, 1_500_000_000));
    }
    data
}

fn event_at(n: u128, day: NaiveDate) -> Event {
    Event::new(
        Meta::new(Uuid::from_u128(n), now()),
        EventKind::AnnualSession,
        "Làm việc định kỳ năm 2019",
        day.and_time(t(14, 0)),
    )
}

fn link(n: u128, role: EventRole) -> EventLink {
    EventLink {
        agreement: Uuid::from_u128(n),
        role,
        unknown: Default::default(),
    }
}

fn fields(issues: &[ActivityIssue]) -> Vec<(&str, &ActivityProblem)> {
    issues
        .iter()
        .map(|i| (i.field.as_str(), &i.problem))
        .collect()
}

// ---------------------------------------------------------------- inputs

#[test]
fn times_read_in_the_shapes_offices_write() {
    for (typed, want) in [
        ("08:00", t(8, 0)),
        ("8:00", t(8, 0)),
        (" 14:30 ", t(14, 30)),
        ("14.30", t(14, 30)),
        ("8h", t(8, 0)),
        ("8h30", t(8, 30)),
        ("14g30", t(14, 30)),
        ("7", t(7, 0)),
        ("23:59", t(23, 59)),
        ("0:00", t(0, 0)),
    ] {
        assert_eq!(parse_time(typed), Ok(Some(want)), "{typed}");
    }
    assert_eq!(parse_time("   "), Ok(None));
    for bad in [
        "24:00", "8:60", "8:5", "sáng", "8:00:00", "123", ":30", "8h30p",
    ] {
        assert_eq!(parse_time(bad), Err(ActivityProblem::BadTime), "{bad}");
    }
}

#[test]
fn the_start_needs_a_full_day_and_defaults_to_eight_o_clock() {
    assert_eq!(
        read_starts_at("02/04/2018", ""),
        Ok(d(2018, 4, 2).and_time(t(8, 0)))
    );
    assert_eq!(
        read_starts_at("2/4/2018", "14:30"),
        Ok(d(2018, 4, 2).and_time(t(14, 30)))
    );
    let missing = read_starts_at("  ", "").unwrap_err();
    assert_eq!(fields(&missing), vec![("date", &ActivityProblem::Required)]);
    // A year alone would quietly choose 1 January: refused for an event.
    let vague = read_starts_at("2018", "").unwrap_err();
    assert_eq!(
        fields(&vague),
        vec![("date", &ActivityProblem::BadDate(DateInputError::NotADay))]
    );
    let both = read_starts_at("31/02/2020", "25:00").unwrap_err();
    assert_eq!(
        fields(&both),
        vec![
            ("date", &ActivityProblem::BadDate(DateInputError::NoSuchDay)),
            ("time", &ActivityProblem::BadTime),
        ]
    );
    // The leap day exists in 2020, not in 2021.
    assert!(read_starts_at("29/02/2020", "").is_ok());
    assert!(read_starts_at("29/02/2021", "").is_err());
}

#[test]
fn optional_days_are_read_or_reported_at_their_field() {
    assert_eq!(read_day("", "deadline"), Ok(None));
    assert_eq!(read_day("30/06/2021", "deadline"), Ok(Some(d(2021, 6, 30))));
    let err = read_day("06/2021", "deadline").unwrap_err();
    assert_eq!(err.field, "deadline");
    assert!(err.is_error());
    // The message says what is needed (an exact day), not the shapes a period accepts.
    assert_eq!(
        err.problem,
        ActivityProblem::BadDate(DateInputError::NotADay)
    );
    assert_eq!(
        read_day("hôm nay", "raised_on").unwrap_err().problem,
        ActivityProblem::BadDate(DateInputError::Unrecognised)
    );
}

#[test]
fn attendee_counts_are_whole_numbers_not_below_zero() {
    assert_eq!(parse_count(""), Ok(None));
    assert_eq!(parse_count(" 200 "), Ok(Some(200)));
    assert_eq!(parse_count("0"), Ok(Some(0)));
    // Thousands grouped the Vietnamese way (and with spaces).
    assert_eq!(parse_count("1.000"), Ok(Some(1000)));
    assert_eq!(parse_count("12 500"), Ok(Some(12500)));
    assert_eq!(parse_count("1.234.567"), Ok(Some(1_234_567)));
    for bad in [
        "-1",
        "2.5",
        "trên 200",
        "1e3",
        "1.00",
        "1..000",
        ".000",
        "1000.000.0",
        "1,000",
    ] {
        assert_eq!(parse_count(bad), Err(ActivityProblem::BadCount), "{bad}");
    }
    // A whole number, just too large to be a count: said so, not "enter a whole number".
    assert_eq!(
        parse_count("99999999999"),
        Err(ActivityProblem::CountTooLarge)
    );
}

// ---------------------------------------------------------------- events

#[test]
fn a_well_formed_event_has_no_issue() {
    let data = fixture();
    let mut e = event_at(1000, d(2019, 10, 15));
    e.chairs = vec![
        Chair {
            person: Uuid::from_u128(LAM),
            position: "Chủ tịch UBND tỉnh".into(),
            co_chair: true,
            unknown: Default::default(),
        },
        Chair {
            person: Uuid::from_u128(NGA),
            position: "Bí thư Tỉnh Đoàn".into(),
            co_chair: true,
            unknown: Default::default(),
        },
    ];
    e.agreements = vec![
        link(REG, EventRole::Reviewed),
        link(OTHER, EventRole::Signed),
    ];
    assert_eq!(event(&e, &data), vec![]);
}

#[test]
fn an_event_title_and_place_fit_their_use() {
    use crate::rules::validate::lengths;
    let data = fixture();
    let mut e = event_at(1000, d(2019, 10, 15));
    e.title = "ả".repeat(lengths::TITLE);
    e.place = "Hội trường".repeat(15);
    assert!(event(&e, &data).is_empty());
    e.title.push('.');
    e.place.push('.');
    assert_eq!(
        fields(&event(&e, &data)),
        vec![
            (
                "title",
                &ActivityProblem::TooLong {
                    max: lengths::TITLE
                }
            ),
            (
                "place",
                &ActivityProblem::TooLong {
                    max: lengths::PLACE
                }
            ),
        ]
    );
}

#[test]
fn an_event_needs_a_title() {
    let data = fixture();
    let mut e = event_at(1000, d(2019, 10, 15));
    e.title = "   ".into();
    assert_eq!(
        fields(&event(&e, &data)),
        vec![("title", &ActivityProblem::Required)]
    );
}

#[test]
fn linked_agreements_must_exist_be_live_and_appear_once() {
    let mut data = fixture();
    let mut e = event_at(1000, d(2019, 10, 15));
    e.agreements = vec![
        link(REG, EventRole::Reviewed),
        link(REG, EventRole::Summarised),
        link(12345, EventRole::Reviewed),
        link(OTHER, EventRole::Signed),
    ];
    data.delete::<Agreement>(Uuid::from_u128(OTHER), stamp(99, 1_500_000_000))
        .unwrap();
    let issues = event(&e, &data);
    assert_eq!(
        fields(&issues),
        vec![
            (
                "agreements[1].agreement",
                &ActivityProblem::AgreementLinkedTwice
            ),
            (
                "agreements[2].agreement",
                &ActivityProblem::UnknownAgreement
            ),
            (
                "agreements[3].agreement",
                &ActivityProblem::UnknownAgreement
            ),
        ]
    );
    assert!(issues.iter().all(ActivityIssue::is_error));
}

#[test]
fn chairs_must_be_people_of_the_directory_once_each() {
    let data = fixture();
    let mut e = event_at(1000, d(2019, 10, 15));
    let chair = |n: u128| Chair {
        person: Uuid::from_u128(n),
        position: String::new(),
        co_chair: false,
        unknown: Default::default(),
    };
    e.chairs = vec![chair(LAM), chair(LAM), chair(777), chair(0)];
    assert_eq!(
        fields(&event(&e, &data)),
        vec![
            ("chairs[1].person", &ActivityProblem::PersonChairsTwice),
            ("chairs[2].person", &ActivityProblem::UnknownPerson),
            ("chairs[3].person", &ActivityProblem::UnknownPerson),
        ]
    );
}

// ---------------------------------------------------------------- recommendations

fn rec(content: &str) -> Recommendation {
    let mut r = Recommendation::new(Meta::new(Uuid::from_u128(2000), now()), content);
    r.addressed_to = vec![Uuid::from_u128(SO_YTE)];
    r
}

#[test]
fn a_recommendation_needs_content_and_an_addressee() {
    let data = fixture();
    assert_eq!(recommendation(&rec("Hỗ trợ kinh phí"), &data), vec![]);
    let mut r = rec(" ");
    r.addressed_to.clear();
    assert_eq!(
        fields(&recommendation(&r, &data)),
        vec![
            ("content", &ActivityProblem::Required),
            ("addressed_to", &ActivityProblem::NoAddressee),
        ]
    );
}

#[test]
fn a_recommendation_content_fits_its_use() {
    use crate::rules::validate::lengths;
    let data = fixture();
    // A paragraph of a few sentences fits, in full Vietnamese (counted as characters, not bytes).
    let sentence =
        "Đề nghị Sở Tài chính tham mưu Ủy ban nhân dân tỉnh bố trí kinh phí cho hoạt động. ";
    let paragraph = sentence.repeat(lengths::RECOMMENDATION / sentence.chars().count());
    assert!(
        paragraph.len() > lengths::RECOMMENDATION,
        "more bytes than characters"
    );
    assert_eq!(recommendation(&rec(&paragraph), &data), vec![]);
    let longest = "ệ".repeat(lengths::RECOMMENDATION);
    assert_eq!(recommendation(&rec(&longest), &data), vec![]);
    assert_eq!(
        fields(&recommendation(&rec(&format!("{longest}.")), &data)),
        vec![(
            "content",
            &ActivityProblem::TooLong {
                max: lengths::RECOMMENDATION
            }
        )]
    );
}

#[test]
fn addressees_raiser_event_and_agreement_must_exist() {
    let mut data = fixture();
    let mut r = rec("Hỗ trợ kinh phí");
    r.addressed_to = vec![
        Uuid::from_u128(SO_YTE),
        Uuid::from_u128(SO_YTE),
        Uuid::from_u128(888),
    ];
    r.raised_by = Some(Uuid::from_u128(889));
    r.event = Some(Uuid::from_u128(1000));
    r.agreement = Some(Uuid::from_u128(890));
    assert_eq!(
        fields(&recommendation(&r, &data)),
        vec![
            ("event", &ActivityProblem::UnknownEvent),
            ("raised_by", &ActivityProblem::UnknownOrganisation),
            ("addressed_to[1]", &ActivityProblem::OrganisationListedTwice),
            ("addressed_to[2]", &ActivityProblem::UnknownOrganisation),
            ("agreement", &ActivityProblem::UnknownAgreement),
        ]
    );
    // Once they exist, all is well; a deleted event is unknown again.
    data.commit(event_at(1000, d(2019, 10, 15)), stamp(99, 1_500_000_000));
    r.addressed_to = vec![Uuid::from_u128(SO_YTE), Uuid::from_u128(DOAN)];
    r.raised_by = Some(Uuid::from_u128(DOAN));
    r.agreement = Some(Uuid::from_u128(REG));
    assert_eq!(recommendation(&r, &data), vec![]);
    data.delete::<Event>(Uuid::from_u128(1000), stamp(99, 1_500_000_000))
        .unwrap();
    assert_eq!(
        fields(&recommendation(&r, &data)),
        vec![("event", &ActivityProblem::UnknownEvent)]
    );
}

#[test]
fn the_area_must_belong_to_the_chosen_agreement() {
    let data = fixture();
    let mut r = rec("Hỗ trợ kinh phí");
    r.agreement = Some(Uuid::from_u128(REG));
    r.area = Some(Uuid::from_u128(AREA + REG));
    assert_eq!(recommendation(&r, &data), vec![]);
    // The other agreement's area.
    r.area = Some(Uuid::from_u128(AREA + OTHER));
    assert_eq!(
        fields(&recommendation(&r, &data)),
        vec![("area", &ActivityProblem::AreaNotInAgreement)]
    );
    // An area with no agreement.
    r.agreement = None;
    assert_eq!(
        fields(&recommendation(&r, &data)),
        vec![("area", &ActivityProblem::AreaNotInAgreement)]
    );
    // An unknown agreement is reported once, at the agreement.
    r.agreement = Some(Uuid::from_u128(4242));
    assert_eq!(
        fields(&recommendation(&r, &data)),
        vec![("agreement", &ActivityProblem::UnknownAgreement)]
    );
}

#[test]
fn dates_out_of_order_are_warnings_that_do_not_block() {
    let data = fixture();
    let mut r = rec("Hỗ trợ kinh phí");
    r.raised_on = Some(d(2020, 12, 8));
    r.deadline = Some(d(2020, 12, 8));
    r.responded_on = Some(d(2020, 12, 8));
    assert_eq!(recommendation(&r, &data), vec![]);
    r.deadline = Some(d(2020, 12, 7));
    r.responded_on = Some(d(2020, 1, 1));
    let issues = recommendation(&r, &data);
    assert_eq!(
        fields(&issues),
        vec![
            ("deadline", &ActivityProblem::DeadlineBeforeRaised),
            ("responded_on", &ActivityProblem::RespondedBeforeRaised),
        ]
    );
    assert!(!has_errors(&issues));
}

#[test]
fn overdue_counts_days_after_the_deadline_while_pending() {
    let mut r = rec("Hỗ trợ kinh phí");
    assert_eq!(days_overdue(&r, d(2030, 1, 1)), None, "no deadline");
    r.deadline = Some(d(2021, 3, 31));
    assert_eq!(days_overdue(&r, d(2021, 3, 31)), None, "the day itself");
    assert_eq!(days_overdue(&r, d(2021, 4, 1)), Some(1));
    assert_eq!(days_overdue(&r, d(2022, 3, 31)), Some(365));
    r.set_status(RecommendationStatus::InProgress, d(2021, 1, 1), "", now());
    assert_eq!(days_overdue(&r, d(2021, 4, 1)), Some(1));
    r.set_status(RecommendationStatus::Resolved, d(2021, 5, 1), "", now());
    assert_eq!(days_overdue(&r, d(2021, 6, 1)), None, "answered");
}

// ---------------------------------------------------------------- status effects

fn save(data: &Dataset, e: Event) -> Dataset {
    let mut after = data.clone();
    after.commit(e, stamp(99, 1_500_000_000));
    after
}

#[test]
fn a_summary_conference_summarises_the_linked_agreement() {
    let before = fixture();
    let mut e = event_at(1000, d(2023, 3, 1));
    e.kind = EventKind::SummaryConference;
    e.agreements = vec![
        link(REG, EventRole::Summarised),
        link(OTHER, EventRole::Reviewed),
    ];
    let after = save(&before, e);
    let effects = status_effects(&before, &after, Uuid::from_u128(1000), d(2023, 3, 2));
    assert_eq!(effects.len(), 1, "reviewing changes no status");
    let effect = &effects[0];
    assert_eq!(effect.agreement, Uuid::from_u128(REG));
    assert_eq!(effect.role, EventRole::Summarised);
    assert_eq!(effect.before.status, Status::Expired);
    assert_eq!(effect.after.status, Status::Summarised);
    assert_eq!(
        effect.kind,
        EffectKind::Changed {
            by_this_event: true
        }
    );

    // Saving it again (an edit of the title) changes nothing, and says it still stands.
    let mut edited = after.events.get(&Uuid::from_u128(1000)).unwrap().clone();
    edited.title = "Hội nghị tổng kết".into();
    let again = save(&after, edited);
    let effects = status_effects(&after, &again, Uuid::from_u128(1000), d(2023, 3, 2));
    assert_eq!(effects[0].kind, EffectKind::Confirmed);
}

#[test]
fn a_signing_event_signs_a_draft_but_not_one_already_signed() {
    let before = fixture();
    let mut e = event_at(1000, d(2018, 4, 2));
    e.kind = EventKind::Signing;
    e.agreements = vec![link(OTHER, EventRole::Signed), link(REG, EventRole::Signed)];
    let after = save(&before, e);
    let effects = status_effects(&before, &after, Uuid::from_u128(1000), d(2019, 1, 1));
    assert_eq!(effects.len(), 2);
    assert_eq!(effects[0].agreement, Uuid::from_u128(OTHER));
    assert_eq!(effects[0].before.status, Status::Draft);
    assert_eq!(effects[0].after.status, Status::InForce);
    // In force because of its dates, now that the event gives it a signing day.
    assert_eq!(
        effects[0].kind,
        EffectKind::Changed {
            by_this_event: false
        }
    );
    assert_eq!(effects[1].agreement, Uuid::from_u128(REG));
    assert_eq!(effects[1].kind, EffectKind::Unchanged);
}

#[test]
fn an_event_ahead_counts_from_its_day_and_a_manual_status_wins() {
    let mut before = fixture();
    let mut e = event_at(1000, d(2023, 3, 1));
    e.agreements = vec![link(REG, EventRole::Summarised)];
    let after = save(&before, e.clone());
    let effects = status_effects(&before, &after, Uuid::from_u128(1000), d(2023, 2, 28));
    assert_eq!(effects[0].after.status, Status::Expired);
    assert_eq!(effects[0].kind, EffectKind::FromEventDay(d(2023, 3, 1)));

    let mut reg = before
        .agreements
        .get(&Uuid::from_u128(REG))
        .unwrap()
        .clone();
    reg.status_override = Some(StatusOverride {
        status: Status::Terminated,
        reason: "Chấm dứt sớm".into(),
        unknown: Default::default(),
    });
    before.commit(reg, stamp(99, 1_500_000_000));
    let after = save(&before, e);
    let effects = status_effects(&before, &after, Uuid::from_u128(1000), d(2023, 3, 2));
    assert_eq!(effects[0].after.status, Status::Terminated);
    assert_eq!(effects[0].kind, EffectKind::KeptBySetting);
}

#[test]
fn removing_the_summary_link_in_an_edit_is_reported_too() {
    let mut e = event_at(1000, d(2023, 3, 1));
    e.agreements = vec![link(REG, EventRole::Summarised)];
    let before = save(&fixture(), e.clone());
    e.agreements = vec![link(REG, EventRole::Reviewed)];
    let after = save(&before, e);
    let effects = status_effects(&before, &after, Uuid::from_u128(1000), d(2023, 3, 2));
    assert_eq!(effects.len(), 1);
    assert_eq!(effects[0].before.status, Status::Summarised);
    assert_eq!(effects[0].after.status, Status::Expired);
    assert_eq!(
        effects[0].kind,
        EffectKind::Changed {
            by_this_event: false
        }
    );
}

#[test]
fn the_sample_conference_and_sessions_meet_the_rules() {
    let data = crate::sample_data::sample::sample_dataset();
    for e in data.events.iter_live() {
        assert_eq!(event(e, &data), vec![], "{}", e.title);
    }
    for r in data.recommendations.iter_live() {
        assert!(!has_errors(&recommendation(r, &data)), "{}", r.content);
    }
}
