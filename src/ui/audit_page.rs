//! #/audit: every change of every record in a date range, filtered by office, person and
//! collection (`core::audit`), each linked to its record.

use leptos::prelude::*;
use leptos_fluent::{move_tr, tr, I18n};

use super::history_view::EntryOfRecord;
use super::state::use_app;
use crate::core::records::record::Collection;
use crate::core::views::audit::{audit, folded_count, offices_and_people, AuditFilter};

/// At most this many entries are drawn; the count says how many more the filter takes.
const SHOWN: usize = 500;

/// `office`: shown filtered to the changes made at that office (its address says so).
#[component]
pub fn AuditPage(office: Option<uuid::Uuid>) -> impl IntoView {
    let state = use_app();
    let i18n = expect_context::<I18n>();
    let filter = RwSignal::new(AuditFilter {
        office,
        ..AuditFilter::default()
    });
    let choices = Memo::new(move |_| state.data.with(offices_and_people));
    let found = Memo::new(move |_| {
        let f = filter.get();
        state.data.with(|d| {
            let all = audit(d, &f);
            let total = all.len();
            let rows: Vec<_> = all
                .into_iter()
                .take(SHOWN)
                .map(|(key, change)| (key, d.record_label(key).unwrap_or_default(), change.clone()))
                .collect();
            (total, rows)
        })
    });
    let here = move || state.office.with(|o| o.as_ref().map(|o| o.id));
    let date = |value: String| chrono::NaiveDate::parse_from_str(&value, "%Y-%m-%d").ok();
    view! {
        <h1>{move_tr!("audit-title")}</h1>
        <p class="help">{move_tr!("audit-intro")}</p>
        <form class="audit-filters card" on:submit=|ev| ev.prevent_default()>
            <label>{move_tr!("audit-from")}
                <input id="audit-from" type="date" on:change=move |ev| filter.update(|f| f.from = date(event_target_value(&ev)))/>
            </label>
            <label>{move_tr!("audit-to")}
                <input id="audit-to" type="date" on:change=move |ev| filter.update(|f| f.to = date(event_target_value(&ev)))/>
            </label>
            <label>{move_tr!("audit-office")}
                <select id="audit-office" on:change=move |ev| {
                    let v = event_target_value(&ev);
                    filter.update(|f| f.office = v.parse().ok());
                }>
                    <option value="">{move_tr!("audit-all")}</option>
                    {move || choices.get().0.into_iter().map(|office| {
                        let words = super::history_view::office_words(i18n, here(), office);
                        let chosen = move || filter.with(|f| f.office == Some(office));
                        view! { <option value=office.to_string() selected=chosen>{words}</option> }
                    }).collect_view()}
                </select>
            </label>
            <label>{move_tr!("audit-person")}
                <select id="audit-person" on:change=move |ev| {
                    let v = event_target_value(&ev);
                    filter.update(|f| f.person = (v != "\u{0}all").then_some(v));
                }>
                    <option value="\u{0}all">{move_tr!("audit-all")}</option>
                    {move || choices.get().1.into_iter().map(|person| {
                        let words = if person.is_empty() { tr!(i18n, "history-unnamed") } else { person.clone() };
                        view! { <option value=person>{words}</option> }
                    }).collect_view()}
                </select>
            </label>
            <label>{move_tr!("audit-collection")}
                <select id="audit-collection" on:change=move |ev| {
                    let v = event_target_value(&ev);
                    filter.update(|f| f.collection = Collection::ALL.into_iter().find(|c| c.as_str() == v));
                }>
                    <option value="">{move_tr!("audit-all")}</option>
                    {Collection::ALL.into_iter().map(|c| view! {
                        <option value=c.as_str()>{move || super::history_view::collection(i18n, c)}</option>
                    }).collect_view()}
                </select>
            </label>
        </form>
        {move || {
            let folded = state.data.with(folded_count);
            (folded > 0).then(|| view! {
                <p class="help audit-folded">{move_tr!("audit-folded", { "count" => folded })}</p>
            })
        }}
        <p class="result-count" role="status">
            {move || tr!(i18n, "audit-count", { "count" => found.with(|(total, _)| *total) })}
        </p>
        <ol class="timeline audit">
            {move || found.get().1.into_iter().map(|(key, label, change)| view! {
                <EntryOfRecord key=key label=label change=change/>
            }).collect_view()}
        </ol>
    }
}
