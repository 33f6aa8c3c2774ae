//! When the draft of the note being typed is written. The loop asks after every event, with
//! its monotonic clock and what just happened; the answer is an `Effect::SaveDraft`, and
//! what became of the write comes back as `Done::DraftSaved` or `Done::DraftFailed`.

use super::Effect;
use crate::app::state::AppState;
use crate::model::Draft;
use std::time::{Duration, Instant};

/// How far the draft on disk may fall behind typing.
pub const DRAFT_EVERY: Duration = Duration::from_millis(500);

/// What the loop just did, which decides whether the draft may wait.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Cue {
    /// Keys were typed: the draft follows at most `DRAFT_EVERY` behind.
    Typing,
    /// Nothing was pressed for a while: now is a good time.
    Idle,
    /// An action asked for effects (a save, a need, ...): the draft follows at once, since a
    /// refused save leaves the note on screen and the draft must hold all of it.
    Acted,
    /// The loop is ending, whichever way: the last chance.
    Leaving,
}

/// The draft write that is due now, if any.
pub fn autosave(state: &mut AppState, at: Instant, cue: Cue) -> Vec<Effect> {
    let Some(cap) = &state.capture else {
        // The note was saved or dropped (and its draft with it): the next one starts anew.
        state.autosave.saved = None;
        return Vec::new();
    };
    // A note just opened, nothing typed yet: no draft.
    if cap.revision == 0 {
        return Vec::new();
    }
    let draft = cap.draft();
    if state.autosave.saved.as_ref() == Some(&draft) {
        return Vec::new();
    }
    let waited = |asked: Instant| at.saturating_duration_since(asked) >= DRAFT_EVERY;
    let due = cue != Cue::Typing || state.autosave.asked_at.is_none_or(waited);
    if !due {
        return Vec::new();
    }
    state.autosave.asked_at = Some(at);
    vec![Effect::SaveDraft(draft)]
}

/// The draft is on disk as it was asked for.
pub fn saved(state: &mut AppState, draft: Draft) {
    state.autosave.saved = Some(draft);
    if std::mem::take(&mut state.autosave.failing) {
        state.say("the draft is saved again");
    }
}

/// The draft could not be written: said once, not on every key.
pub fn failed(state: &mut AppState, error: &str) {
    if !state.autosave.failing {
        state.warn(format!(
            "the draft cannot be saved ({error}); the note is only on screen"
        ));
    }
    state.autosave.failing = true;
}
