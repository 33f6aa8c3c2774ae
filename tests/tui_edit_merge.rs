//! `e` and `E` while something else writes the same file: what the person changed in the
//! editor is applied to the file as it is when they save, key by key (needs and follow-ups by
//! number), and a key changed on both sides keeps the file's value and reopens the editor with
//! both values shown (issue 12, item 1). The outside writes are the real `rolo` binary run as a
//! second process, or a hand edit in place, made while the fake `$EDITOR` is "open".

use crate::tui_support;

use ratatui::crossterm::event::KeyCode::{Enter, Tab};
use std::cell::RefCell;
use std::path::{Path, PathBuf};
use std::rc::Rc;
use tui_support::outside::rolo_cli;
use tui_support::{App, ch, key};

const ADA: &str = "contacts/ada.toml";

const CARD: &str = "\
# Ada, by hand
name = \"Ada Lovelace\"
company = \"Analytical Engines\"  # since 1843

[[need]]
id = 1
what = \"A publisher for her notes\"
since = 2026-11-02
status = \"open\"
";

fn app() -> App {
    let app = App::empty(120, 35);
    std::fs::create_dir_all(app.path("contacts")).unwrap();
    std::fs::create_dir_all(app.path("journal/2026")).unwrap();
    std::fs::write(app.path(ADA), CARD).unwrap();
    app
}

fn edit_ada() -> Vec<ratatui::crossterm::event::Event> {
    script![ch('/'), "ada", key(Enter), ch('e')]
}

/// The texts the editor was opened with, one per session, for the test to read afterwards.
type Log = Rc<RefCell<Vec<String>>>;

fn shown() -> (Log, Log) {
    let seen = Rc::new(RefCell::new(Vec::new()));
    (Rc::clone(&seen), seen)
}

#[test]
fn e_keeps_a_need_and_a_follow_up_written_by_the_cli_while_the_editor_was_open() {
    let mut app = app();
    let dir: PathBuf = app.dir.path().to_path_buf();
    app.host.edits.push(Box::new(move |t: &str| {
        rolo_cli(&dir, &["need", "ada", "need two"]);
        rolo_cli(&dir, &["followup", "ada", "p", "--due", "tomorrow"]);
        t.replace("\"Analytical Engines\"", "\"Babbage & Co\"")
    }));
    app.run(edit_ada());
    let file = app.read(ADA);
    assert!(file.contains("what = \"need two\""), "{file}");
    assert!(file.contains("[[follow_up]]"), "{file}");
    assert!(file.contains("what = \"p\""), "{file}");
    assert!(
        file.contains("company = \"Babbage & Co\"  # since 1843"),
        "{file}"
    );
    assert!(file.starts_with("# Ada, by hand\n"), "{file}");
    let screen = app.screen();
    assert!(screen.contains("saved Ada Lovelace"), "{screen}");
    assert!(
        screen.contains("need two"),
        "the needs pane shows it:\n{screen}"
    );
}

#[test]
fn e_a_need_added_on_both_sides_keeps_both_and_renumbers_the_editors() {
    let mut app = app();
    let dir: PathBuf = app.dir.path().to_path_buf();
    app.host.edits.push(Box::new(move |t: &str| {
        rolo_cli(&dir, &["need", "ada", "need two"]);
        format!("{t}\n[[need]]\nid = 2\nwhat = \"beta readers\"\nsince = 2026-11-20\n")
    }));
    app.run(edit_ada());
    let file = app.read(ADA);
    let store = rolo::store::Store::on_disk(app.dir.path());
    let ada = store.load().unwrap().contacts.into_iter().next().unwrap();
    let needs: Vec<(u32, &str)> = ada.needs.iter().map(|n| (n.id, n.what.as_str())).collect();
    assert_eq!(
        needs,
        vec![
            (1, "A publisher for her notes"),
            (2, "need two"),
            (3, "beta readers")
        ],
        "{file}"
    );
    let screen = app.screen();
    assert!(screen.contains("#3"), "the renumbering is told:\n{screen}");
}

/// Both sides changed need #1's status: the file keeps the CLI's, the other change in the
/// editor (the company) is saved, and the editor reopens naming the key and both values.
fn conflict_on_need_one(
    app: &mut App,
    second: impl FnMut(&str) -> String + 'static,
) -> Vec<String> {
    let dir: PathBuf = app.dir.path().to_path_buf();
    let (seen, log) = shown();
    app.host.edits.push(Box::new(move |t: &str| {
        rolo_cli(&dir, &["met", "ada", "1", "--how", "via John Murray"]);
        t.replace("status = \"open\"", "status = \"dropped\"")
            .replace("\"Analytical Engines\"", "\"Babbage & Co\"")
    }));
    let mut second = second;
    app.host.edits.push(Box::new(move |t: &str| {
        log.borrow_mut().push(t.to_string());
        second(t)
    }));
    app.run(edit_ada());
    seen.borrow().clone()
}

#[test]
fn e_a_key_changed_on_both_sides_keeps_the_files_value_and_reopens_with_both() {
    let mut app = app();
    let reopened = conflict_on_need_one(&mut app, |t| t.to_string());
    assert_eq!(reopened.len(), 1, "the editor reopened once");
    let again = &reopened[0];
    assert!(again.contains("need #1"), "{again}");
    assert!(again.contains("status"), "{again}");
    assert!(again.contains("\"dropped\""), "yours is shown:\n{again}");
    assert!(again.contains("\"met\""), "the file's is shown:\n{again}");
    let file = app.read(ADA);
    assert!(file.contains("status = \"met\""), "{file}");
    assert!(file.contains("how = \"via John Murray\""), "{file}");
    assert!(file.contains("\"Babbage & Co\""), "{file}");
    assert!(
        !file.contains("# rolo"),
        "the explanation is not saved:\n{file}"
    );
    let screen = app.screen();
    assert!(
        screen.contains("kept the file's need #1 status"),
        "{screen}"
    );
}

#[test]
fn e_after_a_conflict_the_person_can_still_choose_their_value() {
    let mut app = app();
    conflict_on_need_one(&mut app, |t| {
        t.replace("status = \"met\"", "status = \"dropped\"")
    });
    let file = app.read(ADA);
    assert!(file.contains("status = \"dropped\""), "{file}");
    assert!(file.contains("how = \"via John Murray\""), "{file}");
    assert!(file.contains("\"Babbage & Co\""), "{file}");
    assert!(!file.contains("# rolo"), "{file}");
    assert!(
        app.screen().contains("saved Ada Lovelace"),
        "{}",
        app.screen()
    );
}

const SEPT: &str = "journal/2026/2026-09.toml";

const MONTH: &str = "\
[[entry]]
id = \"2026-09-10-0900-ada\"
at = 2026-09-10T09:00:00+02:00
with = [\"ada\"]
kind = \"coffee\"
note = \"Talked about the Engine\"
gave = \"an intro to Murray\"

[[entry]]
id = \"2026-09-20-1000-ada\"
at = 2026-09-20T10:00:00+02:00
with = [\"ada\"]
kind = \"call\"
note = \"Second call\"
";

fn app_with_month() -> App {
    let app = app();
    std::fs::write(app.path(SEPT), MONTH).unwrap();
    app
}

/// `E` on the older of Ada's two entries (the timeline is newest first).
fn edit_first_entry() -> Vec<ratatui::crossterm::event::Event> {
    script![ch('/'), "ada", key(Enter), key(Tab), ch('j'), ch('E')]
}

/// A hand edit in place (as nano or VS Code save), which rolo's watcher may not notice.
fn in_place(path: &Path, from: &str, to: &str) {
    let text = std::fs::read_to_string(path).unwrap();
    assert!(text.contains(from), "{text}");
    std::fs::write(path, text.replace(from, to)).unwrap();
}

#[test]
fn big_e_keeps_a_gave_and_another_entry_changed_in_place_meanwhile() {
    let mut app = app_with_month();
    let month = app.path(SEPT);
    app.host.edits.push(Box::new(move |t: &str| {
        in_place(&month, "an intro to Murray", "an intro to John Murray");
        in_place(&month, "Second call", "Second call, about Babbage");
        t.replace(
            "Talked about the Engine",
            "Talked about the Analytical Engine",
        )
    }));
    app.run(edit_first_entry());
    let file = app.read(SEPT);
    assert!(
        file.contains("gave = \"an intro to John Murray\""),
        "{file}"
    );
    assert!(
        file.contains("Talked about the Analytical Engine"),
        "{file}"
    );
    assert!(file.contains("Second call, about Babbage"), "{file}");
    let screen = app.screen();
    assert!(screen.contains("entry saved"), "{screen}");
    assert!(
        screen.contains("Second call, about Babbage"),
        "the timeline shows the outside change too:\n{screen}"
    );
}

#[test]
fn big_e_a_gave_changed_on_both_sides_keeps_the_files_and_reopens() {
    let mut app = app_with_month();
    let month = app.path(SEPT);
    let (seen, log) = shown();
    app.host.edits.push(Box::new(move |t: &str| {
        in_place(&month, "an intro to Murray", "an intro to John Murray");
        t.replace("an intro to Murray", "a copy of the Menabrea paper")
            .replace(
                "Talked about the Engine",
                "Talked about the Analytical Engine",
            )
    }));
    app.host.edits.push(Box::new(move |t: &str| {
        log.borrow_mut().push(t.to_string());
        t.to_string()
    }));
    app.run(edit_first_entry());
    let file = app.read(SEPT);
    assert!(
        file.contains("gave = \"an intro to John Murray\""),
        "{file}"
    );
    assert!(
        file.contains("Talked about the Analytical Engine"),
        "{file}"
    );
    assert!(!file.contains("# rolo"), "{file}");
    let reopened = seen.borrow();
    assert_eq!(reopened.len(), 1, "the editor reopened once");
    assert!(reopened[0].contains("gave"), "{}", reopened[0]);
    assert!(
        reopened[0].contains("\"a copy of the Menabrea paper\""),
        "{}",
        reopened[0]
    );
    assert!(
        reopened[0].contains("\"an intro to John Murray\""),
        "{}",
        reopened[0]
    );
}

/// A text that does not parse is kept in the "edit again" popup with the text the editor first
/// opened on, so a need added meanwhile is still merged, not reverted, when it is saved later.
#[test]
fn e_edit_again_after_a_mistake_still_keeps_what_changed_outside() {
    let mut app = app();
    let dir: PathBuf = app.dir.path().to_path_buf();
    app.host.edits.push(Box::new(move |t: &str| {
        rolo_cli(&dir, &["need", "ada", "need two"]);
        t.replace("\"Analytical Engines\"", "\"Babbage & Co\"") + "oops =\n"
    }));
    app.host
        .edits
        .push(Box::new(|t: &str| t.replace("oops =\n", "")));
    let state = app.run(script![edit_ada(), ch('e')]);
    assert!(state.popup.is_none(), "{:?}", state.popup);
    let file = app.read(ADA);
    assert!(file.contains("what = \"need two\""), "{file}");
    assert!(file.contains("\"Babbage & Co\""), "{file}");
    assert!(
        app.screen().contains("saved Ada Lovelace"),
        "{}",
        app.screen()
    );
}
