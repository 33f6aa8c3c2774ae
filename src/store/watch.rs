//! Noticing outside changes (a hand edit, `git pull`, `rsync`, another rolo) while rolo runs.
//!
//! Every file under `contacts/` and `journal/` is compared with its stamp as last seen: size,
//! modification and change times to the nanosecond, inode and device, the way git's index
//! tells a changed file. An editor that writes in place (nano, VS Code) keeps the inode and
//! leaves its folder's time alone, and `touch -r` can put the modification time back, but
//! no program can set the change time back, so any write shows in the stamp.
//!
//! Looking at 10,000 files takes tens of milliseconds, too much for every idle tick, so each
//! poll looks at a share of them in turn (a whole round within `ROUND` polls, about 1.5 s at
//! the TUI's tick) plus the files named by the caller (what is on screen). Folders are looked
//! at every poll, and listed again when their own stamp moved: a file that appears or goes
//! shows at once.
//!
//! A stamp taken within `RACY` of the change it shows could hide a second change in the same
//! clock tick (git's "racy" case: ext4 moves in ticks of a few milliseconds, FAT in 2 s), so
//! such a file or folder is looked at once more when that time has passed.
//!
//! A change is reported only when the content differs from what rolo itself last read or
//! wrote, so rolo's own saves are not echoed back.

use super::fs::Stamp;
use super::load::Month;
use super::{Store, paths};
use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};
use std::ops::Bound;
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

/// Every file is looked at within this many polls.
const ROUND: usize = 6;
/// Files looked at per poll at least: a folder this small is looked at whole every poll.
const AT_LEAST: usize = 1024;
/// How long a fresh stamp may hide a second change (the coarsest file times, FAT's, are 2 s).
const RACY: Duration = Duration::from_secs(2);

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Change {
    /// A contact file appeared or changed: reload it.
    Contact(String),
    /// A contact file disappeared.
    ContactRemoved(String),
    /// A month file appeared, changed or disappeared: reload the month.
    Month(Month),
}

/// The picture the next poll compares with.
#[derive(Debug, Default)]
pub struct Watch {
    /// `contacts/`, `journal/` and its year folders; `None` for one that is not there.
    dirs: BTreeMap<PathBuf, Option<Stamp>>,
    /// Every contact and month file, as last looked at.
    files: BTreeMap<PathBuf, Stamp>,
    /// Files and folders whose stamp was fresh when taken, and when to look at them again.
    again: HashMap<PathBuf, SystemTime>,
    /// The last file of the previous poll's share; the next share starts after it.
    cursor: Option<PathBuf>,
}

impl Watch {
    /// The files this poll looks at in turn, at least `1 / ROUND` of them.
    fn next_share(&mut self) -> Vec<PathBuf> {
        let n = self.files.len();
        let share = n.div_ceil(ROUND).max(AT_LEAST).min(n);
        let from = match &self.cursor {
            Some(c) => Bound::Excluded(c.clone()),
            None => Bound::Unbounded,
        };
        let mut out: Vec<PathBuf> = self
            .files
            .range((from, Bound::Unbounded))
            .take(share)
            .map(|(p, _)| p.clone())
            .collect();
        // Round the end: `share <= n`, so the files taken from the start are not taken twice.
        let rest = share - out.len();
        out.extend(self.files.keys().take(rest).cloned());
        self.cursor = out.last().cloned();
        out
    }

    /// Look at `rel` again once its stamp is old enough to be trusted.
    fn again_if_fresh(&mut self, rel: &Path, stamp: &Stamp, now: SystemTime) {
        let changed = UNIX_EPOCH + Duration::from_nanos(changed_ns(stamp));
        // A time far off (another machine's clock) says nothing about this clock's ticks.
        let fresh = match now.duration_since(changed) {
            Ok(age) => age < RACY,
            Err(ahead) => ahead.duration() < RACY,
        };
        if fresh {
            // A look at `changed + RACY` or later sees every change the stamp can hide: any
            // write after that takes a later time.
            self.again.insert(rel.to_path_buf(), changed + RACY);
        }
    }

    /// Whether `rel` is due for its second look (and no longer waits for one).
    fn due(&mut self, rel: &Path, now: SystemTime) -> bool {
        match self.again.get(rel) {
            Some(at) if *at <= now => {
                self.again.remove(rel);
                true
            }
            _ => false,
        }
    }

    /// Files directly inside `dir`.
    fn files_in(&self, dir: &Path) -> Vec<PathBuf> {
        self.files
            .range(dir.to_path_buf()..)
            .map(|(p, _)| p)
            .take_while(|p| p.starts_with(dir))
            .filter(|p| p.parent() == Some(dir))
            .cloned()
            .collect()
    }
}

fn changed_ns(stamp: &Stamp) -> u64 {
    u64::try_from(stamp.mtime_ns.max(stamp.ctime_ns)).unwrap_or(0)
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

fn is_data_file(name: &str) -> bool {
    name.ends_with(".toml") && !name.starts_with('.')
}

impl Store {
    /// The file's stamp now; `None` when it is gone. A file system without stamps (the
    /// in-memory one) stands in its modification time.
    fn stamp_now(&self, rel: &Path) -> Option<Stamp> {
        if let Some(stamp) = self.fs.stamp(rel) {
            return Some(stamp);
        }
        let ns = self.fs.modified(rel)?.duration_since(UNIX_EPOCH).ok()?;
        Some(Stamp {
            size: 0,
            mtime_ns: i64::try_from(ns.as_nanos()).unwrap_or(i64::MAX),
            ctime_ns: 0,
            inode: 0,
            device: 0,
        })
    }

    /// Take the starting picture. Costs one `stat` per file, so call it once, after the
    /// first frame is on screen (or on a background thread).
    pub fn watch(&self) -> Watch {
        let mut w = Watch::default();
        let mut ignored = BTreeSet::new();
        self.poll_dirs(&mut w, SystemTime::now(), &mut ignored);
        w
    }

    /// What changed outside rolo since the last poll. `also` names files to look at this
    /// time whatever their turn (the ones on screen).
    pub fn poll(&self, w: &mut Watch, also: &[PathBuf]) -> Vec<Change> {
        self.poll_at(w, also, SystemTime::now())
    }

    fn poll_at(&self, w: &mut Watch, also: &[PathBuf], now: SystemTime) -> Vec<Change> {
        let mut touched = BTreeSet::new();
        self.poll_dirs(w, now, &mut touched);
        let mut look: Vec<PathBuf> = also
            .iter()
            .filter(|p| w.files.contains_key(p.as_path()))
            .cloned()
            .collect();
        let due: Vec<PathBuf> = w
            .again
            .iter()
            .filter(|(p, at)| **at <= now && w.files.contains_key(p.as_path()))
            .map(|(p, _)| p.clone())
            .collect();
        for rel in due {
            w.again.remove(&rel);
            // Same stamp or not, the bytes decide (below).
            touched.insert(rel.clone());
            look.push(rel);
        }
        look.extend(w.next_share());
        for rel in look {
            self.look_at(w, rel, now, &mut touched);
        }
        self.changes_in(touched)
    }

    fn look_at(
        &self,
        w: &mut Watch,
        rel: PathBuf,
        now: SystemTime,
        touched: &mut BTreeSet<PathBuf>,
    ) {
        match self.stamp_now(&rel) {
            None => {
                w.files.remove(&rel);
                w.again.remove(&rel);
                touched.insert(rel);
            }
            Some(stamp) => {
                w.again_if_fresh(&rel, &stamp, now);
                if w.files.insert(rel.clone(), stamp) != Some(stamp) {
                    touched.insert(rel);
                }
            }
        }
    }

    /// Look at every folder; list again those whose stamp moved or is due a second look.
    fn poll_dirs(&self, w: &mut Watch, now: SystemTime, touched: &mut BTreeSet<PathBuf>) {
        let journal = PathBuf::from(paths::JOURNAL);
        let mut dirs: Vec<PathBuf> = vec![PathBuf::from(paths::CONTACTS), journal.clone()];
        let years: Vec<PathBuf> = w
            .dirs
            .keys()
            .filter(|d| !dirs.contains(d))
            .cloned()
            .collect();
        dirs.extend(years);
        // Year folders the journal's listing no longer holds, forgotten with their months.
        let mut forgotten: HashSet<PathBuf> = HashSet::new();
        let mut i = 0;
        while let Some(dir) = dirs.get(i).cloned() {
            i += 1;
            if forgotten.contains(&dir) {
                continue;
            }
            let stamp = self.stamp_now(&dir);
            let due = w.due(&dir, now);
            if !due && w.dirs.get(&dir) == Some(&stamp) {
                continue;
            }
            if let Some(s) = &stamp {
                w.again_if_fresh(&dir, s, now);
            }
            w.dirs.insert(dir.clone(), stamp);
            let items = self.fs.list(&dir).unwrap_or_default();
            if dir == journal {
                let years: HashSet<PathBuf> = items
                    .iter()
                    .filter(|i| i.is_dir)
                    .map(|i| journal.join(&i.name))
                    .collect();
                let gone: Vec<PathBuf> = w
                    .dirs
                    .keys()
                    .filter(|d| d.parent() == Some(journal.as_path()) && !years.contains(*d))
                    .cloned()
                    .collect();
                for year in gone {
                    // The folder went whole (`rm -r journal/2024`): so did its months.
                    w.dirs.remove(&year);
                    forgotten.insert(year.clone());
                    w.again.remove(&year);
                    for f in w.files_in(&year) {
                        w.files.remove(&f);
                        w.again.remove(&f);
                        touched.insert(f);
                    }
                }
                dirs.extend(years.into_iter().filter(|y| !w.dirs.contains_key(y)));
                continue;
            }
            let present: HashSet<PathBuf> = items
                .iter()
                .filter(|i| !i.is_dir && is_data_file(&i.name))
                .map(|i| dir.join(&i.name))
                .collect();
            for f in w.files_in(&dir) {
                if !present.contains(&f) {
                    w.files.remove(&f);
                    w.again.remove(&f);
                    touched.insert(f);
                }
            }
            for f in present {
                if !w.files.contains_key(&f) {
                    self.look_at(w, f, now, touched);
                }
            }
        }
    }

    /// The changes among `touched` files whose bytes differ from what rolo last saw.
    fn changes_in(&self, touched: BTreeSet<PathBuf>) -> Vec<Change> {
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
    use crate::store::fs::{DirItem, Lock};
    use crate::store::{Fs, MemFs};
    use std::io;
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

    /// Files whose times never move, as after an edit in place within one clock tick of
    /// the picture (or a `touch -r`, with the change time in the same tick): only the size
    /// and being there tell. Folders' times do not move either.
    struct Still {
        mem: Arc<MemFs>,
        at_ns: i64,
    }

    impl Fs for Still {
        fn read(&self, rel: &Path) -> io::Result<Option<Vec<u8>>> {
            self.mem.read(rel)
        }
        fn write_atomic(&self, rel: &Path, data: &[u8]) -> io::Result<()> {
            self.mem.write_atomic(rel, data)
        }
        fn remove(&self, rel: &Path) -> io::Result<()> {
            self.mem.remove(rel)
        }
        fn list(&self, rel_dir: &Path) -> io::Result<Vec<DirItem>> {
            self.mem.list(rel_dir)
        }
        fn is_symlink(&self, _rel: &Path) -> bool {
            false
        }
        fn lock(&self) -> io::Result<Lock> {
            Ok(Lock::none())
        }
        fn root(&self) -> Option<&Path> {
            None
        }
        fn ensure_dir(&self, _rel_dir: &Path) -> io::Result<()> {
            Ok(())
        }
        fn modified(&self, _rel: &Path) -> Option<SystemTime> {
            None
        }
        fn stamp(&self, rel: &Path) -> Option<Stamp> {
            self.mem.modified(rel)?;
            let size = self
                .mem
                .read(rel)
                .ok()
                .flatten()
                .map_or(0, |b| b.len() as u64);
            Some(Stamp {
                size,
                mtime_ns: self.at_ns,
                ctime_ns: self.at_ns,
                inode: 1,
                device: 1,
            })
        }
    }

    fn still(at: SystemTime) -> (Store, Arc<MemFs>) {
        let (_, mem) = store();
        let at_ns = at.duration_since(UNIX_EPOCH).unwrap().as_nanos() as i64;
        let fs = Still {
            mem: mem.clone(),
            at_ns,
        };
        (Store::new(Box::new(fs)), mem)
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

    /// Folder times that never move: edits in place and a deletion are found by the files'
    /// own stamps, on the next poll.
    #[test]
    fn edits_in_place_and_deletions_show_without_the_folder_time() {
        let long_ago = UNIX_EPOCH + Duration::from_secs(1_000_000);
        let (store, fs) = still(long_ago);
        let _ = store.load();
        let mut w = store.watch();
        assert!(store.poll(&mut w, &[]).is_empty());
        fs.put("contacts/ada.toml", "name = \"Ada Lovelace\"\n");
        assert_eq!(store.poll(&mut w, &[]), vec![Change::Contact("ada".into())]);
        store.load_contact("ada").unwrap();
        fs.put("journal/2026/2026-11.toml", "");
        assert_eq!(store.poll(&mut w, &[]), vec![Change::Month((2026, 11))]);
        fs.remove(Path::new("contacts/ada.toml")).unwrap();
        assert_eq!(
            store.poll(&mut w, &[]),
            vec![Change::ContactRemoved("ada".into())]
        );
    }

    /// The same size under a stamp taken in the very tick of the change: the bytes are looked
    /// at once the stamp is old enough to be trusted, and not before (that would read every
    /// fresh file on every poll).
    #[test]
    fn a_change_hidden_by_a_fresh_stamp_is_found_when_the_stamp_settles() {
        let t0 = SystemTime::now();
        let (store, fs) = still(t0);
        let _ = store.load();
        let mut w = Watch::default();
        let mut ignored = BTreeSet::new();
        store.poll_dirs(&mut w, t0, &mut ignored);
        assert!(store.poll_at(&mut w, &[], t0).is_empty());
        fs.put("contacts/ada.toml", "name = \"Ida\"\n");
        let soon = t0 + Duration::from_millis(500);
        assert!(store.poll_at(&mut w, &[], soon).is_empty());
        let later = t0 + RACY + Duration::from_millis(1);
        assert_eq!(
            store.poll_at(&mut w, &[], later),
            vec![Change::Contact("ada".into())]
        );
        store.load_contact("ada").unwrap();
        // Settled: no more second looks.
        assert!(w.again.is_empty(), "{:?}", w.again);
        assert!(store.poll_at(&mut w, &[], later + RACY).is_empty());
    }

    /// A large folder is looked at in shares; every file's turn comes within `ROUND` polls.
    #[test]
    fn every_file_is_looked_at_within_a_round() {
        let long_ago = UNIX_EPOCH + Duration::from_secs(1_000_000);
        let (store, fs) = still(long_ago);
        let n = AT_LEAST * ROUND + 7;
        for i in 0..n {
            fs.put(format!("contacts/p{i:05}.toml"), "name = \"P\"\n");
        }
        let _ = store.load();
        let mut w = store.watch();
        for i in [0, n / 3, n - 1] {
            let id = format!("p{i:05}");
            fs.put(format!("contacts/{id}.toml"), "name = \"Changed\"\n");
            let found = (1..=ROUND).find(|_| !store.poll(&mut w, &[]).is_empty());
            assert!(found.is_some(), "{id} not seen within {ROUND} polls");
            store.load_contact(&id).unwrap();
        }
        // A file named by the caller is looked at on the very next poll.
        let named = paths::contact("p00002");
        fs.put(&named, "name = \"Named\"\n");
        assert_eq!(
            store.poll(&mut w, &[named]),
            vec![Change::Contact("p00002".into())]
        );
    }

    #[test]
    fn a_year_folder_that_comes_or_goes_takes_its_months_along() {
        let (store, fs) = store();
        fs.put("journal/2024/2024-03.toml", "");
        fs.put("journal/2024/2024-04.toml", "");
        let _ = store.load();
        let mut w = store.watch();
        fs.put("journal/2025/2025-01.toml", "");
        assert_eq!(store.poll(&mut w, &[]), vec![Change::Month((2025, 1))]);
        fs.remove(Path::new("journal/2024/2024-03.toml")).unwrap();
        fs.remove(Path::new("journal/2024/2024-04.toml")).unwrap();
        assert_eq!(
            store.poll(&mut w, &[]),
            vec![Change::Month((2024, 3)), Change::Month((2024, 4))]
        );
        assert!(!w.dirs.contains_key(Path::new("journal/2024")));
    }
}
