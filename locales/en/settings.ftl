# First run (src/ui/first_run.rs) and the settings page (src/ui/settings.rs).

## First run
first-run-welcome = Welcome to Phối hợp
first-run-lead = A register of coordination agreements between agencies: documents, parties, signatories, coordination areas and implementation plans. The data stays in this browser and works without a network.
first-run-office-name = Name of your office or unit
first-run-office-name-placeholder = For example: Văn phòng UBND tỉnh Trà Vinh
first-run-office-name-help = This name goes with the files you export, so other offices know where they come from. You can change it later in Settings.
first-run-name-required = Enter the name of your office or unit.
first-run-continue = Continue
first-run-hello = Hello,
first-run-how-to-start = How would you like to start?
first-run-existing-data = This browser already holds Phối hợp data; it is kept as it is.
first-run-load-sample = Load the sample data
first-run-load-sample-text = The coordination regulations between the Trà Vinh provincial People's Committee and the provincial Youth Union, 2013 – 2017 and 2018 – 2022, with 20 plans with departments (illustrative), and an illustrative current period placed around today. Remove it at any time in Settings.
first-run-keep-data = Continue with the existing data
first-run-start-empty = Start empty
first-run-start-empty-text = Enter your own office's agreements, organisations and signatories.
first-run-change-name = ← Change the office name
first-run-sample-loaded = Sample data loaded: Trà Vinh 2013 – 2022 and an illustrative current period.
first-run-not-saved = Could not save: { $why }

## Settings
settings-title = Settings
settings-office = Office using this app
settings-office-name = Name of the office or unit
settings-office-name-required = The office name cannot be empty.
settings-office-name-saved = Office name saved.
settings-install-id = Installation id:
settings-install-id-help = It tells your office's changes apart when data is merged with other offices.

## An unreadable office key (first_run.rs OfficeRecovery)
office-damaged-title = The office details could not be read
office-damaged-lead = The item holding your office's name and installation id in this browser is damaged. Agreements, events and all other data are intact; the damaged item's original text is in Settings → Data that could not be read.
office-damaged-from-raw = Phối hợp read your office's installation id back from the damaged item's original text: { $id }. Confirm the office name; changes from now on carry this id, as before.
office-damaged-from-snapshot = Phối hợp found your office's installation id in the backup of { $time }: { $id }. Confirm the office name; changes from now on carry this id, as before.
office-damaged-from-records = The installation id { $id } created { $count ->
    [one] { $count } record
   *[other] { $count } records
} here that no other office edited; the latest is “{ $label }”, at { $time }. If that is your office's work, keep this id. If it is data imported from another office, take a new id: keeping another office's id by mistake would mix up the changes of the two.
office-damaged-not-found = Your office's former installation id could not be recovered with certainty (the data here comes from several offices). The office will use a new id: the data and file exchange stay correct; other offices will only see changes from now on under the new id.
office-damaged-keep = Keep this id and continue
office-damaged-new = Use a new id and continue
office-damaged-not-ours = Not my office: use a new id
office-mended-kept = The office details are saved again, with the former installation id ({ $id }).
office-mended-new = The office details are saved again, with a new installation id ({ $id }).

## Settings → sample data; start again
sample-title = Sample data
sample-present = { $count ->
    [one] One sample record you have not changed is here.
   *[other] { $count } sample records you have not changed are here.
}
sample-edited-kept = { $count ->
    [one] One sample record you edited counts as your own and is always kept.
   *[other] { $count } sample records you edited count as your own and are always kept.
}
sample-remove-explain = “Remove sample data” removes every sample record you have not changed, in one step you can undo. Sample records you edited count as your own and are kept, and so are sample records your own data still uses (an organisation that is a party to an agreement you entered, for instance). What you entered yourself is not touched.
sample-remove = Remove sample data
sample-removed = { $count ->
    [one] One sample record removed
   *[other] { $count } sample records removed
}{ $kept ->
    [0] .
    [one] ; one sample record you edited or still use is kept.
   *[other] ; { $kept } sample records you edited or still use are kept.
}
sample-gone = The sample data has been removed ({ $count } records). You can bring it back to look at it again.
sample-bring-back = Bring the sample data back
sample-back = { $count ->
    [one] One sample record brought back.
   *[other] { $count } sample records brought back.
}
sample-none = There is no sample data in this browser.
start-again-title = Start again
start-again-explain = Deletes all of Phối hợp's data in this browser (agreements, directory, events, recommendations, backups, drafts) and starts as on the first day. Other offices are not affected.
start-again = Start again…
start-again-question = Delete all the data in this browser?
start-again-export-first = This cannot be undone. Export a file of all the data first; it can be imported again at any time.
start-again-export = Export all data
start-again-exported = File exported.
start-again-no-copy = I do not need a copy
start-again-other-tabs = Close any other tabs with Phối hợp open before deleting.
start-again-confirm = Delete everything and start again
sample-note = This page includes the sample data (Trà Vinh, and an illustrative current period).
sample-note-where = Remove the sample data in Settings
