//! Changes made outside rolo while the TUI runs: scripted between two keys, with the derived
//! cache on (as a real start has it) or off.

use super::App;
use ratatui::crossterm::event::Event;
use rolo::app::{AppState, run_app};
use rolo::journal::Journal;
use rolo::keymap::Keymap;
use rolo::store::Store;
use std::collections::VecDeque;
use std::path::Path;
use std::time::Duration;

/// A step is either a key for the app or an outside change made between two keys.
pub enum Step {
    Key(Event),
    Outside(Box<dyn FnOnce(&Path)>),
}

pub fn keys(events: Vec<Event>) -> Vec<Step> {
    events.into_iter().map(Step::Key).collect()
}

pub fn outside(change: impl FnOnce(&Path) + 'static) -> Step {
    Step::Outside(Box::new(move |dir| {
        // File times on Linux move in timer ticks of a few milliseconds; let one pass so the
        // change cannot share a timestamp with rolo's own reading of the files.
        std::thread::sleep(Duration::from_millis(30));
        change(dir)
    }))
}

/// Rename a new version into place, as editors, `sed -i` and git do (the folder's time moves).
pub fn replace_by_rename(path: &Path, text: &str) {
    let tmp = path.with_extension("tmp-outside");
    std::fs::write(&tmp, text).unwrap();
    std::fs::rename(&tmp, path).unwrap();
}

/// The real binary, as a second terminal would run it; panics unless it succeeds.
pub fn rolo_cli(dir: &Path, args: &[&str]) -> String {
    let cache = tempfile::tempdir().unwrap();
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_rolo"))
        .arg("--dir")
        .arg(dir)
        .args(args)
        .env("ROLO_CACHE_DIR", cache.path())
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "rolo {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Cache {
    On,
    Off,
}

pub const BOTH: [Cache; 2] = [Cache::On, Cache::Off];

/// The store and journal of one run, and the cache folder while it lives.
pub struct Running {
    pub store: Store,
    pub journal: Journal,
    _cache: Option<tempfile::TempDir>,
}

/// Open the folder as `rolo` does. With the cache on, the cache is written once the load is
/// done, as the TUI's background load does: every later reload goes through a flushed cache.
pub fn start(dir: &Path, cache: Cache) -> Running {
    let (store, folder) = match cache {
        Cache::Off => (Store::on_disk(dir), None),
        Cache::On => {
            let folder = tempfile::tempdir().unwrap();
            // Test files are brand new; a real load caches only files older than 2 s.
            let store = Store::on_disk(dir)
                .with_cache(folder.path())
                .cache_settle_after(Duration::ZERO);
            (store, Some(folder))
        }
    };
    let journal = Journal::new(store.load().unwrap());
    store.flush_cache().unwrap();
    Running {
        store,
        journal,
        _cache: folder,
    }
}

/// Run the app on `steps`: keys go to the app, outside changes happen between two keys.
pub fn play(app: &mut App, run: &mut Running, steps: Vec<Step>) -> AppState {
    let dir = app.dir.path().to_path_buf();
    let mut queue: VecDeque<Step> = steps.into();
    let events = std::iter::from_fn(move || {
        loop {
            match queue.pop_front()? {
                Step::Key(Event::FocusLost) => return Some(Ok(None)),
                Step::Key(e) => return Some(Ok(Some(e))),
                Step::Outside(change) => change(&dir),
            }
        }
    });
    let keymap = Keymap::default();
    run_app(
        &mut app.terminal,
        &run.store,
        &mut run.journal,
        &keymap,
        events,
        &mut app.host,
    )
    .unwrap()
}
