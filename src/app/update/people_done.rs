//! What the journal and the screen learn when an archive or a merge is on disk.

use super::outcome;
use crate::app::state::AppState;
use crate::journal::Journal;
use crate::ops::{Changed, Merged};
use chrono::NaiveDate;

/// Archived (or back): when they leave the list, the selection stays where it was, on the
/// person who took their place, rather than jumping to the top.
pub fn archived(state: &mut AppState, journal: &mut Journal, c: Changed, today: NaiveDate) {
    let at = state.contact_sel;
    let id = c.contact.id.clone();
    let said = super::people::with_undo(state, c.status);
    outcome::contact_saved(state, journal, c.contact, said, today);
    let listed = state
        .rows
        .iter()
        .any(|r| journal.contact(r.ix).is_some_and(|x| x.id == id));
    if !listed {
        state.contact_sel = at.min(state.rows.len().saturating_sub(1));
    }
}

/// Two people are one: A as written, the people whose "not a fit" named B, B gone (the
/// month files were swapped in already), A selected.
pub fn merged(state: &mut AppState, journal: &mut Journal, merged: Merged, today: NaiveDate) {
    for other in merged.written.others {
        journal.upsert_contact(other);
    }
    journal.remove_contact(&merged.written.gone.id);
    let ix = journal.upsert_contact(merged.written.kept);
    state.refresh_rows_keeping(journal, today, Some(ix));
    // A is selected even when archived or filtered out (shown through the filter): what
    // comes next acts on them, never on whoever is first in the list.
    if state.selected_ix() != Some(ix) {
        state.show_person(journal, today, ix);
    }
    // Their timeline now holds B's entries too: from its newest.
    state.timeline_sel = 0;
    let said = super::people::with_undo(state, merged.status);
    state.say(said);
}
