//! "A new version is ready": the banner raised when the service worker has installed a newer
//! deploy. The page never reloads by itself; the button does, and waits while a form holds
//! unsaved input ([`super::state::UnsavedInput`]).

use leptos::prelude::*;
use leptos_fluent::move_tr;

use super::state::use_app;
use crate::web::service_worker;

#[derive(Clone, Copy)]
struct UpdateReady(RwSignal<bool>);

/// Registers the service worker; call once, from the App.
pub fn watch() {
    let ready = RwSignal::new(false);
    provide_context(UpdateReady(ready));
    service_worker::register(move || ready.set(true));
}

#[component]
pub fn UpdateBanner() -> impl IntoView {
    let state = use_app();
    let UpdateReady(ready) = expect_context::<UpdateReady>();
    let dirty = move || state.dirty_forms.get() > 0;
    view! {
        <Show when=move || ready.get()>
            <div class="update-bar" role="status">
                <span>{move_tr!("update-ready")}</span>
                <button class="primary" disabled=dirty on:click=move |_| service_worker::apply_update()>
                    {move_tr!("update-reload")}
                </button>
                <Show when=dirty>
                    <span class="hint">{move_tr!("update-unsaved-form")}</span>
                </Show>
            </div>
        </Show>
    }
}
