//! Reading a few cards by id (`timeline`, `show ID`, `brief ID`; see `loads::named_only_for`)
//! instead of all of them. The cards are found by the listing of the contacts folder, as a
//! full load finds them (a link counts, a folder does not, a name is matched exactly even on a
//! file system that ignores case), kept in the cache while the folder's stamp is the same
//! (`cache/listing.rs`).

use crate::store::{Loaded, Store, StoreError, paths};
use std::path::Path;

/// The ids of the contact files there are, as `Store::contact_ids` lists them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ContactFiles {
    /// Sorted by id, for lookups.
    ids: Vec<String>,
}

impl ContactFiles {
    /// Whether `id` has a contact file, broken or not.
    pub fn has(&self, id: &str) -> bool {
        self.ids
            .binary_search_by(|known| known.as_str().cmp(id))
            .is_ok()
    }
}

impl Store {
    /// The contact files there are. The folder's stamp is taken before it is listed, so a
    /// file added meanwhile makes the stamp kept with the names an old one.
    pub fn contact_files(&self) -> Result<ContactFiles, StoreError> {
        let stamp = self.fs.stamp(Path::new(paths::CONTACTS));
        if let (Some(cache), Some(stamp)) = (&self.cache, &stamp)
            && let Some(ids) = cache.contact_listing(stamp)
        {
            return Ok(ContactFiles { ids });
        }
        let mut ids = self.contact_ids()?;
        ids.sort();
        if let (Some(cache), Some(stamp)) = (&self.cache, &stamp) {
            cache.keep_contact_listing(stamp, &ids);
        }
        Ok(ContactFiles { ids })
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
        let mut loaded = Loaded::default();
        for (_, id) in named {
            match self.load_contact_with_warnings(id) {
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
