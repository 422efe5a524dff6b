//! Which records are the sample's, and "Xóa dữ liệu mẫu": one step that removes the sample
//! records the user did not change, and its undo.
//!
//! A record is the sample's when the sample made it: its id is a sample id and the sample would
//! write it (for the current period, on the day its envelope says it was placed). It is *as the
//! sample wrote it* while its content (every field but the envelope's stamps and deleted flag)
//! is still the sample's. A sample record the user edited is the user's own from then on:
//! removing the sample keeps it, and so it keeps whatever it refers to. Removing is a delete
//! (a tombstone, a new edit like any other), so an exported file carries it to other offices;
//! undo restores the removed records (each a new edit), and "bring the sample back" restores
//! every sample record still as the sample wrote it.

use crate::commands::outcome::Outcome;
use crate::records::sorting;
use std::collections::BTreeSet;

use chrono::Timelike;

use super::current::{current_period, placed_on};
use super::sample_dataset;
use crate::records::record::{Collection, Record, RecordKey};
use crate::records::workspace::{Dataset, Stamp, Stored};

/// The sample's records as it wrote them: the history, and the current period of every day
/// the records present were placed on.
fn originals(data: &Dataset) -> Dataset {
    let mut all = sample_dataset();
    // The current period's envelopes are made at 08:00 in Vietnam (01:00 UTC) of the day.
    let mut days = BTreeSet::new();
    let created = data
        .organisations
        .iter_all()
        .map(|r| r.meta().created)
        .chain(data.people.iter_all().map(|r| r.meta().created))
        .chain(data.agreements.iter_all().map(|r| r.meta().created))
        .chain(data.events.iter_all().map(|r| r.meta().created))
        .chain(data.recommendations.iter_all().map(|r| r.meta().created));
    for at in created {
        if (at.hour(), at.minute(), at.second(), at.nanosecond()) == (1, 0, 0, 0) {
            days.insert(placed_on(at));
        }
    }
    for day in days {
        let current = current_period(day);
        for a in current.agreements.iter_all() {
            all.agreements.put(a.clone());
        }
        for e in current.events.iter_all() {
            all.events.put(e.clone());
        }
        for r in current.recommendations.iter_all() {
            all.recommendations.put(r.clone());
        }
    }
    all
}

/// Same fields, the envelope aside.
fn same_content<T: Record>(record: &T, original: &T) -> bool {
    let mut probe = record.clone();
    *probe.meta_mut() = original.meta().clone();
    probe == *original
}

/// The sample's records in `data`, by what became of them.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SampleRecords {
    /// Live and as the sample wrote them: what "Xóa dữ liệu mẫu" removes.
    pub unchanged: Vec<RecordKey>,
    /// Live, edited by the user: the user's own now, kept.
    pub edited: Vec<RecordKey>,
    /// Deleted, as the sample wrote them: what bringing the sample back restores.
    pub removed: Vec<RecordKey>,
}

fn sort_into<T: Stored>(data: &Dataset, originals: &Dataset, out: &mut SampleRecords) {
    for original in T::table(originals).iter_all() {
        let Some(record) = T::table(data).get(&original.id()) else {
            continue;
        };
        let key = RecordKey {
            collection: T::COLLECTION,
            id: record.id(),
        };
        match (record.meta().deleted, same_content(record, original)) {
            (false, true) => out.unchanged.push(key),
            (false, false) => out.edited.push(key),
            (true, true) => out.removed.push(key),
            // Deleted after an edit: the user's, and gone.
            (true, false) => {}
        }
    }
}

/// Finds the sample's records in `data`.
pub fn sample_records(data: &Dataset) -> SampleRecords {
    let originals = originals(data);
    let mut out = SampleRecords::default();
    sort_into::<crate::records::model::Organisation>(data, &originals, &mut out);
    sort_into::<crate::records::model::Person>(data, &originals, &mut out);
    sort_into::<crate::records::model::Agreement>(data, &originals, &mut out);
    sort_into::<crate::records::event::Event>(data, &originals, &mut out);
    sort_into::<crate::records::recommendation::Recommendation>(data, &originals, &mut out);
    out
}

/// What removing the sample did.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SampleRemoval {
    /// Removed (tombstones): what undo restores.
    pub removed: Vec<RecordKey>,
    /// Kept: the user edited them.
    pub kept_edited: Vec<RecordKey>,
    /// Kept: a record of the user's still refers to them (a party of the user's agreement…).
    pub kept_referred: Vec<RecordKey>,
}

/// The order that lets records referred to go after those referring to them.
fn rank(collection: Collection) -> u8 {
    match collection {
        Collection::Recommendations => 0,
        Collection::Events => 1,
        Collection::Agreements => 2,
        Collection::People => 3,
        Collection::Organisations => 4,
    }
}

/// Removes the sample's records the user did not change, in one step.
pub fn remove_sample(data: &mut Dataset, stamp: Stamp) -> Outcome<SampleRemoval> {
    let found = sample_records(data);
    let mut waiting = found.unchanged;
    sorting::sort_by_key(&mut waiting, |k| rank(k.collection));
    let mut removed = Vec::new();
    // A record refused now may be free once what refers to it is gone (a plan, then its
    // regulation): go round until a round removes nothing.
    loop {
        let before = waiting.len();
        waiting.retain(|key| {
            let done =
                crate::with_record_type!(key.collection, T => data.delete::<T>(key.id, stamp));
            match done {
                Ok(key) => {
                    removed.push(key);
                    false
                }
                Err(_) => true,
            }
        });
        if waiting.len() == before {
            break;
        }
    }
    let changed = removed.clone();
    let removal = SampleRemoval {
        removed,
        kept_edited: found.edited,
        kept_referred: waiting,
    };
    Outcome::of(data, removal, changed, stamp)
}

/// Undoes a removal, or brings back every sample record still as the sample wrote it
/// (`keys: None`). The records restored are those changed.
pub fn bring_back_sample(
    data: &mut Dataset,
    keys: Option<&[RecordKey]>,
    stamp: Stamp,
) -> Outcome<()> {
    let keys: Vec<RecordKey> = match keys {
        Some(keys) => keys.to_vec(),
        None => sample_records(data).removed,
    };
    // Referred-to records first, so nothing restored points at a deleted record.
    let mut keys = keys;
    sorting::sort_by_key(&mut keys, |k| std::cmp::Reverse(rank(k.collection)));
    let changed = keys
        .into_iter()
        .filter_map(
            |key| crate::with_record_type!(key.collection, T => data.undelete::<T>(key.id, stamp)),
        )
        .collect();
    Outcome::of(data, (), changed, stamp)
}

#[cfg(test)]
mod tests {
    use chrono::{NaiveDate, TimeZone, Utc};

    use super::*;
    use crate::records::meta::{new_id, Meta};
    use crate::records::model::{Agreement, AgreementKind, Organisation, OrganisationKind, Party};
    use crate::sample_data::sample::sample_on;

    fn stamp() -> Stamp {
        Stamp {
            office: new_id(),
            now: Utc.with_ymd_and_hms(2026, 12, 4, 9, 0, 0).unwrap(),
        }
    }

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 12, 4).unwrap()
    }

    fn live_count(data: &Dataset) -> usize {
        data.organisations.count_live()
            + data.people.count_live()
            + data.agreements.count_live()
            + data.events.count_live()
            + data.recommendations.count_live()
    }

    #[test]
    fn every_record_of_a_fresh_sample_is_the_samples() {
        let data = sample_on(today());
        let found = sample_records(&data);
        assert_eq!(found.unchanged.len(), live_count(&data));
        assert!(found.edited.is_empty() && found.removed.is_empty());
    }

    #[test]
    fn removing_keeps_the_users_records_and_the_sample_records_they_edited_or_use() {
        let mut data = sample_on(today());
        let s = stamp();
        // The user's own organisation and agreement, with a sample organisation as a party.
        let own_org = Organisation::new(
            Meta::new(new_id(), s.now),
            "Sở Tư pháp tỉnh Bến Tre",
            "",
            OrganisationKind::Department,
        );
        let own_org_id = own_org.id();
        data.save_organisation(own_org, s).unwrap();
        let ubnd = data
            .organisations
            .iter_live()
            .find(|o| o.name == "Ủy ban nhân dân tỉnh Trà Vinh")
            .unwrap()
            .id();
        let mut own = Agreement::new(
            Meta::new(new_id(), s.now),
            "Quy chế của văn phòng",
            AgreementKind::Regulation,
        );
        own.parties = vec![
            Party {
                organisation: own_org_id,
                role: String::new(),
                lead: true,
                unknown: Default::default(),
            },
            Party {
                organisation: ubnd,
                role: String::new(),
                lead: false,
                unknown: Default::default(),
            },
        ];
        let own_id = own.id();
        data.save_agreement(own, s).unwrap();
        // A sample person the user edited.
        let mut lam = data
            .people
            .iter_live()
            .find(|p| p.full_name == "Đồng Văn Lâm")
            .unwrap()
            .clone();
        lam.notes = "Ghi chú của văn phòng".into();
        let lam_id = lam.id();
        data.save_person(lam, s).unwrap();

        let total_before = live_count(&data);
        let removal = remove_sample(&mut data, s);
        assert_eq!(
            removal.changed, removal.removed,
            "the records to write: those removed"
        );
        assert_eq!(
            removal.entries.len(),
            removal.removed.len(),
            "each removal has its entry"
        );
        assert!(data.agreements.live(&own_id).is_some());
        assert!(data.organisations.live(&own_org_id).is_some());
        assert!(
            data.organisations.live(&ubnd).is_some(),
            "a party of the user's agreement stays"
        );
        assert!(
            data.people.live(&lam_id).is_some(),
            "an edited sample record is the user's"
        );
        assert_eq!(
            removal.kept_edited,
            vec![RecordKey {
                collection: Collection::People,
                id: lam_id
            }]
        );
        assert!(removal.kept_referred.contains(&RecordKey {
            collection: Collection::Organisations,
            id: ubnd
        }));
        // Everything else of the sample is gone: no live sample record is unchanged any more.
        assert!(sample_records(&data)
            .unchanged
            .iter()
            .all(|k| removal.kept_referred.contains(k)));
        assert_eq!(live_count(&data), total_before - removal.removed.len());
        assert!(data.agreements.iter_live().all(|a| a.id() == own_id));

        // Undo brings exactly the removed records back.
        let restored = bring_back_sample(&mut data, Some(&removal.removed), s);
        assert_eq!(restored.changed.len(), removal.removed.len());
        assert_eq!(live_count(&data), total_before);
        // Restored records are still the sample's as it wrote them: removable again.
        let again = sample_records(&data);
        assert_eq!(
            again.unchanged.len(),
            removal.removed.len() + removal.kept_referred.len()
        );
    }

    #[test]
    fn bringing_the_sample_back_restores_what_was_removed() {
        let mut data = sample_on(today());
        let s = stamp();
        let removal = remove_sample(&mut data, s);
        assert_eq!(live_count(&data), 0);
        assert_eq!(sample_records(&data).removed.len(), removal.removed.len());
        let restored = bring_back_sample(&mut data, None, s);
        assert_eq!(restored.changed.len(), removal.removed.len());
        assert_eq!(live_count(&data), removal.removed.len());
    }
}
