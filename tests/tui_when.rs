//! The note editor's "when" field at 120×35, 80×24 and 60×20: shown as now, asked with
//! ctrl-t in the note's own box (typing over the time shown), what it reads as, a bad answer
//! explained with the note kept; and a paste with line breaks, through the loop.

use crate::tui_support;

use ratatui::crossterm::event::KeyCode::{Enter, Esc};
use ratatui::crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};
use rolo::journal::Journal;
use rolo::store::Store;
use tui_support::{App, ch, key};

const SIZES: [(u16, u16); 3] = [(120, 35), (80, 24), (60, 20)];

fn ctrl_t() -> Event {
    Event::Key(KeyEvent::new(KeyCode::Char('t'), KeyModifiers::CONTROL))
}

fn snap(name: &str, events: Vec<Event>) {
    for (w, h) in SIZES {
        let mut app = App::demo(w, h);
        app.run(events.clone());
        insta::assert_snapshot!(format!("{name}_{w}x{h}"), app.screen());
    }
}

fn saved(app: &App, note: &str) -> Vec<rolo::model::Entry> {
    let journal = Journal::new(Store::on_disk(app.dir.path()).load().unwrap());
    journal
        .timeline()
        .filter(|e| e.note.contains(note))
        .cloned()
        .collect()
}

#[test]
fn the_when_field_on_screen() {
    snap("when_now", script![ch('n'), "Coffee at the Maifeld"]);
    snap(
        "when_asking",
        script![ch('n'), "Coffee at the Maifeld", ctrl_t()],
    );
    snap(
        "when_typed",
        script![
            ch('n'),
            "Coffee at the Maifeld",
            ctrl_t(),
            "yesterday 18:00"
        ],
    );
    snap(
        "when_refused",
        script![ch('n'), "Coffee", ctrl_t(), "next friday", key(Enter)],
    );
    snap(
        "when_set",
        script![ch('n'), "Coffee", ctrl_t(), "2 hours ago", key(Enter)],
    );
}

#[test]
fn each_form_dates_the_note_it_saves() {
    // Tuesday 24 November 2026, 14:26, in +01:00.
    for (typed, at) in [
        ("yesterday 18:00", "2026-11-23T18:00:00+01:00"),
        ("friday", "2026-11-20T14:26:00+01:00"),
        ("2 hours ago", "2026-11-24T12:26:00+01:00"),
        ("3 days ago", "2026-11-21T14:26:00+01:00"),
        ("25 Oct", "2026-10-25T14:26:00+01:00"),
        ("2026-10-25 14:00", "2026-10-25T14:00:00+01:00"),
    ] {
        let mut app = App::demo(120, 35);
        let note = format!("Dated {typed}");
        app.run(script![
            ch('n'),
            note.as_str(),
            ctrl_t(),
            typed,
            key(Enter),
            key(Enter)
        ]);
        let found = saved(&app, &note);
        assert_eq!(found.len(), 1, "{typed}: {}", app.screen());
        assert_eq!(found[0].at.to_rfc3339(), at, "{typed}");
    }
}

#[test]
fn a_bad_when_says_why_and_keeps_the_note() {
    let mut app = App::demo(80, 24);
    let state = app.run(script![ch('n'), "Keep me", ctrl_t(), "blurday", key(Enter)]);
    assert!(
        app.screen().contains("cannot read \"blurday\""),
        "{}",
        app.screen()
    );
    assert!(app.screen().contains("Keep me"), "{}", app.screen());
    assert!(state.popup.is_some(), "asked again");
    let mut app = App::demo(80, 24);
    let state = app.run(script![
        ch('n'),
        "Keep me",
        ctrl_t(),
        "blurday",
        key(Enter),
        key(Esc)
    ]);
    assert_eq!(state.popup, None);
    let cap = state.capture.expect("the note is still open");
    assert_eq!(cap.editor.text(), "Keep me");
}

#[test]
fn a_paste_keeps_its_line_breaks_whichever_kind() {
    let mut app = App::demo(120, 35);
    app.run(script![
        ch('n'),
        Event::Paste("Uno\nDos\r\nTres\rCuatro".into()),
        key(Enter)
    ]);
    let found = saved(&app, "Uno\n");
    assert_eq!(found.len(), 1, "{}", app.screen());
    assert_eq!(found[0].note.trim_end(), "Uno\nDos\nTres\nCuatro");
}
