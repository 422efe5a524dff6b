//! Whatever storage can hold, its export imports again. A store filled to the quota with the
//! shape of data whose export is largest per stored unit (few agreements, many events: it
//! compresses best in storage, docs/benchmarks.md "Export size") is exported, and the file is
//! imported into a fresh office and into the office itself.

use std::collections::BTreeMap;
use std::time::Instant;

use phoihop::core::exchange::file_format::{export, Header, Scope, MAX_FILE_BYTES};
use phoihop::core::exchange::import::{self, Fingerprints, Group};
use phoihop::core::records::workspace::{Dataset, OfficeProfile, Stamp};
use phoihop::core::sample_data::generate;
use phoihop::core::storage::{
    all_keys, save_office, save_records, MemoryStore, Session, QUOTA_UNITS,
};

/// Events that, with 100 agreements, fill 98% of the quota (seed 7).
const EVENTS: usize = 105_000;

#[test]
fn a_store_filled_to_the_quota_exports_a_file_that_imports_into_a_fresh_office_and_into_itself() {
    let started = Instant::now();
    let data = generate::large(100, EVENTS, 7);
    let office = OfficeProfile {
        id: uuid::Uuid::from_u128(0xCA9),
        name: "Văn phòng đầy bộ nhớ".into(),
    };
    let now = chrono::DateTime::from_timestamp(1_800_000_000, 0).unwrap();
    // Checked once at the end rather than at every write (a quota'd MemoryStore adds up every
    // key at each write: a minute of this test's time unoptimised).
    let mut store = MemoryStore::default();
    let mut session = Session::default();
    assert_eq!(save_office(&mut store, &mut session, &office).error, None);
    let stamp = Stamp {
        office: office.id,
        now,
    };
    let report = save_records(&mut store, &data, &all_keys(&data), &mut session, stamp);
    assert_eq!(report.error, None);
    let used = store.units();
    assert!(
        used <= QUOTA_UNITS && used * 100 >= QUOTA_UNITS * 97,
        "the store is at its limit: {used} of {QUOTA_UNITS} units"
    );
    let saved = started.elapsed();

    let text = export(&data, &Header::new(&office, Scope::All, now), None);
    println!(
        "{} records in {used} units ({:.1}% of the quota): export {} bytes, {:.2} bytes per unit, limit {MAX_FILE_BYTES} ({:.0}% of it); saved after {saved:.1?}, exported after {:.1?}",
        all_keys(&data).len(),
        used as f64 * 100.0 / QUOTA_UNITS as f64,
        text.len(),
        text.len() as f64 / used as f64,
        text.len() as f64 * 100.0 / MAX_FILE_BYTES as f64,
        started.elapsed()
    );
    assert!(text.len() <= MAX_FILE_BYTES);

    // Into a fresh office: every record new, and applying gives back the same data.
    let fresh = Dataset::default();
    let fresh_office = uuid::Uuid::from_u128(0xF2E5);
    let file = import::read_file(
        text.as_bytes(),
        &fresh,
        fresh_office,
        &Fingerprints::default(),
    )
    .expect("the import reads the export of a full store");
    let preview = import::preview(&file, &fresh);
    assert_eq!(
        preview.count(Group::New) + preview.count(Group::DeletedInFile),
        all_keys(&data).len()
    );
    let mut imported = Dataset::default();
    let stamp = Stamp {
        office: fresh_office,
        now,
    };
    import::apply(
        &mut imported,
        &file,
        &BTreeMap::new(),
        stamp,
        || unreachable!(),
    )
    .expect("no conflicts");
    assert!(imported == data, "the fresh office holds the same data");
    drop(file);
    println!(
        "imported into a fresh office after {:.1?}",
        started.elapsed()
    );

    // Into itself (its own backup restored): every record recognised as exactly ours.
    let known = Fingerprints::of(&data);
    let file = import::read_file(text.as_bytes(), &data, office.id, &known)
        .expect("the office reads its own export back");
    assert!(import::preview(&file, &data).changes_nothing());
    println!("imported into itself after {:.1?}", started.elapsed());
}
