use std::collections::HashMap;

use chrono::NaiveDate;

use super::*;
use crate::rules::status::statuses;
use crate::sample_data::sample::{
    regulation_2013_2017_id, regulation_2018_2022_id, sample_dataset,
};

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 27).unwrap()
}

fn titles(found: &[&Agreement]) -> Vec<String> {
    found.iter().map(|a| a.title.clone()).collect()
}

/// [`find_agreements`] with every agreement's status today, as the register keeps them.
fn find_today<'a>(
    data: &'a Dataset,
    haystacks: &HashMap<Id, String>,
    query: &AgreementQuery,
) -> Vec<&'a Agreement> {
    find_agreements(data, haystacks, query, &statuses(data, today()))
}

fn query(text: &str) -> AgreementQuery {
    AgreementQuery {
        text: text.into(),
        ..AgreementQuery::default()
    }
}

#[test]
fn quy_che_2018_finds_the_2018_2022_regulation_first() {
    let data = sample_dataset();
    let hay = agreement_haystacks(&data);
    let found = find_today(&data, &hay, &query("quy che 2018"));
    assert_eq!(found[0].id(), regulation_2018_2022_id());
    assert!(found.iter().all(|a| a.id() != regulation_2013_2017_id()));
}

#[test]
fn search_works_without_precomputed_haystacks() {
    let data = sample_dataset();
    let with = find_today(&data, &agreement_haystacks(&data), &query("Đồng Văn Lâm"));
    let without = find_today(&data, &HashMap::new(), &query("dong van lam"));
    assert_eq!(titles(&with), titles(&without));
    assert_eq!(with.len(), 1, "only 2018-2022 names its signatories");
}

#[test]
fn party_names_short_names_and_years_are_searchable() {
    let data = sample_dataset();
    let hay = agreement_haystacks(&data);
    assert_eq!(find_today(&data, &hay, &query("so y te")).len(), 1);
    assert_eq!(find_today(&data, &hay, &query("tinh doan 2015")).len(), 21);
    assert_eq!(find_today(&data, &hay, &query("2020")).len(), 1);
    assert!(find_today(&data, &hay, &query("khong co gi")).is_empty());
}

#[test]
fn filters_combine() {
    let data = sample_dataset();
    let hay = agreement_haystacks(&data);
    let mut q = AgreementQuery {
        kind: Some(AgreementKind::Regulation),
        ..AgreementQuery::default()
    };
    assert_eq!(find_today(&data, &hay, &q).len(), 2);
    q.year = Some(2019);
    assert_eq!(find_today(&data, &hay, &q).len(), 1);
    q.year = None;
    q.status = Some(Status::Expired);
    assert_eq!(titles(&find_today(&data, &hay, &q)).len(), 1);
    q.status = Some(Status::Summarised);
    q.kind = None;
    assert_eq!(find_today(&data, &hay, &q).len(), 21);
    let so_y_te = find_organisations(&data, "sở y tế")[0].id();
    let q = AgreementQuery {
        organisation: Some(so_y_te),
        ..AgreementQuery::default()
    };
    assert_eq!(find_today(&data, &hay, &q).len(), 1);
}

#[test]
fn status_filter_uses_today() {
    let data = sample_dataset();
    let hay = agreement_haystacks(&data);
    let q = AgreementQuery {
        status: Some(Status::InForce),
        ..AgreementQuery::default()
    };
    assert!(find_today(&data, &hay, &q).is_empty());
    let in_2020 = NaiveDate::from_ymd_opt(2020, 6, 1).unwrap();
    assert_eq!(
        find_agreements(&data, &hay, &q, &statuses(&data, in_2020))[0].id(),
        regulation_2018_2022_id()
    );
}

#[test]
fn sorts_by_number_naturally_and_by_title_ignoring_diacritics() {
    let data = sample_dataset();
    let hay = agreement_haystacks(&data);
    let q = AgreementQuery {
        sort: AgreementSort::Number,
        ..AgreementQuery::default()
    };
    let numbers: Vec<String> = find_today(&data, &hay, &q)
        .iter()
        .map(|a| a.number.clone())
        .collect();
    assert_eq!(numbers[0], "01/KHPH-TĐ");
    assert_eq!(numbers[19], "20/KHPH-TĐ");
    assert!(
        numbers[20].is_empty() && numbers[21].is_empty(),
        "unnumbered last"
    );

    let q = AgreementQuery {
        sort: AgreementSort::Title,
        ..AgreementQuery::default()
    };
    let found = titles(&find_today(&data, &hay, &q));
    assert!(found[0].starts_with("Kế hoạch"));
    assert!(found.last().unwrap().starts_with("Quy chế"));

    let q = AgreementQuery {
        sort: AgreementSort::PeriodStart,
        ..AgreementQuery::default()
    };
    assert_eq!(
        find_today(&data, &hay, &q)[0].id(),
        regulation_2018_2022_id()
    );
}

#[test]
fn deleted_agreements_are_never_listed() {
    let mut data = sample_dataset();
    let stamp = crate::records::workspace::Stamp {
        office: uuid::Uuid::from_u128(1),
        now: chrono::DateTime::from_timestamp(1_800_000_000, 0).unwrap(),
    };
    let plan = data.plans_of(regulation_2013_2017_id())[0].id();
    data.delete::<Agreement>(plan, stamp).unwrap();
    let hay = agreement_haystacks(&data);
    assert_eq!(
        find_today(&data, &hay, &AgreementQuery::default()).len(),
        21
    );
}

#[test]
fn years_and_directory_searches() {
    let data = sample_dataset();
    assert_eq!(
        years_covered(&data),
        (2013..=2022).rev().collect::<Vec<_>>()
    );
    assert_eq!(find_people(&data, "hang nga").len(), 1);
    assert_eq!(
        find_people(&data, "chu tich").len(),
        1,
        "positions are searchable"
    );
    assert_eq!(find_organisations(&data, "doan").len(), 3);
    assert_eq!(find_organisations(&data, "").len(), 24);
    let doan = find_organisations(&data, "tỉnh đoàn")[0].id();
    assert_eq!(agreements_of(&data, doan).len(), 22);
    let lam = find_people(&data, "lam")[0].id();
    assert_eq!(agreements_signed_by(&data, lam).len(), 1);
}

#[test]
fn default_order_of_a_fresh_sample_puts_regulations_first_newest_period_first() {
    let data = sample_dataset();
    let found = find_today(
        &data,
        &agreement_haystacks(&data),
        &AgreementQuery::default(),
    );
    assert_eq!(found[0].id(), regulation_2018_2022_id());
    assert_eq!(found[1].id(), regulation_2013_2017_id());
    let plan_titles = titles(&found[2..]);
    let mut sorted = plan_titles.clone();
    sorted.sort_by_key(|t| collate(t));
    assert_eq!(plan_titles, sorted);
}

#[test]
fn recommendations_are_found_without_diacritics_and_filtered_to_the_overdue() {
    use crate::records::meta::Meta;
    use crate::records::recommendation::{Recommendation, RecommendationStatus};
    let mut data = sample_dataset();
    let day = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
    let health = data
        .organisations
        .iter_live()
        .find(|o| o.name == "Sở Y tế")
        .unwrap()
        .id();
    let add = |data: &mut Dataset, n: u128, content: &str, deadline, status| {
        let mut r = Recommendation::new(
            Meta::new(uuid::Uuid::from_u128(n), chrono::Utc::now()),
            content,
        );
        r.deadline = deadline;
        r.status = status;
        r.addressed_to = vec![health];
        r.agreement = Some(regulation_2018_2022_id());
        data.recommendations.put(r);
    };
    add(
        &mut data,
        1,
        "Xây dựng nhà rông thanh niên xã Long Đức",
        Some(day(2026, 1, 1)),
        RecommendationStatus::Open,
    );
    add(
        &mut data,
        2,
        "Nhà rông thanh niên huyện Càng Long",
        Some(day(2027, 1, 1)),
        RecommendationStatus::Open,
    );
    add(
        &mut data,
        3,
        "Nhà rông thanh niên thị xã Duyên Hải",
        Some(day(2026, 1, 1)),
        RecommendationStatus::Resolved,
    );
    let find = |text: &str, overdue_on| {
        let q = RecommendationQuery {
            text: text.into(),
            overdue_on,
            ..RecommendationQuery::default()
        };
        let mut ids: Vec<u128> = find_recommendations_matching(&data, &q)
            .iter()
            .map(|r| r.id().as_u128())
            // The sample's own recommendations aside.
            .filter(|id| *id < 100)
            .collect();
        ids.sort();
        ids
    };
    assert_eq!(find("NHA RONG", None), vec![1, 2, 3]);
    assert_eq!(find("nhà rông long", None), vec![1, 2]);
    // Found by the addressee's name (with its province) and the agreement's number.
    assert_eq!(find("long duc so y te tra vinh", None), vec![1]);
    assert_eq!(find("long duc ha giang", None), Vec::<u128>::new());
    // Late: pending and past the deadline; the answered one and the one not yet due are not.
    assert_eq!(find("rong", Some(today())), vec![1]);
    assert_eq!(find("", Some(today())), vec![1]);
}

/// The register's orders, each as one comparison of whole agreements (the way they were written
/// before titles were collated once): ties on the date read by kind, period, then title.
#[test]
fn orders_with_ties_read_by_kind_period_then_title() {
    use crate::rules::status::status_in;
    let mut data = crate::sample_data::generate::large(120, 600, 5);
    data.agreements.put(
        sample_dataset()
            .agreements
            .iter_live()
            .next()
            .unwrap()
            .clone(),
    );
    let hay = agreement_haystacks(&data);
    let live: Vec<&Agreement> = data.agreements.iter_live().collect();
    let by_recent = |a: &&Agreement, b: &&Agreement| {
        b.meta
            .updated
            .cmp(&a.meta.updated)
            .then_with(|| kind_rank(a.kind).cmp(&kind_rank(b.kind)))
            .then_with(|| b.period.start.cmp(&a.period.start))
            .then_with(|| collate(&a.title).cmp(&collate(&b.title)))
    };
    let ids = |v: &[&Agreement]| v.iter().map(|a| a.id()).collect::<Vec<_>>();
    let mut expected = live.clone();
    expected.sort_by(by_recent);
    for sort in [AgreementSort::Relevance, AgreementSort::RecentlyChanged] {
        let q = AgreementQuery {
            sort,
            ..AgreementQuery::default()
        };
        assert_eq!(
            ids(&find_today(&data, &hay, &q)),
            ids(&expected),
            "{sort:?}"
        );
    }
    let mut expected = live.clone();
    expected.sort_by(|a, b| {
        b.signing_date()
            .cmp(&a.signing_date())
            .then_with(|| by_recent(a, b))
    });
    let q = AgreementQuery {
        sort: AgreementSort::SigningDate,
        ..AgreementQuery::default()
    };
    assert_eq!(ids(&find_today(&data, &hay, &q)), ids(&expected));
    let mut expected = live.clone();
    expected.sort_by(|a, b| collate(&a.title).cmp(&collate(&b.title)));
    let q = AgreementQuery {
        sort: AgreementSort::Title,
        ..AgreementQuery::default()
    };
    assert_eq!(ids(&find_today(&data, &hay, &q)), ids(&expected));
    // A word found in some titles: the score first (more of it, higher), then the same ties.
    let q = AgreementQuery {
        text: "sn1 giai doan".into(),
        ..AgreementQuery::default()
    };
    let query = Query::parse(&q.text);
    let mut expected: Vec<(u32, &Agreement)> = live
        .iter()
        .map(|a| (query.score(&hay[&a.id()]), *a))
        .filter(|(s, _)| *s > 0)
        .collect();
    expected.sort_by(|(sa, a), (sb, b)| sb.cmp(sa).then_with(|| by_recent(a, b)));
    let expected: Vec<&Agreement> = expected.into_iter().map(|(_, a)| a).collect();
    assert!(expected.len() > 1);
    assert_eq!(ids(&find_today(&data, &hay, &q)), ids(&expected));
    // The status filter, from the statuses of one pass over the events, finds what every
    // event would.
    let all = statuses(&data, today());
    let mut statuses_found = 0;
    for status in Status::ALL {
        let q = AgreementQuery {
            status: Some(status),
            ..AgreementQuery::default()
        };
        let found = ids(&find_agreements(&data, &hay, &q, &all));
        let mut expected: Vec<&Agreement> = live
            .iter()
            .copied()
            .filter(|a| status_in(&data, a, today()).status == status)
            .collect();
        expected.sort_by(by_recent);
        statuses_found += usize::from(!found.is_empty());
        assert_eq!(found, ids(&expected), "{status:?}");
    }
    assert!(
        statuses_found > 1,
        "more than one status among the agreements"
    );
}
