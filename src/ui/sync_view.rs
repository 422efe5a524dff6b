//! Live sync on the page: Settings → Đồng bộ (server, database, user, password; the connection
//! test; switching sync on and off) and the status every page's header shows. The work is done
//! by `state::live_sync` and the core's `sync_protocol`; this only words it.

use leptos::prelude::*;
use leptos_fluent::{move_tr, tr, I18n};

use super::state::{use_app, AppState};
use super::widgets::{read_only, ReadOnlyNote};
use crate::core::exchange::sync_protocol::connection::Verdict;
use crate::core::exchange::sync_protocol::local::{SyncState, SyncStatus};
use crate::core::exchange::sync_protocol::{ConfigProblem, SyncConfig, SyncProblem};
use crate::core::rules::dates::vietnam_offset;

fn config_problem(i18n: I18n, problem: ConfigProblem) -> String {
    match problem {
        ConfigProblem::ServerMissing => tr!(i18n, "sync-server-missing"),
        ConfigProblem::ServerInvalid => tr!(i18n, "sync-server-invalid"),
        ConfigProblem::DatabaseMissing => tr!(i18n, "sync-database-missing"),
        ConfigProblem::DatabaseInvalid => tr!(i18n, "sync-database-invalid"),
        ConfigProblem::UserMissing => tr!(i18n, "sync-user-missing"),
    }
}

/// The connection test's answer: (all well, words).
fn verdict(i18n: I18n, verdict: &Verdict, config: &SyncConfig) -> (bool, String) {
    let database = config.database.clone();
    let user = config.user.clone();
    match verdict {
        Verdict::Connected {
            public: false,
            server_version,
        } => (
            true,
            tr!(i18n, "sync-verdict-connected", {"version" => server_version.clone()}),
        ),
        Verdict::Connected {
            public: true,
            server_version,
        } => (
            false,
            tr!(i18n, "sync-verdict-public", {"version" => server_version.clone()}),
        ),
        Verdict::Unreachable(why) => (
            false,
            tr!(i18n, "sync-verdict-unreachable", {"why" => why.clone()}),
        ),
        Verdict::NotCouch => (false, tr!(i18n, "sync-verdict-not-couch")),
        Verdict::WrongLogin => (false, tr!(i18n, "sync-verdict-wrong-login")),
        Verdict::NoSuchDatabase => (
            false,
            tr!(i18n, "sync-verdict-no-database", {"database" => database}),
        ),
        Verdict::NotAllowed => (
            false,
            tr!(i18n, "sync-verdict-not-allowed", {"user" => user, "database" => database}),
        ),
        Verdict::Unexpected { status, step } => (
            false,
            tr!(i18n, "sync-verdict-unexpected", {"status" => status.to_string(), "step" => step.to_string()}),
        ),
    }
}

/// Why the sync stopped or failed, in a few words (the header and Settings).
pub fn problem(i18n: I18n, problem: &SyncProblem) -> String {
    match problem {
        SyncProblem::Unreachable { detail } => {
            tr!(i18n, "sync-problem-unreachable", {"why" => detail.clone()})
        }
        SyncProblem::LoginNeeded => tr!(i18n, "sync-problem-login"),
        SyncProblem::NotAllowed => tr!(i18n, "sync-problem-not-allowed"),
        SyncProblem::NoSuchDatabase => tr!(i18n, "sync-problem-no-database"),
        SyncProblem::NotCouch => tr!(i18n, "sync-problem-not-couch"),
        SyncProblem::Refused { count, reason } => {
            tr!(i18n, "sync-problem-refused", {"count" => *count, "reason" => reason.clone()})
        }
        SyncProblem::Unexpected { status, during } => {
            tr!(i18n, "sync-problem-unexpected", {"status" => status.to_string(), "during" => during.clone()})
        }
    }
}

/// The header's words for the sync's status; None: sync is not set up.
fn status_words(
    i18n: I18n,
    config: Option<&SyncConfig>,
    status: Option<&SyncStatus>,
) -> Option<(&'static str, String)> {
    let config = config?;
    if !config.enabled {
        return Some(("paused", tr!(i18n, "sync-status-off")));
    }
    let Some(status) = status else {
        return Some(("busy", tr!(i18n, "sync-status-connecting")));
    };
    let (class, mut words) = match &status.state {
        SyncState::Connecting | SyncState::Syncing => ("busy", tr!(i18n, "sync-status-syncing")),
        SyncState::Synced => {
            let time = status
                .synced_at
                .map(|t| {
                    t.with_timezone(&vietnam_offset())
                        .format("%H:%M")
                        .to_string()
                })
                .unwrap_or_default();
            ("ok", tr!(i18n, "sync-status-synced", {"time" => time}))
        }
        SyncState::Offline => ("offline", tr!(i18n, "sync-status-offline")),
        SyncState::Failed { problem: p } => (
            "error",
            tr!(i18n, "sync-status-failed", {"why" => problem(i18n, p)}),
        ),
        SyncState::Paused => ("paused", tr!(i18n, "sync-status-off")),
    };
    if status.waiting > 0 {
        words.push_str(" · ");
        words.push_str(&tr!(i18n, "sync-status-waiting", {"count" => status.waiting}));
    }
    if status.conflicts > 0 {
        words.push_str(" · ");
        words.push_str(&tr!(i18n, "sync-status-conflicts", {"count" => status.conflicts}));
    }
    Some((class, words))
}

/// The sync's status in the header of every page (a link to its settings); nothing when sync
/// is not set up.
#[component]
pub fn SyncStatusBadge() -> impl IntoView {
    let state = use_app();
    let i18n = expect_context::<I18n>();
    move || {
        let config = state.sync.config.get();
        let status = state.sync.status.get();
        status_words(i18n, config.as_ref(), status.as_ref()).map(|(class, words)| {
            let title = format!("{} — {words}", tr!(i18n, "sync-status-title"));
            view! {
                <a class=format!("sync-status {class}") id="sync-status" href="#/settings" title=title>
                    <span class="sync-dot" aria-hidden="true"></span>
                    <span role="status">{words}</span>
                </a>
            }
        })
    }
}

/// Settings → Đồng bộ.
#[component]
pub fn SyncSettings() -> impl IntoView {
    let state = use_app();
    let i18n = expect_context::<I18n>();
    let stored = state.sync.config.get_untracked().unwrap_or_default();
    let server = RwSignal::new(stored.server);
    let database = RwSignal::new(stored.database);
    let user = RwSignal::new(stored.user);
    // Only in this page's memory, and only until the login: never stored.
    let password = RwSignal::new(String::new());
    let message = RwSignal::new(None::<(bool, String)>);
    let busy = RwSignal::new(false);

    let typed = move || {
        SyncConfig::new(
            &server.get_untracked(),
            &database.get_untracked(),
            &user.get_untracked(),
        )
        .map_err(|p| config_problem(i18n, p))
    };
    // The test logs in; with `enable`, a login that holds switches sync on.
    let run_test = move |enable: bool| {
        let config = match typed() {
            Ok(config) => config,
            Err(why) => return message.set(Some((false, why))),
        };
        let secret = password.get_untracked();
        if secret.is_empty() {
            return message.set(Some((false, tr!(i18n, "sync-password-missing"))));
        }
        busy.set(true);
        message.set(Some((true, tr!(i18n, "sync-testing"))));
        leptos::task::spawn_local(async move {
            let answer = AppState::test_connection(config.clone(), secret).await;
            let (ok, words) = verdict(i18n, &answer, &config);
            let connected = matches!(answer, Verdict::Connected { .. });
            if enable && connected {
                password.set(String::new());
                let state = state;
                state.locked(move || {
                    let saved = state.save_sync_config(config);
                    busy.set(false);
                    message.set(Some(match saved {
                        Ok(()) => (ok, format!("{words} {}", tr!(i18n, "sync-enabled"))),
                        Err(e) => (false, super::text::store_error_tr(i18n, &e)),
                    }));
                });
            } else {
                busy.set(false);
                message.set(Some((ok, words)));
            }
        });
    };
    let switch_off = move |_| {
        let Some(config) = state.sync.config.get_untracked() else {
            return;
        };
        state.locked(move || {
            let saved = state.save_sync_config(SyncConfig {
                enabled: false,
                ..config
            });
            message.set(Some(match saved {
                Ok(()) => (true, tr!(i18n, "sync-disabled")),
                Err(e) => (false, super::text::store_error_tr(i18n, &e)),
            }));
        });
    };
    let enabled = move || {
        state
            .sync
            .config
            .with(|c| c.as_ref().is_some_and(|c| c.enabled))
    };
    let writes_refused = read_only(state);
    let field = |id: &'static str,
                 label: Signal<String>,
                 value: RwSignal<String>,
                 kind: &'static str,
                 auto: &'static str| {
        view! {
            <label for=id>{label}</label>
            <input id=id type=kind autocomplete=auto spellcheck="false" prop:value=move || value.get()
                on:input=move |ev| value.set(event_target_value(&ev))/>
        }
    };
    view! {
        <section class="card" id="sync">
            <h2>{move_tr!("sync-title")}</h2>
            <p class="help">{move_tr!("sync-lead")}</p>
            <form class="stack narrow" on:submit=move |ev| { ev.prevent_default(); run_test(true); }>
                {field("sync-server", move_tr!("sync-server"), server, "url", "url")}
                <p class="help">{move_tr!("sync-server-help")}</p>
                {field("sync-database", move_tr!("sync-database"), database, "text", "off")}
                {field("sync-user", move_tr!("sync-user"), user, "text", "username")}
                {field("sync-password", move_tr!("sync-password"), password, "password", "current-password")}
                <p class="help">{move_tr!("sync-password-help")}</p>
                {move || message.get().map(|(ok, m)| view! {
                    <p class=if ok { "field-ok" } else { "field-error" } role=if ok { "status" } else { "alert" } id="sync-message">{m}</p>
                })}
                {move || state.sync.status.get().and_then(|s| match s.state {
                    SyncState::Failed { problem: p } if enabled() => Some(view! {
                        <p class="field-error" role="note">{move || tr!(i18n, "sync-status-failed", {"why" => problem(i18n, &p)})}</p>
                    }),
                    _ => None,
                })}
                <ReadOnlyNote/>
                <div class="actions">
                    <button type="button" disabled=move || busy.get() on:click=move |_| run_test(false)>{move_tr!("sync-test")}</button>
                    " "
                    <button type="submit" class="primary" disabled=move || busy.get() || writes_refused()>
                        {move || if enabled() { tr!(i18n, "sync-login-again") } else { tr!(i18n, "sync-enable") }}
                    </button>
                    " "
                    <Show when=enabled>
                        <button type="button" disabled=writes_refused on:click=switch_off>{move_tr!("sync-disable")}</button>
                    </Show>
                </div>
            </form>
        </section>
    }
}
