//! `timeline`, `show ID` and `brief ID` read only the cards their entries name
//! (`loads::named_only_for`); the cards are found by file name, and must be found exactly as
//! a listing of the contacts folder finds them.

use crate::lean_binary::{binary, both_ways};
use crate::lean_reads::{DATES, private, put};
use std::fs;
use tempfile::TempDir;

/// A private data folder (and a home) with one entry, on 20 Nov 2026, naming `with`.
fn folder(with: &[&str]) -> (TempDir, TempDir) {
    let dir = TempDir::new().expect("tempdir");
    private(dir.path());
    let with: Vec<String> = with.iter().map(|w| format!("{w:?}")).collect();
    put(
        dir.path(),
        "journal/2026/2026-11.toml",
        &format!(
            "[[entry]]\nid = \"e1\"\nat = 2026-11-20T10:00:00+01:00\nwith = [{}]\nkind = \"call\"\nnote = \"hello\"\n",
            with.join(", ")
        ),
    );
    (dir, TempDir::new().expect("home"))
}

/// The cards a timeline reads are found by file name the way a listing finds them: a card
/// named by hand (a space, accents, capitals), a link to a card, a link to nowhere, a folder
/// named like a card, a hidden file and a path out of the folder, all named by one entry.
#[test]
fn odd_card_names_are_found_as_a_listing_finds_them() {
    let (dir, home) = folder(&[
        "Zoë Müller",
        "ada",
        "gone",
        "dir",
        ".hidden",
        "../contacts/ada",
        "nobody",
    ]);
    let root = dir.path();
    put(root, "contacts/Zoë Müller.toml", "name = \"Zoë Müller\"\n");
    let outside = home.path().join("ada.toml");
    fs::write(&outside, "name = \"Real Ada\"\n").expect("write");
    std::os::unix::fs::symlink(&outside, root.join("contacts/ada.toml")).expect("link");
    std::os::unix::fs::symlink(
        home.path().join("nowhere.toml"),
        root.join("contacts/gone.toml"),
    )
    .expect("link");
    fs::create_dir_all(root.join("contacts/dir.toml")).expect("mkdir");
    put(root, "contacts/.hidden.toml", "name = \"Hidden\"\n");
    let runs: [&[&str]; 7] = [
        &["timeline", "-n", "5"],
        &["timeline", "--json", "-n", "1"],
        &["timeline", "Zoë Müller"],
        &["show", "ada"],
        &["show", "gone"],
        &["brief", "dir"],
        &["brief", "ada"],
    ];
    for args in runs {
        let (lean, full) = both_ways(root, home.path(), args, DATES[1]);
        assert_eq!(lean, full, "rolo {}", args.join(" "));
    }
    let (out, err, _) = binary(root, home.path(), &["timeline"], DATES[1]);
    assert!(
        out.contains("with Zoë Müller, Real Ada, gone, dir, .hidden, ../contacts/ada, nobody"),
        "{out}"
    );
    assert!(err.contains("1 file could not be read"), "{err}");
}

/// A contacts "folder" that is a file cannot be listed: the timeline fails as a full load
/// does, rather than print entries as if nobody had a card.
#[test]
fn a_contacts_folder_that_cannot_be_listed_fails_as_a_full_load_does() {
    let (dir, home) = folder(&["ada"]);
    let root = dir.path();
    put(root, "contacts", "not a folder\n");
    for args in [
        &["timeline"][..],
        &["timeline", "ada"],
        &["show", "ada"],
        &["brief", "ada"],
    ] {
        let (lean, full) = both_ways(root, home.path(), args, DATES[1]);
        assert_eq!(lean, full, "rolo {}", args.join(" "));
        assert_eq!(lean.2, Some(1), "{args:?}: {lean:?}");
    }
}

/// The folder's listing is kept while the folder is as it was; a card added, removed or
/// renamed changes the folder, and the next timeline finds the cards as they are.
#[test]
fn a_card_added_or_removed_after_the_listing_was_kept_is_seen() {
    let (dir, home) = folder(&["ada", "bo"]);
    let root = dir.path();
    put(root, "contacts/ada.toml", "name = \"Ada Lovelace\"\n");
    // Only a folder unchanged for 2 s has its listing kept.
    std::thread::sleep(std::time::Duration::from_millis(2_100));
    let timeline = || binary(root, home.path(), &["timeline"], DATES[1]).0;
    assert!(timeline().contains("with Ada Lovelace, bo"));
    assert!(timeline().contains("with Ada Lovelace, bo"));
    put(root, "contacts/bo.toml", "name = \"Bo Berg\"\n");
    assert!(timeline().contains("with Ada Lovelace, Bo Berg"));
    fs::rename(
        root.join("contacts/ada.toml"),
        root.join("contacts/.ada.toml"),
    )
    .expect("hide");
    assert!(timeline().contains("with ada, Bo Berg"));
}

/// A brief for someone with an open need ranks helpers against every card, and a name must
/// be resolved first: on a run with nothing kept yet (and one after most cards changed),
/// each card is read once, not once for the name and again for the helpers; an id goes
/// straight to everyone's cards. Counted by the decode cache's lookups.
#[test]
fn a_brief_that_ranks_helpers_reads_each_card_once() {
    use rolo::loads::{self, Needs};
    use rolo::store::Store;
    let (dir, _home) = folder(&["ada"]);
    let root = dir.path();
    let open = "\n[[need]]\nid = 1\nwhat = \"A ride\"\nsince = 2026-01-02\nstatus = \"open\"\n";
    put(
        root,
        "contacts/ada.toml",
        &format!("name = \"Ada Lovelace\"\n{open}"),
    );
    let cards = 6;
    for i in 1..cards {
        put(
            root,
            &format!("contacts/p{i}.toml"),
            &format!("name = \"P{i}\"\n"),
        );
    }
    let cache = TempDir::new().expect("cache");
    let looked_up = |query: &str| {
        let store = Store::on_disk(root)
            .with_cache(cache.path())
            .cache_settle_after(std::time::Duration::ZERO);
        let journal = loads::journal_for(&store, &Needs::Brief(query.to_string()));
        assert_eq!(journal.expect("brief").contacts().len(), cards, "{query}");
        store.flush_cache().expect("flush");
        let stats = store.cache_stats().expect("cache");
        // The cards, and the one month file.
        stats.hits + stats.misses - 1
    };
    // The cards' first run reads each (the one card to check for an open need, twice).
    assert_eq!(looked_up("Ada Lovelace"), cards + 1, "nothing kept yet");
    assert_eq!(looked_up("ada"), cards + 1, "an id");
    assert_eq!(
        looked_up("Ada Lovelace"),
        cards,
        "the names kept say: an open need"
    );
    for i in 1..cards {
        put(
            root,
            &format!("contacts/p{i}.toml"),
            &format!("name = \"Q{i}\"\n"),
        );
    }
    std::thread::sleep(std::time::Duration::from_millis(20));
    put(
        root,
        "contacts/ada.toml",
        &format!("name = \"Ada King\"\n{open}"),
    );
    assert_eq!(looked_up("Ada King"), cards + 1, "most cards changed");
}

/// An id with a space at its end (`contacts/ada .toml`, made by hand) is a person of its own:
/// a brief given her name, once her name is kept in the cache, is hers, with her helpers
/// ranked, as a full load has it, and not that of `ada`, whose id is hers trimmed.
#[test]
fn a_name_resolved_from_the_names_kept_is_read_by_its_exact_id() {
    let (dir, home) = folder(&["ada ", "ada"]);
    let root = dir.path();
    let open = "\n[[need]]\nid = 1\nwhat = \"A ride\"\nsince = 2026-01-02\nstatus = \"open\"\n";
    put(
        root,
        "contacts/ada .toml",
        &format!("name = \"Ada Lovelace\"\n{open}"),
    );
    put(root, "contacts/ada.toml", "name = \"Ada Byron\"\n");
    put(
        root,
        "contacts/cy.toml",
        "name = \"Cy Young\"\ncan_help_with = [\"rides\"]\n",
    );
    // Cards changed in the last 2 s are not kept in the cache (their time could still move).
    std::thread::sleep(std::time::Duration::from_millis(2_100));
    for round in ["names kept", "names read from the cache"] {
        for args in [
            &["brief", "Lovelace"][..],
            &["show", "Lovelace"],
            &["brief", "Byron"],
        ] {
            let (lean, full) = both_ways(root, home.path(), args, DATES[1]);
            assert_eq!(lean, full, "{round}: rolo {}", args.join(" "));
            assert_eq!(lean.2, Some(0), "{round}: {args:?}: {lean:?}");
        }
    }
}
