//! Property tests of the merge over random edit histories of several offices.
//!
//! Offices create, edit, delete and restore records and send each other exported files, which
//! go through the real pipeline (export → read_file → preview → apply).
//!
//! - Conflict-free histories (an office edits a record only once it holds its latest version;
//!   offices still edit different records concurrently): the merge is commutative, associative
//!   and idempotent, never reports a conflict, never lowers a version, and offices that exchange
//!   files in any order end with identical data.
//! - Free histories (anyone edits anything, so conflicts arise): conflict detection is symmetric
//!   and both directions agree on everything else; and with one deterministic rule applied by
//!   whichever office meets a conflict (keep the version whose content sorts last), offices that
//!   keep exchanging files in any order converge to identical data.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use chrono::DateTime;
use phoihop::core::exchange::file_format::{export, Header, Scope};
use phoihop::core::exchange::import::{
    apply, preview, read_file, Fingerprints, Group, IncomingFile,
};
use phoihop::core::exchange::merge::{merge, Choice};
use phoihop::core::records::meta::{Causality, Id, Meta, OfficeId, VersionVector};
use phoihop::core::records::model::{Organisation, OrganisationKind, Person};
use phoihop::core::records::record::{Collection, Record, RecordKey};
use phoihop::core::records::workspace::{Dataset, OfficeProfile, Stamp, Stored};
use phoihop::with_record_type;
use proptest::prelude::*;
use uuid::Uuid;

const OFFICES: usize = 4;

#[derive(Clone, Debug)]
enum Op {
    Create {
        office: usize,
    },
    Edit {
        office: usize,
        record: usize,
        value: u8,
    },
    Delete {
        office: usize,
        record: usize,
    },
    Undelete {
        office: usize,
        record: usize,
    },
    Send {
        from: usize,
        to: usize,
    },
}

fn op() -> impl Strategy<Value = Op> {
    let office = 0..OFFICES;
    prop_oneof![
        2 => office.clone().prop_map(|office| Op::Create { office }),
        5 => (office.clone(), 0..12usize, 0..4u8).prop_map(|(office, record, value)| Op::Edit { office, record, value }),
        1 => (office.clone(), 0..12usize).prop_map(|(office, record)| Op::Delete { office, record }),
        1 => (office.clone(), 0..12usize).prop_map(|(office, record)| Op::Undelete { office, record }),
        3 => (office.clone(), office).prop_map(|(from, to)| Op::Send { from, to }),
    ]
}

fn office_id(i: usize) -> OfficeId {
    Uuid::from_u128(0xF000 + i as u128)
}

/// Record n is an organisation when n is even, a person when odd: two collections alike.
fn key_of(n: usize) -> RecordKey {
    RecordKey {
        collection: if n % 2 == 0 {
            Collection::Organisations
        } else {
            Collection::People
        },
        id: Uuid::from_u128(0x1000 + n as u128),
    }
}

/// Content that sorts: the record without its version and edit time.
fn content<T: Record>(record: &T) -> String {
    let mut value = serde_json::to_value(record).unwrap();
    let fields = value.as_object_mut().unwrap();
    fields.remove("version");
    fields.remove("updated");
    value.to_string()
}

fn version_of(data: &Dataset, key: RecordKey) -> Option<VersionVector> {
    fn v<T: Stored>(data: &Dataset, id: &Id) -> Option<VersionVector> {
        T::table(data).get(id).map(|r| r.meta().version.clone())
    }
    with_record_type!(key.collection, T => v::<T>(data, &key.id))
}

struct World {
    offices: Vec<Dataset>,
    fingerprints: Vec<Fingerprints>,
    created: usize,
    clock: i64,
    /// The latest version of each record anywhere: in conflict-free mode only its holder edits.
    latest: HashMap<RecordKey, VersionVector>,
    conflict_free: bool,
    /// Every history entry ever made, anywhere, by record.
    ever: BTreeMap<RecordKey, BTreeSet<String>>,
}

impl World {
    fn new(conflict_free: bool) -> World {
        let offices = (0..OFFICES)
            .map(|i| Dataset {
                editor: format!("Người {i}"),
                ..Dataset::default()
            })
            .collect();
        World {
            offices,
            ever: BTreeMap::new(),
            fingerprints: vec![Fingerprints::default(); OFFICES],
            created: 0,
            clock: 0,
            latest: HashMap::new(),
            conflict_free,
        }
    }

    fn stamp(&mut self, office: usize) -> Stamp {
        self.clock += 1;
        Stamp {
            office: office_id(office),
            now: DateTime::from_timestamp(1_700_000_000 + self.clock, 0).unwrap(),
        }
    }

    /// Whether `office` may edit record `n` now.
    fn may_edit(&self, office: usize, n: usize) -> Option<RecordKey> {
        if self.created == 0 {
            return None;
        }
        // Any index names an existing record, so most edits land.
        let key = key_of(n % self.created);
        let held = version_of(&self.offices[office], key)?;
        (!self.conflict_free || self.latest.get(&key) == Some(&held)).then_some(key)
    }

    fn note(&mut self, office: usize, key: RecordKey) {
        let version = version_of(&self.offices[office], key).unwrap();
        self.latest.insert(key, version);
    }

    fn run(&mut self, op: &Op) {
        self.step(op);
        self.collect_entries();
    }

    fn collect_entries(&mut self) {
        for data in &self.offices {
            for (key, ids) in entry_ids(data) {
                self.ever.entry(key).or_default().extend(ids);
            }
        }
    }

    fn step(&mut self, op: &Op) {
        match *op {
            Op::Create { office } => {
                let key = key_of(self.created);
                self.created += 1;
                let stamp = self.stamp(office);
                let meta = Meta::new(key.id, stamp.now);
                let data = &mut self.offices[office];
                match key.collection {
                    Collection::Organisations => {
                        data.commit(
                            Organisation::new(meta, "Sở", "", OrganisationKind::Department),
                            stamp,
                        );
                    }
                    _ => {
                        data.commit(Person::new(meta, "Nguyễn Văn A"), stamp);
                    }
                }
                self.note(office, key);
            }
            Op::Edit {
                office,
                record,
                value,
            } => {
                let Some(key) = self.may_edit(office, record) else {
                    return;
                };
                let stamp = self.stamp(office);
                let data = &mut self.offices[office];
                fn edit<T: Stored>(data: &mut Dataset, id: Id, notes: String, stamp: Stamp) {
                    let mut r = T::table(data).get(&id).unwrap().clone();
                    let value = serde_json::to_value(&r).unwrap();
                    let mut value = value;
                    value["notes"] = serde_json::Value::String(notes);
                    r = serde_json::from_value(value).unwrap();
                    data.commit(r, stamp);
                }
                let notes = format!("ghi chú {value}");
                with_record_type!(key.collection, T => edit::<T>(data, key.id, notes, stamp));
                self.note(office, key);
            }
            Op::Delete { office, record } | Op::Undelete { office, record } => {
                let Some(key) = self.may_edit(office, record) else {
                    return;
                };
                let stamp = self.stamp(office);
                let data = &mut self.offices[office];
                let changed = match op {
                    Op::Delete { .. } => {
                        with_record_type!(key.collection, T => data.delete::<T>(key.id, stamp).ok())
                    }
                    _ => with_record_type!(key.collection, T => data.undelete::<T>(key.id, stamp)),
                };
                if changed.is_some() {
                    self.note(office, key);
                }
            }
            Op::Send { from, to } => {
                if from != to {
                    self.send(from, to);
                }
            }
        }
    }

    /// `to` imports `from`'s export, deciding any conflict by the deterministic rule.
    fn send(&mut self, from: usize, to: usize) -> bool {
        let text = export(
            &self.offices[from],
            &Header::new(
                &OfficeProfile {
                    id: office_id(from),
                    name: format!("Đơn vị {from}"),
                },
                Scope::All,
                DateTime::from_timestamp(0, 0).unwrap(),
            ),
            None,
        );
        let stamp = self.stamp(to);
        let local = &mut self.offices[to];
        let before_versions: Vec<(RecordKey, VersionVector)> = all_keys(local)
            .into_iter()
            .map(|k| (k, version_of(local, k).unwrap()))
            .collect();
        // Each office keeps its fingerprints across imports, brought up to date as the app does.
        self.fingerprints[to].refresh(local);
        let file = read_file(text.as_bytes(), local, stamp.office, &self.fingerprints[to])
            .expect("our own files read back");
        let cold = read_file(
            text.as_bytes(),
            local,
            stamp.office,
            &Fingerprints::default(),
        )
        .unwrap();
        assert_eq!(
            file.every_record_built(),
            cold.records,
            "fingerprints change nothing read"
        );
        assert_eq!(file.warnings, cold.warnings);
        let p = preview(&file, local);
        if self.conflict_free {
            assert_eq!(
                p.count(Group::Conflict),
                0,
                "a conflict in a conflict-free history"
            );
        }
        let choices = p
            .in_group(Group::Conflict)
            .map(|e| {
                fn rule<T: Stored>(local: &Dataset, file: &IncomingFile, id: &Id) -> Choice {
                    let mine = content(T::table(local).get(id).unwrap());
                    let theirs = content(&*file.record::<T>(id).unwrap());
                    if mine >= theirs {
                        Choice::KeepMine
                    } else {
                        Choice::TakeTheirs
                    }
                }
                let choice =
                    with_record_type!(e.key.collection, T => rule::<T>(local, &file, &e.key.id));
                (e.key, choice)
            })
            .collect();
        let applied = apply(local, &file, &choices, stamp, || {
            unreachable!("no keep-both here")
        })
        .unwrap();
        // Never rolls back: every version afterwards has seen the one before.
        for (key, before) in before_versions {
            let after = version_of(local, key).unwrap();
            assert!(
                matches!(
                    after.compare(&before),
                    Causality::Equal | Causality::Dominates
                ),
                "{key:?} went from {before:?} to {after:?}"
            );
        }
        if self.conflict_free {
            for key in &applied.written {
                let v = version_of(local, *key).unwrap();
                let latest = self.latest.get(key).cloned().unwrap_or_default();
                if matches!(v.compare(&latest), Causality::Dominates) {
                    self.latest.insert(*key, v);
                }
            }
        } else {
            for key in &applied.written {
                self.note(to, *key);
            }
        }
        self.collect_entries();
        !applied.written.is_empty()
    }
}

/// Each record's history entry ids, in the record's order, then those of its folded entries
/// (so an entry both whole and folded shows twice).
fn entry_ids(data: &Dataset) -> BTreeMap<RecordKey, Vec<String>> {
    fn ids<T: Stored>(data: &Dataset, id: &Id) -> Vec<String> {
        let meta = T::table(data).get(id).unwrap().meta();
        let whole = meta.changes.iter().map(|c| c.id.clone());
        let folded = meta
            .folded_changes
            .iter()
            .flat_map(|f| f.ids.iter().cloned());
        whole.chain(folded).collect()
    }
    all_keys(data)
        .into_iter()
        .map(|k| {
            (
                k,
                with_record_type!(k.collection, T => ids::<T>(data, &k.id)),
            )
        })
        .collect()
}

/// Every entry of `parts` once, none lost, none twice, oldest first, in `whole`.
fn history_is_the_union(whole: &Dataset, parts: &[&Dataset]) -> Result<(), TestCaseError> {
    let mut expected: BTreeMap<RecordKey, BTreeSet<String>> = BTreeMap::new();
    for part in parts {
        for (key, ids) in entry_ids(part) {
            expected.entry(key).or_default().extend(ids);
        }
    }
    for (key, ids) in entry_ids(whole) {
        let set: BTreeSet<String> = ids.iter().cloned().collect();
        prop_assert_eq!(set.len(), ids.len(), "an entry twice in {:?}", key);
        prop_assert!(
            set.is_superset(&expected[&key]),
            "an entry lost in {:?}",
            key
        );
    }
    Ok(())
}

fn all_keys(data: &Dataset) -> Vec<RecordKey> {
    phoihop::core::storage::all_keys(data)
}

fn gossip_order(seed: &[usize]) -> Vec<(usize, usize)> {
    let mut pairs: Vec<(usize, usize)> = (0..OFFICES)
        .flat_map(|a| (0..OFFICES).map(move |b| (a, b)))
        .filter(|(a, b)| a != b)
        .collect();
    // A permutation driven by the generated seed.
    for (i, s) in seed.iter().enumerate() {
        let len = pairs.len();
        pairs.swap(i % len, s % len);
    }
    pairs
}

/// After convergence every office holds every entry ever made, each once: no loss, no
/// duplicate, whichever way the files went.
fn every_entry_ever_made_is_held_once(world: &World) -> Result<(), TestCaseError> {
    for data in &world.offices {
        let held = entry_ids(data);
        for (key, ever) in &world.ever {
            let ids = &held[key];
            let set: BTreeSet<String> = ids.iter().cloned().collect();
            prop_assert_eq!(set.len(), ids.len(), "an entry twice in {:?}", key);
            prop_assert_eq!(&set, ever, "entries of {:?}", key);
        }
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 96, ..ProptestConfig::default() })]

    #[test]
    fn conflict_free_merge_is_commutative_associative_idempotent(ops in prop::collection::vec(op(), 0..60)) {
        let mut world = World::new(true);
        for op in &ops { world.run(op); }
        let [x, y, z, _] = [0, 1, 2, 3].map(|i| world.offices[i].clone());
        let xy = merge(&x, &y);
        let yx = merge(&y, &x);
        prop_assert!(xy.conflicts.is_empty() && yx.conflicts.is_empty());
        prop_assert_eq!(&xy.data, &yx.data);
        let left = merge(&xy.data, &z).data;
        let right = merge(&x, &merge(&y, &z).data).data;
        prop_assert_eq!(&left, &right);
        prop_assert_eq!(&merge(&x, &x).data, &x);
        prop_assert_eq!(&merge(&xy.data, &y).data, &xy.data);
        // History: the union of both sides' entries, each once.
        history_is_the_union(&xy.data, &[&x, &y])?;
        history_is_the_union(&left, &[&x, &y, &z])?;
    }

    #[test]
    fn conflict_free_offices_exchanging_files_in_any_order_converge(
        ops in prop::collection::vec(op(), 0..60),
        seed in prop::collection::vec(0..1000usize, 12),
    ) {
        let mut world = World::new(true);
        for op in &ops { world.run(op); }
        for (from, to) in gossip_order(&seed) { world.send(from, to); }
        for i in 1..OFFICES {
            prop_assert_eq!(&world.offices[i], &world.offices[0]);
        }
        every_entry_ever_made_is_held_once(&world)?;
        // Converged means quiet: one more file in any direction changes nothing.
        for (from, to) in gossip_order(&seed) {
            prop_assert!(!world.send(from, to));
        }
    }

    #[test]
    fn conflicts_are_detected_symmetrically_and_the_rest_agrees(ops in prop::collection::vec(op(), 0..60)) {
        let mut world = World::new(false);
        for op in &ops { world.run(op); }
        for a in 0..OFFICES {
            for b in 0..OFFICES {
                let (x, y) = (&world.offices[a], &world.offices[b]);
                let xy = merge(x, y);
                let yx = merge(y, x);
                let cx: BTreeSet<RecordKey> = xy.conflicts.iter().copied().collect();
                let cy: BTreeSet<RecordKey> = yx.conflicts.iter().copied().collect();
                prop_assert_eq!(&cx, &cy);
                for key in all_keys(&xy.data).into_iter().filter(|k| !cx.contains(k)) {
                    fn same<T: Stored>(p: &Dataset, q: &Dataset, id: &Id) -> bool {
                        T::table(p).get(id) == T::table(q).get(id)
                    }
                    prop_assert!(with_record_type!(key.collection, T => same::<T>(&xy.data, &yx.data, &key.id)), "{:?}", key);
                }
            }
        }
    }

    #[test]
    fn with_one_deterministic_rule_for_conflicts_everyone_converges(
        ops in prop::collection::vec(op(), 0..60),
        seed in prop::collection::vec(0..1000usize, 12),
    ) {
        let mut world = World::new(false);
        for op in &ops { world.run(op); }
        let mut rounds = 0;
        loop {
            rounds += 1;
            prop_assert!(rounds <= 8, "no convergence after 8 rounds");
            let mut changed = false;
            for (from, to) in gossip_order(&seed) { changed |= world.send(from, to); }
            if !changed { break; }
        }
        for i in 1..OFFICES {
            prop_assert_eq!(&world.offices[i], &world.offices[0]);
        }
        every_entry_ever_made_is_held_once(&world)?;
    }
}
