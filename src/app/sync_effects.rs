//! The sync screen's effects (`Y`), carried out off the loop's thread: reading the conflicts
//! the last sync stopped at, and a pick, which is a whole sync with it (as `rolo sync --ours`
//! or `--theirs PATH`). The footer's background-sync line learns what a pick came to.

use super::sync_view::{ClashLine, ConflictFile};
use super::update::done::Done;
use crate::history::History;
use crate::history::merge::Side;
use crate::history::merge::record::FileNote;
use crate::history::sync::{Request, SyncError, auto, conflicts};

/// Why there is nothing to read when the history is not there (yet).
const NO_HISTORY: &str = "no sync yet: the journal has no history (rolo makes it with the first change, when git is installed)";

/// The conflicts waiting for the person, and whether a remote is set.
pub fn read(history: Option<&History>) -> Done {
    match history {
        None => Done::ConflictsRead {
            files: Err(NO_HISTORY.into()),
            remote: false,
        },
        Some(h) => Done::ConflictsRead {
            files: Ok(shown(h.waiting())),
            remote: h.has_remote(),
        },
    }
}

/// Settle `path` with one side's values, and sync.
pub fn pick(history: Option<&History>, path: String, ours: bool) -> Done {
    let Some(history) = history else {
        return Done::Picked {
            path,
            ours,
            result: Err(NO_HISTORY.into()),
            waiting: Vec::new(),
        };
    };
    let side = if ours { Side::Ours } else { Side::Theirs };
    let request = Request {
        remote: None,
        choose: Some((path.clone(), side)),
    };
    let outcome = history.sync(&request);
    auto::learn(&outcome);
    let result = match outcome {
        Ok(synced) => Ok(synced.lines),
        // The pick is kept for the next merge; other files still wait.
        Err(SyncError::NeedsYou(rest)) => {
            let n = conflicts(&rest);
            Ok(vec![format!(
                "{n} more conflict{} wait{} for you",
                if n == 1 { "" } else { "s" },
                if n == 1 { "s" } else { "" }
            )])
        }
        Err(e) => Err(e.to_string()),
    };
    Done::Picked {
        path,
        ours,
        result,
        waiting: shown(history.waiting()),
    }
}

/// The notes as the screen lists them: by path, so the list reads the same whatever order
/// git merged the files in.
fn shown(mut notes: Vec<FileNote>) -> Vec<ConflictFile> {
    notes.sort_by(|a, b| a.path.cmp(&b.path));
    notes
        .into_iter()
        .map(|n| ConflictFile {
            path: n.path,
            who: n.who,
            clashes: n
                .clash
                .into_iter()
                .map(|c| ClashLine {
                    what: c.label(),
                    here: c.ours,
                    there: c.theirs,
                })
                .collect(),
        })
        .collect()
}
