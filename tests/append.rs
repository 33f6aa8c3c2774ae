//! Saving a note parses its month file once; these pin down that it still refuses what it
//! refused before and still makes ids unique.

use chrono::DateTime;
use rolo::model::{Entry, Kind};
use rolo::store::{MemFs, Store, StoreError};

const MONTH: &str = "journal/2026/2026-11.toml";

fn entry(note: &str) -> Entry {
    let at = DateTime::parse_from_rfc3339("2026-11-24T14:05:00+01:00").unwrap();
    let with = vec!["ada".to_string()];
    Entry {
        id: Entry::make_id(&at, &with),
        at,
        with,
        kind: Kind::Coffee,
        note: note.into(),
        gave: None,
        asked: None,
    }
}

fn store_with(month: Option<&str>) -> Store {
    let fs = MemFs::new();
    fs.put("contacts/ada.toml", "name = \"Ada\"\n");
    if let Some(text) = month {
        fs.put(MONTH, text);
    }
    Store::new(Box::new(fs))
}

fn month_text(store: &Store) -> Option<String> {
    store.read_file(std::path::Path::new(MONTH)).unwrap()
}

#[test]
fn same_minute_notes_get_unique_ids_and_all_load() {
    let store = store_with(None);
    let ids: Vec<String> = (0..3)
        .map(|i| {
            store
                .append_entry(entry(&format!("n{i}")))
                .unwrap()
                .value
                .id
        })
        .collect();
    assert_eq!(
        ids,
        [
            "2026-11-24-1405-ada",
            "2026-11-24-1405-ada-2",
            "2026-11-24-1405-ada-3"
        ]
    );
    let loaded = store.load().unwrap();
    assert!(loaded.problems.is_empty(), "{:?}", loaded.problems);
    let notes: Vec<&str> = loaded.entries.iter().map(|e| e.note.as_str()).collect();
    assert_eq!(notes, ["n0", "n1", "n2"]);
}

#[test]
fn a_broken_month_is_reported_and_left_alone() {
    // An unclosed string could swallow the new entry's header; the file must not be touched.
    let broken = "[[entry]]\nid = \"a\"\nat = 2026-11-01T10:00:00+01:00\nwith = [\"ada\"]\nnote = \"\"\"\nunfinished\n";
    let store = store_with(Some(broken));
    let err = store.append_entry(entry("hello")).unwrap_err();
    assert!(matches!(err, StoreError::Broken(_)), "{err}");
    assert_eq!(month_text(&store).as_deref(), Some(broken));
}

#[test]
fn a_month_the_entry_cannot_join_is_refused() {
    let inline = "entry = [{ id = \"a\", at = 2026-11-01T10:00:00+01:00, with = [\"ada\"] }]\n";
    let store = store_with(Some(inline));
    let err = store.append_entry(entry("hello")).unwrap_err();
    assert!(matches!(err, StoreError::Refused(_)), "{err}");
    assert_eq!(month_text(&store).as_deref(), Some(inline));
}

#[test]
fn an_existing_month_keeps_every_entry() {
    let mut text = String::from("# my notes\n");
    for i in 0..200 {
        text.push_str(&format!(
            "[[entry]]\nid = \"e{i}\"\nat = 2026-11-02T10:{:02}:00+01:00\nwith = [\"ada\"]\nnote = \"x\"\n\n",
            i % 60
        ));
    }
    let store = store_with(Some(&text));
    store.append_entry(entry("new")).unwrap();
    let after = month_text(&store).unwrap();
    assert!(after.starts_with(&text));
    assert_eq!(store.load().unwrap().entries.len(), 201);
}

/// A store that keeps saving (the TUI) parses only its new entry once it knows the file; what it
/// writes and returns must equal what a store meeting the file for the first time would.
#[test]
fn a_running_store_saves_what_a_fresh_one_would() {
    use std::sync::Arc;
    let start = "[[entry]]\nid = \"2026-11-24-1405-ada-2\"\nat = 2026-11-24T14:05:00+01:00\nwith = [\"ada\"]\nnote = \"taken\"\n";
    let running_fs = Arc::new(MemFs::new());
    let fresh_fs = Arc::new(MemFs::new());
    for fs in [&running_fs, &fresh_fs] {
        fs.put("contacts/ada.toml", "name = \"Ada\"\n");
        fs.put(MONTH, start);
    }
    let running = Store::new(Box::new(running_fs.clone()));
    for i in 0..5 {
        let note = format!("note {i}\nwith a second line");
        let a = running.append_entry(entry(&note)).unwrap().value;
        let b = Store::new(Box::new(fresh_fs.clone()))
            .append_entry(entry(&note))
            .unwrap()
            .value;
        assert_eq!(a, b, "save {i}");
        assert_eq!(running_fs.get(MONTH), fresh_fs.get(MONTH), "save {i}");
    }
    let ids: Vec<String> = running
        .load()
        .unwrap()
        .entries
        .into_iter()
        .map(|e| e.id)
        .collect();
    assert_eq!(
        ids,
        [
            "2026-11-24-1405-ada",
            "2026-11-24-1405-ada-2",
            "2026-11-24-1405-ada-3",
            "2026-11-24-1405-ada-4",
            "2026-11-24-1405-ada-5",
            "2026-11-24-1405-ada-6"
        ]
    );
}

/// What rolo learnt about a file holds for those exact bytes only: an outside edit between two
/// saves gets the full check again.
#[test]
fn an_outside_edit_between_saves_is_checked_again() {
    use std::sync::Arc;
    let fs = Arc::new(MemFs::new());
    fs.put("contacts/ada.toml", "name = \"Ada\"\n");
    let store = Store::new(Box::new(fs.clone()));
    store.append_entry(entry("first")).unwrap();

    // Someone adds, by hand, the id the next save would have taken.
    let mut text = fs.get(MONTH).unwrap();
    text.push_str("\n[[entry]]\nid = \"2026-11-24-1405-ada-2\"\nat = 2026-11-24T14:05:00+01:00\nwith = [\"ada\"]\n");
    fs.put(MONTH, &text);
    let id = store.append_entry(entry("second")).unwrap().value.id;
    assert_eq!(id, "2026-11-24-1405-ada-3");

    // Then breaks the file: nothing is written.
    let broken = format!("{}note = \"\"\"\nunfinished\n", fs.get(MONTH).unwrap());
    fs.put(MONTH, &broken);
    let err = store.append_entry(entry("third")).unwrap_err();
    assert!(matches!(err, StoreError::Broken(_)), "{err}");
    assert_eq!(fs.get(MONTH).as_deref(), Some(broken.as_str()));

    // Or rewrites it as an inline array, which cannot take a `[[entry]]` after it.
    let inline = "entry = [{ id = \"a\", at = 2026-11-01T10:00:00+01:00, with = [\"ada\"] }]\n";
    fs.put(MONTH, inline);
    let err = store.append_entry(entry("fourth")).unwrap_err();
    assert!(matches!(err, StoreError::Refused(_)), "{err}");
    assert_eq!(fs.get(MONTH).as_deref(), Some(inline));
}
