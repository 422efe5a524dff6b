use super::*;

#[test]
fn a_rule_keeps_a_newer_apps_fields_and_otherwise_writes_as_before() {
    for rule in [DueRule::YearAnyTime, DueRule::YearBy { month: 12, day: 15 }] {
        let due = Due::from(rule);
        assert_eq!(
            serde_json::to_string(&due).unwrap(),
            serde_json::to_string(&rule).unwrap()
        );
        assert_eq!(
            serde_json::from_str::<Due>(&serde_json::to_string(&rule).unwrap()).unwrap(),
            due
        );
        let mut kept = due.clone();
        kept.unknown.insert("week".into(), serde_json::json!(3));
        let text = serde_json::to_string(&kept).unwrap();
        assert!(text.contains("\"week\":3"), "{text}");
        assert_eq!(serde_json::from_str::<Due>(&text).unwrap(), kept);
    }
    // What the rule cannot read is refused in its own words.
    let error = serde_json::from_str::<Due>(r#"{"every":"week"}"#).unwrap_err();
    assert!(
        error.to_string().starts_with("unknown variant `week`"),
        "{error}"
    );
}
