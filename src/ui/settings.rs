//! Settings: the office profile, live sync (`sync_view`), then storage (usage, durability, backups, unreadable data).

use leptos::prelude::*;
use leptos_fluent::{move_tr, tr, I18n};

use super::state::use_app;
use super::storage_settings::StorageSettings;
use super::text;
use crate::core::records::workspace::OfficeProfile;

#[component]
pub fn Settings() -> impl IntoView {
    let state = use_app();
    let i18n = expect_context::<I18n>();
    let name = RwSignal::new(
        state
            .office
            .with_untracked(|o| o.as_ref().map(|o| o.name.clone()).unwrap_or_default()),
    );
    let message = RwSignal::new(None::<(bool, String)>);
    let unsaved = state.unsaved_input();
    let raise = unsaved.raiser();
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let new_name = name.get_untracked().trim().to_string();
        if new_name.is_empty() {
            message.set(Some((false, tr!(i18n, "settings-office-name-required"))));
            return;
        }
        let Some(office) = state.office.get_untracked() else {
            return;
        };
        let unsaved = unsaved.clone();
        state.locked(move || {
            match state.save_office(OfficeProfile {
                name: new_name,
                ..office
            }) {
                Ok(()) => {
                    unsaved.lower();
                    message.set(Some((true, tr!(i18n, "settings-office-name-saved"))))
                }
                Err(e) => message.set(Some((false, text::store_error_tr(i18n, &e)))),
            }
        });
    };
    view! {
        <h1>{move_tr!("settings-title")}</h1>
        <section class="card">
            <h2>{move_tr!("settings-office")}</h2>
            <form class="stack narrow" on:submit=save on:input=raise.clone() on:change=raise>
                <label for="settings-office-name">{move_tr!("settings-office-name")}</label>
                <input id="settings-office-name" type="text" prop:value=move || name.get() on:input=move |ev| name.set(event_target_value(&ev))
                    aria-invalid=move || message.with(|m| m.as_ref().is_some_and(|(ok, _)| !ok)).then_some("true")/>
                {move || message.get().map(|(ok, m)| view! {
                    <p class=if ok { "field-ok" } else { "field-error" } role=if ok { "status" } else { "alert" }>{m}</p>
                })}
                <super::widgets::ReadOnlyNote/>
                <button type="submit" class="primary" disabled=super::widgets::read_only(state)>{move_tr!("action-save")}</button>
            </form>
            <p class="help">
                {move_tr!("settings-install-id")} " " <code>{move || state.office.with(|o| o.as_ref().map(|o| o.id.to_string()).unwrap_or_default())}</code>
                ". " {move_tr!("settings-install-id-help")}
            </p>
        </section>
        <super::history_view::EditorSettings/>
        <super::sync_view::SyncSettings/>
        <StorageSettings/>
        <super::sample_data::SampleSettings/>
    }
}
