//! The contacts folder's names, kept under the folder's own stamp. Creating, removing or
//! renaming a file in a folder changes the folder's modification time on every file system,
//! so while the folder's stamp is the same its names are the same: a command that reads a few
//! cards by id (`Store::load_contacts_named`) finds them exactly as a listing would, on a file
//! system that ignores case too, without listing 10,000 names each time. A listing taken
//! while the folder could still change within the same clock tick is not kept (the racy
//! rule of the rest of the cache).
//!
//! It also says whether a temp file (`TEMP_PREFIX`) was there, so the sweep at each start
//! need not list the folder again while it holds none (`Store::sweep_leftover_temps`): a temp
//! file appearing changes the folder's stamp like any other new name.

use super::Cache;
use super::codec::{FileKind, Reader, Writer, frame, unframe};
use crate::store::Stamp;
use crate::store::truth::disk::write_atomic_at;
use std::path::PathBuf;

/// A listing read from its file: the folder's stamp it was kept under, its names, and
/// whether a temp file was there.
pub(super) type Read = (Stamp, Vec<String>, bool);

impl Cache {
    fn listing_path(&self) -> PathBuf {
        self.root.join("contacts").join("listing.bin")
    }

    /// The names kept for the folder as it is now (`stamp`), in the order they were kept,
    /// and whether a temp file was there; `None` when there are none or they were kept for
    /// another stamp. Taken from what `contacts_clean` read when it read this stamp's.
    pub fn contact_listing(&self, stamp: &Stamp) -> Option<(Vec<String>, bool)> {
        let mut read = self.listing_read.lock().unwrap_or_else(|p| p.into_inner());
        match read.take() {
            Some((kept, names, temps)) if kept == *stamp => Some((names, temps)),
            _ => self.read_listing(stamp),
        }
    }

    /// Whether the listing kept for the folder as it is now (`stamp`) had no temp file in
    /// it; `false` when there is none. What it read waits for `contact_listing`.
    pub fn contacts_clean(&self, stamp: &Stamp) -> bool {
        let Some((names, temps)) = self.read_listing(stamp) else {
            return false;
        };
        let mut read = self.listing_read.lock().unwrap_or_else(|p| p.into_inner());
        *read = Some((*stamp, names, temps));
        !temps
    }

    fn read_listing(&self, stamp: &Stamp) -> Option<(Vec<String>, bool)> {
        let file = std::fs::read(self.listing_path()).ok()?;
        let mut r = Reader::new(unframe(FileKind::Listing, &file)?);
        if r.stamp()? != *stamp {
            return None;
        }
        let names = r.strings()?;
        // After the names, so a listing kept by an older rolo (names only) does not read.
        let temps = match r.u8()? {
            0 => false,
            1 => true,
            _ => return None,
        };
        r.is_done().then_some((names, temps))
    }

    /// Keep `names` and whether a temp file was there for the folder at `stamp`, when the
    /// folder has been still long enough. A cache that cannot be written only costs the next
    /// listing.
    pub fn keep_contact_listing(&self, stamp: &Stamp, names: &[String], temps: bool) {
        if !self.now_settled()(super::changed_at(stamp)) {
            return;
        }
        let mut w = Writer::default();
        w.stamp(stamp);
        w.strs(names);
        w.u8(u8::from(temps));
        if write_atomic_at(&self.listing_path(), &frame(FileKind::Listing, &w.buf)).is_ok() {
            self.written
                .fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn stamp(mtime_ns: i64) -> Stamp {
        Stamp {
            size: 4096,
            mtime_ns,
            ctime_ns: mtime_ns,
            inode: 7,
            device: 1,
        }
    }

    #[test]
    fn names_come_back_only_for_the_same_stamp() {
        let dir = tempfile::tempdir().unwrap();
        let cache = Cache::new(dir.path());
        let names = vec!["Zoë Müller".to_string(), "ada".to_string()];
        cache.keep_contact_listing(&stamp(1_000), &names, true);
        assert_eq!(
            cache.contact_listing(&stamp(1_000)),
            Some((names.clone(), true))
        );
        assert_eq!(cache.contact_listing(&stamp(1_001)), None);
        cache.keep_contact_listing(&stamp(1_000), &names, false);
        assert_eq!(cache.contact_listing(&stamp(1_000)), Some((names, false)));
        // A listing kept by an older rolo, names and no word on temp files, is none.
        let mut w = Writer::default();
        w.stamp(&stamp(1_000));
        w.strs(&["ada".to_string()]);
        std::fs::write(cache.listing_path(), frame(FileKind::Listing, &w.buf)).unwrap();
        assert_eq!(cache.contact_listing(&stamp(1_000)), None);
        // A damaged file is no listing.
        std::fs::write(cache.listing_path(), b"scribbled").unwrap();
        assert_eq!(cache.contact_listing(&stamp(1_000)), None);
    }

    /// What the sweep read is handed to the load once, for its stamp only; a later call
    /// reads the file again.
    #[test]
    fn the_sweeps_read_serves_the_next_listing_once() {
        let dir = tempfile::tempdir().unwrap();
        let cache = Cache::new(dir.path());
        let names = vec!["ada".to_string()];
        cache.keep_contact_listing(&stamp(1_000), &names, false);
        assert!(cache.contacts_clean(&stamp(1_000)));
        std::fs::remove_file(cache.listing_path()).unwrap();
        assert_eq!(cache.contact_listing(&stamp(1_001)), None);
        assert!(!cache.contacts_clean(&stamp(1_001)));
        cache.keep_contact_listing(&stamp(1_000), &names, true);
        assert!(!cache.contacts_clean(&stamp(1_000)));
        std::fs::remove_file(cache.listing_path()).unwrap();
        assert_eq!(cache.contact_listing(&stamp(1_000)), Some((names, true)));
        assert_eq!(cache.contact_listing(&stamp(1_000)), None);
    }

    #[test]
    fn a_folder_changed_just_now_is_not_kept() {
        let dir = tempfile::tempdir().unwrap();
        let (cache, now) = super::super::settling_an_hour(dir.path());
        cache.keep_contact_listing(&stamp(now), &["ada".to_string()], false);
        assert_eq!(cache.contact_listing(&stamp(now)), None);
    }
}
