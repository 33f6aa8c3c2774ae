//! `rolo merge-driver month|contact %O %A %B %P`, as git runs it for a file both machines
//! changed: the merge is written over `%A` and rolo exits 0, or, on a clash, `%A` is left as
//! this machine had it, the clash is noted (`record`) and rolo exits non-zero, which git
//! takes as a conflict. A file rolo cannot merge by entry or key (one that does not read) is
//! a clash of the whole file: never markers.

use super::record::{FileNote, Record, write_private};
use super::{Clash, Kind, Side, contact, merge};
use crate::history::git::Git;
use std::path::{Path, PathBuf};

/// Where a sync wants the driver's notes (`.git/rolo/sync/merging`); without it, the
/// repository's own, asked of git (a `git pull` by hand).
pub const RECORD_VAR: &str = "ROLO_SYNC_RECORD";

/// What the driver did with the file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Done {
    /// Merged and written over `%A`.
    Merged,
    /// Left as it was: these clashed.
    Clashed(Vec<Clash>),
}

/// The files git hands over, and the path the file has in the data folder's repository.
pub struct Files<'a> {
    pub base: &'a Path,
    pub ours: &'a Path,
    pub theirs: &'a Path,
    pub path: &'a str,
}

/// Run the driver; `record` is where its notes go (`None`: found as `notes_dir` says).
pub fn run(kind: Kind, files: &Files, record: Option<PathBuf>) -> Result<Done, String> {
    let read = |p: &Path| std::fs::read(p).map_err(|e| format!("cannot read {}: {e}", p.display()));
    let (base, ours, theirs) = (read(files.base)?, read(files.ours)?, read(files.theirs)?);
    // Inside the data folder when the repository is a larger one (`[history] git = true`).
    let rel = inside_data(files.path, kind);
    let text = |b: &[u8]| String::from_utf8(b.to_vec()).ok();
    let (bt, ot, tt) = (text(&base), text(&ours), text(&theirs));
    // An empty base: the file was added on both sides.
    let bt_opt = bt.as_deref().filter(|t| !t.is_empty());
    let merged = match (&ot, &tt) {
        (Some(o), Some(t)) if bt.is_some() => merge(kind, &rel, bt_opt, o, t, Side::Ours),
        _ => Err(format!("{rel} is not text on both sides")),
    };
    let record = record.or_else(notes_dir);
    let who = match kind {
        Kind::Contact => ot
            .as_deref()
            .and_then(contact::name_in)
            .or_else(|| tt.as_deref().and_then(contact::name_in))
            .unwrap_or_else(|| {
                Path::new(&rel)
                    .file_stem()
                    .map(|s| s.to_string_lossy().into_owned())
                    .unwrap_or_default()
            }),
        Kind::Month => String::new(),
    };
    let note = |clash: Vec<Clash>, renumbered: Vec<String>| FileNote {
        path: rel.clone(),
        who: who.clone(),
        clash,
        renumbered,
        renumbered_theirs: Vec::new(),
    };
    match merged {
        Ok(m) if m.clashes.is_empty() => {
            write_private(files.ours, &m.bytes)
                .map_err(|e| format!("cannot write {}: {e}", files.ours.display()))?;
            if !m.renumbered.is_empty()
                && let Some(dir) = &record
            {
                let _ = Record::add(dir, note(Vec::new(), m.renumbered), None);
            }
            Ok(Done::Merged)
        }
        Ok(m) => {
            // The file as it would be with the other side's values, for `--theirs`, and
            // what is renumbered in it (this side's additions, not the other's).
            let (theirs_way, renumbered_theirs) = match (&ot, &tt) {
                (Some(o), Some(t)) => merge(kind, &rel, bt_opt, o, t, Side::Theirs)
                    .map(|m| (m.bytes, m.renumbered))
                    .unwrap_or_else(|_| (theirs.clone(), Vec::new())),
                _ => (theirs.clone(), Vec::new()),
            };
            if let Some(dir) = &record {
                Record::add(
                    dir,
                    FileNote {
                        renumbered_theirs,
                        ..note(m.clashes.clone(), m.renumbered)
                    },
                    Some((&m.bytes, &theirs_way)),
                )
                .map_err(|e| format!("cannot note the conflict: {e}"))?;
            }
            Ok(Done::Clashed(m.clashes))
        }
        Err(why) => {
            let clashes = vec![Clash {
                what: why,
                key: String::new(),
                ours: "(the whole file as it is here)".into(),
                theirs: "(the whole file as it is there)".into(),
            }];
            if let Some(dir) = &record {
                Record::add(
                    dir,
                    note(clashes.clone(), Vec::new()),
                    Some((&ours, &theirs)),
                )
                .map_err(|e| format!("cannot note the conflict: {e}"))?;
            }
            Ok(Done::Clashed(clashes))
        }
    }
}

/// `path` (from the top of the repository) as a path inside the data folder: the part from
/// its `contacts/` or `journal/` on.
fn inside_data(path: &str, kind: Kind) -> String {
    let parts: Vec<&str> = path.split('/').collect();
    let keep = match kind {
        Kind::Contact => 2,
        Kind::Month => 3,
    };
    parts[parts.len().saturating_sub(keep)..].join("/")
}

/// The notes folder of the repository git runs the driver in (its working folder).
fn notes_dir() -> Option<PathBuf> {
    if let Some(dir) = std::env::var_os(RECORD_VAR).filter(|v| !v.is_empty()) {
        return Some(PathBuf::from(dir));
    }
    let git_dir = Git::new(".")
        .text(["rev-parse", "--absolute-git-dir"])
        .ok()?;
    Some(Path::new(&git_dir).join("rolo/sync/merging"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_path_in_a_larger_repository_is_read_from_the_data_folder_on() {
        assert_eq!(
            inside_data("notes/rolo/contacts/ada.toml", Kind::Contact),
            "contacts/ada.toml"
        );
        assert_eq!(
            inside_data("journal/2026/2026-12.toml", Kind::Month),
            "journal/2026/2026-12.toml"
        );
    }
}
