//! The journal written out for other tools: vCard 4.0 (address books), JSON (`rolo/1`, for
//! scripts and backups), Markdown (a readable archive) and iCalendar (birthdays and promises
//! in a calendar). Each takes the journal and the people to write, and returns the text.

pub mod ics;
pub mod json;
pub mod markdown;
pub mod vcard;

/// Which people an export covers: positions in the journal, in the order given.
pub type People<'a> = &'a [usize];
