//! The Leptos components. They read the core and call it; they hold no rules of their own.

mod agreement_activity;
mod agreement_form;
mod agreement_list;
mod agreement_original;
mod agreement_page;
mod agreement_summary;
mod audit_page;
mod dashboard;
mod directory;
mod drafts;
mod events;
mod exports;
mod first_run;
mod focus;
mod form_parts;
mod history_fields;
mod history_folded;
mod history_view;
pub mod i18n;
mod lazy;
mod list_parts;
mod pages;
mod picker;
mod recommendations;
mod report_page;
mod sample_data;
mod settings;
mod sharing;
pub mod state;
mod storage_settings;
mod sync_view;
mod text;
mod update;
mod virtual_rows;
mod widgets;

use leptos::prelude::*;
use leptos_fluent::move_tr;

use crate::route::{Route, Section};
use crate::web;
use state::{current_hash, use_app, AppState};

/// The root. A first visit (nothing of ours stored) is the first-run card, drawn by the first
/// wasm alone; everything else, from the storage load on, is the part `app` (lazy.rs): a clerk on
/// a slow line gets the card at once, and the rest comes while the name is typed (the service
/// worker fetches every part). With anything stored, the part is asked for at once, and
/// index.html's placeholder stays until the app draws itself.
#[component]
pub fn App() -> impl IntoView {
    update::watch();
    // The "loading" placeholder in index.html is for the seconds before the wasm starts; its
    // first-run card may hold the office's name, typed meanwhile.
    if let Some(el) = loading_placeholder() {
        first_run::take_typed_before_start(&el);
    }
    let app_wanted = RwSignal::new(!web::local_storage::first_visit());
    // Another tab began meanwhile: this one opens what it stored. (Once the app is wanted it
    // stays: setting the signal again would draw the app anew.)
    let handle = window_event_listener(leptos::ev::storage, move |ev| {
        let ours = ev
            .key()
            .is_some_and(|k| k.starts_with(crate::core::storage::keys::PREFIX));
        if ours && !app_wanted.get_untracked() {
            app_wanted.set(true);
        }
    });
    on_cleanup(move || handle.remove());
    view! {
        <i18n::I18nProvider>
            {move || {
                if app_wanted.get() {
                    lazy::part(|| async {
                        let app = app().await;
                        remove_loading_placeholder();
                        app
                    })
                } else {
                    remove_loading_placeholder();
                    view! { <first_run::Welcome app_wanted=app_wanted/> }.into_any()
                }
            }}
        </i18n::I18nProvider>
    }
}

fn loading_placeholder() -> Option<web_sys::Element> {
    web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id("loading"))
}

/// Removed as the app draws itself, in the same task, so nothing is drawn twice.
fn remove_loading_placeholder() {
    if let Some(el) = loading_placeholder() {
        el.remove();
    }
}

// Loads the part `app`: the first-run card's choice waits for it.
lazy::split! { app; fn app_part_loaded() -> () {} }

lazy::split! { app; fn app() -> AnyView {
    // Signals read here are the app's, not the loading's.
    untrack(app_view)
}}

/// The app: its state (the storage load), its pages, and the card when no office is stored.
fn app_view() -> AnyView {
    let state = AppState::load();
    provide_context(state);
    sharing::Sharing::provide();
    // Where this page's history entry sits: a page change refused (unsaved input) goes back there.
    let here = StoredValue::new(web::history::place().unwrap_or(0.0));
    web::history::mark(here.get_value());
    let handle = window_event_listener(leptos::ev::hashchange, move |_| {
        let route = Route::parse(&current_hash());
        let place = web::history::place();
        // Our own navigate() already set the route; setting it again would rebuild the page.
        let same_page = state.route.with_untracked(|r| r.page() == route.page());
        if state.route.with_untracked(|r| *r != route) {
            if !same_page && !state.may_leave_page() {
                // Stay: back to this page's entry, the way the user came (Back or a link).
                web::history::return_to(here.get_value());
                return;
            }
            state.route.set(route);
            // Another section of the same page keeps the place on the page.
            if let Some(w) = web_sys::window().filter(|_| !same_page) {
                w.scroll_to_with_x_and_y(0.0, 0.0);
            }
        }
        let place = place.unwrap_or(here.get_value() + 1.0);
        web::history::mark(place);
        here.set_value(place);
    });
    on_cleanup(move || handle.remove());

    view! {
        <update::UpdateBanner/>
        <Show when=move || state.office.with(Option::is_some) fallback=first_run::FirstRun>
            <Shell/>
        </Show>
    }
    .into_any()
}

#[component]
fn Shell() -> impl IntoView {
    let state = use_app();
    focus::follow_page_changes(state, expect_context::<leptos_fluent::I18n>());
    // The page drawn: the sections of one agreement are one page (Route::page).
    let page = Memo::new(move |_| state.route.with(Route::page));
    let nav_link = move |section: Section, route: Route, label: Signal<String>| {
        view! {
            <a
                href=route.href()
                class:active=move || state.route.with(|r| r.section() == section)
                aria-current=move || state.route.with(|r| (r.section() == section).then_some("page"))
            >
                {label}
            </a>
        }
    };
    view! {
        <a class="skip-link" href="#main" on:click=|ev| {
            // The fragment holds the route: move focus instead of navigating.
            ev.prevent_default();
            if let Some(main) = document().get_element_by_id("main") {
                use wasm_bindgen::JsCast;
                if let Ok(main) = main.dyn_into::<web_sys::HtmlElement>() {
                    let _ = main.focus();
                }
            }
        }>{move_tr!("skip-to-content")}</a>
        <header class="app-header">
            <a class="brand" href="#/">
                <span class="brand-mark" aria-hidden="true">"PH"</span>
                <span class="brand-name">{move_tr!("app-name")}</span>
            </a>
            <nav class="main-nav" aria-label=move_tr!("nav-label")>
                {nav_link(Section::Dashboard, Route::Dashboard, move_tr!("nav-dashboard"))}
                {nav_link(Section::Agreements, Route::Agreements, move_tr!("nav-agreements"))}
                {nav_link(Section::Events, Route::Events, move_tr!("nav-events"))}
                {nav_link(Section::Recommendations, Route::Recommendations, move_tr!("nav-recommendations"))}
                {nav_link(Section::Organisations, Route::Organisations, move_tr!("nav-organisations"))}
                {nav_link(Section::People, Route::People, move_tr!("nav-people"))}
                {nav_link(Section::Sharing, Route::Sharing, move_tr!("nav-sharing"))}
                {nav_link(Section::Audit, Route::Audit, move_tr!("nav-audit"))}
                {nav_link(Section::Settings, Route::Settings, move_tr!("nav-settings"))}
            </nav>
            <span class="office-name" title=move_tr!("office-in-use")>
                {move || state.office.with(|o| o.as_ref().map(|o| o.name.clone()).unwrap_or_default())}
            </span>
            <sync_view::SyncStatusBadge/>
            <i18n::LanguageSwitch/>
        </header>
        <widgets::StorageBanner/>
        <history_view::EditorPrompt/>
        <widgets::WorkProgress/>
        <main class="page" id="main" tabindex="-1">
            {move || match page.get() {
                Route::Dashboard => dashboard::Dashboard().into_any(),
                Route::NotFound(path) => view! { <widgets::NotFound path=path/> }.into_any(),
                route => pages::page(route),
            }}
        </main>
        <widgets::ToastView/>
        <sharing::DropTarget/>
    }
}
