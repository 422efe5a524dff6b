//! A history entry's field in words: its label in the interface's language ("Tên văn bản" /
//! "Title"), found by the record's collection and the path's first step; the rest of the path
//! (an item, a part) follows it, and a field this app does not know keeps its path.

use leptos_fluent::{tr, I18n};

use crate::core::records::record::Collection;

/// "title" → "Tên văn bản"; "parties[1].organisation" → "Các bên › [1].organisation";
/// "a_newer_field" → "a_newer_field".
pub fn field_words(i18n: I18n, collection: Collection, path: &str) -> String {
    let split = path.find(['.', '[']).unwrap_or(path.len());
    let (head, rest) = path.split_at(split);
    match label(i18n, collection, head) {
        Some(label) if rest.is_empty() => label,
        Some(label) => format!("{label} › {}", rest.trim_start_matches('.')),
        None => path.to_string(),
    }
}

fn label(i18n: I18n, collection: Collection, field: &str) -> Option<String> {
    use Collection as C;
    // Fields every record has, or that mean the same in each collection.
    let shared = match field {
        "deleted" => Some(tr!(i18n, "history-field-deleted")),
        "notes" => Some(tr!(i18n, "history-field-notes")),
        _ => None,
    };
    if shared.is_some() {
        return shared;
    }
    Some(match (collection, field) {
        (C::Agreements, "number") => tr!(i18n, "history-field-agreement-number"),
        (C::Agreements, "title") => tr!(i18n, "history-field-agreement-title"),
        (C::Agreements, "kind") => tr!(i18n, "history-field-agreement-kind"),
        (C::Agreements, "parties") => tr!(i18n, "history-field-agreement-parties"),
        (C::Agreements, "signatories") => tr!(i18n, "history-field-agreement-signatories"),
        (C::Agreements, "signed_on") => tr!(i18n, "history-field-agreement-signed-on"),
        (C::Agreements, "signed_place") => tr!(i18n, "history-field-agreement-signed-place"),
        (C::Agreements, "legal_basis") => tr!(i18n, "history-field-agreement-legal-basis"),
        (C::Agreements, "period") => tr!(i18n, "history-field-agreement-period"),
        (C::Agreements, "status_override") => tr!(i18n, "history-field-agreement-status-override"),
        (C::Agreements, "supersedes") => tr!(i18n, "history-field-agreement-supersedes"),
        (C::Agreements, "parent") => tr!(i18n, "history-field-agreement-parent"),
        (C::Agreements, "areas") => tr!(i18n, "history-field-agreement-areas"),
        (C::Agreements, "duties") => tr!(i18n, "history-field-agreement-duties"),
        (C::Agreements, "area_results") => tr!(i18n, "history-field-agreement-area-results"),
        (C::Agreements, "close_out") => tr!(i18n, "history-field-agreement-close-out"),
        (C::Agreements, "original") => tr!(i18n, "history-field-agreement-original"),
        (C::Organisations, "name") => tr!(i18n, "history-field-organisation-name"),
        (C::Organisations, "short_name") => tr!(i18n, "history-field-organisation-short-name"),
        (C::Organisations, "kind") => tr!(i18n, "history-field-organisation-kind"),
        (C::Organisations, "parent") => tr!(i18n, "history-field-organisation-parent"),
        (C::Organisations, "locality") => tr!(i18n, "history-field-organisation-locality"),
        (C::People, "full_name") => tr!(i18n, "history-field-person-full-name"),
        (C::People, "positions") => tr!(i18n, "history-field-person-positions"),
        (C::Events, "kind") => tr!(i18n, "history-field-event-kind"),
        (C::Events, "title") => tr!(i18n, "history-field-event-title"),
        (C::Events, "starts_at") => tr!(i18n, "history-field-event-starts-at"),
        (C::Events, "place") => tr!(i18n, "history-field-event-place"),
        (C::Events, "chairs") => tr!(i18n, "history-field-event-chairs"),
        (C::Events, "attendee_count") => tr!(i18n, "history-field-event-attendee-count"),
        (C::Events, "guests") => tr!(i18n, "history-field-event-guests"),
        (C::Events, "agreements") => tr!(i18n, "history-field-event-agreements"),
        (C::Events, "agenda") => tr!(i18n, "history-field-event-agenda"),
        (C::Events, "reports") => tr!(i18n, "history-field-event-reports"),
        (C::Events, "conclusions") => tr!(i18n, "history-field-event-conclusions"),
        (C::Events, "minutes") => tr!(i18n, "history-field-event-minutes"),
        (C::Recommendations, "content") => tr!(i18n, "history-field-recommendation-content"),
        (C::Recommendations, "event") => tr!(i18n, "history-field-recommendation-event"),
        (C::Recommendations, "raised_on") => tr!(i18n, "history-field-recommendation-raised-on"),
        (C::Recommendations, "raised_by") => tr!(i18n, "history-field-recommendation-raised-by"),
        (C::Recommendations, "addressed_to") => {
            tr!(i18n, "history-field-recommendation-addressed-to")
        }
        (C::Recommendations, "agreement") => tr!(i18n, "history-field-recommendation-agreement"),
        (C::Recommendations, "area") => tr!(i18n, "history-field-recommendation-area"),
        (C::Recommendations, "deadline") => tr!(i18n, "history-field-recommendation-deadline"),
        (C::Recommendations, "status") => tr!(i18n, "history-field-recommendation-status"),
        (C::Recommendations, "response") => tr!(i18n, "history-field-recommendation-response"),
        (C::Recommendations, "responded_on") => {
            tr!(i18n, "history-field-recommendation-responded-on")
        }
        (C::Recommendations, "history") => tr!(i18n, "history-field-recommendation-history"),
        _ => return None,
    })
}
