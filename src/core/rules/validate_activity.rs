//! The rules an event or a recommendation must meet before it is saved, how their typed inputs
//! (time of day, attendee count) are read, and what saving an event does to the status of the
//! agreements it links. Each issue names the field it concerns ("agreements[1].agreement"), so
//! the form shows the message beside that field.

use std::collections::BTreeSet;

use chrono::{NaiveDate, NaiveDateTime, NaiveTime};

use crate::records::event::{Event, EventRole};
use crate::records::meta::Id;
use crate::records::recommendation::Recommendation;
use crate::records::record::Record;
use crate::records::workspace::Dataset;
use crate::rules::dates::{parse_exact_day, DateInputError};
use crate::rules::status::{status_in, StatusInfo, StatusReason};
use crate::rules::validate::{lengths, live, Lookup, Severity};

/// What is wrong with a field of an event or a recommendation. The UI words each.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ActivityProblem {
    Required,
    /// A date that could not be read.
    BadDate(DateInputError),
    /// A time of day that could not be read (expects HH:mm).
    BadTime,
    /// Not a whole number ≥ 0.
    BadCount,
    /// A whole number, but beyond any gathering (over 4,294,967,295).
    CountTooLarge,
    /// The agreement is not in the data, or was deleted.
    UnknownAgreement,
    /// The same agreement is linked on an earlier row.
    AgreementLinkedTwice,
    UnknownPerson,
    /// The same person is already on an earlier chair row.
    PersonChairsTwice,
    UnknownOrganisation,
    /// The same organisation is already on an earlier row.
    OrganisationListedTwice,
    /// A recommendation must be addressed to at least one organisation.
    NoAddressee,
    UnknownEvent,
    /// The coordination area is not one of the chosen agreement's (or no agreement is chosen).
    AreaNotInAgreement,
    /// Warning: the deadline falls before the day the recommendation was raised.
    DeadlineBeforeRaised,
    /// Warning: the answer is dated before the recommendation was raised.
    RespondedBeforeRaised,
    /// Longer than the field's use allows (`validate::lengths`).
    TooLong {
        max: usize,
    },
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ActivityIssue {
    /// The field's path as in the file format: "title", "chairs[0].person".
    pub field: String,
    pub problem: ActivityProblem,
    pub severity: Severity,
}

impl ActivityIssue {
    pub fn error(field: impl Into<String>, problem: ActivityProblem) -> ActivityIssue {
        ActivityIssue {
            field: field.into(),
            problem,
            severity: Severity::Error,
        }
    }

    pub fn warning(field: impl Into<String>, problem: ActivityProblem) -> ActivityIssue {
        ActivityIssue {
            field: field.into(),
            problem,
            severity: Severity::Warning,
        }
    }

    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }
}

/// Whether any issue blocks saving.
pub fn has_errors(issues: &[ActivityIssue]) -> bool {
    issues.iter().any(ActivityIssue::is_error)
}

// ---------------------------------------------------------------- typed inputs

/// The time an event starts when none is typed: offices meet at 08:00.
pub fn default_time() -> NaiveTime {
    NaiveTime::from_hms_opt(8, 0, 0).expect("valid time")
}

/// Reads a time of day: "08:00", "8:00", "14.30", "8h", "8h30", "14g30". Empty is `Ok(None)`.
pub fn parse_time(input: &str) -> Result<Option<NaiveTime>, ActivityProblem> {
    let text = input.trim().to_lowercase();
    if text.is_empty() {
        return Ok(None);
    }
    let (hours, minutes) = match text.find([':', '.', 'h', 'g']) {
        Some(at) => {
            let sep_len = text[at..].chars().next().map_or(1, char::len_utf8);
            (&text[..at], &text[at + sep_len..])
        }
        None => (text.as_str(), ""),
    };
    let digits = |s: &str| !s.is_empty() && s.len() <= 2 && s.chars().all(|c| c.is_ascii_digit());
    if !digits(hours) || !(minutes.is_empty() || (digits(minutes) && minutes.len() == 2)) {
        return Err(ActivityProblem::BadTime);
    }
    let h: u32 = hours.parse().map_err(|_| ActivityProblem::BadTime)?;
    let m: u32 = if minutes.is_empty() {
        0
    } else {
        minutes.parse().map_err(|_| ActivityProblem::BadTime)?
    };
    NaiveTime::from_hms_opt(h, m, 0)
        .map(Some)
        .ok_or(ActivityProblem::BadTime)
}

/// Reads the day (required, dd/mm/yyyy) and time (optional, default 08:00) an event starts,
/// reporting each problem at its field ("date", "time").
pub fn read_starts_at(date: &str, time: &str) -> Result<NaiveDateTime, Vec<ActivityIssue>> {
    let mut issues = Vec::new();
    // "2018" or "04/2018" would silently pick a day: an event needs the exact one.
    let day = match parse_exact_day(date) {
        Ok(Some(day)) => Some(day),
        Ok(None) => {
            issues.push(ActivityIssue::error("date", ActivityProblem::Required));
            None
        }
        Err(e) => {
            issues.push(ActivityIssue::error("date", ActivityProblem::BadDate(e)));
            None
        }
    };
    let time = match parse_time(time) {
        Ok(t) => t.unwrap_or_else(default_time),
        Err(problem) => {
            issues.push(ActivityIssue::error("time", problem));
            default_time()
        }
    };
    match day {
        Some(day) if issues.is_empty() => Ok(day.and_time(time)),
        _ => Err(issues),
    }
}

/// Reads an optional day typed as dd/mm/yyyy, reporting a problem at `field`.
pub fn read_day(input: &str, field: &str) -> Result<Option<NaiveDate>, ActivityIssue> {
    parse_exact_day(input).map_err(|e| ActivityIssue::error(field, ActivityProblem::BadDate(e)))
}

/// Reads an attendee count: a whole number ≥ 0; empty is `Ok(None)` (not reported).
pub fn parse_count(input: &str) -> Result<Option<u32>, ActivityProblem> {
    let text = input.trim();
    if text.is_empty() {
        return Ok(None);
    }
    // "1.000" and "1 000" are how a thousand is written in Vietnamese: groups of three digits.
    let groups: Vec<&str> = text.split(['.', ' ']).collect();
    let grouped = groups.len() > 1
        && (1..=3).contains(&groups[0].len())
        && groups[1..].iter().all(|g| g.len() == 3);
    if groups.len() > 1 && !grouped {
        return Err(ActivityProblem::BadCount);
    }
    let digits: String = groups.concat();
    if !digits.chars().all(|c| c.is_ascii_digit()) {
        return Err(ActivityProblem::BadCount);
    }
    digits
        .parse()
        .map(Some)
        .map_err(|_| ActivityProblem::CountTooLarge)
}

// ---------------------------------------------------------------- rules

/// The rules of an event: a title; linked agreements that exist, are not deleted, and are
/// linked once each; chairs who are people in the directory, each once.
pub fn event(e: &Event, data: &dyn Lookup) -> Vec<ActivityIssue> {
    let mut issues = Vec::new();
    years_out_of_range(e, &mut issues);
    if e.title.trim().is_empty() {
        issues.push(ActivityIssue::error("title", ActivityProblem::Required));
    }
    for (field, text, max) in [
        ("title", &e.title, lengths::TITLE),
        ("place", &e.place, lengths::PLACE),
    ] {
        if lengths::too_long(text, max) {
            issues.push(ActivityIssue::error(
                field,
                ActivityProblem::TooLong { max },
            ));
        }
    }
    let mut people = BTreeSet::new();
    for (i, chair) in e.chairs.iter().enumerate() {
        let field = || format!("chairs[{i}].person");
        if live(data.person(&chair.person)).is_none() {
            issues.push(ActivityIssue::error(
                field(),
                ActivityProblem::UnknownPerson,
            ));
        } else if !people.insert(chair.person) {
            issues.push(ActivityIssue::error(
                field(),
                ActivityProblem::PersonChairsTwice,
            ));
        }
    }
    let mut linked = BTreeSet::new();
    for (i, link) in e.agreements.iter().enumerate() {
        let field = || format!("agreements[{i}].agreement");
        if live(data.agreement(&link.agreement)).is_none() {
            issues.push(ActivityIssue::error(
                field(),
                ActivityProblem::UnknownAgreement,
            ));
        } else if !linked.insert(link.agreement) {
            issues.push(ActivityIssue::error(
                field(),
                ActivityProblem::AgreementLinkedTwice,
            ));
        }
    }
    issues
}

/// The rules of a recommendation: its content; at least one addressee, each a live
/// organisation, once; the event, raiser and agreement (when given) exist; the area is one of
/// the agreement's. A deadline or answer dated before it was raised is only a warning.
pub fn recommendation(r: &Recommendation, data: &dyn Lookup) -> Vec<ActivityIssue> {
    let mut issues = Vec::new();
    years_out_of_range(r, &mut issues);
    if r.content.trim().is_empty() {
        issues.push(ActivityIssue::error("content", ActivityProblem::Required));
    }
    if lengths::too_long(&r.content, lengths::RECOMMENDATION) {
        issues.push(ActivityIssue::error(
            "content",
            ActivityProblem::TooLong {
                max: lengths::RECOMMENDATION,
            },
        ));
    }
    if let Some(event) = r.event {
        if live(data.event(&event)).is_none() {
            issues.push(ActivityIssue::error("event", ActivityProblem::UnknownEvent));
        }
    }
    if let Some(org) = r.raised_by {
        if live(data.organisation(&org)).is_none() {
            issues.push(ActivityIssue::error(
                "raised_by",
                ActivityProblem::UnknownOrganisation,
            ));
        }
    }
    if r.addressed_to.is_empty() {
        issues.push(ActivityIssue::error(
            "addressed_to",
            ActivityProblem::NoAddressee,
        ));
    }
    let mut seen = BTreeSet::new();
    for (i, org) in r.addressed_to.iter().enumerate() {
        let field = format!("addressed_to[{i}]");
        if live(data.organisation(org)).is_none() {
            issues.push(ActivityIssue::error(
                field,
                ActivityProblem::UnknownOrganisation,
            ));
        } else if !seen.insert(*org) {
            issues.push(ActivityIssue::error(
                field,
                ActivityProblem::OrganisationListedTwice,
            ));
        }
    }
    let agreement = r.agreement.and_then(|a| live(data.agreement(&a)));
    if r.agreement.is_some() && agreement.is_none() {
        issues.push(ActivityIssue::error(
            "agreement",
            ActivityProblem::UnknownAgreement,
        ));
    }
    if let Some(area) = r.area {
        let belongs = agreement.is_some_and(|a| data.has_area(a, &area));
        // An unknown agreement is already reported; the area is only judged against a known one.
        if !belongs && (r.agreement.is_none() || agreement.is_some()) {
            issues.push(ActivityIssue::error(
                "area",
                ActivityProblem::AreaNotInAgreement,
            ));
        }
    }
    if let Some(raised) = r.raised_on {
        if r.deadline.is_some_and(|d| d < raised) {
            issues.push(ActivityIssue::warning(
                "deadline",
                ActivityProblem::DeadlineBeforeRaised,
            ));
        }
        if r.responded_on.is_some_and(|d| d < raised) {
            issues.push(ActivityIssue::warning(
                "responded_on",
                ActivityProblem::RespondedBeforeRaised,
            ));
        }
    }
    issues
}

/// An error at each of the record's own dates whose year is not plausible (see
/// `validate::years_out_of_range`).
fn years_out_of_range(record: &impl Record, issues: &mut Vec<ActivityIssue>) {
    let mut paths = Vec::new();
    record.dates_out_of_range(&mut paths);
    issues.extend(paths.into_iter().map(|path| {
        ActivityIssue::error(
            path,
            ActivityProblem::BadDate(DateInputError::YearOutOfRange),
        )
    }));
}

/// Days a pending recommendation is past its deadline on `today` (None: not late, answered,
/// or no deadline). The deadline day itself is not late.
pub fn days_overdue(r: &Recommendation, today: NaiveDate) -> Option<i64> {
    let deadline = r.deadline?;
    let days = (today - deadline).num_days();
    (r.status.is_pending() && days > 0).then_some(days)
}

// ---------------------------------------------------------------- status effects

/// What saving an event did to one linked agreement's status.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum EffectKind {
    /// The status changed; `by_this_event` when the new reason is this event.
    Changed { by_this_event: bool },
    /// Unchanged, and its reason is this event (e.g. editing the summary conference again).
    Confirmed,
    /// The event lies ahead: it will count from its day.
    FromEventDay(NaiveDate),
    /// A status the user set by hand wins over events.
    KeptBySetting,
    /// Unchanged for another reason (e.g. it already had a signing date).
    Unchanged,
}

/// One agreement whose status saving an event may touch: linked as signed or summarised before
/// or after the edit.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StatusEffect {
    pub agreement: Id,
    pub role: EventRole,
    pub before: StatusInfo,
    pub after: StatusInfo,
    pub kind: EffectKind,
}

fn reason_event(reason: &StatusReason) -> Option<Id> {
    match reason {
        StatusReason::SummarisedAt(e, _) | StatusReason::SignedAt(e, _) => Some(*e),
        _ => None,
    }
}

/// Compares the status of each agreement the event links as signed or summarised (in its old
/// or new version) between the dataset `before` and `after` the save, on `today`.
pub fn status_effects(
    before: &Dataset,
    after: &Dataset,
    event_id: Id,
    today: NaiveDate,
) -> Vec<StatusEffect> {
    let Some(new) = after
        .events
        .get(&event_id)
        .or_else(|| before.events.get(&event_id))
    else {
        return Vec::new();
    };
    StatusBefore::of(before, event_id, new, today).effects(after, today)
}

/// The statuses an event's save may touch, as they were before it: taken just before the
/// save, compared after it ([`StatusBefore::effects`]), so no copy of the data is needed.
pub struct StatusBefore {
    event: Id,
    /// The event's day (its new version's, else its old one's).
    day: Option<NaiveDate>,
    /// Each agreement linked as signed or summarised (old or new version), its role, and its
    /// status before the save (None: not live).
    links: Vec<(Id, EventRole, Option<StatusInfo>)>,
}

impl StatusBefore {
    /// Before `new` (the event about to be saved, with id `event`) replaces what `data` holds.
    pub fn of(data: &Dataset, event: Id, new: &Event, today: NaiveDate) -> StatusBefore {
        let weighty = |role: EventRole| matches!(role, EventRole::Signed | EventRole::Summarised);
        let new = (!new.meta().deleted).then_some(new);
        let old = data.events.live(&event);
        let mut links: Vec<(Id, EventRole, Option<StatusInfo>)> = Vec::new();
        for version in [new, old].into_iter().flatten() {
            for link in &version.agreements {
                if weighty(link.role) && !links.iter().any(|(a, _, _)| *a == link.agreement) {
                    let status = data
                        .agreements
                        .live(&link.agreement)
                        .map(|a| status_in(data, a, today));
                    links.push((link.agreement, link.role, status));
                }
            }
        }
        StatusBefore {
            event,
            day: new.or(data.events.get(&event)).map(Event::day),
            links,
        }
    }

    /// What the save did to each linked agreement's status, `after` it.
    pub fn effects(self, after: &Dataset, today: NaiveDate) -> Vec<StatusEffect> {
        let event_id = self.event;
        let day = self.day;
        self.links
            .into_iter()
            .filter_map(|(id, role, before_info)| {
                let before_info = before_info?;
                let new = after.agreements.live(&id)?;
                let after_info = status_in(after, new, today);
                let kind = if before_info.status != after_info.status {
                    EffectKind::Changed {
                        by_this_event: reason_event(&after_info.reason) == Some(event_id),
                    }
                } else if reason_event(&after_info.reason) == Some(event_id) {
                    EffectKind::Confirmed
                } else if new.status_override.is_some() {
                    EffectKind::KeptBySetting
                } else if let Some(d) = day.filter(|d| {
                    *d > today && (role == EventRole::Summarised || new.signing_date().is_none())
                }) {
                    EffectKind::FromEventDay(d)
                } else {
                    EffectKind::Unchanged
                };
                Some(StatusEffect {
                    agreement: id,
                    role,
                    before: before_info,
                    after: after_info,
                    kind,
                })
            })
            .collect()
    }
}

#[cfg(test)]
mod tests;
