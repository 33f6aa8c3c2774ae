//! Running the `git` command line: always as a child process, never a library, so the history
//! is the same repository any git (and later sync) reads and writes.
//!
//! Every run is `git -C <folder>` with `LC_ALL=C` (messages rolo may look at stay in English),
//! `GIT_TERMINAL_PROMPT=0` (git never waits for a password), `GIT_OPTIONAL_LOCKS=0` (a status
//! never takes the index lock a person's own `git commit` may want) and no inherited
//! `GIT_DIR`-like variables, which would point it at another repository. Input and output are
//! always pipes: git never reads the terminal and never writes to it.
//!
//! A few settings of the person's own config are set aside for rolo's runs, because they
//! would make git do something else than asked: hooks (a `reference-transaction` hook that
//! fails would refuse every commit; rolo's commits are its own business), an fsmonitor
//! command, line-ending conversion (rolo commits the exact bytes it wrote), and `git log`
//! options that change its output (signatures shown, renames followed).

use std::ffi::OsStr;
use std::fmt;
use std::io::{self, Write};
use std::path::PathBuf;
use std::process::{Command, Output, Stdio};

/// Variables that would make git work on another repository or index than the folder's.
const REPOSITORY_VARS: &[&str] = &[
    "GIT_DIR",
    "GIT_WORK_TREE",
    "GIT_INDEX_FILE",
    "GIT_OBJECT_DIRECTORY",
    "GIT_ALTERNATE_OBJECT_DIRECTORIES",
    "GIT_COMMON_DIR",
    "GIT_NAMESPACE",
    "GIT_PREFIX",
    "GIT_QUARANTINE_PATH",
];

/// The person's settings that rolo's runs do without (see the top of this file).
const SET_ASIDE: &[&str] = &[
    "core.hooksPath=/dev/null",
    "core.fsmonitor=false",
    "core.autocrlf=false",
    "log.showSignature=false",
    "log.follow=false",
];

/// Why a git run did not give what was asked.
#[derive(Debug)]
pub enum GitError {
    /// There is no `git` to run.
    Missing,
    /// It could not be started or talked to.
    Io(io::Error),
    /// It ran and said no: its first line on stderr.
    Failed { what: String, said: String },
}

impl fmt::Display for GitError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            GitError::Missing => f.write_str("git is not installed (or not on PATH)"),
            GitError::Io(e) => write!(f, "cannot run git: {e}"),
            GitError::Failed { what, said } => write!(f, "git {what}: {said}"),
        }
    }
}

impl std::error::Error for GitError {}

/// The `git` command line, pointed at one folder.
#[derive(Debug, Clone)]
pub struct Git {
    dir: PathBuf,
    program: PathBuf,
}

impl Git {
    pub fn new(dir: impl Into<PathBuf>) -> Git {
        Git {
            dir: dir.into(),
            program: PathBuf::from("git"),
        }
    }

    /// The command, ready for its arguments.
    pub fn command(&self) -> Command {
        let mut cmd = Command::new(&self.program);
        cmd.arg("-C").arg(&self.dir);
        for setting in SET_ASIDE {
            cmd.args(["-c", setting]);
        }
        cmd.env("LC_ALL", "C")
            .env("GIT_TERMINAL_PROMPT", "0")
            .env("GIT_OPTIONAL_LOCKS", "0")
            // Paths rolo hands over are file names, never patterns.
            .env("GIT_LITERAL_PATHSPECS", "1")
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped());
        for var in REPOSITORY_VARS {
            cmd.env_remove(var);
        }
        cmd
    }

    /// Run with `args`; its output when it succeeded.
    pub fn run<I, S>(&self, args: I) -> Result<Output, GitError>
    where
        I: IntoIterator<Item = S>,
        S: AsRef<OsStr>,
    {
        self.run_with(args, None)
    }

    /// Run with `args`, writing `input` to its stdin.
    pub fn run_with<I, S>(&self, args: I, input: Option<&[u8]>) -> Result<Output, GitError>
    where
        I: IntoIterator<Item = S>,
        S: AsRef<OsStr>,
    {
        let args: Vec<S> = args.into_iter().collect();
        let what = command_name(&args);
        let mut cmd = self.command();
        cmd.args(&args);
        let output = match input {
            None => cmd.output(),
            Some(bytes) => {
                cmd.stdin(Stdio::piped());
                feed(cmd, bytes)
            }
        };
        let output = output.map_err(|e| match e.kind() {
            io::ErrorKind::NotFound => GitError::Missing,
            _ => GitError::Io(e),
        })?;
        if output.status.success() {
            Ok(output)
        } else {
            Err(GitError::Failed {
                what,
                said: first_line(&output.stderr),
            })
        }
    }

    /// Its stdout as text, trimmed, when it succeeded.
    pub fn text<I, S>(&self, args: I) -> Result<String, GitError>
    where
        I: IntoIterator<Item = S>,
        S: AsRef<OsStr>,
    {
        let out = self.run(args)?;
        Ok(String::from_utf8_lossy(&out.stdout).trim().to_string())
    }

    /// Whether there is a `git` to start: an executable of that name on PATH (looked for
    /// without starting one; a git that is there but broken fails its first command instead).
    pub fn available(&self) -> bool {
        use std::os::unix::fs::PermissionsExt;
        let Some(path) = std::env::var_os("PATH") else {
            return false;
        };
        std::env::split_paths(&path).any(|dir| {
            std::fs::metadata(dir.join(&self.program))
                .is_ok_and(|m| m.is_file() && m.permissions().mode() & 0o111 != 0)
        })
    }
}

/// The git command in `args` ("fast-import"), past the options before it (`-c name=value`).
fn command_name<S: AsRef<OsStr>>(args: &[S]) -> String {
    let mut words = args.iter().map(|a| a.as_ref().to_string_lossy());
    while let Some(word) = words.next() {
        if word == "-c" {
            words.next();
        } else if !word.starts_with('-') {
            return word.into_owned();
        }
    }
    String::new()
}

/// Write `input` on a thread while the output is read, so a large input and a large output
/// cannot wait on each other.
fn feed(mut cmd: Command, input: &[u8]) -> io::Result<Output> {
    let mut child = cmd.spawn()?;
    let stdin = child.stdin.take();
    std::thread::scope(|scope| {
        let writer = scope.spawn(move || -> io::Result<()> {
            if let Some(mut stdin) = stdin {
                // A git that stopped reading has failed, and says why on stderr.
                match stdin.write_all(input) {
                    Err(e) if e.kind() == io::ErrorKind::BrokenPipe => {}
                    other => other?,
                }
            }
            Ok(())
        });
        let output = child.wait_with_output();
        let written = writer.join().unwrap_or(Ok(()));
        let output = output?;
        written.map(|()| output)
    })
}

/// The first line git wrote on stderr, without its "fatal: " or "error: ", for a message.
pub fn first_line(stderr: &[u8]) -> String {
    let text = String::from_utf8_lossy(stderr);
    let line = text
        .lines()
        .map(str::trim)
        .find(|l| !l.is_empty())
        .unwrap_or("it failed without saying why");
    let line = ["fatal: ", "error: "]
        .iter()
        .find_map(|p| line.strip_prefix(p))
        .unwrap_or(line);
    crate::sanitize::inert_line(line).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_first_line_loses_its_prefix_and_controls() {
        assert_eq!(first_line(b"fatal: not a repo\nmore"), "not a repo");
        assert_eq!(first_line(b"\n  error: bad \x1b[31m\n"), "bad ␛[31m");
        assert_eq!(first_line(b""), "it failed without saying why");
    }

    #[test]
    fn the_command_is_named_past_its_options() {
        assert_eq!(
            command_name(&["-c", "a=b", "fast-import", "--quiet"]),
            "fast-import"
        );
        assert_eq!(command_name(&["--version"]), "");
    }

    #[test]
    fn no_git_on_path_is_missing_not_an_error() {
        let mut git = Git::new("/");
        git.program = PathBuf::from("rolo-test-no-such-git");
        assert!(matches!(git.run(["status"]), Err(GitError::Missing)));
        assert!(!git.available());
    }
}
