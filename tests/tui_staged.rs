//! The TUI starts on the newest months and takes the older ones from a background load:
//! meanwhile nothing shown is wrong, and afterwards the screen equals a full load's.

use crate::tui_support;

use chrono::{DateTime, FixedOffset};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use rolo::app::{Host, run_app};
use rolo::journal::Journal;
use rolo::keymap::Keymap;
use rolo::store::{OlderLoad, Store};
use std::io;
use std::path::Path;
use tui_support::App;

/// Hands over the older months on its first call, or never.
struct StagedHost {
    older: Option<OlderLoad>,
}

impl Host for StagedHost {
    fn now(&self) -> DateTime<FixedOffset> {
        tui_support::now()
    }
    fn edit(&mut self, _path: &Path) -> io::Result<()> {
        Ok(())
    }
    fn older(&mut self) -> Option<OlderLoad> {
        self.older.take()
    }
}

fn screen(terminal: &Terminal<TestBackend>) -> String {
    let buf = terminal.backend().buffer();
    let mut out = String::new();
    for y in 0..buf.area.height {
        for x in 0..buf.area.width {
            out.push_str(buf[(x, y)].symbol());
        }
        out.push('\n');
    }
    out
}

fn run_staged(app: &App, deliver: bool) -> (String, Journal) {
    let store = Store::on_disk(app.dir.path());
    let (mut journal, pending) = Journal::from_recent(store.load_recent(1).unwrap());
    assert!(journal.is_loading_older());
    let older = deliver.then(|| store.load_older(pending));
    let mut host = StagedHost { older };
    let mut terminal = Terminal::new(TestBackend::new(120, 35)).unwrap();
    let events = vec![Ok(None)];
    run_app(
        &mut terminal,
        &store,
        &mut journal,
        &Keymap::default(),
        events,
        &mut host,
    )
    .unwrap();
    (screen(&terminal), journal)
}

#[test]
fn while_older_months_load_the_screen_says_so_instead_of_guessing() {
    let app = App::demo(120, 35);
    let (shown, journal) = run_staged(&app, false);
    assert!(shown.contains("loading older entries…"), "{shown}");
    // Ben was last seen in April: with only November loaded he is unknown, not "never" and
    // not overdue by a full rhythm.
    let ben = shown.lines().find(|l| l.contains("Ben Carter")).unwrap();
    assert!(ben.contains('…') && !ben.contains('!'), "{ben}");
    let ix = journal.ix("ben-carter").unwrap();
    assert_eq!(
        journal.overdue_by(ix, tui_support::now().date_naive()),
        None
    );
}

#[test]
fn once_older_months_arrive_the_screen_equals_a_full_load() {
    let app = App::demo(120, 35);
    let (staged, journal) = run_staged(&app, true);
    assert!(!journal.is_loading_older());

    let store = Store::on_disk(app.dir.path());
    let mut full = Journal::new(store.load().unwrap());
    let mut terminal = Terminal::new(TestBackend::new(120, 35)).unwrap();
    let mut host = StagedHost { older: None };
    run_app(
        &mut terminal,
        &store,
        &mut full,
        &Keymap::default(),
        vec![Ok(None)],
        &mut host,
    )
    .unwrap();
    assert_eq!(staged, screen(&terminal));
    assert_eq!(journal.entry_count(), full.entry_count());
}

/// Hands over the older months on its second call, as a background load finishing a moment
/// after an outside edit would.
struct LateHost {
    older: Option<OlderLoad>,
    calls: usize,
}

impl Host for LateHost {
    fn now(&self) -> DateTime<FixedOffset> {
        tui_support::now()
    }
    fn edit(&mut self, _path: &Path) -> io::Result<()> {
        Ok(())
    }
    fn older(&mut self) -> Option<OlderLoad> {
        self.calls += 1;
        if self.calls >= 2 {
            self.older.take()
        } else {
            None
        }
    }
}

#[test]
fn an_old_month_edited_while_it_loads_is_shown_once() {
    let app = App::demo(120, 35);
    let dir = app.dir.path().to_path_buf();
    let store = Store::on_disk(&dir);
    let (mut journal, pending) = Journal::from_recent(store.load_recent(1).unwrap());
    let older = store.load_older(pending);
    let mut host = LateHost {
        older: Some(older),
        calls: 0,
    };
    let added = "\n[[entry]]\nid = \"2025-01-31-2000-zoe\"\nat = 2025-01-31T20:00:00+01:00\nwith = [\"zoe-muller\"]\nnote = \"added by hand\"\n";
    run_with_hand_edit(
        &store,
        &mut journal,
        &mut host,
        &dir.join("journal/2025/2025-01.toml"),
        added,
    );

    let full = Journal::new(Store::on_disk(&dir).load().unwrap());
    assert!(!journal.is_loading_older());
    assert_eq!(
        journal.entry_count(),
        full.entry_count(),
        "no month counted twice"
    );
    assert_eq!(
        journal
            .timeline()
            .filter(|e| e.note == "added by hand")
            .count(),
        1
    );
}

/// Gives the picture for noticing outside edits only on its second call, as the real host's
/// background thread does a moment after the first frame. The picture itself was taken
/// before the edit, as the background thread takes it before reading anything.
struct LateWatchHost {
    picture: Option<rolo::store::Watch>,
    calls: usize,
}

impl Host for LateWatchHost {
    fn now(&self) -> DateTime<FixedOffset> {
        tui_support::now()
    }
    fn edit(&mut self, _path: &Path) -> io::Result<()> {
        Ok(())
    }
    fn watch(&mut self, _store: &Store) -> Option<rolo::store::Watch> {
        self.calls += 1;
        if self.calls >= 2 {
            self.picture.take()
        } else {
            None
        }
    }
}

#[test]
fn outside_edits_are_noticed_once_a_late_picture_arrives() {
    let app = App::demo(120, 35);
    let dir = app.dir.path().to_path_buf();
    let store = Store::on_disk(&dir);
    let mut journal = Journal::new(store.load().unwrap());
    let mut host = LateWatchHost {
        picture: Some(store.watch()),
        calls: 0,
    };
    let added = "\n[[entry]]\nid = \"2026-11-20-2000-zoe\"\nat = 2026-11-20T20:00:00+01:00\nwith = [\"zoe-muller\"]\nnote = \"added by hand\"\n";
    run_with_hand_edit(
        &store,
        &mut journal,
        &mut host,
        &dir.join("journal/2026/2026-11.toml"),
        added,
    );
    assert!(host.calls >= 2, "the loop asks again on a tick");
    assert_eq!(
        journal
            .timeline()
            .filter(|e| e.note == "added by hand")
            .count(),
        1
    );
}

/// Three idle ticks of the app; before the first, `added` is appended to `month` by hand
/// (a new version renamed into place, as editors and git do).
fn run_with_hand_edit(
    store: &Store,
    journal: &mut Journal,
    host: &mut dyn Host,
    month: &Path,
    added: &str,
) {
    let mut edited = false;
    let events = std::iter::from_fn(|| {
        if !edited {
            edited = true;
            // Let the clock tick past rolo's own reading, then rename a new version in.
            std::thread::sleep(std::time::Duration::from_millis(30));
            let mut text = std::fs::read_to_string(month).unwrap();
            text.push_str(added);
            let tmp = month.with_extension("tmp-outside");
            std::fs::write(&tmp, text).unwrap();
            std::fs::rename(&tmp, month).unwrap();
        }
        Some(Ok(None))
    })
    .take(3);
    let mut terminal = Terminal::new(TestBackend::new(120, 35)).unwrap();
    run_app(
        &mut terminal,
        store,
        journal,
        &Keymap::default(),
        events,
        host,
    )
    .unwrap();
}
