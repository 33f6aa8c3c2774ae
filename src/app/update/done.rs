//! What carrying out an effect came to, as a message back into `update`. The effects do the
//! IO and nothing else; `on_done` is where the journal learns the new truth and the state
//! shows it, so every change to either happens in `update`.

use super::{autosave, history, outcome, sync};
use crate::app::state::{AppState, EditResume, EditTarget, HistoryRow};
use crate::app::sync_view::ConflictFile;
use crate::history::undo::HistoryError;
use crate::journal::Journal;
use crate::model::{Contact, Draft, Entry};
use crate::ops::note::SavedEntry;
use crate::ops::person::PersonAdded;
use crate::ops::{Changed, Invalid, OpError};
use crate::serve::NeedUpdate;
use crate::store::StoreError;
use chrono::{DateTime, FixedOffset};

/// The result of one effect.
#[derive(Debug)]
pub enum Done {
    /// A note's entry is on disk. `draft_left`: its draft could not be removed. `month`: the
    /// month file had been changed by someone else too, as it reads now.
    EntrySaved {
        saved: SavedEntry,
        draft_left: Option<StoreError>,
        month: Option<MonthRead>,
    },
    /// A note's entry was refused: the note goes back on screen, and so into its draft.
    EntryFailed {
        draft: Draft,
        error: StoreError,
    },
    /// An intro's entry is on disk; when it was for a need, whether it is met is asked next.
    IntroLogged {
        saved: SavedEntry,
        need_update: Option<NeedUpdate>,
        month: Option<MonthRead>,
    },
    IntroFailed(StoreError),
    /// A person's file was changed.
    Changed(Changed),
    /// A person was archived or brought back.
    Archived(Changed),
    /// Two people are one; `months`: the month files the merge rewrote, as they read now.
    Merged {
        merged: Box<crate::ops::Merged>,
        months: Vec<MonthRead>,
    },
    /// A merge did not happen (nothing was written).
    NotMerged(OpError),
    /// A change to `contact`'s file did not happen. `typed`: what the person typed for it,
    /// kept as a note should their file be gone or the need it was for changed. `now`: the
    /// file as it is now, read with the refusal (empty when the file is gone).
    NotChanged {
        contact: String,
        error: OpError,
        typed: Option<String>,
        now: Vec<crate::refresh::Read>,
    },
    /// Input refused before anything was read or written.
    Invalid(Invalid),
    PersonAdded(PersonAdded),
    PersonNotAdded(StoreError),
    DraftNotRemoved(StoreError),
    /// A restored draft belongs to another running rolo (`pid`, as the draft names it).
    DraftTaken {
        pid: Option<u32>,
    },
    DraftUnclaimed(StoreError),
    /// The draft is on disk as it was asked for.
    DraftSaved(Draft),
    DraftFailed(StoreError),
    /// A round in `$EDITOR` ended.
    Edited(Edited),
    /// An undo (with `redo`, a redo) ended: what it took back, or why it did nothing.
    TakenBack {
        redo: bool,
        result: Result<TakenBack, HistoryError>,
    },
    /// A person's history was read (`H`).
    HistoryRead {
        id: String,
        result: Result<Vec<HistoryRow>, HistoryError>,
    },
    /// The conflicts the last sync stopped at were read (`Y`).
    ConflictsRead {
        files: Result<Vec<ConflictFile>, String>,
        /// Whether a remote is set at all.
        remote: bool,
    },
    /// A pick was carried out with a sync: its lines, or why it did not finish; and the
    /// conflicts still waiting after it.
    Picked {
        path: String,
        ours: bool,
        result: Result<Vec<String>, String>,
        waiting: Vec<ConflictFile>,
    },
}

/// What an undo or a redo took back: its line, and the files it wrote, read again.
#[derive(Debug)]
pub struct TakenBack {
    pub line: String,
    pub reads: Vec<crate::refresh::Read>,
}

/// A month file as it reads now.
#[derive(Debug, Clone, PartialEq)]
pub struct MonthRead {
    pub month: (i32, u32),
    pub entries: Vec<Entry>,
}

/// What an editor session saved, each save in order, and how it ended.
#[derive(Debug)]
pub struct Edited {
    pub saves: Vec<EditSave>,
    pub end: EditEnd,
}

#[derive(Debug)]
pub enum EditSave {
    Person {
        contact: Contact,
        status: String,
    },
    /// `old_id` is the entry's id before (a move to a taken id in another month changes it);
    /// `months` are the month files it touched, as they read after the save.
    Entry {
        old_id: String,
        entry: Entry,
        months: Vec<MonthRead>,
    },
}

#[derive(Debug)]
pub enum EditEnd {
    /// The session is over: what the status line says.
    Said(String),
    /// The text could not be saved: kept, for "edit again" or "revert".
    Kept {
        target: EditTarget,
        resume: EditResume,
        error: String,
    },
    /// Something failed before there was a text to keep (the editor would not run).
    Failed(String),
}

/// Learn what an effect came to: the journal takes in what is now on disk, and the state
/// shows it.
pub fn on_done(
    state: &mut AppState,
    journal: &mut Journal,
    done: Done,
    now: DateTime<FixedOffset>,
) {
    let today = now.date_naive();
    match done {
        Done::EntrySaved {
            saved,
            draft_left,
            month,
        } => {
            if let Some(e) = draft_left {
                state.warn(format!("saved, but the draft could not be removed: {e}"));
            }
            outcome::entry_saved(state, journal, saved, today);
            // Someone else wrote that month too (a hand edit, a sync): their entries as well.
            replace_months(journal, month);
        }
        Done::EntryFailed { draft, error } => {
            outcome::entry_failed(state, &draft, error.to_string());
            super::capture::rescan_mentions(state, journal);
        }
        Done::IntroLogged {
            saved,
            need_update,
            month,
        } => {
            outcome::intro_logged(state, journal, saved.entry, need_update, today);
            replace_months(journal, month);
        }
        Done::IntroFailed(e) => outcome::failed(state, format!("the intro was not logged: {e}")),
        Done::Changed(c) => outcome::contact_saved(state, journal, c.contact, c.status, today),
        Done::Archived(c) => super::people_done::archived(state, journal, c, today),
        Done::Merged { merged, months } => {
            replace_months(journal, months);
            super::people_done::merged(state, journal, *merged, today);
        }
        Done::NotMerged(e) => outcome::failed(state, e.status()),
        Done::NotChanged {
            contact,
            error,
            typed,
            now: reads,
        } => {
            // Shown as it is now at once (and noted as seen, so the next look at the files
            // does not report it, over the words below).
            if !reads.is_empty() {
                let anchors = crate::app::anchors::Anchors::take(state, journal);
                crate::refresh::take_in(journal, reads);
                anchors.restore(state, journal, now);
            }
            outcome::not_changed(state, journal, &contact, &error, typed, now);
        }
        Done::Invalid(e) => outcome::failed(state, e),
        Done::PersonAdded(added) => outcome::contact_added(state, journal, added, today),
        Done::PersonNotAdded(e) => outcome::failed(state, e),
        Done::DraftNotRemoved(e) => state.warn(format!("the draft was not removed: {e}")),
        Done::DraftTaken { pid } => {
            state.capture = None;
            state.warn(format!(
                "not restored: {}",
                crate::store::drafts::taken(pid)
            ));
        }
        Done::DraftUnclaimed(e) => state.warn(format!(
            "the draft cannot be saved ({e}); the note is only on screen"
        )),
        Done::DraftSaved(draft) => autosave::saved(state, draft),
        Done::DraftFailed(e) => autosave::failed(state, &e.to_string()),
        Done::Edited(edited) => outcome::edited(state, journal, edited, today),
        Done::TakenBack { redo, result } => history::taken_back(state, journal, redo, result, now),
        Done::HistoryRead { id, result } => history::read(state, &id, result),
        Done::ConflictsRead { files, remote } => sync::read(state, files, remote),
        Done::Picked {
            path,
            ours,
            result,
            waiting,
        } => sync::picked(state, &path, ours, result, waiting),
    }
}

fn replace_months(journal: &mut Journal, months: impl IntoIterator<Item = MonthRead>) {
    for m in months {
        journal.replace_month(m.month, m.entries);
    }
}
