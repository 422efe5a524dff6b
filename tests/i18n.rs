//! Every translation key exists in every language, every file parses, and every key the code
//! asks for is defined: `tr!("…")`, `move_tr!("…")`, `tr!(i18n, "…")` (also as
//! `leptos_fluent::tr!`), and the ids of the core's messages (`Message::new("…")`, rendered by
//! the UI's table in src/ui/sharing/wording.rs). A missing translation fails here, natively.
//! Numbers and plurals are checked through the native renderer (tests/support/fluent.rs).

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

/// The literal first string argument of every call `name(` in the Rust files under `dir`,
/// with the file it is in. `with_i18n` also takes `name(ident, "…")`.
fn literal_calls(dir: &str, names: &[&str], with_i18n: bool) -> BTreeMap<String, String> {
    let mut files = Vec::new();
    rust_files(&root().join(dir), &mut files);
    let mut used = BTreeMap::new();
    for path in files {
        let text = fs::read_to_string(&path).unwrap();
        for name in names {
            for (at, _) in text.match_indices(name) {
                // "include_str!(" ends in "tr!(" too: the name must start a word
                // (`leptos_fluent::tr!(` does: a path before it is fine).
                let before = text[..at].chars().next_back();
                if before.is_some_and(|c| c.is_alphanumeric() || c == '_') {
                    continue;
                }
                // Examples in comments are not calls.
                let line_start = text[..at].rfind('\n').map_or(0, |i| i + 1);
                if text[line_start..at].contains("//") {
                    continue;
                }
                let mut rest = text[at + name.len()..].trim_start();
                // `tr!(i18n, "key", …)`: the I18n first, then the key.
                if with_i18n && !rest.starts_with('"') {
                    let ident_end = rest
                        .find(|c: char| !(c.is_alphanumeric() || c == '_'))
                        .unwrap_or(rest.len());
                    if ident_end > 0 && rest[ident_end..].trim_start().starts_with(',') {
                        rest = rest[ident_end..].trim_start()[1..].trim_start();
                    }
                }
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

/// The literal keys the UI translates, in every form the code uses.
fn keys_used() -> BTreeMap<String, String> {
    literal_calls("src", &["tr!(", "move_tr!("], true)
}

/// The ids of the core's messages (`core::import::Message`), which the UI renders by id.
fn core_message_ids() -> BTreeMap<String, String> {
    let mut ids = literal_calls("src/core", &["Message::new("], false);
    // The UI names a few of its own messages the same way (a refusal of the browser).
    ids.extend(literal_calls("src/ui", &["Message::new("], false));
    ids
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
fn the_scan_finds_every_form_of_call() {
    let used = keys_used();
    // tr!(i18n, "…") (text.rs), move_tr!("…") in views, leptos_fluent::tr!(i18n, "…").
    for key in [
        "status-draft",
        "sharing-title",
        "language-switch-to",
        "import-empty",
    ] {
        assert!(used.contains_key(key), "{key} not found by the scan");
    }
    assert!(core_message_ids().contains_key("import-not-json"));
}

#[test]
fn every_message_of_the_core_is_translated_and_rendered_by_the_ui() {
    let ids = core_message_ids();
    assert!(ids.len() > 40, "the scan found {} ids", ids.len());
    for language in LANGUAGES {
        let defined = messages(language);
        let missing: Vec<String> = ids
            .iter()
            .filter(|(id, _)| !defined.contains_key(*id))
            .map(|(id, file)| format!("{id} (named in {file})"))
            .collect();
        assert!(
            missing.is_empty(),
            "{language} lacks:\n{}",
            missing.join("\n")
        );
    }
    // src/ui/sharing/wording.rs::message has a tr! line for each (else the id itself is shown):
    // a tr! of the same key elsewhere (ui/text.rs words the forms' problems too) does not count.
    let rendered = literal_calls("src/ui/sharing", &["tr!("], true);
    let unrendered: Vec<&String> = ids
        .keys()
        .filter(|id| !rendered.contains_key(*id))
        .collect();
    assert!(unrendered.is_empty(), "no tr! line renders {unrendered:?}");
}

mod fluent {
    use phoihop::core::exchange::import::{Arg, Message};
    use phoihop::core::views::numbers::format_number;
    include!("support/fluent.rs");
}

fn count_in(
    bundle: &fluent_bundle::FluentBundle<fluent_bundle::FluentResource>,
    id: &str,
    n: usize,
) -> String {
    let mut args = fluent_bundle::FluentArgs::new();
    args.set("count", n);
    fluent::render(bundle, id, &args)
}

#[test]
fn counts_are_written_and_pluralised_per_language() {
    let vi = fluent::bundle("vi");
    let en = fluent::bundle("en");
    assert_eq!(count_in(&en, "sharing-count-agreements", 1), "1 agreement");
    assert_eq!(count_in(&en, "sharing-count-agreements", 2), "2 agreements");
    assert_eq!(
        count_in(&en, "sharing-count-agreements", 1234),
        "1,234 agreements"
    );
    assert_eq!(
        count_in(&vi, "sharing-count-agreements", 1234),
        "1.234 văn bản"
    );
    assert_eq!(count_in(&en, "sharing-count-people", 1), "1 person");
    assert_eq!(count_in(&en, "sharing-count-people", 0), "0 people");
    assert_eq!(count_in(&en, "sharing-apply", 1), "Import 1 change");
    assert_eq!(
        count_in(&en, "sharing-apply", 50000),
        "Import 50,000 changes"
    );
    assert_eq!(
        count_in(&vi, "sharing-apply", 50000),
        "Nhập 50.000 thay đổi"
    );
    assert_eq!(
        count_in(&en, "storage-restored", 1),
        "Restored: 1 record changed."
    );
    // Decimals bounded by NUMBER(): the share of storage used, megabytes.
    let mut args = fluent_bundle::FluentArgs::new();
    args.set("percent", 12.34);
    args.set("backups", 0.1);
    assert!(
        fluent::render(&vi, "storage-usage-share", &args).starts_with(
            "Đã dùng 12,3% bộ nhớ mà trình duyệt dành cho Phối hợp (riêng các bản sao lưu: 0,1%)."
        )
    );
    assert!(
        fluent::render(&en, "storage-usage-share", &args).starts_with(
            "Phối hợp is using 12.3% of the room the browser gives it (backups alone: 0.1%)."
        )
    );
    let mut args = fluent_bundle::FluentArgs::new();
    args.set("size", 1536.0 / 1024.0);
    assert_eq!(fluent::render(&vi, "sharing-size-mb", &args), "1,5 MB");
    assert_eq!(fluent::render(&en, "sharing-size-mb", &args), "1.5 MB");
    // Two counts in one sentence, each with its own plural.
    let mut args = fluent_bundle::FluentArgs::new();
    args.set("reverted", 1);
    args.set("removed", 3);
    assert_eq!(
        fluent::render(&en, "sharing-undone", &args),
        "Import undone: 1 record is back as it was, 3 records the file had added were removed."
    );
    assert_eq!(
        fluent::render(&vi, "sharing-undone", &args),
        "Đã hoàn tác lần nhập: 1 bản ghi trở lại như trước, 3 bản ghi do tệp thêm vào đã được bỏ."
    );
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
