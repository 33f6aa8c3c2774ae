//! `rolo sync`, `rolo clone` and `rolo merge-driver` (git's, hidden): the journal shared
//! through a git remote (`crate::history::sync`). Each says what it did and what to do next.

use super::{CliError, CliResult, Ctx};
use crate::cli::SyncArgs;
use crate::history::merge::driver::{self, Done, Files};
use crate::history::merge::record::FileNote;
use crate::history::merge::{Kind, Side};
use crate::history::sync::{self as engine, Request, SyncError};
use crate::history::{History, Off};
use crate::sanitize::inert_line;
use std::io::Write;
use std::path::{Path, PathBuf};

pub fn sync(ctx: &mut Ctx, args: SyncArgs) -> CliResult {
    let history: &History = ctx
        .history
        .ok_or(CliError::Sync(SyncError::Off(Off::NotYet)))?;
    let root = ctx.store.root().map(Path::to_path_buf);
    let choose = match (&args.ours, &args.theirs) {
        (Some(p), _) => Some((inside(root.as_deref(), p), Side::Ours)),
        (_, Some(p)) => Some((inside(root.as_deref(), p), Side::Theirs)),
        _ => None,
    };
    let request = Request {
        remote: args.remote.clone(),
        choose,
    };
    match history.sync(&request) {
        Ok(done) => {
            for line in &done.lines {
                writeln!(ctx.out, "{line}")?;
            }
            Ok(())
        }
        Err(SyncError::NeedsYou(notes)) => {
            print_conflicts(ctx.out, &notes)?;
            Err(CliError::Sync(SyncError::NeedsYou(notes)))
        }
        Err(e) => Err(CliError::Sync(e)),
    }
}

/// Each clash with both values, and the ways out.
fn print_conflicts(out: &mut dyn Write, notes: &[FileNote]) -> CliResult {
    for note in notes {
        let path = inert_line(&note.path);
        match note.who.as_str() {
            "" => writeln!(out, "needs you: {path}")?,
            who => writeln!(out, "needs you: {path} ({})", inert_line(who))?,
        }
        for c in &note.clash {
            let what = match c.label() {
                l if l.is_empty() => l,
                l => format!("{l}: "),
            };
            writeln!(
                out,
                "  {}here {}, there {}",
                inert_line(&what),
                inert_line(&c.ours),
                inert_line(&c.theirs)
            )?;
        }
        writeln!(out, "  keep this machine's: rolo sync --ours {path}")?;
        writeln!(out, "  take the other's:    rolo sync --theirs {path}")?;
        writeln!(
            out,
            "  or edit {path} to what it should say, then: rolo sync --ours {path}"
        )?;
    }
    Ok(())
}

/// A path the person typed, as a path inside the data folder: absolute, relative to where
/// they are, or already relative to the data folder.
fn inside(root: Option<&Path>, typed: &Path) -> String {
    let rel = |p: &Path| -> Option<String> {
        let root = root?;
        let root = std::fs::canonicalize(root).unwrap_or(root.to_path_buf());
        let p = std::fs::canonicalize(p).unwrap_or(p.to_path_buf());
        p.strip_prefix(&root)
            .ok()
            .map(|r| r.to_string_lossy().into_owned())
    };
    if typed.is_absolute() {
        return rel(typed).unwrap_or_else(|| typed.to_string_lossy().into_owned());
    }
    if let Some(root) = root
        && root.join(typed).exists()
    {
        return typed.to_string_lossy().into_owned();
    }
    std::path::absolute(typed)
        .ok()
        .and_then(|p| rel(&p))
        .unwrap_or_else(|| typed.to_string_lossy().into_owned())
}

/// `rolo clone URL` (and `rolo sync --from URL`) into the data folder `dir`.
/// Clone `url` into `dir`; `named` when the folder was given on the line, so the hint says how
/// to open it there.
pub fn clone(dir: &Path, url: &str, out: &mut dyn Write, named: bool) -> CliResult {
    let cloned = engine::clone(dir, url)?;
    let folder = inert_line(&dir.to_string_lossy()).into_owned();
    let url = inert_line(url).into_owned();
    if cloned.empty {
        writeln!(
            out,
            "cloned {url} into {folder}: it is empty so far; add people here and `rolo sync` sends them"
        )?;
    } else {
        let n =
            |k: usize, one: &str, many: &str| format!("{k} {}", if k == 1 { one } else { many });
        writeln!(
            out,
            "cloned {url} into {folder}: {}, {}",
            n(cloned.people, "person", "people"),
            n(cloned.months, "month of entries", "months of entries")
        )?;
    }
    let rolo = if named {
        format!("rolo --dir {folder}")
    } else {
        "rolo".to_string()
    };
    writeln!(
        out,
        "next: `{rolo}` to open it; `{rolo} sync` to share what changes here and get what changed elsewhere"
    )?;
    Ok(())
}

/// git's merge driver: exit 0 with the file merged, or non-zero with this machine's file left
/// as it was and the conflict noted for `rolo sync`.
pub fn merge_driver(kind: &str, base: &Path, ours: &Path, theirs: &Path, path: &str) -> CliResult {
    let Some(kind) = Kind::parse(kind) else {
        return Err(CliError::MergeDriver(format!(
            "merge-driver: no kind {:?} (month or contact)",
            inert_line(kind)
        )));
    };
    let files = Files {
        base,
        ours,
        theirs,
        path,
    };
    match driver::run(kind, &files, None::<PathBuf>) {
        Ok(Done::Merged) => Ok(()),
        Ok(Done::Clashed(clashes)) => {
            let keys: Vec<String> = clashes
                .iter()
                .map(|c| match (c.what.as_str(), c.key.as_str()) {
                    (w, "") => w.to_string(),
                    ("", k) => k.to_string(),
                    (w, k) => format!("{w} {k}"),
                })
                .collect();
            Err(CliError::MergeDriver(format!(
                "{}: changed differently on both sides ({}); this side's file is left as it was, `rolo sync` shows both values",
                inert_line(path),
                inert_line(&keys.join(", "))
            )))
        }
        Err(why) => Err(CliError::MergeDriver(why)),
    }
}
