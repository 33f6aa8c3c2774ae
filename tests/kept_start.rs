//! The TUI starts on the contacts as the cache kept them (`Store::load_recent_as_kept`),
//! without a look at each card, and the watch's first picture reports every card that is not
//! as it was taken. Started so, with older months merged and the first poll's changes taken
//! in, the journal holds what a plain load of the files holds, whatever was done to a card
//! while rolo was closed, or after the load and before the picture.

use crate::cache::{put, tricky};
use rolo::journal::Journal;
use rolo::model::Contact;
use rolo::store::{Change, Store};
use std::fs;
use std::path::Path;
use std::time::{Duration, SystemTime};

fn cached(data: &Path, cache: &Path) -> Store {
    // Test files are all brand new; a real load waits until a file is 2 s old to cache it.
    Store::on_disk(data)
        .with_cache(cache)
        .cache_settle_after(Duration::ZERO)
}

/// Every file loaded once through the cache, and the cache written.
fn warm_up(data: &Path, cache: &Path) {
    let warm = cached(data, cache);
    warm.load().unwrap();
    warm.flush_cache().unwrap();
}

/// A stamp taken after this differs in its times from one taken before.
fn next_tick() {
    std::thread::sleep(Duration::from_millis(30));
}

/// `text` written into the file in place: same inode, so the folder's stamp stays, as
/// nano, VS Code or `printf > file` leave it.
fn in_place(data: &Path, rel: &str, text: &str) {
    use std::os::unix::fs::MetadataExt;
    let path = data.join(rel);
    let inode = fs::metadata(&path).unwrap().ino();
    fs::write(&path, text).unwrap();
    assert_eq!(fs::metadata(&path).unwrap().ino(), inode);
}

/// As `in_place`, with the modification time put back (`touch -r`): only the change time
/// tells.
fn in_place_time_kept(data: &Path, rel: &str, text: &str) {
    let path = data.join(rel);
    let before: SystemTime = fs::metadata(&path).unwrap().modified().unwrap();
    in_place(data, rel, text);
    fs::File::options()
        .write(true)
        .open(&path)
        .unwrap()
        .set_modified(before)
        .unwrap();
    assert_eq!(fs::metadata(&path).unwrap().modified().unwrap(), before);
}

/// `text` written beside the file and renamed over it, as `sed -i` and rolo itself write:
/// the folder's stamp moves.
fn renamed_over(data: &Path, rel: &str, text: &str) {
    let path = data.join(rel);
    let tmp = path.with_extension("tmp-edit");
    fs::write(&tmp, text).unwrap();
    fs::rename(&tmp, &path).unwrap();
}

/// What a journal holds of its people, in an order that does not depend on how it was made
/// (a card reloaded in a running journal keeps its place).
fn people(j: &Journal) -> (Vec<String>, Vec<String>) {
    let mut contacts: Vec<&Contact> = j.contacts().iter().collect();
    contacts.sort_by(|a, b| a.id.cmp(&b.id));
    let mut problems: Vec<String> = j.problems.iter().map(|p| format!("{p:?}")).collect();
    problems.sort();
    (
        contacts.iter().map(|c| format!("{c:?}")).collect(),
        problems,
    )
}

/// The TUI's start: contacts as kept and the newest months, the watch's picture, the older
/// months, then the first poll's changes taken in. Also gives the journal as first drawn.
fn start_as_kept(store: &Store, between: impl FnOnce()) -> (Vec<Contact>, Journal, Vec<Change>) {
    let (mut journal, pending) = Journal::from_recent(store.load_recent_as_kept(2).unwrap());
    let first_frame = journal.contacts().to_vec();
    between();
    let mut watch = store.watch();
    journal.extend_older(store.load_older(pending));
    let changes = store.poll(&mut watch, &[]);
    rolo::refresh::apply(store, &mut journal, &changes);
    (first_frame, journal, changes)
}

fn plain(data: &Path) -> Journal {
    Journal::new(Store::on_disk(data).load_sequential().unwrap())
}

const ADA: &str = "contacts/ada.toml";
/// The same length as `tricky`'s Ada, with another name.
fn ada_same_size(data: &Path) -> String {
    let text = fs::read_to_string(data.join(ADA)).unwrap();
    let edited = text.replace("Ada Lovelace", "Ada Lovelacf");
    assert_eq!(edited.len(), text.len());
    edited
}

#[test]
fn a_start_as_kept_then_its_first_poll_equals_a_plain_load_after_every_kind_of_edit() {
    type Edit = fn(&Path);
    let edits: [(&str, Edit, bool); 9] = [
        ("nothing", |_| {}, false),
        (
            "a name, in place",
            |d| in_place(d, ADA, "name = \"Ada King\"\n"),
            true,
        ),
        (
            "same size, in place, time put back",
            |d| in_place_time_kept(d, ADA, &ada_same_size(d)),
            true,
        ),
        ("broken, in place", |d| in_place(d, ADA, "name = \n"), true),
        (
            "a broken card mended, in place",
            |d| in_place(d, "contacts/broken.toml", "name = \"Mended\"\n"),
            false,
        ),
        (
            "a card with a warning, in place",
            |d| in_place(d, "contacts/twice.toml", "name = \"Once\"\n"),
            false,
        ),
        (
            "renamed over",
            |d| renamed_over(d, ADA, "name = \"Ada Byron\"\n"),
            false,
        ),
        ("removed", |d| fs::remove_file(d.join(ADA)).unwrap(), false),
        (
            "added",
            |d| put(d, "contacts/dee.toml", "name = \"Dee\"\n"),
            false,
        ),
    ];
    for (what, edit, taken_as_kept) in edits {
        let (data, cache) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
        tricky(data.path());
        warm_up(data.path(), cache.path());
        next_tick();
        edit(data.path());

        let store = cached(data.path(), cache.path());
        let (first, journal, changes) = start_as_kept(&store, || {});
        let expected = plain(data.path());
        // The test reaches what it means to: an edit in place is first drawn as kept.
        let ada = |cs: &[Contact]| cs.iter().find(|c| c.id == "ada").map(|c| c.name.clone());
        if taken_as_kept {
            assert_eq!(ada(&first).as_deref(), Some("Ada Lovelace"), "{what}");
            assert_eq!(changes, [Change::Contact("ada".into())], "{what}");
        }
        if what == "nothing" {
            assert!(changes.is_empty(), "{what}: {changes:?}");
        }
        let (got, want) = (people(&journal), people(&expected));
        if what == "broken, in place" {
            // A card that breaks keeps its last good content in a running journal, marked by
            // the same problem a plain load reports (which shows a stand-in instead).
            assert_eq!(got.1, want.1, "{what}");
            assert_eq!(
                ada(journal.contacts()).as_deref(),
                Some("Ada Lovelace"),
                "{what}"
            );
            continue;
        }
        assert_eq!(got, want, "{what}");
    }
}

/// Cards edited, added or removed after the load and before the watch's picture: the picture
/// alone would take the files as they are then as the baseline and never report them; the
/// stamps the load took each card under, and the cards it took, do.
#[test]
fn what_changes_between_the_load_and_the_picture_is_reported() {
    for warm in [true, false] {
        let (data, cache) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
        tricky(data.path());
        if warm {
            warm_up(data.path(), cache.path());
        }
        next_tick();
        let store = cached(data.path(), cache.path());
        let (first, journal, changes) = start_as_kept(&store, || {
            in_place(data.path(), "contacts/bob.toml", "name = \"Robert\"\n");
            put(data.path(), "contacts/dee.toml", "name = \"Dee\"\n");
            // No entry names Twice: a journal running when a card goes does not check the
            // months for names that lost their card again (a plain load warns of them).
            fs::remove_file(data.path().join("contacts/twice.toml")).unwrap();
        });
        let bob = |cs: &[Contact]| cs.iter().find(|c| c.id == "bob").map(|c| c.name.clone());
        assert_eq!(bob(&first).as_deref(), Some("Bob"), "warm {warm}");
        let expected = [
            Change::Contact("bob".into()),
            Change::Contact("dee".into()),
            Change::ContactRemoved("twice".into()),
        ];
        assert_eq!(changes, expected, "warm {warm}");
        assert_eq!(
            bob(journal.contacts()).as_deref(),
            Some("Robert"),
            "warm {warm}"
        );
        assert_eq!(people(&journal), people(&plain(data.path())), "warm {warm}");
    }
}

/// Taken as kept, a card is not looked at: the cache answers for every card it holds, and
/// the loads that check each card's stamp still do.
#[test]
fn a_start_as_kept_takes_every_kept_card_from_the_cache() {
    let (data, cache) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
    tricky(data.path());
    warm_up(data.path(), cache.path());
    next_tick();
    in_place(data.path(), ADA, "name = \"Ada King\"\n");
    let store = cached(data.path(), cache.path());
    let ada = |loaded: rolo::store::RecentLoad| {
        let ada = loaded.loaded.contacts.into_iter().find(|c| c.id == "ada");
        ada.map(|c| c.name)
    };
    let as_kept = ada(store.load_recent_as_kept(2).unwrap());
    assert_eq!(as_kept.as_deref(), Some("Ada Lovelace"));
    let checked = cached(data.path(), cache.path());
    assert_eq!(
        ada(checked.load_recent(2).unwrap()).as_deref(),
        Some("Ada King")
    );
}

/// A card taken as kept whose file can no longer be read: its link now points nowhere (found
/// by a review: the person vanished, "1 contact file removed outside rolo"). A file that is
/// there but unreadable is not a removal: the person stays, marked with the problem a plain
/// load reports, until the file reads again.
#[test]
fn a_kept_card_that_no_longer_reads_stays_marked_and_is_not_removed() {
    // Its target gone, or a folder where it was (a read that fails; as root, no permission
    // stops a read, so `chmod 000` cannot stand in here).
    for folder in [false, true] {
        kept_card_no_longer_reads(folder);
    }
}

fn kept_card_no_longer_reads(folder: bool) {
    let (data, cache) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
    let outside = tempfile::tempdir().unwrap();
    tricky(data.path());
    let target = outside.path().join("bob.toml");
    fs::rename(data.path().join("contacts/bob.toml"), &target).unwrap();
    std::os::unix::fs::symlink(&target, data.path().join("contacts/bob.toml")).unwrap();
    warm_up(data.path(), cache.path());
    next_tick();
    fs::remove_file(&target).unwrap();
    if folder {
        fs::create_dir(&target).unwrap();
    }
    let store = cached(data.path(), cache.path());
    let (_, journal, changes) = start_as_kept(&store, || {});
    assert_eq!(changes, [Change::Contact("bob".into())], "folder {folder}");
    let plain = plain(data.path());
    let problem = plain
        .problems
        .iter()
        .find(|p| p.path.ends_with("bob.toml"))
        .unwrap_or_else(|| panic!("{:?}", plain.problems));
    assert_eq!(
        journal.broken_by_id("bob"),
        Some(problem),
        "folder {folder}"
    );
    // Everyone else as a plain load has them.
    let others = |j: &Journal| {
        let (mut contacts, problems) = people(j);
        contacts.retain(|c| !c.contains("id: \"bob\""));
        let problems: Vec<String> = problems
            .into_iter()
            .filter(|p| !p.contains("bob.toml"))
            .collect();
        (contacts, problems)
    };
    assert_eq!(others(&journal), others(&plain), "folder {folder}");
}
