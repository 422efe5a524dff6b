//! Long work on the page (an export, reading an import, a snapshot), done in slices: between
//! them the browser paints, takes clicks and keys, and shows how far the work is.

use leptos::prelude::*;

use super::{AppState, Work, WorkKind};
use crate::core::exchange::import::Pace;
use crate::web::Pacer;

/// Paces one piece of long work and, unless it runs unseen (the day's snapshot), shows it.
pub struct Progress {
    state: AppState,
    kind: Option<WorkKind>,
    total: usize,
    pacer: Pacer,
}

impl Progress {
    /// Work the user waits for: shown at once, `total` records to go (0: not known yet).
    pub fn shown(state: AppState, kind: WorkKind, total: usize) -> Progress {
        state.work.set(Some(Work {
            kind,
            done: 0,
            total,
        }));
        Progress {
            state,
            kind: Some(kind),
            total,
            pacer: Pacer::new(),
        }
    }

    /// Work in the background: not shown, and done in the browser's idle periods.
    pub fn unseen(state: AppState) -> Progress {
        Progress {
            state,
            kind: None,
            total: 0,
            pacer: Pacer::in_background(),
        }
    }

    /// Hands the page back if this slice has run long enough; `done` records so far.
    pub async fn maybe_pause(&mut self, done: usize) {
        if self.pacer.due() {
            self.show(done);
            self.pacer.pause().await;
        }
    }

    /// Shows the last, unsliced step (`kind`, with no count), and lets the page paint it first.
    pub async fn last_step(&mut self, kind: WorkKind) {
        self.kind = Some(kind);
        self.total = 0;
        self.show(0);
        self.pacer.after_paint().await;
    }

    fn show(&self, done: usize) {
        if let Some(kind) = self.kind {
            self.state.work.set(Some(Work {
                kind,
                done,
                total: if self.total == 0 {
                    0
                } else {
                    self.total.max(done)
                },
            }));
        }
    }
}

impl Pace for Progress {
    fn due(&mut self) -> bool {
        self.pacer.due()
    }

    fn pause(&mut self, done: usize, total: usize) -> impl std::future::Future<Output = ()> {
        self.total = total;
        self.show(done);
        self.pacer.pause()
    }
}

impl Drop for Progress {
    fn drop(&mut self) {
        if self.kind.is_some() {
            // try_: when the whole app is torn down, the signal may already be gone.
            self.state.work.try_set(None);
        }
    }
}

impl AppState {
    /// Whether long work is under way (one at a time: another waits until it is done).
    pub fn busy(&self) -> bool {
        self.work.with_untracked(Option::is_some)
    }
}
