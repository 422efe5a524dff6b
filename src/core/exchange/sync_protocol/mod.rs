//! Live sync (đồng bộ) through a CouchDB server, or any server of its replication protocol.
//! Pure: no I/O. The browser glue performs the requests these modules name and hands back the
//! answers; native tests hand back answers recorded from a real server (tests/fixtures/couch/).
//!
//! - `config`: the server's address, database and user, and the URLs made from them;
//! - `doc`: a record as the server's document (`_id` = the record's id, the record whole inside,
//!   envelope included), and our revision ids (a hash of the record's edition);
//! - `revs`: which server revision each record here stands on (kept in localStorage);
//! - `reconcile`: one document's revisions against our record, by version vectors only (the
//!   file import's merge): take, keep, prune the losing revisions, or ask the user;
//! - `replicator`: the state machine of one office's sync: checkpoint, `_changes`, `_bulk_get`,
//!   `_revs_diff`, `_bulk_docs`, the long-poll, retries with back-off;
//! - `connection`: the connection test of Settings → Đồng bộ;
//! - `local`: what is kept in localStorage (`phoihop/sync/…`).

pub mod config;
pub mod connection;
pub mod doc;
pub mod local;
pub mod reconcile;
pub mod replicator;
pub mod revs;

pub use config::{ConfigProblem, SyncConfig};
pub use replicator::{Action, Progress, Replicator, SyncProblem};

/// An HTTP method the protocol uses.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Method {
    Get,
    Post,
    Put,
    Delete,
}

impl Method {
    pub fn as_str(self) -> &'static str {
        match self {
            Method::Get => "GET",
            Method::Post => "POST",
            Method::Put => "PUT",
            Method::Delete => "DELETE",
        }
    }
}

/// One request to the server. `path` starts with `/` and is appended to the server's address.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Request {
    pub method: Method,
    pub path: String,
    /// JSON, sent as `application/json`.
    pub body: Option<String>,
    /// Send the session cookie (`credentials: 'include'`); false for the anonymous probe.
    pub credentials: bool,
    /// A long-poll of `_changes`: the page aborts it when it goes offline, closes, or has a
    /// change of its own to send.
    pub long_poll: bool,
}

impl Request {
    pub fn get(path: String) -> Request {
        Request {
            method: Method::Get,
            path,
            body: None,
            credentials: true,
            long_poll: false,
        }
    }

    pub fn with_body(method: Method, path: String, body: &serde_json::Value) -> Request {
        Request {
            method,
            path,
            body: Some(body.to_string()),
            credentials: true,
            long_poll: false,
        }
    }
}

/// What came back for a request.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Reply {
    /// An HTTP answer, whatever its status.
    Answer { status: u16, body: String },
    /// No answer: no network, the server down, a name that does not resolve, or the browser
    /// refusing the request (CORS, the Content-Security-Policy). The browser's words, if any.
    Unreachable(String),
}

impl Reply {
    pub fn ok(body: impl Into<String>) -> Reply {
        Reply::Answer {
            status: 200,
            body: body.into(),
        }
    }
}

#[cfg(test)]
mod tests;
