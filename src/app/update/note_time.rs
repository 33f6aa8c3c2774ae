//! `ctrl-t` while writing a note: when did it happen? A note is saved at the time it was begun
//! (a draft restored the next day keeps yesterday's); this lets the person say otherwise.

use super::Effect;
use crate::app::editor::Editor;
use crate::app::state::{AppState, Ask, Input, Popup};
use chrono::{DateTime, FixedOffset, TimeZone};

/// What the question starts from: the note's time, ready to edit.
pub fn open(state: &mut AppState) -> Vec<Effect> {
    let Some(cap) = &state.capture else {
        return Vec::new();
    };
    state.popup = Some(Popup::Input(Input {
        ask: Ask::NoteTime,
        prompt: "When did it happen? (yesterday 18:00, last friday, 2026-11-30)".into(),
        editor: Editor::new(&cap.time_shown()),
        error: None,
    }));
    Vec::new()
}

/// The question still shows the note's time as it was put there: typing (or deleting)
/// replaces it whole, as in a field whose text is selected; moving the cursor first keeps it
/// to edit.
pub fn untouched(state: &AppState) -> bool {
    match (&state.popup, &state.capture) {
        (Some(Popup::Input(input)), Some(cap)) if input.ask == Ask::NoteTime => {
            input.editor.text() == cap.time_shown()
                && input.editor.cursor() == input.editor.text().len()
        }
        _ => false,
    }
}

/// The answer, read as a time in the past; a bare date keeps the note's time of day. A time
/// that cannot be read, or one still to come, is explained and asked again.
pub fn set(state: &mut AppState, text: &str, now: DateTime<FixedOffset>) -> Vec<Effect> {
    let Some(cap) = state.capture.as_mut() else {
        state.popup = None;
        return Vec::new();
    };
    let begun = cap.started.naive_local().time();
    let result = crate::when::happened(text, now.naive_local(), begun)
        .map_err(|e| e.to_string())
        .and_then(|naive| {
            now.offset()
                .from_local_datetime(&naive)
                .single()
                .ok_or_else(|| format!("cannot place \"{text}\" in time"))
        });
    match result {
        Ok(at) => {
            // The draft on disk keeps its name, so it is rewritten in place, not doubled.
            if cap.draft_file.is_none() {
                cap.draft_file = Some(cap.draft().file_name());
            }
            cap.started = at;
            cap.revision += 1;
            let said = format!("the note is dated {}", at.format("%a %-d %b %Y %H:%M"));
            state.popup = None;
            state.say(said);
        }
        Err(error) => {
            if let Some(Popup::Input(input)) = state.popup.as_mut() {
                input.error = Some(crate::sanitize::inert_line(&error).into_owned());
            }
        }
    }
    Vec::new()
}
