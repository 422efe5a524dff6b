//! Where an office syncs: the server's address, the database, and the user it logs in as. The
//! password is not here: it goes only into the login request (`POST /_session`) and the browser
//! keeps the session cookie.

use serde::{Deserialize, Serialize};

/// The office's sync settings, kept in localStorage (`phoihop/sync/config`).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct SyncConfig {
    /// `https://host[:port][/path]`, without a trailing slash.
    pub server: String,
    pub database: String,
    pub user: String,
    /// Sync runs while the page is open (false: set up but paused by the user).
    #[serde(default = "yes")]
    pub enabled: bool,
}

fn yes() -> bool {
    true
}

/// Why the settings cannot be used.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ConfigProblem {
    ServerMissing,
    /// Not an http(s) address, or one with a query, fragment or login in it.
    ServerInvalid,
    DatabaseMissing,
    /// CouchDB's rule: a lower-case letter, then lower-case letters, digits and _ $ ( ) + - /.
    DatabaseInvalid,
    UserMissing,
}

impl SyncConfig {
    /// The settings as typed, tidied (spaces, a trailing slash) and checked.
    pub fn new(server: &str, database: &str, user: &str) -> Result<SyncConfig, ConfigProblem> {
        let server = server.trim().trim_end_matches('/').to_string();
        let database = database.trim().to_string();
        let user = user.trim().to_string();
        if server.is_empty() {
            return Err(ConfigProblem::ServerMissing);
        }
        let rest = server
            .strip_prefix("https://")
            .or_else(|| server.strip_prefix("http://"))
            .ok_or(ConfigProblem::ServerInvalid)?;
        let host = rest.split('/').next().unwrap_or_default();
        if host.is_empty()
            || rest.contains(['?', '#', '@', ' ', '\\'])
            || !host
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | ':' | '[' | ']'))
        {
            return Err(ConfigProblem::ServerInvalid);
        }
        if database.is_empty() {
            return Err(ConfigProblem::DatabaseMissing);
        }
        let mut chars = database.chars();
        let first_ok = chars.next().is_some_and(|c| c.is_ascii_lowercase());
        if !first_ok
            || !chars.all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || "_$()+-/".contains(c))
        {
            return Err(ConfigProblem::DatabaseInvalid);
        }
        if user.is_empty() {
            return Err(ConfigProblem::UserMissing);
        }
        Ok(SyncConfig {
            server,
            database,
            user,
            enabled: true,
        })
    }

    /// The server's origin (`scheme://host[:port]`), what the Content-Security-Policy must allow.
    pub fn origin(&self) -> &str {
        let after_scheme = self.server.find("://").map_or(0, |i| i + 3);
        match self.server[after_scheme..].find('/') {
            Some(slash) => &self.server[..after_scheme + slash],
            None => &self.server,
        }
    }

    /// The full URL of a request path (`/db/_changes?…`).
    pub fn url(&self, path: &str) -> String {
        format!("{}{path}", self.server)
    }

    /// The database's path: `/` and the name, with `/` in it written %2F (CouchDB's rule).
    pub fn db_path(&self) -> String {
        format!("/{}", encode_component(&self.database))
    }
}

/// Percent-encodes everything but unreserved characters (a path segment or a query value).
pub fn encode_component(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for byte in text.bytes() {
        if byte.is_ascii_alphanumeric() || b"-_.~".contains(&byte) {
            out.push(byte as char);
        } else {
            out.push_str(&format!("%{byte:02X}"));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn settings_are_tidied_and_checked() {
        let c = SyncConfig::new(
            " https://dongbo.travinh.gov.vn/couch/ ",
            "phoihop",
            "tinhdoan",
        )
        .unwrap();
        assert_eq!(c.server, "https://dongbo.travinh.gov.vn/couch");
        assert_eq!(c.origin(), "https://dongbo.travinh.gov.vn");
        assert_eq!(
            c.url("/phoihop/_changes"),
            "https://dongbo.travinh.gov.vn/couch/phoihop/_changes"
        );
        let local = SyncConfig::new("http://127.0.0.1:5984", "tinh/phoihop", "a").unwrap();
        assert_eq!(local.origin(), "http://127.0.0.1:5984");
        assert_eq!(local.db_path(), "/tinh%2Fphoihop");
        for (server, db, user, problem) in [
            ("", "db", "u", ConfigProblem::ServerMissing),
            ("ftp://x", "db", "u", ConfigProblem::ServerInvalid),
            ("dongbo.gov.vn", "db", "u", ConfigProblem::ServerInvalid),
            ("https://u:p@host", "db", "u", ConfigProblem::ServerInvalid),
            ("https://host?x=1", "db", "u", ConfigProblem::ServerInvalid),
            ("https://", "db", "u", ConfigProblem::ServerInvalid),
            ("https://host", "", "u", ConfigProblem::DatabaseMissing),
            (
                "https://host",
                "PhoiHop",
                "u",
                ConfigProblem::DatabaseInvalid,
            ),
            ("https://host", "1db", "u", ConfigProblem::DatabaseInvalid),
            ("https://host", "db", " ", ConfigProblem::UserMissing),
        ] {
            assert_eq!(
                SyncConfig::new(server, db, user),
                Err(problem),
                "{server} {db} {user}"
            );
        }
    }
}
