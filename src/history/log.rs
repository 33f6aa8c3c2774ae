//! The history to read: every change, newest first, or those about one person: the commits
//! that changed their contact file, and those whose line names them (a note with them, an
//! intro, an undo of either). Outside edits of a month file name no one and are left out of
//! a person's history; the whole history shows them.

use super::History;
use super::stack::Log;
use super::undo::{HistoryError, Listed};
use crate::store::paths;

/// A person whose history is asked for: their id (their file's name) and their name.
#[derive(Debug, Clone)]
pub struct Person {
    pub id: String,
    pub name: String,
}

/// Whether `line` names `word` as a whole (not "Ada" inside "Adam").
fn names(line: &str, word: &str) -> bool {
    if word.is_empty() {
        return false;
    }
    let edge = |c: Option<char>| !c.is_some_and(|c| c.is_alphanumeric() || c == '-');
    line.match_indices(word).any(|(at, _)| {
        edge(line[..at].chars().next_back()) && edge(line[at + word.len()..].chars().next())
    })
}

impl History {
    /// The newest `n` changes, all or about `person`. Pending commits are made first, so what
    /// was edited outside rolo shows too.
    pub fn log(&self, person: Option<&Person>, n: usize) -> Result<Vec<Listed>, HistoryError> {
        let live = self.ready("show").map_err(|e| match e {
            HistoryError::Off { off, .. } => HistoryError::Off { verb: "show", off },
            other => other,
        })?;
        let failed =
            |e: super::git::GitError| HistoryError::Failed(format!("cannot read the history: {e}"));
        let all = Log::read(&live.repo, None, None).map_err(failed)?;
        let Some(person) = person else {
            return Ok(all.take(n).map(|c| Listed::from(&c)).collect());
        };
        // Both walks follow the same line of commits, newest first: a commit of the whole
        // history is the contact file's when it is the next of the file's own walk.
        let file = paths::contact(&person.id).to_string_lossy().into_owned();
        let mut theirs = Log::read(&live.repo, None, Some(&live.repo.full(&file)))
            .map_err(failed)?
            .peekable();
        let mut found = Vec::new();
        for c in all {
            if found.len() >= n {
                break;
            }
            let touches_file = theirs.peek().is_some_and(|t| t.id == c.id);
            if touches_file {
                theirs.next();
            }
            if touches_file || names(&c.subject, &person.name) || names(&c.subject, &person.id) {
                found.push(Listed::from(&c));
            }
        }
        Ok(found)
    }
}

#[cfg(test)]
mod tests {
    use super::names;

    #[test]
    fn a_name_counts_as_a_whole() {
        assert!(names(
            "logged coffee with Ada Lovelace on …",
            "Ada Lovelace"
        ));
        assert!(names("added Ada (ada)", "ada"));
        assert!(!names("logged coffee with Adam on …", "Ada"));
        assert!(!names("need #1 recorded for ada-2", "ada"));
        assert!(!names("anything", ""));
    }
}
