//! The pure core: model, rules, storage layout and search. Plain Rust: no leptos, no web-sys,
//! so all of it is tested natively with `cargo test`.

pub mod dates;
pub mod event;
pub mod generate;
pub mod listing;
pub mod meta;
pub mod model;
pub mod next_period;
pub mod recommendation;
pub mod sample;
pub mod search;
pub mod status;
pub mod storage;
pub mod validate;
pub mod workspace;
