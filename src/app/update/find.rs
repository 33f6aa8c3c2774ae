//! Search in everything: opening it (from the `/` filter with `tab`, or `ctrl-f`), typing
//! the query, moving through the hits, and going to one: the person is selected and the
//! timeline lands on the entry (the needs pane on the need).
//!
//! While `/` filters people, the status line says how much more the query finds in notes,
//! needs and cards, or that the index is still being built.

use super::Effect;
use crate::action::Action;
use crate::app::editor::Editor;
use crate::app::found::{FindView, LISTED};
use crate::app::state::{self, AppState, Pane, Popup};
use crate::find::{Place, Readiness, text_at};
use crate::journal::Journal;
use chrono::NaiveDate;

/// The status line's hint while `/` filters people starts so; it is taken away with the filter.
const HINT: &str = "also ";
const INDEXING: &str = "notes and needs are still being indexed";

/// Open on `query`; `from_filter` when it came from `/` (closing goes back there).
pub fn open(state: &mut AppState, journal: &Journal, query: &str, from_filter: bool) {
    clear_hint(state);
    state.searching = false;
    let mut view = FindView {
        editor: Editor::new(query),
        found: Default::default(),
        sel: 0,
        from_filter,
        generation: 0,
    };
    look(state, journal, &mut view);
    state.popup = Some(Popup::Find(Box::new(view)));
}

/// Find the hits for the query as typed now.
fn look(state: &mut AppState, journal: &Journal, view: &mut FindView) {
    view.found = state
        .finder
        .search(journal, view.editor.text(), LISTED, None);
    view.generation = state.finder.generation();
    view.sel = view.sel.min(view.found.hits.len().saturating_sub(1));
}

pub fn update(
    state: &mut AppState,
    journal: &Journal,
    action: Action,
    today: NaiveDate,
) -> Vec<Effect> {
    let mut view = match state.popup.take() {
        Some(Popup::Find(view)) => view,
        other => {
            state.popup = other;
            return Vec::new();
        }
    };
    let before = view.editor.text().to_string();
    match action {
        Action::Type(c) => view.editor.insert(c),
        Action::Backspace => view.editor.backspace(),
        Action::Left => view.editor.left(),
        Action::Right => view.editor.right(),
        Action::Home => view.editor.home(),
        Action::End => view.editor.end(),
        Action::Up | Action::Down | Action::PageUp | Action::PageDown => {
            let last = view.found.hits.len().saturating_sub(1);
            let page = (state.page / 2).max(1);
            view.sel = match action {
                Action::Up => view.sel.saturating_sub(1),
                Action::Down => (view.sel + 1).min(last),
                Action::PageUp => view.sel.saturating_sub(page),
                _ => (view.sel + page).min(last),
            };
        }
        Action::Open => {
            match view.selected().cloned() {
                Some(hit) => go_to(state, journal, &hit.person, &hit.place, today),
                None => {
                    state.say("nothing to go to; type what to look for");
                    state.popup = Some(Popup::Find(view));
                }
            }
            return Vec::new();
        }
        Action::Back if !view.from_filter => return Vec::new(),
        Action::Back | Action::SearchEverything => {
            // Back to filtering people, with the query as typed here.
            state.query = view.editor.text().to_string();
            state.searching = true;
            state.focus = Pane::Contacts;
            state.refresh_rows(journal, today);
            state.contact_sel = 0;
            filter_hint(state, journal);
            return Vec::new();
        }
        _ => {}
    }
    if view.editor.text() != before {
        view.sel = 0;
        look(state, journal, &mut view);
    }
    state.popup = Some(Popup::Find(view));
    Vec::new()
}

/// Go to a hit: its person selected (the filter cleared, so they are listed), the timeline
/// on its entry, the needs pane on its need; a card's field is said in the status line.
fn go_to(
    state: &mut AppState,
    journal: &Journal,
    person: &Option<String>,
    place: &Place,
    today: NaiveDate,
) {
    state.popup = None;
    state.searching = false;
    state.query.clear();
    let ix = person.as_deref().and_then(|id| journal.ix(id));
    match ix {
        // Someone archived too, through the filter: never whoever is first in the list.
        Some(ix) if !state.show_person(journal, today, ix) => {
            let name = person.as_deref().map_or("", |id| journal.name_of(id));
            state.warn(format!(
                "{} cannot be listed; nothing is selected for them",
                crate::sanitize::inert_line(name)
            ));
            return;
        }
        Some(_) => {}
        None => state.refresh_rows_keeping(journal, today, None),
    }
    state.timeline_all = false;
    state.needs_all = false;
    state.timeline_sel = 0;
    state.needs_sel = 0;
    let name = person.as_deref().map_or("", |id| journal.name_of(id));
    match place {
        Place::Entry { id, .. } => {
            let at = match ix {
                Some(ix) => journal.timeline_of(ix).position(|e| &e.id == id),
                None => None,
            };
            match at {
                Some(at) => state.timeline_sel = at,
                None => {
                    // No one in it has a card: found in everyone's timeline.
                    state.timeline_all = true;
                    state.timeline_sel = journal.timeline().position(|e| &e.id == id).unwrap_or(0);
                }
            }
            state.focus = Pane::Timeline;
        }
        Place::Need(n) => {
            let list = state::needs(state, journal);
            state.needs_sel = list.iter().position(|(_, need)| need.id == *n).unwrap_or(0);
            state.focus = Pane::Needs;
        }
        other => {
            state.focus = Pane::Contacts;
            let label = other.label(journal, person.as_deref(), today);
            let text = text_at(journal, person.as_deref(), other).unwrap_or_default();
            state.say(format!(
                "{name} · {label}: {}",
                crate::sanitize::inert_line(&text)
            ));
        }
    }
}

/// While `/` filters people: how much more the query finds elsewhere, in the status line.
pub fn filter_hint(state: &mut AppState, journal: &Journal) {
    clear_hint(state);
    if state.query.trim().is_empty() {
        return;
    }
    let found = state.finder.search(journal, &state.query, 0, None);
    let more = found.total.saturating_sub(found.names);
    let text = match found.readiness {
        Some(Readiness::Indexing) => format!("{INDEXING} — tab searches them when ready"),
        _ if more == 0 => return,
        Some(Readiness::Partial | Readiness::OlderMonths) => format!(
            "{HINT}{more} in notes, needs and cards so far (still indexing) — tab to see them"
        ),
        _ => format!(
            "{HINT}{more} in notes, needs and cards — tab to see {}",
            if more == 1 { "it" } else { "them" }
        ),
    };
    state.say(text);
}

/// Take the filter's hint out of the status line (and nothing else that is there).
pub fn clear_hint(state: &mut AppState) {
    if state
        .status
        .as_ref()
        .is_some_and(|s| !s.error && (s.text.starts_with(HINT) || s.text.starts_with(INDEXING)))
    {
        state.status = None;
    }
}

/// On a tick: the index catches up (a build under way goes on), and what is shown from it is
/// looked for again when it changed.
pub fn tick(state: &mut AppState, journal: &Journal) {
    state.finder.sync(journal);
    let generation = state.finder.generation();
    let stale = matches!(&state.popup, Some(Popup::Find(v)) if v.generation != generation);
    if stale && let Some(Popup::Find(mut view)) = state.popup.take() {
        let keep = view.selected().cloned();
        look(state, journal, &mut view);
        if let Some(at) = keep.and_then(|k| view.found.hits.iter().position(|h| *h == k)) {
            view.sel = at;
        }
        state.popup = Some(Popup::Find(view));
    } else if state.popup.is_none() && state.searching && hint_is_provisional(state) {
        filter_hint(state, journal);
    }
}

/// The filter's hint said the index was not ready (or not whole): worth saying again.
fn hint_is_provisional(state: &AppState) -> bool {
    state
        .status
        .as_ref()
        .is_some_and(|s| s.text.starts_with(INDEXING) || s.text.contains("still indexing"))
}
