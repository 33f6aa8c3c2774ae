//! The history read back: commits, newest first, each an ordinary change, an undo of one, or
//! a redo; and from them what undo and redo take next. Nothing is kept in memory between
//! runs: git is the record, so undo works after a restart and from either door.
//!
//! - The next undo is the newest change not yet undone: an ordinary change (rolo's, or an
//!   outside edit) or a redo. An undo commit names what it undid (`Rolo-Undo: <id>`), so
//!   walking back past it skips that change.
//! - The next redo is the newest undo not yet redone, among the undos and redos made since
//!   the last ordinary change: a new change ends what can be redone, as in every editor.
//! - The first commit of a folder that had files ("journal as rolo found it") is where undo
//!   stops: taking it back would empty the journal.

use super::commit::FOUND;
use super::git::GitError;
use super::repo::Repo;
use chrono::{DateTime, FixedOffset};
use std::collections::HashSet;
use std::io::{BufRead, BufReader, Read};
use std::process::{Child, Stdio};

pub const UNDO_TRAILER: &str = "Rolo-Undo";
pub const REDO_TRAILER: &str = "Rolo-Redo";

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Kind {
    Change,
    /// Undid the commit named.
    Undo(String),
    /// Redid the undo named.
    Redo(String),
    /// The journal as rolo found it.
    Found,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Commit {
    pub id: String,
    pub parent: Option<String>,
    pub when: DateTime<FixedOffset>,
    /// The first line of its message.
    pub subject: String,
    pub kind: Kind,
}

impl Commit {
    /// What the change was, as a person reads it: for an undo or a redo, the change it is
    /// about ("need #1 recorded for Ada", not "undo: need #1 …").
    pub fn label(&self) -> &str {
        let prefix = match self.kind {
            Kind::Undo(_) => "undo: ",
            Kind::Redo(_) => "redo: ",
            _ => return &self.subject,
        };
        self.subject.strip_prefix(prefix).unwrap_or(&self.subject)
    }

    /// "3 Dec 10:04", in the time zone it was made in.
    pub fn short_date(&self) -> String {
        self.when.format("%-d %b %H:%M").to_string()
    }

    /// "2026-12-03 10:04".
    pub fn date(&self) -> String {
        self.when.format("%Y-%m-%d %H:%M").to_string()
    }

    fn parse(record: &str) -> Option<Commit> {
        let mut fields = record.splitn(4, '\x1f');
        let id = fields.next()?.trim().to_string();
        let parent = fields.next()?.split_whitespace().next().map(str::to_string);
        let when = DateTime::parse_from_str(fields.next()?.trim(), "%Y-%m-%d %H:%M:%S %z").ok()?;
        let body = fields.next().unwrap_or_default();
        let subject = body.lines().next().unwrap_or_default().trim().to_string();
        let trailer = |name: &str| {
            body.lines().rev().find_map(|l| {
                let (k, v) = l.split_once(':')?;
                let v = v.trim();
                (k.trim() == name && !v.is_empty() && v.bytes().all(|b| b.is_ascii_hexdigit()))
                    .then(|| v.to_string())
            })
        };
        let kind = if let Some(undone) = trailer(UNDO_TRAILER) {
            Kind::Undo(undone)
        } else if let Some(undo) = trailer(REDO_TRAILER) {
            Kind::Redo(undo)
        } else if subject == FOUND && parent.is_none() {
            Kind::Found
        } else {
            Kind::Change
        };
        Some(Commit {
            id,
            parent,
            when,
            subject,
            kind,
        })
    }
}

/// Commits newest first, read from `git log` as they come (a long history is not read whole
/// to find the newest few).
pub struct Log {
    child: Option<Child>,
    out: Option<BufReader<std::process::ChildStdout>>,
    /// Declared last: dropped after the child is waited for.
    _watchdog: Option<super::git::Watchdog>,
}

impl Log {
    /// The commits reachable from HEAD by first parents (the line a person sees), limited to
    /// the data folder; `range` (`A..HEAD`) and `path` narrow it. No commit yet: none.
    pub fn read(repo: &Repo, range: Option<&str>, path: Option<&str>) -> Result<Log, GitError> {
        let mut cmd = repo.git.command();
        cmd.args([
            "log",
            "--first-parent",
            "--no-color",
            "--format=%H%x1f%P%x1f%ai%x1f%B%x1e",
        ]);
        cmd.arg(range.unwrap_or("HEAD"));
        match path {
            Some(p) => {
                cmd.args(["--", p]);
            }
            // In a repository of its own the whole history is the journal's; a path would
            // make git look at every commit's files, which costs on a long history.
            None if !repo.prefix.is_empty() => {
                cmd.args(["--", "."]);
            }
            None => {}
        }
        // A HEAD with no commit yet prints nothing: an empty history, not an error.
        cmd.stderr(Stdio::null());
        let mut child = cmd.spawn().map_err(|e| match e.kind() {
            std::io::ErrorKind::NotFound => GitError::Missing,
            _ => GitError::Io(e),
        })?;
        let out = child.stdout.take().map(BufReader::new);
        // A log that hangs ends at the limit, as a short one: what was read is what there is.
        let watchdog = super::git::Watchdog::start(&child, repo.git.limit());
        Ok(Log {
            child: Some(child),
            out,
            _watchdog: watchdog,
        })
    }
}

impl Iterator for Log {
    type Item = Commit;
    fn next(&mut self) -> Option<Commit> {
        let out = self.out.as_mut()?;
        loop {
            let mut record = Vec::new();
            let n = out.read_until(0x1e, &mut record).ok()?;
            if n == 0 {
                return None;
            }
            if record.last() == Some(&0x1e) {
                record.pop();
            }
            let text = String::from_utf8_lossy(&record);
            let text = text.trim_start_matches('\n');
            if text.trim().is_empty() {
                continue;
            }
            if let Some(c) = Commit::parse(text) {
                return Some(c);
            }
        }
    }
}

impl Drop for Log {
    fn drop(&mut self) {
        // Stop a `git log` whose rest is not wanted.
        if let Some(mut child) = self.child.take() {
            let _ = child.kill();
            if let Some(mut out) = self.out.take() {
                let _ = out.read_to_end(&mut Vec::new());
            }
            let _ = child.wait();
        }
    }
}

/// The changes undo would take back, newest first, at most `n`.
pub fn undoable(log: impl Iterator<Item = Commit>, n: usize) -> Vec<Commit> {
    let mut undone: HashSet<String> = HashSet::new();
    let mut found = Vec::new();
    for c in log {
        if found.len() >= n {
            break;
        }
        match &c.kind {
            Kind::Found => break,
            Kind::Undo(target) => {
                undone.insert(target.clone());
            }
            _ if undone.contains(&c.id) => {}
            _ => found.push(c),
        }
    }
    found
}

/// The undo that redo would take back: the newest undo not yet redone since the last
/// ordinary change.
pub fn redoable(log: impl Iterator<Item = Commit>) -> Option<Commit> {
    let mut redone: HashSet<String> = HashSet::new();
    for c in log {
        match &c.kind {
            Kind::Undo(_) if !redone.contains(&c.id) => return Some(c),
            Kind::Undo(_) => {}
            Kind::Redo(undo) => {
                redone.insert(undo.clone());
            }
            Kind::Change | Kind::Found => return None,
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn c(id: &str, kind: Kind) -> Commit {
        Commit {
            id: id.into(),
            parent: Some("p".into()),
            when: DateTime::parse_from_rfc3339("2026-12-03T10:04:00+01:00").unwrap(),
            subject: match &kind {
                Kind::Undo(_) => format!("undo: {id}"),
                Kind::Redo(_) => format!("redo: {id}"),
                _ => id.to_string(),
            },
            kind,
        }
    }

    fn ids(v: &[Commit]) -> Vec<&str> {
        v.iter().map(|c| c.id.as_str()).collect()
    }

    #[test]
    fn undo_takes_the_newest_change_not_undone() {
        // Newest first: B undone, then A, the base.
        let log = vec![
            c("u1", Kind::Undo("b".into())),
            c("b", Kind::Change),
            c("a", Kind::Change),
            c("found", Kind::Found),
            c("older", Kind::Change),
        ];
        assert_eq!(ids(&undoable(log.clone().into_iter(), 10)), ["a"]);
        assert_eq!(ids(&undoable(log.into_iter(), 0)), Vec::<&str>::new());
    }

    #[test]
    fn undo_undo_redo_redo_is_a_chain() {
        // A, B; undo B (u1), undo A (u2); redo → u2 (redo A, r1); redo → u1.
        let base = vec![c("b", Kind::Change), c("a", Kind::Change)];
        let mut log = vec![
            c("u2", Kind::Undo("a".into())),
            c("u1", Kind::Undo("b".into())),
        ];
        log.extend(base.clone());
        assert_eq!(
            redoable(log.clone().into_iter()).map(|c| c.id),
            Some("u2".into())
        );
        log.insert(0, c("r1", Kind::Redo("u2".into())));
        assert_eq!(
            redoable(log.clone().into_iter()).map(|c| c.id),
            Some("u1".into())
        );
        // The next undo takes the redo back (it put A back).
        assert_eq!(ids(&undoable(log.clone().into_iter(), 1)), ["r1"]);
        // A new change ends the redos.
        log.insert(0, c("new", Kind::Change));
        assert_eq!(redoable(log.into_iter()), None);
    }

    #[test]
    fn an_undone_redo_puts_its_undo_back_in_effect() {
        // A, u1 undid A, r1 redid u1, u2 undid r1: A is undone again; redo takes u2.
        let log = vec![
            c("u2", Kind::Undo("r1".into())),
            c("r1", Kind::Redo("u1".into())),
            c("u1", Kind::Undo("a".into())),
            c("a", Kind::Change),
            c("z", Kind::Change),
        ];
        assert_eq!(ids(&undoable(log.clone().into_iter(), 5)), ["z"]);
        assert_eq!(redoable(log.into_iter()).map(|c| c.id), Some("u2".into()));
    }

    #[test]
    fn records_are_read_with_their_trailers() {
        let r = "abc\x1fdef\x1f2026-12-03 10:04:00 +0100\x1fundo: need #1 recorded for Ada\n\nRolo-Undo: 0123abcd\n";
        let commit = Commit::parse(r).unwrap();
        assert_eq!(commit.kind, Kind::Undo("0123abcd".into()));
        assert_eq!(commit.label(), "need #1 recorded for Ada");
        assert_eq!(commit.short_date(), "3 Dec 10:04");
        assert_eq!(commit.date(), "2026-12-03 10:04");
        let found = format!("abc\x1f\x1f2026-12-03 10:04:00 +0100\x1f{FOUND}\n");
        assert_eq!(Commit::parse(&found).unwrap().kind, Kind::Found);
        // A trailer that names no commit is not one.
        let odd = "abc\x1fdef\x1f2026-12-03 10:04:00 +0100\x1fnote\n\nRolo-Undo: see above\n";
        assert_eq!(Commit::parse(odd).unwrap().kind, Kind::Change);
    }
}
