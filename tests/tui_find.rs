//! Search in everything on screen, at 120×35, 80×24 and 60×20: the filter's hint, the hits
//! with where each is and the words highlighted, and the hits after scrolling.

use crate::tui_support;

use ratatui::crossterm::event::KeyCode::{Down, Tab};
use ratatui::crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};
use ratatui::style::Modifier;
use tui_support::{App, ch, key};

const SIZES: [(u16, u16); 3] = [(120, 35), (80, 24), (60, 20)];

fn ctrl_f() -> Event {
    Event::Key(KeyEvent::new(KeyCode::Char('f'), KeyModifiers::CONTROL))
}

fn snap(name: &str, events: Vec<Event>) {
    for (w, h) in SIZES {
        let mut app = App::demo(w, h);
        app.run(events.clone());
        insta::assert_snapshot!(format!("{name}_{w}x{h}"), app.screen());
    }
}

#[test]
fn the_filter_hint_and_the_hits() {
    snap("find_filter_hint", script![ch('/'), "visa"]);
    snap("find_hits_visa", script![ch('/'), "visa", key(Tab)]);
    snap("find_hits_two_words", script![ctrl_f(), "priya chennai"]);
    snap(
        "find_hits_scrolled",
        script![ctrl_f(), "berlin", vec![key(Down); 12]],
    );
    snap("find_nothing", script![ctrl_f(), "zzyzx"]);
    snap("find_empty", script![ctrl_f()]);
}

/// The typed words are highlighted in each hit's text, and only they.
#[test]
fn matched_words_are_highlighted() {
    let mut app = App::demo(120, 35);
    app.run(script![ctrl_f(), "chenn"]);
    let buf = app.terminal.backend().buffer().clone();
    let mut marked = String::new();
    for y in 0..buf.area.height {
        for x in 0..buf.area.width {
            let cell = &buf[(x, y)];
            if cell.modifier.contains(Modifier::UNDERLINED) {
                marked.push_str(cell.symbol());
            }
        }
    }
    assert_eq!(marked, "Chenn");
}

/// A note written from a second terminal while the hits are open shows among them at the
/// next tick, as the watcher picks it up.
#[test]
fn hits_follow_a_note_written_outside() {
    use tui_support::outside::{Cache, keys, outside, play, rolo_cli, start};
    let mut app = App::demo(120, 35);
    let mut run = start(app.dir.path(), Cache::Off);
    let mut steps = keys(script![tui_support::tick(), ctrl_f(), "kiln"]);
    steps.push(outside(|dir| {
        rolo_cli(dir, &["note", "zoe", "Fired the kiln at last"]);
    }));
    steps.extend(keys(script![tui_support::tick(), tui_support::tick()]));
    let state = play(&mut app, &mut run, steps);
    let Some(rolo::app::state::Popup::Find(view)) = &state.popup else {
        panic!("the hits closed: {}", app.screen());
    };
    assert_eq!(view.found.total, 1, "{}", app.screen());
    assert!(
        app.screen().contains("Fired the kiln at last"),
        "{}",
        app.screen()
    );
}
