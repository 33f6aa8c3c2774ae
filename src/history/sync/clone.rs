//! `rolo clone URL`: the second machine's data folder, made from the remote the first one
//! syncs with. The folder must be new or empty; it is made private (0700, its files 0600)
//! like one rolo made itself, and set up to merge with rolo (`merge::setup`).

use super::SyncError;
use super::bounded;
use crate::history::git::Git;
use crate::history::merge::setup;
use std::path::Path;

/// What a clone brought.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cloned {
    pub people: usize,
    pub months: usize,
    /// The remote had no history yet.
    pub empty: bool,
}

/// Clone `url` into `dir` (new, or an empty folder).
pub fn clone(dir: &Path, url: &str) -> Result<Cloned, SyncError> {
    let shown = crate::sanitize::inert_line(url).into_owned();
    let folder = crate::sanitize::inert_line(&dir.to_string_lossy()).into_owned();
    if let Ok(mut items) = std::fs::read_dir(dir)
        && items.next().is_some()
    {
        return Err(SyncError::Git(format!(
            "{folder} is not empty: clone into a new folder (--dir DIR), or join this journal to the remote with `rolo sync --remote {shown}`"
        )));
    }
    let parent = dir
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    std::fs::create_dir_all(parent)
        .map_err(|e| SyncError::Git(format!("cannot create {}: {e}", parent.display())))?;
    let git = Git::new(parent);
    let target = dir.to_string_lossy().into_owned();
    bounded::run(
        &git,
        &[
            "-c",
            "core.sharedRepository=0600",
            "clone",
            "--quiet",
            "--template=",
            "--config",
            "core.sharedRepository=0600",
            "--",
            url,
            &target,
        ],
        bounded::DEADLINE,
    )
    .map_err(|e| SyncError::Unreachable {
        remote: shown.clone(),
        why: e.to_string(),
    })?;
    super::private::make_private(dir);
    let git = Git::new(dir);
    let _ = git.run(["config", "core.untrackedCache", "true"]);
    setup::register(&git).map_err(|e| SyncError::Git(e.to_string()))?;
    let empty = git.run(["rev-parse", "-q", "--verify", "HEAD"]).is_err();
    if empty {
        // Nothing came: the folder starts like one rolo made (its first change commits these).
        let _ = crate::history::repo::write_gitignore(dir);
        let _ = setup::write_gitattributes(dir);
    }
    let count = |sub: &str, depth: usize| files_in(&dir.join(sub), depth);
    Ok(Cloned {
        people: count(crate::store::paths::CONTACTS, 1),
        months: count(crate::store::paths::JOURNAL, 2),
        empty,
    })
}

/// `.toml` files under `dir`, `depth` folders down.
fn files_in(dir: &Path, depth: usize) -> usize {
    let Ok(items) = std::fs::read_dir(dir) else {
        return 0;
    };
    items
        .flatten()
        .map(|i| {
            let path = i.path();
            if depth > 1 && path.is_dir() {
                files_in(&path, depth - 1)
            } else {
                usize::from(depth == 1 && path.extension().is_some_and(|e| e == "toml"))
            }
        })
        .sum()
}
