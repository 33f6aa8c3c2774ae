//! Which repository holds the data folder, and making one when there is none.

use super::git::{Git, GitError};
use crate::store::{DiskFs, Fs, paths};
use std::path::{Path, PathBuf};

/// The repository the history commits into.
#[derive(Debug, Clone)]
pub struct Repo {
    /// `git -C <data folder>`.
    pub git: Git,
    /// Its `.git` folder, absolute (where rolo keeps `rolo/`: intents, the history lock).
    pub git_dir: PathBuf,
    /// The data folder inside the repository: "" when the repository is the data folder's own,
    /// else its path from the top with a trailing `/` (git names files from the top).
    pub prefix: String,
}

impl Repo {
    /// `rel` (a path inside the data folder) as git names it, from the top of the repository.
    pub fn full(&self, rel: &str) -> String {
        format!("{}{rel}", self.prefix)
    }

    /// A path from the top of the repository as a path inside the data folder, when it is one.
    pub fn inside<'a>(&self, full: &'a str) -> Option<&'a str> {
        full.strip_prefix(self.prefix.as_str())
    }

    /// Where rolo keeps its own files in the repository (never versioned: inside `.git`).
    pub fn rolo_dir(&self) -> PathBuf {
        self.git_dir.join("rolo")
    }
}

/// Where the data folder stands.
#[derive(Debug)]
pub enum Found {
    /// The folder is a repository of its own.
    Own(Repo),
    /// The folder is inside another repository, whose top is `top`.
    Nested { top: PathBuf, repo: Repo },
    /// In no repository: one is made on the first write.
    NoRepository,
    /// No `git` to run.
    NoGit,
    /// `.git` is a link: rolo does not write through links.
    LinkedGit(PathBuf),
    /// git answered, but not in a way rolo can use (a repository it may not open, say).
    Unusable(String),
}

/// Find the repository of `dir`. Costs no process when the folder has no `.git` of its own
/// and `look_above` is false (a read-only command need not ask).
pub fn locate(dir: &Path) -> Found {
    let dot_git = dir.join(".git");
    match std::fs::symlink_metadata(&dot_git) {
        Ok(m) if m.file_type().is_symlink() => return Found::LinkedGit(dot_git),
        Ok(m) => {
            let git = Git::new(dir);
            if m.is_dir() {
                if !git.available() {
                    return Found::NoGit;
                }
                return Found::Own(Repo {
                    git,
                    git_dir: std::path::absolute(&dot_git).unwrap_or(dot_git),
                    prefix: String::new(),
                });
            }
            // A `.git` file (a worktree or a submodule) names its folder: git knows where.
            return match ask(&git) {
                Ok((git_dir, _, prefix)) => Found::Own(Repo {
                    git,
                    git_dir,
                    prefix,
                }),
                Err(GitError::Missing) => Found::NoGit,
                Err(e) => Found::Unusable(e.to_string()),
            };
        }
        Err(_) => {}
    }
    // Above a folder not made yet, ask from the nearest folder that is there.
    let mut here = dir;
    while !here.is_dir() {
        match here.parent() {
            Some(p) => here = p,
            None => return Found::NoRepository,
        }
    }
    let git = Git::new(here);
    match ask(&git) {
        Ok((git_dir, top, prefix)) => {
            // git gives the prefix of the folder it was run in; the folders still to be made
            // follow it.
            let tail = dir.strip_prefix(here).unwrap_or(Path::new(""));
            let mut prefix = prefix;
            for part in tail.components() {
                prefix.push_str(&part.as_os_str().to_string_lossy());
                prefix.push('/');
            }
            Found::Nested {
                top,
                repo: Repo {
                    git: Git::new(dir),
                    git_dir,
                    prefix,
                },
            }
        }
        Err(GitError::Missing) => Found::NoGit,
        Err(GitError::Failed { said, .. }) if said.starts_with("not a git repository") => {
            Found::NoRepository
        }
        Err(e) => Found::Unusable(e.to_string()),
    }
}

/// `.git` folder, top and prefix of the repository `git` is pointed into.
fn ask(git: &Git) -> Result<(PathBuf, PathBuf, String), GitError> {
    let text = git.text([
        "rev-parse",
        "--absolute-git-dir",
        "--show-toplevel",
        "--show-prefix",
    ])?;
    let mut lines = text.lines();
    let git_dir = PathBuf::from(lines.next().unwrap_or_default());
    let top = PathBuf::from(lines.next().unwrap_or_default());
    let prefix = lines.next().unwrap_or_default().to_string();
    Ok((git_dir, top, prefix))
}

/// What the history leaves out: what rolo writes that is not the journal.
pub const GITIGNORE_TEXT: &str = "\
# Written by rolo: what its history (git) leaves out. Edit it as you like.
# Notes being typed, saved as you type:
/drafts/
# The folder lock and each running rolo's lease:
/.lock
/.leases/
# Temp files of rolo's safe writes and of its $EDITOR copies:
.rolo-tmp-*
.rolo-edit-*
# Editors' swap and backup files:
*.swp
*.swo
*~
.#*
";

/// Whether rolo's history ever commits `rel` (a path inside the data folder): never what
/// `.gitignore` above leaves out, also in a repository whose `.gitignore` is not rolo's.
pub fn versioned(rel: &str) -> bool {
    let mut parts = rel.split('/');
    let first = parts.next().unwrap_or_default();
    if [paths::DRAFTS, paths::LOCK, paths::LEASES, ".git"].contains(&first) {
        return false;
    }
    let name = rel.rsplit('/').next().unwrap_or_default();
    !(name.starts_with(".rolo-tmp-")
        || name.starts_with(".rolo-edit-")
        || name.ends_with(".swp")
        || name.ends_with(".swo")
        || name.ends_with('~')
        || name.starts_with(".#"))
}

/// Write rolo's `.gitignore` into the data folder when it has none (a person's own is kept).
pub fn write_gitignore(dir: &Path) -> Result<(), String> {
    let disk = DiskFs::new(dir);
    let ignore = Path::new(paths::GITIGNORE);
    if matches!(disk.read(ignore), Ok(None)) {
        disk.write_atomic(ignore, GITIGNORE_TEXT.as_bytes())
            .map_err(|e| format!("cannot write {}: {e}", dir.join(ignore).display()))?;
    }
    Ok(())
}

/// Make the data folder a repository of its own: private like the folder (`--shared=0600`),
/// no sample hooks (`--template=`), and a `.gitignore` when it has none. Returns the repository.
pub fn init(dir: &Path) -> Result<Repo, String> {
    let disk = DiskFs::new(dir);
    disk.ensure_dir(Path::new(""))
        .map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
    let git = Git::new(dir);
    git.run(["init", "-q", "--template=", "--shared=0600", "."])
        .map_err(|e| e.to_string())?;
    // Status stays quick on a folder of thousands of files (git keeps what it saw of folders).
    let _ = git.run(["config", "core.untrackedCache", "true"]);
    write_gitignore(dir)?;
    // Ready for sync from the start: two machines' changes merge by entry and by key.
    super::merge::setup::set_up(dir, &git)?;
    let dot_git = dir.join(".git");
    Ok(Repo {
        git,
        git_dir: std::path::absolute(&dot_git).unwrap_or(dot_git),
        prefix: String::new(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn what_is_versioned() {
        for yes in [
            "contacts/ada.toml",
            "journal/2026/2026-11.toml",
            ".gitignore",
            "notes.txt",
        ] {
            assert!(versioned(yes), "{yes}");
        }
        for no in [
            "drafts/ada-20261124-1200.toml",
            ".lock",
            ".leases/abc.lease",
            "contacts/.rolo-tmp-x.tmp",
            ".rolo-edit-abc.toml",
            "contacts/.ada.toml.swp",
            "contacts/ada.toml~",
            ".git/config",
        ] {
            assert!(!versioned(no), "{no}");
        }
    }
}
