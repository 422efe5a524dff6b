//! Files made to hurt: each must be refused with a message that says where, or be taken
//! without freezing the page or poisoning what is stored (issue 14). The files too large to
//! commit are made here; the others are in tests/fixtures/bad.

use super::*;
use crate::merge::{relation, Relation};
use crate::sample::regulation_2018_2022_id;

/// This office, in these tests.
const HERE: u128 = 0xA;

/// A file of many broken records: the first warnings are built, in file order, the rest only
/// counted, and the count is exact (each agreement: its missing organisation, too few parties,
/// no lead, its number held by another).
#[test]
fn past_the_cap_warnings_are_counted_not_built() {
    let count = 300;
    let text = crate::generate::same_number_file(count);
    let file = read_file(text.as_bytes(), &Dataset::default()).unwrap();
    assert_eq!(file.warnings.len(), MAX_WARNINGS_LISTED);
    assert_eq!(file.warning_count(), 4 * count);
    assert_eq!(file.unlisted_warnings, 4 * count - MAX_WARNINGS_LISTED);
    // The missing references come first, then the rules, each in file order.
    assert!(
        matches!(&file.warnings[0], Warning::MissingReference { path, .. } if path == "agreements[0].parties[0].organisation")
    );
    assert!(
        matches!(&file.warnings[count], Warning::BrokenRule { path, .. } if path == "agreements[0].parties")
    );
}

/// The sample, held by this office after one edit of its own of the 2018–2022 regulation.
fn office_here() -> Dataset {
    let mut data = sample_dataset();
    let mut a = data
        .agreements
        .get(&regulation_2018_2022_id())
        .unwrap()
        .clone();
    a.notes = "Sửa ở đây".into();
    data.commit(a, stamp(HERE, 100));
    data
}

/// `data`'s export by office B, with the 2018–2022 regulation's version and notes as given.
fn file_claiming(data: &Dataset, version: serde_json::Value, notes: &str) -> String {
    let text = export_all(data, &office(0xB, "B"));
    let id = regulation_2018_2022_id().to_string();
    let mut out = String::new();
    for line in text.lines() {
        if line.starts_with(&format!("{{\"id\":\"{id}\"")) {
            let comma = line.ends_with(',');
            let mut record: serde_json::Value =
                serde_json::from_str(line.trim_end_matches(',')).unwrap();
            record["version"] = version.clone();
            record["notes"] = notes.into();
            out.push_str(&serde_json::to_string(&record).unwrap());
            out.push_str(if comma { ",\n" } else { "\n" });
        } else {
            out.push_str(line);
            out.push('\n');
        }
    }
    out
}

/// A counter no office can reach is refused with its path; at u64's end it would wrap to 0 on
/// the next edit (saturate, now), and this office's edits would lose every later merge.
#[test]
fn a_counter_beyond_any_real_editing_is_refused_with_its_path() {
    let here = office_here();
    let mine = Uuid::from_u128(HERE).to_string();
    for (edits, shown) in [
        (serde_json::json!(u64::MAX), "18446744073709551615"),
        (serde_json::json!(MAX_EDITS + 1), "9007199254740992"),
    ] {
        let text = file_claiming(&here, serde_json::json!({ mine.clone(): edits }), "x");
        let error = read_file_as(text.as_bytes(), &here, Uuid::from_u128(HERE)).unwrap_err();
        let place = rules::place(&text, Collection::Agreements, regulation_2018_2022_id());
        assert_eq!(
            vietnamese(&error.message()),
            format!(
                "Sai cấu trúc tại {place}.version.{mine}: số lần sửa vượt quá mức có thể có \
                 (tối đa 9.007.199.254.740.991); tệp có thể đã bị sửa tay. Giá trị trong tệp: {shown}."
            )
        );
    }
    // At the bound itself, read.
    let text = file_claiming(&here, serde_json::json!({ mine: MAX_EDITS }), "x");
    assert!(read_file(text.as_bytes(), &here).is_ok());
}

/// A version claiming more of this office's edits than it made is never taken silently: it
/// is a conflict (when it says something else), with a warning at its path; whatever the user
/// picks, this office's next edit wins over the file's version again.
#[test]
fn a_version_claiming_more_of_our_edits_than_we_made_is_a_conflict_with_a_warning() {
    let here = office_here();
    let mine = Uuid::from_u128(HERE);
    let id = regulation_2018_2022_id();
    let ours = here.agreements.get(&id).unwrap().clone();
    let made = ours.meta.version.get(&mine);
    assert_eq!(made, 1);
    // The file's version has seen ours and claims 1,000 edits of ours: on version vectors
    // alone it wins.
    let mut claimed = ours.meta.version.0.clone();
    claimed.insert(mine, 1_000);
    let text = file_claiming(&here, serde_json::to_value(&claimed).unwrap(), "Sửa giả");
    let file = read_file_as(text.as_bytes(), &here, mine).unwrap();
    let forged = file.records.agreements.get(&id).unwrap();
    assert_eq!(relation(Some(&ours), forged), Relation::IncomingNewer);
    let place = rules::place(&text, Collection::Agreements, id);
    assert_eq!(
        file.warnings
            .iter()
            .map(|w| vietnamese(&w.message()))
            .collect::<Vec<_>>(),
        vec![format!(
            "{place}.version.{mine}: tệp ghi đơn vị này đã sửa bản ghi 1.000 lần, nhưng ở đây \
             mới có 1 lần sửa. Chỉ đơn vị này đếm các lần sửa của mình, nên tệp có thể đã bị \
             sửa hoặc được xuất từ một bản sao dữ liệu của đơn vị; bản ghi trong tệp không tự \
             động thay bản ở đây (nếu khác, nó được xếp vào mục xung đột để chọn)."
        )]
    );
    let p = preview(&file, &here);
    let key = RecordKey {
        collection: Collection::Agreements,
        id,
    };
    assert_eq!(
        p.in_group(Group::Conflict)
            .map(|e| e.key)
            .collect::<Vec<_>>(),
        vec![key]
    );
    // Not applied without a choice.
    assert_eq!(
        apply(
            &mut here.clone(),
            &file,
            &Default::default(),
            stamp(HERE, 200),
            new_ids()
        )
        .unwrap_err(),
        vec![key]
    );
    for choice in [Choice::KeepMine, Choice::TakeTheirs] {
        let mut data = here.clone();
        let choices = BTreeMap::from([(key, choice)]);
        apply(&mut data, &file, &choices, stamp(HERE, 200), new_ids()).unwrap();
        let kept = data.agreements.get(&id).unwrap().clone();
        assert_eq!(
            kept.notes,
            if choice == Choice::KeepMine {
                "Sửa ở đây"
            } else {
                "Sửa giả"
            }
        );
        // An edit here after it wins over the file's version, for any office that holds it.
        let mut edited = kept.clone();
        edited.notes = "Sửa tiếp".into();
        data.commit(edited, stamp(HERE, 300));
        let after = data.agreements.get(&id).unwrap();
        assert_eq!(relation(Some(forged), after), Relation::IncomingNewer);
        assert!(after.meta.version.get(&mine) > 1_000);
    }
}

/// The same claim on a record that says what ours says is taken (nothing of ours changes), and
/// on a record not here it is a warning: ours was never here to lose.
#[test]
fn a_claim_on_the_same_content_or_a_new_record_is_only_a_warning() {
    let here = office_here();
    let mine = Uuid::from_u128(HERE);
    let id = regulation_2018_2022_id();
    let ours = here.agreements.get(&id).unwrap();
    let mut claimed = ours.meta.version.0.clone();
    claimed.insert(mine, 7);
    let text = file_claiming(&here, serde_json::to_value(&claimed).unwrap(), &ours.notes);
    let file = read_file_as(text.as_bytes(), &here, mine).unwrap();
    assert_eq!(file.warnings.len(), 1);
    let p = preview(&file, &here);
    assert_eq!(p.count(Group::Conflict), 0);
    assert_eq!(p.count(Group::IncomingNewer), 1);

    let mut without = here.clone();
    without
        .agreements
        .remove(&std::collections::BTreeSet::from([id]));
    let file = read_file_as(text.as_bytes(), &without, mine).unwrap();
    let place = rules::place(&text, Collection::Agreements, id);
    assert!(
        file.warnings.iter().any(|w| vietnamese(&w.message()).starts_with(&format!(
            "{place}.version.{mine}: tệp ghi đơn vị này đã sửa bản ghi 7 lần, nhưng ở đây chưa có bản ghi này."
        ))),
        "{:?}",
        file.warnings
    );
    assert_eq!(preview(&file, &without).count(Group::New), 1);
}

/// A file whose header names this office as its exporter says so in the preview: our own export
/// read back, or a file made to pass for one.
#[test]
fn a_file_claiming_to_be_ours_says_so() {
    let here = office_here();
    let text = export_all(&here, &office(HERE, "Giả mạo"));
    let file = read_file_as(text.as_bytes(), &here, Uuid::from_u128(HERE)).unwrap();
    assert_eq!(file.warnings, vec![Warning::FromThisOffice]);
    assert_eq!(
        vietnamese(&file.warnings[0].message()),
        "Tệp ghi là do chính đơn vị này xuất ra. Nếu đơn vị không xuất tệp này, tệp có thể đã bị \
         sửa: hãy xem kỹ trước khi nhập."
    );
    // Read by another office, it is just a file from office A.
    assert!(read_file(text.as_bytes(), &here)
        .unwrap()
        .warnings
        .is_empty());
}
