//! The TUI's first frame takes the contacts as the cache kept them, without a look at each
//! card; a card edited by hand while rolo was closed must still reach the screen at once.

use crate::tmux::{Tmux, cache_files, demo_dir, have_tmux};
use std::time::Duration;

/// Whether rolo's cache folder holds contacts.
fn contacts_cached(t: &Tmux) -> bool {
    cache_files(t)
        .iter()
        .any(|(p, _)| p.to_string_lossy().contains("/contacts/"))
}

/// The hardest hand edit to see: in place (the folder's time stays), the same size, and the
/// modification time put back as `touch -r` does. Only the change time tells.
#[test]
fn a_card_edited_in_place_while_rolo_was_closed_shows_at_the_next_start() {
    use std::os::unix::fs::MetadataExt;
    if !have_tmux() {
        return;
    }
    let dir = demo_dir();
    // Files younger than 2 s are not cached; the demo was just written.
    std::thread::sleep(Duration::from_millis(2_100));
    let t = Tmux::new("kept");
    t.start(&t.rolo_line(dir.path(), ""));
    t.wait_for("Contacts 25");
    t.wait("older months", |t| !t.screen().contains("loading older"));
    t.wait("the cache written", contacts_cached);
    t.keys(&["q"]);
    t.wait("rolo to quit", |t| !t.alive());

    let card = dir.path().join("contacts/ben-carter.toml");
    let folder = std::fs::metadata(dir.path().join("contacts")).unwrap();
    let before = std::fs::metadata(&card).unwrap();
    let text = std::fs::read_to_string(&card).unwrap();
    let edited = text.replace("Ben Carter", "Ben Karter");
    assert_ne!(text, edited, "the demo changed; update this test");
    std::fs::write(&card, &edited).unwrap();
    std::fs::File::options()
        .write(true)
        .open(&card)
        .unwrap()
        .set_modified(before.modified().unwrap())
        .unwrap();
    let after = std::fs::metadata(&card).unwrap();
    assert_eq!(
        (after.ino(), after.len(), after.modified().unwrap()),
        (before.ino(), before.len(), before.modified().unwrap())
    );
    let folder_now = std::fs::metadata(dir.path().join("contacts")).unwrap();
    assert_eq!(folder_now.modified().unwrap(), folder.modified().unwrap());

    // Older than 2 s, the edit is no fresh stamp that the watch would look at twice anyway.
    std::thread::sleep(Duration::from_millis(2_100));
    t.start(&t.rolo_line(dir.path(), ""));
    t.wait_for("Ben Karter");
    t.wait_for("reloaded 1 contact changed outside rolo");
    assert!(!t.screen().contains("Ben Carter"), "{}", t.screen());
    t.keys(&["q"]);
    t.wait("rolo to quit", |t| !t.alive());
}
