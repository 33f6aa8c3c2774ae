//! Carrying out effects: the only part of the app that calls the store or the editor. Each
//! effect does its IO and nothing else, and says what it came to as a `Done`, which the loop
//! hands back to `update::on_done`: the state and the journal change only there.

use super::run::Host;
use super::update::Effect;
use super::update::done::{Done, MonthRead, TakenBack};
use crate::app::state::HistoryRow;
use crate::history::log::Person;
use crate::history::undo::HistoryError;
use crate::history::{History, Off};
use crate::journal::Journal;
use crate::model::{By, NeedStatus};
use crate::ops::{
    self, AddFollowUp, AddNeed, AddPerson, Changed, FollowUpDone, Invalid, MeetByIntro, OpError,
    RewordNeed, SetNeed,
};
use crate::refresh;
use crate::store::{Change, Claim, Store, decode, paths};
use chrono::{DateTime, FixedOffset};

/// Do what `effect` asks; `None` when there is nothing to learn from it. The journal is only
/// read (for names in the descriptions).
pub fn carry_out(
    effect: Effect,
    journal: &Journal,
    store: &Store,
    host: &mut dyn Host,
    now: DateTime<FixedOffset>,
) -> Option<Done> {
    let today = now.date_naive();
    Some(match effect {
        // `update` has set `quit` already; the loop stops after this event.
        Effect::Quit => return None,
        Effect::SaveEntry { entry, draft } => match ops::note::save(store, entry) {
            Ok(saved) => Done::EntrySaved {
                draft_left: store.remove_draft(&draft).err(),
                month: reread(store, &saved),
                saved,
            },
            Err(error) => Done::EntryFailed { draft, error },
        },
        // A draft never written is not an error (removing it is `Ok`).
        Effect::RemoveDraft(draft) => Done::DraftNotRemoved(store.remove_draft(&draft).err()?),
        Effect::SaveDraft(draft) => match store.save_draft(&draft) {
            Ok(()) => Done::DraftSaved(draft),
            Err(e) => Done::DraftFailed(e),
        },
        Effect::ClaimDraft(draft) => match store.claim_draft(&draft) {
            Ok(Claim::Ours) => return None,
            Ok(Claim::Taken { pid }) => Done::DraftTaken { pid },
            Err(e) => Done::DraftUnclaimed(e),
        },
        Effect::AddNeed {
            contact,
            what,
            since,
        } => {
            let typed = format!("need: {what}");
            let result = AddNeed::new(&what, since).map(|op| op.apply(store, &contact));
            changed(store, contact, result, Some(typed))
        }
        Effect::SetNeed {
            contact,
            need,
            status,
            how,
            on,
            shown,
        } => {
            let typed = how
                .as_ref()
                .map(|how| format!("need #{need} {}: {how}", status.as_str()));
            let op = match status {
                NeedStatus::Dropped => SetNeed::dropped(need, on),
                _ => SetNeed::met(need, how, on),
            };
            let result = op.as_shown(&shown).apply(store, &contact);
            changed(store, contact, Ok(result), typed)
        }
        Effect::AddFollowUp {
            contact,
            what,
            due,
            by,
        } => {
            let label = if by == By::Them {
                "their promise"
            } else {
                "follow-up"
            };
            let typed = format!("{label}: {what} (due {})", due.format("%Y-%m-%d"));
            let result =
                AddFollowUp::new(&what, due, today).map(|op| op.by(by).apply(store, &contact));
            changed(store, contact, result, Some(typed))
        }
        Effect::RewordNeed {
            contact,
            need,
            what,
            shown,
        } => {
            let typed = format!("need #{need}: {what}");
            let result =
                RewordNeed::new(need, &what).map(|op| op.as_shown(&shown).apply(store, &contact));
            changed(store, contact, result, Some(typed))
        }
        Effect::AddContact { name } => match AddPerson::named(&name).map(|op| op.apply(store)) {
            Ok(Ok(added)) => Done::PersonAdded(added),
            Ok(Err(e)) => Done::PersonNotAdded(e),
            Err(e) => Done::Invalid(e),
        },
        Effect::LogIntro { entry, need_update } => match ops::note::save(store, entry) {
            Ok(saved) => Done::IntroLogged {
                month: reread(store, &saved),
                saved,
                need_update,
            },
            Err(e) => Done::IntroFailed(e),
        },
        Effect::NotAFit { contact, op } => {
            changed(store, contact.clone(), Ok(op.apply(store, &contact)), None)
        }
        Effect::MeetByIntro(update) => {
            let contact = update.contact_id.clone();
            changed(store, contact, Ok(MeetByIntro(update).apply(store)), None)
        }
        Effect::FollowUpDone { contact, id } => {
            let result = FollowUpDone { id }.apply(store, &contact);
            changed(store, contact, Ok(result), None)
        }
        Effect::Archive {
            contact,
            archive,
            on,
        } => {
            let result = if archive {
                ops::Archive { on }.apply(store, &contact)
            } else {
                ops::Unarchive.apply(store, &contact)
            };
            match result {
                Ok(c) => Done::Archived(c),
                Err(error) => Done::NotChanged {
                    contact,
                    error,
                    typed: None,
                    now: Vec::new(),
                },
            }
        }
        Effect::Merge { keep, gone } => {
            match ops::Merge::new(&keep, &gone).map(|op| op.apply(store)) {
                Ok(Ok(merged)) => Done::Merged {
                    months: merged
                        .written
                        .months
                        .iter()
                        .filter_map(|&m| read_month(store, m))
                        .collect(),
                    merged: Box::new(merged),
                },
                Ok(Err(e)) => Done::NotMerged(e),
                Err(e) => Done::Invalid(e),
            }
        }
        Effect::Edit { target, resume } => {
            let names = |id: &str| journal.name_of(id).to_string();
            Done::Edited(super::edit_session::edit(
                store, host, &names, target, resume,
            ))
        }
        // Carried out here only when no thread could be had for them (`app::behind`).
        Effect::Undo
        | Effect::Redo
        | Effect::ReadHistory { .. }
        | Effect::ReadConflicts
        | Effect::PickSide { .. } => {
            return behind(effect, store, host.history().as_ref());
        }
    })
}

/// Carry out an effect that waits on git, on whatever thread calls it (`app::behind`'s):
/// the undo writes through the store like any change, then the files it wrote are read
/// again, so the loop only has to take them in. `None` for any other effect.
pub fn behind(effect: Effect, store: &Store, history: Option<&History>) -> Option<Done> {
    let off = |verb| HistoryError::Off {
        verb,
        off: Off::NotYet,
    };
    Some(match effect {
        Effect::Undo | Effect::Redo => {
            let redo = effect == Effect::Redo;
            let result = match history {
                None => Err(off(if redo { "redo" } else { "undo" })),
                Some(h) if redo => h.redo_newest(store),
                Some(h) => h.undo_newest(store),
            };
            let result = result.map(|taken| TakenBack {
                reads: refresh::read(store, &refresh::changes_for(store, &taken.paths)),
                line: taken.line,
            });
            Done::TakenBack { redo, result }
        }
        Effect::ReadHistory { id, name } => {
            let person = Person {
                id: id.clone(),
                name,
            };
            let result = match history {
                None => Err(off("show")),
                Some(h) => h.log(Some(&person), HISTORY_ROWS).map(|listed| {
                    listed
                        .into_iter()
                        .map(|l| HistoryRow {
                            date: l.date,
                            line: l.line,
                        })
                        .collect()
                }),
            };
            Done::HistoryRead { id, result }
        }
        Effect::ReadConflicts => super::sync_effects::read(history),
        Effect::PickSide { path, ours } => super::sync_effects::pick(history, path, ours),
        _ => return None,
    })
}

/// How many of a person's changes the history popup lists (newest first). Reading stops
/// there, so a journal kept for years opens it as fast as a new one.
const HISTORY_ROWS: usize = 500;

/// The month a saved entry went to, read again when someone else had written it too: their
/// entries are shown as well, from the file as it is now.
fn reread(store: &Store, saved: &ops::SavedEntry) -> Option<MonthRead> {
    saved
        .changed_outside
        .then(|| read_month(store, saved.entry.month()))
        .flatten()
}

/// A month file as it reads now; `None` when it cannot be read (what is shown stays).
pub(super) fn read_month(store: &Store, month: (i32, u32)) -> Option<MonthRead> {
    let rel = paths::month(month);
    let text = store.read_file(&rel).ok()??;
    let entries = decode::month(&rel, &text).ok()?;
    Some(MonthRead {
        month,
        entries: entries.into_iter().map(|l| l.entry).collect(),
    })
}

/// A change to a person's file, or why it did not happen.
fn changed(
    store: &Store,
    contact: String,
    result: Result<Result<Changed, OpError>, Invalid>,
    typed: Option<String>,
) -> Done {
    match result {
        Ok(Ok(c)) => Done::Changed(c),
        Ok(Err(error)) => Done::NotChanged {
            // The file as it is now, shown with the refusal: most refusals are the file
            // having changed under the screen (a need reworded, marked or gone), and the
            // watcher would otherwise report the same file a moment later, over the words
            // that say why. A file gone is the gone-file path's (`outcome::not_changed`).
            now: match error.is_not_found() {
                false => refresh::read(store, &[Change::Contact(contact.clone())]),
                true => Vec::new(),
            },
            contact,
            error,
            typed,
        },
        Err(e) => Done::Invalid(e),
    }
}
