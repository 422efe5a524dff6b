//! A record's older changes folded into one summary (`history::Folded`), shown as the last
//! entry of its timeline: how many, when, by whom, which fields, and that they are no longer
//! listed one by one.

use leptos::prelude::*;
use leptos_fluent::{tr, I18n};

use crate::core::records::history::Folded;
use crate::core::records::record::Collection;
use crate::ui::history_fields::field_words;

/// "03/2021 – 05/2023" (one month: "03/2021"), as Vietnamese days.
fn months(folded: &Folded) -> (String, String) {
    let month = |at| {
        crate::core::rules::dates::today_in_vietnam(at)
            .format("%m/%Y")
            .to_string()
    };
    (month(folded.earliest), month(folded.latest))
}

/// The summary in words.
pub fn folded_words(i18n: I18n, collection: Collection, folded: &Folded) -> String {
    let (from, to) = months(folded);
    let when = if from == to {
        from
    } else {
        format!("{from} – {to}")
    };
    let people = if folded.people.is_empty() {
        tr!(i18n, "history-unnamed")
    } else {
        folded.people.iter().cloned().collect::<Vec<_>>().join(", ")
    };
    // By their labels, as the entries above name them (each label once).
    let mut labels: Vec<String> = Vec::new();
    for path in &folded.fields {
        let label = field_words(i18n, collection, path);
        if !labels.contains(&label) {
            labels.push(label);
        }
    }
    let fields = labels.join(", ");
    tr!(i18n, "history-folded", {
        "count" => folded.count(),
        "when" => when,
        "people" => people,
        "fields" => fields,
    })
}

/// The timeline's last entry: the older changes, folded.
#[component]
pub fn FoldedEntry(collection: Collection, folded: Folded) -> impl IntoView {
    let i18n = expect_context::<I18n>();
    view! {
        <li class="timeline-entry timeline-folded">
            <p class="timeline-head">{move || folded_words(i18n, collection, &folded)}</p>
        </li>
    }
}
