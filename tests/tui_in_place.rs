//! Files changed in place while the TUI runs — nano, VS Code or `printf > file` open the file,
//! truncate it and write, so its folder's time does not move — reach the screen on the next
//! idle tick: an older month, a person who is not selected, an edit that keeps the size and
//! the modification time, a deletion the folder's time does not show (`rsync -a --delete`
//! puts folder times back), a whole year folder removed. With the cache on and off.

use crate::tui_support;

use rolo::journal::Journal;
use std::os::unix::fs::MetadataExt;
use std::path::Path;
use std::time::SystemTime;
use tui_support::outside::{BOTH, Cache, Step, keys, outside, play, start};
use tui_support::{App, tick};

/// Open, truncate, write: the file keeps its inode (checked, or the test proves nothing).
fn write_in_place(path: &Path, text: &str) {
    let inode = std::fs::metadata(path).unwrap().ino();
    std::fs::write(path, text).unwrap();
    assert_eq!(
        std::fs::metadata(path).unwrap().ino(),
        inode,
        "not in place"
    );
}

fn edit_in_place(path: &Path, from: &str, to: &str) {
    let text = std::fs::read_to_string(path).unwrap();
    assert!(text.contains(from), "the demo changed; update this test");
    write_in_place(path, &text.replacen(from, to, 1));
}

fn mtime(path: &Path) -> SystemTime {
    std::fs::metadata(path).unwrap().modified().unwrap()
}

/// Put a file's or folder's modification time back, as `rsync -a` or `touch -r` do.
fn set_mtime(path: &Path, time: SystemTime) {
    let file = std::fs::File::open(path).unwrap();
    file.set_modified(time).unwrap();
    assert_eq!(mtime(path), time);
}

/// The journal as the app holds it, after `change` was made between two idle ticks.
fn run_with(cache: Cache, change: impl FnOnce(&Path) + 'static) -> (App, Journal) {
    let mut app = App::demo(120, 35);
    let mut run = start(app.dir.path(), cache);
    let mut steps: Vec<Step> = keys(vec![tick()]);
    steps.push(outside(change));
    steps.extend(keys(vec![tick()]));
    play(&mut app, &mut run, steps);
    (app, run.journal)
}

fn has_note(journal: &Journal, text: &str) -> bool {
    journal.timeline().any(|e| e.note.contains(text))
}

#[test]
fn an_older_month_edited_in_place_shows_up() {
    for cache in BOTH {
        let (app, journal) = run_with(cache, |dir| {
            edit_in_place(
                &dir.join("journal/2026/2026-10.toml"),
                "Happy birthday to Inès.",
                "Happy birthday to Inès, with a cake from the corner bakery.",
            );
        });
        let screen = app.screen();
        assert!(
            has_note(&journal, "with a cake from the corner bakery"),
            "{cache:?}:\n{screen}"
        );
        assert!(
            screen.contains("reloaded 1 journal month changed outside rolo"),
            "{cache:?}:\n{screen}"
        );
    }
}

#[test]
fn a_person_not_selected_edited_in_place_shows_up() {
    for cache in BOTH {
        let (app, journal) = run_with(cache, |dir| {
            edit_in_place(
                &dir.join("contacts/ben-carter.toml"),
                "name = \"Ben Carter\"",
                "name = \"Benjamin Carter\"",
            );
        });
        let screen = app.screen();
        assert!(screen.contains("Benjamin Carter"), "{cache:?}:\n{screen}");
        assert_eq!(journal.by_id("ben-carter").unwrap().name, "Benjamin Carter");
    }
}

/// Same size, same modification time to the nanosecond, same inode: only the change time
/// (which no program can set back) and the bytes differ.
#[test]
fn an_edit_keeping_size_and_modification_time_shows_up() {
    for cache in BOTH {
        let (app, journal) = run_with(cache, |dir| {
            let ben = dir.join("contacts/ben-carter.toml");
            let (size, before) = (std::fs::metadata(&ben).unwrap().len(), mtime(&ben));
            edit_in_place(&ben, "name = \"Ben Carter\"", "name = \"Bea Carter\"");
            set_mtime(&ben, before);
            assert_eq!(std::fs::metadata(&ben).unwrap().len(), size);
        });
        let screen = app.screen();
        assert!(screen.contains("Bea Carter"), "{cache:?}:\n{screen}");
        assert_eq!(journal.by_id("ben-carter").unwrap().name, "Bea Carter");
    }
}

#[test]
fn a_deletion_the_folder_time_does_not_show_leaves_the_screen() {
    for cache in BOTH {
        let (app, journal) = run_with(cache, |dir| {
            let contacts = dir.join("contacts");
            let before = mtime(&contacts);
            std::fs::remove_file(contacts.join("ben-carter.toml")).unwrap();
            set_mtime(&contacts, before);
        });
        let screen = app.screen();
        assert!(!screen.contains("Ben Carter"), "{cache:?}:\n{screen}");
        assert!(screen.contains("Contacts 24"), "{cache:?}:\n{screen}");
        assert!(
            screen.contains("1 contact file removed outside rolo"),
            "{cache:?}:\n{screen}"
        );
        assert!(journal.by_id("ben-carter").is_none());
    }
}

#[test]
fn a_year_folder_removed_takes_its_entries_with_it() {
    for cache in BOTH {
        let (app, journal) = run_with(cache, |dir| {
            std::fs::remove_dir_all(dir.join("journal/2024")).unwrap();
        });
        let screen = app.screen();
        assert!(
            journal
                .timeline()
                .all(|e| e.at.format("%Y").to_string() != "2024"),
            "{cache:?}:\n{screen}"
        );
        assert!(
            screen.contains("reloaded 2 journal months changed outside rolo"),
            "{cache:?}:\n{screen}"
        );
    }
}
