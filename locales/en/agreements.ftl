# The agreement register, page, form and life-cycle sections (src/ui/agreement_*.rs).

agreement-form-duty-due-error = Enter the deadline as dd/mm, for example 15/12; leave it empty if once a year at any time is enough.

## Register (agreement_list.rs)
agreement-list-title = Coordination agreements
agreement-add = + Add agreement
agreement-list-search-label = Search agreements
agreement-list-search-placeholder = Search by title, number, organisation, signatory, year… (Vietnamese accents optional)
agreement-list-filter-status = Status
agreement-list-filter-kind = Kind
agreement-list-filter-organisation = Organisation
agreement-list-filter-year = Year
agreement-list-sort = Sort
agreement-sort-relevance = Best match / recently edited
agreement-sort-recently-changed = Recently edited
agreement-sort-signing-date = Signing date (newest first)
agreement-sort-period-start = Period (newest first)
agreement-sort-title = Title (A–Z)
agreement-sort-number = Number
agreement-list-count = { $count ->
    [one] { $count } agreement
   *[other] { $count } agreements
}
agreement-list-count-filtered = { $shown } of { $total } { $total ->
    [one] agreement
   *[other] agreements
} match
agreement-list-empty-title = No agreements yet
agreement-list-empty-text = Start by adding your office's first coordination regulation. A party not yet in the directory can be added from inside the form; the whole directory is under
agreement-list-no-match-title = No agreement matches
agreement-list-no-match-text = Try fewer words or filters. The search ignores accents and capitals.
agreement-col-number = Number
agreement-col-title = Title
agreement-col-parties = Parties
agreement-col-period = Period
agreement-col-status = Status

## One agreement (agreement_page.rs)
agreement-not-in-data = (agreement not in this data)
agreement-unknown-organisation = (unknown)
agreement-number-is = No. { $number }
agreement-duplicate = Duplicate for the next period
agreement-add-plan = + Add a plan
agreement-warnings = Note:
agreement-general = General information
agreement-number-none = None yet
agreement-signed-on = Signed on
agreement-not-signed = Not signed
agreement-signed-place = Signed at
agreement-supersedes = Replaces
agreement-superseded-by = Replaced by
agreement-parent = Under the regulation
agreement-party-organisation = Organisation
agreement-party-role = Role
agreement-party-lead = Lead
agreement-signatories = Signatories
agreement-signatories-none = No signatory recorded.
agreement-signatory-authority = Authority
agreement-signatory-position = Position when signing
agreement-signatory-name = Full name
agreement-signatory-for = Signs for
agreement-legal-basis = Legal basis
agreement-areas = Coordination areas
agreement-areas-none = No coordination area recorded.
agreement-area-responsible = Responsible:
agreement-plans-title = Implementation plans ({ $count })
agreement-plans-none = No plan under this regulation yet.
agreement-plan = Plan
agreement-notes = Notes
agreement-duties = Recurring duties
agreement-record-meta = Created { $created } · Last edited { $updated } · { $edits ->
    [one] { $edits } edit
   *[other] { $edits } edits
}
agreement-duplicate-intro = Create a new draft:
agreement-duplicate-explain = The draft replaces this agreement; number, signatories and signing date are left empty.
agreement-duplicate-convention = Proposed period: { $period }, { $rule ->
    [shared] as the series' terms share the year of the change (2017 – 2022 → 2022 – 2027)
   *[consecutive] starting the year after this one ends (2013 – 2017 → 2018 – 2022)
}. You can change it in the form.
agreement-duplicate-carry = Copy into the new agreement
agreement-carry-parties = Parties and their roles
agreement-carry-recommendations = Recommendations for the next period (from the close-out) — into the notes
agreement-duplicate-create = Create the draft

## The form (agreement_form.rs)
agreement-form-added = Agreement added.
agreement-form-saved = Changes saved.
agreement-form-title-new = Add an agreement
agreement-form-title-edit = Edit the agreement
agreement-form-document = Document
agreement-form-kind = Kind of document
agreement-form-number-placeholder = For example: 01/QCPH-UBND-TĐ
agreement-form-no-parent = — Not under a regulation —
agreement-form-period-start = Period from
agreement-form-period-start-placeholder = 2018 or 02/04/2018
agreement-form-period-end = To
agreement-form-period-end-placeholder = 2022 or 31/12/2022
agreement-form-supersedes = Replaces the agreement
agreement-form-supersedes-none = — None —
agreement-form-period-help = A year alone will do: “2018” means from 01/01/2018, “2022” in the To box means until 31/12/2022.
agreement-form-status-auto = Automatic, from the dates
agreement-form-status-auto-is = Automatic:
agreement-form-status-reason = Why this status is set
agreement-form-party-n = Party { $n }
agreement-form-role-placeholder = lead / partner
agreement-form-remove-party = Remove this party
agreement-form-add-party = + Add a party
agreement-form-signatory = Signatory
agreement-form-signs-for = Signs for the organisation
agreement-form-remove-signatory = Remove this signatory
agreement-form-add-signatory = + Add a signatory
agreement-form-legal-basis-help = One legal document per line
agreement-form-area-n = Area { $n }
agreement-form-area-description = Description
agreement-form-area-responsible = Responsible
agreement-form-move-up = Move up
agreement-form-move-down = Move down
agreement-form-remove-area = Remove this area
agreement-form-add-area = + Add an area
agreement-form-duties-help = For example: an annual working session, a yearly report before 15/12, a dialogue with young people at least once a year. Phối hợp checks every year of the term and tells you when a year is missing.
agreement-form-duty = Duty
agreement-form-duty-due = Yearly deadline (dd/mm)
agreement-form-duty-due-placeholder = empty: any time in the year
agreement-form-duty-fulfilled-by = Done when there is an event
agreement-form-duty-by-hand = — Marked by hand —
agreement-form-remove-duty = Remove this duty
agreement-form-add-duty = + Add a duty

## Life-cycle sections of an agreement (agreement_activity.rs)
agreement-events-title = Events ({ $count })
agreement-events-none = No event recorded yet: signing conference, annual working session, mid-term review, summary conference…
agreement-duties-none = No recurring duty declared (for example an annual working session). Add them with “Edit”.
duty-rule-any-time = at least once a year
duty-rule-by = every year, by { $day_month }
duty-overdue = Overdue
duty-due-soon = Due soon
duty-upcoming = Not yet due
duty-done = Done
duty-waived = Waived
duty-col-year = Year
duty-col-due = Deadline
duty-col-state = State
duty-col-basis = Evidence
duty-col-actions = Actions
duty-marked-by-hand = Marked by hand
duty-unmark = Unmark
duty-mark-done = Done
duty-mark-waived = Waive
duty-help = A year counts as done when an event of the right kind linked to this agreement took place that year, or when marked by hand.
agreement-recommendations-title = Recommendations ({ $count })
agreement-add-recommendation = + Add a recommendation
agreement-recommendations-none = No recommendation is linked to this agreement.
agreement-recommendation-content = Content
result-title = Results by coordination area
result-area = Area
result-mark = Result
result-pending = Not yet
result-done = Achieved
result-waived = Waived
result-overdue = Overdue
result-evidence = Evidence
result-evidence-placeholder = Report number, event, figures…
result-record = Record the result
result-recorded = Result recorded.
closeout-title = Close-out of the period
closeout-saved = Close-out saved.
closeout-no-event = — Not linked —
closeout-by-area = Results for each area
closeout-achievements = Achievements
closeout-shortcomings = Shortcomings
closeout-lessons = Lessons learnt
closeout-next = Recommendations for the next period
closeout-next-help = “Recommendations for the next period” go into the draft made with “Duplicate for the next period”.
closeout-save = Save the close-out
matrix-title = Plans by year and department
matrix-no-departments = No department belongs to this regulation yet. The table lists the departments of the parties' province, the bodies responsible for a coordination area and those with a plan under the regulation; record the province of the directory's organisations.
matrix-which-departments = The table lists the departments of the parties' province, the bodies responsible for a coordination area and those with a plan under this regulation.
matrix-unit = Department
matrix-add-plan-title = Add a plan for this department and year
matrix-add-plan = Add a plan for { $year }

## The agreement page's summary and sections
agreement-summary-label = Summary of the agreement
agreement-summary-next = Next due
agreement-summary-nothing-due = Nothing left to do
agreement-summary-counts = Recorded
agreement-summary-events = { $count ->
    [one] 1 event
   *[other] { $count } events
}
agreement-summary-recommendations = { $count ->
    [one] 1 recommendation
   *[other] { $count } recommendations
}{ $open ->
    [0] {""}
   *[other] {" "}({ $open } still open)
}
agreement-summary-plans = { $count ->
    [one] 1 plan
   *[other] { $count } plans
}
agreement-summary-areas = { $count ->
    [one] 1 coordination area
   *[other] { $count } coordination areas
}
agreement-summary-overdue = { $count } overdue
agreement-tabs-label = Sections of the agreement
agreement-tab-overview = The document
agreement-tab-plans = Plans ({ $count })
agreement-tab-events = Events ({ $count })
agreement-tab-duties = Recurring duties ({ $count })
agreement-tab-recommendations = Recommendations ({ $count })
agreement-tab-results = Results and close-out
agreement-tab-draft = (draft)

## Bản gốc (the signed scan) on an agreement's page
original-title = Original
original-add = + Record where the original is
original-none = Where the signed original is kept has not been recorded.
original-location = Where the scan is kept
original-location-placeholder = https://… or \\server\folder\file.pdf
original-location-help = Web addresses (http://, https://), shared-folder paths (\\server\folder\…) and file://… addresses can be opened; anything else (e.g. “Records office, cabinet 3”) is kept as text.
original-share-help = (if the browser will not open it, paste the path into File Explorer)
original-sha256 = SHA-256 of the scanned file
original-no-hash = Not computed
original-pick = Choose the scanned file to compute it
original-pick-help = The file is only read on this computer to compute the code; it is neither kept nor sent. Another office holding a copy computes the code again to know whether it is this very file.
original-hashing = Computing… { $percent }%
original-read-failed = The file could not be read: { $reason }
original-saved = Original saved.
original-check-label = Check a copy: choose its file
original-check-same = “{ $file }” matches the recorded original.
original-check-different = “{ $file }” does NOT match the recorded original: it is another file (or was changed).
