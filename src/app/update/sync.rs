//! `Y`, the sync screen: the conflicts the last sync stopped at, each with this machine's
//! value and the other's, and `o` / `t` to keep one side for the highlighted file, the way
//! `rolo sync --ours/--theirs PATH` does. Reading the notes and the pick (a whole sync) wait
//! on git and the remote, so both are effects carried out off the loop's thread; what a pick
//! writes comes in like any other outside edit.

use super::Effect;
use crate::action::Action;
use crate::app::state::{AppState, Popup};
use crate::app::sync_view::{ConflictFile, SyncView};
use crate::sanitize::inert_line;

/// `Y`: open the screen; the effect fills it in.
pub fn open(state: &mut AppState) -> Vec<Effect> {
    let mut view = SyncView::default();
    if let Some(why) = &state.history_off {
        view.set(Err(format!("no sync: {why}")));
        state.popup = Some(Popup::Sync(view));
        return Vec::new();
    }
    state.popup = Some(Popup::Sync(view));
    vec![Effect::ReadConflicts]
}

pub fn update(state: &mut AppState, action: Action) -> Vec<Effect> {
    let Some(Popup::Sync(view)) = state.popup.as_mut() else {
        return Vec::new();
    };
    let last = view.files().len().saturating_sub(1);
    match action {
        Action::Back => state.popup = None,
        Action::Down => view.selected = (view.selected + 1).min(last),
        Action::Up => view.selected = view.selected.saturating_sub(1),
        Action::KeepOurs | Action::TakeTheirs => {
            let ours = action == Action::KeepOurs;
            if state.picking_sync {
                state.say("the last pick is still syncing; press again when it is done");
                return Vec::new();
            }
            let Some(file) = view.highlighted() else {
                state.say("nothing waits for you to pick");
                return Vec::new();
            };
            let path = file.path.clone();
            state.picking_sync = true;
            state.say(format!(
                "syncing with {} for {}…",
                side(ours),
                inert_line(&path)
            ));
            return vec![Effect::PickSide { path, ours }];
        }
        _ => {}
    }
    Vec::new()
}

fn side(ours: bool) -> &'static str {
    if ours {
        "this machine's values"
    } else {
        "the other machine's values"
    }
}

/// The notes were read: shown, when the screen is still open.
pub fn read(state: &mut AppState, read: Result<Vec<ConflictFile>, String>, remote: bool) {
    if let Some(Popup::Sync(view)) = state.popup.as_mut() {
        view.set(read);
        view.no_remote = !remote;
    }
}

/// A pick's sync ended. Done: the status says so (the screen closes when nothing else
/// waits). Not done: the status says why, and the screen shows what still waits.
pub fn picked(
    state: &mut AppState,
    path: &str,
    ours: bool,
    result: Result<Vec<String>, String>,
    waiting: Vec<ConflictFile>,
) {
    state.picking_sync = false;
    let path = inert_line(path).into_owned();
    let none_left = waiting.is_empty();
    if let Some(Popup::Sync(view)) = state.popup.as_mut() {
        view.set(Ok(waiting));
    }
    match result {
        Ok(lines) => {
            let last = lines.last().map(|l| inert_line(l).into_owned());
            let text = match last {
                Some(l) => format!("{path}: {} kept; {l}", side(ours)),
                None => format!("{path}: {} kept; synced", side(ours)),
            };
            state.say(text);
            if none_left && matches!(state.popup, Some(Popup::Sync(_))) {
                state.popup = None;
            }
        }
        Err(why) => state.warn(inert_line(&why).into_owned()),
    }
}
