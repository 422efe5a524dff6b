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
