history-title = Change history
history-none = No change recorded (the record predates history, or came from a file of an older version).
history-entry-head = { $when } · { $who } · { $office } · { $how }
history-unnamed = (name not given)
history-this-office = this office
history-other-office = another office (id { $id }…)
history-how-created = created
history-how-typed = typed in
history-how-imported = taken from { $office }'s file
history-how-conflict = chosen when settling a conflict
history-how-conflict-file = chosen when settling a conflict with { $office }'s file
history-how-undeleted = deleted record brought back
history-how-snapshot = restored from the backup of { $taken }
history-how-unknown = recorded by a newer version of the app
history-absent = (none)
history-empty = (empty)
history-shortened = { $head } … [{ $left_out } characters left out] … { $tail }
history-see-audit = See every change in this office
settings-editor = Person using this browser
settings-editor-name = Your full name (written into the history with each change you make)
settings-editor-help = The name is kept in this browser only. Each change you make records it, with the time and the office.
settings-editor-saved = Name saved.
settings-editor-not-saved = The browser did not let us keep the name.
editor-ask = You have not given your name. The changes you make will be recorded without a name.
editor-ask-save = Save name
editor-ask-later = Later
history-collection-organisations = Organisations
history-collection-people = People
history-collection-agreements = Agreements and plans
history-collection-events = Events
history-collection-recommendations = Recommendations
nav-audit = Change log
audit-title = Change log
audit-intro = Every change of every record, newest first: who changed it, when, at which office, and what. Choose a date range, an office, a person or a kind of record to filter.
audit-from = From
audit-to = To
audit-office = Office
audit-person = Changed by
audit-collection = Kind of record
audit-all = All
audit-none = No changes have been recorded yet.
audit-none-matching = No changes match the filters chosen.
audit-imports = Imports
audit-import-applied = Imported the file of { $office }: { $count ->
        [one] one record written.
       *[other] { $count } records written.
    }
audit-import-undone = Undid the import of { $office }’s file of { $imported }: { $reverted } records back as they were, { $removed } records the file had added removed. The records went back exactly as before the import, their history included, so the import and its undo are noted here only.
audit-changes = Changes of records
audit-count = { $count ->
    [one] { $count } change
   *[other] { $count } changes
}
history-part = { $before ->
    [0] {""}
   *[other] [{ $before } characters left out] …
}{ $text }{ $after ->
    [0] {""}
   *[other] … [{ $after } characters left out]
}
history-brought = { $count ->
    [one] The change this file brought (1)
   *[other] The changes this file brought ({ $count })
}
# A field of a history entry, by its record's collection (the path is shown for a field not listed).
history-field-deleted = Deleted
history-field-notes = Notes
history-field-agreement-number = Number
history-field-agreement-title = Title
history-field-agreement-kind = Kind of document
history-field-agreement-parties = Parties
history-field-agreement-signatories = Signatories
history-field-agreement-signed-on = Signed on
history-field-agreement-signed-place = Signed at
history-field-agreement-legal-basis = Legal basis
history-field-agreement-period = Period
history-field-agreement-status-override = Status set by hand
history-field-agreement-supersedes = Replaces
history-field-agreement-parent = Under regulation
history-field-agreement-areas = Areas of coordination
history-field-agreement-duties = Recurring duties
history-field-agreement-area-results = Results by area
history-field-agreement-close-out = Close-out
history-field-agreement-original = Original
history-field-organisation-name = Name
history-field-organisation-short-name = Short name
history-field-organisation-kind = Kind of organisation
history-field-organisation-parent = Parent organisation
history-field-organisation-locality = Province/city
history-field-person-full-name = Full name
history-field-person-positions = Positions
history-field-event-kind = Kind of event
history-field-event-title = Title
history-field-event-starts-at = Date and time
history-field-event-place = Place
history-field-event-chairs = Chairs
history-field-event-attendee-count = Attendees
history-field-event-guests = Guests
history-field-event-agreements = Linked documents
history-field-event-agenda = Agenda
history-field-event-reports = Reports
history-field-event-conclusions = Conclusions
history-field-event-minutes = Minutes
history-field-recommendation-content = Recommendation
history-field-recommendation-event = Raised at event
history-field-recommendation-raised-on = Raised on
history-field-recommendation-raised-by = Raised by
history-field-recommendation-addressed-to = Addressed to
history-field-recommendation-agreement = Linked document
history-field-recommendation-area = Area of coordination
history-field-recommendation-deadline = Answer due
history-field-recommendation-status = Status
history-field-recommendation-response = Answer
history-field-recommendation-responded-on = Answered on
history-field-recommendation-history = Handling history
history-folded = { $count } older { $count ->
    [one] change
   *[other] changes
} ({ $when }, by { $people }; fields: { $fields }) { $count ->
    [one] was folded into this summary to save storage; it is no longer listed on its own.
   *[other] were folded into this summary to save storage; they are no longer listed one by one.
}
audit-folded = { $count ->
    [one] { $count } older change was folded to save storage and is not listed here on its own; its record's page summarises it (when, by whom, which fields).
   *[other] { $count } older changes were folded to save storage and are not listed here one by one; each record's page summarises them (when, by whom, which fields).
}
