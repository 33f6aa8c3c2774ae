//! The fast loads must be invisible: a load on several threads, and a staged load (newest
//! months first, the rest merged later), give exactly what a plain one-thread load gives.

#[allow(dead_code)]
use crate::generator;

use rolo::journal::Journal;
use rolo::store::{Loaded, MemFs, Store};
use std::path::Path;

/// Files that exercise every cross-file check: a broken month, a broken contact, an id used in
/// two months (one old, one recent), a misfiled entry, an unknown person, an unknown kind,
/// two needs with one id, and entries whose order differs between instant and file.
fn tricky_store() -> Store {
    let fs = MemFs::new();
    fs.put("contacts/ada.toml", "name = \"Ada Lovelace\"\ntags = [\"math\"]\n\n[[need]]\nid = 1\nwhat = \"a\"\n\n[[need]]\nid = 1\nwhat = \"b\"\n");
    fs.put("contacts/bob.toml", "name = \"Bob\"\n");
    fs.put("contacts/broken.toml", "name = \n");
    fs.put(
        "contacts/cy.toml",
        "name = \"Cy Young\"\nkeep_in_touch_days = 30\n",
    );
    let entry = |id: &str, at: &str, with: &str, kind: &str| {
        format!(
            "[[entry]]\nid = \"{id}\"\nat = {at}\nwith = [{with}]\nkind = \"{kind}\"\nnote = \"n {id}\"\n\n"
        )
    };
    fs.put(
        "journal/2025/2025-01.toml",
        &(entry("dup", "2025-01-05T10:00:00+01:00", "\"ada\"", "call")
            + &entry(
                "e1",
                "2025-01-06T10:00:00+01:00",
                "\"cy\", \"ghost\"",
                "brunch",
            )),
    );
    fs.put("journal/2025/2025-06.toml", "[[entry]]\nid = \n");
    // Misfiled: dated in November but sitting in the August file.
    fs.put(
        "journal/2026/2026-08.toml",
        &(entry("late", "2026-11-20T10:00:00+01:00", "\"bob\"", "coffee")
            + &entry("e2", "2026-08-31T23:30:00-05:00", "\"ada\"", "note")),
    );
    fs.put(
        "journal/2026/2026-09.toml",
        &(entry("e3", "2026-09-01T00:30:00+02:00", "\"bob\"", "call")
            + &entry("dup", "2026-09-02T10:00:00+02:00", "\"cy\"", "call")),
    );
    fs.put("journal/2026/2026-10.toml", "not toml at all");
    fs.put(
        "journal/2026/2026-11.toml",
        &entry(
            "e4",
            "2026-11-02T10:00:00+01:00",
            "\"ada\", \"bob\"",
            "meeting",
        ),
    );
    Store::new(Box::new(fs))
}

fn assert_same(a: &Loaded, b: &Loaded) {
    assert_eq!(a.contacts, b.contacts);
    assert_eq!(a.entries, b.entries);
    assert_eq!(a.problems, b.problems);
}

/// Everything a journal answers from its entries, for comparing two journals.
fn snapshot(j: &Journal) -> Vec<String> {
    let today = chrono::NaiveDate::from_ymd_opt(2026, 11, 24).unwrap();
    let mut out: Vec<String> = j.timeline().map(|e| format!("{e:?}")).collect();
    for ix in 0..j.contacts().len() {
        let mine: Vec<&str> = j.timeline_of(ix).map(|e| e.id.as_str()).collect();
        out.push(format!("{ix} {mine:?} {:?}", j.last_contact(ix)));
    }
    out.push(format!("{:?}", j.overdue(today)));
    out.push(format!("{:?}", j.problems));
    out
}

fn check_all_loads_agree(store: &Store) {
    let plain = store.load_sequential().unwrap();
    for threads in [1, 2, 3, 8] {
        assert_same(&store.load_with(threads).unwrap(), &plain);
    }
    assert_same(&store.load().unwrap(), &plain);
    let full = Journal::new(store.load_sequential().unwrap());
    // The second stage on the calling thread alone (as the TUI runs it) and on several.
    for (n, threads) in [(0, 1), (1, 1), (2, 3), (3, 1), (3, 2), (100, 1)] {
        let recent = store.load_recent(n).unwrap();
        let (mut journal, pending) = Journal::from_recent(recent);
        assert_eq!(journal.is_loading_older(), !pending.is_empty(), "n={n}");
        let older = if threads == 1 {
            store.load_older(pending)
        } else {
            store.load_older_with(pending, threads)
        };
        journal.extend_older(older);
        assert!(!journal.is_loading_older());
        assert_eq!(
            snapshot(&journal),
            snapshot(&full),
            "n={n} threads={threads}"
        );
    }
}

#[test]
fn tricky_files_load_the_same_every_way() {
    let store = tricky_store();
    let plain = store.load_sequential().unwrap();
    // The fixture really does exercise the checks.
    let text: Vec<String> = plain.problems.iter().map(|p| p.to_string()).collect();
    let has = |s: &str| text.iter().any(|t| t.contains(s));
    assert!(has("\"dup\" is used twice"), "{text:#?}");
    assert!(has("no contact \"ghost\""), "{text:#?}");
    assert!(has("sits in the file for 2026-08"), "{text:#?}");
    assert!(has("two needs have id 1"), "{text:#?}");
    assert!(has("contacts/broken.toml"), "{text:#?}");
    assert!(has("2026-10.toml"), "{text:#?}");
    assert_eq!(plain.entries.len(), 7);
    check_all_loads_agree(&store);
}

#[test]
fn the_first_stage_holds_the_newest_months_only() {
    let store = tricky_store();
    let recent = store.load_recent(2).unwrap();
    // Three that load, and the person of contacts/broken.toml standing in (see stand_in.rs).
    assert_eq!(recent.loaded.contacts.len(), 4);
    let ids: Vec<&str> = recent
        .loaded
        .entries
        .iter()
        .map(|e| e.id.as_str())
        .collect();
    assert_eq!(
        ids,
        ["e4"],
        "2026-10 is broken, so only 2026-11 has entries"
    );
    assert_eq!(
        recent.pending.months(),
        [(2025, 1), (2025, 6), (2026, 8), (2026, 9)]
    );
    let (journal, _pending) = Journal::from_recent(recent);
    assert!(journal.is_loading_older());
}

#[test]
fn generated_data_loads_the_same_every_way() {
    let dir = tempfile::tempdir().unwrap();
    let options = generator::Options {
        contacts: 150,
        entries: 2_500,
        needs: None,
        years: 3,
        seed: 7,
    };
    generator::generate(&options, dir.path()).unwrap();
    let store = Store::on_disk(dir.path());
    let plain = store.load_sequential().unwrap();
    assert_eq!(plain.contacts.len(), 150);
    assert_eq!(plain.entries.len(), 2_500);
    check_all_loads_agree(&store);
}

#[test]
fn an_empty_folder_loads_empty_every_way() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::on_disk(Path::new(dir.path()));
    check_all_loads_agree(&store);
    let (journal, pending) = Journal::from_recent(store.load_recent(3).unwrap());
    assert!(pending.is_empty());
    assert!(!journal.is_loading_older());
}

#[test]
fn contacts_only_is_the_contact_part_of_a_full_load() {
    let store = tricky_store();
    let full = store.load_sequential().unwrap();
    let only = store.load_contacts_only().unwrap();
    assert_eq!(only.contacts, full.contacts);
    assert!(only.entries.is_empty());
    let contact_problems: Vec<_> = full
        .problems
        .iter()
        .filter(|p| p.path.starts_with("contacts"))
        .cloned()
        .collect();
    assert_eq!(only.problems, contact_problems);
    assert_eq!(only.problems.len(), 2, "{:?}", only.problems);
}

/// The second stage is meant for a background thread while the TUI runs on the first.
#[test]
fn the_second_stage_can_run_on_another_thread() {
    fn sendable<T: Send>() {}
    fn shareable<T: Sync>() {}
    sendable::<rolo::store::PendingOlder>();
    sendable::<rolo::store::OlderLoad>();
    shareable::<Store>();
    let store = tricky_store();
    let full = Journal::new(store.load_sequential().unwrap());
    let (mut journal, pending) = Journal::from_recent(store.load_recent(1).unwrap());
    let older = std::thread::scope(|s| s.spawn(|| store.load_older(pending)).join().unwrap());
    journal.extend_older(older);
    assert_eq!(snapshot(&journal), snapshot(&full));
}
