//! A record's history as a timeline, newest first (every record's page), and the person's name
//! the entries carry (asked once per browser, kept in Settings).

use leptos::prelude::*;
use leptos_fluent::{move_tr, tr, I18n};

use super::history_folded::FoldedEntry;
use super::state::{use_app, AppState};
use crate::core::records::history::{Change, Excerpt, How};
use crate::core::records::record::{Collection, RecordKey};
use crate::core::records::workspace::Dataset;
use crate::core::rules::dates::format_instant;
use crate::route::Route;

/// Where this browser keeps the person's name (not data: it goes into the entries made here).
pub const EDITOR_KEY: &str = "phoihop-editor";

/// The name kept in this browser; empty when none was given.
pub fn editor_name() -> String {
    web_sys::window()
        .and_then(|w| w.local_storage().ok().flatten())
        .and_then(|s| s.get_item(EDITOR_KEY).ok().flatten())
        .unwrap_or_default()
}

/// Keeps the name; false when the browser refused.
pub fn set_editor_name(name: &str) -> bool {
    web_sys::window()
        .and_then(|w| w.local_storage().ok().flatten())
        .is_some_and(|s| s.set_item(EDITOR_KEY, name.trim()).is_ok())
}

/// One value of a change as shown: a record's name for an id we hold, "(trống)" for nothing.
fn shown(i18n: I18n, data: &Dataset, value: &Option<Excerpt>) -> String {
    match value {
        None => tr!(i18n, "history-absent"),
        Some(Excerpt::Whole(text)) if text.is_empty() => tr!(i18n, "history-empty"),
        Some(Excerpt::Whole(text)) => match text
            .parse::<uuid::Uuid>()
            .ok()
            .and_then(|id| label_of(data, id))
        {
            Some(label) => label,
            None => text.clone(),
        },
        Some(Excerpt::Shortened {
            head,
            tail,
            left_out,
        }) => {
            tr!(i18n, "history-shortened", { "head" => head.clone(), "tail" => tail.clone(), "left_out" => *left_out })
        }
        Some(Excerpt::Part {
            text,
            skipped_before,
            skipped_after,
        }) => {
            tr!(i18n, "history-part", { "text" => text.clone(), "before" => *skipped_before, "after" => *skipped_after })
        }
    }
}

fn label_of(data: &Dataset, id: uuid::Uuid) -> Option<String> {
    crate::core::records::record::Collection::ALL
        .into_iter()
        .find_map(|collection| data.record_label(RecordKey { collection, id }))
}

/// Who, where and how of an entry, in words.
pub fn entry_head(i18n: I18n, state: AppState, change: &Change) -> String {
    let who = if change.by.is_empty() {
        tr!(i18n, "history-unnamed")
    } else {
        change.by.clone()
    };
    let office = office_words(i18n, state, change.office);
    let how = match &change.how {
        How::Typed if change.created => tr!(i18n, "history-how-created"),
        How::Typed => tr!(i18n, "history-how-typed"),
        How::Imported { from } => {
            tr!(i18n, "history-how-imported", { "office" => office_words(i18n, state, *from) })
        }
        How::ConflictChoice { with: Some(other) } => {
            tr!(i18n, "history-how-conflict-file", { "office" => office_words(i18n, state, *other) })
        }
        How::ConflictChoice { with: None } => tr!(i18n, "history-how-conflict"),
        How::Undeleted => tr!(i18n, "history-how-undeleted"),
        How::SnapshotRestored { taken } => {
            tr!(i18n, "history-how-snapshot", { "taken" => format_instant(*taken) })
        }
        How::Unknown(_) => tr!(i18n, "history-how-unknown"),
    };
    tr!(i18n, "history-entry-head", {
        "when" => format_instant(change.at),
        "who" => who,
        "office" => office,
        "how" => how,
    })
}

/// An office in words: this one as such, another by the name learned from its files
/// (`KnownOffices`), one never heard of by the start of its id. Tracked: a view that calls it
/// follows a name learned.
pub fn office_words(i18n: I18n, state: AppState, office: uuid::Uuid) -> String {
    if state.office.with(|o| o.as_ref().map(|o| o.id)) == Some(office) {
        return tr!(i18n, "history-this-office");
    }
    let known = state
        .storage
        .info
        .with(|i| i.known_offices.name(&office).map(str::to_string));
    known.unwrap_or_else(|| {
        let id = office.to_string();
        tr!(i18n, "history-other-office", { "id" => id[..8].to_string() })
    })
}

/// The fields of one entry: path, before → after.
#[component]
pub fn ChangeFields(collection: Collection, change: Change) -> impl IntoView {
    let state = use_app();
    let i18n = expect_context::<I18n>();
    let fields = change.fields.clone();
    (!fields.is_empty()).then(|| {
        view! {
            <ul class="history-fields">
                {fields.into_iter().map(|f| {
                    let (before, after) = (f.before.clone(), f.after.clone());
                    let path = f.path.clone();
                    let before = move || state.data.with(|d| shown(i18n, d, &before));
                    let after = move || state.data.with(|d| shown(i18n, d, &after));
                    view! {
                        <li>
                            <span class="history-field" title=f.path.clone()>
                                {move || super::history_fields::field_words(i18n, collection, &path)}
                            </span>": "
                            <span class="history-before">{before}</span>
                            " → "
                            <span class="history-after">{after}</span>
                        </li>
                    }
                }).collect_view()}
            </ul>
        }
    })
}

/// The record's history, newest first.
#[component]
pub fn RecordHistory(key: RecordKey) -> impl IntoView {
    let state = use_app();
    let i18n = expect_context::<I18n>();
    let changes = Memo::new(move |_| {
        state.data.with(|d| {
            crate::with_record_type!(key.collection, T => {
                use crate::core::records::workspace::Stored;
                T::table(d).get(&key.id).map(|r| {
                    use crate::core::records::record::Record;
                    let mut c = r.meta().changes.clone();
                    c.reverse();
                    c
                }).unwrap_or_default()
            })
        })
    });
    let folded = Memo::new(move |_| {
        state.data.with(|d| {
            crate::with_record_type!(key.collection, T => {
                use crate::core::records::workspace::Stored;
                use crate::core::records::record::Record;
                T::table(d).get(&key.id).and_then(|r| r.meta().folded_changes.clone())
            })
        })
    });
    view! {
        <section class="card record-history" aria-labelledby="record-history-title">
            <h2 id="record-history-title">{move_tr!("history-title")}</h2>
            {move || (changes.with(Vec::is_empty) && folded.with(Option::is_none)).then(|| view! {
                <p class="help">{move_tr!("history-none")}</p>
            })}
            <ol class="timeline">
                {move || changes.get().into_iter().map(|change| {
                    let head = change.clone();
                    view! {
                        <li class="timeline-entry">
                            <p class="timeline-head">{move || entry_head(i18n, state, &head)}</p>
                            <ChangeFields collection=key.collection change=change/>
                        </li>
                    }
                }).collect_view()}
                {move || folded.get().map(|folded| view! { <FoldedEntry collection=key.collection folded=folded/> })}
            </ol>
            <p class="help">
                <a href=Route::Audit.href()>{move_tr!("history-see-audit")}</a>
            </p>
        </section>
    }
}

/// Where this browser notes that the name was asked (once; "Later" is an answer).
const ASKED_KEY: &str = "phoihop-editor-asked";

fn asked() -> bool {
    web_sys::window()
        .and_then(|w| w.local_storage().ok().flatten())
        .and_then(|s| s.get_item(ASKED_KEY).ok().flatten())
        .is_some()
}

fn note_asked() {
    if let Some(s) = web_sys::window().and_then(|w| w.local_storage().ok().flatten()) {
        let _ = s.set_item(ASKED_KEY, "1");
    }
}

/// Settings → the person using this browser: the name the history entries carry.
#[component]
pub fn EditorSettings() -> impl IntoView {
    let i18n = expect_context::<I18n>();
    let name = RwSignal::new(editor_name());
    let message = RwSignal::new(None::<(bool, String)>);
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let ok = set_editor_name(&name.get_untracked());
        note_asked();
        message.set(Some(if ok {
            (true, tr!(i18n, "settings-editor-saved"))
        } else {
            (false, tr!(i18n, "settings-editor-not-saved"))
        }));
    };
    view! {
        <section class="card">
            <h2>{move_tr!("settings-editor")}</h2>
            <form class="stack narrow" on:submit=save>
                <label for="settings-editor-name">{move_tr!("settings-editor-name")}</label>
                <input id="settings-editor-name" type="text" autocomplete="name"
                    prop:value=move || name.get() on:input=move |ev| name.set(event_target_value(&ev))/>
                {move || message.get().map(|(ok, m)| view! {
                    <p class=if ok { "field-ok" } else { "field-error" } role=if ok { "status" } else { "alert" }>{m}</p>
                })}
                <button type="submit" class="primary">{move_tr!("action-save")}</button>
            </form>
            <p class="help">{move_tr!("settings-editor-help")}</p>
        </section>
    }
}

/// Asks once per browser for the person's name, without blocking anything: "Later" closes it
/// for good (Settings keeps the field), and an entry without a name says so.
#[component]
pub fn EditorPrompt() -> impl IntoView {
    let shown = RwSignal::new(editor_name().is_empty() && !asked());
    let name = RwSignal::new(String::new());
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let typed = name.get_untracked();
        if typed.trim().is_empty() {
            return;
        }
        set_editor_name(&typed);
        note_asked();
        shown.set(false);
    };
    let later = move |_| {
        note_asked();
        shown.set(false);
    };
    move || {
        shown.get().then(|| {
            view! {
                <form class="banner editor-prompt" role="region" aria-label=move_tr!("settings-editor") on:submit=save>
                    <label for="editor-prompt-name">{move_tr!("editor-ask")}</label>
                    <input id="editor-prompt-name" type="text" autocomplete="name"
                        placeholder=move_tr!("settings-editor-name")
                        prop:value=move || name.get() on:input=move |ev| name.set(event_target_value(&ev))/>
                    <button type="submit" class="primary">{move_tr!("editor-ask-save")}</button>
                    <button type="button" on:click=later>{move_tr!("editor-ask-later")}</button>
                </form>
            }
        })
    }
}

/// A collection's name, in the audit's filter and rows.
pub fn collection(i18n: I18n, c: crate::core::records::record::Collection) -> String {
    use crate::core::records::record::Collection as C;
    match c {
        C::Organisations => tr!(i18n, "history-collection-organisations"),
        C::People => tr!(i18n, "history-collection-people"),
        C::Agreements => tr!(i18n, "history-collection-agreements"),
        C::Events => tr!(i18n, "history-collection-events"),
        C::Recommendations => tr!(i18n, "history-collection-recommendations"),
    }
}

/// The changes an import brought (its report), each linked to its record.
#[component]
pub fn BroughtChanges(brought: Vec<(RecordKey, String, Change)>) -> impl IntoView {
    let count = brought.len();
    (count > 0).then(|| {
        view! {
            <details class="brought-changes">
                <summary>{move_tr!("history-brought", { "count" => count })}</summary>
                <ol class="timeline">
                    {brought.into_iter().map(|(key, label, change)| view! {
                        <EntryOfRecord key=key label=label change=change/>
                    }).collect_view()}
                </ol>
            </details>
        }
    })
}

/// One entry with its record's name, linked to the record (the audit, the import's report).
#[component]
pub fn EntryOfRecord(key: RecordKey, label: String, change: Change) -> impl IntoView {
    let state = use_app();
    let i18n = expect_context::<I18n>();
    let head = change.clone();
    view! {
        <li class="timeline-entry">
            <p class="timeline-head">
                <a href=Route::of_record(key.collection, key.id).href()>{label}</a>
                " — "
                {move || collection(i18n, key.collection)}
            </p>
            <p class="timeline-sub">{move || entry_head(i18n, state, &head)}</p>
            <ChangeFields collection=key.collection change=change/>
        </li>
    }
}
