//! Phối hợp: the ledger of inter-agency coordination agreements, running wholly in the browser.
//!
//! - [`core`]: the model and every rule, plain Rust, tested natively.
//! - [`route`]: the pages and their URLs (pure, tested natively).
//! - `web`: the thin browser glue (localStorage, clock); wasm32 only.
//! - `ui`: the Leptos components; wasm32 only.

pub mod core;
pub mod route;

#[cfg(target_arch = "wasm32")]
pub mod ui;
#[cfg(target_arch = "wasm32")]
pub mod web;
