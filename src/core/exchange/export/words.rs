//! Each [`Word`] as a message of locales/*/exports.ftl (or of the file that already words the
//! enum: common.ftl, agreements.ftl, events.ftl…): an id and its arguments, rendered by the
//! interface (`ui::exports`) and, natively, by tests/support/fluent.rs. The one mapping.

use super::{Column, Sheet, Word};
use crate::exchange::import::{Arg, Message};
use crate::records::event::{EventKind, EventRole};
use crate::records::model::{AgreementKind, OrganisationKind, Status};
use crate::records::recommendation::RecommendationStatus;
use crate::rules::schedule::{AreaState, OccurrenceState};

impl Sheet {
    pub const ALL: [Sheet; 8] = [
        Sheet::Agreements,
        Sheet::Events,
        Sheet::Recommendations,
        Sheet::Organisations,
        Sheet::People,
        Sheet::PlanMatrix,
        Sheet::Duties,
        Sheet::Results,
    ];

    fn id(self) -> &'static str {
        match self {
            Sheet::Agreements => "export-sheet-agreements",
            Sheet::Events => "export-sheet-events",
            Sheet::Recommendations => "export-sheet-recommendations",
            Sheet::Organisations => "export-sheet-organisations",
            Sheet::People => "export-sheet-people",
            Sheet::PlanMatrix => "export-sheet-plan-matrix",
            Sheet::Duties => "export-sheet-duties",
            Sheet::Results => "export-sheet-results",
        }
    }
}

impl Column {
    pub const ALL: [Column; 44] = {
        use Column::*;
        [
            Number,
            Title,
            Kind,
            Parties,
            Lead,
            SignedOn,
            PeriodStart,
            PeriodEnd,
            Status,
            Plans,
            StartsAt,
            Place,
            Chairs,
            Attendees,
            Agreements,
            PartyTo,
            Conclusions,
            Content,
            RaisedOn,
            RaisedBy,
            RaisedAt,
            AddressedTo,
            Agreement,
            Area,
            Deadline,
            DaysOverdue,
            Response,
            RespondedOn,
            Name,
            ShortName,
            Locality,
            Parent,
            Positions,
            Signed,
            Department,
            Year,
            PlanCount,
            Duty,
            Opens,
            Due,
            State,
            Basis,
            Evidence,
            Result,
        ]
    };

    fn id(self) -> &'static str {
        use Column::*;
        match self {
            Number => "export-col-number",
            Title => "export-col-title",
            Kind => "export-col-kind",
            Parties => "export-col-parties",
            Lead => "export-col-lead",
            SignedOn => "export-col-signed-on",
            PeriodStart => "export-col-period-start",
            PeriodEnd => "export-col-period-end",
            Status => "export-col-status",
            Plans => "export-col-plans",
            StartsAt => "export-col-starts-at",
            Place => "export-col-place",
            Chairs => "export-col-chairs",
            Attendees => "export-col-attendees",
            Agreements => "export-col-agreements",
            PartyTo => "export-col-party-to",
            Conclusions => "export-col-conclusions",
            Content => "export-col-content",
            RaisedOn => "export-col-raised-on",
            RaisedBy => "export-col-raised-by",
            RaisedAt => "export-col-raised-at",
            AddressedTo => "export-col-addressed-to",
            Agreement => "export-col-agreement",
            Area => "export-col-area",
            Deadline => "export-col-deadline",
            DaysOverdue => "export-col-days-overdue",
            Response => "export-col-response",
            RespondedOn => "export-col-responded-on",
            Name => "export-col-name",
            ShortName => "export-col-short-name",
            Locality => "export-col-locality",
            Parent => "export-col-parent",
            Positions => "export-col-positions",
            Signed => "export-col-signed",
            Department => "export-col-department",
            Year => "export-col-year",
            PlanCount => "export-col-plan-count",
            Duty => "export-col-duty",
            Opens => "export-col-opens",
            Due => "export-col-due",
            State => "export-col-state",
            Basis => "export-col-basis",
            Evidence => "export-col-evidence",
            Result => "export-col-result",
        }
    }
}

fn text(id: &'static str, args: Vec<(&'static str, Arg)>) -> Message {
    Message { id, args }
}

impl Word {
    /// The message that words it.
    pub fn message(&self) -> Message {
        let plain = |id| text(id, Vec::new());
        match self {
            Word::Sheet(s) => plain(s.id()),
            Word::Column(c) => plain(c.id()),
            Word::Status(s) => plain(match s {
                Status::Draft => "status-draft",
                Status::Signed => "status-signed",
                Status::InForce => "status-in-force",
                Status::Expired => "status-expired",
                Status::Summarised => "status-summarised",
                Status::Terminated => "status-terminated",
            }),
            Word::AgreementKind(k) => plain(match k {
                AgreementKind::Regulation => "agreement-kind-short-regulation",
                AgreementKind::Plan => "agreement-kind-short-plan",
                AgreementKind::Other => "agreement-kind-short-other",
            }),
            Word::OrganisationKind(k) => plain(match k {
                OrganisationKind::PeoplesCommittee => "organisation-kind-peoples-committee",
                OrganisationKind::PartyCommittee => "organisation-kind-party-committee",
                OrganisationKind::MassOrganisation => "organisation-kind-mass-organisation",
                OrganisationKind::Department => "organisation-kind-department",
                OrganisationKind::Other => "organisation-kind-other",
            }),
            Word::EventKind(k) => plain(match k {
                EventKind::Signing => "event-kind-signing",
                EventKind::AnnualSession => "event-kind-annual-session",
                EventKind::MidTermReview => "event-kind-mid-term-review",
                EventKind::SummaryConference => "event-kind-summary-conference",
                EventKind::YouthDialogue => "event-kind-youth-dialogue",
                EventKind::Other => "event-kind-other",
            }),
            Word::EventRole(r) => plain(match r {
                EventRole::Signed => "event-role-signed",
                EventRole::Summarised => "event-role-summarised",
                EventRole::Reviewed => "event-role-reviewed",
            }),
            Word::RecommendationStatus(s) => plain(match s {
                RecommendationStatus::Open => "recommendation-status-open",
                RecommendationStatus::InProgress => "recommendation-status-in-progress",
                RecommendationStatus::Resolved => "recommendation-status-resolved",
                RecommendationStatus::Declined => "recommendation-status-declined",
            }),
            Word::Occurrence(o) => plain(match o {
                OccurrenceState::Overdue => "duty-overdue",
                OccurrenceState::DueSoon => "duty-due-soon",
                OccurrenceState::Upcoming => "duty-upcoming",
                OccurrenceState::Done => "duty-done",
                OccurrenceState::Waived => "duty-waived",
            }),
            Word::Area(a) => plain(match a {
                AreaState::Pending => "result-pending",
                AreaState::Done => "result-done",
                AreaState::Waived => "result-waived",
                AreaState::Overdue => "result-overdue",
            }),
            Word::PlansPerYear => plain("export-plans-per-year"),
            Word::SettledByHand => plain("duty-marked-by-hand"),
            Word::CalendarDeadline(content) => text(
                "export-calendar-deadline",
                vec![("content", Arg::Text(content.clone()))],
            ),
            Word::CalendarDutyDue { duty, year } => text(
                "export-calendar-duty-due",
                vec![
                    ("duty", Arg::Text(duty.clone())),
                    ("year", Arg::Text(year.to_string())),
                ],
            ),
            Word::CalendarEnding { title, days, end } => text(
                "export-calendar-ending",
                vec![
                    ("title", Arg::Text(title.clone())),
                    ("days", Arg::Number(*days as f64)),
                    ("date", Arg::Text(crate::rules::dates::format_date(*end))),
                ],
            ),
            Word::CalendarReminder(summary) => text(
                "export-calendar-reminder",
                vec![("summary", Arg::Text(summary.clone()))],
            ),
            Word::CalendarName => plain("export-calendar-name"),
        }
    }

    /// One of every word (with sample arguments), for the translation tests.
    pub fn every() -> Vec<Word> {
        let mut all: Vec<Word> = Sheet::ALL.into_iter().map(Word::Sheet).collect();
        all.extend(Column::ALL.into_iter().map(Word::Column));
        all.extend(Status::ALL.into_iter().map(Word::Status));
        all.extend(AgreementKind::ALL.into_iter().map(Word::AgreementKind));
        all.extend(
            OrganisationKind::ALL
                .into_iter()
                .map(Word::OrganisationKind),
        );
        all.extend(EventKind::ALL.into_iter().map(Word::EventKind));
        all.extend(EventRole::ALL.into_iter().map(Word::EventRole));
        all.extend(
            RecommendationStatus::ALL
                .into_iter()
                .map(Word::RecommendationStatus),
        );
        use OccurrenceState as O;
        all.extend([O::Overdue, O::DueSoon, O::Upcoming, O::Done, O::Waived].map(Word::Occurrence));
        use AreaState as A;
        all.extend([A::Pending, A::Done, A::Waived, A::Overdue].map(Word::Area));
        all.extend([
            Word::PlansPerYear,
            Word::SettledByHand,
            Word::CalendarDeadline("Bố trí kinh phí".into()),
            Word::CalendarDutyDue {
                duty: "Làm việc định kỳ".into(),
                year: 2021,
            },
            Word::CalendarEnding {
                title: "Quy chế".into(),
                days: 90,
                end: chrono::NaiveDate::from_ymd_opt(2022, 12, 31).expect("a day"),
            },
            Word::CalendarReminder("Hạn".into()),
            Word::CalendarName,
        ]);
        all
    }
}
