//! "Bản gốc" on an agreement's page: where the signed scan is kept (a link only for http, https
//! and file-share addresses: core::original) and the SHA-256 of the scanned file, computed here
//! from a file the user picks, a slice at a time. The file is read, never kept: only its digest
//! is stored. A copy another office holds is checked against the stored digest the same way.

use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_fluent::{move_tr, tr, I18n};
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

use super::drafts::PageFormDraft;
use super::state::use_app;
use crate::core::records::meta::Id;
use crate::core::records::model::Agreement;
use crate::core::records::original::{self, Location, Original, Sha256};
use crate::core::records::record::Record;

/// How much of a file is read at once: a scan of tens of megabytes never sits whole in memory.
const SLICE: f64 = 4.0 * 1024.0 * 1024.0;

/// The SHA-256 of the file chosen in `input`, reporting the share read so far to `progress`.
async fn digest_of(file: web_sys::File, progress: RwSignal<Option<u32>>) -> Result<String, String> {
    let size = file.size();
    let mut hasher = Sha256::new();
    let mut at = 0.0;
    while at < size {
        let end = (at + SLICE).min(size);
        let blob = file
            .slice_with_f64_and_f64(at, end)
            .map_err(|e| format!("{e:?}"))?;
        let buffer = JsFuture::from(blob.array_buffer())
            .await
            .map_err(|e| e.as_string().unwrap_or_else(|| format!("{e:?}")))?;
        hasher.update(&js_sys::Uint8Array::new(&buffer).to_vec());
        at = end;
        progress.set(Some((at / size * 100.0) as u32));
    }
    Ok(hasher.finish())
}

fn chosen_file(ev: &leptos::ev::Event) -> Option<web_sys::File> {
    ev.target()?
        .dyn_into::<web_sys::HtmlInputElement>()
        .ok()?
        .files()?
        .get(0)
}

/// Where the scan is: a link for the forms that may be one, the text otherwise.
fn location_view(location: &str) -> AnyView {
    let text = location.trim().to_string();
    match original::read_location(&text) {
        Ok(Location::Web(href)) => {
            view! { <a class="original-link" href=href target="_blank" rel="noopener noreferrer">{text}</a> }.into_any()
        }
        Ok(Location::FileShare { href }) => view! {
            <a class="original-link" href=href target="_blank" rel="noopener noreferrer">{text}</a>
            <span class="help">" " {move_tr!("original-share-help")}</span>
        }
        .into_any(),
        _ => view! { <span class="original-text">{text}</span> }.into_any(),
    }
}

/// The section, and its form while open. What is typed in the form is kept by the page
/// (`draft`, one of its `SectionDrafts`): it outlives the section's redraws (a save elsewhere on
/// the page) and, in storage, a reload; the page opens the form on it and says so.
#[component]
pub fn OriginalSection(agreement: Agreement, draft: PageFormDraft<Original>) -> impl IntoView {
    let redraw = draft.redraw;
    move || {
        redraw.track();
        original_section(agreement.clone(), draft.clone())
    }
}

fn original_section(agreement: Agreement, form: PageFormDraft<Original>) -> impl IntoView {
    let state = use_app();
    let i18n = expect_context::<I18n>();
    let id: Id = agreement.id();
    let stored = agreement.original.clone().unwrap_or_default();
    // The form is open while it holds something (what is stored, once "Sửa" is pressed).
    let typed = form.typed;
    let initial = typed.get_untracked().unwrap_or_else(|| stored.clone());
    let location = RwSignal::new(initial.location.clone());
    let sha256 = RwSignal::new(initial.sha256.clone());
    let problems = RwSignal::new(Vec::<(&'static str, original::OriginalProblem)>::new());
    let editing = move || typed.with(Option::is_some);
    let hashing = RwSignal::new(None::<u32>);
    let hash_error = RwSignal::new(None::<String>);
    // The fields as typed, kept by the page (and in storage) at every change.
    let unknown = stored.unknown.clone();
    let typed_now = move || {
        Some(Original {
            location: location.get_untracked(),
            sha256: sha256.get_untracked(),
            unknown: unknown.clone(),
        })
    };
    let on_change = form.on_change(typed_now.clone());
    let keep = {
        let form = form.clone();
        move || form.keep(typed_now().expect("the fields read"))
    };
    let open = {
        let stored = stored.clone();
        move |_| {
            location.set(stored.location.clone());
            sha256.set(stored.sha256.clone());
            typed.set(Some(stored.clone()));
        }
    };

    let pick_for_record = move |ev: leptos::ev::Event| {
        let Some(file) = chosen_file(&ev) else { return };
        hash_error.set(None);
        hashing.set(Some(0));
        let keep = keep.clone();
        spawn_local(async move {
            match digest_of(file, hashing).await {
                Ok(hex) => {
                    sha256.set(hex);
                    keep();
                }
                Err(e) => hash_error.set(Some(e)),
            }
            hashing.set(None);
        });
    };
    let save = {
        let form = form.clone();
        move |ev: leptos::ev::SubmitEvent| {
            ev.prevent_default();
            let typed = Original {
                location: location.get_untracked().trim().to_string(),
                sha256: match original::read_sha256(&sha256.get_untracked()) {
                    Ok(hex) => hex,
                    Err(_) => sha256.get_untracked().trim().to_string(),
                },
                unknown: state.data.with_untracked(|d| {
                    d.agreements
                        .get(&id)
                        .and_then(|a| a.original.as_ref())
                        .map(|o| o.unknown.clone())
                        .unwrap_or_default()
                }),
            };
            let found = original::problems(&typed);
            if !found.is_empty() {
                problems.set(found);
                crate::ui::focus::focus_first_invalid("original-form");
                return;
            }
            problems.set(Vec::new());
            let keep = (!typed.is_empty()).then_some(typed);
            let saved = state.apply(|data, stamp| {
                data.update_record::<Agreement>(id, |a| a.original = keep, stamp)
            });
            form.done(None);
            if let Some(saved) = saved {
                state.notify_save_result(&saved, |i18n| tr!(i18n, "original-saved"));
            }
        }
    };
    let problem_at = move |field: &'static str| {
        move || {
            problems.with(|all| {
                all.iter().find(|(f, _)| *f == field).map(|(_, p)| {
                    crate::ui::text::problem(
                        i18n,
                        &crate::core::rules::validate::Problem::Original(*p),
                    )
                })
            })
        }
    };
    let invalid = move |field: &'static str| {
        move || {
            problems
                .with(|all| all.iter().any(|(f, _)| *f == field))
                .then_some("true")
        }
    };

    // Checking a copy: the digest of the file picked, against the stored one.
    let check_result = RwSignal::new(None::<(String, bool)>);
    let checking = RwSignal::new(None::<u32>);
    let recorded = stored.sha256.clone();
    let pick_to_check = move |ev: leptos::ev::Event| {
        let Some(file) = chosen_file(&ev) else { return };
        let name = file.name();
        let recorded = recorded.clone();
        checking.set(Some(0));
        check_result.set(None);
        spawn_local(async move {
            match digest_of(file, checking).await {
                Ok(hex) => check_result.set(Some((name, original::same_file(&recorded, &hex)))),
                Err(e) => hash_error.set(Some(e)),
            }
            checking.set(None);
        });
    };
    let progress = move |signal: RwSignal<Option<u32>>| {
        move || {
            signal.get().map(|p| view! { <span class="muted" role="status">{move_tr!("original-hashing", {"percent" => p})}</span> })
        }
    };
    let has_stored = !stored.is_empty();
    let stored_location = stored.location.clone();
    let stored_hash = stored.sha256.clone();

    view! {
        <section class="card original" id="original">
            <div class="section-head">
                <h2>{move_tr!("original-title")}</h2>
                <Show when=move || !editing()>
                    <button id="original-edit" disabled=crate::ui::widgets::read_only(state) on:click=open.clone()>
                        {if has_stored { move_tr!("action-edit") } else { move_tr!("original-add") }}
                    </button>
                </Show>
            </div>
            {if has_stored {
                view! {
                    <dl class="facts">
                        <dt>{move_tr!("original-location")}</dt>
                        <dd>{if stored_location.trim().is_empty() { view! { <span class="muted">"—"</span> }.into_any() } else { location_view(&stored_location) }}</dd>
                        <dt>{move_tr!("original-sha256")}</dt>
                        <dd>{if stored_hash.is_empty() {
                            view! { <span class="muted">{move_tr!("original-no-hash")}</span> }.into_any()
                        } else {
                            view! { <code class="sha256" id="original-stored-sha256">{stored_hash.clone()}</code> }.into_any()
                        }}</dd>
                    </dl>
                    {(!stored_hash.is_empty()).then(|| view! {
                        <div class="original-check">
                            <label for="original-check-file">{move_tr!("original-check-label")}</label>
                            <input id="original-check-file" type="file" on:change=pick_to_check/>
                            {progress(checking)}
                            {move || check_result.get().map(|(name, same)| if same {
                                view! { <p class="banner ok original-verdict" role="status">{move_tr!("original-check-same", {"file" => name.clone()})}</p> }.into_any()
                            } else {
                                view! { <p class="banner error original-verdict" role="alert">{move_tr!("original-check-different", {"file" => name.clone()})}</p> }.into_any()
                            })}
                        </div>
                    })}
                }.into_any()
            } else {
                view! { <p class="muted">{move_tr!("original-none")}</p> }.into_any()
            }}
            {form.notice()}
            <Show when=editing>
                <form id="original-form" class="stack" novalidate=true on:submit=save.clone() on:input=on_change.clone() on:change=on_change.clone()>
                    <label for="original-location">{move_tr!("original-location")}</label>
                    <input id="original-location" type="text" aria-describedby="original-location-help"
                        aria-invalid=invalid("original.location")
                        placeholder=move_tr!("original-location-placeholder")
                        prop:value=move || location.get() on:input=move |ev| location.set(event_target_value(&ev))/>
                    {move || problem_at("original.location")().map(|m| view! { <p class="field-error" role="alert">{m}</p> })}
                    <p id="original-location-help" class="help">{move_tr!("original-location-help")}</p>
                    <label for="original-sha256">{move_tr!("original-sha256")}</label>
                    <input id="original-sha256" type="text" class="sha256" spellcheck="false" autocomplete="off"
                        aria-invalid=invalid("original.sha256")
                        prop:value=move || sha256.get() on:input=move |ev| sha256.set(event_target_value(&ev))/>
                    {move || problem_at("original.sha256")().map(|m| view! { <p class="field-error" role="alert">{m}</p> })}
                    <label for="original-file">{move_tr!("original-pick")}</label>
                    <input id="original-file" type="file" aria-describedby="original-file-help" on:change=pick_for_record.clone()/>
                    {progress(hashing)}
                    <p id="original-file-help" class="help">{move_tr!("original-pick-help")}</p>
                    {move || hash_error.get().map(|e| view! { <p class="field-error" role="alert">{move_tr!("original-read-failed", {"reason" => e.clone()})}</p> })}
                    <div class="form-actions">
                        <button type="submit" class="primary" disabled=move || hashing.get().is_some() || crate::ui::widgets::read_only(state)()>{move_tr!("action-save")}</button>
                        <button type="button" class="cancel" on:click={
                            let form = form.clone();
                            let stored = stored.clone();
                            move |_| {
                                location.set(stored.location.clone());
                                sha256.set(stored.sha256.clone());
                                problems.set(Vec::new());
                                form.done(None);
                            }
                        }>{move_tr!("action-cancel")}</button>
                    </div>
                </form>
            </Show>
        </section>
    }
}
