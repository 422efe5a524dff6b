//! Small pieces shared by the pages.

use leptos::prelude::*;
use leptos_fluent::{move_tr, tr, I18n};

use super::state::{use_app, ExportSaid};
use super::text;
use crate::core::records::model::Agreement;
use crate::core::records::record::{Collection, RecordKey};
use crate::core::rules::status::StatusInfo;
use crate::core::rules::validate::Issue;
use crate::core::storage::{ReadOnly, StoreError};
use crate::route::Route;

/// Says, at the top of every page, when something is not saved, could not be read, conflicts
/// between tabs, or storage is nearly full; and why a read-only page writes nothing.
#[component]
pub fn StorageBanner() -> impl IntoView {
    let state = use_app();
    let i18n = expect_context::<I18n>();
    let export_message = RwSignal::new(None::<ExportSaid>);
    let export = move |_| {
        leptos::task::spawn_local(async move {
            export_message.set(Some(match state.export_file(None).await {
                Ok(file) => {
                    let done = tr!(i18n, "save-failed-exported", {"name" => file.name.clone()});
                    file.said(i18n, done)
                }
                Err(why) => Err(tr!(i18n, "save-failed-export-error", {"why" => why})),
            }))
        })
    };
    view! {
        {move || {
            state.save.with(|s| {
                s.error.as_ref().filter(|e| **e != StoreError::ReadOnly).map(|error| {
                    let count = s.pending.len();
                    view! {
                        <div class="banner error" role="alert" id="save-failed">
                            <p>
                                <strong>{move_tr!("save-failed-title")} " "</strong>
                                {let error = error.clone(); move || text::store_error_tr(i18n, &error)}
                                " " {move_tr!("save-failed-text", {"count" => count})}
                            </p>
                            <button class="primary" on:click=export>{move_tr!("export-everything")}</button>
                            " "
                            <button on:click=move |_| state.retry_save()>{move_tr!("save-failed-retry")}</button>
                            <ExportMessage said=export_message/>
                        </div>
                    }
                })
            })
        }}
        <ConflictBanner between_offices=false/>
        <ConflictBanner between_offices=true/>
        {move || state.read_only.get().map(|why| view! {
            <div class="banner warning" role="status" id="read-only">
                <p>
                    {move || read_only_banner(i18n, &why)} " "
                    <a href="#/settings">{move_tr!("nav-settings")}</a> "."
                    {move || {
                        let count = state.save.with(|s| s.pending.len());
                        (count > 0).then(|| view! { " " <strong>{tr!(i18n, "read-only-pending", {"count" => count})}</strong> })
                    }}
                </p>
                <button class="primary" on:click=export>{move_tr!("export-everything")}</button>
                <ExportMessage said=export_message/>
            </div>
        })}
        <Show when=move || state.storage.unlocked.get()>
            <div class="banner warning" role="status" id="no-tab-lock">{move_tr!("banner-no-tab-lock")}</div>
        </Show>
        <Show when=move || state.load_problems.with(|p| !p.is_empty()) && state.read_only.with(Option::is_none)>
            <div class="banner warning" role="status">
                {move_tr!("banner-load-problems", {"count" => state.load_problems.with(Vec::len)})} " "
                <a href="#/settings">{move_tr!("nav-settings")}</a> "."
            </div>
        </Show>
        <Show when=move || {
            state.storage.info.with(|i| i.units_used * 100 >= crate::core::storage::QUOTA_UNITS * crate::core::storage::WARN_PERCENT)
                && state.save.with(|s| s.error.is_none())
        }>
            <div class="banner warning" role="status">
                {move_tr!("banner-storage-nearly-full")} " "
                <a href="#/settings">{move_tr!("nav-settings")}</a> "."
            </div>
        </Show>
    }
}

/// What an export said: the file created, then what storage could not read (a warning), or why
/// no file was made.
#[component]
pub fn ExportMessage(said: RwSignal<Option<ExportSaid>>) -> impl IntoView {
    move || {
        said.get().map(|said| match said {
            Ok((done, notes)) => view! {
                <div role="status" class="export-said">
                    <p class="field-ok">{done}</p>
                    {notes.into_iter().map(|note| view! { <p class="field-warning">{note}</p> }).collect_view()}
                </div>
            }
            .into_any(),
            Err(why) => view! { <p class="field-error" role="status">{why}</p> }.into_any(),
        })
    }
}

/// The read-only banner's words: a newer version's data, damaged data, or no storage at all.
fn read_only_banner(i18n: I18n, why: &ReadOnly) -> String {
    match why {
        ReadOnly::NewerLayout { found } => {
            tr!(i18n, "banner-read-only-newer", {"found" => found.to_string()})
        }
        // What the damaged key holds is shown, cut short: it may be anything, of any length.
        ReadOnly::DamagedLayout { found } => {
            let mut shown: String = found.chars().take(40).collect();
            if shown.len() < found.len() {
                shown.push('…');
            }
            tr!(i18n, "banner-read-only-damaged", {"found" => shown})
        }
        ReadOnly::Unavailable(error) => {
            tr!(i18n, "banner-read-only-unavailable", {"why" => text::store_error_tr(i18n, error)})
        }
    }
}

/// Why nothing can be saved, in a few words, for the note beside a disabled Save button.
pub fn read_only_reason(i18n: I18n, why: &ReadOnly) -> String {
    let why = match why {
        ReadOnly::NewerLayout { .. } => tr!(i18n, "read-only-why-newer"),
        ReadOnly::DamagedLayout { .. } => tr!(i18n, "read-only-why-damaged"),
        ReadOnly::Unavailable(_) => tr!(i18n, "read-only-why-unavailable"),
    };
    tr!(i18n, "read-only-note", {"why" => why})
}

/// Beside a form's Save (or any control that writes): while the page is read-only, why the
/// control is disabled. Pair it with `disabled=read_only(state)` on the control.
#[component]
pub fn ReadOnlyNote() -> impl IntoView {
    let state = use_app();
    let i18n = expect_context::<I18n>();
    move || {
        state.read_only.get().map(|why| {
            view! { <p class="read-only-note" role="note">{move || read_only_reason(i18n, &why)}</p> }
        })
    }
}

/// Whether controls that write must be disabled now (the page is read-only).
pub fn read_only(
    state: super::state::AppState,
) -> impl Fn() -> bool + Copy + Send + Sync + 'static {
    move || state.read_only.with(Option::is_some)
}

/// A record edited in two tabs at once (or, `between_offices`, here and in another office at
/// once: live sync): the fields the two versions still differ in, side by side, each with a
/// choice; or one version kept whole. Nothing is lost until the user chooses.
#[component]
fn ConflictBanner(between_offices: bool) -> impl IntoView {
    let state = use_app();
    let i18n = expect_context::<I18n>();
    move || {
        let conflicts = if between_offices {
            state.sync.conflicts.with(|all| {
                all.iter()
                    .map(|c| crate::core::storage::Conflict {
                        key: c.key(),
                        other: c.theirs.clone(),
                    })
                    .collect()
            })
        } else {
            state.storage.conflicts.get()
        };
        (!conflicts.is_empty()).then(|| {
            let items = conflicts
                .into_iter()
                .map(|c| {
                    let key = c.key;
                    let resolve = Callback::new(move |from_other| {
                        if between_offices {
                            state.resolve_sync_conflict(key, from_other)
                        } else {
                            state.resolve_conflict(key, from_other)
                        }
                    });
                    view! { <ConflictItem conflict=c resolve=resolve between_offices=between_offices/> }
                })
                .collect_view();
            let title = move || if between_offices { tr!(i18n, "sync-conflict-title") } else { tr!(i18n, "conflict-title") };
            let text = move || if between_offices { tr!(i18n, "sync-conflict-text") } else { tr!(i18n, "conflict-text") };
            view! {
                <div class="banner error conflicts" role="alert" id=if between_offices { "sync-conflicts" } else { "conflicts" }>
                    <p>
                        <strong>{title} " "</strong>
                        {text}
                    </p>
                    <ul>{items}</ul>
                </div>
            }
        })
    }
}

/// One record's conflict: a row per field that differs, and the choices; `resolve` gets the
/// fields to take from the other version. `between_offices`: the other version is another
/// office's (live sync), not another tab's.
#[component]
fn ConflictItem(
    conflict: crate::core::storage::Conflict,
    resolve: Callback<Vec<String>>,
    between_offices: bool,
) -> impl IntoView {
    let state = use_app();
    let i18n = expect_context::<I18n>();
    let key = conflict.key;
    let label = state
        .data
        .with_untracked(|d| d.record_label(key))
        .unwrap_or_else(|| key.id.to_string());
    let stored = state
        .data
        .with_untracked(|d| crate::core::storage::record_value(d, key))
        .unwrap_or(serde_json::Value::Null);
    let fields = crate::core::storage::tabs::conflict_fields(&stored, &conflict.other);
    // The leaf rows (as an import's conflict shows them) under each field that differs.
    let rows = crate::core::exchange::import::preview::field_rows(&stored, &conflict.other);
    // Per field: true = take the other version's value; unset = not chosen yet.
    let picks = RwSignal::new(std::collections::BTreeMap::<String, bool>::new());
    let incomplete = RwSignal::new(false);
    let name = |field: &str| format!("conflict-{}-{field}", key.id);
    let field_rows = fields
        .iter()
        .map(|field| {
            let lines = |other: bool| -> Vec<String> {
                if field == "deleted" {
                    let side = if other { &conflict.other } else { &stored };
                    let deleted = side.get("deleted").and_then(|v| v.as_bool()) == Some(true);
                    return vec![if deleted { tr!(i18n, "conflict-deleted-yes") } else { tr!(i18n, "conflict-deleted-no") }];
                }
                let under: Vec<String> = rows
                    .iter()
                    .filter(|r| r.differs() && top_field(&r.path) == field)
                    .map(|r| {
                        let value = if other { r.theirs.clone() } else { r.mine.clone() };
                        let value = value.unwrap_or_else(|| "—".into());
                        if r.path == *field {
                            value
                        } else {
                            format!("{}: {value}", crate::ui::sharing::wording::field(i18n, &r.path))
                        }
                    })
                    .collect();
                if under.is_empty() { vec!["—".into()] } else { under }
            };
            let cell = |other: bool| {
                let field = field.clone();
                let lines = lines(other);
                view! {
                    <td class=if other { "theirs" } else { "mine" }>
                        <label class="conflict-pick">
                            <input
                                type="radio"
                                name=name(&field)
                                prop:checked={
                                    let field = field.clone();
                                    move || picks.with(|p| p.get(&field) == Some(&other))
                                }
                                on:change={
                                    let field = field.clone();
                                    move |_| {
                                        picks.update(|p| { p.insert(field.clone(), other); });
                                        incomplete.set(false);
                                    }
                                }
                            />
                            <span>{lines.into_iter().map(|l| view! { <span class="conflict-line">{l}</span> }).collect_view()}</span>
                        </label>
                    </td>
                }
            };
            view! {
                <tr>
                    <th scope="row">{crate::ui::sharing::wording::field(i18n, field)}</th>
                    {cell(false)}
                    {cell(true)}
                </tr>
            }
        })
        .collect_view();
    let all_fields = fields.clone();
    let save_choices = move |_| {
        let chosen = picks.get_untracked();
        if all_fields.iter().any(|f| !chosen.contains_key(f)) {
            incomplete.set(true);
            return;
        }
        let from_other = all_fields.iter().filter(|f| chosen[*f]).cloned().collect();
        resolve.run(from_other);
    };
    // The two sides and the keep-whole choices are named by where the other version is from.
    let stored_head = move || {
        if between_offices {
            tr!(i18n, "sync-conflict-here")
        } else {
            tr!(i18n, "conflict-stored")
        }
    };
    let other_head = move || {
        if between_offices {
            tr!(i18n, "sync-conflict-server")
        } else {
            tr!(i18n, "conflict-other")
        }
    };
    let keep_stored = move || {
        if between_offices {
            tr!(i18n, "sync-conflict-keep-here")
        } else {
            tr!(i18n, "conflict-keep-stored")
        }
    };
    let keep_other = move || {
        if between_offices {
            tr!(i18n, "sync-conflict-keep-server")
        } else {
            tr!(i18n, "conflict-keep-other")
        }
    };
    let every_field = fields.clone();
    let writes_refused = read_only(state);
    view! {
        <li class="conflict-item">
            <strong>{label}</strong>
            <table class="conflict">
                <thead><tr><th scope="col">{move_tr!("conflict-field")}</th><th scope="col">{stored_head}</th><th scope="col">{other_head}</th></tr></thead>
                <tbody>{field_rows}</tbody>
            </table>
            <div class="conflict-actions">
                <button class="primary" disabled=writes_refused on:click=save_choices>{move_tr!("conflict-apply")}</button>
                " "
                <button disabled=writes_refused on:click=move |_| resolve.run(Vec::new())>{keep_stored}</button>
                " "
                <button disabled=writes_refused on:click=move |_| resolve.run(every_field.clone())>{keep_other}</button>
            </div>
            <ReadOnlyNote/>
            {move || incomplete.get().then(|| view! { <p class="field-error" role="alert">{move_tr!("conflict-pick-every-field")}</p> })}
        </li>
    }
}

/// The record's own field a leaf path belongs to ("parties[1].organisation" → "parties").
fn top_field(path: &str) -> &str {
    path.split(['.', '[']).next().unwrap_or(path)
}

/// Long work under way (an export, reading or applying an import): what, and how far. The
/// words are said once when it starts (a live region); the bar and the count follow on screen.
#[component]
pub fn WorkProgress() -> impl IntoView {
    use super::state::WorkKind;
    let state = use_app();
    let i18n = expect_context::<I18n>();
    let kind = Memo::new(move |_| state.work.with(|w| w.map(|w| w.kind)));
    let label = move || {
        kind.get().map(|kind| match kind {
            WorkKind::Export => tr!(i18n, "work-export"),
            WorkKind::ReadImport => tr!(i18n, "work-read-import"),
            WorkKind::Snapshot => tr!(i18n, "work-snapshot"),
            WorkKind::ApplyImport => tr!(i18n, "work-apply-import"),
        })
    };
    view! {
        <div class="work-progress" role="status">
            {move || label().map(|label| {
                let count = move || {
                    state.work.with(|w| w.filter(|w| w.total > 0).map(|w| tr!(i18n, "work-count", {
                        "done" => w.done,
                        "total" => w.total,
                    })))
                };
                view! {
                    <div class="work-box">
                        <strong>{label.clone()}</strong>
                        <progress
                            max=move || state.work.with(|w| w.map_or(1, |w| w.total.max(1)).to_string())
                            // No value while the work is not counted: the bar says "busy".
                            value=move || state.work.with(|w| w.filter(|w| w.total > 0).map(|w| w.done.to_string()))
                            aria-label=label
                        ></progress>
                        <span class="muted" aria-hidden="true">{count}</span>
                    </div>
                }
            })}
        </div>
    }
}

/// The notices, stacked: the newest at the bottom, each with its own undo and close.
#[component]
pub fn ToastView() -> impl IntoView {
    let state = use_app();
    let i18n = expect_context::<I18n>();
    view! {
        <div class="toast-area" aria-live="polite">
            <For
                each=move || state.toasts.get()
                key=|toast| toast.serial
                children=move |toast| {
                    let undo = toast.undo;
                    let words = toast.words;
                    let serial = toast.serial;
                    view! {
                        <div class="toast" role="status">
                            <span>{move || words(i18n)}</span>
                            // Whatever the message, say so while the browser refuses to store edits.
                            // (A read-only page's notice says so itself.)
                            {move || state.save.with(|s| s.error.as_ref().is_some_and(|e| *e != StoreError::ReadOnly)).then(|| view! {
                                <span class="toast-warning">{move_tr!("toast-not-stored")}</span>
                            })}
                            {undo.map(|u| view! { <button on:click=move |_| { state.undo(u); state.dismiss(serial) }>{move_tr!("action-undo")}</button> })}
                            <button class="close" aria-label=move_tr!("toast-close") on:click=move |_| state.dismiss(serial)>"×"</button>
                        </div>
                    }
                }
            />
        </div>
    }
}

#[component]
pub fn NotFound(path: String) -> impl IntoView {
    view! {
        <section class="empty">
            <h1>{move_tr!("not-found-title")}</h1>
            <p>{move_tr!("not-found-text", {"path" => path.clone()})}</p>
            <a class="button" href="#/agreements">{move_tr!("back-to-agreements")}</a>
        </section>
    }
}

/// A record that is not (or no longer) there: deleted, or from a link to another office's data.
#[component]
pub fn Missing(what: Collection, deleted: bool) -> impl IntoView {
    let i18n = expect_context::<I18n>();
    let title = move || match what {
        Collection::Agreements => tr!(i18n, "missing-agreement"),
        Collection::Events => tr!(i18n, "missing-event"),
        Collection::Recommendations => tr!(i18n, "missing-recommendation"),
        Collection::Organisations => tr!(i18n, "missing-organisation"),
        Collection::People => tr!(i18n, "missing-person"),
    };
    view! {
        <section class="empty">
            <h1>{title}</h1>
            <p>
                {if deleted {
                    move_tr!("missing-deleted")
                } else {
                    move_tr!("missing-elsewhere")
                }}
            </p>
            <a class="button" href="#/agreements">{move_tr!("back-to-agreements")}</a>
        </section>
    }
}

/// One agreement's status today, for a page that shows a few (a list of many reads a
/// `statuses` map: each call goes through every event).
pub fn status_of(state: super::state::AppState, agreement: &Agreement) -> StatusInfo {
    state
        .data
        .with_untracked(|d| crate::core::rules::status::status_in(d, agreement, state.today()))
}

/// An agreement's status (`status_of`, or a list's `statuses`), its reason on hover.
#[component]
pub fn StatusBadge(info: StatusInfo) -> impl IntoView {
    let i18n = expect_context::<I18n>();
    let (status, reason) = (info.status, info.reason);
    view! {
        <span class=text::status_class(status) title=move || text::status_reason(i18n, &reason)>
            {move || text::status(i18n, status)}
        </span>
    }
}

/// The messages about one field, shown beside it.
#[component]
pub fn FieldIssues(
    issues: RwSignal<Vec<Issue>>,
    #[prop(into)] field: Signal<String>,
) -> impl IntoView {
    let i18n = expect_context::<I18n>();
    view! {
        {move || {
            let field = field.get();
            issues.with(|all| {
                all.iter()
                    .filter(|i| i.field == field)
                    .map(|i| {
                        let class = if i.is_error() { "field-error" } else { "field-warning" };
                        view! { <p class=class role=if i.is_error() { "alert" } else { "status" }>{text::problem(i18n, &i.problem)}</p> }
                    })
                    .collect_view()
            })
        }}
    }
}

/// A link to any stored record, by its label; a record missing here says so.
pub fn record_link(state: super::state::AppState, key: RecordKey) -> impl IntoView {
    match state.data.with_untracked(|d| d.record_label(key)) {
        Some(label) => {
            view! { <a href=Route::of_record(key.collection, key.id).href()>{label}</a> }.into_any()
        }
        None => view! { <span class="muted">{move_tr!("record-not-in-data")}</span> }.into_any(),
    }
}

/// Why a delete was refused: each live record that still refers to it, as a link.
///
/// Reads "Chưa xóa được. Còn N bản ghi <explanation>" in Vietnamese and "Not deleted. Records
/// that still refer to it: N. <explanation>" in English: a translated explanation
/// (`explanation=move_tr!("…")`) is a sentence of its own in English, a continuation in Vietnamese.
#[component]
pub fn DeleteRefused(
    blockers: RwSignal<Option<Vec<RecordKey>>>,
    /// What the blocking records do with this one, and what to do about it.
    #[prop(optional, into)]
    explanation: MaybeProp<String>,
) -> impl IntoView {
    let state = use_app();
    let i18n = expect_context::<I18n>();
    move || {
        blockers.get().map(|keys| {
            let count = keys.len();
            let explanation = move || {
                explanation
                    .get()
                    .filter(|e| !e.is_empty())
                    .unwrap_or_else(|| tr!(i18n, "delete-refused-default"))
            };
            view! {
                <div class="banner error" role="alert">
                    <p>
                        <strong>{move_tr!("delete-refused-title")} " "</strong>
                        {move_tr!("delete-refused-count", {"count" => count})} " "
                        {explanation}
                    </p>
                    <ul>{keys.into_iter().map(|k| view! { <li>{record_link(state, k)}</li> }).collect_view()}</ul>
                    <button class="link" on:click=move |_| blockers.set(None)>{move_tr!("action-close")}</button>
                </div>
            }
        })
    }
}

/// Prints the page (style/print.css lays out what a page prints).
#[component]
pub fn PrintButton() -> impl IntoView {
    let print = move |_| {
        if let Some(w) = web_sys::window() {
            let _ = w.print();
        }
    };
    view! { <button class="print-button" on:click=print>{move_tr!("action-print")}</button> }
}
