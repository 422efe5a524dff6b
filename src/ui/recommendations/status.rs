//! A recommendation's status: the control that changes it (recording when and why) and the
//! history of its changes.

use leptos::prelude::*;
use leptos_fluent::{move_tr, tr, I18n};

use crate::core::records::meta::Id;
use crate::core::records::recommendation::{Recommendation, RecommendationStatus};
use crate::core::rules::dates::format_date;
use crate::core::rules::validate_activity::days_overdue;
use crate::ui::state::use_app;
use crate::ui::text;

fn status_value(s: RecommendationStatus) -> String {
    format!("{s:?}")
}

/// Changes the status (recording who, when and why), and shows the history of changes.
#[component]
pub(super) fn StatusControl(
    id: Id,
    /// The form's answer date, if a form is open: an answer dated by the change shows there.
    #[prop(optional)]
    responded_on: Option<RwSignal<String>>,
) -> impl IntoView {
    let state = use_app();
    let i18n = expect_context::<I18n>();
    let record = Memo::new(move |_| state.data.with(|d| d.recommendations.get(&id).cloned()));
    let current = record.get_untracked().map(|r| r.status).unwrap_or_default();
    let to = RwSignal::new(current);
    let note = RwSignal::new(String::new());
    // A status chosen or a note typed but not yet applied is input the tab must not lose silently.
    let unsaved = state.unsaved_input();
    let raise = unsaved.raiser();
    // Named before the view: leptos-fluent's compile-time key scan skips the first {…} after a
    // `tr` tag name, so no key may sit there only.
    let col_change = move_tr!("recommendations-history-change");

    let update = move |_| {
        let target = to.get_untracked();
        let Some(mut r) = state
            .data
            .with_untracked(|d| d.recommendations.get(&id).cloned())
        else {
            return;
        };
        if r.status == target {
            state.notify(
                move |i18n| {
                    tr!(i18n, "recommendations-status-unchanged", {
                        "status" => text::recommendation_status(i18n, target),
                    })
                },
                None,
            );
            return;
        }
        let stamp = state.stamp();
        let today = state.today();
        r.set_status(target, today, note.get_untracked().trim(), stamp.now);
        let answered = r.responded_on;
        state.apply(|data, stamp| data.save_record(r, stamp));
        // Resolving or declining dates the answer (when none was written): show it in the form.
        if let Some(responded_on) =
            responded_on.filter(|r| r.with_untracked(|t| t.trim().is_empty()))
        {
            if let Some(d) = answered {
                responded_on.set(format_date(d));
            }
        }
        note.set(String::new());
        unsaved.lower();
        state.notify_saved(
            move |i18n| {
                tr!(i18n, "recommendations-status-changed", {
                    "status" => text::recommendation_status(i18n, target),
                })
            },
            None,
        );
    };

    view! {
        <section class="card">
            <h2>{move_tr!("recommendations-status-title")}</h2>
            <div class="grid-2" on:input=raise.clone() on:change=raise>
                <div class="field">
                    <label for="recommendation-new-status">{move_tr!("recommendations-status-to")}</label>
                    <select id="recommendation-new-status" on:change=move |ev| {
                        let v = event_target_value(&ev);
                        to.set(RecommendationStatus::ALL.into_iter().find(|s| status_value(*s) == v).unwrap_or_default());
                    }>
                        {RecommendationStatus::ALL.into_iter().map(|s| view! {
                            <option value=status_value(s) selected=move || to.get() == s>{move || text::recommendation_status(i18n, s)}</option>
                        }).collect_view()}
                    </select>
                </div>
                <div class="field">
                    <label for="recommendation-status-note">{move_tr!("recommendations-status-note")}</label>
                    <input id="recommendation-status-note" type="text" placeholder=move_tr!("recommendations-status-note-placeholder")
                        prop:value=move || note.get() on:input=move |ev| note.set(event_target_value(&ev))/>
                </div>
            </div>
            <div class="actions">
                <crate::ui::widgets::ReadOnlyNote/>
                <button type="button" class="primary" disabled=crate::ui::widgets::read_only(state) on:click=update>{move_tr!("recommendations-status-update")}</button>
            </div>
            <p class="help">{move_tr!("recommendations-status-help")}</p>
            <h3>{move_tr!("recommendations-history-title")}</h3>
            {move || {
                let history = record.with(|r| r.as_ref().map(|r| r.history.clone()).unwrap_or_default());
                if history.is_empty() {
                    return view! { <p class="muted">{move_tr!("recommendations-history-none")}</p> }.into_any();
                }
                view! {
                    <table class="plain">
                        <thead>
                            <tr>
                                <th scope="col">{col_change}</th>
                                <th scope="col">{move_tr!("recommendations-history-date")}</th>
                                <th scope="col">{move_tr!("recommendations-history-note")}</th>
                            </tr>
                        </thead>
                        <tbody>
                            {history.into_iter().rev().map(|h| {
                                let (before, after) = (h.from, h.to);
                                view! {
                                    <tr>
                                        <td>
                                            {move || text::recommendation_status(i18n, before)} " → "
                                            <span class=text::recommendation_status_class(after)>{move || text::recommendation_status(i18n, after)}</span>
                                        </td>
                                        <td>{format_date(h.on)}</td>
                                        <td>{if h.note.is_empty() { "—".to_string() } else { h.note }}</td>
                                    </tr>
                                }
                            }).collect_view()}
                        </tbody>
                    </table>
                }
                .into_any()
            }}
        </section>
    }
}

/// The head of a recommendation's pages: its status, deadline and the days it is overdue.
#[component]
pub(super) fn StatusLine(recommendation: Memo<Option<Recommendation>>) -> impl IntoView {
    let i18n = expect_context::<I18n>();
    let today = use_app().today();
    move || {
        recommendation.get().map(|r| {
            let late = days_overdue(&r, today);
            let status = r.status;
            view! {
                <p class="status-line">
                    <span class=text::recommendation_status_class(status)>{move || text::recommendation_status(i18n, status)}</span>
                    {r.deadline.map(|d| view! { <span class="reason">{move_tr!("recommendations-deadline", {"date" => format_date(d)})}</span> })}
                    {late.map(|n| view! { <span class="field-error">{move_tr!("recommendations-overdue", {"days" => n})}</span> })}
                </p>
            }
        })
    }
}
