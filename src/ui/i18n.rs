//! The one translation layer: Fluent files in `locales/<language>/*.ftl` (Vietnamese by default,
//! English one click away), loaded by leptos-fluent. The choice is remembered in localStorage and
//! mirrored on `<html lang>`. Components translate with `move_tr!("key")` in views, or
//! `tr!(i18n, "key")` with an `I18n` taken from context in event handlers. tests/i18n.rs fails
//! when a key is missing in either language.

use leptos::prelude::*;
use leptos_fluent::{leptos_fluent, I18n};

/// Where the language choice is kept. Deliberately outside the `phoihop/` data prefix, so the
/// storage layer does not take it for a record.
pub const LANGUAGE_KEY: &str = "phoihop-language";

#[component]
pub fn I18nProvider(children: Children) -> impl IntoView {
    leptos_fluent! {
        children: children(),
        locales: "./locales",
        default_language: "vi",
        check_translations: "./src/**/*.rs",
        sync_html_tag_lang: true,
        local_storage_key: "phoihop-language",
        initial_language_from_local_storage: true,
        set_language_to_local_storage: true,
        // No Unicode isolation marks (U+2068/U+2069) around `{ $arguments }`: they would end up
        // in the page's text (and in copied text) around every number and name.
        customise: |bundle| bundle.set_use_isolating(false),
    }
}

/// True while the interface is in Vietnamese (the default).
pub fn is_vietnamese(i18n: I18n) -> bool {
    i18n.language.get().id == "vi"
}

/// One button that switches to the other language.
#[component]
pub fn LanguageSwitch() -> impl IntoView {
    let i18n = expect_context::<I18n>();
    let switch = move |_| {
        let current = i18n.language.get_untracked();
        if let Some(other) = i18n.languages.iter().find(|l| l.id != current.id) {
            i18n.language.set(other);
        }
    };
    view! {
        <button
            class="language-switch"
            on:click=switch
            title=move || leptos_fluent::tr!(i18n, "language-switch-title")
            lang=move || if is_vietnamese(i18n) { "en" } else { "vi" }
        >
            {move || leptos_fluent::tr!(i18n, "language-switch-to")}
        </button>
    }
}
