//! Noticing outside changes (a hand edit, `git pull`, another rolo) while rolo runs.
//!
//! Folders are watched, not single files: editors and git save by writing a new file and
//! renaming it into place, which changes the folder's modification time. Only a folder whose
//! time moved is rescanned, so a poll costs a few `stat` calls. A file edited in place does
//! not touch its folder, so callers may also name files to check directly (the contact on
//! screen, the current month). A change is reported only when the content differs from what
//! rolo itself last read or wrote, so rolo's own saves are not echoed back.

use super::load::Month;
use super::{Store, paths};
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::time::SystemTime;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Change {
    /// A contact file appeared or changed: reload it.
    Contact(String),
    /// A contact file disappeared.
    ContactRemoved(String),
    /// A month file appeared, changed or disappeared: reload the month.
    Month(Month),
}

#[derive(Debug, Default)]
pub struct Watch {
    dirs: HashMap<PathBuf, Option<SystemTime>>,
    files: HashMap<PathBuf, Option<SystemTime>>,
}

fn change_for(rel: &Path) -> Option<Change> {
    let parent = rel.parent()?;
    let name = rel.file_name()?.to_str()?;
    let stem = name.strip_suffix(".toml")?;
    if name.starts_with('.') {
        return None;
    }
    if parent == Path::new(paths::CONTACTS) {
        return Some(Change::Contact(stem.to_string()));
    }
    let year_dir = parent.file_name()?.to_str()?;
    let (y, m) = stem.split_once('-')?;
    if parent.parent()? != Path::new(paths::JOURNAL) || y != year_dir {
        return None;
    }
    Some(Change::Month((y.parse().ok()?, m.parse().ok()?)))
}

impl Store {
    /// The folders rolo reads, as they are now.
    fn watched_dirs(&self) -> Vec<PathBuf> {
        let journal = PathBuf::from(paths::JOURNAL);
        let mut dirs = vec![PathBuf::from(paths::CONTACTS), journal.clone()];
        if let Ok(years) = self.fs.list(&journal) {
            dirs.extend(
                years
                    .into_iter()
                    .filter(|y| y.is_dir)
                    .map(|y| journal.join(y.name)),
            );
        }
        dirs
    }

    fn scan_dir(&self, dir: &Path) -> Vec<(PathBuf, Option<SystemTime>)> {
        let items = self.fs.list(dir).unwrap_or_default();
        items
            .into_iter()
            .filter(|i| !i.is_dir && i.name.ends_with(".toml") && !i.name.starts_with('.'))
            .map(|i| {
                let rel = dir.join(i.name);
                let stamp = self.fs.modified(&rel);
                (rel, stamp)
            })
            .collect()
    }

    /// Take the starting picture. Costs one `stat` per file, so call it once, after the
    /// first frame is on screen.
    pub fn watch(&self) -> Watch {
        let mut w = Watch::default();
        for dir in self.watched_dirs() {
            w.dirs.insert(dir.clone(), self.fs.modified(&dir));
            w.files.extend(self.scan_dir(&dir));
        }
        w
    }

    /// What changed outside rolo since the last poll. `also` names files to check even when
    /// their folder did not move (files edited in place).
    pub fn poll(&self, w: &mut Watch, also: &[PathBuf]) -> Vec<Change> {
        let mut touched: Vec<PathBuf> = Vec::new();
        for dir in self.watched_dirs() {
            let now = self.fs.modified(&dir);
            if w.dirs.get(&dir) == Some(&now) {
                continue;
            }
            w.dirs.insert(dir.clone(), now);
            let scanned = self.scan_dir(&dir);
            // A set, not a scan per file: after rolo's own save the contacts folder (10,000
            // files) is rescanned, and comparing every file with every other froze the screen.
            let present: std::collections::HashSet<&Path> =
                scanned.iter().map(|(p, _)| p.as_path()).collect();
            let gone: Vec<PathBuf> = w
                .files
                .keys()
                .filter(|f| f.parent() == Some(dir.as_path()))
                .filter(|f| !present.contains(f.as_path()))
                .cloned()
                .collect();
            for f in gone {
                w.files.remove(&f);
                touched.push(f);
            }
            for (rel, stamp) in scanned {
                if w.files.insert(rel.clone(), stamp) != Some(stamp) {
                    touched.push(rel);
                }
            }
        }
        for rel in also {
            let stamp = self.fs.modified(rel);
            if w.files.get(rel).is_some_and(|s| *s != stamp) {
                w.files.insert(rel.clone(), stamp);
                touched.push(rel.clone());
            }
        }
        let mut changes = Vec::new();
        for rel in touched {
            let bytes = self.fs.read(&rel).ok().flatten();
            if !self.changed_since_seen(&rel, bytes.as_deref()) {
                continue;
            }
            if bytes.is_none() {
                // Gone now: if it comes back as it was (`git checkout` of an older state), that
                // is a change too, not the content rolo last saw.
                if let Ok(mut seen) = self.seen.lock() {
                    seen.remove(&rel);
                }
            }
            let change = match (change_for(&rel), bytes.is_some()) {
                (Some(Change::Contact(id)), false) => Some(Change::ContactRemoved(id)),
                (c, _) => c,
            };
            if let Some(c) = change
                && !changes.contains(&c)
            {
                changes.push(c);
            }
        }
        changes
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::{Fs, MemFs};
    use std::sync::Arc;

    fn store() -> (Store, Arc<MemFs>) {
        let fs = Arc::new(MemFs::new());
        fs.put("contacts/ada.toml", "name = \"Ada\"\n");
        fs.put(
            "journal/2026/2026-11.toml",
            "[[entry]]\nid = \"a\"\nat = 2026-11-01T10:00:00Z\nwith = [\"ada\"]\n",
        );
        (Store::new(Box::new(fs.clone())), fs)
    }

    #[test]
    fn outside_edits_are_reported_once_and_own_writes_are_not() {
        let (store, fs) = store();
        let _ = store.load();
        let mut w = store.watch();
        assert!(store.poll(&mut w, &[]).is_empty());

        fs.put("contacts/ada.toml", "name = \"Ada L\"\n");
        fs.put("contacts/bob.toml", "name = \"Bob\"\n");
        let changes = store.poll(&mut w, &[]);
        assert!(changes.contains(&Change::Contact("ada".into())));
        assert!(changes.contains(&Change::Contact("bob".into())));
        // The app reloads what changed, which is how the store learns the new content.
        for id in ["ada", "bob"] {
            store.load_contact(id).unwrap();
        }
        assert!(store.poll(&mut w, &[]).is_empty());

        store
            .update_contact("ada", |c| {
                c.tags.push("math".into());
                Ok(())
            })
            .unwrap();
        assert!(
            store.poll(&mut w, &[]).is_empty(),
            "rolo's own save is not an outside change"
        );

        fs.put("journal/2027/2027-01.toml", "");
        assert_eq!(store.poll(&mut w, &[]), vec![Change::Month((2027, 1))]);

        // An in-place edit leaves the folder alone; naming the file finds it.
        let month = paths::month((2026, 11));
        let _ = store.load_month((2026, 11));
        w.dirs.clear();
        let _ = store.poll(&mut w, &[]);
        fs.put(&month, "");
        let dir = month.parent().unwrap().to_path_buf();
        w.dirs.insert(dir.clone(), fs.modified(&dir));
        assert_eq!(
            store.poll(&mut w, &[month]),
            vec![Change::Month((2026, 11))]
        );

        fs.remove(Path::new("contacts/bob.toml")).unwrap();
        assert_eq!(
            store.poll(&mut w, &[]),
            vec![Change::ContactRemoved("bob".into())]
        );
    }

    #[test]
    fn a_file_that_comes_back_as_it_was_is_a_change() {
        let (store, fs) = store();
        let _ = store.load();
        let mut w = store.watch();
        let ada = Path::new("contacts/ada.toml");
        fs.remove(ada).unwrap();
        assert_eq!(
            store.poll(&mut w, &[]),
            vec![Change::ContactRemoved("ada".into())]
        );
        // `git checkout` of the older state puts back the very bytes rolo saw before.
        fs.put("contacts/ada.toml", "name = \"Ada\"\n");
        assert_eq!(store.poll(&mut w, &[]), vec![Change::Contact("ada".into())]);
    }
}
