//! The one translation layer: Fluent files in `locales/<language>/*.ftl` (Vietnamese by default,
//! English one click away), loaded by leptos-fluent. The choice is remembered in localStorage and
//! mirrored on `<html lang>`. Components translate with `move_tr!("key")` in views, or
//! `tr!(i18n, "key")` with an `I18n` taken from context in event handlers. tests/i18n.rs fails
//! when a key is missing in either language.

use std::cell::Cell;

use fluent_templates::fluent_bundle::FluentValue;
use leptos::prelude::*;
use leptos_fluent::{leptos_fluent, I18n};

use crate::core::views::numbers::format_number;

/// Where the language choice is kept. Deliberately outside the `phoihop/` data prefix, so the
/// storage layer does not take it for a record.
pub const LANGUAGE_KEY: &str = "phoihop-language";

thread_local! {
    static CURRENT: Cell<Option<I18n>> = const { Cell::new(None) };
}

/// The app's `I18n`, also where no component's context reaches (timers, other tabs' storage
/// events, the storage layer's notices). None only before the provider is built.
pub fn current() -> Option<I18n> {
    use_context::<I18n>().or_else(|| CURRENT.with(Cell::get))
}

/// A count or size written the current language's way (1.234 in Vietnamese, 1,234 in English),
/// for numbers shown outside a message (in a <strong>, a table cell). Inside a message, Fluent
/// formats `{ $count }` the same way (see the formatter below).
pub fn number(i18n: I18n, n: usize) -> String {
    format_number(n as f64, i18n.language.get().id, None, None, true)
}

/// Fluent's formatter of every number placed in a message: thousands grouped, decimals as the
/// language writes them; `NUMBER($x, minimumFractionDigits: 1, maximumFractionDigits: 1)` and
/// `useGrouping: "false"` are honoured. Plural selection still sees the number itself.
fn format_in(language: &str, value: &FluentValue) -> Option<String> {
    match value {
        FluentValue::Number(n) => Some(format_number(
            n.value,
            language,
            n.options.minimum_fraction_digits,
            n.options.maximum_fraction_digits,
            n.options.use_grouping,
        )),
        _ => None,
    }
}

fn format_vi<M>(value: &FluentValue, _: &M) -> Option<String> {
    format_in("vi", value)
}

fn format_en<M>(value: &FluentValue, _: &M) -> Option<String> {
    format_in("en", value)
}

#[component]
pub fn I18nProvider(children: Children) -> impl IntoView {
    // A block: the macro expands to statements and a final view.
    let view = {
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
        // NUMBER() for messages that fix their decimals; numbers written per language.
        customise: |bundle| {
            bundle.set_use_isolating(false);
            let _ = bundle.add_builtins();
            let vietnamese = bundle.locales.first().is_some_and(|l| l.language.as_str() == "vi");
            bundle.set_formatter(Some(if vietnamese { format_vi } else { format_en }));
        },
        }
    };
    // The macro has provided the context in this component's owner.
    CURRENT.with(|c| c.set(use_context::<I18n>()));
    view
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
