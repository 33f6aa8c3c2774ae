//! The TUI starts on the newest months and takes the older ones from a background load:
//! meanwhile nothing shown is wrong, and afterwards the screen equals a full load's.

mod tui_support;

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
