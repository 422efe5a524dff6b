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
use super::doc::record_doc;
use super::reconcile::PulledDoc;
use super::revs::RevMap;
use super::{Method, Request};
use crate::records::meta::{Id, OfficeId};
use crate::records::record::Collection;
use crate::records::workspace::{Dataset, Stored};

mod answers;

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
