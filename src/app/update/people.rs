//! People's lifecycle in the TUI: `A` archives the selected person (or brings back one
//! found by a search) after a yes; `M` asks who to merge into them with a picker ranked like
//! the contact filter, then shows what the merge moves, and writes it on a yes. The changes
//! are the command line's ops (`Effect::Archive`, `Effect::Merge`).

use super::{Effect, broken};
use crate::action::Action;
use crate::app::editor::Editor;
use crate::app::people::{MergeView, PickPerson};
use crate::app::state::{AppState, Popup, Question};
use crate::journal::Journal;
use crate::ops::merge::Preview;
use crate::sanitize::inert_line;
use chrono::{DateTime, FixedOffset};

/// `A`: set the selected person aside, or bring them back: at once when the history can take
/// it back (`u`, which the status then names), else after a yes.
pub fn start_archive(
    state: &mut AppState,
    journal: &Journal,
    now: DateTime<FixedOffset>,
) -> Vec<Effect> {
    let Some(c) = state.selected_ix().and_then(|ix| journal.contact(ix)) else {
        state.warn("no contact selected");
        return Vec::new();
    };
    if broken::refused(state, journal, &c.id) {
        return Vec::new();
    }
    let archive = !c.is_archived();
    if undo_at_hand(state) {
        return vec![Effect::Archive {
            contact: c.id.clone(),
            archive,
            on: now.date_naive(),
        }];
    }
    let name = inert_line(&c.name);
    let text = if archive {
        format!(
            "Archive {name}? They leave the list, reconnect and today; their timeline stays, \
             and a search still finds them."
        )
    } else {
        format!("Bring {name} back from the archive, into the list and reconnect?")
    };
    state.popup = Some(Popup::Confirm {
        question: Question::Archive {
            contact: c.id.clone(),
            archive,
        },
        text,
    });
    Vec::new()
}

/// Whether `u` can take the change back: the TUI runs with a history not known to be off.
pub fn undo_at_hand(state: &AppState) -> bool {
    state.undo_at_hand && state.history_off.is_none()
}

/// A change's status, with how to take it back when `u` can.
pub fn with_undo(state: &AppState, status: String) -> String {
    if undo_at_hand(state) {
        format!("{status} — u to undo")
    } else {
        status
    }
}

/// `M`: who is merged into the selected person? Everyone else, by name, until a name is typed.
pub fn start_merge(state: &mut AppState, journal: &Journal) {
    let Some(c) = state.selected_ix().and_then(|ix| journal.contact(ix)) else {
        state.warn("no contact selected");
        return;
    };
    if broken::refused(state, journal, &c.id) {
        return;
    }
    let mut pick = PickPerson {
        keep: c.id.clone(),
        editor: Editor::default(),
        matches: Vec::new(),
        sel: 0,
    };
    rank(state, journal, &mut pick);
    state.popup = Some(Popup::PickPerson(pick));
}

/// The people fitting what is typed, as the contact list's filter ranks them.
fn rank(state: &mut AppState, journal: &Journal, pick: &mut PickPerson) {
    let query = pick.editor.text().trim().to_string();
    let others = |id: &&str| *id != pick.keep;
    pick.matches = if query.is_empty() {
        let mut all: Vec<&crate::model::Contact> = journal.contacts().iter().collect();
        all.sort_by_cached_key(|c| crate::search::fold(&c.name));
        all.into_iter()
            .map(|c| c.id.as_str())
            .filter(others)
            .map(str::to_string)
            .collect()
    } else {
        state
            .filter
            .rank(journal, &query)
            .iter()
            .filter_map(|&(ix, _)| journal.contact(ix).map(|c| c.id.as_str()))
            .filter(others)
            .map(str::to_string)
            .collect()
    };
    pick.sel = pick.sel.min(pick.matches.len().saturating_sub(1));
}

/// Keys in the picker: typing narrows, up and down move, enter shows what the merge moves.
pub fn pick(state: &mut AppState, journal: &Journal, action: Action) -> Vec<Effect> {
    let Some(Popup::PickPerson(mut pick)) = state.popup.take() else {
        return Vec::new();
    };
    let before = pick.editor.text().to_string();
    match action {
        Action::Back => {
            state.say("nothing merged");
            return Vec::new();
        }
        Action::Submit => return choose(state, journal, pick),
        Action::Down => pick.sel = (pick.sel + 1).min(pick.matches.len().saturating_sub(1)),
        Action::Up => pick.sel = pick.sel.saturating_sub(1),
        Action::Type(c) => pick.editor.insert(c),
        Action::Backspace => pick.editor.backspace(),
        Action::Left => pick.editor.left(),
        Action::Right => pick.editor.right(),
        _ => {}
    }
    if pick.editor.text() != before {
        pick.sel = 0;
        rank(state, journal, &mut pick);
    }
    state.popup = Some(Popup::PickPerson(pick));
    Vec::new()
}

/// The person picked: what the merge will do, to confirm.
fn choose(state: &mut AppState, journal: &Journal, pick: PickPerson) -> Vec<Effect> {
    let Some(gone) = pick.matches.get(pick.sel).cloned() else {
        state.popup = Some(Popup::PickPerson(pick));
        state.warn("no one fits what is typed");
        return Vec::new();
    };
    let (Some(a), Some(b)) = (journal.by_id(&pick.keep), journal.by_id(&gone)) else {
        state.warn("that person is gone from the journal; nothing merged");
        return Vec::new();
    };
    if broken::refused(state, journal, &gone) {
        return Vec::new();
    }
    let entries = journal
        .ix(&gone)
        .map_or(0, |ix| journal.timeline_of(ix).len());
    let preview = Preview::new(a, b, entries);
    state.popup = Some(Popup::Merge(MergeView {
        keep: pick.keep,
        gone,
        lines: preview.lines(),
    }));
    Vec::new()
}

/// The merge's confirmation: `y` writes it, anything that closes leaves everything as it is.
pub fn confirm_merge(state: &mut AppState, action: Action) -> Vec<Effect> {
    let Some(Popup::Merge(view)) = state.popup.as_ref() else {
        return Vec::new();
    };
    match action {
        Action::Yes => {
            let effect = Effect::Merge {
                keep: view.keep.clone(),
                gone: view.gone.clone(),
            };
            state.popup = None;
            vec![effect]
        }
        Action::No | Action::Back => {
            state.popup = None;
            state.say("nothing merged");
            Vec::new()
        }
        _ => Vec::new(),
    }
}
