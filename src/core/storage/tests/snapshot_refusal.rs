//! The note of the last snapshot refused for want of room: what it spares (the day's snapshot
//! encoded again only to be refused), what tries again, and that it never stands in the way.

use super::*;
use crate::storage::snapshot_refusal;

/// Another app's data on the same origin: what leaves a snapshot too little room here.
const FILLER: &str = "phoihop-test/filler";
const DAY: i64 = 86_400;

fn set_filler(store: &mut MemoryStore, session: &mut Session, units: usize) {
    let text = "x".repeat(units - FILLER.len());
    store.set(FILLER, &text).unwrap();
    session.note_written(FILLER, &text);
}

/// `data` stored (with a snapshot before an import), then the origin filled by another app until
/// the day's snapshot lacks `short` units of room: near enough for the sizes to let it be encoded,
/// so that only `backup::put` refuses it, as with a store a little too big for the budget.
/// Returns the units the day's snapshot takes.
fn stored_a_little_too_big(data: &Dataset, short: usize) -> (MemoryStore, Session, usize) {
    let (mut store, mut session) = stored(data);
    let kind = SnapshotKind::BeforeImport;
    backup::take(&mut store, &mut session, data, kind, stamp(1, 2).now).unwrap();
    let now = stamp(1, 5).now;
    let snapshot = backup::encode(
        data,
        SnapshotKind::Daily,
        now,
        backup::stored_office(&store),
    );
    let units = utf16_units(&snapshot_key(now, SnapshotKind::Daily), &snapshot);
    let live = session.units_used() - session.snapshot_units();
    let room = QUOTA_UNITS - backup::HEADROOM_UNITS - live;
    set_filler(&mut store, &mut session, room - (units - short));
    assert_eq!(backup::limit(&session), units - short);
    assert_eq!(
        backup::may_fit(&session),
        Ok(()),
        "encoded, not refused from the sizes"
    );
    (store, session, units)
}

fn noted(store: &MemoryStore) -> Option<snapshot_refusal::RefusalNote> {
    snapshot_refusal::read(store.entries.get(SNAPSHOT_REFUSAL_KEY)?)
}

#[test]
fn a_snapshot_refused_for_room_is_noted_and_not_encoded_again_that_day() {
    let data = generate::dataset(4, 20, 6);
    let (mut store, mut session, units) = stored_a_little_too_big(&data, 100);
    let now = stamp(1, 5).now;
    assert!(backup::daily_due(&session, now));
    let (estimate, limit) = (backup::estimate(&session), backup::limit(&session));

    let refused = backup::take(&mut store, &mut session, &data, SnapshotKind::Daily, now);
    let Err(SnapshotRefused::TooBig {
        units: needed,
        room,
    }) = refused
    else {
        panic!("refused for room: {refused:?}");
    };
    assert_eq!(needed, units);
    let note = noted(&store).expect("the refusal is noted");
    assert_eq!(
        note,
        snapshot_refusal::RefusalNote {
            day: chrono::NaiveDate::from_ymd_opt(1970, 1, 1).unwrap(),
            units,
            room,
            estimate,
            limit,
        }
    );
    assert_eq!(note.refusal(), refused.unwrap_err());
    assert_eq!(session.snapshot_refusal, Some(note));

    // Later that day, in this tab or after a reload: not encoded again.
    let later = stamp(1, 5 + 16 * 3600).now;
    assert!(!backup::daily_due(&session, later));
    let reloaded = load(&store).unwrap();
    assert!(reloaded.problems.is_empty(), "{:?}", reloaded.problems);
    assert_eq!(reloaded.session.snapshot_refusal, Some(note));
    assert!(!backup::daily_due(&reloaded.session, later));
    // The meter counts the note like any key.
    assert_eq!(reloaded.session.units_used(), store.units());
    // The next day, tried again.
    assert!(backup::daily_due(&reloaded.session, stamp(1, DAY + 5).now));
}

#[test]
fn more_room_tries_again_and_a_snapshot_taken_clears_the_note() {
    let data = generate::dataset(4, 20, 6);
    let (mut store, mut session, units) = stored_a_little_too_big(&data, 100);
    let now = stamp(1, 5).now;
    let refused = backup::take(&mut store, &mut session, &data, SnapshotKind::Daily, now);
    assert!(matches!(refused, Err(SnapshotRefused::TooBig { .. })));
    let later = stamp(1, 600).now;

    // The user deletes the other snapshot: no more room for this one, which put counted as
    // given up already.
    let limit = backup::limit(&session);
    let other = backup::list(&session)[0].key.clone();
    backup::drop(&mut store, &mut session, &other).unwrap();
    assert_eq!(backup::limit(&session), limit);
    assert!(!backup::daily_due(&session, later));

    // The other app frees some of its data: it may fit now.
    let freed = session.sizes[FILLER] - 1000;
    set_filler(&mut store, &mut session, freed);
    assert!(backup::limit(&session) >= units);
    assert!(backup::daily_due(&session, later));
    // Any snapshot taken clears the note (the day's is then still due).
    let kind = SnapshotKind::BeforeImport;
    backup::take(&mut store, &mut session, &data, kind, later).unwrap();
    assert_eq!(noted(&store), None);
    assert!(!store.entries.contains_key(SNAPSHOT_REFUSAL_KEY));
    assert!(!session.sizes.contains_key(SNAPSHOT_REFUSAL_KEY));
    assert_eq!(session.snapshot_refusal, None);
    assert!(backup::daily_due(&session, later));
}

#[test]
fn less_data_tries_again() {
    let data = generate::dataset(4, 20, 6);
    let (mut store, mut session, _) = stored_a_little_too_big(&data, 100);
    let now = stamp(1, 5).now;
    let _ = backup::take(&mut store, &mut session, &data, SnapshotKind::Daily, now);
    assert!(!backup::daily_due(&session, now));
    // The sizes say a bucket shrank, the room left the same (the other app took what it freed).
    let bucket = session
        .sizes
        .keys()
        .find(|k| k.starts_with("phoihop/b/agreements/"))
        .unwrap()
        .clone();
    *session.sizes.get_mut(&bucket).unwrap() -= 500;
    *session.sizes.get_mut(FILLER).unwrap() += 500;
    assert!(backup::daily_due(&session, now));
}

#[test]
fn a_malformed_note_is_ignored_and_the_next_outcome_replaces_it() {
    let data = generate::dataset(4, 20, 6);
    let (mut store, _) = stored(&data);
    store
        .set(SNAPSHOT_REFUSAL_KEY, "{\"day\":\"hôm qua\"")
        .unwrap();
    let loaded = load(&store).unwrap();
    assert!(loaded.problems.is_empty(), "{:?}", loaded.problems);
    assert!(loaded.session.quarantined.is_empty());
    assert_eq!(loaded.session.snapshot_refusal, None);
    let mut session = loaded.session;
    let now = stamp(1, 5).now;
    assert!(backup::daily_due(&session, now));
    backup::take(&mut store, &mut session, &data, SnapshotKind::Daily, now).unwrap();
    assert!(!store.entries.contains_key(SNAPSHOT_REFUSAL_KEY));
    assert_eq!(session.units_used(), store.units());
}

#[test]
fn a_note_the_store_refuses_costs_only_the_note() {
    let data = generate::dataset(4, 20, 6);
    let (mut store, mut session, _) = stored_a_little_too_big(&data, 100);
    store.refuse_writes = Some(StoreError::QuotaExceeded);
    let before = store.entries.clone();
    let now = stamp(1, 5).now;
    let refused = backup::take(&mut store, &mut session, &data, SnapshotKind::Daily, now);
    // The refusal is the snapshot's own, not the note's.
    assert!(matches!(refused, Err(SnapshotRefused::TooBig { .. })));
    assert_eq!(store.entries, before);
    assert!(!session.sizes.contains_key(SNAPSHOT_REFUSAL_KEY));
    // This tab still knows: it does not encode it again today.
    assert!(session.snapshot_refusal.is_some());
    assert!(!backup::daily_due(&session, now));
}

#[test]
fn a_read_only_tab_notes_nothing() {
    let data = generate::dataset(4, 20, 6);
    let (mut store, mut session, _) = stored_a_little_too_big(&data, 100);
    session.read_only = Some(ReadOnly::NewerLayout { found: 3 });
    let before = store.entries.clone();
    let refused = Err(SnapshotRefused::TooBig { units: 2, room: 1 });
    snapshot_refusal::note_outcome(&mut store, &mut session, &refused, stamp(1, 5).now);
    assert_eq!(store.entries, before);
    assert_eq!(session.snapshot_refusal, None);
}

#[test]
fn another_tabs_note_is_followed() {
    let data = generate::dataset(4, 20, 6);
    let (mut store, mut session, _) = stored_a_little_too_big(&data, 100);
    let mut other = load(&store).unwrap().session;
    let now = stamp(1, 5).now;
    let _ = backup::take(&mut store, &mut session, &data, SnapshotKind::Daily, now);
    let raw = store.entries[SNAPSHOT_REFUSAL_KEY].clone();
    let pending = BTreeSet::new();
    absorb(
        SNAPSHOT_REFUSAL_KEY,
        Some(&raw),
        &data,
        &pending,
        &mut other,
    );
    assert_eq!(other.snapshot_refusal, session.snapshot_refusal);
    assert!(!backup::daily_due(&other, now));
    absorb(SNAPSHOT_REFUSAL_KEY, None, &data, &pending, &mut other);
    assert_eq!(other.snapshot_refusal, None);
    assert!(!other.sizes.contains_key(SNAPSHOT_REFUSAL_KEY));
}
