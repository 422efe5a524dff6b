//! What loads later: the first wasm holds the shell, the storage load, the dashboard and the
//! first-run screen; every other page, the import, the export, live sync's replicator and the
//! file writers are split functions
//! whose code comes from a file of its own the first time one is called (`split!`), and the
//! service worker precaches those files once the app runs, so they open offline too.
//!
//! The release build cuts them out: Trunk builds with the `split` feature and
//! scripts/post-build.mjs runs the splitter (wasm_split_cli_support) on the linked wasm. Without
//! the feature (tests, `cargo check`) a split function is a plain async function.

use std::future::Future;

use leptos::prelude::*;
use leptos_fluent::move_tr;

/// `split! { part; fn name(args) -> T { body } }`: an async `name(args) -> Result<T, NotLoaded>`
/// whose code loads with the file of `part` (one file per part; code that parts share goes in
/// files of its own) on the first call. A failed load (the line dropped before the service
/// worker had every file) is `Err(NotLoaded)`, and the next call tries again. Arguments and
/// result pass by value: no generics, no `impl Trait`.
macro_rules! split {
    ($part:ident; $(#[$attr:meta])* $vis:vis fn $name:ident($($arg:ident: $ty:ty),* $(,)?) -> $ret:ty $body:block) => {
        #[cfg(feature = "split")]
        #[::leptos::wasm_split::wasm_split($part, wasm_split_path = ::leptos::wasm_split, fallible)]
        $(#[$attr])*
        $vis fn $name($($arg: $ty),*) -> Result<$ret, $crate::ui::lazy::NotLoaded> {
            fn body($($arg: $ty),*) -> $ret $body
            Ok(body($($arg),*))
        }

        #[cfg(not(feature = "split"))]
        $(#[$attr])*
        $vis async fn $name($($arg: $ty),*) -> Result<$ret, $crate::ui::lazy::NotLoaded> {
            fn body($($arg: $ty),*) -> $ret $body
            Ok(body($($arg),*))
        }
    };
}
pub(crate) use split;

/// A part of the app that could not be loaded (offline before it was ever cached, or the server
/// went away meanwhile): shown, and tried again on request.
#[derive(Clone, Copy, Debug)]
pub struct NotLoaded;

impl From<leptos::wasm_split::SplitLoaderError> for NotLoaded {
    fn from(_: leptos::wasm_split::SplitLoaderError) -> Self {
        NotLoaded
    }
}

/// The page `load` gives; "Đang tải…" until it comes. Once a part is loaded its pages come at
/// once (no placeholder); a page that had to wait names the tab and takes the focus when drawn,
/// as any page change does (focus.rs). A failed load says so, with a button to try again.
pub fn page<F, Fut>(load: F) -> AnyView
where
    F: Fn() -> Fut + Send + Sync + 'static,
    Fut: Future<Output = Result<AnyView, NotLoaded>> + 'static,
{
    let attempt = RwSignal::new(0u32);
    let load = std::sync::Arc::new(load);
    (move || {
        attempt.track();
        let mut load = Box::pin(load());
        let drawn = async move {
            let mut waited = false;
            let loaded = std::future::poll_fn(|cx| {
                let poll = load.as_mut().poll(cx);
                waited |= poll.is_pending();
                poll
            })
            .await;
            if waited {
                super::focus::page_arrived();
            }
            match loaded {
                Ok(view) => view,
                Err(NotLoaded) => not_loaded(move || attempt.update(|n| *n += 1)),
            }
        };
        let drawn = Suspend::new(send_wrapper::SendWrapper::new(drawn));
        view! {
            <Suspense fallback=|| view! {
                <p class="page-loading" role="status">{move_tr!("page-loading")}</p>
            }>
                {drawn}
            </Suspense>
        }
    })
    .into_any()
}

/// What a page that could not be loaded shows.
fn not_loaded(retry: impl Fn() + 'static) -> AnyView {
    view! {
        <div class="page-not-loaded" role="alert">
            <h1>{move_tr!("page-not-loaded")}</h1>
            <p>{move_tr!("page-not-loaded-why")}</p>
            <button type="button" class="primary" on:click=move |_| retry()>{move_tr!("page-try-again")}</button>
        </div>
    }
    .into_any()
}
