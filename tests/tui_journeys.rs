//! Whole-app journeys on a TestBackend: scripted keys against a temp copy of the demo
//! journal, then the TOML files are checked.

use crate::tui_support;

use ratatui::crossterm::event::KeyCode::{Enter, Esc, Tab};
use tui_support::{App, ch, key, tick};

fn select(who: &str) -> Vec<ratatui::crossterm::event::Event> {
    script![ch('/'), who, key(Enter)]
}

#[test]
fn search_and_select() {
    let mut app = App::demo(120, 35);
    let state = app.run(script![ch('/'), "kwame"]);
    assert!(state.searching);
    assert!(state.rows.len() < 25, "the filter narrows the list");
    assert_eq!(state.contact_sel, 0, "the selection follows the best match");
    let screen = app.screen();
    assert!(screen.contains("Timeline · Kwame Asante"), "{screen}");
    // The matched letters of the name are highlighted; the others are not.
    let row = screen
        .lines()
        .position(|l| l.contains("▶ Kwame Asante"))
        .unwrap();
    let buf = app.terminal.backend().buffer();
    let style = |x: u16| buf[(x, row as u16)].modifier;
    use ratatui::style::Modifier;
    assert!(style(3).contains(Modifier::UNDERLINED), "K is matched");
    assert!(
        !style(9).contains(Modifier::UNDERLINED),
        "the A of Asante is not"
    );
    let state = app.run(script![select("kwame"), key(Esc)]);
    // Esc clears the filter but keeps the person selected.
    assert!(state.query.is_empty());
    assert_eq!(state.rows.len(), 25);
    assert!(app.screen().contains("Timeline · Kwame Asante"));
}

#[test]
fn add_a_note_with_a_second_person() {
    let mut app = App::demo(120, 35);
    let state = app.run(script![
        select("kwame"),
        ch('n'),
        "Lunch by the canal with @lena",
        key(Tab), // accept the suggestion
        "about the grant",
        key(Tab), // kind: note -> coffee
        key(Enter),
    ]);
    assert!(state.capture.is_none());
    let month = app.read("journal/2026/2026-11.toml");
    let tail = &month[month.rfind("[[entry]]").unwrap()..];
    assert!(
        tail.contains("with = [\"kwame-asante\", \"lena-fischer\"]"),
        "{tail}"
    );
    assert!(tail.contains("kind = \"coffee\""), "{tail}");
    assert!(
        tail.contains("note = \"Lunch by the canal with @Lena Fischer about the grant\""),
        "{tail}"
    );
    assert!(tail.contains("at = 2026-11-24T14:26:00+01:00"), "{tail}");
    // Shown at the top of the timeline at once, and the draft is gone.
    let screen = app.screen();
    let first_row = screen.lines().nth(1).unwrap();
    assert!(
        first_row.contains("today") && first_row.contains("Lunch by the canal"),
        "{screen}"
    );
    assert!(screen.contains("saved coffee"));
    let drafts = std::fs::read_dir(app.path("drafts"))
        .map(|d| d.count())
        .unwrap_or(0);
    assert_eq!(drafts, 0);
}

#[test]
fn add_a_need_then_mark_it_met() {
    let mut app = App::demo(120, 35);
    app.run(script![
        select("oliver"),
        ch('N'),
        "A flat in Leipzig",
        key(Enter)
    ]);
    let file = app.read("contacts/oliver-brandt.toml");
    assert!(file.contains("what = \"A flat in Leipzig\""), "{file}");
    assert!(file.contains("since = 2026-11-24"), "{file}");
    assert!(file.contains("status = \"open\""), "{file}");
    let state = app.run(script![
        select("oliver"),
        key(Tab),
        key(Tab),
        ch('x'),
        "asked Jonas",
        key(Enter)
    ]);
    let file = app.read("contacts/oliver-brandt.toml");
    assert!(file.contains("status = \"met\""), "{file}");
    assert!(file.contains("how = \"asked Jonas\""), "{file}");
    assert!(file.contains("met_on = 2026-11-24"), "{file}");
    assert_eq!(state.status.unwrap().text, "need marked met");
}

#[test]
fn drop_a_need_asks_first() {
    let mut app = App::demo(120, 35);
    app.run(script![
        select("oliver"),
        ch('N'),
        "Movers",
        key(Enter),
        key(Tab),
        key(Tab),
        ch('d'),
        ch('n')
    ]);
    assert!(
        app.read("contacts/oliver-brandt.toml")
            .contains("status = \"open\"")
    );
    app.run(script![
        select("oliver"),
        key(Tab),
        key(Tab),
        ch('d'),
        ch('y')
    ]);
    assert!(
        app.read("contacts/oliver-brandt.toml")
            .contains("status = \"dropped\"")
    );
}

#[test]
fn add_a_contact_and_a_follow_up() {
    let mut app = App::demo(120, 35);
    let state = app.run(script![
        ch('a'),
        "Ada Lovelace",
        key(Enter),
        ch('F'),
        "Send the Menabrea notes",
        key(Enter),
        "2026-12-01",
        key(Enter),
    ]);
    let file = app.read("contacts/ada-lovelace.toml");
    assert!(file.contains("name = \"Ada Lovelace\""), "{file}");
    assert!(
        file.contains("what = \"Send the Menabrea notes\""),
        "{file}"
    );
    assert!(file.contains("due = 2026-12-01"), "{file}");
    assert_eq!(state.rows.len(), 26);
    assert!(app.screen().contains("Timeline · Ada Lovelace"));
}

#[test]
fn a_bad_follow_up_date_is_asked_again() {
    let mut app = App::demo(120, 35);
    let state = app.run(script![
        select("oliver"),
        ch('F'),
        "Call back",
        key(Enter),
        "someday soon",
        key(Enter)
    ]);
    assert!(state.popup.is_some(), "the question stays open");
    assert!(
        !app.read("contacts/oliver-brandt.toml")
            .contains("Call back")
    );
}

#[test]
fn a_draft_survives_and_is_restored_on_the_next_start() {
    let mut app = App::demo(120, 35);
    // The app stops mid-typing (as if killed after the last tick).
    app.run(script![select("kwame"), ch('n'), "Half a thought", tick()]);
    let drafts: Vec<_> = std::fs::read_dir(app.path("drafts")).unwrap().collect();
    assert_eq!(drafts.len(), 1);
    let draft = std::fs::read_to_string(drafts[0].as_ref().unwrap().path()).unwrap();
    assert!(draft.contains("Half a thought"), "{draft}");
    app.run(vec![]);
    assert!(
        app.screen().contains("Unsaved note from last time"),
        "{}",
        app.screen()
    );
    app.run(script![ch('r'), " and the rest", key(Enter)]);
    let month = app.read("journal/2026/2026-11.toml");
    assert!(
        month.contains("note = \"Half a thought and the rest\""),
        "{month}"
    );
    assert_eq!(std::fs::read_dir(app.path("drafts")).unwrap().count(), 0);
}

#[test]
fn escape_asks_before_discarding_a_note() {
    let mut app = App::demo(120, 35);
    let state = app.run(script![
        select("kwame"),
        ch('n'),
        "keep me",
        key(Esc),
        ch('n')
    ]);
    assert_eq!(state.capture.unwrap().editor.text(), "keep me");
    let state = app.run(script![
        ch('d'),
        select("kwame"),
        ch('n'),
        "drop me",
        tick(),
        key(Esc),
        ch('y')
    ]);
    assert!(state.capture.is_none());
    assert_eq!(std::fs::read_dir(app.path("drafts")).unwrap().count(), 0);
}

#[test]
fn a_broken_edit_is_kept_and_can_be_fixed() {
    let mut app = App::demo(120, 35);
    let breaks = |t: &str| t.replace("name = \"Oliver Brandt\"", "name = \"Oliver");
    app.host.edits.push(Box::new(breaks));
    let before = app.read("contacts/oliver-brandt.toml");
    let state = app.run(script![select("oliver"), ch('e')]);
    assert!(
        app.screen().contains("The edit does not parse"),
        "{}",
        app.screen()
    );
    assert!(
        app.screen()
            .contains("line 1, column 15: this string is never closed"),
        "{}",
        app.screen()
    );
    assert!(state.popup.is_some());
    assert_eq!(
        app.read("contacts/oliver-brandt.toml"),
        before,
        "nothing written yet"
    );
    app.host.edits.push(Box::new(breaks));
    app.host.edits.push(Box::new(|t: &str| {
        assert!(
            t.contains("name = \"Oliver\n"),
            "edit again starts from the broken text: {t}"
        );
        t.replace("name = \"Oliver\n", "name = \"Oliver B.\"\n")
    }));
    app.run(script![select("oliver"), ch('e'), ch('e')]);
    assert!(
        app.read("contacts/oliver-brandt.toml")
            .contains("name = \"Oliver B.\"")
    );
}

#[test]
fn editing_an_entry_in_the_editor() {
    let mut app = App::demo(120, 35);
    app.host.edits.push(Box::new(|t: &str| {
        t.replace("kind = \"", "kind = \"call\"\nold_kind = \"")
    }));
    app.run(script![select("oliver"), key(Tab), ch('E')]);
    let screen = app.screen();
    assert!(screen.contains("entry saved"), "{screen}");
    let row = screen.lines().nth(1).unwrap();
    assert!(row.contains("call"), "{screen}");
}

#[test]
fn an_entry_written_by_someone_else_shows_after_saving() {
    use ratatui::crossterm::event::Event;
    let mut app = App::demo(120, 35);
    let month = app.path("journal/2026/2026-11.toml");
    let other = "\n[[entry]]\nid = \"2026-11-24-1300-kwame\"\nat = 2026-11-24T13:00:00+01:00\nwith = [\"kwame-asante\"]\nkind = \"call\"\nnote = \"Theirs\"\n";
    // Events are read lazily, so the file changes while rolo runs, between two key presses.
    let script = script![
        select("kwame"),
        ch('n'),
        "Mine",
        Event::FocusGained,
        key(Enter)
    ];
    let events = script.into_iter().map(|e| {
        if e == Event::FocusGained {
            let mut text = std::fs::read_to_string(&month).unwrap();
            text.push_str(other);
            std::fs::write(&month, text).unwrap();
            return Ok(None);
        }
        Ok(Some(e))
    });
    let store = rolo::store::Store::on_disk(app.dir.path());
    let mut journal = rolo::journal::Journal::new(store.load().unwrap());
    let keymap = rolo::keymap::Keymap::default();
    rolo::app::run_app(
        &mut app.terminal,
        &store,
        &mut journal,
        &keymap,
        events,
        &mut app.host,
    )
    .unwrap();
    let screen = app.screen();
    let rows: Vec<&str> = screen.lines().skip(1).take(2).collect();
    assert!(
        rows[0].contains("Mine") && rows[1].contains("Theirs"),
        "{screen}"
    );
    let text = app.read("journal/2026/2026-11.toml");
    assert!(
        text.contains("note = \"Mine\"") && text.contains("note = \"Theirs\""),
        "{text}"
    );
}
