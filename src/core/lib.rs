//! The pure core: plain Rust, no leptos, no web-sys, so all of it is tested natively with
//! `cargo test`. Its folders are its layers, each importing only layers below it (records, then
//! rules, then commands and views, storage, exchange, and sample data on top), and no module
//! imports one that imports it back: `tests/layers.rs` checks both.

pub mod commands;
pub mod exchange;
pub mod records;
pub mod rules;
pub mod sample_data;
pub mod storage;
pub mod views;
