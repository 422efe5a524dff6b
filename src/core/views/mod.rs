//! What is shown and printed: lists, search, dashboard, plan matrix, reports, references.

pub mod audit;
pub mod dashboard;
pub mod document;
pub mod listing;
pub mod matrix;
pub mod numbers;
pub mod references;
pub mod report;
pub mod search;
pub mod summary;
