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
first-run-load-sample-text = The coordination regulations between the Trà Vinh provincial People's Committee and the provincial Youth Union, 2013 – 2017 and 2018 – 2022, with 20 plans with departments (illustrative).
first-run-keep-data = Continue with the existing data
first-run-start-empty = Start empty
first-run-start-empty-text = Enter your own office's agreements, organisations and signatories.
first-run-change-name = ← Change the office name
first-run-sample-loaded = Trà Vinh sample data 2013 – 2022 loaded.
first-run-not-saved = Could not save: { $why }

## Settings
settings-title = Settings
settings-office = Office using this app
settings-office-name = Name of the office or unit
settings-office-name-required = The office name cannot be empty.
settings-office-name-saved = Office name saved.
settings-install-id = Installation id:
settings-install-id-help = It tells your office's changes apart when data is merged with other offices.
