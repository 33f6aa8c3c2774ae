//! The follow-up question (`F`): your promise, or one they made you ("they'll send me the
//! deck"). Tab switches between the two while the words are typed; the question says which.

use crate::app::state::{AppState, Ask, Input, Popup};
use crate::journal::Journal;

/// "What did you promise Ada?", or "What did Ada promise you?".
pub fn question(name: &str, theirs: bool) -> String {
    if theirs {
        format!("What did {name} promise you?")
    } else {
        format!("What did you promise {name}?")
    }
}

/// Switch whose promise is being noted; what was typed stays.
pub fn toggle(state: &mut AppState, journal: &Journal) {
    let Some(Popup::Input(Input {
        ask: Ask::FollowUpWhat { contact, theirs },
        prompt,
        ..
    })) = state.popup.as_mut()
    else {
        return;
    };
    *theirs = !*theirs;
    *prompt = question(journal.name_of(contact), *theirs);
}
