//! Settings: the office profile, then storage (usage, durability, backups, unreadable data).

use leptos::prelude::*;

use super::state::use_app;
use super::text;
use super::storage_settings::StorageSettings;
use crate::core::workspace::OfficeProfile;

#[component]
pub fn Settings() -> impl IntoView {
    let state = use_app();
    let name = RwSignal::new(
        state
            .office
            .with_untracked(|o| o.as_ref().map(|o| o.name.clone()).unwrap_or_default()),
    );
    let message = RwSignal::new(None::<(bool, String)>);
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let new_name = name.get_untracked().trim().to_string();
        if new_name.is_empty() {
            message.set(Some((false, "Tên cơ quan không được để trống.".into())));
            return;
        }
        let Some(office) = state.office.get_untracked() else {
            return;
        };
        match state.save_office(OfficeProfile {
            name: new_name,
            ..office
        }) {
            Ok(()) => message.set(Some((true, "Đã lưu tên cơ quan.".into()))),
            Err(e) => message.set(Some((false, text::store_error(&e)))),
        }
    };
    view! {
        <h1>"Cài đặt"</h1>
        <section class="card">
            <h2>"Cơ quan sử dụng"</h2>
            <form class="stack narrow" on:submit=save>
                <label for="settings-office-name">"Tên cơ quan / đơn vị"</label>
                <input id="settings-office-name" type="text" prop:value=move || name.get() on:input=move |ev| name.set(event_target_value(&ev))/>
                {move || message.get().map(|(ok, m)| view! { <p class=if ok { "field-ok" } else { "field-error" }>{m}</p> })}
                <button type="submit" class="primary">"Lưu"</button>
            </form>
            <p class="help">
                "Mã cài đặt: " <code>{move || state.office.with(|o| o.as_ref().map(|o| o.id.to_string()).unwrap_or_default())}</code>
                ". Mã này phân biệt các thay đổi của đơn vị bạn khi gộp dữ liệu với đơn vị khác."
            </p>
        </section>
        <StorageSettings/>
    }
}
