//! Sync: two or more data folders agree through a git remote the person owns (any git server,
//! a bare repository on a USB stick or a NAS). `rolo sync` commits what is pending, fetches,
//! merges with rolo's own merges (`history::merge`) and pushes; never a force, never a
//! rewrite of what was pushed. A clash stops the merge before anything is committed (`git
//! merge --abort`: this machine's files stay as they were), is noted in `.git/rolo/sync/`
//! and said with both values; `rolo sync --ours/--theirs PATH` picks, and the next merge
//! takes that pick. `clone` makes a new folder from a remote.
//!
//! - `bounded`: git runs with a remote, killed at a deadline.
//! - `remote`: fetch and push.
//! - `run`: one sync, step by step.
//! - `clone`: a new data folder from a remote.
//! - `auto`: the TUI's sync in the background.
//! - `private`: what git wrote, made private like rolo's own files.

pub mod auto;
mod bounded;
mod clone;
mod private;
mod remote;
mod run;

pub use clone::{Cloned, clone};

use super::merge::Side;
use super::merge::record::{FileNote, Record};
use super::{History, Off};
use std::fmt;

/// What a sync is asked to do beyond the usual.
#[derive(Debug, Clone, Default)]
pub struct Request {
    /// Set the remote (`origin`) to this first.
    pub remote: Option<String>,
    /// A clash to settle: the file (inside the data folder) and the side whose values win.
    pub choose: Option<(String, Side)>,
}

/// What a sync did, in lines for the person, the last saying what to do next.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Synced {
    pub lines: Vec<String>,
    /// Changes that came in (commits), and that went out.
    pub came: usize,
    pub went: usize,
}

/// Why a sync did not finish.
#[derive(Debug)]
pub enum SyncError {
    /// There is no history to sync (git missing, history off).
    Off(Off),
    /// No remote set.
    NoRemote,
    /// The remote did not answer or could not be reached: try again later.
    Unreachable { remote: String, why: String },
    /// Clashes the person must pick for; nothing was merged.
    NeedsYou(Vec<FileNote>),
    /// `--ours/--theirs PATH` for a file that has no clash.
    NoSuchConflict(String),
    /// Another rolo kept the history busy.
    Busy,
    /// git failed in a way rolo does not expect.
    Git(String),
}

impl SyncError {
    /// A later try may well work: no network, a remote asleep.
    pub fn is_offline(&self) -> bool {
        matches!(self, SyncError::Unreachable { .. })
    }
}

impl fmt::Display for SyncError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            SyncError::Off(Off::NotYet) => f.write_str(
                "nothing to sync yet: the journal has no history (add someone first)",
            ),
            SyncError::Off(Off::Because(why)) => write!(f, "cannot sync: {why}"),
            SyncError::NoRemote => f.write_str(
                "no remote to sync with: set one with `rolo sync --remote URL` (any git remote you own; a bare repository made with `git init --bare PATH` will do)",
            ),
            SyncError::Unreachable { remote, why } => write!(
                f,
                "offline: cannot reach {remote} ({why}); nothing is lost, your changes are kept here and go with the next `rolo sync`"
            ),
            SyncError::NeedsYou(notes) => {
                let n = conflicts(notes);
                write!(
                    f,
                    "sync stopped: {n} conflict{} need{} you (above); nothing was merged and nothing is lost",
                    if n == 1 { "" } else { "s" },
                    if n == 1 { "s" } else { "" }
                )
            }
            SyncError::NoSuchConflict(path) => write!(
                f,
                "{path} has no conflict waiting (`rolo sync` lists them)"
            ),
            SyncError::Busy => f.write_str(
                "another rolo is committing to the history; run `rolo sync` again in a moment",
            ),
            SyncError::Git(why) => write!(f, "sync: {why}"),
        }
    }
}

impl std::error::Error for SyncError {}

/// How many values wait for the person in `notes`: each clash, and a file that clashed as a
/// whole as one.
pub fn conflicts(notes: &[FileNote]) -> usize {
    notes.iter().map(|f| f.clash.len().max(1)).sum()
}

impl History {
    /// Sync with the remote (see the module's comment).
    pub fn sync(&self, request: &Request) -> Result<Synced, SyncError> {
        run::sync(self.engine(), request)
    }

    /// The clashes the last sync stopped at, waiting for the person (none: none).
    pub fn waiting(&self) -> Vec<FileNote> {
        let Some(live) = self.engine().live(false) else {
            return Vec::new();
        };
        Record::read(&run::waiting_dir(&live.repo))
            .clashing()
            .cloned()
            .collect()
    }

    /// Whether a remote is set, to sync with.
    pub fn has_remote(&self) -> bool {
        self.engine()
            .live(false)
            .is_some_and(|live| run::remote_name(&live.repo.git).is_ok())
    }
}
