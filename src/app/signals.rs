//! SIGTERM and SIGHUP (`kill`, a logout, a closed terminal window): the note being typed is
//! written to its draft, the terminal given back (main screen, cursor shown, raw mode off),
//! and then rolo ends by that same signal, so its parent sees what ended it.
//!
//! The loop notices the signal within a tick and leaves the normal way (its last act writes
//! the draft). A closed terminal can keep it from noticing: crossterm then reads an endless
//! end-of-file inside its own poll and never returns. So a watcher thread, after a short
//! grace, writes the draft the loop last published (`DraftSlot`) and ends rolo itself.
//!
//! Not SIGINT: ctrl-c is a key in raw mode, and in `$EDITOR` it belongs to the editor (which
//! shares rolo's process group), not to rolo. A repeated signal changes nothing: a closed
//! window sends SIGHUP more than once.

use crate::model::Draft;
use crate::store::Store;
use signal_hook::consts::{SIGHUP, SIGTERM};
use signal_hook::iterator::{Handle, Signals};
use std::io;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::thread::Scope;
use std::time::Duration;

/// The note being typed as the loop last left it, after every event (`None`: no note open).
/// The loop holds the lock while it handles an event, so the watcher never sees a draft
/// whose note was saved a moment before.
pub type DraftSlot = Arc<Mutex<Option<Draft>>>;

/// How long the loop has to leave by itself before the watcher steps in: a few ticks.
const GRACE: Duration = Duration::from_millis(1000);

pub struct Stop {
    signal: Arc<AtomicUsize>,
    handle: Handle,
}

impl Stop {
    /// Catch the stop signals from now on; the watcher runs in `scope` until `close`.
    pub fn listen<'scope, 'env: 'scope>(
        scope: &'scope Scope<'scope, 'env>,
        store: &'env Store,
        slot: DraftSlot,
    ) -> io::Result<Stop> {
        let mut signals = Signals::new([SIGTERM, SIGHUP])?;
        let handle = signals.handle();
        let signal = Arc::new(AtomicUsize::new(0));
        let seen = Arc::clone(&signal);
        scope.spawn(move || {
            // Ends when `close` is called: the loop left without a signal.
            if let Some(sig) = signals.forever().next() {
                seen.store(usize::try_from(sig).unwrap_or(1), Ordering::SeqCst);
                std::thread::sleep(GRACE);
                // Still running: the loop is stuck. Write what it last showed, and go.
                let draft = slot.lock().unwrap_or_else(|e| e.into_inner()).clone();
                if let Some(draft) = draft {
                    let _ = store.save_draft(&draft);
                }
                super::terminal::give_back();
                end_by(sig);
            }
        });
        Ok(Stop { signal, handle })
    }

    /// The stop signal that arrived, if one has.
    pub fn got(&self) -> Option<i32> {
        match self.signal.load(Ordering::SeqCst) {
            0 => None,
            sig => i32::try_from(sig).ok(),
        }
    }
}

/// The loop has ended without a signal (or panicked): the watcher stops, so the scope it
/// runs in can end.
impl Drop for Stop {
    fn drop(&mut self) {
        self.handle.close();
    }
}

/// A folder to remove when a signal ends rolo: `--demo`'s copy of the demo journal, which
/// its owner removes on a normal exit (a signal ends the process before any drop runs).
static REMOVE_AT_END: Mutex<Option<std::path::PathBuf>> = Mutex::new(None);

/// Remove `dir` should a stop signal end rolo (`end_by`).
pub fn remove_on_signal(dir: std::path::PathBuf) {
    *REMOVE_AT_END.lock().unwrap_or_else(|e| e.into_inner()) = Some(dir);
}

/// End the process by `sig`, as if rolo had not caught it.
pub fn end_by(sig: i32) -> ! {
    let dir = REMOVE_AT_END
        .lock()
        .unwrap_or_else(|e| e.into_inner())
        .take();
    if let Some(dir) = dir {
        let _ = std::fs::remove_dir_all(dir);
    }
    let _ = signal_hook::low_level::emulate_default_handler(sig);
    // Only if the signal did not end the process (it always does for these two).
    std::process::exit(128 + sig);
}
