# Shared wording of the core's enums and problems (src/ui/text.rs), and small shared pieces
# (src/ui/widgets.rs, src/ui/update.rs).

## Agreement status
status-draft = Draft
status-signed = Signed, not yet in force
status-in-force = In force
status-expired = Expired
status-summarised = Reviewed and closed
status-terminated = Terminated

## Why an agreement has its status
status-reason-set-by-user = Set by hand
status-reason-set-by-user-why = Set by hand: { $why }
status-reason-not-signed = No signing date yet
status-reason-starts-on = In force from { $date }
status-reason-in-force-until = In force until { $date } inclusive
status-reason-in-force-open = Signed; no end date recorded
status-reason-ended-on = The period ended on { $date }
status-reason-summarised-at = Reviewed at the summary conference of { $date }
status-reason-signed-at = Signed at the conference of { $date }; not yet in force

## Kinds
agreement-kind-regulation = Coordination regulation
agreement-kind-plan = Coordination plan / compact
agreement-kind-other = Other document
agreement-kind-short-regulation = Regulation
agreement-kind-short-plan = Plan
agreement-kind-short-other = Other
organisation-kind-peoples-committee = People's Committee
organisation-kind-party-committee = Party committee
organisation-kind-mass-organisation = Socio-political organisation
organisation-kind-department = Department or agency
organisation-kind-other = Other

## Signing authority (the Vietnamese abbreviations stay: they are printed on the document)
authority-own = (signs in own name)
authority-on-behalf-of = TM. (on behalf of)
authority-acting-for = KT. (signing for)
authority-interim = Q. (acting)
authority-by-order = TL. (by order of)
authority-by-delegation = TUQ. (by delegation)

## Validation problems
problem-required = Required.
problem-end-before-start = The end date is before the start date.
problem-no-lead = Choose one lead party.
problem-several-leads = There can be only one lead party.
problem-too-few-parties = At least two parties are needed.
problem-duplicate-party = This organisation is already among the parties.
problem-unknown-organisation = Choose an organisation from the directory.
problem-unknown-person = Choose a person from the directory.
problem-signatory-not-party = A signatory must sign for one of the agreement's parties.
problem-parent-not-regulation = The parent document must be a coordination regulation.
problem-parent-only-for-plans = Only a plan can belong to a regulation.
problem-number-taken = This number is already used by another agreement between the same parties.
problem-too-long = Too long: { $max } characters at most.
problem-name-taken = The directory already has an organisation with this name. Check that it is not the same one.
problem-original-web-address = Not a web address: write it as https://server/path, without spaces.
problem-original-share-path = Not a shared-folder path: write it as \\server\folder\file.pdf.
problem-original-file-address = Not a file address: write it as file://server/folder/file.pdf.
problem-original-sha256 = A SHA-256 is exactly 64 characters 0–9, a–f. The easiest way: choose the scanned file and it is computed for you.
problem-supersedes-itself = An agreement cannot replace itself.
problem-supersedes-cycle = The chain of replacements loops (an older agreement replaces this one).
problem-own-parent = It cannot be its own parent.
problem-title-years-differ = The title names the period { $title }, but the term is { $period }. Please check.
problem-signed-after-end = The signing date is after the period ended.
problem-position-ends-before-start = The position ends before it starts.
problem-responsible-not-party = The responsible organisation must be a party to the agreement.
date-error-unrecognised = Unrecognised date. Enter dd/mm/yyyy, mm/yyyy or yyyy.
date-error-not-a-day = An exact day is needed: enter dd/mm/yyyy, for example 02/04/2018.
date-error-no-such-day = This day does not exist.
date-error-year-out-of-range = The year must be between 1900 and 2200.

## A save refused for what a form holds: the same words in every form
form-not-saved = Not saved: { $count ->
    [one] { $count } thing
   *[other] { $count } things
} to fix (marked in red). Nothing has changed yet.

## Events and recommendations
event-kind-signing = Signing conference
event-kind-annual-session = Annual working session
event-kind-mid-term-review = Mid-term review conference
event-kind-summary-conference = Summary conference
event-kind-youth-dialogue = Dialogue with young people
event-kind-other = Other event
event-role-signed = signing of the agreement
event-role-summarised = review and close of the period
event-role-reviewed = review of progress
recommendation-status-open = Awaiting action
recommendation-status-in-progress = In progress
recommendation-status-resolved = Resolved
recommendation-status-declined = Declined
activity-problem-bad-time = Unrecognised time. Enter HH:mm, for example 08:00 or 14:30.
activity-problem-bad-count = Enter a whole number, zero or more, for example 200.
activity-problem-count-too-large = That number is too large: check the attendee count.
activity-problem-unknown-agreement = Choose an agreement that exists (not deleted).
activity-problem-agreement-linked-twice = This agreement is already linked on a row above.
activity-problem-person-chairs-twice = This person is already among the chairs.
activity-problem-organisation-listed-twice = This organisation is already chosen.
activity-problem-no-addressee = Choose at least one organisation the recommendation is addressed to.
activity-problem-unknown-event = Choose an event that exists (not deleted).
activity-problem-area-not-in-agreement = This coordination area does not belong to the chosen agreement.
activity-problem-deadline-before-raised = The deadline is before the day the recommendation was raised. Please check.
activity-problem-responded-before-raised = The answer date is before the day the recommendation was raised. Please check.

## What saving an event did to a linked agreement's status
status-effect-changed-by-this-event = “{ $title }” is now: { $status } (because of this event).
status-effect-changed = “{ $title }” is now: { $status } ({ $reason }).
status-effect-confirmed = “{ $title }” is still: { $status } (because of this event).
status-effect-from-event-day = “{ $title }”: the event counts from { $date }, so for now it is still: { $status }.
status-effect-kept-by-setting = “{ $title }” keeps the status set by hand: { $status }.
status-effect-unchanged = “{ $title }” is still: { $status } ({ $reason }).

## Storage errors
store-error-quota-exceeded = The browser's storage for this page is full.
store-error-unavailable = The browser does not allow local storage ({ $why }).
store-error-other = The browser refused to save the data ({ $why }).
store-error-read-only = The page is read-only, so nothing is written to the browser.

## Filters (lists)
filter-all = All
filter-any-year = Any year
filter-clear = Clear filters

## Actions and small shared pieces
action-edit = Edit
action-delete = Delete
action-cancel = Cancel
action-save = Save
action-close = Close
action-print = Print
action-undo = Undo
breadcrumb-label = You are here

## Banners, toasts and pages shared by all (widgets.rs)
save-failed-title = Changes not saved.
save-failed-text = { $count ->
    [one] { $count } record is
   *[other] { $count } records are
} still in this page but not saved in the browser; data saved before is not affected. Do not close the page: export all data to a file, then free some space. Phối hợp tries to save again in a few seconds.
save-failed-retry = Try saving again
save-failed-exported = File { $name } created: all the data, unsaved changes included.
save-failed-export-error = Could not create the file: { $why }
export-everything = Export all data
banner-read-only-newer = Read-only: the data in this browser was saved by a newer version of Phối hợp (storage layout { $found }). This version writes nothing, so as not to damage it; use the newer version. Details in
banner-read-only-damaged = Read-only: the storage layout marker is damaged (it holds “{ $found }”, which no version of Phối hợp writes). This is damaged data, not data from a newer version. Phối hợp writes nothing, to avoid further damage; export everything to a file. Details in
banner-read-only-unavailable = Read-only: the browser does not let this page use local storage ({ $why }), so nothing can be saved. Details in
read-only-why-newer = the data in this browser was saved by a newer version of Phối hợp, so the page is read-only.
read-only-why-damaged = the storage layout marker is damaged, so the page is read-only.
read-only-why-unavailable = the browser does not let the page use local storage, so the page is read-only.
read-only-note = Cannot save: { $why }
read-only-pending = { $count ->
    [one] { $count } record changed in this page is not saved: export everything to a file before closing the page.
   *[other] { $count } records changed in this page are not saved: export everything to a file before closing the page.
}
banner-no-tab-lock = This browser cannot coordinate saving between tabs: with Phối hợp open in two tabs, saving in both at once may lose a change. Keep Phối hợp open in one tab only, or update the browser.
banner-load-problems = { $count ->
    [one] { $count } saved item could not be read
   *[other] { $count } saved items could not be read
}; the rest works as usual and the damaged items are kept as they are. See and export their original content in
banner-storage-nearly-full = The browser storage is more than 80% used. Export all data to a file. See
conflict-title = The same record was just edited in two tabs (windows) at once.
conflict-text = Only the fields below still differ between the two versions; every other change is saved. Choose the value to keep for each field and press “Save choices”, or keep one version whole.
conflict-apply = Save choices
conflict-pick-every-field = Choose a value for every field before saving.
conflict-deleted-yes = Deleted
conflict-deleted-no = Not deleted
conflict-field = Field
conflict-stored = Stored version
conflict-other = The other version
conflict-keep-stored = Keep the stored version
conflict-keep-other = Keep the other version
toast-not-stored = Not stored in the browser: see the message at the top of the page.
toast-close = Close the message
not-found-title = Page not found
not-found-text = The address “{ $path }” does not lead to any page of Phối hợp.
back-to-agreements = Back to the agreements
missing-agreement = No such agreement
missing-event = No such event
missing-recommendation = No such recommendation
missing-organisation = No such organisation
missing-person = No such person
missing-deleted = This record was deleted. If that was a mistake, press “Undo” in the message below.
missing-elsewhere = The link may come from another office's data that has not been imported into this browser.
record-not-in-data = (record not in this data)
delete-refused-title = Not deleted.
delete-refused-count = Records that still refer to it: { $count }.
delete-refused-default = Delete or edit them first:

## A new version (update.rs)
update-ready = A new version is available. Reload to use it.
update-reload = Reload
unsaved-leave-question = A form holds input that is not saved. Leave this page and discard it?
update-unsaved-form = A form has unsaved input: save or cancel it before reloading.

## Notices of deletion and undo
record-deleted = Deleted “{ $label }”.
undo-undeleted = Undone: the record is back.
undo-created-removed = Undone: the record just created has been removed.
undo-blocked = { $count ->
    [one] Cannot undo: another record now refers to this one.
   *[other] Cannot undo: { $count } other records now refer to this one.
}

## Long work in progress (widgets.rs WorkProgress)
work-export = Exporting the file…
work-read-import = Reading the file…
work-snapshot = Backing up the data…
work-apply-import = Importing the data…
work-count = { $done } / { $total } records
work-busy = Other work is under way (an export or an import): wait until it is done, then try again.
