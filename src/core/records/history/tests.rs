use super::*;
use serde_json::json;

#[test]
fn diff_names_each_changed_leaf_by_its_path_and_leaves_the_envelope_out() {
    let before = json!({
        "id": "x", "version": {"a": 1}, "updated": "t1", "changes": [],
        "title": "Quy chế cũ",
        "period": {"start": "2018-01-01", "end": "2022-12-31"},
        "parties": [{"organisation": "o1", "lead": true}, {"organisation": "o2", "lead": false}],
        "notes": ""
    });
    let after = json!({
        "id": "x", "version": {"a": 2}, "updated": "t2", "changes": [{"id": "e"}],
        "title": "Quy chế mới",
        "period": {"start": "2018-01-01", "end": "2023-12-31"},
        "parties": [{"organisation": "o1", "lead": true}, {"organisation": "o3", "lead": false},
                    {"organisation": "o4", "lead": false}],
        "notes": "",
        "deleted": true
    });
    let paths: Vec<(String, Option<Excerpt>, Option<Excerpt>)> = diff(&before, &after)
        .into_iter()
        .map(|c| (c.path, c.before, c.after))
        .collect();
    let w = |s: &str| Some(Excerpt::Whole(s.into()));
    assert_eq!(
        paths,
        vec![
            ("deleted".into(), w("false"), w("true")),
            ("parties[1].organisation".into(), w("o2"), w("o3")),
            ("parties[2].lead".into(), None, w("false")),
            ("parties[2].organisation".into(), None, w("o4")),
            ("period.end".into(), w("2022-12-31"), w("2023-12-31")),
            ("title".into(), w("Quy chế cũ"), w("Quy chế mới")),
        ]
    );
}

#[test]
fn a_long_text_keeps_its_head_and_tail_and_counts_what_was_left_out() {
    let short = "á".repeat(LONGEST_WHOLE);
    assert_eq!(Excerpt::of(&short), Excerpt::Whole(short.clone()));
    let long = format!(
        "{}{}{}",
        "đầu ".repeat(40),
        "giữa".repeat(100),
        " cuối".repeat(10)
    );
    let chars = long.chars().count();
    let Excerpt::Shortened {
        head,
        tail,
        left_out,
    } = Excerpt::of(&long)
    else {
        panic!("a text of {chars} characters is shortened");
    };
    assert_eq!(head.chars().count(), HEAD_CHARS);
    assert_eq!(tail.chars().count(), TAIL_CHARS);
    assert_eq!(left_out, chars - HEAD_CHARS - TAIL_CHARS);
    assert!(long.starts_with(&head) && long.ends_with(&tail));
    // Read back from its JSON as it was written.
    let json = serde_json::to_string(&Excerpt::of(&long)).unwrap();
    assert_eq!(
        serde_json::from_str::<Excerpt>(&json).unwrap(),
        Excerpt::of(&long)
    );
}

fn entry(id: &str, secs: i64) -> Change {
    Change {
        id: id.into(),
        at: DateTime::from_timestamp(secs, 0).unwrap(),
        office: Uuid::from_u128(1),
        by: String::new(),
        how: How::Typed,
        created: false,
        fields: Vec::new(),
        unknown: Default::default(),
    }
}

/// `mine` united with `theirs`, neither folded.
fn unite_entries(mine: &mut Vec<Change>, theirs: &[Change]) -> Option<Folded> {
    let mut folded = None;
    unite((mine, &mut folded), (theirs, None));
    folded
}

#[test]
fn unite_keeps_every_entry_once_oldest_first() {
    let mut mine = vec![entry("a", 1), entry("c", 3)];
    unite_entries(&mut mine, &[entry("b", 2), entry("c", 3), entry("a", 1)]);
    let ids: Vec<&str> = mine.iter().map(|c| c.id.as_str()).collect();
    assert_eq!(ids, ["a", "b", "c"]);
    // The same entries in any order unite alike.
    let mut theirs = vec![entry("b", 2)];
    unite_entries(&mut theirs, &[entry("c", 3), entry("a", 1)]);
    assert_eq!(theirs, mine);
}

fn by(id: &str, secs: i64, office: u128, person: &str, path: &str) -> Change {
    Change {
        office: Uuid::from_u128(office),
        by: person.into(),
        fields: vec![FieldChange {
            path: path.into(),
            before: None,
            after: Some(Excerpt::of("x")),
            unknown: Default::default(),
        }],
        ..entry(id, secs)
    }
}

fn ids(entries: &[Change]) -> Vec<&str> {
    entries.iter().map(|c| c.id.as_str()).collect()
}

#[test]
fn older_entries_beyond_the_newest_kept_fold_into_one_summary_of_who_when_and_which_fields() {
    let mut entries: Vec<Change> = (1..=KEEP_WHOLE as i64 + 3)
        .map(|n| {
            by(
                &format!("e{n}"),
                n,
                n as u128 % 2,
                ["Lan", "", "Minh"][n as usize % 3],
                "parties[1].role",
            )
        })
        .rev()
        .collect();
    entries[0].fields[0].path = "title".into();
    let mut folded = None;
    fold(&mut entries, &mut folded, KEEP_WHOLE);
    assert_eq!(entries.len(), KEEP_WHOLE);
    assert_eq!(
        ids(&entries)[0],
        "e4",
        "the newest stay whole, oldest first"
    );
    let folded = folded.expect("three folded");
    assert_eq!(folded.ids, ["e1", "e2", "e3"].map(String::from).into());
    assert_eq!(folded.count(), 3);
    assert_eq!(
        (folded.earliest.timestamp(), folded.latest.timestamp()),
        (1, 3)
    );
    assert_eq!(folded.offices, [0, 1].map(Uuid::from_u128).into());
    assert_eq!(folded.people, ["Lan", "Minh"].map(String::from).into());
    assert_eq!(folded.fields, ["parties".to_string()].into());
    // Read back from its JSON as written, a newer app's field kept.
    let mut json = serde_json::to_value(&folded).unwrap();
    json["newer"] = json!(1);
    let read: Folded = serde_json::from_value(json.clone()).unwrap();
    assert_eq!(read.unknown["newer"], json!(1));
    assert_eq!(serde_json::to_value(&read).unwrap(), json);
}

#[test]
fn entries_of_one_instant_fold_together() {
    let mut entries = vec![entry("a", 1), entry("b", 1), entry("c", 2)];
    let mut folded = None;
    fold(&mut entries, &mut folded, 2);
    assert_eq!(ids(&entries), ["c"]);
    assert_eq!(folded.unwrap().count(), 2);
}

#[test]
fn an_entry_folded_on_one_side_and_whole_on_the_other_is_held_once_folded() {
    let history: Vec<Change> = (1..=8).map(|n| entry(&format!("e{n}"), n)).collect();
    // Here: everything whole but the newest (not yet seen); there: all of it, folded to five.
    let mut here = history[..7].to_vec();
    let mut there = history.clone();
    let mut there_folded = None;
    fold(&mut there, &mut there_folded, KEEP_WHOLE);
    let mut here_folded = None;
    unite(
        (&mut here, &mut here_folded),
        (&there, there_folded.as_ref()),
    );
    assert_eq!(ids(&here), ["e4", "e5", "e6", "e7", "e8"]);
    assert_eq!(here_folded, there_folded);
    // Whichever side unites, the same.
    unite((&mut there, &mut there_folded), (&history[..7], None));
    assert_eq!((&there, &there_folded), (&here, &here_folded));
}

#[test]
fn a_whole_entry_older_than_the_summary_folds_into_it_and_is_not_lost() {
    let mut entries = vec![entry("new", 10)];
    let mut folded = Some(Folded::of(&entry("old", 5)));
    // Another office's entry made at 3, which this one never saw.
    unite((&mut entries, &mut folded), (&[entry("late", 3)], None));
    assert_eq!(ids(&entries), ["new"]);
    let folded = folded.unwrap();
    assert_eq!(folded.ids, ["late", "old"].map(String::from).into());
    assert_eq!(folded.earliest.timestamp(), 3);
}

#[test]
fn entry_ids_differ_with_any_input_and_repeat_with_the_same() {
    let at = DateTime::from_timestamp(5, 0).unwrap();
    let (r, o) = (Uuid::from_u128(1), Uuid::from_u128(2));
    let id = entry_id(r, o, 3, at);
    assert_eq!(id, entry_id(r, o, 3, at));
    assert_eq!(id.len(), 16);
    for other in [
        entry_id(Uuid::from_u128(9), o, 3, at),
        entry_id(r, Uuid::from_u128(9), 3, at),
        entry_id(r, o, 4, at),
        entry_id(r, o, 3, DateTime::from_timestamp(5, 1).unwrap()),
    ] {
        assert_ne!(id, other);
    }
}

#[test]
fn a_long_text_keeps_the_part_that_changed_with_some_context() {
    let notes = "Đã họp. ".repeat(40);
    let appended = format!("{notes}Đã rà soát lại.");
    let (before, after) = excerpts(&notes, &appended);
    let skipped = notes.chars().count() - CONTEXT_CHARS;
    let context: String = notes.chars().skip(skipped).collect();
    assert_eq!(
        after,
        Excerpt::Part {
            text: format!("{context}Đã rà soát lại."),
            skipped_before: skipped,
            skipped_after: 0,
        }
    );
    assert_eq!(
        before,
        Excerpt::Part {
            text: context.clone(),
            skipped_before: skipped,
            skipped_after: 0,
        }
    );
    // Read back from JSON as written.
    let json = serde_json::to_string(&after).unwrap();
    assert_eq!(serde_json::from_str::<Excerpt>(&json).unwrap(), after);
    // Short texts stay whole.
    assert_eq!(
        excerpts("a", "b"),
        (Excerpt::Whole("a".into()), Excerpt::Whole("b".into()))
    );
}

#[test]
fn an_entry_a_summary_holds_never_stays_whole_even_if_the_summary_says_it_ended_earlier() {
    // A file edited by hand: "x" folded, yet newer than the summary's latest.
    let mut folded = Some(Folded::of(&entry("old", 5)));
    folded.as_mut().unwrap().ids.insert("x".into());
    let mut entries = vec![entry("x", 9), entry("new", 10)];
    fold(&mut entries, &mut folded, KEEP_WHOLE);
    assert_eq!(ids(&entries), ["new"]);
    assert_eq!(folded.unwrap().count(), 2);
}
