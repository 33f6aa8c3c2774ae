//! What taking one commit back writes, file by file, as a three-way change applied to each
//! file as it is now: `after` (the file as the commit left it), `before` (as its parent had
//! it), `now`. A file still as the commit left it simply gets its earlier bytes back. One
//! changed since is merged: a contact file key by key (`reverse_contact`), a month file entry
//! by entry (`reverse_month`). Anything else changed since, or a key or entry the commit
//! touched and a later change touched again, stops the whole undo: nothing is written, and the
//! message names the later change that stands in the way.

use super::git::GitError;
use super::read_at::files_at;
use super::repo::{self, Repo};
use super::stack::{Commit, Log};
use super::{reverse_contact, reverse_month};
use crate::sanitize::inert_line;
use crate::store::paths;

/// What stands in the way of taking a file's change back.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Blocker {
    /// Keys of a contact file changed since (`need #2 how`).
    Keys(Vec<String>),
    /// Entries of a month file changed since (their ids).
    Entries(Vec<String>),
    /// The file changed since, and cannot be merged by key (made by the change, or not a
    /// journal file).
    File,
    /// A file does not read, or would not after: why.
    Unreadable(String),
}

/// A file that cannot be taken back, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Blocked {
    pub path: String,
    pub blocker: Blocker,
    after: Option<Vec<u8>>,
    before: Option<Vec<u8>>,
}

/// The writes that take a commit back: each file's new bytes, `None` to remove it.
pub type Writes = Vec<(String, Option<Vec<u8>>)>;

/// A file of the data folder as it is now (`None`: there is none), or why it cannot be read.
pub type ReadNow<'a> = &'a dyn Fn(&str) -> Result<Option<Vec<u8>>, String>;

enum FileKind {
    Contact,
    Month,
    Other,
}

fn kind(rel: &str) -> FileKind {
    let parts: Vec<&str> = rel.split('/').collect();
    match parts.as_slice() {
        [c, f] if *c == paths::CONTACTS && f.ends_with(".toml") => FileKind::Contact,
        [j, _, f] if *j == paths::JOURNAL && f.ends_with(".toml") => FileKind::Month,
        _ => FileKind::Other,
    }
}

/// The files `commit` changed inside the data folder.
fn changed_by(repo: &Repo, commit: &Commit) -> Result<Vec<String>, GitError> {
    let mut args = vec![
        "diff-tree".to_string(),
        "-r".into(),
        "-z".into(),
        "--no-renames".into(),
        "--name-only".into(),
        "--no-commit-id".into(),
    ];
    match &commit.parent {
        Some(p) => args.push(p.clone()),
        None => args.push("--root".into()),
    }
    args.push(commit.id.clone());
    args.extend(["--".to_string(), ".".to_string()]);
    let out = repo.git.run(&args)?;
    let mut files = Vec::new();
    for name in out.stdout.split(|&b| b == 0) {
        let Ok(full) = std::str::from_utf8(name) else {
            continue;
        };
        let Some(rel) = repo.inside(full) else {
            continue;
        };
        // The first commit of a new repository carries its `.gitignore` and `.gitattributes`:
        // not the change's.
        if rel.is_empty()
            || !repo::versioned(rel)
            || (commit.parent.is_none() && (rel == paths::GITIGNORE || rel == paths::GITATTRIBUTES))
        {
            continue;
        }
        files.push(rel.to_string());
    }
    Ok(files)
}

/// The writes that take `commit` back from the files as they are now (`now` reads one, or
/// says why it cannot).
pub fn plan(
    repo: &Repo,
    commit: &Commit,
    now: ReadNow,
) -> Result<Result<Writes, Blocked>, GitError> {
    let files = changed_by(repo, commit)?;
    let after = files_at(repo, &commit.id, &files)?.files;
    let before = match &commit.parent {
        Some(p) => files_at(repo, p, &files)?.files,
        None => files.iter().map(|f| (f.clone(), None)).collect(),
    };
    let mut writes = Vec::new();
    for path in &files {
        let a = after.get(path).cloned().flatten();
        let b = before.get(path).cloned().flatten();
        let blocked = |blocker| Blocked {
            path: path.clone(),
            blocker,
            after: a.clone(),
            before: b.clone(),
        };
        let n = match now(path) {
            Ok(n) => n,
            Err(why) => return Ok(Err(blocked(Blocker::Unreadable(why)))),
        };
        if n == b {
            continue;
        }
        if n == a {
            writes.push((path.clone(), b));
            continue;
        }
        let text = |c: &Option<Vec<u8>>| -> Result<Option<String>, ()> {
            match c {
                None => Ok(None),
                Some(bytes) => String::from_utf8(bytes.clone()).map(Some).map_err(|_| ()),
            }
        };
        let (Ok(ta), Ok(tb), Ok(tn)) = (text(&a), text(&b), text(&n)) else {
            return Ok(Err(blocked(Blocker::File)));
        };
        let result = match (kind(path), &ta, &tb, &tn) {
            (FileKind::Contact, Some(ta), Some(tb), Some(tn)) => {
                reverse_contact::reverse(path, ta, tb, tn).map(Some)
            }
            (FileKind::Month, _, _, _) => {
                reverse_month::reverse(path, ta.as_deref(), tb.as_deref(), tn.as_deref())
            }
            _ => Err(Blocker::File),
        };
        match result {
            Ok(bytes) => writes.push((path.clone(), bytes)),
            Err(blocker) => return Ok(Err(blocked(blocker))),
        }
    }
    Ok(Ok(writes))
}

/// How many later commits are looked at to name the one in the way.
const LOOK_BACK: usize = 50;

/// Whether `later` (a commit after the one being taken back) touched what blocks it.
fn touched(repo: &Repo, b: &Blocked, later: &Commit) -> bool {
    let Some(parent) = &later.parent else {
        return true;
    };
    let one = [b.path.clone()];
    let read = |rev: &str| -> Option<String> {
        let bytes = files_at(repo, rev, &one).ok()?.files.remove(&b.path)??;
        String::from_utf8(bytes).ok()
    };
    let (at, was) = (read(&later.id), read(parent));
    match &b.blocker {
        Blocker::Keys(keys) => {
            let text = |c: &Option<Vec<u8>>| {
                c.as_ref()
                    .map(|b| String::from_utf8_lossy(b).into_owned())
                    .unwrap_or_default()
            };
            let (after, before) = (text(&b.after), text(&b.before));
            let at = reverse_contact::conflicts_at(&after, &before, at.as_deref());
            let was = reverse_contact::conflicts_at(&after, &before, was.as_deref());
            keys.iter().any(|k| {
                let value = |list: &[String]| {
                    list.iter()
                        .find(|c| c.starts_with(&format!("{k}=")))
                        .cloned()
                };
                value(&at) != value(&was)
            })
        }
        Blocker::Entries(ids) => ids.iter().any(|id| {
            reverse_month::entry_text(at.as_deref(), id)
                != reverse_month::entry_text(was.as_deref(), id)
        }),
        Blocker::File | Blocker::Unreadable(_) => at != was,
    }
}

/// A label for a message: inert, and cut short after 40 characters.
fn short(label: &str) -> String {
    const LONGEST: usize = 40;
    let mut out: String = inert_line(label).chars().take(LONGEST).collect();
    if label.chars().count() > LONGEST {
        out.push('…');
    }
    out
}

/// What the blocked thing is, as "changed the same …" ends.
fn thing(b: &Blocked) -> String {
    match &b.blocker {
        Blocker::Keys(keys) => {
            let k = keys.first().map(String::as_str).unwrap_or_default();
            if k.starts_with("need #") {
                "the same need".into()
            } else if k.starts_with("follow_up #") {
                "the same follow-up".into()
            } else {
                format!("the same field ({})", inert_line(k))
            }
        }
        Blocker::Entries(_) => "the same entry".into(),
        Blocker::File | Blocker::Unreadable(_) => {
            format!("the same file ({})", inert_line(&b.path))
        }
    }
}

/// The message for an undo (or redo, `verb`) of `commit` that `b` stands in the way of.
pub fn explain(repo: &Repo, verb: &str, commit: &Commit, b: &Blocked) -> String {
    let head = format!("cannot {verb} \"{}\"", inert_line(commit.label()));
    if let Blocker::Unreadable(why) = &b.blocker {
        return format!("{head}: {}; nothing was changed", inert_line(why));
    }
    let range = format!("{}..HEAD", commit.id);
    let later = Log::read(repo, Some(&range), Some(&repo.full(&b.path)))
        .ok()
        .and_then(|log| log.take(LOOK_BACK).find(|l| touched(repo, b, l)));
    match later {
        Some(l) => format!(
            "{head}: a later change (\"{}\", {}) changed {}; undo that first",
            short(l.label()),
            l.short_date(),
            thing(b)
        ),
        None => format!(
            "{head}: {} has changed since in a way rolo cannot take back on its own; nothing was changed",
            inert_line(&b.path)
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_are_cut_short() {
        assert_eq!(short("note with Aiko"), "note with Aiko");
        let long = "logged coffee with Aiko Tanaka on 2026-12-03 10:04 (2026-12-03-1004-aiko)";
        assert_eq!(short(long), "logged coffee with Aiko Tanaka on 2026-1…");
    }

    #[test]
    fn files_are_known_by_where_they_are() {
        assert!(matches!(kind("contacts/ada.toml"), FileKind::Contact));
        assert!(matches!(kind("journal/2026/2026-11.toml"), FileKind::Month));
        assert!(matches!(kind("notes.txt"), FileKind::Other));
        assert!(matches!(kind("contacts/x/ada.toml"), FileKind::Other));
    }
}
