//! The preview of an import: counts and lists by group, warnings, and each conflict field by
//! field with the user's choice. Nothing is written until the import is confirmed.

use std::collections::BTreeMap;
use std::sync::Arc;

use leptos::prelude::*;
use leptos_fluent::{move_tr, tr, I18n};

use super::{apply_import, use_sharing, wording, Stage};
use crate::core::exchange::import::preview::{conflict_detail, label, label_in_file};
use crate::core::exchange::import::{Group, IncomingFile, Preview, MAX_WARNINGS_LISTED};
use crate::core::records::record::RecordKey;
use crate::core::rules::dates::{format_date, format_instant};
use crate::route::Route;
use crate::ui::i18n::number;
use crate::ui::state::use_app;

/// Lists longer than this are cut, with the number left out: a whole office is thousands.
const SHOWN_PER_GROUP: usize = 100;
/// Warnings listed at once; the rest behind "… and N more".
const WARNINGS_SHOWN: usize = 50;

#[component]
pub fn PreviewView(name: String, file: Arc<IncomingFile>, preview: Arc<Preview>) -> impl IntoView {
    let state = use_app();
    let sharing = use_sharing();
    let i18n = expect_context::<I18n>();
    let error = RwSignal::new(None::<String>);
    let conflicts: Vec<RecordKey> = preview.in_group(Group::Conflict).map(|e| e.key).collect();
    let conflict_count = conflicts.len();
    let undecided = Memo::new(move |_| {
        sharing
            .choices
            .with(|c| conflicts.iter().filter(|k| !c.contains_key(k)).count())
    });
    let changes = preview
        .entries
        .iter()
        .filter(|e| !matches!(e.group, Group::Identical | Group::LocalNewer))
        .count();
    let header = file.header.clone();
    let for_apply = file.clone();
    let confirm = move |_| {
        let file = for_apply.clone();
        leptos::task::spawn_local(async move {
            if let Err(message) = apply_import(state, sharing, file, i18n).await {
                error.set(Some(message));
            }
        });
    };
    let cancel = move |_| sharing.stage.set(Stage::Idle);
    // Worded when shown (in a closure), so a language switch rewords them.
    let deletions: Vec<(String, String, usize)> = preview
        .deletions_in_use
        .iter()
        .map(|d| {
            let what = state
                .data
                .with_untracked(|data| label(data, d.key))
                .unwrap_or_default();
            (what, d.place.to_string(), d.used_by.len())
        })
        .collect();
    // Each warning beside the record it is about, named as the user knows it: a place in the
    // file ("agreements[5]") says little. Labels are looked up once per record.
    let mut labels: BTreeMap<RecordKey, String> = BTreeMap::new();
    let file_warnings: Vec<_> = file
        .warnings
        .iter()
        .map(|w| {
            let record = w.record().map(|key| {
                let label = labels
                    .entry(key)
                    .or_insert_with(|| label_in_file(&file, key).unwrap_or_default());
                (key.collection, label.clone())
            });
            (w.message(), record)
        })
        .collect();
    // Every warning counts; at most MAX_WARNINGS_LISTED are written out (the core builds no
    // more), and the rest is said in one line.
    let warning_count = file.warning_count() + deletions.len();
    let unlisted = warning_count - (file_warnings.len() + deletions.len()).min(MAX_WARNINGS_LISTED);
    let warnings = move || -> Vec<String> {
        file_warnings
            .iter()
            .map(|(message, record)| {
                let warning = wording::message(i18n, message);
                match record {
                    Some((collection, label)) => tr!(i18n, "sharing-warning-of-record", {
                        "collection" => wording::collection(i18n, *collection),
                        "label" => label.clone(),
                        "warning" => warning,
                    }),
                    None => warning,
                }
            })
            .chain(deletions.iter().map(|(what, position, count)| {
                tr!(i18n, "sharing-deletion-in-use", {
                    "what" => what.clone(),
                    "position" => position.clone(),
                    "count" => *count,
                })
            }))
            .take(MAX_WARNINGS_LISTED)
            .collect()
    };
    let group_list = {
        let preview = preview.clone();
        let file = file.clone();
        move |group: Group| {
            let entries: Vec<_> = preview.in_group(group).cloned().collect();
            let total = entries.len();
            (total > 0 && group != Group::Conflict).then(|| {
                let rows = entries
                    .into_iter()
                    .take(SHOWN_PER_GROUP)
                    .map(|e| {
                        // Labels from the file: a new record is not here yet.
                        let text = label_in_file(&file, e.key).unwrap_or_default();
                        let href = Route::of_record(e.key.collection, e.key.id).href();
                        view! {
                            <li>
                                <span class="muted">{move || wording::collection(i18n, e.key.collection)} ": "</span>
                                {if group == Group::New { view! { <span>{text}</span> }.into_any() } else { view! { <a href=href>{text}</a> }.into_any() }}
                            </li>
                        }
                    })
                    .collect_view();
                view! {
                    <details class="group-list" open=matches!(group, Group::New | Group::IncomingNewer | Group::DeletedInFile)>
                        <summary>
                            {move || wording::group(i18n, group)} " (" {move || number(i18n, total)} "): "
                            {move || wording::group_effect(i18n, group)}
                        </summary>
                        <ul>{rows}</ul>
                        {(total > SHOWN_PER_GROUP).then(|| view! {
                            <p class="muted">{move_tr!("sharing-more-records", {"count" => total - SHOWN_PER_GROUP})}</p>
                        })}
                    </details>
                }
            })
        }
    };
    view! {
        <section class="card preview" aria-labelledby="preview-title">
            <h2 id="preview-title">{move_tr!("sharing-preview-title", {"name" => name.clone()})}</h2>
            <p>
                {move_tr!("sharing-preview-from")} " " <strong>{header.office.name.clone()}</strong>
                {move_tr!("sharing-preview-exported", {
                    "time" => format_instant(header.exported_at),
                    "scope" => wording::scope(i18n, &header.scope),
                })}
                {file.migrated_from.map(|v| view! {
                    " " {move_tr!("sharing-preview-migrated", {"version" => v.to_string()})}
                })}
            </p>
            {(!file.unreadable.is_empty()).then(|| {
                let keys: Vec<String> = file.unreadable.iter().map(|u| u.key.clone()).collect();
                let count = keys.len();
                view! {
                    <div class="banner warning" id="preview-unreadable">
                        <p>{move_tr!("sharing-preview-unreadable", {"count" => count})}</p>
                        <details>
                            <summary>{move_tr!("sharing-preview-unreadable-keys")}</summary>
                            <ul>{keys.iter().map(|k| view! { <li><code>{k.clone()}</code></li> }).collect_view()}</ul>
                        </details>
                    </div>
                }
            })}
            <ul class="counts" aria-label=move_tr!("sharing-counts-label")>
                {Group::ALL.into_iter().map(|g| {
                    let n = preview.count(g);
                    view! {
                        <li class=wording::group_class(g)>
                            <strong>{move || number(i18n, n)}</strong>
                            <span>{move || wording::group(i18n, g)}</span>
                        </li>
                    }
                }).collect_view()}
            </ul>
            {(warning_count > 0).then(|| {
                let rest = warnings.clone();
                view! {
                <div class="banner warning" role="status">
                    <strong>{move_tr!("sharing-warnings", {"count" => warning_count})}</strong>
                    <ul>{move || warnings().into_iter().take(WARNINGS_SHOWN).map(|w| view! { <li>{w}</li> }).collect_view()}</ul>
                    // The rest one click away: a long list would push the counts and the
                    // conflicts out of sight, but every warning must be there to read.
                    {(warning_count > WARNINGS_SHOWN).then(|| view! {
                        <details class="more-warnings">
                            <summary>{move_tr!("sharing-more-warnings", {"count" => warning_count - WARNINGS_SHOWN})}</summary>
                            <ul>{move || rest().into_iter().skip(WARNINGS_SHOWN).map(|w| view! { <li>{w}</li> }).collect_view()}</ul>
                            {(unlisted > 0).then(|| view! {
                                <p class="muted">{move_tr!("sharing-unlisted-warnings", {"count" => unlisted, "listed" => MAX_WARNINGS_LISTED})}</p>
                            })}
                        </details>
                    })}
                </div>
            }})}
            {(conflict_count > 0).then(|| view! {
                <h3>{move_tr!("sharing-conflicts-title", {"count" => conflict_count})}</h3>
                <p class="help">{move_tr!("sharing-conflicts-help")}</p>
                {preview.in_group(Group::Conflict).map(|e| view! {
                    <ConflictCard key=e.key file=file.clone()/>
                }).collect_view()}
            })}
            {Group::ALL.into_iter().map(group_list.clone()).collect_view()}
            {move || error.get().map(|m| view! { <p class="field-error" role="alert">{m}</p> })}
            <div class="actions">
                {if changes == 0 {
                    view! {
                        <p>{move_tr!("sharing-nothing-new")}</p>
                        <button class="primary" on:click=cancel>{move_tr!("action-close")}</button>
                    }.into_any()
                } else {
                    view! {
                        <crate::ui::widgets::ReadOnlyNote/>
                        <button class="primary" on:click=confirm disabled=move || { undecided.get() > 0 || state.work.with(Option::is_some) || state.read_only.with(Option::is_some) }>
                            {move_tr!("sharing-apply", {"count" => changes})}
                        </button>
                        {move || (undecided.get() > 0).then(|| view! {
                            <span class="muted">{move_tr!("sharing-undecided", {"count" => undecided.get()})}</span>
                        })}
                        <button on:click=cancel>{move_tr!("sharing-cancel")}</button>
                    }.into_any()
                }}
            </div>
        </section>
    }
}

/// A field's value as a reader expects it: times in Vietnam's clock, absence said in words.
fn shown(i18n: I18n, path: &str, value: Option<&str>) -> String {
    match value {
        None => tr!(i18n, "sharing-no-value"),
        Some(v) if matches!(path, "created" | "updated") => v
            .parse::<chrono::DateTime<chrono::Utc>>()
            .map(format_instant)
            .unwrap_or_else(|_| v.to_string()),
        // A day (period ends, signing dates, deadlines) as the forms write it: dd/mm/yyyy.
        Some(v) => chrono::NaiveDate::parse_from_str(v, "%Y-%m-%d")
            .map(format_date)
            .unwrap_or_else(|_| v.to_string()),
    }
}

#[component]
fn ConflictCard(key: RecordKey, file: Arc<IncomingFile>) -> impl IntoView {
    let state = use_app();
    let sharing = use_sharing();
    let i18n = expect_context::<I18n>();
    let detail = state
        .data
        .with_untracked(|data| conflict_detail(data, &file, key));
    let title = state
        .data
        .with_untracked(|data| label(data, key))
        .unwrap_or_default();
    let Some(detail) = detail else {
        return ().into_any();
    };
    let group_name = format!("choice-{}", key.id);
    let same = detail.rows.iter().filter(|r| !r.differs()).count();
    // Named before the view: leptos-fluent's compile-time key scan skips the first {…} after a
    // `tr` tag name, so no key may sit there only.
    let col_field = move_tr!("sharing-conflict-field");
    let label_title = title.clone();
    view! {
        <article class="conflict" aria-label=move || tr!(i18n, "sharing-conflict-label", {"title" => label_title.clone()})>
            <h4>{move || wording::collection(i18n, key.collection)} ": " <a href=Route::of_record(key.collection, key.id).href()>{title.clone()}</a></h4>
            <table class="plain diff">
                <thead><tr><th scope="col">{col_field}</th><th scope="col">{move_tr!("sharing-conflict-mine")}</th><th scope="col">{move_tr!("sharing-conflict-theirs")}</th></tr></thead>
                <tbody>
                    {detail.rows.iter().filter(|r| r.differs()).map(|r| {
                        let (path, mine, theirs) = (r.path.clone(), r.mine.clone(), r.theirs.clone());
                        let path2 = path.clone();
                        let path3 = path.clone();
                        view! {
                            <tr>
                                <th scope="row">{move || wording::field(i18n, &path)}</th>
                                <td class="mine">{move || shown(i18n, &path2, mine.as_deref())}</td>
                                <td class="theirs">{move || shown(i18n, &path3, theirs.as_deref())}</td>
                            </tr>
                        }
                    }).collect_view()}
                </tbody>
            </table>
            <p class="muted">{move_tr!("sharing-conflict-same", {"count" => same})}</p>
            <fieldset class="choices">
                <legend>{move_tr!("sharing-conflict-which")}</legend>
                {detail.choices.iter().map(|&choice| {
                    let id = format!("{group_name}-{choice:?}");
                    view! {
                        <div class="check">
                            <input
                                type="radio"
                                id=id.clone()
                                name=group_name.clone()
                                prop:checked=move || sharing.choices.with(|c| c.get(&key) == Some(&choice))
                                on:change=move |_| sharing.choices.update(|c| { c.insert(key, choice); })
                            />
                            <label for=id>{move || wording::choice(i18n, choice)}</label>
                        </div>
                    }
                }).collect_view()}
            </fieldset>
        </article>
    }
    .into_any()
}
