# Live sync through a CouchDB server (src/ui/sync_view.rs, the sync conflicts in src/ui/widgets.rs).

## Settings → Sync
sync-title = Sync
sync-lead = Where the province runs a sync server (CouchDB), offices sharing one database see each other's changes as soon as they are online. Exporting and importing files work as before.
sync-server = Server address
sync-server-help = For example: https://phoihop.travinh.gov.vn/couch (from the province's IT officer).
sync-database = Database
sync-user = User name
sync-password = Password
sync-password-help = The password is used only to log in and is never stored in the browser. When the login expires, type it again.
sync-test = Test the connection
sync-enable = Turn sync on
sync-login-again = Log in again and sync
sync-disable = Turn sync off
sync-testing = Testing the connection…
sync-enabled = Sync is on.
sync-disabled = Sync is off. The data here stays as it is; turning it on again sends what was changed meanwhile.
sync-password-missing = Type the password.
sync-server-missing = Type the server's address.
sync-server-invalid = The server's address must start with https:// (or http://), for example https://phoihop.travinh.gov.vn/couch.
sync-database-missing = Type the database's name.
sync-database-invalid = A database name starts with a lower-case letter and holds only lower-case letters without accents, digits and _ $ ( ) + - /.
sync-user-missing = Type the user name.

## The connection test's answers
sync-verdict-connected = Connected: logged in, the database is ready (server version { $version }).
sync-verdict-public = Connected, but anyone who can reach the server can read this database without logging in (server version { $version }). Ask the IT officer to give the database members.
sync-verdict-unreachable = The server cannot be reached ({ $why }). Check the address and the network.
sync-verdict-not-couch = This address answers, but it is not a CouchDB sync server. Check the address.
sync-verdict-wrong-login = Wrong user name or password.
sync-verdict-no-database = The server has no database “{ $database }”.
sync-verdict-not-allowed = The user “{ $user }” may not use the database “{ $database }”.
sync-verdict-unexpected = The server gave an unexpected answer (status { $status }, at step { $step }).

## Why the sync stopped or failed
sync-problem-unreachable = the server cannot be reached ({ $why }); trying again shortly
sync-problem-login = the login has expired: log in again in Settings
sync-problem-not-allowed = this user may not use the database
sync-problem-no-database = the server has no such database
sync-problem-not-couch = this address is not a CouchDB sync server
sync-problem-refused = the server refused { $count ->
    [one] one change
   *[other] { $count } changes
} ({ $reason }); they are kept here
sync-problem-unexpected = the server gave an unexpected answer (status { $status }, during { $during }); trying again shortly

## The header's status
sync-status-title = Sync status (opens the sync settings)
sync-status-connecting = Connecting…
sync-status-syncing = Syncing…
sync-status-synced = Synced at { $time }
sync-status-offline = Offline
sync-status-failed = Sync error: { $why }
sync-status-off = Sync is off
sync-status-waiting = { $count ->
    [one] one change waiting to be sent
   *[other] { $count } changes waiting to be sent
}
sync-status-conflicts = { $count ->
    [one] one conflict
   *[other] { $count } conflicts
}

## Conflicts between offices
sync-conflict-title = The same record was just edited here and in another office at once.
sync-conflict-text = Each office keeps its own version until someone chooses. Pick the value to keep for each field, then press “Save choices”, or keep one version whole; the choice reaches every office.
sync-conflict-here = This office's version
sync-conflict-server = The other office's version
sync-conflict-keep-here = Keep this office's version
sync-conflict-keep-server = Keep the other office's version
