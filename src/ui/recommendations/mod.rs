//! Recommendations (kiến nghị): the list, one recommendation's page (read it, change its status)
//! and its form.

mod list;
mod page;
mod read;
mod status;

pub use list::RecommendationList;
pub use page::RecommendationPage;
pub use read::RecommendationRead;
