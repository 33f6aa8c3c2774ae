//! Carrying out effects: the only part of the app that calls the store or the editor.

use super::run::Host;
use super::state::AppState;
use super::update::{Effect, outcome};
use crate::journal::Journal;
use crate::model::{FollowUp, Need, NeedStatus};
use crate::sanitize::inert_line;
use crate::store::{Claim, Store, StoreError, decode, drafts, paths};
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
        Effect::SaveEntry { entry, draft } => match store.append_entry(entry) {
            Ok(saved) => {
                if let Err(e) = store.remove_draft(&draft) {
                    state.warn(format!("saved, but the draft could not be removed: {e}"));
                }
                let month = saved.value.month();
                outcome::entry_saved(state, journal, saved.value, today);
                if saved.changed_outside {
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
            let result = store.update_contact(&contact, |c| {
                let id = c.next_need_id();
                c.needs.push(Need {
                    id,
                    what,
                    since,
                    status: NeedStatus::Open,
                    met_on: None,
                    how: None,
                });
                Ok(())
            });
            let gone = is_gone(&result);
            contact_result(
                state,
                journal,
                (&contact, result.map(|s| s.value)),
                "need recorded",
                today,
            );
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
            let result = store.update_contact(&contact, |c| {
                let n = c
                    .need_mut(need)
                    .ok_or_else(|| format!("need #{need} is gone from the file"))?;
                n.status = status;
                n.met_on = (status == NeedStatus::Met).then_some(on);
                n.how = how.or(n.how.take());
                Ok(())
            });
            let message = format!("need marked {}", status.as_str());
            let gone = is_gone(&result);
            contact_result(
                state,
                journal,
                (&contact, result.map(|s| s.value)),
                &message,
                today,
            );
            if let Some(typed) = typed {
                keep_if_gone(state, journal, gone, &contact, typed, now);
            }
        }
        Effect::AddFollowUp { contact, what, due } => {
            let typed = format!("follow-up: {what} (due {})", due.format("%Y-%m-%d"));
            let result = store.update_contact(&contact, |c| {
                let id = c.next_follow_up_id();
                c.follow_ups.push(FollowUp {
                    id,
                    what,
                    due: Some(due),
                    done: false,
                });
                Ok(())
            });
            let message = format!(
                "follow-up due {} ({})",
                due.format("%Y-%m-%d"),
                crate::when::say_day(due, today)
            );
            let gone = is_gone(&result);
            contact_result(
                state,
                journal,
                (&contact, result.map(|s| s.value)),
                &message,
                today,
            );
            keep_if_gone(state, journal, gone, &contact, typed, now);
        }
        Effect::AddContact { name } => {
            let contact = crate::model::Contact {
                name,
                ..Default::default()
            };
            match store.create_contact(contact) {
                Ok(c) => outcome::contact_added(state, journal, c, today),
                Err(e) => outcome::failed(state, e),
            }
        }
        Effect::LogIntro { entry, need_update } => match store.append_entry(entry) {
            Ok(saved) => {
                let month = saved.value.month();
                outcome::intro_logged(state, journal, saved.value, need_update, today);
                if saved.changed_outside {
                    reload_month(journal, store, month);
                }
            }
            Err(e) => outcome::failed(state, format!("the intro was not logged: {e}")),
        },
        Effect::MeetByIntro(update) => {
            let result = store.update_contact(&update.contact_id, |c| update.apply(c));
            let message = format!("need marked met: {}", update.how);
            contact_result(
                state,
                journal,
                (&update.contact_id, result.map(|s| s.value)),
                &message,
                today,
            );
        }
        Effect::FollowUpDone { contact, id } => {
            let mut what = String::new();
            let result = store.update_contact(&contact, |c| {
                let f = c
                    .follow_up_mut(id)
                    .ok_or_else(|| format!("follow-up #{id} is gone from the file"))?;
                f.done = true;
                what = f.what.clone();
                Ok(())
            });
            let message = format!("done: {what}");
            contact_result(
                state,
                journal,
                (&contact, result.map(|s| s.value)),
                &message,
                today,
            );
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

fn is_gone<T>(result: &Result<T, StoreError>) -> bool {
    matches!(result, Err(StoreError::NotFound(_)))
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

fn contact_result(
    state: &mut AppState,
    journal: &mut Journal,
    (id, result): (&str, Result<crate::model::Contact, StoreError>),
    message: &str,
    today: chrono::NaiveDate,
) {
    match result {
        Ok(c) => outcome::contact_saved(state, journal, c, message.to_string(), today),
        // Deleted or renamed in another terminal since the last look: say who, not the id.
        Err(StoreError::NotFound(_)) if journal.by_id(id).is_some() => outcome::failed(
            state,
            format!(
                "{}'s file was removed outside rolo; nothing was written",
                inert_line(journal.name_of(id))
            ),
        ),
        Err(e) => outcome::failed(state, e),
    }
}
