//! The follow-up prompt in the whole TUI: a bare weekday is the coming one, the prompt shows
//! which day it understood before enter, and every example it offers is a day still to come.
//! The clock is fixed at Tuesday 2026-11-24 (`tui_support::NOW`).

use crate::tui_support;

use ratatui::crossterm::event::Event;
use ratatui::crossterm::event::KeyCode::Enter;
use tui_support::{App, ch, key};

fn follow_up_for_oliver(due: &str) -> Vec<Event> {
    script![
        ch('/'),
        "oliver",
        key(Enter),
        ch('F'),
        "Call back",
        key(Enter),
        due
    ]
}

#[test]
fn friday_in_the_follow_up_prompt_is_the_coming_friday() {
    let mut app = App::demo(120, 35);
    let state = app.run(follow_up_for_oliver("friday"));
    assert!(state.popup.is_some());
    let screen = app.screen();
    assert!(
        screen.contains("When is it due? (friday, in 2 weeks, 2026-12-01)"),
        "{screen}"
    );
    assert!(
        screen.contains("→ 2026-11-27, Friday, in 3 days"),
        "the day is shown before enter: {screen}"
    );

    let state = app.run(script![follow_up_for_oliver("friday"), key(Enter)]);
    assert!(state.popup.is_none());
    let file = app.read("contacts/oliver-brandt.toml");
    let tail = &file[file.rfind("[[follow_up]]").unwrap_or(0)..];
    assert!(tail.contains("what = \"Call back\""), "{file}");
    assert!(tail.contains("due = 2026-11-27"), "{file}");
    assert!(
        app.screen()
            .contains("follow-up due 2026-11-27 (Friday, in 3 days)"),
        "{}",
        app.screen()
    );
}

#[test]
fn today_s_name_is_today_and_next_is_a_week_on() {
    for (typed, due) in [("tuesday", "2026-11-24"), ("next tuesday", "2026-12-01")] {
        let mut app = App::demo(120, 35);
        app.run(script![follow_up_for_oliver(typed), key(Enter)]);
        let file = app.read("contacts/oliver-brandt.toml");
        let tail = &file[file.rfind("[[follow_up]]").unwrap_or(0)..];
        assert!(tail.contains(&format!("due = {due}")), "{typed}: {file}");
    }
}
