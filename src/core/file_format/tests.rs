use super::*;
use crate::meta::Meta;
use crate::model::{Agreement, Organisation, OrganisationKind, Record};
use crate::sample::{regulation_2013_2017_id, regulation_2018_2022_id, sample_dataset};
use crate::workspace::Stamp;
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
    assert!(text.starts_with("{\n\"format\":\"phoihop\",\n\"schema_version\":1,\n"));
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
