//! Each record command's outcome: the keys it changed, its warnings, its effects and the
//! history entries it made; a command that changes nothing makes no edit.

use chrono::{NaiveDate, NaiveTime};
use uuid::Uuid;

use crate::commands::outcome::{Effect, Outcome, Written};
use crate::records::event::{Event, EventKind, EventLink, EventRole};
use crate::records::history::How;
use crate::records::meta::Meta;
use crate::records::model::{
    Agreement, AgreementKind, Organisation, OrganisationKind, Party, Period, Status,
};
use crate::records::recommendation::Recommendation;
use crate::records::record::{Collection, RecordKey};
use crate::records::workspace::{Dataset, Saved};
use crate::rules::validate_activity::{status_effects, EffectKind};
use crate::sample_data::support::stamp;

const HERE: u128 = 7;
const UBND: u128 = 1;
const DOAN: u128 = 2;
const AGREEMENT: u128 = 100;
const SIGNING: u128 = 1000;

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

fn key(collection: Collection, n: u128) -> RecordKey {
    RecordKey {
        collection,
        id: Uuid::from_u128(n),
    }
}

/// Two organisations and an agreement between them, not signed yet (a draft).
fn fixture() -> Dataset {
    let mut data = Dataset::default();
    for (n, name) in [(UBND, "UBND tỉnh"), (DOAN, "Tỉnh Đoàn")] {
        let o = Organisation::new(
            Meta::new(Uuid::from_u128(n), stamp(HERE, 1).now),
            name,
            "",
            OrganisationKind::Other,
        );
        data.commit(o, stamp(HERE, 1));
    }
    let mut a = Agreement::new(
        Meta::new(Uuid::from_u128(AGREEMENT), stamp(HERE, 1).now),
        "Quy chế phối hợp giai đoạn 2023 - 2027",
        AgreementKind::Regulation,
    );
    a.parties = [(UBND, true), (DOAN, false)]
        .into_iter()
        .map(|(n, lead)| Party {
            organisation: Uuid::from_u128(n),
            role: String::new(),
            lead,
            unknown: Default::default(),
        })
        .collect();
    a.period = Period::new(d(2023, 1, 1), d(2027, 12, 31));
    data.commit(a, stamp(HERE, 1));
    data
}

fn agreement(data: &Dataset) -> Agreement {
    data.agreements
        .get(&Uuid::from_u128(AGREEMENT))
        .unwrap()
        .clone()
}

fn signing(day: NaiveDate) -> Event {
    let mut e = Event::new(
        Meta::new(Uuid::from_u128(SIGNING), stamp(HERE, 1).now),
        EventKind::Signing,
        "Lễ ký kết quy chế phối hợp",
        day.and_time(NaiveTime::from_hms_opt(9, 0, 0).unwrap()),
    );
    e.agreements = vec![EventLink {
        agreement: Uuid::from_u128(AGREEMENT),
        role: EventRole::Signed,
        unknown: Default::default(),
    }];
    e
}

#[test]
fn an_edit_changes_its_record_and_says_what_changed_in_its_entry() {
    let mut data = fixture();
    let mut a = agreement(&data);
    a.title = "Quy chế phối hợp công tác 2023 - 2027".into();
    let outcome = data.save_agreement(a, stamp(HERE, 50)).unwrap();
    let k = key(Collection::Agreements, AGREEMENT);
    assert_eq!(outcome.value, Saved::Changed(k));
    assert_eq!(outcome.changed, vec![k]);
    assert_eq!(outcome.written(), &[k]);
    assert_eq!(outcome.entries.len(), 1);
    let (entry_key, entry) = &outcome.entries[0];
    assert_eq!(*entry_key, k);
    assert_eq!(entry.how, How::Typed);
    assert_eq!(entry.at, stamp(HERE, 50).now);
    let paths: Vec<&str> = entry.fields.iter().map(|f| f.path.as_str()).collect();
    assert_eq!(paths, vec!["title"]);
    assert!(outcome.effects.is_empty());
}

#[test]
fn a_save_that_changes_nothing_is_no_edit() {
    let mut data = fixture();
    let before = agreement(&data);
    let outcome = data
        .save_agreement(before.clone(), stamp(HERE, 50))
        .unwrap();
    assert!(outcome.is_nothing());
    assert!(outcome.written().is_empty());
    assert!(outcome.entries.is_empty());
    let after = agreement(&data);
    assert_eq!(after.meta.version, before.meta.version, "no version bump");
    assert_eq!(after.meta.updated, before.meta.updated);
    assert_eq!(after.meta.changes, before.meta.changes, "no history entry");

    // A control's save of the same record, and a form's event saved as it was, alike.
    let again = data.save_record(before, stamp(HERE, 60));
    assert!(again.is_nothing() && again.entries.is_empty());
    let today = d(2023, 6, 1);
    let e = signing(d(2023, 3, 1));
    data.save_event(&e, e.clone(), Vec::new(), stamp(HERE, 70), today)
        .unwrap();
    let stored = data.events.get(&Uuid::from_u128(SIGNING)).unwrap().clone();
    let unchanged = data
        .save_event(&stored, stored.clone(), Vec::new(), stamp(HERE, 80), today)
        .unwrap();
    assert!(unchanged.is_nothing() && unchanged.entries.is_empty());
    assert_eq!(
        data.events.get(&Uuid::from_u128(SIGNING)).unwrap().meta,
        stored.meta
    );
}

#[test]
fn a_refused_save_changes_nothing_and_writes_nothing() {
    let mut data = fixture();
    let mut a = agreement(&data);
    a.title = " ".into();
    let result = data.save_agreement(a, stamp(HERE, 50));
    assert!(result.is_err());
    assert!(result.written().is_empty());
    assert_eq!(agreement(&data), agreement(&fixture()));
}

#[test]
fn recording_a_signing_puts_the_agreement_in_force_and_says_so() {
    let mut data = fixture();
    let today = d(2023, 6, 1);
    let e = signing(d(2023, 3, 1));
    // What comparing two whole copies of the data says, for the same save.
    let mut copy = data.clone();
    copy.commit(e.clone(), stamp(HERE, 50));
    let whole = status_effects(&data, &copy, Uuid::from_u128(SIGNING), today);

    let outcome = data
        .save_event(&e, e.clone(), Vec::new(), stamp(HERE, 50), today)
        .unwrap();
    // The event is the one record written: the agreement's status is derived, not stored.
    assert_eq!(outcome.changed, vec![key(Collection::Events, SIGNING)]);
    assert!(
        outcome.entries.is_empty(),
        "a record's creation is no entry"
    );
    let effects: Vec<_> = outcome
        .effects
        .iter()
        .map(|Effect::AgreementStatus(e)| e.clone())
        .collect();
    assert_eq!(effects, whole);
    assert_eq!(effects.len(), 1);
    assert_eq!(effects[0].agreement, Uuid::from_u128(AGREEMENT));
    assert_ne!(effects[0].before.status, Status::InForce);
    assert_eq!(effects[0].after.status, Status::InForce);
    assert!(matches!(effects[0].kind, EffectKind::Changed { .. }));

    // Moving the signing's day: an edit of the event, confirmed for the agreement.
    let stored = data.events.get(&Uuid::from_u128(SIGNING)).unwrap().clone();
    let mut moved = stored.clone();
    moved.starts_at = d(2023, 3, 2).and_time(NaiveTime::from_hms_opt(9, 0, 0).unwrap());
    let mut copy = data.clone();
    copy.commit(moved.clone(), stamp(HERE, 60));
    let whole = status_effects(&data, &copy, Uuid::from_u128(SIGNING), today);
    let outcome = data
        .save_event(&stored, moved, Vec::new(), stamp(HERE, 60), today)
        .unwrap();
    assert_eq!(outcome.entries.len(), 1);
    assert_eq!(outcome.entries[0].1.fields[0].path, "starts_at");
    match &outcome.effects[..] {
        [Effect::AgreementStatus(e)] => {
            assert_eq!(e.after.status, Status::InForce);
            assert_eq!(vec![e.clone()], whole);
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn an_event_form_keeps_what_changed_elsewhere_and_refuses_errors_with_its_own_problems() {
    let mut data = fixture();
    let today = d(2023, 6, 1);
    let e = signing(d(2023, 3, 1));
    data.save_event(&e, e.clone(), Vec::new(), stamp(HERE, 50), today)
        .unwrap();
    let opened = data.events.get(&Uuid::from_u128(SIGNING)).unwrap().clone();
    // Another tab changes the place meanwhile.
    let mut elsewhere = opened.clone();
    elsewhere.place = "Hội trường UBND tỉnh".into();
    data.save_record(elsewhere, stamp(HERE, 60));
    // The form changes the title only.
    let mut mine = opened.clone();
    mine.title = "Lễ ký kết".into();
    let outcome = data
        .save_event(&opened, mine, Vec::new(), stamp(HERE, 70), today)
        .unwrap();
    let stored = data.events.get(&Uuid::from_u128(SIGNING)).unwrap().clone();
    assert_eq!(
        (stored.title.as_str(), stored.place.as_str()),
        ("Lễ ký kết", "Hội trường UBND tỉnh")
    );
    assert_eq!(outcome.changed, vec![key(Collection::Events, SIGNING)]);

    // A problem the form found reading a field blocks the save with the others.
    let mut bad = stored.clone();
    bad.title = String::new();
    let found = vec![crate::rules::validate_activity::ActivityIssue::error(
        "attendee_count",
        crate::rules::validate_activity::ActivityProblem::BadCount,
    )];
    let refused = data
        .save_event(&stored, bad, found, stamp(HERE, 80), today)
        .unwrap_err();
    assert!(refused.iter().any(|i| i.field == "attendee_count"));
    assert!(refused.iter().any(|i| i.field == "title"));
}

#[test]
fn a_recommendation_saved_once() {
    let mut data = fixture();
    let mut r = Recommendation::new(
        Meta::new(Uuid::from_u128(2000), stamp(HERE, 1).now),
        "Hỗ trợ kinh phí tổ chức hội nghị",
    );
    r.addressed_to = vec![Uuid::from_u128(UBND)];
    let outcome: Outcome<Saved, _> = data
        .save_recommendation(&r, r.clone(), Vec::new(), stamp(HERE, 10))
        .unwrap();
    assert_eq!(
        outcome.changed,
        vec![key(Collection::Recommendations, 2000)]
    );
    let again = data
        .save_recommendation(&r, r.clone(), Vec::new(), stamp(HERE, 20))
        .unwrap();
    assert!(again.is_nothing());
}

#[test]
fn delete_and_undelete_each_change_once() {
    let mut data = fixture();
    let id = Uuid::from_u128(AGREEMENT);
    let k = key(Collection::Agreements, AGREEMENT);
    let deleted = data
        .delete_record::<Agreement>(id, stamp(HERE, 10))
        .unwrap();
    assert_eq!(deleted.changed, vec![k]);
    assert_eq!(deleted.entries.len(), 1);
    assert_eq!(deleted.entries[0].1.how, How::Typed);
    assert_eq!(deleted.entries[0].1.fields[0].path, "deleted");
    // Deleting it again is no edit.
    let again = data
        .delete_record::<Agreement>(id, stamp(HERE, 20))
        .unwrap();
    assert!(again.is_nothing() && again.entries.is_empty());
    assert_eq!(agreement(&data).meta.updated, stamp(HERE, 10).now);

    let back = data.undelete_record::<Agreement>(id, stamp(HERE, 30));
    assert_eq!(back.changed, vec![k]);
    assert_eq!(back.entries[0].1.how, How::Undeleted);
    assert!(data
        .undelete_record::<Agreement>(id, stamp(HERE, 40))
        .is_nothing());

    // A party still used by the agreement cannot go: refused, nothing to write.
    let refused = data.delete_record::<Organisation>(Uuid::from_u128(UBND), stamp(HERE, 50));
    assert!(refused.is_err() && refused.written().is_empty());
}

#[test]
fn a_control_changes_one_field_of_a_stored_record() {
    let mut data = fixture();
    let id = Uuid::from_u128(AGREEMENT);
    let outcome = data
        .update_record::<Agreement>(id, |a| a.notes = "Đã gửi bản chụp".into(), stamp(HERE, 10))
        .unwrap();
    assert_eq!(
        outcome.changed,
        vec![key(Collection::Agreements, AGREEMENT)]
    );
    assert_eq!(outcome.entries[0].1.fields[0].path, "notes");
    let same = data
        .update_record::<Agreement>(id, |a| a.notes = "Đã gửi bản chụp".into(), stamp(HERE, 20))
        .unwrap();
    assert!(same.is_nothing());
    assert!(data
        .update_record::<Agreement>(Uuid::from_u128(999), |_| {}, stamp(HERE, 30))
        .written()
        .is_empty());
    assert_eq!(agreement(&data).meta.version.total(), 2);
}
