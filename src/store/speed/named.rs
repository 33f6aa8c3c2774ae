//! Reading a few cards by id (`timeline`, `show ID`, `brief ID`; see `loads::named_only_for`)
//! instead of all of them. The cards are found by the listing of the contacts folder, as a
//! full load finds them (a link counts, a folder does not, a name is matched exactly even on a
//! file system that ignores case), kept in the cache while the folder's stamp is the same
//! (`cache/listing.rs`).

use crate::store::{Loaded, Store, StoreError, paths};
use crate::threads::{default_threads, map_in_order};
use std::cmp::Ordering;
use std::path::Path;

/// The ids of the contact files there are, as `Store::contact_ids` lists them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ContactFiles {
    /// In the order of their file names, as listed (`file_order`); a full load reads them so.
    /// Shared, so a command that asks several questions of one listing copies no names.
    ids: std::sync::Arc<[String]>,
    /// Whether the folder held a temp file too.
    pub(in crate::store) temps: bool,
    /// Whether the names are the kept listing: the folder's stamp is the one it was kept
    /// under, so no card was added, removed or renamed since.
    pub(in crate::store) kept: bool,
}

/// The order of the files `a.toml` and `b.toml`: `a-b.toml` before `a.toml`, though the id
/// `a` sorts before `a-b`.
fn file_order(a: &str, b: &str) -> Ordering {
    a.bytes().chain(*b".toml").cmp(b.bytes().chain(*b".toml"))
}

impl ContactFiles {
    /// Whether `id` has a contact file, broken or not.
    pub fn has(&self, id: &str) -> bool {
        self.position(id).is_some()
    }

    /// Where `id` is among `ids`.
    pub fn position(&self, id: &str) -> Option<usize> {
        self.ids
            .binary_search_by(|known| file_order(known, id))
            .ok()
    }

    /// The ids, in the order of their file names.
    pub fn ids(&self) -> &[String] {
        &self.ids
    }

    /// The ids, in the order of their file names.
    pub fn into_ids(self) -> Vec<String> {
        self.ids.to_vec()
    }
}

impl Store {
    /// The contact files there are. The folder's stamp is taken before it is listed, so a
    /// file added meanwhile makes the stamp kept with the names an old one.
    pub fn contact_files(&self) -> Result<ContactFiles, StoreError> {
        let stamp = self.fs.stamp(Path::new(paths::CONTACTS));
        if let (Some(cache), Some(stamp)) = (&self.cache, &stamp)
            && let Some((ids, temps)) = cache.contact_listing(stamp)
        {
            return Ok(ContactFiles {
                ids: ids.into(),
                temps,
                kept: true,
            });
        }
        let (mut ids, temps) = self.contact_listing()?;
        // Listed in this order already; sorting makes `has` right whatever a file system gives.
        ids.sort_by(|a, b| file_order(a, b));
        if let (Some(cache), Some(stamp)) = (&self.cache, &stamp) {
            cache.keep_contact_listing(stamp, &ids, temps);
        }
        Ok(ContactFiles {
            ids: ids.into(),
            temps,
            kept: false,
        })
    }

    /// The contacts with these ids that have a file, as a full load has them (a file that
    /// does not load is its problem and a stand-in), in a full load's order; an id with no
    /// file is someone with no card, as in a full load. The other contact files are not
    /// looked at, so one that stopped loading is not counted here (`list`, `check` and the
    /// TUI say so).
    pub fn load_contacts_named<'a>(
        &self,
        files: &ContactFiles,
        ids: impl IntoIterator<Item = &'a str>,
    ) -> Result<Loaded, StoreError> {
        // Listing order is by file name (`a-b.toml` before `a.toml`), not by id.
        let mut named: Vec<(String, &str)> = ids
            .into_iter()
            .filter(|id| files.has(id))
            .map(|id| (format!("{id}.toml"), id))
            .collect();
        named.sort();
        named.dedup();
        // A brief's helpers can be hundreds of cards (847 on the large set, 10 ms on one
        // thread), read on two; a timeline's few are read on this one.
        let threads = if named.len() > 64 {
            default_threads()
        } else {
            1
        };
        let read = map_in_order(&named, threads, |(_, id)| {
            self.load_contact_with_warnings(id)
        });
        let mut loaded = Loaded::default();
        for result in read {
            match result {
                Ok((contact, _)) => loaded.contacts.push(contact),
                Err(broken) => {
                    loaded.problems.push(broken.problem);
                    loaded.contacts.extend(broken.stand_in.map(|c| *c));
                }
            }
        }
        Ok(loaded)
    }
}

#[cfg(test)]
mod tests {
    use crate::store::Store;
    use std::time::Duration;

    /// A full load reads the cards in the order of their file names (`a-b.toml` before
    /// `a.toml`), whether the names come from the folder or from the kept listing.
    #[test]
    fn the_kept_listing_gives_the_folder_order_and_finds_every_card() {
        let data = tempfile::tempdir().unwrap();
        let cache = tempfile::tempdir().unwrap();
        let contacts = data.path().join("contacts");
        std::fs::create_dir(&contacts).unwrap();
        let ids = ["a", "a-b", "a.b", "Zoë Müller", "b", "a0", "ab"];
        for id in ids {
            std::fs::write(contacts.join(format!("{id}.toml")), "name = \"X\"\n").unwrap();
        }
        let store = Store::on_disk(data.path())
            .with_cache(cache.path())
            .cache_settle_after(Duration::ZERO);
        let listed = store.contact_ids().unwrap();
        let first = store.contact_files().unwrap();
        // The second comes from the cache (the folder is unchanged).
        let kept = store.contact_files().unwrap();
        assert_eq!(first.ids(), kept.ids());
        assert!(!first.kept && kept.kept);
        assert_eq!(kept.clone().into_ids(), listed);
        let loaded: Vec<String> = store
            .load_contacts_only()
            .unwrap()
            .contacts
            .into_iter()
            .map(|c| c.id)
            .collect();
        assert_eq!(loaded, listed);
        for id in ids {
            assert!(kept.has(id), "{id}");
        }
        assert!(!kept.has("a-"));
        assert!(!kept.has("A"));
    }
}
