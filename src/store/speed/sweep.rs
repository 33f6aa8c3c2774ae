//! The sweep of temp files at each start, without listing the contacts folder each time.

use crate::store::{Store, StoreError, paths};
use std::path::Path;

impl Store {
    /// Remove the temp files a writer killed mid-save left (`Fs::sweep_stale_temps`). The
    /// contacts folder, 10,000 names on the large set (4.5 ms to list), is not listed when
    /// its kept listing (`cache/listing.rs`), taken at the stamp the folder has now, had no
    /// temp file in it: creating one would have changed that stamp.
    pub fn sweep_leftover_temps(&self) -> Result<usize, StoreError> {
        let contacts = Path::new(paths::CONTACTS);
        let clean = self.cache.as_ref().is_some_and(|cache| {
            self.fs
                .stamp(contacts)
                .is_some_and(|stamp| cache.contacts_clean(&stamp))
        });
        let skip = [contacts];
        self.sweep_stale_temps_except(if clean { &skip } else { &[] })
    }
}

#[cfg(test)]
mod tests {
    use crate::store::Store;
    use crate::store::truth::fs::TEMP_PREFIX;
    use std::path::{Path, PathBuf};
    use std::time::Duration;

    /// A folder with one card, and a store on it keeping its cache at once (as a folder two
    /// seconds still would).
    fn journal() -> (tempfile::TempDir, tempfile::TempDir, Store) {
        let data = tempfile::tempdir().unwrap();
        let cache = tempfile::tempdir().unwrap();
        std::fs::create_dir(data.path().join("contacts")).unwrap();
        std::fs::write(data.path().join("contacts/ada.toml"), "name = \"Ada\"\n").unwrap();
        // Made by the first save, as the killed one had.
        std::fs::write(data.path().join(".lock"), "").unwrap();
        let store = Store::on_disk(data.path())
            .with_cache(cache.path())
            .cache_settle_after(Duration::ZERO);
        (data, cache, store)
    }

    fn temp_in(data: &Path) -> PathBuf {
        // Later than the listing by more than a clock tick, as a killed save always is.
        std::thread::sleep(Duration::from_millis(30));
        let temp = data.join("contacts").join(format!("{TEMP_PREFIX}ada.toml"));
        std::fs::write(&temp, "half a save").unwrap();
        temp
    }

    #[test]
    fn a_temp_file_left_after_the_listing_was_kept_is_swept() {
        let (data, _cache, store) = journal();
        assert!(!store.contact_files().unwrap().temps);
        let temp = temp_in(data.path());
        assert_eq!(store.sweep_leftover_temps().unwrap(), 1);
        assert!(!temp.exists());
        assert!(data.path().join("contacts/ada.toml").exists());
    }

    #[test]
    fn a_listing_that_saw_a_temp_file_does_not_spare_the_folder() {
        let (data, _cache, store) = journal();
        let temp = temp_in(data.path());
        assert!(store.contact_files().unwrap().temps);
        assert_eq!(store.sweep_leftover_temps().unwrap(), 1);
        assert!(!temp.exists());
    }

    /// The folder known clean is not listed: a temp file in it stays (on a real folder it
    /// could not be there without changing the stamp the listing was kept under).
    #[test]
    fn a_folder_known_clean_is_not_listed() {
        let (data, _cache, store) = journal();
        let temp = temp_in(data.path());
        let contacts = Path::new("contacts");
        assert_eq!(store.sweep_stale_temps_except(&[contacts]).unwrap(), 0);
        assert!(temp.exists());
        assert_eq!(store.sweep_stale_temps_except(&[]).unwrap(), 1);
        assert!(!temp.exists());
    }
}
