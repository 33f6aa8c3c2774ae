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
use std::io::{self, Read, Write};
use std::os::unix::process::CommandExt;
use std::path::PathBuf;
use std::process::{Child, Command, Output, Stdio};
use std::sync::mpsc;
use std::time::Duration;

/// How long one git run may take before rolo stops it. A hook, a credential helper or a
/// signing program that waits for someone, or a file system that hangs, must never hold a
/// commit (and, in the TUI, every commit queued behind it) forever: the change is saved
/// already (the TOML is written first), its commit fails once, is said once, and is caught
/// up by a later one.
pub const TIMEOUT: Duration = Duration::from_secs(10);

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
    /// It ran longer than `TIMEOUT` and was stopped (with whatever it had started).
    TimedOut { what: String, after: Duration },
}

impl fmt::Display for GitError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            GitError::Missing => f.write_str("git is not installed (or not on PATH)"),
            GitError::Io(e) => write!(f, "cannot run git: {e}"),
            GitError::Failed { what, said } => write!(f, "git {what}: {said}"),
            GitError::TimedOut { what, after } => write!(
                f,
                "git {what} did not finish within {} s and was stopped (a hook or a program \
                 waiting for input?)",
                after.as_secs()
            ),
        }
    }
}

impl std::error::Error for GitError {}

/// The `git` command line, pointed at one folder.
#[derive(Debug, Clone)]
pub struct Git {
    dir: PathBuf,
    program: PathBuf,
    /// How long a run may take (`TIMEOUT`; shorter in tests).
    limit: Duration,
}

impl Git {
    pub fn new(dir: impl Into<PathBuf>) -> Git {
        Git {
            dir: dir.into(),
            program: PathBuf::from("git"),
            limit: TIMEOUT,
        }
    }

    /// How long a run may take.
    pub fn limit(&self) -> Duration {
        self.limit
    }

    /// The command, ready for its arguments.
    pub fn command(&self) -> Command {
        let mut cmd = Command::new(&self.program);
        cmd.arg("-C").arg(&self.dir);
        for setting in SET_ASIDE {
            cmd.args(["-c", setting]);
        }
        // A group of its own, so a run that is stopped takes what it started (a hook, a
        // helper) with it, and a Ctrl-C meant for rolo's terminal is not git's.
        cmd.process_group(0);
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
        if input.is_some() {
            cmd.stdin(Stdio::piped());
        }
        let output = bounded(cmd, input, self.limit).map_err(|e| match e {
            Bounded::TimedOut => GitError::TimedOut {
                what: what.clone(),
                after: self.limit,
            },
            Bounded::Io(e) if e.kind() == io::ErrorKind::NotFound => GitError::Missing,
            Bounded::Io(e) => GitError::Io(e),
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

/// Why a bounded run gave no output.
pub enum Bounded {
    Io(io::Error),
    TimedOut,
}

/// Run `cmd` (its stdout and stderr piped), writing `input` to its stdin, and collect what
/// it printed; stopped, with its whole process group, when it runs longer than `limit`.
/// Input and output go through threads of their own, so a large input and a large output
/// cannot wait on each other, and a stopped run's leftovers (a pipe still held by something
/// that escaped the group) never hold the caller.
pub fn bounded(mut cmd: Command, input: Option<&[u8]>, limit: Duration) -> Result<Output, Bounded> {
    let mut child = cmd.spawn().map_err(Bounded::Io)?;
    let stdin = child.stdin.take();
    let input = input.map(<[u8]>::to_vec);
    let writer = std::thread::spawn(move || -> io::Result<()> {
        if let (Some(mut stdin), Some(input)) = (stdin, input) {
            // A git that stopped reading has failed, and says why on stderr.
            match stdin.write_all(&input) {
                Err(e) if e.kind() == io::ErrorKind::BrokenPipe => {}
                other => other?,
            }
        }
        Ok(())
    });
    let stdout = drain(child.stdout.take());
    let stderr = drain(child.stderr.take());
    let status = wait_within(child, limit)?;
    let written = writer.join().unwrap_or(Ok(()));
    let output = Output {
        status,
        stdout: stdout.recv().unwrap_or_default(),
        stderr: stderr.recv().unwrap_or_default(),
    };
    written.map_err(Bounded::Io).map(|()| output)
}

/// Read a pipe to its end on a thread; the bytes arrive on the receiver.
fn drain<R: Read + Send + 'static>(pipe: Option<R>) -> mpsc::Receiver<Vec<u8>> {
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        let mut bytes = Vec::new();
        if let Some(mut pipe) = pipe {
            let _ = pipe.read_to_end(&mut bytes);
        }
        let _ = tx.send(bytes);
    });
    rx
}

/// Wait for `child`, at most `limit`; past it, stop its process group and say so. The wait
/// is a thread's, so a run that ends is seen the moment it ends.
pub fn wait_within(mut child: Child, limit: Duration) -> Result<std::process::ExitStatus, Bounded> {
    let pid = libc::pid_t::try_from(child.id()).ok();
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        let _ = tx.send(child.wait());
    });
    match rx.recv_timeout(limit) {
        Ok(status) => status.map_err(Bounded::Io),
        Err(_) => {
            if let Some(pid) = pid {
                // SAFETY: kill(2) takes plain integers and touches no memory of ours. The
                // child leads its own group (`process_group(0)`) and has not been reaped
                // (its waiter has not answered), so the group is still its own.
                unsafe {
                    libc::kill(-pid, libc::SIGKILL);
                }
            }
            // Reaped by its waiter once it is gone; not waited for beyond a moment.
            let _ = rx.recv_timeout(Duration::from_secs(1));
            Err(Bounded::TimedOut)
        }
    }
}

/// Stops a git run read as it goes (`git log`, whose caller reads its output line by line)
/// when it is still running at its limit; dropped, it lets the run be.
pub struct Watchdog {
    _done: mpsc::Sender<()>,
}

impl Watchdog {
    pub fn start(child: &Child, limit: Duration) -> Option<Watchdog> {
        let pid = libc::pid_t::try_from(child.id()).ok()?;
        let (done, wait) = mpsc::channel::<()>();
        std::thread::Builder::new()
            .name("rolo-git-watchdog".into())
            .spawn(move || {
                if let Err(mpsc::RecvTimeoutError::Timeout) = wait.recv_timeout(limit) {
                    // SAFETY: as in `wait_within`: plain integers, and the run's owner has not
                    // dropped us, so it has not reaped the child: the group is still its own.
                    unsafe {
                        libc::kill(-pid, libc::SIGKILL);
                    }
                }
            })
            .ok()?;
        Some(Watchdog { _done: done })
    }
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

    /// Writes an executable script through a shell of its own. Written here, a fork by a
    /// test on another thread could hold it open for writing until that child execs, and
    /// running it would then fail with "Text file busy" (it did, in CI).
    fn script(path: &std::path::Path, text: &str) {
        let mut shell = Command::new("sh")
            .args(["-c", "cat > \"$1\" && chmod 755 \"$1\"", "sh"])
            .arg(path)
            .stdin(Stdio::piped())
            .spawn()
            .unwrap();
        shell
            .stdin
            .take()
            .unwrap()
            .write_all(text.as_bytes())
            .unwrap();
        assert!(shell.wait().unwrap().success());
    }

    /// A run that hangs (a hook waiting for a password, say) is stopped at its limit, with
    /// what it started, and says so; it never holds its caller.
    #[test]
    fn a_hung_run_is_stopped_with_what_it_started() {
        let dir = tempfile::tempdir().unwrap();
        let started = dir.path().join("started");
        let program = dir.path().join("git");
        script(
            &program,
            &format!(
                "#!/bin/sh\nsleep 30 &\necho $! > '{}'\nwait\n",
                started.display()
            ),
        );
        let mut git = Git::new(dir.path());
        git.program = program;
        git.limit = Duration::from_millis(300);
        let began = std::time::Instant::now();
        let result = git.run_with(["fast-import"], Some(b"data"));
        assert!(
            matches!(&result, Err(GitError::TimedOut { what, .. }) if what == "fast-import"),
            "{result:?}"
        );
        assert!(
            began.elapsed() < Duration::from_secs(5),
            "{:?}",
            began.elapsed()
        );
        let said = result.unwrap_err().to_string();
        assert!(said.contains("did not finish within 0 s"), "{said}");
        // The sleep it started is gone too (it held git's pipes: kept, it would hold ours).
        let pid: i32 = std::fs::read_to_string(&started)
            .unwrap()
            .trim()
            .parse()
            .unwrap();
        std::thread::sleep(Duration::from_millis(100));
        // Gone, or a zombie waiting for whoever adopted it (not every container's init reaps).
        let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).unwrap_or_default();
        let state = stat.rsplit(')').next().unwrap_or("").trim_start();
        assert!(
            stat.is_empty() || state.starts_with('Z'),
            "the hook's sleep {pid} is still running: {stat}"
        );
    }

    /// A `git log` read as it goes, that hangs, is stopped at its limit too.
    #[test]
    fn a_watched_run_is_stopped_at_its_limit() {
        let dir = tempfile::tempdir().unwrap();
        let program = dir.path().join("git");
        script(&program, "#!/bin/sh\nsleep 30\n");
        let mut git = Git::new(dir.path());
        git.program = program;
        let began = std::time::Instant::now();
        let mut child = git.command().arg("log").spawn().unwrap();
        let watchdog = Watchdog::start(&child, Duration::from_millis(200));
        assert!(watchdog.is_some());
        let status = child.wait().unwrap();
        assert!(!status.success());
        assert!(
            began.elapsed() < Duration::from_secs(5),
            "{:?}",
            began.elapsed()
        );
    }

    #[test]
    fn no_git_on_path_is_missing_not_an_error() {
        let mut git = Git::new("/");
        git.program = PathBuf::from("rolo-test-no-such-git");
        assert!(matches!(git.run(["status"]), Err(GitError::Missing)));
        assert!(!git.available());
    }
}
