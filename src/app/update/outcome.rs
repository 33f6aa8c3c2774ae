//! `update`'s handlers for what an effect came to (`done::Done`): the journal learns the new
//! truth from the store, and the state shows it.

use super::done::{EditEnd, EditSave, Edited};
use crate::app::state::{AppState, Capture, EditResume, EditTarget, Popup, Question};
use crate::journal::Journal;
use crate::model::{Contact, Draft, Entry};
use crate::ops::OpError;
use crate::ops::note::SavedEntry;
use crate::ops::person::PersonAdded;
use crate::sanitize::inert_line;
use crate::serve::NeedUpdate;
use chrono::NaiveDate;

/// The entry is on disk: show it at the top of the timeline at once.
pub fn entry_saved(
    state: &mut AppState,
    journal: &mut Journal,
    saved: SavedEntry,
    today: NaiveDate,
) {
    let said = crate::ops::note::saved_status(&saved.entry);
    let kind = saved.entry.kind.to_string();
    let entry = saved.entry;
    let warning = super::broken::saved_with(journal, &entry.with);
    // A mention that linked no one was saved as plain text: say so, not just "saved".
    let found = crate::app::mentions::scan(&entry.note, &entry.with, journal);
    let unlinked = crate::app::mentions::hints(&entry.note, &found, journal);
    journal.add_entry(entry);
    state.timeline_sel = 0;
    state.refresh_rows(journal, today);
    let unlinked = unlinked.first().map(|first| {
        let more = match unlinked.len() - 1 {
            0 => String::new(),
            n => format!(" (and {n} more)"),
        };
        format!("{}{more}", crate::sanitize::inert_line(first))
    });
    match (warning, unlinked) {
        (None, None) => state.say(said),
        (Some(w), None) => state.warn(format!("{kind} {w}")),
        (None, Some(u)) => state.warn(format!("saved {kind}; {u}")),
        (Some(w), Some(u)) => state.warn(format!("{kind} {w}; {u}")),
    }
}

/// What was typed for someone whose file is gone (a need, a follow-up, how a need was met):
/// kept as a note for them, on screen in the note editor and so in a draft, which a restart
/// offers. Nothing typed is thrown away; the person decides what becomes of it.
pub fn keep_as_note(
    state: &mut AppState,
    contact: &str,
    text: String,
    now: chrono::DateTime<chrono::FixedOffset>,
) {
    match state.capture.as_mut() {
        // A note is open already: the text goes below it.
        Some(cap) => {
            let joined = format!("{}\n\n{text}", cap.editor.text().trim_end());
            cap.editor = crate::app::editor::Editor::new(&joined);
            cap.revision += 1;
        }
        None => {
            let mut cap = Capture::from_draft(&Draft {
                with: vec![contact.to_string()],
                kind: crate::model::Kind::Note,
                note: text,
                started: now,
                file: None,
            });
            cap.draft_file = None;
            state.capture = Some(cap);
        }
    }
}

/// Saving failed: put the note back in the editor, and so in its draft.
pub fn entry_failed(state: &mut AppState, draft: &Draft, error: String) {
    // Marked changed (revision 1): the loop writes the draft at once, since the one on disk
    // may be behind what was submitted.
    state.capture = Some(Capture::from_draft(draft));
    state.warn(format!("not saved: {error}"));
}

pub fn contact_saved(
    state: &mut AppState,
    journal: &mut Journal,
    contact: Contact,
    message: String,
    today: NaiveDate,
) {
    // Saved means the file loads now (a fix made with `e`, say): the mark goes.
    journal.set_broken(&contact.id, None);
    journal.upsert_contact(contact);
    state.refresh_rows(journal, today);
    // A promise done leaves the pane: stay on the item that took its place.
    let items = crate::app::needs_pane::items(state, journal).len();
    state.needs_sel = state.needs_sel.min(items.saturating_sub(1));
    if let Some(Popup::Lists(l)) = state.popup.as_mut() {
        l.refresh(journal, today);
    }
    state.say(message);
}

/// The intro is on disk and in both timelines; if it was for a need, ask whether the need
/// is met now (the answer is a separate write, so a "no" keeps the intro).
pub fn intro_logged(
    state: &mut AppState,
    journal: &mut Journal,
    entry: Entry,
    need_update: Option<NeedUpdate>,
    today: NaiveDate,
) {
    let said = crate::ops::note::intro_status(&entry);
    journal.add_entry(entry);
    state.timeline_sel = 0;
    state.refresh_rows(journal, today);
    state.say(said);
    let Some(update) = need_update else {
        return;
    };
    // The words the intro was for: the need is marked only while it still reads so.
    let what = inert_line(&update.what);
    let text = format!(
        "Mark the need \"{what}\" met ({})?",
        inert_line(&update.how)
    );
    state.popup = Some(Popup::Confirm {
        question: Question::MeetByIntro(update),
        text,
    });
}

/// A new contact: clear any filter and select them.
pub fn contact_added(
    state: &mut AppState,
    journal: &mut Journal,
    added: PersonAdded,
    today: NaiveDate,
) {
    let message = added.status;
    let ix = journal.upsert_contact(added.contact);
    state.query.clear();
    state.searching = false;
    state.refresh_rows(journal, today);
    if let Some(pos) = state.rows.iter().position(|r| r.ix == ix) {
        state.contact_sel = pos;
    }
    state.timeline_sel = 0;
    state.needs_sel = 0;
    state.say(message);
}

/// A change to a person's file did not happen. When the file is gone (deleted or renamed
/// outside rolo, and not yet noticed), what was typed for them is kept as a note.
pub fn not_changed(
    state: &mut AppState,
    journal: &Journal,
    id: &str,
    error: &OpError,
    typed: Option<String>,
    now: chrono::DateTime<chrono::FixedOffset>,
) {
    let gone = error.is_not_found();
    let name = || inert_line(journal.name_of(id)).into_owned();
    if gone && journal.by_id(id).is_some() {
        // Deleted or renamed in another terminal since the last look: say who, not the id.
        failed(
            state,
            format!(
                "{}'s file was removed outside rolo; nothing was written",
                name()
            ),
        );
    } else {
        failed(state, error.status());
    }
    let Some(typed) = typed else {
        return;
    };
    if gone {
        keep_as_note(state, id, typed, now);
        state.warn(format!(
            "{}'s file was removed outside rolo; nothing was written, and what you typed is kept as a note (and its draft)",
            name()
        ));
    } else if let Some(news) = error.changed_need() {
        // The need was reworded, marked or removed elsewhere since it was chosen: what was
        // typed for it is the person's, and waits for them in a note.
        keep_as_note(state, id, typed, now);
        state.warn(format!(
            "{news}; nothing was written, and what you typed is kept as a note (and its draft)"
        ));
    }
}

/// An editor session ended: what it saved goes into the journal in order, then its last word.
pub fn edited(state: &mut AppState, journal: &mut Journal, edited: Edited, today: NaiveDate) {
    for save in edited.saves {
        match save {
            EditSave::Person { contact, status } => {
                contact_saved(state, journal, contact, status, today);
            }
            EditSave::Entry {
                old_id,
                entry,
                months,
            } => {
                entry_edited(state, journal, &old_id, entry);
                // The month files may hold other changes made by hand meanwhile.
                for m in months {
                    journal.replace_month(m.month, m.entries);
                }
            }
        }
    }
    match edited.end {
        EditEnd::Said(said) => state.say(said),
        EditEnd::Kept {
            target,
            resume,
            error,
        } => edit_failed(state, target, resume, error),
        EditEnd::Failed(error) => failed(state, error),
    }
}

pub fn entry_edited(state: &mut AppState, journal: &mut Journal, old_id: &str, entry: Entry) {
    journal.replace_entry(old_id, entry);
    state.say("entry saved");
}

/// The edited text does not parse (or could not be saved): keep it and offer edit again / revert.
pub fn edit_failed(state: &mut AppState, target: EditTarget, resume: EditResume, error: String) {
    state.popup = Some(Popup::EditFailed {
        target,
        resume,
        error,
    });
}

pub fn failed(state: &mut AppState, error: impl std::fmt::Display) {
    // Store errors can span lines (a problem and advice); the status line shows one.
    let text = error.to_string();
    let first = text.lines().next().unwrap_or("").to_string();
    state.warn(inert_line(&first).into_owned());
}
