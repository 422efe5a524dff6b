//! Why a file was refused, as a message that says where. The wording is not here: a refusal is
//! a [`Message`] (a Fluent message id of locales/<language>/sharing.ftl and its arguments),
//! rendered by the UI through leptos-fluent and by the bad-file corpus test through fluent-bundle
//! from the same files (tests/fixtures/bad/*.expected holds the exact Vietnamese).

use serde_json::Value;

use crate::exchange::file_format::{APP_VERSION, FORMAT_NAME, SCHEMA_VERSION};
use crate::exchange::migrate::MigrationError;
use crate::records::meta::Id;
use crate::records::record::Collection;

/// A sentence for the user, not yet in any language: a Fluent message id and its arguments.
#[derive(Clone, Debug, PartialEq)]
pub struct Message {
    pub id: &'static str,
    pub args: Vec<(&'static str, Arg)>,
}

#[derive(Clone, Debug, PartialEq)]
pub enum Arg {
    /// Text from the file or the program (a path, a value, a version): shown as it is.
    Text(String),
    /// A count or a size: written the language's way (1.234 / 1,234); selects plurals.
    Number(f64),
    /// A part of the sentence that is itself worded per language, rendered first.
    Message(Message),
}

impl Message {
    pub fn new(id: &'static str) -> Message {
        Message {
            id,
            args: Vec::new(),
        }
    }

    pub fn text(mut self, name: &'static str, value: impl Into<String>) -> Message {
        self.args.push((name, Arg::Text(value.into())));
        self
    }

    pub fn number(mut self, name: &'static str, value: f64) -> Message {
        self.args.push((name, Arg::Number(value)));
        self
    }

    pub fn message(mut self, name: &'static str, value: Message) -> Message {
        self.args.push((name, Arg::Message(value)));
        self
    }

    pub fn arg(&self, name: &str) -> Option<&Arg> {
        self.args.iter().find(|(n, _)| *n == name).map(|(_, a)| a)
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FileError {
    TooLarge {
        bytes: usize,
        limit: usize,
    },
    Empty,
    /// Saved as UTF-16 (Notepad's "Unicode"): JSON files must be UTF-8.
    Utf16,
    NotJson {
        line: usize,
        column: usize,
        reason: JsonReason,
    },
    NotOurs(NotOurs),
    /// Missing (None) or not a positive integer.
    SchemaVersion {
        found: Option<String>,
    },
    NewerSchema {
        found: u64,
        written_by: Option<String>,
    },
    Migration(MigrationError),
    /// A header field or a record that breaks the schema, with its path and the bad value.
    Schema {
        path: String,
        problem: SchemaProblem,
        value: Option<String>,
    },
    DuplicateId {
        id: Id,
        first: String,
        second: String,
    },
    /// A key of the file's top level given twice (a collection, a header field).
    KeyTwice {
        name: String,
    },
    /// A record whose id a record of another collection holds here.
    IdTakenHere {
        id: Id,
        at: String,
        here_as: Collection,
    },
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum JsonReason {
    Truncated,
    TrailingComma,
    KeyNotQuoted,
    BadString,
    TooDeep,
    TrailingContent,
    BadUtf8,
    Unexpected,
}

/// What a JSON text that is not an object is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum JsonKind {
    Array,
    String,
    Boolean,
    Null,
    Number,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum NotOurs {
    /// The JSON is an array, a string…, not an object.
    NotAnObject {
        found: JsonKind,
    },
    NoFormat,
    OtherFormat {
        found: String,
    },
}

/// What serde expected where the file has a value of another type.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Expected {
    String,
    Unsigned,
    Integer,
    Boolean,
    List,
    Object,
    Date,
    Id,
    /// serde's own words.
    Other(String),
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SchemaProblem {
    Missing,
    WrongType {
        expected: Expected,
    },
    NotADate,
    NotATime,
    NotAnId,
    NotACount,
    /// The values accepted, each as written in a file (`"plan"`).
    UnknownValue {
        allowed: Vec<String>,
    },
    NotAList,
    NotAnObject,
    TooDeep,
    /// A record no office has saved: its version vector is empty.
    NoVersion,
    /// A version vector counting more edits than any office makes (above `MAX_EDITS`).
    TooManyEdits,
    /// A date or time whose year is outside `date_bounds::FIRST_YEAR`..=`LAST_YEAR`.
    DateOutOfRange,
    /// A field given twice in one object: which value is meant cannot be known.
    FieldTwice,
    /// serde's own words.
    Other(String),
}

impl FileError {
    /// The sentence shown to the user. Every one says where the problem is.
    pub fn message(&self) -> Message {
        match self {
            FileError::TooLarge { bytes, limit } => Message::new("import-too-large")
                .number("size", *bytes as f64 / 1_048_576.0)
                .number("limit", (*limit / 1_048_576) as f64),
            FileError::Empty => Message::new("import-empty"),
            FileError::Utf16 => Message::new("import-utf16"),
            FileError::NotJson {
                line,
                column,
                reason,
            } => Message::new("import-not-json")
                .message("reason", json_reason(reason))
                .number("line", *line as f64)
                .number("column", *column as f64),
            FileError::NotOurs(why) => Message::new("import-not-ours").message(
                "why",
                match why {
                    NotOurs::NotAnObject { found } => Message::new("import-not-an-object")
                        .message("found", Message::new(json_kind(*found))),
                    NotOurs::NoFormat => Message::new("import-no-format"),
                    NotOurs::OtherFormat { found } => Message::new("import-other-format")
                        .text("found", found.clone())
                        .text("expected", FORMAT_NAME),
                },
            ),
            FileError::SchemaVersion { found: None } => Message::new("import-no-schema-version"),
            FileError::SchemaVersion { found: Some(found) } => {
                Message::new("import-bad-schema-version").text("found", found.clone())
            }
            FileError::NewerSchema { found, written_by } => match written_by {
                Some(app) => Message::new("import-newer-schema").text("app", app.clone()),
                None => Message::new("import-newer-schema-unknown-app"),
            }
            .text("found", found.to_string())
            .text("version", APP_VERSION)
            .text("readable", SCHEMA_VERSION.to_string()),
            FileError::Migration(MigrationError::NoStep { from }) => {
                Message::new("import-migration-no-step")
                    .text("from", from.to_string())
                    .text("to", SCHEMA_VERSION.to_string())
            }
            FileError::Migration(MigrationError::Failed { from, reason }) => {
                Message::new("import-migration-failed")
                    .text("from", from.to_string())
                    .text("to", SCHEMA_VERSION.to_string())
                    .text("reason", reason.clone())
            }
            FileError::Schema {
                path,
                problem,
                value,
            } => match value {
                Some(value) => Message::new("import-schema-value").text("value", value.clone()),
                None => Message::new("import-schema"),
            }
            .text("path", path.clone())
            .message("problem", schema_problem(problem)),
            FileError::DuplicateId { id, first, second } => Message::new("import-duplicate-id")
                .text("id", id.to_string())
                .text("first", first.clone())
                .text("second", second.clone()),
            FileError::KeyTwice { name } => {
                Message::new("import-key-twice").text("name", name.clone())
            }
            FileError::IdTakenHere { id, at, here_as } => Message::new("import-id-taken-here")
                .text("id", id.to_string())
                .text("path", at.clone())
                .message("other", Message::new(one_record_of(*here_as))),
        }
    }
}

fn json_reason(reason: &JsonReason) -> Message {
    Message::new(match reason {
        JsonReason::Truncated => "import-json-truncated",
        JsonReason::TrailingComma => "import-json-trailing-comma",
        JsonReason::KeyNotQuoted => "import-json-key-not-quoted",
        JsonReason::BadString => "import-json-bad-string",
        JsonReason::TooDeep => "import-json-too-deep",
        JsonReason::TrailingContent => "import-json-trailing-content",
        JsonReason::BadUtf8 => "import-json-bad-utf8",
        JsonReason::Unexpected => "import-json-unexpected",
    })
}

/// "an organisation", "an agreement"…: a record of the collection, as a message id.
fn one_record_of(collection: Collection) -> &'static str {
    match collection {
        Collection::Organisations => "import-one-organisation",
        Collection::People => "import-one-person",
        Collection::Agreements => "import-one-agreement",
        Collection::Events => "import-one-event",
        Collection::Recommendations => "import-one-recommendation",
    }
}

fn json_kind(kind: JsonKind) -> &'static str {
    match kind {
        JsonKind::Array => "import-kind-array",
        JsonKind::String => "import-kind-string",
        JsonKind::Boolean => "import-kind-boolean",
        JsonKind::Null => "import-kind-null",
        JsonKind::Number => "import-kind-number",
    }
}

fn expected(expected: &Expected) -> Message {
    match expected {
        Expected::String => Message::new("import-expected-string"),
        Expected::Unsigned => Message::new("import-expected-unsigned"),
        Expected::Integer => Message::new("import-expected-integer"),
        Expected::Boolean => Message::new("import-expected-boolean"),
        Expected::List => Message::new("import-expected-list"),
        Expected::Object => Message::new("import-expected-object"),
        Expected::Date => Message::new("import-expected-date"),
        Expected::Id => Message::new("import-expected-id"),
        Expected::Other(words) => {
            Message::new("import-expected-other").text("words", words.clone())
        }
    }
}

fn schema_problem(problem: &SchemaProblem) -> Message {
    match problem {
        SchemaProblem::Missing => Message::new("import-problem-missing"),
        SchemaProblem::WrongType { expected: e } => {
            Message::new("import-problem-wrong-type").message("expected", expected(e))
        }
        SchemaProblem::NotADate => Message::new("import-problem-not-a-date"),
        SchemaProblem::NotATime => Message::new("import-problem-not-a-time"),
        SchemaProblem::NotAnId => Message::new("import-problem-not-an-id"),
        SchemaProblem::NotACount => Message::new("import-problem-not-a-count"),
        SchemaProblem::UnknownValue { allowed } => match allowed.as_slice() {
            [first, second] => Message::new("import-problem-unknown-value-either")
                .text("first", first.clone())
                .text("second", second.clone()),
            _ => Message::new("import-problem-unknown-value").text("allowed", allowed.join(", ")),
        },
        SchemaProblem::NotAList => Message::new("import-problem-not-a-list"),
        SchemaProblem::NotAnObject => Message::new("import-problem-not-an-object"),
        SchemaProblem::TooDeep => Message::new("import-problem-too-deep"),
        SchemaProblem::NoVersion => Message::new("import-problem-no-version"),
        SchemaProblem::TooManyEdits => {
            Message::new("import-problem-too-many-edits").number("max", super::MAX_EDITS as f64)
        }
        SchemaProblem::DateOutOfRange => Message::new("import-problem-date-out-of-range")
            .text("first", crate::records::date_bounds::FIRST_YEAR.to_string())
            .text("last", crate::records::date_bounds::LAST_YEAR.to_string()),
        SchemaProblem::FieldTwice => Message::new("import-problem-field-twice"),
        SchemaProblem::Other(words) => {
            Message::new("import-problem-other").text("words", words.clone())
        }
    }
}

/// Names a serde_json syntax error in `source`.
pub(super) fn json_reason_of(error: &serde_json::Error, source: &str) -> JsonReason {
    let text = error.to_string();
    // serde_json says "key must be a string" for `,}`: the comma is the mistake.
    let at_close = source
        .lines()
        .nth(error.line().saturating_sub(1))
        .and_then(|l| l.chars().nth(error.column().saturating_sub(1)))
        == Some('}');
    if error.is_eof() {
        JsonReason::Truncated
    } else if text.contains("trailing comma") || (text.contains("key must be a string") && at_close)
    {
        JsonReason::TrailingComma
    } else if text.contains("key must be a string") {
        JsonReason::KeyNotQuoted
    } else if text.contains("recursion limit") {
        JsonReason::TooDeep
    } else if text.contains("trailing characters") {
        JsonReason::TrailingContent
    } else if text.contains("escape")
        || text.contains("control character")
        || text.contains("unicode")
        || text.contains("surrogate")
    {
        JsonReason::BadString
    } else {
        JsonReason::Unexpected
    }
}

/// What serde's wording says it expected.
fn expected_of(expected: &str) -> Expected {
    let e = expected.trim();
    if e.contains("string") && !e.contains("date") && !e.contains("UUID") {
        Expected::String
    } else if e.starts_with('u') && e[1..].chars().all(|c| c.is_ascii_digit()) {
        Expected::Unsigned
    } else if e.starts_with('i') && e[1..].chars().all(|c| c.is_ascii_digit()) {
        Expected::Integer
    } else if e.contains("boolean") {
        Expected::Boolean
    } else if e.contains("sequence") {
        Expected::List
    } else if e.contains("map") || e.starts_with("struct") {
        Expected::Object
    } else if e.contains("date") {
        Expected::Date
    } else if e.contains("UUID") {
        Expected::Id
    } else {
        Expected::Other(e.to_string())
    }
}

/// Turns serde's message for a field into a problem; `field` is the last path segment, which
/// says whether a time or a date was meant. Returns the missing field's name when one is missing.
pub(super) fn schema_problem_of(message: &str, field: &str) -> (SchemaProblem, Option<String>) {
    let message = strip_position(message);
    if let Some(rest) = message.strip_prefix("missing field `") {
        let name = rest.trim_end_matches('`').to_string();
        return (SchemaProblem::Missing, Some(name));
    }
    if let Some(rest) = message.strip_prefix("duplicate field `") {
        let name = rest.trim_end_matches('`').to_string();
        return (SchemaProblem::FieldTwice, Some(name));
    }
    if let Some(rest) = message.strip_prefix("unknown variant `") {
        // serde: "expected `a`", "expected `a` or `b`", "expected one of `a`, `b`, `c`".
        let allowed = rest
            .split_once("expected ")
            .map(|(_, a)| {
                a.trim_start_matches("one of ")
                    .split(", ")
                    .flat_map(|part| part.split(" or "))
                    .map(|name| name.replace('`', "\""))
                    .collect()
            })
            .unwrap_or_default();
        return (SchemaProblem::UnknownValue { allowed }, None);
    }
    if message.starts_with("recursion limit exceeded") {
        return (SchemaProblem::TooDeep, None);
    }
    if message.starts_with("UUID parsing failed") {
        return (SchemaProblem::NotAnId, None);
    }
    if let Some((_, expected)) = message
        .strip_prefix("invalid value: ")
        .and_then(|r| r.split_once(", expected "))
    {
        if expected.starts_with('u') {
            return (SchemaProblem::NotACount, None);
        }
    }
    if let Some((_, expected)) = message
        .strip_prefix("invalid type: ")
        .and_then(|r| r.split_once(", expected "))
    {
        return (
            SchemaProblem::WrongType {
                expected: expected_of(expected),
            },
            None,
        );
    }
    const CHRONO: [&str; 7] = [
        "input contains invalid characters",
        "premature end of input",
        "input is out of range",
        "trailing input",
        "input is not enough",
        "no possible date and time",
        "bad or unsupported format",
    ];
    if CHRONO.iter().any(|c| message.starts_with(c)) {
        let time = matches!(field, "created" | "updated") || field.ends_with("_at");
        let problem = if time {
            SchemaProblem::NotATime
        } else {
            SchemaProblem::NotADate
        };
        return (problem, None);
    }
    (SchemaProblem::Other(message.to_string()), None)
}

/// serde_json appends " at line L column C", which means nothing inside one record.
fn strip_position(message: &str) -> &str {
    match message.rfind(" at line ") {
        Some(i) => &message[..i],
        None => message,
    }
}

/// The value at a path such as "parties[0].organisation" inside `root`, shown briefly.
pub(super) fn value_at(root: &Value, path: &str) -> Option<String> {
    let mut here = root;
    for segment in path.split('.').filter(|s| !s.is_empty()) {
        let (name, indexes) = segment.split_once('[').unwrap_or((segment, ""));
        if !name.is_empty() {
            here = here.get(name)?;
        }
        for index in indexes.split('[') {
            let index = index.trim_end_matches(']');
            if !index.is_empty() {
                here = here.get(index.parse::<usize>().ok()?)?;
            }
        }
    }
    let text = here.to_string();
    Some(if text.chars().count() > 80 {
        format!("{}…", text.chars().take(80).collect::<String>())
    } else {
        text
    })
}
