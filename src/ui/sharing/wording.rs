//! The words of the sharing page (locales/<language>/sharing.ftl), and the one table that
//! renders the core's import messages ([`Message`]: a refusal, a warning) through the translation
//! layer. The core names the message and its arguments; the wording is only in the .ftl files,
//! which the bad-file corpus test renders too (tests/support/fluent.rs).

use fluent_templates::fluent_bundle::FluentValue;
use leptos_fluent::{tr, I18n};

use crate::core::exchange::file_format::Scope;
use crate::core::exchange::import::{Arg, Group, Message};
use crate::core::exchange::merge::Choice;
use crate::core::records::record::Collection;

pub fn group(i18n: I18n, g: Group) -> String {
    match g {
        Group::Conflict => tr!(i18n, "sharing-group-conflict"),
        Group::New => tr!(i18n, "sharing-group-new"),
        Group::IncomingNewer => tr!(i18n, "sharing-group-incoming-newer"),
        Group::DeletedInFile => tr!(i18n, "sharing-group-deleted-in-file"),
        Group::LocalNewer => tr!(i18n, "sharing-group-local-newer"),
        Group::Identical => tr!(i18n, "sharing-group-identical"),
    }
}

/// What happens to the records of a group when the import is applied.
pub fn group_effect(i18n: I18n, g: Group) -> String {
    match g {
        Group::Conflict => tr!(i18n, "sharing-effect-conflict"),
        Group::New => tr!(i18n, "sharing-effect-new"),
        Group::IncomingNewer => tr!(i18n, "sharing-effect-incoming-newer"),
        Group::DeletedInFile => tr!(i18n, "sharing-effect-deleted-in-file"),
        Group::LocalNewer => tr!(i18n, "sharing-effect-local-newer"),
        Group::Identical => tr!(i18n, "sharing-effect-identical"),
    }
}

pub fn group_class(g: Group) -> &'static str {
    match g {
        Group::Conflict => "count conflict",
        Group::New => "count new",
        Group::IncomingNewer => "count newer",
        Group::DeletedInFile => "count deleted",
        Group::LocalNewer => "count kept",
        Group::Identical => "count same",
    }
}

/// A collection's name, as the label before a record ("Cơ quan: …").
pub fn collection(i18n: I18n, c: Collection) -> String {
    match c {
        Collection::Organisations => tr!(i18n, "sharing-collection-organisations"),
        Collection::People => tr!(i18n, "sharing-collection-people"),
        Collection::Agreements => tr!(i18n, "sharing-collection-agreements"),
        Collection::Events => tr!(i18n, "sharing-collection-events"),
        Collection::Recommendations => tr!(i18n, "sharing-collection-recommendations"),
    }
}

/// "12 cơ quan" / "12 organisations": a count of a collection's records.
pub fn collection_count(i18n: I18n, c: Collection, count: usize) -> String {
    match c {
        Collection::Organisations => {
            tr!(i18n, "sharing-count-organisations", {"count" => count})
        }
        Collection::People => tr!(i18n, "sharing-count-people", {"count" => count}),
        Collection::Agreements => tr!(i18n, "sharing-count-agreements", {"count" => count}),
        Collection::Events => tr!(i18n, "sharing-count-events", {"count" => count}),
        Collection::Recommendations => {
            tr!(i18n, "sharing-count-recommendations", {"count" => count})
        }
    }
}

pub fn choice(i18n: I18n, c: Choice) -> String {
    match c {
        Choice::KeepMine => tr!(i18n, "sharing-choice-keep-mine"),
        Choice::TakeTheirs => tr!(i18n, "sharing-choice-take-theirs"),
        Choice::KeepBoth => tr!(i18n, "sharing-choice-keep-both"),
    }
}

pub fn scope(i18n: I18n, s: &Scope) -> String {
    match s {
        Scope::All => tr!(i18n, "sharing-scope-all"),
        Scope::Agreement { title, .. } => {
            tr!(i18n, "sharing-scope-agreement", {"title" => title.clone()})
        }
    }
}

/// A file size: whole KB below a megabyte, MB with one decimal above.
pub fn size(i18n: I18n, bytes: usize) -> String {
    if bytes < 1024 * 1024 {
        tr!(i18n, "sharing-size-kb", {"size" => bytes.div_ceil(1024)})
    } else {
        tr!(i18n, "sharing-size-mb", {"size" => bytes as f64 / 1_048_576.0})
    }
}

/// Field paths as a reader knows them; unknown ones are shown as they are.
pub fn field(i18n: I18n, path: &str) -> String {
    // The two ends of a period read as the form names them.
    if let Some(rest) = path.strip_prefix("period.start") {
        return format!("{}{rest}", tr!(i18n, "field-period-start"));
    }
    if let Some(rest) = path.strip_prefix("period.end") {
        return format!("{}{rest}", tr!(i18n, "field-period-end"));
    }
    let (head, rest) = match path.split_once(['.', '[']) {
        Some((h, _)) => (h, &path[h.len()..]),
        None => (path, ""),
    };
    let name = match head {
        "title" | "name" => tr!(i18n, "field-title"),
        "short_name" => tr!(i18n, "field-short-name"),
        "full_name" => tr!(i18n, "field-full-name"),
        "number" => tr!(i18n, "field-number"),
        "kind" => tr!(i18n, "field-kind"),
        "notes" => tr!(i18n, "field-notes"),
        "period" => tr!(i18n, "field-period"),
        "parties" => tr!(i18n, "field-parties"),
        "signatories" => tr!(i18n, "field-signatories"),
        "signed_on" => tr!(i18n, "field-signed-on"),
        "signed_place" => tr!(i18n, "field-signed-place"),
        "legal_basis" => tr!(i18n, "field-legal-basis"),
        "areas" => tr!(i18n, "field-areas"),
        "status_override" => tr!(i18n, "field-status-override"),
        "supersedes" => tr!(i18n, "field-supersedes"),
        "parent" => tr!(i18n, "field-parent"),
        "positions" => tr!(i18n, "field-positions"),
        "deleted" => tr!(i18n, "field-deleted"),
        "updated" => tr!(i18n, "field-updated"),
        "created" => tr!(i18n, "field-created"),
        "content" => tr!(i18n, "field-content"),
        "deadline" => tr!(i18n, "field-deadline"),
        "status" => tr!(i18n, "field-status"),
        "response" => tr!(i18n, "field-response"),
        "place" => tr!(i18n, "field-place"),
        "starts_at" => tr!(i18n, "field-starts-at"),
        // The forms' own labels, so a field has one name everywhere.
        "duties" => tr!(i18n, "agreement-duties"),
        "area_results" => tr!(i18n, "result-title"),
        "close_out" => tr!(i18n, "closeout-title"),
        "chairs" => tr!(i18n, "events-chairs"),
        "attendee_count" => tr!(i18n, "events-attendees"),
        "agreements" => tr!(i18n, "events-agreements"),
        "guests" => tr!(i18n, "events-guests"),
        "agenda" => tr!(i18n, "events-agenda"),
        "reports" => tr!(i18n, "events-reports"),
        "conclusions" => tr!(i18n, "events-conclusions"),
        "minutes" => tr!(i18n, "events-minutes"),
        "event" => tr!(i18n, "recommendations-event"),
        "raised_on" => tr!(i18n, "recommendations-raised-on"),
        "raised_by" => tr!(i18n, "recommendations-raised-by"),
        "addressed_to" => tr!(i18n, "recommendations-addressed-to"),
        "agreement" => tr!(i18n, "recommendations-agreement"),
        "area" => tr!(i18n, "recommendations-area"),
        "responded_on" => tr!(i18n, "recommendations-responded-on"),
        _ => return path.to_string(),
    };
    format!("{name}{rest}")
}

/// A message of the core (`core::import::Message`) in the current language. Every id the core
/// can produce has its line here, so leptos-fluent checks each key and its arguments at compile
/// time, and tests/i18n.rs checks that no id of the core is missing from this table.
pub fn message(i18n: I18n, m: &Message) -> String {
    let a = |name: &str| -> FluentValue<'static> {
        match m.arg(name) {
            Some(Arg::Text(text)) => text.clone().into(),
            Some(Arg::Number(n)) => (*n).into(),
            Some(Arg::Message(inner)) => message(i18n, inner).into(),
            None => "".into(),
        }
    };
    match m.id {
        // Refusals (core/exchange/import/error.rs)
        "import-too-large" => {
            tr!(i18n, "import-too-large", {"size" => a("size"), "limit" => a("limit")})
        }
        "import-empty" => tr!(i18n, "import-empty"),
        "import-utf16" => tr!(i18n, "import-utf16"),
        "import-not-json" => tr!(i18n, "import-not-json", {
            "reason" => a("reason"),
            "line" => a("line"),
            "column" => a("column"),
        }),
        "import-json-truncated" => tr!(i18n, "import-json-truncated"),
        "import-json-trailing-comma" => tr!(i18n, "import-json-trailing-comma"),
        "import-json-key-not-quoted" => tr!(i18n, "import-json-key-not-quoted"),
        "import-json-bad-string" => tr!(i18n, "import-json-bad-string"),
        "import-json-too-deep" => tr!(i18n, "import-json-too-deep"),
        "import-json-trailing-content" => tr!(i18n, "import-json-trailing-content"),
        "import-json-bad-utf8" => tr!(i18n, "import-json-bad-utf8"),
        "import-json-unexpected" => tr!(i18n, "import-json-unexpected"),
        "import-not-ours" => tr!(i18n, "import-not-ours", {"why" => a("why")}),
        "import-not-an-object" => tr!(i18n, "import-not-an-object", {"found" => a("found")}),
        "import-kind-array" => tr!(i18n, "import-kind-array"),
        "import-kind-string" => tr!(i18n, "import-kind-string"),
        "import-kind-boolean" => tr!(i18n, "import-kind-boolean"),
        "import-kind-null" => tr!(i18n, "import-kind-null"),
        "import-kind-number" => tr!(i18n, "import-kind-number"),
        "import-no-format" => tr!(i18n, "import-no-format"),
        "import-other-format" => tr!(i18n, "import-other-format", {
            "found" => a("found"),
            "expected" => a("expected"),
        }),
        "import-no-schema-version" => tr!(i18n, "import-no-schema-version"),
        "import-bad-schema-version" => {
            tr!(i18n, "import-bad-schema-version", {"found" => a("found")})
        }
        "import-newer-schema" => tr!(i18n, "import-newer-schema", {
            "app" => a("app"),
            "found" => a("found"),
            "version" => a("version"),
            "readable" => a("readable"),
        }),
        "import-newer-schema-unknown-app" => tr!(i18n, "import-newer-schema-unknown-app", {
            "found" => a("found"),
            "version" => a("version"),
            "readable" => a("readable"),
        }),
        "import-migration-no-step" => tr!(i18n, "import-migration-no-step", {
            "from" => a("from"),
            "to" => a("to"),
        }),
        "import-migration-failed" => tr!(i18n, "import-migration-failed", {
            "from" => a("from"),
            "to" => a("to"),
            "reason" => a("reason"),
        }),
        "import-schema" => {
            tr!(i18n, "import-schema", {"path" => a("path"), "problem" => a("problem")})
        }
        "import-schema-value" => tr!(i18n, "import-schema-value", {
            "path" => a("path"),
            "problem" => a("problem"),
            "value" => a("value"),
        }),
        "import-problem-missing" => tr!(i18n, "import-problem-missing"),
        "import-problem-wrong-type" => {
            tr!(i18n, "import-problem-wrong-type", {"expected" => a("expected")})
        }
        "import-problem-not-a-date" => tr!(i18n, "import-problem-not-a-date"),
        "import-problem-not-a-time" => tr!(i18n, "import-problem-not-a-time"),
        "import-problem-not-an-id" => tr!(i18n, "import-problem-not-an-id"),
        "import-problem-not-a-count" => tr!(i18n, "import-problem-not-a-count"),
        "import-problem-unknown-value" => {
            tr!(i18n, "import-problem-unknown-value", {"allowed" => a("allowed")})
        }
        "import-problem-unknown-value-either" => tr!(i18n, "import-problem-unknown-value-either", {
            "first" => a("first"),
            "second" => a("second"),
        }),
        "import-problem-not-a-list" => tr!(i18n, "import-problem-not-a-list"),
        "import-problem-not-an-object" => tr!(i18n, "import-problem-not-an-object"),
        "import-problem-too-deep" => tr!(i18n, "import-problem-too-deep"),
        "import-problem-no-version" => tr!(i18n, "import-problem-no-version"),
        "import-problem-field-twice" => tr!(i18n, "import-problem-field-twice"),
        "import-problem-date-out-of-range" => tr!(i18n, "import-problem-date-out-of-range", {
            "first" => a("first"),
            "last" => a("last"),
        }),
        "import-problem-too-many-edits" => {
            tr!(i18n, "import-problem-too-many-edits", {"max" => a("max")})
        }
        "import-problem-other" => tr!(i18n, "import-problem-other", {"words" => a("words")}),
        "import-expected-string" => tr!(i18n, "import-expected-string"),
        "import-expected-unsigned" => tr!(i18n, "import-expected-unsigned"),
        "import-expected-integer" => tr!(i18n, "import-expected-integer"),
        "import-expected-boolean" => tr!(i18n, "import-expected-boolean"),
        "import-expected-list" => tr!(i18n, "import-expected-list"),
        "import-expected-object" => tr!(i18n, "import-expected-object"),
        "import-expected-date" => tr!(i18n, "import-expected-date"),
        "import-expected-id" => tr!(i18n, "import-expected-id"),
        "import-expected-other" => tr!(i18n, "import-expected-other", {"words" => a("words")}),
        "import-duplicate-id" => tr!(i18n, "import-duplicate-id", {
            "id" => a("id"),
            "first" => a("first"),
            "second" => a("second"),
        }),
        "import-key-twice" => tr!(i18n, "import-key-twice", {"name" => a("name")}),
        "import-id-taken-here" => tr!(i18n, "import-id-taken-here", {
            "id" => a("id"),
            "path" => a("path"),
            "other" => a("other"),
        }),
        "import-one-organisation" => tr!(i18n, "import-one-organisation"),
        "import-one-person" => tr!(i18n, "import-one-person"),
        "import-one-agreement" => tr!(i18n, "import-one-agreement"),
        "import-one-event" => tr!(i18n, "import-one-event"),
        "import-one-recommendation" => tr!(i18n, "import-one-recommendation"),
        // Warnings (core/exchange/import/mod.rs)
        "import-warning-missing-reference" => tr!(i18n, "import-warning-missing-reference", {
            "path" => a("path"),
            "id" => a("id"),
        }),
        "import-warning-unknown-section" => {
            tr!(i18n, "import-warning-unknown-section", {"name" => a("name")})
        }
        "import-warning-rule" => {
            tr!(i18n, "import-warning-rule", {"path" => a("path"), "problem" => a("problem")})
        }
        "import-warning-from-this-office" => tr!(i18n, "import-warning-from-this-office"),
        "import-warning-claims-our-edits" => tr!(i18n, "import-warning-claims-our-edits", {
            "path" => a("path"),
            "claimed" => a("claimed"),
            "made" => a("made"),
        }),
        "import-warning-claims-our-edits-new" => {
            tr!(i18n, "import-warning-claims-our-edits-new", {
                "path" => a("path"),
                "claimed" => a("claimed"),
            })
        }
        // The forms' problems, as a rule broken by a record of the file (core/exchange/import/rules.rs);
        // the same wording as ui::text::problem and activity_problem.
        "problem-required" => tr!(i18n, "problem-required"),
        "problem-end-before-start" => tr!(i18n, "problem-end-before-start"),
        "problem-no-lead" => tr!(i18n, "problem-no-lead"),
        "problem-several-leads" => tr!(i18n, "problem-several-leads"),
        "problem-too-few-parties" => tr!(i18n, "problem-too-few-parties"),
        "problem-duplicate-party" => tr!(i18n, "problem-duplicate-party"),
        "problem-unknown-organisation" => tr!(i18n, "problem-unknown-organisation"),
        "problem-unknown-person" => tr!(i18n, "problem-unknown-person"),
        "problem-signatory-not-party" => tr!(i18n, "problem-signatory-not-party"),
        "problem-parent-not-regulation" => tr!(i18n, "problem-parent-not-regulation"),
        "problem-parent-only-for-plans" => tr!(i18n, "problem-parent-only-for-plans"),
        "problem-number-taken" => tr!(i18n, "problem-number-taken"),
        "problem-name-taken" => tr!(i18n, "problem-name-taken"),
        "problem-supersedes-itself" => tr!(i18n, "problem-supersedes-itself"),
        "problem-supersedes-cycle" => tr!(i18n, "problem-supersedes-cycle"),
        "problem-own-parent" => tr!(i18n, "problem-own-parent"),
        "problem-title-years-differ" => tr!(i18n, "problem-title-years-differ", {
            "title" => a("title"),
            "period" => a("period"),
        }),
        "problem-signed-after-end" => tr!(i18n, "problem-signed-after-end"),
        "problem-too-long" => tr!(i18n, "problem-too-long", {"max" => a("max")}),
        "problem-position-ends-before-start" => tr!(i18n, "problem-position-ends-before-start"),
        "problem-responsible-not-party" => tr!(i18n, "problem-responsible-not-party"),
        "date-error-unrecognised" => tr!(i18n, "date-error-unrecognised"),
        "date-error-no-such-day" => tr!(i18n, "date-error-no-such-day"),
        "date-error-year-out-of-range" => tr!(i18n, "date-error-year-out-of-range"),
        "date-error-not-a-day" => tr!(i18n, "date-error-not-a-day"),
        "activity-problem-bad-time" => tr!(i18n, "activity-problem-bad-time"),
        "activity-problem-bad-count" => tr!(i18n, "activity-problem-bad-count"),
        "activity-problem-count-too-large" => tr!(i18n, "activity-problem-count-too-large"),
        "activity-problem-unknown-agreement" => tr!(i18n, "activity-problem-unknown-agreement"),
        "activity-problem-agreement-linked-twice" => {
            tr!(i18n, "activity-problem-agreement-linked-twice")
        }
        "activity-problem-person-chairs-twice" => tr!(i18n, "activity-problem-person-chairs-twice"),
        "activity-problem-organisation-listed-twice" => {
            tr!(i18n, "activity-problem-organisation-listed-twice")
        }
        "activity-problem-no-addressee" => tr!(i18n, "activity-problem-no-addressee"),
        "activity-problem-unknown-event" => tr!(i18n, "activity-problem-unknown-event"),
        "activity-problem-area-not-in-agreement" => {
            tr!(i18n, "activity-problem-area-not-in-agreement")
        }
        "activity-problem-deadline-before-raised" => {
            tr!(i18n, "activity-problem-deadline-before-raised")
        }
        "activity-problem-responded-before-raised" => {
            tr!(i18n, "activity-problem-responded-before-raised")
        }
        // The sharing page's own (mod.rs)
        "sharing-read-failed" => tr!(i18n, "sharing-read-failed", {"why" => a("why")}),
        // A new id without its line here: shown as the id (tests/i18n.rs fails first).
        other => other.to_string(),
    }
}
