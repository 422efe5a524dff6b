//! Writing records: a delta per edited record, or the whole bucket for bulk saves and folds.
//! Every write is checked; a refusal leaves the records pending, and nothing already stored is
//! damaged (each setItem is whole, a bucket is written before the deltas it absorbs are removed).

use crate::records::sorting;
use std::collections::{BTreeMap, BTreeSet};

use chrono::{DateTime, Utc};
use serde_json::Value;

use super::backup::GiveUp;
use super::keys::{
    bucket_key, bucket_key_start, delta_key, legacy_key, Prefix, StorageKey, ROLLBACK_KEY,
};
use super::load::{codec_problem, one_record};
use super::tabs::{check_edit, judge_stored, settle, OtherTabWrite, Settled, WriteCheck};
use super::{
    backup, codec, record_value, utf16_units, value_key, value_version, Conflict, KeyValueStore,
    LoadProblem, Rollback, Session, StoreError, WriteReport, BULK_RECORDS, FOLD_DELTAS, FOLD_UNITS,
    LAYOUT_KEY, LAYOUT_VERSION, OFFICE_KEY, SPLIT_UNITS,
};
use crate::records::meta::{Causality, Id};
use crate::records::record::{Collection, RecordKey};
use crate::records::workspace::{Dataset, OfficeProfile, Stamp, Stored};

/// Writes, giving up snapshots (oldest first) while the quota refuses: live data comes first.
pub(crate) fn set_with_room(
    store: &mut impl KeyValueStore,
    session: &mut Session,
    report: &mut WriteReport,
    key: &str,
    value: &str,
) -> Result<(), StoreError> {
    loop {
        match store.set(key, value) {
            Ok(()) => {
                session.note_written(key, value);
                report.wrote(key, value);
                return Ok(());
            }
            Err(StoreError::QuotaExceeded) => {
                let Some(oldest) = backup::list(session).into_iter().next() else {
                    return Err(StoreError::QuotaExceeded);
                };
                store.remove(&oldest.key)?;
                session.note_removed(&oldest.key);
                report.snapshots_dropped.push(oldest.key);
            }
            Err(e) => return Err(e),
        }
    }
}

pub(crate) fn remove(
    store: &mut impl KeyValueStore,
    session: &mut Session,
    key: &str,
) -> Result<(), StoreError> {
    store.remove(key)?;
    session.note_removed(key);
    Ok(())
}

/// Writes the layout marker unless it is already the current one.
pub fn ensure_layout(
    store: &mut impl KeyValueStore,
    session: &mut Session,
    report: &mut WriteReport,
) -> Result<(), StoreError> {
    let current = LAYOUT_VERSION.to_string();
    if store.get(LAYOUT_KEY)?.as_deref() != Some(current.as_str()) {
        set_with_room(store, session, report, LAYOUT_KEY, &current)?;
    }
    Ok(())
}

pub fn save_office(
    store: &mut impl KeyValueStore,
    session: &mut Session,
    office: &OfficeProfile,
) -> WriteReport {
    let mut report = WriteReport::default();
    if session.read_only.is_some() {
        report.error = Some(StoreError::ReadOnly);
        return report;
    }
    let value = serde_json::to_string(office).expect("office serialises");
    let result = ensure_layout(store, session, &mut report)
        .and_then(|()| set_with_room(store, session, &mut report, OFFICE_KEY, &value));
    if let Err(error) = result {
        report.error = Some(error);
    }
    report
}

/// The bucket a record goes to: the deepest existing bucket whose prefix holds its id hash,
/// stepping below any bucket that is quarantined (its raw text is kept; new data goes beside it).
pub fn route(session: &Session, collection: Collection, id: &Id) -> Prefix {
    let start = bucket_key_start(collection);
    let mut best = Prefix::root();
    for key in session.sizes.range(start.clone()..).map(|(k, _)| k) {
        if !key.starts_with(&start) {
            break;
        }
        if let Some(StorageKey::Bucket(_, p)) = StorageKey::parse(key) {
            if p.contains(id) && p.0.len() > best.0.len() {
                best = p;
            }
        }
    }
    while session.quarantined.contains(&bucket_key(collection, &best)) {
        best = best
            .children()
            .into_iter()
            .find(|c| c.contains(id))
            .expect("one child holds the id");
    }
    best
}

/// The delta keys this tab knows of, for one bucket.
fn deltas_of(
    session: &Session,
    collection: Collection,
    prefix: &Prefix,
) -> Vec<(RecordKey, usize)> {
    let start = delta_key(RecordKey {
        collection,
        id: Id::nil(),
    });
    let start = &start[..start.len() - Id::nil().to_string().len()];
    session
        .sizes
        .range(start.to_string()..)
        .take_while(|(k, _)| k.starts_with(start))
        .filter_map(|(k, units)| match StorageKey::parse(k) {
            Some(StorageKey::Delta(rk)) if prefix.contains(&rk.id) => Some((rk, *units)),
            _ => None,
        })
        .collect()
}

/// Writes the named records of `data`. Small edits become deltas; bulk saves and full buckets
/// are folded. Stops at the first refusal and reports the rest as pending. A record another
/// tab stored meanwhile is merged with this tab's edit field by field (`tabs::settle`): what
/// merges is stored as a new edit by `stamp`, fields both changed become a conflict.
/// Meant to run under the lock every tab takes for its writes (the browser's glue), so the
/// stored copies it compares with are still the stored ones when it writes.
pub fn save_records(
    store: &mut impl KeyValueStore,
    data: &Dataset,
    keys: &[RecordKey],
    session: &mut Session,
    stamp: Stamp,
) -> WriteReport {
    let report = save_inner(store, data, keys, session, Some(stamp), None);
    note_room_made(store, session, report, stamp)
}

/// Notes the snapshots a write gave up for room (`backup::note_given_up`), then gives its report.
fn note_room_made(
    store: &mut impl KeyValueStore,
    session: &mut Session,
    report: WriteReport,
    stamp: Stamp,
) -> WriteReport {
    backup::note_given_up(
        store,
        session,
        &report.snapshots_dropped,
        GiveUp::RoomForData,
        stamp.now,
    );
    report
}

/// Stores an undone import (`data` is already undone): first its mark (`rollback`), so other
/// tabs take what follows in rather than write it over; then `keys`, where those the mark
/// restores are put back to their older versions on purpose (over what this tab last read, never
/// over another tab's newer write) and any other is saved as usual; then, once all that is
/// stored, takes out of storage the records the undo removed (only the copies the import wrote).
/// Safe to call again after a refusal: each step finds what is already done.
pub fn save_rollback(
    store: &mut impl KeyValueStore,
    data: &Dataset,
    keys: &[RecordKey],
    rollback: &Rollback,
    session: &mut Session,
    stamp: Stamp,
) -> WriteReport {
    let mut first = WriteReport::default();
    if session.read_only.is_none() {
        let marked = ensure_layout(store, session, &mut first)
            .and_then(|()| mark_rollback(store, session, &mut first, rollback));
        if let Err(error) = marked {
            let mut pending = keys.to_vec();
            sorting::sort(&mut pending);
            pending.dedup();
            first.pending = pending;
            first.error = Some(error);
            return first;
        }
    }
    let mut report = save_inner(store, data, keys, session, Some(stamp), Some(rollback));
    report.keys_written += first.keys_written;
    report.units_written += first.units_written;
    report
        .snapshots_dropped
        .splice(0..0, first.snapshots_dropped);
    if report.error.is_none() && session.read_only.is_none() {
        if let Err(error) = forget_removed(store, session, &mut report, rollback) {
            report.error = Some(error);
        }
    }
    note_room_made(store, session, report, stamp)
}

/// Writes the mark of an undone import, unless it is stored already.
fn mark_rollback(
    store: &mut impl KeyValueStore,
    session: &mut Session,
    report: &mut WriteReport,
    rollback: &Rollback,
) -> Result<(), StoreError> {
    let text = rollback.encode();
    if store.get(ROLLBACK_KEY)?.as_deref() != Some(text.as_str()) {
        set_with_room(store, session, report, ROLLBACK_KEY, &text)?;
    }
    session.rollback = Some(rollback.clone());
    Ok(())
}

/// Removes the mark of the last undone import (before a new import: the versions it names may
/// be written again). Other tabs then stop honouring it.
pub fn clear_rollback(
    store: &mut impl KeyValueStore,
    session: &mut Session,
) -> Result<(), StoreError> {
    if session.read_only.is_some() {
        return Err(StoreError::ReadOnly);
    }
    if store.get(ROLLBACK_KEY)?.is_some() {
        remove(store, session, ROLLBACK_KEY)?;
    }
    session.rollback = None;
    Ok(())
}

/// The mark of an undone import as stored now (a fold reads it afresh: another tab may have
/// written it after this tab last heard).
fn stored_rollback(
    store: &impl KeyValueStore,
    session: &mut Session,
) -> Result<Option<Rollback>, StoreError> {
    let rollback = store
        .get(ROLLBACK_KEY)?
        .and_then(|raw| Rollback::decode(&raw));
    session.rollback = rollback.clone();
    Ok(rollback)
}

/// `edit`: who saves and when, for a change the user should export (None for a migration, which
/// changes nothing and merges nothing).
fn save_inner(
    store: &mut impl KeyValueStore,
    data: &Dataset,
    keys: &[RecordKey],
    session: &mut Session,
    edit: Option<Stamp>,
    rollback: Option<&Rollback>,
) -> WriteReport {
    let mut report = WriteReport::default();
    let mut unique: Vec<RecordKey> = keys.to_vec();
    sorting::sort(&mut unique);
    unique.dedup();
    if unique.is_empty() {
        return report;
    }
    if session.read_only.is_some() {
        report.pending = unique;
        return report;
    }
    if let Err(error) = ensure_layout(store, session, &mut report) {
        report.pending = unique;
        report.error = Some(error);
        return report;
    }
    let mut queue: BTreeMap<(Collection, Prefix), Vec<RecordKey>> = BTreeMap::new();
    for rk in unique {
        queue
            .entry((rk.collection, route(session, rk.collection, &rk.id)))
            .or_default()
            .push(rk);
    }
    let mut wrote_any = false;
    while let Some(((collection, prefix), group)) = queue.pop_first() {
        let outcome = write_group(
            store,
            data,
            session,
            &mut report,
            collection,
            &prefix,
            &group,
            edit,
            rollback,
        );
        match outcome {
            Ok(GroupOutcome::Written) => wrote_any = true,
            Ok(GroupOutcome::Reroute) => {
                for rk in group {
                    queue
                        .entry((collection, route(session, collection, &rk.id)))
                        .or_default()
                        .push(rk);
                }
            }
            Err(error) => {
                report.pending.extend(group);
                report.pending.extend(queue.into_values().flatten());
                report.error = Some(error);
                break;
            }
        }
    }
    if let Some(now) = edit
        .map(|e| e.now)
        .filter(|_| wrote_any && session.export.changed_since.is_none())
    {
        let mut state = session.export;
        state.changed_since = Some(now);
        let value = serde_json::to_string(&state).expect("export state serialises");
        // A failure here loses only the "not exported since" hint, and is retried next save.
        if set_with_room(store, session, &mut report, super::keys::EXPORT_KEY, &value).is_ok() {
            session.export = state;
        }
    }
    sorting::sort(&mut report.pending);
    report
}

enum GroupOutcome {
    Written,
    /// The bucket turned out unreadable and is now quarantined: route the records again.
    Reroute,
}

fn write_group(
    store: &mut impl KeyValueStore,
    data: &Dataset,
    session: &mut Session,
    report: &mut WriteReport,
    collection: Collection,
    prefix: &Prefix,
    group: &[RecordKey],
    edit: Option<Stamp>,
    rollback: Option<&Rollback>,
) -> Result<GroupOutcome, StoreError> {
    let bulk = edit.is_none();
    let existing = deltas_of(session, collection, prefix);
    let existing_units: usize = existing.iter().map(|(_, u)| u).sum();
    let new_deltas = group
        .iter()
        .filter(|rk| !existing.iter().any(|(e, _)| e == *rk))
        .count();
    // A record put back to an older version goes into its bucket, never into a delta: on
    // loading, a newer copy in the bucket (an import written in bulk) would win over the delta.
    let fold = group
        .iter()
        .any(|rk| rollback.is_some_and(|r| r.restores(*rk)))
        || group.len() >= BULK_RECORDS
        || existing.len() + new_deltas > FOLD_DELTAS
        || existing_units > fold_units(session.sizes.get(&bucket_key(collection, prefix)).copied())
        || group
            .iter()
            .any(|rk| session.quarantined.contains(&delta_key(*rk)));
    if !fold && !bulk {
        match write_deltas(store, data, session, report, group, edit) {
            Ok(true) => return Ok(GroupOutcome::Written),
            // A delta key turned out unreadable: it is fenced off, the record goes to its bucket.
            Ok(false) => {}
            // A bucket takes fewer units than its deltas: folding may fit where a delta did not.
            Err(StoreError::QuotaExceeded) => {}
            Err(e) => return Err(e),
        }
    }
    fold_bucket(
        store, data, session, report, collection, prefix, group, edit, rollback,
    )
}

/// Writes one delta per record; false when a stored delta is unreadable (the caller folds instead).
fn write_deltas(
    store: &mut impl KeyValueStore,
    data: &Dataset,
    session: &mut Session,
    report: &mut WriteReport,
    group: &[RecordKey],
    edit: Option<Stamp>,
) -> Result<bool, StoreError> {
    for &rk in group {
        let Some(ours) = record_value(data, rk) else {
            continue;
        };
        let dk = delta_key(rk);
        let stored = match store.get(&dk)? {
            Some(raw) => match one_record(&raw, rk) {
                Ok(value) => Some(value),
                Err(kind) => {
                    // Fence it off; the fold path writes the record into its bucket instead.
                    session.quarantined.insert(dk.clone());
                    report.problems.push(LoadProblem { key: dk, kind, raw });
                    return Ok(false);
                }
            },
            None => None,
        };
        let before = data.befores.get(rk);
        match check_edit(
            rk.collection,
            session.base.get(&rk),
            before,
            stored.as_ref(),
            &ours,
            false,
        ) {
            WriteCheck::Write => {
                set_with_room(
                    store,
                    session,
                    report,
                    &dk,
                    &codec::encode(std::slice::from_ref(&ours)),
                )?;
                session
                    .base
                    .insert(rk, value_version(&ours).unwrap_or_default());
                drop_legacy(store, session, rk)?;
            }
            WriteCheck::AlreadyStored => {
                session
                    .base
                    .insert(rk, value_version(&ours).unwrap_or_default());
            }
            WriteCheck::Conflict => {
                let theirs = stored.expect("a conflict has a stored side");
                let settled = settle(rk.collection, data.befores.get(rk), &ours, &theirs, edit);
                if let Some(merged) = &settled.write {
                    let text = codec::encode(std::slice::from_ref(merged));
                    set_with_room(store, session, report, &dk, &text)?;
                    drop_legacy(store, session, rk)?;
                }
                keep_settled(store, session, report, rk, settled, theirs);
            }
        }
    }
    Ok(true)
}

/// What a race with another tab left: the record as stored now (a merge just written, or the
/// other tab's version) goes to this tab's dataset, and the version that lost, if any, is kept
/// under a conflict key until the user chooses.
fn keep_settled(
    store: &mut impl KeyValueStore,
    session: &mut Session,
    report: &mut WriteReport,
    rk: RecordKey,
    settled: Settled,
    stored: Value,
) {
    let now_stored = settled.write.unwrap_or(stored);
    session
        .base
        .insert(rk, value_version(&now_stored).unwrap_or_default());
    report.incoming.push((rk, now_stored));
    if let Some(other) = settled.conflict {
        conflict(store, session, report, rk, other);
    }
}

/// Keeps `other` under the record's conflict key (shown by every tab until the user chooses).
fn conflict(
    store: &mut impl KeyValueStore,
    session: &mut Session,
    report: &mut WriteReport,
    rk: RecordKey,
    other: Value,
) {
    let key = super::keys::conflict_key(rk);
    if !session.quarantined.contains(&key) {
        let text = codec::encode(std::slice::from_ref(&other));
        if let Err(e) = set_with_room(store, session, report, &key, &text) {
            // The conflict is still kept in this tab's memory and shown; say why it is not stored.
            report.error.get_or_insert(e);
        }
    }
    report.conflicts.push(Conflict { key: rk, other });
}

fn drop_legacy(
    store: &mut impl KeyValueStore,
    session: &mut Session,
    rk: RecordKey,
) -> Result<(), StoreError> {
    let key = legacy_key(rk);
    if session.sizes.contains_key(&key) && !session.quarantined.contains(&key) {
        remove(store, session, &key)?;
    }
    Ok(())
}

/// Reads the bucket and its deltas, merges this tab's records in (checking each against what is
/// stored), writes the bucket (split if it grew too big), then removes the deltas it absorbed.
fn fold_bucket(
    store: &mut impl KeyValueStore,
    data: &Dataset,
    session: &mut Session,
    report: &mut WriteReport,
    collection: Collection,
    prefix: &Prefix,
    group: &[RecordKey],
    edit: Option<Stamp>,
    rollback: Option<&Rollback>,
) -> Result<GroupOutcome, StoreError> {
    let bk = bucket_key(collection, prefix);
    // Another tab's undone import, as stored now (this tab may not have heard of it yet).
    let undone = stored_rollback(store, session)?;
    let mut merged: BTreeMap<Id, Value> = BTreeMap::new();
    let mut orphans: Vec<Value> = Vec::new();
    if let Some(raw) = store.get(&bk)? {
        match codec::decode(&raw) {
            Ok(values) => {
                for value in values {
                    match value_key(collection, &value) {
                        Some(rk) => {
                            merged.insert(rk.id, value);
                        }
                        None => orphans.push(value),
                    }
                }
            }
            Err(e) => {
                session.quarantined.insert(bk.clone());
                report.problems.push(LoadProblem {
                    key: bk,
                    kind: codec_problem(e),
                    raw,
                });
                return Ok(GroupOutcome::Reroute);
            }
        }
    }

    // Fold in every delta of the bucket: the newer copy of each record wins.
    let mut absorbed: Vec<(RecordKey, String, String)> = Vec::new();
    // The store's own list, not this tab's: another tab's delta may not have been announced yet.
    let mut delta_keys: BTreeSet<RecordKey> = sorting::set_of(store.keys()?.iter().filter_map(
        |k| match StorageKey::parse(k) {
            Some(StorageKey::Delta(rk))
                if rk.collection == collection && prefix.contains(&rk.id) =>
            {
                Some(rk)
            }
            _ => None,
        },
    ));
    delta_keys.extend(group.iter().copied());
    for rk in delta_keys {
        let dk = delta_key(rk);
        if session.quarantined.contains(&dk) {
            continue;
        }
        let Some(raw) = store.get(&dk)? else {
            continue;
        };
        let value = match one_record(&raw, rk) {
            Ok(value) => value,
            Err(kind) => {
                session.quarantined.insert(dk.clone());
                report.problems.push(LoadProblem { key: dk, kind, raw });
                continue;
            }
        };
        match merged.get(&rk.id) {
            Some(in_bucket) => {
                let (d, b) = (
                    value_version(&value).unwrap_or_default(),
                    value_version(in_bucket).unwrap_or_default(),
                );
                match d.compare(&b) {
                    Causality::Dominates | Causality::Equal => {
                        merged.insert(rk.id, value);
                    }
                    Causality::DominatedBy => {}
                    Causality::Concurrent => {
                        // Two stored copies neither of which saw the other: both kept.
                        let stored = in_bucket.clone();
                        let settled = Settled {
                            write: None,
                            conflict: Some(value),
                        };
                        keep_settled(store, session, report, rk, settled, stored);
                    }
                }
            }
            None => {
                merged.insert(rk.id, value);
            }
        }
        absorbed.push((rk, dk, raw));
    }

    // This tab's edits, each checked against what is stored now.
    let pending: BTreeSet<Id> = sorting::set_of(group.iter().map(|rk| rk.id));
    for &rk in group {
        let Some(ours) = record_value(data, rk) else {
            continue;
        };
        let restores = rollback.is_some_and(|r| r.restores(rk));
        let (base, before) = (session.base.get(&rk), data.befores.get(rk));
        match check_edit(
            rk.collection,
            base,
            before,
            merged.get(&rk.id),
            &ours,
            restores,
        ) {
            WriteCheck::Write => {
                merged.insert(rk.id, ours);
            }
            WriteCheck::AlreadyStored => {}
            WriteCheck::Conflict => {
                let stored = merged[&rk.id].clone();
                let settled = settle(rk.collection, data.befores.get(rk), &ours, &stored, edit);
                if let Some(write) = &settled.write {
                    merged.insert(rk.id, write.clone());
                }
                keep_settled(store, session, report, rk, settled, stored);
            }
        }
    }
    // What other tabs changed in this bucket comes in; what a slower tab's stale write lost,
    // or dropped, goes back. An undone import's older versions are not stale (they come in),
    // and what it removed stays out.
    for (id, stored) in merged.clone() {
        let rk = RecordKey { collection, id };
        if pending.contains(&id) || report.conflicts.iter().any(|c| c.key == rk) {
            continue;
        }
        let ours = record_value(data, rk);
        let judged = judge_stored(
            undone.as_ref(),
            rk,
            session.base.get(&rk),
            false,
            &stored,
            ours.as_ref(),
        );
        match judged {
            None => {
                merged.remove(&id);
            }
            Some(OtherTabWrite::Same | OtherTabWrite::Later) => {}
            Some(OtherTabWrite::Take | OtherTabWrite::Conflict) => {
                report.incoming.push((rk, stored))
            }
            Some(OtherTabWrite::Rewrite) => {
                merged.insert(id, ours.expect("a rewrite has our copy"));
            }
        }
    }
    for rk in keys_of(data, collection)
        .into_iter()
        .filter(|rk| prefix.contains(&rk.id))
    {
        if !merged.contains_key(&rk.id)
            && session.base.contains_key(&rk)
            && !pending.contains(&rk.id)
        {
            if let Some(ours) = record_value(data, rk) {
                let version = value_version(&ours).unwrap_or_default();
                if undone.as_ref().is_some_and(|u| u.took_out(rk, &version)) {
                    // Removed by another tab's undo, not lost: it goes here too.
                    session.base.remove(&rk);
                    report.removed.push(rk);
                } else {
                    merged.insert(rk.id, ours);
                }
            }
        }
    }

    // A version put back over a delta (an import of a few records) is written into that delta
    // first: the bucket may already hold it (its text then unchanged, which the browser does not
    // announce), and other tabs must hear of the version put back before the delta goes.
    for (rk, dk, raw) in absorbed.iter_mut() {
        if !rollback.is_some_and(|r| r.restores(*rk)) {
            continue;
        }
        let Some(back) = merged.get(&rk.id) else {
            continue;
        };
        let text = codec::encode(std::slice::from_ref(back));
        if *raw != text && store.get(dk)?.as_deref() == Some(raw.as_str()) {
            set_with_room(store, session, report, dk, &text)?;
            *raw = text;
        }
    }

    let mut outputs = Vec::new();
    let rows: Vec<Value> = merged.values().cloned().chain(orphans).collect();
    encode_split(collection, prefix, rows, &mut outputs);
    let split = outputs.len() > 1 || outputs.first().is_some_and(|(p, _)| p != prefix);
    for (p, text) in &outputs {
        set_with_room(store, session, report, &bucket_key(collection, p), text)?;
    }
    if split && session.sizes.contains_key(&bk) {
        remove(store, session, &bk)?;
    }
    for (id, value) in &merged {
        let rk = RecordKey {
            collection,
            id: *id,
        };
        if !report.conflicts.iter().any(|c| c.key == rk) {
            session
                .base
                .insert(rk, value_version(value).unwrap_or_default());
        }
        drop_legacy(store, session, rk)?;
    }
    for (_, dk, raw) in absorbed {
        // Only if no other tab wrote a newer delta meanwhile.
        if store.get(&dk)?.as_deref() == Some(raw.as_str()) {
            remove(store, session, &dk)?;
        }
    }
    Ok(GroupOutcome::Written)
}

/// A bucket's deltas may add up to an eighth of the bucket (at least [`FOLD_UNITS`]) before they
/// are folded: deltas then never take more than about an eighth more room than the buckets, and
/// a fold (one bucket write) is spread over enough edits to cost each about eight deltas.
fn fold_units(bucket_units: Option<usize>) -> usize {
    (bucket_units.unwrap_or(0) / 8).max(FOLD_UNITS)
}

fn keys_of(data: &Dataset, collection: Collection) -> Vec<RecordKey> {
    fn keys<T: Stored>(data: &Dataset) -> Vec<RecordKey> {
        T::table(data)
            .iter_all()
            .map(|r| RecordKey {
                collection: T::COLLECTION,
                id: r.id(),
            })
            .collect()
    }
    crate::with_record_type!(collection, T => keys::<T>(data))
}

/// Encodes a bucket, halving it by the next hash bit while it is too big and can be split.
fn encode_split(
    collection: Collection,
    prefix: &Prefix,
    rows: Vec<Value>,
    out: &mut Vec<(Prefix, String)>,
) {
    let splittable = rows.len() >= 2 && prefix.0.len() < 64;
    // A bulk save (a migration, an import) may hold thousands of records: judge from a sample
    // whether they are far too many, so the whole is not compressed again at every halving.
    const SAMPLE: usize = 64;
    let far_too_big = splittable
        && rows.len() > SAMPLE * 2
        && codec::encode(&rows[..SAMPLE]).encode_utf16().count() * rows.len() / SAMPLE
            > SPLIT_UNITS * 2;
    if !far_too_big {
        let text = codec::encode(&rows);
        let units = utf16_units(&bucket_key(collection, prefix), &text);
        if units <= SPLIT_UNITS || !splittable {
            if !rows.is_empty() || out.is_empty() {
                out.push((prefix.clone(), text));
            }
            return;
        }
    }
    let [left, right] = prefix.children();
    let (l, r): (Vec<Value>, Vec<Value>) = rows
        .into_iter()
        .partition(|v| value_key(collection, v).is_none_or(|rk| left.contains(&rk.id)));
    encode_split(collection, &left, l, out);
    encode_split(collection, &right, r, out);
}

/// Moves records still in layout-1 keys into buckets (each key is removed once its record is
/// stored again, bucket by bucket, so the space it frees is there for the next bucket), and marks
/// the store as layout 2 first, so an older app opens it read-only.
pub fn migrate(
    store: &mut impl KeyValueStore,
    data: &Dataset,
    session: &mut Session,
) -> WriteReport {
    let legacy: Vec<RecordKey> = session
        .sizes
        .keys()
        .filter(|k| !session.quarantined.contains(*k))
        .filter_map(|k| match StorageKey::parse(k) {
            Some(StorageKey::Legacy(rk)) => Some(rk),
            _ => None,
        })
        .collect();
    let mut report = save_inner(store, data, &legacy, session, None, None);
    if report.error.is_none() {
        if let Err(error) = ensure_layout(store, session, &mut report) {
            report.error = Some(error);
        }
    }
    report
}

/// Removes a settled conflict's key (unless it is fenced off as unreadable).
pub fn clear_conflict(
    store: &mut impl KeyValueStore,
    session: &mut Session,
    key: RecordKey,
) -> Result<(), StoreError> {
    let ck = super::keys::conflict_key(key);
    if session.quarantined.contains(&ck) {
        return Ok(());
    }
    remove(store, session, &ck)
}

/// Notes that everything was exported at `at`: "changes not exported since" starts afresh.
pub fn record_export(
    store: &mut impl KeyValueStore,
    session: &mut Session,
    at: DateTime<Utc>,
) -> Result<(), StoreError> {
    if session.read_only.is_some() {
        return Err(StoreError::ReadOnly);
    }
    let state = super::ExportState {
        last_export: Some(at),
        changed_since: None,
    };
    let value = serde_json::to_string(&state).expect("export state serialises");
    let mut report = WriteReport::default();
    set_with_room(store, session, &mut report, super::keys::EXPORT_KEY, &value)?;
    session.export = state;
    Ok(())
}

/// Takes the records an undone import removed out of storage altogether (not a tombstone:
/// no other office saw them), wherever they are: delta, bucket, layout 1, conflict key. Only a
/// copy at the version the import wrote goes; another tab's later edit of one is kept.
fn forget_removed(
    store: &mut impl KeyValueStore,
    session: &mut Session,
    report: &mut WriteReport,
    rollback: &Rollback,
) -> Result<(), StoreError> {
    let took_out = |rk: RecordKey, value: &Value| {
        rollback.took_out(rk, &value_version(value).unwrap_or_default())
    };
    let mut by_bucket: BTreeMap<(Collection, Prefix), BTreeSet<Id>> = BTreeMap::new();
    for rk in rollback.removed() {
        for key in [delta_key(rk), super::keys::conflict_key(rk)] {
            if session.quarantined.contains(&key) {
                continue;
            }
            let Some(raw) = store.get(&key)? else {
                continue;
            };
            if one_record(&raw, rk).is_ok_and(|v| took_out(rk, &v)) {
                remove(store, session, &key)?;
            }
        }
        let key = legacy_key(rk);
        if !session.quarantined.contains(&key) {
            if let Some(raw) = store.get(&key)? {
                if super::legacy::read_record(&raw, rk).is_ok_and(|v| took_out(rk, &v)) {
                    remove(store, session, &key)?;
                }
            }
        }
        session.base.remove(&rk);
        by_bucket
            .entry((rk.collection, route(session, rk.collection, &rk.id)))
            .or_default()
            .insert(rk.id);
    }
    for ((collection, prefix), ids) in by_bucket {
        let bk = bucket_key(collection, &prefix);
        let Some(raw) = store.get(&bk)? else {
            continue;
        };
        let Ok(values) = codec::decode(&raw) else {
            continue; // unreadable: left as it is
        };
        let count = values.len();
        let kept: Vec<Value> = values
            .into_iter()
            .filter(|v| {
                value_key(collection, v).is_none_or(|rk| !(ids.contains(&rk.id) && took_out(rk, v)))
            })
            .collect();
        if kept.len() < count {
            set_with_room(store, session, report, &bk, &codec::encode(&kept))?;
        }
    }
    Ok(())
}
