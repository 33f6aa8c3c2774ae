//! Plain data: what a person, an interaction, a need and a promise are.
//! Nothing here reads files or knows terminals; `layout` only names where each record lives.

mod contact;
mod draft;
mod entry;
pub mod layout;
mod loaded;
mod problem;
mod ranked_on;
mod years;

pub use contact::{Archived, Birthday, By, Contact, FollowUp, Need, NeedStatus};
pub use draft::Draft;
pub use entry::{Entry, Kind};
pub use loaded::{Loaded, OlderLoad};
pub use problem::{Lines, Problem, Severity, line_col};
pub use years::{FIRST_YEAR, LAST_YEAR, in_years, outside_years};
