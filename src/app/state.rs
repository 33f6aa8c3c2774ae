//! Everything the screen shows that is not the journal itself: focus, selections, the mode,
//! popups, input buffers and the status line. Plain data; `update` changes it, `ui` reads it.

use super::editor::Editor;
use super::hits::Hits;
use crate::journal::{Ix, Journal};
use crate::keymap::Mode;
use crate::model::{Draft, Entry, Kind, Need, NeedStatus};
use chrono::{DateTime, FixedOffset, NaiveDate};

pub use super::popup::*;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pane {
    Contacts,
    Timeline,
    Needs,
}

impl Pane {
    pub fn next(self) -> Pane {
        match self {
            Pane::Contacts => Pane::Timeline,
            Pane::Timeline => Pane::Needs,
            Pane::Needs => Pane::Contacts,
        }
    }

    pub fn prev(self) -> Pane {
        self.next().next()
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SortBy {
    Name,
    LastContact,
    Overdue,
}

impl SortBy {
    pub fn next(self) -> SortBy {
        match self {
            SortBy::Name => SortBy::LastContact,
            SortBy::LastContact => SortBy::Overdue,
            SortBy::Overdue => SortBy::Name,
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            SortBy::Name => "by name",
            SortBy::LastContact => "by last contact",
            SortBy::Overdue => "most overdue",
        }
    }
}

/// One contact row. Which letters the filter matched is worked out only for the rows on
/// screen (`AppState::name_matches`), not for thousands of matches per keystroke.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row {
    pub ix: Ix,
}

/// A quick note being typed.
#[derive(Debug, Clone, PartialEq)]
pub struct Capture {
    pub editor: Editor,
    pub kind: Kind,
    /// Contact ids; the first is the person the note was opened for.
    pub with: Vec<String>,
    /// When the note was begun: the time the entry is saved at (a restored draft keeps its
    /// own). `ctrl-t` changes it.
    pub started: DateTime<FixedOffset>,
    /// The draft file, fixed once the note is restored or its time changed (see
    /// `Draft::file`); `None` for a new note dated as it was begun, now.
    pub draft_file: Option<String>,
    /// A draft from an earlier session: its time is when it was started.
    pub restored: bool,
    /// Bumped on every change, so the loop knows when the draft on disk is behind.
    pub revision: u64,
    /// `@name` suggestions for the word at the cursor, best first.
    pub suggestions: Vec<Ix>,
    pub suggestion: usize,
    /// Each `@mention` in the text and whom it links (`app::mentions`), kept up to date as
    /// the text changes so the editor can show what is not linked.
    pub mentions: Vec<crate::app::mentions::Mention>,
}

impl Capture {
    /// The note's time as `ctrl-t` first shows it, ready to be typed over.
    pub fn time_shown(&self) -> String {
        self.started.format("%Y-%m-%d %H:%M").to_string()
    }

    pub fn draft(&self) -> Draft {
        Draft {
            with: self.with.clone(),
            kind: self.kind.clone(),
            note: self.editor.text().to_string(),
            started: self.started,
            file: self.draft_file.clone(),
        }
    }

    pub fn from_draft(d: &Draft) -> Capture {
        Capture {
            editor: Editor::new(&d.note),
            kind: d.kind.clone(),
            with: d.with.clone(),
            started: d.started,
            // Its file keeps its name whatever time the person gives the note.
            draft_file: Some(d.file_name()),
            restored: true,
            revision: 1,
            suggestions: Vec::new(),
            suggestion: 0,
            mentions: Vec::new(),
        }
    }
}

/// What is known about the draft file of the note being typed; `update::autosave` decides
/// from it when the draft is written, and the results of those writes update it.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Autosave {
    /// The draft as last written: what the file on disk holds. It is the draft itself, not
    /// a revision number, that counts (a revision count restarted after a refused save once
    /// matched an older write, and the draft stopped at the first letter).
    pub saved: Option<Draft>,
    /// When the last write was asked for, on the loop's monotonic clock.
    pub asked_at: Option<std::time::Instant>,
    /// The last write failed: said once in the status line, and said again when one works.
    pub failing: bool,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Status {
    pub text: String,
    pub error: bool,
}

#[derive(Debug, Clone, PartialEq)]
pub struct AppState {
    pub focus: Pane,
    pub sort: SortBy,
    pub query: String,
    pub searching: bool,
    pub rows: Vec<Row>,
    /// The contact filter's memory of the previous keystroke.
    pub filter: crate::filter::Filter,
    /// The index of search in everything (built in the background, see `find`).
    pub finder: crate::find::Finder,
    pub contact_sel: usize,
    pub timeline_all: bool,
    pub timeline_sel: usize,
    pub needs_all: bool,
    pub needs_sel: usize,
    pub capture: Option<Capture>,
    pub popup: Option<Popup>,
    pub status: Option<Status>,
    pub autosave: Autosave,
    /// Rows a page holds, set by the loop from the terminal size.
    pub page: usize,
    /// An undo or a redo is under way (off the loop's thread); another waits for it.
    pub taking_back: bool,
    /// A pick on the sync screen is syncing (off the loop's thread), whether or not the
    /// screen is still open; another waits for it.
    pub picking_sync: bool,
    /// Why there is no history to undo in, once known (git missing, `[history] git = false`):
    /// said again at once, without asking git each time.
    pub history_off: Option<String>,
    /// The TUI runs with a history, so `u` can take a change back: an archive then needs no
    /// question first (set by the loop).
    pub undo_at_hand: bool,
    pub quit: bool,
    /// What the last frame drew where, for the mouse (set by the loop after each draw).
    pub hits: Hits,
    /// The data folder, as the welcome on an empty journal names it.
    pub place: Option<String>,
    /// The background sync's state for the footer ("synced 2 min ago", "offline"), and
    /// whether it asks for the person; set by the loop.
    pub sync_line: Option<(String, bool)>,
}

impl AppState {
    pub fn new(journal: &Journal, today: NaiveDate) -> AppState {
        let mut s = AppState {
            focus: Pane::Contacts,
            sort: SortBy::Name,
            query: String::new(),
            searching: false,
            rows: Vec::new(),
            filter: crate::filter::Filter::new(),
            finder: crate::find::Finder::new(),
            contact_sel: 0,
            timeline_all: false,
            timeline_sel: 0,
            needs_all: false,
            needs_sel: 0,
            capture: None,
            popup: None,
            status: None,
            autosave: Autosave::default(),
            page: 20,
            taking_back: false,
            picking_sync: false,
            history_off: None,
            undo_at_hand: false,
            quit: false,
            hits: Hits::default(),
            place: None,
            sync_line: None,
        };
        s.refresh_rows(journal, today);
        s
    }

    /// The modes whose bindings apply now, first match wins.
    pub fn modes(&self) -> &'static [Mode] {
        match (&self.popup, &self.capture) {
            (
                Some(Popup::Input(Input {
                    ask: Ask::FollowUpWhat { .. },
                    ..
                })),
                _,
            ) => &[Mode::Promise, Mode::Input],
            (Some(Popup::Input(_)), _) => &[Mode::Input],
            (Some(Popup::Need(_)), _) => &[Mode::Need],
            (Some(Popup::Confirm { .. } | Popup::Merge(_)), _) => &[Mode::Confirm],
            (Some(Popup::PickPerson(_)), _) => &[Mode::PickPerson],
            (Some(Popup::Drafts { .. }), _) => &[Mode::Drafts],
            (Some(Popup::EditFailed { .. }), _) => &[Mode::EditFailed],
            (Some(Popup::PickNeed(_)), _) => &[Mode::PickNeed],
            (Some(Popup::Helpers(_)), _) => &[Mode::Match],
            (Some(Popup::Lists(_)), _) => &[Mode::Lists],
            (Some(Popup::Stats(_)), _) => &[Mode::Stats],
            (Some(Popup::Find(_)), _) => &[Mode::Find],
            // Nothing to pick for: only the keys that close it.
            (Some(Popup::Sync(v)), _) if v.files().is_empty() => &[Mode::View],
            (Some(Popup::Sync(_)), _) => &[Mode::Sync],
            (Some(_), _) => &[Mode::View],
            (None, Some(c)) if !c.suggestions.is_empty() => &[Mode::Complete, Mode::Capture],
            (None, Some(_)) => &[Mode::Capture],
            (None, None) if self.searching => &[Mode::Search],
            (None, None) => &[Mode::Browse],
        }
    }

    pub fn selected_ix(&self) -> Option<Ix> {
        self.rows.get(self.contact_sel).map(|r| r.ix)
    }

    pub fn say(&mut self, text: impl Into<String>) {
        self.status = Some(Status {
            text: text.into(),
            error: false,
        });
    }

    pub fn warn(&mut self, text: impl Into<String>) {
        self.status = Some(Status {
            text: text.into(),
            error: true,
        });
    }

    /// The letters of a listed person's name that the filter matched, for highlighting.
    pub fn name_matches(&self, journal: &Journal, ix: Ix) -> Vec<usize> {
        if self.query.trim().is_empty() {
            return Vec::new();
        }
        journal
            .search_key(ix)
            .and_then(|key| journal.matcher().hit(&key, &self.query))
            .map(|hit| hit.name_positions)
            .unwrap_or_default()
    }

    /// Rebuild the contact rows from the filter and sort, keeping the selected person selected
    /// when they are still listed (a filter change instead jumps to the best match).
    pub fn refresh_rows(&mut self, journal: &Journal, today: NaiveDate) {
        let keep = self.selected_ix();
        self.refresh_rows_keeping(journal, today, keep);
    }

    /// Select `ix` in the contact list, whoever they are: the filter cleared, or, for someone
    /// archived (out of the unfiltered list, found again by a search), the filter set to
    /// their name. The person shown, and then acted on (`n` writes to them), is the one asked
    /// for, never whoever happens to be first. False when they cannot be listed.
    pub fn show_person(&mut self, journal: &Journal, today: NaiveDate, ix: Ix) -> bool {
        self.query.clear();
        self.searching = false;
        self.refresh_rows_keeping(journal, today, Some(ix));
        if self.selected_ix() != Some(ix)
            && let Some(c) = journal.contact(ix)
        {
            self.query = c.name.clone();
            self.refresh_rows_keeping(journal, today, Some(ix));
        }
        self.selected_ix() == Some(ix)
    }

    /// `refresh_rows`, keeping `keep` selected: the caller's position of the person, looked up
    /// after the journal changed (a position from before a contact was removed names someone
    /// else, see `anchors`).
    pub fn refresh_rows_keeping(&mut self, journal: &Journal, today: NaiveDate, keep: Option<Ix>) {
        self.rows = if self.query.trim().is_empty() {
            // Someone archived is set aside: out of the list, found again by a search.
            let mut ixs: Vec<Ix> = (0..journal.contacts().len())
                .filter(|&ix| journal.contact(ix).is_some_and(|c| !c.is_archived()))
                .collect();
            let name = |ix: Ix| {
                journal
                    .contact(ix)
                    .map(|c| crate::search::fold(&c.name))
                    .unwrap_or_default()
            };
            match self.sort {
                SortBy::Name => ixs.sort_by_cached_key(|&ix| name(ix)),
                SortBy::LastContact => ixs.sort_by_cached_key(|&ix| {
                    (std::cmp::Reverse(journal.last_contact(ix)), name(ix))
                }),
                SortBy::Overdue => ixs.sort_by_cached_key(|&ix| {
                    (
                        std::cmp::Reverse(journal.overdue_by(ix, today).unwrap_or(i64::MIN)),
                        name(ix),
                    )
                }),
            }
            ixs.into_iter().map(|ix| Row { ix }).collect()
        } else {
            // Ranked without match positions, narrowing the previous matches as the query grows.
            self.filter
                .rank(journal, &self.query)
                .iter()
                .map(|&(ix, _)| Row { ix })
                .collect()
        };
        self.contact_sel = keep
            .and_then(|k| self.rows.iter().position(|r| r.ix == k))
            .unwrap_or(0);
    }
}

/// The entries the timeline pane lists, newest first.
pub fn timeline<'j>(
    state: &AppState,
    journal: &'j Journal,
) -> Box<dyn Iterator<Item = &'j Entry> + 'j> {
    match (state.timeline_all, state.selected_ix()) {
        (true, _) => Box::new(journal.timeline()),
        (false, Some(ix)) => Box::new(journal.timeline_of(ix)),
        (false, None) => Box::new(std::iter::empty()),
    }
}

pub fn timeline_len(state: &AppState, journal: &Journal) -> usize {
    match (state.timeline_all, state.selected_ix()) {
        (true, _) => journal.entry_count(),
        (false, Some(ix)) => journal.timeline_of(ix).len(),
        (false, None) => 0,
    }
}

pub fn selected_entry<'j>(state: &AppState, journal: &'j Journal) -> Option<&'j Entry> {
    timeline(state, journal).nth(state.timeline_sel)
}

/// The needs the needs pane lists: this person's (open first, then met, then dropped), or
/// every open need in the network.
pub fn needs<'j>(state: &AppState, journal: &'j Journal) -> Vec<(Ix, &'j Need)> {
    if state.needs_all {
        return journal.open_needs();
    }
    let Some(ix) = state.selected_ix() else {
        return Vec::new();
    };
    let Some(c) = journal.contact(ix) else {
        return Vec::new();
    };
    let mut list: Vec<(Ix, &Need)> = c.needs.iter().map(|n| (ix, n)).collect();
    list.sort_by(|a, b| {
        let rank = |n: &Need| match n.status {
            NeedStatus::Open => 0,
            NeedStatus::Met => 1,
            NeedStatus::Dropped => 2,
        };
        rank(a.1).cmp(&rank(b.1)).then(a.1.since.cmp(&b.1.since))
    });
    list
}
