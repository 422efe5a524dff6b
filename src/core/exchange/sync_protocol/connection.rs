//! The connection test of Settings → Đồng bộ, which also logs in: is it a CouchDB (`GET /`),
//! does the login hold (`POST /_session`, the only request that carries the password), is there
//! such a database and may this user read it (`GET /db`), and can anyone read it without
//! logging in (`GET /db` without the cookie: a warning, the office's data open to all).

use serde_json::{json, Value};

use super::config::SyncConfig;
use super::{Method, Reply, Request};

/// The answer of the test.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Verdict {
    /// Logged in, the database is there and readable. `public`: readable without a login too.
    Connected {
        public: bool,
        server_version: String,
    },
    /// No answer at all: wrong address, server down, no network, or the browser refused to ask
    /// (the Content-Security-Policy, CORS). The browser's words, or the status of a web server
    /// in front whose CouchDB behind does not answer (502, 503, 504: "HTTP 502").
    Unreachable(String),
    /// Something answered, but not a CouchDB.
    NotCouch,
    WrongLogin,
    NoSuchDatabase,
    /// Logged in, but this user may not use the database (403).
    NotAllowed,
    /// Any other answer: its status and the step.
    Unexpected {
        status: u16,
        step: &'static str,
    },
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Step {
    Welcome,
    Login,
    Database,
    Anonymous,
    Done,
}

pub struct ConnectionTest {
    config: SyncConfig,
    /// Held only until the login request is made.
    password: Option<String>,
    step: Step,
    server_version: String,
    verdict: Option<Verdict>,
}

impl ConnectionTest {
    pub fn new(config: SyncConfig, password: String) -> ConnectionTest {
        ConnectionTest {
            config,
            password: Some(password),
            step: Step::Welcome,
            server_version: String::new(),
            verdict: None,
        }
    }

    /// The next request to make, or None once the verdict is in.
    pub fn next_request(&mut self) -> Option<Request> {
        let db = self.config.db_path();
        match self.step {
            Step::Welcome => {
                let mut request = Request::get("/".into());
                request.credentials = false;
                Some(request)
            }
            Step::Login => {
                let body = json!({
                    "name": self.config.user,
                    "password": self.password.take().unwrap_or_default(),
                });
                Some(Request::with_body(Method::Post, "/_session".into(), &body))
            }
            Step::Database => Some(Request::get(db)),
            Step::Anonymous => {
                let mut request = Request::get(db);
                request.credentials = false;
                Some(request)
            }
            Step::Done => None,
        }
    }

    pub fn verdict(&self) -> Option<&Verdict> {
        self.verdict.as_ref()
    }

    fn finish(&mut self, verdict: Verdict) {
        self.step = Step::Done;
        self.password = None;
        self.verdict = Some(verdict);
    }

    pub fn answer(&mut self, reply: Reply) {
        let (status, body) = match reply {
            Reply::Unreachable(why) if self.step != Step::Anonymous => {
                return self.finish(Verdict::Unreachable(why))
            }
            Reply::Unreachable(_) => (0, String::new()),
            // The proxy of a same-origin setup (docs/sync.md) answers for a CouchDB that is down.
            Reply::Answer {
                status: status @ (502 | 503 | 504),
                ..
            } if self.step != Step::Anonymous => {
                return self.finish(Verdict::Unreachable(format!("HTTP {status}")))
            }
            Reply::Answer { status, body } => (status, body),
        };
        let json: Option<Value> = serde_json::from_str(&body).ok();
        let step_name = match self.step {
            Step::Welcome => "/",
            Step::Login => "_session",
            _ => "database",
        };
        let unexpected = Verdict::Unexpected {
            status,
            step: step_name,
        };
        match self.step {
            // CouchDB says {"couchdb":"Welcome",…}; PouchDB Server {"express-pouchdb":…}.
            Step::Welcome => match json
                .as_ref()
                .and_then(|j| j.get("couchdb").or_else(|| j.get("express-pouchdb")))
            {
                Some(_) if (200..300).contains(&status) => {
                    self.server_version = json
                        .as_ref()
                        .and_then(|j| j.get("version"))
                        .and_then(Value::as_str)
                        .unwrap_or_default()
                        .to_string();
                    self.step = Step::Login;
                }
                _ => self.finish(Verdict::NotCouch),
            },
            Step::Login => match status {
                200..=299 => self.step = Step::Database,
                401 => self.finish(Verdict::WrongLogin),
                _ => self.finish(unexpected),
            },
            Step::Database => match status {
                200..=299 if json.as_ref().is_some_and(|j| j.get("db_name").is_some()) => {
                    self.step = Step::Anonymous
                }
                200..=299 => self.finish(Verdict::NotCouch),
                404 => self.finish(Verdict::NoSuchDatabase),
                401 | 403 => self.finish(Verdict::NotAllowed),
                _ => self.finish(unexpected),
            },
            Step::Anonymous => {
                let public = (200..300).contains(&status)
                    && json.as_ref().is_some_and(|j| j.get("db_name").is_some());
                let server_version = std::mem::take(&mut self.server_version);
                self.finish(Verdict::Connected {
                    public,
                    server_version,
                });
            }
            Step::Done => {}
        }
    }
}
