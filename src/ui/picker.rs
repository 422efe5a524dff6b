//! The one picker of organisations and people: type to filter (without diacritics, through the
//! core's search), arrows and Enter to choose, and "Thêm “…” mới" to create the organisation or
//! person in a small dialog without leaving the form; the new record is then chosen. Text typed
//! and not chosen stays in the box (nothing typed is lost), with a note that nothing is chosen.
//! `Picker` chooses one; `MultiPicker` many (chips above the same box).

use crate::core::records::sorting;
use leptos::portal::Portal;
use leptos::prelude::*;
use leptos_fluent::{move_tr, tr, I18n};

use crate::core::records::meta::{new_id, Id, Meta};
use crate::core::records::model::{Organisation, OrganisationKind, Person, PositionHeld};
use crate::core::records::record::Record;
use crate::core::records::workspace::Dataset;
use crate::core::rules::validate::{lengths, Issue};
use crate::core::views::listing;
use crate::core::views::search::Query;
use crate::ui::state::use_app;
use crate::ui::text;
use crate::ui::widgets::FieldIssues;

/// What a picker chooses from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PickKind {
    Organisation,
    Person,
}

/// Choices shown at most; typing more narrows them.
const SHOWN: usize = 40;

/// The live records matching `text` (every word, diacritics ignored), best match first (a
/// word begun counts more than letters inside one), then by name.
fn matching(data: &Dataset, kind: PickKind, text: &str) -> Vec<(Id, String)> {
    let query = Query::parse(text);
    let mut found: Vec<(u32, Id, String)> = match kind {
        PickKind::Organisation => listing::find_organisations(data, text)
            .into_iter()
            .map(|o| {
                (
                    query.score(&listing::organisation_haystack(o)),
                    o.id(),
                    o.display_name(),
                )
            })
            .collect(),
        PickKind::Person => listing::find_people(data, text)
            .into_iter()
            .map(|p| {
                (
                    query.score(&listing::person_haystack(p)),
                    p.id(),
                    p.full_name.clone(),
                )
            })
            .collect(),
    };
    sorting::sort_by(&mut found, |a, b| b.0.cmp(&a.0));
    found.into_iter().map(|(_, id, name)| (id, name)).collect()
}

/// The name of a chosen record; one deleted since (or never received) is said to be so.
fn label_of(i18n: I18n, data: &Dataset, kind: PickKind, id: &Id) -> String {
    let (label, live, known) = match kind {
        PickKind::Organisation => (
            data.organisations
                .get(id)
                .map_or_else(|| data.organisation_label(id), |o| o.display_name()),
            data.organisations.live(id).is_some(),
            data.organisations.get(id).is_some(),
        ),
        PickKind::Person => (
            data.person_name(id),
            data.people.live(id).is_some(),
            data.people.get(id).is_some(),
        ),
    };
    match (live, known) {
        (true, _) => label,
        (false, true) => tr!(i18n, "directory-deleted", {"label" => label}),
        (false, false) => tr!(i18n, "directory-not-in-data", {"label" => label}),
    }
}

/// One organisation or person. `on_pick` runs after a choice (the signatory's position).
#[component]
pub fn Picker(
    /// The input's id (its `<label for>`).
    #[prop(into)]
    id: String,
    kind: PickKind,
    value: RwSignal<Option<Id>>,
    /// Set when the field has an error (aria-invalid).
    #[prop(optional, into)]
    invalid: Option<Signal<bool>>,
    #[prop(optional)] on_pick: Option<Callback<Id>>,
    /// Whether "Thêm “…” mới" is offered (not inside the dialog that adds).
    #[prop(default = true)]
    allow_add: bool,
) -> impl IntoView {
    let choose = Callback::new(move |chosen: Id| {
        value.set(Some(chosen));
        if let Some(f) = on_pick {
            f.run(chosen);
        }
    });
    let clear = Callback::new(move |()| value.set(None));
    view! {
        <Combo id=id kind=kind shown=Signal::derive(move || value.get()) choose=choose clear=clear
            invalid=invalid.unwrap_or_default() allow_add=allow_add exclude=Signal::derive(Vec::new)/>
    }
}

/// Several organisations or people: each chosen one a chip with its ×, then the box to add more.
#[component]
pub fn MultiPicker(
    #[prop(into)] id: String,
    kind: PickKind,
    values: RwSignal<Vec<Id>>,
    #[prop(optional, into)] invalid: Option<Signal<bool>>,
) -> impl IntoView {
    let state = use_app();
    let i18n = expect_context::<I18n>();
    let choose = Callback::new(move |chosen: Id| {
        values.update(|v| {
            if !v.contains(&chosen) {
                v.push(chosen)
            }
        })
    });
    let box_id = id.clone();
    let chips = move || {
        let box_id = box_id.clone();
        values.get().into_iter().map(move |chosen| {
            let box_id = box_id.clone();
            let name = state.data.with(|d| label_of(i18n, d, kind, &chosen));
            let remove_name = name.clone();
            view! {
                <li class="chip">
                    <span>{name}</span>
                    <button type="button" class="icon" aria-label=move || tr!(i18n, "picker-remove", {"name" => remove_name.clone()})
                        on:click=move |_| { values.update(|v| v.retain(|x| *x != chosen)); announce(&box_id); }>"×"</button>
                </li>
            }
        }).collect_view()
    };
    view! {
        <div class="multi-picker">
            <ul class="chips" aria-live="polite">{chips}</ul>
            <Combo id=id kind=kind shown=Signal::derive(|| None) choose=choose clear=Callback::new(|()| {})
                invalid=invalid.unwrap_or_default() allow_add=true exclude=values.into()/>
        </div>
    }
}

/// The box and its list, shared by both pickers. `shown`: the record whose name the box shows
/// while the user is not typing; `exclude`: records not offered (already chosen).
#[component]
fn Combo(
    id: String,
    kind: PickKind,
    shown: Signal<Option<Id>>,
    choose: Callback<Id>,
    clear: Callback<()>,
    invalid: Signal<bool>,
    allow_add: bool,
    exclude: Signal<Vec<Id>>,
) -> impl IntoView {
    let state = use_app();
    let i18n = expect_context::<I18n>();
    // What the user typed and has not chosen from (None: the box shows the chosen name).
    let typed = RwSignal::new(None::<String>);
    let open = RwSignal::new(false);
    let active = RwSignal::new(0usize);
    let adding = RwSignal::new(None::<String>);
    let list_id = format!("{id}-list");
    let note_id = format!("{id}-note");
    let found = Memo::new(move |_| {
        let text = typed.get().unwrap_or_default();
        let excluded = exclude.get();
        state.data.with(|d| {
            matching(d, kind, &text)
                .into_iter()
                .filter(|(id, _)| !excluded.contains(id))
                .collect::<Vec<_>>()
        })
    });
    // The "add" entry comes after the choices shown.
    let add_text = move || {
        typed
            .get()
            .map(|t| t.trim().to_string())
            .filter(|t| allow_add && !t.is_empty())
    };
    let entries = move || found.with(|f| f.len().min(SHOWN)) + usize::from(add_text().is_some());
    let pick_id = StoredValue::new(id.clone());
    let pick = move |index: usize| {
        let chosen = found.with_untracked(|f| f.get(index).map(|(id, _)| *id));
        match chosen.filter(|_| index < SHOWN) {
            Some(chosen) => {
                choose.run(chosen);
                typed.set(None);
                open.set(false);
                announce(&pick_id.get_value());
            }
            None => {
                if let Some(text) = add_text() {
                    open.set(false);
                    adding.set(Some(text));
                }
            }
        }
    };
    let box_text = move || match typed.get() {
        Some(t) => t,
        None => shown
            .get()
            .map(|chosen| state.data.with(|d| label_of(i18n, d, kind, &chosen)))
            .unwrap_or_default(),
    };
    let on_input = move |ev: leptos::ev::Event| {
        let text = event_target_value(&ev);
        if text.is_empty() {
            clear.run(());
        }
        typed.set(Some(text));
        active.set(0);
        open.set(true);
    };
    let on_key = move |ev: leptos::ev::KeyboardEvent| {
        let count = entries();
        match ev.key().as_str() {
            "ArrowDown" => {
                ev.prevent_default();
                if open.get_untracked() {
                    active.update(|a| *a = (*a + 1).min(count.saturating_sub(1)));
                } else {
                    open.set(true);
                }
            }
            "ArrowUp" => {
                ev.prevent_default();
                active.update(|a| *a = a.saturating_sub(1));
            }
            // Enter chooses (and never submits the form around the box).
            "Enter" if open.get_untracked() && count > 0 => {
                ev.prevent_default();
                pick(active.get_untracked());
            }
            "Escape" if open.get_untracked() => {
                ev.prevent_default();
                open.set(false);
            }
            _ => {}
        }
    };
    let option_id = {
        let id = id.clone();
        move |i: usize| format!("{id}-opt-{i}")
    };
    let active_id = {
        let option_id = option_id.clone();
        move || open.get().then(|| option_id(active.get()))
    };
    let input_id = id.clone();
    let options = {
        let option_id = option_id.clone();
        move || {
            let list = found.get();
            let more = list.len().saturating_sub(SHOWN);
            let rows = list
                .into_iter()
                .take(SHOWN)
                .enumerate()
                .map(|(i, (_, name))| {
                    view! {
                        <li role="option" id=option_id(i) class:active=move || active.get() == i
                            aria-selected=move || (active.get() == i).to_string()
                            // mousedown, not click: the box keeps the focus.
                            on:mousedown=move |ev| { ev.prevent_default(); pick(i); }>{name}</li>
                    }
                })
                .collect_view();
            let add = add_text().map(|text| {
                let i = found.with_untracked(|f| f.len().min(SHOWN));
                let label = text.clone();
                view! {
                    <li role="option" id=option_id(i) class="add" class:active=move || active.get() == i
                        aria-selected=move || (active.get() == i).to_string()
                        on:mousedown=move |ev| { ev.prevent_default(); pick(i); }>
                        {move || match kind {
                            PickKind::Organisation => tr!(i18n, "picker-add-organisation", {"name" => label.clone()}),
                            PickKind::Person => tr!(i18n, "picker-add-person", {"name" => label.clone()}),
                        }}
                    </li>
                }
            });
            let more = (more > 0).then(|| view! { <li class="more" aria-disabled="true">{move_tr!("picker-more", {"count" => more})}</li> });
            let empty = (entries() == 0).then(
                || view! { <li class="more" aria-disabled="true">{move_tr!("picker-none")}</li> },
            );
            (rows, add, more, empty)
        }
    };
    // Typed text that matches no choice stays, with a note: it is not chosen yet.
    let unchosen = move || typed.with(|t| t.as_ref().is_some_and(|t| !t.trim().is_empty()));
    let created = Callback::new(move |new_id: Id| {
        choose.run(new_id);
        typed.set(None);
        adding.set(None);
        announce(&input_id);
        focus(&input_id);
    });
    let focus_back = id.clone();
    let cancelled = Callback::new(move |()| {
        adding.set(None);
        focus(&focus_back);
    });
    view! {
        <div class="picker">
            <input id=id.clone() type="text" role="combobox" autocomplete="off"
                aria-autocomplete="list"
                // The list is in the page only while open: name it only then.
                aria-controls={
                    let list_id = list_id.clone();
                    move || open.get().then(|| list_id.clone())
                }
                aria-expanded=move || open.get().to_string()
                aria-activedescendant=active_id
                aria-describedby=note_id.clone()
                aria-invalid=move || invalid.get().then_some("true")
                placeholder=move || match kind {
                    PickKind::Organisation => tr!(i18n, "picker-type-organisation"),
                    PickKind::Person => tr!(i18n, "picker-type-person"),
                }
                prop:value=box_text
                on:input=on_input on:keydown=on_key
                on:focus=move |ev| {
                    use wasm_bindgen::JsCast;
                    if let Some(input) = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok()) {
                        input.select();
                    }
                }
                on:click=move |_| open.set(true)
                on:blur=move |_| open.set(false)/>
            <Show when=move || open.get()>
                <ul class="picker-list" role="listbox" id=list_id.clone()>{options.clone()}</ul>
            </Show>
            <p id=note_id class="help" aria-live="polite">
                {move || (unchosen() && !open.get()).then(|| tr!(i18n, "picker-not-chosen"))}
            </p>
            {move || adding.get().map(|name| view! {
                <Portal><AddDialog kind=kind name=name.clone() created=created cancelled=cancelled/></Portal>
            })}
        </div>
    }
}

/// Tells the form around the box that its value changed (a bubbling `change`), as a `<select>`
/// would: the form's unsaved flag and its draft follow every field that way.
fn announce(id: &str) {
    if let (Some(el), Ok(event)) = (
        document().get_element_by_id(id),
        web_sys::Event::new("change"),
    ) {
        event.init_event_with_bubbles("change", true);
        let _ = el.dispatch_event(&event);
    }
}

fn focus(id: &str) {
    use wasm_bindgen::JsCast;
    if let Some(el) = document()
        .get_element_by_id(id)
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
    {
        let _ = el.focus();
    }
}

/// Adds an organisation or a person through the directory's own save, then hands back its id.
#[component]
fn AddDialog(
    kind: PickKind,
    name: String,
    created: Callback<Id>,
    cancelled: Callback<()>,
) -> impl IntoView {
    let state = use_app();
    let i18n = expect_context::<I18n>();
    let name = RwSignal::new(name);
    let short_name = RwSignal::new(String::new());
    let locality = RwSignal::new(String::new());
    let org_kind = RwSignal::new(OrganisationKind::default());
    let position = RwSignal::new(String::new());
    let position_org = RwSignal::new(None::<Id>);
    let issues = RwSignal::new(Vec::<Issue>::new());
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let meta = Meta::new(new_id(), state.stamp().now);
        let id = meta.id;
        let result = match kind {
            PickKind::Organisation => {
                let o = Organisation {
                    locality: locality.get_untracked().trim().to_string(),
                    ..Organisation::new(
                        meta,
                        name.get_untracked().trim(),
                        short_name.get_untracked().trim(),
                        org_kind.get_untracked(),
                    )
                };
                state.apply(|d, s| d.save_organisation(o, s))
            }
            PickKind::Person => {
                let mut p = Person::new(meta, name.get_untracked().trim());
                let title = position.get_untracked().trim().to_string();
                if !title.is_empty() || position_org.get_untracked().is_some() {
                    p.positions.push(PositionHeld {
                        title,
                        organisation: position_org.get_untracked(),
                        from: None,
                        to: None,
                        unknown: Default::default(),
                    });
                }
                state.apply(|d, s| d.save_person(p, s))
            }
        };
        match result {
            Ok(saved) => {
                let label = name.get_untracked().trim().to_string();
                state.notify_save_result(
                    &saved,
                    move |i18n| tr!(i18n, "picker-added", {"name" => label.clone()}),
                );
                created.run(id);
            }
            Err(found) => {
                issues.set(found);
                crate::ui::focus::focus_first_invalid("picker-add-form");
            }
        }
    };
    let invalid = move |field: &'static str| {
        move || {
            issues
                .with(|i| i.iter().any(|x| x.field == field && x.is_error()))
                .then_some("true")
        }
    };
    let name_field = match kind {
        PickKind::Organisation => "name",
        PickKind::Person => "full_name",
    };
    Effect::new(move |_| focus("picker-add-name"));
    view! {
        <div class="dialog-backdrop" on:keydown=move |ev: leptos::ev::KeyboardEvent| {
            if ev.key() == "Escape" {
                cancelled.run(());
            }
        }>
            <div class="dialog" role="dialog" aria-modal="true" aria-labelledby="picker-add-title">
                <h2 id="picker-add-title">{move || match kind {
                    PickKind::Organisation => tr!(i18n, "picker-new-organisation"),
                    PickKind::Person => tr!(i18n, "picker-new-person"),
                }}</h2>
                <p class="help">{move_tr!("picker-dialog-help")}</p>
                <form id="picker-add-form" on:submit=save novalidate=true>
                    <div class="field">
                        <label for="picker-add-name">
                            {move || match kind {
                                PickKind::Organisation => tr!(i18n, "directory-organisation-name-label"),
                                PickKind::Person => tr!(i18n, "directory-person-name-label"),
                            }}
                            <crate::ui::form_parts::Required/>
                        </label>
                        <input id="picker-add-name" type="text" required=true aria-invalid=invalid(name_field)
                            prop:value=move || name.get() on:input=move |ev| name.set(event_target_value(&ev))/>
                        <crate::ui::form_parts::Counter text=name max=match kind {
                            PickKind::Organisation => lengths::ORGANISATION_NAME,
                            PickKind::Person => lengths::PERSON_NAME,
                        }/>
                        <FieldIssues issues=issues field=name_field.to_string()/>
                    </div>
                    {match kind {
                        PickKind::Organisation => view! {
                            <div class="grid-2">
                                <div class="field">
                                    <label for="picker-add-short">{move_tr!("directory-organisation-short-name-label")}</label>
                                    <input id="picker-add-short" type="text" prop:value=move || short_name.get()
                                        on:input=move |ev| short_name.set(event_target_value(&ev))/>
                                </div>
                                <div class="field">
                                    <label for="picker-add-locality">{move_tr!("directory-organisation-locality-label")}</label>
                                    <input id="picker-add-locality" type="text"
                                        placeholder=move_tr!("directory-organisation-locality-placeholder")
                                        prop:value=move || locality.get()
                                        on:input=move |ev| locality.set(event_target_value(&ev))/>
                                </div>
                                <div class="field">
                                    <label for="picker-add-kind">{move_tr!("directory-organisation-kind-label")}</label>
                                    <select id="picker-add-kind" on:change=move |ev| {
                                        let value = event_target_value(&ev);
                                        org_kind.set(OrganisationKind::ALL.into_iter().find(|k| format!("{k:?}") == value).unwrap_or_default());
                                    }>
                                        {OrganisationKind::ALL.into_iter().map(|k| view! {
                                            <option value=format!("{k:?}") prop:selected=move || org_kind.get() == k>{move || text::organisation_kind(i18n, k)}</option>
                                        }).collect_view()}
                                    </select>
                                </div>
                            </div>
                        }.into_any(),
                        PickKind::Person => view! {
                            <div class="grid-2">
                                <div class="field">
                                    <label for="picker-add-position">{move_tr!("directory-position-title-label")}</label>
                                    <input id="picker-add-position" type="text" prop:value=move || position.get()
                                        on:input=move |ev| position.set(event_target_value(&ev))/>
                                    <FieldIssues issues=issues field="positions[0].title".to_string()/>
                                </div>
                                <div class="field">
                                    <label for="picker-add-org">{move_tr!("directory-position-organisation-label")}</label>
                                    <Picker id="picker-add-org" kind=PickKind::Organisation value=position_org allow_add=false/>
                                </div>
                            </div>
                        }.into_any(),
                    }}
                    <div class="actions">
                        <button type="submit" class="primary">{move_tr!("picker-create")}</button>
                        <button type="button" class="spaced" on:click=move |_| cancelled.run(())>{move_tr!("action-cancel")}</button>
                    </div>
                </form>
            </div>
        </div>
    }
}
