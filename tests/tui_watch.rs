//! Hand edits and `git pull` while the TUI runs: the change shows up, and a later save
//! through rolo keeps it (issue: nothing is ever lost).

use crate::tui_support;

use ratatui::crossterm::event::KeyCode;
use std::time::Duration;
use tui_support::outside::{BOTH, Cache, Step, keys, play, replace_by_rename, start};
use tui_support::{App, ch, key, text, tick};

const PULLED_ENTRY: &str = r#"
[[entry]]
id = "2026-11-24-0900-zoe"
at = 2026-11-24T09:00:00+01:00
with = ["zoe-muller"]
kind = "call"
note = "Pulled from the other laptop: Zoë got the interview"
"#;

/// With the cache on, every reload after the first flush went through a cache whose queue
/// was emptied by that flush, and the TUI panicked; these tests used to run without one.
#[test]
fn outside_edits_show_up_and_survive_a_later_save() {
    for cache in BOTH {
        outside_edits_show_up_and_survive_a_later_save_with(cache);
    }
}

fn outside_edits_show_up_and_survive_a_later_save_with(cache: Cache) {
    let mut app = App::demo(120, 35);
    let dir = app.dir.path().to_path_buf();
    let mut steps = Vec::new();
    steps.extend(keys(vec![ch('/')]));
    steps.extend(keys(text("zoe")));
    steps.extend(keys(vec![key(KeyCode::Enter), tick()]));
    steps.push(Step::Outside(Box::new(|dir| {
        // File times on Linux move in timer ticks of a few milliseconds; let one pass so
        // the edit cannot share a timestamp with rolo's own reading of the files.
        std::thread::sleep(Duration::from_millis(30));
        let contact = dir.join("contacts/zoe-muller.toml");
        let before = std::fs::read_to_string(&contact).unwrap();
        let after = before.replacen(
            "name = \"Zoë Müller\"",
            "name = \"Zoë Müller-Schmidt\"\npronouns = \"she/her\"",
            1,
        );
        assert_ne!(before, after, "the demo file changed; update this test");
        replace_by_rename(&contact, &after);
        let month = dir.join("journal/2026/2026-11.toml");
        let mut text = std::fs::read_to_string(&month).unwrap();
        text.push_str(PULLED_ENTRY);
        // An in-place append (no rename): found because the current month is watched by name.
        std::fs::write(&month, text).unwrap();
    })));
    steps.extend(keys(vec![tick()]));
    steps.extend(keys(vec![ch('N')]));
    steps.extend(keys(text("An intro to a climate startup")));
    steps.extend(keys(vec![key(KeyCode::Enter)]));

    // The journal is loaded before the edits: whatever it shows of them, the running app
    // picked up by itself.
    let mut run = start(&dir, cache);
    play(&mut app, &mut run, steps);
    let journal = &run.journal;

    let screen = app.screen();
    assert!(
        screen.contains("Zoë Müller-Schmidt"),
        "renamed contact not shown:\n{screen}"
    );
    assert!(
        screen.contains("Pulled from the other laptop"),
        "pulled entry not shown:\n{screen}"
    );
    let zoe = journal.by_id("zoe-muller").unwrap();
    assert_eq!(zoe.name, "Zoë Müller-Schmidt");
    assert!(
        zoe.needs
            .iter()
            .any(|n| n.what == "An intro to a climate startup")
    );

    // The save through rolo kept the outside edit and added to it.
    let file = app.read("contacts/zoe-muller.toml");
    assert!(file.contains("name = \"Zoë Müller-Schmidt\""), "{file}");
    assert!(file.contains("pronouns = \"she/her\""), "{file}");
    assert!(file.contains("An intro to a climate startup"), "{file}");
    assert!(
        app.read("journal/2026/2026-11.toml")
            .contains("Pulled from the other laptop")
    );
}

#[test]
fn a_file_broken_outside_is_reported_and_its_last_good_content_stays() {
    for cache in BOTH {
        a_file_broken_outside_is_reported_with(cache);
    }
}

fn a_file_broken_outside_is_reported_with(cache: Cache) {
    let mut app = App::demo(120, 35);
    let dir = app.dir.path().to_path_buf();
    let mut steps = keys(vec![tick()]);
    steps.push(Step::Outside(Box::new(|dir| {
        std::thread::sleep(Duration::from_millis(30));
        replace_by_rename(&dir.join("contacts/zoe-muller.toml"), "name = \"Zoë\n");
    })));
    steps.extend(keys(vec![tick()]));
    let mut run = start(&dir, cache);
    play(&mut app, &mut run, steps);
    let screen = app.screen();
    assert!(screen.contains("no longer parse"), "{screen}");
    assert!(
        screen.contains("Zoë Müller"),
        "last good content stays on screen:\n{screen}"
    );
    assert_eq!(run.journal.problems.len(), 1);
    assert_eq!(
        app.read("contacts/zoe-muller.toml"),
        "name = \"Zoë\n",
        "rolo never rewrites it"
    );
}

/// A file that breaks while the TUI runs keeps its person on screen, marked with the place
/// to fix; a new file that never loaded shows its person too; writes to them are refused;
/// fixed again, all is back to normal. With the cache on and off.
#[test]
fn a_file_that_breaks_while_running_keeps_its_person_marked_until_fixed() {
    for cache in BOTH {
        let cached = matches!(cache, Cache::On);
        let mut app = App::demo(120, 40);
        let dir = app.dir.path().to_path_buf();
        let mut run = start(&dir, cache);
        let zoe_before = app.read("contacts/zoe-muller.toml");

        let mut steps = keys(vec![tick()]);
        steps.push(Step::Outside(Box::new(|dir| {
            std::thread::sleep(Duration::from_millis(30));
            let zoe = dir.join("contacts/zoe-muller.toml");
            let text = std::fs::read_to_string(&zoe).unwrap();
            replace_by_rename(&zoe, &text.replacen("tags = [", "tags = [[", 1));
            replace_by_rename(
                &dir.join("contacts/nova-stone.toml"),
                "name = \"Nova Stone\"\nrole = \"\n",
            );
        })));
        steps.extend(keys(vec![tick(), ch('/')]));
        steps.extend(keys(text("zoe")));
        steps.extend(keys(vec![key(KeyCode::Enter), ch('N')]));
        play(&mut app, &mut run, steps);
        let screen = app.screen();
        assert!(screen.contains("⚠ Zoë Müller"), "{cached}: {screen}");
        assert!(
            screen.contains("⚠ contacts/zoe-muller.toml:3:1"),
            "{cached}: {screen}"
        );
        assert!(
            screen.contains("Zoë Müller's file does not load (contacts/zoe-muller.toml:3:1"),
            "{cached}: the need is refused\n{screen}"
        );
        assert!(run.journal.broken_by_id("nova-stone").is_some());
        assert_eq!(
            run.journal.by_id("nova-stone").map(|c| c.name.as_str()),
            Some("Nova Stone")
        );
        assert!(
            !app.read("contacts/zoe-muller.toml")
                .contains("[[need]]\nid = 2"),
            "rolo never writes a broken file"
        );

        let steps = vec![
            Step::Key(tick()),
            Step::Outside(Box::new(move |dir| {
                std::thread::sleep(Duration::from_millis(30));
                replace_by_rename(&dir.join("contacts/zoe-muller.toml"), &zoe_before);
            })),
            Step::Key(tick()),
            Step::Key(tick()),
        ];
        play(&mut app, &mut run, steps);
        let screen = app.screen();
        assert!(!screen.contains("⚠ Zoë"), "{cached}: {screen}");
        assert!(run.journal.broken_by_id("zoe-muller").is_none());
        assert!(run.journal.broken_by_id("nova-stone").is_some());
        assert_eq!(run.journal.problems.len(), 1, "{:?}", run.journal.problems);

        // The broken file deleted: the person, their mark and the problem all go.
        let steps = vec![
            Step::Key(tick()),
            Step::Outside(Box::new(|dir| {
                std::fs::remove_file(dir.join("contacts/nova-stone.toml")).unwrap();
            })),
            Step::Key(tick()),
            Step::Key(tick()),
        ];
        play(&mut app, &mut run, steps);
        assert!(run.journal.by_id("nova-stone").is_none(), "{cached}");
        assert!(run.journal.broken_by_id("nova-stone").is_none(), "{cached}");
        assert!(
            run.journal.problems.is_empty(),
            "{:?}",
            run.journal.problems
        );
        assert!(!app.screen().contains("Nova Stone"), "{}", app.screen());
    }
}
