//! This office's imports, and their undoing, for the change log (`views::audit::imports`).
//! An undone import puts each record back exactly as it was, its history included (another
//! office must not see the undo as an edit), so the records keep no trace of it: the trace is
//! here, in one key of this browser, the newest [`KEPT`] imports. Not records: snapshots,
//! exports and sync leave it alone; a key that cannot be read counts as no import noted.

use crate::records::sorting;
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use super::keys::IMPORT_LOG_KEY;
use super::{KeyValueStore, Session};
use crate::records::meta::OfficeId;
use crate::views::audit::AuditFilter;

/// How many imports are kept noted (the oldest go first).
pub const KEPT: usize = 100;

/// One import done here.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ImportNote {
    /// When it was applied (the undo names its import by it: `UndoImport::imported_at`).
    pub at: DateTime<Utc>,
    /// The person's name as Settings held it; empty when none was given.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub by: String,
    /// The office whose file it was, and its name in the file.
    pub from: OfficeId,
    pub from_name: String,
    /// Records it wrote.
    pub written: usize,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub undone: Option<UndoNote>,
}

/// The undo of an import.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct UndoNote {
    pub at: DateTime<Utc>,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub by: String,
    /// Records put back as they were, and records the import had added, removed.
    pub reverted: usize,
    pub removed: usize,
}

pub fn read(raw: &str) -> Vec<ImportNote> {
    serde_json::from_str(raw).unwrap_or_default()
}

/// Notes an import just applied.
pub fn note_import(store: &mut impl KeyValueStore, session: &mut Session, note: ImportNote) {
    change(store, session, |log| log.push(note));
}

/// Notes the undo of the import applied at `imported_at` (nothing when it is no longer noted).
pub fn note_undo(
    store: &mut impl KeyValueStore,
    session: &mut Session,
    imported_at: DateTime<Utc>,
    undo: UndoNote,
) {
    change(store, session, |log| {
        if let Some(note) = log.iter_mut().rev().find(|n| n.at == imported_at) {
            note.undone = Some(undo);
        }
    });
}

/// Changes the log as stored now (another tab may have noted one meanwhile) and writes it. A
/// refused write loses only the note; the import or undo itself is done.
fn change(
    store: &mut impl KeyValueStore,
    session: &mut Session,
    edit: impl FnOnce(&mut Vec<ImportNote>),
) {
    if session.read_only.is_some() {
        return;
    }
    let mut log = match store.get(IMPORT_LOG_KEY) {
        Ok(Some(raw)) => read(&raw),
        _ => session.import_log.clone(),
    };
    edit(&mut log);
    let surplus = log.len().saturating_sub(KEPT);
    log.drain(..surplus);
    let text = serde_json::to_string(&log).expect("notes serialise");
    if store.set(IMPORT_LOG_KEY, &text).is_ok() {
        session.note_written(IMPORT_LOG_KEY, &text);
    }
    session.import_log = log;
}

/// An import done here, or its undo, as the audit lists it (`storage::import_log`): the records
/// of an undone import went back exactly as they were, so this is the only trace of it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ImportAct<'a> {
    Applied(&'a ImportNote),
    Undone(&'a ImportNote, &'a UndoNote),
}

impl ImportAct<'_> {
    pub fn at(&self) -> DateTime<Utc> {
        match self {
            ImportAct::Applied(note) => note.at,
            ImportAct::Undone(_, undo) => undo.at,
        }
    }

    pub fn by(&self) -> &str {
        match self {
            ImportAct::Applied(note) => &note.by,
            ImportAct::Undone(_, undo) => &undo.by,
        }
    }
}

/// The imports and undos `filter` takes, newest first: done `here`, so an office filter takes
/// them for this office and for the office whose file it was; a collection filter takes none
/// (an import is of records of every kind).
pub fn imports<'a>(
    log: &'a [ImportNote],
    here: Option<OfficeId>,
    filter: &AuditFilter,
) -> Vec<ImportAct<'a>> {
    if filter.collection.is_some() {
        return Vec::new();
    }
    let mut out: Vec<ImportAct> = log
        .iter()
        .filter(|note| {
            filter
                .office
                .is_none_or(|office| Some(office) == here || office == note.from)
        })
        .flat_map(|note| {
            let undone = note
                .undone
                .as_ref()
                .map(|undo| ImportAct::Undone(note, undo));
            std::iter::once(ImportAct::Applied(note)).chain(undone)
        })
        .filter(|act| {
            filter.takes_day(act.at())
                && filter
                    .person
                    .as_deref()
                    .is_none_or(|person| act.by() == person)
        })
        .collect();
    sorting::sort_by_key(&mut out, |act| std::cmp::Reverse(act.at()));
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::storage::{load, MemoryStore};
    use uuid::Uuid;

    fn at(n: i64) -> DateTime<Utc> {
        DateTime::from_timestamp(1_700_000_000 + n, 0).unwrap()
    }

    fn note(n: i64) -> ImportNote {
        ImportNote {
            at: at(n),
            by: "Trần Văn Nam".into(),
            from: Uuid::from_u128(2),
            from_name: "Tỉnh Đoàn Trà Vinh".into(),
            written: 3,
            undone: None,
        }
    }

    #[test]
    fn an_import_and_its_undo_are_noted_and_read_back_at_load() {
        let mut store = MemoryStore::default();
        let mut session = Session::default();
        note_import(&mut store, &mut session, note(1));
        note_import(&mut store, &mut session, note(2));
        let undo = UndoNote {
            at: at(10),
            by: "Lê Thị Hoa".into(),
            reverted: 2,
            removed: 1,
        };
        note_undo(&mut store, &mut session, at(1), undo.clone());
        assert_eq!(session.import_log[0].undone, Some(undo));
        assert_eq!(session.import_log[1].undone, None);
        let loaded = load(&store).unwrap();
        assert!(loaded.problems.is_empty(), "{:?}", loaded.problems);
        assert_eq!(loaded.session.import_log, session.import_log);
    }

    #[test]
    fn the_log_keeps_the_newest_and_what_another_tab_noted() {
        let mut store = MemoryStore::default();
        let (mut tab_a, mut tab_b) = (Session::default(), Session::default());
        for n in 0..KEPT as i64 {
            note_import(&mut store, &mut tab_a, note(n));
        }
        note_import(&mut store, &mut tab_b, note(1000));
        assert_eq!(tab_b.import_log.len(), KEPT);
        assert_eq!(tab_b.import_log[0].at, at(1), "the oldest went");
        assert_eq!(tab_b.import_log.last().unwrap().at, at(1000));
    }

    #[test]
    fn imports_and_their_undo_are_listed_by_day_person_and_office_but_not_by_collection() {
        let day = 86_400;
        let at = |secs: i64| DateTime::from_timestamp(secs, 0).unwrap();
        let (here, tinh_doan, so_y_te) =
            (Uuid::from_u128(1), Uuid::from_u128(2), Uuid::from_u128(3));
        let log = vec![
            ImportNote {
                at: at(day),
                by: "Nam".into(),
                from: tinh_doan,
                from_name: "Tỉnh Đoàn".into(),
                written: 4,
                undone: Some(UndoNote {
                    at: at(3 * day),
                    by: "Hoa".into(),
                    reverted: 3,
                    removed: 1,
                }),
            },
            ImportNote {
                at: at(2 * day),
                by: "Nam".into(),
                from: so_y_te,
                from_name: "Sở Y tế".into(),
                written: 2,
                undone: None,
            },
        ];
        let all = imports(&log, Some(here), &AuditFilter::default());
        let times: Vec<i64> = all.iter().map(|a| a.at().timestamp()).collect();
        assert_eq!(
            times,
            [3 * day, 2 * day, day],
            "newest first, the undo its own line"
        );
        assert!(matches!(all[0], ImportAct::Undone(note, _) if note.from == tinh_doan));
        let by_hoa = AuditFilter {
            person: Some("Hoa".into()),
            ..AuditFilter::default()
        };
        assert_eq!(imports(&log, Some(here), &by_hoa).len(), 1);
        let of_so_y_te = AuditFilter {
            office: Some(so_y_te),
            ..AuditFilter::default()
        };
        assert_eq!(imports(&log, Some(here), &of_so_y_te).len(), 1);
        let of_here = AuditFilter {
            office: Some(here),
            ..AuditFilter::default()
        };
        assert_eq!(imports(&log, Some(here), &of_here).len(), 3);
        let day_3 = chrono::NaiveDate::from_ymd_opt(1970, 1, 4).unwrap();
        let from_day_3 = AuditFilter {
            from: Some(day_3),
            ..AuditFilter::default()
        };
        assert_eq!(imports(&log, Some(here), &from_day_3).len(), 1);
        let people = AuditFilter {
            collection: Some(crate::records::record::Collection::People),
            ..AuditFilter::default()
        };
        assert!(imports(&log, Some(here), &people).is_empty());
    }
}
