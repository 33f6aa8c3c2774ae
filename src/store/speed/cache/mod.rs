//! A derived cache of decoded files, kept outside the data folder, so a load need not parse
//! TOML that has not changed. The TOML files stay the truth: every cached decode is keyed on
//! the stamp of its file (size, modification and change times, inode), any difference means
//! the file is parsed again, and a cache file that is damaged, of another version or made
//! under another time zone is ignored and rewritten. Only files that decoded without any
//! problem are cached. Nothing here ever fails a load: the worst a broken cache can do is cost
//! the parse it was meant to save.
//!
//! Layout under the cache root: `contacts/NN.bin` (contacts sharded by id),
//! `contacts/listing.bin` (the contacts folder's names, `listing.rs`), `contacts/names.bin`
//! (each card's name and aliases, `names.rs`),
//! `journal/YYYY-MM.bin` (one per month), `journal/index.bin` (the month index) and
//! `derived/NAME`, results of other layers kept between runs under keys they check themselves
//! (`rolo today`'s matches, `cmd/today_cache.rs`). Files `0600`, folders `0700`, written atomically with
//! fsync like every file rolo writes; each also carries a checksum, so a file damaged some
//! other way is ignored and rebuilt.

pub mod codec;
#[cfg(test)]
mod fuzz;
mod hooks;
mod listing;
pub mod month_index;
mod months;
mod names;
#[cfg(test)]
mod older;
mod records;
mod shards;

pub use months::Cached as CachedMonth;
pub use names::{
    CardsDigest, KeptHead, KeptName, KeptRef, NamesOf, heads_as_now, heads_just, kept_as_now,
    kept_hashes_as_now, kept_heads, kept_id_by_name, kept_ids_are, kept_in, keys_of,
};

use crate::model::Contact;
use crate::store::truth::disk::write_atomic_at;
use crate::store::truth::fs::TEMP_PREFIX;
use crate::store::{LocatedEntry, Month, Stamp};
use shards::{SHARDS, Shard, shard_of, shard_path};
use std::collections::{BTreeMap, HashSet};
use std::io;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex, MutexGuard, RwLock};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

/// A file changed this recently could change again within the same clock tick without its
/// stamp changing (git's "racy" case); it is parsed again next time instead of cached.
const RACY: Duration = Duration::from_secs(2);
/// A temp file this old in the cache folder was left by a killed rolo.
const STALE_TEMP: Duration = Duration::from_secs(600);
/// Encoded month caches held before they are written (a first load writes as it goes).
const MONTHS_HELD: usize = 1 << 20;

/// What the cache did since the store was opened (for tests and `ROLO_DEBUG_CACHE`).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct CacheStats {
    /// Files whose decode came from the cache.
    pub hits: usize,
    /// Files looked up and parsed instead.
    pub misses: usize,
    /// Cache files written.
    pub written: usize,
}

/// What was parsed or learned since the last flush. Held by shard number in a map, not a
/// list indexed by it: a flush starts the next round from `Pending::default()`, and a list
/// sized only at creation was then empty, so the next contact parsed (an outside edit picked
/// up by a running TUI) indexed past its end and took rolo down.
#[derive(Default)]
struct Pending {
    /// Per shard: id, the newer of the file's mtime and ctime, and the encoded record.
    contacts: BTreeMap<usize, Vec<(String, i64, Vec<u8>)>>,
    /// Ids whose cached record no longer matches their file.
    stale: HashSet<String>,
    /// Every contact id, once a load has listed them all: records of others are dropped.
    listed: Option<HashSet<String>>,
    months: Vec<(Month, i64, Vec<u8>)>,
    /// Every month there is, once a load has listed them: caches of others are removed.
    months_listed: Option<HashSet<Month>>,
    /// A month index to write (`month_index.rs`), when a read learned something it lacked.
    month_index: Option<month_index::MonthIndex>,
    /// The names file to write (`names.rs`, `Cache::keep_names_at_flush`).
    names: Option<Vec<u8>>,
}

pub struct Cache {
    root: PathBuf,
    settle: Duration,
    /// Each shard file as last read or written. Replaced on every write: a store that lives
    /// on (the TUI) flushes again later, and a rewrite from the file as first read would drop
    /// what the earlier flush added.
    shards: Vec<RwLock<Option<Arc<Shard>>>>,
    pending: Mutex<Pending>,
    hits: AtomicUsize,
    misses: AtomicUsize,
    written: AtomicUsize,
    /// The contacts listing as read from its file by the start's sweep, until the load that
    /// follows takes its names (`listing.rs`): one read of 10,000 names, not two.
    listing_read: Mutex<Option<listing::Read>>,
    /// `contacts/names.bin` as the open-need guess read it, until the names pass that
    /// follows takes it (`names.rs`): one read of the file, not two.
    names_read: Mutex<Option<Vec<u8>>>,
    /// A derived file as a read that chose what to load from it had it, by name, until the
    /// command that uses it takes it (`Store::derived_held`).
    derived_held: Mutex<Option<(String, Vec<u8>)>>,
}

fn changed_at(stamp: &Stamp) -> i64 {
    stamp.mtime_ns.max(stamp.ctime_ns)
}

/// For tests of what is not kept: a cache in `dir` that trusts only files still for an hour,
/// and the time now (what a file changed just now has as its times).
#[cfg(test)]
fn settling_an_hour(dir: &Path) -> (Cache, i64) {
    let mut cache = Cache::new(dir);
    cache.settle_after(Duration::from_secs(3_600));
    let now = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .unwrap_or_default()
        .as_nanos();
    (cache, i64::try_from(now).unwrap_or(i64::MAX))
}

impl Cache {
    pub fn new(root: impl Into<PathBuf>) -> Cache {
        Cache {
            root: root.into(),
            settle: RACY,
            shards: (0..SHARDS).map(|_| RwLock::new(None)).collect(),
            pending: Mutex::new(Pending::default()),
            hits: AtomicUsize::new(0),
            misses: AtomicUsize::new(0),
            written: AtomicUsize::new(0),
            listing_read: Mutex::new(None),
            names_read: Mutex::new(None),
            derived_held: Mutex::new(None),
        }
    }

    /// Hold `bytes` as the derived file `name` was read, for `take_held`.
    pub fn hold_derived(&self, name: &str, bytes: Vec<u8>) {
        *self.derived_held.lock().unwrap_or_else(|p| p.into_inner()) =
            Some((name.to_string(), bytes));
    }

    /// The bytes held for the derived file `name`, once.
    pub fn take_held(&self, name: &str) -> Option<Vec<u8>> {
        let mut held = self.derived_held.lock().unwrap_or_else(|p| p.into_inner());
        match held.take() {
            Some((n, bytes)) if n == name => Some(bytes),
            other => {
                *held = other;
                None
            }
        }
    }

    /// Cache only files unchanged for `settle` (tests use zero; their files are all new).
    pub fn settle_after(&mut self, settle: Duration) {
        self.settle = settle;
    }

    pub fn root(&self) -> &Path {
        &self.root
    }

    pub fn stats(&self) -> CacheStats {
        CacheStats {
            hits: self.hits.load(Ordering::Relaxed),
            misses: self.misses.load(Ordering::Relaxed),
            written: self.written.load(Ordering::Relaxed),
        }
    }

    fn pending(&self) -> MutexGuard<'_, Pending> {
        // A poisoned lock only means a loading thread panicked; the queue itself is whole.
        self.pending.lock().unwrap_or_else(|p| p.into_inner())
    }

    /// The shard file `i` as read once. `None` only for a number no id hashes to; callers
    /// treat it as a miss rather than trusting the number.
    fn shard(&self, i: usize) -> Option<Arc<Shard>> {
        let cell = self.shards.get(i)?;
        // A poisoned lock only means a loading thread panicked; the shard itself is whole.
        if let Some(shard) = &*cell.read().unwrap_or_else(|p| p.into_inner()) {
            return Some(shard.clone());
        }
        let mut slot = cell.write().unwrap_or_else(|p| p.into_inner());
        let shard = slot.get_or_insert_with(|| Arc::new(Shard::read(&shard_path(&self.root, i))));
        Some(shard.clone())
    }

    /// Whether shard `i` was ever read (a shard never read cannot have records to drop).
    fn shard_read(&self, i: usize) -> bool {
        self.shards
            .get(i)
            .is_some_and(|cell| cell.read().unwrap_or_else(|p| p.into_inner()).is_some())
    }

    /// Shard `i` is now the file just written.
    fn shard_written(&self, i: usize, file: Vec<u8>) {
        if let Some(cell) = self.shards.get(i) {
            let shard = Shard::parse(file).unwrap_or_default();
            *cell.write().unwrap_or_else(|p| p.into_inner()) = Some(Arc::new(shard));
        }
    }

    fn count(&self, hit: bool) {
        let counter = if hit { &self.hits } else { &self.misses };
        counter.fetch_add(1, Ordering::Relaxed);
    }

    /// The cached contact `id` and its file's content hash, if its file still has `stamp`.
    pub fn contact(&self, id: &str, stamp: &Stamp) -> Option<(Contact, u64)> {
        let shard = self.shard(shard_of(id));
        let found = shard.as_ref().and_then(|s| s.get(id, stamp));
        self.count(found.is_some());
        if found.is_none() && shard.is_some_and(|s| s.has(id)) {
            self.pending().stale.insert(id.to_string());
        }
        found
    }

    /// The cached contact `id`, its file's content hash and the stamp it was kept under,
    /// without looking at the file: for a first frame that the watch's first picture checks.
    pub fn contact_kept(&self, id: &str) -> Option<(Contact, u64, Stamp)> {
        let found = self.shard(shard_of(id))?.get_kept(id);
        self.count(found.is_some());
        found
    }

    /// A contact parsed without any problem from a file with `stamp`: cache it on `flush`.
    pub fn contact_parsed(&self, id: &str, stamp: &Stamp, hash: u64, contact: &Contact) {
        let record = shards::encode_record(id, stamp, hash, contact);
        self.pending()
            .contacts
            .entry(shard_of(id))
            .or_default()
            .push((id.to_string(), changed_at(stamp), record));
    }

    /// Every contact id there is, so records of deleted contacts are dropped on `flush`.
    pub fn contacts_listed(&self, ids: &[String]) {
        self.pending().listed = Some(ids.iter().cloned().collect());
    }

    /// Every month file there is, so caches of months whose file is gone are removed.
    pub fn months_listed(&self, months: &[Month]) {
        self.pending().months_listed = Some(months.iter().copied().collect());
    }

    pub fn month(&self, month: Month, stamp: &Stamp) -> Option<CachedMonth> {
        let found = CachedMonth::read(&months::month_path(&self.root, month), stamp);
        self.count(found.is_some());
        found
    }

    /// The month index as last written; empty when there is none or it is not usable.
    pub fn month_index(&self) -> month_index::MonthIndex {
        month_index::decode(&self.month_index_file())
    }

    /// The month index's file as it is (empty when it cannot be read): for a caller that
    /// may need only its start (`month_index::last_days_if_current`) or all of it.
    pub fn month_index_file(&self) -> Vec<u8> {
        std::fs::read(month_index::index_path(&self.root)).unwrap_or_default()
    }

    /// The month index to write on `flush`: every month the caller listed, as it knows it.
    /// Months whose file changed within the racy window are left out (read again next time).
    pub fn month_index_learned(&self, mut index: month_index::MonthIndex) {
        let settled = self.now_settled();
        index.months.retain(|_, s| settled(changed_at(&s.stamp)));
        self.pending().month_index = Some(index);
    }

    pub fn month_parsed(&self, month: Month, stamp: &Stamp, hash: u64, entries: &[LocatedEntry]) {
        let file = months::encode(stamp, hash, entries);
        let full = {
            let mut pending = self.pending();
            pending.months.push((month, changed_at(stamp), file));
            let held: usize = pending.months.iter().map(|(_, _, f)| f.len()).sum();
            (held > MONTHS_HELD).then(|| std::mem::take(&mut pending.months))
        };
        // A first load of a large folder would otherwise hold every month's cache file until
        // the end (30 MB for ten years); write them as they pile up instead. Like any cache
        // write, a failure only costs a parse next time.
        if let Some(months) = full {
            let _ = self.write_months(months);
        }
    }

    /// Whether a file with this stamp has been still long enough for the stamp to be trusted.
    pub fn settled(&self, stamp: &Stamp) -> bool {
        self.now_settled()(changed_at(stamp))
    }

    fn now_settled(&self) -> impl Fn(i64) -> bool + use<> {
        let now = SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .unwrap_or_default()
            .saturating_sub(self.settle);
        move |changed: i64| i128::from(changed) < now.as_nanos() as i128
    }

    fn write_months(&self, months: Vec<(Month, i64, Vec<u8>)>) -> io::Result<usize> {
        let settled = self.now_settled();
        let mut written = 0;
        for (month, changed, file) in months {
            if settled(changed) {
                write_atomic_at(&months::month_path(&self.root, month), &file)?;
                written += 1;
            }
        }
        self.written.fetch_add(written, Ordering::Relaxed);
        Ok(written)
    }

    /// Write what was parsed since the last flush. Returns how many cache files were written.
    pub fn flush(&self) -> io::Result<usize> {
        let pending = std::mem::take(&mut *self.pending());
        let settled = self.now_settled();
        // First: a shard that cannot be written below would skip everything after it. It
        // counts itself among the files written (`write_names`).
        let names = pending
            .names
            .as_ref()
            .is_some_and(|file| self.write_names(file));
        let mut written = 0;
        let mut parsed = pending.contacts;
        for i in 0..SHARDS {
            let new = parsed.remove(&i).unwrap_or_default();
            // A shard never read and with nothing new: nothing in it can have changed.
            if new.is_empty() && !self.shard_read(i) {
                continue;
            }
            let new: Vec<(String, Vec<u8>)> = new
                .into_iter()
                .filter(|(_, changed, _)| settled(*changed))
                .map(|(id, _, record)| (id, record))
                .collect();
            let keep = |id: &str| {
                !pending.stale.contains(id)
                    && pending.listed.as_ref().is_none_or(|all| all.contains(id))
            };
            let Some(shard) = self.shard(i) else {
                continue;
            };
            if new.is_empty() && !shard.unreadable && shard.kept(keep) == shard.len() {
                continue;
            }
            let file = shard.rewrite(keep, &new);
            write_atomic_at(&shard_path(&self.root, i), &file)?;
            self.shard_written(i, file);
            written += 1;
        }
        self.written.fetch_add(written, Ordering::Relaxed);
        written += usize::from(names);
        written += self.write_months(pending.months)?;
        if let Some(index) = &pending.month_index {
            write_atomic_at(
                &month_index::index_path(&self.root),
                &month_index::encode(index),
            )?;
            written += 1;
        }
        if let Some(months) = &pending.months_listed {
            self.remove_months_but(months);
        }
        if written > 0 {
            self.sweep_temps();
        }
        Ok(written)
    }

    /// The caches of months that no longer have a file.
    fn remove_months_but(&self, months: &HashSet<Month>) {
        let dir = self.root.join("journal");
        let Ok(items) = std::fs::read_dir(&dir) else {
            return;
        };
        for item in items.flatten() {
            let name = item.file_name();
            let Some(month) = name.to_str().and_then(months::month_of_cache_file) else {
                continue;
            };
            if !months.contains(&month) {
                let _ = std::fs::remove_file(item.path());
            }
        }
    }

    /// Temp files a killed rolo left in the cache folder; young ones may be another rolo's.
    fn sweep_temps(&self) {
        for dir in ["contacts", "journal", "derived"] {
            let Ok(items) = std::fs::read_dir(self.root.join(dir)) else {
                continue;
            };
            for item in items.flatten() {
                let old = item
                    .metadata()
                    .and_then(|m| m.modified())
                    .ok()
                    .and_then(|t| t.elapsed().ok())
                    .is_some_and(|age| age > STALE_TEMP);
                if old && item.file_name().to_string_lossy().starts_with(TEMP_PREFIX) {
                    let _ = std::fs::remove_file(item.path());
                }
            }
        }
    }
}
