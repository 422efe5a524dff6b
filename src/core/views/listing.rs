//! Finding, filtering and sorting records for the lists; the UI shows what this returns.

use crate::records::sorting;
use chrono::Datelike;
use serde::{Deserialize, Serialize};
use std::cmp::Reverse;

use crate::records::meta::Id;
use crate::records::model::{Agreement, AgreementKind, Organisation, Person, Status};
use crate::records::record::Record;
use crate::records::workspace::Dataset;
use crate::rules::status::StatusInfo;
use crate::views::search::{haystack, Query};

/// What an agreement can be found by: number, title, parties, signatories, place and years.
/// Notes are left out on purpose: they mention other periods' years and would add noise.
pub fn agreement_haystack(a: &Agreement, data: &Dataset) -> String {
    let mut parts: Vec<String> = vec![a.number.clone(), a.title.clone(), a.signed_place.clone()];
    for party in &a.parties {
        if let Some(org) = data.organisations.get(&party.organisation) {
            parts.push(org.name.clone());
            parts.push(org.short_name.clone());
            parts.push(org.locality.clone());
        }
    }
    for s in &a.signatories {
        parts.push(data.person_name(&s.person));
    }
    if let (Some(start), Some(end)) = (a.period.start, a.period.end) {
        if end.year() - start.year() <= 30 {
            parts.extend((start.year()..=end.year()).map(|y| y.to_string()));
        }
    }
    let refs: Vec<&str> = parts.iter().map(String::as_str).collect();
    haystack(&refs)
}

pub fn organisation_haystack(o: &Organisation) -> String {
    haystack(&[&o.name, &o.short_name, &o.locality])
}

pub fn person_haystack(p: &Person) -> String {
    let mut parts: Vec<&str> = vec![&p.full_name];
    parts.extend(p.positions.iter().map(|pos| pos.title.as_str()));
    haystack(&parts)
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AgreementSort {
    /// Best match first while searching, else most recently changed.
    #[default]
    Relevance,
    RecentlyChanged,
    SigningDate,
    PeriodStart,
    Title,
    Number,
}

impl AgreementSort {
    pub const ALL: [AgreementSort; 6] = [
        AgreementSort::Relevance,
        AgreementSort::RecentlyChanged,
        AgreementSort::SigningDate,
        AgreementSort::PeriodStart,
        AgreementSort::Title,
        AgreementSort::Number,
    ];
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct AgreementQuery {
    pub text: String,
    pub status: Option<Status>,
    pub kind: Option<AgreementKind>,
    /// Agreements where this organisation is a party.
    pub organisation: Option<Id>,
    /// Agreements whose period covers this year.
    pub year: Option<i32>,
    pub sort: AgreementSort,
}

/// The live agreements matching `query`, in its order. `haystacks` holds each agreement's
/// [`agreement_haystack`] and `statuses` each one's status today (`rules::status::statuses`),
/// both kept by the caller so typing does not refold every record or read every event.
pub fn find_agreements<'a>(
    data: &'a Dataset,
    haystacks: &std::collections::HashMap<Id, String>,
    query: &AgreementQuery,
    statuses: &std::collections::HashMap<Id, StatusInfo>,
) -> Vec<&'a Agreement> {
    let text = Query::parse(&query.text);
    let mut found: Vec<(u32, &Agreement)> = data
        .agreements
        .iter_live()
        .filter(|a| query.kind.is_none_or(|k| a.kind == k))
        .filter(|a| query.organisation.is_none_or(|o| a.has_party(o)))
        .filter(|a| query.year.is_none_or(|y| a.period.covers_year(y)))
        .filter(|a| {
            query
                .status
                .is_none_or(|s| statuses.get(&a.id()).is_some_and(|info| info.status == s))
        })
        .filter_map(|a| {
            if text.is_empty() {
                return Some((1, a));
            }
            let owned;
            let hay = match haystacks.get(&a.id()) {
                Some(h) => h,
                None => {
                    owned = agreement_haystack(a, data);
                    &owned
                }
            };
            let score = text.score(hay);
            (score > 0).then_some((score, a))
        })
        .collect();
    // Ties (e.g. a freshly loaded sample, all saved at once) read best as: regulations first,
    // newest period first, then by title.
    let recent = |a: &Agreement| {
        (
            Reverse(a.meta.updated),
            kind_rank(a.kind),
            Reverse(a.period.start),
        )
    };
    match query.sort {
        AgreementSort::Relevance => {
            sort_then_by_title(&mut found, |(s, a)| (Reverse(*s), recent(a)))
        }
        AgreementSort::RecentlyChanged => sort_then_by_title(&mut found, |(_, a)| recent(a)),
        AgreementSort::SigningDate => {
            sort_then_by_title(&mut found, |(_, a)| (Reverse(a.signing_date()), recent(a)))
        }
        AgreementSort::PeriodStart => sorting::sort_by(&mut found, |(_, a), (_, b)| {
            b.period
                .start
                .cmp(&a.period.start)
                .then_with(|| a.title.cmp(&b.title))
        }),
        AgreementSort::Title => sort_then_by_title(&mut found, |_| ()),
        AgreementSort::Number => {
            sorting::sort_by_cached_key(&mut found, |(_, a)| natural(&a.number))
        }
    }
    found.into_iter().map(|(_, a)| a).collect()
}

/// Sorts by `key`, then by title as readers expect ([`collate`]). A title is collated once, and
/// only when its key ties: collating in every comparison made a keystroke in the register's
/// search take a third of a second with 2,000 agreements found.
fn sort_then_by_title<K: Ord>(
    found: &mut [(u32, &Agreement)],
    key: impl Fn(&(u32, &Agreement)) -> K,
) {
    let mut keyed: Vec<_> = found
        .iter()
        .map(|f| (key(f), std::cell::OnceCell::new(), *f))
        .collect();
    sorting::sort_by(&mut keyed, |(ka, ta, (_, a)), (kb, tb, (_, b))| {
        ka.cmp(kb).then_with(|| {
            ta.get_or_init(|| collate(&a.title))
                .cmp(tb.get_or_init(|| collate(&b.title)))
        })
    });
    for (slot, (_, _, f)) in found.iter_mut().zip(keyed) {
        *slot = f;
    }
}

fn kind_rank(kind: AgreementKind) -> u8 {
    match kind {
        AgreementKind::Regulation => 0,
        AgreementKind::Plan => 1,
        AgreementKind::Other => 2,
    }
}

/// A sort key that orders Vietnamese text as readers expect (diacritics after the base letter).
pub fn collate(text: &str) -> (String, String) {
    (crate::views::search::fold(text), text.to_lowercase())
}

/// Numbers like "2/KH" before "10/KH": leading digits compare as numbers; empty numbers last.
fn natural(number: &str) -> (bool, u64, String) {
    let digits: String = number
        .trim()
        .chars()
        .take_while(char::is_ascii_digit)
        .collect();
    (
        number.trim().is_empty(),
        digits.parse().unwrap_or(u64::MAX),
        number.to_lowercase(),
    )
}

/// The years that agreements cover, newest first, for the year filter.
pub fn years_covered(data: &Dataset) -> Vec<i32> {
    let mut years = std::collections::BTreeSet::new();
    for a in data.agreements.iter_live() {
        if let (Some(s), Some(e)) = (a.period.start, a.period.end) {
            if e.year() - s.year() <= 50 {
                years.extend(s.year()..=e.year());
            }
        }
    }
    years.into_iter().rev().collect()
}

/// Live organisations matching `text`, by name.
pub fn find_organisations<'a>(data: &'a Dataset, text: &str) -> Vec<&'a Organisation> {
    let query = Query::parse(text);
    let mut found: Vec<&Organisation> = data
        .organisations
        .iter_live()
        .filter(|o| query.matches(&organisation_haystack(o)))
        .collect();
    sorting::sort_by_key(&mut found, |o| collate(&o.name));
    found
}

/// Live people matching `text`, by name.
pub fn find_people<'a>(data: &'a Dataset, text: &str) -> Vec<&'a Person> {
    let query = Query::parse(text);
    let mut found: Vec<&Person> = data
        .people
        .iter_live()
        .filter(|p| query.matches(&person_haystack(p)))
        .collect();
    sorting::sort_by_key(&mut found, |p| collate(&p.full_name));
    found
}

/// Live agreements where `organisation` is a party, newest period first.
pub fn agreements_of(data: &Dataset, organisation: Id) -> Vec<&Agreement> {
    let mut found: Vec<&Agreement> = data
        .agreements
        .iter_live()
        .filter(|a| a.has_party(organisation))
        .collect();
    sorting::sort_by(&mut found, |a, b| b.period.start.cmp(&a.period.start));
    found
}

/// Live agreements that `person` signed, newest first.
pub fn agreements_signed_by(data: &Dataset, person: Id) -> Vec<&Agreement> {
    let mut found: Vec<&Agreement> = data
        .agreements
        .iter_live()
        .filter(|a| a.signatories.iter().any(|s| s.person == person))
        .collect();
    sorting::sort_by(&mut found, |a, b| b.signing_date().cmp(&a.signing_date()));
    found
}

/// Every live agreement's haystack, by id.
pub fn agreement_haystacks(data: &Dataset) -> std::collections::HashMap<Id, String> {
    data.agreements
        .iter_live()
        .map(|a| (a.id(), agreement_haystack(a, data)))
        .collect()
}

#[cfg(test)]
mod tests;

/// Filters for the timeline of events.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct EventQuery {
    pub agreement: Option<Id>,
    /// Events linked to an agreement this organisation is party to.
    pub organisation: Option<Id>,
    pub kind: Option<crate::records::event::EventKind>,
    pub year: Option<i32>,
}

/// Live events matching `query`, newest first.
pub fn find_events<'a>(
    data: &'a Dataset,
    query: &EventQuery,
) -> Vec<&'a crate::records::event::Event> {
    let mut found: Vec<_> = data
        .events
        .iter_live()
        .filter(|e| query.agreement.is_none_or(|a| e.links(a)))
        .filter(|e| query.kind.is_none_or(|k| e.kind == k))
        .filter(|e| query.year.is_none_or(|y| e.day().year() == y))
        .filter(|e| {
            query.organisation.is_none_or(|org| {
                e.agreements.iter().any(|l| {
                    data.agreements
                        .get(&l.agreement)
                        .is_some_and(|a| a.has_party(org))
                })
            })
        })
        .collect();
    sorting::sort_by(&mut found, |a, b| b.starts_at.cmp(&a.starts_at));
    found
}

/// Live recommendations, optionally of one agreement, open ones first then by deadline.
pub fn find_recommendations(
    data: &Dataset,
    agreement: Option<Id>,
) -> Vec<&crate::records::recommendation::Recommendation> {
    let mut found: Vec<_> = data
        .recommendations
        .iter_live()
        .filter(|r| agreement.is_none_or(|a| r.agreement == Some(a)))
        .collect();
    sorting::sort_by(&mut found, |a, b| {
        (
            !a.status.is_pending(),
            a.deadline.is_none(),
            a.deadline,
            &a.content,
        )
            .cmp(&(
                !b.status.is_pending(),
                b.deadline.is_none(),
                b.deadline,
                &b.content,
            ))
    });
    found
}

/// Filters for the list of recommendations.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct RecommendationQuery {
    /// Words to find (diacritics and case ignored) in the content, the answer, the addressees
    /// and the agreement's number and title.
    pub text: String,
    pub status: Option<crate::records::recommendation::RecommendationStatus>,
    pub agreement: Option<Id>,
    /// Only those still awaiting an answer past their deadline on this day.
    pub overdue_on: Option<chrono::NaiveDate>,
}

/// What a recommendation can be found by.
pub fn recommendation_haystack(
    r: &crate::records::recommendation::Recommendation,
    data: &Dataset,
) -> String {
    let mut parts: Vec<String> = vec![r.content.clone(), r.response.clone()];
    for org in r
        .addressed_to
        .iter()
        .filter_map(|o| data.organisations.get(o))
    {
        parts.push(org.display_name());
        parts.push(org.short_name.clone());
    }
    if let Some(a) = r.agreement.and_then(|a| data.agreements.get(&a)) {
        parts.push(a.number.clone());
        parts.push(a.title.clone());
    }
    haystack(&parts.iter().map(String::as_str).collect::<Vec<_>>())
}

/// Live recommendations matching `query`, in the list's order (see [`find_recommendations`]).
pub fn find_recommendations_matching<'a>(
    data: &'a Dataset,
    query: &RecommendationQuery,
) -> Vec<&'a crate::records::recommendation::Recommendation> {
    let text = Query::parse(&query.text);
    find_recommendations(data, query.agreement)
        .into_iter()
        .filter(|r| query.status.is_none_or(|s| r.status == s))
        .filter(|r| {
            query.overdue_on.is_none_or(|today| {
                crate::rules::validate_activity::days_overdue(r, today).is_some()
            })
        })
        .filter(|r| text.is_empty() || text.matches(&recommendation_haystack(r, data)))
        .collect()
}
