//! Why a file was refused, and the Vietnamese sentence that tells the user where.
//! The wording lives here, not in ui/text.rs, because the bad-file corpus checks every sentence
//! natively (tests/fixtures/bad/*.expected).

use serde_json::Value;

use crate::core::file_format::{APP_VERSION, FORMAT_NAME, SCHEMA_VERSION};
use crate::core::meta::Id;
use crate::core::migrate::MigrationError;

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

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum NotOurs {
    /// The JSON is an array, a string…, not an object.
    NotAnObject {
        found: &'static str,
    },
    NoFormat,
    OtherFormat {
        found: String,
    },
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SchemaProblem {
    Missing,
    WrongType {
        expected: String,
    },
    NotADate,
    NotATime,
    NotAnId,
    NotACount,
    UnknownValue {
        allowed: String,
    },
    NotAList,
    NotAnObject,
    TooDeep,
    /// A record no office has saved: its version vector is empty.
    NoVersion,
    Other(String),
}

fn megabytes(bytes: usize) -> String {
    format!("{:.1}", bytes as f64 / 1_048_576.0).replace('.', ",")
}

impl FileError {
    /// The sentence shown to the user. Every one says where the problem is.
    pub fn message(&self) -> String {
        match self {
            FileError::TooLarge { bytes, limit } => format!(
                "Tệp quá lớn: {} MB, giới hạn là {} MB. Hãy xuất từng phần (một văn bản) thay vì toàn bộ.",
                megabytes(*bytes),
                limit / 1_048_576
            ),
            FileError::Empty => "Tệp trống: không có nội dung nào.".into(),
            FileError::Utf16 => {
                "Tệp được lưu bằng mã UTF-16; hãy lưu lại bằng mã UTF-8 rồi mở lại.".into()
            }
            FileError::NotJson {
                line,
                column,
                reason,
            } => format!(
                "Tệp không phải JSON hợp lệ: {} (dòng {line}, cột {column}).",
                json_reason(reason)
            ),
            FileError::NotOurs(why) => format!(
                "Đây không phải tệp dữ liệu Phối hợp: {}.",
                match why {
                    NotOurs::NotAnObject { found } =>
                        format!("nội dung là {found}, không phải một đối tượng JSON"),
                    NotOurs::NoFormat => "thiếu trường \"format\"".into(),
                    NotOurs::OtherFormat { found } =>
                        format!("trường \"format\" là {found}, không phải \"{FORMAT_NAME}\""),
                }
            ),
            FileError::SchemaVersion { found: None } => {
                "Tệp thiếu phiên bản định dạng (trường \"schema_version\").".into()
            }
            FileError::SchemaVersion { found: Some(found) } => format!(
                "Phiên bản định dạng (\"schema_version\") phải là số nguyên dương; tệp ghi {found}."
            ),
            FileError::NewerSchema { found, written_by } => format!(
                "Tệp được tạo bởi {} với định dạng phiên bản {found}; Phối hợp {APP_VERSION} này chỉ đọc được tới định dạng phiên bản {SCHEMA_VERSION}. Hãy cập nhật Phối hợp rồi mở lại tệp.",
                written_by
                    .as_ref()
                    .map(|v| format!("Phối hợp {v}"))
                    .unwrap_or_else(|| "một phiên bản Phối hợp mới hơn".into())
            ),
            FileError::Migration(MigrationError::NoStep { from }) => format!(
                "Không chuyển được tệp định dạng phiên bản {from} sang phiên bản {SCHEMA_VERSION}: thiếu bước chuyển đổi."
            ),
            FileError::Migration(MigrationError::Failed { from, reason }) => format!(
                "Không chuyển được tệp định dạng phiên bản {from} sang phiên bản {SCHEMA_VERSION}: {reason}."
            ),
            FileError::Schema {
                path,
                problem,
                value,
            } => {
                let value = value
                    .as_ref()
                    .map(|v| format!(" Giá trị trong tệp: {v}."))
                    .unwrap_or_default();
                format!("Sai cấu trúc tại {path}: {}.{value}", schema_problem(problem))
            }
            FileError::DuplicateId { id, first, second } => format!(
                "Mã bản ghi {id} xuất hiện hai lần trong tệp: {first} và {second}."
            ),
        }
    }
}

fn json_reason(reason: &JsonReason) -> &'static str {
    match reason {
        JsonReason::Truncated => "tệp kết thúc giữa chừng, có thể bị cắt cụt",
        JsonReason::TrailingComma => "có dấu phẩy thừa",
        JsonReason::KeyNotQuoted => "tên trường phải đặt trong dấu ngoặc kép",
        JsonReason::BadString => "chuỗi chứa ký tự hoặc mã thoát không hợp lệ",
        JsonReason::TooDeep => "dữ liệu lồng nhau quá sâu",
        JsonReason::TrailingContent => "còn nội dung thừa sau khi dữ liệu JSON đã kết thúc",
        JsonReason::BadUtf8 => "có byte không phải mã UTF-8",
        JsonReason::Unexpected => "gặp ký tự không mong đợi",
    }
}

fn schema_problem(problem: &SchemaProblem) -> String {
    match problem {
        SchemaProblem::Missing => "thiếu trường bắt buộc".into(),
        SchemaProblem::WrongType { expected } => format!("phải là {expected}"),
        SchemaProblem::NotADate => "không phải ngày hợp lệ dạng yyyy-mm-dd".into(),
        SchemaProblem::NotATime => "không phải ngày giờ hợp lệ (ví dụ 2024-01-31T08:00:00Z)".into(),
        SchemaProblem::NotAnId => "không phải mã UUID hợp lệ".into(),
        SchemaProblem::NotACount => "phải là số nguyên không âm".into(),
        SchemaProblem::UnknownValue { allowed } => {
            format!("giá trị không được chấp nhận; chỉ nhận {allowed}")
        }
        SchemaProblem::NotAList => "phải là một danh sách (mảng JSON)".into(),
        SchemaProblem::NotAnObject => "phải là một đối tượng JSON".into(),
        SchemaProblem::TooDeep => "dữ liệu lồng nhau quá sâu".into(),
        SchemaProblem::NoVersion => {
            "bản ghi không có phiên bản (\"version\" trống); tệp có thể đã bị sửa tay".into()
        }
        SchemaProblem::Other(message) => message.clone(),
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

/// serde's own wording of what it expected, in Vietnamese.
fn expected_vi(expected: &str) -> String {
    let e = expected.trim();
    if e.contains("string") && !e.contains("date") && !e.contains("UUID") {
        "một chuỗi".into()
    } else if e.starts_with('u') && e[1..].chars().all(|c| c.is_ascii_digit()) {
        "số nguyên không âm".into()
    } else if e.starts_with('i') && e[1..].chars().all(|c| c.is_ascii_digit()) {
        "số nguyên".into()
    } else if e.contains("boolean") {
        "true hoặc false".into()
    } else if e.contains("sequence") {
        "một danh sách (mảng JSON)".into()
    } else if e.contains("map") || e.starts_with("struct") {
        "một đối tượng JSON".into()
    } else if e.contains("date") {
        "ngày dạng yyyy-mm-dd".into()
    } else if e.contains("UUID") {
        "mã UUID".into()
    } else {
        e.to_string()
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
    if let Some(rest) = message.strip_prefix("unknown variant `") {
        let allowed = rest
            .split_once("expected ")
            .map(|(_, a)| {
                a.trim_start_matches("one of ")
                    .replace('`', "\"")
                    .replace(" or ", " hoặc ")
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
                expected: expected_vi(expected),
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
