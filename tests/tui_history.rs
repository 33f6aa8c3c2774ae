//! The TUI and the journal's history (issue 14): `u` undoes the last change and `ctrl-r`
//! redoes it, both as new commits, with the files byte for byte as they were; `H` shows the
//! selected person's history; an edit made outside rolo while the TUI runs is committed as
//! such at once. The journal and its history are made by the command line (the test's own
//! HOME and git config, "now" pinned), then the whole app runs on a `TestBackend`.

use crate::history_support::{Folder, NOW};
use crate::tui_support::outside::{Step, keys, outside, replace_by_rename};
use crate::tui_support::{FakeHost, ch, key, tick};
use chrono::DateTime;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};
use rolo::app::{AppState, run_app};
use rolo::history::{self, History};
use rolo::journal::Journal;
use rolo::keymap::Keymap;
use rolo::store::{DiskFs, Store};
use std::collections::VecDeque;
use std::time::{Duration, Instant};

fn ctrl(c: char) -> Event {
    Event::Key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL))
}

/// The TUI as `rolo` opens it on `f`: its history behind (on the committer's thread), the
/// store wrapped so the history sees every write.
pub(crate) struct Tui {
    terminal: Terminal<TestBackend>,
    host: FakeHost,
    history: History,
    store: Store,
    journal: Journal,
}

impl Tui {
    pub(crate) fn open(f: &Folder, width: u16, height: u16) -> Tui {
        Tui::with_config(f, width, height, history::Config::default())
    }

    fn with_config(f: &Folder, width: u16, height: u16, config: history::Config) -> Tui {
        let history = History::open(history::Settings {
            dir: f.data.clone(),
            config,
            // Where what was said once is remembered, as `rolo` has it (never in the folder).
            cache: Some(f.tmp.path().join("cache")),
            mode: history::Mode::Behind,
        });
        history.start(true);
        let store = Store::new(history.wrap(Box::new(DiskFs::new(&f.data))));
        let journal = Journal::new(store.load().unwrap());
        Tui {
            terminal: Terminal::new(TestBackend::new(width, height)).unwrap(),
            host: FakeHost {
                edits: Vec::new(),
                now: DateTime::parse_from_rfc3339(NOW).unwrap(),
                history: Some(history.clone()),
                settles: true,
            },
            history,
            store,
            journal,
        }
    }

    /// Play `steps` (keys, and changes made outside between two keys), then wait for the
    /// commits still on their way, as `rolo` does when the TUI ends.
    pub(crate) fn play(&mut self, dir: &std::path::Path, steps: Vec<Step>) -> AppState {
        let dir = dir.to_path_buf();
        let mut queue: VecDeque<Step> = steps.into();
        let events = std::iter::from_fn(move || {
            loop {
                match queue.pop_front()? {
                    Step::Key(Event::FocusLost) => return Some(Ok(None)),
                    Step::Key(e) => return Some(Ok(Some(e))),
                    Step::Outside(change) => change(&dir),
                }
            }
        });
        let state = run_app(
            &mut self.terminal,
            &self.store,
            &mut self.journal,
            &Keymap::default(),
            events,
            &mut self.host,
        )
        .unwrap();
        self.history.finish(Duration::from_secs(10));
        state
    }

    pub(crate) fn screen(&self) -> String {
        let buf = self.terminal.backend().buffer();
        let mut out = String::new();
        for y in 0..buf.area.height {
            let mut row = String::new();
            for x in 0..buf.area.width {
                row.push_str(buf[(x, y)].symbol());
            }
            out.push_str(row.trim_end());
            out.push('\n');
        }
        out
    }
}

/// A journal with a history: two people, a need, then a coffee with Aiko (the newest).
fn journal() -> Folder {
    let f = Folder::new();
    f.ok(&["add", "Aiko Tanaka"]);
    f.ok(&["add", "Ben Okafor"]);
    f.ok(&["need", "aiko", "a flat in Berlin"]);
    f
}

/// The ramen note as history says it (`RAMEN_SHORT`: the note of the last test, one word).
const COFFEE: &str = "logged coffee with Aiko Tanaka on 2026-12-03 10:04: “Ramen, talked about her move” (2026-12-03-1004-aiko)";
const RAMEN_SHORT: &str =
    "logged coffee with Aiko Tanaka on 2026-12-03 10:04: “Ramen” (2026-12-03-1004-aiko)";

fn status(state: &AppState) -> (String, bool) {
    let s = state.status.clone().expect("a status");
    (s.text, s.error)
}

#[test]
fn u_undoes_the_last_change_and_ctrl_r_redoes_it_byte_for_byte() {
    let f = journal();
    let before = f.files();
    f.ok(&[
        "note",
        "aiko",
        "Ramen, talked about her move",
        "--kind",
        "coffee",
    ]);
    let after = f.files();
    assert_ne!(before, after);
    let log = f.subjects();

    let mut tui = Tui::open(&f, 120, 35);
    // Idle ticks after it: the watcher looks at the files the undo wrote (the month file it
    // removed) and must not call them an outside edit.
    let state = tui.play(
        &f.data,
        keys(script![
            ch('/'),
            "aiko",
            key(KeyCode::Enter),
            ch('u'),
            tick(),
            tick()
        ]),
    );
    assert_eq!(status(&state), (format!("undid: {COFFEE}"), false));
    assert!(!state.taking_back);
    assert_eq!(f.files(), before, "the coffee is gone, byte for byte");
    let mut undone = vec![format!("undo: {COFFEE}")];
    undone.extend(log.iter().cloned());
    assert_eq!(f.subjects(), undone);
    assert!(f.log()[0].contains("\n\nRolo-Undo: "), "{}", f.log()[0]);
    // The timeline shows it at once, with Aiko still selected.
    insta::assert_snapshot!("undo_status_120x35", tui.screen());
    // Gone from the timeline; only the status line still names it.
    let screen = tui.screen();
    let shown: Vec<&str> = screen.lines().filter(|l| !l.contains("undid:")).collect();
    assert!(!shown.join("\n").contains("Ramen"), "{screen}");

    let state = tui.play(
        &f.data,
        keys(script![ch('/'), "aiko", key(KeyCode::Enter), ctrl('r')]),
    );
    assert_eq!(status(&state), (format!("redid: {COFFEE}"), false));
    assert_eq!(f.files(), after, "the coffee is back, byte for byte");
    assert_eq!(f.subjects()[0], format!("redo: {COFFEE}"));
    insta::assert_snapshot!("redo_status_120x35", tui.screen());
    let screen = tui.screen();
    let shown: Vec<&str> = screen.lines().filter(|l| !l.contains("redid:")).collect();
    assert!(
        shown.join("\n").contains("Ramen"),
        "back in the timeline: {screen}"
    );
    // `rolo log` reads the same history.
    let log = f.ok(&["log", "-n", "2"]);
    let lines: Vec<&str> = log.lines().collect();
    assert!(lines[0].ends_with(&format!("  redo: {COFFEE}")), "{log}");
    assert!(lines[1].ends_with(&format!("  undo: {COFFEE}")), "{log}");
}

#[test]
fn a_second_u_undoes_the_change_before_and_nothing_left_is_said() {
    let f = Folder::new();
    f.ok(&["add", "Aiko Tanaka"]);
    let first = f.files();
    f.ok(&["need", "aiko", "a flat in Berlin"]);
    let mut tui = Tui::open(&f, 120, 35);
    let state = tui.play(&f.data, keys(script![ch('u'), ch('u'), ch('u')]));
    // The need, then Aiko herself (the first commit of a new folder can be undone too).
    assert_eq!(f.subjects()[0], "undo: added Aiko Tanaka (aiko-tanaka)");
    assert_eq!(f.subjects()[1], "undo: need #1 recorded for Aiko Tanaka");
    assert!(!first.is_empty());
    assert_eq!(
        f.files()
            .keys()
            .filter(|k| k.starts_with("contacts/"))
            .count(),
        0
    );
    assert_eq!(status(&state), ("nothing to undo".into(), false));
    assert!(
        tui.journal.by_id("aiko-tanaka").is_none(),
        "gone from the screen too"
    );
}

#[test]
fn with_history_off_u_says_why_and_changes_nothing() {
    let f = journal();
    f.config_toml("[history]\ngit = false\n");
    let files = f.files();
    let log = f.subjects();
    let config = history::Config {
        git: history::GitSetting::Off,
        ..history::Config::default()
    };
    let mut tui = Tui::with_config(&f, 120, 35, config);
    let state = tui.play(&f.data, keys(script![ch('u')]));
    let said = "undo is not available: history is off in config.toml ([history] git = false)";
    assert_eq!(status(&state), (said.into(), true));
    assert_eq!(
        state.history_off.as_deref(),
        Some("history is off in config.toml ([history] git = false)")
    );
    insta::assert_snapshot!("undo_history_off_120x35", tui.screen());
    let state = tui.play(&f.data, keys(script![ctrl('r')]));
    assert_eq!(status(&state).0, said.replace("undo is", "redo is"));
    assert_eq!(f.files(), files);
    assert_eq!(f.subjects(), log);
}

/// `H` at the sizes people use: the popup lists each change about Aiko (not Ben's).
#[test]
fn h_shows_the_selected_persons_history() {
    let f = journal();
    f.ok(&[
        "note",
        "aiko",
        "ben",
        "Lunch, the three of us",
        "--kind",
        "meeting",
    ]);
    f.ok(&["note", "ben", "Call about the bakery", "--kind", "call"]);
    for (w, h) in [(120, 35), (80, 24)] {
        let mut tui = Tui::open(&f, w, h);
        let state = tui.play(
            &f.data,
            keys(script![ch('/'), "aiko", key(KeyCode::Enter), ch('H')]),
        );
        insta::assert_snapshot!(format!("history_popup_{w}x{h}"), tui.screen());
        let Some(rolo::app::state::Popup::History(h)) = &state.popup else {
            panic!("no history popup: {:?}", state.popup);
        };
        let rows = h.read.clone().expect("read").expect("no error");
        let lines: Vec<&str> = rows.iter().map(|r| r.line.as_str()).collect();
        assert_eq!(
            lines,
            [
                "logged meeting with Aiko Tanaka, Ben Okafor on 2026-12-03 10:04: “Lunch, the three of us” (2026-12-03-1004-aiko)",
                "need #1 recorded for Aiko Tanaka",
                "added Aiko Tanaka (aiko-tanaka)",
            ]
        );
        assert!(rows.iter().all(|r| r.date == "2026-12-03 10:04"));
    }
    // Esc closes it.
    let mut tui = Tui::open(&f, 80, 24);
    let state = tui.play(
        &f.data,
        keys(script![
            ch('/'),
            "aiko",
            key(KeyCode::Enter),
            ch('H'),
            key(KeyCode::Esc)
        ]),
    );
    assert_eq!(state.popup, None);
}

/// The subjects of the history in `dir`, newest first, read by a plain git (reading needs
/// none of the test's settings); none before the first commit.
fn subjects_in(dir: &std::path::Path) -> Vec<String> {
    let out = std::process::Command::new("git")
        .arg("-C")
        .arg(dir)
        .args(["log", "--format=%s"])
        .output()
        .unwrap();
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(str::to_string)
        .collect()
}

/// A hand edit while the TUI runs is committed as such by the TUI, not at the next start.
#[test]
fn an_edit_made_outside_while_the_tui_runs_is_committed_as_such_soon() {
    let f = journal();
    let log = f.subjects();
    let mut tui = Tui::open(&f, 120, 35);
    let seen = std::rc::Rc::new(std::cell::RefCell::new(Vec::new()));
    let seen_in = seen.clone();
    let mut steps = keys(script![tick()]);
    steps.push(outside(|dir| {
        let card = dir.join("contacts/aiko-tanaka.toml");
        let text = std::fs::read_to_string(&card).unwrap();
        let text = text.replacen("\n", "\nrole = \"Architect\"\n", 1);
        replace_by_rename(&card, &text);
    }));
    steps.extend(keys(script![tick(), tick()]));
    // Still running: the TUI's committer makes the commit within moments.
    let known = log.len();
    steps.push(Step::Outside(Box::new(move |dir| {
        let deadline = Instant::now() + Duration::from_secs(5);
        loop {
            let subjects = subjects_in(dir);
            if subjects.len() > known || Instant::now() > deadline {
                *seen_in.borrow_mut() = subjects;
                break;
            }
            std::thread::sleep(Duration::from_millis(20));
        }
    })));
    steps.extend(keys(script![tick()]));
    let state = tui.play(&f.data, steps);
    assert_eq!(
        seen.borrow().first().map(String::as_str),
        Some("edited outside rolo: contacts/aiko-tanaka.toml"),
        "committed while the TUI ran"
    );
    assert_eq!(seen.borrow().len(), known + 1);
    assert_eq!(status(&state).0, "reloaded 1 contact changed outside rolo");
    assert_eq!(
        tui.journal
            .by_id("aiko-tanaka")
            .and_then(|c| c.role.clone())
            .as_deref(),
        Some("Architect")
    );
}

/// The undo runs behind the loop: the frame drawn right after `u` still says "undoing…"
/// (git has not even started by then), and the answer is taken in when it comes (here, as
/// the loop ends, which waits for it).
#[test]
fn the_undo_runs_off_the_loops_thread() {
    let f = journal();
    let before = f.files();
    f.ok(&["note", "aiko", "Ramen", "--kind", "coffee"]);
    let mut tui = Tui::open(&f, 120, 35);
    tui.host.settles = false;
    let state = tui.play(&f.data, keys(script![ch('u')]));
    let screen = tui.screen();
    assert!(screen.contains(" undoing…"), "{screen}");
    assert_eq!(status(&state), (format!("undid: {RAMEN_SHORT}"), false));
    assert_eq!(f.files(), before);
}

/// A commit that fails behind the TUI (here a detached HEAD) never loses the save, and is
/// said once in the status line, not only on the terminal after the TUI has closed.
#[test]
fn a_commit_that_fails_behind_the_tui_is_said_in_the_status_line() {
    let f = journal();
    f.git(&["checkout", "-q", "--detach"]);
    let log = f.subjects();
    let mut tui = Tui::open(&f, 120, 35);
    let mut steps = keys(script![ch('N'), "a bike", key(KeyCode::Enter)]);
    // The committer answers on its own thread: idle ticks until it has (at most 5 s).
    steps.push(Step::Outside(Box::new(|_| {
        std::thread::sleep(Duration::from_millis(300))
    })));
    steps.extend(keys(script![tick()]));
    let state = tui.play(&f.data, steps);
    let (text, error) = status(&state);
    assert!(text.contains("HEAD is detached"), "{text}");
    assert!(error);
    let card = String::from_utf8(f.read("contacts/aiko-tanaka.toml")).unwrap();
    assert!(card.contains("what = \"a bike\""), "saved: {card}");
    assert_eq!(f.subjects(), log, "nothing committed");
    // Said once: the next run of ticks says nothing more about it.
    let state = tui.play(&f.data, keys(script![tick(), tick()]));
    assert_eq!(state.status, None);
}
