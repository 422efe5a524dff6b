//! A record's older changes folded into one summary (`history::Folded`), shown as the last
//! entry of its timeline: how many, when, by whom, which fields, and that they are no longer
//! listed one by one.

use leptos::prelude::*;
use leptos_fluent::{tr, I18n};

use crate::core::records::history::Folded;

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
pub fn folded_words(i18n: I18n, folded: &Folded) -> String {
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
    let fields = folded.fields.iter().cloned().collect::<Vec<_>>().join(", ");
    tr!(i18n, "history-folded", {
        "count" => folded.count(),
        "when" => when,
        "people" => people,
        "fields" => fields,
    })
}

/// The timeline's last entry: the older changes, folded.
#[component]
pub fn FoldedEntry(folded: Folded) -> impl IntoView {
    let i18n = expect_context::<I18n>();
    view! {
        <li class="timeline-entry timeline-folded">
            <p class="timeline-head">{move || folded_words(i18n, &folded)}</p>
        </li>
    }
}
