//! Every screen and popup at 120×35 and 60×20, on the demo journal and a fixed clock.

use crate::tui_support;

use ratatui::crossterm::event::Event;
use ratatui::crossterm::event::KeyCode::{Enter, Esc, Tab};
use tui_support::{App, ch, key, tick};

const SIZES: [(u16, u16); 2] = [(120, 35), (60, 20)];

fn snap(name: &str, events: Vec<Event>) {
    for (w, h) in SIZES {
        let mut app = App::demo(w, h);
        app.run(events.clone());
        insta::assert_snapshot!(format!("{name}_{w}x{h}"), app.screen());
    }
}

#[test]
fn main_screen() {
    snap("main", vec![]);
}

#[test]
fn filtering_contacts() {
    snap("search", script![ch('/'), "ber"]);
}

#[test]
fn sorted_by_most_overdue() {
    snap("sort_overdue", script![ch('s'), ch('s')]);
}

#[test]
fn timeline_focused_and_everyone() {
    snap("timeline_focus", script![key(Tab), ch('j')]);
    snap("timeline_everyone", script![key(Tab), ch('t')]);
}

#[test]
fn needs_focused_and_everyone() {
    snap(
        "needs_focus",
        script![ch('/'), "jonas", key(Enter), key(Tab), key(Tab)],
    );
    snap("needs_everyone", script![key(Tab), key(Tab), ch('o')]);
}

#[test]
fn help_popup() {
    snap("help", script![ch('?')]);
}

#[test]
fn entry_popup() {
    snap("entry", script![key(Tab), key(Enter)]);
}

#[test]
fn problems_popup() {
    snap("problems", script![ch('!')]);
}

#[test]
fn capture_with_suggestions() {
    snap("capture", script![ch('n'), key(Tab), "Lunch with @zo"]);
}

#[test]
fn capture_long_text_wraps() {
    snap(
        "capture_wrap",
        script![
            ch('n'),
            "A long note that goes on and on about the 日本語 course and the 🎉 party, ",
            "and more lines"
        ],
    );
}

#[test]
fn question_popups() {
    snap("new_need", script![ch('N'), "An intro"]);
    snap("discard_note", script![ch('n'), "text", key(Esc)]);
    snap("met_how", script![key(Tab), key(Tab), ch('x')]);
}

#[test]
fn drafts_popup() {
    for (w, h) in SIZES {
        let mut app = App::demo(w, h);
        app.run(script![ch('n'), "Half a thought", tick()]);
        app.run(vec![]);
        insta::assert_snapshot!(format!("drafts_{w}x{h}"), app.screen());
    }
}

#[test]
fn edit_failed_popup() {
    for (w, h) in SIZES {
        let mut app = App::demo(w, h);
        app.host
            .edits
            .push(Box::new(|t: &str| format!("{t}\nbroken = ")));
        app.run(script![ch('e')]);
        insta::assert_snapshot!(format!("edit_failed_{w}x{h}"), app.screen());
    }
}

#[test]
fn files_with_errors_show_in_the_status_line_and_popup() {
    for (w, h) in SIZES {
        let mut app = App::demo(w, h);
        std::fs::write(app.path("contacts/broken.toml"), "name = \"Unclosed\n").unwrap();
        app.run(vec![]);
        insta::assert_snapshot!(format!("status_problems_{w}x{h}"), app.screen());
        app.run(script![ch('!')]);
        insta::assert_snapshot!(format!("problems_list_{w}x{h}"), app.screen());
    }
}

#[test]
fn empty_journal() {
    let mut app = App::empty(120, 35);
    app.run(vec![]);
    insta::assert_snapshot!("empty_120x35", app.screen());
}

#[test]
fn brief_view() {
    snap("brief_zoe", script![ch('/'), "zoë", key(Enter), ch('b')]);
    snap(
        "brief_zoe_end",
        script![ch('/'), "zoë", key(Enter), ch('b'), ch('G')],
    );
}

#[test]
fn who_could_help_popup() {
    snap(
        "match_zoe",
        script![ch('/'), "zoë", key(Enter), key(Tab), key(Tab), ch('m')],
    );
    // Lena's Lisbon trip: a strong match and weaker ones.
    snap(
        "match_lena",
        script![ch('/'), "lena", key(Enter), key(Tab), key(Tab), ch('m')],
    );
}

#[test]
fn reconnect_and_today_views() {
    snap("reconnect", script![ch('R')]);
    snap("today", script![ch('T')]);
    snap("today_end", script![ch('T'), ch('G')]);
}

#[test]
fn too_small() {
    let mut app = App::demo(25, 6);
    app.run(vec![]);
    insta::assert_snapshot!("too_small", app.screen());
}

#[test]
fn hostile_text_is_inert_and_wide_text_keeps_the_layout() {
    let mut app = App::demo(120, 35);
    std::fs::write(
        app.path("contacts/aaa-evil.toml"),
        "name = \"Aaa \\u001b[31mRed\\u202eevil 日本語の名前がとても長い人\"\nneed = [{ id = 1, what = \"🎉🎉 \\u001b]0;title\\u0007 party\", since = 2026-11-01, status = \"open\" }]\n",
    )
    .unwrap();
    app.run(vec![]);
    let screen = app.screen();
    assert!(
        !screen.contains('\u{1b}') && !screen.contains('\u{202e}'),
        "{screen}"
    );
    insta::assert_snapshot!("hostile_120x35", screen);
    // Names also reach popup titles and the note editor.
    for keys in [
        script![ch('N')],
        script![ch('n'), "x"],
        script![key(Tab), key(Tab), ch('d')],
        script![key(Esc), ch('g'), ch('b')],
    ] {
        app.run(keys);
        let screen = app.screen();
        assert!(
            !screen.contains('\u{1b}') && !screen.contains('\u{202e}'),
            "{screen}"
        );
        assert!(screen.contains("␛[31mRed"), "{screen}");
    }
}

#[test]
fn need_picker_and_named_prompts() {
    let marco = script![ch('/'), "marco", key(Enter)];
    snap("pick_need", script![marco.clone(), ch('x'), ch('j')]);
    snap("met_how_picked", script![marco.clone(), ch('x'), ch('2')]);
    snap("drop_need_picked", script![marco, ch('d'), key(Enter)]);
}
