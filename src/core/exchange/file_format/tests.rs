use super::*;
use crate::records::meta::Meta;
use crate::records::model::{Agreement, Organisation, OrganisationKind};
use crate::records::record::Record;
use crate::records::workspace::Stamp;
use crate::sample_data::sample::{
    regulation_2013_2017_id, regulation_2018_2022_id, sample_dataset,
};
use uuid::Uuid;

fn office() -> OfficeProfile {
    OfficeProfile {
        id: Uuid::from_u128(0xA),
        name: "Văn phòng UBND tỉnh Trà Vinh".into(),
    }
}

fn at(secs: i64) -> DateTime<Utc> {
    DateTime::from_timestamp(secs, 0).unwrap()
}

#[test]
fn two_exports_of_the_same_data_are_byte_identical() {
    let data = sample_dataset();
    let header = Header::new(&office(), Scope::All, at(1_700_000_000));
    let one = export(&data, &header, None);
    // Same records inserted in another order: tables order by id, so the file is the same.
    let mut shuffled = Dataset::default();
    for a in data
        .agreements
        .iter_all()
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
    {
        shuffled.agreements.put(a.clone());
    }
    shuffled.organisations = data.organisations.clone();
    shuffled.people = data.people.clone();
    shuffled.events = data.events.clone();
    shuffled.recommendations = data.recommendations.clone();
    assert_eq!(one, export(&shuffled, &header, None));
    // Later, only the export time differs.
    let later = export(
        &data,
        &Header::new(&office(), Scope::All, at(1_800_000_000)),
        None,
    );
    let differing: Vec<(&str, &str)> = one
        .lines()
        .zip(later.lines())
        .filter(|(a, b)| a != b)
        .collect();
    assert_eq!(differing.len(), 1);
    assert!(differing[0].0.starts_with("\"exported_at\""));
}

#[test]
fn the_file_is_json_with_the_header_first_and_one_record_per_line() {
    let data = sample_dataset();
    let text = export(&data, &Header::new(&office(), Scope::All, at(0)), None);
    assert!(text.starts_with("{\n\"format\":\"phoihop\",\n\"schema_version\":3,\n"));
    let value: Value = serde_json::from_str(&text).unwrap();
    for collection in Collection::ALL {
        assert!(
            value[collection.as_str()].is_array(),
            "{}",
            collection.as_str()
        );
    }
    assert_eq!(
        value["agreements"].as_array().unwrap().len(),
        data.agreements.iter_all().count()
    );
    let first_agreement_line = text
        .lines()
        .skip_while(|l| !l.starts_with("\"agreements\""))
        .nth(1)
        .unwrap();
    let record: Agreement =
        serde_json::from_str(first_agreement_line.trim_end_matches(',')).unwrap();
    assert_eq!(Some(&record), data.agreements.get(&record.id()));
}

#[test]
fn tombstones_are_exported() {
    let mut data = sample_dataset();
    let stamp = Stamp {
        office: office().id,
        now: at(5),
    };
    let org = Organisation::new(
        Meta::new(Uuid::from_u128(77), at(0)),
        "X",
        "",
        OrganisationKind::Other,
    );
    data.commit(org, stamp);
    data.delete::<Organisation>(Uuid::from_u128(77), stamp)
        .unwrap();
    let text = export(&data, &Header::new(&office(), Scope::All, at(0)), None);
    assert!(text.contains("\"id\":\"00000000-0000-0000-0000-00000000004d\""));
    assert!(text.contains("\"deleted\":true"));
}

#[test]
fn file_names_are_ascii_and_safe_everywhere() {
    let day = NaiveDate::from_ymd_opt(2024, 3, 9).unwrap();
    assert_eq!(
        file_name("Văn phòng UBND tỉnh Trà Vinh", None, day),
        "phoihop-van-phong-ubnd-tinh-tra-vinh-2024-03-09.json"
    );
    assert_eq!(
        file_name("Sở Y tế / Đoàn: \"A\" <B>?*|", Some("01/QCPH-UBND-TĐ"), day),
        "phoihop-so-y-te-doan-a-b-01-qcph-ubnd-td-2024-03-09.json"
    );
    assert_eq!(file_name("..", None, day), "phoihop-2024-03-09.json");
    let long = file_name(&"Đoàn Thanh niên ".repeat(20), None, day);
    assert!(long.len() < 70, "{long}");
    for name in [long, file_name("CON", None, day)] {
        assert!(name
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '.'));
    }
}

#[test]
fn a_selection_holds_the_agreement_its_plans_and_the_directory_they_use() {
    let mut data = sample_dataset();
    let unused = Organisation::new(
        Meta::new(Uuid::from_u128(99), at(0)),
        "Không ai dùng",
        "",
        OrganisationKind::Other,
    );
    data.commit(
        unused,
        Stamp {
            office: office().id,
            now: at(1),
        },
    );
    let root = RecordKey {
        collection: Collection::Agreements,
        id: regulation_2013_2017_id(),
    };
    let selected = selection(&data, root);
    assert!(!selected.contains(&RecordKey {
        collection: Collection::Organisations,
        id: Uuid::from_u128(99)
    }));
    let agreements: BTreeSet<Id> = selected
        .iter()
        .filter(|k| k.collection == Collection::Agreements)
        .map(|k| k.id)
        .collect();
    let plans: BTreeSet<Id> = data.plans_of(root.id).iter().map(|p| p.id()).collect();
    assert_eq!(plans.len(), 20);
    let mut expected = plans.clone();
    expected.insert(root.id);
    // The next period supersedes this one: a neighbour, not a part.
    assert!(!agreements.contains(&regulation_2018_2022_id()));
    assert_eq!(agreements, expected);
    // Every organisation and person a selected agreement names is there.
    for id in &expected {
        let a = data.agreements.get(id).unwrap();
        for party in &a.parties {
            assert!(selected.contains(&RecordKey {
                collection: Collection::Organisations,
                id: party.organisation
            }));
        }
        for s in &a.signatories {
            assert!(selected.contains(&RecordKey {
                collection: Collection::People,
                id: s.person
            }));
        }
    }
    // Events that link the agreement come along, and their recommendations.
    for event in data.events.iter_all().filter(|e| e.links(root.id)) {
        assert!(selected.contains(&RecordKey {
            collection: Collection::Events,
            id: event.id()
        }));
        for rec in data
            .recommendations
            .iter_all()
            .filter(|r| r.event == Some(event.id()))
        {
            assert!(selected.contains(&RecordKey {
                collection: Collection::Recommendations,
                id: rec.id()
            }));
        }
    }
    let text = export(
        &data,
        &Header::new(
            &office(),
            Scope::Agreement {
                id: root.id,
                title: "x".into(),
            },
            at(0),
        ),
        Some(&selected),
    );
    let value: Value = serde_json::from_str(&text).unwrap();
    assert_eq!(value["agreements"].as_array().unwrap().len(), 21);
    assert_eq!(value["scope"]["agreement"]["id"], root.id.to_string());
}

#[test]
fn an_export_of_everything_carries_the_raw_text_of_what_storage_could_not_read() {
    use crate::exchange::import::{read_file, read_file_carefully, Fingerprints, Warning};
    use crate::storage::{self, MemoryStore, Session};
    let data = sample_dataset();
    let mut store = MemoryStore::default();
    let mut session = Session::default();
    let keys = storage::all_keys(&data);
    let stamp = Stamp {
        office: office().id,
        now: at(1_700_000_000),
    };
    storage::save_records(&mut store, &data, &keys, &mut session, stamp);
    // One bucket of agreements damaged: the rest loads, the bucket is a problem with its raw text.
    let damaged = store
        .entries
        .keys()
        .find(|k| k.starts_with("phoihop/b/agreements/"))
        .cloned()
        .unwrap();
    store
        .entries
        .insert(damaged.clone(), "D hỏng \"giữa\" chừng".into());
    let loaded = storage::load(&store).unwrap();
    assert_eq!(loaded.problems.len(), 1);
    let unreadable = Unreadable::of(&loaded.problems);
    assert_eq!(unreadable.len(), 1);
    assert_eq!(unreadable[0].key, damaged);
    assert!(unreadable[0].problem.starts_with("cannot be unpacked"));

    let header = Header::new(&office(), Scope::All, at(1_700_000_100));
    let text = export_everything(&loaded.data, &header, &unreadable);
    let value: Value = serde_json::from_str(&text).unwrap();
    assert_eq!(value[UNREADABLE_KEY][0]["key"], damaged.as_str());
    assert_eq!(value[UNREADABLE_KEY][0]["raw"], "D hỏng \"giữa\" chừng");
    // After the collections, one item per line, like the records.
    assert!(text.ends_with(&format!(
        "\"recommendations\":[\n{}\n],\n\"unreadable\":[\n{}\n]\n}}\n",
        text.split("\"recommendations\":[\n")
            .nth(1)
            .unwrap()
            .split("\n]")
            .next()
            .unwrap(),
        serde_json::to_string(&unreadable[0]).unwrap()
    )));

    // The import takes the file (quick and careful alike), imports none of it, and knows it.
    let elsewhere = Uuid::from_u128(0xE15E);
    for file in [
        read_file(
            text.as_bytes(),
            &Dataset::default(),
            elsewhere,
            &Fingerprints::default(),
        ),
        read_file_carefully(
            text.as_bytes(),
            &Dataset::default(),
            elsewhere,
            &Fingerprints::default(),
        ),
    ] {
        let file = file.expect("a file with unreadable items is not refused");
        assert_eq!(file.unreadable, unreadable);
        assert!(!file
            .warnings
            .iter()
            .any(|w| matches!(w, Warning::UnknownSection { .. })));
        assert_eq!(
            file.records.people.iter_all().count(),
            data.people.iter_all().count()
        );
    }

    // Everything read: no section, the same file as any export.
    assert_eq!(
        export_everything(&data, &header, &[]),
        export(&data, &header, None)
    );
}

#[test]
fn a_file_written_a_slice_at_a_time_is_the_file_written_at_once() {
    let data = sample_dataset();
    let header = Header::new(&office(), Scope::All, at(1_700_000_000));
    let root = RecordKey {
        collection: Collection::Agreements,
        id: regulation_2018_2022_id(),
    };
    let selected = selection(&data, root);
    let unreadable = vec![Unreadable {
        key: "phoihop/b/events/0".into(),
        problem: "cannot be unpacked".into(),
        raw: "D…".into(),
    }];
    for only in [None, Some(selected)] {
        let whole = match &only {
            None => export_everything(&data, &header, &unreadable),
            Some(keys) => export(&data, &header, Some(keys)),
        };
        let items = if only.is_none() {
            unreadable.clone()
        } else {
            Vec::new()
        };
        for slice in [1, 2, 7, 100] {
            let mut writer = ExportWriter::new(header.clone(), only.clone(), items.clone());
            let mut text = String::new();
            let mut steps = 0;
            while !writer.step(&data, slice) {
                text.push_str(&writer.take());
                steps += 1;
            }
            text.push_str(&writer.take());
            assert_eq!(text, whole, "slices of {slice}");
            assert_eq!(writer.looked_at(), storage_keys(&data), "slices of {slice}");
            assert!(
                steps + 1 >= storage_keys(&data) / slice,
                "slices of {slice}: {steps} steps"
            );
        }
    }
}

fn storage_keys(data: &Dataset) -> usize {
    crate::storage::all_keys(data).len()
}
