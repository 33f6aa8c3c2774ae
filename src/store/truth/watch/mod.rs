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
use super::paths;
use crate::store::Store;
use std::cmp::Ordering;
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

/// A path inside the data folder (`contacts/ada.toml`) as text: over 10,000 files, text
/// compared byte by byte is several times cheaper than `Path`'s comparison by components.
type Key = String;

fn key_in(dir: &str, name: &str) -> Key {
    format!("{dir}/{name}")
}

/// Each card a load took, by id in the order of the files' names, with the stamp it was
/// taken under (`Store::load_recent_as_kept`).
pub(in crate::store) type TakenUnder = Vec<(String, Option<Stamp>)>;

/// The picture the next poll compares with.
#[derive(Debug, Default)]
pub struct Watch {
    /// `contacts`, `journal` and its year folders; `None` for one that is not there.
    dirs: BTreeMap<Key, Option<Stamp>>,
    /// Every contact and month file, as last looked at.
    files: BTreeMap<Key, Stamp>,
    /// Files and folders whose stamp was fresh when taken, and when to look at them again.
    again: HashMap<Key, SystemTime>,
    /// The last file of the previous poll's share; the next share starts after it.
    cursor: Option<Key>,
    /// Changes found when the picture was taken (a contact not as its load took it), for the
    /// first poll to report.
    pending: Vec<Change>,
}

impl Watch {
    /// The changes found when the picture was taken (cards not as a load took them), for a
    /// caller that takes them in before its first poll; the poll no longer reports them.
    pub fn take_pending(&mut self) -> Vec<Change> {
        std::mem::take(&mut self.pending)
    }

    /// Look at `rel` again once its stamp is old enough to be trusted.
    fn again_if_fresh(&mut self, rel: &str, stamp: &Stamp, now: SystemTime) {
        Watch::again_in(&mut self.again, rel, stamp, now);
    }

    fn again_in(again: &mut HashMap<Key, SystemTime>, rel: &str, stamp: &Stamp, now: SystemTime) {
        let changed = UNIX_EPOCH + Duration::from_nanos(changed_ns(stamp));
        // A time far off (another machine's clock) says nothing about this clock's ticks.
        let fresh = match now.duration_since(changed) {
            Ok(age) => age < RACY,
            Err(ahead) => ahead.duration() < RACY,
        };
        if fresh {
            // A look at `changed + RACY` or later sees every change the stamp can hide: any
            // write after that takes a later time.
            again.insert(rel.to_string(), changed + RACY);
        }
    }

    /// Whether `rel` is due for its second look (and no longer waits for one).
    fn due(&mut self, rel: &str, now: SystemTime) -> bool {
        match self.again.get(rel) {
            Some(at) if *at <= now => {
                self.again.remove(rel);
                true
            }
            _ => false,
        }
    }

    /// Files directly inside `dir`.
    fn files_in(&self, dir: &str) -> Vec<Key> {
        let prefix = format!("{dir}/");
        self.files
            .range::<str, _>((Bound::Included(prefix.as_str()), Bound::Unbounded))
            .map(|(k, _)| k)
            .take_while(|k| k.starts_with(&prefix))
            .filter(|k| !k[prefix.len()..].contains('/'))
            .cloned()
            .collect()
    }

    fn forget(&mut self, rel: &str) {
        self.files.remove(rel);
        self.again.remove(rel);
    }
}

/// The contact files of the picture `w` that are not as a load took them (`taken`: each
/// card's id and the stamp it was taken under, in the order of the files' names), or that the
/// load did not take at all, or that are gone. Both lists are in the same order, so they are
/// walked side by side: keys made and looked up one by one were 8 ms for 10,000 cards. Were
/// the orders ever to differ, a card would be named twice over (as not taken, and as gone):
/// `changes_in` then reads it, and its content decides. Nothing is missed.
fn not_as_taken(w: &Watch, taken: TakenUnder) -> BTreeSet<Key> {
    let prefix = format!("{}/", paths::CONTACTS);
    let mut files = w
        .files
        .range::<str, _>((Bound::Included(prefix.as_str()), Bound::Unbounded))
        .take_while(|(k, _)| k.starts_with(&prefix))
        .filter(|(k, _)| !k[prefix.len()..].contains('/'))
        .peekable();
    let mut taken = taken.into_iter().peekable();
    let mut out = BTreeSet::new();
    let file_of = |id: &str| key_in(paths::CONTACTS, &paths::contact_file_name(id));
    loop {
        let order = match (files.peek(), taken.peek()) {
            (None, None) => break,
            (Some(_), None) => Ordering::Less,
            (None, Some(_)) => Ordering::Greater,
            (Some((key, _)), Some((id, _))) => {
                key[prefix.len()..].bytes().cmp(id.bytes().chain(*b".toml"))
            }
        };
        match order {
            Ordering::Less => {
                if let Some((key, _)) = files.next() {
                    out.insert(key.clone());
                }
            }
            Ordering::Greater => {
                if let Some((id, _)) = taken.next() {
                    out.insert(file_of(&id));
                }
            }
            Ordering::Equal => {
                if let (Some((key, now)), Some((_, then))) = (files.next(), taken.next())
                    && then.as_ref() != Some(now)
                {
                    out.insert(key.clone());
                }
            }
        }
    }
    out
}

fn changed_ns(stamp: &Stamp) -> u64 {
    u64::try_from(stamp.mtime_ns.max(stamp.ctime_ns)).unwrap_or(0)
}

impl Change {
    /// The change a write of `rel` (inside the data folder) is, when it is a journal file.
    pub fn for_path(rel: &Path) -> Option<Change> {
        change_for(rel)
    }
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
    fn stamp_now(&self, rel: &str) -> Option<Stamp> {
        let rel = Path::new(rel);
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
    ///
    /// The contacts a load noted (`load_recent_as_kept`, some taken as the cache kept them)
    /// are checked against it: a card whose file is not as it was taken, and a card the load
    /// did not have, has its content compared with what was taken, and a difference is a
    /// change the first poll reports.
    pub fn watch(&self) -> Watch {
        let mut w = Watch::default();
        let mut ignored = BTreeSet::new();
        self.poll_dirs(&mut w, SystemTime::now(), &mut ignored);
        let taken = self.taken_under.lock().ok().and_then(|mut t| t.take());
        if let Some(taken) = taken {
            w.pending = self.changes_in(not_as_taken(&w, taken));
        }
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
        let mut look: Vec<Key> = also
            .iter()
            .filter_map(|p| p.to_str())
            .filter(|k| w.files.contains_key(*k))
            .map(str::to_string)
            .collect();
        let due: Vec<Key> = w
            .again
            .iter()
            .filter(|(k, at)| **at <= now && w.files.contains_key(k.as_str()))
            .map(|(k, _)| k.clone())
            .collect();
        for rel in due {
            w.again.remove(&rel);
            // Same stamp or not, the bytes decide (below).
            touched.insert(rel.clone());
            look.push(rel);
        }
        for rel in look {
            self.look_at(w, rel, now, &mut touched);
        }
        self.look_at_share(w, now, &mut touched);
        let mut changes = std::mem::take(&mut w.pending);
        for change in self.changes_in(touched) {
            if !changes.contains(&change) {
                changes.push(change);
            }
        }
        changes
    }

    /// Look at the files whose turn it is, at least `1 / ROUND` of them, starting after the
    /// last poll's. Stamps are compared in place: no allocation for a file that is as it was.
    fn look_at_share(&self, w: &mut Watch, now: SystemTime, touched: &mut BTreeSet<Key>) {
        let n = w.files.len();
        let share = n.div_ceil(ROUND).max(AT_LEAST).min(n);
        let Watch {
            files,
            again,
            cursor,
            ..
        } = w;
        let mut gone = Vec::new();
        let mut look = |key: &Key, seen: &mut Stamp| match self.stamp_now(key) {
            None => gone.push(key.clone()),
            Some(stamp) if stamp == *seen => {}
            Some(stamp) => {
                *seen = stamp;
                touched.insert(key.clone());
                Watch::again_in(again, key, &stamp, now);
            }
        };
        let mut last = None;
        let from = match cursor.as_deref() {
            Some(c) => Bound::Excluded(c),
            None => Bound::Unbounded,
        };
        let mut taken = 0;
        for (key, seen) in files
            .range_mut::<str, _>((from, Bound::Unbounded))
            .take(share)
        {
            look(key, seen);
            last = Some(key);
            taken += 1;
        }
        let last = last.cloned();
        // Round the end: `share <= n`, so the files taken from the start are not taken twice.
        let mut wrapped = None;
        for (key, seen) in files.iter_mut().take(share - taken) {
            look(key, seen);
            wrapped = Some(key);
        }
        *cursor = wrapped.cloned().or(last);
        for key in gone {
            w.forget(&key);
            touched.insert(key);
        }
    }

    fn look_at(&self, w: &mut Watch, rel: Key, now: SystemTime, touched: &mut BTreeSet<Key>) {
        match self.stamp_now(&rel) {
            None => {
                w.forget(&rel);
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
    fn poll_dirs(&self, w: &mut Watch, now: SystemTime, touched: &mut BTreeSet<Key>) {
        let journal = paths::JOURNAL;
        let mut dirs: Vec<Key> = vec![paths::CONTACTS.to_string(), journal.to_string()];
        let years: Vec<Key> = w
            .dirs
            .keys()
            .filter(|d| !dirs.contains(d))
            .cloned()
            .collect();
        dirs.extend(years);
        // Year folders the journal's listing no longer holds, forgotten with their months.
        let mut forgotten: HashSet<Key> = HashSet::new();
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
            let items = self.fs.list(Path::new(&dir)).unwrap_or_default();
            if dir == journal {
                let years: HashSet<Key> = items
                    .iter()
                    .filter(|i| i.is_dir)
                    .map(|i| key_in(journal, &i.name))
                    .collect();
                let in_journal = format!("{journal}/");
                let gone: Vec<Key> = w
                    .dirs
                    .keys()
                    .filter(|d| d.starts_with(&in_journal) && !years.contains(*d))
                    .cloned()
                    .collect();
                for year in gone {
                    // The folder went whole (`rm -r journal/2024`): so did its months.
                    w.dirs.remove(&year);
                    w.again.remove(&year);
                    for f in w.files_in(&year) {
                        w.forget(&f);
                        touched.insert(f);
                    }
                    forgotten.insert(year);
                }
                dirs.extend(years.into_iter().filter(|y| !w.dirs.contains_key(y)));
                continue;
            }
            let present: HashSet<Key> = items
                .iter()
                .filter(|i| !i.is_dir && is_data_file(&i.name))
                .map(|i| key_in(&dir, &i.name))
                .collect();
            for f in w.files_in(&dir) {
                if !present.contains(&f) {
                    w.forget(&f);
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
    fn changes_in(&self, touched: BTreeSet<Key>) -> Vec<Change> {
        let mut changes = Vec::new();
        for key in touched {
            let rel = Path::new(&key);
            let read = self.fs.read(rel);
            // Gone is not there at all: a file that cannot be read (its permissions, a link
            // to nowhere or to a folder) is a change to read, whose reload marks the person
            // with the file's problem instead of dropping them.
            let gone = matches!(read, Ok(None)) && !self.fs.is_symlink(rel);
            let bytes = read.ok().flatten();
            if !self.changed_since_seen(rel, bytes.as_deref()) {
                continue;
            }
            if bytes.is_none() {
                // Gone now: if it comes back as it was (`git checkout` of an older state), that
                // is a change too, not the content rolo last saw.
                if let Ok(mut seen) = self.seen.lock() {
                    seen.remove(rel);
                }
            }
            let change = match (change_for(rel), gone) {
                (Some(Change::Contact(id)), true) => Some(Change::ContactRemoved(id)),
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
mod tests;
