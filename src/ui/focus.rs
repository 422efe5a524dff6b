//! Where the keyboard goes: after a page change, after a refused form, after an added row.
//! Everything waits for the next frame, when the view it looks for has been drawn.

use leptos::prelude::*;
use leptos_fluent::{tr, I18n};
use wasm_bindgen::JsCast;

use crate::route::Route;
use crate::ui::state::AppState;

/// The first element of the page matching `selector`.
fn find(selector: &str) -> Option<web_sys::HtmlElement> {
    document()
        .query_selector(selector)
        .ok()
        .flatten()
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
}

/// Focuses the first element matching `selector`, once it is drawn.
pub fn focus_later(selector: String) {
    request_animation_frame(move || {
        if let Some(el) = find(&selector) {
            let _ = el.focus();
        }
    });
}

/// Focuses a heading matching `selector` once it is drawn (made focusable by script only), so a
/// screen reader reads out the section that has just replaced what the keyboard was on.
pub fn focus_heading_later(selector: &'static str) {
    request_animation_frame(move || {
        if let Some(heading) = find(selector) {
            focus_heading(&heading);
        }
    });
}

fn focus_heading(heading: &web_sys::HtmlElement) {
    if !heading.has_attribute("tabindex") {
        let _ = heading.set_attribute("tabindex", "-1");
    }
    let _ = heading.focus();
}

/// Puts the keyboard on the first field marked invalid in the form `form_id`.
pub fn focus_first_invalid(form_id: &str) {
    focus_later(format!("#{form_id} [aria-invalid='true']"));
}

/// On every page change the tab's title names the new page (read from its heading, so it is in
/// the language shown), and — except for the page the app opens on — the focus moves to that
/// heading: a screen reader announces the new page and Tab continues from its top, instead of
/// from a link of the page that has gone.
pub fn follow_page_changes(state: AppState, i18n: I18n) {
    Effect::new(move |previous: Option<Route>| {
        let route = state.route.get();
        // The heading changes with the language: keep the title in step.
        let app_name = tr!(i18n, "app-name");
        let moved = match previous {
            None => false,
            // Another section of the same page: the keyboard stays on the section's link.
            Some(p) => p.page() != route.page(),
        };
        request_animation_frame(move || name_and_focus_page(&app_name, moved));
        route
    });
}

fn name_and_focus_page(app_name: &str, move_focus: bool) {
    let document = document();
    let heading = find("#main h1");
    let page_name = heading
        .as_ref()
        .and_then(|h| h.text_content())
        .map(|t| t.split_whitespace().collect::<Vec<_>>().join(" "))
        .unwrap_or_default();
    document.set_title(&if page_name.is_empty() || page_name == app_name {
        app_name.to_string()
    } else {
        format!("{page_name} – {app_name}")
    });
    if !move_focus {
        return;
    }
    // A page that put the keyboard somewhere itself (a dialog, a first field) keeps it there.
    let focus_inside_main = document
        .active_element()
        .is_some_and(|a| a.closest("#main").ok().flatten().is_some() && a.id() != "main");
    if focus_inside_main {
        return;
    }
    if let Some(heading) = heading {
        focus_heading(&heading);
    } else if let Some(main) = find("#main") {
        let _ = main.focus();
    }
}
