use super::*;
use crate::records::meta::Meta;
use crate::records::model::{Organisation, OrganisationKind};
use crate::records::workspace::OfficeProfile;
use crate::sample_data::support::stamp;
use crate::storage::{load, save_office, save_records, MemoryStore, Session};
use uuid::Uuid;

const OURS: u128 = 0xA;
const THEIRS: u128 = 0xB;

/// `count` organisations created (and only edited) by `office`, the last at `secs`.
fn made_by(data: &mut Dataset, office: u128, count: usize, secs: i64) -> Vec<RecordKey> {
    (0..count)
        .map(|i| {
            let id = Uuid::from_u128((office << 64) + i as u128 + secs as u128 * 1000);
            let at = stamp(office, 1_700_000_000 + secs - (count - 1 - i) as i64);
            let org = Organisation::new(
                Meta::new(id, at.now),
                &format!("Cơ quan {i}"),
                "",
                OrganisationKind::Other,
            );
            data.commit(org, at)
        })
        .collect()
}

/// A store of `data` whose office key is `raw`, loaded.
fn loaded_with_office_text(data: &Dataset, raw: &str) -> (MemoryStore, Loaded) {
    let mut store = MemoryStore::default();
    let mut session = Session::default();
    let office = OfficeProfile {
        id: Uuid::from_u128(OURS),
        name: "Văn phòng UBND tỉnh Trà Vinh".into(),
    };
    save_office(&mut store, &mut session, &office);
    let keys = crate::storage::all_keys(data);
    save_records(
        &mut store,
        data,
        &keys,
        &mut session,
        stamp(OURS, 1_700_000_000),
    );
    store.entries.insert(OFFICE_KEY.into(), raw.into());
    let loaded = load(&store).unwrap();
    (store, loaded)
}

fn recovered(
    data: &Dataset,
    raw: &str,
    leave_out: &BTreeSet<RecordKey>,
) -> Option<RecoveredOffice> {
    let (store, loaded) = loaded_with_office_text(data, raw);
    assert!(loaded.office.is_none());
    office_damage(&store, &loaded, leave_out)
        .expect("the key is damaged")
        .recovered
}

#[test]
fn a_readable_office_key_is_no_damage() {
    let mut data = Dataset::default();
    made_by(&mut data, OURS, 3, 100);
    let whole = format!(r#"{{"id":"{}","name":"Sở Nội vụ"}}"#, Uuid::from_u128(OURS));
    let (store, loaded) = loaded_with_office_text(&data, &whole);
    assert_eq!(office_damage(&store, &loaded, &BTreeSet::new()), None);
}

#[test]
fn the_id_is_read_back_from_the_damaged_key_itself_with_its_name_when_whole() {
    let mut data = Dataset::default();
    // Records mostly of another office: the key's own text wins all the same.
    made_by(&mut data, THEIRS, 20, 500);
    let id = Uuid::from_u128(0x1234_5678_9abc_4def_8123_4567_89ab_cdef);
    let cut = format!(r#"{{"id":"{id}","name":"Văn phòng UBND tỉ"#);
    assert_eq!(
        recovered(&data, &cut, &BTreeSet::new()),
        Some(RecoveredOffice {
            id,
            name: None,
            from: RecoveredFrom::RawText
        })
    );
    let name_whole = format!(r#"{{"id":"{id}","name":"Sở Nội vụ tỉnh Trà Vinh","x":"#);
    assert_eq!(
        recovered(&data, &name_whole, &BTreeSet::new())
            .unwrap()
            .name,
        Some("Sở Nội vụ tỉnh Trà Vinh".into())
    );
    // Upper case, and the id alone, still name it.
    let upper = id.to_string().to_uppercase();
    assert_eq!(recovered(&data, &upper, &BTreeSet::new()).unwrap().id, id);
}

#[test]
fn with_no_id_in_the_key_the_office_that_made_most_and_latest_of_the_records_is_taken() {
    let mut data = Dataset::default();
    made_by(&mut data, OURS, 12, 900);
    made_by(&mut data, THEIRS, 5, 400);
    // Records both offices edited say nothing of who is here.
    let shared = made_by(&mut data, THEIRS, 30, 300);
    for key in shared {
        let org = data.organisations.get(&key.id).unwrap().clone();
        data.commit(org, stamp(OURS, 1_700_000_950));
    }
    for raw in ["{\"id\":\"00000000-", "", "\u{0}\u{1}hỏng"] {
        let found = recovered(&data, raw, &BTreeSet::new()).expect("recovered from records");
        assert_eq!(found.id, Uuid::from_u128(OURS));
        assert_eq!(found.name, None);
        let RecoveredFrom::Records {
            records, latest_at, ..
        } = found.from
        else {
            panic!("from the records")
        };
        assert_eq!(records, 12);
        assert_eq!(latest_at, stamp(OURS, 1_700_000_900).now);
    }
}

#[test]
fn two_ids_in_the_key_are_not_guessed_between() {
    let mut data = Dataset::default();
    made_by(&mut data, OURS, 4, 900);
    let two = format!(
        r#"{{"id":"{}","name":"x","parent":"{}","#,
        Uuid::from_u128(THEIRS),
        Uuid::from_u128(0xC)
    );
    // Neither of the key's two: the records' office.
    assert_eq!(
        recovered(&data, &two, &BTreeSet::new()).unwrap().id,
        Uuid::from_u128(OURS)
    );
}

#[test]
fn records_imported_from_another_office_that_outnumber_ours_or_are_newer_leave_the_id_unknown() {
    // More of theirs (an import of their whole register), ours the latest: no clear answer.
    let mut data = Dataset::default();
    made_by(&mut data, OURS, 10, 900);
    made_by(&mut data, THEIRS, 40, 500);
    assert_eq!(recovered(&data, "hỏng", &BTreeSet::new()), None);

    // Fewer of theirs but newer (imported after our last edit): no clear answer either.
    let mut data = Dataset::default();
    made_by(&mut data, OURS, 10, 900);
    made_by(&mut data, THEIRS, 4, 1000);
    assert_eq!(recovered(&data, "hỏng", &BTreeSet::new()), None);

    // A tie: nothing stands out.
    let mut data = Dataset::default();
    made_by(&mut data, OURS, 5, 900);
    made_by(&mut data, THEIRS, 5, 900);
    assert_eq!(recovered(&data, "hỏng", &BTreeSet::new()), None);
}

#[test]
fn what_the_last_import_wrote_is_left_out() {
    // Theirs outnumber ours and are newer, but they are what the last import wrote.
    let mut data = Dataset::default();
    made_by(&mut data, OURS, 10, 900);
    let imported: BTreeSet<RecordKey> = made_by(&mut data, THEIRS, 40, 1000).into_iter().collect();
    // Not known to be imported, they would win: the limit of the rule, which is why the user
    // confirms (shown that office's latest record) and may take a new id instead.
    assert_eq!(
        recovered(&data, "hỏng", &BTreeSet::new()).unwrap().id,
        Uuid::from_u128(THEIRS)
    );
    assert_eq!(
        recovered(&data, "hỏng", &imported).unwrap().id,
        Uuid::from_u128(OURS)
    );
}

#[test]
fn an_empty_store_has_nothing_to_recover_from() {
    assert_eq!(
        recovered(&Dataset::default(), "hỏng", &BTreeSet::new()),
        None
    );
}

#[test]
fn a_snapshot_taken_before_the_damage_names_the_office_for_certain() {
    use crate::storage::backup;
    use crate::storage::keys::SnapshotKind;
    // Records mostly of another office, newer than ours: the records could not say.
    let mut data = Dataset::default();
    made_by(&mut data, OURS, 3, 900);
    made_by(&mut data, THEIRS, 30, 1000);
    let whole = format!(
        r#"{{"id":"{}","name":"Sở Nội vụ tỉnh Trà Vinh"}}"#,
        Uuid::from_u128(OURS)
    );
    let (mut store, mut loaded) = loaded_with_office_text(&data, &whole);
    let taken = stamp(OURS, 1_700_002_000).now;
    backup::take(
        &mut store,
        &mut loaded.session,
        &data,
        SnapshotKind::Daily,
        taken,
    )
    .unwrap();
    store
        .entries
        .insert(OFFICE_KEY.into(), "{\"id\":\"hỏng".into());
    let loaded = load(&store).unwrap();
    assert_eq!(
        office_damage(&store, &loaded, &BTreeSet::new())
            .unwrap()
            .recovered,
        Some(RecoveredOffice {
            id: Uuid::from_u128(OURS),
            name: Some("Sở Nội vụ tỉnh Trà Vinh".into()),
            from: RecoveredFrom::Snapshot(taken),
        })
    );
    // A snapshot taken while the key was unreadable names no office: an older one is used.
    let (mut store2, mut loaded2) = (store.clone(), loaded);
    backup::take(
        &mut store2,
        &mut loaded2.session,
        &data,
        SnapshotKind::BeforeImport,
        stamp(OURS, 1_700_003_000).now,
    )
    .unwrap();
    let loaded2 = load(&store2).unwrap();
    assert_eq!(
        office_damage(&store2, &loaded2, &BTreeSet::new())
            .unwrap()
            .recovered
            .unwrap()
            .from,
        RecoveredFrom::Snapshot(taken)
    );
}

#[test]
fn the_sample_is_no_office_s_own_work() {
    let mut data = crate::sample_data::sample::sample_dataset();
    assert_eq!(recovered(&data, "hỏng", &BTreeSet::new()), None);
    made_by(&mut data, OURS, 2, 900);
    assert_eq!(
        recovered(&data, "hỏng", &BTreeSet::new()).unwrap().id,
        Uuid::from_u128(OURS)
    );
}
