//! Other offices' names (`records::known_offices`), in one key: learned when a file is imported,
//! read at load and from other tabs' writes. Not records: snapshots and undo leave them alone (a
//! name learned is never wrong to keep), and a key that cannot be read counts as none known.

use chrono::{DateTime, Utc};

use super::keys::KNOWN_OFFICES_KEY;
use super::{KeyValueStore, Session};
use crate::records::known_offices::KnownOffices;
use crate::records::meta::OfficeId;
use crate::records::workspace::OfficeProfile;

pub fn read(raw: &str) -> KnownOffices {
    serde_json::from_str(raw).unwrap_or_default()
}

/// Learns what a file from `from` (exported at `exported_at`, knowing `known_there`) teaches, on
/// top of what is stored now (another tab may have learned meanwhile), and writes it when
/// anything is new. A refused write loses only names (shown as ids meanwhile).
pub fn learn_from_file(
    store: &mut impl KeyValueStore,
    session: &mut Session,
    here: OfficeId,
    from: &OfficeProfile,
    exported_at: DateTime<Utc>,
    known_there: &KnownOffices,
) {
    if session.read_only.is_some() {
        return;
    }
    let mut known = match store.get(KNOWN_OFFICES_KEY) {
        Ok(Some(raw)) => read(&raw),
        _ => session.known_offices.clone(),
    };
    known.learn_all(&session.known_offices);
    if known.learn_from_file(here, from, exported_at, known_there) || known != session.known_offices
    {
        let text = serde_json::to_string(&known).expect("names serialise");
        if store.set(KNOWN_OFFICES_KEY, &text).is_ok() {
            session.note_written(KNOWN_OFFICES_KEY, &text);
        }
    }
    session.known_offices = known;
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::storage::{load, MemoryStore};
    use uuid::Uuid;

    #[test]
    fn names_learned_from_a_file_are_stored_and_read_back_at_load() {
        let mut store = MemoryStore::default();
        let mut session = Session::default();
        let here = Uuid::from_u128(1);
        let from = OfficeProfile {
            id: Uuid::from_u128(2),
            name: "Tỉnh Đoàn Trà Vinh".into(),
        };
        let at = "2026-03-01T00:00:00Z".parse().unwrap();
        let mut there = KnownOffices::default();
        there.learn(Uuid::from_u128(3), "Sở Giáo dục và Đào tạo", at);
        learn_from_file(&mut store, &mut session, here, &from, at, &there);
        assert_eq!(session.known_offices.len(), 2);
        let loaded = load(&store).unwrap();
        assert!(loaded.problems.is_empty(), "{:?}", loaded.problems);
        assert_eq!(loaded.session.known_offices, session.known_offices);
        assert_eq!(
            loaded.session.known_offices.name(&from.id),
            Some("Tỉnh Đoàn Trà Vinh")
        );
    }

    #[test]
    fn what_another_tab_learned_meanwhile_is_kept() {
        let mut store = MemoryStore::default();
        let at = "2026-03-01T00:00:00Z".parse().unwrap();
        let here = Uuid::from_u128(1);
        let office = |n: u128, name: &str| OfficeProfile {
            id: Uuid::from_u128(n),
            name: name.into(),
        };
        let (mut tab_a, mut tab_b) = (Session::default(), Session::default());
        let none = KnownOffices::default();
        learn_from_file(&mut store, &mut tab_a, here, &office(2, "A"), at, &none);
        learn_from_file(&mut store, &mut tab_b, here, &office(3, "B"), at, &none);
        assert_eq!(tab_b.known_offices.len(), 2);
        assert_eq!(
            read(&store.get(KNOWN_OFFICES_KEY).unwrap().unwrap()).len(),
            2
        );
    }
}
