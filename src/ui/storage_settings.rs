//! The storage sections of Settings: the usage meter, durability (persistent storage, last
//! export), backups with restore, and what could not be read (with its raw text to save).

use leptos::prelude::*;
use leptos_fluent::{move_tr, tr, I18n};

use super::state::use_app;
use super::text;
use crate::core::rules::dates::format_date;
use crate::core::storage::{QUOTA_UNITS, WARN_PERCENT};

fn when(t: chrono::DateTime<chrono::Utc>) -> String {
    let local = t.with_timezone(&chrono::FixedOffset::east_opt(7 * 3600).expect("UTC+7"));
    format!(
        "{} {}",
        local.format("%H:%M"),
        format_date(local.date_naive())
    )
}

#[component]
pub fn StorageSettings() -> impl IntoView {
    view! {
        <UsageMeter/>
        <Durability/>
        <Backups/>
        <Unreadable/>
    }
}

/// A size as a share of what the browser gives the page, which a clerk reads at a glance (what
/// a "character" of storage is, is ours to know): a percentage, never 0 while something is there.
pub(crate) fn share_of_quota(units: usize) -> f64 {
    let percent = units as f64 * 100.0 / QUOTA_UNITS as f64;
    if units > 0 {
        percent.max(0.1)
    } else {
        0.0
    }
}

#[component]
fn UsageMeter() -> impl IntoView {
    let state = use_app();
    let info = state.storage.info;
    let percent = move || info.with(|i| i.units_used * 100 / QUOTA_UNITS);
    view! {
        <section class="card" id="storage-usage">
            <h2>{move_tr!("storage-usage-title")}</h2>
            <meter
                min="0"
                max=QUOTA_UNITS.to_string()
                high=(QUOTA_UNITS / 100 * WARN_PERCENT).to_string()
                value=move || info.with(|i| i.units_used.to_string())
                aria-label=move_tr!("storage-usage-meter")
            ></meter>
            <p>
                {move_tr!("storage-usage-share", {
                    "percent" => info.with(|i| share_of_quota(i.units_used)),
                    "backups" => info.with(|i| share_of_quota(i.snapshot_units)),
                })}
            </p>
            <Show when=move || { percent() >= WARN_PERCENT }>
                <p class="field-error" role="alert">
                    {move_tr!("storage-usage-warning", {"percent" => WARN_PERCENT})}
                </p>
            </Show>
        </section>
    }
}

#[component]
fn Durability() -> impl IntoView {
    let state = use_app();
    let i18n = expect_context::<I18n>();
    let info = state.storage.info;
    let message = RwSignal::new(None::<super::state::ExportSaid>);
    let export = move |_| {
        leptos::task::spawn_local(async move {
            message.set(Some(match state.export_file(None).await {
                Ok(file) => {
                    let done = tr!(i18n, "storage-exported", {"name" => file.name.clone()});
                    file.said(i18n, done)
                }
                Err(why) => Err(tr!(i18n, "storage-export-failed", {"why" => why})),
            }))
        })
    };
    view! {
        <section class="card" id="storage-durability">
            <h2>{move_tr!("storage-durability-title")}</h2>
            <p>
                {move || match info.with(|i| i.persisted) {
                    Some(true) => tr!(i18n, "storage-persisted-yes"),
                    Some(false) => tr!(i18n, "storage-persisted-no"),
                    None => tr!(i18n, "storage-persisted-unknown"),
                }}
            </p>
            <p id="unexported">
                {move || {
                    let e = info.with(|i| i.export);
                    match (e.changed_since, e.last_export) {
                        (Some(since), _) => tr!(i18n, "storage-unexported-since", {"time" => when(since)}),
                        (None, Some(last)) => tr!(i18n, "storage-all-exported", {"time" => when(last)}),
                        (None, None) => tr!(i18n, "storage-nothing-to-export"),
                    }
                }}
            </p>
            <p class="help">{move_tr!("storage-only-copy")}</p>
            <button class="primary" on:click=export>{move_tr!("export-everything")}</button>
            <super::widgets::ExportMessage said=message/>
        </section>
    }
}

#[component]
fn Backups() -> impl IntoView {
    let state = use_app();
    let i18n = expect_context::<I18n>();
    let info = state.storage.info;
    let message = RwSignal::new(None::<(bool, String)>);
    let confirm = RwSignal::new(None::<String>);
    // Named before the view: leptos-fluent's compile-time key scan skips the first {…} after a
    // `tr` tag name (`</tr>` too), here the rows, so no key may sit there only.
    let size_words =
        move |units: usize| tr!(i18n, "storage-backup-size", {"percent" => share_of_quota(units)});
    let restore_ellipsis = move_tr!("storage-restore-ellipsis");
    let deleted = move || tr!(i18n, "storage-backup-deleted");
    let writes_refused = super::widgets::read_only(state);
    view! {
        <section class="card" id="storage-backups">
            <h2>{move_tr!("storage-backups-title")}</h2>
            <p class="help">{move_tr!("storage-backups-help")}</p>
            <super::widgets::ReadOnlyNote/>
            {move || info.with(|i| i.snapshot_refused.clone()).map(|why| view! {
                <p class="field-warning" role="status">
                    {move_tr!("storage-backup-refused")} " " {move || text::snapshot_refused(i18n, &why)}
                </p>
            })}
            {move || {
                let snapshots = info.with(|i| i.snapshots.clone());
                if snapshots.is_empty() {
                    return view! { <p>{move_tr!("storage-no-backups")}</p> }.into_any();
                }
                let col_time = move_tr!("storage-col-time");
                view! {
                    <div class="table-scroll">
                        <table class="register">
                            <thead><tr>
                                <th scope="col">{col_time}</th>
                                <th scope="col">{move_tr!("storage-col-kind")}</th>
                                <th scope="col">{move_tr!("storage-col-size")}</th>
                                // The buttons' column: named for screen readers, empty on screen.
                                <th scope="col"><span class="visually-hidden">{move_tr!("storage-col-actions")}</span></th>
                            </tr></thead>
                            <tbody>
                                {snapshots.into_iter().rev().map(|s| {
                                    let key = s.key.clone();
                                    let key2 = s.key.clone();
                                    view! {
                                        <tr>
                                            <td>{when(s.taken_at)}</td>
                                            <td>{move || text::snapshot_kind(i18n, s.kind)}</td>
                                            <td>{move || size_words(s.units)}</td>
                                            <td>
                                                <button disabled=writes_refused on:click=move |_| confirm.set(Some(key.clone()))>{restore_ellipsis}</button>
                                                " "
                                                <button class="link" disabled=writes_refused on:click=move |_| {
                                                    let key = key2.clone();
                                                    state.locked(move || match state.drop_snapshot(&key) {
                                                        Ok(()) => message.set(Some((true, deleted()))),
                                                        Err(e) => message.set(Some((false, text::store_error_tr(i18n, &e)))),
                                                    });
                                                }>{move_tr!("action-delete")}</button>
                                            </td>
                                        </tr>
                                    }
                                }).collect_view()}
                            </tbody>
                        </table>
                    </div>
                }.into_any()
            }}
            <GivenUpNotes/>
            {move || confirm.get().map(|key| {
                let key_for_restore = key.clone();
                view! {
                    <div class="banner warning" role="dialog" aria-label=move_tr!("storage-restore-confirm-label")>
                        <p>{move_tr!("storage-restore-confirm")}</p>
                        <button class="primary" disabled=writes_refused on:click=move |_| {
                            confirm.set(None);
                            let key = key_for_restore.clone();
                            leptos::task::spawn_local(async move {
                                match state.restore_snapshot(&key).await {
                                    Ok(n) => message.set(Some((true, tr!(i18n, "storage-restored", {"count" => n})))),
                                    Err(why) => message.set(Some((false, tr!(i18n, "storage-restore-failed", {"why" => why.words(i18n)})))),
                                }
                            });
                        }>{move_tr!("storage-restore")}</button>
                        " "
                        <button on:click=move |_| confirm.set(None)>{move_tr!("action-cancel")}</button>
                    </div>
                }
            })}
            {move || message.get().map(|(ok, m)| view! { <p class=if ok { "field-ok" } else { "field-error" } role="status">{m}</p> })}
        </section>
    }
}

/// Why backups are gone: each snapshot given up for room, newest first, with when and why.
#[component]
fn GivenUpNotes() -> impl IntoView {
    let state = use_app();
    let i18n = expect_context::<I18n>();
    let notes = move || state.storage.info.with(|i| i.given_up.clone());
    view! {
        {move || {
            let notes = notes();
            (!notes.is_empty()).then(|| view! {
                <div id="storage-given-up">
                    <h3>{move_tr!("storage-given-up-title")}</h3>
                    <ul>
                        {notes.into_iter().rev().map(|note| {
                            let snapshot = note.snapshot();
                            view! {
                                <li>{move || text::given_up(i18n, &note, snapshot.map(|(taken_at, kind)| (when(taken_at), kind)), when(note.at))}</li>
                            }
                        }).collect_view()}
                    </ul>
                </div>
            })
        }}
    }
}

#[component]
fn Unreadable() -> impl IntoView {
    let state = use_app();
    let i18n = expect_context::<I18n>();
    let save_raw = move |_| {
        let text = state.unreadable_raw_text();
        // A file name, the same in both languages (Vietnamese without diacritics).
        let name = format!(
            "phoi-hop-du-lieu-khong-doc-duoc-{}.json",
            state.today().format("%Y-%m-%d")
        );
        if let Err(why) = crate::ui::sharing::browser::download(&text, &name) {
            state.notify(
                move |i18n| tr!(i18n, "storage-export-failed", {"why" => why.clone()}),
                None,
            );
        }
    };
    view! {
        <section class="card" id="storage-unreadable">
            <h2>{move_tr!("storage-unreadable-title")}</h2>
            {move || {
                let problems = state.load_problems.get();
                if problems.is_empty() {
                    view! { <p>{move_tr!("storage-all-readable")}</p> }.into_any()
                } else {
                    view! {
                        <p>{move_tr!("storage-unreadable-text")}</p>
                        <button on:click=save_raw>{move_tr!("storage-save-raw")}</button>
                        <ul class="problems">
                            {problems
                                .into_iter()
                                .map(|p| {
                                    view! {
                                        <li>
                                            <code>{p.key.clone()}</code>
                                            ": "
                                            {let kind = p.kind.clone(); move || text::load_problem(i18n, &kind)}
                                            <details>
                                                <summary>{move_tr!("storage-raw-text")}</summary>
                                                <textarea readonly=true rows="4">{p.raw.clone()}</textarea>
                                            </details>
                                        </li>
                                    }
                                })
                                .collect_view()}
                        </ul>
                    }
                        .into_any()
                }
            }}
        </section>
    }
}
