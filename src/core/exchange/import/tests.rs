use std::path::{Path, PathBuf};

use chrono::DateTime;
use uuid::Uuid;

use super::*;
use crate::exchange::file_format::{export, selection, Header, Scope, SCHEMA_VERSION};
use crate::exchange::merge::Choice;
use crate::exchange::migrate::SCHEMA_VERSIONS;
use crate::records::meta::Meta;
use crate::records::model::{Agreement, Organisation, OrganisationKind};
use crate::records::record::Record;
use crate::records::workspace::Stamp;
use crate::sample_data::sample::{regulation_2013_2017_id, sample_dataset};
use crate::sample_data::support::stamp;
use crate::storage::{self, MemoryStore};

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures")
}

fn office(n: u128, name: &str) -> OfficeProfile {
    OfficeProfile {
        id: Uuid::from_u128(n),
        name: name.into(),
    }
}

fn export_all(data: &Dataset, from: &OfficeProfile) -> String {
    export(
        data,
        &Header::new(
            from,
            Scope::All,
            DateTime::from_timestamp(1_700_000_000, 0).unwrap(),
        ),
        None,
    )
}

/// Reads a file four ways: with fingerprints of `local` and without, each by the quick scan
/// and the careful way only; and checks that all agree: a record recognised as ours must come
/// out exactly as if it had been read in full, and the quick scan must split exactly as the
/// careful way does. Every test here reads through this, so each also checks both.
fn read_file(bytes: &[u8], local: &Dataset) -> Result<IncomingFile, FileError> {
    read_file_as(bytes, local, BYSTANDER)
}

/// The office the tests read files for, unless they say: one that edited nothing.
const BYSTANDER: OfficeId = Uuid::from_u128(0xEEEE);

/// [`read_file`] for this office (`here`).
fn read_file_as(bytes: &[u8], local: &Dataset, here: OfficeId) -> Result<IncomingFile, FileError> {
    let known = Fingerprints::of(local);
    let cold = super::read_file(bytes, local, here, &Fingerprints::default());
    let warm = super::read_file(bytes, local, here, &known);
    same_reading(&cold, &warm);
    same_reading(
        &cold,
        &super::read_file_carefully(bytes, local, here, &Fingerprints::default()),
    );
    same_reading(
        &warm,
        &super::read_file_carefully(bytes, local, here, &known),
    );
    same_reading(&warm, &read_paced(bytes, local, here, &known));
    assert!(cold.as_ref().map_or(true, |c| c.recognised.is_empty()));
    if let Ok(file) = &warm {
        // A warning's record is the one at the start of its path.
        for warning in &file.warnings {
            if let (
                Some(record),
                Warning::MissingReference { path, .. } | Warning::BrokenRule { path, .. },
            ) = (warning.record(), warning)
            {
                let place = format!("{}.", file.places[&record]);
                assert!(path.starts_with(&place), "{path} is not about {place}");
            }
        }
    }
    warm
}

/// Reads a file as the page does, pausing before every record: each pause really suspends the
/// read (its future is pending once), so all it holds must survive the pause.
fn read_paced(
    bytes: &[u8],
    local: &Dataset,
    here: OfficeId,
    known: &Fingerprints,
) -> Result<IncomingFile, FileError> {
    use std::future::Future;
    use std::task::{Context, Poll, Waker};
    struct YieldOnce(bool);
    impl Future for YieldOnce {
        type Output = ();
        fn poll(mut self: std::pin::Pin<&mut Self>, _: &mut Context<'_>) -> Poll<()> {
            if std::mem::replace(&mut self.0, true) {
                Poll::Ready(())
            } else {
                Poll::Pending
            }
        }
    }
    struct EveryRecord {
        pauses: usize,
    }
    impl Pace for EveryRecord {
        fn due(&mut self) -> bool {
            true
        }
        fn pause(&mut self, done: usize, total: usize) -> impl Future<Output = ()> {
            // (A file the quick way gives up on is read again the careful way, from 0.)
            assert!(done <= total, "{done} of {total}");
            self.pauses += 1;
            YieldOnce(false)
        }
    }
    let mut pace = EveryRecord { pauses: 0 };
    let lent = (local, known);
    let mut polls = 0;
    let result = {
        let read = super::read_file_paced(bytes.to_vec(), &lent, here, &mut pace);
        let mut read = std::pin::pin!(read);
        let mut context = Context::from_waker(Waker::noop());
        loop {
            polls += 1;
            if let Poll::Ready(result) = read.as_mut().poll(&mut context) {
                break result;
            }
        }
    };
    if let Ok(file) = &result {
        // A pause before each record (and before the last checks).
        assert!(pace.pauses >= file.places.len(), "{} pauses", pace.pauses);
        assert_eq!(polls, pace.pauses + 1);
    }
    result
}

/// Two readings of one file give the same records, places and warnings, or the same refusal.
fn same_reading(a: &Result<IncomingFile, FileError>, b: &Result<IncomingFile, FileError>) {
    match (a, b) {
        (Ok(a), Ok(b)) => {
            assert_eq!(
                a.every_record_built(),
                b.every_record_built(),
                "the same records"
            );
            assert_eq!(a.places, b.places);
            assert_eq!(a.migrated_from, b.migrated_from);
            assert_eq!(a.warnings, b.warnings);
            assert_eq!(a.unlisted_warnings, b.unlisted_warnings);
            assert_eq!(a.header, b.header);
        }
        (Err(a), Err(b)) => assert_eq!(a, b, "the same refusal"),
        _ => panic!("one reading {a:?}, the other {b:?}"),
    }
}

fn new_ids() -> impl FnMut() -> Id {
    let mut n = 0xC0_0000u128;
    move || {
        n += 1;
        Uuid::from_u128(n)
    }
}

/// Reads, previews and applies a file choosing `choice` for every conflict: the whole pipeline.
fn import_all(
    data: &mut Dataset,
    bytes: &[u8],
    choice: Choice,
    by: Stamp,
) -> Result<Applied, FileError> {
    let file = read_file_as(bytes, data, by.office)?;
    let p = preview(&file, data);
    let choices = p
        .in_group(Group::Conflict)
        .map(|e| (e.key, choice))
        .collect();
    Ok(apply(data, &file, &choices, by, new_ids())
        .expect("every conflict decided")
        .value)
}

/// The files of a corpus folder (their `.expected` sidecars aside), in name order.
fn corpus(dir: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.is_file() && p.extension().is_some_and(|e| e != "expected"))
        .collect();
    files.sort();
    files
}

/// The sample, stored as this office (`by`) saves it: the store, its session and the data.
fn stored_sample(by: Stamp) -> (MemoryStore, storage::Session, Dataset) {
    let mut store = MemoryStore::default();
    let mut session = storage::Session::default();
    let data = sample_dataset();
    storage::save_records(
        &mut store,
        &data,
        &storage::all_keys(&data),
        &mut session,
        by,
    );
    (store, session, data)
}

// ---------------------------------------------------------------- fixtures of every schema version

/// Writes the fixture of the current schema if it does not exist yet (a released version's
/// fixture is never rewritten): `cargo test -- --ignored write_schema_fixture`.
#[test]
#[ignore]
fn write_schema_fixture() {
    let path = fixtures().join(format!("schema-v{SCHEMA_VERSION}.json"));
    if path.exists() {
        return;
    }
    let mut data = sample_dataset();
    // One field a later app added, to prove unknown fields survive.
    let mut a = data
        .agreements
        .get(&regulation_2013_2017_id())
        .unwrap()
        .clone();
    a.unknown.insert(
        "field_from_a_newer_app".into(),
        serde_json::json!({"kept": true}),
    );
    data.agreements.put(a);
    let text = export_all(&data, &office(0xF1, "Tỉnh Đoàn Trà Vinh"));
    std::fs::create_dir_all(fixtures()).unwrap();
    std::fs::write(path, text).unwrap();
}

#[test]
fn every_schema_version_ever_released_has_a_fixture_that_imports() {
    for &version in SCHEMA_VERSIONS {
        let path = fixtures().join(format!("schema-v{version}.json"));
        let bytes = std::fs::read(&path).unwrap_or_else(|_| panic!("missing {}", path.display()));
        let raw: serde_json::Value = serde_json::from_slice(&bytes).unwrap();
        assert_eq!(raw["schema_version"], version);
        let file = read_file(&bytes, &Dataset::default())
            .unwrap_or_else(|e| panic!("{}", vietnamese(&e.message())));
        assert_eq!(
            file.migrated_from,
            (version < SCHEMA_VERSION).then_some(version)
        );
        // Every record of the file is read: none dropped on the way.
        for collection in Collection::ALL {
            let in_file = raw[collection.as_str()].as_array().map_or(0, Vec::len);
            let read = file
                .places
                .keys()
                .filter(|k| k.collection == collection)
                .count();
            assert_eq!(read, in_file, "schema {version}, {}", collection.as_str());
        }
        assert!(file.warnings.is_empty(), "{:?}", file.warnings);
    }
}

#[test]
fn unknown_fields_in_a_file_are_kept_through_import_and_export() {
    let bytes = std::fs::read(fixtures().join("schema-v1.json")).unwrap();
    let mut data = Dataset::default();
    import_all(&mut data, &bytes, Choice::KeepMine, stamp(0xB, 10)).unwrap();
    let a = data.agreements.get(&regulation_2013_2017_id()).unwrap();
    assert_eq!(
        a.unknown["field_from_a_newer_app"],
        serde_json::json!({"kept": true})
    );
    let again = export_all(&data, &office(0xB, "B"));
    assert!(again.contains("\"field_from_a_newer_app\":{\"kept\":true}"));
}

// ---------------------------------------------------------------- the bad-file corpus

/// The .ftl files rendered natively, as the app renders them (see tests/support/fluent.rs).
mod fluent {
    use crate::exchange::import::{Arg, Message};
    use crate::views::numbers::format_number;
    include!("../../../../tests/support/fluent.rs");
}

fn vietnamese(message: &Message) -> String {
    fluent::render_message(&fluent::bundle("vi"), message)
}

fn english(message: &Message) -> String {
    fluent::render_message(&fluent::bundle("en"), message)
}

/// A few refusals in English: the same message, the other language's words and numbers.
#[test]
fn refusals_read_in_english_too() {
    let cases: [(&[u8], &str); 5] = [
        (b"", "The file is empty: there is nothing in it."),
        (
            b"{\"format\": \"phoihop\",",
            "The file is not valid JSON: the file ends part-way through; it may have been cut off (line 1, column 21).",
        ),
        (
            b"[1, 2]",
            "This is not a Phối hợp data file: the content is an array, not a JSON object.",
        ),
        (
            b"{\"format\": \"phoihop\", \"schema_version\": 99, \"app_version\": \"0.9.0\"}",
            "The file was made by Phối hợp 0.9.0 in format version 99; this Phối hợp 0.1.0 reads format versions up to 3 only. Update Phối hợp, then open the file again.",
        ),
        (
            b"{\"format\": \"phoihop\", \"schema_version\": \"1\"}",
            "The format version (\"schema_version\") must be a positive whole number; the file says \"1\".",
        ),
    ];
    for (bytes, expected) in cases {
        let error = read_file(bytes, &Dataset::default()).unwrap_err();
        assert_eq!(english(&error.message()), expected);
    }
    // Numbers as each language writes them: 1.500 in Vietnamese, 1,500 in English.
    let long = format!("{{\"format\": \"phoihop\",{}", "\n".repeat(1499));
    let error = read_file(long.as_bytes(), &Dataset::default()).unwrap_err();
    assert!(
        english(&error.message()).contains("(line 1,500, column 0)"),
        "{}",
        english(&error.message())
    );
    assert!(vietnamese(&error.message()).contains("(dòng 1.500, cột 0)"));
    // Nested parts (the problem, what was expected) and the value from the file.
    let dir = fixtures().join("bad");
    let mut seen = 0;
    for entry in std::fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() || path.extension().is_some_and(|e| e == "expected") {
            continue;
        }
        let Err(error) = read_file(&std::fs::read(&path).unwrap(), &Dataset::default()) else {
            continue;
        };
        // Every refusal of the corpus has its English words (the file's values stay as they are).
        let text = english(&error.message());
        assert_ne!(text, vietnamese(&error.message()), "{}", path.display());
        for word in [
            "Tệp",
            "tệp",
            "Sai cấu trúc",
            "phải là",
            "không phải",
            "trường",
            "dòng ",
        ] {
            assert!(!text.contains(word), "{}: {text}", path.display());
        }
        if let FileError::Schema { value: Some(_), .. } = error {
            assert!(text.contains(". Value in the file: "), "{text}");
            seen += 1;
        }
    }
    assert!(seen > 5);
}

/// Every file in tests/fixtures/bad/ must be refused with exactly the sentence in its
/// `.expected` sidecar, and the store must be byte-for-byte what it was.
#[test]
fn every_bad_file_is_refused_with_its_message_and_changes_nothing() {
    let files = corpus(&fixtures().join("bad"));
    assert!(files.len() >= 30, "the corpus has {} files", files.len());

    let (mut store, mut session, _) = stored_sample(stamp(0xB, 0));
    let stored_before = store.entries.clone();
    let mut failures = Vec::new();
    let vi = fluent::bundle("vi");
    for path in &files {
        let expected_path = path.with_extension("expected");
        let expected = std::fs::read_to_string(&expected_path)
            .unwrap_or_else(|_| panic!("missing {}", expected_path.display()));
        let bytes = std::fs::read(path).unwrap();
        let mut data = storage::load(&store).unwrap().data;
        let before = data.clone();
        let outcome = import_all(&mut data, &bytes, Choice::TakeTheirs, stamp(0xB, 10));
        match outcome {
            Err(error) if fluent::render_message(&vi, &error.message()) == expected.trim_end() => {}
            Err(error) => failures.push(format!(
                "{}:\n  expected: {}\n  got:      {}",
                path.display(),
                expected.trim_end(),
                fluent::render_message(&vi, &error.message())
            )),
            Ok(applied) => {
                // What a wrongly accepted file would have done: prove the check below can fail.
                storage::save_records(
                    &mut store,
                    &data,
                    &applied.written,
                    &mut session,
                    stamp(0xB, 10),
                );
                failures.push(format!("{}: accepted", path.display()));
            }
        }
        assert_eq!(data, before, "{}", path.display());
    }
    assert_eq!(store.entries, stored_before, "the store changed");
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// Every file in tests/fixtures/bad/taken/ is hostile but readable: it is imported as it is
/// (markup and `javascript:` stay plain text, a clock in 2099 is only a clock), its preview
/// shows exactly the warnings of its `.expected` (one a line), and what is stored loads back
/// equal, every such string in it byte for byte.
#[test]
fn every_taken_file_is_imported_as_it_is_with_its_warnings() {
    fn strings(value: &serde_json::Value, out: &mut Vec<String>) {
        match value {
            serde_json::Value::String(s) => out.push(s.clone()),
            serde_json::Value::Array(items) => items.iter().for_each(|v| strings(v, out)),
            serde_json::Value::Object(fields) => fields.values().for_each(|v| strings(v, out)),
            _ => {}
        }
    }
    let files = corpus(&fixtures().join("bad").join("taken"));
    assert!(files.len() >= 5, "{} taken files", files.len());
    let here = stamp(0xB, 10);
    for path in &files {
        let bytes = std::fs::read(path).unwrap();
        let expected = std::fs::read_to_string(path.with_extension("expected")).unwrap();
        let (mut store, mut session, mut data) = stored_sample(here);
        let file = read_file_as(&bytes, &data, here.office)
            .unwrap_or_else(|e| panic!("{}: {}", path.display(), vietnamese(&e.message())));
        let warnings: Vec<String> = file
            .warnings
            .iter()
            .map(|w| vietnamese(&w.message()))
            .collect();
        assert_eq!(
            warnings,
            expected.lines().collect::<Vec<_>>(),
            "{}",
            path.display()
        );
        let p = preview(&file, &data);
        assert!(!p.changes_nothing(), "{}", path.display());
        if path.to_string_lossy().contains("claims-our-edits") {
            assert_eq!(p.count(Group::Conflict), 1, "never taken silently");
        }
        let applied = import_all(&mut data, &bytes, Choice::KeepMine, here).unwrap();
        storage::save_records(&mut store, &data, &applied.written, &mut session, here);
        let loaded = storage::load(&store).unwrap();
        assert!(loaded.problems.is_empty(), "{}", path.display());
        assert_eq!(loaded.data, data, "{}", path.display());
        let mut kept = Vec::new();
        strings(
            &serde_json::from_str(&export_all(&loaded.data, &office(0xB, "B"))).unwrap(),
            &mut kept,
        );
        let mut given = Vec::new();
        strings(&serde_json::from_slice(&bytes).unwrap(), &mut given);
        for text in given
            .iter()
            .filter(|t| t.contains('<') || t.contains("javascript:"))
        {
            assert!(
                kept.contains(text),
                "{}: {text} was not kept",
                path.display()
            );
        }
    }
}

#[test]
fn a_file_over_the_limit_is_refused_with_its_size_before_it_is_read() {
    let mut big = vec![b' '; MAX_FILE_BYTES + 1];
    big[0] = b'{';
    let error = read_file(&big, &Dataset::default()).unwrap_err();
    assert_eq!(
        vietnamese(&error.message()),
        "Tệp quá lớn: 120,0 MB, vượt giới hạn 120 MB (không tệp nào Phối hợp xuất ra lớn đến vậy). Hãy kiểm tra xem có đúng là tệp cần nhập không."
    );
    assert_eq!(
        english(&error.message()),
        "The file is too large: 120.0 MB, over the limit of 120 MB (no file Phối hợp exports is that large). Check that this is the file you meant to import."
    );
    assert!(matches!(error, FileError::TooLarge { bytes, .. } if bytes == MAX_FILE_BYTES + 1));
}

// ---------------------------------------------------------------- merge through files

#[test]
fn importing_your_own_export_changes_nothing() {
    let mut data = sample_dataset();
    let a = office(0xA, "A");
    let text = export_all(&data, &a);
    let file = read_file(text.as_bytes(), &data).unwrap();
    let p = preview(&file, &data);
    assert!(p.changes_nothing());
    assert_eq!(p.count(Group::Identical), p.entries.len());
    // With fingerprints, every record is recognised: none is read again.
    assert_eq!(file.recognised.len(), p.entries.len());
    let before = data.clone();
    let applied = apply(
        &mut data,
        &file,
        &Default::default(),
        stamp(0xA, 5),
        new_ids(),
    )
    .unwrap();
    assert!(applied.written.is_empty());
    assert_eq!(data, before);
}

/// An export with each collection's records in reverse order (one record a line).
fn reversed_records(text: &str) -> String {
    let mut out: Vec<String> = Vec::new();
    let mut run: Vec<&str> = Vec::new();
    let flush = |run: &mut Vec<&str>, out: &mut Vec<String>| {
        let last = run.len().saturating_sub(1);
        for (i, line) in run.drain(..).rev().enumerate() {
            let record = line.strip_suffix(',').unwrap_or(line);
            out.push(if i < last {
                format!("{record},")
            } else {
                record.to_string()
            });
        }
    };
    for line in text.lines() {
        if line.starts_with("{\"id\":") {
            run.push(line);
        } else {
            flush(&mut run, &mut out);
            out.push(line.to_string());
        }
    }
    out.join("\n")
}

#[test]
fn records_out_of_id_order_are_recognised_found_and_walked_as_well() {
    let mut data = sample_dataset();
    let text = reversed_records(&export_all(&data, &office(0xA, "A")));
    assert_ne!(text, export_all(&data, &office(0xA, "A")));
    let file = read_file(text.as_bytes(), &data).unwrap();
    let all = file.places.len();
    assert_eq!(file.recognised.len(), all, "every record still ours");
    let key = RecordKey {
        collection: Collection::Agreements,
        id: regulation_2013_2017_id(),
    };
    assert!(file.recognised.contains_key(&key));
    assert_eq!(
        file.record::<Agreement>(&key.id).as_deref(),
        data.agreements.get(&key.id)
    );
    assert_eq!(preview(&file, &data).count(Group::Identical), all);
    // Ours edited meanwhile: found by the walk, at whatever place it has in the file.
    let mut edited = data.agreements.get(&key.id).unwrap().clone();
    edited.notes = "sửa khi đang xem trước".into();
    data.commit(edited, stamp(0xA, 7));
    let p = preview(&file, &data);
    assert_eq!(
        p.entries.iter().find(|e| e.key == key).unwrap().group,
        Group::LocalNewer
    );
    assert_eq!(p.count(Group::Identical), all - 1);
}

#[test]
fn a_record_recognised_as_ours_and_edited_here_before_apply_is_ours_no_more() {
    let mut data = sample_dataset();
    let text = export_all(&data, &office(0xA, "A"));
    let file = read_file(text.as_bytes(), &data).unwrap();
    let id = regulation_2013_2017_id();
    let key = RecordKey {
        collection: Collection::Agreements,
        id,
    };
    assert!(file.recognised.contains_key(&key));
    // Edited while the preview is open: the file's copy is now older than ours.
    let mut edited = data.agreements.get(&id).unwrap().clone();
    edited.notes = "sửa khi đang xem trước".into();
    data.commit(edited, stamp(0xA, 7));
    let p = preview(&file, &data);
    let entry = p.entries.iter().find(|e| e.key == key).unwrap();
    assert_eq!(entry.group, Group::LocalNewer);
    let before = data.clone();
    let applied = apply(
        &mut data,
        &file,
        &Default::default(),
        stamp(0xA, 8),
        new_ids(),
    )
    .unwrap();
    assert!(applied.written.is_empty());
    assert_eq!(data, before, "the edit made meanwhile is kept");
}

#[test]
fn a_record_recognised_as_ours_and_gone_here_before_apply_is_built_from_the_file() {
    // Recognised records are not built while read; if ours goes (an undo in another tab) before
    // the import is applied, the file's copy is built from its text and written back.
    let original = sample_dataset();
    let text = export_all(&original, &office(0xA, "A"));
    let file = read_file(text.as_bytes(), &original).unwrap();
    let id = regulation_2013_2017_id();
    let mut data = original.clone();
    data.agreements = Default::default();
    for other in original.agreements.iter_all().filter(|a| a.id() != id) {
        data.agreements.put(other.clone());
    }
    let p = preview(&file, &data);
    let key = RecordKey {
        collection: Collection::Agreements,
        id,
    };
    assert_eq!(
        p.entries.iter().find(|e| e.key == key).unwrap().group,
        Group::New
    );
    assert_eq!(p.count(Group::Identical), p.entries.len() - 1);
    let applied = apply(
        &mut data,
        &file,
        &Default::default(),
        stamp(0xA, 8),
        new_ids(),
    )
    .unwrap();
    assert_eq!(applied.written, vec![key]);
    assert_eq!(data, original);
}

#[test]
fn fingerprints_never_let_a_bad_record_through() {
    // A file of our own records with one of them altered: the altered one is not ours any more,
    // so it is read and checked in full, and its error is the one reported.
    let data = sample_dataset();
    let text = export_all(&data, &office(0xA, "A"));
    let first_agreement = text
        .find("\n\"agreements\":[\n")
        .expect("agreements in the file");
    let end = first_agreement + text[first_agreement..].find("\"end\":\"").unwrap();
    let bad = format!("{}\"end\":\"31/12/2022{}", &text[..end], &text[end + 17..]);
    let error = read_file(bad.as_bytes(), &data).unwrap_err();
    let FileError::Schema { path, .. } = &error else {
        panic!("a schema error, got {error:?}");
    };
    assert!(path.starts_with("agreements[0]."), "{path}");
}

#[test]
fn the_quick_scan_splits_every_layout_as_the_careful_way_does() {
    // Each variant is read four ways by `read_file` above (quick and careful, with and without
    // fingerprints), which must agree; `quick` says whether the quick scan takes the file at all
    // (else it falls back to the careful way, which is correct but slower).
    let data = sample_dataset();
    let known = Fingerprints::of(&data);
    let text = export_all(&data, &office(0xA, "A"));
    let value: serde_json::Value = serde_json::from_str(&text).unwrap();
    let mut edited = value.clone();
    edited["agreements"][0]["title"] =
        serde_json::json!("Nháy \" rồi ngoặc } ] { [, \\ và\nxuống dòng");
    let first_record = text.find("\n{").unwrap() + 1;
    let variants: Vec<(&str, String, bool)> = vec![
        ("as exported", text.clone(), true),
        (
            "pretty-printed",
            serde_json::to_string_pretty(&value).unwrap(),
            true,
        ),
        ("on one line", serde_json::to_string(&value).unwrap(), true),
        ("Windows line ends", text.replace('\n', "\r\n"), true),
        (
            "tabs and spaces between",
            text.replace(",\n", " ,\t\n "),
            true,
        ),
        (
            "brackets and escapes in strings",
            serde_json::to_string(&edited).unwrap(),
            true,
        ),
        (
            "a key written with an escape",
            text.replacen("\"agreements\"", "\"agr\\u0065ements\"", 1),
            true,
        ),
        (
            "a collection given twice",
            text.replacen("\n}\n", ",\n\"events\":[]\n}\n", 1),
            false,
        ),
        (
            "an unknown section",
            text.replacen("{\n", "{\n\"later\":{\"a\":[1,{\"b\":\"]\"}]},\n", 1),
            true,
        ),
        // A collection that is not a list, given again as a list: valid, read the careful way.
        (
            "a collection not a list, then a list",
            text.replacen("{\n", "{\n\"events\":{\"a\":1},\n", 1),
            false,
        ),
        // Not valid: the careful way finds and words the problem.
        (
            "a collection that is not a list",
            text.replacen("\n}\n", ",\n\"events\":{\"a\":1}\n}\n", 1),
            false,
        ),
        ("cut short", text[..text.len() / 2].to_string(), false),
        ("garbage after the end", format!("{text}x"), false),
        // Found by the fuzz target: a backslash as the last byte, inside a string.
        (
            "cut short after a backslash",
            format!("{}\\", &text[..first_record + 10]),
            false,
        ),
        // A record not ours is first taken to be its line: here the line holds two, which the
        // reader refuses, and the careful way reads the file.
        (
            "two records on one line",
            text.replacen("},\n{", "}, {", 1),
            true,
        ),
        (
            "a missing comma between records",
            text.replacen("},\n{", "}\n{", 1),
            false,
        ),
        ("a trailing comma", text.replacen("}\n]", "},\n]", 1), false),
        // Split by the quick scan, refused when the record is read: then read the careful way.
        (
            "a record with a piece cut out",
            format!(
                "{}{}",
                &text[..first_record + 40],
                &text[first_record + 60..]
            ),
            true,
        ),
        (
            "a raw control character in a string",
            text.replacen("\"title\":\"", "\"title\":\"\u{1}", 1),
            true,
        ),
    ];
    let mut bad_utf8 = text.clone().into_bytes();
    bad_utf8[first_record + text[first_record..].find("\"title\":\"").unwrap() + 9] = 0xFF;
    // Found by the fuzz target: a list given again later is never read, yet the file is refused.
    let mut bad_utf8_overridden = bad_utf8.clone();
    let end = bad_utf8_overridden.len() - 3;
    bad_utf8_overridden.splice(end..end, *b",\n\"organisations\":[]");
    let variants = variants
        .into_iter()
        .map(|(name, text, quick)| (name, text.into_bytes(), quick))
        .chain([
            ("bad UTF-8 in a record", bad_utf8, true),
            (
                "bad UTF-8 in a list given again",
                bad_utf8_overridden,
                false,
            ),
        ]);
    for (name, bytes, quick) in variants {
        assert_eq!(
            scan::split(&bytes, &known).is_some(),
            quick,
            "{name}: taken by the quick scan"
        );
        let reading = read_file(&bytes, &data);
        if [
            "as exported",
            "Windows line ends",
            "tabs and spaces between",
        ]
        .contains(&name)
        {
            let file = reading.unwrap();
            assert_eq!(file.recognised.len(), file.places.len(), "{name}: all ours");
        }
    }
}

#[test]
fn an_old_file_never_rolls_back_newer_edits_or_brings_back_deletions() {
    let mut data = sample_dataset();
    let old_file = export_all(&data, &office(0xA, "A"));
    let id = regulation_2013_2017_id();
    let mut a = data.agreements.get(&id).unwrap().clone();
    a.notes = "sửa sau khi xuất".into();
    data.commit(a, stamp(0xA, 10));
    let plan = data.plans_of(id)[0].id();
    data.delete::<Agreement>(plan, stamp(0xA, 11)).unwrap();
    let before = data.clone();
    let file = read_file(old_file.as_bytes(), &data).unwrap();
    let p = preview(&file, &data);
    assert_eq!(p.count(Group::LocalNewer), 2);
    assert!(p.changes_nothing());
    apply(
        &mut data,
        &file,
        &Default::default(),
        stamp(0xA, 12),
        new_ids(),
    )
    .unwrap();
    assert_eq!(data, before);
}

#[test]
fn the_preview_sorts_every_record_and_apply_then_undo_restores_exactly() {
    let base = sample_dataset();
    let b_office = office(0xB, "B");
    let reg = regulation_2013_2017_id();
    let plans: Vec<Id> = base.plans_of(reg).iter().map(|p| p.id()).collect();

    // B: edits plan 0, deletes plan 1, adds an organisation, edits plan 2 (which A edits too).
    let mut b = base.clone();
    let edit = |data: &mut Dataset, id: Id, notes: &str, s: Stamp| {
        let mut a = data.agreements.get(&id).unwrap().clone();
        a.notes = notes.into();
        data.commit(a, s);
    };
    edit(&mut b, plans[0], "B sửa", stamp(0xB, 1));
    b.delete::<Agreement>(plans[1], stamp(0xB, 2)).unwrap();
    let org = Organisation::new(
        Meta::new(Uuid::from_u128(0x77), stamp(0xB, 3).now),
        "Sở Ngoại vụ",
        "",
        OrganisationKind::Department,
    );
    b.commit(org, stamp(0xB, 3));
    edit(&mut b, plans[2], "B sửa kế hoạch 3", stamp(0xB, 4));
    let from_b = export_all(&b, &b_office);

    // A: edits plan 2 concurrently and plan 3 alone.
    let mut a = base.clone();
    edit(&mut a, plans[2], "A sửa kế hoạch 3", stamp(0xA, 5));
    edit(&mut a, plans[3], "A sửa kế hoạch 4", stamp(0xA, 6));
    let a_before = a.clone();

    let file = read_file(from_b.as_bytes(), &a).unwrap();
    let p = preview(&file, &a);
    let keys = |g| p.in_group(g).map(|e| e.key.id).collect::<Vec<_>>();
    assert_eq!(keys(Group::IncomingNewer), vec![plans[0]]);
    assert_eq!(keys(Group::DeletedInFile), vec![plans[1]]);
    assert_eq!(keys(Group::New), vec![Uuid::from_u128(0x77)]);
    assert_eq!(keys(Group::Conflict), vec![plans[2]]);
    assert_eq!(keys(Group::LocalNewer), vec![plans[3]]);
    assert_eq!(p.count(Group::Identical), p.entries.len() - 5);

    let conflict = p.in_group(Group::Conflict).next().unwrap().key;
    let detail = preview::conflict_detail(&a, &file, conflict).unwrap();
    let notes = detail.rows.iter().find(|r| r.path == "notes").unwrap();
    assert_eq!(
        (notes.mine.as_deref(), notes.theirs.as_deref()),
        (Some("A sửa kế hoạch 3"), Some("B sửa kế hoạch 3"))
    );
    assert!(detail
        .rows
        .iter()
        .filter(|r| r.differs())
        .all(|r| r.path == "notes" || r.path == "updated"));
    assert_eq!(detail.choices.len(), 3);

    // Nothing is written without a choice for the conflict.
    assert_eq!(
        apply(&mut a, &file, &Default::default(), stamp(0xA, 7), new_ids()).unwrap_err(),
        vec![conflict]
    );
    assert_eq!(a, a_before);

    let choices = [(conflict, Choice::KeepBoth)].into_iter().collect();
    let applied = apply(&mut a, &file, &choices, stamp(0xA, 7), new_ids()).unwrap();
    assert_eq!(applied.copies, 1);
    // The records to write are those it wrote; the keep-both choice made this office's entries.
    assert_eq!(applied.changed, applied.written);
    assert!(!applied.entries.is_empty());
    assert!(applied
        .entries
        .iter()
        .all(|(k, e)| e.office == stamp(0xA, 7).office && applied.written.contains(k)));
    assert_eq!(a.agreements.get(&plans[0]).unwrap().notes, "B sửa");
    assert!(!a.agreements.get(&plans[1]).unwrap().is_live());
    assert_eq!(
        a.agreements.get(&plans[2]).unwrap().notes,
        "A sửa kế hoạch 3"
    );
    assert_eq!(
        a.agreements.get(&plans[3]).unwrap().notes,
        "A sửa kế hoạch 4"
    );
    assert!(a.organisations.live(&Uuid::from_u128(0x77)).is_some());
    assert_eq!(
        a.agreements
            .iter_live()
            .filter(|x| x.notes == "B sửa kế hoạch 3")
            .count(),
        1,
        "the file's copy kept as a new record"
    );

    // The undo survives a round trip through storage as JSON, and puts back the exact state.
    let undo_json = serde_json::to_string(&applied.undo).unwrap();
    let undo_back: UndoImport = serde_json::from_str(&undo_json).unwrap();
    let undone = undo(&mut a, &undo_back).unwrap();
    assert_eq!(a, a_before);
    assert_eq!(undone.removed.len(), 2, "the new organisation and the copy");
}

/// Office A takes office B's whole export (conflicts: A keeps its own), at A's second 2.
fn import_from_b(a: &mut Dataset, b: &Dataset) -> Applied {
    let file = export_all(b, &office(0xB, "B"));
    import_all(a, file.as_bytes(), Choice::KeepMine, stamp(0xA, 2)).unwrap()
}

#[test]
fn undo_refuses_when_a_record_was_edited_after_the_import() {
    let base = sample_dataset();
    let mut b = base.clone();
    let id = regulation_2013_2017_id();
    let mut x = b.agreements.get(&id).unwrap().clone();
    x.notes = "B".into();
    b.commit(x, stamp(0xB, 1));
    let mut a = base.clone();
    let applied = import_from_b(&mut a, &b);
    let mut y = a.agreements.get(&id).unwrap().clone();
    y.notes = "A sửa sau khi nhập".into();
    a.commit(y, stamp(0xA, 3));
    let before = a.clone();
    assert_eq!(
        undo(&mut a, &applied.undo),
        Err(preview::UndoRefused::EditedSince(vec![RecordKey {
            collection: Collection::Agreements,
            id
        }]))
    );
    assert_eq!(a, before);
}

#[test]
fn references_missing_from_file_and_here_are_warnings_with_their_path() {
    let data = sample_dataset();
    // A selection of one plan leaves out its parent regulation, which a new office lacks.
    let plan = data.plans_of(regulation_2013_2017_id())[0].id();
    let keys = [RecordKey {
        collection: Collection::Agreements,
        id: plan,
    }]
    .into_iter()
    .collect();
    let text = export(
        &data,
        &Header::new(
            &office(0xA, "A"),
            Scope::All,
            DateTime::from_timestamp(0, 0).unwrap(),
        ),
        Some(&keys),
    );
    let file = read_file(text.as_bytes(), &Dataset::default()).unwrap();
    let messages: Vec<String> = file
        .warnings
        .iter()
        .map(|w| vietnamese(&w.message()))
        .collect();
    assert!(
        messages
            .iter()
            .any(|m| m.starts_with("agreements[0].parent trỏ tới bản ghi ")),
        "{messages:?}"
    );
    assert!(messages
        .iter()
        .any(|m| m.starts_with("agreements[0].parties[0].organisation")));
    // The same file into an office that has the sample: nothing is missing.
    assert!(read_file(text.as_bytes(), &data)
        .unwrap()
        .warnings
        .is_empty());
    // A full selection export carries what it refers to, apart from the previous period.
    let full = selection(
        &data,
        RecordKey {
            collection: Collection::Agreements,
            id: regulation_2013_2017_id(),
        },
    );
    let text = export(
        &data,
        &Header::new(
            &office(0xA, "A"),
            Scope::All,
            DateTime::from_timestamp(0, 0).unwrap(),
        ),
        Some(&full),
    );
    let warnings = read_file(text.as_bytes(), &Dataset::default())
        .unwrap()
        .warnings;
    assert!(warnings.iter().all(|w| matches!(w, Warning::MissingReference { path, .. } if path.contains("supersedes") || path.contains("agreements[") || path.contains("events[") || path.contains("recommendations["))), "{warnings:?}");
}

#[test]
fn a_deletion_of_a_record_still_used_here_is_flagged() {
    let base = sample_dataset();
    let reg = regulation_2013_2017_id();
    // A adds a plan under the regulation while B deletes the regulation (a tombstone written
    // directly stands for a deletion in an office where nothing used it any more).
    let mut a = base.clone();
    let mut plan = a.plans_of(reg)[0].clone();
    plan.meta = Meta::new(Uuid::from_u128(0x99), stamp(0xA, 2).now);
    plan.number = "99/KH".into();
    a.save_agreement(plan, stamp(0xA, 2)).unwrap().key();
    let mut b = base.clone();
    let mut tombstone = b.agreements.get(&reg).unwrap().clone();
    tombstone.meta.deleted = true;
    b.commit(tombstone, stamp(0xB, 3));
    let file = read_file(export_all(&b, &office(0xB, "B")).as_bytes(), &a).unwrap();
    let p = preview(&file, &a);
    let flagged: Vec<Id> = p.deletions_in_use.iter().map(|d| d.key.id).collect();
    assert_eq!(flagged, vec![reg]);
    assert!(p.deletions_in_use[0]
        .used_by
        .iter()
        .any(|k| k.id == Uuid::from_u128(0x99)));
}

#[test]
fn undo_refuses_to_remove_an_added_record_that_a_later_edit_uses() {
    let base = sample_dataset();
    let mut b = base.clone();
    let new_org = Uuid::from_u128(0x88);
    b.commit(
        crate::records::model::Organisation::new(
            crate::records::meta::Meta::new(new_org, stamp(0xB, 1).now),
            "Cơ quan mới của B",
            "",
            crate::records::model::OrganisationKind::Department,
        ),
        stamp(0xB, 1),
    );
    let mut a = base.clone();
    let applied = import_from_b(&mut a, &b);
    // After the import, A names the new organisation as a party of one of its plans.
    let plan = a.plans_of(regulation_2013_2017_id())[0].id();
    let mut p = a.agreements.get(&plan).unwrap().clone();
    p.parties.push(crate::records::model::Party {
        organisation: new_org,
        role: "phối hợp".into(),
        lead: false,
        unknown: Default::default(),
    });
    a.commit(p, stamp(0xA, 3));
    let before = a.clone();
    assert_eq!(
        undo(&mut a, &applied.undo),
        Err(preview::UndoRefused::StillUsed(vec![RecordKey {
            collection: Collection::Agreements,
            id: plan
        }]))
    );
    assert_eq!(a, before, "nothing changed");
}

mod hostile;
mod rules;

#[test]
fn a_byte_order_mark_is_skipped_and_records_ours_are_built_from_the_text_after_it() {
    let data = sample_dataset();
    let known = Fingerprints::of(&data);
    let text = export_all(&data, &office(0xA, "A"));
    let with_mark = format!("\u{FEFF}{text}").into_bytes();
    let plain = read_file(text.as_bytes(), &Dataset::default())
        .unwrap()
        .every_record_built();
    // Borrowed (the text copied) and owned (kept as it is, less the mark): the same records.
    let borrowed = read_file(&with_mark, &data).unwrap();
    let owned = super::read_file(with_mark.clone(), &data, BYSTANDER, &known).unwrap();
    for file in [borrowed, owned] {
        assert_eq!(file.recognised.len(), file.places.len());
        assert_eq!(file.every_record_built(), plain);
    }
}
mod history;

#[test]
fn the_names_of_offices_travel_in_the_header_and_older_files_carry_none() {
    use crate::records::known_offices::KnownOffices;
    let data = sample_dataset();
    let from = office(0xB, "Tỉnh Đoàn Trà Vinh");
    // B learned of C (from an earlier file) and exports: B's file names C.
    let mut known = KnownOffices::default();
    let at = DateTime::from_timestamp(1_600_000_000, 0).unwrap();
    known.learn(Uuid::from_u128(0xC), "Sở Y tế tỉnh Trà Vinh", at);
    let mut header = Header::new(&from, Scope::All, at);
    header.offices = known.for_export(from.id);
    let text = export(&data, &header, None);
    let file = read_file(text.as_bytes(), &Dataset::default()).unwrap();
    assert_eq!(file.header.offices, known);
    assert!(
        !file
            .warnings
            .iter()
            .any(|w| matches!(w, Warning::UnknownSection { .. })),
        "{:?}",
        file.warnings
    );
    // An export that knows no other office writes no such key, as older apps did.
    let older = export_all(&data, &from);
    assert!(!older.contains("\"offices\""));
    let file = read_file(older.as_bytes(), &Dataset::default()).unwrap();
    assert!(file.header.offices.is_empty());
    // A damaged list refuses the file, saying where.
    let damaged: String = text
        .lines()
        .map(|line| match line.strip_prefix("\"offices\":") {
            Some(rest) if rest.ends_with(',') => "\"offices\":\"Sở Y tế\",".to_string(),
            Some(_) => "\"offices\":\"Sở Y tế\"".to_string(),
            None => line.to_string(),
        })
        .collect::<Vec<_>>()
        .join("\n");
    match read_file(damaged.as_bytes(), &Dataset::default()) {
        Err(FileError::Schema { path, .. }) => assert!(path.starts_with("offices"), "{path}"),
        other => panic!("{:?}", other.map(|f| f.header)),
    }
}
