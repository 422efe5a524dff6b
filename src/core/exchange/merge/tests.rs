use super::*;
use crate::records::meta::Meta;
use crate::records::model::{Organisation, OrganisationKind};
use crate::sample_data::support::stamp;
use chrono::DateTime;
use uuid::Uuid;

const A: u128 = 0xA;
const B: u128 = 0xB;

fn org(notes: &str) -> Organisation {
    let mut o = Organisation::new(
        Meta::new(Uuid::from_u128(1), DateTime::from_timestamp(0, 0).unwrap()),
        "Sở Y tế",
        "SYT",
        OrganisationKind::Department,
    );
    o.notes = notes.into();
    o
}

/// An organisation saved once by A, and the dataset holding it.
fn base() -> (Dataset, Organisation) {
    let mut data = Dataset::default();
    data.commit(org(""), stamp(A, 1));
    let saved = data.organisations.get(&Uuid::from_u128(1)).unwrap().clone();
    (data, saved)
}

fn edited(from: &Organisation, notes: &str, office: u128, secs: i64) -> Organisation {
    let mut data = Dataset::default();
    data.organisations.put(from.clone());
    let mut copy = from.clone();
    copy.notes = notes.into();
    data.commit(copy, stamp(office, secs));
    data.organisations.get(&from.id()).unwrap().clone()
}

#[test]
fn the_four_relations_and_new() {
    let (_, v1) = base();
    let newer = edited(&v1, "B sửa", B, 2);
    assert_eq!(relate(None, &v1).0, Relation::New);
    assert_eq!(
        relate(Some(&v1), &v1.clone()),
        (Relation::Identical, Step::Nothing)
    );
    assert_eq!(
        relate(Some(&v1), &newer),
        (Relation::IncomingNewer, Step::Put(newer.clone()))
    );
    assert_eq!(
        relate(Some(&newer), &v1),
        (Relation::LocalNewer, Step::Nothing)
    );
    let other = edited(&v1, "A sửa", A, 3);
    assert_eq!(
        relate(Some(&other), &newer),
        (Relation::Diverged, Step::Ask)
    );
}

#[test]
fn clocks_never_decide_a_later_timestamp_on_an_older_version_loses() {
    let (_, v1) = base();
    let newer = edited(&v1, "B sửa", B, 2);
    let mut old_with_future_clock = v1.clone();
    old_with_future_clock.meta.updated = DateTime::from_timestamp(9_999_999_999, 0).unwrap();
    assert_eq!(
        relate(Some(&newer), &old_with_future_clock).0,
        Relation::LocalNewer
    );
}

#[test]
fn equal_versions_with_different_content_are_a_conflict_not_silently_identical() {
    let (_, v1) = base();
    let mut tampered = v1.clone();
    tampered.name = "Sửa tay trong tệp".into();
    assert_eq!(
        relate(Some(&v1), &tampered),
        (Relation::Diverged, Step::Ask)
    );
}

#[test]
fn the_same_change_made_twice_is_joined_without_a_question() {
    let (_, v1) = base();
    let by_a = edited(&v1, "giống nhau", A, 5);
    let by_b = edited(&v1, "giống nhau", B, 7);
    let (relation, step) = relate(Some(&by_a), &by_b);
    assert_eq!(relation, Relation::Identical);
    let Step::Put(joined) = step else {
        panic!("expected the joined version")
    };
    assert_eq!(
        joined.meta.version,
        by_a.meta.version.join(&by_b.meta.version)
    );
    assert_eq!(joined.meta.updated, by_b.meta.updated);
    assert_eq!(relate(Some(&joined), &by_a).0, Relation::LocalNewer);
    assert_eq!(relate(Some(&joined), &by_b).0, Relation::LocalNewer);
}

#[test]
fn a_deletion_is_a_version_an_older_file_cannot_undo() {
    let (mut data, v1) = base();
    data.delete::<Organisation>(v1.id(), stamp(A, 2)).unwrap();
    let tombstone = data.organisations.get(&v1.id()).unwrap().clone();
    assert_eq!(relate(Some(&tombstone), &v1).0, Relation::LocalNewer);
    // …and deletion concurrent with an edit elsewhere is a conflict.
    let edit_elsewhere = edited(&v1, "B sửa", B, 3);
    assert_eq!(
        relate(Some(&tombstone), &edit_elsewhere).0,
        Relation::Diverged
    );
    assert_eq!(
        Choice::offered(&tombstone, &edit_elsewhere),
        &[Choice::KeepMine, Choice::TakeTheirs]
    );
}

#[test]
fn a_resolution_dominates_both_sides_and_never_conflicts_again() {
    let (_, v1) = base();
    let mine = edited(&v1, "A sửa", A, 2);
    let theirs = edited(&v1, "B sửa", B, 3);
    for choice in [Choice::KeepMine, Choice::TakeTheirs] {
        let out = resolve(
            &mine,
            &theirs,
            choice,
            (stamp(A, 10), "", Uuid::from_u128(0xF11E)),
            || Uuid::from_u128(2),
        );
        assert_eq!(out.len(), 1);
        let kept = &out[0];
        assert_eq!(
            kept.meta.version.compare(&mine.meta.version),
            crate::records::meta::Causality::Dominates
        );
        assert_eq!(
            kept.meta.version.compare(&theirs.meta.version),
            crate::records::meta::Causality::Dominates
        );
        let expected_notes = if choice == Choice::KeepMine {
            "A sửa"
        } else {
            "B sửa"
        };
        assert_eq!(kept.notes, expected_notes);
        // Re-importing either side later changes nothing.
        assert_eq!(relate(Some(kept), &theirs).0, Relation::LocalNewer);
        assert_eq!(relate(Some(kept), &mine).0, Relation::LocalNewer);
        // And the other office takes the resolution as newer.
        assert_eq!(relate(Some(&theirs), kept).0, Relation::IncomingNewer);
    }
}

#[test]
fn keep_both_keeps_mine_under_its_id_and_theirs_as_a_new_record() {
    let (_, v1) = base();
    let mine = edited(&v1, "A sửa", A, 2);
    let theirs = edited(&v1, "B sửa", B, 3);
    let out = resolve(
        &mine,
        &theirs,
        Choice::KeepBoth,
        (stamp(A, 10), "", Uuid::from_u128(0xF11E)),
        || Uuid::from_u128(2),
    );
    assert_eq!(out.len(), 2);
    assert_eq!((out[0].id(), out[0].notes.as_str()), (v1.id(), "A sửa"));
    assert_eq!(
        (out[1].id(), out[1].notes.as_str()),
        (Uuid::from_u128(2), "B sửa")
    );
    assert_eq!(out[1].meta.version.total(), 1);
    assert_eq!(out[1].meta.created, stamp(A, 10).now);
    assert_eq!(relate(Some(&out[0]), &theirs).0, Relation::LocalNewer);
}

#[test]
fn merge_leaves_conflicts_as_they_were_and_lists_them() {
    let (_, v1) = base();
    let mut mine = Dataset::default();
    mine.organisations.put(edited(&v1, "A sửa", A, 2));
    let mut theirs = Dataset::default();
    theirs.organisations.put(edited(&v1, "B sửa", B, 3));
    let extra = Organisation::new(
        Meta::new(Uuid::from_u128(3), DateTime::from_timestamp(0, 0).unwrap()),
        "Sở Nội vụ",
        "",
        OrganisationKind::Department,
    );
    theirs.commit(extra, stamp(B, 4));
    let merged = merge(&mine, &theirs);
    assert_eq!(
        merged.conflicts,
        vec![RecordKey {
            collection: Collection::Organisations,
            id: v1.id()
        }]
    );
    assert_eq!(
        merged.data.organisations.get(&v1.id()).unwrap().notes,
        "A sửa"
    );
    assert!(merged.data.organisations.get(&Uuid::from_u128(3)).is_some());
}

/// Keep both of an agreement both offices edited: the copy may not hold the same number for the
/// same parties (validation would refuse both), so it goes without; the kept side keeps it.
#[test]
fn keep_both_of_an_agreement_leaves_the_number_to_the_kept_side() {
    let data = crate::sample_data::sample::sample_dataset();
    let numbered = data
        .agreements
        .iter_live()
        .find(|a| !a.number.is_empty())
        .expect("the sample has a numbered plan")
        .clone();
    let change = |title: &str, office: u128, secs: i64| {
        let mut d = data.clone();
        let mut a = numbered.clone();
        a.title = title.into();
        d.commit(a, stamp(office, secs));
        d.agreements.get(&numbered.id()).unwrap().clone()
    };
    let mine = change("Kế hoạch (bản ở đây)", A, 2);
    let theirs = change("Kế hoạch (bản trong tệp)", B, 3);
    let out = resolve(
        &mine,
        &theirs,
        Choice::KeepBoth,
        (stamp(A, 10), "", Uuid::from_u128(0xF11E)),
        || Uuid::from_u128(99),
    );
    assert_eq!(out[0].number, numbered.number);
    assert_eq!(out[1].number, "");
    assert_eq!(out[1].title, "Kế hoạch (bản trong tệp)");
    let mut merged = data.clone();
    for a in out {
        merged.agreements.put(a);
    }
    for id in [numbered.id(), Uuid::from_u128(99)] {
        let a = merged.agreements.get(&id).unwrap();
        let issues = crate::rules::validate::agreement(a, &merged);
        assert!(issues.iter().all(|i| !i.is_error()), "{id}: {issues:?}");
    }

    // A number the file changed is its own: the copy keeps it.
    let mut renumbered = theirs.clone();
    renumbered.number = "99/KHPH-TĐ".into();
    let out = resolve(
        &mine,
        &renumbered,
        Choice::KeepBoth,
        (stamp(A, 11), "", Uuid::from_u128(0xF11E)),
        || Uuid::from_u128(100),
    );
    assert_eq!(out[1].number, "99/KHPH-TĐ");
}
