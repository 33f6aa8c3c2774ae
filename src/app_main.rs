//! From parsed arguments to a running command: find the data folder, load, dispatch.

use crate::cli::Cli;
use crate::cmd::{self, CliError, Ctx};
use crate::journal::Journal;
use crate::loads::{self, Needs};
use crate::store::{DiskFs, Severity, Store, paths};
use std::io::Write;
use std::process::ExitCode;

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
            let rendered = e.render().to_string();
            let first = rendered.lines().next().unwrap_or("invalid arguments");
            let first = first.strip_prefix("error: ").unwrap_or(first);
            eprintln!(
                "rolo: {} (see `rolo --help`)",
                crate::sanitize::inert(first)
            );
            ExitCode::FAILURE
        }
    }
}

/// Months loaded before the TUI's first frame; the rest load while the person browses.
const RECENT_MONTHS: usize = 3;

pub fn run(cli: Cli) -> Result<(), CliError> {
    let _demo_dir;
    let dir = if cli.demo {
        let tmp = crate::demo::temp_copy(crate::clock::now().date_naive())
            .map_err(|e| CliError(format!("cannot set up the demo folder: {e}")))?;
        let path = tmp.path().to_path_buf();
        _demo_dir = tmp;
        path
    } else {
        paths::data_dir(cli.dir.as_deref(), |k| std::env::var(k).ok()).ok_or_else(|| {
            CliError("cannot find a data folder: set HOME, ROLO_DIR or pass --dir DIR".into())
        })?
    };
    if dir.exists() && !dir.is_dir() {
        return Err(CliError(format!("{} is not a folder", dir.display())));
    }
    if DiskFs::new(&dir).readable_by_others() {
        eprintln!(
            "rolo: warning: {} can be read by other users; `chmod 700 {}` makes it private",
            dir.display(),
            dir.display()
        );
    }
    let store = with_cache(Store::on_disk(&dir), &dir, cli.no_cache || cli.demo);
    // Best effort: a read-only folder still lists fine, and leftovers never confuse a load.
    let _ = store.sweep_stale_temps();
    let Some(command) = cli.command else {
        // The TUI starts on the contacts and the newest months; older ones follow in the
        // background, so the first frame does not wait for years of journal.
        let (mut journal, pending) = Journal::from_recent(store.load_recent(RECENT_MONTHS)?);
        let result = crate::app::terminal::run_tui(
            &store,
            &mut journal,
            Some(pending),
            cli.exit_after_first_frame,
        );
        // The background load flushed what it read; this catches the rest (files reloaded
        // after outside edits, a folder with no older months).
        flush_cache(&store);
        return result;
    };
    // Most commands need far less than the whole journal: on a large folder that is the
    // difference between a tenth of a second and a second.
    let needs = if cli.full_load {
        Needs::Everything
    } else {
        loads::needs(&command)
    };
    let journal = loads::journal_for(&store, &needs)?;
    let now = crate::clock::now();
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
        journal,
        now,
        out: &mut out,
    };
    let result = cmd::run(command, &mut ctx);
    let _ = out.flush();
    flush_cache(&store);
    if errors > 0 && !is_check {
        eprintln!(
            "rolo: warning: {errors} file{} could not be read and {} skipped; run `rolo check`",
            if errors == 1 { "" } else { "s" },
            if errors == 1 { "was" } else { "were" }
        );
    }
    result
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
