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

#[test]
fn unite_keeps_every_entry_once_oldest_first() {
    let mut mine = vec![entry("a", 1), entry("c", 3)];
    unite(&mut mine, &[entry("b", 2), entry("c", 3), entry("a", 1)]);
    let ids: Vec<&str> = mine.iter().map(|c| c.id.as_str()).collect();
    assert_eq!(ids, ["a", "b", "c"]);
    // The same entries in any order unite alike.
    let mut theirs = vec![entry("b", 2)];
    unite(&mut theirs, &[entry("c", 3), entry("a", 1)]);
    assert_eq!(theirs, mine);
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
