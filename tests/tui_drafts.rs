//! A restored draft keeps the time it was begun: shown while writing, changeable, and the
//! time the entry is saved at (issue 11, item 6).

use crate::tui_support;

use chrono::{DateTime, FixedOffset};
use ratatui::crossterm::event::KeyCode::{Backspace, Enter, Esc};
use ratatui::crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};
use tui_support::{App, ch, key, tick};

const MONTH: &str = "journal/2026/2026-11.toml";

fn at(s: &str) -> DateTime<FixedOffset> {
    DateTime::parse_from_rfc3339(s).unwrap()
}

fn ctrl_t() -> Event {
    Event::Key(KeyEvent::new(KeyCode::Char('t'), KeyModifiers::CONTROL))
}

/// A note to Kwame begun yesterday at 14:05 (the fake clock), left as a draft; today is
/// Tuesday 24 November, 14:26.
fn draft_from_yesterday() -> App {
    let mut app = App::demo(120, 35);
    app.host.now = at("2026-11-23T14:05:00+01:00");
    app.run(script![
        ch('/'),
        "kwame",
        key(Enter),
        ch('n'),
        "Half a thought",
        tick()
    ]);
    app.host.now = tui_support::now();
    app
}

fn drafts_left(app: &App) -> usize {
    std::fs::read_dir(app.path("drafts")).unwrap().count()
}

#[test]
fn a_draft_restored_today_is_saved_at_yesterdays_time() {
    let mut app = draft_from_yesterday();
    app.run(script![ch('r')]);
    let screen = app.screen();
    assert!(screen.contains("started Mon 23 Nov 14:05"), "{screen}");
    insta::assert_snapshot!("restored_draft_shows_its_time", screen);
    app.run(script![ch('r'), " and the rest", key(Enter)]);
    let month = app.read(MONTH);
    let ours = month
        .split("[[entry]]")
        .find(|e| e.contains("Half a thought and the rest"))
        .unwrap_or_else(|| panic!("{month}"));
    assert!(ours.contains("at = 2026-11-23T14:05:00+01:00"), "{ours}");
    assert!(ours.contains("id = \"2026-11-23-1405-kwame"), "{ours}");
    assert_eq!(drafts_left(&app), 0);
}

#[test]
fn the_time_can_be_changed_before_saving() {
    let mut app = draft_from_yesterday();
    let clear: Vec<Event> = (0..20).map(|_| key(Backspace)).collect();
    let state = app.run(script![
        ch('r'),
        ctrl_t(),
        clear.clone(),
        "tomorrow",
        key(Enter)
    ]);
    let screen = app.screen();
    assert!(screen.contains("is still to come"), "{screen}");
    assert!(state.popup.is_some(), "asked again");
    app.run(script![
        ch('r'),
        ctrl_t(),
        clear.clone(),
        "someday",
        key(Enter)
    ]);
    assert!(app.screen().contains("cannot read"), "{}", app.screen());
    let state = app.run(script![
        ch('r'),
        ctrl_t(),
        clear,
        "yesterday 18:00",
        key(Enter)
    ]);
    assert!(state.popup.is_none());
    let screen = app.screen();
    assert!(screen.contains("started Mon 23 Nov 18:00"), "{screen}");
    // The draft on disk follows, and stays one file.
    app.run(script![ch('r'), ctrl_t(), key(Esc), tick()]);
    assert_eq!(drafts_left(&app), 1);
    app.run(script![ch('r'), key(Enter)]);
    let month = app.read(MONTH);
    assert!(month.contains("at = 2026-11-23T18:00:00+01:00"), "{month}");
    assert_eq!(drafts_left(&app), 0);
}

#[test]
fn a_bare_date_keeps_the_time_of_day() {
    let mut app = draft_from_yesterday();
    let clear: Vec<Event> = (0..20).map(|_| key(Backspace)).collect();
    app.run(script![
        ch('r'),
        ctrl_t(),
        clear,
        "2026-11-20",
        key(Enter),
        key(Enter)
    ]);
    let month = app.read(MONTH);
    assert!(month.contains("at = 2026-11-20T14:05:00+01:00"), "{month}");
}

#[test]
fn a_draft_without_a_start_time_is_dated_by_its_file() {
    let mut app = App::demo(120, 35);
    std::fs::create_dir_all(app.path("drafts")).unwrap();
    let file = app.path("drafts/kwame-asante-old.toml");
    std::fs::write(
        &file,
        "with = [\"kwame-asante\"]\nkind = \"call\"\nnote = \"An old thought\"\n",
    )
    .unwrap();
    let written = at("2026-11-22T09:30:00+00:00");
    std::fs::File::options()
        .write(true)
        .open(&file)
        .unwrap()
        .set_modified(written.into())
        .unwrap();
    app.run(vec![]);
    assert!(
        app.screen().contains("Unsaved note from last time"),
        "{}",
        app.screen()
    );
    app.run(script![ch('r'), key(Enter)]);
    let store = rolo::store::Store::on_disk(app.dir.path());
    let journal = rolo::journal::Journal::new(store.load().unwrap());
    let entry = journal
        .timeline()
        .find(|e| e.note == "An old thought")
        .expect("saved");
    assert_eq!(entry.at, written, "dated when the file was last written");
    assert_eq!(
        drafts_left(&app),
        0,
        "the old file is removed by its own name"
    );
}
