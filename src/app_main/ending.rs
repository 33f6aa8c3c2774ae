//! How a run of rolo ends: why it failed (`RunError`), the one line and exit code that says
//! so (`outcome`, `exit`), and clap's usage errors put on one line (`usage_error`).

use crate::app::terminal::TuiError;
use crate::cmd::CliError;
use crate::store::StoreError;
use std::fmt;
use std::io;
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
        // One value given for "<WHO>... <TEXT>": clap takes it as the text and names the
        // people as missing, while the person may well have meant it as who
        // (`rolo note "zoe m"`). Either could be what is missing.
        let names = match usage.as_deref() {
            Some(u) if names == "<WHO>..." && u.ends_with("<WHO>... <TEXT>") => {
                "<WHO>... or <TEXT>: who it is with, then the text".to_string()
            }
            _ => names,
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

#[cfg(test)]
mod tests {
    use super::{RunError, outcome};
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
}
