//! The forms' rules on an imported file's records (import/rules.rs): each rule broken by a
//! record the import would write is a warning at its place in the file, worded as the form
//! words it; nothing is refused and nothing is written before apply.

use chrono::NaiveDate;

use super::*;
use crate::records::event::{Chair, Event};
use crate::records::model::{Party, Person, PositionHeld, Status, StatusOverride};
use crate::records::recommendation::Recommendation;
use crate::sample_data::sample::regulation_2018_2022_id;

fn d(y: i32, m: u32, dd: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, dd).unwrap()
}

/// The rules broken, as the preview words them in Vietnamese.
fn broken(file: &IncomingFile) -> Vec<String> {
    file.warnings
        .iter()
        .filter(|w| matches!(w, Warning::BrokenRule { .. }))
        .map(|w| vietnamese(&w.message()))
        .collect()
}

/// Where record `id` sits in the file's text, read from the JSON itself: "agreements[3]".
pub(super) fn place(text: &str, collection: Collection, id: Id) -> String {
    let value: serde_json::Value = serde_json::from_str(text).unwrap();
    let index = value[collection.as_str()]
        .as_array()
        .unwrap()
        .iter()
        .position(|r| r["id"] == id.to_string())
        .unwrap_or_else(|| panic!("{id} is not in the file"));
    format!("{}[{index}]", collection.as_str())
}

fn first<T: Stored>(data: &Dataset) -> T {
    T::table(data).iter_live().next().unwrap().clone()
}

#[test]
fn a_valid_export_breaks_no_rule() {
    // Every record of the sample is new to an empty office: each is checked, none breaks a rule.
    let text = export_all(&sample_dataset(), &office(0xA, "A"));
    let file = read_file(text.as_bytes(), &Dataset::default()).unwrap();
    assert!(file.recognised.is_empty());
    assert!(file.records.agreements.count_live() > 20);
    assert_eq!(file.warnings, vec![]);
    // A large generated office too: numbers, parties, supersedes chains as offices have them.
    let text = export_all(
        &crate::sample_data::generate::dataset(60, 300, 5),
        &office(0xA, "A"),
    );
    let file = read_file(text.as_bytes(), &Dataset::default()).unwrap();
    assert_eq!(broken(&file), Vec::<String>::new());
}

#[test]
fn every_rule_a_record_breaks_is_a_warning_at_its_place_in_the_file() {
    let here = sample_dataset();
    // The other office's records, saved without the forms' checks (a file edited by hand, an
    // older app): `commit` stamps and stores whatever it is given.
    let mut there = here.clone();
    let by = stamp(0xB, 100);
    let mut agreement = there
        .agreements
        .get(&regulation_2018_2022_id())
        .unwrap()
        .clone();
    agreement.title = "   ".into();
    agreement.period.end = Some(d(2017, 12, 31));
    agreement.status_override = Some(StatusOverride {
        status: Status::Terminated,
        reason: " ".into(),
        unknown: Default::default(),
    });
    there.commit(agreement.clone(), by);
    let mut organisation: Organisation = first(&there);
    organisation.name = String::new();
    there.commit(organisation.clone(), by);
    let mut person: Person = first(&there);
    person.positions = vec![PositionHeld {
        title: "Bí thư".into(),
        organisation: None,
        from: Some(d(2020, 1, 1)),
        to: Some(d(2019, 1, 1)),
        unknown: Default::default(),
    }];
    there.commit(person.clone(), by);
    let mut event: Event = first(&there);
    event.title = String::new();
    event.place = "Hội trường ".repeat(14);
    event.chairs = vec![
        Chair {
            person: person.id(),
            position: String::new(),
            co_chair: false,
            unknown: Default::default(),
        };
        2
    ];
    there.commit(event.clone(), by);
    let mut recommendation: Recommendation = first(&there);
    recommendation.addressed_to.clear();
    recommendation.content = "Đề nghị bố trí kinh phí. ".repeat(50);
    there.commit(recommendation.clone(), by);

    let text = export_all(&there, &office(0xB, "B"));
    let file = read_file(text.as_bytes(), &here).unwrap();
    let at = |collection, id| place(&text, collection, id);
    let a = at(Collection::Agreements, agreement.id());
    let o = at(Collection::Organisations, organisation.id());
    let p = at(Collection::People, person.id());
    let e = at(Collection::Events, event.id());
    let r = at(Collection::Recommendations, recommendation.id());
    // In the file's order (collections as written, then index); the form's own sentences.
    assert_eq!(
        broken(&file),
        vec![
            format!("{o}.name: Bắt buộc nhập."),
            format!("{p}.positions[0].to: Ngày thôi giữ chức vụ đứng trước ngày bắt đầu."),
            format!("{a}.title: Bắt buộc nhập."),
            format!("{a}.status_override.reason: Bắt buộc nhập."),
            format!("{a}.period.end: Ngày kết thúc đứng trước ngày bắt đầu."),
            format!("{e}.title: Bắt buộc nhập."),
            format!("{e}.place: Quá dài: tối đa 150 ký tự."),
            format!("{e}.chairs[1].person: Người này đã có trong danh sách chủ trì."),
            format!("{r}.content: Quá dài: tối đa 1.000 ký tự."),
            format!("{r}.addressed_to: Chọn ít nhất một cơ quan nhận kiến nghị."),
        ]
    );
    // Only rules: no reference is missing, no other warning.
    assert_eq!(file.warnings.len(), 10);
    // The places are the file's own: "agreements[3]", as schema errors name them.
    assert!(a.starts_with("agreements["), "{a}");
    assert_eq!(
        file.places[&RecordKey {
            collection: Collection::Agreements,
            id: agreement.id()
        }]
            .to_string(),
        a
    );
    // In English, the same places and the form's English words.
    let english: Vec<String> = file
        .warnings
        .iter()
        .map(|w| english(&w.message()))
        .collect();
    assert!(
        english.contains(&format!("{a}.title: Required.")),
        "{english:?}"
    );
    assert!(english.contains(&format!(
        "{a}.period.end: The end date is before the start date."
    )));
}

#[test]
fn a_warning_changes_nothing_and_blocks_nothing() {
    let base = sample_dataset();
    let mut there = base.clone();
    let mut agreement = there
        .agreements
        .get(&regulation_2018_2022_id())
        .unwrap()
        .clone();
    agreement.title = String::new();
    there.commit(agreement.clone(), stamp(0xB, 100));
    let text = export_all(&there, &office(0xB, "B"));

    let mut store = MemoryStore::default();
    let mut session = storage::Session::default();
    storage::save_records(
        &mut store,
        &base,
        &storage::all_keys(&base),
        &mut session,
        stamp(0xA, 0),
    );
    let stored_before = store.entries.clone();
    let mut here = storage::load(&store).unwrap().data;
    let before = here.clone();
    let file = read_file(text.as_bytes(), &here).unwrap();
    let p = preview(&file, &here);
    let place = place(&text, Collection::Agreements, agreement.id());
    assert_eq!(
        broken(&file),
        vec![format!("{place}.title: Bắt buộc nhập.")]
    );
    assert_eq!(p.count(Group::IncomingNewer), 1);
    // Shown, not written: the data and the store are as they were.
    assert_eq!(here, before);
    assert_eq!(store.entries, stored_before);

    // Apply takes the other office's record as it is, blank title and all.
    let applied = apply(
        &mut here,
        &file,
        &Default::default(),
        stamp(0xA, 200),
        new_ids(),
    )
    .unwrap();
    let key = RecordKey {
        collection: Collection::Agreements,
        id: agreement.id(),
    };
    assert_eq!(applied.written, vec![key]);
    assert_eq!(here.agreements.get(&agreement.id()).unwrap().title, "");
}

#[test]
fn only_records_the_import_would_write_are_checked() {
    // A record that breaks a rule, saved here before the rule existed: our own export, read in
    // full (no fingerprints) or recognised, says nothing about it.
    let mut here = sample_dataset();
    let mut old = here
        .agreements
        .get(&regulation_2018_2022_id())
        .unwrap()
        .clone();
    old.status_override = Some(StatusOverride {
        status: Status::Terminated,
        reason: String::new(),
        unknown: Default::default(),
    });
    here.commit(old.clone(), stamp(0xA, 50));
    let ours = export_all(&here, &office(0xA, "A"));
    let cold = super::super::read_file(
        ours.as_bytes(),
        &here,
        super::BYSTANDER,
        &Fingerprints::default(),
    )
    .unwrap();
    assert!(cold.recognised.is_empty());
    assert_eq!(cold.warnings, vec![]);

    // An older copy of a record we have edited since (ours is newer), or a deleted record,
    // is not written as it is in the file: not checked either.
    let mut there = sample_dataset();
    let mut stale = there.agreements.get(&old.id()).unwrap().clone();
    stale.title = String::new();
    there.commit(stale, stamp(0xB, 10));
    let mut gone: Organisation = first(&there);
    gone.name = String::new();
    gone.meta.deleted = true;
    there.commit(gone, stamp(0xB, 10));
    let text = export_all(&there, &office(0xB, "B"));
    let mut newer_here = here.clone();
    let file = read_file(text.as_bytes(), &newer_here).unwrap();
    // The agreement is a conflict (both edited it): it would be written if the user takes it.
    // The deleted organisation's blank name is not a rule broken.
    let conflict = place(&text, Collection::Agreements, old.id());
    assert_eq!(
        broken(&file),
        vec![format!("{conflict}.title: Bắt buộc nhập.")]
    );
    let choices = preview(&file, &newer_here)
        .in_group(Group::Conflict)
        .map(|e| (e.key, Choice::TakeTheirs))
        .collect();
    apply(&mut newer_here, &file, &choices, stamp(0xA, 60), new_ids()).unwrap();
    let mut mended = newer_here.agreements.get(&old.id()).unwrap().clone();
    mended.title = "Quy chế (sửa lại)".into();
    newer_here.commit(mended, stamp(0xA, 70));
    // Now ours has seen the file's version and more: the same file says nothing.
    let again = read_file(text.as_bytes(), &newer_here).unwrap();
    assert_eq!(broken(&again), Vec::<String>::new());
}

#[test]
fn rules_across_records_see_the_data_as_the_import_would_leave_it() {
    let here = sample_dataset();
    let mut there = here.clone();
    let by = stamp(0xB, 100);
    let new_org = |n: u128, name: &str| {
        Organisation::new(
            Meta::new(Uuid::from_u128(n), by.now),
            name,
            "",
            OrganisationKind::Department,
        )
    };
    // Two organisations new to us, parties of a new agreement: known once the file is taken.
    let (one, two) = (new_org(0x51, "Sở Một"), new_org(0x52, "Sở Hai"));
    there.commit(one.clone(), by);
    there.commit(two.clone(), by);
    let mut fresh = Agreement::new(
        Meta::new(Uuid::from_u128(0x53), by.now),
        "Quy chế phối hợp giữa Sở Một và Sở Hai",
        crate::records::model::AgreementKind::Regulation,
    );
    fresh.parties = vec![
        Party {
            organisation: one.id(),
            role: String::new(),
            lead: true,
            unknown: Default::default(),
        },
        Party {
            organisation: two.id(),
            role: String::new(),
            lead: false,
            unknown: Default::default(),
        },
    ];
    there.commit(fresh.clone(), by);
    // An organisation the file deletes, still a party of another new agreement of the file.
    let mut deleted = new_org(0x54, "Sở Ba");
    there.commit(deleted.clone(), by);
    deleted.meta.deleted = true;
    there.commit(deleted.clone(), by);
    let mut with_deleted = fresh.clone();
    with_deleted.meta = Meta::new(Uuid::from_u128(0x55), by.now);
    with_deleted.parties[1].organisation = deleted.id();
    there.commit(with_deleted.clone(), by);
    // A party that is nowhere: already a missing reference, not said twice.
    let nowhere = Uuid::from_u128(0x56);
    let mut with_missing = fresh.clone();
    with_missing.meta = Meta::new(Uuid::from_u128(0x57), by.now);
    with_missing.parties[1].organisation = nowhere;
    there.commit(with_missing.clone(), by);
    // A number held here by another agreement of the same parties.
    let taken = here
        .agreements
        .iter_live()
        .find(|a| !a.number.is_empty() && a.parties.len() >= 2)
        .unwrap()
        .clone();
    let mut same_number = taken.clone();
    same_number.meta = Meta::new(Uuid::from_u128(0x58), by.now);
    same_number.number = format!(" {} ", taken.number.to_lowercase());
    there.commit(same_number.clone(), by);

    let text = export_all(&there, &office(0xB, "B"));
    let file = read_file(text.as_bytes(), &here).unwrap();
    let at = |id| place(&text, Collection::Agreements, id);
    let mut expected = vec![
        (
            at(with_deleted.id()),
            format!(
                "{}.parties[1].organisation: Chọn một cơ quan có trong danh bạ.",
                at(with_deleted.id())
            ),
        ),
        (
            at(same_number.id()),
            format!(
                "{}.number: Số hiệu này đã dùng cho một văn bản khác của cùng các bên.",
                at(same_number.id())
            ),
        ),
    ];
    expected.sort_by_key(|(place, _)| place[11..place.len() - 1].parse::<usize>().unwrap());
    let expected: Vec<String> = expected.into_iter().map(|(_, w)| w).collect();
    assert_eq!(broken(&file), expected);
    let missing: Vec<String> = file
        .warnings
        .iter()
        .filter(|w| matches!(w, Warning::MissingReference { .. }))
        .map(|w| vietnamese(&w.message()))
        .collect();
    assert_eq!(
        missing,
        vec![format!(
            "{}.parties[1].organisation trỏ tới bản ghi {nowhere}, không có trong tệp và cũng chưa có ở đây.",
            at(with_missing.id())
        )]
    );

    // The same file renumbering ours too: in the data it would leave, the number is free.
    let mut renumbered = taken.clone();
    renumbered.number = "99/QC-KHÁC".into();
    there.commit(renumbered, by);
    let text = export_all(&there, &office(0xB, "B"));
    let file = read_file(text.as_bytes(), &here).unwrap();
    assert!(
        broken(&file).iter().all(|w| !w.contains(".number:")),
        "{:?}",
        broken(&file)
    );
}

#[test]
fn a_record_ours_is_newer_than_is_seen_as_ours() {
    // We deleted an organisation; the other office, which has not heard, names it as a party of
    // a new agreement. Its file carries the organisation as it was: ours (deleted) stays.
    let base = sample_dataset();
    let mut here = base.clone();
    let organisation: Organisation = first(&base);
    let mut tombstone = organisation.clone();
    tombstone.meta.deleted = true;
    here.commit(tombstone, stamp(0xA, 50));
    let mut there = base.clone();
    let other: Organisation = base.organisations.iter_live().nth(1).unwrap().clone();
    let mut fresh = Agreement::new(
        Meta::new(Uuid::from_u128(0x61), stamp(0xB, 60).now),
        "Quy chế phối hợp mới",
        crate::records::model::AgreementKind::Regulation,
    );
    fresh.parties = [(other.id(), true), (organisation.id(), false)]
        .into_iter()
        .map(|(organisation, lead)| Party {
            organisation,
            role: String::new(),
            lead,
            unknown: Default::default(),
        })
        .collect();
    there.commit(fresh.clone(), stamp(0xB, 60));
    let text = export_all(&there, &office(0xB, "B"));
    let file = read_file(text.as_bytes(), &here).unwrap();
    assert_eq!(
        preview(&file, &here).count(Group::LocalNewer),
        1,
        "the organisation"
    );
    let at = place(&text, Collection::Agreements, fresh.id());
    assert_eq!(
        broken(&file),
        vec![format!(
            "{at}.parties[1].organisation: Chọn một cơ quan có trong danh bạ."
        )]
    );
}

#[test]
fn warnings_follow_the_file_even_when_it_is_not_in_id_order() {
    // A file put together by hand: its agreements in reverse order of id.
    let here = sample_dataset();
    let mut there = here.clone();
    let mut ids = Vec::new();
    for a in here.agreements.iter_live().take(3) {
        let mut a = a.clone();
        a.title = String::new();
        ids.push(a.id());
        there.commit(a, stamp(0xB, 100));
    }
    let mut value: serde_json::Value =
        serde_json::from_str(&export_all(&there, &office(0xB, "B"))).unwrap();
    value["agreements"].as_array_mut().unwrap().reverse();
    let text = value.to_string();
    let file = read_file(text.as_bytes(), &here).unwrap();
    let mut places: Vec<String> = ids
        .iter()
        .map(|id| place(&text, Collection::Agreements, *id))
        .collect();
    places.reverse();
    assert_eq!(
        broken(&file),
        places
            .iter()
            .map(|p| format!("{p}.title: Bắt buộc nhập."))
            .collect::<Vec<_>>()
    );
}
