//! Writes a layout-2 store of a large generated dataset as JSON (key → value), for the
//! end-to-end test that fills localStorage ("keep working when full") and for manual trials:
//! `cargo run --release --example large_store -- <events> <agreements> > store.json`

use phoihop::core::records::workspace::{OfficeProfile, Stamp};
use phoihop::core::sample_data::generate;
use phoihop::core::storage::{all_keys, save_office, save_records, MemoryStore, Session};

fn main() {
    let mut args = std::env::args()
        .skip(1)
        .map(|a| a.parse::<usize>().expect("a number"));
    let events = args.next().unwrap_or(50_000);
    let agreements = args.next().unwrap_or(2_000);
    let data = generate::large(agreements, events, 7);
    let mut store = MemoryStore::default();
    let mut session = Session::default();
    let office = OfficeProfile {
        id: uuid::Uuid::from_u128(0xe2e),
        name: "Văn phòng thử tải".into(),
    };
    let now = chrono::DateTime::from_timestamp(1_800_000_000, 0).expect("a time");
    assert!(save_office(&mut store, &mut session, &office)
        .error
        .is_none());
    let stamp = Stamp {
        office: office.id,
        now,
    };
    let report = save_records(&mut store, &data, &all_keys(&data), &mut session, stamp);
    assert!(report.error.is_none(), "{report:?}");
    println!(
        "{}",
        serde_json::to_string(&store.entries).expect("strings serialise")
    );
    eprintln!(
        "{} records in {} UTF-16 units",
        all_keys(&data).len(),
        session.units_used()
    );
}
