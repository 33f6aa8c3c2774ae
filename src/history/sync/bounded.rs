//! git runs that talk to a remote (fetch, push, clone), bounded in time: a remote that does
//! not answer (a laptop offline, a NAS asleep, an ssh host that swallows packets) must cost
//! a sync seconds, never hang it. ssh gives up connecting after a few seconds and never asks
//! for anything (`BatchMode`); http gives up on a transfer that stalls; and whatever is still
//! running at the deadline is killed with everything it started (its own process group).

use crate::history::git::{Git, GitError, first_line};
use std::io::Read;
use std::os::unix::process::CommandExt;
use std::process::{Child, Output};
use std::time::{Duration, Instant};

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

/// Run `git args` in `git`'s folder, killed at `deadline`.
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
    // Its own process group: ssh and git's helpers go with it at the deadline.
    cmd.process_group(0);
    let child = cmd.spawn().map_err(|e| {
        RemoteError::Git(match e.kind() {
            std::io::ErrorKind::NotFound => GitError::Missing,
            _ => GitError::Io(e),
        })
    })?;
    let output = wait(child, deadline)?;
    if output.status.success() {
        Ok(output)
    } else {
        Err(RemoteError::Failed(first_line(&output.stderr)))
    }
}

/// Wait for `child`, reading its output on threads (a full pipe must not stall it).
fn wait(mut child: Child, deadline: Duration) -> Result<Output, RemoteError> {
    let reader = |pipe: Option<Box<dyn Read + Send>>| {
        std::thread::spawn(move || {
            let mut bytes = Vec::new();
            if let Some(mut p) = pipe {
                let _ = p.read_to_end(&mut bytes);
            }
            bytes
        })
    };
    let out = reader(
        child
            .stdout
            .take()
            .map(|p| Box::new(p) as Box<dyn Read + Send>),
    );
    let err = reader(
        child
            .stderr
            .take()
            .map(|p| Box::new(p) as Box<dyn Read + Send>),
    );
    let start = Instant::now();
    let mut pause = Duration::from_millis(5);
    let status = loop {
        match child.try_wait() {
            Ok(Some(status)) => break status,
            Ok(None) if start.elapsed() >= deadline => {
                kill_group(&child);
                let _ = child.wait();
                let _ = (out.join(), err.join());
                return Err(RemoteError::TimedOut(deadline));
            }
            Ok(None) => {
                std::thread::sleep(pause);
                pause = (pause * 2).min(Duration::from_millis(100));
            }
            Err(e) => return Err(RemoteError::Git(GitError::Io(e))),
        }
    };
    Ok(Output {
        status,
        stdout: out.join().unwrap_or_default(),
        stderr: err.join().unwrap_or_default(),
    })
}

fn kill_group(child: &Child) {
    let Ok(pid) = i32::try_from(child.id()) else {
        return;
    };
    // SAFETY: kill(2) with a negative pid signals the group the child leads (made above);
    // it touches no memory of this process.
    unsafe {
        libc::kill(-pid, libc::SIGKILL);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
