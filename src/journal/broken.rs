//! People whose contact file does not load.
//!
//! Why a set of ids beside the contacts rather than a mark on `Contact`: the model stays plain
//! data that says nothing of files, and the person is otherwise an ordinary contact (a
//! stand-in from the load, or the last good content when a file breaks while the TUI runs),
//! so resolving, listing and timelines need no special case. Only the places that would write
//! the contact file, and those that show the person, ask `broken`. Keyed by id, not position,
//! so it survives contacts being added or removed.

use super::{Ix, Journal};
use crate::model::layout as paths;
use crate::model::{Problem, Severity};
use std::path::Path;

/// The id of the contact file at `path` (`contacts/ID.toml`), if it is one.
fn contact_id_of(path: &Path) -> Option<&str> {
    let dir = path.parent()?;
    let file = path.file_name()?.to_str()?;
    (dir == Path::new(paths::CONTACTS))
        .then(|| file.strip_suffix(".toml"))
        .flatten()
}

impl Journal {
    /// Mark the people whose file is among the load's errors (called once, by `new`).
    pub(super) fn index_broken(&mut self) {
        let found: Vec<(String, Problem)> = self
            .problems
            .iter()
            .filter(|p| p.severity == Severity::Error)
            .filter_map(|p| {
                let id = contact_id_of(&p.path)?;
                self.ix(id).map(|_| (id.to_string(), p.clone()))
            })
            .collect();
        self.broken.extend(found);
    }

    /// What is wrong with this person's file, when it does not load.
    pub fn broken(&self, ix: Ix) -> Option<&Problem> {
        self.contact(ix).and_then(|c| self.broken.get(&c.id))
    }

    pub fn broken_by_id(&self, id: &str) -> Option<&Problem> {
        self.broken.get(id)
    }

    /// The file of `id` stopped loading (`Some`) or loads again (`None`): the mark and the
    /// error in `problems` (the `!` screen) change together.
    pub fn set_broken(&mut self, id: &str, problem: Option<Problem>) {
        let path = paths::contact(id);
        self.problems
            .retain(|p| !(p.severity == Severity::Error && p.path == path));
        match problem {
            Some(p) => {
                self.problems.push(p.clone());
                self.broken.insert(id.to_string(), p);
            }
            None => {
                self.broken.remove(id);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Contact;
    use crate::store::Loaded;

    #[test]
    fn only_contact_file_errors_of_known_people_mark_them() {
        let problem = |path: &str| Problem::error(path, (1, 12), "this string is never closed");
        let j = Journal::new(Loaded {
            contacts: vec![Contact::new("ben", "Ben"), Contact::new("ada", "Ada")],
            entries: Vec::new(),
            problems: vec![
                problem("contacts/ben.toml"),
                problem("contacts/gone.toml"),
                problem("journal/2026/2026-11.toml"),
                Problem::warning("contacts/ada.toml", (2, 1), "two needs have id 1"),
            ],
        });
        assert_eq!(j.broken(0).map(|p| p.line), Some(1));
        assert_eq!(j.broken(1), None);
        assert_eq!(j.broken_by_id("gone"), None);
    }

    #[test]
    fn a_file_fixed_again_is_unmarked_and_leaves_the_problem_list() {
        let mut j = Journal::new(Loaded {
            contacts: vec![Contact::new("ben", "Ben")],
            ..Loaded::default()
        });
        j.set_broken(
            "ben",
            Some(Problem::error("contacts/ben.toml", (3, 8), "x")),
        );
        assert!(j.broken(0).is_some());
        assert_eq!(j.problems.len(), 1);
        j.set_broken("ben", None);
        assert_eq!(j.broken(0), None);
        assert!(j.problems.is_empty());
    }
}
