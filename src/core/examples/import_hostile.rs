//! Hostile files through the import (read → preview → apply), natively, at two or more sizes, so
//! that work growing faster than the file shows. Each file puts one rule that compares records
//! with each other at its worst:
//!
//! - `numbers`: agreements that all carry the number "1" and name the same missing organisation
//!   (`generate::same_number_file`; 70,000 of them make an 18–20 MB file);
//! - `chain`: agreements each superseding the one before;
//! - `areas`: one agreement with half the records as areas, and recommendations about them;
//! - `deletions`: tombstones, newer than ours, of every organisation and person of a large
//!   office, all still used by its agreements.
//!
//! `cargo run --release -p phoihop-core --example import_hostile [numbers|chain|areas|deletions] [count…]`

use std::time::Instant;

use chrono::DateTime;
use uuid::Uuid;

use phoihop_core::exchange::file_format::{export, Header, Scope};
use phoihop_core::exchange::import::{apply, preview, read_file, Fingerprints, Group};
use phoihop_core::exchange::merge::Choice;
use phoihop_core::records::record::Record;
use phoihop_core::records::workspace::{Dataset, OfficeProfile, Stamp};
use phoihop_core::sample_data::generate;

const TIME: &str = "2023-11-14T22:13:20Z";
const SENDER: u128 = 0xB;

fn id(n: usize, kind: u128) -> Uuid {
    Uuid::from_u128((kind << 64) | n as u128 | 0x4000_8000_0000_0000)
}

/// A file of the given records, each a JSON object without its envelope's braces.
fn file(collections: &[(&str, Vec<String>)]) -> String {
    let office = OfficeProfile {
        id: Uuid::from_u128(SENDER),
        name: "Đơn vị gửi".into(),
    };
    let now = DateTime::from_timestamp(1_700_000_000, 0).unwrap();
    let mut text = export(
        &Dataset::default(),
        &Header::new(&office, Scope::All, now),
        None,
    );
    for (name, records) in collections {
        let list = format!("\"{name}\":[\n{}\n]", records.join(",\n"));
        text = text.replacen(&format!("\"{name}\":[]"), &list, 1);
    }
    text
}

fn envelope(id: Uuid) -> String {
    format!(
        r#""id":"{id}","created":"{TIME}","updated":"{TIME}","version":{{"{}":1}}"#,
        Uuid::from_u128(SENDER)
    )
}

fn chain(count: usize) -> (String, Dataset) {
    let records = (0..count)
        .map(|i| {
            let before = i
                .checked_sub(1)
                .map_or("null".into(), |b| format!("\"{}\"", id(b, 1)));
            format!(
                r#"{{{},"title":"Quy chế giai đoạn {i}","supersedes":{before}}}"#,
                envelope(id(i, 1))
            )
        })
        .collect();
    (file(&[("agreements", records)]), Dataset::default())
}

fn areas(count: usize) -> (String, Dataset) {
    let areas: Vec<String> = (0..count / 2)
        .map(|i| format!(r#"{{"id":"{}","title":"Nội dung {i}"}}"#, id(i, 2)))
        .collect();
    let agreement = format!(
        r#"{{{},"title":"Quy chế phối hợp","areas":[{}]}}"#,
        envelope(id(0, 1)),
        areas.join(",")
    );
    let recommendations = (0..count / 2)
        .map(|i| {
            format!(
                r#"{{{},"content":"Kiến nghị {i}","agreement":"{}","area":"{}"}}"#,
                envelope(id(i, 3)),
                id(0, 1),
                id(count / 2 - 1 - i, 2)
            )
        })
        .collect();
    (
        file(&[
            ("agreements", vec![agreement]),
            ("recommendations", recommendations),
        ]),
        Dataset::default(),
    )
}

fn deletions(count: usize) -> (String, Dataset) {
    fn tombstones<T: Record>(records: impl Iterator<Item = T>) -> Vec<String> {
        records
            .map(|mut gone| {
                gone.meta_mut().deleted = true;
                gone.meta_mut().version.bump(Uuid::from_u128(SENDER));
                serde_json::to_string(&gone).unwrap()
            })
            .collect()
    }
    let local = generate::dataset(count / 2, count, 5);
    let text = file(&[
        (
            "organisations",
            tombstones(local.organisations.iter_all().cloned()),
        ),
        ("people", tombstones(local.people.iter_all().cloned())),
    ]);
    (text, local)
}

fn main() {
    let mut args = std::env::args().skip(1).peekable();
    let kind = match args.peek().map(String::as_str) {
        Some("numbers" | "chain" | "areas" | "deletions") => args.next().unwrap(),
        _ => "numbers".into(),
    };
    let counts: Vec<usize> = args.map(|a| a.parse().expect("a number")).collect();
    let counts = if counts.is_empty() {
        vec![7_000, 70_000]
    } else {
        counts
    };
    for count in counts {
        let (text, local) = match kind.as_str() {
            "chain" => chain(count),
            "areas" => areas(count),
            "deletions" => deletions(count),
            _ => (generate::same_number_file(count), Dataset::default()),
        };
        let t0 = Instant::now();
        let here = Uuid::from_u128(0xA);
        let file = read_file(text.as_bytes(), &local, here, &Fingerprints::default()).unwrap();
        let t1 = Instant::now();
        let p = preview(&file, &local);
        let t2 = Instant::now();
        let mut data = local.clone();
        let stamp = Stamp {
            office: here,
            now: DateTime::from_timestamp(1_700_000_000, 0).unwrap(),
        };
        let choices = p
            .in_group(Group::Conflict)
            .map(|e| (e.key, Choice::TakeTheirs))
            .collect();
        apply(&mut data, &file, &choices, stamp, Uuid::new_v4).unwrap();
        let t3 = Instant::now();
        let ms = |d: std::time::Duration| d.as_secs_f64() * 1e3;
        println!(
            "{kind} {count}: {:.1} MB, {} records; read {:.0} ms, preview {:.0} ms, apply {:.0} ms; {} warnings ({} listed), {} deletions in use",
            text.len() as f64 / 1e6,
            p.entries.len(),
            ms(t1 - t0),
            ms(t2 - t1),
            ms(t3 - t2),
            file.warning_count(),
            file.warnings.len(),
            p.deletions_in_use.len(),
        );
    }
}
