//! The sample province and generated stores for tests and benchmarks.

pub mod generate;
pub mod sample;
pub mod support;
