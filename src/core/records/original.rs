//! "Bản gốc": where an agreement's signed scan is kept, and the SHA-256 of the scanned file, so
//! that another office can check that its copy is the same file. Only web addresses (http,
//! https) and file-share paths (\\server\share\…, file://…) are ever made into links; anything
//! else is shown as the text it is. The file itself is never stored: it is read in the browser,
//! a slice at a time, into [`Sha256`].

use serde::{Deserialize, Serialize};
use sha2::Digest;

use crate::records::record::UnknownFields;

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Original {
    /// Where the signed scan is kept: a web address, a file-share path, or a description
    /// ("Văn thư, tủ hồ sơ số 3").
    #[serde(default)]
    pub location: String,
    /// The SHA-256 of the scanned file, 64 lower-case hexadecimal digits; empty when not taken.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub sha256: String,
    /// Fields of a newer app, kept (see `UnknownFields`).
    #[serde(flatten)]
    pub unknown: UnknownFields,
}

impl Original {
    pub fn is_empty(&self) -> bool {
        self.location.trim().is_empty() && self.sha256.trim().is_empty() && self.unknown.is_empty()
    }
}

/// What a location is, for showing it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Location {
    /// An http(s) address, as a link.
    Web(String),
    /// A file-share path or file:// address; `href` is its file:// address.
    FileShare { href: String },
    /// Anything else: shown as text, never a link.
    Text,
}

/// Why a location or a hash cannot be saved.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum OriginalProblem {
    /// Starts like a web address but is not one (no server, spaces…).
    BadWebAddress,
    /// Starts with \\ but names no server and shared folder (\\server\share\…).
    BadSharePath,
    /// Starts with file: but is not a file:// address.
    BadFileAddress,
    /// Not 64 hexadecimal digits.
    BadSha256,
}

fn starts_with_ignore_case(text: &str, prefix: &str) -> bool {
    text.get(..prefix.len())
        .is_some_and(|head| head.eq_ignore_ascii_case(prefix))
}

/// Reads a location: a link to make, plain text, or a problem to report.
pub fn read_location(location: &str) -> Result<Location, OriginalProblem> {
    let text = location.trim();
    if starts_with_ignore_case(text, "http://") || starts_with_ignore_case(text, "https://") {
        let after = &text[text.find("//").map_or(0, |i| i + 2)..];
        let host = after.split(['/', '?', '#']).next().unwrap_or_default();
        let fine = !host.is_empty()
            && !host.starts_with('.')
            && !text
                .chars()
                .any(|c| c.is_whitespace() || c.is_control() || c == '"' || c == '<' || c == '>');
        return if fine {
            Ok(Location::Web(text.to_string()))
        } else {
            Err(OriginalProblem::BadWebAddress)
        };
    }
    if let Some(path) = text.strip_prefix("\\\\") {
        let parts: Vec<&str> = path.split('\\').collect();
        let fine = parts.len() >= 2
            && !parts[0].trim().is_empty()
            && !parts[1].trim().is_empty()
            && !text.chars().any(char::is_control);
        return if fine {
            Ok(Location::FileShare {
                href: format!("file://{}", percent_encode_path(&parts.join("/"))),
            })
        } else {
            Err(OriginalProblem::BadSharePath)
        };
    }
    if starts_with_ignore_case(text, "file:") {
        let rest = &text[5..];
        let fine = rest.starts_with("//") && rest.len() > 2 && !text.chars().any(char::is_control);
        return if fine {
            Ok(Location::FileShare {
                href: format!("file:{}", percent_encode_path(rest)),
            })
        } else {
            Err(OriginalProblem::BadFileAddress)
        };
    }
    Ok(Location::Text)
}

/// Spaces and other characters a URL cannot hold, %-encoded (what is already %-encoded stays).
fn percent_encode_path(path: &str) -> String {
    let mut out = String::with_capacity(path.len());
    for c in path.chars() {
        match c {
            c if c.is_ascii_alphanumeric() => out.push(c),
            '/' | '-' | '_' | '.' | '~' | '%' | ':' | '@' | '!' | '$' | '&' | '\'' | '(' | ')'
            | '*' | '+' | ',' | ';' | '=' => out.push(c),
            c => {
                let mut buf = [0u8; 4];
                for b in c.encode_utf8(&mut buf).bytes() {
                    out.push_str(&format!("%{b:02X}"));
                }
            }
        }
    }
    out
}

/// A SHA-256 as typed or pasted: spaces and case ignored. None when it is not 64 hex digits.
pub fn read_sha256(text: &str) -> Result<String, OriginalProblem> {
    let digits: String = text
        .chars()
        .filter(|c| !c.is_whitespace())
        .map(|c| c.to_ascii_lowercase())
        .collect();
    if digits.len() == 64 && digits.chars().all(|c| c.is_ascii_hexdigit()) {
        Ok(digits)
    } else {
        Err(OriginalProblem::BadSha256)
    }
}

/// The problems of an agreement's original, each at its field path ("original.location").
pub fn problems(original: &Original) -> Vec<(&'static str, OriginalProblem)> {
    let mut found = Vec::new();
    if let Err(p) = read_location(&original.location) {
        found.push(("original.location", p));
    }
    if !original.sha256.trim().is_empty() {
        if let Err(p) = read_sha256(&original.sha256) {
            found.push(("original.sha256", p));
        }
    }
    found
}

/// The SHA-256 of a file read a slice at a time.
#[derive(Clone, Default)]
pub struct Sha256(sha2::Sha256);

impl Sha256 {
    pub fn new() -> Sha256 {
        Sha256::default()
    }

    pub fn update(&mut self, bytes: &[u8]) {
        self.0.update(bytes);
    }

    /// The digest as 64 lower-case hexadecimal digits.
    pub fn finish(self) -> String {
        self.0
            .finalize()
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect()
    }
}

/// Whether a file's digest is the one recorded (case and spaces in the record ignored).
pub fn same_file(recorded: &str, computed: &str) -> bool {
    read_sha256(recorded).is_ok_and(|r| r == computed)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn web_addresses_and_share_paths_are_links_and_nothing_else_is() {
        assert_eq!(
            read_location(" https://vanban.travinh.gov.vn/qc/01.pdf "),
            Ok(Location::Web(
                "https://vanban.travinh.gov.vn/qc/01.pdf".into()
            ))
        );
        assert_eq!(
            read_location("HTTP://intranet/scan?id=3"),
            Ok(Location::Web("HTTP://intranet/scan?id=3".into()))
        );
        assert_eq!(
            read_location(r"\\may-chu\Van thu\2018\Quy chế 01.pdf"),
            Ok(Location::FileShare {
                href: "file://may-chu/Van%20thu/2018/Quy%20ch%E1%BA%BF%2001.pdf".into()
            })
        );
        assert_eq!(
            read_location("file://may-chu/van-thu/01.pdf"),
            Ok(Location::FileShare {
                href: "file://may-chu/van-thu/01.pdf".into()
            })
        );
        for text in [
            "",
            "Văn thư, tủ hồ sơ số 3",
            "javascript:alert(1)",
            "JavaScript:alert(1)",
            "data:text/html,<b>x</b>",
            "ftp://server/x.pdf",
            r"C:\Scans\01.pdf",
            "vbscript:msgbox",
        ] {
            assert_eq!(read_location(text), Ok(Location::Text), "{text}");
        }
    }

    #[test]
    fn malformed_links_are_refused_with_their_reason() {
        for text in [
            "http://",
            "https:// example.com",
            "https://exa mple.com/x",
            "http:///x",
            "https://.x",
        ] {
            assert_eq!(
                read_location(text),
                Err(OriginalProblem::BadWebAddress),
                "{text}"
            );
        }
        for text in [r"\\", r"\\server", r"\\server\", r"\\\share"] {
            assert_eq!(
                read_location(text),
                Err(OriginalProblem::BadSharePath),
                "{text}"
            );
        }
        for text in ["file:", "file:x.pdf", "file:/", "file://"] {
            assert_eq!(
                read_location(text),
                Err(OriginalProblem::BadFileAddress),
                "{text}"
            );
        }
    }

    #[test]
    fn the_hash_is_sha256_in_lower_case_hex_and_typed_ones_are_read_leniently() {
        let mut h = Sha256::new();
        h.update(b"ab");
        h.update(b"c");
        let abc = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";
        assert_eq!(h.finish(), abc);
        assert_eq!(
            Sha256::new().finish(),
            "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
        );
        let typed = "BA7816BF 8F01CFEA 414140DE 5DAE2223 B00361A3 96177A9C B410FF61 F20015AD";
        assert_eq!(read_sha256(typed), Ok(abc.to_string()));
        assert!(same_file(typed, abc));
        assert!(!same_file(typed, &"0".repeat(64)));
        assert_eq!(read_sha256(&abc[1..]), Err(OriginalProblem::BadSha256));
        assert_eq!(
            read_sha256(&format!("{}g", &abc[1..])),
            Err(OriginalProblem::BadSha256)
        );
        assert_eq!(
            problems(&Original {
                location: "http://".into(),
                sha256: "12".into(),
                unknown: Default::default()
            }),
            vec![
                ("original.location", OriginalProblem::BadWebAddress),
                ("original.sha256", OriginalProblem::BadSha256)
            ]
        );
    }
}
