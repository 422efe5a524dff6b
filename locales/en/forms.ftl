# The forms' shared parts: the picker of organisations and people and its "add new" dialog; drafts.
picker-type-organisation = Type to find an organisation (accents optional)…
picker-type-person = Type to find a person (accents optional)…
picker-add-organisation = Add “{ $name }”
picker-add-person = Add “{ $name }”
picker-more = { $count ->
    [one] One more match — type more to narrow it down
   *[other] { $count } more matches — type more to narrow them down
}
picker-none = No match. Type a name to add it.
picker-not-chosen = Not chosen yet: pick one from the list or add it.
picker-remove = Remove { $name }
picker-new-organisation = New organisation
picker-new-person = New person
picker-dialog-help = Saved to the directory and chosen in the form at once; what you typed in the form stays as it is.
picker-create = Add and choose
picker-added = “{ $name }” added to the directory
draft-restored = Unsaved draft restored (kept at { $time }).
draft-discard = Discard draft
form-length = { $count }/{ $max } characters
