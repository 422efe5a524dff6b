//! The sync protocol against a real server's answers, recorded from pouchdb-server 4.2.0
//! (tests/fixtures/couch/<scenario>.json).
//!
//! Replay (the default): every request the state machine makes must be the one recorded, in
//! the same order, and gets the recorded answer; a change to what we send fails here until the
//! fixtures are recorded again. Record: `scripts/record-couch-fixtures.sh` starts pouchdb-server
//! on a loopback port, makes the users and databases, and runs these tests with
//! `PHOIHOP_COUCH=http://127.0.0.1:<port>`: each request is then sent with curl (one cookie jar
//! per office) and the exchanges are written to the fixtures.

mod connection;
mod scenarios;

use std::path::PathBuf;
use std::process::{Command, Stdio};

use chrono::DateTime;
use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::connection::{ConnectionTest, Verdict};
use super::local::{self, LocalSync};
use super::reconcile::{apply_pulled, SyncConflict};
use super::replicator::{Action, Replicator, SyncProblem};
use super::{Reply, Request, SyncConfig};
use crate::records::meta::OfficeId;
use crate::records::record::RecordKey;
use crate::records::workspace::{Dataset, Stamp};
use crate::storage::{ensure_layout, save_records, MemoryStore, Session, WriteReport};

/// One request and what came back, as kept in a fixture.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
struct Exchange {
    office: String,
    method: String,
    path: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    body: Option<Value>,
    #[serde(default = "yes", skip_serializing_if = "is_true")]
    credentials: bool,
    /// The HTTP status; 0: no answer.
    status: u16,
    /// The answer's body: its JSON, or its text when it is not JSON.
    reply: Value,
    #[serde(default, skip_serializing_if = "is_false")]
    reply_is_text: bool,
    /// The request reached the server, but the test threw its answer away (a connection cut
    /// after sending): the state machine was told there was no answer.
    #[serde(default, skip_serializing_if = "is_false")]
    answer_lost: bool,
}

fn yes() -> bool {
    true
}
fn is_true(b: &bool) -> bool {
    *b
}
fn is_false(b: &bool) -> bool {
    !*b
}

/// A connection cut the test makes on purpose.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Cut {
    /// The request never reaches the server.
    BeforeSending,
    /// The server does what was asked, but its answer is lost.
    AfterSending,
}

enum Mode {
    Replay { at: usize },
    Record { base: String, jars: PathBuf },
}

/// The server, as recorded or live.
pub struct Net {
    fixture: PathBuf,
    mode: Mode,
    log: Vec<Exchange>,
    /// (office, part of the path, matching requests to let through first, cut)
    cut: Option<(String, String, usize, Cut)>,
    /// Offices whose requests go to an address where nothing listens.
    nowhere: Vec<String>,
}

impl Net {
    pub fn open(scenario: &str) -> Net {
        let fixture = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
            .join("../../tests/fixtures/couch")
            .join(format!("{scenario}.json"));
        match std::env::var("PHOIHOP_COUCH") {
            Ok(base) if !base.is_empty() => {
                let jars = std::env::temp_dir().join(format!(
                    "phoihop-couch-jars-{}-{scenario}",
                    std::process::id()
                ));
                std::fs::create_dir_all(&jars).unwrap();
                Net {
                    fixture,
                    mode: Mode::Record { base, jars },
                    log: Vec::new(),
                    cut: None,
                    nowhere: Vec::new(),
                }
            }
            _ => {
                let text = std::fs::read_to_string(&fixture).unwrap_or_else(|e| {
                    panic!(
                        "{}: {e} (scripts/record-couch-fixtures.sh)",
                        fixture.display()
                    )
                });
                Net {
                    fixture,
                    mode: Mode::Replay { at: 0 },
                    log: serde_json::from_str(&text).expect("a fixture reads"),
                    cut: None,
                    nowhere: Vec::new(),
                }
            }
        }
    }

    /// The next request of `office` whose path contains `path` is cut.
    pub fn cut_next(&mut self, office: &str, path: &str, cut: Cut) {
        self.cut_after(office, path, 0, cut);
    }

    /// Like [`Net::cut_next`], once `skip` such requests went through.
    pub fn cut_after(&mut self, office: &str, path: &str, skip: usize, cut: Cut) {
        self.cut = Some((office.into(), path.into(), skip, cut));
    }

    /// The office's requests go to a closed port from now on.
    pub fn unplug(&mut self, office: &str) {
        self.nowhere.push(office.into());
    }

    pub fn send(&mut self, office: &str, request: &Request) -> Reply {
        let body: Option<Value> = request
            .body
            .as_ref()
            .map(|b| serde_json::from_str(b).expect("we send JSON"));
        let cut = match &mut self.cut {
            Some((o, p, skip, _)) if *o == office && request.path.contains(p.as_str()) => {
                if *skip == 0 {
                    self.cut.take().map(|(.., cut)| cut)
                } else {
                    *skip -= 1;
                    None
                }
            }
            _ => None,
        };
        let exchange = match &mut self.mode {
            Mode::Replay { at } => {
                let recorded = self.log.get(*at).unwrap_or_else(|| {
                    panic!(
                        "{office} {} {}: not in {} (record again)",
                        request.method.as_str(),
                        request.path,
                        self.fixture.display()
                    )
                });
                *at += 1;
                let asked = (
                    office,
                    request.method.as_str(),
                    request.path.as_str(),
                    &body,
                    request.credentials,
                );
                let was = (
                    recorded.office.as_str(),
                    recorded.method.as_str(),
                    recorded.path.as_str(),
                    &recorded.body,
                    recorded.credentials,
                );
                assert_eq!(asked, was, "request {} of {}", *at, self.fixture.display());
                return reply_of(recorded);
            }
            Mode::Record { base, jars } => {
                let base = if self.nowhere.iter().any(|o| o == office) {
                    "http://127.0.0.1:9".to_string()
                } else {
                    base.clone()
                };
                let (status, text) = if cut == Some(Cut::BeforeSending) {
                    (0, String::new())
                } else {
                    curl(&base, &jars.join(office), request)
                };
                let lost = cut == Some(Cut::AfterSending) && status != 0;
                let parsed: Option<Value> = serde_json::from_str(&text).ok();
                Exchange {
                    office: office.into(),
                    method: request.method.as_str().into(),
                    path: request.path.clone(),
                    body,
                    credentials: request.credentials,
                    status: if lost { 0 } else { status },
                    reply_is_text: parsed.is_none() && status != 0,
                    reply: parsed.unwrap_or(Value::String(text)),
                    answer_lost: lost,
                }
            }
        };
        let reply = reply_of(&exchange);
        self.log.push(exchange);
        reply
    }

    /// Every request recorded was made (replay), or the fixture is written (record).
    pub fn finish(mut self) {
        let mode = std::mem::replace(&mut self.mode, Mode::Replay { at: 0 });
        match mode {
            Mode::Replay { at } => assert_eq!(
                at,
                self.log.len(),
                "{}: fewer requests than recorded",
                self.fixture.display()
            ),
            Mode::Record { jars, .. } => {
                std::fs::create_dir_all(self.fixture.parent().unwrap()).unwrap();
                let text = serde_json::to_string_pretty(&self.log).unwrap() + "\n";
                std::fs::write(&self.fixture, text).unwrap();
                let _ = std::fs::remove_dir_all(jars);
            }
        }
    }

    /// The exchanges so far (made or replayed).
    fn made(&self) -> &[Exchange] {
        match self.mode {
            Mode::Replay { at } => &self.log[..at],
            Mode::Record { .. } => &self.log,
        }
    }

    /// The ids of every document an office sent with `_bulk_docs`, in order (closing
    /// revisions left out).
    pub fn sent_records(&self, office: &str) -> Vec<String> {
        self.made()
            .iter()
            .filter(|e| e.office == office && e.path.ends_with("/_bulk_docs"))
            .flat_map(|e| e.body.as_ref().unwrap()["docs"].as_array().unwrap().clone())
            .filter(|d| d.get("record").is_some())
            .map(|d| d["_id"].as_str().unwrap().to_string())
            .collect()
    }

    /// The paths an office asked, in order.
    pub fn paths(&self, office: &str) -> Vec<String> {
        self.made()
            .iter()
            .filter(|e| e.office == office)
            .map(|e| format!("{} {}", e.method, e.path))
            .collect()
    }
}

fn reply_of(exchange: &Exchange) -> Reply {
    if exchange.status == 0 {
        return Reply::Unreachable("no answer".into());
    }
    let body = match &exchange.reply {
        Value::String(text) if exchange.reply_is_text => text.clone(),
        json => json.to_string(),
    };
    Reply::Answer {
        status: exchange.status,
        body,
    }
}

/// One request with curl: (status, body); status 0 when nothing answered.
fn curl(base: &str, jar: &std::path::Path, request: &Request) -> (u16, String) {
    let mut cmd = Command::new("curl");
    cmd.args(["-s", "-m", "60", "-X", request.method.as_str()])
        .args(["-H", "Accept: application/json", "-w", "\n%{http_code}"]);
    if request.credentials {
        let jar = jar.to_str().unwrap();
        cmd.args(["-b", jar, "-c", jar]);
    }
    if request.body.is_some() {
        cmd.args([
            "-H",
            "Content-Type: application/json",
            "--data-binary",
            "@-",
        ]);
    }
    cmd.arg(format!("{base}{}", request.path))
        .stdin(Stdio::piped())
        .stdout(Stdio::piped());
    let mut child = cmd.spawn().expect("curl runs");
    {
        use std::io::Write;
        let mut stdin = child.stdin.take().unwrap();
        if let Some(body) = &request.body {
            stdin.write_all(body.as_bytes()).unwrap();
        }
    }
    let out = child.wait_with_output().unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    let (body, status) = text.rsplit_once('\n').unwrap_or(("", "0"));
    let status: u16 = status.trim().parse().unwrap_or(0);
    if !out.status.success() || status == 0 {
        return (0, String::new());
    }
    (status, body.to_string())
}

/// Where a sync run stopped.
#[derive(Clone, Debug, PartialEq)]
pub enum Outcome {
    /// Caught up: the next request would be the long-poll.
    Live,
    /// A passing failure: waiting before try `attempt`.
    Wait(u32),
    Stop(SyncProblem),
}

/// One office: its data, its localStorage, its sync.
pub struct Office {
    pub name: &'static str,
    pub office: OfficeId,
    pub config: SyncConfig,
    pub data: Dataset,
    pub store: MemoryStore,
    pub session: Session,
    pub sync: Replicator,
    /// Conflicts waiting for the user, as stored.
    pub conflicts: Vec<SyncConflict>,
    clock: i64,
}

pub const PASSWORD: &str = "mật khẩu 1";

impl Office {
    pub fn new(name: &'static str, user: &str, office: u128, database: &str) -> Office {
        let config = SyncConfig::new("http://127.0.0.1:5984", database, user).unwrap();
        let office = OfficeId::from_u128(office);
        let mut store = MemoryStore::default();
        let mut session = Session::default();
        ensure_layout(&mut store, &mut session, &mut WriteReport::default()).unwrap();
        let LocalSync {
            checkpoint, revs, ..
        } = local::load(&store).unwrap();
        Office {
            name,
            office,
            sync: Replicator::new(office, config.clone(), checkpoint, revs).with_batches(2, 2),
            config,
            data: Dataset::default(),
            store,
            session,
            conflicts: Vec::new(),
            clock: 1_750_000_000,
        }
    }

    /// The stamp of the next edit here: one minute after the last.
    pub fn stamp(&mut self) -> Stamp {
        self.clock += 60;
        Stamp {
            office: self.office,
            now: DateTime::from_timestamp(self.clock, 0).unwrap(),
        }
    }

    /// The connection test of Settings, which logs in.
    pub fn connect(&self, net: &mut Net, password: &str) -> Verdict {
        let mut test = ConnectionTest::new(self.config.clone(), password.into());
        while let Some(request) = test.next_request() {
            let reply = net.send(self.name, &request);
            test.answer(reply);
        }
        test.verdict().cloned().expect("a verdict")
    }

    /// Runs the sync until it is caught up (the long-poll is not sent), waits, or stops.
    pub fn sync(&mut self, net: &mut Net) -> Outcome {
        for _ in 0..1000 {
            match self.sync.next(&self.data) {
                Action::Send(request) if request.long_poll => return Outcome::Live,
                Action::Send(request) => {
                    let reply = net.send(self.name, &request);
                    self.sync.answer(reply);
                }
                Action::Apply(docs) => {
                    let pulled = apply_pulled(&mut self.data, &mut self.sync.revs, docs);
                    let stamp = self.stamp();
                    let report = save_records(
                        &mut self.store,
                        &self.data,
                        &pulled.written,
                        &mut self.session,
                        stamp,
                    );
                    assert!(report.pending.is_empty() && report.conflicts.is_empty());
                    self.conflicts = local::update_conflicts(
                        &mut self.store,
                        &mut self.session,
                        &pulled.asked,
                        &pulled.settled,
                    )
                    .unwrap();
                    self.sync.applied(&pulled);
                }
                Action::Store(checkpoint) => {
                    local::save_progress(
                        &mut self.store,
                        &mut self.session,
                        &checkpoint,
                        &mut self.sync.revs,
                    )
                    .unwrap();
                    self.sync.stored();
                }
                Action::Wait { attempt } => return Outcome::Wait(attempt),
                Action::Stop(problem) => return Outcome::Stop(problem),
            }
        }
        panic!("{}: the sync never settles", self.name)
    }

    /// Sends the long-poll (once), then syncs what it brought.
    pub fn poll(&mut self, net: &mut Net) -> Outcome {
        match self.sync.next(&self.data) {
            Action::Send(request) if request.long_poll => {
                let reply = net.send(self.name, &request);
                self.sync.answer(reply);
                self.sync(net)
            }
            other => panic!("{}: not long-polling but {other:?}", self.name),
        }
    }

    /// Local edits were made: a long-poll in progress gives way to sending them.
    pub fn edited(&mut self, keys: &[RecordKey]) {
        let stamp = self.stamp();
        let report = save_records(&mut self.store, &self.data, keys, &mut self.session, stamp);
        assert!(report.pending.is_empty());
        self.sync.local_changed();
    }

    /// The page is closed and opened again: the sync starts from what was stored.
    pub fn reopen(&mut self) {
        let stored = local::load(&self.store).unwrap();
        let loaded = crate::storage::load(&self.store).unwrap();
        self.data = loaded.data;
        self.session = loaded.session;
        self.sync = Replicator::new(
            self.office,
            self.config.clone(),
            stored.checkpoint,
            stored.revs,
        )
        .with_batches(2, 2);
    }
}

impl Drop for Net {
    /// A recording that failed leaves what it got in the temporary directory, to read.
    fn drop(&mut self) {
        if std::thread::panicking() && matches!(self.mode, Mode::Record { .. }) {
            let name = self
                .fixture
                .file_name()
                .unwrap()
                .to_string_lossy()
                .to_string();
            let path = std::env::temp_dir().join(format!("failed-{name}"));
            let _ = std::fs::write(&path, serde_json::to_string_pretty(&self.log).unwrap());
            eprintln!("what was recorded: {}", path.display());
        }
    }
}
