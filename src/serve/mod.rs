//! Serve first: the pre-meeting brief, who could help with a need, intros, and the lists of
//! people to reconnect with, promises and birthdays. Pure: no IO, "today" is always passed in,
//! so the command line and the TUI render the same data.

pub mod brief;
pub mod brief_words;
pub mod evidence;
pub mod intro;
pub mod matching;
pub mod network;
mod query;
mod rank;
pub mod reconnect;
pub mod terms;
pub mod today;
pub mod vocabulary;
mod word_lists;
pub mod wording;
pub mod words;

pub use brief::{
    Balance, Brief, FollowUpBrief, KnownSince, NeedBrief, Suggestion, brief, brief_in, brief_with,
};
pub use intro::{Intro, NeedUpdate, intro};
pub use matching::{Helper, Reason, Source, helpers, helpers_for_text};
pub use network::Network;
pub use reconnect::{DueFollowUp, birthdays, follow_ups, reconnect, waiting_on};
pub use today::{
    NeedMatch, Today, needs_with_strong_match, needs_with_strong_match_in, today, today_with,
};

#[cfg(test)]
pub(crate) mod tests;
