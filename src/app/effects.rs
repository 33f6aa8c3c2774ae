//! Carrying out effects: the only part of the app that calls the store or the editor.

use super::run::Host;
use super::state::AppState;
use super::update::{Effect, outcome};
use crate::journal::Journal;
use crate::model::NeedStatus;
use crate::ops::{
    self, AddFollowUp, AddNeed, AddPerson, Changed, FollowUpDone, Invalid, MeetByIntro, OpError,
    SetNeed,
};
use crate::sanitize::inert_line;
use crate::store::{Claim, Store, decode, drafts, paths};
use chrono::{DateTime, FixedOffset};

/// Returns true when the terminal was handed to another program and must be redrawn.
pub fn carry_out(
    effect: Effect,
    state: &mut AppState,
    journal: &mut Journal,
    store: &Store,
    host: &mut dyn Host,
    now: DateTime<FixedOffset>,
) -> bool {
    let today = now.date_naive();
    match effect {
        Effect::Quit => state.quit = true,
        Effect::SaveEntry { entry, draft } => match ops::note::save(store, entry) {
            Ok(saved) => {
                if let Err(e) = store.remove_draft(&draft) {
                    state.warn(format!("saved, but the draft could not be removed: {e}"));
                }
                let (month, outside) = (saved.entry.month(), saved.changed_outside);
                outcome::entry_saved(state, journal, saved, today);
                if outside {
                    // Someone else wrote that month too (a hand edit, a sync): show their
                    // entries as well, from the file as it is now.
                    reload_month(journal, store, month);
                }
            }
            Err(e) => outcome::entry_failed(state, &draft, e.to_string()),
        },
        // A draft never written is not an error (removing it is `Ok`).
        Effect::RemoveDraft(draft) => {
            if let Err(e) = store.remove_draft(&draft) {
                state.warn(format!("the draft was not removed: {e}"));
            }
        }
        Effect::ClaimDraft(draft) => match store.claim_draft(&draft) {
            Ok(Claim::Ours) => {}
            Ok(Claim::Taken { pid }) => {
                state.capture = None;
                state.warn(format!("not restored: {}", drafts::taken(pid)));
            }
            Err(e) => state.warn(format!(
                "the draft cannot be saved ({e}); the note is only on screen"
            )),
        },
        Effect::AddNeed {
            contact,
            what,
            since,
        } => {
            let typed = format!("need: {what}");
            let result = AddNeed::new(&what, since).map(|op| op.apply(store, &contact));
            let gone = changed(state, journal, &contact, result, today);
            keep_if_gone(state, journal, gone, &contact, typed, now);
        }
        Effect::SetNeed {
            contact,
            need,
            status,
            how,
            on,
        } => {
            let typed = how
                .as_ref()
                .map(|how| format!("need #{need} {}: {how}", status.as_str()));
            let op = match status {
                NeedStatus::Dropped => SetNeed::dropped(need, on),
                _ => SetNeed::met(need, how, on),
            };
            let gone = changed(
                state,
                journal,
                &contact,
                Ok(op.apply(store, &contact)),
                today,
            );
            if let Some(typed) = typed {
                keep_if_gone(state, journal, gone, &contact, typed, now);
            }
        }
        Effect::AddFollowUp { contact, what, due } => {
            let typed = format!("follow-up: {what} (due {})", due.format("%Y-%m-%d"));
            let result = AddFollowUp::new(&what, due, today).map(|op| op.apply(store, &contact));
            let gone = changed(state, journal, &contact, result, today);
            keep_if_gone(state, journal, gone, &contact, typed, now);
        }
        Effect::AddContact { name } => match AddPerson::named(&name).map(|op| op.apply(store)) {
            Ok(Ok(added)) => outcome::contact_added(state, journal, added, today),
            Ok(Err(e)) => outcome::failed(state, e),
            Err(e) => outcome::failed(state, e),
        },
        Effect::LogIntro { entry, need_update } => match ops::note::save(store, entry) {
            Ok(saved) => {
                let (month, outside) = (saved.entry.month(), saved.changed_outside);
                outcome::intro_logged(state, journal, saved.entry, need_update, today);
                if outside {
                    reload_month(journal, store, month);
                }
            }
            Err(e) => outcome::failed(state, format!("the intro was not logged: {e}")),
        },
        Effect::MeetByIntro(update) => {
            let contact = update.contact_id.clone();
            changed(
                state,
                journal,
                &contact,
                Ok(MeetByIntro(update).apply(store)),
                today,
            );
        }
        Effect::FollowUpDone { contact, id } => {
            let result = FollowUpDone { id }.apply(store, &contact);
            changed(state, journal, &contact, Ok(result), today);
        }
        Effect::Edit { target, resume } => {
            super::edit_session::edit(state, journal, store, host, target, resume, today);
            return true;
        }
    }
    false
}

pub(super) fn reload_month(journal: &mut Journal, store: &Store, month: (i32, u32)) {
    let rel = paths::month(month);
    if let Ok(Some(text)) = store.read_file(&rel)
        && let Ok(entries) = decode::month(&rel, &text)
    {
        journal.replace_month(month, entries.into_iter().map(|l| l.entry).collect());
    }
}

/// The person's file went before the write (deleted or renamed outside rolo, and not yet
/// noticed): what was typed for them is kept as a note, on screen and in its draft.
fn keep_if_gone(
    state: &mut AppState,
    journal: &Journal,
    gone: bool,
    contact: &str,
    typed: String,
    now: DateTime<FixedOffset>,
) {
    if !gone {
        return;
    }
    outcome::keep_as_note(state, contact, typed, now);
    state.warn(format!(
        "{}'s file was removed outside rolo; nothing was written, and what you typed is kept as a note (and its draft)",
        inert_line(journal.name_of(contact))
    ));
}

/// Show a change to a person's file, or why it did not happen; true when the file was gone
/// (deleted or renamed outside rolo, and not yet noticed).
fn changed(
    state: &mut AppState,
    journal: &mut Journal,
    id: &str,
    result: Result<Result<Changed, OpError>, Invalid>,
    today: chrono::NaiveDate,
) -> bool {
    let gone = matches!(&result, Ok(Err(e)) if e.is_not_found());
    match result {
        Ok(Ok(c)) => outcome::contact_saved(state, journal, c.contact, c.status, today),
        // Deleted or renamed in another terminal since the last look: say who, not the id.
        Ok(Err(e)) if e.is_not_found() && journal.by_id(id).is_some() => outcome::failed(
            state,
            format!(
                "{}'s file was removed outside rolo; nothing was written",
                inert_line(journal.name_of(id))
            ),
        ),
        Ok(Err(e)) => outcome::failed(state, e.status()),
        Err(e) => outcome::failed(state, e),
    }
    gone
}
