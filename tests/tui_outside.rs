//! A second terminal, a hand edit or `git checkout` changes the folder while the TUI runs:
//! with the cache on and off, nothing panics, the screen shows the folder as it is now, and
//! an action taken afterwards in a popup opened before lands on the person it was opened
//! for, or is refused (issue 11: no panic from anything outside).

use crate::tui_support;

use ratatui::crossterm::event::KeyCode;
use rolo::app::AppState;
use rolo::journal::Journal;
use rolo::store::Store;
use std::path::Path;
use tui_support::outside::{
    BOTH, Cache, Running, Step, keys, outside, play, replace_by_rename, rolo_cli, start,
};
use tui_support::{App, ch, key, text, tick};

fn ids(journal: &Journal) -> Vec<String> {
    let mut ids: Vec<String> = journal.contacts().iter().map(|c| c.id.clone()).collect();
    ids.sort();
    ids
}

/// What a fresh start on the folder loads: what the running app must have caught up to.
fn fresh(dir: &Path) -> Journal {
    Journal::new(Store::on_disk(dir).load().unwrap())
}

#[test]
fn a_need_written_by_another_rolo_shows_up() {
    for cache in BOTH {
        let mut app = App::demo(120, 35);
        let mut steps = keys(vec![tick()]);
        steps.push(outside(|dir| {
            let said = rolo_cli(dir, &["need", "zoe-muller", "A flat in Oslo for March"]);
            assert!(said.contains("Zoë Müller"), "{said}");
        }));
        steps.extend(keys(vec![tick(), ch('/')]));
        steps.extend(keys(text("zoe")));
        steps.extend(keys(vec![key(KeyCode::Enter)]));
        let mut run = start(app.dir.path(), cache);
        play(&mut app, &mut run, steps);
        let screen = app.screen();
        assert!(
            screen.contains("A flat in Oslo for March"),
            "{cache:?}:\n{screen}"
        );
        let zoe = run.journal.by_id("zoe-muller").unwrap();
        assert!(
            zoe.needs
                .iter()
                .any(|n| n.what == "A flat in Oslo for March")
        );
    }
}

#[test]
fn a_rewrite_a_delete_and_a_rename_show_up() {
    for cache in BOTH {
        let mut app = App::demo(120, 35);
        let mut steps = keys(vec![tick()]);
        steps.push(outside(|dir| {
            // `sed -i` writes a new file and renames it into place.
            let ben = dir.join("contacts/ben-carter.toml");
            let text = std::fs::read_to_string(&ben).unwrap();
            replace_by_rename(&ben, &text.replace("Ben Carter", "Benjamin Carter"));
            // The selected person (first by name) is deleted; Zoë's file is renamed.
            std::fs::remove_file(dir.join("contacts/aiko-tanaka.toml")).unwrap();
            std::fs::rename(
                dir.join("contacts/zoe-muller.toml"),
                dir.join("contacts/zoe-schmidt.toml"),
            )
            .unwrap();
        }));
        steps.extend(keys(vec![tick()]));
        let mut run = start(app.dir.path(), cache);
        let state = play(&mut app, &mut run, steps);
        let screen = app.screen();
        assert!(screen.contains("Contacts 24"), "{cache:?}:\n{screen}");
        assert!(!screen.contains("Aiko Tanaka"), "{cache:?}:\n{screen}");
        assert!(screen.contains("Benjamin Carter"), "{cache:?}:\n{screen}");
        assert!(
            screen.contains("removed outside rolo"),
            "{cache:?}:\n{screen}"
        );
        let journal = &run.journal;
        assert!(journal.by_id("aiko-tanaka").is_none());
        assert!(journal.by_id("zoe-muller").is_none());
        assert_eq!(journal.by_id("zoe-schmidt").unwrap().name, "Zoë Müller");
        assert_eq!(ids(journal), ids(&fresh(app.dir.path())));
        // The selection stayed where Aiko was, on someone who is there.
        let selected = state.selected_ix().and_then(|ix| journal.contact(ix));
        assert_eq!(selected.map(|c| c.id.as_str()), Some("ben-carter"));
    }
}

/// Every file under `dir` with its bytes, by path relative to `dir`.
fn snapshot(dir: &Path) -> Vec<(std::path::PathBuf, Vec<u8>)> {
    let mut out = Vec::new();
    let mut todo = vec![dir.to_path_buf()];
    while let Some(d) = todo.pop() {
        for item in std::fs::read_dir(&d).unwrap().flatten() {
            let path = item.path();
            if path.is_dir() {
                todo.push(path);
            } else {
                let rel = path.strip_prefix(dir).unwrap().to_path_buf();
                out.push((rel, std::fs::read(&path).unwrap()));
            }
        }
    }
    out
}

/// `git checkout` of an older state: contacts/ and journal/ hold exactly `older` again.
fn check_out(dir: &Path, older: &[(std::path::PathBuf, Vec<u8>)]) {
    for sub in ["contacts", "journal"] {
        std::fs::remove_dir_all(dir.join(sub)).unwrap();
    }
    for (rel, bytes) in older {
        let path = dir.join(rel);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, bytes).unwrap();
    }
}

#[test]
fn a_folder_swapped_by_git_checkout_shows_the_older_state() {
    for cache in BOTH {
        let mut app = App::demo(120, 35);
        let dir = app.dir.path().to_path_buf();
        let older: Vec<_> = snapshot(&dir)
            .into_iter()
            .filter(|(rel, _)| rel.starts_with("contacts") || rel.starts_with("journal"))
            .collect();
        let mut steps = keys(vec![tick()]);
        steps.push(outside(|dir| {
            rolo_cli(dir, &["add", "Nina Neumann"]);
            rolo_cli(dir, &["note", "nina-neumann", "Met Nina at the swap"]);
            std::fs::remove_file(dir.join("contacts/ben-carter.toml")).unwrap();
        }));
        steps.extend(keys(vec![tick()]));
        // The newest state is on screen before the checkout takes it away again.
        steps.push(outside(|dir| {
            let journal = fresh(dir);
            assert!(journal.by_id("nina-neumann").is_some());
        }));
        steps.push(outside(move |dir| check_out(dir, &older)));
        steps.extend(keys(vec![tick()]));
        let mut run = start(&dir, cache);
        play(&mut app, &mut run, steps);
        let screen = app.screen();
        assert!(screen.contains("Contacts 25"), "{cache:?}:\n{screen}");
        assert!(!screen.contains("Nina"), "{cache:?}:\n{screen}");
        assert!(screen.contains("Ben Carter"), "{cache:?}:\n{screen}");
        let now = fresh(&dir);
        assert_eq!(ids(&run.journal), ids(&now));
        assert_eq!(run.journal.entry_count(), now.entry_count());
        assert!(
            run.journal
                .timeline()
                .all(|e| e.note != "Met Nina at the swap")
        );
    }
}

const NEED: &str =
    "\n[[need]]\nid = 1\nwhat = \"An intro to a climate investor\"\nsince = 2026-10-01\n";

/// Abe sorts first, so deleting him shifts everyone after him by one position.
fn climate_folder(dir: &Path) {
    let put = |id: &str, text: String| {
        let path = dir.join("contacts").join(format!("{id}.toml"));
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, text).unwrap();
    };
    put("abe", "name = \"Abe Abbott\"\n".into());
    put("ada", format!("name = \"Ada Lovelace\"\n{NEED}"));
    for (id, name) in [
        ("cem", "Cem Aydin"),
        ("dan", "Dan Brook"),
        ("eva", "Eva Ek"),
    ] {
        put(
            id,
            format!("name = \"{name}\"\ncan_help_with = [\"climate investors\"]\n"),
        );
    }
}

fn play_on_climate(cache: Cache, steps: Vec<Step>) -> (App, Running, AppState) {
    let mut app = App::empty(120, 35);
    climate_folder(app.dir.path());
    let mut run = start(app.dir.path(), cache);
    let state = play(&mut app, &mut run, steps);
    (app, run, state)
}

fn delete(id: &'static str) -> Step {
    outside(move |dir| std::fs::remove_file(dir.join(format!("contacts/{id}.toml"))).unwrap())
}

fn entries_with(dir: &Path) -> Vec<Vec<String>> {
    fresh(dir).timeline().map(|e| e.with.clone()).collect()
}

#[test]
fn an_intro_from_helpers_opened_before_a_delete_goes_to_the_highlighted_person() {
    for cache in BOTH {
        // Ada selected, `m` lists who could help; Dan (the second) is highlighted.
        let mut steps = keys(vec![tick(), ch('j'), ch('m'), ch('j')]);
        steps.push(delete("abe"));
        steps.extend(keys(vec![tick(), key(KeyCode::Enter), tick()]));
        let (app, _, _) = play_on_climate(cache, steps);
        assert_eq!(
            entries_with(app.dir.path()),
            vec![vec!["ada".to_string(), "dan".to_string()]],
            "{cache:?}:\n{}",
            app.screen()
        );
    }
}

#[test]
fn a_need_marked_met_from_a_question_opened_before_a_delete_lands_on_its_owner() {
    for cache in BOTH {
        // `x` on Ada's need asks how it was met; Abe's file goes while the question is open.
        let mut steps = keys(vec![tick(), ch('j'), key(KeyCode::Tab), key(KeyCode::Tab)]);
        steps.extend(keys(vec![ch('x')]));
        steps.push(delete("abe"));
        steps.extend(keys(vec![tick()]));
        steps.extend(keys(text("Cem knew someone")));
        steps.extend(keys(vec![key(KeyCode::Enter), tick()]));
        let (app, run, _) = play_on_climate(cache, steps);
        let ada = app.read("contacts/ada.toml");
        assert!(ada.contains("status = \"met\""), "{cache:?}: {ada}");
        assert!(ada.contains("Cem knew someone"), "{cache:?}: {ada}");
        for other in ["cem", "dan", "eva"] {
            assert!(!app.read(&format!("contacts/{other}.toml")).contains("need"));
        }
        assert!(run.journal.by_id("abe").is_none());
    }
}

#[test]
fn a_question_about_someone_deleted_closes_and_writes_nothing() {
    for cache in BOTH {
        let mut steps = keys(vec![tick(), ch('j'), key(KeyCode::Tab), key(KeyCode::Tab)]);
        steps.extend(keys(vec![ch('x')]));
        steps.push(delete("ada"));
        steps.extend(keys(vec![tick()]));
        let (app, run, state) = play_on_climate(cache, steps);
        assert_eq!(state.popup, None, "{cache:?}");
        let screen = app.screen();
        assert!(
            screen.contains("Ada Lovelace's file was removed outside rolo"),
            "{cache:?}:\n{screen}"
        );
        assert!(!app.path("contacts/ada.toml").exists(), "{cache:?}");
        assert!(run.journal.by_id("ada").is_none());
        assert!(entries_with(app.dir.path()).is_empty());
    }
}

#[test]
fn a_brief_of_someone_deleted_closes_and_says_so() {
    for cache in BOTH {
        let mut steps = keys(vec![tick(), ch('j'), ch('b')]);
        steps.push(delete("ada"));
        steps.extend(keys(vec![tick()]));
        let (app, _, state) = play_on_climate(cache, steps);
        assert_eq!(state.popup, None, "{cache:?}");
        let screen = app.screen();
        assert!(
            screen.contains("Ada Lovelace's file was removed outside rolo"),
            "{cache:?}:\n{screen}"
        );
        assert!(!screen.contains("Brief"), "{cache:?}:\n{screen}");
    }
}

/// "@ada" could be two people, and the hint under the note says so. A contact file that sorts
/// before both is deleted meanwhile: the hint still names the same two, not whoever moved
/// into their places.
#[test]
fn an_open_mention_hint_names_the_same_people_after_a_delete() {
    for cache in BOTH {
        let mut app = App::empty(120, 35);
        for (id, name) in [
            ("aaron-ames", "Aaron Ames"),
            ("ada-byron", "Ada Byron"),
            ("ada-lovelace", "Ada Lovelace"),
            ("zed-zorn", "Zed Zorn"),
        ] {
            let file = app.path(&format!("contacts/{id}.toml"));
            std::fs::create_dir_all(file.parent().unwrap()).unwrap();
            std::fs::write(file, format!("name = \"{name}\"\n")).unwrap();
        }
        let dir = app.dir.path().to_path_buf();
        let mut run = start(&dir, cache);
        let mut steps = keys(vec![tick(), ch('G'), ch('n')]);
        steps.extend(keys(text("Met @ada ")));
        steps.push(outside(|dir| {
            std::fs::remove_file(dir.join("contacts/aaron-ames.toml")).unwrap();
        }));
        steps.extend(keys(vec![tick(), tick()]));
        play(&mut app, &mut run, steps);
        let screen = app.screen();
        assert!(
            screen.contains("@ada: could be Ada Byron, Ada Lovelace"),
            "{cache:?}:\n{screen}"
        );
    }
}
