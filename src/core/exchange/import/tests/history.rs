//! A record's history through export, import, conflict choices, undo and migration.

use super::*;
use crate::records::history::{Change, Excerpt, How};

const A: u128 = 0xA;
const B: u128 = 0xB;

/// The sample at office A with the 2013–2017 regulation's title edited by "Lê Thị Hoa".
fn edited_at_a() -> Dataset {
    let mut data = sample_dataset();
    data.editor = "Lê Thị Hoa".into();
    let mut a = data
        .agreements
        .get(&regulation_2013_2017_id())
        .unwrap()
        .clone();
    a.title = "Quy chế phối hợp (sửa)".into();
    assert!(matches!(
        data.save_agreement(a, stamp(A, 100)).unwrap().value,
        crate::records::workspace::Saved::Changed(_)
    ));
    data
}

/// Who made each entry the import brought.
fn brought_by(applied: &Applied, data: &Dataset) -> Vec<String> {
    applied
        .brought(data)
        .into_iter()
        .map(|(_, c)| c.by)
        .collect()
}

fn title_entry(changes: &[Change]) -> &Change {
    changes
        .iter()
        .find(|c| c.fields.iter().any(|f| f.path == "title"))
        .expect("an entry for the title")
}

#[test]
fn an_edit_travels_in_the_file_with_its_person_field_and_values() {
    let at_a = edited_at_a();
    let file = export_all(&at_a, &office(A, "A"));
    assert!(file.contains("\"by\":\"Lê Thị Hoa\""));
    let mut at_b = sample_dataset();
    let at_b_applied =
        import_all(&mut at_b, file.as_bytes(), Choice::KeepMine, stamp(B, 200)).unwrap();
    // The import's report lists what it brought, by whom.
    assert!(brought_by(&at_b_applied, &at_b).contains(&"Lê Thị Hoa".to_string()));
    let a = at_b.agreements.get(&regulation_2013_2017_id()).unwrap();
    let entry = title_entry(&a.meta.changes);
    assert_eq!(entry.office, Uuid::from_u128(A));
    assert_eq!(entry.by, "Lê Thị Hoa");
    assert_eq!(entry.how, How::Typed);
    let title = entry.fields.iter().find(|f| f.path == "title").unwrap();
    let original = sample_dataset()
        .agreements
        .get(&regulation_2013_2017_id())
        .unwrap()
        .title
        .clone();
    assert_eq!(title.before, Some(Excerpt::of(&original)));
    assert_eq!(
        title.after,
        Some(Excerpt::Whole("Quy chế phối hợp (sửa)".into()))
    );
    // Importing the same file again brings nothing: no entry twice.
    let before = at_b.clone();
    let again = import_all(&mut at_b, file.as_bytes(), Choice::KeepMine, stamp(B, 300)).unwrap();
    assert_eq!(at_b, before);
    assert!(again.brought(&at_b).is_empty());
}

#[test]
fn a_conflict_choice_keeps_both_sides_entries_and_notes_the_choice() {
    let at_a = edited_at_a();
    let mut at_b = sample_dataset();
    at_b.editor = "Trần Văn Nam".into();
    let mut a = at_b
        .agreements
        .get(&regulation_2013_2017_id())
        .unwrap()
        .clone();
    a.title = "Sửa ở B".into();
    at_b.save_agreement(a, stamp(B, 150)).unwrap();
    let file = export_all(&at_a, &office(A, "A"));
    for (choice, how, title) in [
        (
            Choice::KeepMine,
            How::ConflictChoice {
                with: Some(Uuid::from_u128(A)),
            },
            "Sửa ở B",
        ),
        (
            Choice::TakeTheirs,
            How::Imported {
                from: Uuid::from_u128(A),
            },
            "Quy chế phối hợp (sửa)",
        ),
    ] {
        let mut data = at_b.clone();
        import_all(&mut data, file.as_bytes(), choice, stamp(B, 200)).unwrap();
        let a = data.agreements.get(&regulation_2013_2017_id()).unwrap();
        assert_eq!(a.title, title);
        let changes = &a.meta.changes;
        assert_eq!(
            changes.len(),
            3,
            "A's edit, B's edit and the choice: {changes:?}"
        );
        assert!(changes.iter().any(|c| c.by == "Lê Thị Hoa"));
        assert!(changes
            .iter()
            .any(|c| c.by == "Trần Văn Nam" && c.how == How::Typed));
        let last = changes.last().unwrap();
        assert_eq!((&last.how, last.by.as_str()), (&how, "Trần Văn Nam"));
    }
}

#[test]
fn undoing_an_import_puts_the_history_back_as_it_was() {
    let at_a = edited_at_a();
    let mut at_b = sample_dataset();
    let before = at_b.clone();
    let applied = import_all(
        &mut at_b,
        export_all(&at_a, &office(A, "A")).as_bytes(),
        Choice::KeepMine,
        stamp(B, 200),
    )
    .unwrap();
    assert!(!at_b
        .agreements
        .get(&regulation_2013_2017_id())
        .unwrap()
        .meta
        .changes
        .is_empty());
    crate::exchange::import::undo(&mut at_b, &applied.undo).unwrap();
    assert_eq!(at_b, before);
    assert!(at_b
        .agreements
        .get(&regulation_2013_2017_id())
        .unwrap()
        .meta
        .changes
        .is_empty());
}

#[test]
fn an_entry_of_a_way_this_app_does_not_know_imports_and_is_kept() {
    let at_a = edited_at_a();
    let file = export_all(&at_a, &office(A, "A"));
    // A newer app's way of arriving, in place of "typed".
    let newer = file.replacen(
        "\"how\":\"typed\"",
        "\"how\":{\"signed_copy_scanned\":{\"pages\":3}}",
        1,
    );
    assert_ne!(newer, file);
    let mut at_b = sample_dataset();
    import_all(&mut at_b, newer.as_bytes(), Choice::KeepMine, stamp(B, 200)).unwrap();
    let entry = title_entry(
        &at_b
            .agreements
            .get(&regulation_2013_2017_id())
            .unwrap()
            .meta
            .changes,
    )
    .clone();
    let How::Unknown(kept) = &entry.how else {
        panic!("{:?}", entry.how)
    };
    assert_eq!(kept["signed_copy_scanned"]["pages"], 3);
    // Written out again as it came.
    let again = export_all(&at_b, &office(B, "B"));
    assert!(again.contains("\"how\":{\"signed_copy_scanned\":{\"pages\":3}}"));
}

#[test]
fn a_file_of_schema_1_imports_with_empty_history_and_a_record_of_ours_keeps_its_own() {
    let bytes = std::fs::read(fixtures().join("schema-v1.json")).unwrap();
    let file = read_file(&bytes, &Dataset::default()).unwrap();
    assert_eq!(file.migrated_from, Some(1));
    for collection in Collection::ALL {
        crate::with_record_type!(collection, T => {
            assert!(T::table(&file.records).iter_all().all(|r| r.meta().changes.is_empty()));
        });
    }
    // Ours has an entry the old file never had: a newer version from the old file keeps it.
    let mut data = Dataset::default();
    import_all(&mut data, &bytes, Choice::KeepMine, stamp(B, 10)).unwrap();
    let mut a = data
        .agreements
        .get(&regulation_2013_2017_id())
        .unwrap()
        .clone();
    a.notes = "ghi chú".into();
    data.save(a, stamp(B, 20));
    let ours = data
        .agreements
        .get(&regulation_2013_2017_id())
        .unwrap()
        .meta
        .changes
        .clone();
    assert_eq!(ours.len(), 1);
    let mut raw: serde_json::Value = serde_json::from_slice(&bytes).unwrap();
    let record = raw["agreements"]
        .as_array_mut()
        .unwrap()
        .iter_mut()
        .find(|r| r["id"] == regulation_2013_2017_id().to_string())
        .unwrap();
    // Newer than ours: it has seen our edit, and one more made elsewhere.
    record["version"][Uuid::from_u128(0xF1).to_string()] = 99.into();
    record["version"][Uuid::from_u128(B).to_string()] = 1.into();
    record["notes"] = "sửa ở nơi khác".into();
    import_all(
        &mut data,
        raw.to_string().as_bytes(),
        Choice::KeepMine,
        stamp(B, 30),
    )
    .unwrap();
    let a = data.agreements.get(&regulation_2013_2017_id()).unwrap();
    assert_eq!(a.notes, "sửa ở nơi khác");
    assert_eq!(a.meta.changes, ours);
}

/// Writes tests/fixtures/schema-v2.json (`cargo test -p phoihop-core write_schema_2_fixture
/// -- --ignored`): the sample with one edit, as schema 2 exports it.
#[test]
#[ignore]
fn write_schema_2_fixture() {
    let file = export_all(&edited_at_a(), &office(0xF1, "Tỉnh Đoàn Trà Vinh"));
    std::fs::write(fixtures().join("schema-v2.json"), file).unwrap();
}

/// The 2013–2017 regulation as the fixture of schema `version` holds it.
fn fixture_regulation(version: u32) -> crate::records::model::Agreement {
    let bytes = std::fs::read(fixtures().join(format!("schema-v{version}.json"))).unwrap();
    let file = read_file(&bytes, &Dataset::default()).unwrap();
    let a = file.records.agreements.get(&regulation_2013_2017_id());
    a.unwrap().clone()
}

#[test]
fn the_schema_2_fixture_brings_its_history() {
    let a = fixture_regulation(2);
    assert_eq!(title_entry(&a.meta.changes).by, "Lê Thị Hoa");
}

/// The sample at office A with the 2013–2017 regulation edited `edits` times (of eight, March
/// 2021 to March 2025, its title or notes, by two people): beyond five, the oldest are folded.
fn folded_at_a(edits: usize) -> Dataset {
    let mut data = sample_dataset();
    let days = [
        "2021-03-15",
        "2022-01-10",
        "2023-05-20",
        "2023-09-01",
        "2024-02-01",
        "2024-06-03",
        "2024-11-04",
        "2025-03-03",
    ];
    for (n, day) in days.iter().enumerate().take(edits) {
        data.editor = ["Lê Thị Hoa", "Phạm Văn Nam"][n % 2].into();
        let mut a = data
            .agreements
            .get(&regulation_2013_2017_id())
            .unwrap()
            .clone();
        if n % 3 == 0 {
            a.title = format!("Quy chế phối hợp giai đoạn 2013 - 2017 (sửa lần {})", n + 1);
        } else {
            a.notes = format!("Rà soát lần {}.", n + 1);
        }
        let at = chrono::NaiveDate::parse_from_str(day, "%Y-%m-%d")
            .unwrap()
            .and_hms_opt(3, 0, 0)
            .unwrap()
            .and_utc();
        data.save_agreement(a, stamp(A, at.timestamp())).unwrap();
    }
    data
}

#[test]
fn a_folded_history_travels_in_the_file_and_unites_with_an_office_that_held_it_whole() {
    let at_a = folded_at_a(8);
    let meta = &at_a
        .agreements
        .get(&regulation_2013_2017_id())
        .unwrap()
        .meta;
    assert_eq!(meta.changes.len(), crate::records::history::KEEP_WHOLE);
    let folded = meta.folded_changes.as_ref().expect("older entries folded");
    assert_eq!(folded.count(), 3);
    assert!(folded.fields.contains("title") && folded.fields.contains("notes"));
    // B took A's first three edits whole, then meets A's folded history.
    let mut at_b = sample_dataset();
    import_all(
        &mut at_b,
        export_all(&folded_at_a(3), &office(A, "A")).as_bytes(),
        Choice::KeepMine,
        stamp(B, 150),
    )
    .unwrap();
    let file = export_all(&at_a, &office(A, "A"));
    assert!(file.contains("\"folded_changes\""));
    import_all(&mut at_b, file.as_bytes(), Choice::KeepMine, stamp(B, 300)).unwrap();
    let b = &at_b
        .agreements
        .get(&regulation_2013_2017_id())
        .unwrap()
        .meta;
    assert_eq!(
        (&b.changes, &b.folded_changes),
        (&meta.changes, &meta.folded_changes)
    );
    assert_eq!(b.change_count(), 8, "nothing twice, nothing lost");
}

/// Writes tests/fixtures/schema-v3.json (`cargo test -p phoihop-core write_schema_3_fixture
/// -- --ignored`): the sample with eight edits of one agreement, three of them folded, as
/// schema 3 exports it.
#[test]
#[ignore]
fn write_schema_3_fixture() {
    let file = export_all(&folded_at_a(8), &office(0xF1, "Tỉnh Đoàn Trà Vinh"));
    std::fs::write(fixtures().join("schema-v3.json"), file).unwrap();
}

#[test]
fn the_schema_3_fixture_brings_its_folded_history() {
    let a = fixture_regulation(3);
    let folded = a.meta.folded_changes.as_ref().unwrap();
    assert_eq!((a.meta.changes.len(), folded.count()), (5, 3));
    assert_eq!(folded.people.len(), 2);
}
