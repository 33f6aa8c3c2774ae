//! From parsed arguments to a running command: find the data folder, load, dispatch.

use crate::app::terminal::TuiError;
use crate::cli::Cli;
use crate::cmd::{self, CliError, Ctx};
use crate::history::{self, History};
use crate::journal::Journal;
use crate::loads::{self, Needs};
use crate::store::{DiskFs, Severity, Store, StoreError, paths};
use std::fmt;
use std::io::{self, Write};
use std::path::PathBuf;
use std::process::ExitCode;

/// Why a run of rolo failed, each layer's error kept as it is until `exit` words it.
#[derive(Debug)]
pub enum RunError {
    /// A command failed (its own, the operations' or the store's reason inside).
    Cli(CliError),
    /// The TUI could not start, or had to stop.
    Tui(TuiError),
    /// Loading the journal failed before any command ran.
    Store(StoreError),
    /// `--demo`: the temporary copy could not be made.
    Demo(io::Error),
    /// Neither `--dir`, `ROLO_DIR` nor `HOME`.
    NoDataDir,
    /// The data folder's path names a file.
    NotAFolder(PathBuf),
    /// The data folder does not exist, and the command is not `add`.
    NoJournal(PathBuf),
    /// `config.toml` cannot be read, or its `[[related]]` terms do not (`why` says where).
    Config { path: PathBuf, why: String },
}

impl RunError {
    /// Output into a pipe whose reader has gone (`rolo list | head`): the reader had all it
    /// wanted, so rolo finishes quietly with success. Recognised by the io error's kind,
    /// however deep it was wrapped. `QuietPipe` catches it first; this is the last line.
    pub fn is_closed_pipe(&self) -> bool {
        match self {
            RunError::Cli(e) => e.is_closed_pipe(),
            _ => false,
        }
    }
}

impl fmt::Display for RunError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            RunError::Cli(e) => e.fmt(f),
            RunError::Tui(e) => e.fmt(f),
            RunError::Store(e) => e.fmt(f),
            RunError::Demo(e) => write!(f, "cannot set up the demo folder: {e}"),
            RunError::NoDataDir => {
                f.write_str("cannot find a data folder: set HOME, ROLO_DIR or pass --dir DIR")
            }
            RunError::NotAFolder(dir) => write!(f, "{} is not a folder", dir.display()),
            RunError::NoJournal(dir) => write!(
                f,
                "no journal at {} — create it with `rolo add`",
                dir.display()
            ),
            RunError::Config { path, why } => write!(f, "{}: {why}", path.display()),
        }
    }
}

impl std::error::Error for RunError {}

impl From<CliError> for RunError {
    fn from(e: CliError) -> Self {
        RunError::Cli(e)
    }
}

impl From<TuiError> for RunError {
    fn from(e: TuiError) -> Self {
        RunError::Tui(e)
    }
}

impl From<StoreError> for RunError {
    fn from(e: StoreError) -> Self {
        RunError::Store(e)
    }
}

/// The edge: what a run's outcome prints on stderr, if anything, and its exit code. Every
/// failure is exit 1 with one line `rolo: ...`, its text from the files made inert; a closed
/// pipe is no failure.
pub fn outcome(result: &Result<(), RunError>) -> (Option<String>, u8) {
    match result {
        Ok(()) => (None, 0),
        Err(e) if e.is_closed_pipe() => (None, 0),
        Err(e) => (
            Some(format!(
                "rolo: {}",
                crate::sanitize::inert_line(&e.to_string())
            )),
            match e {
                RunError::Cli(c) => c.exit_code(),
                _ => 1,
            },
        ),
    }
}

/// Print the outcome of a run and give the process its exit code.
pub fn exit(result: Result<(), RunError>) -> ExitCode {
    let (line, code) = outcome(&result);
    if let Some(line) = line {
        eprintln!("{line}");
    }
    ExitCode::from(code)
}

/// clap's errors are several lines with usage; help and version go to stdout with success.
pub fn usage_error(e: clap::Error) -> ExitCode {
    use clap::error::ErrorKind;
    match e.kind() {
        ErrorKind::DisplayHelp
        | ErrorKind::DisplayVersion
        | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand => {
            let _ = e.print();
            if e.kind() == ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand {
                ExitCode::FAILURE
            } else {
                ExitCode::SUCCESS
            }
        }
        _ => {
            eprintln!("rolo: {}", crate::sanitize::inert(&usage_line(&e)));
            ExitCode::FAILURE
        }
    }
}

/// clap's error on one line, naming what is wrong. Its first line alone is not enough: for
/// a missing argument it is "the following required arguments were not provided:" and the
/// names follow on lines of their own.
fn usage_line(e: &clap::Error) -> String {
    use clap::error::{ContextKind, ContextValue, ErrorKind};
    let rendered = e.render().to_string();
    // "Usage: rolo followup [OPTIONS] --due <WHEN> <WHO> <TEXT>", when clap gives one.
    let usage = rendered
        .lines()
        .find_map(|l| l.trim().strip_prefix("Usage: "))
        .map(str::to_string);
    if e.kind() == ErrorKind::MissingRequiredArgument
        && let Some(ContextValue::Strings(missing)) = e.get(ContextKind::InvalidArg)
        && let Some((last, rest)) = missing.split_last()
    {
        let names = match rest {
            [] => last.clone(),
            _ => format!("{} and {last}", rest.join(", ")),
        };
        return match usage {
            Some(usage) => format!("missing {names} (usage: {usage})"),
            None => format!("missing {names} (see `rolo --help`)"),
        };
    }
    // The message is the first paragraph; its lines joined keep every name it gives. A tip
    // ("a similar argument exists: '--tag'") is worth its place on the line.
    let mut lines = rendered.lines().map(str::trim);
    let mut parts: Vec<&str> = lines.by_ref().take_while(|l| !l.is_empty()).collect();
    parts.extend(lines.filter_map(|l| l.strip_prefix("tip: ")));
    let message = parts.join("; ").replace(":;", ":");
    let message = message.strip_prefix("error: ").unwrap_or(&message);
    let message = if message.is_empty() {
        "invalid arguments"
    } else {
        message
    };
    format!("{message} (see `{} --help`)", command_of(usage.as_deref()))
}

/// "rolo followup" from a usage line, so the hint points at the help that explains it.
fn command_of(usage: Option<&str>) -> String {
    let words = usage
        .unwrap_or("rolo")
        .split_whitespace()
        .take_while(|w| !w.starts_with(['[', '<', '-']))
        .take(2);
    let words: Vec<&str> = words.collect();
    if words.is_empty() {
        "rolo".to_string()
    } else {
        words.join(" ")
    }
}

/// Months loaded before the TUI's first frame; the rest load while the person browses.
const RECENT_MONTHS: usize = 3;

/// The person's related terms (`[[related]]` in `config.toml`) join the shipped ones for
/// matching, in both front doors. A file without such a table is left to its other readers
/// (the TUI reads `[keys]` itself), so a command never fails for a key binding.
fn install_related_terms() -> Result<(), RunError> {
    let Some(path) = paths::config_file(|k| std::env::var(k).ok()) else {
        return Ok(());
    };
    let text = match std::fs::read_to_string(&path) {
        Ok(text) => text,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(()),
        Err(e) => {
            return Err(RunError::Config {
                path,
                why: e.to_string(),
            });
        }
    };
    if !text.contains("related") {
        return Ok(());
    }
    let groups = crate::serve::vocabulary::parse(&text).map_err(|e| RunError::Config {
        path: path.clone(),
        why: e.to_string(),
    })?;
    crate::serve::vocabulary::install(groups);
    Ok(())
}

pub fn run(cli: Cli) -> Result<(), RunError> {
    // Completions and the manual need no journal: they describe rolo itself.
    if let Some(command) = &cli.command {
        let stdout = std::io::stdout();
        let mut out = crate::quiet_pipe::QuietPipe::new(stdout.lock());
        if let Some(done) = cmd::without_journal(command, &mut out) {
            return Ok(done.and(out.flush().map_err(CliError::Output))?);
        }
    }
    install_related_terms()?;
    let _demo_dir;
    let dir = if cli.demo {
        let tmp =
            crate::demo::temp_copy(crate::clock::now().date_naive()).map_err(RunError::Demo)?;
        let path = tmp.path().to_path_buf();
        _demo_dir = tmp;
        path
    } else {
        paths::data_dir(cli.dir.as_deref(), |k| std::env::var(k).ok()).ok_or(RunError::NoDataDir)?
    };
    // Every message names a file by its full path, whatever form `--dir` was given in.
    let dir = std::path::absolute(&dir).unwrap_or(dir);
    if dir.exists() && !dir.is_dir() {
        return Err(RunError::NotAFolder(dir));
    }
    // Only `add` starts a journal (and the TUI, which can add the first person). Any other
    // command on a folder that is not there most likely got a mistyped --dir: "no contacts
    // yet" would hide that, so it is an error (exit 1). An empty folder that exists is a
    // journal with no one in it yet, and reads say so with exit 0.
    // `import` starts a journal too: a new person's first step may well be their address
    // book. The completion scripts' `__ids` on no journal offers no one, quietly.
    // `clone` (and `sync --from`) make the folder: before anything looks into it.
    if let Some(command) = &cli.command {
        let stdout = std::io::stdout();
        let mut out = crate::quiet_pipe::QuietPipe::new(stdout.lock());
        if let Some(done) = cmd::making_the_folder(command, &dir, &mut out) {
            return Ok(done.and(out.flush().map_err(CliError::Output))?);
        }
    }
    if cli
        .command
        .as_ref()
        .is_some_and(|c| matches!(c, crate::cli::Command::Ids))
        && matches!(dir.try_exists(), Ok(false))
    {
        return Ok(());
    }
    if cli.command.as_ref().is_some_and(|c| {
        !matches!(
            c,
            crate::cli::Command::Add(_) | crate::cli::Command::Import(_)
        )
    }) && matches!(dir.try_exists(), Ok(false))
    {
        return Err(RunError::NoJournal(dir));
    }
    if DiskFs::new(&dir).readable_by_others() {
        // The folder's name is text from outside like any other: printed inert.
        let shown = crate::sanitize::inert_line(&dir.to_string_lossy()).into_owned();
        eprintln!(
            "rolo: warning: {shown} can be read by other users; `chmod 700 {}` makes it private",
            shell_word(&shown)
        );
    }
    // The TUI commits on a thread of its own, so a save never waits for git; a command
    // commits before it returns.
    let mode = match cli.command {
        None => history::Mode::Behind,
        Some(_) => history::Mode::Now,
    };
    let history = open_history(&dir, mode, cli.demo);
    let store = Store::new(history.wrap(Box::new(DiskFs::new(&dir))));
    let store = with_cache(store, &dir, cli.no_cache || cli.demo);
    // Best effort: a read-only folder still lists fine, and leftovers never confuse a load.
    let _ = store.sweep_leftover_temps();
    let Some(command) = cli.command else {
        // What a killed rolo left, and what was edited outside rolo since, is committed
        // first (behind: the first frame does not wait for it).
        history.start(true);
        // The TUI starts on the contacts and the newest months; older ones follow in the
        // background, so the first frame does not wait for years of journal.
        let (mut journal, pending) = Journal::from_recent(store.load_recent(RECENT_MONTHS)?);
        // With a remote (and `[sync] auto` not off): sync on a thread of its own, on start,
        // after changes and at quit. Never for a demo, nor for measuring the first frame.
        let auto = if cli.demo || cli.exit_after_first_frame {
            None
        } else {
            history.auto_sync()
        };
        let result = crate::app::terminal::run_tui(
            &store,
            &mut journal,
            Some(pending),
            Some(history.clone()),
            cli.exit_after_first_frame,
        )
        .map_err(RunError::Tui);
        // The background load flushed what it read; this catches the rest (files reloaded
        // after outside edits, a folder with no older months).
        flush_cache(&store);
        // The last commits, if git is slow; what is left is caught up by the next rolo.
        history.finish(std::time::Duration::from_secs(10));
        if let Some(auto) = auto {
            // What changed goes out now; a remote that does not answer is not waited for long.
            auto.finish(std::time::Duration::from_secs(15));
        }
        say_notices(&history, None);
        return result;
    };
    // What a killed rolo left is committed first; outside edits are committed with the next
    // change (or by `undo`, `redo` and `log`, which read the history).
    history.start(false);
    if commits(&command) {
        // What git will be asked at the commit, asked now, while the journal loads.
        history.prefetch();
    }
    // Most commands need far less than the whole journal: on a large folder that is the
    // difference between a tenth of a second and a second.
    let now = crate::clock::now();
    let needs = if cli.full_load {
        Needs::Everything
    } else {
        loads::needs(&command, now)
    };
    let journal = loads::journal_for(&store, &needs)?;
    let is_check = matches!(command, crate::cli::Command::Check);
    let errors = journal
        .problems
        .iter()
        .filter(|p| p.severity == Severity::Error)
        .count();
    // Rust's stdout is line-buffered even into a pipe: `list` on 10,000 people made 10,000
    // write calls. No command reads input after writing, so one buffer flushed at the end
    // (or when full) changes nothing a person sees but the time.
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::with_capacity(
        64 << 10,
        crate::quiet_pipe::QuietPipe::new(stdout.lock()),
    );
    let mut ctx = Ctx {
        store: &store,
        history: Some(&history),
        journal,
        now,
        out: &mut out,
    };
    let result = cmd::dispatch(command, &mut ctx);
    // The process exits next, which gives back the journal's memory at once; freeing its
    // 10,000 cards one by one took 3–4 ms of `rolo list`.
    std::mem::forget(ctx.journal);
    // The last of the output: a full disk here fails the command like one mid-way would.
    let flushed = out.flush().map_err(CliError::Output);
    flush_cache(&store);
    let failed = result.as_ref().err().map(ToString::to_string);
    say_notices(&history, failed.as_deref());
    if errors > 0 && !is_check {
        eprintln!(
            "rolo: warning: {errors} file{} could not be read and {} skipped; run `rolo check`",
            if errors == 1 { "" } else { "s" },
            if errors == 1 { "was" } else { "were" }
        );
    }
    store.end_of_command();
    Ok(result.and(flushed)?)
}

/// Whether a command commits: every change, and the commands that read the history (they
/// commit what is pending first).
fn commits(command: &crate::cli::Command) -> bool {
    use crate::cli::Command as C;
    !matches!(
        command,
        C::List { .. }
            | C::Show { .. }
            | C::Timeline { .. }
            | C::Check
            | C::Brief { .. }
            | C::Due { .. }
            | C::Today { .. }
            | C::Completions { .. }
            | C::Man
            | C::Ids
            | C::Clone { .. }
            | C::MergeDriver { .. }
    )
}

/// The history of `dir`, with `[history]` from config.toml and the folder's cache folder to
/// remember what was said once (none for a demo, whose folder is new each time: no litter).
fn open_history(dir: &std::path::Path, mode: history::Mode, demo: bool) -> History {
    let env = |k: &str| std::env::var(k).ok();
    let data = std::fs::canonicalize(dir).unwrap_or_else(|_| dir.to_path_buf());
    let cache = paths::cache_dir(&data, env).filter(|c| !c.starts_with(&data) && !demo);
    History::open(history::Settings {
        dir: dir.to_path_buf(),
        config: history::Config::load(paths::config_file(env)),
        cache,
        mode,
    })
}

/// What the history has to say, on stderr, one line each: why it is off (once ever), a
/// commit that failed (once until one works). Not what the command's own error says already.
fn say_notices(history: &History, error: Option<&str>) {
    for notice in history.notices() {
        if error.is_some_and(|e| e.contains(&notice)) {
            continue;
        }
        eprintln!("rolo: {}", crate::sanitize::inert_line(&notice));
    }
}

/// `path` as one shell word, so the suggested `chmod` can be pasted as it is: quoted when it
/// holds anything but the characters that never need quoting.
fn shell_word(path: &str) -> String {
    let plain = |c: char| c.is_ascii_alphanumeric() || "/._-+,:@%=".contains(c);
    if !path.is_empty() && path.chars().all(plain) {
        path.to_string()
    } else {
        format!("'{}'", path.replace('\'', "'\\''"))
    }
}

/// The derived cache (see `store::cache`), unless turned off. A demo folder is thrown away
/// on exit, so caching it would only leave litter.
fn with_cache(store: Store, dir: &std::path::Path, off: bool) -> Store {
    let env = |k: &str| std::env::var(k).ok();
    if off || env("ROLO_NO_CACHE").is_some_and(|v| !v.is_empty() && v != "0") {
        return store;
    }
    let data = std::fs::canonicalize(dir)
        .unwrap_or_else(|_| std::path::absolute(dir).unwrap_or(dir.to_path_buf()));
    match paths::cache_dir(&data, env) {
        // The data folder holds plain TOML only (it may be synced); HOME inside it is odd,
        // but then there is no cache rather than one in the wrong place.
        Some(root) if !root.starts_with(&data) => store.with_cache(root),
        _ => store,
    }
}

/// Write the cache for next time. A cache that cannot be written (a read-only home, a full
/// disk) only means the next start parses again, so it is not worth a line on every command;
/// `ROLO_DEBUG_CACHE=1` shows what happened.
fn flush_cache(store: &Store) {
    let result = store.flush_cache();
    if std::env::var_os("ROLO_DEBUG_CACHE").is_some_and(|v| !v.is_empty()) {
        let stats = store.cache_stats().unwrap_or_default();
        let outcome = match result {
            Ok(_) => String::new(),
            Err(e) => format!(", cannot write: {e}"),
        };
        eprintln!(
            "rolo: cache: {} hits, {} misses, {} files written{outcome}",
            stats.hits, stats.misses, stats.written
        );
    }
}

#[cfg(test)]
mod tests {
    use super::{RunError, outcome, shell_word};
    use crate::cmd::CliError;
    use crate::ops::OpError;
    use crate::store::StoreError;
    use crate::store::error::{Invalid, Refusal};
    use std::io::{Error, ErrorKind};

    #[test]
    fn a_closed_pipe_on_the_output_exits_0_quietly() {
        let closed = Err(RunError::from(CliError::from(Error::from(
            ErrorKind::BrokenPipe,
        ))));
        assert_eq!(outcome(&closed), (None, 0));
        assert_eq!(outcome(&Ok(())), (None, 0));
    }

    #[test]
    fn a_broken_pipe_that_is_not_the_output_is_still_an_error() {
        // The same kind from a file the store writes is a real failure, not a closed reader.
        let store = StoreError::io("/d/contacts/ada.toml".into(), ErrorKind::BrokenPipe.into());
        let (line, code) = outcome(&Err(RunError::from(CliError::from(OpError::from(store)))));
        assert_eq!(code, 1);
        assert!(line.is_some_and(|l| l.starts_with("rolo: /d/contacts/ada.toml: ")));
    }

    #[test]
    fn every_other_kind_is_one_line_and_exit_1_as_before() {
        let kinds = [
            (
                RunError::from(CliError::from(Error::from(ErrorKind::StorageFull))),
                "rolo: cannot write output: ",
            ),
            (
                RunError::from(StoreError::Invalid(Invalid::Change(
                    "bad; nothing was written".into(),
                ))),
                "rolo: bad; nothing was written",
            ),
            (
                RunError::from(CliError::from(StoreError::Refused(Refusal::DraftTaken {
                    pid: None,
                }))),
                "rolo: this note is open in another rolo; it is left to it",
            ),
            (RunError::from(CliError::Vanished), "rolo: contact vanished"),
            (
                RunError::NoDataDir,
                "rolo: cannot find a data folder: set HOME, ROLO_DIR or pass --dir DIR",
            ),
            (
                RunError::NoJournal("/d".into()),
                "rolo: no journal at /d — create it with `rolo add`",
            ),
            (
                RunError::NotAFolder("/f".into()),
                "rolo: /f is not a folder",
            ),
            (
                RunError::from(CliError::NoMatch {
                    query: "zed\x1b[2J".into(),
                    close: vec![],
                    write: true,
                }),
                "rolo: no one matches \"zed",
            ),
        ];
        for (error, start) in kinds {
            let (line, code) = outcome(&Err(error));
            assert_eq!(code, 1, "{line:?}");
            let line = line.unwrap_or_default();
            assert!(line.starts_with(start), "{line:?} should start {start:?}");
            assert!(!line.contains(['\n', '\x1b']), "one inert line: {line:?}");
        }
    }

    #[test]
    fn a_path_is_quoted_only_when_it_must_be() {
        assert_eq!(
            shell_word("/home/ada/.local/share/rolo"),
            "/home/ada/.local/share/rolo"
        );
        assert_eq!(shell_word("/tmp/my data"), "'/tmp/my data'");
        assert_eq!(shell_word("/tmp/it's"), "'/tmp/it'\\''s'");
        assert_eq!(shell_word(""), "''");
    }
}
