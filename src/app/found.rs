//! Search in everything as the screen shows it: the query being typed and the hits found for
//! it (`find::Found`), one highlighted. Opened from the contact filter with `tab` (or
//! `ctrl-f`); `enter` goes to the hit, `tab` back to filtering people.

use super::editor::Editor;
use crate::find::{Found, Hit};

#[derive(Debug, Clone, PartialEq)]
pub struct FindView {
    pub editor: Editor,
    pub found: Found,
    pub sel: usize,
    /// Opened from the `/` filter: closing goes back to it, with the query as typed here.
    pub from_filter: bool,
    /// The index's generation the hits were found in: when it moves on (a change, a build
    /// that finished), they are looked for again.
    pub generation: u64,
}

/// How many hits are listed at most; the count says how many there are in all.
pub const LISTED: usize = 300;

impl FindView {
    pub fn selected(&self) -> Option<&Hit> {
        self.found.hits.get(self.sel)
    }
}
