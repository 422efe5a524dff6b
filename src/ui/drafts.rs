//! A form's draft in the browser (`core::storage::drafts`): read when the form opens, written a
//! moment after each change (under the tabs' lock, as upkeep: the form's unsaved flag already
//! asks before the tab closes), and again at once when the form leaves the page; discarded when
//! the form is saved or cancelled, or by the "Bỏ bản nháp" of the restored notice.

use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use leptos::prelude::*;
use leptos_fluent::move_tr;

use serde::de::DeserializeOwned;
use serde::Serialize;

use crate::core::records::meta::Id;
use crate::core::records::record::Record;
use crate::core::rules::dates::format_instant;
use crate::core::storage::drafts::{self, Draft, DraftOf};
use crate::ui::form_parts::while_mounted;
use crate::ui::state::{use_app, AppState, UnsavedInput};
use crate::web::local_storage::LocalStore;

/// How long after the last change a draft is written (typing writes once, not per key).
const QUIET: Duration = Duration::from_millis(600);

/// The stored draft of a record's form, if any.
pub fn read<T: Record>(id: Option<Id>) -> Option<Draft<T>> {
    read_of(DraftOf::Record(T::COLLECTION, id))
}

/// The stored draft of the form `of`, if any.
pub fn read_of<T: DeserializeOwned>(of: DraftOf) -> Option<Draft<T>> {
    let store = LocalStore::open().ok()?;
    drafts::load(&store, of)
}

/// Keeps one form's draft. `schedule()` on every change; `discard()` once saved or given up.
#[derive(Clone)]
pub struct DraftKeeper {
    of: DraftOf,
    /// Bumped by every change and every discard: a write waits for quiet, and a discard cancels it.
    generation: Arc<AtomicU64>,
    /// The draft read at the last change, waiting to be written (JSON).
    waiting: Arc<Mutex<Option<String>>>,
    /// Reads the form into a draft, as JSON (while the form is on the page).
    build: Arc<dyn Fn() -> Option<String> + Send + Sync>,
    state: AppState,
    /// The form's unsaved flag, raised with every change and lowered once saved or given up.
    unsaved: UnsavedInput,
}

impl DraftKeeper {
    /// `build` reads the form's fields into a draft; it runs at each change, so the write
    /// after a moment's quiet (or when the form leaves the page) reads no field.
    /// `restored`: the form opened on a draft, so it holds input not yet saved.
    pub fn new<T: Record + 'static>(
        state: AppState,
        id: Option<Id>,
        restored: bool,
        build: impl Fn() -> Draft<T> + Send + Sync + 'static,
    ) -> DraftKeeper {
        DraftKeeper::of(
            state,
            DraftOf::Record(T::COLLECTION, id),
            restored,
            move || Some(build()),
        )
    }

    /// The keeper of the form `of`, whose `build` may find nothing to keep (`None`: nothing
    /// is written). Its unsaved flag is lowered, and the waiting draft written, when the
    /// reactive owner it is made in goes: made by a page, it outlives the page's redraws.
    pub fn of<T: Serialize + 'static>(
        state: AppState,
        of: DraftOf,
        restored: bool,
        build: impl Fn() -> Option<Draft<T>> + Send + Sync + 'static,
    ) -> DraftKeeper {
        let unsaved = state.unsaved_input();
        if restored {
            unsaved.raise();
        }
        let keeper = DraftKeeper {
            of,
            generation: Arc::default(),
            waiting: Arc::default(),
            build: Arc::new(move || build().and_then(|d| serde_json::to_string(&d).ok())),
            state,
            unsaved,
        };
        let on_leave = keeper.clone();
        on_cleanup(move || on_leave.flush());
        keeper
    }

    /// A change in the form (its `on:input` and `on:change`): unsaved now, and the draft is read
    /// now and written once the form has been quiet for a moment.
    fn changed(&self) {
        self.unsaved.raise();
        let generation = self.generation.fetch_add(1, Ordering::Relaxed) + 1;
        *self.waiting.lock().expect("not poisoned") = (self.build)();
        let keeper = self.clone();
        set_timeout(
            move || {
                if keeper.generation.load(Ordering::Relaxed) == generation {
                    keeper.flush();
                }
            },
            QUIET,
        );
    }

    /// Writes the waiting draft now, if any.
    fn flush(&self) {
        let Some(text) = self.waiting.lock().expect("not poisoned").take() else {
            return;
        };
        let of = self.of;
        self.state.locked_upkeep(move || {
            if let Ok(mut store) = LocalStore::open() {
                // A refusal (quota) leaves the input in the form, whose unsaved flag still
                // asks before the tab closes.
                let _ = drafts::save_text(&mut store, of, &text);
            }
        });
    }

    /// The form's `on:change`/`on:input` handler: the input changed, a draft is due. Not for
    /// a field's last `change` once the saved form left the page ([`while_mounted`]): taking
    /// it would raise the unsaved flag and write a draft of what was just saved.
    pub fn on_change(&self) -> impl Fn(leptos::ev::Event) + Clone + 'static {
        let keeper = self.clone();
        while_mounted(move |_: leptos::ev::Event| keeper.changed())
    }

    /// Run when the form is finished (saved or cancelled): its draft goes.
    pub fn on_done(&self) -> Callback<()> {
        let keeper = self.clone();
        Callback::new(move |()| keeper.done())
    }

    /// The restored notice's Discard: the draft goes and the form is built again (`reset`).
    pub fn discard_then(&self, reset: Callback<()>) -> Callback<()> {
        let keeper = self.clone();
        Callback::new(move |()| {
            keeper.done();
            reset.run(());
        })
    }

    /// The form was saved or its input given up: nothing unsaved, and its draft goes (a write
    /// waiting is cancelled).
    fn done(&self) {
        self.unsaved.lower();
        self.generation.fetch_add(1, Ordering::Relaxed);
        self.waiting.lock().expect("not poisoned").take();
        let of = self.of;
        self.state.locked_upkeep(move || {
            if let Ok(mut store) = LocalStore::open() {
                if drafts::exists(&store, of) {
                    let _ = drafts::discard(&mut store, of);
                }
            }
        });
    }
}

/// What a form opens on: the record its fields show, the copy that input was made on (`read`:
/// what a save merges against), and, when a draft was restored, when it was kept and the typed
/// text of the fields a record cannot hold as typed.
pub struct Opening<T> {
    pub fields: T,
    pub read: T,
    pub restored_at: Option<chrono::DateTime<chrono::Utc>>,
    pub texts: std::collections::BTreeMap<String, String>,
}

/// A stored record's form opens on its draft (read against the copy the draft was made on) or
/// on the record; a new record's on its draft or on `fresh()`.
pub fn opening<T: Clone>(
    stored: Option<T>,
    draft: Option<Draft<T>>,
    fresh: impl FnOnce() -> T,
) -> Opening<T> {
    let restored_at = draft.as_ref().map(|d| d.saved_at);
    let texts = draft.as_ref().map(|d| d.texts.clone()).unwrap_or_default();
    let (fields, read) = match (stored, draft) {
        (Some(stored), Some(d)) => (d.input, d.read.unwrap_or(stored)),
        (Some(stored), None) => (stored.clone(), stored),
        (None, Some(d)) => (d.input.clone(), d.input),
        (None, None) => {
            let r = fresh();
            (r.clone(), r)
        }
    };
    Opening {
        fields,
        read,
        restored_at,
        texts,
    }
}

/// A form with its draft: a draft kept in this browser is handed to `body` (which restores it
/// and says so); something handed over by another page (`handed`: a duplicate for the next
/// period, an event's pre-filled record) is what the user just asked for, so it comes first.
/// `body`'s reset (after Discard) builds the form again, from the record or empty, and so does
/// a conflict decided here for its record while the page holds nothing unsaved: the form shows
/// the version chosen, not the one it read before (unsaved input stays, and its save merges
/// field by field onto the decision).
pub fn drafted<T: Record + Send + Sync + 'static>(
    id: Option<Id>,
    handed: Option<T>,
    body: impl Fn(Option<Draft<T>>, Option<T>, Callback<()>) -> AnyView + Send + Sync + 'static,
) -> impl IntoView {
    let stored = match handed {
        Some(_) => None,
        None => read::<T>(id),
    };
    let restored = StoredValue::new(stored);
    let handed = StoredValue::new(handed);
    let generation = RwSignal::new(0u32);
    let reset = Callback::new(move |()| {
        restored.set_value(None);
        handed.set_value(None);
        generation.update(|g| *g += 1);
    });
    let state = use_app();
    Effect::watch(
        move || state.decided.get(),
        move |decided, _, _| {
            let this_record =
                decided.is_some_and(|key| key.collection == T::COLLECTION && Some(key.id) == id);
            if this_record && state.dirty_forms.get_untracked() == 0 {
                reset.run(());
            }
        },
        false,
    );
    move || {
        generation.track();
        body(restored.get_value(), handed.get_value(), reset)
    }
}

/// The draft of a form that a page keeps above its own redraws (the agreement page's forms,
/// `DraftOf::AgreementPage`): what is typed, kept in memory for the next drawing of the form
/// and in storage for the next visit. Made by the page, so that its unsaved flag and its last
/// write follow the page, not the section the form is drawn in.
#[derive(Clone)]
pub struct PageFormDraft<T: Send + Sync + 'static> {
    /// What the form holds and has not saved (none: the form shows what is stored).
    pub typed: RwSignal<Option<T>>,
    /// When the draft the page opened on was kept (none once saved or discarded).
    pub restored_at: RwSignal<Option<chrono::DateTime<chrono::Utc>>>,
    /// Bumped by Discard: the form is drawn again from what is stored.
    pub redraw: RwSignal<u32>,
    keeper: DraftKeeper,
}

impl<T> PageFormDraft<T>
where
    T: Clone + Serialize + DeserializeOwned + Send + Sync + 'static,
{
    /// Reads the form's stored draft, if any.
    pub fn open(state: AppState, of: DraftOf) -> PageFormDraft<T> {
        let stored = read_of::<T>(of);
        let restored_at = RwSignal::new(stored.as_ref().map(|d| d.saved_at));
        let typed = RwSignal::new(stored.map(|d| d.input));
        let keeper = DraftKeeper::of(
            state,
            of,
            typed.with_untracked(Option::is_some),
            move || {
                typed.get_untracked().map(|input| Draft {
                    input,
                    texts: Default::default(),
                    read: None,
                    saved_at: crate::web::now(),
                })
            },
        );
        PageFormDraft {
            typed,
            restored_at,
            redraw: RwSignal::new(0),
            keeper,
        }
    }

    /// The form changed to `typed`: kept for the next drawing, and in storage in a moment.
    pub fn keep(&self, typed: T) {
        self.typed.set(Some(typed));
        self.keeper.changed();
    }

    /// The form's `on:input`/`on:change` handler (after the field's own, as the event bubbles
    /// up to the form), made where the section draws the form: keeps what `read` finds typed,
    /// while that drawing is on the page ([`while_mounted`]: a redraw frees its signals).
    pub fn on_change(
        &self,
        read: impl Fn() -> Option<T> + Clone + 'static,
    ) -> impl Fn(leptos::ev::Event) + Clone + 'static {
        let this = self.clone();
        while_mounted(move |_: leptos::ev::Event| {
            if let Some(typed) = read() {
                this.keep(typed);
            }
        })
    }

    /// The form was saved or cancelled: nothing unsaved, no draft, no notice. What the form
    /// holds next (`next`: choices kept for the next entry) is no input of the user's.
    pub fn done(&self, next: Option<T>) {
        self.typed.set(next);
        self.restored_at.set(None);
        self.keeper.done();
    }

    /// The input is given up: no draft, and the form is drawn again from what is stored.
    pub fn discard(&self) {
        self.done(None);
        self.redraw.update(|r| *r += 1);
    }

    /// "Đã khôi phục bản nháp chưa lưu" while the restored draft is in the form, whose Discard
    /// draws the form again from what is stored.
    pub fn notice(&self) -> impl IntoView {
        let this = self.clone();
        let restored_at = self.restored_at;
        move || {
            let this = this.clone();
            restored_at.get().map(|at| {
                let discard = Callback::new(move |()| this.discard());
                view! { <DraftRestored saved_at=at on_discard=discard/> }
            })
        }
    }
}

/// "Đã khôi phục bản nháp chưa lưu" with the time it was kept, and its Discard button.
#[component]
pub fn DraftRestored(
    saved_at: chrono::DateTime<chrono::Utc>,
    on_discard: Callback<()>,
) -> impl IntoView {
    let when = format_instant(saved_at);
    view! {
        <div class="banner info draft-restored" role="status">
            <span>{move_tr!("draft-restored", {"time" => when.clone()})}</span>
            <button type="button" class="spaced" on:click=move |_| on_discard.run(())>{move_tr!("draft-discard")}</button>
        </div>
    }
}
