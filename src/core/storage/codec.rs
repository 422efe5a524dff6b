//! The compact encoding of a group of records (a bucket, or a chunk of a snapshot):
//! columnar JSON → raw deflate → 15 bits per UTF-16 code unit.
//!
//! - Columnar: `{"n":3,"c":{"title":["a","b","c"],"deleted":{"1":true}}}`. Each field name is
//!   written once per group instead of once per record, and like values (titles, dates, ids)
//!   sit side by side, where deflate finds their repeats. A field some records lack is sparse
//!   (index → value). It works on any JSON object, so fields added to a record later, and
//!   unknown fields from a newer app, need no table to be kept up to date.
//! - Deflate (miniz_oxide, pure Rust) then packs the bytes 15 bits to a character, in
//!   U+0020..U+801F: never a surrogate, never a control character, so any browser stores the
//!   string as it is. A tag character in front names the encoding.

use std::collections::BTreeMap;

use crate::records::meta::Id;
use crate::records::quick_serde::quick;
use miniz_oxide::deflate::core::{
    compress, create_comp_flags_from_zip_params, CompressorOxide, TDEFLFlush, TDEFLStatus,
};
use serde_json::value::RawValue;
use serde_json::{Map, Value};

/// How deep a record's JSON may nest, its own object counted (`{"a":[1]}` is 2): what the import
/// takes (deeper is refused with its path) is what storage stores and loads back. Storage wraps a
/// record at most [`WRAPPING_DEPTH`] levels deeper (a bucket's group, its columns and a column;
/// the undo of an import: its object, entries and an entry), and serde_json reads at most
/// [`SERDE_JSON_DEPTH`] levels. Records of this app nest 5 levels; 100 leaves a newer app's
/// unknown fields room, and the wrappers room to spare.
pub const MAX_RECORD_DEPTH: usize = 100;
/// The deepest a record is wrapped in anything storage writes (see [`MAX_RECORD_DEPTH`]).
pub const WRAPPING_DEPTH: usize = 3;
/// serde_json's recursion limit: 128 levels refused, 127 read.
pub const SERDE_JSON_DEPTH: usize = 127;
const _: () = assert!(MAX_RECORD_DEPTH + WRAPPING_DEPTH <= SERDE_JSON_DEPTH);

/// First character of a packed group: deflated columnar JSON, 15 bits per character.
pub const TAG_DEFLATE_15: char = 'D';
const OFFSET: u32 = 0x20;
const DEFLATE_LEVEL: u8 = 6;
/// Refuse to inflate more than this: a corrupt length must not exhaust memory.
const MAX_PLAIN_BYTES: usize = 256 << 20;

/// Why a packed group could not be read back.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CodecError {
    /// Not our packing: wrong tag, or a character outside the packed range.
    NotPacked(String),
    /// The deflate stream is damaged.
    Inflate(String),
    /// The unpacked text is not JSON.
    Json {
        line: usize,
        column: usize,
        message: String,
    },
    /// JSON, but not a columnar group (wrong shape, column lengths that disagree).
    Shape(String),
}

impl std::fmt::Display for CodecError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            CodecError::NotPacked(m) => write!(f, "not packed text: {m}"),
            CodecError::Inflate(m) => write!(f, "damaged compressed data: {m}"),
            CodecError::Json {
                line,
                column,
                message,
            } => write!(f, "invalid JSON at {line}:{column}: {message}"),
            CodecError::Shape(m) => write!(f, "not a group of records: {m}"),
        }
    }
}

/// Bytes → characters, 15 bits each, most significant bit first; the last one is zero-padded.
pub fn pack(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len() * 8 / 15 + 2);
    let (mut acc, mut bits) = (0u32, 0u32);
    for &b in bytes {
        acc = (acc << 8) | u32::from(b);
        bits += 8;
        if bits >= 15 {
            bits -= 15;
            out.push(unit((acc >> bits) & 0x7fff));
            acc &= (1 << bits) - 1;
        }
    }
    if bits > 0 {
        out.push(unit((acc << (15 - bits)) & 0x7fff));
    }
    out
}

fn unit(v: u32) -> char {
    char::from_u32(v + OFFSET).expect("U+0020..U+801F are scalar values")
}

/// Characters → bytes. Padding bits make at most one extra zero byte at the end, which a deflate
/// stream (self-terminating) ignores.
pub fn unpack(text: &str) -> Result<Vec<u8>, CodecError> {
    let mut out = Vec::with_capacity(text.len() * 15 / 8 + 1);
    let (mut acc, mut bits) = (0u32, 0u32);
    for c in text.chars() {
        let v = (c as u32)
            .checked_sub(OFFSET)
            .filter(|v| *v <= 0x7fff)
            .ok_or_else(|| CodecError::NotPacked(format!("character U+{:04X}", c as u32)))?;
        acc = (acc << 15) | v;
        bits += 15;
        while bits >= 8 {
            bits -= 8;
            out.push((acc >> bits) as u8);
        }
        acc &= (1 << bits) - 1;
    }
    Ok(out)
}

/// Records (JSON objects) → one columnar object's JSON, written from the records' values as they
/// are (a tree of copies cost as much as the records' own serialisation: a snapshot's chunk of
/// 1,000 events held the page for it). The text is what [`columns`] serialises to, byte for
/// byte: keys in order ("c" before "n", the columns by name, a sparse column's rows by their
/// number as text).
pub fn columnar_json(rows: &[Value]) -> Vec<u8> {
    #[derive(serde::Serialize)]
    struct Group<'a> {
        c: BTreeMap<&'a str, Column<'a>>,
        n: usize,
    }
    #[derive(serde::Serialize)]
    #[serde(untagged)]
    enum Column<'a> {
        Dense(Vec<&'a Value>),
        Sparse(BTreeMap<String, &'a Value>),
    }
    // Maps filled by `extend`, not `collect`, which sorts first with a copy of the sort of its own.
    let mut c = BTreeMap::new();
    for (name, values) in by_column(rows) {
        let column = if values.iter().all(Option::is_some) {
            Column::Dense(values.into_iter().flatten().collect())
        } else {
            let mut sparse = BTreeMap::new();
            sparse.extend(
                values
                    .into_iter()
                    .enumerate()
                    .filter_map(|(i, v)| v.map(|v| (i.to_string(), v))),
            );
            Column::Sparse(sparse)
        };
        c.insert(name, column);
    }
    serde_json::to_vec(&Group { c, n: rows.len() }).expect("JSON values serialise")
}

/// Each field's values, record by record (None where a record lacks it).
fn by_column(rows: &[Value]) -> BTreeMap<&str, Vec<Option<&Value>>> {
    let mut cols: BTreeMap<&str, Vec<Option<&Value>>> = BTreeMap::new();
    for (i, row) in rows.iter().enumerate() {
        let Some(object) = row.as_object() else {
            continue;
        };
        for (name, value) in object {
            cols.entry(name.as_str())
                .or_insert_with(|| vec![None; rows.len()])[i] = Some(value);
        }
    }
    cols
}

/// Records (JSON objects) → one columnar object, as a value: the tests' account of what
/// [`columnar_json`] writes.
#[cfg(test)]
fn columns(rows: &[Value]) -> Value {
    let mut out = Map::new();
    for (name, values) in by_column(rows) {
        let column = if values.iter().all(Option::is_some) {
            Value::Array(values.into_iter().flatten().cloned().collect())
        } else {
            Value::Object(
                values
                    .into_iter()
                    .enumerate()
                    .filter_map(|(i, v)| v.map(|v| (i.to_string(), v.clone())))
                    .collect(),
            )
        };
        out.insert(name.to_string(), column);
    }
    serde_json::json!({ "n": rows.len(), "c": out })
}

/// One columnar object → the records, in their order.
pub fn rows(group: Value) -> Result<Vec<Value>, CodecError> {
    let shape = |m: &str| CodecError::Shape(m.to_string());
    let Value::Object(mut group) = group else {
        return Err(shape("not an object"));
    };
    let n = group
        .get("n")
        .and_then(Value::as_u64)
        .ok_or_else(|| shape("no record count"))? as usize;
    let Some(Value::Object(cols)) = group.remove("c") else {
        return Err(shape("no columns"));
    };
    let mut out: Vec<Map<String, Value>> = vec![Map::new(); n];
    for (name, column) in cols {
        match column {
            Value::Array(values) if values.len() == n => {
                for (row, v) in out.iter_mut().zip(values) {
                    row.insert(name.clone(), v);
                }
            }
            Value::Object(sparse) => {
                for (i, v) in sparse {
                    let row = i
                        .parse::<usize>()
                        .ok()
                        .and_then(|i| out.get_mut(i))
                        .ok_or_else(|| shape(&format!("column {name}: no row {i}")))?;
                    row.insert(name.clone(), v);
                }
            }
            _ => return Err(shape(&format!("column {name} does not have {n} values"))),
        }
    }
    Ok(out.into_iter().map(Value::Object).collect())
}

/// Records → packed text.
pub fn encode(rows: &[Value]) -> String {
    Encoder::new(rows).finish()
}

/// [`encode`] in steps, for a group large enough to hold the page (a snapshot's chunk of 1,000
/// events: 60–100 ms of deflate in the browser). The columnar JSON is made at once; deflate takes
/// at most so many bytes of it a step. The text is the same whatever the steps.
pub struct Encoder {
    json: Vec<u8>,
    /// Bytes of `json` given to the compressor so far.
    read: usize,
    compressor: Box<CompressorOxide>,
    deflated: Vec<u8>,
    written: usize,
    done: bool,
}

impl Encoder {
    pub fn new(rows: &[Value]) -> Encoder {
        let json = columnar_json(rows);
        let flags = create_comp_flags_from_zip_params(DEFLATE_LEVEL.into(), 0, 0);
        Encoder {
            deflated: vec![0; (json.len() / 2).max(64)],
            json,
            read: 0,
            compressor: Box::new(CompressorOxide::new(flags)),
            written: 0,
            done: false,
        }
    }

    /// Deflates up to `bytes` more of the JSON; true once all of it is.
    pub fn step(&mut self, bytes: usize) -> bool {
        if self.done {
            return true;
        }
        let end = self.read.saturating_add(bytes).min(self.json.len());
        let last = end == self.json.len();
        let flush = if last {
            TDEFLFlush::Finish
        } else {
            TDEFLFlush::None
        };
        let mut input = &self.json[self.read..end];
        loop {
            if self.deflated.len() - self.written < 64 {
                self.deflated.resize(self.deflated.len() * 2, 0);
            }
            let (status, bytes_in, bytes_out) = compress(
                &mut self.compressor,
                input,
                &mut self.deflated[self.written..],
                flush,
            );
            self.written += bytes_out;
            input = &input[bytes_in..];
            match status {
                TDEFLStatus::Done => {
                    self.done = true;
                    break;
                }
                // Without Finish, the compressor keeps what it has not written yet for the next
                // call: this step is over once it has taken all of its input.
                TDEFLStatus::Okay if !last && input.is_empty() => break,
                TDEFLStatus::Okay => {}
                status => panic!("deflate refused its own input: {status:?}"),
            }
        }
        self.read = end;
        self.done
    }

    /// The packed text; deflates what is left first.
    pub fn finish(mut self) -> String {
        while !self.step(usize::MAX) {}
        let deflated = &self.deflated[..self.written];
        let mut out = String::with_capacity(deflated.len() * 8 / 15 + 2);
        out.push(TAG_DEFLATE_15);
        out.push_str(&pack(deflated));
        out
    }
}

/// Packed text → records.
pub fn decode(text: &str) -> Result<Vec<Value>, CodecError> {
    let json = inflate(text)?;
    let group: Value = serde_json::from_slice(&json).map_err(|e| CodecError::Json {
        line: e.line(),
        column: e.column(),
        message: e.to_string(),
    })?;
    rows(group)
}

/// Packed text → the group's columnar JSON.
pub fn inflate(text: &str) -> Result<Vec<u8>, CodecError> {
    let body = text
        .strip_prefix(TAG_DEFLATE_15)
        .ok_or_else(|| CodecError::NotPacked("unknown encoding tag".into()))?;
    let deflated = unpack(body)?;
    miniz_oxide::inflate::decompress_to_vec_with_limit(&deflated, MAX_PLAIN_BYTES)
        .map_err(|e| CodecError::Inflate(format!("{:?}", e.status)))
}

/// One record of a group as JSON text: the object [`decode`] gives, written compactly (keys in
/// the same order), and its `id` when that is a string that reads as one.
#[derive(Clone, Debug, PartialEq)]
pub struct RecordText {
    pub id: Option<Id>,
    pub json: String,
}

/// An `id` column's value as an id, read the quick way (`quick_serde`: no copy of the text in
/// the form we write); `None` when it is not a string that reads as one.
fn id_of(value: &RawValue) -> Option<Id> {
    quick::deserialize(&mut serde_json::Deserializer::from_str(value.get())).ok()
}

/// Packed text → each record's JSON text, without building a tree of values: the large store's
/// load reads most records straight into their types from it (a tree per record was most of the
/// load's time). `None` when the group is not what [`decode`] reads without error: the caller
/// then decodes it that way, for the same error.
pub fn decode_texts(text: &str) -> Option<Vec<RecordText>> {
    // Checked as UTF-8 once, whole: read from bytes, serde_json checks each raw value on its own.
    let json = String::from_utf8(inflate(text).ok()?).ok()?;
    // One pass over the group's JSON: each column's values are found as raw slices as the group
    // is read (not the column's slice first, then its values from it).
    let group: TextGroup = serde_json::from_str(&json).ok()?;
    let mut columns = Vec::with_capacity(group.c.len());
    for (name, column) in &group.c {
        match column {
            TextColumn::Dense(values) if values.len() != group.n => return None,
            TextColumn::Sparse(rows) if rows.keys().any(|i| *i >= group.n) => return None,
            _ => {}
        }
        columns.push((serde_json::to_string(name).ok()?, column));
    }
    let id_column = group.c.keys().position(|name| name == "id");
    let mut out = Vec::with_capacity(group.n);
    for i in 0..group.n {
        // Its exact length first: a record's text is written without growing it.
        let length = 2 + columns
            .iter()
            .filter_map(|(name, column)| Some(name.len() + 2 + value_at(column, i)?.get().len()))
            .sum::<usize>();
        let mut json = String::with_capacity(length);
        let mut id = None;
        json.push('{');
        for (k, (name, column)) in columns.iter().enumerate() {
            let Some(value) = value_at(column, i) else {
                continue;
            };
            if json.len() > 1 {
                json.push(',');
            }
            json.push_str(name);
            json.push(':');
            json.push_str(value.get());
            if Some(k) == id_column {
                id = id_of(value);
            }
        }
        json.push('}');
        out.push(RecordText { id, json });
    }
    Some(out)
}

/// A group as [`decode_texts`] reads it: each column's values as raw JSON slices.
#[derive(serde::Deserialize)]
struct TextGroup<'a> {
    n: usize,
    #[serde(borrow)]
    c: BTreeMap<String, TextColumn<'a>>,
}

/// A column: a value for every record (an array), or for some (an object: index → value).
enum TextColumn<'a> {
    Dense(Vec<&'a RawValue>),
    Sparse(BTreeMap<usize, &'a RawValue>),
}

/// The value of record `i` in a column, if it has one.
fn value_at<'a>(column: &TextColumn<'a>, i: usize) -> Option<&'a RawValue> {
    match column {
        TextColumn::Dense(values) => Some(values[i]),
        TextColumn::Sparse(rows) => rows.get(&i).copied(),
    }
}

impl<'de: 'a, 'a> serde::Deserialize<'de> for TextColumn<'a> {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Visit<'a>(std::marker::PhantomData<&'a ()>);
        impl<'de: 'a, 'a> serde::de::Visitor<'de> for Visit<'a> {
            type Value = TextColumn<'a>;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("an array or an object of values")
            }
            fn visit_seq<S: serde::de::SeqAccess<'de>>(
                self,
                mut seq: S,
            ) -> Result<Self::Value, S::Error> {
                let mut values = Vec::with_capacity(seq.size_hint().unwrap_or(0));
                while let Some(value) = seq.next_element::<&'a RawValue>()? {
                    values.push(value);
                }
                Ok(TextColumn::Dense(values))
            }
            fn visit_map<M: serde::de::MapAccess<'de>>(
                self,
                mut map: M,
            ) -> Result<Self::Value, M::Error> {
                let mut rows = BTreeMap::new();
                while let Some((i, value)) =
                    map.next_entry::<std::borrow::Cow<'de, str>, &'a RawValue>()?
                {
                    let i = i
                        .parse()
                        .map_err(|_| serde::de::Error::custom("not a row number"))?;
                    rows.insert(i, value);
                }
                Ok(TextColumn::Sparse(rows))
            }
        }
        deserializer.deserialize_any(Visit(std::marker::PhantomData))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn packing_round_trips_every_length() {
        for len in 0..64 {
            let bytes: Vec<u8> = (0..len).map(|i| (i * 37 + 11) as u8).collect();
            let text = pack(&bytes);
            assert!(text.chars().all(|c| (0x20..=0x801f).contains(&(c as u32))));
            let back = unpack(&text).unwrap();
            assert_eq!(&back[..len], &bytes[..], "len {len}");
            assert!(back.len() - len <= 1 && back[len..].iter().all(|b| *b == 0));
        }
    }

    #[test]
    fn columns_keep_sparse_fields_nulls_and_nesting() {
        let records = vec![
            json!({"id": "a", "title": "Một", "deleted": true, "x": null}),
            json!({"id": "b", "title": "Hai", "chairs": [{"p": 1}]}),
            json!({"id": "c", "title": "Ba", "from_the_future": {"k": [1, 2]}}),
        ];
        let group = columns(&records);
        assert_eq!(columnar_json(&records), serde_json::to_vec(&group).unwrap());
        assert_eq!(group["c"]["title"], json!(["Một", "Hai", "Ba"]));
        assert_eq!(group["c"]["deleted"], json!({"0": true}));
        assert_eq!(rows(group).unwrap(), records);
        assert_eq!(decode(&encode(&records)).unwrap(), records);
        assert_eq!(decode(&encode(&[])).unwrap(), Vec::<Value>::new());
    }

    /// Sparse rows past 9 are ordered as text ("10" before "2"), as the value's object orders
    /// them: the text written is the same.
    #[test]
    fn columnar_json_writes_what_columns_serialises_to() {
        let records: Vec<Value> = (0..25)
            .map(|i| match i % 3 {
                0 => json!({"id": format!("r{i}"), "note": format!("ghi chú {i}"), "n": i}),
                1 => json!({"id": format!("r{i}"), "deleted": true, "n": null}),
                _ => json!({"id": format!("r{i}"), "n": [i, {"k": "v"}]}),
            })
            .collect();
        assert_eq!(
            columnar_json(&records),
            serde_json::to_vec(&columns(&records)).unwrap()
        );
        assert_eq!(
            columnar_json(&[]),
            serde_json::to_vec(&columns(&[])).unwrap()
        );
    }

    /// A record as deep as the import takes is encoded and decoded, alone and among others; and
    /// serde_json's limit is where the wrapping assumes it is.
    #[test]
    fn records_at_the_depth_limit_round_trip() {
        fn nested(levels: usize) -> Value {
            (0..levels).fold(json!(1), |inner, _| json!([inner]))
        }
        // The record's object is a level: its field holds the rest.
        let deep = json!({"id": "a", "deep": nested(MAX_RECORD_DEPTH - 1)});
        let records = vec![json!({"id": "b", "deep": [1]}), deep.clone()];
        assert_eq!(decode(&encode(&records)).unwrap(), records);
        assert_eq!(decode(&encode(&[deep])).unwrap().len(), 1);
        let at = |levels: usize| serde_json::from_str::<Value>(&nested(levels).to_string());
        assert!(at(SERDE_JSON_DEPTH).is_ok());
        assert!(at(SERDE_JSON_DEPTH + 1).is_err());
    }

    /// The same text whatever the steps, and the same deflate as miniz's one call: a group
    /// encoded in steps (a snapshot's chunk) reads as any other, and the encoding is unchanged.
    #[test]
    fn an_encoder_in_steps_gives_the_text_of_one_call() {
        let records: Vec<Value> = (0..3_000)
            .map(|i| json!({"id": format!("e{i:05}"), "title": format!("Buổi làm việc {i}"), "n": i % 7}))
            .collect();
        let json = serde_json::to_vec(&columns(&records)).unwrap();
        assert_eq!(columnar_json(&records), json);
        let whole = format!(
            "D{}",
            pack(&miniz_oxide::deflate::compress_to_vec(&json, DEFLATE_LEVEL))
        );
        assert_eq!(encode(&records), whole);
        for bytes in [1, 100, 4_096, 65_536, json.len() - 1, json.len()] {
            let mut encoder = Encoder::new(&records);
            let mut steps = 1;
            while !encoder.step(bytes) {
                steps += 1;
            }
            assert_eq!(steps, json.len().div_ceil(bytes), "{bytes} bytes a step");
            assert_eq!(encoder.finish(), whole, "{bytes} bytes a step");
        }
        // Finished before its last step: the rest is deflated then.
        let mut encoder = Encoder::new(&records);
        encoder.step(1_000);
        assert_eq!(encoder.finish(), whole);
    }

    #[test]
    fn damage_is_named() {
        let text = encode(&[json!({"id": "a"})]);
        assert!(matches!(
            decode("{\"id\":1}"),
            Err(CodecError::NotPacked(_))
        ));
        assert!(matches!(decode("D\u{1}"), Err(CodecError::NotPacked(_))));
        let truncated: String = text.chars().take(3).collect();
        assert!(matches!(decode(&truncated), Err(CodecError::Inflate(_))));
        let not_json = format!(
            "D{}",
            pack(&miniz_oxide::deflate::compress_to_vec(b"{nope", 6))
        );
        assert!(matches!(decode(&not_json), Err(CodecError::Json { .. })));
        let wrong = format!(
            "D{}",
            pack(&miniz_oxide::deflate::compress_to_vec(
                br#"{"n":2,"c":{"a":[1]}}"#,
                6
            ))
        );
        assert!(matches!(decode(&wrong), Err(CodecError::Shape(_))));
    }

    #[test]
    fn record_texts_read_as_the_records_decode_gives() {
        let records = vec![
            json!({"id": "0b9f5b52-7a0e-4f43-9d7e-1c2a3b4c5d6e", "title": "Một \"trích\" \\ dẫn", "deleted": true, "x": null}),
            json!({"id": "0B9F5B52-7A0E-4F43-9D7E-1C2A3B4C5D6F", "title": "Hai", "chairs": [{"p": 1}], "tên lạ\n": 2.5}),
            json!({"id": 7, "title": "Ba", "from_the_future": {"k": [1, 2]}}),
            json!({"title": "no id"}),
            json!({"id": "a", "title": "not an id"}),
            // Not the form we write, read as `Uuid::from_str` reads it.
            json!({"id": "{0b9f5b52-7a0e-4f43-9d7e-1c2a3b4c5d60}"}),
            json!({"id": "0b9f5b527a0e4f439d7e1c2a3b4c5d61"}),
            json!({"id": "0b9f5b52-7a0e-4f43-9d7e-1c2a3b4c5d6g"}),
        ];
        let packed = encode(&records);
        let texts = decode_texts(&packed).expect("a valid group");
        let values = decode(&packed).unwrap();
        assert_eq!(texts.len(), values.len());
        assert_eq!(texts.iter().filter(|t| t.id.is_some()).count(), 4);
        for (text, value) in texts.iter().zip(&values) {
            assert_eq!(&serde_json::from_str::<Value>(&text.json).unwrap(), value);
            assert_eq!(
                text.id,
                value["id"].as_str().and_then(|id| id.parse::<Id>().ok())
            );
            assert_eq!(text.json, value.to_string(), "written as a value is");
        }
        // What decode refuses, decode_texts leaves to it.
        for wrong in [
            "x".to_string(),
            encode_json(&json!({"n": 2, "c": {"id": ["a"]}})),
            encode_json(&json!({"n": 1, "c": {"id": {"3": "a"}}})),
            encode_json(&json!({"n": 1, "c": {"id": "a"}})),
            encode_json(&json!({"c": {"id": ["a"]}})),
            // A value's bytes that are not UTF-8.
            encode_bytes(b"{\"n\":1,\"c\":{\"title\":[\"\xff\"]}}"),
        ] {
            assert!(decode(&wrong).is_err(), "{wrong}");
            assert_eq!(decode_texts(&wrong), None);
        }
    }

    fn encode_json(group: &Value) -> String {
        encode_bytes(&serde_json::to_vec(group).unwrap())
    }

    fn encode_bytes(group: &[u8]) -> String {
        let deflated = miniz_oxide::deflate::compress_to_vec(group, 6);
        format!("{TAG_DEFLATE_15}{}", pack(&deflated))
    }
}
