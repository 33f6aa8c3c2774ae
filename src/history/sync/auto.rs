//! The TUI's sync in the background: on a thread of its own (never the UI's), when a remote
//! is set and `[sync] auto` is not off. It syncs on start, `AFTER_CHANGES` after a change
//! (the changes of a burst go together) and once more at quit, for which the TUI waits a
//! bounded time. What it came to is kept for the footer (`footer`): one TUI per process, so
//! one state, which the loop reads each frame without waiting on the thread.

use super::{Request, SyncError, Synced};
use crate::history::History;
use std::sync::Mutex;
use std::sync::mpsc::{self, Receiver, RecvTimeoutError, Sender};
use std::time::{Duration, Instant};

/// How long after a change the TUI syncs.
pub const AFTER_CHANGES: Duration = Duration::from_secs(30);

/// What the background sync came to last.
#[derive(Debug, Clone, PartialEq, Eq)]
enum State {
    Syncing,
    Synced(Instant),
    Offline,
    NeedsYou(usize),
    Failed(String),
}

enum Msg {
    Changed,
    Quit,
}

/// The thread's inbox while it runs (a change is said through it).
static INBOX: Mutex<Option<Sender<Msg>>> = Mutex::new(None);
static STATE: Mutex<Option<State>> = Mutex::new(None);

/// The background sync, running; `finish` at quit.
pub struct Auto {
    tx: Sender<Msg>,
    finished: Receiver<()>,
}

impl History {
    /// Start syncing in the background, when a remote is set and `[sync] auto` allows it.
    pub fn auto_sync(&self) -> Option<Auto> {
        if !self.engine().config.auto_sync {
            return None;
        }
        let (tx, rx) = mpsc::channel();
        let (done_tx, finished) = mpsc::channel();
        let history = self.clone();
        std::thread::Builder::new()
            .name("rolo-sync".into())
            .spawn(move || {
                run(&history, &rx);
                let _ = done_tx.send(());
            })
            .ok()?;
        if let Ok(mut inbox) = INBOX.lock() {
            *inbox = Some(tx.clone());
        }
        Some(Auto { tx, finished })
    }
}

impl Auto {
    /// At quit: one last sync (what was changed since goes out), waited for at most `wait`.
    pub fn finish(self, wait: Duration) {
        if let Ok(mut inbox) = INBOX.lock() {
            *inbox = None;
        }
        // A thread that found no remote is gone, and the send fails: nothing to wait for.
        if self.tx.send(Msg::Quit).is_ok() {
            let _ = self.finished.recv_timeout(wait);
        }
    }
}

/// A change was made: sync a while later (nothing when no background sync runs).
pub(crate) fn changed() {
    if let Ok(inbox) = INBOX.lock()
        && let Some(tx) = inbox.as_ref()
    {
        let _ = tx.send(Msg::Changed);
    }
}

fn run(history: &History, rx: &Receiver<Msg>) {
    // Asked here, not on the UI's thread: no remote, no background sync (and nothing shown).
    if !history.has_remote() {
        if let Ok(mut inbox) = INBOX.lock() {
            *inbox = None;
        }
        return;
    }
    once(history);
    let mut due: Option<Instant> = None;
    loop {
        let msg = match due {
            Some(at) => rx.recv_timeout(at.saturating_duration_since(Instant::now())),
            None => rx.recv().map_err(|_| RecvTimeoutError::Disconnected),
        };
        match msg {
            Ok(Msg::Changed) => {
                due.get_or_insert_with(|| Instant::now() + AFTER_CHANGES);
            }
            Err(RecvTimeoutError::Timeout) => {
                due = None;
                once(history);
            }
            Ok(Msg::Quit) => {
                once(history);
                return;
            }
            Err(RecvTimeoutError::Disconnected) => return,
        }
    }
}

fn once(history: &History) {
    set(State::Syncing);
    set(state_of(&history.sync(&Request::default())));
}

fn state_of(outcome: &Result<Synced, SyncError>) -> State {
    match outcome {
        Ok(_) => State::Synced(Instant::now()),
        Err(e) if e.is_offline() => State::Offline,
        Err(SyncError::NeedsYou(notes)) => State::NeedsYou(super::conflicts(notes)),
        Err(e) => State::Failed(e.to_string()),
    }
}

/// A sync made some other way (a pick on the TUI's sync screen) came to `outcome`: the
/// footer says so, when it shows the background sync at all.
pub fn learn(outcome: &Result<Synced, SyncError>) {
    if let Ok(mut s) = STATE.lock()
        && s.is_some()
    {
        *s = Some(state_of(outcome));
    }
}

fn set(state: State) {
    if let Ok(mut s) = STATE.lock() {
        *s = Some(state);
    }
}

/// The footer's words for the background sync, and whether they ask for the person
/// (`None`: no background sync in this process).
pub fn footer(now: Instant) -> Option<(String, bool)> {
    let state = STATE.lock().ok()?.clone()?;
    Some(words(state, now))
}

fn words(state: State, now: Instant) -> (String, bool) {
    match state {
        State::Syncing => ("syncing…".into(), false),
        State::Synced(at) => {
            let minutes = now.saturating_duration_since(at).as_secs() / 60;
            let when = match minutes {
                0 => "just now".to_string(),
                m => format!("{m} min ago"),
            };
            (format!("synced {when}"), false)
        }
        State::Offline => ("offline: sync waits for the remote".into(), false),
        State::NeedsYou(n) => (
            format!(
                "needs you: {n} conflict{} (Y to pick)",
                if n == 1 { "" } else { "s" }
            ),
            true,
        ),
        State::Failed(why) => (crate::sanitize::inert_line(&why).into_owned(), true),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    // Through `words`, not the process's state: the screen tests in this binary must never
    // see a sync that is not theirs.
    #[test]
    fn the_footer_says_how_long_ago_and_what_needs_the_person() {
        let t = Instant::now();
        assert_eq!(
            words(State::Synced(t), t + Duration::from_secs(150)),
            ("synced 2 min ago".into(), false)
        );
        assert_eq!(words(State::Synced(t), t).0, "synced just now");
        assert_eq!(
            words(State::NeedsYou(1), t),
            ("needs you: 1 conflict (Y to pick)".into(), true)
        );
        assert_eq!(
            words(State::Offline, t).0,
            "offline: sync waits for the remote"
        );
    }
}
