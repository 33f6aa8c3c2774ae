//! From parsed arguments to a running command: find the data folder, load, dispatch.

use crate::cli::Cli;
use crate::cmd::{self, CliError, Ctx};
use crate::history::{self, History};
use crate::journal::Journal;
use crate::loads::{self, Needs};
use crate::store::{DiskFs, Severity, Store, paths};
use std::io::{self, Write};

mod ending;
pub use ending::{RunError, exit, outcome, usage_error};

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
        // Removed when `_demo_dir` drops, or by the signal that ends the TUI.
        crate::app::signals::remove_on_signal(path.clone());
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
        // background, so the first frame does not wait for years of journal. The contacts
        // may be as the cache kept them: the watch taken after the first frame reports any
        // card that is not, and the first poll shows it as it is.
        let (mut journal, pending) =
            Journal::from_recent(store.load_recent_as_kept(RECENT_MONTHS)?);
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
        // The process exits next: the journal (all of it, once the older months are in) and
        // what the store read are given back at once by the exit, not freed piece by piece
        // (9 ms after the first frame on the large set; more after a session).
        std::mem::forget(journal);
        store.end_of_command();
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
    use super::shell_word;

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
