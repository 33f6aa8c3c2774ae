//! What the needs & promises pane lists, in order: the person's needs (open first, then met
//! and dropped), then their open promises, yours before theirs, soonest due first. With `o`
//! it lists every open need in the network instead. One list, so the selection (`needs_sel`),
//! the drawing and the keys always agree on what is where.

use super::state::{self, AppState};
use crate::journal::{Ix, Journal};
use crate::model::{FollowUp, Need};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PaneItem<'j> {
    Need(Ix, &'j Need),
    Promise(Ix, &'j FollowUp),
}

impl<'j> PaneItem<'j> {
    pub fn person(&self) -> Ix {
        match self {
            PaneItem::Need(ix, _) | PaneItem::Promise(ix, _) => *ix,
        }
    }

    pub fn need(&self) -> Option<&'j Need> {
        match self {
            PaneItem::Need(_, n) => Some(n),
            PaneItem::Promise(..) => None,
        }
    }

    pub fn promise(&self) -> Option<&'j FollowUp> {
        match self {
            PaneItem::Promise(_, f) => Some(f),
            PaneItem::Need(..) => None,
        }
    }
}

/// The selected person's open promises: yours, then theirs; within each the soonest due
/// (so the most overdue) first, undated last, then by number.
pub fn open_promises(journal: &Journal, ix: Ix) -> Vec<&FollowUp> {
    let Some(c) = journal.contact(ix) else {
        return Vec::new();
    };
    let mut open: Vec<&FollowUp> = c.follow_ups.iter().filter(|f| !f.done).collect();
    open.sort_by_key(|f| (f.is_theirs(), f.due.is_none(), f.due, f.id));
    open
}

pub fn items<'j>(state: &AppState, journal: &'j Journal) -> Vec<PaneItem<'j>> {
    let mut list: Vec<PaneItem> = state::needs(state, journal)
        .into_iter()
        .map(|(ix, n)| PaneItem::Need(ix, n))
        .collect();
    if !state.needs_all
        && let Some(ix) = state.selected_ix()
    {
        list.extend(
            open_promises(journal, ix)
                .into_iter()
                .map(|f| PaneItem::Promise(ix, f)),
        );
    }
    list
}

pub fn selected<'j>(state: &AppState, journal: &'j Journal) -> Option<PaneItem<'j>> {
    items(state, journal).get(state.needs_sel).copied()
}
