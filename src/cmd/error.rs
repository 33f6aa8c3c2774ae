//! Why a command did not do what was asked, kept typed until the edge (`app_main`) words it:
//! the lower layers' errors are wrapped, not flattened, so the edge can still tell a closed
//! pipe from a full disk.

use crate::history::undo::HistoryError;
use crate::ops::edit::EditorError;
use crate::ops::{self, OpError};
use crate::sanitize::inert_line;
use crate::store::StoreError;
use crate::when::WhenError;
use std::fmt;
use std::io;
use std::path::PathBuf;

/// A message for the person at the terminal; printed as `rolo: ...` with exit code 1.
#[derive(Debug)]
pub enum CliError {
    Store(StoreError),
    Op(OpError),
    /// Input an operation refused before anything was read or written.
    Invalid(ops::Invalid),
    /// `--at` that does not read as a time.
    When(WhenError),
    /// `--at` that reads, but names no instant here (a gap at a clock change).
    CannotPlace(String),
    /// Writing the output failed: a closed pipe (`rolo list | head`) or a full disk.
    Output(io::Error),
    /// No one matches the query; `close` are the names to suggest, already made inert.
    NoMatch {
        query: String,
        close: Vec<String>,
        write: bool,
    },
    /// Several people match the query; `candidates` are already made inert.
    Ambiguous {
        query: String,
        candidates: Vec<String>,
        write: bool,
    },
    /// The person asked for has a file that does not load; `shown` is the problem as printed.
    BrokenContact {
        shown: String,
    },
    /// A change to a person whose file does not load.
    Unwritable {
        shown: String,
        name: String,
    },
    /// The person resolved a moment ago is gone from the journal.
    Vanished,
    /// A brief read with only the cards it names found, when it came to use them, that it
    /// must rank helpers after all (the person's card gained an open need while it was
    /// read). Ranking against those few cards would name the wrong people.
    ReadMeanwhile,
    /// An intro refused before anything was written; `hint` says where to look.
    Intro {
        reason: ops::Invalid,
        hint: String,
    },
    /// The intro entry is saved, but marking the need met failed.
    IntroNeedNotMet {
        need_id: u32,
        source: OpError,
    },
    /// `rolo check` found files with errors; the summary is the whole message.
    Check(String),
    /// `rolo edit`: the editor or its copy failed before there was a text to save.
    Editor(EditorError),
    /// `rolo edit`: the edited text was not saved (`why`, already worded) and is kept in the
    /// copy at `path`, so nothing typed is lost.
    EditKept {
        why: String,
        path: PathBuf,
    },
    /// `undo`, `redo`, `log`: nothing to do, history off, or a later change in the way.
    History(HistoryError),
    /// `sync`, `clone`: offline, a conflict, no remote.
    Sync(crate::history::sync::SyncError),
    /// `merge-driver`: the file could not be merged (git is told through the exit code).
    MergeDriver(String),
}

impl CliError {
    /// Output into a pipe whose reader has gone: no error to the person (see `quiet_pipe`).
    pub fn is_closed_pipe(&self) -> bool {
        matches!(self, CliError::Output(e) if e.kind() == io::ErrorKind::BrokenPipe)
    }

    /// The exit code: 75 (EX_TEMPFAIL) when the remote could not be reached, so a script can
    /// tell "try later" from a failure; 1 for everything else.
    pub fn exit_code(&self) -> u8 {
        match self {
            CliError::Sync(e) if e.is_offline() => 75,
            _ => 1,
        }
    }
}

/// "; nothing was written" after a write's refusal, nothing after a read's.
fn written(write: bool) -> &'static str {
    if write { "; nothing was written" } else { "" }
}

impl fmt::Display for CliError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            CliError::Store(e) => e.fmt(f),
            CliError::Op(e) => e.fmt(f),
            CliError::Invalid(e) => e.fmt(f),
            CliError::When(e) => e.fmt(f),
            CliError::CannotPlace(s) => write!(f, "cannot place \"{}\" in time", inert_line(s)),
            CliError::Output(e) => write!(f, "cannot write output: {e}"),
            CliError::NoMatch {
                query,
                close,
                write,
            } => {
                write!(
                    f,
                    "no one matches \"{}\"{}",
                    inert_line(query),
                    written(*write)
                )?;
                if close.is_empty() {
                    f.write_str(" (see `rolo list`, or add them with `rolo add`)")
                } else {
                    write!(f, ". Close names: {}", close.join(", "))
                }
            }
            CliError::Ambiguous {
                query,
                candidates,
                write,
            } => write!(
                f,
                "\"{}\" could be {}{}. Use the id or more of the name.",
                inert_line(query),
                candidates.join(", "),
                written(*write)
            ),
            CliError::BrokenContact { shown } => write!(
                f,
                "{shown} (this file must be fixed before rolo can use it; nothing was written)"
            ),
            CliError::Unwritable { shown, name } => write!(
                f,
                "{shown} ({}'s file does not load, so rolo will not change it; nothing was written. \
                 Fix the file in an editor, `rolo check` shows what is left)",
                inert_line(name)
            ),
            CliError::Vanished => f.write_str("contact vanished"),
            CliError::ReadMeanwhile => {
                f.write_str("the card changed while the brief was being read; run it again")
            }
            CliError::Intro { reason, hint } => {
                write!(f, "{}{hint}; nothing was written", inert_line(&reason.0))
            }
            CliError::IntroNeedNotMet { need_id, source } => write!(
                f,
                "the intro was logged, but need #{need_id} was not marked met: {source}"
            ),
            CliError::Check(summary) => f.write_str(summary),
            CliError::Editor(e) => e.fmt(f),
            CliError::EditKept { why, path } => write!(
                f,
                // The store's reason may say the first half already ("… while you were
                // editing; nothing was written, your text is kept"): said once, with where.
                "{}; nothing was written, and your text is kept in {}",
                // Any reason that says it already (a refusal, a clash) is cut there.
                why.find("; nothing was written")
                    .map_or(why.as_str(), |at| &why[..at]),
                inert_line(&path.display().to_string())
            ),
            CliError::History(e) => e.fmt(f),
            CliError::Sync(e) => e.fmt(f),
            CliError::MergeDriver(why) => f.write_str(why),
        }
    }
}

impl std::error::Error for CliError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            CliError::Store(e) => Some(e),
            CliError::Op(e) | CliError::IntroNeedNotMet { source: e, .. } => Some(e),
            CliError::Output(e) => Some(e),
            CliError::Editor(e) => Some(e),
            _ => None,
        }
    }
}

impl From<StoreError> for CliError {
    fn from(e: StoreError) -> Self {
        CliError::Store(e)
    }
}

impl From<OpError> for CliError {
    fn from(e: OpError) -> Self {
        CliError::Op(e)
    }
}

impl From<HistoryError> for CliError {
    fn from(e: HistoryError) -> Self {
        CliError::History(e)
    }
}

impl From<crate::history::sync::SyncError> for CliError {
    fn from(e: crate::history::sync::SyncError) -> Self {
        CliError::Sync(e)
    }
}

impl From<ops::Invalid> for CliError {
    fn from(e: ops::Invalid) -> Self {
        CliError::Invalid(e)
    }
}

impl From<EditorError> for CliError {
    fn from(e: EditorError) -> Self {
        CliError::Editor(e)
    }
}

impl From<WhenError> for CliError {
    fn from(e: WhenError) -> Self {
        CliError::When(e)
    }
}

/// Every `?` on a `write!` to the output lands here.
impl From<io::Error> for CliError {
    fn from(e: io::Error) -> Self {
        CliError::Output(e)
    }
}

/// A command's error as words alone: what `cmd::run` returns, for callers that compare
/// outcomes as text (the integration tests). The binary calls `cmd::dispatch` and keeps the
/// kind to the edge.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Worded(pub String);

impl fmt::Display for Worded {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for Worded {}

impl From<CliError> for Worded {
    fn from(e: CliError) -> Self {
        Worded(e.to_string())
    }
}

#[cfg(test)]
mod tests {
    use super::CliError;
    use std::path::PathBuf;

    /// A text kept from `$EDITOR` says "nothing was written" once, whatever the reason
    /// already said.
    #[test]
    fn an_edit_kept_says_nothing_was_written_once() {
        let kept = |why: &str| {
            CliError::EditKept {
                why: why.to_string(),
                path: PathBuf::from("/tmp/.rolo-edit-x.toml"),
            }
            .to_string()
        };
        let said = " nothing was written, and your text is kept in /tmp/.rolo-edit-x.toml";
        for why in [
            "ada.toml was removed while you were editing; nothing was written, your text is kept",
            "need #1 is in both; nothing was written",
            "the name is empty",
        ] {
            let shown = kept(why);
            assert_eq!(shown.matches("nothing was written").count(), 1, "{shown}");
            assert!(shown.ends_with(said), "{shown}");
        }
    }
}
