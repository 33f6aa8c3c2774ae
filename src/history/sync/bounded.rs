//! git runs that talk to a remote (fetch, push, clone), bounded in time: a remote that does
//! not answer (a laptop offline, a NAS asleep, an ssh host that swallows packets) must cost
//! a sync seconds, never hang it. ssh gives up connecting after a few seconds and never asks
//! for anything (`BatchMode`); http gives up on a transfer that stalls; and whatever is still
//! running at the deadline is stopped with everything it started (`git::bounded`), at a
//! deadline longer than a local run's: a first push of a large journal takes a while.

use crate::history::git::{Bounded, Git, GitError, bounded, first_line};
use std::process::Output;
use std::time::Duration;

/// How long one run with a remote may take before it is given up.
pub const DEADLINE: Duration = Duration::from_secs(60);

/// ssh as rolo runs it for git, unless the person set their own (`GIT_SSH_COMMAND`,
/// `GIT_SSH`, `core.sshCommand`): the deadline still holds for theirs.
const SSH: &str =
    "ssh -o ConnectTimeout=10 -o BatchMode=yes -o ServerAliveInterval=5 -o ServerAliveCountMax=3";

/// Why a run with the remote did not succeed.
#[derive(Debug)]
pub enum RemoteError {
    /// It said no (or could not connect): git's first line.
    Failed(String),
    /// It did not finish in time.
    TimedOut(Duration),
    /// git could not be run at all.
    Git(GitError),
}

impl std::fmt::Display for RemoteError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            RemoteError::Failed(said) => f.write_str(said),
            RemoteError::TimedOut(d) => write!(f, "no answer within {} seconds", d.as_secs()),
            RemoteError::Git(e) => e.fmt(f),
        }
    }
}

/// Run `git args` in `git`'s folder, stopped with all it started at `deadline`.
pub fn run(git: &Git, args: &[&str], deadline: Duration) -> Result<Output, RemoteError> {
    let mut cmd = git.command();
    cmd.args([
        "-c",
        "http.lowSpeedLimit=1000",
        "-c",
        "http.lowSpeedTime=20",
    ]);
    cmd.args(args);
    let own_ssh = ["GIT_SSH_COMMAND", "GIT_SSH"]
        .iter()
        .any(|v| std::env::var_os(v).is_some_and(|s| !s.is_empty()));
    if !own_ssh {
        cmd.env("GIT_SSH_COMMAND", SSH);
    }
    let output = bounded(cmd, None, deadline).map_err(|e| match e {
        Bounded::TimedOut => RemoteError::TimedOut(deadline),
        Bounded::Io(e) if e.kind() == std::io::ErrorKind::NotFound => {
            RemoteError::Git(GitError::Missing)
        }
        Bounded::Io(e) => RemoteError::Git(GitError::Io(e)),
    })?;
    if output.status.success() {
        Ok(output)
    } else {
        Err(RemoteError::Failed(first_line(&output.stderr)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::Instant;

    #[test]
    fn a_run_past_its_deadline_is_killed_with_what_it_started() {
        let tmp = tempfile::tempdir().unwrap();
        let git = Git::new(tmp.path());
        git.run(["init", "-q"]).unwrap();
        // A remote that never answers (git's `ext::` runs a command as the connection).
        let start = Instant::now();
        let e = run(
            &git,
            &["-c", "protocol.ext.allow=always", "fetch", "ext::sleep 30"],
            Duration::from_millis(500),
        )
        .unwrap_err();
        assert!(matches!(e, RemoteError::TimedOut(_)), "{e:?}");
        assert!(
            start.elapsed() < Duration::from_secs(5),
            "{:?}",
            start.elapsed()
        );
    }
}
