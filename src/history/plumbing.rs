//! The few git commands a commit is made of, each run once per commit whatever its size:
//! `status` (what changed on disk), `cat-file --batch` (files as the last commit has them,
//! `read_at`),
//! `fast-import` (the commits themselves) and `update-index` (the index follows).
//!
//! Why `fast-import` rather than `git add` and `git commit --only`: it commits the bytes rolo
//! wrote, not whatever the file holds by the time the commit runs. So a change is committed
//! exactly, even when the next one already rewrote its file (the TUI commits behind the
//! person's back), and an outside edit made before rolo's write goes in a commit of its own.
//! It runs no hooks (a failing `pre-commit` cannot block a save) and never signs (a
//! `commit.gpgsign` that would ask for a passphrase cannot hang one). It is also quicker:
//! `git commit --only` rewrites the whole index of a 10,000-file journal (about 0.2 s here),
//! `fast-import` writes the new trees and nothing else. It updates the branch only when the
//! branch still is where the commit started from, so a commit someone made meanwhile is never
//! lost.

use super::git::{Bounded, Git, GitError, bounded, wait_within};
use super::repo::Repo;
use std::collections::BTreeMap;
use std::io::Write;
use std::path::Path;

/// The files git sees changed in the data folder (modified, added, deleted, untracked), as
/// paths inside the data folder.
pub fn changed_on_disk(repo: &Repo) -> Result<Vec<String>, GitError> {
    let out = repo.git.run([
        "status",
        "--porcelain=v1",
        "-z",
        "--untracked-files=all",
        "--no-renames",
        "--",
        ".",
    ])?;
    let mut paths = Vec::new();
    for item in out.stdout.split(|&b| b == 0) {
        // "XY path": two status letters and a space.
        if item.len() < 4 {
            continue;
        }
        let Ok(full) = std::str::from_utf8(&item[3..]) else {
            continue;
        };
        if let Some(rel) = repo.inside(full) {
            paths.push(rel.to_string());
        }
    }
    paths.sort();
    paths.dedup();
    Ok(paths)
}

/// The branch HEAD is on (`refs/heads/main`), `None` when HEAD is detached.
pub fn branch(repo: &Repo) -> Result<Option<String>, GitError> {
    // Read where it is plain (the usual files backend); ask git otherwise.
    if let Ok(text) = std::fs::read_to_string(repo.git_dir.join("HEAD")) {
        let text = text.trim();
        match text.strip_prefix("ref: ") {
            Some(r) if r.starts_with("refs/heads/") && r != "refs/heads/.invalid" => {
                return Ok(Some(r.to_string()));
            }
            None if text.len() >= 40 && text.bytes().all(|b| b.is_ascii_hexdigit()) => {
                return Ok(None);
            }
            _ => {}
        }
    }
    let mut cmd = repo.git.command();
    cmd.args(["symbolic-ref", "-q", "HEAD"]);
    let out = bounded(cmd, None, repo.git.limit()).map_err(|e| match e {
        Bounded::TimedOut => GitError::TimedOut {
            what: "symbolic-ref".into(),
            after: repo.git.limit(),
        },
        Bounded::Io(e) if e.kind() == std::io::ErrorKind::NotFound => GitError::Missing,
        Bounded::Io(e) => GitError::Io(e),
    })?;
    match out.status.code() {
        Some(0) => Ok(Some(
            String::from_utf8_lossy(&out.stdout).trim().to_string(),
        )),
        // "-q": exit 1 and nothing said when HEAD is not a branch.
        Some(1) => Ok(None),
        _ => Err(GitError::Failed {
            what: "symbolic-ref".into(),
            said: super::git::first_line(&out.stderr),
        }),
    }
}

/// Who a commit is by: the person's own git name and email, or rolo's when they have set none.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Ident {
    pub name: String,
    pub email: String,
}

impl Ident {
    /// `git config user.name` and `user.email`; `rolo <rolo@localhost>` when the email is
    /// empty (git would otherwise make one up from the machine's name, or refuse).
    pub fn of(git: &Git) -> Ident {
        let mut name = String::new();
        let mut email = String::new();
        if let Ok(out) = git.run(["config", "-z", "--get-regexp", r"^user\.(name|email)$"]) {
            for item in out.stdout.split(|&b| b == 0) {
                let text = String::from_utf8_lossy(item);
                if let Some((key, value)) = text.split_once('\n') {
                    match key {
                        "user.name" => name = value.to_string(),
                        "user.email" => email = value.to_string(),
                        _ => {}
                    }
                }
            }
        }
        if email.trim().is_empty() {
            return Ident {
                name: "rolo".into(),
                email: "rolo@localhost".into(),
            };
        }
        if name.trim().is_empty() {
            name = "rolo".into();
        }
        Ident { name, email }
    }

    /// As a commit header writes it: no `<`, `>` or line break may reach it.
    fn header(&self) -> String {
        let clean = |s: &str| -> String {
            s.chars()
                .filter(|c| !matches!(c, '<' | '>') && !c.is_control())
                .collect::<String>()
                .trim()
                .to_string()
        };
        format!("{} <{}>", clean(&self.name), clean(&self.email))
    }
}

/// One commit to make: its message and the files it sets (`None` removes one).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewCommit {
    pub message: String,
    pub files: BTreeMap<String, Option<Vec<u8>>>,
}

/// A path as fast-import reads it: quoted, with what needs it escaped (C style).
fn quoted(path: &str) -> String {
    let mut out = String::from("\"");
    for b in path.bytes() {
        match b {
            b'"' => out.push_str("\\\""),
            b'\\' => out.push_str("\\\\"),
            b'\n' => out.push_str("\\n"),
            b'\t' => out.push_str("\\t"),
            0x20..=0x7e => out.push(b as char),
            // Other bytes as octal, as git quotes them.
            _ => out.push_str(&format!("\\{b:03o}")),
        }
    }
    out.push('"');
    out
}

/// Put `commits` on `branch`, one after the other, the first on top of `parent` (none: the
/// branch's first commit). The branch moves only if it is still at `parent`.
pub fn commit(
    repo: &Repo,
    branch: &str,
    parent: Option<&str>,
    ident: &Ident,
    when: chrono::DateTime<chrono::FixedOffset>,
    commits: &[NewCommit],
) -> Result<(), GitError> {
    if commits.is_empty() {
        return Ok(());
    }
    let who = format!(
        "{} {} {}",
        ident.header(),
        when.timestamp(),
        when.format("%z")
    );
    let mut s: Vec<u8> = Vec::new();
    s.extend_from_slice(b"feature done\n");
    for (n, c) in commits.iter().enumerate() {
        let message = if c.message.ends_with('\n') {
            c.message.clone()
        } else {
            format!("{}\n", c.message)
        };
        let _ = write!(
            s,
            "commit {branch}\nauthor {who}\ncommitter {who}\ndata {}\n{message}",
            message.len()
        );
        if n == 0
            && let Some(parent) = parent
        {
            let _ = writeln!(s, "from {parent}");
        }
        for (path, content) in &c.files {
            let full = quoted(&repo.full(path));
            match content {
                Some(bytes) => {
                    let _ = write!(s, "M 100644 inline {full}\ndata {}\n", bytes.len());
                    s.extend_from_slice(bytes);
                    s.push(b'\n');
                }
                None => {
                    let _ = writeln!(s, "D {full}");
                }
            }
        }
        s.push(b'\n');
    }
    s.extend_from_slice(b"done\n");
    // A pack of its own rather than loose objects: no second process; `gc --auto` (run by
    // `tidy`) gathers the packs now and then.
    repo.git.run_with(
        [
            "-c",
            "fastimport.unpackLimit=0",
            "fast-import",
            "--quiet",
            "--done",
        ],
        Some(&s),
    )?;
    Ok(())
}

/// Make the index agree with the files for `paths` (inside the data folder), so the person's
/// own `git status` shows what rolo committed as committed. Started, not waited for: it runs
/// beside the commit (the index and the commit do not depend on each other); `IndexUpdate::
/// wait` waits. Best effort: the index is only a cache, and the next commit does this again.
pub fn refresh_index(repo: &Repo, paths: &[String]) -> IndexUpdate {
    if paths.is_empty() {
        return IndexUpdate(None);
    }
    let mut cmd = repo.git.command();
    cmd.args(["update-index", "--add", "--remove", "-z", "--stdin"])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null());
    let Ok(mut child) = cmd.spawn() else {
        return IndexUpdate(None);
    };
    if let Some(mut stdin) = child.stdin.take() {
        for p in paths {
            // Closed early, it has failed, which costs only the index.
            if stdin
                .write_all(p.as_bytes())
                .and(stdin.write_all(b"\0"))
                .is_err()
            {
                break;
            }
        }
    }
    IndexUpdate(Some((child, repo.git.limit())))
}

/// An index update under way, and how long it may take.
pub struct IndexUpdate(Option<(std::process::Child, std::time::Duration)>);

impl IndexUpdate {
    pub fn wait(mut self) {
        self.end();
    }

    /// Waited for, at most its limit (then stopped: the index is only a cache).
    fn end(&mut self) {
        if let Some((child, limit)) = self.0.take() {
            let _ = wait_within(child, limit);
        }
    }
}

impl Drop for IndexUpdate {
    fn drop(&mut self) {
        self.end();
    }
}

/// Let git gather its packs when there are more than `gc --auto` leaves (50): each commit
/// is a small pack of its own, and git gathers them in the background.
pub fn tidy(repo: &Repo) {
    let packs = std::fs::read_dir(repo.git_dir.join("objects/pack"))
        .map(|d| {
            d.flatten()
                .filter(|e| e.file_name().to_string_lossy().ends_with(".pack"))
                .count()
        })
        .unwrap_or(0);
    if packs > 50 {
        let _ = repo.git.run(["gc", "--auto", "--quiet"]);
    }
}

/// The index is held by another git (its `index.lock` exists).
pub fn index_locked(repo: &Repo) -> bool {
    Path::new(&repo.git_dir.join("index.lock")).exists()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_are_quoted_for_fast_import() {
        assert_eq!(quoted("contacts/ada.toml"), "\"contacts/ada.toml\"");
        assert_eq!(quoted("a \"b\"\\c\nd"), "\"a \\\"b\\\"\\\\c\\nd\"");
        assert_eq!(quoted("zoë"), "\"zo\\303\\253\"");
    }

    #[test]
    fn an_ident_cannot_break_the_header() {
        let i = Ident {
            name: "A <b>\nc".into(),
            email: "x@y>".into(),
        };
        assert_eq!(i.header(), "A bc <x@y>");
    }
}
