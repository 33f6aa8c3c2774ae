//! An intro: an entry with both people, and for a need, the need met after. Two writes, the
//! entry first (it is the record; the need follows as `needs::MeetByIntro`), so a need that
//! changed meanwhile never costs the entry.

use super::Invalid;
use crate::model::Contact;
use chrono::{DateTime, FixedOffset};

pub use crate::serve::Intro;

/// The intro of `helped` to `other`, optionally for one of `helped`'s open needs; the reason
/// it cannot be (the same person twice, a need gone or no longer open) is one line.
pub fn plan(
    helped: &Contact,
    other: &Contact,
    need: Option<u32>,
    note: Option<&str>,
    at: DateTime<FixedOffset>,
) -> Result<Intro, Invalid> {
    crate::serve::intro(helped, other, need, note, at).map_err(Invalid)
}
