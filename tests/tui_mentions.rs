//! `@name` in the note editor links only the person the note names: a word that fits no one
//! (or several) stays plain text, the editor marks it, and Enter never adds anyone else.

use crate::tui_support;

use ratatui::crossterm::event::KeyCode::{Enter, Tab};
use ratatui::style::{Color, Modifier};
use tui_support::{App, ch, key};

fn select(who: &str) -> Vec<ratatui::crossterm::event::Event> {
    script![ch('/'), who, key(Enter)]
}

fn last_entry(app: &App) -> String {
    let month = app.read("journal/2026/2026-11.toml");
    month[month.rfind("[[entry]]").unwrap()..].to_string()
}

#[test]
fn an_unknown_mention_shows_as_not_linked_before_saving() {
    let mut app = App::demo(120, 35);
    app.run(script![select("priya"), ch('n'), "Met @sarah at the fair"]);
    let screen = app.screen();
    assert!(
        screen.contains("@sarah: no one by that name — not linked"),
        "{screen}"
    );
    // The title lists who the note is with: Priya only.
    assert!(screen.contains("Note · Priya Raman · note"), "{screen}");
    // The word itself is marked in the text.
    let (row, line) = screen
        .lines()
        .enumerate()
        .find(|(_, l)| l.contains("Met @sarah at"))
        .unwrap();
    let x = line.find("@sarah").unwrap() as u16;
    let cell = &app.terminal.backend().buffer()[(x + 1, row as u16)];
    assert_eq!(cell.fg, Color::Red);
    assert!(cell.modifier.contains(Modifier::UNDERLINED));
}

#[test]
fn enter_after_an_unknown_mention_saves_it_as_plain_text() {
    let mut app = App::demo(120, 35);
    let state = app.run(script![select("priya"), ch('n'), "Met @sarah", key(Enter)]);
    assert!(state.capture.is_none());
    let tail = last_entry(&app);
    assert!(tail.contains("with = [\"priya-raman\"]"), "{tail}");
    assert!(tail.contains("note = \"Met @sarah\""), "{tail}");
    let screen = app.screen();
    assert!(
        screen.contains("saved note; @sarah: no one by that name — not linked"),
        "{screen}"
    );
}

#[test]
fn enter_while_fuzzy_suggestions_show_links_no_suggestion() {
    let mut app = App::demo(120, 35);
    // "@sa" brings up fuzzy suggestions; Enter saves, it does not take one.
    let state = app.run(script![select("priya"), ch('n'), "Call @sa", key(Enter)]);
    assert!(state.capture.is_none());
    let tail = last_entry(&app);
    assert!(tail.contains("with = [\"priya-raman\"]"), "{tail}");
}

#[test]
fn a_unique_name_or_a_picked_suggestion_links() {
    let mut app = App::demo(120, 35);
    app.run(script![select("priya"), ch('n'), "Met @kwa and @lena"]);
    let screen = app.screen();
    assert!(
        screen.contains("Note · Priya Raman, Kwame Asante, Lena Fischer · note"),
        "{screen}"
    );
    assert!(!screen.contains("not linked"), "{screen}");
}

#[test]
fn a_picked_suggestion_links_the_one_picked() {
    let mut app = App::demo(120, 35);
    app.run(script![
        select("priya"),
        ch('n'),
        "Met @fischer",
        key(Tab),
        " today",
        key(Enter)
    ]);
    let tail = last_entry(&app);
    // "fischer" alone is Lena or Renate: the one picked from the list is linked.
    assert!(
        tail.contains("with = [\"priya-raman\", \"lena-fischer\"]"),
        "{tail}"
    );
}

#[test]
fn an_ambiguous_mention_names_the_candidates() {
    let mut app = App::demo(120, 35);
    app.run(script![select("priya"), ch('n'), "Met @fischer "]);
    let screen = app.screen();
    assert!(
        screen.contains("@fischer: could be Lena Fischer, Renate Fischer — not linked"),
        "{screen}"
    );
}
