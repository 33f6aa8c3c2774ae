//! The two git runs that reach the remote, each bounded by a deadline (`bounded`): fetch,
//! tried again while another git holds the refs it updates (a rolo killed a moment ago leaves
//! its git running), and push, never forced.

use super::SyncError;
use super::bounded::{self, RemoteError};
use crate::history::git::Git;

pub(super) fn fetch(git: &Git, remote: &str, shown: &str) -> Result<(), SyncError> {
    let mut tries = 0;
    loop {
        let result = bounded::run(
            git,
            &["fetch", "--quiet", "--no-tags", "--prune", remote],
            bounded::DEADLINE,
        );
        let Err(e) = result else {
            return Ok(());
        };
        let why = e.to_string();
        // Another git is updating the same refs: a fetch of a rolo killed a moment ago
        // (its git goes on), or one the person started. Not the remote's fault: wait for
        // it, a few seconds at most.
        if busy_ref(&why) && tries < REF_TRIES {
            tries += 1;
            std::thread::sleep(REF_WAIT);
            continue;
        }
        if busy_ref(&why) {
            return Err(SyncError::Git(format!(
                "another git keeps updating this folder's copy of the remote's branches ({why}); run `rolo sync` again when it is done, or, if no git is running, remove the .lock file it names"
            )));
        }
        return Err(SyncError::Unreachable {
            remote: shown.to_string(),
            why,
        });
    }
}

/// How often, and how long apart, a fetch is tried again while another git holds a ref.
const REF_TRIES: u32 = 20;
pub(super) const REF_WAIT: std::time::Duration = std::time::Duration::from_millis(250);

/// git could not update a ref because another git holds or just moved it.
pub(super) fn busy_ref(said: &str) -> bool {
    // "… exists; cannot create …": a branch name that clashes with another; waiting will
    // not change that.
    !said.contains("exists; cannot create")
        && [
            "cannot lock ref",
            "unable to update local ref",
            ".lock': File exists",
        ]
        .iter()
        .any(|s| said.contains(s))
}

pub(super) fn push(git: &Git, remote: &str, branch: &str) -> Result<(), RemoteError> {
    // Never forced: a remote that moved on refuses, and the next round merges it first.
    bounded::run(
        git,
        &[
            "push",
            "--quiet",
            "--no-verify",
            remote,
            &format!("HEAD:refs/heads/{branch}"),
        ],
        bounded::DEADLINE,
    )
    .map(|_| ())
}

pub(super) fn rejected(said: &str) -> bool {
    ["rejected", "fetch first", "non-fast-forward", "stale info"]
        .iter()
        .any(|w| said.contains(w))
}
