//! Any bytes given to the import parser: it must answer Ok or a located message, never panic,
//! hang or run out of memory, and the same answer as the careful way alone (no quick scan).
//! Files it accepts must also survive the preview and an apply.
#![no_main]

use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use phoihop::core::exchange::import::{apply, preview, read_file, read_file_carefully, Fingerprints, Group};
use phoihop::core::exchange::merge::Choice;
use phoihop::core::sample_data::sample::sample_dataset;
use phoihop::core::records::workspace::{Dataset, Stamp};

fn local() -> &'static Dataset {
    static LOCAL: OnceLock<Dataset> = OnceLock::new();
    LOCAL.get_or_init(sample_dataset)
}

/// The sample's fingerprints: a file quoting the sample's records takes the recognised path.
fn known() -> &'static Fingerprints {
    static KNOWN: OnceLock<Fingerprints> = OnceLock::new();
    KNOWN.get_or_init(|| Fingerprints::of(local()))
}

fuzz_target!(|bytes: &[u8]| {
    let local = local();
    // This office: the one the stamp below names.
    let here = uuid::Uuid::from_u128(7);
    let read = read_file(bytes, local, here, known());
    match (&read, &read_file_carefully(bytes, local, here, known())) {
        (Err(quick), Err(careful)) => assert_eq!(quick, careful, "the same refusal"),
        (Ok(quick), Ok(careful)) => {
            assert!(quick.every_record_built() == careful.every_record_built());
            assert_eq!(quick.positions, careful.positions);
            assert_eq!(quick.warnings, careful.warnings);
            assert_eq!(quick.unlisted_warnings, careful.unlisted_warnings);
        }
        (quick, careful) => panic!("quick {quick:?}, careful {careful:?}"),
    }
    match read {
        Err(error) => {
            let message = error.message();
            assert!(!message.id.is_empty());
        }
        Ok(file) => {
            let p = preview(&file, local);
            let choices = p
                .in_group(Group::Conflict)
                .map(|e| (e.key, Choice::KeepBoth))
                .collect();
            let mut data = local.clone();
            let stamp = Stamp {
                office: here,
                now: chrono::DateTime::from_timestamp(0, 0).unwrap(),
            };
            let mut n = 0u128;
            let applied = apply(&mut data, &file, &choices, stamp, || {
                n += 1;
                uuid::Uuid::from_u128(0xFFFF_0000 + n)
            })
            .expect("every conflict decided");
            phoihop::core::exchange::import::undo(&mut data, &applied.undo).expect("nothing edited since");
            assert!(data == *local, "undo restores the exact state");
        }
    }
});
