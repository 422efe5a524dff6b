//! The pure core: model, rules, storage layout and search. Plain Rust: no leptos, no web-sys,
//! so all of it is tested natively with `cargo test`.

pub mod dashboard;
pub mod dates;
pub mod document;
pub mod duty;
pub mod edits;
pub mod event;
pub mod export;
pub mod file_format;
pub mod form_edit;
pub mod generate;
pub mod import;
pub mod listing;
pub mod matrix;
pub mod merge;
pub mod meta;
pub mod migrate;
pub mod model;
pub mod next_period;
pub mod numbers;
pub mod quick_serde;
pub mod recommendation;
pub mod references;
pub mod report;
pub mod results;
pub mod sample;
pub mod search;
pub mod status;
pub mod storage;
pub mod validate;
pub mod validate_activity;
pub mod workspace;
