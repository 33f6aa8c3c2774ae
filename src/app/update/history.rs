//! `u`, `ctrl-r` and `H`: undo and redo the last change, and read a person's history. Each
//! asks git, which takes tens of milliseconds or, with a slow disk or a busy repository,
//! longer: so each is an effect carried out off the loop's thread (`app::behind`), and what
//! it came to arrives here as a `Done`, like a save's.

use super::Effect;
use super::done::TakenBack;
use crate::app::anchors::Anchors;
use crate::app::state::{AppState, HistoryRow, PersonHistory, Popup};
use crate::history::Off;
use crate::history::undo::HistoryError;
use crate::journal::Journal;
use crate::sanitize::inert_line;
use chrono::{DateTime, FixedOffset};

/// `u` (or, with `redo`, `ctrl-r`): ask for the undo, unless the history is known to be off
/// or one is under way already.
pub fn take_back(state: &mut AppState, journal: &Journal, redo: bool) -> Vec<Effect> {
    let verb = verb(redo);
    if let Some(why) = &state.history_off {
        let text = format!("{verb} is not available: {why}");
        state.warn(text);
        return Vec::new();
    }
    if state.taking_back {
        // Two undos at once would race for the same change; the second waits for the person.
        state.say("the last undo or redo is still under way; press again when it is done");
        return Vec::new();
    }
    if journal.is_loading_older() {
        // The month an undo rewrites may be one the background load is reading: taken in
        // now, it would be merged again when the load lands. It lands within moments.
        state.say(format!(
            "older months are still loading; {verb} in a moment"
        ));
        return Vec::new();
    }
    state.taking_back = true;
    state.say(if redo { "redoing…" } else { "undoing…" });
    vec![if redo { Effect::Redo } else { Effect::Undo }]
}

/// `H`: open the selected person's history; the effect fills it in.
pub fn open(state: &mut AppState, journal: &Journal) -> Vec<Effect> {
    let Some(c) = state.selected_ix().and_then(|ix| journal.contact(ix)) else {
        state.say("no contact selected");
        return Vec::new();
    };
    let (id, name) = (c.id.clone(), c.name.clone());
    // Known to be off: said in the popup at once, git is not asked again.
    let read = state
        .history_off
        .as_ref()
        .map(|why| Err(format!("no history to show: {why}")));
    let effects = match read {
        Some(_) => Vec::new(),
        None => vec![Effect::ReadHistory {
            id: id.clone(),
            name: name.clone(),
        }],
    };
    state.popup = Some(Popup::History(PersonHistory {
        id,
        name,
        read,
        scroll: 0,
    }));
    effects
}

fn verb(redo: bool) -> &'static str {
    if redo { "redo" } else { "undo" }
}

/// Why the history is off, when it is for good (git missing, `[history] git = false`); not
/// when it is only not made yet (the first change makes it).
fn off_for_good(error: &HistoryError) -> Option<String> {
    match error {
        HistoryError::Off {
            off: Off::Because(why),
            ..
        } => Some(inert_line(why).into_owned()),
        _ => None,
    }
}

/// An undo or a redo ended. Done: the files it wrote, read on its thread, go into the
/// journal with the selection held on the same people, and the status says what it took
/// back, in the words the command line uses. Refused (a later change depends on it, nothing
/// to undo, git failed): the status says why, and nothing changed.
pub fn taken_back(
    state: &mut AppState,
    journal: &mut Journal,
    redo: bool,
    result: Result<TakenBack, HistoryError>,
    now: DateTime<FixedOffset>,
) {
    state.taking_back = false;
    let verb = verb(redo);
    match result {
        Ok(taken) => {
            let anchors = Anchors::take(state, journal);
            crate::refresh::take_in(journal, taken.reads);
            anchors.restore(state, journal, now);
            let done = if redo { "redid" } else { "undid" };
            state.say(format!("{done}: {}", taken.line));
        }
        Err(error) => match off_for_good(&error) {
            Some(why) => {
                state.warn(format!("{verb} is not available: {why}"));
                state.history_off = Some(why);
            }
            None => match error {
                // Not a failure: there is simply nothing (yet).
                HistoryError::Nothing { .. } | HistoryError::Off { .. } => {
                    state.say(error.to_string());
                }
                _ => state.warn(error.to_string()),
            },
        },
    }
}

/// A person's history was read: shown, when its popup is still open for them.
pub fn read(state: &mut AppState, id: &str, result: Result<Vec<HistoryRow>, HistoryError>) {
    let said = match result {
        Ok(rows) => Ok(rows),
        Err(error) => {
            let why = off_for_good(&error);
            let text = match &why {
                Some(why) => format!("no history to show: {why}"),
                None => error.to_string(),
            };
            if why.is_some() {
                state.history_off = why;
            }
            Err(text)
        }
    };
    if let Some(Popup::History(h)) = state.popup.as_mut()
        && h.id == id
    {
        h.read = Some(said);
    }
}
