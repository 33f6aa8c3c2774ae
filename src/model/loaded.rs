//! What a load of the data folder hands to the journal: plain data, so the journal is built
//! from it without depending on the store that read it.

use super::{Contact, Entry, Problem};

/// A whole folder, or its contacts and newest months (the first stage of a staged load).
#[derive(Debug, Default)]
pub struct Loaded {
    pub contacts: Vec<Contact>,
    /// Oldest first.
    pub entries: Vec<Entry>,
    pub problems: Vec<Problem>,
}

/// Second stage of a staged load.
#[derive(Debug, Default)]
pub struct OlderLoad {
    /// Entries of the older months, oldest first.
    pub entries: Vec<Entry>,
    /// The complete problem list for the whole folder; it replaces the first stage's.
    pub problems: Vec<Problem>,
}
