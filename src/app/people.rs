//! What the screen shows while people's lifecycle changes are asked for: the person picker
//! of a merge (`M`: who is merged into the selected person) and the merge's confirmation,
//! which says what moves before anything is written.

use crate::app::editor::Editor;

/// `M`: typing a name, the contact filter ranking the people as it does the list (`keep`
/// never among them).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PickPerson {
    /// The id of the person who stays.
    pub keep: String,
    pub editor: Editor,
    /// The ids of the people fitting what is typed, best first: ids, not places in the
    /// journal, so an outside edit meanwhile can never make the list name someone else.
    pub matches: Vec<String>,
    pub sel: usize,
}

/// The merge asked for, and what it will do (`ops::merge::Preview::lines`, already inert):
/// `y` writes it, `n` or esc leaves everything as it is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MergeView {
    pub keep: String,
    pub gone: String,
    pub lines: Vec<String>,
}

/// How many people the picker lists.
pub const PICKER_ROWS: usize = 8;
