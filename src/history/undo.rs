//! Undo and redo, without rewriting history: an undo is a new commit that takes a change back
//! ("undo: <its line>", with `Rolo-Undo: <its id>` below), a redo a new commit that takes an
//! undo back ("redo: <line>", `Rolo-Redo: <the undo's id>`). Both read the history from git,
//! so they work after a restart and on changes made from either door, or outside rolo.
//!
//! Under the store's folder lock and the history lock, in order: commit whatever is pending
//! (so the history is the files), pick the change (`stack`), work out the writes
//! (`reverse`), write them with the store's atomic, private writes, and commit.

use super::reverse::{self, Blocked};
use super::stack::{self, Commit, Log};
use super::{History, Mode, Off, WAIT_FOR_OTHER, commit_changes};
use crate::sanitize::inert_line;
use crate::store::Store;
use std::fmt;
use std::path::Path;

/// Undo (the change at this place in what can be undone, 1 the newest) or redo.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Direction {
    Undo(usize),
    Redo,
}

impl Direction {
    fn verb(self) -> &'static str {
        match self {
            Direction::Undo(_) => "undo",
            Direction::Redo => "redo",
        }
    }
}

/// Why an undo, a redo or a look at the history did nothing.
#[derive(Debug)]
pub enum HistoryError {
    /// No history to read: not made yet, or off (and why).
    Off { verb: &'static str, off: Off },
    /// The history has nothing of the kind.
    Nothing { verb: &'static str },
    /// A later change stands in the way; the message says which.
    Blocked(String),
    /// git or the disk failed; the message says how.
    Failed(String),
}

impl fmt::Display for HistoryError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            HistoryError::Off {
                verb,
                off: Off::NotYet,
            } => write!(
                f,
                "nothing to {verb}: the history starts with the first change rolo makes"
            ),
            HistoryError::Off {
                verb,
                off: Off::Because(why),
            } => write!(f, "nothing to {verb}: {why}"),
            HistoryError::Nothing { verb } => write!(f, "nothing to {verb}"),
            HistoryError::Blocked(m) | HistoryError::Failed(m) => f.write_str(m),
        }
    }
}

impl std::error::Error for HistoryError {}

/// A change as the history lists it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Listed {
    /// "2026-12-03 10:04".
    pub date: String,
    /// Its line, made inert.
    pub line: String,
}

impl From<&Commit> for Listed {
    fn from(c: &Commit) -> Listed {
        Listed {
            date: c.date(),
            line: inert_line(&c.subject).into_owned(),
        }
    }
}

/// What an undo or a redo did: the line of the change it took back (or put back), made
/// inert, and the journal files it wrote (`contacts/ada.toml`), for a screen to read again.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TakenBack {
    pub line: String,
    pub paths: Vec<String>,
}

impl History {
    /// Take back the newest change not yet undone; its line.
    pub fn undo(&self, store: &Store) -> Result<String, HistoryError> {
        self.take_back(store, Direction::Undo(1)).map(|t| t.line)
    }

    /// `undo`, saying which files it wrote too (the TUI reads them again).
    pub fn undo_newest(&self, store: &Store) -> Result<TakenBack, HistoryError> {
        self.take_back(store, Direction::Undo(1))
    }

    /// Take back the change at `place` in `undoable` (1 is the newest), leaving the changes
    /// after it as they are; refused when one of them touched what it touched.
    pub fn undo_at(&self, store: &Store, place: usize) -> Result<String, HistoryError> {
        self.take_back(store, Direction::Undo(place.max(1)))
            .map(|t| t.line)
    }

    /// Take back the newest undo not yet redone; the line of the change it puts back.
    pub fn redo(&self, store: &Store) -> Result<String, HistoryError> {
        self.take_back(store, Direction::Redo).map(|t| t.line)
    }

    /// `redo`, saying which files it wrote too.
    pub fn redo_newest(&self, store: &Store) -> Result<TakenBack, HistoryError> {
        self.take_back(store, Direction::Redo)
    }

    /// What undo would take back, newest first, at most `n`.
    pub fn undoable(&self, n: usize) -> Result<Vec<Listed>, HistoryError> {
        let live = self.ready("undo")?;
        let log =
            Log::read(&live.repo, None, None).map_err(|e| HistoryError::Failed(e.to_string()))?;
        let found = stack::undoable(log, n);
        if found.is_empty() {
            return Err(HistoryError::Nothing { verb: "undo" });
        }
        Ok(found
            .iter()
            .map(|c| Listed {
                date: c.date(),
                line: inert_line(c.label()).into_owned(),
            })
            .collect())
    }

    /// The repository, with everything pending committed, or why there is none.
    pub(super) fn ready(
        &self,
        verb: &'static str,
    ) -> Result<std::sync::Arc<super::Live>, HistoryError> {
        let e = self.engine();
        let Some(live) = e.live(false) else {
            return Err(HistoryError::Off {
                verb,
                off: self.off().unwrap_or(Off::NotYet),
            });
        };
        self.commit_pending(&live, verb)?;
        Ok(live)
    }

    fn commit_pending(
        &self,
        live: &std::sync::Arc<super::Live>,
        verb: &str,
    ) -> Result<(), HistoryError> {
        let e = self.engine();
        if e.mode == Mode::Behind {
            // The TUI's queue first, on its own thread.
            if let Some(c) = e.committer.get() {
                c.flush(WAIT_FOR_OTHER);
            }
        }
        commit_changes(&e.shared, live, &[], WAIT_FOR_OTHER).map_err(|f| {
            HistoryError::Failed(format!("cannot {verb} now: {}", inert_line(&f.text)))
        })
    }

    fn take_back(&self, store: &Store, dir: Direction) -> Result<TakenBack, HistoryError> {
        let verb = dir.verb();
        let e = self.engine();
        let Some(live) = e.live(false) else {
            return Err(HistoryError::Off {
                verb,
                off: self.off().unwrap_or(Off::NotYet),
            });
        };
        // No rolo writes while the undo reads and writes: the store's lock, then the
        // history's (in the order every write takes them).
        let _folder = store.fs().lock().map_err(|err| {
            HistoryError::Failed(format!(
                "cannot {verb}: the data folder cannot be locked ({err})"
            ))
        })?;
        let _held = live.lock.acquire(WAIT_FOR_OTHER).ok_or_else(|| {
            HistoryError::Failed(format!(
                "cannot {verb} now: another rolo is committing; try again in a moment"
            ))
        })?;
        self.commit_pending(&live, verb)?;
        let failed = |e: super::git::GitError| HistoryError::Failed(format!("cannot {verb}: {e}"));
        let log = Log::read(&live.repo, None, None).map_err(failed)?;
        let target = match dir {
            Direction::Undo(place) => {
                let found = stack::undoable(log, place);
                if found.len() < place && !found.is_empty() {
                    return Err(HistoryError::Failed(format!(
                        "nothing to undo at {place}: {} change{} can be undone (see `rolo undo --list`)",
                        found.len(),
                        if found.len() == 1 { "" } else { "s" }
                    )));
                }
                found.into_iter().nth(place - 1)
            }
            Direction::Redo => stack::redoable(log),
        }
        .ok_or(HistoryError::Nothing { verb })?;
        let now = |p: &str| {
            store.fs().read(Path::new(p)).map_err(|e| {
                format!(
                    "{} cannot be read ({e})",
                    store.display(Path::new(p)).display()
                )
            })
        };
        let writes = match reverse::plan(&live.repo, &target, &now).map_err(failed)? {
            Ok(writes) => writes,
            Err(blocked) => return Err(self.blocked(&live, verb, &target, &blocked)),
        };
        let label = target.label().to_string();
        for (n, (path, content)) in writes.iter().enumerate() {
            let rel = Path::new(path);
            let written = match content {
                Some(bytes) => store.fs().write_atomic(rel, bytes),
                None => store.fs().remove(rel),
            };
            if let Err(err) = written {
                let shown = store.display(rel).display().to_string();
                if n == 0 {
                    return Err(HistoryError::Failed(format!(
                        "cannot {verb}: {shown} could not be written ({err}); nothing was changed"
                    )));
                }
                // Half an undo is still a change: committed as such, it can be taken back.
                let partial = format!("unfinished {verb}: {label}");
                store.fs().change_described(&partial);
                return Err(HistoryError::Failed(format!(
                    "cannot {verb}: {shown} could not be written ({err}); what was written is \"{}\" in the history",
                    inert_line(&partial)
                )));
            }
        }
        let trailer = match dir {
            Direction::Undo(_) => stack::UNDO_TRAILER,
            Direction::Redo => stack::REDO_TRAILER,
        };
        store
            .fs()
            .change_described(&format!("{verb}: {label}\n\n{trailer}: {}", target.id));
        Ok(TakenBack {
            line: inert_line(&label).into_owned(),
            paths: writes.into_iter().map(|(path, _)| path).collect(),
        })
    }

    fn blocked(
        &self,
        live: &super::Live,
        verb: &str,
        target: &Commit,
        blocked: &Blocked,
    ) -> HistoryError {
        HistoryError::Blocked(reverse::explain(&live.repo, verb, target, blocked))
    }
}
