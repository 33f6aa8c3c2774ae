//! The whole TUI on a folder where Ben Carter's file does not load: he is listed and marked,
//! a note with him is saved (with a warning), and `e` is how his file gets fixed, after which
//! he is whole again.

use crate::tui_support;

use ratatui::crossterm::event::KeyCode;
use tui_support::{App, ch, key, text};

const BROKEN: (&str, &str) = ("tags = [", "tags = [[");

fn app_with_ben_broken() -> (App, String) {
    let app = App::demo(120, 35);
    let good = app.read("contacts/ben-carter.toml");
    let broken = good.replacen(BROKEN.0, BROKEN.1, 1);
    std::fs::write(app.path("contacts/ben-carter.toml"), &broken).unwrap();
    (app, good)
}

#[test]
fn a_note_with_a_broken_person_is_saved_and_says_what_to_fix() {
    let (mut app, _) = app_with_ben_broken();
    let mut keys = vec![ch('/')];
    keys.extend(text("ben"));
    keys.extend([key(KeyCode::Enter), ch('n')]);
    keys.extend(text("Coffee at the docks"));
    keys.push(key(KeyCode::Enter));
    let state = app.run(keys);
    let screen = app.screen();
    assert!(screen.contains("⚠ Ben Carter"), "{screen}");
    assert!(
        screen.contains("⚠ contacts/ben-carter.toml:3:1"),
        "{screen}"
    );
    let status = state.status.map(|s| s.text).unwrap_or_default();
    assert!(
        status.starts_with(
            "note saved; but Ben Carter's file does not load (contacts/ben-carter.toml:3:1)"
        ),
        "{status}"
    );
    let month = app.read("journal/2026/2026-11.toml");
    let last = month.rsplit("[[entry]]").next().unwrap();
    assert!(last.contains("with = [\"ben-carter\"]"), "{last}");
    assert!(last.contains("Coffee at the docks"), "{last}");
}

#[test]
fn e_fixes_the_file_and_the_person_is_whole_again() {
    let (mut app, good) = app_with_ben_broken();
    let fixed = good.clone();
    app.host.edits.push(Box::new(move |_| fixed.clone()));
    let mut keys = vec![ch('/')];
    keys.extend(text("ben"));
    keys.extend([key(KeyCode::Enter), ch('e'), ch('N')]);
    keys.extend(text("A Rust contractor"));
    keys.push(key(KeyCode::Enter));
    let state = app.run(keys);
    let screen = app.screen();
    assert!(!screen.contains('⚠'), "{screen}");
    assert_eq!(
        state.status.map(|s| s.text).unwrap_or_default(),
        "need recorded"
    );
    let file = app.read("contacts/ben-carter.toml");
    assert!(file.contains("tags = [\"rust\""), "{file}");
    assert!(file.contains("A Rust contractor"), "{file}");
}
