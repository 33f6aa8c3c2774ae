//! The names pass against a full load, through edits between runs.

use crate::model::Contact;
use crate::store::Store;
use std::path::Path;
use std::time::Duration;

type Names = (Vec<(String, String, Vec<String>)>, Vec<String>);

/// id, name and aliases of each contact a full lean load (no cache) gives, and its
/// problems.
fn truth(data: &Path) -> Names {
    let loaded = Store::on_disk(data).load_contacts_lean().unwrap();
    let problems = loaded.problems.iter().map(|p| p.to_string()).collect();
    (loaded.contacts.into_iter().map(triple).collect(), problems)
}

fn triple(c: Contact) -> (String, String, Vec<String>) {
    (c.id, c.name, c.aliases)
}

/// What `contact_names` gives in a new process (a new store) on the same cache, and how
/// many cards it looked up in the decode cache or read.
fn names(data: &Path, cache: &Path) -> (Names, usize) {
    let store = Store::on_disk(data)
        .with_cache(cache)
        .cache_settle_after(Duration::ZERO);
    let files = store.contact_files().unwrap();
    let loaded = store.contact_names(&files).unwrap().loaded;
    let problems = loaded.problems.iter().map(|p| p.to_string()).collect();
    let names = loaded.contacts.into_iter().map(triple).collect();
    let stats = store.cache_stats().unwrap();
    ((names, problems), stats.hits + stats.misses)
}

/// The names equal a full load's through every kind of change between runs: a name
/// edited in place (same size, same inode: the folder's stamp stays), cards added and
/// removed, a card broken and mended, an alias added; the second run after each reads
/// no card but the broken one.
#[test]
fn names_equal_a_full_loads_through_edits_between_runs() {
    let data = tempfile::tempdir().unwrap();
    let cache = tempfile::tempdir().unwrap();
    let contacts = data.path().join("contacts");
    std::fs::create_dir(&contacts).unwrap();
    let card = |id: &str, text: &str| {
        std::fs::write(contacts.join(format!("{id}.toml")), text).unwrap();
        // A new coarse clock tick, so an edit of the same size has a new stamp.
        std::thread::sleep(Duration::from_millis(20));
    };
    card("ada", "name = \"Ada Lovelace\"\naliases = [\"Countess\"]\n");
    card("bob", "name = \"Bob\"\n");
    card("zoe", "name = \"Zoë Müller\"\naliases = [\"Зоя\"]\n");
    card("broken", "name = \"Half\n");
    card(
        "cy",
        "name = \"Cy\"\n\n[[need]]\nid = 1\nwhat = \"A ride\"\nsince = 2026-01-02\nstatus = \"open\"\n",
    );
    let check = |step: &str| {
        let want = truth(data.path());
        let (first, looked_up) = names(data.path(), cache.path());
        assert_eq!(first, want, "{step}: first run");
        assert!(looked_up > 0, "{step}: something changed");
        // The broken card is read each time (only whole cards are kept), no other.
        assert_eq!(names(data.path(), cache.path()), (want, 1), "{step}: kept");
    };
    check("start");
    card("bob", "name = \"Rob\"\n");
    check("a name edited in place");
    card("dee", "name = \"Dee\"\n");
    std::fs::remove_file(contacts.join("ada.toml")).unwrap();
    check("a card added, one removed");
    card("cy", "name = [\n");
    card("broken", "name = \"Whole\"\n");
    check("one broken, one mended");
    card("dee", "name = \"Dee\"\naliases = [\"D\"]\n");
    check("an alias added");
}

/// The guess a brief by name makes: the one card whose name or alias has the key.
#[test]
fn the_open_need_guess_needs_exactly_one_card() {
    let data = tempfile::tempdir().unwrap();
    let cache = tempfile::tempdir().unwrap();
    let contacts = data.path().join("contacts");
    std::fs::create_dir(&contacts).unwrap();
    let open = "\n[[need]]\nid = 1\nwhat = \"A ride\"\nsince = 2026-01-02\nstatus = \"open\"\n";
    let card = |id: &str, text: &str| {
        std::fs::write(contacts.join(format!("{id}.toml")), text).unwrap();
    };
    card("cy", &format!("name = \"Cy Young\"\n{open}"));
    card("di", "name = \"Dí Álvarez\"\naliases = [\"Twin\"]\n");
    card(
        "ed",
        &format!("name = \"Ed\"\naliases = [\"Twin\"]\n{open}"),
    );
    let store = Store::on_disk(data.path())
        .with_cache(cache.path())
        .cache_settle_after(Duration::ZERO);
    assert_eq!(store.kept_open_need("cy young"), None, "nothing kept yet");
    store
        .contact_names(&store.contact_files().unwrap())
        .unwrap();
    assert_eq!(store.kept_open_need("cy young"), Some(("cy".into(), true)));
    assert_eq!(
        store.kept_open_need("di alvarez"),
        Some(("di".into(), false))
    );
    assert_eq!(store.kept_open_need("ed"), Some(("ed".into(), true)));
    assert_eq!(store.kept_open_need("twin"), None, "two cards");
    assert_eq!(store.kept_open_need("cy"), None, "only whole names");
    assert_eq!(store.kept_open_need(""), None);
    let uncached = Store::on_disk(data.path());
    assert_eq!(uncached.kept_open_need("cy young"), None);
}

/// Who `query` means by `person_by_name` in a new process on the same cache (the id,
/// "-" for no one or several, resolved as `loads::by_names` resolves what it gives),
/// and whether the keys kept decided it; and who it means on a full load.
fn by_name(data: &Path, cache: &Path, query: &str) -> (String, bool, String) {
    use crate::journal::{Journal, Resolution};
    let id_of = |j: &Journal, r: Resolution| match r {
        Resolution::One(ix) => j.contact(ix).unwrap().id.clone(),
        _ => "-".to_string(),
    };
    let store = Store::on_disk(data)
        .with_cache(cache)
        .cache_settle_after(Duration::ZERO);
    let files = store.contact_files().unwrap();
    let kept = store.kept_names();
    let guessed = store.guess_by_name(&kept, query);
    let (found, by_keys) = match store
        .person_by_name(&files, query, &kept, &guessed)
        .unwrap()
    {
        super::ByName::One(id) => (id, true),
        super::ByName::Names(names) => {
            let j = Journal::new(names.loaded);
            (id_of(&j, j.resolve(query)), false)
        }
    };
    let full = Journal::new(Store::on_disk(data).load_contacts_lean().unwrap());
    (found, by_keys, id_of(&full, full.resolve(query)))
}

/// Who `query` means by `load_contacts_lean_naming` in a new process on the same cache
/// (the id, "-" for no one or several, resolved on the cards it read when the names kept
/// do not tell), and whether the names kept told.
fn by_lean_naming(data: &Path, cache: &Path, query: &str) -> (String, bool) {
    use crate::journal::{Journal, Resolution};
    let store = Store::on_disk(data)
        .with_cache(cache)
        .cache_settle_after(Duration::ZERO);
    let (loaded, named) = store.load_contacts_lean_naming(Some(query), None).unwrap();
    assert_eq!(
        loaded.contacts,
        Store::on_disk(data).load_contacts_lean().unwrap().contacts,
        "{query:?}: the cards are a lean load's"
    );
    // The same, on stamps taken a moment before (a brief that found a card not as kept).
    let files = store.contact_files().unwrap();
    let taken = crate::store::StampsTaken {
        stamps: store.card_stamps(&files),
        files,
    };
    let again = store
        .load_contacts_lean_naming(Some(query), Some(&taken))
        .unwrap();
    assert_eq!(
        again.0.contacts, loaded.contacts,
        "{query:?}: on stamps taken"
    );
    // The first read may have kept the names anew, so this one may tell where it did not;
    // whom it names is whom the cards say.
    if let Some(id) = &again.1 {
        let j = Journal::new(Store::on_disk(data).load_contacts_lean().unwrap());
        match j.resolve(query) {
            Resolution::One(ix) => assert_eq!(&j.contact(ix).unwrap().id, id, "{query:?}"),
            other => panic!("{query:?}: {other:?}, but the names kept said {id}"),
        }
    }
    if let Some(id) = named {
        return (id, true);
    }
    let j = Journal::new(loaded);
    let id = match j.resolve(query) {
        Resolution::One(ix) => j.contact(ix).unwrap().id.clone(),
        _ => "-".to_string(),
    };
    (id, false)
}

/// `to` made a copy of `from`, files and folders.
fn copy_tree(from: &Path, to: &Path) {
    let _ = std::fs::remove_dir_all(to);
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy_tree(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), target).unwrap();
        }
    }
}

/// A typed name means whom a full load says, on the keys kept and on cards changed
/// since (a name edited in place to one of the same size, an alias that makes a name
/// two people's, a broken card, one removed), the run that keeps them and the run
/// after; the run after decides from the keys kept.
#[test]
fn a_name_means_whom_a_full_load_says_through_edits() {
    let data = tempfile::tempdir().unwrap();
    let cache = tempfile::tempdir().unwrap();
    let contacts = data.path().join("contacts");
    std::fs::create_dir(&contacts).unwrap();
    let card = |id: &str, text: &str| {
        // Ids no query is: an id is looked up before any name (`loads`).
        std::fs::write(contacts.join(format!("id-{id}.toml")), text).unwrap();
        std::thread::sleep(Duration::from_millis(20));
    };
    for (id, name) in [
        ("ada", "Ada Lovelace"),
        ("bob", "Bob Stone"),
        ("zoe", "Zoë Müller"),
        ("li", "李雷"),
        ("eve", "Eve Adams"),
        ("max", "Max Weber"),
    ] {
        card(id, &format!("name = \"{name}\"\n"));
    }
    let queries = [
        "Ada Lovelace",
        "ada",
        "love",
        "bob",
        "rob",
        "Rob Stone",
        "zoe muller",
        "Müller",
        "李雷",
        "eve",
        "adams",
        "ad",
        "max",
        "countess",
        "stone",
        "nobody",
    ];
    // Each query of the run that keeps the names on a copy of the cache as it was
    // after the edit: the first would otherwise keep them for the rest.
    let as_edited = tempfile::tempdir().unwrap();
    let check = |step: &str| {
        copy_tree(cache.path(), as_edited.path());
        for run in ["keeps", "after"] {
            for q in queries {
                if run == "keeps" {
                    copy_tree(as_edited.path(), cache.path());
                }
                // Before the names are kept again: the lean read checks the names as
                // they were kept before the edit.
                let (lean, lean_by_keys) = by_lean_naming(data.path(), cache.path(), q);
                if run == "keeps" {
                    copy_tree(as_edited.path(), cache.path());
                }
                let (found, by_keys, want) = by_name(data.path(), cache.path(), q);
                assert_eq!(found, want, "{step}, {run}: {q:?}");
                assert_eq!(lean, want, "{step}, {run}: {q:?}, read lean");
                if run == "after" && want != "-" {
                    assert!(by_keys, "{step}: {q:?} decided from the keys kept");
                    // The names keep only cards that load: with one broken (from that step
                    // on), the folder is never as kept.
                    let broken = matches!(step, "a card broken" | "a card removed");
                    assert_eq!(lean_by_keys, !broken, "{step}: {q:?} read lean");
                }
            }
        }
    };
    check("start");
    card("bob", "name = \"Rob Stone\"\n");
    check("a name edited in place, same size");
    card(
        "eve",
        "name = \"Eve Adams\"\naliases = [\"Ada\", \"Countess\"]\n",
    );
    check("an alias that makes a name two people's");
    card("max", "name = [\n");
    check("a card broken");
    std::fs::remove_file(contacts.join("id-ada.toml")).unwrap();
    check("a card removed");
}
