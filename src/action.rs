//! Every intent a key can trigger. The serde names (`snake_case`) are what a user writes in
//! the `[keys]` table of `config.toml`, so renaming a variant is a breaking change.

use serde::Deserialize;

#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Action {
    Quit,
    Help,
    Up,
    Down,
    Top,
    Bottom,
    PageUp,
    PageDown,
    NextPane,
    PrevPane,
    /// Enter: open the selection (an entry), or submit the input.
    Open,
    /// Esc: close the popup, clear the filter, cancel the input.
    Back,
    Search,
    /// Search in everything (notes, needs, promises, every field of a card); from there,
    /// back to filtering people.
    SearchEverything,
    CycleSort,
    ToggleTimelineScope,
    ToggleNeedsScope,
    NewNote,
    NewNeed,
    MeetNeed,
    DropNeed,
    NewFollowUp,
    AddContact,
    EditContact,
    EditEntry,
    ShowProblems,
    /// Take back the last change (a new commit in the journal's history).
    Undo,
    /// Put back the last change undone.
    Redo,
    /// The selected person's history: every change that touched them, newest first.
    History,
    /// Set the selected person aside (or bring back an archived one), after a yes.
    Archive,
    /// Merge another person into the selected one: pick them, see what moves, then a yes.
    Merge,
    // ----- serve first -----
    /// The pre-meeting brief of the selected contact.
    Brief,
    /// Who could help with the selected open need.
    MatchNeed,
    /// People to reconnect with, promises due, birthdays coming up.
    Reconnect,
    /// What matters today.
    Today,
    /// The statistics screen: your relationships as charts.
    Stats,
    /// The weekly review: the week looked back at, and the one ahead.
    Review,
    /// In the helpers list: log an intro to the highlighted person.
    Introduce,
    /// In the helpers list: the highlighted person is not a fit for this need; never suggest
    /// them for it again (kept in the need's `not_a_fit`, undone like any change).
    NotAFit,
    /// In a list or the needs & promises pane: mark the highlighted promise done.
    MarkDone,
    /// In a need's view: change its words.
    EditNeed,
    /// In the follow-up question: your promise or theirs.
    ToggleTheirs,
    // ----- text input -----
    Submit,
    Newline,
    CycleKind,
    /// While writing a note: change when it happened.
    NoteTime,
    Left,
    Right,
    Home,
    End,
    WordLeft,
    WordRight,
    Backspace,
    Delete,
    CompleteAccept,
    CompleteNext,
    CompletePrev,
    // ----- popups -----
    Yes,
    No,
    RestoreDraft,
    DiscardDraft,
    Later,
    EditAgain,
    Revert,
    /// A printable character typed into an input; never bound in a keymap.
    #[serde(skip)]
    Type(char),
    /// The terminal changed size; redraw.
    #[serde(skip)]
    Resize,
    /// A left click at a column and row of the screen.
    #[serde(skip)]
    Click {
        x: u16,
        y: u16,
    },
    /// The mouse wheel over a column and row; `down` scrolls towards the end.
    #[serde(skip)]
    Wheel {
        x: u16,
        y: u16,
        down: bool,
    },
}
