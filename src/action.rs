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
    // ----- serve first -----
    /// The pre-meeting brief of the selected contact.
    Brief,
    /// Who could help with the selected open need.
    MatchNeed,
    /// People to reconnect with, promises due, birthdays coming up.
    Reconnect,
    /// What matters today.
    Today,
    /// In the helpers list: log an intro to the highlighted person.
    Introduce,
    /// In a list: mark the highlighted follow-up done.
    MarkDone,
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
}
