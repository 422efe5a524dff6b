//! The answers of the server, one per phase of [`Replicator`]: what each says, and the
//! phase it leads to.

use crate::records::sorting;
use std::collections::BTreeMap;

use serde_json::Value;

use super::{Outgoing, Phase, Replicator, Row, SyncProblem, MAX_UNREADABLE};
use crate::exchange::sync_protocol::doc::{read_doc, DocSkipped, Rev};
use crate::exchange::sync_protocol::reconcile::{Pulled, PulledDoc};
use crate::exchange::sync_protocol::Reply;
use crate::records::meta::Id;

impl Replicator {
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
        sorting::sort_by(&mut leaves, |a, b| {
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
}
