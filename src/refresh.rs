//! Bring the in-memory journal in line with files that changed outside rolo.

use crate::journal::Journal;
use crate::model::{Contact, Entry};
use crate::store::{BrokenContact, Change, Month, Problem, Store, paths};
use std::path::Path;

/// What a refresh did, for the status line.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Refreshed {
    pub contacts: usize,
    pub months: usize,
    /// Contacts whose file is gone (deleted, or renamed: the new name comes as a contact).
    pub removed: usize,
    /// Files that changed but no longer parse (their last good content stays shown).
    pub broken: usize,
}

impl Refreshed {
    pub fn is_empty(&self) -> bool {
        *self == Refreshed::default()
    }

    pub fn summary(&self) -> String {
        let mut parts = Vec::new();
        if self.contacts > 0 {
            parts.push(plural(self.contacts, "contact"));
        }
        if self.months > 0 {
            parts.push(plural(self.months, "journal month"));
        }
        let mut s = String::new();
        if !parts.is_empty() {
            s = format!("reloaded {} changed outside rolo", parts.join(" and "));
        }
        if self.removed > 0 {
            let gone = format!(
                "{} removed outside rolo",
                plural(self.removed, "contact file")
            );
            s = if s.is_empty() {
                gone
            } else {
                format!("{s}; {gone}")
            };
        }
        if self.broken > 0 {
            let verb = if self.broken == 1 { "parses" } else { "parse" };
            let broken = format!(
                "{} no longer {verb} — press ! to see",
                plural(self.broken, "file")
            );
            // Alone when nothing else changed: no "; " before it.
            s = if s.is_empty() {
                broken
            } else {
                format!("{s}; {broken}")
            };
        }
        s
    }
}

fn plural(n: usize, word: &str) -> String {
    if n == 1 {
        format!("1 {word}")
    } else {
        format!("{n} {word}s")
    }
}

fn replace_problem(journal: &mut Journal, path: &Path, problem: Option<Problem>) {
    journal.problems.retain(|p| p.path != path);
    journal.problems.extend(problem);
}

/// Read the changed files and take them into the journal.
pub fn apply(store: &Store, journal: &mut Journal, changes: &[Change]) -> Refreshed {
    take_in(journal, read(store, changes))
}

/// A changed file as read now: what `take_in` puts into the journal. Reading (IO) and taking
/// in (none) are apart, so the TUI can read on another thread and take in on its own.
#[derive(Debug)]
pub enum Read {
    Contact {
        id: String,
        loaded: Box<Result<Contact, BrokenContact>>,
    },
    ContactRemoved(String),
    Month {
        month: Month,
        loaded: Result<Vec<Entry>, Problem>,
    },
}

/// Read each changed file (the store notes it as seen, so the watcher does not report it again).
pub fn read(store: &Store, changes: &[Change]) -> Vec<Read> {
    changes
        .iter()
        .map(|change| match change {
            Change::Contact(id) => Read::Contact {
                id: id.clone(),
                loaded: Box::new(store.load_contact_or_stand_in(id)),
            },
            Change::ContactRemoved(id) => {
                store.forget_seen(&paths::contact(id));
                Read::ContactRemoved(id.clone())
            }
            Change::Month(month) => Read::Month {
                month: *month,
                loaded: store
                    .load_month(*month)
                    .map(|located| located.into_iter().map(|l| l.entry).collect()),
            },
        })
        .collect()
}

/// The changes for journal files named by their path in the data folder (`contacts/ada.toml`,
/// `journal/2026/2026-11.toml`), as a writer that is not the store (an undo) names them; a
/// contact file that is not there now is a removal. Other paths are not the journal's.
pub fn changes_for(store: &Store, written: &[String]) -> Vec<Change> {
    let mut changes = Vec::new();
    for path in written {
        let rel = Path::new(path);
        let change = match crate::store::Change::for_path(rel) {
            Some(Change::Contact(id)) if !matches!(store.fs().read(rel), Ok(Some(_))) => {
                Change::ContactRemoved(id)
            }
            Some(c) => c,
            None => continue,
        };
        if !changes.contains(&change) {
            changes.push(change);
        }
    }
    changes
}

/// Take files read by `read` into the journal; what that did, for the status line.
pub fn take_in(journal: &mut Journal, reads: Vec<Read>) -> Refreshed {
    let mut done = Refreshed::default();
    for read in reads {
        match read {
            Read::Contact { id, loaded } => {
                let path = paths::contact(&id);
                match *loaded {
                    Ok(c) => {
                        journal.upsert_contact(c);
                        replace_problem(journal, &path, None);
                        journal.set_broken(&id, None);
                        done.contacts += 1;
                    }
                    // The person stays visible and marked: with their last good content when
                    // rolo had it, else as the stand-in; writes to them are refused until the
                    // file loads again.
                    Err(b) => {
                        match b.stand_in {
                            Some(stand_in) if journal.ix(&id).is_none() => {
                                journal.upsert_contact(*stand_in);
                            }
                            _ => {}
                        }
                        replace_problem(journal, &path, None);
                        match journal.ix(&id) {
                            Some(_) => journal.set_broken(&id, Some(b.problem)),
                            None => replace_problem(journal, &path, Some(b.problem)),
                        }
                        done.broken += 1;
                    }
                }
            }
            // Their entries stay, naming the id. Positions shift: the app holds ids across
            // this (see `app::anchors`).
            Read::ContactRemoved(id) => {
                replace_problem(journal, &paths::contact(&id), None);
                if journal.remove_contact(&id).is_some() {
                    done.removed += 1;
                }
            }
            Read::Month { month, loaded } => {
                let path = paths::month(month);
                match loaded {
                    Ok(entries) => {
                        journal.replace_month(month, entries);
                        replace_problem(journal, &path, None);
                        done.months += 1;
                    }
                    Err(p) => {
                        replace_problem(journal, &path, Some(p));
                        done.broken += 1;
                    }
                }
            }
        }
    }
    done
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::{Fs, MemFs};
    use std::sync::Arc;

    /// What the status line says after a refresh: a file that stopped parsing on its own
    /// starts the line, in the singular; after a reload it follows it.
    #[test]
    fn the_summary_words_each_change_and_joins_them() {
        let broken = |n| Refreshed {
            broken: n,
            ..Refreshed::default()
        };
        assert_eq!(
            broken(1).summary(),
            "1 file no longer parses — press ! to see"
        );
        assert_eq!(
            broken(2).summary(),
            "2 files no longer parse — press ! to see"
        );
        let both = Refreshed {
            contacts: 1,
            removed: 2,
            ..broken(1)
        };
        assert_eq!(
            both.summary(),
            "reloaded 1 contact changed outside rolo; 2 contact files removed outside rolo; \
             1 file no longer parses — press ! to see"
        );
    }

    #[test]
    fn outside_edits_show_up_and_broken_ones_keep_the_last_good_content() {
        let fs = Arc::new(MemFs::new());
        fs.put("contacts/ada.toml", "name = \"Ada\"\n");
        let store = Store::new(Box::new(fs.clone()));
        let mut journal = Journal::new(store.load().unwrap());
        let mut watch = store.watch();

        fs.put("contacts/ada.toml", "name = \"Ada Lovelace\"\n");
        fs.put(
            "journal/2026/2026-11.toml",
            "[[entry]]\nid = \"x\"\nat = 2026-11-02T10:00:00Z\nwith = [\"ada\"]\nnote = \"pulled from git\"\n",
        );
        let done = apply(&store, &mut journal, &store.poll(&mut watch, &[]));
        assert_eq!(
            done,
            Refreshed {
                contacts: 1,
                months: 1,
                ..Refreshed::default()
            }
        );
        assert_eq!(journal.by_id("ada").unwrap().name, "Ada Lovelace");
        assert_eq!(journal.timeline().next().unwrap().note, "pulled from git");

        fs.put("contacts/ada.toml", "name = \"Ada\n");
        let done = apply(&store, &mut journal, &store.poll(&mut watch, &[]));
        assert_eq!(done.broken, 1);
        assert_eq!(journal.by_id("ada").unwrap().name, "Ada Lovelace");
        assert_eq!(journal.problems.len(), 1);
        assert!(done.summary().contains("press !"));
        assert!(fs.read(Path::new("contacts/ada.toml")).unwrap().is_some());
        assert_eq!(journal.broken_by_id("ada").map(|p| p.line), Some(1));
    }

    #[test]
    fn a_file_that_breaks_keeps_its_person_marked_until_it_is_fixed() {
        let fs = Arc::new(MemFs::new());
        fs.put("contacts/ada.toml", "name = \"Ada\"\n");
        let store = Store::new(Box::new(fs.clone()));
        let mut journal = Journal::new(store.load().unwrap());
        let mut watch = store.watch();

        // A new file that never loaded: its person appears, marked, under the name read.
        fs.put(
            "contacts/ben-carter.toml",
            "name = \"Ben Carter\"\ntags = [\n",
        );
        apply(&store, &mut journal, &store.poll(&mut watch, &[]));
        let ben = journal.ix("ben-carter").expect("ben stays visible");
        assert_eq!(journal.contact(ben).unwrap().name, "Ben Carter");
        let problem = journal.broken(ben).expect("marked");
        assert_eq!((problem.line, problem.col), (2, 9));
        assert_eq!(journal.problems.len(), 1);

        // A known person's file breaks: still there, marked.
        fs.put("contacts/ada.toml", "name = \"Ada\"\nx = \n");
        apply(&store, &mut journal, &store.poll(&mut watch, &[]));
        assert!(journal.broken(journal.ix("ada").unwrap()).is_some());
        assert_eq!(journal.problems.len(), 2);

        // Fixed again: back to normal, and off the problem list.
        fs.put(
            "contacts/ben-carter.toml",
            "name = \"Ben Carter\"\ntags = [\"x\"]\n",
        );
        fs.put("contacts/ada.toml", "name = \"Ada L\"\n");
        apply(&store, &mut journal, &store.poll(&mut watch, &[]));
        assert_eq!(journal.broken(ben), None);
        assert_eq!(journal.contact(ben).unwrap().tags, ["x"]);
        assert_eq!(journal.broken_by_id("ada"), None);
        assert!(journal.problems.is_empty());
    }
}
