//! Two offices syncing through the server: first sync both ways, edits and deletes, a
//! concurrent edit decided by the user, a cut connection and a page closed mid-sync.

use std::collections::BTreeSet;

use chrono::DateTime;
use serde_json::Value;
use uuid::Uuid;

use super::{Cut, Net, Office, Outcome, PASSWORD};
use crate::exchange::merge::{resolve, Choice};
use crate::exchange::sync_protocol::connection::Verdict;
use crate::exchange::sync_protocol::replicator::SyncProblem;
use crate::exchange::sync_protocol::{local, Request};
use crate::records::meta::{Id, Meta};
use crate::records::model::{Organisation, OrganisationKind, Person};
use crate::records::record::{Record, RecordKey};
use crate::storage::keys::SyncKey;

/// Ids spread over the revision map's shards (the first hex digit).
fn id(n: u128) -> Id {
    Uuid::from_u128((n << 124) | n)
}

fn add_organisations(office: &mut Office, ids: impl IntoIterator<Item = u128>) -> Vec<RecordKey> {
    let now = DateTime::from_timestamp(1_700_000_000, 0).unwrap();
    let mut keys = Vec::new();
    for n in ids {
        let org = Organisation::new(
            Meta::new(id(n), now),
            &format!("Sở Ngành số {n}"),
            &format!("SN{n}"),
            OrganisationKind::Department,
        );
        let stamp = office.stamp();
        keys.push(office.data.commit(org, stamp));
    }
    office.edited(&keys);
    keys
}

fn set_notes(office: &mut Office, n: u128, notes: &str) -> RecordKey {
    let mut org = office.data.organisations.get(&id(n)).unwrap().clone();
    org.notes = notes.into();
    let stamp = office.stamp();
    let key = office.data.commit(org, stamp);
    office.edited(&[key]);
    key
}

fn logged_in(office: &Office, net: &mut Net) {
    assert!(
        matches!(
            office.connect(net, PASSWORD),
            Verdict::Connected { public: false, .. }
        ),
        "{} logs in",
        office.name
    );
}

/// The fixture of `scenario`, and offices A and B on the database of the same name.
fn two_offices(scenario: &str) -> (Net, Office, Office) {
    (
        Net::open(scenario),
        Office::new("a", "vanphong_a", 0xA, scenario),
        Office::new("b", "vanphong_b", 0xB, scenario),
    )
}

fn unique(ids: &[String]) -> bool {
    ids.iter().collect::<BTreeSet<_>>().len() == ids.len()
}

#[test]
fn two_offices_take_each_others_records_edits_and_deletes() {
    let (mut net, mut a, mut b) = two_offices("first_sync");
    logged_in(&a, &mut net);
    add_organisations(&mut a, 1..=3);
    let person = Person::new(
        Meta::new(id(4), DateTime::from_timestamp(1_700_000_000, 0).unwrap()),
        "Nguyễn Thị Ánh",
    );
    let stamp = a.stamp();
    let person_key = a.data.commit(person, stamp);
    a.edited(&[person_key]);
    assert_eq!(a.sync.waiting_count(&a.data), 4);
    assert_eq!(a.sync(&mut net), Outcome::Live);
    assert_eq!(a.sync.waiting_count(&a.data), 0);
    assert_eq!(net.sent_records("a").len(), 4);

    logged_in(&b, &mut net);
    assert_eq!(b.sync(&mut net), Outcome::Live);
    assert_eq!(b.data.organisations, a.data.organisations);
    assert_eq!(b.data.people, a.data.people);
    assert!(
        net.sent_records("b").is_empty(),
        "what B took in is not sent back"
    );
    // Stored the way every change is: a reload finds the records and the sync's place.
    b.reopen();
    assert_eq!(b.data.organisations, a.data.organisations);
    assert_eq!(b.sync.waiting_count(&b.data), 0);

    // B edits one record and deletes another: the delete travels as a tombstone, a live
    // document whose record says deleted.
    set_notes(&mut b, 1, "Đầu mối: phòng Tổ chức");
    let stamp = b.stamp();
    let deleted = b.data.delete::<Person>(id(4), stamp).unwrap();
    b.edited(&[deleted]);
    assert_eq!(b.sync.waiting_count(&b.data), 2);
    assert_eq!(b.sync(&mut net), Outcome::Live);
    assert_eq!(net.sent_records("b").len(), 2);
    let tombstone = net_doc(&net, "b", id(4));
    assert_eq!(tombstone["record"]["deleted"], Value::Bool(true));
    assert!(tombstone.get("_deleted").is_none());

    // A was long-polling: the poll answers with B's changes.
    assert_eq!(a.poll(&mut net), Outcome::Live);
    assert_eq!(
        a.data.organisations.get(&id(1)).unwrap().notes,
        "Đầu mối: phòng Tổ chức"
    );
    assert!(a.data.people.get(&id(4)).unwrap().meta().deleted);
    assert_eq!(a.data.organisations, b.data.organisations);
    assert_eq!(a.data.people, b.data.people);
    assert_eq!(net.sent_records("a").len(), 4, "nothing sent back");
    assert!(a.conflicts.is_empty() && b.conflicts.is_empty());
    net.finish();
}

/// The last document an office sent for a record.
fn net_doc(net: &Net, office: &str, record: Id) -> Value {
    net.made()
        .iter()
        .filter(|e| e.office == office && e.path.ends_with("/_bulk_docs"))
        .flat_map(|e| e.body.as_ref().unwrap()["docs"].as_array().unwrap().clone())
        .rfind(|d| d["_id"] == Value::String(record.to_string()))
        .expect("sent")
}

#[test]
fn a_concurrent_edit_is_asked_decided_once_and_its_losing_revision_closed() {
    let (mut net, mut a, mut b) = two_offices("conflict");
    logged_in(&a, &mut net);
    logged_in(&b, &mut net);
    add_organisations(&mut a, [7]);
    assert_eq!(a.sync(&mut net), Outcome::Live);
    assert_eq!(b.sync(&mut net), Outcome::Live);

    // Both offices edit the same record before hearing of the other's edit.
    set_notes(&mut a, 7, "Sửa ở văn phòng A");
    set_notes(&mut b, 7, "Sửa ở văn phòng B");
    // Each sends its edit at once (the second as a branch on the server), then hears of the
    // other's: both are asked, each keeps its own copy meanwhile.
    assert_eq!(a.sync(&mut net), Outcome::Live);
    assert_eq!(b.sync(&mut net), Outcome::Live);
    assert_eq!(net.sent_records("b"), vec![id(7).to_string()]);
    assert_eq!(b.poll(&mut net), Outcome::Live);
    assert_eq!(b.conflicts.len(), 1);
    assert_eq!(
        b.data.organisations.get(&id(7)).unwrap().notes,
        "Sửa ở văn phòng B"
    );
    assert_eq!(b.conflicts[0].theirs["notes"], "Sửa ở văn phòng A");
    // A hears of B's branch, and is asked too; nothing was overwritten on either side.
    assert_eq!(a.poll(&mut net), Outcome::Live);
    assert_eq!(a.conflicts.len(), 1);
    assert_eq!(
        a.data.organisations.get(&id(7)).unwrap().notes,
        "Sửa ở văn phòng A"
    );
    // Stored for the conflict view, in every tab.
    assert_eq!(local::read_conflicts(&a.store).unwrap(), a.conflicts);

    // B decides: take A's text (the import's resolve: a version over both).
    let conflict = b.conflicts[0].clone();
    let mine = b.data.organisations.get(&id(7)).unwrap().clone();
    let theirs: Organisation = serde_json::from_value(conflict.theirs.clone()).unwrap();
    let stamp = b.stamp();
    let kept = resolve(
        &mine,
        &theirs,
        Choice::TakeTheirs,
        (stamp, "", Uuid::from_u128(0xF11E)),
        || unreachable!(),
    );
    for record in kept {
        b.data.organisations.put(record);
    }
    b.conflicts =
        local::update_conflicts(&mut b.store, &mut b.session, &[], &[conflict.key()]).unwrap();
    b.edited(&[conflict.key()]);
    assert_eq!(b.sync(&mut net), Outcome::Live);
    // The decision went up; the feed then brings it back with the other branch, which B's
    // record has seen: that branch is closed on the server.
    assert_eq!(b.poll(&mut net), Outcome::Live);
    let closing: Vec<Value> = net
        .made()
        .iter()
        .filter(|e| e.office == "b" && e.path.ends_with("/_bulk_docs"))
        .flat_map(|e| e.body.as_ref().unwrap()["docs"].as_array().unwrap().clone())
        .filter(|d| d.get("_deleted").is_some())
        .collect();
    assert_eq!(closing.len(), 1);
    assert_eq!(
        closing[0]["_revisions"]["ids"][1],
        conflict.rev.split_once('-').unwrap().1
    );

    assert_eq!(a.poll(&mut net), Outcome::Live);
    assert!(a.conflicts.is_empty(), "B's decision settles A's question");
    assert!(local::read_conflicts(&a.store).unwrap().is_empty());
    assert_eq!(a.data.organisations, b.data.organisations);
    assert_eq!(
        a.data.organisations.get(&id(7)).unwrap().notes,
        "Sửa ở văn phòng A"
    );
    // The server holds one live revision: no conflict left there.
    let path = format!("/conflict/{}?conflicts=true", id(7));
    let super::super::Reply::Answer { status: 200, body } = net.send("a", &Request::get(path))
    else {
        panic!("the document reads")
    };
    let doc: Value = serde_json::from_str(&body).unwrap();
    assert!(doc.get("_conflicts").is_none(), "{doc}");
    assert_eq!(doc["record"]["notes"], "Sửa ở văn phòng A");
    net.finish();
}

#[test]
fn a_cut_connection_and_a_closed_page_lose_nothing_and_send_nothing_twice() {
    let (mut net, mut a, mut b) = two_offices("resume");
    logged_in(&a, &mut net);
    add_organisations(&mut a, 1..=6);

    // The first batch reaches the server but its answer is lost; the page is then closed.
    net.cut_next("a", "/_bulk_docs", Cut::AfterSending);
    assert_eq!(a.sync(&mut net), Outcome::Wait(1));
    assert!(matches!(
        a.sync.problem(),
        Some(SyncProblem::Unreachable { .. })
    ));
    a.reopen();
    // A request that never arrives: waited for, then tried again.
    net.cut_next("a", "/_revs_diff", Cut::BeforeSending);
    assert_eq!(a.sync(&mut net), Outcome::Wait(1));
    a.sync.retry();
    // An answer lost again, the page still open: tried again without sending it twice.
    net.cut_next("a", "/_bulk_docs", Cut::AfterSending);
    assert_eq!(a.sync(&mut net), Outcome::Wait(1));
    a.sync.retry();
    assert_eq!(a.sync(&mut net), Outcome::Live);
    let sent = net.sent_records("a");
    assert_eq!(sent.len(), 6, "{sent:?}");
    assert!(unique(&sent), "a record sent twice: {sent:?}");

    // B takes them in two-record batches; its page closes after the first batch's checkpoint.
    logged_in(&b, &mut net);
    net.cut_next("b", "/_bulk_get", Cut::BeforeSending);
    assert_eq!(b.sync(&mut net), Outcome::Wait(1));
    b.sync.retry();
    // Its checkpoint is written after the first batch, then after the second, but that answer
    // is lost (the server has it, this page does not): the page closes there.
    net.cut_after("b", "/_local/", 1, Cut::AfterSending);
    assert!(matches!(b.sync(&mut net), Outcome::Wait(_)));
    let stored_checkpoint = b.store.entries.get(&SyncKey::Checkpoint.key()).cloned();
    b.reopen();
    assert_eq!(
        b.data.organisations.count_live(),
        4,
        "two batches were stored"
    );
    assert_eq!(b.sync(&mut net), Outcome::Live);
    assert_eq!(b.data.organisations, a.data.organisations);
    // After reopening it went on from its checkpoint, not from the start.
    let changes: Vec<String> = net
        .paths("b")
        .into_iter()
        .filter(|p| p.contains("/_changes"))
        .collect();
    assert!(changes[0].contains("since=0"));
    assert!(
        changes[1..].iter().all(|p| !p.contains("since=0&")),
        "{changes:?} (stored checkpoint {stored_checkpoint:?})"
    );
    assert!(net.sent_records("b").is_empty());
    net.finish();
}

#[test]
fn without_a_login_the_sync_stops_and_says_so() {
    let mut net = Net::open("no_login");
    let mut a = Office::new("a", "vanphong_a", 0xA, "first_sync");
    assert_eq!(a.sync(&mut net), Outcome::Stop(SyncProblem::LoginNeeded));
    net.finish();
}
