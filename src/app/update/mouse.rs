//! The mouse: a click selects what is under it (and focuses its pane); a click on what is
//! selected already opens it, like Enter; the wheel moves the selection of the pane under the
//! pointer, or scrolls the popup that is open. Where things are comes from the last frame
//! (`AppState::hits`), so a click lands on what the person saw there.

use super::{Effect, browse, serve};
use crate::action::Action;
use crate::app::hits::Target;
use crate::app::state::{AppState, Pane, Popup};
use crate::journal::Journal;
use chrono::{DateTime, FixedOffset};

pub fn click(
    state: &mut AppState,
    journal: &Journal,
    x: u16,
    y: u16,
    now: DateTime<FixedOffset>,
) -> Vec<Effect> {
    // The note being written keeps the keyboard and the screen: clicks do nothing under it.
    if state.capture.is_some() {
        return Vec::new();
    }
    let target = state.hits.at(x, y);
    if let Some(popup) = &mut state.popup {
        if let (Popup::Lists(l), Some(Target::ListRow(i))) = (popup, target) {
            if l.sel == i {
                return serve::lists(state, journal, Action::Open, now);
            }
            l.sel = i;
        }
        return Vec::new();
    }
    let Some(target) = target else {
        return Vec::new();
    };
    match target {
        Target::Pane(pane) => focus(state, pane),
        Target::Contact(i) => {
            focus(state, Pane::Contacts);
            if i != state.contact_sel && i < state.rows.len() {
                state.contact_sel = i;
                state.timeline_sel = 0;
                state.needs_sel = 0;
            }
        }
        Target::Entry(i) => return pick(state, journal, Pane::Timeline, i, now),
        Target::Item(i) => return pick(state, journal, Pane::Needs, i, now),
        Target::ListRow(_) => {}
    }
    Vec::new()
}

/// Select row `i` of `pane`; when it was selected already (and the pane focused), open it.
fn pick(
    state: &mut AppState,
    journal: &Journal,
    pane: Pane,
    i: usize,
    now: DateTime<FixedOffset>,
) -> Vec<Effect> {
    let sel = match pane {
        Pane::Timeline => &mut state.timeline_sel,
        Pane::Needs => &mut state.needs_sel,
        Pane::Contacts => &mut state.contact_sel,
    };
    if state.focus == pane && *sel == i {
        return browse::update(state, journal, Action::Open, now);
    }
    *sel = i;
    focus(state, pane);
    Vec::new()
}

fn focus(state: &mut AppState, pane: Pane) {
    state.focus = pane;
    // Typing a filter ends when the person goes elsewhere; the filter stays.
    if pane != Pane::Contacts {
        state.searching = false;
    }
}

pub fn wheel(
    state: &mut AppState,
    journal: &Journal,
    x: u16,
    y: u16,
    down: bool,
    now: DateTime<FixedOffset>,
) -> Vec<Effect> {
    let step = if down { Action::Down } else { Action::Up };
    if state.capture.is_some() {
        return Vec::new();
    }
    if state.popup.is_some() {
        // Lists and views scroll or move the same way their arrow keys do.
        return match state.popup {
            Some(
                Popup::Help { .. }
                | Popup::Entry { .. }
                | Popup::Problems { .. }
                | Popup::Brief { .. }
                | Popup::Review { .. }
                | Popup::Need(_)
                | Popup::History(_)
                | Popup::Lists(_)
                | Popup::Helpers(_),
            ) => super::update(state, journal, step, now),
            _ => Vec::new(),
        };
    }
    let pane = match state.hits.at(x, y) {
        Some(Target::Pane(p)) => p,
        Some(Target::Contact(_)) => Pane::Contacts,
        Some(Target::Entry(_)) => Pane::Timeline,
        Some(Target::Item(_)) => Pane::Needs,
        _ => return Vec::new(),
    };
    focus(state, pane);
    browse::move_selection(state, journal, &step);
    Vec::new()
}
