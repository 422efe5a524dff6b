# Storage: Settings' storage sections (src/ui/storage_settings.rs), the storage layer's notices
# (src/ui/state/storage.rs), unreadable data and snapshots (src/ui/text.rs).

## Usage
storage-usage-title = Browser storage
storage-usage-meter = Storage used
storage-usage-share = Phối hợp is using { NUMBER($percent, maximumFractionDigits: 1) }% of the room the browser gives it (backups alone: { NUMBER($backups, maximumFractionDigits: 1) }%). Safari gives only about half as much room as Chrome, Edge and Firefox.
storage-usage-warning = More than { $percent }% of the storage is used. Export all data to a file; when room runs out, Phối hợp gives up the backups first, never the data itself.

## Durability
storage-durability-title = How safe the data is
storage-persisted-yes = The browser agreed to persistent storage: the data is not cleared on its own when the computer runs short of space.
storage-persisted-no = The browser has not agreed to persistent storage: when the computer runs short of space, the browser may clear this page's data. Export to a file often.
storage-persisted-unknown = The browser does not say whether storage is persistent. Export to a file often.
storage-unexported-since = There are changes not exported to a file since { $time }.
storage-all-exported = Every change has been exported (last export: { $time }).
storage-nothing-to-export = No changes to export yet.
storage-only-copy = Until you export to a file, the browser storage holds the only copy of the data.
storage-exported = Created { $name }.
storage-export-failed = Could not create the file: { $why }
storage-no-office = The office has no name yet.

## Backups
storage-backups-title = Backups in the browser
storage-backups-help = Phối hợp keeps the first backup of each day (the last 3 days) and one just before every file import, within a quarter of the storage. When room runs short, backups go first. Backups stay in the same browser: they do not replace exporting to a file.
storage-backup-refused = The latest backup could not be made:
storage-no-backups = No backups yet.
storage-col-time = Taken
storage-col-kind = Kind
storage-col-size = Size
storage-col-actions = Actions
storage-backup-size = { NUMBER($percent, maximumFractionDigits: 1) }% of the storage
storage-restore-ellipsis = Restore…
storage-restore = Restore
storage-backup-deleted = Backup deleted.
storage-restore-confirm-label = Confirm the restore
storage-restore-confirm = Bring all data back to how it was at this backup? Changes made since are overwritten by a new edit (the current data is backed up first, so this can be undone).
storage-restored = { $count ->
    [one] Restored: { $count } record changed.
   *[other] Restored: { $count } records changed.
}
storage-restore-failed = Could not restore: { $why }
storage-given-up-title = Backups given up
storage-given-up-for-data = The “{ $kind }” backup of { $taken } was given up at { $at } so that changes could be saved when the browser storage was full.
storage-given-up-for-snapshot = The “{ $kind }” backup of { $taken } was given up at { $at } to make room for a newer backup (backups use at most a quarter of the storage).
snapshot-kind-daily = Daily
snapshot-kind-before-import = Before a file import
snapshot-kind-before-restore = Before a restore
snapshot-refused-too-big = The backup needs about { NUMBER($needed, maximumFractionDigits: 1) }% of the browser's storage, but only { NUMBER($room, maximumFractionDigits: 1) }% is left of the part kept for backups (the rest is kept for the data itself). Export the data to a file to back it up.

## Unreadable data
storage-unreadable-title = Data that could not be read
storage-all-readable = All saved data can be read.
storage-unreadable-text = The items below are kept as they are in the browser, never overwritten; everything else works as usual. Save their original text to a file to send to support.
storage-save-raw = Save the original text to a file
storage-raw-text = Original text
load-problem-invalid-json = Damaged data (not valid JSON, line { $line }, column { $column }).
load-problem-schema-mismatch = The data does not have the expected structure: { $message }.
load-problem-id-mismatch = The record id inside differs from its storage key.
load-problem-unknown-key = A storage key this version does not know.
load-problem-undecodable = Compressed data is damaged and cannot be unpacked ({ $message }).
load-problem-newer-layout = The data was saved by a newer version (storage layout { $found }). The page is read-only and writes nothing, to avoid damaging it.
load-problem-damaged-layout = The storage layout marker is damaged: it holds “{ $found }”, which no version of Phối hợp writes. This is damaged data, not data from a newer version. The page is read-only and writes nothing, to avoid further damage.

## Notices of the storage layer
storage-migration-unfinished = Not all data has moved to the new compact storage yet: { $why } The data can still be read; Phối hợp will try again next time.
storage-snapshots-dropped = { $count ->
    [one] The browser storage is nearly full: { $count } old backup was given up so the changes could be saved. Export the data to a file.
   *[other] The browser storage is nearly full: { $count } old backups were given up so the changes could be saved. Export the data to a file.
}
storage-conflict-resolved = Conflict settled: the chosen version is saved.
storage-saved-with-conflict = A conflict needs your decision: another tab changed this record at the same time. Changes that do not overlap are saved; choose the value to keep for the fields that still differ, in the box at the top of the page.
nothing-changed = Nothing changed: the record is as it was saved, nothing was written.
storage-not-saved-read-only = Not saved: the page is read-only (the reason is at the top of the page). The change is only in this page; export everything to a file to keep it.
storage-restored-without-snapshot = Restored, but no backup of the data before the restore could be kept: { $why }

## Exports and what storage could not read (src/ui/state/export.rs)
export-unreadable-carried = { $count ->
    [one] { $count } stored item could not be read: the file carries its raw text so the data can be rescued, but importing the file will not bring it back.
   *[other] { $count } stored items could not be read: the file carries their raw text so the data can be rescued, but importing the file will not bring them back.
} See Settings → Data that could not be read.
export-unreadable-left-out = { $count ->
    [one] { $count } stored item could not be read, so the file may lack records held in it.
   *[other] { $count } stored items could not be read, so the file may lack records held in them.
} See Settings → Data that could not be read.
export-too-large-to-import = This file is over the { $limit } MB that Phối hợp takes when importing: export one agreement at a time instead.
