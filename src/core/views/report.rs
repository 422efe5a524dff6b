//! The period report (báo cáo sơ kết / tổng kết) and its yearly variant for the annual working
//! session: every figure and list computed once from the data, as of the report's date. The
//! page, the printed page and the .docx all render [`document::document`] of this model.

pub mod document;

use crate::records::sorting;
use std::collections::BTreeMap;

use chrono::{Datelike, NaiveDate};

use crate::records::event::{Event, EventKind, EventRole};
use crate::records::meta::Id;
use crate::records::model::{Agreement, AgreementKind, Status};
use crate::records::recommendation::{Recommendation, RecommendationStatus};
use crate::records::record::Record;
use crate::records::workspace::Dataset;
use crate::rules::schedule::{area_state, occurrences, AreaState, OccurrenceState};
use crate::rules::status::status_in;
use crate::rules::validate_activity::days_overdue;
use crate::views::matrix::plan_matrix;

/// What the report covers.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Scope {
    /// The whole period (sơ kết before its end, tổng kết after).
    Period,
    /// One year of it, for the annual working session.
    Year(i32),
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PartyLine {
    pub name: String,
    pub role: String,
    pub lead: bool,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SignatoryLine {
    pub name: String,
    pub position: String,
    pub organisation: String,
}

/// A coordination area and its state in each year the report covers.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AreaLine {
    pub title: String,
    /// (year, state, evidence) for each year covered.
    pub years: Vec<(i32, AreaState, String)>,
    /// The close-out's result for the area (a period report).
    pub result: String,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EventLine {
    pub id: Id,
    pub day: NaiveDate,
    pub kind: EventKind,
    pub role: EventRole,
    pub title: String,
    pub place: String,
    pub attendees: Option<u32>,
}

/// One year's expected occurrence of a recurring duty (the annual working session).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DutyLine {
    pub duty: String,
    pub year: i32,
    pub due: NaiveDate,
    pub state: OccurrenceState,
    /// The day of the event that fulfilled it.
    pub held_on: Option<NaiveDate>,
}

/// Recommendations counted by how they stand on the report's date.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Counts {
    pub raised: usize,
    pub resolved: usize,
    pub declined: usize,
    /// Open or in progress.
    pub pending: usize,
    /// Pending past their deadline.
    pub overdue: usize,
}

impl Counts {
    fn add(&mut self, r: &Recommendation, on: NaiveDate) {
        self.raised += 1;
        match r.status {
            RecommendationStatus::Resolved => self.resolved += 1,
            RecommendationStatus::Declined => self.declined += 1,
            _ => self.pending += 1,
        }
        if days_overdue(r, on).is_some() {
            self.overdue += 1;
        }
    }
}

/// A recommendation still waiting for an answer.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OpenLine {
    pub content: String,
    pub addressees: Vec<String>,
    pub deadline: Option<NaiveDate>,
    pub days_overdue: Option<i64>,
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct RecommendationFigures {
    pub total: Counts,
    /// Per addressee, by name (one addressed to two bodies counts for each).
    pub by_addressee: Vec<(String, Counts)>,
    pub open: Vec<OpenLine>,
}

/// A regulation's plans with the departments over the years covered.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct PlanFigures {
    pub years: Vec<i32>,
    /// Department names and, per year covered, the number of plans covering it.
    pub rows: Vec<(String, Vec<usize>)>,
    /// Distinct plans covering the years.
    pub plans: usize,
    pub departments_with_plan: usize,
    pub departments_without_plan: Vec<String>,
    /// Plans covering each year.
    pub per_year: Vec<usize>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NextPeriod {
    pub title: String,
    pub number: String,
    pub years: String,
    pub status: Status,
    pub signed_on: Option<NaiveDate>,
}

/// Everything the report says, computed from the data.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PeriodReport {
    pub agreement: Id,
    pub scope: Scope,
    /// The report's date: the summary conference's (or the year's session's) day when
    /// recorded, else the day it is drafted. Figures are as of this day.
    pub dated: NaiveDate,
    /// Whether the period has ended by then (tổng kết) or not (sơ kết).
    pub period_ended: bool,
    pub title: String,
    pub number: String,
    pub kind: AgreementKind,
    pub years: Vec<i32>,
    pub period_years: String,
    pub period_start: Option<NaiveDate>,
    pub period_end: Option<NaiveDate>,
    pub signed_on: Option<NaiveDate>,
    pub signed_place: String,
    pub parties: Vec<PartyLine>,
    pub signatories: Vec<SignatoryLine>,
    pub legal_basis: Vec<String>,
    pub areas: Vec<AreaLine>,
    pub events: Vec<EventLine>,
    pub duties: Vec<DutyLine>,
    pub recommendations: RecommendationFigures,
    pub plans: Option<PlanFigures>,
    pub close_out: Option<crate::records::results::CloseOut>,
    pub next: Option<NextPeriod>,
    /// Lead first: the body that issues the report.
    pub issuer: Option<Id>,
}

/// The report of `agreement` for `scope`, drafted on `today`.
pub fn period_report(
    data: &Dataset,
    a: &Agreement,
    scope: Scope,
    today: NaiveDate,
) -> PeriodReport {
    let all_years = a.period.years();
    let years = match scope {
        Scope::Period => all_years.clone(),
        Scope::Year(y) => vec![y],
    };
    let in_scope = |day: NaiveDate| match scope {
        Scope::Period => true,
        Scope::Year(y) => day.year() == y,
    };
    let events: Vec<&Event> = data.events.iter_live().collect();
    let dated = report_date(data, a, scope, &events, today);

    let mut linked: Vec<&Event> = events
        .iter()
        .copied()
        .filter(|e| e.links(a.id()) && in_scope(e.day()) && e.day() <= dated)
        .collect();
    sorting::sort_by_key(&mut linked, |e| e.starts_at);
    let event_lines = linked
        .iter()
        .map(|e| EventLine {
            id: e.id(),
            day: e.day(),
            kind: e.kind,
            role: e.role_for(a.id()).unwrap_or_default(),
            title: e.title.trim().to_string(),
            place: e.place.trim().to_string(),
            attendees: e.attendee_count,
        })
        .collect();

    let duties = occurrences(a, &events, dated)
        .into_iter()
        .filter(|o| years.contains(&o.year))
        .map(|o| DutyLine {
            duty: a
                .duties
                .iter()
                .find(|d| d.id == o.duty)
                .map(|d| d.title.trim().to_string())
                .unwrap_or_default(),
            year: o.year,
            due: o.due,
            state: o.state,
            held_on: o.event.and_then(|e| data.events.get(&e)).map(Event::day),
        })
        .collect();

    let areas = a
        .areas
        .iter()
        .map(|area| AreaLine {
            title: area.title.trim().to_string(),
            years: years
                .iter()
                .map(|&y| {
                    let evidence = a
                        .area_results
                        .iter()
                        .find(|r| r.area == area.id && r.year == y)
                        .map(|r| r.evidence.trim().to_string())
                        .unwrap_or_default();
                    (y, area_state(a, area.id, y, dated), evidence)
                })
                .collect(),
            result: a
                .close_out
                .as_ref()
                .filter(|_| scope == Scope::Period)
                .and_then(|c| c.area_results.iter().find(|r| r.area == area.id))
                .map(|r| r.result.trim().to_string())
                .unwrap_or_default(),
        })
        .collect();

    let raised_in = |r: &Recommendation| {
        let day = r
            .raised_on
            .or_else(|| r.event.and_then(|e| data.events.get(&e)).map(Event::day));
        match (scope, day) {
            (Scope::Period, _) => true,
            (Scope::Year(y), Some(d)) => d.year() == y,
            (Scope::Year(_), None) => false,
        }
    };
    let mut recommendations = RecommendationFigures::default();
    let mut by_addressee: BTreeMap<(String, String), Counts> = BTreeMap::new();
    for r in crate::views::listing::find_recommendations(data, Some(a.id())) {
        if !raised_in(r) {
            continue;
        }
        recommendations.total.add(r, dated);
        for o in &r.addressed_to {
            let name = data.organisation_name(o);
            by_addressee
                .entry((crate::views::search::fold(&name), name))
                .or_default()
                .add(r, dated);
        }
        if r.status.is_pending() {
            recommendations.open.push(OpenLine {
                content: r.content.trim().to_string(),
                addressees: r
                    .addressed_to
                    .iter()
                    .map(|o| data.organisation_name(o))
                    .collect(),
                deadline: r.deadline,
                days_overdue: days_overdue(r, dated),
            });
        }
    }
    recommendations.by_addressee = by_addressee
        .into_iter()
        .map(|((_, name), counts)| (name, counts))
        .collect();

    let plans = (a.kind == AgreementKind::Regulation).then(|| plan_figures(data, a, &years, dated));

    let next = data
        .superseded_by(a.id())
        .into_iter()
        .min_by_key(|n| n.period.start)
        .map(|n| NextPeriod {
            title: n.title.trim().to_string(),
            number: n.number.trim().to_string(),
            years: crate::rules::dates::format_period_years(n.period.start, n.period.end),
            status: status_in(data, n, dated).status,
            signed_on: n.signing_date(),
        });

    let mut parties: Vec<_> = a.parties.iter().collect();
    sorting::sort_by_key(&mut parties, |p| !p.lead);
    PeriodReport {
        agreement: a.id(),
        scope,
        dated,
        period_ended: a.period.end.is_some_and(|e| e < dated),
        title: a.title.trim().to_string(),
        number: a.number.trim().to_string(),
        kind: a.kind,
        years,
        period_years: crate::rules::dates::format_period_years(a.period.start, a.period.end),
        period_start: a.period.start,
        period_end: a.period.end,
        signed_on: a.signing_date(),
        signed_place: a.signed_place.trim().to_string(),
        parties: parties
            .iter()
            .map(|p| PartyLine {
                name: data.organisation_name(&p.organisation),
                role: p.role.trim().to_string(),
                lead: p.lead,
            })
            .collect(),
        signatories: a
            .signatories
            .iter()
            .map(|s| SignatoryLine {
                name: data.person_name(&s.person),
                position: s.position.trim().to_string(),
                organisation: data.organisation_name(&s.organisation),
            })
            .collect(),
        legal_basis: a
            .legal_basis
            .iter()
            .map(|l| l.trim().to_string())
            .filter(|l| !l.is_empty())
            .collect(),
        areas,
        events: event_lines,
        duties,
        recommendations,
        plans,
        close_out: a
            .close_out
            .clone()
            .filter(|c| scope == Scope::Period && !c.is_empty()),
        next,
        issuer: a
            .lead()
            .or_else(|| a.parties.first().map(|p| p.organisation)),
    }
}

/// The summary conference's day (a period report) or the year's session's (a yearly one) when
/// one is recorded, else `today`.
fn report_date(
    data: &Dataset,
    a: &Agreement,
    scope: Scope,
    events: &[&Event],
    today: NaiveDate,
) -> NaiveDate {
    let recorded = match scope {
        Scope::Period => a
            .close_out
            .as_ref()
            .and_then(|c| c.summary_event)
            .and_then(|e| data.events.live(&e))
            .map(Event::day)
            .or_else(|| {
                events
                    .iter()
                    .filter(|e| e.role_for(a.id()) == Some(EventRole::Summarised))
                    .map(|e| e.day())
                    .max()
            }),
        Scope::Year(y) => occurrences(a, events, today)
            .into_iter()
            .filter(|o| o.year == y)
            .filter_map(|o| o.event.and_then(|e| data.events.get(&e)).map(Event::day))
            .min(),
    };
    recorded.unwrap_or(today)
}

fn plan_figures(
    data: &Dataset,
    regulation: &Agreement,
    years: &[i32],
    on: NaiveDate,
) -> PlanFigures {
    let matrix = plan_matrix(data, regulation, on);
    let columns: Vec<usize> = matrix
        .years
        .iter()
        .enumerate()
        .filter(|(_, y)| years.contains(y))
        .map(|(i, _)| i)
        .collect();
    let mut distinct = std::collections::BTreeSet::new();
    let mut per_year = vec![0; columns.len()];
    let mut with = 0;
    let mut without = Vec::new();
    let rows = matrix
        .rows
        .iter()
        .map(|row| {
            let name = data.organisation_name(&row.organisation);
            let counts: Vec<usize> = columns.iter().map(|&c| row.cells[c].plans.len()).collect();
            for (i, &c) in columns.iter().enumerate() {
                per_year[i] += counts[i];
                distinct.extend(row.cells[c].plans.iter().map(|(id, _)| *id));
            }
            if counts.iter().any(|n| *n > 0) {
                with += 1;
            } else {
                without.push(name.clone());
            }
            (name, counts)
        })
        .collect();
    PlanFigures {
        years: columns.iter().map(|&c| matrix.years[c]).collect(),
        rows,
        plans: distinct.len(),
        departments_with_plan: with,
        departments_without_plan: without,
        per_year,
    }
}

#[cfg(test)]
mod tests;
