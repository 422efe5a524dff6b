//! Settings → "Dữ liệu mẫu": how much of the sample is still here, "Xóa dữ liệu mẫu" (one
//! undoable step, `core::sample::removal`), bringing it back; and "Bắt đầu lại" (every key of
//! this browser's data), behind a confirmation that offers an export first.

use leptos::prelude::*;
use leptos_fluent::{move_tr, tr, I18n};

use crate::core::sample_data::sample::removal::{bring_back_sample, remove_sample, sample_records};
use crate::core::storage::KeyValueStore;
use crate::ui::state::{use_app, AppState, Undo};
use crate::web::local_storage::LocalStore;

/// Removes the sample records the user did not change; the notice offers undo.
pub fn remove(state: AppState) {
    let removal = state.apply(remove_sample);
    let removed = removal.removed.len();
    let kept = removal.kept_edited.len() + removal.kept_referred.len();
    state.notify_saved(
        move |i18n| tr!(i18n, "sample-removed", {"count" => removed, "kept" => kept}),
        Some(Undo::SampleBack),
    );
}

/// Brings back every sample record removed (and still as the sample wrote it).
pub fn bring_back(state: AppState) {
    let restored = state.apply(|d, s| bring_back_sample(d, None, s));
    let count = restored.changed.len();
    state.notify_saved(
        move |i18n| tr!(i18n, "sample-back", {"count" => count}),
        None,
    );
}

/// On the home page while sample records are here: they are illustrative, and where they go.
#[component]
pub fn SampleNote() -> impl IntoView {
    let state = use_app();
    let present = Memo::new(move |_| state.data.with(|d| !sample_records(d).unchanged.is_empty()));
    view! {
        <Show when=move || present.get()>
            <p class="banner info sample-note">
                {move_tr!("sample-note")} " "
                <a href=crate::route::Route::Settings.href()>{move_tr!("sample-note-where")}</a>
            </p>
        </Show>
    }
}

#[component]
pub fn SampleSettings() -> impl IntoView {
    let state = use_app();
    let found = Memo::new(move |_| state.data.with(sample_records));
    let read_only = crate::ui::widgets::read_only(state);
    view! {
        <section class="card" aria-labelledby="sample-title">
            <h2 id="sample-title">{move_tr!("sample-title")}</h2>
            {move || {
                let f = found.get();
                let (unchanged, edited, removed) = (f.unchanged.len(), f.edited.len(), f.removed.len());
                let kept = (edited > 0).then(|| view! { <p>{move_tr!("sample-edited-kept", {"count" => edited})}</p> });
                if unchanged > 0 {
                    view! {
                        <p>{move_tr!("sample-present", {"count" => unchanged})}</p>
                        {kept}
                        <p class="help">{move_tr!("sample-remove-explain")}</p>
                        <button type="button" disabled=read_only on:click=move |_| remove(state)>{move_tr!("sample-remove")}</button>
                    }.into_any()
                } else if removed > 0 {
                    view! {
                        <p>{move_tr!("sample-gone", {"count" => removed})}</p>
                        {kept}
                        <button type="button" disabled=read_only on:click=move |_| bring_back(state)>{move_tr!("sample-bring-back")}</button>
                    }.into_any()
                } else {
                    view! { <p>{move_tr!("sample-none")}</p> {kept} }.into_any()
                }
            }}
        </section>
        <StartAgain/>
    }
}

/// "Bắt đầu lại": every key of this browser's data goes, after the user has exported a copy or
/// said they need none; then the page reloads into the first run.
#[component]
fn StartAgain() -> impl IntoView {
    let state = use_app();
    let i18n = expect_context::<I18n>();
    let open = RwSignal::new(false);
    let no_copy_needed = RwSignal::new(false);
    let exported = RwSignal::new(false);
    let export_error = RwSignal::new(None::<String>);
    let export = move |_| {
        leptos::task::spawn_local(async move {
            match state.export_file(None).await {
                Ok(_) => exported.set(true),
                Err(why) => export_error.set(Some(why)),
            }
        });
    };
    let wipe = move |_| {
        state.locked(move || {
            if let Ok(mut store) = LocalStore::open() {
                let keys = store.keys().unwrap_or_default();
                for key in keys.iter().filter(|k| k.starts_with("phoihop")) {
                    let _ = store.remove(key);
                }
            }
            // Nothing of this tab's memory may be written back: the page starts again.
            state.dirty_forms.set(0);
            let _ = window().location().reload();
        });
    };
    view! {
        <section class="card" aria-labelledby="start-again-title">
            <h2 id="start-again-title">{move_tr!("start-again-title")}</h2>
            <p class="help">{move_tr!("start-again-explain")}</p>
            <button type="button" class="danger" on:click=move |_| open.set(true)>{move_tr!("start-again")}</button>
            <Show when=move || open.get()>
                <div class="dialog-backdrop" on:keydown=move |ev: leptos::ev::KeyboardEvent| {
                    if ev.key() == "Escape" { open.set(false); }
                }>
                    <div class="dialog" role="dialog" aria-modal="true" aria-labelledby="start-again-dialog-title">
                        <h2 id="start-again-dialog-title">{move_tr!("start-again-question")}</h2>
                        <p>{move_tr!("start-again-export-first")}</p>
                        <p>
                            <button type="button" class="primary" on:click=export>{move_tr!("start-again-export")}</button>
                            {move || exported.get().then(|| view! { <span class="field-ok">" " {tr!(i18n, "start-again-exported")}</span> })}
                            {move || export_error.get().map(|why| view! { <span class="field-error" role="alert">" " {why}</span> })}
                        </p>
                        <div class="check">
                            <input type="checkbox" id="start-again-no-copy" prop:checked=move || no_copy_needed.get()
                                on:change=move |ev| no_copy_needed.set(event_target_checked(&ev))/>
                            <label for="start-again-no-copy">{move_tr!("start-again-no-copy")}</label>
                        </div>
                        <p class="help">{move_tr!("start-again-other-tabs")}</p>
                        <div class="actions">
                            <button type="button" class="danger" on:click=wipe
                                disabled=move || !(exported.get() || no_copy_needed.get())>{move_tr!("start-again-confirm")}</button>
                            <button type="button" class="spaced" on:click=move |_| open.set(false)>{move_tr!("action-cancel")}</button>
                        </div>
                    </div>
                </div>
            </Show>
        </section>
    }
}
