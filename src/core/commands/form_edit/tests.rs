use uuid::Uuid;

use super::*;
use crate::records::meta::{Causality, Meta};
use crate::records::model::{Organisation, OrganisationKind};
use crate::records::workspace::Dataset;
use crate::sample_data::support::stamp;

/// A saved organisation, and the dataset holding it.
fn saved() -> (Dataset, Organisation) {
    let mut data = Dataset::default();
    let o = Organisation::new(
        Meta::new(Uuid::from_u128(7), stamp(1, 1_700_000_000).now),
        "Sở Y tế",
        "SYT",
        OrganisationKind::Department,
    );
    data.commit(o, stamp(1, 1_700_000_001));
    let opened = data.organisations.get(&Uuid::from_u128(7)).unwrap().clone();
    (data, opened)
}

/// Another tab's (or an import's) edit of the stored record.
fn changed_elsewhere(data: &mut Dataset, change: impl FnOnce(&mut Organisation)) -> Organisation {
    let mut o = data.organisations.get(&Uuid::from_u128(7)).unwrap().clone();
    change(&mut o);
    data.commit(o, stamp(2, 1_700_000_005));
    data.organisations.get(&Uuid::from_u128(7)).unwrap().clone()
}

#[test]
fn nothing_changed_meanwhile_saves_the_form_as_it_is() {
    let (_, opened) = saved();
    let mut edited = opened.clone();
    edited.notes = "ghi chú mới".into();
    assert_eq!(rebase_edit(&opened, edited.clone(), &opened), edited);
}

#[test]
fn a_change_made_elsewhere_to_another_field_is_kept() {
    let (mut data, opened) = saved();
    let current = changed_elsewhere(&mut data, |o| o.short_name = "Sở YT".into());
    let mut edited = opened.clone();
    edited.notes = "ghi chú của biểu mẫu".into();
    let merged = rebase_edit(&opened, edited, &current);
    assert_eq!(merged.short_name, "Sở YT", "the other tab's change");
    assert_eq!(merged.notes, "ghi chú của biểu mẫu", "the form's change");
    // On top of the stored version: saving it is a plain newer version, not a conflict.
    assert_eq!(merged.meta.version, current.meta.version);
    data.commit(merged, stamp(1, 1_700_000_009));
    let saved = data.organisations.get(&Uuid::from_u128(7)).unwrap();
    assert_eq!(
        saved.meta.version.compare(&current.meta.version),
        Causality::Dominates
    );
}

#[test]
fn the_same_field_changed_on_both_sides_is_left_to_the_user() {
    let (mut data, opened) = saved();
    let current = changed_elsewhere(&mut data, |o| o.notes = "của thẻ khác".into());
    let mut edited = opened.clone();
    edited.notes = "của biểu mẫu".into();
    let saved = rebase_edit(&opened, edited.clone(), &current);
    assert_eq!(
        saved, edited,
        "the form's record, at the version it was read at"
    );
    data.commit(saved, stamp(1, 1_700_000_009));
    let stored = data.organisations.get(&Uuid::from_u128(7)).unwrap();
    assert_eq!(
        stored.meta.version.compare(&current.meta.version),
        Causality::Concurrent,
        "storage keeps both as a conflict"
    );
}

#[test]
fn the_same_change_on_both_sides_is_no_conflict() {
    let (mut data, opened) = saved();
    let current = changed_elsewhere(&mut data, |o| o.notes = "giống nhau".into());
    let mut edited = opened.clone();
    edited.notes = "giống nhau".into();
    let merged = rebase_edit(&opened, edited, &current);
    assert_eq!(merged, current);
}

#[test]
fn a_record_deleted_meanwhile_is_a_conflict_not_a_silent_restore() {
    let (mut data, opened) = saved();
    data.delete::<Organisation>(Uuid::from_u128(7), stamp(2, 1_700_000_005))
        .unwrap();
    let current = data.organisations.get(&Uuid::from_u128(7)).unwrap().clone();
    let mut edited = opened.clone();
    edited.notes = "sửa khi thẻ khác xóa".into();
    assert_eq!(rebase_edit(&opened, edited.clone(), &current), edited);
}

#[test]
fn fields_the_form_does_not_show_follow_the_stored_record() {
    let (mut data, opened) = saved();
    // A newer app's field, written by an import meanwhile.
    let current = changed_elsewhere(&mut data, |o| {
        o.unknown.insert(
            "field_from_a_newer_app".into(),
            serde_json::json!({"kept": true}),
        );
    });
    let mut edited = opened.clone();
    edited.name = "Sở Y tế tỉnh Trà Vinh".into();
    let merged = rebase_edit(&opened, edited, &current);
    assert_eq!(merged.name, "Sở Y tế tỉnh Trà Vinh");
    assert_eq!(
        merged.unknown.get("field_from_a_newer_app"),
        Some(&serde_json::json!({"kept": true}))
    );
}

fn fields(value: serde_json::Value) -> Map<String, Value> {
    match value {
        Value::Object(fields) => fields,
        _ => unreachable!(),
    }
}

#[test]
fn merge_fields_takes_each_sides_changes_and_names_the_clashes() {
    let was =
        fields(serde_json::json!({"a": 1, "b": 1, "c": 1, "d": 1, "gone": 1, "version": {"x": 1}}));
    let mine =
        fields(serde_json::json!({"a": 2, "b": 1, "c": 3, "d": 5, "new": 1, "version": {"x": 2}}));
    let theirs =
        fields(serde_json::json!({"a": 1, "b": 2, "c": 4, "d": 5, "gone": 1, "version": {"x": 3}}));
    let merged = merge_fields(&was, &mine, &theirs);
    assert_eq!(
        Value::Object(merged.fields),
        // a: mine; b: theirs; c: both (theirs kept, asked); d: alike; gone: removed by mine;
        // new: added by mine; the envelope is theirs.
        serde_json::json!({"a": 2, "b": 2, "c": 4, "d": 5, "new": 1, "version": {"x": 3}})
    );
    assert_eq!(merged.clashes, ["c"]);
}

#[test]
fn a_clashing_form_notes_the_copy_it_was_opened_on() {
    let (mut data, opened) = saved();
    changed_elsewhere(&mut data, |o| o.notes = "của thẻ khác".into());
    let mut edited = opened.clone();
    edited.notes = "của biểu mẫu".into();
    let saved = onto_stored(&mut data, &opened, edited);
    assert_eq!(saved.meta.version, opened.meta.version, "the version read");
    let key = data.commit(saved, stamp(1, 1_700_000_009));
    // What the edit was made on is the form's copy, not the one held when it saved.
    assert_eq!(
        data.befores.get(key),
        Some(&serde_json::to_value(&opened).unwrap())
    );
}

#[test]
fn an_edit_notes_what_it_replaced_once_until_it_is_stored() {
    let (mut data, opened) = saved();
    let mut first = opened.clone();
    first.notes = "lần một".into();
    let key = data.commit(first, stamp(1, 1_700_000_002));
    let mut second = data.organisations.get(&opened.meta.id).unwrap().clone();
    second.notes = "lần hai".into();
    data.commit(second, stamp(1, 1_700_000_003));
    assert_eq!(
        data.befores.get(key),
        Some(&serde_json::to_value(&opened).unwrap()),
        "the copy the first edit replaced"
    );
    data.befores.forget([key]);
    assert_eq!(data.befores.get(key), None);
}
