//! The app's state, shared through context: the dataset, the office, the route, and what is
//! saved or not. Every edit goes through [`AppState::apply`], which persists what changed.

use std::collections::BTreeSet;

use chrono::NaiveDate;
use leptos::prelude::*;
use leptos_fluent::tr;

use crate::core::commands::outcome::Written;
use crate::core::records::meta::Id;
use crate::core::records::record::RecordKey;
use crate::core::records::workspace::{Dataset, OfficeProfile, Stamp, Stored};
use crate::core::rules::dates::today_in_vietnam;
use crate::core::storage::{LoadProblem, ReadOnly, StoreError};
use crate::route::Route;
use crate::web;

mod backups;
mod conflicts;
mod export;
pub mod import;
mod live_sync;
mod storage;
mod work;
pub use backups::{Encoded, RestoreRefused};
pub use export::{ExportSaid, Exported};
pub use live_sync::LiveSync;
pub use storage::{StorageInfo, StorageState};
pub use work::Progress;

/// Notices shown at once at most; a further one pushes out the oldest (each has been on screen
/// for a while by then). Notices no longer replace each other: two arriving together are both read.
const TOASTS_SHOWN: usize = 4;
/// How long a notice stays: long enough to read, short enough not to sit over the page; one
/// that offers undo stays longer (and Settings can still bring the sample back after).
const TOAST_SECONDS: u64 = 6;
const TOAST_WITH_UNDO_SECONDS: u64 = 12;

/// A short message at the bottom of the screen, optionally with an undo. It keeps how to word
/// it rather than a text, so a language switch rewords a notice already on screen.
#[derive(Clone)]
pub struct Toast {
    pub words: Words,
    pub undo: Option<Undo>,
    pub serial: u64,
}

pub type Words = std::sync::Arc<dyn Fn(leptos_fluent::I18n) -> String + Send + Sync>;

/// What "Hoàn tác" does.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Undo {
    Undelete(RecordKey),
    /// Takes back a record just created (a new edit: a tombstone, which other offices see too).
    Delete(RecordKey),
    /// Brings back the sample records just removed (`sample_data`).
    SampleBack,
}

/// Long work under way, shown with how far it is (the page stays usable meanwhile).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Work {
    pub kind: WorkKind,
    pub done: usize,
    /// Records to go through; 0 when not counted (the bar then only says it is busy).
    pub total: usize,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum WorkKind {
    /// Writing a file (records written of all).
    Export,
    /// Reading a chosen file (records read of all).
    ReadImport,
    /// A snapshot before an import or a restore (records copied of all).
    Snapshot,
    /// Applying an import to the data and storing it (one step, not counted).
    ApplyImport,
}

/// Records edited in memory but not yet stored, and why.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct SaveState {
    pub pending: BTreeSet<RecordKey>,
    pub error: Option<StoreError>,
}

#[derive(Clone, Copy)]
pub struct AppState {
    pub data: RwSignal<Dataset>,
    pub office: RwSignal<Option<OfficeProfile>>,
    pub route: RwSignal<Route>,
    pub save: RwSignal<SaveState>,
    /// Notices on screen, oldest first.
    pub toasts: RwSignal<Vec<Toast>>,
    /// Long work under way (at most one at a time), with its progress.
    pub work: RwSignal<Option<Work>>,
    pub load_problems: RwSignal<Vec<LoadProblem>>,
    /// The office key could not be read: what was recovered of it, until the user confirms.
    pub office_damage: RwSignal<Option<crate::core::storage::identity::OfficeDamage>>,
    /// Why this page writes nothing (None: it writes). Forms are disabled, saying why.
    pub read_only: RwSignal<Option<ReadOnly>>,
    /// What this tab knows of storage, conflicts between tabs, backups and durability.
    pub storage: StorageState,
    /// Live sync with a server: settings, status, conflicts (`live_sync.rs`).
    pub sync: LiveSync,
    /// An unsaved agreement handed to the form (duplicate for the next period).
    pub draft: RwSignal<Option<crate::core::records::model::Agreement>>,
    /// A pre-filled event handed to the event form (e.g. linked to the agreement it came from).
    pub event_draft: RwSignal<Option<crate::core::records::event::Event>>,
    /// A pre-filled recommendation handed to its form (e.g. raised at an event).
    pub recommendation_draft:
        RwSignal<Option<crate::core::records::recommendation::Recommendation>>,
    /// How many open forms hold input not yet saved (see [`UnsavedInput`]). While it is above
    /// zero, nothing reloads the page (the new-version banner waits).
    pub dirty_forms: RwSignal<u32>,
    /// The record whose conflict (between tabs or offices) was just decided in this tab: an
    /// open form of it that holds nothing unsaved is drawn again from the decision
    /// (`drafts::drafted`), instead of the text it read before.
    pub decided: RwSignal<Option<crate::core::records::record::RecordKey>>,
}

impl AppState {
    /// Loads what is stored; a failure to read is reported, never replaced by an empty workspace.
    pub fn load() -> AppState {
        let route = Route::parse(&current_hash());
        let state = AppState {
            data: RwSignal::new(Dataset::default()),
            office: RwSignal::new(None),
            route: RwSignal::new(route),
            save: RwSignal::new(SaveState::default()),
            toasts: RwSignal::new(Vec::new()),
            work: RwSignal::new(None),
            load_problems: RwSignal::new(Vec::new()),
            office_damage: RwSignal::new(None),
            read_only: RwSignal::new(None),
            storage: StorageState::new(),
            sync: LiveSync::new(),
            draft: RwSignal::new(None),
            event_draft: RwSignal::new(None),
            recommendation_draft: RwSignal::new(None),
            dirty_forms: RwSignal::new(0),
            decided: RwSignal::new(None),
        };
        state.open_storage();
        state
    }

    pub fn stamp(&self) -> Stamp {
        let office = self
            .office
            .with_untracked(|o| o.as_ref().map(|o| o.id))
            .unwrap_or_default();
        Stamp {
            office,
            now: web::now(),
        }
    }

    pub fn today(&self) -> NaiveDate {
        today_in_vietnam(web::now())
    }

    /// Runs a command of the core on the dataset and stores exactly the records its outcome
    /// says it changed (under the lock every tab takes: see `persist`); a command that changed
    /// nothing writes nothing. Follow it with `notify_saved` (or `notify_outcome`), not
    /// `notify`, so the notice says how the write went.
    pub fn apply<R: Written>(&self, command: impl FnOnce(&mut Dataset, Stamp) -> R) -> R {
        let stamp = self.stamp();
        // The history entries this edit makes carry the name kept in this browser.
        let editor = super::history_view::editor_name();
        let result = self
            .data
            .try_update_untracked(|data| {
                data.editor = editor;
                command(data, stamp)
            })
            .expect("dataset is alive");
        let keys = result.written().to_vec();
        self.note_edit(&keys);
        // A command that changed nothing (or was refused) redraws nothing either.
        if !keys.is_empty() {
            self.data.notify();
            self.persist(keys);
        }
        result
    }

    /// Shows a notice: `words` gives its text in the language on screen (`|i18n| tr!(i18n, …)`).
    /// It joins the notices on screen (none replaces another; the same notice again, with the
    /// same undo, takes the place of the older one) and goes after a while.
    pub fn notify(
        &self,
        words: impl Fn(leptos_fluent::I18n) -> String + Send + Sync + 'static,
        undo: Option<Undo>,
    ) {
        let words: Words = std::sync::Arc::new(words);
        let serial = self
            .toasts
            .with_untracked(|t| t.last().map_or(0, |t| t.serial + 1));
        let text = super::i18n::current().map(|i18n| words(i18n));
        self.toasts.update(|toasts| {
            if let Some(text) = &text {
                toasts.retain(|t| {
                    t.undo != undo
                        || super::i18n::current().map(|i18n| (t.words)(i18n)).as_ref() != Some(text)
                });
            }
            toasts.push(Toast {
                words,
                undo,
                serial,
            });
            let surplus = toasts.len().saturating_sub(TOASTS_SHOWN);
            toasts.drain(..surplus);
        });
        let state = *self;
        set_timeout(
            move || state.dismiss(serial),
            std::time::Duration::from_secs(if undo.is_some() {
                TOAST_WITH_UNDO_SECONDS
            } else {
                TOAST_SECONDS
            }),
        );
    }

    /// Takes a notice off the screen (its time is up, or the user closed it).
    pub fn dismiss(&self, serial: u64) {
        // try_: when the whole app is torn down, the signal may already be gone.
        self.toasts
            .try_update(|toasts| toasts.retain(|t| t.serial != serial));
    }

    /// Soft-deletes a record and offers undo; a refusal explains what still refers to it.
    pub fn delete<T: Stored>(&self, id: Id, label: &str) -> Result<(), Vec<RecordKey>> {
        let result = self.apply(|data, stamp| data.delete_record::<T>(id, stamp));
        match result {
            Ok(outcome) => {
                let key = outcome.value;
                let label = label.to_string();
                self.notify_saved(
                    move |i18n| tr!(i18n, "record-deleted", {"label" => label.clone()}),
                    Some(Undo::Undelete(key)),
                );
                Ok(())
            }
            Err(blocked) => Err(blocked.referenced_by),
        }
    }

    pub fn undo(&self, undo: Undo) {
        let key = match undo {
            Undo::Undelete(key) => key,
            Undo::Delete(key) => return self.undo_create(key),
            Undo::SampleBack => return super::sample_data::bring_back(*self),
        };
        let restored = self.apply(
            |data, stamp| crate::with_record_type!(key.collection, T => data.undelete_record::<T>(key.id, stamp)),
        );
        if !restored.is_nothing() {
            self.notify_saved(|i18n| tr!(i18n, "undo-undeleted"), None);
        }
    }

    /// Deletes the record just created; its page, if open, gives way to its list.
    fn undo_create(&self, key: RecordKey) {
        let result = self.apply(
            |data, stamp| crate::with_record_type!(key.collection, T => data.delete_record::<T>(key.id, stamp)),
        );
        match result {
            Ok(_) => {
                self.notify_saved(|i18n| tr!(i18n, "undo-created-removed"), None);
                if self
                    .route
                    .with_untracked(|r| r.page() == Route::of_record(key.collection, key.id))
                {
                    use crate::core::records::record::Collection as C;
                    self.navigate(match key.collection {
                        C::Organisations => Route::Organisations,
                        C::People => Route::People,
                        C::Agreements => Route::Agreements,
                        C::Events => Route::Events,
                        C::Recommendations => Route::Recommendations,
                    });
                }
            }
            Err(blocked) => {
                let count = blocked.referenced_by.len();
                self.notify(
                    move |i18n| tr!(i18n, "undo-blocked", {"count" => count}),
                    None,
                )
            }
        }
    }

    pub fn navigate(&self, route: Route) {
        let other_page = self.route.with_untracked(|r| r.page() != route.page());
        if other_page && !self.may_leave_page() {
            return;
        }
        if let Some(window) = web_sys::window() {
            let _ = window.location().set_hash(&route.href());
            window.scroll_to_with_x_and_y(0.0, 0.0);
        }
        if self.route.with_untracked(|r| *r != route) {
            self.route.set(route);
        }
    }
}

impl AppState {
    /// Whether the page may be left: yes, unless a form holds unsaved input and the user,
    /// asked, chooses to stay. (Closing the tab asks through `beforeunload` instead.)
    pub fn may_leave_page(&self) -> bool {
        if self.dirty_forms.get_untracked() == 0 {
            return true;
        }
        let question = super::i18n::current()
            .map(|i18n| tr!(i18n, "unsaved-leave-question"))
            .unwrap_or_default();
        web_sys::window()
            .and_then(|w| w.confirm_with_message(&question).ok())
            // Leaving unmounts the form, which lowers its flag.
            .unwrap_or(true)
    }
}

/// A form's "holds unsaved input" flag, counted in [`AppState::dirty_forms`]. Make one per form
/// with [`AppState::unsaved_input`], call `raise()` on input (`on:input`/`on:change` on the
/// `<form>` catch every field) and `lower()` once saved; leaving the page lowers it too.
#[derive(Clone)]
pub struct UnsavedInput {
    raised: std::sync::Arc<std::sync::atomic::AtomicBool>,
    count: RwSignal<u32>,
}

impl UnsavedInput {
    pub fn raise(&self) {
        use std::sync::atomic::Ordering::Relaxed;
        if !self.raised.swap(true, Relaxed) {
            self.count.update(|c| *c += 1);
        }
    }

    /// An event handler that raises the flag: `on:input=unsaved.raiser() on:change=unsaved.raiser()`
    /// (not for the last `change` of a field leaving with its form: `form_parts::while_mounted`).
    pub fn raiser(&self) -> impl Fn(leptos::ev::Event) + Clone + 'static {
        let flag = self.clone();
        super::form_parts::while_mounted(move |_: leptos::ev::Event| flag.raise())
    }

    pub fn lower(&self) {
        use std::sync::atomic::Ordering::Relaxed;
        if self.raised.swap(false, Relaxed) {
            // try_: when the whole app is torn down, the counter may already be gone.
            self.count.try_update(|c| *c = c.saturating_sub(1));
        }
    }
}

impl AppState {
    /// The unsaved-input flag of the form being built (lowered when it leaves the page).
    pub fn unsaved_input(&self) -> UnsavedInput {
        let flag = UnsavedInput {
            raised: Default::default(),
            count: self.dirty_forms,
        };
        let on_leave = flag.clone();
        on_cleanup(move || on_leave.lower());
        flag
    }
}

pub fn current_hash() -> String {
    web_sys::window()
        .and_then(|w| w.location().hash().ok())
        .unwrap_or_default()
}

pub fn use_app() -> AppState {
    expect_context::<AppState>()
}
