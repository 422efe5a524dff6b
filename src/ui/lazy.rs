//! What loads later. The first wasm holds only what a first visit needs: the first-run card (and
//! the translations, the service worker's registration). The rest of the app, from the storage
//! load on, is the part `app` (ui/mod.rs), asked for at once when anything of ours is stored, or
//! when the card's choice is made; the .xlsx and .docx writers are the part `writers`, loaded at
//! the first such export. A part's code comes from a file of its own the first time one of its
//! split functions is called (`split!`), and the service worker precaches every file once the
//! first wasm runs, so they open offline too.
//!
//! Two parts, not one per page: code that parts share goes into a file of its own per set of
//! parts sharing it, and with the pages, the import, sync and the export as parts of their own
//! beside `app` that was 36 files to open the app with, 0.2 s slower to the dashboard with 50,000
//! events (0.6 s at 4× CPU; docs/benchmarks.md).
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

/// What `load` gives, once it comes (nothing meanwhile: index.html's placeholder is still
/// there). A failed load says so, with a button to try again.
pub fn part<F, Fut>(load: F) -> AnyView
where
    F: Fn() -> Fut + Send + Sync + 'static,
    Fut: Future<Output = Result<AnyView, NotLoaded>> + 'static,
{
    let attempt = RwSignal::new(0u32);
    let load = std::sync::Arc::new(load);
    (move || {
        attempt.track();
        let load = load();
        let drawn = async move {
            match load.await {
                Ok(view) => view,
                Err(NotLoaded) => not_loaded(move || attempt.update(|n| *n += 1)),
            }
        };
        let drawn = Suspend::new(send_wrapper::SendWrapper::new(drawn));
        view! { <Suspense fallback=|| ()>{drawn}</Suspense> }
    })
    .into_any()
}

/// What a part that could not be loaded shows.
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
