//! The office's data in memory, and every edit to it. Edits stamp the record envelope and
//! report which records changed, so storage writes only those.

use super::sorting;
use std::collections::BTreeMap;

use chrono::{DateTime, Utc};
use rustc_hash::{FxHashMap, FxHashSet};
use serde::{Deserialize, Serialize};

use crate::records::edits::Befores;
use crate::records::event::Event;
use crate::records::history::{self, Change, How};
use crate::records::meta::{Id, Meta, OfficeId};
use crate::records::model::{Agreement, AgreementKind, Organisation, Person};
use crate::records::recommendation::Recommendation;
use crate::records::record::{Collection, Record, RecordKey};

/// This installation: its generated id (keys version vectors) and the name the user gave it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct OfficeProfile {
    pub id: OfficeId,
    pub name: String,
}

/// Who edits, and when: every edit is stamped with both.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Stamp {
    pub office: OfficeId,
    pub now: DateTime<Utc>,
}

/// One collection's records by id, deleted ones (tombstones) included.
#[derive(Clone, Debug, PartialEq)]
pub struct Table<T> {
    records: BTreeMap<Id, T>,
}

impl<T> Default for Table<T> {
    fn default() -> Self {
        Table {
            records: BTreeMap::new(),
        }
    }
}

impl<T: Record> Table<T> {
    /// A record, deleted or not.
    pub fn get(&self, id: &Id) -> Option<&T> {
        self.records.get(id)
    }

    /// A record that is not deleted.
    pub fn live(&self, id: &Id) -> Option<&T> {
        self.records.get(id).filter(|r| r.is_live())
    }

    pub fn iter_live(&self) -> impl Iterator<Item = &T> {
        self.records.values().filter(|r| r.is_live())
    }

    pub fn iter_all(&self) -> impl Iterator<Item = &T> {
        self.records.values()
    }

    /// Every record from `from` on, in id order (a long walk resumed where it stopped).
    pub fn after(&self, from: std::ops::Bound<Id>) -> impl Iterator<Item = &T> {
        self.records
            .range((from, std::ops::Bound::Unbounded))
            .map(|(_, r)| r)
    }

    pub fn count_live(&self) -> usize {
        self.iter_live().count()
    }

    /// Puts a record as it is, envelope untouched (loading, merging).
    pub fn put(&mut self, record: T) {
        self.records.insert(record.id(), record);
    }

    /// Takes records out altogether, not as tombstones: only an undone import does this, for
    /// the records it had added.
    pub fn remove(&mut self, ids: &std::collections::BTreeSet<Id>) {
        self.records.retain(|id, _| !ids.contains(id));
    }
}

/// Lets generic code reach the table of a record type.
pub trait Stored: Record {
    fn table(data: &Dataset) -> &Table<Self>;
    fn table_mut(data: &mut Dataset) -> &mut Table<Self>;
}

macro_rules! impl_stored {
    ($ty:ty, $field:ident) => {
        impl Stored for $ty {
            fn table(data: &Dataset) -> &Table<Self> {
                &data.$field
            }
            fn table_mut(data: &mut Dataset) -> &mut Table<Self> {
                &mut data.$field
            }
        }
    };
}

/// Runs `$body` with `$T` bound to the record type of `$collection`: the one place that maps
/// collection names to types, so storage, files and merge handle every collection alike.
#[macro_export]
macro_rules! with_record_type {
    ($collection:expr, $T:ident => $body:expr) => {
        match $collection {
            $crate::records::record::Collection::Organisations => {
                type $T = $crate::records::model::Organisation;
                $body
            }
            $crate::records::record::Collection::People => {
                type $T = $crate::records::model::Person;
                $body
            }
            $crate::records::record::Collection::Agreements => {
                type $T = $crate::records::model::Agreement;
                $body
            }
            $crate::records::record::Collection::Events => {
                type $T = $crate::records::event::Event;
                $body
            }
            $crate::records::record::Collection::Recommendations => {
                type $T = $crate::records::recommendation::Recommendation;
                $body
            }
        }
    };
}

/// Every record of the office.
#[derive(Clone, Debug, Default)]
pub struct Dataset {
    pub organisations: Table<Organisation>,
    pub people: Table<Person>,
    pub agreements: Table<Agreement>,
    pub events: Table<Event>,
    pub recommendations: Table<Recommendation>,
    /// What the edits not yet stored were made on (bookkeeping of this tab, not data: two
    /// datasets with the same records are equal whatever their befores).
    pub befores: Befores,
    /// The name of the person editing in this browser (Settings), written into each history
    /// entry an edit makes; empty when none was given. Not data, like `befores`.
    pub editor: String,
}

impl PartialEq for Dataset {
    fn eq(&self, other: &Self) -> bool {
        self.organisations == other.organisations
            && self.people == other.people
            && self.agreements == other.agreements
            && self.events == other.events
            && self.recommendations == other.recommendations
    }
}
impl_stored!(Organisation, organisations);
impl_stored!(Person, people);
impl_stored!(Agreement, agreements);
impl_stored!(Event, events);
impl_stored!(Recommendation, recommendations);

/// What a save did: the record stored as a new edit, or nothing, because it was as stored.
/// A save that changes nothing is no edit: no version bump (another office would take the
/// record for newer), no write, no "saved".
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Saved {
    Changed(RecordKey),
    Unchanged(RecordKey),
}

impl Saved {
    pub fn key(self) -> RecordKey {
        match self {
            Saved::Changed(key) | Saved::Unchanged(key) => key,
        }
    }

    /// The keys to write: the record's, if it changed.
    pub fn changed_keys(self) -> Vec<RecordKey> {
        match self {
            Saved::Changed(key) => vec![key],
            Saved::Unchanged(_) => Vec::new(),
        }
    }
}

/// True when two versions say the same thing, whatever their version, edit time and history.
pub fn same_content<T: Record>(a: &T, b: &T) -> bool {
    if a == b {
        return true;
    }
    let mut a = a.clone();
    let meta = a.meta_mut();
    meta.version = b.meta().version.clone();
    meta.updated = b.meta().updated;
    meta.changes = b.meta().changes.clone();
    meta.folded_changes = b.meta().folded_changes.clone();
    a == *b
}

/// Adds to `record`'s history the entry of its last edit (stamped `stamp`: `touch` has run),
/// made out of `was` (its JSON; none: created) by `by`, arriving `how`.
pub fn note_change<T: Record>(
    record: &mut T,
    was: Option<&serde_json::Value>,
    stamp: Stamp,
    by: &str,
    how: How,
) {
    let edit = record.meta().version.get(&stamp.office);
    let typed = how == How::Typed;
    let now = serde_json::to_value(&*record).expect("records serialise");
    let change = Change::of_edit(
        record.id(),
        (stamp.office, edit, stamp.now),
        by,
        how,
        was,
        &now,
    );
    // A commit that changes no field (a version bump alone, as generated data makes) is no
    // entry: history says what changed.
    if change.fields.is_empty() && typed {
        return;
    }
    let meta = record.meta_mut();
    meta.changes.push(change);
    history::fold(
        &mut meta.changes,
        &mut meta.folded_changes,
        history::KEEP_WHOLE,
    );
}

/// Why a delete was refused: live records still point at this one.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DeleteBlocked {
    /// The live records that still refer to the record.
    pub referenced_by: Vec<RecordKey>,
}

impl Dataset {
    pub fn is_empty(&self) -> bool {
        Collection::ALL
            .into_iter()
            .all(|c| crate::with_record_type!(c, T => T::table(self).iter_all().next().is_none()))
    }

    pub fn table<T: Stored>(&self) -> &Table<T> {
        T::table(self)
    }

    /// Stamps one local edit of `record`, typed here, and stores it; no validation (callers
    /// validate first).
    pub fn commit<T: Stored>(&mut self, record: T, stamp: Stamp) -> RecordKey {
        self.commit_as(record, stamp, How::Typed)
    }

    /// Stamps one local edit of `record` that arrived `how`, notes it in the record's history
    /// (field by field against the stored record) and stores it.
    pub fn commit_as<T: Stored>(&mut self, mut record: T, stamp: Stamp, how: How) -> RecordKey {
        let key = RecordKey {
            collection: T::COLLECTION,
            id: record.id(),
        };
        let mut held = None;
        let mut was = None;
        if let Some(existing) = T::table(self).get(&record.id()) {
            let meta = record.meta_mut();
            meta.created = existing.meta().created;
            // A copy keeps the version it was read at, so an edit made on a copy older than the
            // stored record (a form opened before another tab saved it) does not pass for a newer
            // version: storage then merges it field by field, or keeps both as a conflict. A copy
            // without a version (never saved) takes the stored one.
            if meta.version.0.is_empty() {
                meta.version = existing.meta().version.clone();
            }
            // History is the stored record's and the copy's together (a copy may be older).
            meta.unite_history(existing.meta());
            let existing_value = serde_json::to_value(existing).expect("records serialise");
            // The first edit since the record was stored notes what it was made on (one copy).
            if !self.befores.has(key) {
                held = Some((existing.meta().version.clone(), existing_value.clone()));
            }
            was = Some(existing_value);
        } else {
            record.meta_mut().created = stamp.now;
        }
        if let Some(held) = held {
            let parent = record.meta().version.clone();
            self.befores.note_edit(key, &parent, Some(held));
        }
        record.meta_mut().touch(stamp.office, stamp.now);
        // A record's creation is no entry (its envelope says when): one per record would take a
        // third of the quota for 50,000 events (docs/benchmarks.md, "History").
        if was.is_some() || how != How::Typed {
            note_change(&mut record, was.as_ref(), stamp, &self.editor, how);
        }
        T::table_mut(self).put(record);
        key
    }

    /// Stores `record` as one local edit (`commit`), unless it is the stored record as it is:
    /// the same fields and the same deleted flag (the envelope's stamps aside).
    pub fn save<T: Stored>(&mut self, record: T, stamp: Stamp) -> Saved {
        let unchanged = T::table(self).get(&record.id()).is_some_and(|stored| {
            let mut probe = record.clone();
            *probe.meta_mut() = Meta {
                deleted: record.meta().deleted,
                ..stored.meta().clone()
            };
            probe == *stored
        });
        if unchanged {
            Saved::Unchanged(RecordKey {
                collection: T::COLLECTION,
                id: record.id(),
            })
        } else {
            Saved::Changed(self.commit(record, stamp))
        }
    }

    /// Notes the copy of a record a form read, when it is older than the one held now: an edit
    /// saved from it was made on it (see `Befores`).
    pub fn note_read<T: Stored>(&mut self, copy: &T) {
        let key = RecordKey {
            collection: T::COLLECTION,
            id: copy.id(),
        };
        let value = serde_json::to_value(copy).expect("records serialise");
        self.befores
            .note_read(key, copy.meta().version.clone(), value);
    }

    /// Live records that refer to `key`'s record (as party, signatory, chair, parent, link…).
    pub fn referenced_by(&self, key: RecordKey) -> Vec<RecordKey> {
        self.referenced_by_any(&FxHashSet::from_iter([key]))
            .remove(&key)
            .unwrap_or_default()
    }

    /// [`Self::referenced_by`] of each of `keys`, in one pass over the live records (an import
    /// may delete thousands of records, each of which would otherwise take a pass). Only keys
    /// some record refers to are in the map.
    pub fn referenced_by_any(
        &self,
        keys: &FxHashSet<RecordKey>,
    ) -> FxHashMap<RecordKey, Vec<RecordKey>> {
        use Collection as C;
        let mut users: FxHashMap<RecordKey, Vec<RecordKey>> = FxHashMap::default();
        if keys.is_empty() {
            return users;
        }
        // Each user once per record it names, however many times it names it: a record's
        // references are met one after the other, so a repeat is the last user listed.
        // Most ids named are none of the keys': turned away by the id alone.
        let ids: FxHashSet<Id> = keys.iter().map(|k| k.id).collect();
        let mut note = |user: RecordKey, collection: Collection, id: Id| {
            let key = RecordKey { collection, id };
            if ids.contains(&id) && keys.contains(&key) {
                let list = users.entry(key).or_default();
                if list.last() != Some(&user) {
                    list.push(user);
                }
            }
        };
        // Only the fields that name a collection among the keys' are looked at.
        let wanted = |c: Collection| keys.iter().any(|k| k.collection == c);
        let (orgs, people, agreements, events) = (
            wanted(C::Organisations),
            wanted(C::People),
            wanted(C::Agreements),
            wanted(C::Events),
        );
        let key = |collection, id| RecordKey { collection, id };
        if orgs || people || agreements {
            for a in self.agreements.iter_live() {
                let user = key(C::Agreements, a.id());
                if orgs {
                    for p in &a.parties {
                        note(user, C::Organisations, p.organisation);
                    }
                    for area in &a.areas {
                        for o in &area.responsible {
                            note(user, C::Organisations, *o);
                        }
                    }
                }
                for s in &a.signatories {
                    if orgs {
                        note(user, C::Organisations, s.organisation);
                    }
                    if people {
                        note(user, C::People, s.person);
                    }
                }
                if let Some(parent) = a.parent.filter(|p| agreements && *p != a.id()) {
                    note(user, C::Agreements, parent);
                }
            }
        }
        if people || agreements {
            for e in self.events.iter_live() {
                let user = key(C::Events, e.id());
                if people {
                    for c in &e.chairs {
                        note(user, C::People, c.person);
                    }
                }
                if agreements {
                    for l in &e.agreements {
                        note(user, C::Agreements, l.agreement);
                    }
                }
            }
        }
        if orgs || agreements || events {
            for r in self.recommendations.iter_live() {
                let user = key(C::Recommendations, r.id());
                if orgs {
                    for o in r.raised_by.iter().chain(&r.addressed_to) {
                        note(user, C::Organisations, *o);
                    }
                }
                if let Some(a) = r.agreement.filter(|_| agreements) {
                    note(user, C::Agreements, a);
                }
                if let Some(e) = r.event.filter(|_| events) {
                    note(user, C::Events, e);
                }
            }
        }
        users
    }

    /// Soft-deletes a record (a tombstone), unless live agreements still refer to it.
    pub fn delete<T: Stored>(&mut self, id: Id, stamp: Stamp) -> Result<RecordKey, DeleteBlocked> {
        let key = RecordKey {
            collection: T::COLLECTION,
            id,
        };
        let referenced_by = self.referenced_by(key);
        if !referenced_by.is_empty() {
            return Err(DeleteBlocked { referenced_by });
        }
        self.set_deleted::<T>(id, true, stamp);
        Ok(key)
    }

    /// Undoes a delete. It is a new edit, not a rollback, so other offices see it too.
    pub fn undelete<T: Stored>(&mut self, id: Id, stamp: Stamp) -> Option<RecordKey> {
        self.set_deleted::<T>(id, false, stamp)
    }

    fn set_deleted<T: Stored>(&mut self, id: Id, deleted: bool, stamp: Stamp) -> Option<RecordKey> {
        let mut record = T::table(self).get(&id)?.clone();
        if record.meta().deleted == deleted {
            return None;
        }
        record.meta_mut().deleted = deleted;
        let how = if deleted { How::Typed } else { How::Undeleted };
        Some(self.commit_as(record, stamp, how))
    }

    /// Plans whose parent is `regulation`, by title.
    pub fn plans_of(&self, regulation: Id) -> Vec<&Agreement> {
        let mut plans: Vec<&Agreement> = self
            .agreements
            .iter_live()
            .filter(|a| a.parent == Some(regulation))
            .collect();
        sorting::sort_by(&mut plans, |a, b| a.title.cmp(&b.title));
        plans
    }

    /// Live agreements that supersede `id` (normally one: the next period's).
    pub fn superseded_by(&self, id: Id) -> Vec<&Agreement> {
        self.agreements
            .iter_live()
            .filter(|a| a.supersedes == Some(id))
            .collect()
    }

    /// Live regulations, for choosing a plan's parent.
    pub fn regulations(&self) -> impl Iterator<Item = &Agreement> {
        self.agreements
            .iter_live()
            .filter(|a| a.kind == AgreementKind::Regulation)
    }

    /// An organisation's full name as printed in tables and documents; its label when it has
    /// none or is unknown.
    pub fn organisation_name(&self, id: &Id) -> String {
        match self.organisations.get(id) {
            Some(o) if !o.name.trim().is_empty() => o.name.trim().to_string(),
            _ => self.organisation_label(id),
        }
    }

    /// An organisation's full name with its locality ("Sở Y tế (Trà Vinh)"), as the office
    /// files name it, so two provinces' departments are told apart; its label when it has no
    /// name or is unknown.
    pub fn organisation_display_name(&self, id: &Id) -> String {
        match self.organisations.get(id) {
            Some(o) if !o.name.trim().is_empty() => o.display_name(),
            _ => self.organisation_label(id),
        }
    }

    /// A label for an organisation id, even a deleted or unknown one.
    pub fn organisation_label(&self, id: &Id) -> String {
        match self.organisations.get(id) {
            Some(org) => org.label(),
            None => format!("({})", &id.to_string()[..8]),
        }
    }

    /// What a record is called in lists and links; None when it is not in this dataset.
    pub fn record_label(&self, key: RecordKey) -> Option<String> {
        use Collection as C;
        let id = &key.id;
        match key.collection {
            C::Organisations => self.organisations.get(id).map(|o| o.display_name()),
            C::People => self.people.get(id).map(|p| p.full_name.clone()),
            C::Agreements => self.agreements.get(id).map(|a| a.title.clone()),
            C::Events => self.events.get(id).map(|e| e.title.clone()),
            C::Recommendations => self.recommendations.get(id).map(|r| r.content.clone()),
        }
    }

    pub fn person_name(&self, id: &Id) -> String {
        match self.people.get(id) {
            Some(p) => p.full_name.clone(),
            None => format!("({})", &id.to_string()[..8]),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::records::meta::Meta;
    use crate::records::model::{OrganisationKind, Party};
    use crate::sample_data::support::stamp;
    use uuid::Uuid;

    fn org(data: &mut Dataset, n: u128, name: &str) -> Id {
        let o = Organisation::new(
            Meta::new(Uuid::from_u128(n), stamp(77, 0).now),
            name,
            "",
            OrganisationKind::Other,
        );
        data.save_organisation(o, stamp(77, 1)).unwrap().key().id
    }

    fn two_party_regulation(data: &mut Dataset) -> Agreement {
        let a = org(data, 1, "UBND tỉnh");
        let b = org(data, 2, "Tỉnh Đoàn");
        let mut ag = Agreement::new(
            Meta::new(Uuid::from_u128(10), stamp(77, 0).now),
            "Quy chế",
            AgreementKind::Regulation,
        );
        ag.parties = vec![
            Party {
                organisation: a,
                role: "chủ trì".into(),
                lead: true,
                unknown: Default::default(),
            },
            Party {
                organisation: b,
                role: String::new(),
                lead: false,
                unknown: Default::default(),
            },
        ];
        ag
    }

    #[test]
    fn commit_stamps_created_updated_and_version() {
        let mut data = Dataset::default();
        let ag = two_party_regulation(&mut data);
        let key = data
            .save_agreement(ag.clone(), stamp(77, 100))
            .unwrap()
            .key();
        let saved = data.agreements.get(&key.id).unwrap();
        assert_eq!(saved.meta.created, stamp(77, 100).now);
        assert_eq!(saved.meta.version.total(), 1);

        // Saving the same agreement again is no edit: nothing bumped, nothing to write.
        let again = data.save_agreement(ag.clone(), stamp(77, 150)).unwrap();
        assert_eq!(again.value, Saved::Unchanged(key));
        assert!(again.changed.is_empty() && again.entries.is_empty());
        let stored = data.agreements.get(&key.id).unwrap();
        assert_eq!(
            (stored.meta.updated, stored.meta.version.total()),
            (stamp(77, 100).now, 1)
        );

        // Saving a changed copy that was never saved keeps the stored envelope and bumps from it.
        let mut ag = ag;
        ag.notes = "ghi chú mới".into();
        let key2 = data.save_agreement(ag, stamp(77, 200)).unwrap().key();
        let saved = data.agreements.get(&key2.id).unwrap().clone();
        assert_eq!(saved.meta.created, stamp(77, 100).now);
        assert_eq!(saved.meta.updated, stamp(77, 200).now);
        assert_eq!(saved.meta.version.total(), 2);

        // A copy read at version 2, saved after version 3 was stored, keeps its own version
        // (so it does not pass for a newer one than what it never saw).
        let mut newer = saved.clone();
        newer.notes = "sửa ở nơi khác".into();
        data.save_agreement(newer, stamp(77, 300)).unwrap().key();
        let mut stale = saved;
        stale.notes = "sửa trên bản cũ".into();
        let key3 = data.save_agreement(stale, stamp(77, 400)).unwrap().key();
        let v = &data.agreements.get(&key3.id).unwrap().meta.version;
        assert_eq!(v.total(), 3);
        assert_eq!(
            data.agreements.get(&key3.id).unwrap().meta.created,
            stamp(77, 100).now
        );
    }

    #[test]
    fn a_save_changing_only_the_deleted_flag_is_an_edit_and_one_changing_nothing_is_not() {
        let mut data = Dataset::default();
        let ag = two_party_regulation(&mut data);
        let key = data.save_agreement(ag, stamp(77, 1)).unwrap().key();
        let mut deleted = data.agreements.get(&key.id).unwrap().clone();
        deleted.meta.deleted = true;
        assert_eq!(
            data.save(deleted.clone(), stamp(77, 2)),
            Saved::Changed(key)
        );
        // The envelope's stamps of the copy do not count: only its fields and its flag.
        deleted.meta.updated = stamp(77, 99).now;
        assert_eq!(data.save(deleted, stamp(77, 3)), Saved::Unchanged(key));
        assert_eq!(
            data.agreements.get(&key.id).unwrap().meta.version.total(),
            2
        );
    }

    #[test]
    fn invalid_agreement_changes_nothing() {
        let mut data = Dataset::default();
        let mut ag = two_party_regulation(&mut data);
        ag.title.clear();
        let before = data.clone();
        assert!(data.save_agreement(ag, stamp(77, 5)).is_err());
        assert_eq!(data, before);
    }

    #[test]
    fn a_commit_that_changes_no_field_bumps_the_version_but_writes_no_history() {
        let mut data = Dataset::default();
        let id = org(&mut data, 1, "Sở Y tế");
        let same = data.organisations.get(&id).unwrap().clone();
        data.commit(same.clone(), stamp(77, 5));
        let after = data.organisations.get(&id).unwrap();
        assert_eq!(after.meta.version.get(&Uuid::from_u128(77)), 2);
        assert!(after.meta.changes.is_empty());
        let mut renamed = after.clone();
        renamed.name = "Sở Y tế tỉnh".into();
        data.commit(renamed, stamp(77, 6));
        assert_eq!(data.organisations.get(&id).unwrap().meta.changes.len(), 1);
    }

    #[test]
    fn delete_is_soft_and_undelete_is_a_new_edit() {
        let mut data = Dataset::default();
        let ag = two_party_regulation(&mut data);
        let id = data.save_agreement(ag, stamp(77, 1)).unwrap().key().id;
        data.delete::<Agreement>(id, stamp(77, 2)).unwrap();
        assert!(data.agreements.live(&id).is_none());
        assert!(data.agreements.get(&id).unwrap().meta.deleted);
        let key = data.undelete::<Agreement>(id, stamp(77, 3)).unwrap();
        assert_eq!(key.id, id);
        let back = data.agreements.live(&id).unwrap();
        assert_eq!(back.meta.version.total(), 3);
        assert!(
            data.undelete::<Agreement>(id, stamp(77, 4)).is_none(),
            "restoring a live record is no edit"
        );
    }

    #[test]
    fn an_organisation_in_use_cannot_be_deleted() {
        let mut data = Dataset::default();
        let ag = two_party_regulation(&mut data);
        let lead = ag.parties[0].organisation;
        let ag_id = data.save_agreement(ag, stamp(77, 1)).unwrap().key().id;
        let err = data.delete::<Organisation>(lead, stamp(77, 2)).unwrap_err();
        assert_eq!(
            err.referenced_by,
            vec![RecordKey {
                collection: Collection::Agreements,
                id: ag_id
            }]
        );
        data.delete::<Agreement>(ag_id, stamp(77, 3)).unwrap();
        assert!(
            data.delete::<Organisation>(lead, stamp(77, 4)).is_ok(),
            "a deleted agreement no longer holds it"
        );
    }

    #[test]
    fn a_regulation_with_plans_cannot_be_deleted() {
        let mut data = Dataset::default();
        let reg = two_party_regulation(&mut data);
        let mut plan = reg.clone();
        let reg_id = data.save_agreement(reg, stamp(77, 1)).unwrap().key().id;
        plan.meta = Meta::new(Uuid::from_u128(11), stamp(77, 0).now);
        plan.kind = AgreementKind::Plan;
        plan.parent = Some(reg_id);
        plan.title = "Kế hoạch".into();
        let plan_id = data.save_agreement(plan, stamp(77, 2)).unwrap().key().id;
        assert_eq!(data.plans_of(reg_id).len(), 1);
        let blocked = data.delete::<Agreement>(reg_id, stamp(77, 3)).unwrap_err();
        assert_eq!(
            blocked.referenced_by,
            vec![RecordKey {
                collection: Collection::Agreements,
                id: plan_id
            }]
        );
    }

    #[test]
    fn each_edit_notes_one_history_entry_and_a_save_changing_nothing_notes_none() {
        let mut data = Dataset::default();
        data.editor = "Nguyễn Thị Lan".into();
        let ag = two_party_regulation(&mut data);
        let key = data.save_agreement(ag, stamp(77, 100)).unwrap().key();
        let changes = |data: &Dataset| data.agreements.get(&key.id).unwrap().meta.changes.clone();
        assert!(changes(&data).is_empty(), "creation is no entry");
        let mut edited = data.agreements.get(&key.id).unwrap().clone();
        edited.title = "Quy chế (sửa)".into();
        edited.notes = "ghi chú".into();
        data.save_agreement(edited.clone(), stamp(77, 200)).unwrap();
        let edit = changes(&data)[0].clone();
        assert_eq!(
            (
                edit.by.as_str(),
                edit.how.clone(),
                edit.at,
                edit.office,
                edit.created
            ),
            (
                "Nguyễn Thị Lan",
                How::Typed,
                stamp(77, 200).now,
                stamp(77, 0).office,
                false
            )
        );
        let fields: Vec<(&str, Option<String>, Option<String>)> = edit
            .fields
            .iter()
            .map(|f| {
                let text = |e: &Option<history::Excerpt>| match e {
                    Some(history::Excerpt::Whole(t)) => Some(t.clone()),
                    _ => None,
                };
                (f.path.as_str(), text(&f.before), text(&f.after))
            })
            .collect();
        assert_eq!(
            fields,
            vec![
                ("notes", Some(String::new()), Some("ghi chú".into())),
                (
                    "title",
                    Some("Quy chế".into()),
                    Some("Quy chế (sửa)".into())
                ),
            ]
        );
        // No change, no entry.
        assert_eq!(
            data.save_agreement(edited, stamp(77, 300)).unwrap().value,
            Saved::Unchanged(key)
        );
        assert_eq!(changes(&data).len(), 1);
        // A delete is typed; bringing it back says so.
        data.delete::<Agreement>(key.id, stamp(77, 400)).unwrap();
        data.undelete::<Agreement>(key.id, stamp(77, 500)).unwrap();
        let all = changes(&data);
        assert_eq!(all.len(), 3);
        assert_eq!(all[1].fields[0].path, "deleted");
        assert_eq!(all[2].how, How::Undeleted);
        let ids: std::collections::BTreeSet<&str> = all.iter().map(|c| c.id.as_str()).collect();
        assert_eq!(ids.len(), 3, "every entry has its own id");
    }
}
