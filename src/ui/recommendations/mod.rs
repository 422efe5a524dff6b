//! Recommendations (kiến nghị): the list, and one page that shows, edits and resolves one.

mod list;
mod page;

pub use list::RecommendationList;
pub use page::RecommendationPage;
