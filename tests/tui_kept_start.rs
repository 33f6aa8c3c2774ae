//! The TUI's first frame may show the cards as the cache kept them; the watch's first picture
//! says which are not so. No key acts before that picture is taken in: a key pressed at once
//! waits for it (found by a review: `x` at once confirmed a need the card no longer had, and
//! the write then marked the need now under that number).

use crate::tui_support;

use chrono::{DateTime, FixedOffset};
use rolo::app::{Host, run_app};
use rolo::journal::Journal;
use rolo::keymap::Keymap;
use rolo::store::{Store, Watch};
use std::io;
use std::path::Path;
use std::time::Duration;
use tui_support::{App, ch};

/// As the real host while its background thread still takes the picture: nothing on a tick,
/// the picture when a key waits for it.
struct PictureNotYetTaken {
    waited: usize,
}

impl Host for PictureNotYetTaken {
    fn now(&self) -> DateTime<FixedOffset> {
        tui_support::now()
    }
    fn edit(&mut self, _path: &Path) -> io::Result<()> {
        Ok(())
    }
    fn watch(&mut self, _store: &Store) -> Option<Watch> {
        None
    }
    fn watch_waiting(&mut self, store: &Store) -> Option<Watch> {
        self.waited += 1;
        Some(store.watch())
    }
}

#[test]
fn a_key_at_once_acts_on_the_card_as_it_is_not_as_kept() {
    let mut app = App::demo(120, 35);
    let cache = tempfile::tempdir().unwrap();
    let cached = || {
        Store::on_disk(app.dir.path())
            .with_cache(cache.path())
            .cache_settle_after(Duration::ZERO)
    };
    let warm = cached();
    warm.load().unwrap();
    warm.flush_cache().unwrap();
    std::thread::sleep(Duration::from_millis(30));
    // Aiko's open need, edited in place while rolo was closed (the folder's times stay).
    let card = app.path("contacts/aiko-tanaka.toml");
    let text = std::fs::read_to_string(&card).unwrap();
    let was = "Advice on moving from her Blue Card to a settlement permit";
    assert!(text.contains(was), "the demo changed; update this test");
    std::fs::write(&card, text.replace(was, "A piano teacher for my kid")).unwrap();

    let store = cached();
    let (mut journal, _pending) = Journal::from_recent(store.load_recent_as_kept(1).unwrap());
    let aiko = journal
        .contacts()
        .iter()
        .find(|c| c.id == "aiko-tanaka")
        .unwrap();
    assert!(
        aiko.needs.iter().any(|n| n.what == was),
        "the first frame takes the card as kept"
    );
    let mut host = PictureNotYetTaken { waited: 0 };
    // `x` at once, on the first person (Aiko): mark her open need met.
    let events = vec![Ok(Some(ch('x')))];
    run_app(
        &mut app.terminal,
        &store,
        &mut journal,
        &Keymap::default(),
        events,
        &mut host,
    )
    .unwrap();
    let shown = app.screen();
    assert!(shown.contains("A piano teacher for my kid"), "{shown}");
    assert!(!shown.contains("Blue Card"), "{shown}");
    assert_eq!(host.waited, 1, "the key waited for the picture");
}
