//! Where the cache meets the store: the truth half's loads ask it through `DecodeMemo` (a
//! trait the truth half owns, see `truth/shortcuts.rs`), and the store's own cache methods
//! turn it on, flush it and report on it. Without a cache the loads read every file.

use super::{Cache, CacheStats, CachedMonth};
use crate::model::{Contact, Entry};
use crate::store::truth::gather::MonthLocs;
use crate::store::truth::shortcuts::DecodeMemo;
use crate::store::{LocatedEntry, Month, Problem, Stamp, Store};
use std::io;
use std::path::{Path, PathBuf};

impl DecodeMemo for Cache {
    fn contact(&self, id: &str, stamp: &Stamp) -> Option<(Contact, u64)> {
        Cache::contact(self, id, stamp)
    }

    /// Only a file that parsed without any problem is cached: a warning must show again on
    /// the next load, and the cache keeps no problems.
    fn contact_parsed(
        &self,
        id: &str,
        stamp: &Stamp,
        hash: u64,
        parsed: &Result<(Contact, Vec<Problem>), Problem>,
    ) {
        if let Ok((contact, warnings)) = parsed
            && warnings.is_empty()
        {
            Cache::contact_parsed(self, id, stamp, hash, contact);
        }
    }

    fn contacts_listed(&self, ids: &[String]) {
        Cache::contacts_listed(self, ids);
    }

    fn months_listed(&self, months: &[Month]) {
        Cache::months_listed(self, months);
    }

    fn month(&self, month: Month, stamp: &Stamp) -> Option<(Vec<LocatedEntry>, u64)> {
        let cached = Cache::month(self, month, stamp)?;
        Some((cached.entries(|_| true)?, cached.hash))
    }

    fn month_small(
        &self,
        month: Month,
        stamp: &Stamp,
        is_known: &dyn Fn(&str) -> bool,
    ) -> Option<((Vec<Entry>, MonthLocs), u64)> {
        let cached = Cache::month(self, month, stamp)?;
        Some((cached.entries_small(is_known)?, cached.hash))
    }

    fn month_parsed(
        &self,
        month: Month,
        stamp: &Stamp,
        hash: u64,
        parsed: &Result<Vec<LocatedEntry>, Problem>,
    ) {
        if let Ok(entries) = parsed {
            Cache::month_parsed(self, month, stamp, hash, entries);
        }
    }
}

impl Store {
    /// Keep decoded files in a cache under `root` (outside the data folder), so later loads
    /// skip the TOML that has not changed. Call `flush_cache` after loading to write it.
    pub fn with_cache(mut self, root: impl Into<PathBuf>) -> Store {
        self.cache = Some(Cache::new(root));
        self
    }

    /// Cache files only once unchanged for `settle` (default 2 s, see `cache::RACY`). For
    /// tests, whose files are all brand new; a real load keeps the default.
    #[doc(hidden)]
    pub fn cache_settle_after(mut self, settle: std::time::Duration) -> Store {
        if let Some(cache) = &mut self.cache {
            cache.settle_after(settle);
        }
        self
    }

    pub fn cache_root(&self) -> Option<&Path> {
        self.cache.as_ref().map(Cache::root)
    }

    pub fn cache_stats(&self) -> Option<CacheStats> {
        self.cache.as_ref().map(Cache::stats)
    }

    /// Write the decodes parsed since the last flush to the cache; how many files were written.
    /// An error means only that the cache could not be written: the data is untouched.
    pub fn flush_cache(&self) -> io::Result<usize> {
        self.cache.as_ref().map_or(Ok(0), Cache::flush)
    }

    /// A result derived from many files (a command's answer kept between runs), by `name`,
    /// from the cache folder: `None` without a cache or when there is none. The caller keys
    /// its content; the store only keeps the bytes.
    pub fn derived(&self, name: &str) -> Option<Vec<u8>> {
        let cache = self.cache.as_ref()?;
        if let Some(held) = cache.take_held(name) {
            return Some(held);
        }
        std::fs::read(derived_path(cache.root(), name)?).ok()
    }

    /// `derived`, with the bytes held for the next `derived(name)` to take: a read that
    /// chooses what to load by a kept answer, and the command that then uses the answer,
    /// see the same bytes, even when another rolo replaces the file between the two.
    pub fn derived_held(&self, name: &str) -> Option<Vec<u8>> {
        let cache = self.cache.as_ref()?;
        let bytes = std::fs::read(derived_path(cache.root(), name)?).ok()?;
        cache.hold_derived(name, bytes.clone());
        Some(bytes)
    }

    /// Keep `bytes` as the derived result `name` (atomically, private, like every cache
    /// file); nothing without a cache.
    pub fn keep_derived(&self, name: &str, bytes: &[u8]) -> io::Result<()> {
        let Some(cache) = self.cache.as_ref() else {
            return Ok(());
        };
        let path = derived_path(cache.root(), name)
            .ok_or_else(|| io::Error::other("not a name for a derived file"))?;
        crate::store::truth::disk::write_atomic_at(&path, bytes)?;
        // A run killed mid-write leaves its temp file (about 1 MB for `today`'s matches).
        cache.sweep_temps();
        Ok(())
    }

    /// The month's cache when it matches the month file as it is now: for the lean reads
    /// (`touch.rs`), which take less from it than a whole entry.
    pub(in crate::store) fn cached_month(&self, month: Month, rel: &Path) -> Option<CachedMonth> {
        let cache = self.cache.as_ref()?;
        let cached = cache.month(month, &self.fs.stamp(rel)?)?;
        self.remember(rel, cached.hash);
        Some(cached)
    }
}

/// `derived/NAME` under the cache root, for a plain file name only.
fn derived_path(root: &Path, name: &str) -> Option<PathBuf> {
    crate::store::truth::paths::name_problem(name)
        .is_none()
        .then(|| root.join("derived").join(name))
}
