//! Property tests of a record's history with its older entries folded (`history::fold`,
//! `history::unite`): each office holds some of one record's entries, whole or folded as its
//! own merges left them; uniting histories is commutative, associative and idempotent, and
//! folded and unfolded copies of the same history converge, with every change held exactly
//! once (none both whole and folded, none lost, none counted twice) and a summary that says
//! exactly who, when and which fields of the changes it holds.

use std::collections::BTreeSet;

use chrono::DateTime;
use phoihop::core::records::history::{
    fold, unite, Change, Excerpt, FieldChange, Folded, How, KEEP_WHOLE,
};
use proptest::prelude::*;
use uuid::Uuid;

const ENTRIES: usize = 24;

/// Every entry ever made of the record: unique ids; times from a narrow range, so some share
/// an instant.
fn universe() -> Vec<Change> {
    (0..ENTRIES)
        .map(|n| Change {
            id: format!("{n:016x}"),
            at: DateTime::from_timestamp(1_700_000_000 + (n as i64 * 7919) % 13, 0).unwrap(),
            office: Uuid::from_u128(n as u128 % 3),
            by: ["Nguyễn Văn A", "", "Trần B"][n % 3].to_string(),
            how: How::Typed,
            created: false,
            fields: vec![FieldChange {
                path: ["title", "parties[0].role", "notes"][n % 3].to_string(),
                before: None,
                after: Some(Excerpt::of("x")),
                unknown: Default::default(),
            }],
            unknown: Default::default(),
        })
        .collect()
}

/// One office's history: the entries it has seen (a bit per entry), folded to `keep` by its
/// own merges (at most `KEEP_WHOLE`, as any office's are).
#[derive(Clone, Debug, PartialEq)]
struct History {
    entries: Vec<Change>,
    folded: Option<Folded>,
}

fn history(seen: u32, keep: usize) -> History {
    let mut entries: Vec<Change> = universe()
        .into_iter()
        .enumerate()
        .filter(|(n, _)| seen & (1 << n) != 0)
        .map(|(_, c)| c)
        .collect();
    let mut folded = None;
    fold(&mut entries, &mut folded, keep.min(KEEP_WHOLE));
    History { entries, folded }
}

fn arb_history() -> impl Strategy<Value = History> {
    (0..(1u32 << ENTRIES), 0..=KEEP_WHOLE + 2).prop_map(|(seen, keep)| history(seen, keep))
}

fn united(a: &History, b: &History) -> History {
    let mut out = a.clone();
    unite(
        (&mut out.entries, &mut out.folded),
        (&b.entries, b.folded.as_ref()),
    );
    out
}

/// Every change held, whole or folded.
fn all_ids(h: &History) -> BTreeSet<String> {
    let whole = h.entries.iter().map(|c| c.id.clone());
    let folded = h.folded.iter().flat_map(|f| f.ids.iter().cloned());
    whole.chain(folded).collect()
}

/// The history's own invariants: none both whole and folded, at most `KEEP_WHOLE` whole, all
/// newer than the summary, oldest first, and a summary true to the changes it holds.
fn well_formed(h: &History) -> Result<(), TestCaseError> {
    prop_assert!(h.entries.len() <= KEEP_WHOLE);
    prop_assert!(h
        .entries
        .windows(2)
        .all(|w| (w[0].at, &w[0].id) < (w[1].at, &w[1].id)));
    let Some(folded) = &h.folded else {
        return Ok(());
    };
    for entry in &h.entries {
        prop_assert!(
            !folded.ids.contains(&entry.id),
            "{} whole and folded",
            entry.id
        );
        prop_assert!(entry.at > folded.latest);
    }
    let held: Vec<Change> = universe()
        .into_iter()
        .filter(|c| folded.ids.contains(&c.id))
        .collect();
    prop_assert_eq!(held.len(), folded.ids.len());
    prop_assert_eq!(folded.earliest, held.iter().map(|c| c.at).min().unwrap());
    prop_assert_eq!(folded.latest, held.iter().map(|c| c.at).max().unwrap());
    let offices: BTreeSet<Uuid> = held.iter().map(|c| c.office).collect();
    prop_assert_eq!(&folded.offices, &offices);
    let people: BTreeSet<String> = held
        .iter()
        .filter(|c| !c.by.is_empty())
        .map(|c| c.by.clone())
        .collect();
    prop_assert_eq!(&folded.people, &people);
    let fields: BTreeSet<String> = held
        .iter()
        .map(|c| {
            c.fields[0]
                .path
                .split(['.', '['])
                .next()
                .unwrap()
                .to_string()
        })
        .collect();
    prop_assert_eq!(&folded.fields, &fields);
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

    #[test]
    fn uniting_histories_is_commutative_associative_and_idempotent(
        x in arb_history(), y in arb_history(), z in arb_history(),
    ) {
        let xy = united(&x, &y);
        prop_assert_eq!(&xy, &united(&y, &x));
        prop_assert_eq!(united(&xy, &z), united(&x, &united(&y, &z)));
        prop_assert_eq!(&united(&x, &x), &x);
        prop_assert_eq!(&united(&xy, &y), &xy);
        for h in [&x, &xy, &united(&xy, &z)] {
            well_formed(h)?;
        }
        // Nothing lost, nothing counted twice: the union of what both held.
        let both: BTreeSet<String> = all_ids(&x).union(&all_ids(&y)).cloned().collect();
        prop_assert_eq!(all_ids(&xy), both);
    }

    #[test]
    fn folded_and_unfolded_copies_of_one_history_converge_and_the_count_never_drops(
        seen in 0..(1u32 << ENTRIES), other in 0..(1u32 << ENTRIES), keep in 0..=KEEP_WHOLE,
    ) {
        // One office's copy whole (as an older app holds it), another's folded.
        let unfolded = History {
            entries: universe()
                .into_iter()
                .enumerate()
                .filter(|(n, _)| seen & (1 << n) != 0)
                .map(|(_, c)| c)
                .collect(),
            folded: None,
        };
        let folded = history(seen, keep);
        prop_assert_eq!(all_ids(&folded), all_ids(&unfolded));
        let a = united(&folded, &unfolded);
        prop_assert_eq!(&a, &united(&unfolded, &folded));
        prop_assert_eq!(&a, &united(&folded, &history(0, 0)));
        well_formed(&a)?;
        // Either one then meets a third office's history: the count never drops.
        let third = history(other, keep);
        let count = |h: &History| h.entries.len() + h.folded.as_ref().map_or(0, Folded::count);
        let after = united(&a, &third);
        prop_assert!(count(&after) >= count(&a).max(count(&third)));
        prop_assert_eq!(count(&after), all_ids(&a).union(&all_ids(&third)).count());
    }
}
