//! The three panes: moving, filtering, sorting, switching scopes, and starting the forms.

use super::Effect;
use super::forms;
use super::serve;
use crate::action::Action;
use crate::app::editor::Editor;
use crate::app::lists::ListKind;
use crate::app::needs_pane::{self, PaneItem};
use crate::app::state::{self, AppState, Capture, EditTarget, Pane, Popup};
use crate::journal::Journal;
use chrono::{DateTime, FixedOffset};

pub fn update(
    state: &mut AppState,
    journal: &Journal,
    action: Action,
    now: DateTime<FixedOffset>,
) -> Vec<Effect> {
    let today = now.date_naive();
    match action {
        Action::Quit => {
            state.quit = true;
            return vec![Effect::Quit];
        }
        Action::Help => state.popup = Some(Popup::Help { scroll: 0 }),
        Action::ShowProblems => state.popup = Some(Popup::Problems { scroll: 0 }),
        Action::Undo => return super::history::take_back(state, journal, false),
        Action::Redo => return super::history::take_back(state, journal, true),
        Action::History => return super::history::open(state, journal),
        Action::Up
        | Action::Down
        | Action::Top
        | Action::Bottom
        | Action::PageUp
        | Action::PageDown => move_selection(state, journal, &action),
        Action::NextPane => state.focus = state.focus.next(),
        Action::PrevPane => state.focus = state.focus.prev(),
        Action::Open => match state.focus {
            Pane::Contacts => state.focus = Pane::Timeline,
            Pane::Timeline => match state::selected_entry(state, journal) {
                Some(e) => {
                    state.popup = Some(Popup::Entry {
                        id: e.id.clone(),
                        scroll: 0,
                    })
                }
                None => state.say("no entry to open"),
            },
            Pane::Needs => open_item(state, journal),
        },
        Action::MarkDone => return mark_done(state, journal),
        Action::Back if !state.query.is_empty() => {
            state.query.clear();
            state.refresh_rows(journal, today);
        }
        Action::SearchEverything => {
            let query = state.query.clone();
            super::find::open(state, journal, &query, false);
        }
        Action::Search => {
            state.searching = true;
            state.focus = Pane::Contacts;
            // Index the contacts now, so that the first key typed finds it ready.
            state.filter.prepare(journal);
        }
        Action::CycleSort => {
            state.sort = state.sort.next();
            state.refresh_rows(journal, today);
            state.say(format!("contacts sorted {}", state.sort.label()));
        }
        Action::ToggleTimelineScope => {
            state.timeline_all = !state.timeline_all;
            state.timeline_sel = 0;
        }
        Action::ToggleNeedsScope => {
            state.needs_all = !state.needs_all;
            state.needs_sel = 0;
        }
        Action::NewNote => match selected_id(state, journal) {
            Some(id) => {
                state.capture = Some(Capture {
                    editor: Editor::default(),
                    kind: crate::model::Kind::Note,
                    with: vec![id],
                    started: now,
                    draft_file: None,
                    restored: false,
                    revision: 0,
                    suggestions: Vec::new(),
                    suggestion: 0,
                    mentions: Vec::new(),
                });
            }
            None => state.warn("no contact selected; press a to add one"),
        },
        Action::NewNeed => ask_about_selected(
            state,
            journal,
            |contact| crate::app::state::Ask::NewNeed { contact },
            |name| format!("What does {name} need?"),
        ),
        Action::NewFollowUp => ask_about_selected(
            state,
            journal,
            |contact| crate::app::state::Ask::FollowUpWhat {
                contact,
                theirs: false,
            },
            |name| super::promise::question(name, false),
        ),
        Action::MeetNeed | Action::DropNeed => {
            forms::start_need_change(state, journal, action == Action::MeetNeed)
        }
        Action::Brief => match state.selected_ix() {
            Some(ix) => serve::open_brief(state, journal, ix, today),
            None => state.warn("no contact selected"),
        },
        Action::MatchNeed => serve::start_match(state, journal),
        Action::Reconnect => serve::open_list(state, journal, ListKind::Reconnect, today),
        Action::Today => serve::open_list(state, journal, ListKind::Today, today),
        Action::Archive => return super::people::start_archive(state, journal, now),
        Action::Merge => super::people::start_merge(state, journal),
        Action::Stats => serve::open_stats(state, journal, today),
        Action::Review => serve::open_review(state, journal, today),
        Action::AddContact => forms::ask(
            state,
            crate::app::state::Ask::AddContact,
            "Name of the new contact?".into(),
        ),
        Action::EditContact => match selected_id(state, journal) {
            Some(id) => {
                return vec![Effect::Edit {
                    target: EditTarget::Contact { id },
                    resume: None,
                }];
            }
            None => state.warn("no contact selected"),
        },
        Action::EditEntry => match state::selected_entry(state, journal) {
            Some(e) => {
                let target = EditTarget::Entry {
                    id: e.id.clone(),
                    month: e.month(),
                };
                return vec![Effect::Edit {
                    target,
                    resume: None,
                }];
            }
            None => state.warn("no entry selected; move to the timeline (tab) first"),
        },
        _ => {}
    }
    Vec::new()
}

/// Enter in the needs & promises pane: a need opens in its own view; a promise is whole on
/// screen already, so Enter says what acts on it.
fn open_item(state: &mut AppState, journal: &Journal) {
    match needs_pane::selected(state, journal) {
        Some(PaneItem::Need(ix, n)) => match journal.contact(ix) {
            Some(c) => super::need_view::open(state, journal, &c.id.clone(), n.id),
            None => state.warn("that person is gone from the journal"),
        },
        Some(PaneItem::Promise(..)) => state.say("space marks this promise done"),
        None => state.say("nothing to open here; N records a need"),
    }
}

/// Space: the promise selected in the needs & promises pane is done, whatever its due date.
fn mark_done(state: &mut AppState, journal: &Journal) -> Vec<Effect> {
    let selected = (state.focus == Pane::Needs)
        .then(|| needs_pane::selected(state, journal))
        .flatten();
    let Some(PaneItem::Promise(ix, f)) = selected else {
        state.say("space marks a promise done: select one under Needs & promises (tab) first");
        return Vec::new();
    };
    match journal.contact(ix) {
        Some(c) if super::broken::refused(state, journal, &c.id) => Vec::new(),
        Some(c) => vec![Effect::FollowUpDone {
            contact: c.id.clone(),
            id: f.id,
        }],
        None => {
            state.warn("that person is gone from the journal");
            Vec::new()
        }
    }
}

fn selected_id(state: &AppState, journal: &Journal) -> Option<String> {
    state
        .selected_ix()
        .and_then(|ix| journal.contact(ix))
        .map(|c| c.id.clone())
}

/// Typing a filter: every keystroke re-filters and the selection jumps to the best match.
pub fn search(
    state: &mut AppState,
    journal: &Journal,
    action: Action,
    now: DateTime<FixedOffset>,
) -> Vec<Effect> {
    let today = now.date_naive();
    match action {
        Action::Type(c) => {
            state.query.push(c);
            state.contact_sel = 0;
            state.refresh_rows(journal, today);
            state.contact_sel = 0;
            reset_detail(state);
            super::find::filter_hint(state, journal);
        }
        Action::Backspace => {
            state.query.pop();
            state.refresh_rows(journal, today);
            state.contact_sel = 0;
            reset_detail(state);
            super::find::filter_hint(state, journal);
        }
        Action::SearchEverything => {
            let query = state.query.clone();
            super::find::open(state, journal, &query, true);
        }
        Action::Submit => {
            state.searching = false;
            super::find::clear_hint(state);
        }
        Action::Back => {
            super::find::clear_hint(state);
            state.searching = false;
            state.query.clear();
            state.refresh_rows(journal, today);
        }
        Action::Up | Action::Down => move_selection(state, journal, &action),
        _ => {}
    }
    Vec::new()
}

fn reset_detail(state: &mut AppState) {
    state.timeline_sel = 0;
    state.needs_sel = 0;
}

fn step(sel: usize, len: usize, page: usize, action: &Action) -> usize {
    let last = len.saturating_sub(1);
    match action {
        Action::Up => sel.saturating_sub(1),
        Action::Down => (sel + 1).min(last),
        Action::Top => 0,
        Action::Bottom => last,
        Action::PageUp => sel.saturating_sub(page.max(1)),
        Action::PageDown => (sel + page.max(1)).min(last),
        _ => sel,
    }
}

pub(super) fn move_selection(state: &mut AppState, journal: &Journal, action: &Action) {
    let page = state.page;
    match state.focus {
        Pane::Contacts => {
            let before = state.contact_sel;
            state.contact_sel = step(before, state.rows.len(), page, action);
            if state.contact_sel != before {
                reset_detail(state);
            }
        }
        Pane::Timeline => {
            let len = state::timeline_len(state, journal);
            state.timeline_sel = step(state.timeline_sel, len, page, action);
        }
        Pane::Needs => {
            let len = needs_pane::items(state, journal).len();
            state.needs_sel = step(state.needs_sel, len, page, action);
        }
    }
}

/// Open a one-line question about the selected person (a new need, a new promise).
fn ask_about_selected(
    state: &mut AppState,
    journal: &Journal,
    ask: impl FnOnce(String) -> crate::app::state::Ask,
    question: impl FnOnce(&str) -> String,
) {
    match selected_id(state, journal) {
        Some(id) if super::broken::refused(state, journal, &id) => {}
        Some(id) => {
            let text = question(journal.name_of(&id));
            forms::ask(state, ask(id), text);
        }
        None => state.warn("no contact selected"),
    }
}
