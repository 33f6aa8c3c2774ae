//! The screens of issue 15 at 120×35, 80×24 and 60×20, on the demo journal and a fixed clock:
//! a person's card beside their needs and promises, a long need and a long note shown whole,
//! promises (yours, theirs, overdue), a need opened with Enter, the welcome on an empty
//! journal, and the footer down to 40 columns.

use crate::tui_support;

use ratatui::crossterm::event::Event;
use ratatui::crossterm::event::KeyCode::{Enter, Esc, Tab};
use ratatui::style::{Color, Modifier};
use tui_support::{App, ch, key};

const SIZES: [(u16, u16); 3] = [(120, 35), (80, 24), (60, 20)];

fn snap_on(name: &str, make: impl Fn(u16, u16) -> App, events: Vec<Event>) {
    for (w, h) in SIZES {
        let mut app = make(w, h);
        app.run(events.clone());
        insta::assert_snapshot!(format!("{name}_{w}x{h}"), app.screen());
    }
}

fn snap(name: &str, events: Vec<Event>) {
    snap_on(name, App::demo, events);
}

fn select(who: &str) -> Vec<Event> {
    script![ch('/'), who, key(Enter)]
}

/// The demo with Inès's need put in many more words, and a long note with her.
fn with_long_texts(w: u16, h: u16) -> App {
    let app = App::demo(w, h);
    let path = app.path("contacts/ines-moreau.toml");
    let text = std::fs::read_to_string(&path).unwrap();
    let text = text.replace(
        "what = \"A data engineer to clean a dataset of 400 municipal heat plans\"",
        "what = \"A data engineer to clean a dataset of 400 municipal heat plans before the ministry's deadline in February, ideally someone who has worked with messy PDFs from small towns and can explain the method to a room of planners\"",
    );
    std::fs::write(&path, text).unwrap();
    let month = app.path("journal/2026/2026-11.toml");
    let mut text = std::fs::read_to_string(&month).unwrap();
    text.push_str(
        "\n[[entry]]\nid = \"2026-11-23-1800-ines\"\nat = 2026-11-23T18:00:00+01:00\nwith = [\"ines-moreau\"]\nkind = \"call\"\nnote = \"\"\"\nLong call with Inès about the heat plans. The ministry wants every town's plan in one format by February, and half of them are scanned PDFs with hand-drawn maps.\n\nShe asked whether I know anyone who has done this kind of cleaning before; I thought of Priya's team and of the Lieferpunkt data people.\n\"\"\"\ngave = \"Promised to ask Priya about her data engineers\"\n",
    );
    std::fs::write(&month, text).unwrap();
    app
}

#[test]
fn a_persons_card_beside_their_needs_and_promises() {
    // Aiko: role, rhythm past due, a birthday soon, email, tags, how you met, notes.
    snap("card_aiko", select("aiko"));
    // At 60 columns the card shares the third pane with the needs and promises.
    snap(
        "card_aiko_pane",
        script![select("aiko"), key(Tab), key(Tab)],
    );
}

#[test]
fn promises_yours_and_theirs_numbered_with_the_overdue_one_standing_out() {
    snap(
        "promises_klaus",
        script![select("klaus"), key(Tab), key(Tab), ch('G')],
    );
    // The overdue promise's tail is in the overdue colour and bold.
    let mut app = App::demo(120, 35);
    app.run(script![select("klaus")]);
    let screen = app.screen();
    let row = screen
        .lines()
        .position(|l| l.contains("2w late"))
        .unwrap_or_else(|| panic!("no late promise:\n{screen}"));
    let buf = app.terminal.backend().buffer();
    let late = (0..buf.area.width)
        .map(|x| &buf[(x, u16::try_from(row).unwrap())])
        .find(|c| c.symbol() == "l" && c.fg == Color::Red)
        .unwrap_or_else(|| panic!("no red \"late\" on row {row}:\n{screen}"));
    assert!(late.modifier.contains(Modifier::BOLD));
    // The one not late is quiet.
    let row = screen.lines().position(|l| l.contains("in 3w")).unwrap();
    let quiet = (0..buf.area.width)
        .map(|x| &buf[(x, u16::try_from(row).unwrap())])
        .find(|c| c.symbol() == "3")
        .unwrap();
    assert_eq!(quiet.fg, Color::DarkGray);
}

#[test]
fn a_long_need_and_a_long_note_are_shown_whole() {
    snap_on(
        "long_need",
        with_long_texts,
        script![select("inès"), key(Tab), key(Tab)],
    );
    snap_on(
        "long_note",
        with_long_texts,
        script![select("inès"), key(Tab)],
    );
}

#[test]
fn enter_on_a_need_opens_it() {
    snap(
        "need_detail",
        script![select("jonas"), key(Tab), key(Tab), key(Enter)],
    );
    // A met need says how it was met.
    snap(
        "need_detail_met",
        script![select("aiko"), key(Tab), key(Tab), ch('j'), key(Enter)],
    );
}

#[test]
fn the_follow_up_question_switches_between_yours_and_theirs() {
    snap(
        "promise_theirs_question",
        script![select("oliver"), ch('F'), "Send me the deck", key(Tab)],
    );
}

#[test]
fn the_welcome_on_an_empty_journal() {
    snap_on("welcome", App::empty, vec![]);
}

#[test]
fn every_open_need_says_whose_it_is() {
    snap("needs_everyone_whose", script![key(Tab), key(Tab), ch('o')]);
}

#[test]
fn the_footer_keeps_help_and_quit_at_every_width() {
    for w in [120, 80, 60, 50, 40] {
        let mut app = App::demo(w, 20);
        for (keys, out) in [
            (Vec::new(), "q quit"),
            (script![ch('b')], "esc close"),
            (script![ch('T')], "esc close"),
            (script![key(Tab), key(Tab), key(Enter)], "esc close"),
            (script![ch('n')], "esc cancel"),
        ] {
            app.run(keys);
            let screen = app.screen();
            let footer = screen.lines().last().unwrap();
            assert!(footer.contains(out), "{w} columns: {footer:?}");
            if out == "q quit" {
                assert!(footer.contains("? help"), "{w} columns: {footer:?}");
            }
            app.run(script![key(Esc), key(Esc)]);
        }
    }
}
