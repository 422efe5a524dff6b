use chrono::{DateTime, NaiveDate, Utc};
use uuid::Uuid;

use super::*;
use crate::records::meta::Meta;
use crate::records::model::{
    AgreementKind, Authority, CoordinationArea, OrganisationKind, Party, Period, PositionHeld,
    Signatory,
};
use crate::sample_data::support::stamp;

fn now() -> DateTime<Utc> {
    DateTime::from_timestamp(1_500_000_000, 0).unwrap()
}

fn d(y: i32, m: u32, dd: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, dd).unwrap()
}

const UBND: u128 = 1;
const DOAN: u128 = 2;
const SO_YTE: u128 = 3;
const LAM: u128 = 20;

/// Three organisations, one person, one valid regulation (id 100).
fn fixture() -> (Dataset, Agreement) {
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
        data.save_organisation(o, stamp(99, 1_500_000_000))
            .unwrap()
            .key();
    }
    data.save_person(
        Person::new(Meta::new(Uuid::from_u128(LAM), now()), "Đồng Văn Lâm"),
        stamp(99, 1_500_000_000),
    )
    .unwrap();
    let mut a = Agreement::new(
        Meta::new(Uuid::from_u128(100), now()),
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
    a.period = Period::new(d(2018, 1, 1), d(2022, 12, 31));
    a.signed_on = Some(d(2018, 4, 2));
    a.signatories.push(Signatory {
        person: Uuid::from_u128(LAM),
        position: "Chủ tịch UBND tỉnh".into(),
        authority: Authority::OnBehalfOf,
        organisation: Uuid::from_u128(UBND),
        signed_on: Some(d(2018, 4, 2)),
        unknown: Default::default(),
    });
    (data, a)
}

fn problems(issues: &[Issue]) -> Vec<(&str, &Problem)> {
    issues
        .iter()
        .map(|i| (i.field.as_str(), &i.problem))
        .collect()
}

#[test]
fn a_complete_regulation_is_valid() {
    let (data, a) = fixture();
    assert_eq!(agreement(&a, &data), vec![]);
}

#[test]
fn a_status_set_by_hand_needs_its_reason() {
    let (data, mut a) = fixture();
    a.status_override = Some(crate::records::model::StatusOverride {
        status: crate::records::model::Status::Terminated,
        reason: "  ".into(),
        unknown: Default::default(),
    });
    assert_eq!(
        problems(&agreement(&a, &data)),
        vec![("status_override.reason", &Problem::Required)]
    );
    a.status_override.as_mut().unwrap().reason = "Sáp nhập tỉnh".into();
    assert_eq!(agreement(&a, &data), vec![]);
}

#[test]
fn title_is_required() {
    let (data, mut a) = fixture();
    a.title = "   ".into();
    assert_eq!(
        problems(&agreement(&a, &data)),
        vec![("title", &Problem::Required)]
    );
}

#[test]
fn end_before_start_is_on_the_end_field() {
    let (data, mut a) = fixture();
    a.title = "Quy chế".into();
    a.period = Period::new(d(2022, 1, 1), d(2018, 1, 1));
    assert_eq!(
        problems(&agreement(&a, &data)),
        vec![("period.end", &Problem::EndBeforeStart)]
    );
}

#[test]
fn same_day_start_and_end_is_allowed() {
    let (data, mut a) = fixture();
    a.title = "Quy chế".into();
    a.period = Period::new(d(2018, 4, 2), d(2018, 4, 2));
    assert!(agreement(&a, &data).iter().all(|i| !i.is_error()));
}

#[test]
fn exactly_one_lead() {
    let (data, mut a) = fixture();
    a.parties[0].lead = false;
    assert_eq!(
        problems(&agreement(&a, &data)),
        vec![("parties", &Problem::NoLead)]
    );
    a.parties[0].lead = true;
    a.parties[1].lead = true;
    assert_eq!(
        problems(&agreement(&a, &data)),
        vec![("parties", &Problem::SeveralLeads)]
    );
}

#[test]
fn at_least_two_distinct_known_parties() {
    let (data, mut a) = fixture();
    a.parties.truncate(1);
    a.signatories.clear();
    assert_eq!(
        problems(&agreement(&a, &data)),
        vec![("parties", &Problem::TooFewParties)]
    );
    let (data, mut a) = fixture();
    a.parties[1].organisation = Uuid::from_u128(UBND);
    assert_eq!(
        problems(&agreement(&a, &data)),
        vec![("parties[1].organisation", &Problem::DuplicateParty)]
    );
    a.parties[1].organisation = Uuid::from_u128(12345);
    assert_eq!(
        problems(&agreement(&a, &data)),
        vec![("parties[1].organisation", &Problem::UnknownOrganisation)]
    );
}

#[test]
fn a_deleted_organisation_cannot_be_a_party() {
    let (mut data, a) = fixture();
    let mut org = data
        .organisations
        .get(&Uuid::from_u128(DOAN))
        .unwrap()
        .clone();
    org.meta.deleted = true;
    data.organisations.put(org);
    assert_eq!(
        problems(&agreement(&a, &data)),
        vec![("parties[1].organisation", &Problem::UnknownOrganisation)]
    );
}

#[test]
fn a_signatory_signs_for_a_party() {
    let (data, mut a) = fixture();
    a.signatories[0].organisation = Uuid::from_u128(SO_YTE);
    assert_eq!(
        problems(&agreement(&a, &data)),
        vec![("signatories[0].organisation", &Problem::SignatoryNotParty)]
    );
    a.signatories[0].organisation = Uuid::from_u128(UBND);
    a.signatories[0].person = Uuid::from_u128(4242);
    assert_eq!(
        problems(&agreement(&a, &data)),
        vec![("signatories[0].person", &Problem::UnknownPerson)]
    );
}

#[test]
fn a_plan_belongs_to_a_regulation() {
    let (mut data, reg) = fixture();
    data.save_agreement(reg.clone(), stamp(99, 1_500_000_000))
        .unwrap()
        .key();
    let mut plan = reg.clone();
    plan.meta = Meta::new(Uuid::from_u128(101), now());
    plan.kind = AgreementKind::Plan;
    plan.parent = Some(reg.id());
    assert!(agreement(&plan, &data).is_empty());
    data.save_agreement(plan.clone(), stamp(99, 1_500_000_000))
        .unwrap()
        .key();

    let mut second = plan.clone();
    second.meta = Meta::new(Uuid::from_u128(102), now());
    second.parent = Some(plan.id());
    assert_eq!(
        problems(&agreement(&second, &data)),
        vec![("parent", &Problem::ParentNotRegulation)]
    );
    second.parent = Some(second.id());
    assert_eq!(
        problems(&agreement(&second, &data)),
        vec![("parent", &Problem::OwnParent)]
    );
    second.parent = Some(Uuid::from_u128(999));
    assert_eq!(
        problems(&agreement(&second, &data)),
        vec![("parent", &Problem::ParentNotRegulation)]
    );
    second.kind = AgreementKind::Regulation;
    second.parent = Some(reg.id());
    assert_eq!(
        problems(&agreement(&second, &data)),
        vec![("parent", &Problem::ParentOnlyForPlans)]
    );
}

#[test]
fn number_is_unique_among_live_agreements_of_the_same_parties() {
    let (mut data, mut a) = fixture();
    a.number = "01/QCPH-UBND-TĐ".into();
    data.save_agreement(a.clone(), stamp(99, 1_500_000_000))
        .unwrap()
        .key();
    // Editing the same agreement keeps its own number.
    assert!(agreement(&a, &data).is_empty());

    let mut b = a.clone();
    b.meta = Meta::new(Uuid::from_u128(200), now());
    b.number = " 01/qcph-ubnd-tđ ".into();
    assert_eq!(
        problems(&agreement(&b, &data)),
        vec![("number", &Problem::NumberTaken { by: a.id() })]
    );
    // The same number pasted with decomposed diacritics (NFD: "Đ" stays, "Ộ" = O + marks).
    a.number = "12/QC-SỞ-NỘI VỤ".into();
    data.save_agreement(a.clone(), stamp(99, 1_500_000_000))
        .unwrap()
        .key();
    b.number = "12/QC-SỞ-NỘI VỤ".nfd().collect();
    assert_ne!(b.number, a.number);
    assert_eq!(
        problems(&agreement(&b, &data)),
        vec![("number", &Problem::NumberTaken { by: a.id() })]
    );

    // Other parties may reuse the number.
    b.parties[1].organisation = Uuid::from_u128(SO_YTE);
    b.signatories.clear();
    assert!(agreement(&b, &data).is_empty());

    // A deleted agreement frees its number.
    b.parties[1].organisation = Uuid::from_u128(DOAN);
    data.delete::<Agreement>(a.id(), stamp(99, 1_500_000_000))
        .unwrap();
    assert!(agreement(&b, &data).is_empty());
}

/// The import's way of checking numbers (one index for many agreements) finds exactly what
/// the form's scan finds, holder included: the same number written otherwise, other parties, a
/// deleted holder, several holders (the first by id).
#[test]
fn the_number_index_finds_what_the_scan_finds() {
    let mut data = crate::sample_data::generate::dataset(30, 120, 3);
    let originals: Vec<Agreement> = data
        .agreements
        .iter_live()
        .filter(|a| !a.number.is_empty())
        .take(12)
        .cloned()
        .collect();
    assert_eq!(originals.len(), 12);
    for (i, original) in originals.iter().enumerate() {
        let mut copy = original.clone();
        copy.meta = Meta::new(Uuid::from_u128(0x1000 + i as u128), now());
        match i % 4 {
            0 => copy.number = format!(" {} ", original.number.to_lowercase()),
            1 => copy.number = original.number.nfd().collect(),
            2 => copy.parties.reverse(),
            _ => copy.parties.truncate(1),
        }
        if i == 0 {
            let mut third = copy.clone();
            third.meta = Meta::new(Uuid::from_u128(0x2000), now());
            data.agreements.put(third);
        }
        data.agreements.put(copy);
        if i == 5 {
            let mut gone = original.clone();
            gone.meta.deleted = true;
            data.agreements.put(gone);
        }
    }
    let index = NumberIndex::new(data.agreements.iter_all(), data.agreements.iter_all());
    let mut clashes = 0;
    for a in data.agreements.iter_all() {
        let scanned = agreement(a, &data);
        let indexed = agreement_with(a, &data, &|number| index.taken_by(a, number), &|| {
            supersedes_loop(a, &data)
        });
        assert_eq!(indexed, scanned, "{}", a.number);
        clashes += scanned
            .iter()
            .filter(|i| matches!(i.problem, Problem::NumberTaken { .. }))
            .count();
    }
    assert!(clashes >= 12, "{clashes} clashes");
}

#[test]
fn supersedes_never_itself_nor_a_cycle() {
    let (mut data, mut a) = fixture();
    a.supersedes = Some(a.id());
    assert_eq!(
        problems(&agreement(&a, &data)),
        vec![("supersedes", &Problem::SupersedesItself)]
    );

    // b supersedes a; then a superseding b closes a circle.
    a.supersedes = None;
    data.save_agreement(a.clone(), stamp(99, 1_500_000_000))
        .unwrap()
        .key();
    let mut b = a.clone();
    b.meta = Meta::new(Uuid::from_u128(300), now());
    b.title = "Quy chế giai đoạn 2023 - 2027".into();
    b.period = Period::new(d(2023, 1, 1), d(2027, 12, 31));
    b.supersedes = Some(a.id());
    assert!(agreement(&b, &data).is_empty());
    data.save_agreement(b.clone(), stamp(99, 1_500_000_000))
        .unwrap()
        .key();

    a.supersedes = Some(b.id());
    assert_eq!(
        problems(&agreement(&a, &data)),
        vec![("supersedes", &Problem::SupersedesCycle)]
    );
}

/// The import's way of finding circles of `supersedes` (each chain walked once for all the
/// agreements on it) finds exactly what the form's walk finds for each: on random graphs of
/// chains, circles, chains into circles, agreements superseding themselves or one not there.
#[test]
fn the_supersedes_index_finds_what_the_walk_finds() {
    let (_, base) = fixture();
    let mut state = 0x2545_F491_4F6C_DD1D_u64;
    let mut next = move |below: u64| {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state % below
    };
    let mut loops = 0;
    for round in 0..40 {
        let n = 2 + next(60);
        let mut data = Dataset::default();
        for i in 0..n {
            let mut a = base.clone();
            a.meta = Meta::new(Uuid::from_u128(5000 + u128::from(i)), now());
            a.supersedes = match next(5) {
                0 => None,
                // One not in the data.
                1 => Some(Uuid::from_u128(9999)),
                _ => Some(Uuid::from_u128(5000 + u128::from(next(n)))),
            };
            data.agreements.put(a);
        }
        let index = SupersedesIndex::default();
        // In an order of their own, so that chains are met half-way as well as from the start.
        let mut order: Vec<&Agreement> = data.agreements.iter_all().collect();
        let len = order.len();
        order.rotate_left(round % len);
        for a in order {
            let walked = supersedes_loop(a, &data);
            assert_eq!(index.loops(a, &data), walked, "round {round}, {}", a.id());
            loops += usize::from(walked);
        }
    }
    assert!(loops > 50, "{loops} agreements in or before a circle");
}

/// A date outside the plausible years, stored before the import refused them, is an error of
/// the form at its field: the record cannot be saved again until it is mended.
#[test]
fn a_year_out_of_range_is_an_error_at_its_field() {
    let (data, mut a) = fixture();
    a.period.end = NaiveDate::from_ymd_opt(262_142, 12, 31);
    a.signatories.clear();
    let issues = agreement(&a, &data);
    let errors: Vec<&Issue> = issues.iter().filter(|i| i.is_error()).collect();
    assert_eq!(errors.len(), 1);
    assert_eq!(
        (errors[0].field.as_str(), &errors[0].problem),
        ("period.end", &Problem::YearOutOfRange)
    );
}

#[test]
fn a_long_chain_without_cycle_is_fine() {
    let (mut data, base) = fixture();
    let mut prev: Option<Id> = None;
    for n in 0..10u128 {
        let mut a = base.clone();
        a.meta = Meta::new(Uuid::from_u128(1000 + n), now());
        a.title = format!("Quy chế {n}");
        a.supersedes = prev;
        prev = Some(
            data.save_agreement(a, stamp(99, 1_500_000_000))
                .unwrap()
                .key()
                .id,
        );
    }
    assert_eq!(data.agreements.count_live(), 10);
}

#[test]
fn title_years_that_differ_from_the_period_are_a_warning() {
    let (data, mut a) = fixture();
    a.title = "Quy chế phối hợp giai đoạn 2018 - 2020".into();
    let issues = agreement(&a, &data);
    assert_eq!(
        issues,
        vec![Issue {
            field: "title".into(),
            problem: Problem::TitleYearsDiffer {
                title: "2018 - 2020".into(),
                period: "2018 - 2022".into()
            },
            severity: Severity::Warning,
        }]
    );
}

#[test]
fn a_warning_does_not_block_saving() {
    let (mut data, mut a) = fixture();
    a.title = "Quy chế phối hợp giai đoạn 2018 - 2020".into();
    assert!(data.save_agreement(a, stamp(99, 1_500_000_000)).is_ok());
}

#[test]
fn years_in_ignores_longer_numbers() {
    assert_eq!(
        years_in("Số 20181/QĐ, giai đoạn 2018–2022"),
        vec![2018, 2022]
    );
    assert_eq!(years_in("2325/QCPH"), Vec::<i32>::new());
    assert_eq!(years_in("năm 2019"), vec![2019]);
}

#[test]
fn signed_after_the_period_ended_is_a_warning() {
    let (data, mut a) = fixture();
    a.signed_on = Some(d(2023, 1, 5));
    let issues = agreement(&a, &data);
    assert_eq!(
        problems(&issues),
        vec![("signed_on", &Problem::SignedAfterEnd)]
    );
    assert!(!issues[0].is_error());
}

#[test]
fn area_titles_are_required_and_responsibles_are_parties() {
    let (data, mut a) = fixture();
    a.areas.push(CoordinationArea {
        id: Uuid::from_u128(500),
        title: "".into(),
        description: "".into(),
        responsible: vec![Uuid::from_u128(SO_YTE)],
        unknown: Default::default(),
    });
    assert_eq!(
        problems(&agreement(&a, &data)),
        vec![
            ("areas[0].title", &Problem::Required),
            ("areas[0].responsible", &Problem::ResponsibleNotParty)
        ]
    );
}

#[test]
fn organisation_rules() {
    let (data, _) = fixture();
    let mut o = Organisation::new(
        Meta::new(Uuid::from_u128(50), now()),
        "",
        "",
        OrganisationKind::Department,
    );
    assert_eq!(
        problems(&organisation(&o, &data)),
        vec![("name", &Problem::Required)]
    );
    o.name = "Sở Tư pháp".into();
    o.parent = Some(o.id());
    assert_eq!(
        problems(&organisation(&o, &data)),
        vec![("parent", &Problem::OwnParent)]
    );
    o.parent = Some(Uuid::from_u128(777));
    assert_eq!(
        problems(&organisation(&o, &data)),
        vec![("parent", &Problem::UnknownOrganisation)]
    );
    o.parent = Some(Uuid::from_u128(UBND));
    assert!(organisation(&o, &data).is_empty());
}

#[test]
fn an_organisation_named_like_another_is_a_warning() {
    let (mut data, _) = fixture();
    let mut o = Organisation::new(
        Meta::new(Uuid::from_u128(51), now()),
        "  sở   Y TẾ ",
        "",
        OrganisationKind::Department,
    );
    let name_taken = Problem::NameTaken {
        by: Uuid::from_u128(SO_YTE),
    };
    let taken = vec![("name", &name_taken)];
    let found = organisation(&o, &data);
    assert_eq!(problems(&found), taken);
    assert!(!found[0].is_error(), "a warning: saving is not refused");
    // Decomposed diacritics (pasted text) are the same name.
    o.name = "Sở Y tế".nfd().collect();
    assert_eq!(problems(&organisation(&o, &data)), taken);
    // Another province's "Sở Y tế" is another body.
    o.locality = "Hà Giang".into();
    assert!(organisation(&o, &data).is_empty());
    o.locality = String::new();
    // Its own record is not a duplicate of itself; another name is fine.
    let own = data
        .organisations
        .get(&Uuid::from_u128(SO_YTE))
        .unwrap()
        .clone();
    assert!(organisation(&own, &data).is_empty());
    o.name = "Sở Y tế dự phòng".into();
    assert!(organisation(&o, &data).is_empty());
    // A deleted organisation frees its name.
    o.name = "Sở Y tế".into();
    data.delete::<Organisation>(Uuid::from_u128(SO_YTE), stamp(99, 1_500_000_000))
        .unwrap();
    assert!(organisation(&o, &data).is_empty());
}

#[test]
fn person_rules() {
    let (data, _) = fixture();
    let mut p = Person::new(Meta::new(Uuid::from_u128(60), now()), " ");
    p.positions.push(PositionHeld {
        title: "Bí thư".into(),
        organisation: Some(Uuid::from_u128(888)),
        from: Some(d(2020, 1, 1)),
        to: Some(d(2019, 1, 1)),
        unknown: Default::default(),
    });
    assert_eq!(
        problems(&person(&p, &data)),
        vec![
            ("full_name", &Problem::Required),
            ("positions[0].to", &Problem::PositionEndsBeforeStart),
            ("positions[0].organisation", &Problem::UnknownOrganisation),
        ]
    );
}

#[test]
fn duty_titles_are_required() {
    let (data, mut a) = fixture();
    a.duties.push(crate::records::duty::Duty {
        id: Uuid::from_u128(600),
        title: " ".into(),
        due: crate::records::duty::DueRule::YearAnyTime.into(),
        fulfilled_by: None,
        settlements: vec![],
        unknown: Default::default(),
    });
    assert_eq!(
        problems(&agreement(&a, &data)),
        vec![("duties[0].title", &Problem::Required)]
    );
}

#[test]
fn a_text_is_too_long_by_its_characters_not_its_bytes() {
    // "ự" is three bytes: 400 of them are 1,200 bytes and still a title of 400 characters.
    for letter in ["ự", "a"] {
        let at_most = letter.repeat(lengths::TITLE);
        assert!(!lengths::too_long(&at_most, lengths::TITLE), "{letter}");
        assert!(
            lengths::too_long(&(at_most + letter), lengths::TITLE),
            "{letter}"
        );
    }
    assert!(!lengths::too_long("", 0));
    // And where the forms' rules report it: the item's own field, named only then.
    let (data, mut a) = fixture();
    a.parties[1].role = "ự".repeat(lengths::ROLE);
    assert!(agreement(&a, &data)
        .iter()
        .all(|i| i.field != "parties[1].role"));
    a.parties[1].role.push('a');
    assert!(problems(&agreement(&a, &data))
        .contains(&("parties[1].role", &Problem::TooLong { max: lengths::ROLE })));
}
