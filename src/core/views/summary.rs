//! The summary at the top of an agreement's page: what it is (status, period, parties, from the
//! record itself) and what there is under it, counted, with the next thing due.

use chrono::NaiveDate;

use crate::records::model::{Agreement, AgreementKind};
use crate::records::record::Record;
use crate::records::workspace::Dataset;
use crate::rules::validate_activity::days_overdue;
use crate::views::dashboard::{agreement_open_items, recommendation_open_item, DueItem};

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct AgreementSummary {
    /// The earliest thing still to do under the agreement (a duty's occurrence, a pending
    /// recommendation's deadline, a plan's renewal): the most overdue one if any is late.
    /// Its `band` is left as `Overdue`; compare `due` with today.
    pub next_due: Option<DueItem>,
    /// Duty occurrences and recommendations past their day.
    pub overdue: usize,
    pub events: usize,
    pub recommendations: usize,
    /// Recommendations still awaiting an answer.
    pub recommendations_open: usize,
    /// Plans under it (a regulation's).
    pub plans: usize,
    pub areas: usize,
    pub duties: usize,
}

pub fn agreement_summary(data: &Dataset, a: &Agreement, today: NaiveDate) -> AgreementSummary {
    let id = a.id();
    let events: Vec<_> = data.events.iter_live().collect();
    let recommendations: Vec<_> = data
        .recommendations
        .iter_live()
        .filter(|r| r.agreement == Some(id))
        .collect();
    let open: Vec<DueItem> = agreement_open_items(data, a, &events, today)
        .into_iter()
        .chain(
            recommendations
                .iter()
                .filter_map(|r| recommendation_open_item(r)),
        )
        .collect();
    let late_duties = open
        .iter()
        .filter(|i| {
            matches!(i.kind, crate::views::dashboard::DueKind::Duty { .. }) && i.due < today
        })
        .count();
    let late_recommendations = recommendations
        .iter()
        .filter(|r| days_overdue(r, today).is_some())
        .count();
    AgreementSummary {
        next_due: open
            .into_iter()
            .min_by(|x, y| x.due.cmp(&y.due).then_with(|| x.record.cmp(&y.record))),
        overdue: late_duties + late_recommendations,
        events: events.iter().filter(|e| e.links(id)).count(),
        recommendations: recommendations.len(),
        recommendations_open: recommendations
            .iter()
            .filter(|r| r.status.is_pending())
            .count(),
        plans: if a.kind == AgreementKind::Regulation {
            data.plans_of(id).len()
        } else {
            0
        },
        areas: a.areas.len(),
        duties: a.duties.len(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::records::meta::Meta;
    use crate::records::model::Period;
    use crate::records::recommendation::Recommendation;
    use crate::records::record::{Collection, RecordKey};
    use crate::sample_data::sample::{regulation_2018_2022_id, sample_dataset};
    use crate::views::dashboard::DueKind;
    use chrono::Utc;
    use uuid::Uuid;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    fn meta(n: u128) -> Meta {
        Meta::new(Uuid::from_u128(n), Utc::now())
    }

    #[test]
    fn the_next_due_item_is_the_earliest_open_one_and_late_ones_are_counted() {
        let mut data = sample_dataset();
        let id = regulation_2018_2022_id();
        let today = day(2020, 6, 1);
        let before = agreement_summary(&data, data.agreements.get(&id).unwrap(), today);
        // A recommendation due before anything else still open.
        let mut r = Recommendation::new(meta(0xfeed), "Bố trí kinh phí");
        r.agreement = Some(id);
        r.deadline = Some(day(2018, 5, 1));
        data.recommendations.put(r);
        let a = data.agreements.get(&id).unwrap();
        let after = agreement_summary(&data, a, today);
        assert_eq!(after.recommendations, before.recommendations + 1);
        assert_eq!(after.recommendations_open, before.recommendations_open + 1);
        assert_eq!(after.overdue, before.overdue + 1);
        let next = after.next_due.expect("an open item");
        assert_eq!(next.due, day(2018, 5, 1));
        assert_eq!(next.kind, DueKind::RecommendationDeadline);
        assert_eq!(
            next.record,
            RecordKey {
                collection: Collection::Recommendations,
                id: Uuid::from_u128(0xfeed)
            }
        );
        assert_eq!(after.areas, a.areas.len());
    }

    #[test]
    fn an_agreement_with_nothing_under_it_has_nothing_due() {
        let data = sample_dataset();
        let mut a = Agreement::new(meta(7), "Quy chế mới", AgreementKind::Regulation);
        a.period = Period {
            start: Some(day(2030, 1, 1)),
            end: Some(day(2034, 12, 31)),
            unknown: Default::default(),
        };
        let s = agreement_summary(&data, &a, day(2030, 2, 1));
        assert_eq!(s, AgreementSummary::default());
    }
}
