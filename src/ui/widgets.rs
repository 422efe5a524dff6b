//! Small pieces shared by the pages.

use leptos::prelude::*;
use leptos_fluent::{move_tr, tr, I18n};

use super::state::{use_app, ExportSaid};
use super::text;
use crate::core::model::{Agreement, Collection};
use crate::core::status::status_in;
use crate::core::validate::Issue;
use crate::core::workspace::RecordKey;
use crate::route::Route;

/// Says, at the top of every page, when something is not saved, could not be read, conflicts
/// between tabs, or storage is nearly full.
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
                s.error.as_ref().map(|error| {
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
        <ConflictBanner/>
        <Show when=move || state.read_only.get()>
            <div class="banner warning" role="status">
                {move_tr!("banner-read-only")} " "
                <a href="#/settings">{move_tr!("nav-settings")}</a> "."
            </div>
        </Show>
        <Show when=move || state.load_problems.with(|p| !p.is_empty()) && !state.read_only.get()>
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

/// A record edited in two tabs at once: both versions, side by side where they differ, and a
/// choice. Nothing is lost until the user chooses.
#[component]
fn ConflictBanner() -> impl IntoView {
    let state = use_app();
    let i18n = expect_context::<I18n>();
    move || {
        let conflicts = state.storage.conflicts.get();
        (!conflicts.is_empty()).then(|| {
            let items = conflicts
                .into_iter()
                .map(|c| {
                    let key = c.key;
                    let label = state
                        .data
                        .with_untracked(|d| d.record_label(key))
                        .unwrap_or_else(|| key.id.to_string());
                    let stored = state.data.with_untracked(|d| crate::core::storage::record_value(d, key));
                    let stored = stored.unwrap_or(serde_json::Value::Null);
                    // The same field-by-field rows as an import's conflicts, minus the times.
                    let rows = crate::core::import::preview::field_rows(&stored, &c.other)
                        .into_iter()
                        .filter(|r| r.differs() && r.path != "updated" && r.path != "created")
                        .map(|r| {
                            let show = |v: Option<String>| v.unwrap_or_else(|| "—".into());
                            view! { <tr><th scope="row">{crate::ui::sharing::wording::field(i18n, &r.path)}</th><td>{show(r.mine)}</td><td>{show(r.theirs)}</td></tr> }
                        })
                        .collect_view();
                    view! {
                        <li>
                            <strong>{label}</strong>
                            <table class="conflict">
                                <thead><tr><th scope="col">{move_tr!("conflict-field")}</th><th scope="col">{move_tr!("conflict-stored")}</th><th scope="col">{move_tr!("conflict-other")}</th></tr></thead>
                                <tbody>{rows}</tbody>
                            </table>
                            <button on:click=move |_| state.resolve_conflict(key, false)>{move_tr!("conflict-keep-stored")}</button>
                            " "
                            <button on:click=move |_| state.resolve_conflict(key, true)>{move_tr!("conflict-keep-other")}</button>
                        </li>
                    }
                })
                .collect_view();
            view! {
                <div class="banner error" role="alert" id="conflicts">
                    <p>
                        <strong>{move_tr!("conflict-title")} " "</strong>
                        {move_tr!("conflict-text")}
                    </p>
                    <ul>{items}</ul>
                </div>
            }
        })
    }
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
                            {move || state.save.with(|s| s.error.is_some()).then(|| view! {
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

#[component]
pub fn StatusBadge(agreement: Agreement) -> impl IntoView {
    let state = use_app();
    let i18n = expect_context::<I18n>();
    let info = state
        .data
        .with_untracked(|d| status_in(d, &agreement, state.today()));
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
