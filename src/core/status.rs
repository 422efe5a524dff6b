//! An agreement's status, derived from its dates unless the user set it, always with the reason.

use chrono::NaiveDate;

use super::model::{Agreement, Status};

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
    let period = agreement.period;
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::meta::Meta;
    use crate::core::model::{AgreementKind, Period, StatusOverride};
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
        a.signatories.push(crate::core::model::Signatory {
            person: Uuid::from_u128(2),
            position: String::new(),
            authority: Default::default(),
            organisation: Uuid::from_u128(3),
            signed_on: Some(d(2018, 4, 2)),
        });
        assert_eq!(derive_status(&a, d(2019, 1, 1)).status, Status::InForce);
    }

    #[test]
    fn a_manual_status_wins_and_keeps_its_reason() {
        let mut a = signed_2018_2022();
        a.status_override = Some(StatusOverride {
            status: Status::Terminated,
            reason: "Sáp nhập tỉnh".into(),
        });
        let info = derive_status(&a, d(2020, 1, 1));
        assert_eq!(info.status, Status::Terminated);
        assert_eq!(info.reason, StatusReason::SetByUser("Sáp nhập tỉnh".into()));
    }
}
