//! What is due, what is late and what is next: the home page, computed from the dataset and a
//! "today" that callers inject (so every boundary is testable).

use crate::records::sorting;
use std::collections::HashMap;

use chrono::{Datelike, NaiveDate};

use crate::records::event::Event;
use crate::records::meta::Id;
use crate::records::model::{Agreement, AgreementKind, Status};
use crate::records::record::{Collection, Record, RecordKey};
use crate::records::workspace::Dataset;
use crate::rules::schedule::{occurrences, OccurrenceState};
use crate::rules::status::{derive_status_with_events, events_by_agreement, status_in};

/// How far off a due date is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Band {
    Overdue,
    /// Today up to 30 days ahead.
    Within30,
    /// 31 to 90 days ahead.
    Within90,
}

impl Band {
    pub const ALL: [Band; 3] = [Band::Overdue, Band::Within30, Band::Within90];
}

/// The band of a due date, or None when it is more than 90 days away.
pub fn band(due: NaiveDate, today: NaiveDate) -> Option<Band> {
    let days = (due - today).num_days();
    match days {
        d if d < 0 => Some(Band::Overdue),
        0..=30 => Some(Band::Within30),
        31..=90 => Some(Band::Within90),
        _ => None,
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DueKind {
    /// An expected occurrence of a recurring duty (e.g. the annual working session of a year).
    Duty { duty: Id, title: String, year: i32 },
    /// A recommendation still awaiting an answer.
    RecommendationDeadline,
    /// A plan whose period ends (or ended) with no next plan yet.
    PlanRenewal,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DueItem {
    pub band: Band,
    pub due: NaiveDate,
    pub kind: DueKind,
    /// The record to open.
    pub record: RecordKey,
    /// The agreement it concerns, if any.
    pub agreement: Option<Id>,
}

fn agreement_key(id: Id) -> RecordKey {
    RecordKey {
        collection: Collection::Agreements,
        id,
    }
}

/// Everything due within 90 days or overdue, soonest (most overdue) first.
pub fn due_items(data: &Dataset, today: NaiveDate) -> Vec<DueItem> {
    due_items_with(data, &events_by_agreement(data), today)
}

fn due_items_with(data: &Dataset, by: &HashMap<Id, Vec<&Event>>, today: NaiveDate) -> Vec<DueItem> {
    let mut items: Vec<DueItem> = data
        .agreements
        .iter_live()
        .flat_map(|a| {
            let events = by.get(&a.id()).map(Vec::as_slice).unwrap_or(&[]);
            agreement_open_items(data, a, events, today)
        })
        .chain(
            data.recommendations
                .iter_live()
                .filter_map(|r| recommendation_open_item(r)),
        )
        .filter_map(|item| {
            Some(DueItem {
                band: band(item.due, today)?,
                ..item
            })
        })
        .collect();
    sorting::sort_by(&mut items, |a, b| {
        a.due.cmp(&b.due).then_with(|| a.record.cmp(&b.record))
    });
    items
}

/// What is still to be done under `agreement` (duty occurrences neither done nor waived; its
/// renewal, for a plan), however far off; `band` is only a placeholder (`Overdue`) here.
pub(crate) fn agreement_open_items(
    data: &Dataset,
    a: &Agreement,
    events: &[&crate::records::event::Event],
    today: NaiveDate,
) -> Vec<DueItem> {
    let mut items: Vec<DueItem> = occurrences(a, events, today)
        .into_iter()
        .filter(|occ| !matches!(occ.state, OccurrenceState::Done | OccurrenceState::Waived))
        .map(|occ| DueItem {
            band: Band::Overdue,
            due: occ.due,
            kind: DueKind::Duty {
                duty: occ.duty,
                title: a
                    .duties
                    .iter()
                    .find(|d| d.id == occ.duty)
                    .map(|d| d.title.clone())
                    .unwrap_or_default(),
                year: occ.year,
            },
            record: agreement_key(a.id()),
            agreement: Some(a.id()),
        })
        .collect();
    items.extend(plan_renewal(data, a, today));
    items
}

/// A pending recommendation's deadline (`band` a placeholder, as above).
pub(crate) fn recommendation_open_item(
    r: &crate::records::recommendation::Recommendation,
) -> Option<DueItem> {
    if !r.status.is_pending() {
        return None;
    }
    Some(DueItem {
        band: Band::Overdue,
        due: r.deadline?,
        kind: DueKind::RecommendationDeadline,
        record: RecordKey {
            collection: Collection::Recommendations,
            id: r.id(),
        },
        agreement: r.agreement,
    })
}

/// A plan needs renewing when its period ends within 90 days (or has ended) while nothing
/// supersedes it and it was neither summarised nor terminated.
fn plan_renewal(data: &Dataset, plan: &Agreement, today: NaiveDate) -> Option<DueItem> {
    if plan.kind != AgreementKind::Plan {
        return None;
    }
    let end = plan.period.end?;
    if !data.superseded_by(plan.id()).is_empty() {
        return None;
    }
    let status = status_in(data, plan, today).status;
    if matches!(
        status,
        Status::Summarised | Status::Terminated | Status::Draft
    ) {
        return None;
    }
    Some(DueItem {
        band: Band::Overdue,
        due: end,
        kind: DueKind::PlanRenewal,
        record: agreement_key(plan.id()),
        agreement: Some(plan.id()),
    })
}

/// For one regulation in force this year: which departments have a plan under it, which not.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PlanCoverage {
    pub regulation: Id,
    pub year: i32,
    pub with_plan: Vec<Id>,
    pub without_plan: Vec<Id>,
}

/// Of the departments that belong to `regulation` ([`crate::views::matrix::departments_of`]), those
/// with a live plan under it covering `year`, and those without.
pub fn plan_coverage(data: &Dataset, regulation: &Agreement, year: i32) -> PlanCoverage {
    let plans: Vec<&Agreement> = data
        .plans_of(regulation.id())
        .into_iter()
        .filter(|p| p.period.covers_year(year))
        .collect();
    let mut with_plan = Vec::new();
    let mut without_plan = Vec::new();
    let departments = crate::views::matrix::departments_of(data, regulation);
    for org in departments {
        if plans.iter().any(|p| p.has_party(org.id())) {
            with_plan.push(org.id());
        } else {
            without_plan.push(org.id());
        }
    }
    PlanCoverage {
        regulation: regulation.id(),
        year,
        with_plan,
        without_plan,
    }
}

/// The home page's figures.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Dashboard {
    pub today: NaiveDate,
    pub in_force: Vec<Id>,
    /// In force and ending within 90 days, with the end date.
    pub ending_soon: Vec<(Id, NaiveDate)>,
    /// Events from today to 30 days ahead, soonest first.
    pub upcoming_events: Vec<Id>,
    pub due: Vec<DueItem>,
    pub coverage: Vec<PlanCoverage>,
}

pub fn dashboard(data: &Dataset, today: NaiveDate) -> Dashboard {
    let mut in_force = Vec::new();
    let mut ending_soon = Vec::new();
    let by = events_by_agreement(data);
    let own = |a: &Agreement| by.get(&a.id()).into_iter().flatten().copied();
    for a in data.agreements.iter_live() {
        if derive_status_with_events(a, own(a), today).status != Status::InForce {
            continue;
        }
        in_force.push(a.id());
        if let Some(end) = a.period.end {
            if (end - today).num_days() <= 90 {
                ending_soon.push((a.id(), end));
            }
        }
    }
    sorting::sort_by_key(&mut ending_soon, |(_, end)| *end);
    let mut upcoming: Vec<_> = data
        .events
        .iter_live()
        .filter(|e| e.day() >= today && (e.day() - today).num_days() <= 30)
        .collect();
    sorting::sort_by_key(&mut upcoming, |e| e.starts_at);
    let coverage = data
        .regulations()
        .filter(|r| r.period.covers_year(today.year()))
        .filter(|r| {
            !matches!(
                derive_status_with_events(r, own(r), today).status,
                Status::Draft | Status::Terminated
            )
        })
        .map(|r| plan_coverage(data, r, today.year()))
        .collect();
    Dashboard {
        today,
        in_force,
        ending_soon,
        upcoming_events: upcoming.into_iter().map(|e| e.id()).collect(),
        due: due_items_with(data, &by, today),
        coverage,
    }
}

#[cfg(test)]
mod tests;
