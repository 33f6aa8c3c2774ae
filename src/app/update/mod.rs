//! `update`: an action changes the state and asks for effects. No IO here; the loop in
//! `run.rs` carries the effects out and hands what they came to back in as a message
//! (`done::Done`, learnt by `on_done` through the handlers in `outcome`). The draft of the
//! note being typed is written the same way: `autosave` says when, as an effect.

mod autosave;
mod broken;
mod browse;
mod capture;
pub mod done;
pub mod find;
mod forms;
mod history;
mod mouse;
mod need_view;
mod note_time;
pub mod outcome;
mod people;
mod people_done;
mod pick_need;
mod popups;
mod promise;
mod serve;
mod sync;

pub use autosave::{Cue, DRAFT_EVERY, autosave};
pub use done::{Done, on_done};

use super::state::{AppState, EditResume, EditTarget, Popup};
use crate::action::Action;
use crate::journal::Journal;
use crate::model::{By, Draft, Entry, NeedStatus};
use crate::serve::NeedUpdate;
use chrono::{DateTime, FixedOffset, NaiveDate};

/// Something only the loop can do: touch files, run the editor, stop.
#[derive(Debug, Clone, PartialEq)]
pub enum Effect {
    /// Append the entry, then remove the draft it came from.
    SaveEntry {
        entry: Entry,
        draft: Draft,
    },
    RemoveDraft(Draft),
    /// Write the draft of the note being typed (see `autosave`).
    SaveDraft(Draft),
    /// Write a restored draft as this rolo's own; if another running rolo has it, close it.
    ClaimDraft(Draft),
    AddNeed {
        contact: String,
        what: String,
        since: NaiveDate,
    },
    /// `shown`: the need's words as the screen showed them when it was chosen.
    SetNeed {
        contact: String,
        need: u32,
        status: NeedStatus,
        how: Option<String>,
        on: NaiveDate,
        shown: String,
    },
    AddFollowUp {
        contact: String,
        what: String,
        due: NaiveDate,
        by: By,
    },
    /// New words for a need.
    RewordNeed {
        contact: String,
        need: u32,
        what: String,
        shown: String,
    },
    AddContact {
        name: String,
    },
    /// Append an intro entry; when it was for a need, then ask whether it is met.
    LogIntro {
        entry: Entry,
        need_update: Option<NeedUpdate>,
    },
    /// Mark the helper `op` names as not a fit for a need of `contact`.
    NotAFit {
        contact: String,
        op: crate::ops::NotAFit,
    },
    /// Mark a need met the way an intro said.
    MeetByIntro(NeedUpdate),
    FollowUpDone {
        contact: String,
        id: u32,
    },
    /// Archive `contact` (`archive`), or bring them back.
    Archive {
        contact: String,
        archive: bool,
        on: NaiveDate,
    },
    /// Merge `gone` into `keep` (ids): their files and every entry naming `gone`.
    Merge {
        keep: String,
        gone: String,
    },
    /// Open `$EDITOR` on the target; `resume` is an earlier attempt to continue from.
    Edit {
        target: EditTarget,
        resume: Option<EditResume>,
    },
    /// Take back the last change (the history's undo), off the loop's thread.
    Undo,
    /// Put back the last change undone, off the loop's thread.
    Redo,
    /// Read the history of the person `id` (named `name`), off the loop's thread.
    ReadHistory {
        id: String,
        name: String,
    },
    /// Read the conflicts the last sync stopped at, off the loop's thread.
    ReadConflicts,
    /// Settle the conflict in `path` (inside the data folder) with this machine's values
    /// (`ours`) or the other's, and sync: off the loop's thread, as git is slow and the
    /// remote may be far. What it writes is picked up like any outside edit.
    PickSide {
        path: String,
        ours: bool,
    },
    Quit,
}

impl Effect {
    /// Carrying it out hands the terminal to another program: the screen must be redrawn.
    pub fn hands_over_terminal(&self) -> bool {
        matches!(self, Effect::Edit { .. })
    }

    /// It waits on git: carried out on a thread of its own (`app::behind`), never the loop's.
    pub fn runs_behind(&self) -> bool {
        matches!(
            self,
            Effect::Undo
                | Effect::Redo
                | Effect::ReadHistory { .. }
                | Effect::ReadConflicts
                | Effect::PickSide { .. }
        )
    }

    /// It writes journal files: while it runs, the loop leaves outside edits for later (the
    /// files it writes are read again by itself, not reported as someone else's).
    pub fn writes_behind(&self) -> bool {
        matches!(self, Effect::Undo | Effect::Redo)
    }
}

pub fn update(
    state: &mut AppState,
    journal: &Journal,
    action: Action,
    now: DateTime<FixedOffset>,
) -> Vec<Effect> {
    match action {
        Action::Resize => return Vec::new(),
        Action::Click { x, y } => return mouse::click(state, journal, x, y, now),
        Action::Wheel { x, y, down } => return mouse::wheel(state, journal, x, y, down, now),
        _ => {}
    }
    match &state.popup {
        Some(Popup::Input(_)) if action == Action::ToggleTheirs => {
            promise::toggle(state, journal);
            return Vec::new();
        }
        Some(Popup::Input(_)) => return forms::input(state, journal, action, now),
        Some(Popup::Need(_)) => return need_view::update(state, journal, action),
        Some(Popup::Confirm { .. }) => return forms::confirm(state, journal, action, now),
        Some(Popup::Drafts { .. }) => {
            let effects = popups::drafts(state, action);
            capture::rescan_mentions(state, journal);
            return effects;
        }
        Some(Popup::EditFailed { .. }) => return popups::edit_failed(state, action),
        Some(Popup::PickNeed(_)) => return pick_need::update(state, journal, action),
        Some(Popup::PickPerson(_)) => return people::pick(state, journal, action),
        Some(Popup::Merge(_)) => return people::confirm_merge(state, action),
        Some(Popup::Helpers(_)) => return serve::helpers(state, journal, action, now),
        Some(Popup::Lists(_)) => return serve::lists(state, journal, action, now),
        Some(Popup::Stats(_)) => return serve::stats(state, action),
        Some(Popup::Find(_)) => return find::update(state, journal, action, now.date_naive()),
        Some(Popup::Sync(_)) => return sync::update(state, action),
        // `tab` in the weekly review turns to the other week; its other keys scroll.
        Some(Popup::Review { week, .. })
            if matches!(action, Action::NextPane | Action::PrevPane) =>
        {
            let week = *week;
            serve::turn_review(state, journal, now.date_naive(), week);
            return Vec::new();
        }
        Some(_) => return popups::view(state, journal, action),
        None => {}
    }
    if state.capture.is_some() {
        return capture::update(state, journal, action, now);
    }
    if state.searching {
        return browse::search(state, journal, action, now);
    }
    browse::update(state, journal, action, now)
}

#[cfg(test)]
mod tests;
