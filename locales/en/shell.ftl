# The app shell: navigation, header, language switch.
app-name = Phối hợp
nav-label = Main navigation
nav-dashboard = Overview
nav-agreements = Agreements
nav-events = Events
nav-recommendations = Recommendations
nav-organisations = Organisations
nav-people = People
nav-sharing = Exchange data
nav-settings = Settings
office-in-use = Office using this app
language-switch-to = Tiếng Việt
language-switch-title = Chuyển sang tiếng Việt
skip-to-content = Skip to main content
