//! #/audit: every change of every record in a date range, filtered by office, person and
//! collection (`core::audit`), each linked to its record.

use leptos::prelude::*;
use leptos_fluent::{move_tr, tr, I18n};

use super::history_view::{office_words, EntryOfRecord};
use super::state::use_app;
use crate::core::records::record::Collection;
use crate::core::rules::dates::format_instant;
use crate::core::rules::dates::{parse_date_input, Bound, DateInputError};
use crate::core::storage::import_log::{self, ImportAct};
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
    view! {
        <h1>{move_tr!("audit-title")}</h1>
        <p class="help">{move_tr!("audit-intro")}</p>
        <form class="audit-filters card" on:submit=|ev| ev.prevent_default()>
            <DayFilter id="audit-from" label=move_tr!("audit-from") bound=Bound::Start
                set=Callback::new(move |day| filter.update(|f| f.from = day))/>
            <DayFilter id="audit-to" label=move_tr!("audit-to") bound=Bound::End
                set=Callback::new(move |day| filter.update(|f| f.to = day))/>
            <label>{move_tr!("audit-office")}
                <select id="audit-office" on:change=move |ev| {
                    let v = event_target_value(&ev);
                    filter.update(|f| f.office = v.parse().ok());
                }>
                    <option value="">{move_tr!("audit-all")}</option>
                    {move || choices.get().0.into_iter().map(|office| {
                        let words = office_words(i18n, state, office);
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
        {move || {
            let here = state.office.with(|o| o.as_ref().map(|o| o.id));
            let rows: Vec<_> = state.storage.info.with(|i| {
                filter.with(|f| {
                    import_log::imports(&i.import_log, here, f)
                        .into_iter()
                        .map(|act| import_line(i18n, &act))
                        .collect()
                })
            });
            (!rows.is_empty()).then(|| view! {
                <section class="audit-imports" aria-labelledby="audit-imports-title">
                    <h2 id="audit-imports-title">{move_tr!("audit-imports")}</h2>
                    <ol class="timeline">
                        {rows.into_iter().map(|(head, what)| view! {
                            <li class="timeline-entry">
                                <p class="timeline-head">{what}</p>
                                <p class="timeline-sub">{head}</p>
                            </li>
                        }).collect_view()}
                    </ol>
                </section>
            })
        }}
        <h2 class="audit-changes-title">{move_tr!("audit-changes")}</h2>
        <p class="result-count" role="status">
            {move || tr!(i18n, "audit-count", { "count" => found.with(|(total, _)| *total) })}
        </p>
        {move || (found.with(|(total, _)| *total) == 0).then(|| view! {
            <p class="muted audit-empty">{move || if filter.with(|f| *f == AuditFilter::default()) {
                tr!(i18n, "audit-none")
            } else {
                tr!(i18n, "audit-none-matching")
            }}</p>
        })}
        <ol class="timeline audit">
            {move || found.get().1.into_iter().map(|(key, label, change)| view! {
                <EntryOfRecord key=key label=label change=change/>
            }).collect_view()}
        </ol>
    }
}

/// An import or its undo in words: when, who, at this office (where every import is done);
/// then what it did.
fn import_line(i18n: I18n, act: &ImportAct) -> (String, String) {
    let who = match act.by() {
        "" => tr!(i18n, "history-unnamed"),
        name => name.to_string(),
    };
    let what = match act {
        ImportAct::Applied(note) => tr!(i18n, "audit-import-applied", {
            "office" => note.from_name.clone(),
            "count" => note.written,
        }),
        ImportAct::Undone(note, undo) => tr!(i18n, "audit-import-undone", {
            "office" => note.from_name.clone(),
            "imported" => format_instant(note.at),
            "reverted" => undo.reverted,
            "removed" => undo.removed,
        }),
    };
    let head = [
        format_instant(act.at()),
        who,
        tr!(i18n, "history-this-office"),
    ]
    .join(" · ");
    (head, what)
}

/// A day typed as everywhere in the app (dd/mm/yyyy, or a month, or a year: `bound` says which
/// end of it); one that cannot be read says so beside its field and filters nothing until it can.
#[component]
fn DayFilter(
    id: &'static str,
    label: Signal<String>,
    bound: Bound,
    set: Callback<Option<chrono::NaiveDate>>,
) -> impl IntoView {
    let i18n = expect_context::<I18n>();
    let problem = RwSignal::new(None::<DateInputError>);
    let problem_id = format!("{id}-problem");
    view! {
        <label>{label}
            <input id=id type="text" inputmode="numeric" placeholder="dd/mm/yyyy"
                aria-invalid=move || problem.with(Option::is_some).then_some("true")
                aria-describedby=problem_id.clone()
                on:input=move |ev| match parse_date_input(&event_target_value(&ev), bound) {
                    Ok(day) => {
                        problem.set(None);
                        set.run(day);
                    }
                    Err(e) => {
                        problem.set(Some(e));
                        set.run(None);
                    }
                }/>
            <span id=problem_id class="field-error">
                {move || problem.get().map(|e| super::text::date_input_error(i18n, &e))}
            </span>
        </label>
    }
}
