//! First run: name the office, then load the sample or start empty.

use leptos::prelude::*;
use leptos_fluent::{move_tr, tr, I18n};

use super::state::use_app;
use super::text;
use crate::core::records::meta::new_id;
use crate::core::records::workspace::OfficeProfile;
use crate::core::rules::dates::format_instant;
use crate::core::sample_data::sample::sample_on;
use crate::core::storage;
use crate::core::storage::identity::{OfficeDamage, RecoveredFrom};
use crate::route::Route;

/// What was typed into index.html's first-run card before the app ran: the name, whether the
/// focus was still there, and whether "Tiếp tục" was pressed.
struct TypedBeforeStart {
    name: String,
    focused: bool,
    submitted: bool,
}

thread_local! {
    static TYPED_BEFORE_START: std::cell::RefCell<Option<TypedBeforeStart>> =
        const { std::cell::RefCell::new(None) };
}

/// Called with index.html's placeholder just before it is removed: keeps the office name typed
/// into its first-run card (and the focus, if it was there) for the app's card.
pub fn take_typed_before_start(placeholder: &web_sys::Element) {
    use wasm_bindgen::JsCast;
    let Some(input) = placeholder
        .query_selector("#office-name")
        .ok()
        .flatten()
        .and_then(|el| el.dyn_into::<web_sys::HtmlInputElement>().ok())
    else {
        return;
    };
    // The app has drawn nothing yet: the placeholder's input is the only one of that id.
    let focused = document()
        .active_element()
        .is_some_and(|active| active.id() == "office-name");
    let submitted = input
        .form()
        .is_some_and(|form| form.has_attribute("data-submitted"));
    let name = input.value();
    if focused || submitted || !name.is_empty() {
        TYPED_BEFORE_START.set(Some(TypedBeforeStart {
            name,
            focused,
            submitted,
        }));
    }
}

/// A first visit (nothing of ours stored): the card, drawn by the first wasm alone. The choice
/// made on it waits for the part `app` (busy meanwhile: a slow line may still be bringing it),
/// then is handed (`CHOSEN_BEFORE_APP`) to the app's own card, which carries it out.
#[component]
pub fn Welcome(
    /// Set once the part is here: the app takes over from this card.
    app_wanted: RwSignal<bool>,
) -> impl IntoView {
    let i18n = expect_context::<I18n>();
    let error = RwSignal::new(None::<String>);
    let busy = RwSignal::new(false);
    // Closing the tab while the choice waits for the app would lose it: the page asks, as it
    // does while the app's own work waits for storage.
    crate::web::durability::warn_before_unload(|| CHOOSING.get());
    let finish = move |name: String, load_sample: bool| {
        if busy.get_untracked() {
            return;
        }
        busy.set(true);
        CHOOSING.set(true);
        error.set(None);
        leptos::task::spawn_local(async move {
            match super::app_part_loaded().await {
                // Another tab began meanwhile (the app opened on what it stored): its start
                // stands, and this choice is not made on top of it.
                Ok(()) if app_wanted.get_untracked() => CHOOSING.set(false),
                Ok(()) => {
                    CHOSEN_BEFORE_APP.set(Some(load_sample));
                    TYPED_BEFORE_START.set(Some(TypedBeforeStart {
                        name,
                        focused: false,
                        submitted: true,
                    }));
                    app_wanted.set(true);
                }
                Err(super::lazy::NotLoaded) => {
                    CHOOSING.set(false);
                    busy.set(false);
                    error.set(Some(tr!(i18n, "page-not-loaded-why")));
                }
            }
        });
    };
    first_run_steps(error, Signal::from(false), busy.into(), finish).view
}

/// The app's card: the data stored here but no office yet ("keep the data"), or a damaged
/// office key. A choice made on the first wasm's card (`Welcome`) is carried out at once.
#[component]
pub fn FirstRun() -> impl IntoView {
    let state = use_app();
    // Not a first run: the office key is damaged. Say so, and keep the office's id if it can.
    if let Some(damage) = state.office_damage.get_untracked() {
        return view! { <OfficeRecovery damage=damage/> }.into_any();
    }
    let i18n = expect_context::<I18n>();
    let error = RwSignal::new(None::<String>);
    let has_data = Signal::derive(move || state.data.with(|d| !d.is_empty()));
    // The sample and the office are stored under the lock every tab takes to write.
    let finish = move |name: String, load_sample: bool| {
        state.locked(move || {
            let office = OfficeProfile { id: new_id(), name };
            if load_sample {
                let sample = sample_on(state.today());
                let keys = storage::all_keys(&sample);
                state.data.set(sample);
                state.persist(keys);
            }
            match state.save_office(office) {
                Ok(()) => {
                    state.navigate(Route::Agreements);
                    if load_sample {
                        state.notify(|i18n| tr!(i18n, "first-run-sample-loaded"), None);
                    }
                }
                Err(e) => error.set(Some(
                    tr!(i18n, "first-run-not-saved", {"why" => text::store_error_tr(i18n, &e)}),
                )),
            }
        })
    };
    let steps = first_run_steps(error, has_data, Signal::from(false), finish);
    if let Some(load_sample) = CHOSEN_BEFORE_APP.take() {
        // The sample only into an empty office, as the card offers it.
        let name = steps.name.get_untracked().trim().to_string();
        finish(name, load_sample && !has_data.get_untracked());
        // From here the choice is the app's work waiting for storage (the same warning).
        CHOOSING.set(false);
    }
    steps.view
}

thread_local! {
    /// The choice made on the first wasm's card, for the app's card to carry out.
    static CHOSEN_BEFORE_APP: std::cell::Cell<Option<bool>> = const { std::cell::Cell::new(None) };
    /// A choice made on the first wasm's card and not yet handed to the app's work.
    static CHOOSING: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// The two steps of the card: the office's name, then the sample or an empty start (`finish`,
/// with the name trimmed). `busy` while the choice is being carried out elsewhere.
fn first_run_steps(
    error: RwSignal<Option<String>>,
    has_data: Signal<bool>,
    busy: Signal<bool>,
    finish: impl Fn(String, bool) + Copy + Send + Sync + 'static,
) -> FirstRunSteps {
    let i18n = expect_context::<I18n>();
    let typed = TYPED_BEFORE_START.take();
    let name = RwSignal::new(typed.as_ref().map(|t| t.name.clone()).unwrap_or_default());
    let submitted = typed.as_ref().is_some_and(|t| t.submitted);
    // The placeholder's input had the focus (and its autofocus was the page's one): this one
    // takes it over, the caret after what was typed.
    let name_input = NodeRef::<leptos::html::Input>::new();
    if typed.is_some_and(|t| t.focused) {
        Effect::new(move |_| {
            if let Some(input) = name_input.get() {
                let _ = input.focus();
            }
        });
    }
    let step_two = RwSignal::new(false);
    // "Tiếp tục" pressed before the app ran: the same as pressing it now.
    if submitted {
        submit_name_now(name, error, step_two, i18n);
    }
    let has_data = move || has_data.get();
    let finish =
        move |load_sample: bool| finish(name.get_untracked().trim().to_string(), load_sample);

    let submit_name = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        submit_name_now(name, error, step_two, i18n);
    };

    let view = view! {
        <main class="first-run">
            <div class="first-run-card">
                // English one click away from the very first screen too.
                <div class="first-run-top">
                    <div class="brand-mark big" aria-hidden="true">"PH"</div>
                    <super::i18n::LanguageSwitch/>
                </div>
                <h1>{move_tr!("first-run-welcome")}</h1>
                <p class="lead">{move_tr!("first-run-lead")}</p>
                <Show
                    when=move || step_two.get()
                    fallback=move || {
                        view! {
                            <form on:submit=submit_name class="stack">
                                <label for="office-name">{move_tr!("first-run-office-name")}</label>
                                <input
                                    node_ref=name_input
                                    id="office-name"
                                    type="text"
                                    placeholder=move_tr!("first-run-office-name-placeholder")
                                    autofocus=true
                                    prop:value=move || name.get()
                                    on:input=move |ev| name.set(event_target_value(&ev))
                                    aria-invalid=move || error.with(Option::is_some).then_some("true")
                                    aria-describedby="office-name-help"
                                />
                                <p id="office-name-help" class="help">{move_tr!("first-run-office-name-help")}</p>
                                {move || error.get().map(|e| view! { <p class="field-error" role="alert">{e}</p> })}
                                <button type="submit" class="primary">{move_tr!("first-run-continue")}</button>
                            </form>
                        }
                    }
                >
                    <div class="stack">
                        <p>
                            {move_tr!("first-run-hello")} " " <strong>{move || name.get()}</strong> ". " {move_tr!("first-run-how-to-start")}
                        </p>
                        <Show when=has_data>
                            <p class="help">{move_tr!("first-run-existing-data")}</p>
                        </Show>
                        <div class="choice-grid" aria-busy=move || busy.get().then_some("true")>
                            <Show when=move || !has_data()>
                                <button class="choice primary" aria-disabled=move || busy.get().then_some("true") on:click=move |_| finish(true)>
                                    <strong>{move_tr!("first-run-load-sample")}</strong>
                                    <span>{move_tr!("first-run-load-sample-text")}</span>
                                </button>
                            </Show>
                            <button class="choice" aria-disabled=move || busy.get().then_some("true") on:click=move |_| finish(false)>
                                <strong>{move || if has_data() { tr!(i18n, "first-run-keep-data") } else { tr!(i18n, "first-run-start-empty") }}</strong>
                                <span>{move_tr!("first-run-start-empty-text")}</span>
                            </button>
                        </div>
                        <Show when=move || busy.get()>
                            <p class="page-loading" role="status">{move_tr!("page-loading")}</p>
                        </Show>
                        <button class="link" on:click=move |_| if !busy.get_untracked() { step_two.set(false) }>{move_tr!("first-run-change-name")}</button>
                    </div>
                </Show>
                {move || error.get().filter(|_| step_two.get()).map(|e| view! { <p class="field-error" role="alert">{e}</p> })}
            </div>
        </main>
    };
    FirstRunSteps {
        name,
        view: view.into_any(),
    }
}

/// The card's view, and the name typed in it.
struct FirstRunSteps {
    name: RwSignal<String>,
    view: AnyView,
}

/// Step one's "Tiếp tục": on to the choice, or say that the name is missing.
fn submit_name_now(
    name: RwSignal<String>,
    error: RwSignal<Option<String>>,
    step_two: RwSignal<bool>,
    i18n: I18n,
) {
    if name.with_untracked(|n| n.trim().is_empty()) {
        error.set(Some(tr!(i18n, "first-run-name-required")));
    } else {
        error.set(None);
        step_two.set(true);
    }
}

/// The office key could not be read: what that means, the id recovered (and from where) or why
/// none could be, and the name to confirm. The data is there; only who "we" are is asked.
#[component]
fn OfficeRecovery(damage: OfficeDamage) -> impl IntoView {
    let state = use_app();
    let i18n = expect_context::<I18n>();
    let recovered = damage.recovered.clone();
    let name = RwSignal::new(
        recovered
            .as_ref()
            .and_then(|r| r.name.clone())
            .unwrap_or_default(),
    );
    let error = RwSignal::new(None::<String>);
    let finish = move |keep: bool| {
        let typed = name.get_untracked().trim().to_string();
        if typed.is_empty() {
            error.set(Some(tr!(i18n, "first-run-name-required")));
            return;
        }
        // Stored under the lock every tab takes to write.
        state.locked(move || match state.mend_office(typed, keep) {
            Ok(office) => {
                let id = office.id.to_string();
                state.navigate(Route::Dashboard);
                state.notify(
                    move |i18n| {
                        if keep {
                            tr!(i18n, "office-mended-kept", {"id" => id.clone()})
                        } else {
                            tr!(i18n, "office-mended-new", {"id" => id.clone()})
                        }
                    },
                    None,
                );
            }
            Err(e) => error.set(Some(
                tr!(i18n, "first-run-not-saved", {"why" => text::store_error_tr(i18n, &e)}),
            )),
        });
    };
    let keep = recovered.is_some();
    let from_records = matches!(
        recovered.as_ref().map(|r| &r.from),
        Some(RecoveredFrom::Records { .. })
    );
    let what_was_found = move || -> String {
        let Some(found) = recovered.as_ref() else {
            return tr!(i18n, "office-damaged-not-found");
        };
        let id = found.id.to_string();
        match &found.from {
            RecoveredFrom::RawText => tr!(i18n, "office-damaged-from-raw", {"id" => id}),
            RecoveredFrom::Snapshot(at) => tr!(i18n, "office-damaged-from-snapshot", {
                "id" => id,
                "time" => format_instant(*at),
            }),
            RecoveredFrom::Records {
                records,
                latest,
                latest_at,
            } => {
                let label = state
                    .data
                    .with_untracked(|d| d.record_label(*latest))
                    .unwrap_or_default();
                tr!(i18n, "office-damaged-from-records", {
                    "id" => id,
                    "count" => *records,
                    "label" => label,
                    "time" => format_instant(*latest_at),
                })
            }
        }
    };
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        finish(keep);
    };
    view! {
        <main class="first-run">
            <div class="first-run-card" role="region" aria-labelledby="office-damaged-title">
                <div class="first-run-top">
                    <div class="brand-mark big" aria-hidden="true">"PH"</div>
                    <super::i18n::LanguageSwitch/>
                </div>
                <h1 id="office-damaged-title">{move_tr!("office-damaged-title")}</h1>
                <p class="lead">{move_tr!("office-damaged-lead")}</p>
                <p id="office-damaged-found">{what_was_found}</p>
                <form on:submit=submit class="stack">
                    <label for="office-name">{move_tr!("first-run-office-name")}</label>
                    <input
                        id="office-name"
                        type="text"
                        autofocus=true
                        prop:value=move || name.get()
                        on:input=move |ev| name.set(event_target_value(&ev))
                        aria-invalid=move || error.with(Option::is_some).then_some("true")
                    />
                    {move || error.get().map(|e| view! { <p class="field-error" role="alert">{e}</p> })}
                    <super::widgets::ReadOnlyNote/>
                    <button type="submit" class="primary" disabled=super::widgets::read_only(state)>
                        {move || if keep { tr!(i18n, "office-damaged-keep") } else { tr!(i18n, "office-damaged-new") }}
                    </button>
                    {from_records.then(|| view! {
                        <button type="button" disabled=super::widgets::read_only(state) on:click=move |_| finish(false)>{move_tr!("office-damaged-not-ours")}</button>
                    })}
                </form>
            </div>
        </main>
    }
}
