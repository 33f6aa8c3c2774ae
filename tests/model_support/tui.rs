//! A running TUI: the real `run_app` on a `TestBackend`, fed scripted keys in short runs.
//! Between two runs the journal, the store (and its cache) and the picture for noticing
//! outside edits carry over, so the runs together behave as one session; a restart builds
//! them afresh, as `rolo` does at start.

use chrono::{DateTime, FixedOffset};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};
use rolo::app::{AppState, Host, run_app};
use rolo::journal::Journal;
use rolo::keymap::Keymap;
use rolo::store::{OlderLoad, Store, Watch};
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::{Path, PathBuf};
use std::sync::Mutex;

/// Where and why the last panic happened (the hook keeps it for the failure report).
static LAST_PANIC: Mutex<Option<String>> = Mutex::new(None);

thread_local! {
    /// Set while rolo's code runs under `guarded`: its panics are recorded, not printed.
    static GUARDED: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// Run `f`, turning a panic into an error that says where it happened.
pub fn guarded<T>(what: &str, f: impl FnOnce() -> T) -> Result<T, String> {
    GUARDED.with(|g| g.set(true));
    let result = catch_unwind(AssertUnwindSafe(f));
    GUARDED.with(|g| g.set(false));
    result.map_err(|_| panic_report(what))
}

/// Record panics inside `guarded` instead of printing them (proptest shrinks through many);
/// any other panic (the test's own report) prints as usual.
pub fn quiet_panics() {
    static ONCE: std::sync::Once = std::sync::Once::new();
    ONCE.call_once(|| {
        let default = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            if !GUARDED.with(|g| g.get()) {
                return default(info);
            }
            let at = info
                .location()
                .map(|l| format!("{}:{}", l.file(), l.line()))
                .unwrap_or_default();
            let msg = info
                .payload()
                .downcast_ref::<String>()
                .cloned()
                .or_else(|| info.payload().downcast_ref::<&str>().map(|s| s.to_string()))
                .unwrap_or_default();
            if let Ok(mut last) = LAST_PANIC.lock() {
                *last = Some(format!("panicked at {at}: {msg}"));
            }
        }));
    });
}

struct ModelHost {
    now: DateTime<FixedOffset>,
    older: Option<OlderLoad>,
    watch: Option<Watch>,
}

impl Host for ModelHost {
    fn now(&self) -> DateTime<FixedOffset> {
        self.now
    }
    fn edit(&mut self, _path: &Path) -> std::io::Result<()> {
        Ok(())
    }
    fn older(&mut self) -> Option<OlderLoad> {
        self.older.take()
    }
    fn watch(&mut self, store: &Store) -> Option<Watch> {
        Some(self.watch.take().unwrap_or_else(|| store.watch()))
    }
}

pub struct Tui {
    pub store: Store,
    pub journal: Journal,
    pub terminal: Terminal<TestBackend>,
    host: ModelHost,
}

impl Tui {
    /// Start as `rolo` does: the newest months first, the cache flushed and the older months
    /// handed over by the "background load" on the first loop.
    pub fn start(
        root: &Path,
        cache: Option<PathBuf>,
        now: DateTime<FixedOffset>,
    ) -> Result<Tui, String> {
        let store = match cache {
            Some(c) => Store::on_disk(root).with_cache(c),
            None => Store::on_disk(root),
        };
        let loaded = guarded("the TUI's start", || {
            let recent = store.load_recent(3).map_err(|e| format!("load: {e}"))?;
            let (journal, pending) = Journal::from_recent(recent);
            let watch = store.watch();
            let _ = store.flush_cache();
            let older = store.load_older(pending);
            let _ = store.flush_cache();
            Ok::<_, String>((journal, watch, older))
        });
        let (journal, watch, older) = loaded??;
        let terminal =
            Terminal::new(TestBackend::new(160, 40)).map_err(|e| format!("terminal: {e}"))?;
        Ok(Tui {
            store,
            journal,
            terminal,
            host: ModelHost {
                now,
                older: Some(older),
                watch: Some(watch),
            },
        })
    }

    /// Play `events` (ticks included) and return the state at the end. A panic is caught
    /// and returned as an error: it is a failure the test reports, not a crash of the test.
    pub fn play(&mut self, events: Vec<Event>) -> Result<AppState, String> {
        let keymap = Keymap::default();
        let events = events.into_iter().map(|e| match e {
            Event::FocusLost => Ok(None),
            e => Ok(Some(e)),
        });
        let Tui {
            store,
            journal,
            terminal,
            host,
        } = self;
        let result = guarded("the TUI", || {
            run_app(terminal, store, journal, &keymap, events, host).map_err(|e| e.to_string())
        })?;
        let state = result.map_err(|e| format!("the TUI returned an error: {e}"))?;
        // The picture the next run starts from: what the session knows now.
        self.host.watch = Some(self.store.watch());
        Ok(state)
    }

    /// Stop as `rolo` does on quit: write the cache.
    pub fn stop(self) {
        let _ = guarded("the TUI's stop", || self.store.flush_cache());
    }

    /// The screen as text, one line per row (the second half of a wide character skipped).
    pub fn screen(&self) -> String {
        let buf = self.terminal.backend().buffer();
        let mut out = String::new();
        for y in 0..buf.area.height {
            let mut skip = 0;
            for x in 0..buf.area.width {
                if skip > 0 {
                    skip -= 1;
                    continue;
                }
                let symbol = buf[(x, y)].symbol();
                skip = unicode_width::UnicodeWidthStr::width(symbol).saturating_sub(1);
                out.push_str(symbol);
            }
            out.push('\n');
        }
        out
    }
}

pub fn panic_report(what: &str) -> String {
    let last = LAST_PANIC.lock().ok().and_then(|mut l| l.take());
    format!(
        "{what} panicked: {}",
        last.unwrap_or_else(|| "(no message)".into())
    )
}

pub fn key(code: KeyCode) -> Event {
    Event::Key(KeyEvent::new(code, KeyModifiers::NONE))
}

pub fn typed(s: &str) -> Vec<Event> {
    s.chars().map(|c| key(KeyCode::Char(c))).collect()
}

pub fn tick() -> Event {
    Event::FocusLost
}
