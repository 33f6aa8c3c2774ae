//! The TUI's `A` and `M` with the journal's history behind them: an archive needs no
//! question (the status says `u` takes it back), a merge still shows what moves first, and
//! `u` takes either back whole, byte for byte, as one commit each.

use crate::history_support::{Folder, NOW};
use crate::tui_support::{FakeHost, ch, key};
use chrono::DateTime;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{Event, KeyCode::Enter};
use rolo::app::{AppState, run_app};
use rolo::history::{self, History};
use rolo::journal::Journal;
use rolo::keymap::Keymap;
use rolo::store::{DiskFs, Store};
use std::time::Duration;

const PRIYA_R: &str = "name = \"Priya R.\"\n\n[[need]]\nid = 1\nwhat = \"a venue\"\nsince = 2026-11-10\nstatus = \"open\"\n";
const ENTRY: &str = "[[entry]]\nid = \"2026-11-20-0900-priya\"\nat = 2026-11-20T09:00:00+01:00\nwith = [\"priya-r\", \"priya-raman\"]\nkind = \"call\"\nnote = \"Call from her other number\"\n";

/// Aiko and Priya Raman added by the command line, Priya R. and a call with both by hand,
/// all in the history.
fn journal() -> Folder {
    let f = Folder::new();
    f.ok(&["add", "Aiko Tanaka"]);
    f.ok(&["add", "Priya Raman"]);
    f.write("contacts/priya-r.toml", PRIYA_R.as_bytes());
    f.write("journal/2026/2026-11.toml", ENTRY.as_bytes());
    // A change commits what it finds edited outside first.
    f.ok(&["need", "aiko", "a flat"]);
    assert_eq!(f.dirty(), Vec::<String>::new());
    f
}

/// The TUI as `rolo` opens it on `f` (its history behind, the store wrapped), playing
/// `events`, then waiting for the commits on their way, as `rolo` does when it ends.
fn play(f: &Folder, events: Vec<Event>) -> (AppState, String) {
    let history = History::open(history::Settings {
        dir: f.data.clone(),
        config: history::Config::default(),
        cache: Some(f.tmp.path().join("cache")),
        mode: history::Mode::Behind,
    });
    history.start(true);
    let store = Store::new(history.wrap(Box::new(DiskFs::new(&f.data))));
    let mut journal = Journal::new(store.load().unwrap());
    let mut terminal = Terminal::new(TestBackend::new(120, 35)).unwrap();
    let mut host = FakeHost {
        edits: Vec::new(),
        now: DateTime::parse_from_rfc3339(NOW).unwrap(),
        history: Some(history.clone()),
        settles: true,
    };
    let state = run_app(
        &mut terminal,
        &store,
        &mut journal,
        &Keymap::default(),
        events.into_iter().map(|e| Ok(Some(e))),
        &mut host,
    )
    .unwrap();
    history.finish(Duration::from_secs(10));
    let buf = terminal.backend().buffer();
    let mut screen = String::new();
    for y in 0..buf.area.height {
        for x in 0..buf.area.width {
            screen.push_str(buf[(x, y)].symbol());
        }
        screen.push('\n');
    }
    (state, screen)
}

fn status(state: &AppState) -> String {
    state.status.clone().expect("a status").text
}

fn select(who: &str) -> Vec<Event> {
    script![ch('/'), who, key(Enter)]
}

#[test]
fn archive_at_once_then_u_takes_it_back_byte_for_byte() {
    let f = journal();
    let before = f.files();
    let commits = f.subjects().len();
    let (state, screen) = play(&f, script![select("aiko"), ch('A')]);
    assert_eq!(status(&state), "archived Aiko Tanaka — u to undo");
    assert!(!screen.contains("Are you sure?"), "{screen}");
    assert_eq!(f.subjects()[0], "archived Aiko Tanaka");
    assert_eq!(f.subjects().len(), commits + 1, "{:?}", f.subjects());
    let aiko = String::from_utf8(f.read("contacts/aiko-tanaka.toml")).unwrap();
    assert!(aiko.contains("archived = 2026-12-03"), "{aiko}");
    let (state, _) = play(&f, script![ch('u')]);
    assert_eq!(status(&state), "undid: archived Aiko Tanaka");
    assert_eq!(f.files(), before);
}

#[test]
fn a_merge_is_confirmed_then_u_takes_all_of_it_back_byte_for_byte() {
    let f = journal();
    let before = f.files();
    let commits = f.subjects().len();
    let (state, _) = play(
        &f,
        script![
            select("priya raman"),
            ch('M'),
            "priya r",
            key(Enter),
            ch('y')
        ],
    );
    let line = "merged Priya R. into Priya Raman: 1 entry, 1 need";
    assert_eq!(status(&state), format!("{line} — u to undo"));
    // Before the yes, the confirmation says the merge can be taken back (with the history
    // off it says it is for good: `tui_lifecycle`'s snapshot).
    let (_, screen) = play(
        &f,
        script![select("aiko tanaka"), ch('M'), "priya raman", key(Enter)],
    );
    assert!(
        screen.contains("y merge (one change; u or rolo undo takes it back) · n no"),
        "{screen}"
    );
    assert_eq!(f.subjects()[0], line);
    assert_eq!(f.subjects().len(), commits + 1, "one commit");
    assert!(!f.files().contains_key("contacts/priya-r.toml"));
    let (state, _) = play(&f, script![ch('u')]);
    assert_eq!(status(&state), format!("undid: {line}"));
    assert_eq!(f.files(), before, "B's file and the month, byte for byte");
}
