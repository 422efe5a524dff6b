use super::*;
use chrono::DateTime;
use uuid::Uuid;

#[test]
fn titles_and_names_are_one_line() {
    assert_eq!(
        one_line("  Quy chế phối hợp\nvề công tác\r\n   giai đoạn  2024 - 2028 "),
        "Quy chế phối hợp về công tác giai đoạn 2024 - 2028"
    );
    assert_eq!(one_line(" \n "), "");
}

fn meta(n: u128) -> Meta {
    Meta::new(Uuid::from_u128(n), DateTime::from_timestamp(0, 0).unwrap())
}

#[test]
fn unknown_fields_survive_a_round_trip() {
    let mut org = Organisation::new(meta(1), "Sở Y tế", "SYT", OrganisationKind::Department);
    org.unknown.insert(
        "added_by_a_newer_app".into(),
        serde_json::json!({"x": [1, 2]}),
    );
    let json = serde_json::to_string(&org).unwrap();
    let back: Organisation = serde_json::from_str(&json).unwrap();
    assert_eq!(back, org);
    assert!(json.contains("added_by_a_newer_app"));
}

#[test]
fn record_fields_are_flat_in_json() {
    let a = Agreement::new(meta(2), "Quy chế", AgreementKind::Regulation);
    let v = serde_json::to_value(&a).unwrap();
    assert_eq!(v["id"], "00000000-0000-0000-0000-000000000002");
    assert_eq!(v["kind"], "regulation");
    assert!(v.get("unknown").is_none());
}

#[test]
fn missing_optional_fields_default() {
    let json = r#"{"id":"00000000-0000-0000-0000-000000000003","created":"2020-01-01T00:00:00Z",
        "updated":"2020-01-01T00:00:00Z","version":{},"title":"T"}"#;
    let a: Agreement = serde_json::from_str(json).unwrap();
    assert_eq!(a.kind, AgreementKind::Regulation);
    assert!(a.parties.is_empty() && a.unknown.is_empty());
}

#[test]
fn position_held_respects_open_ends() {
    let d = |y, m, dd| NaiveDate::from_ymd_opt(y, m, dd).unwrap();
    let p = PositionHeld {
        title: "Bí thư".into(),
        organisation: None,
        from: Some(d(2016, 1, 1)),
        to: None,
        unknown: Default::default(),
    };
    assert!(p.held_on(d(2018, 4, 2)));
    assert!(!p.held_on(d(2015, 12, 31)));
    let q = PositionHeld {
        to: Some(d(2018, 4, 2)),
        ..p.clone()
    };
    assert!(q.held_on(d(2018, 4, 2)));
    assert!(!q.held_on(d(2018, 4, 3)));
}

#[test]
fn period_covers_years_inclusively() {
    let d = |y, m, dd| NaiveDate::from_ymd_opt(y, m, dd).unwrap();
    let p = Period::new(d(2018, 4, 2), d(2022, 12, 31));
    assert!(p.covers_year(2018) && p.covers_year(2022));
    assert!(!p.covers_year(2017) && !p.covers_year(2023));
    assert!(!Period::default().covers_year(2020));
    assert!(Period {
        start: Some(d(2020, 1, 1)),
        end: None,
        unknown: Default::default(),
    }
    .covers_year(2030));
}

#[test]
fn signing_date_falls_back_to_earliest_signatory() {
    let d = |y, m, dd| NaiveDate::from_ymd_opt(y, m, dd).unwrap();
    let mut a = Agreement::new(meta(4), "T", AgreementKind::Plan);
    assert_eq!(a.signing_date(), None);
    for day in [5, 3] {
        a.signatories.push(Signatory {
            person: Uuid::from_u128(9),
            position: String::new(),
            authority: Authority::Own,
            organisation: Uuid::from_u128(8),
            signed_on: Some(d(2018, 4, day)),
            unknown: Default::default(),
        });
    }
    assert_eq!(a.signing_date(), Some(d(2018, 4, 3)));
    a.signed_on = Some(d(2018, 4, 2));
    assert_eq!(a.signing_date(), Some(d(2018, 4, 2)));
}

#[test]
fn an_organisation_is_named_with_its_locality_unless_its_name_says_it() {
    let mut org = Organisation::new(meta(1), "Sở Y tế", "SYT", OrganisationKind::Department);
    assert_eq!(
        (org.display_name(), org.label()),
        ("Sở Y tế".into(), "SYT".into())
    );
    org.locality = "Hà Giang".into();
    assert_eq!(org.display_name(), "Sở Y tế (Hà Giang)");
    assert_eq!(org.label(), "SYT (Hà Giang)");
    assert_eq!(org.short(), "SYT");
    let mut ubnd = Organisation::new(
        meta(2),
        "UBND tỉnh Hà Giang",
        "",
        OrganisationKind::PeoplesCommittee,
    );
    ubnd.locality = "hà giang".into();
    assert_eq!(ubnd.display_name(), "UBND tỉnh Hà Giang");
    // Older files have no locality: the field is read as empty and not written back.
    let json = serde_json::to_value(&org).unwrap();
    assert_eq!(json["locality"], "Hà Giang");
    let mut old = json.clone();
    old.as_object_mut().unwrap().remove("locality");
    let read: Organisation = serde_json::from_value(old).unwrap();
    assert_eq!(read.locality, "");
    assert!(serde_json::to_value(&read)
        .unwrap()
        .get("locality")
        .is_none());
}

#[test]
fn legal_basis_lines_are_taken_with_or_without_can_cu() {
    let typed = "Căn cứ Luật Thanh niên năm 2020;\n\nLuật Tổ chức chính quyền địa phương năm 2015\n  căn cứ: Nghị định 13/2021/NĐ-CP.\nCAN CU Quyết định số 12\nCăn cứ\nCăn cứ vào Nghị quyết 01";
    assert_eq!(
        legal_basis_lines(typed),
        vec![
            "Luật Thanh niên năm 2020",
            "Luật Tổ chức chính quyền địa phương năm 2015",
            "Nghị định 13/2021/NĐ-CP",
            "Quyết định số 12",
            "vào Nghị quyết 01",
        ]
    );
    // Decomposed accents (pasted from Word) read the same.
    assert_eq!(
        legal_basis_line("Ca\u{306}n cu\u{31b}\u{301} Luật Trẻ em"),
        "Luật Trẻ em"
    );
}

/// Every record type reads its envelope as `Meta`'s own reader does (`record_struct!` lists the
/// envelope's fields again beside the record's), and keeps a newer app's field, and nothing else,
/// as unknown.
#[test]
fn every_record_type_reads_its_whole_envelope_as_meta_does() {
    use crate::records::workspace::Stored;
    use serde::de::DeserializeOwned;

    fn check<T: Stored + Serialize + DeserializeOwned + PartialEq + std::fmt::Debug>(record: &T) {
        let mut json = serde_json::to_value(record).unwrap();
        let envelope = serde_json::json!({
            "id": json["id"],
            "created": "2021-03-04T05:06:07.500Z",
            "updated": "2022-03-04T05:06:07Z",
            "version": {"00000000-0000-0000-0000-00000000000a": 3, "00000000-0000-0000-0000-00000000000b": 1},
            "deleted": true,
            "changes": [{"id": "e9", "at": "2022-03-04T05:06:07Z", "office": "00000000-0000-0000-0000-00000000000a",
                "by": "Lan", "how": "typed", "fields": [{"path": "title", "before": "A", "after": "B"}]}],
            "folded_changes": {"ids": ["e1", "e2"], "earliest": "2021-01-01T00:00:00Z",
                "latest": "2021-02-01T00:00:00Z", "offices": ["00000000-0000-0000-0000-00000000000b"]},
        });
        for (key, value) in envelope.as_object().unwrap() {
            json[key] = value.clone();
        }
        json["from_a_newer_app"] = serde_json::json!({"kept": [1, 2]});
        let read: T = serde_json::from_value(json.clone()).unwrap();
        assert_eq!(
            read.meta(),
            &serde_json::from_value::<Meta>(envelope).unwrap()
        );
        assert!(read.meta().deleted && read.meta().folded_changes.is_some());
        assert_eq!(read.meta().changes.len(), 1);
        assert_eq!(
            serde_json::to_value(&read).unwrap(),
            json,
            "written back as read"
        );
        let from_text: T = serde_json::from_str(&json.to_string()).unwrap();
        assert_eq!(from_text, read);
    }
    let data = crate::sample_data::generate::large(2, 3, 1);
    check(data.organisations.iter_live().next().unwrap());
    check(data.people.iter_live().next().unwrap());
    check(data.agreements.iter_live().next().unwrap());
    check(data.events.iter_live().next().unwrap());
    let sample = crate::sample_data::sample::sample_dataset();
    check(sample.recommendations.iter_live().next().unwrap());
}
