//! The pure core: model, rules, storage layout and search. Plain Rust: no leptos, no web-sys,
//! so all of it is tested natively with `cargo test`.

pub mod dates;
pub mod meta;
pub mod model;
pub mod search;
pub mod status;
pub mod validate;
pub mod workspace;
