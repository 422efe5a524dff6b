# The directory: organisations and people (lists, pages, forms).

## Shared by both
directory-breadcrumb-label = You are here
directory-deleted = { $label } (deleted)
directory-not-in-data = { $label } (not in this data)
directory-clear-search = Clear search
directory-save = Save
directory-cancel = Cancel
directory-delete = Delete
directory-saved = Saved
directory-notes-label = Notes
directory-none-recorded = — Not recorded —
directory-record-meta = Created { $created } · Last edited { $updated } · { $edits ->
        [one] 1 edit
       *[other] { $edits } edits
    }
directory-col-agreement = Agreement
directory-col-period = Period

## Organisations
directory-organisations-title = Organisations
directory-organisation-add = + Add organisation
directory-organisation-search-label = Search organisations
directory-organisation-search-placeholder = Search by name or abbreviation… (diacritics optional)
directory-organisations-matching = { $shown } of { $total ->
        [one] 1 organisation
       *[other] { $total } organisations
    } { $shown ->
        [one] matches
       *[other] match
    }
directory-organisations-count = { $shown ->
        [one] 1 organisation
       *[other] { $shown } organisations
    }
directory-organisations-empty-title = No organisations yet
directory-organisations-empty-text = Add the organisations that sign agreements: an agreement picks its parties from this directory.
directory-organisations-no-match-title = No organisation matches
directory-organisations-no-match-text = Try another or a shorter word. Search ignores diacritics and capitals.
directory-organisation-col-name = Name
directory-organisation-col-short-name = Abbreviation
directory-organisation-col-kind = Kind
directory-organisation-col-parent = Part of
directory-organisation-col-agreements = Agreements
directory-organisation-new-title = Add an organisation
directory-organisation-details = Organisation details
directory-organisation-new-details = New organisation
directory-organisation-name-label = Full name
directory-organisation-name-placeholder = For example: Sở Giáo dục và Đào tạo tỉnh Trà Vinh
directory-organisation-short-name-label = Abbreviation
directory-organisation-short-name-placeholder = For example: Sở GD&ĐT
directory-organisation-short-name-help = Used in narrow lists; leave empty to use the full name.
directory-organisation-locality-label = Province or city
directory-organisation-locality-placeholder = For example: Trà Vinh
directory-organisation-locality-help = Tells apart bodies of the same name in different provinces, such as “Sở Y tế”. It is shown after the name everywhere, unless the name already contains it.
directory-organisation-col-locality = Province
directory-organisation-kind-label = Kind
directory-organisation-parent-label = Part of
directory-organisation-no-parent = — Not part of another organisation —
directory-organisation-delete-title = Delete organisation
directory-organisation-delete-help = An organisation can be deleted only when no agreement uses it any more. A delete can be undone.
directory-organisation-delete-refused = still use this organisation (as a party, signing on its behalf, or responsible for an area of coordination). Remove the organisation from the agreements below, or delete those agreements, then try again:
directory-organisation-agreements-title = Agreements it is party to ({ $count })
directory-organisation-agreements-none = This organisation is not a party to any agreement yet.
directory-organisation-col-role = Role
directory-organisation-col-status = Status
directory-organisation-lead = Lead
directory-organisation-children-title = Sub-organisations ({ $count })
directory-organisation-children-none = No organisation is recorded as part of this one.

## People
directory-people-title = People
directory-person-add = + Add person
directory-person-search-label = Search people
directory-person-search-placeholder = Search by name or position… (diacritics optional)
directory-people-matching = { $shown } of { $total ->
        [one] 1 person
       *[other] { $total } people
    } { $shown ->
        [one] matches
       *[other] match
    }
directory-people-count = { $shown ->
        [one] 1 person
       *[other] { $shown } people
    }
directory-people-empty-title = Nobody in the directory yet
directory-people-empty-text = Add the people who sign coordination agreements, with the positions they have held over time.
directory-people-no-match-title = Nobody matches
directory-people-no-match-text = Try another or a shorter word. Search looks at names and positions and ignores diacritics and capitals.
directory-person-col-name = Full name
directory-person-col-current = Current position
directory-person-col-signed = Agreements signed
directory-person-earlier = Formerly: { $titles }
directory-person-new-title = Add a person
directory-person-details = Personal details
directory-person-new-details = New person
directory-person-name-label = Full name
directory-person-name-placeholder = For example: Nguyễn Văn A
directory-person-positions-legend = Positions held
directory-person-positions-help = Agreements record the position held on the day of signing, so give the dates of each position. Type dates as dd/mm/yyyy, mm/yyyy or just the year; leave empty if unknown or still held.
directory-person-positions-none = No position recorded yet.
directory-person-position-add = + Add position
directory-person-delete-title = Delete this person
directory-person-delete-help = A person can be deleted only when they are no longer a signatory of any agreement. A delete can be undone.
directory-person-delete-refused = still record this person as a signatory. Remove the signatory from the agreements below, or delete those agreements, then try again:
directory-position-legend = Position { $number }
directory-position-title-label = Position
directory-position-title-placeholder = For example: Phó Chủ tịch UBND tỉnh
directory-position-organisation-label = Organisation
directory-position-from-label = From
directory-position-to-label = To
directory-position-remove-label = Remove this position (position { $number })
directory-position-remove = Remove this position
directory-person-signed-title = Agreements signed ({ $count })
directory-person-signed-none = This person has not signed any agreement in the data.
directory-person-col-position-at-signing = Position when signing
directory-person-col-signed-for = Signed for
directory-person-col-signed-on = Date signed
