//! Where the load paths meet the cache: look up before reading, queue what was parsed after.
//! Without a cache every hook is a no-op and files are read exactly as before.

use super::{Cache, CacheStats, CachedMonth};
use crate::model::Contact;
use crate::store::Stamp;
use crate::store::{LocatedEntry, Month, Problem, Store};
use std::io;
use std::path::{Path, PathBuf};

impl Store {
    /// Whether decodes are kept in (and read from) a cache.
    pub(in crate::store) fn has_cache(&self) -> bool {
        self.cache.is_some()
    }

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

    /// The file's bytes, and its stamp when a cache will want it.
    pub(in crate::store) fn read_for_cache(
        &self,
        rel: &Path,
    ) -> io::Result<Option<(Vec<u8>, Option<Stamp>)>> {
        if self.cache.is_some() {
            self.fs.read_stamped(rel)
        } else {
            Ok(self.fs.read(rel)?.map(|b| (b, None)))
        }
    }

    pub(in crate::store) fn cached_contact(&self, id: &str, rel: &Path) -> Option<Contact> {
        let cache = self.cache.as_ref()?;
        let (contact, hash) = cache.contact(id, &self.fs.stamp(rel)?)?;
        self.remember(rel, hash);
        Some(contact)
    }

    /// Queue a parsed contact for the cache, when it parsed without any problem.
    pub(in crate::store) fn cache_contact(
        &self,
        id: &str,
        stamp: Option<Stamp>,
        hash: u64,
        parsed: &Result<(Contact, Vec<Problem>), Problem>,
    ) {
        if let (Some(cache), Some(stamp), Ok((contact, warnings))) = (&self.cache, stamp, parsed)
            && warnings.is_empty()
        {
            cache.contact_parsed(id, &stamp, hash, contact);
        }
    }

    pub(in crate::store) fn cache_listed(&self, ids: &[String]) {
        if let Some(cache) = &self.cache {
            cache.contacts_listed(ids);
        }
    }

    pub(in crate::store) fn cache_months_listed(&self, months: &[Month]) {
        if let Some(cache) = &self.cache {
            cache.months_listed(months);
        }
    }

    /// The month's cache when it matches the month file as it is now.
    pub(in crate::store) fn cached_month(&self, month: Month, rel: &Path) -> Option<CachedMonth> {
        let cache = self.cache.as_ref()?;
        let cached = cache.month(month, &self.fs.stamp(rel)?)?;
        self.remember(rel, cached.hash);
        Some(cached)
    }

    pub(in crate::store) fn cache_month(
        &self,
        month: Month,
        stamp: Option<Stamp>,
        hash: u64,
        parsed: &Result<Vec<LocatedEntry>, Problem>,
    ) {
        if let (Some(cache), Some(stamp), Ok(entries)) = (&self.cache, stamp, parsed) {
            cache.month_parsed(month, &stamp, hash, entries);
        }
    }
}
