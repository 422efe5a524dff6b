//! Storage benchmark (figures, not a timed test): capacity of the compact layout, units written
//! and time per single edit with 1,000 and 50,000 events stored, load time of the 50,000-event
//! store against an empty one. Results go to docs/benchmarks.md ("Storage").
//!
//! - native (MemoryStore): `cargo test --release --test bench_storage -- --ignored --nocapture`
//! - in Chromium (real localStorage, wasm):
//!   `CHROMEDRIVER=/usr/bin/chromedriver WASM_BINDGEN_TEST_TIMEOUT=600 cargo test --release --target wasm32-unknown-unknown --test bench_storage`

use phoihop::core::records::event::Event;
use phoihop::core::records::record::Record;
use phoihop::core::records::workspace::Dataset;
use phoihop::core::sample_data::generate;
use phoihop::core::sample_data::support::stamp;
use phoihop::core::storage::{
    self, all_keys, load, save_records, KeyValueStore, Session, QUOTA_UNITS,
};

#[cfg(target_arch = "wasm32")]
use wasm_bindgen_test::*;
#[cfg(target_arch = "wasm32")]
wasm_bindgen_test_configure!(run_in_browser);

#[cfg(target_arch = "wasm32")]
fn millis() -> f64 {
    web_sys::window().unwrap().performance().unwrap().now()
}
#[cfg(not(target_arch = "wasm32"))]
fn millis() -> f64 {
    use std::sync::OnceLock;
    static START: OnceLock<std::time::Instant> = OnceLock::new();
    START
        .get_or_init(std::time::Instant::now)
        .elapsed()
        .as_secs_f64()
        * 1000.0
}

#[cfg(target_arch = "wasm32")]
macro_rules! say { ($($t:tt)*) => { wasm_bindgen_test::console_log!($($t)*) } }
#[cfg(not(target_arch = "wasm32"))]
macro_rules! say { ($($t:tt)*) => { println!($($t)*) } }

/// Layout 1's size for the same data: one JSON key per record.
fn layout_1_units(data: &Dataset) -> usize {
    all_keys(data)
        .into_iter()
        .map(|k| {
            let json = storage::record_value(data, k).unwrap().to_string();
            storage::utf16_units(
                &format!("phoihop/r/{}/{}", k.collection.as_str(), k.id),
                &json,
            )
        })
        .sum()
}

/// Saves `data` whole, then makes `edits` single edits of events spread over the store.
fn run(store: &mut impl KeyValueStore, events: usize, edits: usize) {
    let started = millis();
    let mut data = generate::large(2_000, events, 7);
    let generated = millis();
    let mut session = Session::default();
    let report = save_records(
        store,
        &data,
        &all_keys(&data),
        &mut session,
        stamp(1, 1_800_000_000),
    );
    assert_eq!(report.error, None, "{events} events do not fit");
    let saved = millis();
    let used = session.units_used();
    say!(
        "{events} events + 2000 agreements: {} records, stored in {} UTF-16 units = {:.1}% of {QUOTA_UNITS} (layout 1 would need {}); {} keys; bulk save {:.0} ms (generation {:.0} ms)",
        all_keys(&data).len(),
        used,
        used as f64 * 100.0 / QUOTA_UNITS as f64,
        layout_1_units(&data),
        session.sizes.len(),
        saved - generated,
        generated - started
    );
    // Single edits, each on its own, spread over the store.
    let ids: Vec<_> = data.events.iter_all().map(|e| e.id()).collect();
    let mut units = Vec::new();
    let mut times = Vec::new();
    for i in 0..edits {
        let id = ids[(i * 7919) % ids.len()];
        let mut e: Event = data.events.get(&id).unwrap().clone();
        e.conclusions.push_str(" Đã bổ sung.");
        let key = data.commit(e, stamp(1, 1_800_000_000 + 10 + i as i64));
        let t = millis();
        let r = save_records(
            store,
            &data,
            &[key],
            &mut session,
            stamp(1, 1_800_000_000 + 10 + i as i64),
        );
        times.push(millis() - t);
        assert_eq!(r.error, None);
        units.push(r.units_written);
    }
    let mut sorted_units = units.clone();
    sorted_units.sort();
    let mut sorted_times = times.clone();
    sorted_times.sort_by(f64::total_cmp);
    let total: usize = units.iter().sum();
    say!(
        "  {edits} single edits: median {} units ({} bytes as UTF-16), max {} (folds included), mean {} units; time median {:.2} ms, max {:.1} ms, mean {:.2} ms",
        sorted_units[edits / 2],
        sorted_units[edits / 2] * 2,
        sorted_units[edits - 1],
        total / edits,
        sorted_times[edits / 2],
        sorted_times[edits - 1],
        times.iter().sum::<f64>() / edits as f64
    );
    let t = millis();
    let loaded = load(store).unwrap();
    let load_ms = millis() - t;
    assert_eq!(loaded.data.events.count_live(), events);
    say!(
        "  load: {load_ms:.0} ms for {} records",
        all_keys(&loaded.data).len()
    );
}

fn empty_load(store: &impl KeyValueStore) {
    let t = millis();
    let loaded = load(store).unwrap();
    say!(
        "empty store: load {:.2} ms (first run: {})",
        millis() - t,
        loaded.is_first_run()
    );
}

#[cfg(not(target_arch = "wasm32"))]
#[test]
#[ignore]
fn storage_benchmark_native() {
    say!("native, MemoryStore:");
    empty_load(&storage::MemoryStore::default());
    for events in [1_000, 50_000] {
        run(&mut storage::MemoryStore::default(), events, 3000);
    }
}

#[cfg(target_arch = "wasm32")]
#[wasm_bindgen_test]
fn storage_benchmark_in_chromium() {
    use phoihop::web::local_storage::LocalStore;
    let raw = web_sys::window().unwrap().local_storage().unwrap().unwrap();
    say!("Chromium, real localStorage, wasm:");
    raw.clear().unwrap();
    empty_load(&LocalStore::open().unwrap());
    for events in [1_000, 50_000] {
        raw.clear().unwrap();
        run(&mut LocalStore::open().unwrap(), events, 3000);
    }
    raw.clear().unwrap();
}

/// What history costs (docs/benchmarks.md, "History"): the 50,000-event store without any
/// history, and with 10 entries per agreement (ten edits by two people: the title, the period's
/// end, a sentence added to the notes, a party's role), each stored in bulk. (A record's
/// creation makes no entry: one per record took the store from 65% to 102% of the quota.)
#[cfg(not(target_arch = "wasm32"))]
#[test]
#[ignore]
fn history_capacity_native() {
    use phoihop::core::records::history;
    use phoihop::core::records::record::Collection;
    use phoihop::core::records::workspace::Stored;
    fn stored_units(data: &Dataset) -> usize {
        let mut store = storage::MemoryStore::default();
        let mut session = Session::default();
        let report = save_records(
            &mut store,
            data,
            &all_keys(data),
            &mut session,
            stamp(1, 1_800_000_000),
        );
        assert_eq!(report.error, None, "does not fit");
        session.units_used()
    }
    fn without_history(mut data: Dataset) -> Dataset {
        fn strip<T: Stored>(data: &mut Dataset) {
            let records: Vec<T> = T::table(data).iter_all().cloned().collect();
            for mut r in records {
                r.meta_mut().changes.clear();
                r.meta_mut().folded_changes = None;
                T::table_mut(data).put(r);
            }
        }
        for c in Collection::ALL {
            phoihop::with_record_type!(c, T => strip::<T>(&mut data));
        }
        data
    }
    let say_units = |what: &str, units: usize| {
        say!(
            "{what}: {units} units = {:.1}% of {QUOTA_UNITS}",
            units as f64 * 100.0 / QUOTA_UNITS as f64
        )
    };
    let mut data = generate::large(2_000, 50_000, 7);
    say_units("no history", stored_units(&without_history(data.clone())));
    let ids: Vec<_> = data.agreements.iter_all().map(|a| a.id()).collect();
    // Each agreement's entries as made, before any is folded.
    let mut made: Vec<Vec<history::Change>> = vec![Vec::new(); ids.len()];
    // Edits `edits` of every agreement, each one's entry noted in `made` as it was written.
    let edit_all = |data: &mut Dataset,
                    made: &mut [Vec<history::Change>],
                    edits: std::ops::Range<usize>,
                    first: i64| {
        for (n, id) in ids.iter().enumerate() {
            for edit in edits.clone() {
                data.editor = ["Nguyễn Thị Lan", "Trần Văn Minh"][edit % 2].into();
                let mut a = data.agreements.get(id).unwrap().clone();
                match edit % 4 {
                    0 => a.title = format!("{} (sửa lần {edit})", a.title),
                    1 => {
                        a.period.end = a.period.end.map(|d| d + chrono::Days::new(365));
                    }
                    2 => a
                        .notes
                        .push_str(" Đã rà soát lại nội dung phối hợp theo kết luận hội nghị."),
                    _ => {
                        if let Some(p) = a.parties.first_mut() {
                            p.role = format!("chủ trì ({edit})");
                        }
                    }
                }
                let at = first + (n * edits.len() + edit - edits.start) as i64;
                data.save(a, stamp(1, at));
                let entries = &data.agreements.get(id).unwrap().meta.changes;
                made[n].push(entries.last().unwrap().clone());
            }
        }
    };
    // `made`'s entries kept whole to `keep` per record, older ones folded.
    let refold = |data: &mut Dataset, made: &[Vec<history::Change>], keep: usize| {
        for (id, entries) in ids.iter().zip(made) {
            let mut a = data.agreements.get(id).unwrap().clone();
            a.meta.changes = entries.clone();
            a.meta.folded_changes = None;
            history::fold(&mut a.meta.changes, &mut a.meta.folded_changes, keep);
            data.agreements.put(a);
        }
    };
    edit_all(&mut data, &mut made, 0..10, 1_800_000_100);
    let entries: usize = made.iter().map(Vec::len).sum();
    say!("{entries} entries on {} agreements", ids.len());
    say_units(
        "10 entries per agreement, as saved (folded as written)",
        stored_units(&data),
    );
    for keep in [10, history::KEEP_WHOLE + 2, 3, 1, 0] {
        refold(&mut data, &made, keep);
        say_units(
            &format!("10 entries per agreement, newest {keep} whole"),
            stored_units(&data),
        );
    }
    refold(&mut data, &made, history::KEEP_WHOLE);
    // Twenty edits more of each: what folding saves grows with the history.
    edit_all(&mut data, &mut made, 10..30, 1_900_000_000);
    say_units(
        "30 entries per agreement, as saved (folded as written)",
        stored_units(&data),
    );
    refold(&mut data, &made, 30);
    say_units("30 entries per agreement, all whole", stored_units(&data));
}
