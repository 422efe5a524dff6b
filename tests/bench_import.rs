//! A benchmark, not a test: it asserts nothing about time. It imports a generated ~5 MB export
//! into a dataset of similar size (parse + validate + merge preview + apply in memory) and, in
//! the same run and the same browser, times the browser's own JSON.parse of the same file.
//! Run (release, as shipped): see docs/benchmarks.md.
#![cfg(target_arch = "wasm32")]

use phoihop::core::sample_data::support::{median, stamp};
use uuid::Uuid;
use wasm_bindgen::JsValue;
use wasm_bindgen_test::*;

use phoihop::core::exchange::import::{apply, preview, read_file, Fingerprints, Group};
use phoihop::core::exchange::merge::Choice;
use phoihop::core::records::workspace::Dataset;
use phoihop::core::sample_data::generate;

wasm_bindgen_test_configure!(run_in_browser);

fn now_ms() -> f64 {
    web_sys::window()
        .and_then(|w| w.performance())
        .map(|p| p.now())
        .expect("performance.now")
}

#[wasm_bindgen_test]
fn import_of_a_5_mb_export_against_json_parse() {
    // Both offices start from the same data; each then works on its own for a while.
    let (text, local) = generate::two_offices_apart();
    let local_size: usize = phoihop::core::storage::all_keys(&local).len();
    // The file as the browser holds it: bytes from File.arrayBuffer(), text for JSON.parse.
    let bytes_js = js_sys::Uint8Array::from(text.as_bytes());
    let text_js = JsValue::from_str(&text);
    // Called on the JS string itself, so no Rust-to-JS copy is timed on its side.
    let json_parse = js_sys::Function::new_with_args("s", "return JSON.parse(s)");

    // The office's fingerprints, taken once as the sharing page does when it opens; each
    // import below brings them up to date first (no record changed, so that is a check only).
    let t = now_ms();
    let mut known = Fingerprints::of(&local);
    let fingerprinting = now_ms() - t;

    let rounds = 7;
    let mut parse_runs = Vec::new();
    let mut import_runs = Vec::new();
    let mut read_runs = Vec::new();
    let mut preview_runs = Vec::new();
    let mut apply_runs = Vec::new();
    let mut cold_runs = Vec::new();
    let mut cold_read_runs = Vec::new();
    let mut value_runs = Vec::new();
    let mut empty_runs = Vec::new();
    let mut empty_read_runs = Vec::new();
    let mut empty_written = 0;
    let mut counts = String::new();
    let mut results = Vec::new();
    let here = stamp(0xA, 1_700_000_000).office;
    for round in 0..rounds {
        let t0 = now_ms();
        let parsed = json_parse.call1(&JsValue::NULL, &text_js);
        let t1 = now_ms();
        assert!(parsed.is_ok());
        parse_runs.push(t1 - t0);
        // Ours starts from the bytes in JS (as File.arrayBuffer() gives them): the copy counts.
        let mut data = local.clone();
        let t2 = now_ms();
        let bytes = bytes_js.to_vec();
        known.refresh(&data);
        let file = read_file(bytes, &data, here, &known).expect("a valid export");
        let t3 = now_ms();
        let p = preview(&file, &data);
        let t4 = now_ms();
        let choices = p
            .in_group(Group::Conflict)
            .map(|e| (e.key, Choice::TakeTheirs))
            .collect();
        let applied = apply(
            &mut data,
            &file,
            &choices,
            stamp(0xA, 1_700_000_010),
            Uuid::new_v4,
        )
        .unwrap();
        let t5 = now_ms();
        read_runs.push(t3 - t2);
        preview_runs.push(t4 - t3);
        apply_runs.push(t5 - t4);
        import_runs.push(t5 - t2);
        results.push(data);

        // The same without fingerprints (a first import before they are taken): every record read.
        let mut cold = local.clone();
        let t8 = now_ms();
        let bytes = bytes_js.to_vec();
        let file = read_file(bytes, &cold, here, &Fingerprints::default()).expect("a valid export");
        let t9 = now_ms();
        let p = preview(&file, &cold);
        let choices = p
            .in_group(Group::Conflict)
            .map(|e| (e.key, Choice::TakeTheirs))
            .collect();
        apply(
            &mut cold,
            &file,
            &choices,
            stamp(0xA, 1_700_000_010),
            Uuid::new_v4,
        )
        .unwrap();
        let t10 = now_ms();
        cold_read_runs.push(t9 - t8);
        cold_runs.push(t10 - t8);

        // A first import, into an office with no data yet: every record read, new and written.
        let mut empty = Dataset::default();
        let t11 = now_ms();
        let bytes = bytes_js.to_vec();
        let file =
            read_file(bytes, &empty, here, &Fingerprints::default()).expect("a valid export");
        let t12 = now_ms();
        let p_empty = preview(&file, &empty);
        let written = apply(
            &mut empty,
            &file,
            &Default::default(),
            stamp(0xA, 1_700_000_010),
            Uuid::new_v4,
        )
        .unwrap()
        .written
        .len();
        let t13 = now_ms();
        assert!(
            written >= p_empty.count(Group::New),
            "every new record is written"
        );
        empty_written = written;
        empty_read_runs.push(t12 - t11);
        empty_runs.push(t13 - t11);

        // The floor for any Rust reader: a generic JSON tree of the same bytes, nothing checked.
        let t6 = now_ms();
        let tree: serde_json::Value = serde_json::from_slice(&bytes_js.to_vec()).unwrap();
        let t7 = now_ms();
        assert!(tree.is_object());
        value_runs.push(t7 - t6);
        if round == 0 {
            assert!(cold == results[0], "fingerprints change nothing imported");
            counts = format!(
                "conflicts {}, new {}, newer {}, deleted {}, local newer {}, identical {}; written {}",
                p.count(Group::Conflict),
                p.count(Group::New),
                p.count(Group::IncomingNewer),
                p.count(Group::DeletedInFile),
                p.count(Group::LocalNewer),
                p.count(Group::Identical),
                applied.written.len()
            );
        }
    }
    let (parse, import) = (median(parse_runs), median(import_runs));
    console_log!(
        "BENCH file {:.2} MB ({} bytes), local store {} records; {}",
        text.len() as f64 / 1_048_576.0,
        text.len(),
        local_size,
        counts
    );
    let tree = median(value_runs);
    let cold = median(cold_runs);
    console_log!(
        "BENCH median of {rounds}: JSON.parse {:.1} ms; import {:.1} ms (read+validate {:.1}, preview {:.1}, apply {:.1}); ratio {:.2}x",
        parse,
        import,
        median(read_runs),
        median(preview_runs),
        median(apply_runs),
        import / parse,
    );
    console_log!(
        "BENCH without fingerprints: import {:.1} ms (read+validate {:.1}); ratio {:.2}x; taking the fingerprints of the store once {:.1} ms ({:.2}x JSON.parse); serde_json::Value of the same bytes {:.1} ms ({:.2}x JSON.parse)",
        cold,
        median(cold_read_runs),
        cold / parse,
        fingerprinting,
        fingerprinting / parse,
        tree,
        tree / parse
    );
    let empty = median(empty_runs);
    console_log!(
        "BENCH first import into an empty office ({empty_written} records written): import {:.1} ms (read+validate {:.1}); ratio {:.2}x",
        empty,
        median(empty_read_runs),
        empty / parse,
    );
}
