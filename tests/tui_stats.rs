//! The statistics screen (`S`), each page at 120×35 and 80×24, and the weekly review (`W`),
//! on the demo journal and the tests' fixed clock; an empty and a one-entry journal say so in
//! a sentence.

use crate::tui_support;

use ratatui::crossterm::event::Event;
use ratatui::crossterm::event::KeyCode::{BackTab, Esc, Right, Tab};
use tui_support::{App, ch, key};

const SIZES: [(u16, u16); 2] = [(120, 35), (80, 24)];

fn snap_on(name: &str, make: impl Fn(u16, u16) -> App, events: Vec<Event>) {
    for (w, h) in SIZES {
        let mut app = make(w, h);
        app.run(events.clone());
        insta::assert_snapshot!(format!("{name}_{w}x{h}"), app.screen());
    }
}

fn pages(n: usize) -> Vec<Event> {
    let mut events = vec![ch('S')];
    events.extend(std::iter::repeat_n(key(Tab), n));
    events
}

#[test]
fn activity_page_months_and_kinds() {
    snap_on("stats_activity", App::demo, pages(0));
    // → shows one kind at a time: the first one there is (note).
    snap_on("stats_activity_note", App::demo, vec![ch('S'), key(Right)]);
}

#[test]
fn days_and_people_page() {
    snap_on("stats_days", App::demo, pages(1));
}

#[test]
fn rhythm_page() {
    snap_on("stats_rhythm", App::demo, pages(2));
}

#[test]
fn needs_give_and_ask_page() {
    snap_on("stats_needs", App::demo, pages(3));
    // backtab from the first page is the last one.
    snap_on("stats_needs", App::demo, vec![ch('S'), key(BackTab)]);
}

#[test]
fn esc_closes_the_statistics() {
    let mut app = App::demo(120, 35);
    let state = app.run(vec![ch('S'), key(Esc)]);
    assert!(state.popup.is_none());
}

#[test]
fn an_empty_journal_says_so_on_every_page() {
    for page in 0..4 {
        let mut app = App::empty(80, 24);
        app.run(pages(page));
        let screen = app.screen();
        assert!(screen.contains("Statistics"), "{screen}");
        assert!(
            screen.contains("Nothing to chart yet")
                || screen.contains("No one has a keep-in-touch rhythm yet")
                || screen.contains("No needs, intros, gifts or asks"),
            "page {page}: {screen}"
        );
    }
}

#[test]
fn one_entry_is_a_start_not_a_chart() {
    let app = App::empty(80, 24);
    std::fs::create_dir_all(app.path("contacts")).unwrap();
    std::fs::create_dir_all(app.path("journal/2026")).unwrap();
    std::fs::write(app.path("contacts/ada.toml"), "name = \"Ada\"\n").unwrap();
    std::fs::write(
        app.path("journal/2026/2026-11.toml"),
        "[[entry]]\nid = \"2026-11-20-1000-ada\"\nat = 2026-11-20T10:00:00+01:00\nwith = [\"ada\"]\nkind = \"coffee\"\nnote = \"Coffee\"\n",
    )
    .unwrap();
    let mut app = app;
    app.run(pages(0));
    let screen = app.screen();
    assert!(screen.contains("One entry so far: a start."), "{screen}");
    assert!(!screen.contains('█'), "{screen}");
}

#[test]
fn the_weekly_review() {
    snap_on("review", App::demo, vec![ch('W')]);
    snap_on("review_scrolled", App::demo, vec![ch('W'), ch('G')]);
    // tab turns to last week, as `rolo review --week last` has it; tab again comes back.
    snap_on("review_last_week", App::demo, vec![ch('W'), key(Tab)]);
    let mut this = App::demo(120, 35);
    this.run(vec![ch('W')]);
    let mut back = App::demo(120, 35);
    back.run(vec![ch('W'), key(Tab), key(Tab)]);
    assert_eq!(back.screen(), this.screen());
}

/// Every page drawn in the `NO_COLOR` theme: the same characters as in colour (bars, shades,
/// the line, the tabs), and not one cell coloured.
#[test]
fn every_page_reads_the_same_with_no_color() {
    use ratatui::Terminal;
    use ratatui::backend::TestBackend;
    use ratatui::style::Color;
    use rolo::keymap::Keymap;
    use rolo::ui::theme::Theme;
    for page in 0..4 {
        let mut app = App::demo(80, 24);
        let state = app.run(pages(page));
        let coloured = app.screen();
        let store = rolo::store::Store::on_disk(app.dir.path());
        let journal = rolo::journal::Journal::new(store.load().unwrap());
        let mut plain = Terminal::new(TestBackend::new(80, 24)).unwrap();
        plain
            .draw(|f| {
                rolo::ui::draw_themed(
                    f,
                    &state,
                    &journal,
                    &Keymap::default(),
                    &Theme::plain(),
                    tui_support::now(),
                );
            })
            .unwrap();
        let buf = plain.backend().buffer();
        for cell in buf.content() {
            assert!(
                matches!(cell.fg, Color::Reset) && matches!(cell.bg, Color::Reset),
                "page {page}: a coloured cell {cell:?}"
            );
        }
        app.terminal = plain;
        assert_eq!(app.screen(), coloured, "page {page}");
    }
}
