//! The lists as tables: the rows the page shows (already found and filtered by `listing`),
//! each value typed (dates, counts) and each title and enum worded by the caller's [`Words`].

use chrono::NaiveDate;

use super::{Cell, Column, Sheet, Table, Word, Words};
use crate::records::event::Event;
use crate::records::meta::Id;
use crate::records::model::{Agreement, Organisation, Person};
use crate::records::recommendation::Recommendation;
use crate::records::record::Record;
use crate::records::workspace::Dataset;
use crate::rules::schedule::{area_state, occurrences};
use crate::rules::status::status_in;
use crate::rules::validate_activity::days_overdue;
use crate::views::matrix::plan_matrix;

fn names(data: &Dataset, ids: impl IntoIterator<Item = Id>) -> String {
    ids.into_iter()
        .map(|id| data.organisation_display_name(&id))
        .collect::<Vec<_>>()
        .join("; ")
}

fn table(words: &dyn Words, sheet: Sheet, columns: &[Column], rows: Vec<Vec<Cell>>) -> Table {
    Table {
        sheet: words.word(Word::Sheet(sheet)),
        columns: columns
            .iter()
            .map(|c| words.word(Word::Column(*c)))
            .collect(),
        rows,
    }
}

fn agreement_title(data: &Dataset, id: Option<Id>) -> Cell {
    Cell::text(
        id.and_then(|a| data.agreements.get(&a))
            .map(|a| a.title.clone())
            .unwrap_or_default(),
    )
}

/// The register, in the order found.
pub fn agreements(
    data: &Dataset,
    rows: &[&Agreement],
    today: NaiveDate,
    words: &dyn Words,
) -> Table {
    use Column as C;
    let rows = rows
        .iter()
        .map(|a| {
            let lead = a.lead();
            vec![
                Cell::text(a.number.clone()),
                Cell::text(a.title.clone()),
                Cell::text(words.word(Word::AgreementKind(a.kind))),
                Cell::text(names(data, a.parties.iter().map(|p| p.organisation))),
                Cell::text(
                    lead.map(|l| data.organisation_display_name(&l))
                        .unwrap_or_default(),
                ),
                Cell::date(a.signing_date()),
                Cell::date(a.period.start),
                Cell::date(a.period.end),
                Cell::text(words.word(Word::Status(status_in(data, a, today).status))),
                Cell::count(data.plans_of(a.id()).len()),
            ]
        })
        .collect();
    table(
        words,
        Sheet::Agreements,
        &[
            C::Number,
            C::Title,
            C::Kind,
            C::Parties,
            C::Lead,
            C::SignedOn,
            C::PeriodStart,
            C::PeriodEnd,
            C::Status,
            C::Plans,
        ],
        rows,
    )
}

/// The timeline's events, newest first as shown.
pub fn events(data: &Dataset, rows: &[&Event], words: &dyn Words) -> Table {
    use Column as C;
    let rows = rows
        .iter()
        .map(|e| {
            let chairs = e
                .chairs
                .iter()
                .map(|c| {
                    let name = data.person_name(&c.person);
                    match c.position.trim() {
                        "" => name,
                        p => format!("{name} ({p})"),
                    }
                })
                .collect::<Vec<_>>()
                .join("; ");
            let links = e
                .agreements
                .iter()
                .map(|l| {
                    let title = data
                        .agreements
                        .get(&l.agreement)
                        .map(|a| a.title.clone())
                        .unwrap_or_default();
                    format!("{title} ({})", words.word(Word::EventRole(l.role)))
                })
                .collect::<Vec<_>>()
                .join("; ");
            vec![
                Cell::DateTime(e.starts_at),
                Cell::text(words.word(Word::EventKind(e.kind))),
                Cell::text(e.title.clone()),
                Cell::text(e.place.clone()),
                Cell::text(chairs),
                e.attendee_count
                    .map_or(Cell::Empty, |n| Cell::Number(n.into())),
                Cell::text(links),
                Cell::text(e.conclusions.clone()),
            ]
        })
        .collect();
    table(
        words,
        Sheet::Events,
        &[
            C::StartsAt,
            C::Kind,
            C::Title,
            C::Place,
            C::Chairs,
            C::Attendees,
            C::Agreements,
            C::Conclusions,
        ],
        rows,
    )
}

/// The recommendations as listed: deadline, status, days overdue, addressees, the event.
pub fn recommendations(
    data: &Dataset,
    rows: &[&Recommendation],
    today: NaiveDate,
    words: &dyn Words,
) -> Table {
    use Column as C;
    let rows = rows
        .iter()
        .map(|r| {
            let area = r
                .agreement
                .and_then(|a| data.agreements.get(&a))
                .and_then(|a| {
                    let i = a.areas.iter().position(|x| Some(x.id) == r.area)?;
                    Some(format!("{}. {}", i + 1, a.areas[i].title))
                })
                .unwrap_or_default();
            vec![
                Cell::text(r.content.clone()),
                Cell::date(r.raised_on),
                Cell::text(
                    r.raised_by
                        .map(|o| data.organisation_display_name(&o))
                        .unwrap_or_default(),
                ),
                Cell::text(
                    r.event
                        .and_then(|e| data.events.get(&e))
                        .map(|e| e.title.clone())
                        .unwrap_or_default(),
                ),
                Cell::text(names(data, r.addressed_to.iter().copied())),
                agreement_title(data, r.agreement),
                Cell::text(area),
                Cell::date(r.deadline),
                Cell::text(words.word(Word::RecommendationStatus(r.status))),
                days_overdue(r, today).map_or(Cell::Empty, |d| Cell::Number(d as f64)),
                Cell::text(r.response.clone()),
                Cell::date(r.responded_on),
            ]
        })
        .collect();
    table(
        words,
        Sheet::Recommendations,
        &[
            C::Content,
            C::RaisedOn,
            C::RaisedBy,
            C::RaisedAt,
            C::AddressedTo,
            C::Agreement,
            C::Area,
            C::Deadline,
            C::Status,
            C::DaysOverdue,
            C::Response,
            C::RespondedOn,
        ],
        rows,
    )
}

/// Organisations as listed, with how many live agreements each is party to.
pub fn organisations(data: &Dataset, rows: &[&Organisation], words: &dyn Words) -> Table {
    use Column as C;
    let rows = rows
        .iter()
        .map(|o| {
            let count = data
                .agreements
                .iter_live()
                .filter(|a| a.has_party(o.id()))
                .count();
            vec![
                Cell::text(o.name.clone()),
                Cell::text(o.short_name.clone()),
                Cell::text(o.locality.clone()),
                Cell::text(words.word(Word::OrganisationKind(o.kind))),
                Cell::text(
                    o.parent
                        .map(|p| data.organisation_display_name(&p))
                        .unwrap_or_default(),
                ),
                Cell::count(count),
            ]
        })
        .collect();
    table(
        words,
        Sheet::Organisations,
        &[
            C::Name,
            C::ShortName,
            C::Locality,
            C::Kind,
            C::Parent,
            C::PartyTo,
        ],
        rows,
    )
}

/// People as listed, with their positions and how many live agreements they signed.
pub fn people(data: &Dataset, rows: &[&Person], words: &dyn Words) -> Table {
    use Column as C;
    let rows = rows
        .iter()
        .map(|p| {
            let signed = data
                .agreements
                .iter_live()
                .filter(|a| a.signatories.iter().any(|s| s.person == p.id()))
                .count();
            let positions = p
                .positions
                .iter()
                .map(
                    |h| match h.organisation.and_then(|o| data.organisations.get(&o)) {
                        Some(o) if !h.title.contains(o.short()) => {
                            format!("{} ({})", h.title, o.label())
                        }
                        _ => h.title.clone(),
                    },
                )
                .collect::<Vec<_>>()
                .join("; ");
            vec![
                Cell::text(p.full_name.clone()),
                Cell::text(positions),
                Cell::count(signed),
            ]
        })
        .collect();
    table(
        words,
        Sheet::People,
        &[C::Name, C::Positions, C::Signed],
        rows,
    )
}

/// A regulation's plans: one row per department, one column per year (the plans' status), the
/// number of plans per department, and a last row with the plans covering each year.
pub fn plan_matrix_table(
    data: &Dataset,
    regulation: &Agreement,
    today: NaiveDate,
    words: &dyn Words,
) -> Table {
    let matrix = plan_matrix(data, regulation, today);
    let mut columns = vec![words.word(Word::Column(Column::Department))];
    columns.extend(matrix.years.iter().map(|y| y.to_string()));
    columns.push(words.word(Word::Column(Column::PlanCount)));
    let mut per_year = vec![0usize; matrix.years.len()];
    let mut rows: Vec<Vec<Cell>> = matrix
        .rows
        .iter()
        .map(|row| {
            let mut cells = vec![Cell::text(
                data.organisation_display_name(&row.organisation),
            )];
            let mut plans = std::collections::BTreeSet::new();
            for (i, cell) in row.cells.iter().enumerate() {
                per_year[i] += cell.plans.len();
                plans.extend(cell.plans.iter().map(|(id, _)| *id));
                cells.push(Cell::text(
                    cell.plans
                        .iter()
                        .map(|(_, s)| words.word(Word::Status(*s)))
                        .collect::<Vec<_>>()
                        .join("; "),
                ));
            }
            cells.push(Cell::count(plans.len()));
            cells
        })
        .collect();
    let mut total = vec![Cell::text(words.word(Word::PlansPerYear))];
    total.extend(per_year.into_iter().map(Cell::count));
    total.push(Cell::count(data.plans_of(regulation.id()).len()));
    rows.push(total);
    Table {
        sheet: words.word(Word::Sheet(Sheet::PlanMatrix)),
        columns,
        rows,
    }
}

/// Every year's occurrence of the agreement's recurring duties: due date, state, what settled it.
pub fn duties(data: &Dataset, agreement: &Agreement, today: NaiveDate, words: &dyn Words) -> Table {
    use Column as C;
    let events: Vec<&Event> = data.events.iter_live().collect();
    let rows = occurrences(agreement, &events, today)
        .into_iter()
        .map(|o| {
            let duty = agreement.duties.iter().find(|d| d.id == o.duty);
            let basis = match o.event.and_then(|e| data.events.get(&e)) {
                Some(e) => format!(
                    "{} ({})",
                    e.title,
                    crate::rules::dates::format_date(e.day())
                ),
                None if duty.is_some_and(|d| d.settlements.iter().any(|s| s.year == o.year)) => {
                    words.word(Word::SettledByHand)
                }
                None => String::new(),
            };
            vec![
                Cell::text(duty.map(|d| d.title.clone()).unwrap_or_default()),
                Cell::Number(o.year.into()),
                Cell::Date(o.opens),
                Cell::Date(o.due),
                Cell::text(words.word(Word::Occurrence(o.state))),
                Cell::text(basis),
            ]
        })
        .collect();
    table(
        words,
        Sheet::Duties,
        &[C::Duty, C::Year, C::Opens, C::Due, C::State, C::Basis],
        rows,
    )
}

/// Each coordination area in each year of the period: its state and evidence, and the
/// close-out's result for the area.
pub fn results(agreement: &Agreement, today: NaiveDate, words: &dyn Words) -> Table {
    use Column as C;
    let years = agreement.period.years();
    let mut rows = Vec::new();
    for (i, area) in agreement.areas.iter().enumerate() {
        let summary = agreement
            .close_out
            .as_ref()
            .and_then(|c| c.area_results.iter().find(|r| r.area == area.id))
            .map(|r| r.result.clone())
            .unwrap_or_default();
        for &year in &years {
            let evidence = agreement
                .area_results
                .iter()
                .find(|r| r.area == area.id && r.year == year)
                .map(|r| r.evidence.clone())
                .unwrap_or_default();
            rows.push(vec![
                Cell::text(format!("{}. {}", i + 1, area.title)),
                Cell::Number(year.into()),
                Cell::text(words.word(Word::Area(area_state(agreement, area.id, year, today)))),
                Cell::text(evidence),
                Cell::text(summary.clone()),
            ]);
        }
    }
    table(
        words,
        Sheet::Results,
        &[C::Area, C::Year, C::State, C::Evidence, C::Result],
        rows,
    )
}

/// An agreement's workbook: its plan matrix (a regulation), duties and results by area.
pub fn agreement_tables(
    data: &Dataset,
    agreement: &Agreement,
    today: NaiveDate,
    words: &dyn Words,
) -> Vec<Table> {
    let mut tables = Vec::new();
    if agreement.kind == crate::records::model::AgreementKind::Regulation {
        tables.push(plan_matrix_table(data, agreement, today, words));
    }
    tables.push(duties(data, agreement, today, words));
    tables.push(results(agreement, today, words));
    tables
}
