//! The quick way to a file's top level, for the usual case of a valid export: a scan of the bytes
//! that finds where each value starts and ends, and leaves the checking to the parts that read
//! them. It returns `None` at the first thing it does not expect, and the file is then read the
//! careful way ([`super::top`]), which finds and words any problem.
//!
//! Why it is safe to take what it returns for a valid file: the text between values (braces,
//! brackets, commas, colons, whitespace) is checked here against JSON's grammar; every key and
//! every header value is parsed by serde_json here; every record is either byte for byte the
//! text of one of our own records (its fingerprint is known, so it is valid JSON) or is parsed
//! in full by the reader, which hands any failure back to the careful way. So a file that comes
//! through is valid JSON, split exactly as the careful way splits it.
//!
//! Why it is quicker: an export writes each record starting with its id, so a record that is
//! exactly ours is found by hashing as many bytes as ours has (its fingerprint knows), without
//! reading it byte by byte or even looking for its end; a record not ours is first taken to be
//! the rest of its line, as an export writes it; and the file's UTF-8 is checked only where it
//! is read.

use memchr::{memchr, memchr2};
use serde_json::value::RawValue;

use super::top::{Section, Seen, Span, TopLevel};
use super::Fingerprints;
use crate::records::record::Collection;

/// The file's top level, or `None` when it is not a plain valid export (then read the careful way).
pub(super) fn split<'a>(bytes: &'a [u8], known: &Fingerprints) -> Option<TopLevel<'a>> {
    let mut scan = Scanner { bytes, at: 0 };
    let mut top = TopLevel::default();
    scan.whitespace();
    scan.expect(b'{')?;
    scan.whitespace();
    if scan.peek()? == b'}' {
        scan.at += 1;
    } else {
        loop {
            scan.whitespace();
            // Keys are read by serde_json: escapes and UTF-8 checked as the careful way does.
            let key: String = serde_json::from_slice(scan.string()?).ok()?;
            scan.whitespace();
            scan.expect(b':')?;
            scan.whitespace();
            match Collection::from_name(&key) {
                Some(collection) => {
                    let records = scan.records(collection, known)?;
                    // Given twice, the first list would go unread, its UTF-8 unchecked: leave
                    // such a file to the careful way.
                    if top
                        .collections
                        .insert(collection, Section::Records(records))
                        .is_some()
                    {
                        return None;
                    }
                }
                None => {
                    let text = std::str::from_utf8(scan.value()?).ok()?;
                    let raw: &RawValue = serde_json::from_str(text).ok()?;
                    // Given twice: refused, the careful way words it.
                    if top.fields.insert(key, raw).is_some() {
                        return None;
                    }
                }
            }
            scan.whitespace();
            match scan.next()? {
                b',' => continue,
                b'}' => break,
                _ => return None,
            }
        }
    }
    scan.whitespace();
    (scan.at == bytes.len()).then_some(top)
}

struct Scanner<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl<'a> Scanner<'a> {
    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.at).copied()
    }

    fn next(&mut self) -> Option<u8> {
        let byte = self.peek()?;
        self.at += 1;
        Some(byte)
    }

    fn expect(&mut self, byte: u8) -> Option<()> {
        (self.next()? == byte).then_some(())
    }

    /// The first byte that is not whitespace, without moving on.
    fn after_whitespace(mut self) -> Option<u8> {
        self.whitespace();
        self.peek()
    }

    /// JSON's whitespace, and nothing else.
    fn whitespace(&mut self) {
        while matches!(self.peek(), Some(b' ' | b'\t' | b'\n' | b'\r')) {
            self.at += 1;
        }
    }

    /// A list of records: each one's text, and whether it is one of ours.
    fn records(&mut self, collection: Collection, known: &Fingerprints) -> Option<Vec<Span<'a>>> {
        self.expect(b'[')?;
        let mut records = Vec::new();
        self.whitespace();
        if self.peek()? == b']' {
            self.at += 1;
            return Some(records);
        }
        loop {
            self.whitespace();
            records.push(self.record(collection, known)?);
            self.whitespace();
            match self.next()? {
                b',' => continue,
                b']' => return Some(records),
                _ => return None,
            }
        }
    }

    /// One record. As an export writes it, it starts with its id, and when that is the id of
    /// one of ours, the digest of as many bytes as ours has says whether it is exactly ours: then
    /// it is taken without being read. Anything else is read in full by the reader.
    fn record(&mut self, collection: Collection, known: &Fingerprints) -> Option<Span<'a>> {
        let start = self.at;
        let rest = &self.bytes[start..];
        if let Some((digest, len)) = known.expected(collection, rest) {
            if let Some(text) = rest.get(..len) {
                if known.digest(text) == Some(digest) {
                    self.at = start + len;
                    return Some(Span {
                        text,
                        seen: Seen::Ours(digest),
                    });
                }
            }
        }
        // Not ours: as an export writes it, the record is the rest of its line (less the comma)
        // when that looks like one and what follows goes on with the list. The reader parses it
        // in full and refuses anything else in it, and the file is then read the careful way.
        let line_end = memchr(b'\n', rest).unwrap_or(rest.len());
        let mut line = &rest[..line_end];
        line = line.strip_suffix(b"\r").unwrap_or(line);
        line = line.strip_suffix(b",").unwrap_or(line);
        if line.first() == Some(&b'{') && line.last() == Some(&b'}') {
            let after = Scanner {
                bytes: self.bytes,
                at: start + line.len(),
            };
            if matches!(after.after_whitespace(), Some(b',' | b']')) {
                self.at = start + line.len();
                return Some(Span {
                    text: line,
                    seen: Seen::NotOurs,
                });
            }
        }
        let text = self.value()?;
        Some(Span {
            text,
            seen: Seen::NotOurs,
        })
    }

    /// Any value, found by its extent only: objects and lists by their brackets (strings
    /// skipped), anything else up to the next delimiter. Its content is checked by whoever reads it.
    fn value(&mut self) -> Option<&'a [u8]> {
        let start = self.at;
        match self.peek()? {
            b'{' | b'[' => {
                let mut depth = 0usize;
                loop {
                    match self.next()? {
                        b'"' => self.skip_string_body()?,
                        b'{' | b'[' => depth += 1,
                        b'}' | b']' => {
                            depth -= 1;
                            if depth == 0 {
                                break;
                            }
                        }
                        _ => {}
                    }
                }
            }
            b'"' => {
                self.at += 1;
                self.skip_string_body()?;
            }
            _ => {
                while !matches!(
                    self.peek(),
                    None | Some(b',' | b'}' | b']' | b' ' | b'\t' | b'\n' | b'\r')
                ) {
                    self.at += 1;
                }
            }
        }
        (self.at > start).then(|| &self.bytes[start..self.at])
    }

    /// A string with its quotes.
    fn string(&mut self) -> Option<&'a [u8]> {
        let start = self.at;
        self.expect(b'"')?;
        self.skip_string_body()?;
        Some(&self.bytes[start..self.at])
    }

    /// From just after the opening quote to just after the closing one.
    fn skip_string_body(&mut self) -> Option<()> {
        loop {
            // Past the end after a backslash that ends the file: `get` says so, no panic.
            let i = memchr2(b'"', b'\\', self.bytes.get(self.at..)?)?;
            self.at += i + 1;
            if self.bytes[self.at - 1] == b'"' {
                return Some(());
            }
            // An escape: the byte after the backslash is never the string's end.
            self.at += 1;
        }
    }
}
