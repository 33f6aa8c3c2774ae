//! Read-only popups (help, an entry, problems), the drafts offer, and a failed edit.

use super::Effect;
use crate::action::Action;
use crate::app::state::{AppState, Capture, PersonHistory, Popup};
use crate::journal::Journal;

pub fn view(state: &mut AppState, _journal: &Journal, action: Action) -> Vec<Effect> {
    let page = u16::try_from(state.page).unwrap_or(u16::MAX).max(1);
    let Some(
        Popup::Help { scroll }
        | Popup::Entry { scroll, .. }
        | Popup::Problems { scroll }
        | Popup::Brief { scroll, .. }
        | Popup::Review { scroll, .. }
        | Popup::History(PersonHistory { scroll, .. }),
    ) = state.popup.as_mut()
    else {
        return Vec::new();
    };
    match action {
        Action::Back | Action::Quit => {
            // A brief opened from a list goes back to the list.
            state.popup = match state.popup.take() {
                Some(Popup::Brief { back, .. }) => back.map(|b| *b),
                _ => None,
            };
        }
        Action::Down => *scroll = scroll.saturating_add(1),
        Action::Up => *scroll = scroll.saturating_sub(1),
        Action::PageDown => *scroll = scroll.saturating_add(page),
        Action::PageUp => *scroll = scroll.saturating_sub(page),
        Action::Top => *scroll = 0,
        // The widget clamps an overlong scroll to the end of the text.
        Action::Bottom => *scroll = u16::MAX,
        _ => {}
    }
    Vec::new()
}

/// Drafts from an earlier session, offered one at a time, oldest first.
pub fn drafts(state: &mut AppState, action: Action) -> Vec<Effect> {
    let Some(Popup::Drafts { drafts }) = state.popup.as_mut() else {
        return Vec::new();
    };
    let Some(first) = drafts.first().cloned() else {
        state.popup = None;
        return Vec::new();
    };
    let mut effects = Vec::new();
    match action {
        Action::RestoreDraft => {
            drafts.remove(0);
            // The other drafts wait: they are offered again on the next start.
            state.popup = None;
            state.capture = Some(Capture::from_draft(&first));
            state.say("draft restored; enter saves it");
            // Made this rolo's own at once, unless another rolo took it up meanwhile.
            effects.push(Effect::ClaimDraft(first));
        }
        Action::DiscardDraft => {
            drafts.remove(0);
            effects.push(Effect::RemoveDraft(first));
            if drafts.is_empty() {
                state.popup = None;
                state.say("draft discarded");
            }
        }
        Action::Later => {
            state.popup = None;
            state.say("drafts kept; they are offered again on the next start");
        }
        _ => {}
    }
    effects
}

pub fn edit_failed(state: &mut AppState, action: Action) -> Vec<Effect> {
    let Some(Popup::EditFailed { target, resume, .. }) = state.popup.clone() else {
        return Vec::new();
    };
    match action {
        Action::EditAgain => {
            state.popup = None;
            vec![Effect::Edit {
                target,
                resume: Some(resume),
            }]
        }
        Action::Revert => {
            state.popup = None;
            state.say("edit reverted; the file is unchanged");
            Vec::new()
        }
        _ => Vec::new(),
    }
}
