//! An agreement's status, derived from its dates unless the user set it, always with the reason.

use crate::records::record::Record;
use std::collections::HashMap;

use chrono::NaiveDate;

use crate::records::event::{Event, EventRole};
use crate::records::meta::Id;
use crate::records::model::{Agreement, Status};
use crate::records::workspace::Dataset;

/// Why an agreement has its status; the UI words it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum StatusReason {
    /// Set by hand, with the user's words.
    SetByUser(String),
    /// No signing date anywhere.
    NotSigned,
    /// Signed; the period starts later.
    StartsOn(NaiveDate),
    /// In force; the period ends on this day (None: no end given).
    InForceUntil(Option<NaiveDate>),
    /// The period ended on this day.
    EndedOn(NaiveDate),
    /// A summary conference closed it out (event id, its day).
    SummarisedAt(Id, NaiveDate),
    /// Signed at a recorded signing event (event id, its day) — the period has not started.
    SignedAt(Id, NaiveDate),
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StatusInfo {
    pub status: Status,
    pub reason: StatusReason,
}

/// The status of `agreement` on `today` (a day in Vietnam).
pub fn derive_status(agreement: &Agreement, today: NaiveDate) -> StatusInfo {
    if let Some(manual) = &agreement.status_override {
        return StatusInfo {
            status: manual.status,
            reason: StatusReason::SetByUser(manual.reason.clone()),
        };
    }
    if agreement.signing_date().is_none() {
        return StatusInfo {
            status: Status::Draft,
            reason: StatusReason::NotSigned,
        };
    }
    let period = &agreement.period;
    match (period.start, period.end) {
        (Some(start), _) if today < start => StatusInfo {
            status: Status::Signed,
            reason: StatusReason::StartsOn(start),
        },
        (_, Some(end)) if today > end => StatusInfo {
            status: Status::Expired,
            reason: StatusReason::EndedOn(end),
        },
        (_, end) => StatusInfo {
            status: Status::InForce,
            reason: StatusReason::InForceUntil(end),
        },
    }
}

/// The status of `agreement` on `today`, counting the events linked to it: an event where it
/// was signed gives its signing date (when the agreement has none), and a summary conference that
/// has taken place marks it summarised. A status set by hand still wins.
pub fn derive_status_with_events<'a>(
    agreement: &Agreement,
    events: impl Iterator<Item = &'a Event>,
    today: NaiveDate,
) -> StatusInfo {
    if agreement.status_override.is_some() {
        return derive_status(agreement, today);
    }
    let id = agreement.meta.id;
    let mut signed_at: Option<(NaiveDate, Id)> = None;
    let mut summarised_at: Option<(NaiveDate, Id)> = None;
    for e in events.filter(|e| !e.meta.deleted && e.day() <= today) {
        match e.role_for(id) {
            Some(EventRole::Signed) => {
                let this = (e.day(), e.meta.id);
                signed_at = Some(signed_at.map_or(this, |earliest| earliest.min(this)));
            }
            Some(EventRole::Summarised) => {
                summarised_at = summarised_at.max(Some((e.day(), e.meta.id)))
            }
            _ => {}
        }
    }
    if let Some((day, event)) = summarised_at {
        return StatusInfo {
            status: Status::Summarised,
            reason: StatusReason::SummarisedAt(event, day),
        };
    }
    match signed_at {
        Some((day, event)) if agreement.signing_date().is_none() => {
            let mut signed = agreement.clone();
            signed.signed_on = Some(day);
            let info = derive_status(&signed, today);
            match info.status {
                Status::Signed => StatusInfo {
                    status: Status::Signed,
                    reason: StatusReason::SignedAt(event, day),
                },
                _ => info,
            }
        }
        _ => derive_status(agreement, today),
    }
}

/// [`derive_status_with_events`] over the events of `data`.
pub fn status_in(data: &Dataset, agreement: &Agreement, today: NaiveDate) -> StatusInfo {
    derive_status_with_events(agreement, data.events.iter_live(), today)
}

/// The live events that link each agreement, in the events' order, gathered in one pass: an
/// agreement's status and duties look at its own events only, and going through every event for
/// every agreement was 2,000 × 50,000 checks (seconds) with years of data.
pub fn events_by_agreement(data: &Dataset) -> HashMap<Id, Vec<&Event>> {
    let mut by: HashMap<Id, Vec<&Event>> = HashMap::new();
    for e in data.events.iter_live() {
        let mut seen: Vec<Id> = Vec::new();
        for link in &e.agreements {
            if !seen.contains(&link.agreement) {
                seen.push(link.agreement);
                by.entry(link.agreement).or_default().push(e);
            }
        }
    }
    by
}

/// The status of every live agreement, from one pass over the events: a register's rows read
/// theirs from here (each row's `status_in` went through every event: 100 rows drawn × 20,000
/// events per keystroke).
pub fn statuses(data: &Dataset, today: NaiveDate) -> HashMap<Id, StatusInfo> {
    let own_events = events_by_agreement(data);
    data.agreements
        .iter_live()
        .map(|a| {
            let own = own_events.get(&a.id()).into_iter().flatten().copied();
            (a.id(), derive_status_with_events(a, own, today))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::records::meta::Meta;
    use crate::records::model::{AgreementKind, Period, StatusOverride};
    use chrono::DateTime;
    use uuid::Uuid;

    fn d(y: i32, m: u32, dd: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, dd).unwrap()
    }

    fn signed_2018_2022() -> Agreement {
        let mut a = Agreement::new(
            Meta::new(Uuid::from_u128(1), DateTime::from_timestamp(0, 0).unwrap()),
            "Quy chế",
            AgreementKind::Regulation,
        );
        a.signed_on = Some(d(2018, 4, 2));
        a.period = Period::new(d(2018, 4, 2), d(2022, 12, 31));
        a
    }

    #[test]
    fn statuses_are_each_agreements_status_in() {
        for data in [
            crate::sample_data::sample::sample_dataset(),
            crate::sample_data::generate::large(60, 1_500, 7),
        ] {
            for today in [d(2014, 6, 1), d(2020, 1, 1), d(2026, 12, 5)] {
                let all = statuses(&data, today);
                assert_eq!(all.len(), data.agreements.count_live());
                for a in data.agreements.iter_live() {
                    assert_eq!(all[&a.id()], status_in(&data, a, today), "{}", a.title);
                }
            }
        }
    }

    #[test]
    fn unsigned_is_a_draft_whatever_the_dates() {
        let mut a = signed_2018_2022();
        a.signed_on = None;
        let info = derive_status(&a, d(2020, 1, 1));
        assert_eq!(
            info,
            StatusInfo {
                status: Status::Draft,
                reason: StatusReason::NotSigned
            }
        );
    }

    #[test]
    fn status_changes_exactly_at_the_period_bounds() {
        let a = signed_2018_2022();
        assert_eq!(derive_status(&a, d(2018, 4, 1)).status, Status::Signed);
        assert_eq!(
            derive_status(&a, d(2018, 4, 1)).reason,
            StatusReason::StartsOn(d(2018, 4, 2))
        );
        assert_eq!(derive_status(&a, d(2018, 4, 2)).status, Status::InForce);
        assert_eq!(derive_status(&a, d(2022, 12, 31)).status, Status::InForce);
        assert_eq!(
            derive_status(&a, d(2022, 12, 31)).reason,
            StatusReason::InForceUntil(Some(d(2022, 12, 31)))
        );
        assert_eq!(derive_status(&a, d(2023, 1, 1)).status, Status::Expired);
        assert_eq!(
            derive_status(&a, d(2023, 1, 1)).reason,
            StatusReason::EndedOn(d(2022, 12, 31))
        );
    }

    #[test]
    fn open_ended_signed_agreement_stays_in_force() {
        let mut a = signed_2018_2022();
        a.period = Period::default();
        assert_eq!(
            derive_status(&a, d(2040, 1, 1)),
            StatusInfo {
                status: Status::InForce,
                reason: StatusReason::InForceUntil(None)
            }
        );
    }

    #[test]
    fn a_signatory_date_counts_as_signed() {
        let mut a = signed_2018_2022();
        a.signed_on = None;
        a.signatories.push(crate::records::model::Signatory {
            person: Uuid::from_u128(2),
            position: String::new(),
            authority: Default::default(),
            organisation: Uuid::from_u128(3),
            signed_on: Some(d(2018, 4, 2)),
            unknown: Default::default(),
        });
        assert_eq!(derive_status(&a, d(2019, 1, 1)).status, Status::InForce);
    }

    #[test]
    fn a_manual_status_wins_and_keeps_its_reason() {
        let mut a = signed_2018_2022();
        a.status_override = Some(StatusOverride {
            status: Status::Terminated,
            reason: "Sáp nhập tỉnh".into(),
            unknown: Default::default(),
        });
        let info = derive_status(&a, d(2020, 1, 1));
        assert_eq!(info.status, Status::Terminated);
        assert_eq!(info.reason, StatusReason::SetByUser("Sáp nhập tỉnh".into()));
    }
}

#[cfg(test)]
mod event_tests {
    use super::*;
    use crate::records::event::{EventKind, EventLink};
    use crate::records::meta::Meta;
    use crate::records::model::{AgreementKind, Period, StatusOverride};
    use chrono::DateTime;
    use uuid::Uuid;

    fn d(y: i32, m: u32, dd: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, dd).unwrap()
    }

    fn unsigned() -> Agreement {
        let mut a = Agreement::new(
            Meta::new(Uuid::from_u128(1), DateTime::from_timestamp(0, 0).unwrap()),
            "Q",
            AgreementKind::Regulation,
        );
        a.period = Period::new(d(2018, 5, 1), d(2022, 12, 31));
        a
    }

    fn event(n: u128, day: NaiveDate, role: EventRole) -> Event {
        let mut e = Event::new(
            Meta::new(Uuid::from_u128(n), DateTime::from_timestamp(0, 0).unwrap()),
            EventKind::Signing,
            "Hội nghị",
            day.and_hms_opt(8, 0, 0).unwrap(),
        );
        e.agreements.push(EventLink {
            agreement: Uuid::from_u128(1),
            role,
            unknown: Default::default(),
        });
        e
    }

    #[test]
    fn a_signing_event_signs_the_agreement() {
        let a = unsigned();
        let events = [event(10, d(2018, 4, 2), EventRole::Signed)];
        assert_eq!(
            derive_status_with_events(&a, events.iter(), d(2018, 4, 1)).status,
            Status::Draft,
            "not yet held"
        );
        let info = derive_status_with_events(&a, events.iter(), d(2018, 4, 10));
        assert_eq!(
            info,
            StatusInfo {
                status: Status::Signed,
                reason: StatusReason::SignedAt(Uuid::from_u128(10), d(2018, 4, 2))
            }
        );
        assert_eq!(
            derive_status_with_events(&a, events.iter(), d(2019, 1, 1)).status,
            Status::InForce
        );
    }

    #[test]
    fn a_summary_conference_summarises_and_deleting_it_undoes_that() {
        let a = unsigned();
        let mut events = vec![
            event(10, d(2018, 4, 2), EventRole::Signed),
            event(11, d(2023, 3, 1), EventRole::Summarised),
        ];
        let info = derive_status_with_events(&a, events.iter(), d(2023, 3, 1));
        assert_eq!(
            info.reason,
            StatusReason::SummarisedAt(Uuid::from_u128(11), d(2023, 3, 1))
        );
        events[1].meta.deleted = true;
        assert_eq!(
            derive_status_with_events(&a, events.iter(), d(2023, 3, 1)).status,
            Status::Expired
        );
    }

    #[test]
    fn a_manual_status_still_wins_over_events() {
        let mut a = unsigned();
        a.status_override = Some(StatusOverride {
            status: Status::Terminated,
            reason: String::new(),
            unknown: Default::default(),
        });
        let events = [event(11, d(2023, 3, 1), EventRole::Summarised)];
        assert_eq!(
            derive_status_with_events(&a, events.iter(), d(2024, 1, 1)).status,
            Status::Terminated
        );
    }

    #[test]
    fn events_for_other_agreements_change_nothing() {
        let a = unsigned();
        let mut e = event(12, d(2018, 4, 2), EventRole::Signed);
        e.agreements[0].agreement = Uuid::from_u128(99);
        assert_eq!(
            derive_status_with_events(&a, [e].iter(), d(2019, 1, 1)).status,
            Status::Draft
        );
    }
}
