//! The year × department matrix of the plans under a regulation: rows are departments, columns
//! the regulation's years, each cell the plans (and their status) covering that year.

use crate::records::sorting;
use chrono::{Datelike, NaiveDate};

use crate::records::meta::Id;
use crate::records::model::{Agreement, Organisation, OrganisationKind, Status};
use crate::records::record::Record;
use crate::records::workspace::Dataset;
use crate::rules::status::status_in;

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MatrixCell {
    /// Plans covering the year, with their status today.
    pub plans: Vec<(Id, Status)>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MatrixRow {
    pub organisation: Id,
    pub cells: Vec<MatrixCell>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PlanMatrix {
    pub years: Vec<i32>,
    pub rows: Vec<MatrixRow>,
}

/// The departments that belong to `regulation`, by name: those party to one of its plans (of any
/// year) or responsible for one of its coordination areas, and the departments of the localities
/// of its parties (a regulation between Trà Vinh's bodies: Trà Vinh's departments). Never its own
/// parties, and never the departments of other provinces the directory happens to hold.
pub fn departments_of<'a>(data: &'a Dataset, regulation: &Agreement) -> Vec<&'a Organisation> {
    let plans = data.plans_of(regulation.id());
    let localities: Vec<String> = regulation
        .parties
        .iter()
        .filter_map(|p| data.organisations.get(&p.organisation))
        .map(|o| crate::views::search::fold(o.locality.trim()))
        .filter(|l| !l.is_empty())
        .collect();
    let mut orgs: Vec<_> = data
        .organisations
        .iter_live()
        .filter(|o| !regulation.has_party(o.id()))
        .filter(|o| {
            plans.iter().any(|p| p.has_party(o.id()))
                || regulation
                    .areas
                    .iter()
                    .any(|a| a.responsible.contains(&o.id()))
                || (o.kind == OrganisationKind::Department
                    && localities.contains(&crate::views::search::fold(o.locality.trim())))
        })
        .collect();
    sorting::sort_by_cached_key(&mut orgs, |o| {
        crate::views::listing::collate(&o.display_name())
    });
    orgs
}

/// Rows: the departments that belong to the regulation ([`departments_of`]).
pub fn plan_matrix(data: &Dataset, regulation: &Agreement, today: NaiveDate) -> PlanMatrix {
    let years: Vec<i32> = match (regulation.period.start, regulation.period.end) {
        (Some(s), Some(e)) if e >= s && e.year() - s.year() <= 50 => {
            (s.year()..=e.year()).collect()
        }
        _ => Vec::new(),
    };
    let plans = data.plans_of(regulation.id());
    let orgs = departments_of(data, regulation);
    let rows = orgs
        .into_iter()
        .map(|org| MatrixRow {
            organisation: org.id(),
            cells: years
                .iter()
                .map(|&year| MatrixCell {
                    plans: plans
                        .iter()
                        .filter(|p| p.has_party(org.id()) && p.period.covers_year(year))
                        .map(|p| (p.id(), status_in(data, p, today).status))
                        .collect(),
                })
                .collect(),
        })
        .collect();
    PlanMatrix { years, rows }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sample_data::sample::{
        regulation_2013_2017_id, regulation_2018_2022_id, sample_dataset,
    };

    #[test]
    fn the_sample_2013_2017_matrix_has_a_plan_in_every_cell() {
        let data = sample_dataset();
        let reg = data.agreements.get(&regulation_2013_2017_id()).unwrap();
        let today = NaiveDate::from_ymd_opt(2026, 11, 27).unwrap();
        let m = plan_matrix(&data, reg, today);
        assert_eq!(m.years, (2013..=2017).collect::<Vec<_>>());
        assert_eq!(m.rows.len(), 20);
        assert!(m
            .rows
            .iter()
            .all(|r| r.cells.iter().all(|c| c.plans.len() == 1)));
        assert!(m
            .rows
            .iter()
            .all(|r| r.cells[0].plans[0].1 == Status::Summarised));
    }

    #[test]
    fn a_regulation_without_plans_shows_departments_with_empty_cells() {
        let data = sample_dataset();
        let reg = data.agreements.get(&regulation_2018_2022_id()).unwrap();
        let m = plan_matrix(&data, reg, NaiveDate::from_ymd_opt(2020, 1, 1).unwrap());
        assert_eq!(m.years.len(), 5);
        assert!(!m.rows.is_empty());
        assert!(m
            .rows
            .iter()
            .all(|r| r.cells.iter().all(|c| c.plans.is_empty())));
    }
}
