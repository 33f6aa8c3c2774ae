//! `E` edits an entry in `$EDITOR` as its month file has it: every key, known or not, is shown,
//! and every key the person adds or keeps is written back (issue 11, item 4).

use crate::tui_support;

use ratatui::crossterm::event::KeyCode::{Enter, Tab};
use std::cell::RefCell;
use std::rc::Rc;
use tui_support::{App, ch, key};

const MONTH: &str = "journal/2026/2026-11.toml";

fn app() -> App {
    let app = App::empty(120, 35);
    std::fs::create_dir_all(app.path("contacts")).unwrap();
    std::fs::create_dir_all(app.path("journal/2026")).unwrap();
    std::fs::write(app.path("contacts/ada.toml"), "name = \"Ada Lovelace\"\n").unwrap();
    std::fs::write(
        app.path(MONTH),
        "[[entry]]\n\
         id = \"2026-11-20-0900-ada\"\n\
         at = 2026-11-20T09:00:00+01:00\n\
         with = [\"ada\"]\n\
         kind = \"coffee\"  # at the Royal Society\n\
         note = \"Talked about the Engine\"\n\
         mood = \"bright\"\n",
    )
    .unwrap();
    app
}

fn edit_entry() -> Vec<ratatui::crossterm::event::Event> {
    script![ch('/'), "ada", key(Enter), key(Tab), ch('E')]
}

#[test]
fn the_editor_shows_unknown_keys_and_keeps_an_added_one() {
    let mut app = app();
    let shown = Rc::new(RefCell::new(String::new()));
    let seen = Rc::clone(&shown);
    app.host.edits.push(Box::new(move |t: &str| {
        *seen.borrow_mut() = t.to_string();
        t.replace(
            "note = \"Talked about the Engine\"",
            "note = \"Talked about the Engine\"\nlocation = \"Oslo\"",
        )
    }));
    app.run(edit_entry());
    let shown = shown.borrow().clone();
    assert!(shown.contains("mood = \"bright\""), "{shown}");
    assert!(shown.contains("# at the Royal Society"), "{shown}");
    assert!(app.screen().contains("entry saved"), "{}", app.screen());
    let file = app.read(MONTH);
    assert!(file.contains("location = \"Oslo\""), "{file}");
    assert!(file.contains("mood = \"bright\""), "{file}");

    // Later, unrelated saves: a new note in the same month, then the note of this entry
    // edited again. Both keys stay, and the second edit shows the added key too.
    app.run(script![
        ch('/'),
        "ada",
        key(Enter),
        ch('n'),
        "Tea",
        key(Enter)
    ]);
    app.host.edits.push(Box::new(|t: &str| {
        assert!(t.contains("location = \"Oslo\""), "{t}");
        t.replace("the Engine", "the Analytical Engine")
    }));
    app.run(script![
        ch('/'),
        "ada",
        key(Enter),
        key(Tab),
        ch('j'),
        ch('E')
    ]);
    let file = app.read(MONTH);
    assert!(file.contains("the Analytical Engine"), "{file}");
    assert!(file.contains("note = \"Tea\""), "{file}");
    assert!(file.contains("location = \"Oslo\""), "{file}");
    assert!(file.contains("mood = \"bright\""), "{file}");
    assert!(file.contains("# at the Royal Society"), "{file}");
}

#[test]
fn an_edit_that_moves_a_key_outside_the_entry_is_refused_and_kept() {
    let mut app = app();
    let before = app.read(MONTH);
    app.host
        .edits
        .push(Box::new(|t: &str| format!("location = \"Oslo\"\n{t}")));
    let state = app.run(edit_entry());
    let screen = app.screen();
    assert!(
        screen.contains("`location` is above the [[entry]] line"),
        "{screen}"
    );
    assert!(state.popup.is_some(), "edit again or revert is offered");
    assert_eq!(app.read(MONTH), before, "nothing written");
}
