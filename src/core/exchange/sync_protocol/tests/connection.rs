//! The connection test's answers, from the real server's (and, where pouchdb-server cannot
//! play the part, a made-up one's).

use super::{Net, Office, PASSWORD};
use crate::exchange::sync_protocol::connection::{ConnectionTest, Verdict};
use crate::exchange::sync_protocol::replicator::backoff;
use crate::exchange::sync_protocol::{Reply, SyncConfig};

#[test]
fn the_connection_test_names_what_is_wrong() {
    let mut net = Net::open("connection");
    let member = Office::new("a", "vanphong_a", 0xA, "private");
    assert!(matches!(
        member.connect(&mut net, PASSWORD),
        Verdict::Connected { public: false, .. }
    ));
    let verdict = Office::new("a", "vanphong_a", 0xA, "congkhai").connect(&mut net, PASSWORD);
    assert!(
        matches!(verdict, Verdict::Connected { public: true, .. }),
        "a database anyone can read is flagged: {verdict:?}"
    );
    assert_eq!(
        member.connect(&mut net, "sai mật khẩu"),
        Verdict::WrongLogin
    );
    assert_eq!(
        Office::new("a", "vanphong_a", 0xA, "khong_co").connect(&mut net, PASSWORD),
        Verdict::NoSuchDatabase
    );
    assert_eq!(
        Office::new("c", "khach", 0xC, "private").connect(&mut net, PASSWORD),
        Verdict::NotAllowed
    );
    net.unplug("d");
    assert!(matches!(
        Office::new("d", "vanphong_a", 0xD, "private").connect(&mut net, PASSWORD),
        Verdict::Unreachable(_)
    ));
    net.finish();
}

#[test]
fn a_server_that_is_not_a_couchdb_is_named_so() {
    let config = SyncConfig::new("https://example.org", "phoihop", "a").unwrap();
    let mut test = ConnectionTest::new(config.clone(), "x".into());
    test.next_request().unwrap();
    test.answer(Reply::ok("<!doctype html><title>Trang chủ</title>"));
    assert_eq!(test.verdict(), Some(&Verdict::NotCouch));
    assert_eq!(test.next_request(), None);

    // A web server that answers every path with the same JSON page is not one either.
    let mut test = ConnectionTest::new(config, "x".into());
    test.next_request().unwrap();
    test.answer(Reply::ok(r#"{"couchdb":"Welcome","version":"3.3.3"}"#));
    let login = test.next_request().unwrap();
    assert!(login.body.unwrap().contains("\"password\":\"x\""));
    test.answer(Reply::ok(r#"{"ok":true}"#));
    test.next_request().unwrap();
    test.answer(Reply::ok(r#"{"ok":true}"#));
    assert_eq!(test.verdict(), Some(&Verdict::NotCouch));
}

#[test]
fn a_proxy_whose_couchdb_is_down_is_unreachable() {
    // nginx in front of a stopped CouchDB answers 502 (or 503, 504 when it times out).
    for status in [502, 503, 504] {
        let config = SyncConfig::new("https://example.org/couch", "phoihop", "a").unwrap();
        let mut test = ConnectionTest::new(config, "x".into());
        test.next_request().unwrap();
        test.answer(Reply::Answer {
            status,
            body: "<html><body>Bad Gateway</body></html>".into(),
        });
        assert_eq!(
            test.verdict(),
            Some(&Verdict::Unreachable(format!("HTTP {status}")))
        );
    }
}

#[test]
fn back_off_doubles_to_a_minute_with_some_randomness() {
    let secs = |attempt, jitter| backoff(attempt, jitter).as_millis();
    assert_eq!(
        (1..=8).map(|a| secs(a, 0.0)).collect::<Vec<_>>(),
        vec![1000, 2000, 4000, 8000, 16000, 32000, 60000, 60000]
    );
    assert_eq!(secs(3, 1.0), 2000, "at most half less");
    assert_eq!(secs(100, 0.5), 45000);
}
