//! The forms' rules on the records a file brings. A record the import would write (new here,
//! newer than ours, or in conflict with ours) that is not deleted goes through the checks its
//! form makes before saving (validate.rs, validate_activity.rs), and every rule it breaks is a
//! warning of the preview at its place in the file: "agreements[3].title: Bắt buộc nhập.".
//! Never a refusal: the other office's work is taken as it is, and mending it here is an edit
//! like any other.
//!
//! Only the rules that block saving (errors). A form's warning (years in a title that differ
//! from the period, a deadline before the day raised, a name like another organisation's) was
//! shown to the office that saved the record, which kept it so; saying it again on every import
//! would bury the rules actually broken.
//!
//! Rules across records (a party that is a live organisation, a number not held by another
//! agreement of the same parties, no circle of supersedes) see the data as the import would
//! leave it: ours, with the file's version of every record it would write. Nothing is copied
//! for that: the validators look records up through [`Lookup`], here over both datasets, and
//! numbers are looked up in one `NumberIndex` instead of a pass over every agreement per
//! agreement. A reference to a record that is nowhere is already a
//! `Warning::MissingReference` at the same path: it is not said twice.

use crate::records::original::OriginalProblem;
use std::cell::RefCell;

use rustc_hash::{FxHashMap, FxHashSet};

use super::{FilePlace, IncomingFile, Message};
use crate::exchange::merge::{relation, Relation};
use crate::records::event::Event;
use crate::records::meta::Id;
use crate::records::model::{Agreement, Organisation, Person};
use crate::records::record::{Collection, Record, RecordKey};
use crate::records::workspace::{Dataset, Stored};
use crate::rules::validate::{self, Lookup, NumberIndex, Problem, SupersedesIndex};
use crate::rules::validate_activity::{self, ActivityProblem};

/// A rule of a form, as its validator names it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Rule {
    /// Organisations, people, agreements (validate.rs).
    Record(Problem),
    /// Events, recommendations (validate_activity.rs).
    Activity(ActivityProblem),
}

impl Rule {
    /// The sentence the form shows beside the field (locales/<language>/common.ftl): the same
    /// ids as `ui::text::problem` and `ui::text::activity_problem`.
    pub fn message(&self) -> Message {
        match self {
            Rule::Record(problem) => record_problem(problem),
            Rule::Activity(problem) => activity_problem(problem),
        }
    }
}

fn record_problem(problem: &Problem) -> Message {
    match problem {
        Problem::Required => Message::new("problem-required"),
        Problem::EndBeforeStart => Message::new("problem-end-before-start"),
        Problem::NoLead => Message::new("problem-no-lead"),
        Problem::SeveralLeads => Message::new("problem-several-leads"),
        Problem::TooFewParties => Message::new("problem-too-few-parties"),
        Problem::DuplicateParty => Message::new("problem-duplicate-party"),
        Problem::UnknownOrganisation => Message::new("problem-unknown-organisation"),
        Problem::UnknownPerson => Message::new("problem-unknown-person"),
        Problem::SignatoryNotParty => Message::new("problem-signatory-not-party"),
        Problem::ParentNotRegulation => Message::new("problem-parent-not-regulation"),
        Problem::ParentOnlyForPlans => Message::new("problem-parent-only-for-plans"),
        Problem::NumberTaken { .. } => Message::new("problem-number-taken"),
        Problem::NameTaken { .. } => Message::new("problem-name-taken"),
        Problem::Original(p) => Message::new(match p {
            OriginalProblem::BadWebAddress => "problem-original-web-address",
            OriginalProblem::BadSharePath => "problem-original-share-path",
            OriginalProblem::BadFileAddress => "problem-original-file-address",
            OriginalProblem::BadSha256 => "problem-original-sha256",
        }),
        Problem::SupersedesItself => Message::new("problem-supersedes-itself"),
        Problem::SupersedesCycle => Message::new("problem-supersedes-cycle"),
        Problem::OwnParent => Message::new("problem-own-parent"),
        Problem::TitleYearsDiffer { title, period } => Message::new("problem-title-years-differ")
            .text("title", title.clone())
            .text("period", period.clone()),
        Problem::SignedAfterEnd => Message::new("problem-signed-after-end"),
        Problem::PositionEndsBeforeStart => Message::new("problem-position-ends-before-start"),
        Problem::ResponsibleNotParty => Message::new("problem-responsible-not-party"),
        Problem::YearOutOfRange => Message::new("date-error-year-out-of-range"),
        Problem::TooLong { max } => Message::new("problem-too-long").number("max", *max as f64),
    }
}

fn activity_problem(problem: &ActivityProblem) -> Message {
    use crate::rules::dates::DateInputError as D;
    use ActivityProblem as P;
    match problem {
        P::Required => Message::new("problem-required"),
        P::BadDate(D::Unrecognised) => Message::new("date-error-unrecognised"),
        P::BadDate(D::NoSuchDay) => Message::new("date-error-no-such-day"),
        P::BadDate(D::YearOutOfRange) => Message::new("date-error-year-out-of-range"),
        P::BadDate(D::NotADay) => Message::new("date-error-not-a-day"),
        P::BadTime => Message::new("activity-problem-bad-time"),
        P::BadCount => Message::new("activity-problem-bad-count"),
        P::CountTooLarge => Message::new("activity-problem-count-too-large"),
        P::UnknownAgreement => Message::new("activity-problem-unknown-agreement"),
        P::AgreementLinkedTwice => Message::new("activity-problem-agreement-linked-twice"),
        P::UnknownPerson => Message::new("problem-unknown-person"),
        P::PersonChairsTwice => Message::new("activity-problem-person-chairs-twice"),
        P::UnknownOrganisation => Message::new("problem-unknown-organisation"),
        P::OrganisationListedTwice => Message::new("activity-problem-organisation-listed-twice"),
        P::NoAddressee => Message::new("activity-problem-no-addressee"),
        P::UnknownEvent => Message::new("activity-problem-unknown-event"),
        P::AreaNotInAgreement => Message::new("activity-problem-area-not-in-agreement"),
        P::DeadlineBeforeRaised => Message::new("activity-problem-deadline-before-raised"),
        P::RespondedBeforeRaised => Message::new("activity-problem-responded-before-raised"),
        P::TooLong { max } => Message::new("problem-too-long").number("max", *max as f64),
    }
}

/// Every form rule broken by a record of `file` that the import would write, in file order:
/// its place, its record, its field and the rule. `missing` holds the places (record and field)
/// of the references to records that are nowhere, already warnings of their own.
pub(super) fn broken_rules(
    file: &IncomingFile,
    local: &Dataset,
    missing: &FxHashSet<(RecordKey, &str)>,
) -> Vec<(FilePlace, RecordKey, String, Rule)> {
    // The records the import would write, deleted ones included (they are what the data
    // would hold), and among them the live ones, which are checked.
    let mut taken = FxHashSet::default();
    let mut checked = Vec::new();
    for collection in Collection::ALL {
        crate::with_record_type!(collection, T => taken_of::<T>(file, local, &mut taken, &mut checked));
    }
    if checked.is_empty() {
        return Vec::new();
    }
    let after = After {
        file: &file.records,
        local,
        taken: &taken,
        supersedes: SupersedesIndex::default(),
        areas: RefCell::default(),
    };
    let numbers = NumberIndex::new(
        checked
            .iter()
            .filter(|k| k.collection == Collection::Agreements)
            .filter_map(|k| file.records.agreements.get(&k.id)),
        after.agreements(),
    );
    // In the file's order (its collections in turn, then each record's index), by their places
    // rather than a sort: each place holds one record, and a sort of this type of its own would
    // add some 15 KB to the page.
    let mut start = [0; Collection::ALL.len()];
    for place in file.places.values() {
        start[place.collection as usize] += 1;
    }
    let mut before = 0;
    for slot in &mut start {
        (*slot, before) = (before, before + *slot);
    }
    let mut in_file_order: Vec<Option<(FilePlace, RecordKey)>> = vec![None; before];
    for key in checked {
        let place = file.places[&key];
        in_file_order[start[place.collection as usize] + place.index] = Some((place, key));
    }
    let mut warnings = Vec::new();
    for (place, key) in in_file_order.into_iter().flatten() {
        for (field, rule) in issues(&file.records, key, &after, &numbers) {
            if !missing.contains(&(key, field.as_str())) {
                warnings.push((place, key, field, rule));
            }
        }
    }
    warnings
}

fn taken_of<T: Stored>(
    file: &IncomingFile,
    local: &Dataset,
    taken: &mut FxHashSet<RecordKey>,
    checked: &mut Vec<RecordKey>,
) {
    for record in T::table(&file.records).iter_all() {
        let key = RecordKey {
            collection: T::COLLECTION,
            id: record.id(),
        };
        let ours = T::table(local).get(&key.id);
        if matches!(
            relation(ours, record),
            Relation::New | Relation::IncomingNewer | Relation::Diverged
        ) {
            taken.insert(key);
            if record.is_live() {
                checked.push(key);
            }
        }
    }
}

/// The data as the import would leave it, seen through without copying: the file's version of
/// each record it would write, ours of every other. With what the rules ask of many records at
/// once remembered, so that no rule goes through all records for each (see [`SMALL`]).
struct After<'a> {
    file: &'a Dataset,
    local: &'a Dataset,
    taken: &'a FxHashSet<RecordKey>,
    supersedes: SupersedesIndex,
    /// The areas of each agreement with more than [`SMALL`] of them, once asked about.
    areas: RefCell<FxHashMap<Id, FxHashSet<Id>>>,
}

/// Lists up to this long are scanned; longer ones are indexed on first use.
const SMALL: usize = 16;

impl After<'_> {
    fn is_taken<T: Stored>(&self, id: &Id) -> bool {
        self.taken.contains(&RecordKey {
            collection: T::COLLECTION,
            id: *id,
        })
    }

    /// Every agreement, once.
    fn agreements(&self) -> impl Iterator<Item = &Agreement> + '_ {
        let ours = self.local.agreements.iter_all();
        let theirs = self.file.agreements.iter_all();
        ours.filter(|a| !self.is_taken::<Agreement>(&a.id()))
            .chain(theirs.filter(|a| self.is_taken::<Agreement>(&a.id())))
    }

    fn pick<T: Stored>(&self, id: &Id) -> Option<&T> {
        // Most records named are not among the file's records read in full at all.
        match T::table(self.file).get(id) {
            Some(theirs) if self.is_taken::<T>(id) => Some(theirs),
            _ => T::table(self.local).get(id),
        }
    }
}

impl Lookup for After<'_> {
    fn organisation(&self, id: &Id) -> Option<&Organisation> {
        self.pick(id)
    }
    fn person(&self, id: &Id) -> Option<&Person> {
        self.pick(id)
    }
    fn agreement(&self, id: &Id) -> Option<&Agreement> {
        self.pick(id)
    }
    fn event(&self, id: &Id) -> Option<&Event> {
        self.pick(id)
    }
    fn has_area(&self, agreement: &Agreement, area: &Id) -> bool {
        if agreement.areas.len() <= SMALL {
            return agreement.areas.iter().any(|x| x.id == *area);
        }
        self.areas
            .borrow_mut()
            .entry(agreement.id())
            .or_insert_with(|| agreement.areas.iter().map(|x| x.id).collect())
            .contains(area)
    }
}

/// The errors of one record's form rules, each with the field it concerns.
fn issues(
    file: &Dataset,
    key: RecordKey,
    after: &After,
    numbers: &NumberIndex,
) -> Vec<(String, Rule)> {
    fn record_errors(issues: Vec<validate::Issue>) -> Vec<(String, Rule)> {
        issues
            .into_iter()
            .filter(validate::Issue::is_error)
            .map(|i| (i.field, Rule::Record(i.problem)))
            .collect()
    }
    fn activity_errors(issues: Vec<validate_activity::ActivityIssue>) -> Vec<(String, Rule)> {
        issues
            .into_iter()
            .filter(validate_activity::ActivityIssue::is_error)
            .map(|i| (i.field, Rule::Activity(i.problem)))
            .collect()
    }
    let id = &key.id;
    let unread = || -> Vec<(String, Rule)> { Vec::new() };
    match key.collection {
        // A name like another organisation's is only a warning: not looked for.
        Collection::Organisations => file.organisations.get(id).map_or_else(unread, |o| {
            record_errors(validate::organisation_with(o, after, &|_| None))
        }),
        Collection::People => file
            .people
            .get(id)
            .map_or_else(unread, |p| record_errors(validate::person(p, after))),
        Collection::Agreements => file.agreements.get(id).map_or_else(unread, |a| {
            record_errors(validate::agreement_with(
                a,
                after,
                &|number| numbers.taken_by(a, number),
                &|| after.supersedes.loops(a, after),
            ))
        }),
        Collection::Events => file.events.get(id).map_or_else(unread, |e| {
            activity_errors(validate_activity::event(e, after))
        }),
        Collection::Recommendations => file.recommendations.get(id).map_or_else(unread, |r| {
            activity_errors(validate_activity::recommendation(r, after))
        }),
    }
}
