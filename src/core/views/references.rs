//! Which records a record points at, read from its JSON, so selection export and the import's
//! missing-reference warnings work for every collection without a list of fields per type.
//!
//! A reference is any UUID string value, except the record's own envelope (`id`, `version`) and
//! the `id` of items nested inside it (coordination areas): those name the item, not another record.

use memchr::memchr2;
use serde_json::Value;

use crate::records::meta::{parse_hyphenated, Id};

/// One reference: where it sits in the record ("parties[1].organisation") and the id it names.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Reference {
    pub path: String,
    pub id: Id,
}

impl Reference {
    /// The field the reference sits in, without indexes: "parties[1].organisation" → "organisation".
    pub fn field(&self) -> &str {
        let last = self.path.rsplit('.').next().unwrap_or(&self.path);
        last.split('[').next().unwrap_or(last)
    }
}

/// The envelope's fields that hold the record's history, whole and folded.
const HISTORY: [&str; 2] = ["changes", "folded_changes"];

/// Every reference in a record's JSON, in document order.
pub fn references(record: &Value) -> Vec<Reference> {
    let mut found = Vec::new();
    if let Value::Object(fields) = record {
        for (key, value) in fields {
            // The history's ids (offices, values before and after) name nothing to look up.
            if key == "id" || key == "version" || HISTORY.contains(&key.as_str()) {
                continue;
            }
            walk(value, key.clone(), &mut found);
        }
    }
    found
}

fn walk(value: &Value, path: String, found: &mut Vec<Reference>) {
    match value {
        // A UUID is exactly 36 characters; checking the length first skips most strings cheaply.
        Value::String(s) if s.len() == 36 => {
            if let Ok(id) = s.parse::<Id>() {
                found.push(Reference { path, id });
            }
        }
        Value::Array(items) => {
            for (i, item) in items.iter().enumerate() {
                walk(item, format!("{path}[{i}]"), found);
            }
        }
        Value::Object(fields) => {
            for (key, item) in fields {
                if key != "id" {
                    walk(item, format!("{path}.{key}"), found);
                }
            }
        }
        _ => {}
    }
}

/// The ids of items nested in a record (a coordination area's `id`): other records may point
/// at them (a recommendation's `area`), so they are not missing references.
pub fn item_ids(record: &Value) -> Vec<Id> {
    fn walk_items(value: &Value, nested: bool, out: &mut Vec<Id>) {
        match value {
            Value::Array(items) => items.iter().for_each(|i| walk_items(i, true, out)),
            Value::Object(fields) => {
                for (key, item) in fields {
                    match item.as_str() {
                        Some(s) if nested && key == "id" => out.extend(s.parse::<Id>().ok()),
                        _ => walk_items(item, true, out),
                    }
                }
            }
            _ => {}
        }
    }
    let mut out = Vec::new();
    walk_items(record, false, &mut out);
    out
}

/// The ids a record's raw JSON names, read in one pass over its text: the import reads
/// thousands of records, and building a JSON tree of each to find them would cost as much as
/// reading them. The same rules as [`references`] and [`item_ids`].
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Named {
    pub references: Vec<Id>,
    pub items: Vec<Id>,
    /// How deep its objects and lists nest, the record's own object counted (1 for `{}`).
    pub depth: usize,
}

pub fn scan_raw(raw: &str) -> Named {
    let bytes = raw.as_bytes();
    let mut named = Named::default();
    // For each open container: is it an object, and is its current key "id"?
    let mut open: Vec<(bool, bool)> = Vec::new();
    // Inside the top-level history (`HISTORY`), as `references` skips it.
    let mut in_changes = false;
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'{' | b'[' => {
                open.push((bytes[i] == b'{', false));
                named.depth = named.depth.max(open.len());
            }
            b'}' | b']' => {
                open.pop();
            }
            b'"' => {
                let start = i + 1;
                let mut end = start;
                let mut escaped = false;
                // To the closing quote, past escapes; the string's end if there is none.
                loop {
                    match memchr2(b'"', b'\\', bytes.get(end..).unwrap_or_default()) {
                        None => {
                            end = end.max(bytes.len());
                            break;
                        }
                        Some(at) if bytes[end + at] == b'"' => {
                            end += at;
                            break;
                        }
                        Some(at) => {
                            escaped = true;
                            end += at + 2;
                        }
                    }
                }
                let text = &raw[start..end.min(bytes.len())];
                let mut next = end + 1;
                while next < bytes.len() && bytes[next].is_ascii_whitespace() {
                    next += 1;
                }
                if bytes.get(next) == Some(&b':') {
                    if open.len() == 1 {
                        in_changes = HISTORY.contains(&text);
                    }
                    if let Some(top) = open.last_mut() {
                        top.1 = text == "id";
                    }
                } else if !escaped && !(in_changes && open.len() >= 2) {
                    if let Some(id) = parse_hyphenated(text.as_bytes()) {
                        match open.last() {
                            Some((true, true)) if open.len() == 1 => {}
                            Some((true, true)) => named.items.push(id),
                            _ => named.references.push(id),
                        }
                    }
                }
                i = end;
            }
            _ => {}
        }
        i += 1;
    }
    named
}

/// A short human label for any record: its title, name or full name, else the start of its id.
pub fn label(record: &Value) -> String {
    for field in ["title", "full_name", "name", "number", "content"] {
        if let Some(text) = record.get(field).and_then(Value::as_str) {
            if !text.trim().is_empty() {
                return text.to_string();
            }
        }
    }
    record
        .get("id")
        .and_then(Value::as_str)
        .map(|id| format!("({})", &id[..id.len().min(8)]))
        .unwrap_or_else(|| "(?)".into())
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn finds_references_but_not_own_ids_or_versions() {
        let org = "11111111-1111-4111-8111-111111111111";
        let person = "22222222-2222-4222-8222-222222222222";
        let area = "33333333-3333-4333-8333-333333333333";
        let office = "44444444-4444-4444-8444-444444444444";
        let record = json!({
            "id": "55555555-5555-4555-8555-555555555555",
            "version": {office: 2},
            "title": "Quy chế",
            "parties": [{"organisation": org, "lead": true}],
            "signatories": [{"person": person, "organisation": org}],
            "areas": [{"id": area, "title": "x", "responsible": [org]}],
            "notes": "not an id",
        });
        let found: Vec<(String, String)> = references(&record)
            .into_iter()
            .map(|r| (r.path, r.id.to_string()))
            .collect();
        assert_eq!(
            found,
            vec![
                ("areas[0].responsible[0]".to_string(), org.to_string()),
                ("parties[0].organisation".to_string(), org.to_string()),
                ("signatories[0].organisation".to_string(), org.to_string()),
                ("signatories[0].person".to_string(), person.to_string()),
            ]
        );
    }

    #[test]
    fn the_raw_scan_finds_what_the_tree_walk_finds_in_every_sample_record() {
        use crate::sample_data::sample::sample_dataset;
        let data = sample_dataset();
        let mut checked = 0;
        let mut check = |value: Value| {
            let raw = value.to_string();
            let named = scan_raw(&raw);
            let mut expected: Vec<Id> = references(&value).into_iter().map(|r| r.id).collect();
            let mut found = named.references.clone();
            expected.sort();
            found.sort();
            assert_eq!(found, expected, "{raw}");
            let mut items = item_ids(&value);
            let mut found_items = named.items.clone();
            items.sort();
            found_items.sort();
            assert_eq!(found_items, items, "{raw}");
            checked += 1;
        };
        for r in data.agreements.iter_all() {
            check(serde_json::to_value(r).unwrap());
        }
        for r in data.events.iter_all() {
            check(serde_json::to_value(r).unwrap());
        }
        for r in data.recommendations.iter_all() {
            check(serde_json::to_value(r).unwrap());
        }
        for r in data.people.iter_all() {
            check(serde_json::to_value(r).unwrap());
        }
        assert!(checked > 30);
    }

    #[test]
    fn the_raw_scan_is_not_fooled_by_quotes_inside_strings_or_keys() {
        let org = "11111111-1111-4111-8111-111111111111";
        let raw = format!(
            r#"{{"id":"55555555-5555-4555-8555-555555555555","version":{{"{org}":1}},"notes":"trích \"{org}\" ở đây","parent":"{org}"}}"#
        );
        let named = scan_raw(&raw);
        assert_eq!(named.references, vec![org.parse::<Id>().unwrap()]);
        assert!(named.items.is_empty());
    }

    #[test]
    fn item_ids_are_the_nested_ids_only() {
        let record = json!({
            "id": "55555555-5555-4555-8555-555555555555",
            "areas": [{"id": "33333333-3333-4333-8333-333333333333", "title": "x"}],
        });
        assert_eq!(
            item_ids(&record),
            vec!["33333333-3333-4333-8333-333333333333"
                .parse::<Id>()
                .unwrap()]
        );
    }

    #[test]
    fn field_names_the_last_segment_without_index() {
        let r = Reference {
            path: "areas[0].responsible[1]".into(),
            id: Id::nil(),
        };
        assert_eq!(r.field(), "responsible");
        let r = Reference {
            path: "supersedes".into(),
            id: Id::nil(),
        };
        assert_eq!(r.field(), "supersedes");
    }

    #[test]
    fn label_prefers_title_then_names() {
        assert_eq!(label(&json!({"title": "A", "name": "B"})), "A");
        assert_eq!(
            label(&json!({"title": " ", "full_name": "Đồng Văn Lâm"})),
            "Đồng Văn Lâm"
        );
        assert_eq!(
            label(&json!({"id": "abcdef12-0000-4000-8000-000000000000"})),
            "(abcdef12)"
        );
    }
}
