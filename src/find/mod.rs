//! Search in everything: names, aliases, tags, company, role, email, phone, what people can
//! help with, their needs, promises, notes and how you met, and every note in the timeline.
//!
//! - A query is words; every word must be found, each at the start of a word of the text
//!   ("chen" finds "Chennai"), with case and accents set aside by `fold` (the one fold).
//!   A word may also be found in the name of a person the text belongs to, so "priya
//!   chennai" finds the note about Chennai with Priya in it.
//! - The index (`Finder`) is built once, off the UI thread for a large journal, and follows
//!   the journal's changes (`Journal::changes_since`) month by month and person by person.
//! - A hit says where it is (`Place`), and its text is cut around what matched (`snippet`).

mod answer;
mod bits;
mod corpus;
mod docs;
mod finder;
mod place;
mod segment;
mod snippet;
mod words;

pub use finder::{Finder, Found, Hit, INLINE_DOCS, Readiness};
pub use place::{Place, day_label, text_at};
pub use snippet::{Snippet, snippet};
pub use words::{marks, query_words};

#[cfg(test)]
mod tests;
