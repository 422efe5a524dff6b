//! The import benchmark's file and store (tests/bench_import.rs), natively: times `read_file`,
//! `preview` and `apply` (medians), for profiling with `perf` between browser runs.
//! `cargo run --release -p phoihop-core --example import_timing [rounds]`

use phoihop_core::sample_data::support::{median, stamp};
use std::time::Instant;

use uuid::Uuid;

use phoihop_core::exchange::import::{apply, preview, read_file, Fingerprints, Group};
use phoihop_core::exchange::merge::Choice;
use phoihop_core::sample_data::generate;

fn main() {
    let rounds: usize = std::env::args()
        .nth(1)
        .map(|a| a.parse().expect("a number"))
        .unwrap_or(15);
    let (text, local) = generate::two_offices_apart();
    if let Some(path) = std::env::var_os("WRITE_FILE") {
        std::fs::write(path, &text).expect("the file written");
    }
    let known = Fingerprints::of(&local);
    let here = stamp(0xA, 1_700_000_000).office;
    if std::env::var_os("READ_ONLY").is_some() {
        // Only the read, for a profile of it alone.
        for _ in 0..rounds {
            drop(read_file(text.as_bytes(), &local, here, &known).unwrap());
        }
        return;
    }
    let (mut parse, mut read, mut prev, mut appl) = (vec![], vec![], vec![], vec![]);
    for _ in 0..rounds {
        let t = Instant::now();
        let tree: serde_json::Value = serde_json::from_str(&text).unwrap();
        parse.push(t.elapsed().as_secs_f64() * 1e3);
        drop(tree);
        let mut data = local.clone();
        // As the browser hands them over: bytes of its own, which the file keeps.
        let bytes = text.as_bytes().to_vec();
        let t0 = Instant::now();
        let file = read_file(bytes, &data, here, &known).unwrap();
        let t1 = Instant::now();
        let p = preview(&file, &data);
        let t2 = Instant::now();
        let choices = p
            .in_group(Group::Conflict)
            .map(|e| (e.key, Choice::TakeTheirs))
            .collect();
        apply(
            &mut data,
            &file,
            &choices,
            stamp(0xA, 1_700_000_010),
            Uuid::new_v4,
        )
        .unwrap();
        let t3 = Instant::now();
        read.push((t1 - t0).as_secs_f64() * 1e3);
        prev.push((t2 - t1).as_secs_f64() * 1e3);
        appl.push((t3 - t2).as_secs_f64() * 1e3);
    }
    let (read, prev, appl) = (median(read), median(prev), median(appl));
    println!(
        "file {} bytes; serde_json::Value {:.2} ms; read {read:.2} ms, preview {prev:.2} ms, apply {appl:.2} ms; import {:.2} ms",
        text.len(),
        median(parse),
        read + prev + appl
    );
}
