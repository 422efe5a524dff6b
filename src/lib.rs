//! Phối hợp: the ledger of inter-agency coordination agreements, running wholly in the browser.
//!
//! - [`core`]: the model and every rule, plain Rust, tested natively.
//! - [`route`]: the pages and their URLs (pure, tested natively).
//! - `web`: the thin browser glue (localStorage, clock); wasm32 only.
//! - `ui`: the Leptos components; wasm32 only.

// The core is its own crate (src/core/Cargo.toml), built at opt-level 3 while the views are
// built small; `crate::core::…` paths read as if it were a module.
pub use phoihop_core as core;
pub use phoihop_core::with_record_type;
pub mod route;

#[cfg(target_arch = "wasm32")]
pub mod ui;
#[cfg(target_arch = "wasm32")]
pub mod web;
