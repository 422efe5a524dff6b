//! The rules a record must meet before it is saved, each tied to the field it concerns,
//! so the form can show the message beside that field.

use crate::records::sorting;
use std::collections::BTreeSet;

use chrono::Datelike;
use rustc_hash::{FxHashMap, FxHashSet};
use unicode_normalization::UnicodeNormalization;

use crate::records::date_bounds::plausible_year;
use crate::records::event::Event;
use crate::records::meta::Id;
use crate::records::model::{
    holds_number, normalised_number, number_hash, one_line, party_set, Agreement, AgreementKind,
    Organisation, Person,
};
use crate::records::record::Record;
use crate::records::workspace::Dataset;

/// Where the rules look up the records a record names, deleted ones included: the office's
/// data (a [`Dataset`]), or the data an import would leave (core/exchange/import/rules.rs), seen through
/// without copying it. A trait object, so each rule is compiled once for both.
pub trait Lookup {
    fn organisation(&self, id: &Id) -> Option<&Organisation>;
    fn person(&self, id: &Id) -> Option<&Person>;
    fn agreement(&self, id: &Id) -> Option<&Agreement>;
    fn event(&self, id: &Id) -> Option<&Event>;
    /// Whether `agreement` (one looked up here) has the coordination area `area`: a scan of
    /// its areas. The import, which asks it of many recommendations, indexes the large ones.
    fn has_area(&self, agreement: &Agreement, area: &Id) -> bool {
        agreement.areas.iter().any(|x| x.id == *area)
    }
}

impl Lookup for Dataset {
    fn organisation(&self, id: &Id) -> Option<&Organisation> {
        self.organisations.get(id)
    }
    fn person(&self, id: &Id) -> Option<&Person> {
        self.people.get(id)
    }
    fn agreement(&self, id: &Id) -> Option<&Agreement> {
        self.agreements.get(id)
    }
    fn event(&self, id: &Id) -> Option<&Event> {
        self.events.get(id)
    }
}

/// A record looked up, unless it is deleted.
pub fn live<T: Record>(record: Option<&T>) -> Option<&T> {
    record.filter(|r| r.is_live())
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Severity {
    /// Blocks saving.
    Error,
    /// Saved anyway; shown so the user notices (real documents are inconsistent).
    Warning,
}

/// What is wrong. The UI turns each into a sentence.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Problem {
    Required,
    EndBeforeStart,
    NoLead,
    SeveralLeads,
    TooFewParties,
    DuplicateParty,
    UnknownOrganisation,
    UnknownPerson,
    SignatoryNotParty,
    ParentNotRegulation,
    ParentOnlyForPlans,
    NumberTaken {
        by: Id,
    },
    SupersedesItself,
    SupersedesCycle,
    OwnParent,
    /// Years named in the title differ from the period ("2018 - 2020" vs 2018–2022).
    TitleYearsDiffer {
        title: String,
        period: String,
    },
    SignedAfterEnd,
    PositionEndsBeforeStart,
    ResponsibleNotParty,
    /// A date whose year is outside `date_bounds::FIRST_YEAR`..=`LAST_YEAR` (the forms never take
    /// one; data stored before the bound may hold one).
    YearOutOfRange,
    /// Warning: another live organisation has the same name (spaces, case and Unicode form
    /// aside): pickers would show two indistinguishable entries.
    NameTaken {
        by: Id,
    },
    /// The original's location or hash (original.rs says which).
    Original(crate::records::original::OriginalProblem),
    /// Longer than the field takes (`lengths`): `max` characters.
    TooLong {
        max: usize,
    },
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Issue {
    /// The field's path as in the file format: "period.end", "parties[1].organisation".
    pub field: String,
    pub problem: Problem,
    pub severity: Severity,
}

impl Issue {
    fn error(field: impl Into<String>, problem: Problem) -> Issue {
        Issue {
            field: field.into(),
            problem,
            severity: Severity::Error,
        }
    }

    fn warning(field: impl Into<String>, problem: Problem) -> Issue {
        Issue {
            field: field.into(),
            problem,
            severity: Severity::Warning,
        }
    }

    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }
}

/// Live agreements by their number and parties, for checking many agreements' numbers at once
/// ([`agreement_with`]): one pass over the agreements, then each number found in one look-up,
/// however many agreements share it (a file of 70,000 agreements numbered "1" once took the
/// import half an hour, each agreement going through every other).
#[derive(Debug, Default)]
pub struct NumberIndex {
    /// By the number as compared and the parties (sorted): the two smallest ids holding it,
    /// so that the one other than the agreement asked about is at hand.
    holders: FxHashMap<(String, Vec<Id>), (Id, Option<Id>)>,
}

impl NumberIndex {
    /// The live agreements among `agreements` (each id once) that may hold one of the numbers
    /// of `checked`, the agreements that will be asked about.
    pub fn new<'c, 'a>(
        checked: impl IntoIterator<Item = &'c Agreement>,
        agreements: impl IntoIterator<Item = &'a Agreement>,
    ) -> NumberIndex {
        // A first sieve by hash, so that only the numbers asked about are built.
        let asked: FxHashSet<u64> = checked
            .into_iter()
            .filter_map(|a| number_hash(&a.number))
            .collect();
        let mut holders: FxHashMap<(String, Vec<Id>), (Id, Option<Id>)> = FxHashMap::default();
        if asked.is_empty() {
            return NumberIndex { holders };
        }
        for other in agreements.into_iter().filter(|o| o.is_live()) {
            if !number_hash(&other.number).is_some_and(|h| asked.contains(&h)) {
                continue;
            }
            let id = other.id();
            let key = (normalised_number(&other.number), party_list(other));
            holders
                .entry(key)
                .and_modify(|(first, second)| {
                    if id < *first {
                        *second = Some(*first);
                        *first = id;
                    } else if second.is_none_or(|s| id < s) {
                        *second = Some(id);
                    }
                })
                .or_insert((id, None));
        }
        NumberIndex { holders }
    }

    /// The agreement other than `a`, of the same parties, that holds `a`'s number (`number`,
    /// as compared): the first by id, as [`agreement`] finds it.
    pub fn taken_by(&self, a: &Agreement, number: &str) -> Option<Id> {
        let &(first, second) = self.holders.get(&(number.to_string(), party_list(a)))?;
        if first != a.id() {
            Some(first)
        } else {
            second
        }
    }
}

/// The parties' organisations, sorted, each once: [`party_set`] as a key.
fn party_list(agreement: &Agreement) -> Vec<Id> {
    let mut list: Vec<Id> = agreement.parties.iter().map(|p| p.organisation).collect();
    sorting::sort(&mut list);
    list.dedup();
    list
}

/// Four-digit years (plausible ones: see `date_bounds::FIRST_YEAR`) written in a text, in order.
fn years_in(text: &str) -> Vec<i32> {
    let bytes = text.as_bytes();
    let mut years = Vec::new();
    let mut i = 0;
    while i + 4 <= bytes.len() {
        let window = &bytes[i..i + 4];
        let bounded_left = i == 0 || !bytes[i - 1].is_ascii_digit();
        let bounded_right = i + 4 == bytes.len() || !bytes[i + 4].is_ascii_digit();
        if bounded_left && bounded_right && window.iter().all(u8::is_ascii_digit) {
            let year: i32 = text[i..i + 4].parse().unwrap_or(0);
            if plausible_year(year) {
                years.push(year);
            }
            i += 4;
        } else {
            i += 1;
        }
    }
    years
}

pub fn agreement(a: &Agreement, data: &Dataset) -> Vec<Issue> {
    agreement_with(
        a,
        data,
        &|number| {
            data.agreements
                .iter_live()
                .find(|other| other.id() != a.id() && holds_number(other, number, a))
                .map(Record::id)
        },
        &|| supersedes_loop(a, data),
    )
}

/// Following `supersedes` from `a` comes back to an agreement already passed (`a` itself, or
/// a circle further on). The form's walk: the import asks it of many agreements at once, and a
/// [`SupersedesIndex`] answers each without walking the same chain again.
pub fn supersedes_loop(a: &Agreement, data: &dyn Lookup) -> bool {
    let mut seen = BTreeSet::from([a.id()]);
    let mut next = a.supersedes;
    while let Some(current) = next {
        if !seen.insert(current) {
            return true;
        }
        next = data.agreement(&current).and_then(|prev| prev.supersedes);
    }
    false
}

/// [`supersedes_loop`] for many agreements of the same data: each chain is walked once, and
/// every agreement on it remembers where it leads (a file of 70,000 agreements each superseding
/// the next would otherwise walk 70,000 chains of up to 70,000).
#[derive(Default)]
pub struct SupersedesIndex {
    /// By id: whether following `supersedes` from that agreement never ends.
    endless: std::cell::RefCell<FxHashMap<Id, bool>>,
}

impl SupersedesIndex {
    /// [`supersedes_loop`] of `a`, which `data` holds as it is (its `supersedes` is what `data`
    /// gives for its id).
    pub fn loops(&self, a: &Agreement, data: &dyn Lookup) -> bool {
        // The path from `a` comes round iff the path from the agreement it supersedes never ends.
        let Some(first) = a.supersedes else {
            return false;
        };
        let mut endless = self.endless.borrow_mut();
        let mut path = Vec::new();
        let mut on_path = FxHashSet::default();
        let mut next = Some(first);
        let verdict = loop {
            let Some(current) = next else { break false };
            if let Some(&known) = endless.get(&current) {
                break known;
            }
            if !on_path.insert(current) {
                break true;
            }
            path.push(current);
            next = data.agreement(&current).and_then(|prev| prev.supersedes);
        };
        endless.extend(path.into_iter().map(|id| (id, verdict)));
        verdict
    }
}

/// [`agreement`], with two searches among the other agreements left to the caller: another
/// live agreement of the same parties that holds the number (given normalised), and whether
/// `supersedes` goes round in a circle. The import checks many agreements at once and answers
/// both from an index ([`NumberIndex`], [`SupersedesIndex`]) instead of going through every
/// agreement for each. (`dyn` searches, so the rules are compiled once for both.)
pub fn agreement_with(
    a: &Agreement,
    data: &dyn Lookup,
    number_taken_by: &dyn Fn(&str) -> Option<Id>,
    supersedes_loop: &dyn Fn() -> bool,
) -> Vec<Issue> {
    let mut issues = Vec::new();
    let id = a.id();
    // Signatories and areas each name parties: looked up in the list, or in a set once the
    // list is long (a crafted file can hold thousands).
    let many = (a.parties.len() > 16).then(|| party_set(a));
    let is_party = |organisation: &Id| match &many {
        Some(set) => set.contains(organisation),
        None => a.has_party(*organisation),
    };
    years_out_of_range(a, &mut issues);
    lengths::agreement(a, &mut issues);

    if a.title.trim().is_empty() {
        issues.push(Issue::error("title", Problem::Required));
    }
    if let Some(original) = &a.original {
        issues.extend(
            crate::records::original::problems(original)
                .into_iter()
                .map(|(field, problem)| Issue::error(field, Problem::Original(problem))),
        );
    }
    // A status set by hand must say why: the register shows the reason beside it.
    if a.status_override
        .as_ref()
        .is_some_and(|o| o.reason.trim().is_empty())
    {
        issues.push(Issue::error("status_override.reason", Problem::Required));
    }

    // Period.
    if let (Some(start), Some(end)) = (a.period.start, a.period.end) {
        if end < start {
            issues.push(Issue::error("period.end", Problem::EndBeforeStart));
        }
        let title_years = years_in(&a.title);
        if title_years.len() == 2
            && (title_years[0] != start.year() || title_years[1] != end.year())
        {
            issues.push(Issue::warning(
                "title",
                Problem::TitleYearsDiffer {
                    title: format!("{} - {}", title_years[0], title_years[1]),
                    period: format!("{} - {}", start.year(), end.year()),
                },
            ));
        }
        if let Some(signed) = a.signing_date().filter(|_| end >= start) {
            if signed > end {
                issues.push(Issue::warning("signed_on", Problem::SignedAfterEnd));
            }
        }
    }

    // Parties: at least two, each known and once, exactly one lead.
    if a.parties.len() < 2 {
        issues.push(Issue::error("parties", Problem::TooFewParties));
    }
    let mut seen = BTreeSet::new();
    for (i, party) in a.parties.iter().enumerate() {
        if live(data.organisation(&party.organisation)).is_none() {
            issues.push(Issue::error(
                format!("parties[{i}].organisation"),
                Problem::UnknownOrganisation,
            ));
        } else if !seen.insert(party.organisation) {
            issues.push(Issue::error(
                format!("parties[{i}].organisation"),
                Problem::DuplicateParty,
            ));
        }
    }
    match a.parties.iter().filter(|p| p.lead).count() {
        0 if !a.parties.is_empty() => issues.push(Issue::error("parties", Problem::NoLead)),
        0 => {}
        1 => {}
        _ => issues.push(Issue::error("parties", Problem::SeveralLeads)),
    }

    // Signatories sign for a party.
    for (i, s) in a.signatories.iter().enumerate() {
        if live(data.person(&s.person)).is_none() {
            issues.push(Issue::error(
                format!("signatories[{i}].person"),
                Problem::UnknownPerson,
            ));
        }
        if !is_party(&s.organisation) {
            issues.push(Issue::error(
                format!("signatories[{i}].organisation"),
                Problem::SignatoryNotParty,
            ));
        }
    }

    // Areas.
    for (i, area) in a.areas.iter().enumerate() {
        if area.title.trim().is_empty() {
            issues.push(Issue::error(format!("areas[{i}].title"), Problem::Required));
        }
        if area.responsible.iter().any(|org| !is_party(org)) {
            issues.push(Issue::error(
                format!("areas[{i}].responsible"),
                Problem::ResponsibleNotParty,
            ));
        }
    }

    for (i, duty) in a.duties.iter().enumerate() {
        if duty.title.trim().is_empty() {
            issues.push(Issue::error(
                format!("duties[{i}].title"),
                Problem::Required,
            ));
        }
    }

    // A plan belongs to a regulation.
    if let Some(parent) = a.parent {
        if a.kind != AgreementKind::Plan {
            issues.push(Issue::error("parent", Problem::ParentOnlyForPlans));
        } else if parent == id {
            issues.push(Issue::error("parent", Problem::OwnParent));
        } else if live(data.agreement(&parent)).is_none_or(|p| p.kind != AgreementKind::Regulation)
        {
            issues.push(Issue::error("parent", Problem::ParentNotRegulation));
        }
    }

    // The number is unique among live agreements of the same parties.
    let number = normalised_number(&a.number);
    if !number.is_empty() {
        if let Some(by) = number_taken_by(&number) {
            issues.push(Issue::error("number", Problem::NumberTaken { by }));
        }
    }

    // Supersedes: never itself, never round in a circle.
    if let Some(first) = a.supersedes {
        if first == id {
            issues.push(Issue::error("supersedes", Problem::SupersedesItself));
        } else if supersedes_loop() {
            issues.push(Issue::error("supersedes", Problem::SupersedesCycle));
        }
    }
    issues
}

pub fn organisation(o: &Organisation, data: &Dataset) -> Vec<Issue> {
    organisation_with(o, data, &|name| {
        data.organisations
            .iter_live()
            .find(|other| other.id() != o.id() && same_name_key(&other.display_name()) == name)
            .map(Record::id)
    })
}

/// [`organisation`], with the search for another live organisation of the same name (given as
/// compared) left to the caller: the import, which keeps errors only, skips it.
pub fn organisation_with(
    o: &Organisation,
    data: &dyn Lookup,
    name_taken_by: &dyn Fn(&str) -> Option<Id>,
) -> Vec<Issue> {
    let mut issues = Vec::new();
    lengths::organisation(o, &mut issues);
    if o.name.trim().is_empty() {
        issues.push(Issue::error("name", Problem::Required));
    }
    if let Some(parent) = o.parent {
        if parent == o.id() {
            issues.push(Issue::error("parent", Problem::OwnParent));
        } else if live(data.organisation(&parent)).is_none() {
            issues.push(Issue::error("parent", Problem::UnknownOrganisation));
        }
    }
    // Two provinces' "Sở Y tế" are two bodies: the locality is part of the name compared.
    let name = same_name_key(&o.display_name());
    if !o.name.trim().is_empty() {
        if let Some(by) = name_taken_by(&name) {
            issues.push(Issue::warning("name", Problem::NameTaken { by }));
        }
    }
    issues
}

/// An error at each of the record's own dates whose year is not plausible (the envelope's
/// times are the app's own stamps: not the form's to mend).
fn years_out_of_range(record: &impl Record, issues: &mut Vec<Issue>) {
    let mut paths = Vec::new();
    record.dates_out_of_range(&mut paths);
    issues.extend(
        paths
            .into_iter()
            .map(|path| Issue::error(path, Problem::YearOutOfRange)),
    );
}

/// A name as compared for duplicates: NFC, lower case, on one line.
fn same_name_key(name: &str) -> String {
    one_line(&name.nfc().flat_map(char::to_lowercase).collect::<String>())
}

pub fn person(p: &Person, data: &dyn Lookup) -> Vec<Issue> {
    let mut issues = Vec::new();
    years_out_of_range(p, &mut issues);
    lengths::person(p, &mut issues);
    if p.full_name.trim().is_empty() {
        issues.push(Issue::error("full_name", Problem::Required));
    }
    for (i, pos) in p.positions.iter().enumerate() {
        if pos.title.trim().is_empty() {
            issues.push(Issue::error(
                format!("positions[{i}].title"),
                Problem::Required,
            ));
        }
        if let (Some(from), Some(to)) = (pos.from, pos.to) {
            if to < from {
                issues.push(Issue::error(
                    format!("positions[{i}].to"),
                    Problem::PositionEndsBeforeStart,
                ));
            }
        }
        if let Some(org) = pos.organisation {
            if live(data.organisation(&org)).is_none() {
                issues.push(Issue::error(
                    format!("positions[{i}].organisation"),
                    Problem::UnknownOrganisation,
                ));
            }
        }
    }
    issues
}

pub mod lengths;

#[cfg(test)]
mod tests;
