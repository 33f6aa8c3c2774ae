//! Plain data: what a person, an interaction, a need and a promise are.
//! Nothing here knows about files or terminals.

mod contact;
mod draft;
mod entry;
mod years;

pub use contact::{Birthday, Contact, FollowUp, Need, NeedStatus};
pub use draft::Draft;
pub use entry::{Entry, Kind};
pub use years::{FIRST_YEAR, LAST_YEAR, in_years, outside_years};
