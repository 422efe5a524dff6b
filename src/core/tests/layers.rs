//! The core's folders are its layers (records, rules, commands, views, exchange, storage,
//! sample data), and no module imports one that imports it back, directly or round a cycle:
//! each can be read, and changed, knowing only what lies below it.
//!
//! A module is a file (with its folder of submodules) directly inside a layer folder, or a
//! top-level module that is not a layer folder (storage). Imports are read from the source:
//! every `crate::`, `super::` and `self::` path outside comments, strings and test modules.

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::{Path, PathBuf};

const LAYERS: [&str; 6] = [
    "records",
    "rules",
    "commands",
    "views",
    "exchange",
    "sample_data",
];

fn source_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).to_path_buf()
}

/// Every source file of the library with its module path (`records/model.rs` → records::model).
fn library_files() -> Vec<(Vec<String>, String)> {
    fn walk(dir: &Path, root: &Path, out: &mut Vec<(Vec<String>, String)>) {
        for entry in fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            let rel = path.strip_prefix(root).unwrap();
            if path.is_dir() {
                let top = rel.components().next().unwrap().as_os_str();
                if !["tests", "examples", "target"].contains(&top.to_str().unwrap()) {
                    walk(&path, root, out);
                }
            } else if path.extension().is_some_and(|e| e == "rs") {
                let mut parts: Vec<String> = rel
                    .with_extension("")
                    .components()
                    .map(|c| c.as_os_str().to_string_lossy().into_owned())
                    .collect();
                if matches!(parts.last().map(String::as_str), Some("mod" | "lib")) {
                    parts.pop();
                }
                // Test modules may import anything: they sit beside the code they test.
                if parts.iter().any(|p| p == "tests" || p.ends_with("_tests")) {
                    continue;
                }
                out.push((parts, fs::read_to_string(&path).unwrap()));
            }
        }
    }
    let mut out = Vec::new();
    let root = source_root();
    walk(&root, &root, &mut out);
    out
}

/// The code without comments, string and char literals, and inline `#[cfg(test)]` items. Works
/// on bytes: none of the ASCII it looks for occurs inside a multi-byte character.
fn code_only(text: &str) -> String {
    let b = text.as_bytes();
    let at = |i: usize, s: &str| b[i..].starts_with(s.as_bytes());
    let find = |from: usize, s: &str| {
        (from..b.len())
            .find(|&j| b[j..].starts_with(s.as_bytes()))
            .unwrap_or(b.len())
    };
    // After a letter, `r"` ends an identifier (`for"` never occurs) and `r#` is a raw one.
    let ident_byte = |i: usize| i > 0 && (b[i - 1].is_ascii_alphanumeric() || b[i - 1] == b'_');
    let mut out: Vec<u8> = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        if at(i, "//") {
            i = find(i, "\n");
        } else if at(i, "/*") {
            i = (find(i, "*/") + 2).min(b.len());
        } else if b[i] == b'"'
            || (!ident_byte(i) && (at(i, "r#\"") || at(i, "r##") || at(i, "r\"")))
        {
            let raw = b[i] == b'r';
            let hashes = if raw { find(i + 1, "\"") - i - 1 } else { 0 };
            i += if raw { hashes + 2 } else { 1 };
            let close = format!("\"{}", "#".repeat(hashes));
            while i < b.len() && !at(i, &close) {
                i += if !raw && b[i] == b'\\' { 2 } else { 1 };
            }
            i = (i + close.len()).min(b.len());
            out.extend_from_slice(b"\"\"");
        } else if b[i] == b'\'' && i + 2 < b.len() && (b[i + 2] == b'\'' || b[i + 1] == b'\\') {
            // A char literal ('a', '\n', '\''); lifetimes ('a) are left alone.
            i = (find(i + 2, "'") + 1).min(b.len());
            out.extend_from_slice(b"' '");
        } else if at(i, "#[cfg(test)]") {
            // Skip the item that follows: up to its `;` or its balanced braces.
            let mut depth = 0;
            i += "#[cfg(test)]".len();
            while i < b.len() {
                match b[i] {
                    b'{' => depth += 1,
                    b'}' => {
                        depth -= 1;
                        if depth == 0 {
                            i += 1;
                            break;
                        }
                    }
                    b';' if depth == 0 => {
                        i += 1;
                        break;
                    }
                    _ => {}
                }
                i += 1;
            }
        } else {
            out.push(b[i]);
            i += 1;
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

fn ident_at(text: &str, at: usize) -> Option<&str> {
    let rest = &text[at..];
    let len = rest
        .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
        .unwrap_or(rest.len());
    (len > 0).then(|| &rest[..len])
}

/// The first two components after each `crate::`/`super::`/`self::` head, resolved against the
/// module `here`: the modules the code names.
fn named_modules(code: &str, here: &[String]) -> BTreeSet<Vec<String>> {
    let mut found = BTreeSet::new();
    let mut starts = Vec::new();
    for head in ["crate::", "super::", "self::"] {
        starts.extend(code.match_indices(head).map(|(i, _)| (i, head)));
    }
    for (i, head) in starts {
        let before = code[..i].chars().next_back();
        if before.is_some_and(|c| c.is_ascii_alphanumeric() || c == '_' || c == ':') {
            continue;
        }
        let mut base: Vec<String> = match head {
            "crate::" => Vec::new(),
            "self::" => here.to_vec(),
            _ => here[..here.len().saturating_sub(1)].to_vec(),
        };
        let mut at = i + head.len();
        while code[at..].starts_with("super::") {
            base.pop();
            at += "super::".len();
        }
        for tail in path_tails(code, at) {
            let mut full = base.clone();
            full.extend(tail);
            found.insert(full);
        }
    }
    found
}

/// The paths that start at `at`: one, or each item of a `{…}` group, groups within groups.
fn path_tails(code: &str, at: usize) -> Vec<Vec<String>> {
    if code[at..].starts_with('{') {
        let mut depth = 0;
        let mut tails = Vec::new();
        let mut item_start = at + 1;
        for (j, c) in code[at..].char_indices() {
            let j = at + j;
            match c {
                '{' => depth += 1,
                '}' | ',' if depth == 1 => {
                    let item = code[item_start..j].trim_start();
                    if !item.is_empty() {
                        tails.extend(path_tails(code, j - item.len()));
                    }
                    item_start = j + 1;
                    if c == '}' {
                        break;
                    }
                }
                '}' => depth -= 1,
                _ => {}
            }
        }
        return tails;
    }
    let mut tail = Vec::new();
    let mut at = at;
    while let Some(name) = ident_at(code, at) {
        tail.push(name.to_string());
        at += name.len();
        if !code[at..].starts_with("::") {
            break;
        }
        at += 2;
        if code[at..].starts_with('{') {
            return path_tails(code, at)
                .into_iter()
                .map(|rest| tail.iter().cloned().chain(rest).collect())
                .collect();
        }
    }
    vec![tail]
}

struct Graph {
    /// module → modules it imports (each a layer-qualified path: ["views", "report"]).
    edges: BTreeMap<Vec<String>, BTreeSet<Vec<String>>>,
}

fn unit_of(path: &[String]) -> Option<Vec<String>> {
    let depth = if LAYERS.contains(&path.first()?.as_str()) {
        2
    } else {
        1
    };
    (path.len() >= depth).then(|| path[..depth].to_vec())
}

fn module_graph() -> Graph {
    let files = library_files();
    let units: BTreeSet<Vec<String>> = files.iter().filter_map(|(p, _)| unit_of(p)).collect();
    let mut edges: BTreeMap<Vec<String>, BTreeSet<Vec<String>>> = BTreeMap::new();
    for (path, text) in &files {
        let Some(unit) = unit_of(path) else { continue };
        let entry = edges.entry(unit.clone()).or_default();
        for named in named_modules(&code_only(text), path) {
            if let Some(target) = unit_of(&named) {
                if target != unit && units.contains(&target) {
                    entry.insert(target);
                }
            }
        }
    }
    Graph { edges }
}

/// A cycle of `edges`, as the path round it, if there is one.
fn find_cycle<T: Ord + Clone>(edges: &BTreeMap<T, BTreeSet<T>>) -> Option<Vec<T>> {
    fn visit<T: Ord + Clone>(
        node: &T,
        edges: &BTreeMap<T, BTreeSet<T>>,
        done: &mut BTreeSet<T>,
        stack: &mut Vec<T>,
    ) -> Option<Vec<T>> {
        if let Some(at) = stack.iter().position(|n| n == node) {
            let mut cycle = stack[at..].to_vec();
            cycle.push(node.clone());
            return Some(cycle);
        }
        if done.contains(node) {
            return None;
        }
        stack.push(node.clone());
        for next in edges.get(node).into_iter().flatten() {
            if let Some(cycle) = visit(next, edges, done, stack) {
                return Some(cycle);
            }
        }
        stack.pop();
        done.insert(node.clone());
        None
    }
    let mut done = BTreeSet::new();
    edges
        .keys()
        .find_map(|node| visit(node, edges, &mut done, &mut Vec::new()))
}

fn show(path: &[Vec<String>]) -> String {
    path.iter()
        .map(|p| p.join("::"))
        .collect::<Vec<_>>()
        .join(" → ")
}

#[test]
fn no_core_module_imports_one_that_imports_it_back() {
    let graph = module_graph();
    assert!(
        graph.edges.len() > 20,
        "the source was read: {:?}",
        graph.edges.keys()
    );
    if let Some(cycle) = find_cycle(&graph.edges) {
        panic!("these core modules import each other: {}", show(&cycle));
    }
}

#[test]
fn layers_import_only_layers_below_them() {
    let mut layers: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for (from, targets) in module_graph().edges {
        let entry = layers.entry(from[0].clone()).or_default();
        entry.extend(
            targets
                .into_iter()
                .map(|t| t[0].clone())
                .filter(|t| *t != from[0]),
        );
    }
    if let Some(cycle) = find_cycle(&layers) {
        panic!("these layers import each other: {}", cycle.join(" → "));
    }
}

#[test]
fn every_module_lives_in_a_layer() {
    let lib = fs::read_to_string(source_root().join("lib.rs")).unwrap();
    let lib = code_only(&lib);
    let mut got: Vec<&str> = lib
        .lines()
        .filter_map(|l| l.trim().strip_prefix("pub mod "))
        .map(|l| l.trim_end_matches(';'))
        .collect();
    got.sort();
    let mut expected: Vec<&str> = LAYERS.to_vec();
    expected.push("storage");
    expected.sort();
    assert_eq!(got, expected, "lib.rs declares the layers and storage only");
    for layer in LAYERS {
        let root = fs::read_to_string(source_root().join(layer).join("mod.rs")).unwrap();
        for line in code_only(&root)
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty())
        {
            assert!(
                line.starts_with("pub mod ") || line.starts_with("#[macro_use]"),
                "{layer}/mod.rs only lists its modules, found: {line}"
            );
        }
    }
}

/// The reader itself: a cycle written into a source is found.
#[test]
fn a_cycle_in_the_source_is_found() {
    let here = |p: &str| p.split("::").map(String::from).collect::<Vec<_>>();
    let a = named_modules(
        &code_only("use crate::{rules::dates::X, records::{model::Y}};\n// crate::views::x\nfn f() { super::status::g(); \"crate::exchange::y\"; }"),
        &here("rules::validate"),
    );
    let names: BTreeSet<String> = a
        .iter()
        .filter_map(|p| unit_of(p))
        .map(|p| p.join("::"))
        .collect();
    assert_eq!(
        names,
        BTreeSet::from([
            "rules::dates".to_string(),
            "records::model".to_string(),
            "rules::status".to_string(),
        ])
    );
    let edges = BTreeMap::from([
        (1, BTreeSet::from([2])),
        (2, BTreeSet::from([3])),
        (3, BTreeSet::from([1])),
    ]);
    assert_eq!(find_cycle(&edges), Some(vec![1, 2, 3, 1]));
    let edges = BTreeMap::from([(1, BTreeSet::from([2])), (2, BTreeSet::new())]);
    assert_eq!(find_cycle(&edges), None);
}

/// Every sort goes through `records::sorting`, so the wasm holds one copy of the standard sort
/// (each `slice::sort_by` with its own closure compiles another, ~9 KB). Test code may sort as
/// it likes.
#[test]
fn the_standard_sort_is_called_only_by_records_sorting() {
    fn walk(dir: &Path, out: &mut Vec<PathBuf>) {
        for entry in fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            let name = path.file_name().unwrap().to_string_lossy().into_owned();
            if path.is_dir() {
                if !["tests", "examples", "target"].contains(&name.as_str()) {
                    walk(&path, out);
                }
            } else if name.ends_with(".rs") && name != "tests.rs" && !name.ends_with("_tests.rs") {
                out.push(path);
            }
        }
    }
    // The app's source (src/), the core included.
    let src = source_root().parent().unwrap().to_path_buf();
    let mut files = Vec::new();
    walk(&src, &mut files);
    assert!(
        files.len() > 100,
        "the source was read: {} files",
        files.len()
    );
    let calls = [
        ".sort(",
        ".sort_by(",
        ".sort_by_key(",
        ".sort_by_cached_key(",
        ".sort_unstable(",
        ".sort_unstable_by(",
        ".sort_unstable_by_key(",
    ];
    let mut found = Vec::new();
    for file in files {
        if file.ends_with("records/sorting.rs") {
            continue;
        }
        let code = code_only(&fs::read_to_string(&file).unwrap());
        for call in calls {
            if code.contains(call) {
                found.push(format!("{} ({call})", file.display()));
            }
        }
    }
    assert!(
        found.is_empty(),
        "sorted without records::sorting: {found:#?}"
    );
}
