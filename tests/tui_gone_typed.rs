//! A person's file deleted outside rolo while something is being typed for them: the text is
//! kept as a note (on screen and in its draft, offered again after a restart), never thrown
//! away (issue 12, item 5's last promise).

use crate::tui_support;

use ratatui::crossterm::event::KeyCode::Enter;
use tui_support::outside::{Cache, Step, keys, outside, play, start};
use tui_support::{App, ch, key, text, tick};

fn delete_oliver() -> Step {
    outside(|dir| std::fs::remove_file(dir.join("contacts/oliver-brandt.toml")).unwrap())
}

fn drafts(app: &App) -> Vec<String> {
    std::fs::read_dir(app.path("drafts"))
        .map(|d| {
            d.flatten()
                .filter_map(|e| std::fs::read_to_string(e.path()).ok())
                .collect()
        })
        .unwrap_or_default()
}

/// Oliver selected, `N` asks for a need, half of it typed; then `then`.
fn need_typed_then(then: Vec<Step>) -> App {
    let mut app = App::demo(120, 35);
    let mut steps = keys(vec![tick(), ch('/')]);
    steps.extend(keys(text("oliver")));
    steps.extend(keys(vec![key(Enter), ch('N')]));
    steps.extend(keys(text("An intro to a bookbinder")));
    steps.extend(then);
    let mut run = start(app.dir.path(), Cache::Off);
    play(&mut app, &mut run, steps);
    app
}

fn kept_and_offered_again(mut app: App) {
    let screen = app.screen();
    assert!(
        screen.contains("Oliver Brandt's file was removed outside rolo"),
        "{screen}"
    );
    assert!(screen.contains("kept as a note"), "{screen}");
    assert!(
        screen.contains("need: An intro to a bookbinder"),
        "{screen}"
    );
    let saved = drafts(&app);
    assert_eq!(saved.len(), 1, "{saved:?}");
    assert!(
        saved[0].contains("note = \"need: An intro to a bookbinder\""),
        "{}",
        saved[0]
    );
    assert!(
        saved[0].contains("with = [\"oliver-brandt\"]"),
        "{}",
        saved[0]
    );
    app.run(vec![]);
    let screen = app.screen();
    assert!(screen.contains("Unsaved note from last time"), "{screen}");
    assert!(
        screen.contains("need: An intro to a bookbinder"),
        "{screen}"
    );
}

#[test]
fn a_need_being_typed_when_the_file_goes_is_kept_as_a_note() {
    let mut then = vec![delete_oliver()];
    then.extend(keys(vec![tick()]));
    kept_and_offered_again(need_typed_then(then));
}

#[test]
fn a_need_sent_before_the_delete_was_noticed_is_kept_as_a_note() {
    let mut then = vec![delete_oliver()];
    then.extend(keys(vec![key(Enter)]));
    kept_and_offered_again(need_typed_then(then));
}
