//! Every translation key exists in every language, every file parses, and every key the code
//! asks for (`tr!("…")`, `move_tr!("…")`) is defined. A missing translation fails here, natively.

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::{Path, PathBuf};

use fluent_syntax::ast::Entry;

const LANGUAGES: [&str; 2] = ["vi", "en"];

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Message ids of every .ftl file of `language`, with the file each comes from.
fn messages(language: &str) -> BTreeMap<String, String> {
    let dir = root().join("locales").join(language);
    let mut ids = BTreeMap::new();
    let mut files: Vec<_> = fs::read_dir(&dir)
        .expect("locales dir")
        .map(|e| e.unwrap().path())
        .collect();
    files.sort();
    for path in files
        .into_iter()
        .filter(|p| p.extension().is_some_and(|e| e == "ftl"))
    {
        let text = fs::read_to_string(&path).unwrap();
        let resource = match fluent_syntax::parser::parse(text.as_str()) {
            Ok(r) => r,
            Err((_, errors)) => panic!("{}: {errors:?}", path.display()),
        };
        for entry in resource.body {
            if let Entry::Message(m) = entry {
                let name = path.file_name().unwrap().to_string_lossy().to_string();
                if let Some(previous) = ids.insert(m.id.name.to_string(), name.clone()) {
                    panic!(
                        "{language}: “{}” is defined in {previous} and again in {name}",
                        m.id.name
                    );
                }
            }
        }
    }
    ids
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// The literal keys the code translates.
fn keys_used() -> BTreeMap<String, String> {
    let mut files = Vec::new();
    rust_files(&root().join("src"), &mut files);
    let mut used = BTreeMap::new();
    for path in files {
        let text = fs::read_to_string(&path).unwrap();
        for macro_name in ["tr!(", "move_tr!("] {
            for (at, _) in text.match_indices(macro_name) {
                // "include_str!(" ends in "tr!(" too: the macro name must start a word.
                let before = text[..at].chars().next_back();
                if before.is_some_and(|c| c.is_alphanumeric() || c == '_') {
                    continue;
                }
                // Examples in comments are not calls.
                let line_start = text[..at].rfind('\n').map_or(0, |i| i + 1);
                if text[line_start..at].contains("//") {
                    continue;
                }
                let rest = text[at + macro_name.len()..].trim_start();
                // Only literal keys; a computed key is checked where its table is defined.
                if let Some(stripped) = rest.strip_prefix('"') {
                    let key = &stripped[..stripped.find('"').unwrap()];
                    used.insert(
                        key.to_string(),
                        path.strip_prefix(root()).unwrap().display().to_string(),
                    );
                }
            }
        }
    }
    used
}

#[test]
fn every_language_has_the_same_keys() {
    let sets: Vec<(&str, BTreeSet<String>)> = LANGUAGES
        .iter()
        .map(|l| (*l, messages(l).into_keys().collect()))
        .collect();
    let all: BTreeSet<String> = sets.iter().flat_map(|(_, s)| s.iter().cloned()).collect();
    let mut missing = Vec::new();
    for (language, keys) in &sets {
        for key in all.difference(keys) {
            missing.push(format!("{language}: {key}"));
        }
    }
    assert!(
        missing.is_empty(),
        "translations missing:\n{}",
        missing.join("\n")
    );
    assert!(!all.is_empty());
}

#[test]
fn every_key_the_code_uses_is_translated() {
    let used = keys_used();
    assert!(
        !used.is_empty(),
        "no tr!/move_tr! call found: the scan is broken"
    );
    for language in LANGUAGES {
        let defined = messages(language);
        let missing: Vec<String> = used
            .iter()
            .filter(|(k, _)| !defined.contains_key(*k))
            .map(|(k, file)| format!("{k} (used in {file})"))
            .collect();
        assert!(
            missing.is_empty(),
            "{language} lacks:\n{}",
            missing.join("\n")
        );
    }
}
