//! Times `storage::load` of a large generated store natively, step by step (decode the buckets,
//! then the whole load), for profiling the large-store open (docs/benchmarks.md, "Years of
//! data"): `cargo run --release --example load_timing -- <events> <agreements> [rounds]`;
//! `perf record -g` on it shows where the time goes.

use std::time::Instant;

use chrono::NaiveDate;

use phoihop::core::records::model::Status;
use phoihop::core::records::workspace::{Dataset, Stamp};
use phoihop::core::rules::status::status_in;
use phoihop::core::sample_data::generate;
use phoihop::core::storage::keys::StorageKey;
use phoihop::core::storage::{
    all_keys, codec, load, put_value_ref, save_records, value_key, MemoryStore, Session,
};
use phoihop::core::views::dashboard::dashboard;

fn main() {
    let mut args = std::env::args()
        .skip(1)
        .map(|a| a.parse::<usize>().expect("a number"));
    let events = args.next().unwrap_or(50_000);
    let agreements = args.next().unwrap_or(2_000);
    let rounds = args.next().unwrap_or(5);
    let data = generate::large(agreements, events, 7);
    let mut store = MemoryStore::default();
    let stamp = Stamp {
        office: uuid::Uuid::from_u128(0xe2e),
        now: chrono::DateTime::from_timestamp(1_800_000_000, 0).expect("a time"),
    };
    let report = save_records(
        &mut store,
        &data,
        &all_keys(&data),
        &mut Session::default(),
        stamp,
    );
    assert!(report.error.is_none(), "{report:?}");
    let mut unpack_ms = Vec::new();
    let mut inflate_ms = Vec::new();
    let mut decode_ms = Vec::new();
    let mut texts_ms = Vec::new();
    let mut tree_ms = Vec::new();
    let mut load_ms = Vec::new();
    let mut dashboard_ms = Vec::new();
    let mut statuses_ms = Vec::new();
    let today = NaiveDate::from_ymd_opt(2026, 12, 4).expect("a date");
    let buckets: Vec<&String> = store
        .entries
        .iter()
        .filter(|(key, _)| key.starts_with("phoihop/b/"))
        .map(|(_, raw)| raw)
        .collect();
    for _ in 0..rounds {
        // The first steps of every bucket's read: characters to bytes, then those inflated.
        let t = Instant::now();
        for raw in &buckets {
            codec::unpack(raw.strip_prefix(codec::TAG_DEFLATE_15).expect("packed"))
                .expect("unpacks");
        }
        unpack_ms.push(t.elapsed().as_secs_f64() * 1000.0);
        let t = Instant::now();
        for raw in &buckets {
            codec::inflate(raw).expect("inflates");
        }
        inflate_ms.push(t.elapsed().as_secs_f64() * 1000.0);
        let t = Instant::now();
        let mut values = 0;
        for (key, raw) in &store.entries {
            if key.starts_with("phoihop/b/") {
                values += codec::decode(raw).expect("decodes").len();
            }
        }
        decode_ms.push(t.elapsed().as_secs_f64() * 1000.0);
        let t = Instant::now();
        for (key, raw) in &store.entries {
            if key.starts_with("phoihop/b/") {
                codec::decode_texts(raw).expect("decodes");
            }
        }
        texts_ms.push(t.elapsed().as_secs_f64() * 1000.0);
        // The load's way before records were read from text: a JSON value each, then its type.
        let t = Instant::now();
        let mut tree = Dataset::default();
        for (key, raw) in &store.entries {
            if let Some(StorageKey::Bucket(collection, _)) = StorageKey::parse(key) {
                for value in codec::decode(raw).expect("decodes") {
                    let rk = value_key(collection, &value).expect("an id");
                    put_value_ref(&mut tree, rk, &value).expect("a record");
                }
            }
        }
        tree_ms.push(t.elapsed().as_secs_f64() * 1000.0);
        assert_eq!(tree.events.count_live(), events);
        let t = Instant::now();
        let loaded = load(&store).expect("loads");
        load_ms.push(t.elapsed().as_secs_f64() * 1000.0);
        assert_eq!(loaded.data.events.count_live(), events);
        let t = Instant::now();
        let figures = dashboard(&loaded.data, today);
        dashboard_ms.push(t.elapsed().as_secs_f64() * 1000.0);
        // The agreements in force as the dashboard found them before: every event per agreement.
        let t = Instant::now();
        let in_force = loaded
            .data
            .agreements
            .iter_live()
            .filter(|a| status_in(&loaded.data, a, today).status == Status::InForce)
            .count();
        statuses_ms.push(t.elapsed().as_secs_f64() * 1000.0);
        assert_eq!(figures.in_force.len(), in_force);
        assert!(values >= events);
    }
    let median = |mut v: Vec<f64>| {
        v.sort_by(f64::total_cmp);
        v[v.len() / 2]
    };
    println!(
        "buckets' characters to bytes {:.0} ms; those and inflated {:.0} ms",
        median(unpack_ms),
        median(inflate_ms)
    );
    println!(
        "{events} events + {agreements} agreements, median of {rounds}: buckets decoded to JSON values {:.0} ms, to each record's text {:.0} ms; values then typed records (the load's way before) {:.0} ms; whole load {:.0} ms",
        median(decode_ms),
        median(texts_ms),
        median(tree_ms),
        median(load_ms)
    );
    println!(
        "dashboard figures {:.0} ms; the agreements in force the way the dashboard found them before (every event per agreement) {:.0} ms",
        median(dashboard_ms),
        median(statuses_ms)
    );
}
