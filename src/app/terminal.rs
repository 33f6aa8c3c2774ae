//! The real terminal: set up, hand over to `$EDITOR`, restore on every way out, including a
//! panic (ratatui's hook restores the terminal before the panic message prints) and SIGTERM
//! or SIGHUP (the draft is written, the terminal restored, then rolo ends by that signal).
//! Mouse capture, when on, is part of that state: turned off on each of those ways out and
//! while `$EDITOR` has the terminal, so the shell and the editor get their mouse back. Each
//! frame is one synchronized update (`synced.rs`), ended on every way out too.

use super::config::Settings;
use super::run::{Host, run_app_with};
use super::signals::{self, DraftSlot, Stop};
use super::synced::Synced;
use crate::history::History;
use crate::journal::Journal;
use crate::store::{OlderLoad, PendingOlder, Store, Watch, paths};
use chrono::{DateTime, FixedOffset};
use ratatui::crossterm::event::{
    self, DisableBracketedPaste, DisableMouseCapture, EnableBracketedPaste, EnableMouseCapture,
    Event,
};
use ratatui::crossterm::execute;
use ratatui::crossterm::terminal::{
    EndSynchronizedUpdate, EnterAlternateScreen, LeaveAlternateScreen, disable_raw_mode,
    enable_raw_mode,
};
use std::io::{self, IsTerminal};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::Receiver;
use std::time::Duration;

/// Why the TUI could not start or had to stop, as one line for the person. The TUI's own
/// type: the entry (`app_main`) turns it into the binary's error, so `app` does not borrow
/// the command line's parts.
#[derive(Debug)]
pub enum TuiError {
    /// `config.toml` does not read (its keys, theme or mouse setting); `why` says where and
    /// what, in the keymap's or the settings' own words.
    Keymap { path: PathBuf, why: String },
    /// `config.toml` is there but cannot be read.
    Config { path: PathBuf, source: io::Error },
    /// stdin or stdout is not a terminal.
    NotATerminal,
    /// The terminal would not go into raw mode or the alternate screen.
    Setup(io::Error),
    /// Drawing or reading keys failed while running.
    Terminal(Box<dyn std::error::Error>),
}

impl std::fmt::Display for TuiError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            TuiError::Keymap { path, why } => write!(
                f,
                "{}: {}",
                path.display(),
                crate::sanitize::inert_line(why)
            ),
            TuiError::Config { path, source } => {
                write!(f, "cannot read {}: {source}", path.display())
            }
            TuiError::NotATerminal => f.write_str(
                "the journal UI needs a terminal; use a command such as `rolo list` when piping",
            ),
            TuiError::Setup(e) => write!(f, "cannot set up the terminal: {e}"),
            TuiError::Terminal(e) => write!(f, "terminal error: {e}"),
        }
    }
}

impl std::error::Error for TuiError {}

/// How long to wait for a key before a tick (which saves the draft if it is behind).
const TICK: Duration = Duration::from_millis(250);
/// The tick while an undo or a history read runs behind: its answer shows within this.
const QUICK_TICK: Duration = Duration::from_millis(15);

/// Everything `config.toml` says (the defaults when there is none), with `NO_COLOR` applied.
pub fn load_settings() -> Result<Settings, TuiError> {
    // The convention: set and not empty means no colour.
    let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
    let Some(path) = paths::config_file(|k| std::env::var(k).ok()) else {
        return Settings::parse("", no_color).map_err(|why| TuiError::Keymap {
            path: PathBuf::from("config.toml"),
            why,
        });
    };
    let text = match std::fs::read_to_string(&path) {
        Ok(text) => text,
        Err(e) if e.kind() == io::ErrorKind::NotFound => String::new(),
        Err(source) => return Err(TuiError::Config { path, source }),
    };
    Settings::parse(&text, no_color).map_err(|why| TuiError::Keymap { path, why })
}

/// Restores the terminal when dropped, so `?` and early returns cannot leave it raw.
struct Restore {
    done: bool,
}

impl Restore {
    fn now(&mut self) {
        if !std::mem::replace(&mut self.done, true) {
            give_back();
        }
    }
}

/// The terminal as the shell had it: mouse capture and bracketed paste off, the alternate
/// screen left, the cursor shown, raw mode off. Errors are ignored: the terminal may be gone.
/// Turning the mouse off when it was never on is harmless, so every way out does it.
pub(super) fn give_back() {
    // A frame cut short would leave the terminal holding its picture: ended first.
    let _ = execute!(
        io::stdout(),
        EndSynchronizedUpdate,
        DisableMouseCapture,
        DisableBracketedPaste
    );
    ratatui::restore();
}

impl Drop for Restore {
    fn drop(&mut self) {
        // During a panic the hook has restored already; leaving the alternate screen a second
        // time would move the cursor back and let the shell overwrite the panic message.
        if !std::thread::panicking() {
            self.now();
        }
    }
}

struct RealHost {
    /// Mouse capture is on: `$EDITOR` gets the terminal without it, and it comes back after.
    mouse: bool,
    /// Where the background load of older months reports.
    older: Option<Receiver<OlderLoad>>,
    watch: WatchFrom,
    /// Where the loop publishes the note being typed, for the signal watcher.
    slot: Option<DraftSlot>,
    history: Option<History>,
    /// Set while effects run behind: the key reader then ticks sooner (`QUICK_TICK`).
    quick: Arc<AtomicBool>,
}

/// Where the picture for noticing outside edits comes from.
enum WatchFrom {
    /// Taken on the loop's thread (a small folder: nothing loads in the background).
    Here,
    /// Taken by the background thread before it reads older months.
    Background(Receiver<Watch>),
    /// Not at all: `--exit-after-first-frame` measures the first frame only.
    Nowhere,
}

impl Host for RealHost {
    fn now(&self) -> DateTime<FixedOffset> {
        crate::clock::now()
    }

    fn history(&self) -> Option<History> {
        self.history.clone()
    }

    fn settles(&self) -> bool {
        false
    }

    fn expecting(&mut self, answers: bool) {
        self.quick.store(answers, Ordering::Relaxed);
    }

    fn draft_slot(&self) -> Option<DraftSlot> {
        self.slot.clone()
    }

    fn older(&mut self) -> Option<OlderLoad> {
        let found = self.older.as_ref()?.try_recv().ok();
        if found.is_some() {
            self.older = None;
        }
        found
    }

    fn watch(&mut self, store: &Store) -> Option<Watch> {
        match &self.watch {
            WatchFrom::Here => Some(store.watch()),
            WatchFrom::Background(rx) => rx.try_recv().ok(),
            WatchFrom::Nowhere => None,
        }
    }

    fn watch_waiting(&mut self, store: &Store) -> Option<Watch> {
        match &self.watch {
            // Taken first thing on the background thread: a stat of every file (50 to 60 ms
            // for the 10,000 cards of the large set, longer on a slow network file system;
            // the first frame waited that long before it took the cards as kept).
            WatchFrom::Background(rx) => rx.recv().ok(),
            _ => self.watch(store),
        }
    }

    fn edit(&mut self, path: &Path) -> io::Result<()> {
        if self.mouse {
            execute!(io::stdout(), DisableMouseCapture)?;
        }
        disable_raw_mode()?;
        execute!(io::stdout(), LeaveAlternateScreen)?;
        let edited = crate::ops::edit::open_editor(path);
        execute!(io::stdout(), EnterAlternateScreen)?;
        enable_raw_mode()?;
        if self.mouse {
            execute!(io::stdout(), EnableMouseCapture)?;
        }
        edited
    }
}

/// Most keys read after a stop signal: what was typed before it (a fast typist, a paste).
const DRAIN: usize = 100_000;

/// Keys from the terminal; `None` when nothing arrived within a tick. After a stop signal,
/// the keys already typed are still read and handled (so the note's draft holds every
/// character typed before the window closed), and then it ends: at once when nothing more
/// is waiting, or when reading fails (a closed terminal).
fn terminal_events(
    stop: &Stop,
    quick: Arc<AtomicBool>,
) -> impl Iterator<Item = io::Result<Option<Event>>> + '_ {
    // A debug-build-only trigger, so tests can prove the terminal comes back after a panic.
    let test_panic = cfg!(debug_assertions) && std::env::var_os("ROLO_TEST_PANIC").is_some();
    let mut drained = 0;
    std::iter::from_fn(move || {
        if stop.got().is_some() {
            drained += 1;
            return match event::poll(Duration::ZERO) {
                Ok(true) if drained <= DRAIN => event::read().ok().map(|e| Ok(Some(e))),
                _ => None,
            };
        }
        // Sooner while an undo or a history read runs behind: its answer shows at once.
        let tick = if quick.load(Ordering::Relaxed) {
            QUICK_TICK
        } else {
            TICK
        };
        let next = match event::poll(tick) {
            Ok(true) => event::read().map(Some),
            Ok(false) => Ok(None),
            // The terminal is gone because of the signal: end quietly, the draft is written.
            Err(_) if stop.got().is_some() => return None,
            Err(e) => Err(e),
        };
        if test_panic && matches!(next, Ok(Some(Event::Key(_)))) {
            panic!("ROLO_TEST_PANIC: panicking inside the TUI on purpose");
        }
        Some(next)
    })
}

/// Open the TUI on `journal`. With `exit_after_first_frame`, draw once and return.
/// Run the TUI. `pending` holds the journal months not loaded yet: they are read on a
/// background thread while the person already browses and types.
pub fn run_tui(
    store: &Store,
    journal: &mut Journal,
    pending: Option<PendingOlder>,
    history: Option<History>,
    exit_after_first_frame: bool,
) -> Result<(), TuiError> {
    let settings = load_settings()?;
    if !io::stdout().is_terminal() || !io::stdin().is_terminal() {
        return Err(TuiError::NotATerminal);
    }
    // ratatui's set-up (raw mode, the alternate screen, its panic hook); the terminal it
    // makes is traded for one whose frames are each shown whole (`synced.rs`).
    drop(ratatui::try_init().map_err(TuiError::Setup)?);
    // From here every way out gives the terminal back, a failing `Terminal::new` too.
    let mut restore = Restore { done: false };
    let backend = Synced::new(ratatui::backend::CrosstermBackend::new(io::stdout()));
    let mut terminal = ratatui::Terminal::new(backend).map_err(TuiError::Setup)?;
    // Bracketed paste, so a pasted line break lands in the note instead of saving it.
    let _ = execute!(io::stdout(), EnableBracketedPaste);
    if settings.mouse {
        let _ = execute!(io::stdout(), EnableMouseCapture);
    }
    let ratatui_hook = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        let _ = execute!(
            io::stdout(),
            EndSynchronizedUpdate,
            DisableMouseCapture,
            DisableBracketedPaste
        );
        ratatui_hook(info);
    }));
    let mouse = settings.mouse;
    if exit_after_first_frame {
        // For measuring start-up: the first frame, then out (older months are not waited for).
        let mut host = RealHost {
            mouse,
            older: None,
            watch: WatchFrom::Nowhere,
            slot: None,
            history: None,
            quick: Arc::default(),
        };
        let result = run_app_with(
            &mut terminal,
            store,
            journal,
            &settings,
            std::iter::empty(),
            &mut host,
        );
        return result.map(|_| ()).map_err(TuiError::Terminal);
    }
    let slot = DraftSlot::default();
    let result = std::thread::scope(|scope| {
        let stop = Stop::listen(scope, store, Arc::clone(&slot))
            .map_err(|e| Box::new(e) as Box<dyn std::error::Error>)?;
        let mut watch = WatchFrom::Here;
        let older = pending.filter(|p| !p.is_empty()).map(|pending| {
            let (tx, rx) = std::sync::mpsc::channel();
            let (watch_tx, watch_rx) = std::sync::mpsc::channel();
            watch = WatchFrom::Background(watch_rx);
            scope.spawn(move || {
                // The picture first, so an edit to an older month made while it loads is still
                // noticed. A receiver is gone only if the app already quit; nothing is lost then.
                let _ = watch_tx.send(store.watch());
                // A first start (no cache yet) holds every contact's encoded record until a
                // flush: write them before the older months pile up next to them.
                let _ = store.flush_cache();
                let _ = tx.send(store.load_older(pending));
                // After the app has what it needs: writing the cache never delays a frame.
                let _ = store.flush_cache();
            });
            rx
        });
        let quick = Arc::new(AtomicBool::new(false));
        let mut host = RealHost {
            mouse,
            older,
            watch,
            slot: Some(slot),
            history,
            quick: quick.clone(),
        };
        let result = run_app_with(
            &mut terminal,
            store,
            journal,
            &settings,
            terminal_events(&stop, quick),
            &mut host,
        );
        // The draft is written (run_app's last act): give the terminal back and end by the
        // signal, without waiting for the background load.
        if let Some(sig) = stop.got() {
            restore.now();
            signals::end_by(sig);
        }
        result
    });
    result.map(|_| ()).map_err(TuiError::Terminal)
}
