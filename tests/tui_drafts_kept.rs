//! Drafts hold the latest text whatever happens to the save (issue 12, item 2): after a save
//! refused by a broken month file the draft on disk follows the typing; a draft that cannot
//! be written says so at once.

use crate::tui_support;

use ratatui::crossterm::event::Event;
use ratatui::crossterm::event::KeyCode::Enter;
use rolo::app::run_app;
use rolo::journal::Journal;
use rolo::keymap::Keymap;
use rolo::store::Store;
use std::cell::RefCell;
use std::path::Path;
use tui_support::{App, ch, key, tick};

const MONTH: &str = "journal/2026/2026-11.toml";

fn draft_texts(folder: &Path) -> Vec<String> {
    let Ok(dir) = std::fs::read_dir(folder.join("drafts")) else {
        return Vec::new();
    };
    dir.filter_map(|e| e.ok())
        .filter(|e| e.file_name().to_string_lossy().ends_with(".toml"))
        .map(|e| std::fs::read_to_string(e.path()).unwrap())
        .collect()
}

/// Play `events` and read the drafts on disk at the end, while rolo still runs (before the
/// last flush a normal exit makes), as a closed terminal would find them.
fn drafts_while_running(app: &mut App, events: Vec<Event>) -> Vec<String> {
    let store = Store::on_disk(app.dir.path());
    let mut journal = Journal::new(store.load().unwrap());
    let seen = RefCell::new(None);
    let dir = app.dir.path().to_path_buf();
    let mut events = events.into_iter();
    let feed = std::iter::from_fn(|| match events.next() {
        Some(Event::FocusLost) => Some(Ok(None)),
        Some(e) => Some(Ok(Some(e))),
        None => {
            *seen.borrow_mut() = Some(draft_texts(&dir));
            None
        }
    });
    run_app(
        &mut app.terminal,
        &store,
        &mut journal,
        &Keymap::default(),
        feed,
        &mut app.host,
    )
    .unwrap();
    seen.into_inner().unwrap()
}

fn refused_save(then: Vec<Event>) -> String {
    let mut app = App::demo(120, 35);
    app.run(vec![]);
    // Broken after the journal was read: the save finds it so and refuses.
    std::fs::write(app.path(MONTH), "[[entry]\nbroken = ").unwrap();
    let mut keys = script![ch('/'), "kwame", key(Enter), ch('n'), "Lunch", key(Enter)];
    keys.extend(then);
    let drafts = drafts_while_running(&mut app, keys);
    assert_eq!(drafts.len(), 1, "{drafts:?}");
    drafts.into_iter().next().unwrap()
}

#[test]
fn a_refused_save_brings_the_draft_up_to_date_at_once() {
    let draft = refused_save(vec![]);
    assert!(draft.contains("note = \"Lunch\""), "{draft}");
}

#[test]
fn after_a_refused_save_the_draft_follows_more_typing() {
    let draft = refused_save(script![" at the harbour", tick(), " with Ama", tick()]);
    assert!(
        draft.contains("note = \"Lunch at the harbour with Ama\""),
        "{draft}"
    );
}

#[test]
fn a_draft_that_cannot_be_written_is_said_at_once() {
    let mut app = App::demo(120, 35);
    // A file where the drafts folder should be: no draft can be written.
    std::fs::write(app.path("drafts"), "").unwrap();
    let state = app.run(script![ch('/'), "kwame", key(Enter), ch('n'), "L"]);
    let status = state.status.map(|s| s.text).unwrap_or_default();
    assert!(
        status.starts_with("the draft cannot be saved ("),
        "{status}"
    );
    assert!(status.ends_with("the note is only on screen"), "{status}");
}

#[test]
fn a_person_with_the_longest_id_gets_a_draft() {
    let mut app = App::demo(120, 35);
    let id = format!("zed-{}", "x".repeat(246));
    assert_eq!(
        format!("{id}.toml").len(),
        255,
        "the longest file name there is"
    );
    std::fs::write(
        app.path(&format!("contacts/{id}.toml")),
        "name = \"Zed Longname\"\n",
    )
    .unwrap();
    let state = app.run(script![ch('/'), "zed long", key(Enter), ch('n'), "Hello"]);
    let status = state.status.map(|s| s.text).unwrap_or_default();
    assert!(!status.contains("cannot"), "{status}");
    let drafts = draft_texts(app.dir.path());
    assert_eq!(drafts.len(), 1, "{drafts:?}");
    assert!(drafts[0].contains(&id), "{}", drafts[0]);
    assert!(drafts[0].contains("note = \"Hello\""), "{}", drafts[0]);
}
