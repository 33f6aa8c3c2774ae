//! A need opened with Enter (`Popup::Need`): scroll it, close it, or act on it — met (asks
//! how), dropped (asks first), an intro (who could help, then Enter logs it; closing that
//! list comes back here) or new words for it.

use super::Effect;
use super::forms;
use crate::action::Action;
use crate::app::editor::Editor;
use crate::app::state::{AppState, Ask, Helpers, Input, NeedView, Popup};
use crate::journal::Journal;
use crate::model::NeedStatus;
use crate::sanitize::inert_line;

/// Open need `need` of `contact` (an id) in its own view.
pub fn open(state: &mut AppState, journal: &Journal, contact: &str, need: u32) {
    let Some((ix, n)) = journal
        .ix(contact)
        .and_then(|ix| Some((ix, journal.contact(ix)?.need(need)?)))
    else {
        state.warn(format!("need #{need} is gone"));
        return;
    };
    let helpers = if n.status == NeedStatus::Open {
        crate::serve::helpers(journal, ix, n)
    } else {
        Vec::new()
    };
    state.status = None;
    state.popup = Some(Popup::Need(NeedView {
        contact: contact.to_string(),
        need,
        scroll: 0,
        helpers,
        open: n.status == NeedStatus::Open,
    }));
}

pub fn update(state: &mut AppState, journal: &Journal, action: Action) -> Vec<Effect> {
    let page = u16::try_from(state.page).unwrap_or(u16::MAX).max(1);
    let Some(Popup::Need(view)) = state.popup.as_mut() else {
        return Vec::new();
    };
    let (contact, need) = (view.contact.clone(), view.need);
    match action {
        Action::Back | Action::Quit => state.popup = None,
        Action::Down => view.scroll = view.scroll.saturating_add(1),
        Action::Up => view.scroll = view.scroll.saturating_sub(1),
        Action::PageDown => view.scroll = view.scroll.saturating_add(page),
        Action::PageUp => view.scroll = view.scroll.saturating_sub(page),
        Action::Top => view.scroll = 0,
        // The loop clamps it to the end of the text after the next frame.
        Action::Bottom => view.scroll = u16::MAX,
        Action::MeetNeed | Action::DropNeed => {
            let status = journal
                .by_id(&contact)
                .and_then(|c| c.need(need))
                .map(|n| n.status);
            match status {
                // Said in the view, which stays open.
                Some(s) if s != NeedStatus::Open => {
                    state.warn(format!("need #{need} is already {}", s.as_str()));
                }
                _ => {
                    // The question replaces the view; answering it comes back to the panes.
                    state.popup = None;
                    forms::change_need(state, journal, contact, need, action == Action::MeetNeed);
                }
            }
        }
        Action::MatchNeed => intro(state, journal),
        Action::EditNeed => reword(state, journal, contact, need),
        _ => {}
    }
    Vec::new()
}

/// Who could help, over the view: Enter there logs the intro, Esc comes back here.
fn intro(state: &mut AppState, journal: &Journal) {
    let Some(Popup::Need(view)) = state.popup.as_ref() else {
        return;
    };
    let Some(n) = journal.by_id(&view.contact).and_then(|c| c.need(view.need)) else {
        state.warn(format!("need #{} is gone", view.need));
        return;
    };
    if n.status != NeedStatus::Open {
        state.warn(format!("that need is already {}", n.status.as_str()));
        return;
    }
    if view.helpers.is_empty() {
        state.say(format!(
            "no one in your journal matches \"{}\" yet",
            inert_line(&n.what)
        ));
        return;
    }
    let helpers = Helpers {
        owner: view.contact.clone(),
        need: view.need,
        what: n.what.clone(),
        helpers: view.helpers.clone(),
        sel: 0,
        back: None,
    };
    let back = state.popup.take().map(Box::new);
    state.popup = Some(Popup::Helpers(Helpers { back, ..helpers }));
}

/// New words for the need, starting from the words it has.
fn reword(state: &mut AppState, journal: &Journal, contact: String, need: u32) {
    let Some(n) = journal.by_id(&contact).and_then(|c| c.need(need)) else {
        state.warn(format!("need #{need} is gone"));
        return;
    };
    if super::broken::refused(state, journal, &contact) {
        return;
    }
    let what = n.what.clone();
    state.popup = Some(Popup::Input(Input {
        ask: Ask::RewordNeed {
            contact,
            need,
            shown: what.clone(),
        },
        prompt: format!("Need #{need}, in new words"),
        editor: Editor::new(&what),
        error: None,
    }));
}
