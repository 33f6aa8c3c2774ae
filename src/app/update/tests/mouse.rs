//! The mouse through `update` (issue 15): synthetic clicks and wheel turns at places taken
//! from a frame drawn on a `TestBackend`, as the loop does after every draw.

use super::*;
use crate::app::hits::Target;
use ratatui::Terminal;
use ratatui::backend::TestBackend;

/// Draw a frame at `w`×`h` and keep what was drawn where, as the loop does.
fn draw(s: &mut AppState, j: &Journal, w: u16, h: u16) {
    let mut term = Terminal::new(TestBackend::new(w, h)).unwrap();
    let keymap = crate::keymap::Keymap::default();
    let theme = crate::ui::Theme::default();
    let mut hits = Default::default();
    term.draw(|f| hits = crate::ui::draw_themed(f, s, j, &keymap, &theme, now()).hits)
        .unwrap();
    s.hits = hits;
}

/// The first cell (column, row) where `target` was drawn.
fn place(s: &AppState, target: Target) -> (u16, u16) {
    for y in 0..60 {
        for x in 0..200 {
            if s.hits.at(x, y) == Some(target) {
                return (x, y);
            }
        }
    }
    panic!("{target:?} was not drawn");
}

fn click(s: &mut AppState, j: &mut Journal, at: (u16, u16)) -> Vec<Effect> {
    run(s, j, [Click { x: at.0, y: at.1 }])
}

fn wheel(s: &mut AppState, j: &mut Journal, at: (u16, u16), down: bool) {
    run(
        s,
        j,
        [Wheel {
            x: at.0,
            y: at.1,
            down,
        }],
    );
}

#[test]
fn a_click_selects_a_contact_and_focuses_its_pane() {
    let (mut s, mut j) = demo();
    run(&mut s, &mut j, [NextPane]);
    draw(&mut s, &j, 120, 35);
    let at = place(&s, Target::Contact(3));
    click(&mut s, &mut j, at);
    assert_eq!((s.focus, s.contact_sel), (Pane::Contacts, 3));
    assert_eq!(selected_id(&s, &j), "felix-hartmann");
}

#[test]
fn a_click_on_a_pane_focuses_it() {
    let (mut s, mut j) = demo();
    draw(&mut s, &j, 120, 35);
    // The frame of the timeline, not a row in it.
    let at = place(&s, Target::Pane(Pane::Timeline));
    click(&mut s, &mut j, at);
    assert_eq!(s.focus, Pane::Timeline);
    // The first place that stands for it is the card, above the needs and promises.
    let at = place(&s, Target::Pane(Pane::Needs));
    click(&mut s, &mut j, at);
    assert_eq!(s.focus, Pane::Needs);
}

#[test]
fn a_click_on_the_selected_entry_or_need_opens_it() {
    let (mut s, mut j) = demo();
    select(&mut s, &mut j, "jonas");
    draw(&mut s, &j, 120, 35);
    let at = place(&s, Target::Entry(2));
    click(&mut s, &mut j, at);
    assert_eq!((s.focus, s.timeline_sel), (Pane::Timeline, 2));
    assert!(s.popup.is_none(), "the first click selects");
    // The selected entry opened up in place: its rows moved. Look again, then click it.
    draw(&mut s, &j, 120, 35);
    let at = place(&s, Target::Entry(2));
    click(&mut s, &mut j, at);
    assert!(
        matches!(s.popup, Some(Popup::Entry { .. })),
        "{:?}",
        s.popup
    );

    run(&mut s, &mut j, [Back]);
    draw(&mut s, &j, 120, 35);
    // Jonas's first need spans two lines: its second line is the same need.
    let at = place(&s, Target::Item(0));
    click(&mut s, &mut j, (at.0, at.1 + 1));
    assert_eq!((s.focus, s.needs_sel), (Pane::Needs, 0));
    draw(&mut s, &j, 120, 35);
    click(&mut s, &mut j, at);
    assert!(
        matches!(&s.popup, Some(Popup::Need(v)) if v.need == 3),
        "{:?}",
        s.popup
    );
}

#[test]
fn the_wheel_moves_the_pane_under_the_pointer() {
    let (mut s, mut j) = demo();
    draw(&mut s, &j, 120, 35);
    let timeline = place(&s, Target::Pane(Pane::Timeline));
    wheel(&mut s, &mut j, timeline, true);
    wheel(&mut s, &mut j, timeline, true);
    assert_eq!((s.focus, s.timeline_sel), (Pane::Timeline, 2));
    wheel(&mut s, &mut j, timeline, false);
    assert_eq!(s.timeline_sel, 1);
    let contacts = place(&s, Target::Contact(0));
    wheel(&mut s, &mut j, contacts, true);
    assert_eq!((s.focus, s.contact_sel), (Pane::Contacts, 1));
    assert_eq!(
        s.timeline_sel, 0,
        "another person starts at their newest entry"
    );
}

#[test]
fn the_wheel_scrolls_a_popup_and_clicks_do_not_reach_under_it() {
    let (mut s, mut j) = demo();
    draw(&mut s, &j, 120, 35);
    let row = place(&s, Target::Contact(5));
    run(&mut s, &mut j, [Help]);
    draw(&mut s, &j, 120, 35);
    wheel(&mut s, &mut j, row, true);
    wheel(&mut s, &mut j, row, true);
    assert_eq!(s.popup, Some(Popup::Help { scroll: 2 }));
    click(&mut s, &mut j, row);
    assert_eq!(
        s.contact_sel, 0,
        "the row under the popup is not there to click"
    );
}

#[test]
fn a_click_in_the_today_list_selects_and_a_second_one_goes_there() {
    let (mut s, mut j) = demo();
    run(&mut s, &mut j, [Reconnect]);
    draw(&mut s, &j, 120, 35);
    let Some(Popup::Lists(l)) = &s.popup else {
        panic!()
    };
    let first = l.sel;
    let other = (first + 1..l.items.len())
        .find(|&i| l.items[i].person().is_some())
        .unwrap();
    let at = place(&s, Target::ListRow(other));
    click(&mut s, &mut j, at);
    assert!(matches!(&s.popup, Some(Popup::Lists(l)) if l.sel == other));
    draw(&mut s, &j, 120, 35);
    click(&mut s, &mut j, at);
    assert!(s.popup.is_none(), "the second click goes to the person");
}

#[test]
fn clicks_on_nothing_and_in_the_note_editor_change_nothing() {
    let (mut s, mut j) = demo();
    draw(&mut s, &j, 120, 35);
    let before = s.clone();
    // The footer row is not clickable.
    click(&mut s, &mut j, (5, 34));
    assert_eq!(s, before);
    run(&mut s, &mut j, [NewNote]);
    draw(&mut s, &j, 120, 35);
    let editing = s.clone();
    click(&mut s, &mut j, (2, 5));
    wheel(&mut s, &mut j, (2, 5), true);
    assert_eq!(s, editing);
}
