# Recommendations (kiến nghị): the list, and one recommendation's page.

## Shared
recommendations-title = Recommendations
recommendations-col-content = Recommendation
recommendations-col-to = Addressed to
recommendations-col-agreement = Agreement
recommendations-col-deadline = Deadline
recommendations-col-status = Status
recommendations-overdue = { $days ->
        [one] 1 day overdue
       *[other] { $days } days overdue
    }

## The list
recommendations-add = + Add recommendation
recommendations-filter-label = Filter recommendations
recommendations-filter-status = Status
recommendations-filter-agreement = Agreement
recommendations-filter-all = All
recommendations-matching = { $shown } of { $total ->
        [one] 1 recommendation
       *[other] { $total } recommendations
    } { $shown ->
        [one] matches
       *[other] match
    }
recommendations-count = { $shown ->
        [one] 1 recommendation
       *[other] { $shown } recommendations
    }
recommendations-clear-filters = Clear filters
recommendations-empty-title = No recommendations yet
recommendations-empty-text = Record the recommendations raised at working sessions and conferences (or sent separately), which organisations must answer and by when, to follow up on them.
recommendations-no-match-title = No recommendation matches
recommendations-no-match-text = Try fewer words or filters. Search ignores diacritics and case.

## One recommendation
recommendations-saved-changes = Changes saved.
recommendations-saved-new = Recommendation added.
recommendations-new-title = Add a recommendation
recommendations-breadcrumb-label = You are here
recommendations-deadline = Due { $date }
recommendations-details = The recommendation
recommendations-new-details = New recommendation
recommendations-content = Recommendation
recommendations-event = Raised at event
recommendations-no-event = — No event (sent separately) —
recommendations-open-event = Open the event's page
recommendations-raised-on = Date raised
recommendations-raised-by = Raised by
recommendations-none-recorded = — Not recorded —
recommendations-addressed-to = Addressed to (organisations that must answer)
recommendations-addressed-to-help = choose one or more organisations
recommendations-agreement = Related agreement
recommendations-no-agreement = — No agreement —
recommendations-area = Area of coordination
recommendations-choose-agreement-first = — Choose an agreement first —
recommendations-response-deadline = Answer due
recommendations-responded-on = Date answered
recommendations-response = Answer
recommendations-save = Save
recommendations-cancel = Cancel
recommendations-record-meta = Created { $created } · Last edited { $updated } · { $edits ->
        [one] 1 edit
       *[other] { $edits } edits
    }

## Status
recommendations-status-unchanged = The status is still “{ $status }”: nothing changed.
recommendations-status-changed = Status changed to “{ $status }”.
recommendations-status-title = Status
recommendations-status-to = Change to
recommendations-status-note = Note
recommendations-status-note-placeholder = For example: the department has answered in writing
recommendations-status-update = Update status
recommendations-status-help = Each change of status is recorded with its date and note. When the status becomes “Resolved” or “Declined”, the answer date is set to today if it is empty.
recommendations-history-title = Status history
recommendations-history-none = No change of status yet.
recommendations-history-change = Change
recommendations-history-date = Date
recommendations-history-note = Note

## The page to read, search and the overdue filter
recommendations-eyebrow = Recommendation
recommendations-sent-separately = Sent separately, not at an event
recommendations-no-response = No answer recorded yet.
recommendations-search-label = Search recommendations
recommendations-search-placeholder = Search by content, body, agreement… (diacritics optional)
recommendations-filter-overdue = Overdue only
recommendations-edit-title = Edit recommendation
