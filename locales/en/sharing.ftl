# Sharing: the sharing page (src/ui/sharing/), and the import's refusals and warnings, which the
# core names (src/core/import/error.rs, mod.rs) and tests/fixtures/bad/*.expected checks word
# for word in Vietnamese.

## The page
sharing-title = Exchange data
sharing-lead = Send your data to another office as a file; receive theirs, preview every change, then import. Nobody loses work: the newer version is kept, and where both offices edited the same record, you choose.
sharing-drop-overlay = Drop the file to preview it before importing. Nothing changes until you confirm.
sharing-reading = Reading “{ $name }”…
sharing-refused = “{ $name }” was not imported.
sharing-refused-unchanged = The data here has not changed.
sharing-read-failed = The browser could not read the file ({ $why }).
sharing-unknown-error = unknown error

## Export
sharing-export-title = Export a file
sharing-data-here = Data here: { $counts }.
sharing-count-organisations = { $count ->
    [one] { $count } organisation
   *[other] { $count } organisations
}
sharing-count-people = { $count ->
    [one] { $count } person
   *[other] { $count } people
}
sharing-count-agreements = { $count ->
    [one] { $count } agreement
   *[other] { $count } agreements
}
sharing-count-events = { $count ->
    [one] { $count } event
   *[other] { $count } events
}
sharing-count-recommendations = { $count ->
    [one] { $count } recommendation
   *[other] { $count } recommendations
}
sharing-export-one = Or just one agreement, with its plans, events, recommendations and the organisations and people involved:
sharing-choose-agreement = — Choose an agreement —
sharing-export-this = Export this agreement
sharing-exported = Created { $name } ({ $size }). Send this file to the other office.
sharing-size-kb = { $size } KB
sharing-size-mb = { NUMBER($size, minimumFractionDigits: 1, maximumFractionDigits: 1) } MB
sharing-export-failed = Could not create the file: { $why }
sharing-export-gone = This agreement no longer exists.

## Import
sharing-import-title = Import a file
sharing-drop-here = Drag another office's .json file onto this page, or
sharing-choose-file = Choose a file…
sharing-nothing-changes-yet = Nothing changes until you have seen the preview and confirmed.

## Preview
sharing-preview-title = Preview: { $name }
sharing-preview-from = File from
sharing-preview-exported = , exported { $time }, containing { $scope }.
sharing-preview-migrated = The file was in format version { $version } and has been converted to the current format.
sharing-preview-unreadable = { $count ->
    [one] The file carries { $count } item the sending office could not read from its storage, as raw text so the data can be rescued. It is not imported; every other record of the file imports as usual.
   *[other] The file carries { $count } items the sending office could not read from its storage, as raw text so the data can be rescued. They are not imported; every other record of the file imports as usual.
}
sharing-preview-unreadable-keys = The storage keys that could not be read
sharing-scope-all = all data
sharing-scope-agreement = one agreement: “{ $title }” and the records that go with it
sharing-counts-label = Records by group
sharing-group-conflict = Conflicts
sharing-group-new = New
sharing-group-incoming-newer = Newer in the file
sharing-group-deleted-in-file = Deleted in the file
sharing-group-local-newer = Newer here
sharing-group-identical = Identical
sharing-effect-conflict = edited in both places; you choose which to keep
sharing-effect-new = will be added
sharing-effect-incoming-newer = will be updated from the file
sharing-effect-deleted-in-file = will be deleted as in the file
sharing-effect-local-newer = the version here is kept
sharing-effect-identical = no change
sharing-collection-organisations = Organisation
sharing-collection-people = Person
sharing-collection-agreements = Agreement
sharing-collection-events = Event
sharing-collection-recommendations = Recommendation
sharing-more-records = { $count ->
    [one] … and { $count } more record.
   *[other] … and { $count } more records.
}
sharing-warnings = { $count ->
    [one] { $count } warning (it does not stop the import):
   *[other] { $count } warnings (they do not stop the import):
}
sharing-more-warnings = { $count ->
    [one] … and { $count } more warning
   *[other] … and { $count } more warnings
}
sharing-unlisted-warnings = { $count ->
    [one] { $count } more warning is
   *[other] { $count } more warnings are
} not listed (the list holds the first { $listed }). Ask the sender to mend the file, or import it and review the records.
sharing-warning-of-record = { $collection } “{ $label }” — { $warning }
sharing-deletion-in-use = The file deletes “{ $what }” ({ $position }), but { $count ->
    [one] { $count } record here still uses it.
   *[other] { $count } records here still use it.
}
sharing-conflicts-title = Conflicts ({ $count }): both places edited the same record
sharing-conflicts-help = Choose for each record. The version kept counts as the newest in every office, so this conflict does not come back.
sharing-conflict-label = Conflict: { $title }
sharing-conflict-field = Field
sharing-conflict-mine = My version
sharing-conflict-theirs = Version in the file
sharing-conflict-same = { $count ->
    [one] { $count } other field is the same in both versions.
   *[other] { $count } other fields are the same in both versions.
}
sharing-conflict-which = Which version to keep?
sharing-choice-keep-mine = Keep my version
sharing-choice-take-theirs = Take the version in the file
sharing-choice-keep-both = Keep both (the file's version becomes a new record; an agreement's copy leaves a shared number to yours)
sharing-no-value = (none)
sharing-nothing-new = Nothing new in the file: every record is already here, or newer here.
sharing-apply = { $count ->
    [one] Import { $count } change
   *[other] Import { $count } changes
}
sharing-undecided = { $count ->
    [one] { $count } conflict still to decide.
   *[other] { $count } conflicts still to decide.
}
sharing-cancel = Cancel, do not import

## Applying, the report, undo
sharing-apply-read-only = The page is read-only, so nothing can be imported.
sharing-apply-unsaved = Some changes could not be saved in the browser yet; deal with the saving error at the top of the page before importing.
sharing-apply-undecided = { $count ->
    [one] { $count } conflict has no choice yet.
   *[other] { $count } conflicts have no choice yet.
}
sharing-no-snapshot = No backup could be kept before the import: { $why }
sharing-report-title = Imported the file from { $office }
sharing-report-nothing = Nothing changed: every record in the file is already here, or newer here.
sharing-report-audit = See in the change log every change made at { $office }
sharing-report-written = { $count ->
    [one] { $count } record was written to the browser.
   *[other] { $count } records were written to the browser.
}
# The count is shown before each line, in bold; the words follow it.
sharing-report-new = { $count ->
    [one] new record added
   *[other] new records added
}
sharing-report-updated = { $count ->
    [one] record updated from the file
   *[other] records updated from the file
}
sharing-report-deleted = { $count ->
    [one] record deleted as in the file
   *[other] records deleted as in the file
}
sharing-report-conflicts = { $count ->
    [one] conflict settled as you chose
   *[other] conflicts settled as you chose
}
sharing-report-copies = { $count ->
    [one] copy made to keep both
   *[other] copies made to keep both
}
sharing-report-kept = { $count ->
    [one] record kept because it is newer here
   *[other] records kept because they are newer here
}
sharing-report-identical = { $count ->
    [one] identical record
   *[other] identical records
}
sharing-report-undo-not-stored = The browser storage has no room to keep the undo: the import can be undone only while this page stays open.
sharing-undo-last-from = Last import: the file from
sharing-undo-last-rest = , at { $time }; { $count ->
    [one] { $count } record changed.
   *[other] { $count } records changed.
}
sharing-undo = Undo this import
sharing-undo-refused = { $count ->
    [one] Cannot undo: { $count } record was edited after this import; undoing would lose that edit.
   *[other] Cannot undo: { $count } records were edited after this import; undoing would lose those edits.
}
sharing-undo-refused-still-used = { $count ->
    [one] Cannot undo: { $count } record, edited after this import, uses a record the file added; undoing would remove it and leave that record pointing at nothing.
   *[other] Cannot undo: { $count } records, edited after this import, use records the file added; undoing would remove them and leave those records pointing at nothing.
}
sharing-undone = Import undone: { $reverted ->
    [one] { $reverted } record is back as it was
   *[other] { $reverted } records are back as they were
}, { $removed ->
    [one] { $removed } record the file had added was removed.
   *[other] { $removed } records the file had added were removed.
}
sharing-undone-not-stored = Undone in the page, but not stored in the browser yet: { $why } Saving is tried again on its own.
sharing-undone-elsewhere = The import of the file from { $office } was undone in another page.

## Field names (a conflict's rows, here and between two tabs)
field-title = Name
field-short-name = Short name
field-full-name = Full name
field-number = Number
field-kind = Kind
field-notes = Notes
field-period = Period
field-period-start = Period: from
field-period-end = Period: to
field-parties = Parties
field-signatories = Signatories
field-signed-on = Signed on
field-signed-place = Signed at
field-legal-basis = Legal basis
field-areas = Coordination areas
field-status-override = Status set by hand
field-supersedes = Supersedes
field-parent = Belongs to
field-positions = Positions
field-deleted = Deleted
field-updated = Last edited
field-created = Created
field-content = Content
field-deadline = Reply due
field-status = Status
field-response = Reply
field-place = Place
field-starts-at = Time

## Refused files (src/core/import/error.rs): each says where
import-too-large = The file is too large: { NUMBER($size, minimumFractionDigits: 1, maximumFractionDigits: 1) } MB, over the limit of { $limit } MB (no file Phối hợp exports is that large). Check that this is the file you meant to import.
import-empty = The file is empty: there is nothing in it.
import-utf16 = The file is saved as UTF-16; save it again as UTF-8 and open it again.
import-not-json = The file is not valid JSON: { $reason } (line { $line }, column { $column }).
import-json-truncated = the file ends part-way through; it may have been cut off
import-json-trailing-comma = there is a comma too many
import-json-key-not-quoted = field names must be in double quotes
import-json-bad-string = a string holds an invalid character or escape
import-json-too-deep = the data is nested too deeply
import-json-trailing-content = there is more content after the JSON data has ended
import-json-bad-utf8 = there are bytes that are not UTF-8
import-json-unexpected = an unexpected character
import-not-ours = This is not a Phối hợp data file: { $why }.
import-not-an-object = the content is { $found }, not a JSON object
import-kind-array = an array
import-kind-string = a string
import-kind-boolean = a true/false value
import-kind-null = null
import-kind-number = a number
import-no-format = the "format" field is missing
import-other-format = the "format" field is { $found }, not "{ $expected }"
import-no-schema-version = The file has no format version (the "schema_version" field).
import-bad-schema-version = The format version ("schema_version") must be a positive whole number; the file says { $found }.
import-newer-schema = The file was made by Phối hợp { $app } in format version { $found }; this Phối hợp { $version } reads format versions up to { $readable } only. Update Phối hợp, then open the file again.
import-newer-schema-unknown-app = The file was made by a newer version of Phối hợp in format version { $found }; this Phối hợp { $version } reads format versions up to { $readable } only. Update Phối hợp, then open the file again.
import-migration-no-step = Could not convert the file from format version { $from } to version { $to }: a conversion step is missing.
import-migration-failed = Could not convert the file from format version { $from } to version { $to }: { $reason }.
import-schema = Wrong structure at { $path }: { $problem }.
import-schema-value = Wrong structure at { $path }: { $problem }. Value in the file: { $value }.
import-problem-missing = a required field is missing
import-problem-wrong-type = must be { $expected }
import-problem-not-a-date = not a valid date in the form yyyy-mm-dd
import-problem-not-a-time = not a valid date and time (for example 2024-01-31T08:00:00Z)
import-problem-not-an-id = not a valid UUID
import-problem-not-a-count = must be a whole number, zero or more
import-problem-unknown-value = value not accepted; the accepted values are { $allowed }
import-problem-unknown-value-either = value not accepted; only { $first } or { $second }
import-problem-not-a-list = must be a list (a JSON array)
import-problem-not-an-object = must be a JSON object
import-problem-too-deep = the data is nested too deeply
import-problem-no-version = the record has no version ("version" is empty); the file may have been edited by hand
import-problem-date-out-of-range = the year must be between { $first } and { $last }; this date cannot be right
import-problem-field-twice = this field is written twice; there is no knowing which value is meant
import-problem-too-many-edits = counts more edits than any office can make (at most { $max }); the file may have been edited by hand
# serde's own words, as they are.
import-problem-other = { $words }
import-expected-string = a string
import-expected-unsigned = a whole number, zero or more
import-expected-integer = a whole number
import-expected-boolean = true or false
import-expected-list = a list (a JSON array)
import-expected-object = a JSON object
import-expected-date = a date in the form yyyy-mm-dd
import-expected-id = a UUID
import-expected-other = { $words }
import-duplicate-id = Record id { $id } appears twice in the file: { $first } and { $second }.
import-key-twice = The section "{ $name }" appears twice at the top level of the file; there is no knowing which one is meant, so this file cannot be imported.
import-id-taken-here = The record at { $path } has the id { $id }, which here already belongs to { $other }. An id belongs to one record only, so this file cannot be imported.
import-one-organisation = an organisation
import-one-person = a person
import-one-agreement = an agreement
import-one-event = an event
import-one-recommendation = a recommendation

## Warnings of the preview (src/core/import/mod.rs)
import-warning-missing-reference = { $path } points to record { $id }, which is neither in the file nor here.
import-warning-unknown-section = The file's section "{ $name }" does not belong to this version, so it is skipped.
# A form's rule broken by a record of the file (src/core/import/rules.rs): the problem is the
# form's own sentence (common.ftl), after the record's place in the file and its field.
import-warning-rule = { $path }: { $problem }
import-warning-from-this-office = The file says it was exported by this office. If this office did not export it, it may have been altered: look at it closely before importing.
import-warning-claims-our-edits = { $path }: the file says this office edited the record { $claimed } times, but here it has { $made ->
        [0] never edited it.
        [one] edited it once.
       *[other] edited it { $made } times.
    } Only this office counts its own edits, so the file may have been altered or exported from a copy of this office's data; the file's record does not silently replace the one here (if they differ, it is listed among the conflicts for you to choose).
import-warning-claims-our-edits-new = { $path }: the file says this office edited the record { $claimed } times, but the record is not here. Only this office counts its own edits, so the file may have been altered or exported from a copy of this office's data.
