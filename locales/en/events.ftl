# Events: the timeline, one event's page, its form; the choices both events and
# recommendations use.

## Shared
events-breadcrumb-label = You are here
events-title = Events
events-deleted = { $label } (deleted)
events-agreement-not-in-data = (agreement not in the data)
events-event-not-in-data = (event not in the data)
events-agreement-not-here = (agreement not in this data yet)
events-kind = Kind
events-when = Date and time
events-place = Place
events-attendees = Attendees
events-chairs = Chaired by
events-no-chairs = No chair recorded.
events-agreements = Related agreements
events-guests = Guests
events-agenda = Agenda
events-reports = Reports heard
events-conclusions = Conclusions
events-minutes = Minutes

## The timeline
events-add = + Record an event
events-filter-label = Filter events
events-filter-agreement = Agreement
events-filter-organisation = Organisation
events-filter-year = Year
events-filter-all = All
events-filter-any-year = Any year
events-matching = { $shown } of { $total ->
        [one] 1 event
       *[other] { $total } events
    } { $shown ->
        [one] matches
       *[other] match
    }
events-count = { $shown ->
        [one] 1 event
       *[other] { $shown } events
    }
events-clear-filters = Clear filters
events-empty-title = No events yet
events-empty-text = Record the signing conferences, the regular working sessions, the mid-term and final reviews and the dialogues with young people: these events show how each agreement is carried out.
events-no-match-title = No event matches
events-no-match-text = Try removing some filters.
events-year-heading = { $year }
events-month-heading = { $month ->
        [1] January
        [2] February
        [3] March
        [4] April
        [5] May
        [6] June
        [7] July
        [8] August
        [9] September
        [10] October
        [11] November
       *[12] December
    } { $year }
events-col-event = Event

## One event
events-person-not-in-directory = (person not in the directory)
events-co-chair-badge = co-chair
events-edit = Edit
events-delete = Delete
events-delete-refused = record that they were raised at this event. Remove the event from the recommendations below (or delete them), then try again:
events-general = General information
events-not-recorded = Not recorded
events-no-agreements = The event is not linked to any agreement.
events-status-help = An agreement signed at the event that has no signing date takes the event's date as its signing date; an agreement whose period is reviewed and closed at the event becomes “Reviewed and closed” from the event's date. A status set by hand is kept.
events-recommendations-title = Recommendations raised at the event
events-raise-recommendation = + Recommendation raised at this event
events-no-recommendations = No recommendation recorded at this event yet.
events-record-meta = Created { $created } · Last edited { $updated } · { $edits ->
        [one] 1 edit
       *[other] { $edits } edits
    }

## The form
events-saved-new = Event saved.
events-saved-changes = Changes to the event saved.
events-new-title = Record an event
events-edit-title = Edit event
events-form-event = Event
events-form-kind = Kind of event
events-attendees-placeholder = For example: 200
events-attendees-help = The number the report gives; for “over 200” type 200.
events-form-title = Event title
events-form-title-placeholder = For example: Chủ tịch UBND tỉnh làm việc với Ban Chấp hành Tỉnh đoàn năm 2023
events-form-date = Date
events-form-time = Start time
events-time-help = Vietnam time, as HH:mm; empty means 08:00.
events-place-placeholder = For example: Trung tâm Hội nghị tỉnh Trà Vinh
events-chairs-help = Choose people from the directory; the position is filled in with the one they held on the day of the event, and can be edited.
events-chair-label = Chair { $number }
events-chair-position = Position at the time
events-co-chair = Co-chair
events-chair-remove = Remove chair { $number }
events-chair-add = + Add a chair
events-links-help = The roles “signing of the agreement” and “review and close of the period” change the agreement's status; after saving, a message says how.
events-links-none = No agreement linked yet.
events-link-label = Agreement { $number }
events-choose-agreement = — Choose an agreement —
events-link-role = What the event did
events-link-remove = Remove agreement { $number }
events-link-add = + Link an agreement
events-content-legend = Attendance and content
events-guests-field = Guests (one person or group per line)
events-save = Save
events-cancel = Cancel
