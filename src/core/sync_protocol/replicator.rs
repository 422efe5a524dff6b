//! One office's sync with its server, as a state machine without I/O. The glue asks
//! [`Replicator::next`] what to do, does it, and reports back:
//!
//! - [`Action::Send`]: make the request, then [`Replicator::answer`] with what came back;
//! - [`Action::Apply`]: under the storage lock, take the documents in
//!   ([`reconcile::apply_pulled`]), store the records it wrote and what [`Replicator::revs`]
//!   changed, then [`Replicator::applied`];
//! - [`Action::Store`]: under the lock, store the checkpoint it carries and what
//!   [`Replicator::revs`] changed, then [`Replicator::stored`];
//! - [`Action::Wait`]: no answer, or a passing failure: wait [`backoff`] and
//!   [`Replicator::retry`] (at once when the browser comes back online);
//! - [`Action::Stop`]: nothing more to do until the user acts (log in again, fix the settings).
//!
//! The order is CouchDB's replication protocol: the database (`GET /db`), the checkpoint
//! (`_local/<replication id>`, compared with ours), then the server's changes since it
//! (`_changes?style=all_docs`, every leaf revision), the documents we lack (`_bulk_get`, or
//! `open_revs` one by one where the server has no `_bulk_get`), taken in, the losing branches
//! closed (`_bulk_docs`), the checkpoint written on both sides; then our changes
//! (`_revs_diff` says which revisions the server lacks, `_bulk_docs` with `new_edits=false`
//! sends them). Caught up, it long-polls `_changes` until the server has news or the page has
//! a change of its own ([`Replicator::local_changed`]).
//!
//! Every step may be repeated after a failure without harm: our revision ids are fixed by the
//! record's edition, so a change sent twice is one revision the server already has, and a
//! batch taken in twice finds everything already here.

use std::collections::{BTreeMap, BTreeSet};

use serde::{Deserialize, Serialize};
use serde_json::{json, Value};

use super::config::{encode_component, SyncConfig};
use super::doc::{read_doc, record_doc, DocSkipped, Rev};
use super::reconcile::{Pulled, PulledDoc};
use super::revs::RevMap;
use super::{Method, Reply, Request};
use crate::meta::{Id, OfficeId};
use crate::model::Collection;
use crate::workspace::{Dataset, Stored};

/// Changes read per `_changes` request, and documents per `_bulk_get`.
pub const PULL_BATCH: usize = 500;
/// Documents sent per `_bulk_docs`.
pub const PUSH_BATCH: usize = 250;
/// How long the server holds a long-poll open (ms) before answering "nothing new".
pub const LONG_POLL_MS: u64 = 25_000;
/// Failures in a row after which an answer that does not read stops the sync.
const MAX_UNREADABLE: u32 = 5;

/// The checkpoint kept here (`phoihop/sync/checkpoint`): how far the server's changes are taken.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Checkpoint {
    pub replication_id: String,
    /// The server's sequence (a number or a string, as the server writes it); null: none yet.
    #[serde(default)]
    pub last_seq: Value,
}

/// Why syncing stopped, or why the last try failed (it is tried again).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum SyncProblem {
    /// No answer (no network, the server down, refused by the browser). Tried again.
    Unreachable {
        detail: String,
    },
    /// The session ended (401): log in again in Settings.
    LoginNeeded,
    /// The user may not read or write the database (403).
    NotAllowed,
    NoSuchDatabase,
    /// The server answered, but not as a CouchDB does.
    NotCouch,
    /// The server refused some changes (its validation, a size limit): they stay here.
    Refused {
        count: usize,
        reason: String,
    },
    /// Any other answer: its HTTP status and what was asked.
    Unexpected {
        status: u16,
        during: String,
    },
}

impl SyncProblem {
    /// Passing problems are tried again on their own; the others wait for the user.
    pub fn is_passing(&self) -> bool {
        matches!(
            self,
            SyncProblem::Unreachable { .. } | SyncProblem::Unexpected { .. }
        )
    }
}

/// How far a sync has come (the header shows it during a first sync of many records).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Progress {
    /// Documents taken in from the server since this sync started.
    pub received: usize,
    /// The server's document count when this sync started (an estimate of the first sync's work).
    pub total: Option<u64>,
    /// Changes of ours the server took.
    pub sent: usize,
    /// Everything is taken in and sent: the sync waits for news (long-poll).
    pub caught_up: bool,
}

/// What the glue does next.
#[derive(Clone, Debug, PartialEq)]
pub enum Action {
    Send(Request),
    Apply(Vec<PulledDoc>),
    /// Store this checkpoint and the revisions that changed (`local::save_progress`).
    Store(Checkpoint),
    Wait {
        attempt: u32,
    },
    Stop(SyncProblem),
}

/// One change of the server's feed: a document and its leaf revisions we do not hold.
#[derive(Clone, Debug, PartialEq)]
struct Row {
    id: Id,
    revs: Vec<String>,
}

#[derive(Clone, Debug, PartialEq)]
struct Outgoing {
    id: Id,
    rev: String,
    doc: Value,
}

#[derive(Clone, Debug, PartialEq)]
enum Phase {
    Check,
    ReadCheckpoint,
    Changes {
        live: bool,
    },
    Fetch {
        rows: Vec<Row>,
        last_seq: Value,
    },
    /// Without `_bulk_get`: one document at a time (`open_revs`).
    FetchOne {
        rows: Vec<Row>,
        at: usize,
        got: Vec<PulledDoc>,
        last_seq: Value,
    },
    Apply {
        docs: Vec<PulledDoc>,
        last_seq: Value,
    },
    Close {
        docs: Vec<Value>,
        last_seq: Value,
    },
    SaveCheckpoint {
        last_seq: Value,
    },
    /// The checkpoint document's `_rev` was stale (409): read it again, then save.
    RefreshCheckpoint {
        last_seq: Value,
    },
    StoreCheckpoint {
        last_seq: Value,
    },
    Push,
    RevsDiff {
        docs: Vec<Outgoing>,
    },
    BulkDocs {
        docs: Vec<Outgoing>,
    },
    StorePushed,
    Stopped(SyncProblem),
}

pub struct Replicator {
    pub config: SyncConfig,
    pub checkpoint: Checkpoint,
    /// Which server revision each record stands on (store what changed at Apply and Store).
    pub revs: RevMap,
    pub progress: Progress,
    problem: Option<SyncProblem>,
    refused_reason: Option<String>,
    phase: Phase,
    waiting: bool,
    failures: u32,
    unreadable: u32,
    bulk_get: bool,
    checkpoint_rev: Option<String>,
    history: Vec<Value>,
    /// Records the server refused this session: not sent again until the page reloads.
    refused: BTreeSet<Id>,
    pull_batch: usize,
    push_batch: usize,
    /// Documents of the server that are not ours, or from a newer app: left alone.
    pub skipped: usize,
}

/// The replication id: this office, this server and database. The checkpoint's name.
pub fn replication_id(office: OfficeId, config: &SyncConfig) -> String {
    let text = format!("{office}\n{}\n{}", config.server, config.database);
    format!(
        "phoihop-{:016x}",
        xxhash_rust::xxh3::xxh3_64(text.as_bytes())
    )
}

/// How long to wait before try `attempt` (1, 2, …): doubling from 1 s to 60 s, less up to half
/// at random (`jitter` in 0..1), so offices that lost the server at once do not return at once.
pub fn backoff(attempt: u32, jitter: f64) -> std::time::Duration {
    let full = 1000u64
        .saturating_mul(1 << attempt.saturating_sub(1).min(6))
        .min(60_000);
    let less = (full as f64 * 0.5 * jitter.clamp(0.0, 1.0)) as u64;
    std::time::Duration::from_millis(full - less)
}

impl Replicator {
    /// A sync of `office` with `config`, resuming from what was stored (`checkpoint`, `revs`).
    pub fn new(
        office: OfficeId,
        config: SyncConfig,
        checkpoint: Checkpoint,
        revs: RevMap,
    ) -> Replicator {
        let replication_id = replication_id(office, &config);
        let mut revs = revs;
        let checkpoint = if checkpoint.replication_id == replication_id {
            checkpoint
        } else {
            // Another server or database than the revisions were noted for.
            revs.clear();
            Checkpoint {
                replication_id,
                last_seq: Value::Null,
            }
        };
        Replicator {
            config,
            checkpoint,
            revs,
            progress: Progress::default(),
            problem: None,
            refused_reason: None,
            phase: Phase::Check,
            waiting: false,
            failures: 0,
            unreadable: 0,
            bulk_get: true,
            checkpoint_rev: None,
            history: Vec::new(),
            refused: BTreeSet::new(),
            pull_batch: PULL_BATCH,
            push_batch: PUSH_BATCH,
            skipped: 0,
        }
    }

    /// Smaller batches than [`PULL_BATCH`] and [`PUSH_BATCH`] (tests: several batches of a
    /// few records).
    pub fn with_batches(mut self, pull: usize, push: usize) -> Replicator {
        self.pull_batch = pull.max(1);
        self.push_batch = push.max(1);
        self
    }

    fn db(&self) -> String {
        self.config.db_path()
    }

    fn checkpoint_path(&self) -> String {
        format!("{}/_local/{}", self.db(), self.checkpoint.replication_id)
    }

    fn since(&self) -> String {
        match &self.checkpoint.last_seq {
            Value::Null => "0".to_string(),
            Value::String(s) => encode_component(s),
            other => encode_component(&other.to_string()),
        }
    }

    /// True while the sync long-polls for news (everything taken in and sent).
    pub fn is_live(&self) -> bool {
        matches!(self.phase, Phase::Changes { live: true }) && !self.waiting
    }

    /// A change was made here: an open long-poll gives way (the glue aborts it) to sending it.
    /// Elsewhere in the cycle nothing changes: every cycle ends by sending what is not sent.
    pub fn local_changed(&mut self) {
        if matches!(self.phase, Phase::Changes { live: true }) {
            self.phase = Phase::Push;
            self.waiting = false;
        }
    }

    /// How many records here the server does not have yet (what the header calls waiting).
    pub fn waiting_count(&self, data: &Dataset) -> usize {
        unsent(data, &self.revs, &self.refused, usize::MAX).len()
    }

    /// What to do now. `data` is read only to find the changes to send.
    pub fn next(&mut self, data: &Dataset) -> Action {
        if self.waiting {
            return Action::Wait {
                attempt: self.failures,
            };
        }
        let db = self.db();
        match &self.phase {
            Phase::Check => Action::Send(Request::get(db)),
            Phase::ReadCheckpoint | Phase::RefreshCheckpoint { .. } => {
                Action::Send(Request::get(self.checkpoint_path()))
            }
            Phase::Changes { live } => {
                let mut path = format!(
                    "{db}/_changes?style=all_docs&since={}&limit={}",
                    self.since(),
                    self.pull_batch
                );
                if *live {
                    path.push_str(&format!("&feed=longpoll&timeout={LONG_POLL_MS}"));
                }
                let mut request = Request::get(path);
                request.long_poll = *live;
                Action::Send(request)
            }
            Phase::Fetch { rows, .. } => {
                let docs: Vec<Value> = rows
                    .iter()
                    .flat_map(|row| {
                        row.revs
                            .iter()
                            .map(move |rev| json!({"id": row.id.to_string(), "rev": rev}))
                    })
                    .collect();
                Action::Send(Request::with_body(
                    Method::Post,
                    format!("{db}/_bulk_get?revs=true"),
                    &json!({ "docs": docs }),
                ))
            }
            Phase::FetchOne { rows, at, .. } => {
                let row = &rows[*at];
                let revs = serde_json::to_string(&row.revs).expect("strings serialise");
                Action::Send(Request::get(format!(
                    "{db}/{}?revs=true&open_revs={}",
                    row.id,
                    encode_component(&revs)
                )))
            }
            Phase::Apply { docs, .. } => Action::Apply(docs.clone()),
            Phase::Close { docs, .. } => Action::Send(Request::with_body(
                Method::Post,
                format!("{db}/_bulk_docs"),
                &json!({"docs": docs, "new_edits": false}),
            )),
            Phase::SaveCheckpoint { last_seq } => {
                let mut history = vec![last_seq.clone()];
                history.extend(self.history.iter().take(9).cloned());
                let mut body = json!({
                    "_id": format!("_local/{}", self.checkpoint.replication_id),
                    "last_seq": last_seq,
                    "history": history,
                    "app": "phoihop",
                });
                if let Some(rev) = &self.checkpoint_rev {
                    body["_rev"] = json!(rev);
                }
                Action::Send(Request::with_body(
                    Method::Put,
                    self.checkpoint_path(),
                    &body,
                ))
            }
            Phase::StoreCheckpoint { last_seq } => Action::Store(Checkpoint {
                replication_id: self.checkpoint.replication_id.clone(),
                last_seq: last_seq.clone(),
            }),
            Phase::StorePushed => Action::Store(self.checkpoint.clone()),
            Phase::Push => {
                let docs = unsent(data, &self.revs, &self.refused, self.push_batch);
                if docs.is_empty() {
                    self.progress.caught_up = true;
                    self.phase = Phase::Changes { live: true };
                    return self.next(data);
                }
                let body: BTreeMap<String, Vec<String>> = docs
                    .iter()
                    .map(|o| (o.id.to_string(), vec![o.rev.clone()]))
                    .collect();
                let request = Request::with_body(
                    Method::Post,
                    format!("{db}/_revs_diff"),
                    &serde_json::to_value(body).expect("maps serialise"),
                );
                self.phase = Phase::RevsDiff { docs };
                Action::Send(request)
            }
            Phase::RevsDiff { docs } => {
                let body: BTreeMap<String, Vec<String>> = docs
                    .iter()
                    .map(|o| (o.id.to_string(), vec![o.rev.clone()]))
                    .collect();
                Action::Send(Request::with_body(
                    Method::Post,
                    format!("{db}/_revs_diff"),
                    &serde_json::to_value(body).expect("maps serialise"),
                ))
            }
            Phase::BulkDocs { docs } => Action::Send(Request::with_body(
                Method::Post,
                format!("{db}/_bulk_docs"),
                &json!({
                    "docs": docs.iter().map(|o| &o.doc).collect::<Vec<_>>(),
                    "new_edits": false,
                }),
            )),
            Phase::Stopped(problem) => Action::Stop(problem.clone()),
        }
    }

    /// The wait after a failure is over (or the browser is online again): try again.
    pub fn retry(&mut self) {
        self.waiting = false;
    }

    /// A stopped sync starts again from the beginning (after a new login).
    pub fn restart(&mut self) {
        self.phase = Phase::Check;
        self.waiting = false;
        self.failures = 0;
        self.problem = None;
        self.refused.clear();
        self.refused_reason = None;
    }

    fn fail(&mut self, problem: SyncProblem) {
        if problem.is_passing() {
            if let Phase::BulkDocs { .. } = self.phase {
                // The answer may be lost after the server stored them: ask `_revs_diff` again
                // rather than send what it may already have.
                self.phase = Phase::Push;
            }
            self.failures += 1;
            self.waiting = true;
            self.problem = Some(problem);
        } else {
            self.problem = Some(problem.clone());
            self.phase = Phase::Stopped(problem);
        }
    }

    fn succeeded(&mut self) {
        self.failures = 0;
        self.unreadable = 0;
        self.problem = None;
    }

    fn what(&self) -> &'static str {
        match self.phase {
            Phase::Check => "database",
            Phase::ReadCheckpoint | Phase::RefreshCheckpoint { .. } => "checkpoint",
            Phase::Changes { .. } => "_changes",
            Phase::Fetch { .. } => "_bulk_get",
            Phase::FetchOne { .. } => "open_revs",
            Phase::Close { .. } | Phase::BulkDocs { .. } => "_bulk_docs",
            Phase::SaveCheckpoint { .. } => "checkpoint",
            Phase::RevsDiff { .. } => "_revs_diff",
            _ => "",
        }
    }

    /// An answer that does not read as the protocol's: tried again a few times, then stopped.
    fn unreadable_answer(&mut self, status: u16) {
        self.unreadable += 1;
        let problem = SyncProblem::Unexpected {
            status,
            during: self.what().to_string(),
        };
        if self.unreadable >= MAX_UNREADABLE {
            self.problem = Some(problem.clone());
            self.phase = Phase::Stopped(problem);
        } else {
            self.fail(problem);
        }
    }

    /// What came back for the request of [`Action::Send`].
    pub fn answer(&mut self, reply: Reply) {
        let (status, body) = match reply {
            Reply::Unreachable(detail) => return self.fail(SyncProblem::Unreachable { detail }),
            Reply::Answer { status, body } => (status, body),
        };
        let json: Option<Value> = serde_json::from_str(&body).ok();
        match status {
            401 => return self.fail(SyncProblem::LoginNeeded),
            403 => return self.fail(SyncProblem::NotAllowed),
            404 if matches!(self.phase, Phase::Check) => {
                // A CouchDB says {"error":"not_found"}; anything else is not one.
                let couch = json.as_ref().is_some_and(|j| j.get("error").is_some());
                return self.fail(if couch {
                    SyncProblem::NoSuchDatabase
                } else {
                    SyncProblem::NotCouch
                });
            }
            404 if matches!(self.phase, Phase::ReadCheckpoint) => {
                self.succeeded();
                return self.take_checkpoint(None);
            }
            404 if matches!(self.phase, Phase::RefreshCheckpoint { .. }) => {
                self.checkpoint_rev = None;
                let Phase::RefreshCheckpoint { last_seq } =
                    std::mem::replace(&mut self.phase, Phase::Check)
                else {
                    unreachable!()
                };
                self.phase = Phase::SaveCheckpoint { last_seq };
                return self.succeeded();
            }
            400 | 404 | 405 | 501 if matches!(self.phase, Phase::Fetch { .. }) => {
                // No _bulk_get here (an older CouchDB, some compatible servers).
                self.bulk_get = false;
                let Phase::Fetch { rows, last_seq } =
                    std::mem::replace(&mut self.phase, Phase::Check)
                else {
                    unreachable!()
                };
                self.phase = Phase::FetchOne {
                    rows,
                    at: 0,
                    got: Vec::new(),
                    last_seq,
                };
                return;
            }
            409 if matches!(self.phase, Phase::SaveCheckpoint { .. }) => {
                let Phase::SaveCheckpoint { last_seq } =
                    std::mem::replace(&mut self.phase, Phase::Check)
                else {
                    unreachable!()
                };
                self.phase = Phase::RefreshCheckpoint { last_seq };
                return;
            }
            413 if matches!(self.phase, Phase::BulkDocs { .. } | Phase::RevsDiff { .. })
                && self.push_batch > 1 =>
            {
                self.push_batch /= 2;
                self.phase = Phase::Push;
                return;
            }
            200..=299 => {}
            _ => {
                return self.fail(SyncProblem::Unexpected {
                    status,
                    during: self.what().to_string(),
                })
            }
        }
        let Some(json) = json else {
            return self.unreadable_answer(status);
        };
        let ok = match std::mem::replace(&mut self.phase, Phase::Check) {
            Phase::Check => self.on_database(&json),
            Phase::ReadCheckpoint => {
                self.take_checkpoint(Some(&json));
                true
            }
            Phase::RefreshCheckpoint { last_seq } => {
                self.checkpoint_rev = json.get("_rev").and_then(Value::as_str).map(String::from);
                self.phase = Phase::SaveCheckpoint { last_seq };
                true
            }
            Phase::Changes { live } => self.on_changes(&json, live),
            Phase::Fetch { rows, last_seq } => self.on_bulk_get(&json, rows, last_seq),
            Phase::FetchOne {
                rows,
                at,
                got,
                last_seq,
            } => self.on_open_revs(&json, rows, at, got, last_seq),
            Phase::Close { last_seq, .. } => {
                self.phase = Phase::SaveCheckpoint { last_seq };
                json.is_array()
            }
            Phase::SaveCheckpoint { last_seq } => {
                self.checkpoint_rev = json.get("rev").and_then(Value::as_str).map(String::from);
                self.history.insert(0, last_seq.clone());
                self.history.truncate(10);
                self.phase = Phase::StoreCheckpoint { last_seq };
                true
            }
            Phase::RevsDiff { docs } => self.on_revs_diff(&json, docs),
            Phase::BulkDocs { docs } => self.on_bulk_docs(&json, docs),
            other => {
                self.phase = other;
                true
            }
        };
        if ok {
            if !matches!(self.phase, Phase::Stopped(_)) {
                self.succeeded();
            }
        } else {
            // Put back the phase the answer was for, to ask again.
            self.unreadable_answer(status);
        }
    }

    fn on_database(&mut self, json: &Value) -> bool {
        if json.get("db_name").is_none() {
            self.fail(SyncProblem::NotCouch);
            return true;
        }
        if self.checkpoint.last_seq.is_null() {
            self.progress.total = json.get("doc_count").and_then(Value::as_u64);
        }
        self.phase = Phase::ReadCheckpoint;
        true
    }

    /// Compares the server's checkpoint with ours. They agree (or the server's history has
    /// ours: we stopped between writing the two): go on from ours. Otherwise the database is
    /// not the one synced with (recreated, restored from an older backup): start again from
    /// its beginning and send everything it lacks.
    fn take_checkpoint(&mut self, server: Option<&Value>) {
        self.checkpoint_rev = server
            .and_then(|s| s.get("_rev"))
            .and_then(Value::as_str)
            .map(String::from);
        let ours = &self.checkpoint.last_seq;
        let theirs = server.and_then(|s| s.get("last_seq"));
        let history: Vec<Value> = server
            .and_then(|s| s.get("history"))
            .and_then(Value::as_array)
            .cloned()
            .unwrap_or_default();
        let agrees = !ours.is_null() && (theirs == Some(ours) || history.contains(ours));
        if !agrees && (!ours.is_null() || !self.revs.is_empty()) {
            self.checkpoint.last_seq = Value::Null;
            self.revs.clear();
        }
        self.history = history;
        self.phase = Phase::Changes { live: false };
    }

    fn on_changes(&mut self, json: &Value, live: bool) -> bool {
        let (Some(results), Some(last_seq)) = (
            json.get("results").and_then(Value::as_array),
            json.get("last_seq"),
        ) else {
            self.phase = Phase::Changes { live };
            return false;
        };
        let mut rows = Vec::new();
        for result in results {
            let Some(id) = result.get("id").and_then(Value::as_str) else {
                continue;
            };
            // Ours are UUIDs; anything else (design documents…) is not a record.
            let Ok(id) = id.parse::<Id>() else {
                continue;
            };
            let known = self.revs.get(&id);
            let revs: Vec<String> = result
                .get("changes")
                .and_then(Value::as_array)
                .into_iter()
                .flatten()
                .filter_map(|c| c.get("rev").and_then(Value::as_str))
                .filter(|rev| Some(*rev) != known)
                .map(String::from)
                .collect();
            if !revs.is_empty() {
                rows.push(Row { id, revs });
            }
        }
        let last_seq = last_seq.clone();
        if !rows.is_empty() {
            self.progress.caught_up = false;
            self.phase = if self.bulk_get {
                Phase::Fetch { rows, last_seq }
            } else {
                Phase::FetchOne {
                    rows,
                    at: 0,
                    got: Vec::new(),
                    last_seq,
                }
            };
        } else if results.is_empty() {
            // Caught up with the server: send ours, then wait for news.
            self.checkpoint.last_seq = last_seq;
            self.phase = if live {
                Phase::Changes { live: true }
            } else {
                Phase::Push
            };
        } else {
            // Only changes we hold already (ours coming back): note how far, and go on.
            self.phase = Phase::SaveCheckpoint { last_seq };
        }
        true
    }

    fn on_bulk_get(&mut self, json: &Value, rows: Vec<Row>, last_seq: Value) -> bool {
        let Some(results) = json.get("results").and_then(Value::as_array) else {
            self.phase = Phase::Fetch { rows, last_seq };
            return false;
        };
        let mut by_id: BTreeMap<Id, Vec<Value>> = BTreeMap::new();
        for result in results {
            let Some(id) = result
                .get("id")
                .and_then(Value::as_str)
                .and_then(|i| i.parse().ok())
            else {
                continue;
            };
            for doc in result
                .get("docs")
                .and_then(Value::as_array)
                .into_iter()
                .flatten()
            {
                if let Some(ok) = doc.get("ok") {
                    by_id.entry(id).or_default().push(ok.clone());
                }
            }
        }
        let docs = rows
            .iter()
            .map(|row| self.pulled(row.id, by_id.remove(&row.id).unwrap_or_default()))
            .collect();
        self.phase = Phase::Apply { docs, last_seq };
        true
    }

    fn on_open_revs(
        &mut self,
        json: &Value,
        rows: Vec<Row>,
        at: usize,
        mut got: Vec<PulledDoc>,
        last_seq: Value,
    ) -> bool {
        let Some(results) = json.as_array() else {
            self.phase = Phase::FetchOne {
                rows,
                at,
                got,
                last_seq,
            };
            return false;
        };
        let docs = results
            .iter()
            .filter_map(|r| r.get("ok"))
            .cloned()
            .collect();
        got.push(self.pulled(rows[at].id, docs));
        self.phase = if at + 1 < rows.len() {
            Phase::FetchOne {
                rows,
                at: at + 1,
                got,
                last_seq,
            }
        } else {
            Phase::Apply {
                docs: got,
                last_seq,
            }
        };
        true
    }

    /// The live leaves of one document that are records of ours, the server's winner first
    /// (not deleted, then the longest branch, then the greater revision id: CouchDB's order).
    fn pulled(&mut self, id: Id, docs: Vec<Value>) -> PulledDoc {
        let mut leaves = Vec::new();
        for doc in docs {
            if doc.get("_deleted").and_then(Value::as_bool) == Some(true) {
                continue; // a closed branch
            }
            match read_doc(&doc) {
                Ok(leaf) if leaf.id == id => leaves.push(leaf),
                Ok(_) => self.skipped += 1,
                Err(DocSkipped::NotOurs | DocSkipped::Newer { .. } | DocSkipped::Unreadable(_)) => {
                    self.skipped += 1
                }
            }
        }
        leaves.sort_by(|a, b| {
            let (ra, rb) = (Rev::parse(&a.rev), Rev::parse(&b.rev));
            rb.cmp(&ra)
        });
        PulledDoc { id, leaves }
    }

    /// The documents of [`Action::Apply`] are taken in (`pulled` is what that did).
    pub fn applied(&mut self, pulled: &Pulled) {
        let Phase::Apply { docs, last_seq } = std::mem::replace(&mut self.phase, Phase::Check)
        else {
            return;
        };
        self.progress.received += docs.len();
        self.phase = if pulled.closing.is_empty() {
            Phase::SaveCheckpoint { last_seq }
        } else {
            Phase::Close {
                docs: pulled.closing.clone(),
                last_seq,
            }
        };
    }

    /// What [`Action::Store`] asked is stored.
    pub fn stored(&mut self) {
        match std::mem::replace(&mut self.phase, Phase::Check) {
            Phase::StoreCheckpoint { last_seq } => {
                self.checkpoint.last_seq = last_seq;
                self.phase = Phase::Changes { live: false };
            }
            Phase::StorePushed => self.phase = Phase::Push,
            other => self.phase = other,
        }
    }

    fn on_revs_diff(&mut self, json: &Value, docs: Vec<Outgoing>) -> bool {
        let Some(missing) = json.as_object() else {
            self.phase = Phase::RevsDiff { docs };
            return false;
        };
        let (send, have): (Vec<Outgoing>, Vec<Outgoing>) = docs.into_iter().partition(|o| {
            missing
                .get(&o.id.to_string())
                .and_then(|m| m.get("missing"))
                .and_then(Value::as_array)
                .is_some_and(|revs| revs.iter().any(|r| r.as_str() == Some(o.rev.as_str())))
        });
        // Already there (sent before an interruption): nothing to send again.
        for o in have {
            self.revs.insert(o.id, o.rev);
        }
        self.phase = if send.is_empty() {
            Phase::StorePushed
        } else {
            Phase::BulkDocs { docs: send }
        };
        true
    }

    fn on_bulk_docs(&mut self, json: &Value, docs: Vec<Outgoing>) -> bool {
        let Some(results) = json.as_array() else {
            self.phase = Phase::BulkDocs { docs };
            return false;
        };
        // With new_edits=false the server lists only what it refused.
        let mut refused: BTreeMap<String, String> = BTreeMap::new();
        for r in results {
            if let (Some(id), Some(error)) = (r.get("id").and_then(Value::as_str), r.get("error")) {
                let reason = r.get("reason").and_then(Value::as_str).unwrap_or_default();
                refused.insert(
                    id.to_string(),
                    format!("{}: {reason}", error.as_str().unwrap_or("error")),
                );
            }
        }
        for o in docs {
            match refused.get(&o.id.to_string()) {
                None => {
                    self.progress.sent += 1;
                    self.revs.insert(o.id, o.rev);
                }
                Some(_) => {
                    self.refused.insert(o.id);
                }
            }
        }
        if let Some(reason) = refused.values().next() {
            self.refused_reason = Some(reason.clone());
        }
        self.phase = Phase::StorePushed;
        true
    }

    /// What went wrong last, while it is tried again, or why the sync stopped; else the
    /// changes the server refused this session (they stay here, unsent).
    pub fn problem(&self) -> Option<SyncProblem> {
        self.problem.clone().or_else(|| {
            self.refused_reason
                .as_ref()
                .map(|reason| SyncProblem::Refused {
                    count: self.refused.len(),
                    reason: reason.clone(),
                })
        })
    }
}

/// Up to `limit` records whose edition the server does not have, as documents to send.
fn unsent(data: &Dataset, revs: &RevMap, refused: &BTreeSet<Id>, limit: usize) -> Vec<Outgoing> {
    fn of<T: Stored>(
        data: &Dataset,
        revs: &RevMap,
        refused: &BTreeSet<Id>,
        limit: usize,
        out: &mut Vec<Outgoing>,
    ) {
        for record in T::table(data).iter_all() {
            if out.len() >= limit {
                return;
            }
            let meta = record.meta();
            if meta.is_unsaved() || revs.is_sent(meta) || refused.contains(&meta.id) {
                continue;
            }
            let value = serde_json::to_value(record).expect("records serialise");
            let (rev, doc) = record_doc(T::COLLECTION, &value, revs.parsed(&meta.id).as_ref());
            out.push(Outgoing {
                id: meta.id,
                rev: rev.to_string(),
                doc,
            });
        }
    }
    let mut out = Vec::new();
    for collection in Collection::ALL {
        crate::with_record_type!(collection, T => of::<T>(data, revs, refused, limit, &mut out));
    }
    out
}
