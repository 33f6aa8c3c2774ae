//! Drive the whole TUI on a `TestBackend`: a temp copy of the demo journal, a fixed clock and
//! scripted keys.
#![allow(dead_code)]

pub mod outside;

use chrono::{DateTime, FixedOffset};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};
use rolo::app::{AppState, Host, run_app};
use rolo::journal::Journal;
use rolo::keymap::Keymap;
use rolo::store::Store;
use std::io;
use std::path::{Path, PathBuf};

pub const NOW: &str = "2026-11-24T14:26:00+01:00";

pub fn now() -> DateTime<FixedOffset> {
    DateTime::parse_from_rfc3339(NOW).unwrap()
}

/// One simulated editing session: old text in, new text out.
pub type Edit = Box<dyn FnMut(&str) -> String>;

/// A fake `$EDITOR`: replaces the file's text with what the test says.
pub struct FakeHost {
    pub edits: Vec<Edit>,
    /// The clock; `now()` unless a test moves it (a draft written yesterday, say).
    pub now: DateTime<FixedOffset>,
    /// The journal's history, for the tests of undo, redo and `H` (none by default).
    pub history: Option<rolo::history::History>,
    /// Each event waits for what runs behind (an undo): `true` but in the test of that.
    pub settles: bool,
}

impl Host for FakeHost {
    fn now(&self) -> DateTime<FixedOffset> {
        self.now
    }

    fn history(&self) -> Option<rolo::history::History> {
        self.history.clone()
    }

    fn settles(&self) -> bool {
        self.settles
    }

    fn edit(&mut self, path: &Path) -> io::Result<()> {
        let text = std::fs::read_to_string(path)?;
        if self.edits.is_empty() {
            return Ok(());
        }
        let mut edit = self.edits.remove(0);
        std::fs::write(path, edit(&text))
    }
}

pub struct App {
    pub dir: tempfile::TempDir,
    pub terminal: Terminal<TestBackend>,
    pub host: FakeHost,
}

impl App {
    pub fn demo(width: u16, height: u16) -> App {
        let dir = tempfile::tempdir().unwrap();
        rolo::demo::install(dir.path()).unwrap();
        App::on(dir, width, height)
    }

    /// An empty journal. Its folder is named with the same length wherever the tests run,
    /// so the welcome that names it wraps the same way (and `screen` masks the name).
    pub fn empty(width: u16, height: u16) -> App {
        let dir = tempfile::Builder::new()
            .prefix("rolo-empty-")
            .rand_bytes(6)
            .tempdir_in("/tmp")
            .unwrap();
        App::on(dir, width, height)
    }

    fn on(dir: tempfile::TempDir, width: u16, height: u16) -> App {
        App {
            dir,
            terminal: Terminal::new(TestBackend::new(width, height)).unwrap(),
            host: FakeHost {
                edits: Vec::new(),
                now: now(),
                history: None,
                settles: true,
            },
        }
    }

    pub fn path(&self, rel: &str) -> PathBuf {
        self.dir.path().join(rel)
    }

    pub fn read(&self, rel: &str) -> String {
        std::fs::read_to_string(self.path(rel)).unwrap()
    }

    /// Start rolo on the folder, play `events`, and return the final state. The screen is
    /// left in `self.terminal`.
    pub fn run(&mut self, events: Vec<Event>) -> AppState {
        let store = Store::on_disk(self.dir.path());
        let mut journal = Journal::new(store.load().unwrap());
        let events = events.into_iter().map(|e| match e {
            // A focus-lost event stands for "nothing pressed for a while" (a tick).
            Event::FocusLost => Ok(None),
            e => Ok(Some(e)),
        });
        run_app(
            &mut self.terminal,
            &store,
            &mut journal,
            &Keymap::default(),
            events,
            &mut self.host,
        )
        .unwrap()
    }

    /// The screen as text, one line per row; the data folder's random name is masked.
    pub fn screen(&self) -> String {
        let dir = self.dir.path().display().to_string();
        self.raw_screen().replace(&dir, "/tmp/[the data folder]")
    }

    /// The screen as text, one line per row, as drawn.
    pub fn raw_screen(&self) -> String {
        let buf = self.terminal.backend().buffer();
        let mut out = String::new();
        for y in 0..buf.area.height {
            let mut row = String::new();
            let mut skip = 0;
            for x in 0..buf.area.width {
                // The cell after a wide character is its second half, not a character.
                if skip > 0 {
                    skip -= 1;
                    continue;
                }
                let symbol = buf[(x, y)].symbol();
                skip = unicode_width::UnicodeWidthStr::width(symbol).saturating_sub(1);
                row.push_str(symbol);
            }
            out.push_str(row.trim_end());
            out.push('\n');
        }
        out
    }
}

pub fn key(code: KeyCode) -> Event {
    Event::Key(KeyEvent::new(code, KeyModifiers::NONE))
}

pub fn ch(c: char) -> Event {
    key(KeyCode::Char(c))
}

pub fn alt(code: KeyCode) -> Event {
    Event::Key(KeyEvent::new(code, KeyModifiers::ALT))
}

pub fn text(s: &str) -> Vec<Event> {
    s.chars().map(ch).collect()
}

pub fn tick() -> Event {
    Event::FocusLost
}

/// Build a script from pieces: `script![ch('n'), text("hi"), key(KeyCode::Enter)]`.
#[macro_export]
macro_rules! script {
    ($($e:expr),* $(,)?) => {{
        let mut v: Vec<ratatui::crossterm::event::Event> = Vec::new();
        $( $crate::tui_support::Push::push_into($e, &mut v); )*
        v
    }};
}

pub trait Push {
    fn push_into(self, v: &mut Vec<Event>);
}

impl Push for Event {
    fn push_into(self, v: &mut Vec<Event>) {
        v.push(self);
    }
}

impl Push for Vec<Event> {
    fn push_into(self, v: &mut Vec<Event>) {
        v.extend(self);
    }
}

impl Push for &str {
    fn push_into(self, v: &mut Vec<Event>) {
        v.extend(text(self));
    }
}
