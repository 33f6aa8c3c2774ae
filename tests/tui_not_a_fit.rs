//! "Not a fit" from the helpers list (`m`, then `x`): the person leaves the list at once, the
//! mark is kept in the contact file of the person with the need, and the next `m` (a restart
//! included) never suggests them for that need again.

use crate::tui_support;

use ratatui::crossterm::event::KeyCode::Tab;
use tui_support::{App, ch, key};

/// Zoë's need #1 (a job as a product designer): Nadia Petrova is the strong first match.
fn zoes_helpers() -> Vec<ratatui::crossterm::event::Event> {
    script![
        ch('/'),
        "zoë",
        key(ratatui::crossterm::event::KeyCode::Enter),
        key(Tab),
        key(Tab),
        ch('m')
    ]
}

#[test]
fn x_marks_the_highlighted_helper_not_a_fit_and_it_sticks() {
    let mut app = App::demo(120, 35);
    let before = app.read("contacts/zoe-muller.toml");
    let state = app.run(zoes_helpers());
    let Some(rolo::app::state::Popup::Helpers(h)) = &state.popup else {
        panic!("no helpers list: {}", app.screen());
    };
    assert!(app.screen().contains("Nadia Petrova"), "{}", app.screen());
    let n = h.helpers.len();
    assert!(n >= 2, "{}", app.screen());

    let state = app.run(script![zoes_helpers(), ch('x')]);
    let screen = app.screen();
    let Some(rolo::app::state::Popup::Helpers(h)) = &state.popup else {
        panic!("the list closed: {screen}");
    };
    assert_eq!(h.helpers.len(), n - 1, "{screen}");
    assert!(
        screen.contains("Nadia Petrova: not a fit for this need"),
        "{screen}"
    );
    insta::assert_snapshot!("not_a_fit_120x35", screen);

    // Kept in the file of the person with the need, the rest of it byte for byte.
    let after = app.read("contacts/zoe-muller.toml");
    assert!(after.contains("not_a_fit = [\"nadia-petrova\"]"), "{after}");
    let without: Vec<&str> = after
        .lines()
        .filter(|l| !l.starts_with("not_a_fit"))
        .collect();
    assert_eq!(without, before.lines().collect::<Vec<_>>());

    // A new start: she is not suggested for that need again.
    let state = app.run(zoes_helpers());
    let Some(rolo::app::state::Popup::Helpers(h)) = &state.popup else {
        panic!("no helpers list: {}", app.screen());
    };
    assert_eq!(h.helpers.len(), n - 1, "{}", app.screen());
    let listed = app.screen();
    let popup: String = listed
        .lines()
        .filter(|l| l.contains('│'))
        .collect::<Vec<_>>()
        .join("\n");
    assert!(!popup.contains("Nadia Petrova"), "{listed}");
}

/// The last helper marked not a fit closes the list (back to what was open before).
#[test]
fn the_last_helper_marked_closes_the_list() {
    let mut app = App::demo(80, 24);
    let state = app.run(zoes_helpers());
    let Some(rolo::app::state::Popup::Helpers(h)) = &state.popup else {
        panic!("no helpers list: {}", app.screen());
    };
    let n = h.helpers.len();
    let state = app.run(script![zoes_helpers(), vec![ch('x'); n]]);
    assert!(state.popup.is_none(), "{}", app.screen());
    let after = app.read("contacts/zoe-muller.toml");
    assert_eq!(after.matches("not_a_fit").count(), 1, "{after}");
    let state = app.run(script![zoes_helpers()]);
    assert!(state.popup.is_none(), "{}", app.screen());
    assert!(
        app.screen().contains("no one in your journal matches"),
        "{}",
        app.screen()
    );
}
