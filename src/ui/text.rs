//! Every user-facing wording of the core's enums and problems, through the translation layer
//! (locales/<language>/common.ftl; storage's in storage.ftl). Each function takes the `I18n` (it
//! is Copy) and returns the wording in the current language; inside a view, call it in a closure
//! (`move || …`) so the text follows a language switch. Data the user typed (a reason, a title)
//! and the browser's own words are passed through as they are. The import's messages are
//! rendered by `ui::sharing::wording::message`.

use leptos_fluent::{tr, I18n};

use crate::core::records::model::{AgreementKind, Authority, OrganisationKind, Status};
use crate::core::rules::dates::{format_date, DateInputError};
use crate::core::rules::status::StatusReason;
use crate::core::rules::validate::Problem;
use crate::core::storage::backup::SnapshotRefused;
use crate::core::storage::keys::SnapshotKind;
use crate::core::storage::{LoadProblemKind, StoreError};

pub fn status(i18n: I18n, s: Status) -> String {
    match s {
        Status::Draft => tr!(i18n, "status-draft"),
        Status::Signed => tr!(i18n, "status-signed"),
        Status::InForce => tr!(i18n, "status-in-force"),
        Status::Expired => tr!(i18n, "status-expired"),
        Status::Summarised => tr!(i18n, "status-summarised"),
        Status::Terminated => tr!(i18n, "status-terminated"),
    }
}

/// A CSS modifier per status, for the badge colour.
pub fn status_class(s: Status) -> &'static str {
    match s {
        Status::Draft => "badge draft",
        Status::Signed => "badge signed",
        Status::InForce => "badge in-force",
        Status::Expired => "badge expired",
        Status::Summarised => "badge summarised",
        Status::Terminated => "badge terminated",
    }
}

pub fn status_reason(i18n: I18n, r: &StatusReason) -> String {
    match r {
        StatusReason::SetByUser(why) if why.trim().is_empty() => {
            tr!(i18n, "status-reason-set-by-user")
        }
        StatusReason::SetByUser(why) => {
            tr!(i18n, "status-reason-set-by-user-why", {"why" => why.clone()})
        }
        StatusReason::NotSigned => tr!(i18n, "status-reason-not-signed"),
        StatusReason::StartsOn(d) => {
            tr!(i18n, "status-reason-starts-on", {"date" => format_date(*d)})
        }
        StatusReason::InForceUntil(Some(d)) => {
            tr!(i18n, "status-reason-in-force-until", {"date" => format_date(*d)})
        }
        StatusReason::InForceUntil(None) => tr!(i18n, "status-reason-in-force-open"),
        StatusReason::EndedOn(d) => {
            tr!(i18n, "status-reason-ended-on", {"date" => format_date(*d)})
        }
        StatusReason::SummarisedAt(_, d) => {
            tr!(i18n, "status-reason-summarised-at", {"date" => format_date(*d)})
        }
        StatusReason::SignedAt(_, d) => {
            tr!(i18n, "status-reason-signed-at", {"date" => format_date(*d)})
        }
    }
}

pub fn agreement_kind(i18n: I18n, k: AgreementKind) -> String {
    match k {
        AgreementKind::Regulation => tr!(i18n, "agreement-kind-regulation"),
        AgreementKind::Plan => tr!(i18n, "agreement-kind-plan"),
        AgreementKind::Other => tr!(i18n, "agreement-kind-other"),
    }
}

pub fn agreement_kind_short(i18n: I18n, k: AgreementKind) -> String {
    match k {
        AgreementKind::Regulation => tr!(i18n, "agreement-kind-short-regulation"),
        AgreementKind::Plan => tr!(i18n, "agreement-kind-short-plan"),
        AgreementKind::Other => tr!(i18n, "agreement-kind-short-other"),
    }
}

pub fn organisation_kind(i18n: I18n, k: OrganisationKind) -> String {
    match k {
        OrganisationKind::PeoplesCommittee => tr!(i18n, "organisation-kind-peoples-committee"),
        OrganisationKind::PartyCommittee => tr!(i18n, "organisation-kind-party-committee"),
        OrganisationKind::MassOrganisation => tr!(i18n, "organisation-kind-mass-organisation"),
        OrganisationKind::Department => tr!(i18n, "organisation-kind-department"),
        OrganisationKind::Other => tr!(i18n, "organisation-kind-other"),
    }
}

pub fn authority(i18n: I18n, a: Authority) -> String {
    match a {
        Authority::Own => tr!(i18n, "authority-own"),
        Authority::OnBehalfOf => tr!(i18n, "authority-on-behalf-of"),
        Authority::ActingFor => tr!(i18n, "authority-acting-for"),
        Authority::Interim => tr!(i18n, "authority-interim"),
        Authority::ByOrder => tr!(i18n, "authority-by-order"),
        Authority::ByDelegation => tr!(i18n, "authority-by-delegation"),
    }
}

pub fn problem(i18n: I18n, p: &Problem) -> String {
    match p {
        Problem::Required => tr!(i18n, "problem-required"),
        Problem::EndBeforeStart => tr!(i18n, "problem-end-before-start"),
        Problem::NoLead => tr!(i18n, "problem-no-lead"),
        Problem::SeveralLeads => tr!(i18n, "problem-several-leads"),
        Problem::TooFewParties => tr!(i18n, "problem-too-few-parties"),
        Problem::DuplicateParty => tr!(i18n, "problem-duplicate-party"),
        Problem::UnknownOrganisation => tr!(i18n, "problem-unknown-organisation"),
        Problem::UnknownPerson => tr!(i18n, "problem-unknown-person"),
        Problem::SignatoryNotParty => tr!(i18n, "problem-signatory-not-party"),
        Problem::ParentNotRegulation => tr!(i18n, "problem-parent-not-regulation"),
        Problem::ParentOnlyForPlans => tr!(i18n, "problem-parent-only-for-plans"),
        Problem::NumberTaken { .. } => tr!(i18n, "problem-number-taken"),
        Problem::NameTaken { .. } => tr!(i18n, "problem-name-taken"),
        Problem::Original(p) => {
            use crate::core::records::original::OriginalProblem as O;
            match p {
                O::BadWebAddress => tr!(i18n, "problem-original-web-address"),
                O::BadSharePath => tr!(i18n, "problem-original-share-path"),
                O::BadFileAddress => tr!(i18n, "problem-original-file-address"),
                O::BadSha256 => tr!(i18n, "problem-original-sha256"),
            }
        }
        Problem::SupersedesItself => tr!(i18n, "problem-supersedes-itself"),
        Problem::SupersedesCycle => tr!(i18n, "problem-supersedes-cycle"),
        Problem::OwnParent => tr!(i18n, "problem-own-parent"),
        Problem::TitleYearsDiffer { title, period } => tr!(i18n, "problem-title-years-differ", {
            "title" => title.clone(),
            "period" => period.clone(),
        }),
        Problem::SignedAfterEnd => tr!(i18n, "problem-signed-after-end"),
        Problem::PositionEndsBeforeStart => tr!(i18n, "problem-position-ends-before-start"),
        Problem::ResponsibleNotParty => tr!(i18n, "problem-responsible-not-party"),
        Problem::TooLong { max } => tr!(i18n, "problem-too-long", {"max" => *max}),
        Problem::YearOutOfRange => tr!(i18n, "date-error-year-out-of-range"),
    }
}

pub fn date_input_error(i18n: I18n, e: &DateInputError) -> String {
    match e {
        DateInputError::Unrecognised => tr!(i18n, "date-error-unrecognised"),
        DateInputError::NoSuchDay => tr!(i18n, "date-error-no-such-day"),
        DateInputError::YearOutOfRange => tr!(i18n, "date-error-year-out-of-range"),
        DateInputError::NotADay => tr!(i18n, "date-error-not-a-day"),
    }
}

pub fn store_error_tr(i18n: I18n, e: &StoreError) -> String {
    match e {
        StoreError::QuotaExceeded => tr!(i18n, "store-error-quota-exceeded"),
        StoreError::Unavailable(why) => {
            tr!(i18n, "store-error-unavailable", {"why" => why.clone()})
        }
        StoreError::Other(why) => tr!(i18n, "store-error-other", {"why" => why.clone()}),
        StoreError::ReadOnly => tr!(i18n, "store-error-read-only"),
    }
}

/// Why a stored key could not be read (Settings' "unreadable data", a snapshot that cannot be
/// restored). The parser's own words (`message`) are shown as they are.
pub fn load_problem(i18n: I18n, k: &LoadProblemKind) -> String {
    match k {
        LoadProblemKind::InvalidJson { line, column, .. } => {
            tr!(i18n, "load-problem-invalid-json", {"line" => *line, "column" => *column})
        }
        LoadProblemKind::SchemaMismatch { message } => {
            tr!(i18n, "load-problem-schema-mismatch", {"message" => message.clone()})
        }
        LoadProblemKind::IdMismatch => tr!(i18n, "load-problem-id-mismatch"),
        LoadProblemKind::UnknownKey => tr!(i18n, "load-problem-unknown-key"),
        LoadProblemKind::Undecodable { message } => {
            tr!(i18n, "load-problem-undecodable", {"message" => message.clone()})
        }
        LoadProblemKind::NewerLayout { found } => {
            tr!(i18n, "load-problem-newer-layout", {"found" => found.clone()})
        }
        LoadProblemKind::DamagedLayout { found } => {
            tr!(i18n, "load-problem-damaged-layout", {"found" => found.clone()})
        }
    }
}

// ---------------------------------------------------------------- events and recommendations

pub fn event_kind(i18n: I18n, k: crate::core::records::event::EventKind) -> String {
    use crate::core::records::event::EventKind as K;
    match k {
        K::Signing => tr!(i18n, "event-kind-signing"),
        K::AnnualSession => tr!(i18n, "event-kind-annual-session"),
        K::MidTermReview => tr!(i18n, "event-kind-mid-term-review"),
        K::SummaryConference => tr!(i18n, "event-kind-summary-conference"),
        K::YouthDialogue => tr!(i18n, "event-kind-youth-dialogue"),
        K::Other => tr!(i18n, "event-kind-other"),
    }
}

/// What the event did to a linked agreement, as read after its title.
pub fn event_role(i18n: I18n, r: crate::core::records::event::EventRole) -> String {
    use crate::core::records::event::EventRole as R;
    match r {
        R::Signed => tr!(i18n, "event-role-signed"),
        R::Summarised => tr!(i18n, "event-role-summarised"),
        R::Reviewed => tr!(i18n, "event-role-reviewed"),
    }
}

pub fn recommendation_status(
    i18n: I18n,
    s: crate::core::records::recommendation::RecommendationStatus,
) -> String {
    use crate::core::records::recommendation::RecommendationStatus as S;
    match s {
        S::Open => tr!(i18n, "recommendation-status-open"),
        S::InProgress => tr!(i18n, "recommendation-status-in-progress"),
        S::Resolved => tr!(i18n, "recommendation-status-resolved"),
        S::Declined => tr!(i18n, "recommendation-status-declined"),
    }
}

/// The badge colour of a recommendation's status, borrowing the agreement badges' colours:
/// blue waiting, amber in hand, green resolved, grey declined. (A CSS class: not translated.)
pub fn recommendation_status_class(
    s: crate::core::records::recommendation::RecommendationStatus,
) -> &'static str {
    use crate::core::records::recommendation::RecommendationStatus as S;
    match s {
        S::Open => "badge signed",
        S::InProgress => "badge expired",
        S::Resolved => "badge in-force",
        S::Declined => "badge draft",
    }
}

pub fn activity_problem(
    i18n: I18n,
    p: &crate::core::rules::validate_activity::ActivityProblem,
) -> String {
    use crate::core::rules::validate_activity::ActivityProblem as P;
    match p {
        P::Required => tr!(i18n, "problem-required"),
        P::BadDate(e) => date_input_error(i18n, e),
        P::BadTime => tr!(i18n, "activity-problem-bad-time"),
        P::BadCount => tr!(i18n, "activity-problem-bad-count"),
        P::CountTooLarge => tr!(i18n, "activity-problem-count-too-large"),
        P::UnknownAgreement => tr!(i18n, "activity-problem-unknown-agreement"),
        P::AgreementLinkedTwice => tr!(i18n, "activity-problem-agreement-linked-twice"),
        P::UnknownPerson => tr!(i18n, "problem-unknown-person"),
        P::PersonChairsTwice => tr!(i18n, "activity-problem-person-chairs-twice"),
        P::UnknownOrganisation => tr!(i18n, "problem-unknown-organisation"),
        P::OrganisationListedTwice => tr!(i18n, "activity-problem-organisation-listed-twice"),
        P::NoAddressee => tr!(i18n, "activity-problem-no-addressee"),
        P::UnknownEvent => tr!(i18n, "activity-problem-unknown-event"),
        P::AreaNotInAgreement => tr!(i18n, "activity-problem-area-not-in-agreement"),
        P::DeadlineBeforeRaised => tr!(i18n, "activity-problem-deadline-before-raised"),
        P::RespondedBeforeRaised => tr!(i18n, "activity-problem-responded-before-raised"),
        P::TooLong { max } => tr!(i18n, "problem-too-long", {"max" => *max}),
    }
}

/// One sentence on what saving an event did to a linked agreement's status.
pub fn status_effect(
    i18n: I18n,
    title: &str,
    e: &crate::core::rules::validate_activity::StatusEffect,
) -> String {
    use crate::core::rules::validate_activity::EffectKind as K;
    let now = status(i18n, e.after.status);
    let title = title.to_string();
    match &e.kind {
        K::Changed {
            by_this_event: true,
        } => tr!(i18n, "status-effect-changed-by-this-event", {"title" => title, "status" => now}),
        K::Changed {
            by_this_event: false,
        } => tr!(i18n, "status-effect-changed", {
            "title" => title,
            "status" => now,
            "reason" => status_reason(i18n, &e.after.reason),
        }),
        K::Confirmed => tr!(i18n, "status-effect-confirmed", {"title" => title, "status" => now}),
        K::FromEventDay(d) => tr!(i18n, "status-effect-from-event-day", {
            "title" => title,
            "status" => now,
            "date" => format_date(*d),
        }),
        K::KeptBySetting => {
            tr!(i18n, "status-effect-kept-by-setting", {"title" => title, "status" => now})
        }
        K::Unchanged => tr!(i18n, "status-effect-unchanged", {
            "title" => title,
            "status" => now,
            "reason" => status_reason(i18n, &e.after.reason),
        }),
    }
}

pub fn snapshot_refused(i18n: I18n, r: &SnapshotRefused) -> String {
    match r {
        SnapshotRefused::TooBig { units, room } => tr!(i18n, "snapshot-refused-too-big", {
            "needed" => super::storage_settings::share_of_quota(*units),
            "room" => super::storage_settings::share_of_quota(*room),
        }),
        SnapshotRefused::Store(e) => store_error_tr(i18n, e),
    }
}

/// Why a backup is gone: which snapshot (its kind and when it was taken; else its key), when it
/// was given up, and for what.
pub fn given_up(
    i18n: I18n,
    note: &crate::core::storage::backup::GivenUp,
    snapshot: Option<(String, SnapshotKind)>,
    at: String,
) -> String {
    use crate::core::storage::backup::GiveUp;
    let (kind, taken) = match snapshot {
        Some((taken, kind)) => (snapshot_kind(i18n, kind), taken),
        None => (note.key.clone(), String::new()),
    };
    match note.why {
        GiveUp::RoomForData => tr!(i18n, "storage-given-up-for-data", {
            "kind" => kind, "taken" => taken, "at" => at,
        }),
        GiveUp::RoomForSnapshot => tr!(i18n, "storage-given-up-for-snapshot", {
            "kind" => kind, "taken" => taken, "at" => at,
        }),
    }
}

pub fn snapshot_kind(i18n: I18n, k: SnapshotKind) -> String {
    match k {
        SnapshotKind::Daily => tr!(i18n, "snapshot-kind-daily"),
        SnapshotKind::BeforeImport => tr!(i18n, "snapshot-kind-before-import"),
        SnapshotKind::BeforeRestore => tr!(i18n, "snapshot-kind-before-restore"),
    }
}
