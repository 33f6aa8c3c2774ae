//! The popups the screen can show over the panes, and what each holds: questions and their
//! answers, the lists and views that open over the panes. Plain data like the rest of the
//! state (`state.rs` re-exports it); `update` changes it, `ui` reads it.

use super::editor::Editor;
use super::lists::Lists;
use crate::model::Draft;
use crate::serve::{Brief, Helper, NeedUpdate};

/// What a one-line question is for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Ask {
    NewNeed {
        contact: String,
    },
    /// `shown`: the need's words as the prompt showed them (`ops::SetNeed::as_shown`).
    MetHow {
        contact: String,
        need: u32,
        shown: String,
    },
    /// `theirs`: a promise they made you, not one you made (tab switches).
    FollowUpWhat {
        contact: String,
        theirs: bool,
    },
    FollowUpDue {
        contact: String,
        what: String,
        theirs: bool,
    },
    /// New words for a need (`e` in the need's view).
    RewordNeed {
        contact: String,
        need: u32,
        shown: String,
    },
    AddContact,
    /// When the note being written happened (`ctrl-t` while writing).
    NoteTime,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Input {
    pub ask: Ask,
    pub prompt: String,
    pub editor: Editor,
    pub error: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Question {
    DiscardNote,
    DropNeed {
        contact: String,
        need: u32,
        shown: String,
    },
    /// After an intro was logged: mark the need it was for met.
    MeetByIntro(NeedUpdate),
    /// `A`: set `contact` aside (`archive`), or bring them back.
    Archive {
        contact: String,
        archive: bool,
    },
    /// `a` with a name someone here has already (or has as an alias): add a second person?
    AddAnyway {
        name: String,
    },
}

/// `m` on an open need: who could help, best first.
#[derive(Debug, Clone, PartialEq)]
pub struct Helpers {
    /// The id of the person with the need.
    pub owner: String,
    pub need: u32,
    pub what: String,
    pub helpers: Vec<Helper>,
    pub sel: usize,
    /// What was open before (the today list); closing goes back to it.
    pub back: Option<Box<Popup>>,
}

/// `x` or `d` with several open needs and none chosen in the needs pane: which one? It holds
/// the need ids, not places in a list, so a need met or added meanwhile never shifts the choice.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PickNeed {
    pub contact: String,
    /// Open needs when asked, by number.
    pub needs: Vec<u32>,
    pub sel: usize,
    /// Mark met (`x`) or drop (`d`).
    pub met: bool,
    pub error: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum EditTarget {
    Contact { id: String },
    Entry { id: String, month: (i32, u32) },
}

/// An editor session to take up again: `base` is the text the file had when the person's
/// editing began (what their changes are measured from, so a change made outside since then
/// is merged, never reverted), `text` what the editor shows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EditResume {
    pub base: String,
    pub text: String,
}

/// Enter on a need: the whole of it, since when, what was done for it, how it was met, with
/// its actions. It holds ids, so a change meanwhile shows the need as it is now.
#[derive(Debug, Clone, PartialEq)]
pub struct NeedView {
    pub contact: String,
    pub need: u32,
    pub scroll: u16,
    /// Who could help, ranked when it was opened (ranking the network on every frame would
    /// cost a large journal its speed).
    pub helpers: Vec<Helper>,
    /// Open when it was opened: met, dropped and an intro are offered only then (acting on it
    /// closes the view, so this does not go stale).
    pub open: bool,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Popup {
    Help {
        scroll: u16,
    },
    Entry {
        id: String,
        scroll: u16,
    },
    Problems {
        scroll: u16,
    },
    /// Computed when opened: nothing can change the journal while it shows.
    Brief {
        brief: Box<Brief>,
        scroll: u16,
        /// What was open before (a list); closing the brief goes back to it.
        back: Option<Box<Popup>>,
    },
    Helpers(Helpers),
    Lists(Lists),
    /// The statistics screen (`S`).
    Stats(Box<super::stats_view::StatsView>),
    /// The weekly review (`W`), worded when opened and when `tab` turns to the other week.
    Review {
        lines: Vec<crate::stats::review_words::Line>,
        scroll: u16,
        week: crate::stats::review::Week,
    },
    Need(NeedView),
    Input(Input),
    Confirm {
        question: Question,
        text: String,
    },
    Drafts {
        drafts: Vec<Draft>,
    },
    PickNeed(PickNeed),
    PickPerson(super::people::PickPerson),
    Merge(super::people::MergeView),
    /// Search in everything (`tab` in the filter, `ctrl-f`).
    Find(Box<super::found::FindView>),
    /// The text from `$EDITOR` did not parse; it is kept here until saved or reverted.
    EditFailed {
        target: EditTarget,
        resume: EditResume,
        error: String,
    },
    /// `H`: a person's history, read off the loop's thread.
    History(PersonHistory),
    /// `Y`: the conflicts the last sync stopped at, and a pick for each.
    Sync(super::sync_view::SyncView),
}

/// A person's history as the popup shows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PersonHistory {
    /// The person's id (whose answer this popup waits for) and name (its title).
    pub id: String,
    pub name: String,
    /// `None` while git is being read; then the changes, newest first, or why there are none.
    pub read: Option<Result<Vec<HistoryRow>, String>>,
    pub scroll: u16,
}

/// One change in a history: when ("2026-12-03 10:04") and its line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HistoryRow {
    pub date: String,
    pub line: String,
}
