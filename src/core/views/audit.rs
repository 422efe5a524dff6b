//! The audit: every change of every record in a date range, filtered by office, person and
//! collection, newest first (the audit page).

use crate::records::sorting;
use chrono::NaiveDate;

use crate::records::history::Change;
use crate::records::meta::OfficeId;
use crate::records::record::{Collection, RecordKey};
use crate::records::workspace::{Dataset, Stored};
use crate::rules::dates::today_in_vietnam;

/// What the audit lists; `None` lets everything through. Days are Vietnamese days, both ends
/// included; `person` is the name as entries carry it ("" for entries without one).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct AuditFilter {
    pub from: Option<NaiveDate>,
    pub to: Option<NaiveDate>,
    pub office: Option<OfficeId>,
    pub person: Option<String>,
    pub collection: Option<Collection>,
}

impl AuditFilter {
    /// Whether `at` is within the days chosen (Vietnamese days, both ends included).
    pub fn takes_day(&self, at: chrono::DateTime<chrono::Utc>) -> bool {
        let day = today_in_vietnam(at);
        self.from.is_none_or(|from| day >= from) && self.to.is_none_or(|to| day <= to)
    }

    fn takes(&self, change: &Change) -> bool {
        let day = today_in_vietnam(change.at);
        self.from.is_none_or(|from| day >= from)
            && self.to.is_none_or(|to| day <= to)
            && self.office.is_none_or(|office| change.office == office)
            && self
                .person
                .as_ref()
                .is_none_or(|person| &change.by == person)
    }
}

/// Every change `filter` takes, with its record, newest first.
pub fn audit<'a>(data: &'a Dataset, filter: &AuditFilter) -> Vec<(RecordKey, &'a Change)> {
    fn of<'a, T: Stored + 'a>(
        data: &'a Dataset,
        filter: &AuditFilter,
        out: &mut Vec<(RecordKey, &'a Change)>,
    ) {
        for record in T::table(data).iter_all() {
            let key = RecordKey {
                collection: T::COLLECTION,
                id: record.id(),
            };
            out.extend(
                record
                    .meta()
                    .changes
                    .iter()
                    .filter(|c| filter.takes(c))
                    .map(|c| (key, c)),
            );
        }
    }
    let mut out = Vec::new();
    for collection in Collection::ALL {
        if filter.collection.is_none_or(|c| c == collection) {
            crate::with_record_type!(collection, T => of::<T>(data, filter, &mut out));
        }
    }
    sorting::sort_by(&mut out, |a, b| {
        b.1.at.cmp(&a.1.at).then_with(|| b.1.id.cmp(&a.1.id))
    });
    out
}

/// How many changes are folded into their records' summaries (`history::Folded`): the audit
/// cannot list them one by one, and says so.
pub fn folded_count(data: &Dataset) -> usize {
    fn of<T: Stored>(data: &Dataset) -> usize {
        T::table(data)
            .iter_all()
            .filter_map(|r| r.meta().folded_changes.as_ref())
            .map(|f| f.count())
            .sum()
    }
    Collection::ALL
        .into_iter()
        .map(|c| crate::with_record_type!(c, T => of::<T>(data)))
        .sum()
}

/// The offices and the names the entries carry, each once, sorted: the audit's choices.
pub fn offices_and_people(data: &Dataset) -> (Vec<OfficeId>, Vec<String>) {
    let all = audit(data, &AuditFilter::default());
    let mut offices: Vec<OfficeId> = all.iter().map(|(_, c)| c.office).collect();
    let mut people: Vec<String> = all.iter().map(|(_, c)| c.by.clone()).collect();
    sorting::sort(&mut offices);
    offices.dedup();
    sorting::sort(&mut people);
    people.dedup();
    (offices, people)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::records::meta::Meta;
    use crate::records::model::{Organisation, OrganisationKind, Person};
    use crate::sample_data::support::stamp;
    use uuid::Uuid;

    #[test]
    fn the_audit_filters_by_day_office_person_and_collection_newest_first() {
        let day = 86_400;
        let mut data = Dataset::default();
        data.editor = "Lan".into();
        let org = Organisation::new(
            Meta::new(Uuid::from_u128(1), stamp(1, 0).now),
            "Sở",
            "",
            OrganisationKind::Other,
        );
        data.commit(org.clone(), stamp(1, day));
        data.editor = "Minh".into();
        data.commit(
            Person::new(Meta::new(Uuid::from_u128(2), stamp(1, 0).now), "Ông A"),
            stamp(2, 2 * day),
        );
        let mut org = data.organisations.get(&org.meta.id).unwrap().clone();
        org.name = "Sở Nội vụ".into();
        data.commit(org, stamp(1, 3 * day));
        let mut person = data.people.get(&Uuid::from_u128(2)).unwrap().clone();
        person.full_name = "Ông B".into();
        data.commit(person, stamp(2, 4 * day));
        let whole = audit(&data, &AuditFilter::default());
        let times: Vec<i64> = whole.iter().map(|(_, c)| c.at.timestamp()).collect();
        assert_eq!(times, [4 * day, 3 * day]);
        let minh = AuditFilter {
            person: Some("Minh".into()),
            ..AuditFilter::default()
        };
        assert_eq!(audit(&data, &minh).len(), 2);
        let lan = AuditFilter {
            person: Some("Lan".into()),
            ..AuditFilter::default()
        };
        assert_eq!(audit(&data, &lan).len(), 0);
        let office_1 = AuditFilter {
            office: Some(Uuid::from_u128(1)),
            ..AuditFilter::default()
        };
        assert_eq!(audit(&data, &office_1).len(), 1);
        let people = AuditFilter {
            collection: Some(Collection::People),
            ..AuditFilter::default()
        };
        assert_eq!(audit(&data, &people)[0].0.id, Uuid::from_u128(2));
        // Vietnamese days: 4 January 00:00 UTC is already 4 January 07:00 in Vietnam.
        let day_4 = NaiveDate::from_ymd_opt(1970, 1, 4).unwrap();
        let one_day = AuditFilter {
            from: Some(day_4),
            to: Some(day_4),
            ..AuditFilter::default()
        };
        assert_eq!(audit(&data, &one_day).len(), 1);
        assert_eq!(offices_and_people(&data).1, ["Minh"]);
    }
}
