//! A need changed outside rolo (reworded by hand, marked met from a second terminal) while
//! the TUI asks about it (how it was met, whether to drop it, new words for it, whether an
//! intro just logged for it met it): the answer is for the need as it was shown, so nothing is written
//! over the other change, the screen says what the need is now, and what was typed is kept
//! as a note. With the cache on and off, and whether or not the TUI noticed the change before
//! the answer was sent.

use crate::tui_support;

use ratatui::crossterm::event::KeyCode::{End, Enter, Tab};
use rolo::model::NeedStatus;
use rolo::store::Store;
use tui_support::outside::{
    BOTH, Cache, Step, keys, outside, play, replace_by_rename, rolo_cli, start,
};
use tui_support::{App, ch, key, text, tick};

const SHOWN: &str = "Advice on moving from her Blue Card to a settlement permit";
const REWORDED: &str = "Advice on the settlement permit interview on 12 January";

/// Aiko's need #2 as the file says now.
fn aiko_need(app: &App) -> rolo::model::Need {
    let store = Store::on_disk(app.dir.path());
    let aiko = store.load_contact("aiko-tanaka").unwrap();
    aiko.need(2).cloned().unwrap()
}

fn reword_by_hand() -> Step {
    outside(|dir| {
        let card = dir.join("contacts/aiko-tanaka.toml");
        let text = std::fs::read_to_string(&card).unwrap();
        assert!(text.contains(SHOWN));
        replace_by_rename(&card, &text.replace(SHOWN, REWORDED));
    })
}

/// Aiko selected, then `steps`; whether the TUI looked at the files (`noticed`, an idle tick)
/// before the last key.
fn aiko_then(cache: Cache, steps: Vec<Step>) -> App {
    let mut app = App::demo(120, 35);
    let mut all = keys(vec![tick(), ch('/')]);
    all.extend(keys(text("aiko")));
    all.extend(keys(vec![key(Enter)]));
    all.extend(steps);
    let mut run = start(app.dir.path(), cache);
    play(&mut app, &mut run, all);
    app
}

fn noticed(noticed: bool) -> Vec<Step> {
    if noticed {
        keys(vec![tick()])
    } else {
        Vec::new()
    }
}

#[test]
fn marked_met_after_a_hand_edit_reworded_it_writes_nothing_and_keeps_how() {
    for (cache, seen) in BOTH.into_iter().flat_map(|c| [(c, true), (c, false)]) {
        let mut steps = keys(vec![ch('x')]);
        steps.extend(keys(text("Sofia walked her through it")));
        steps.push(reword_by_hand());
        steps.extend(noticed(seen));
        // Enter, and the next idle moment, when the TUI looks at the files again: the words
        // said stay (the card was read with the refusal, so there is no news).
        steps.extend(keys(vec![key(Enter), tick()]));
        let app = aiko_then(cache, steps);
        let need = aiko_need(&app);
        assert_eq!(
            (need.what.as_str(), need.status, need.how),
            (REWORDED, NeedStatus::Open, None),
            "{cache:?}, noticed {seen}"
        );
        let screen = app.screen();
        assert!(
            screen.contains("need #2 changed meanwhile; nothing was written, and what you typed is kept as a note"),
            "{cache:?}, noticed {seen}:\n{screen}"
        );
        // The note holds what was typed; the needs pane, the need's words as they are now.
        assert!(
            screen.contains("need #2 met: Sofia walked her through it"),
            "{screen}"
        );
        assert!(screen.contains("interview on 12 January"), "{screen}");
    }
}

#[test]
fn dropped_after_a_second_terminal_marked_it_met_stays_met() {
    for (cache, seen) in BOTH.into_iter().flat_map(|c| [(c, true), (c, false)]) {
        let mut steps = keys(vec![ch('d')]);
        steps.push(outside(|dir| {
            rolo_cli(dir, &["met", "aiko-tanaka", "2", "--how", "a lawyer"]);
        }));
        steps.extend(noticed(seen));
        steps.extend(keys(vec![ch('y'), tick()]));
        let app = aiko_then(cache, steps);
        let need = aiko_need(&app);
        assert_eq!(
            (need.status, need.how.as_deref()),
            (NeedStatus::Met, Some("a lawyer")),
            "{cache:?}, noticed {seen}"
        );
        let screen = app.screen();
        assert!(
            screen.contains("need #2 changed meanwhile and is met already; nothing was written"),
            "{cache:?}, noticed {seen}:\n{screen}"
        );
    }
}

#[test]
fn new_words_over_words_changed_meanwhile_are_kept_not_written() {
    for (cache, seen) in BOTH.into_iter().flat_map(|c| [(c, true), (c, false)]) {
        // The needs pane (the open need first), its view, `e` for new words.
        let mut steps = keys(vec![key(Tab), key(Tab), key(Enter), ch('e'), key(End)]);
        steps.extend(keys(text(" (before March)")));
        steps.push(reword_by_hand());
        steps.extend(noticed(seen));
        steps.extend(keys(vec![key(Enter), tick()]));
        let app = aiko_then(cache, steps);
        assert_eq!(aiko_need(&app).what, REWORDED, "{cache:?}, noticed {seen}");
        let screen = app.screen();
        assert!(
            screen.contains("need #2 changed meanwhile; nothing was written, and what you typed is kept as a note"),
            "{cache:?}, noticed {seen}:\n{screen}"
        );
        assert!(screen.contains("(before March)"), "{screen}");
    }
}

#[test]
fn an_intro_logged_for_a_need_reworded_meanwhile_does_not_mark_it_met() {
    const ZOE: &str = "A full-time job as a product designer, ideally in climate or health";
    const NOW: &str = "A part-time design job in Berlin";
    for (cache, seen) in BOTH.into_iter().flat_map(|c| [(c, true), (c, false)]) {
        let mut app = App::demo(120, 35);
        let mut steps = keys(vec![tick(), ch('/')]);
        steps.extend(keys(text("zoe")));
        // Her open need, who could help, enter logs the intro to the first (Nadia) and asks
        // whether the need is met.
        steps.extend(keys(vec![
            key(Enter),
            key(Tab),
            key(Tab),
            ch('m'),
            key(Enter),
        ]));
        steps.push(outside(|dir| {
            let card = dir.join("contacts/zoe-muller.toml");
            let text = std::fs::read_to_string(&card).unwrap();
            assert!(text.contains(ZOE));
            replace_by_rename(&card, &text.replace(ZOE, NOW));
        }));
        steps.extend(noticed(seen));
        steps.extend(keys(vec![ch('y'), tick()]));
        let mut run = start(app.dir.path(), cache);
        play(&mut app, &mut run, steps);
        let zoe = Store::on_disk(app.dir.path())
            .load_contact("zoe-muller")
            .unwrap();
        let need = zoe.need(1).unwrap();
        assert_eq!(
            (need.what.as_str(), need.status),
            (NOW, NeedStatus::Open),
            "{cache:?}, noticed {seen}"
        );
        let screen = app.screen();
        assert!(
            screen.contains("need #1 of Zoë Müller changed since the intro and now reads"),
            "{cache:?}, noticed {seen}:\n{screen}"
        );
        // The intro itself was logged before, and stays.
        let month = std::fs::read_to_string(app.path("journal/2026/2026-11.toml")).unwrap();
        assert!(
            month.contains("Introduced Zoë Müller to Nadia Petrova"),
            "{month}"
        );
    }
}
