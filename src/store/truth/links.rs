//! Links inside the data folder, for `rolo check`: every write refuses to go through one
//! (`Store::check_writable`), so `check` names each of them, as it names every file a write
//! would refuse.

use super::paths;
use crate::store::Store;
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

impl Store {
    /// Each link inside the data folder that a write would meet, with where it points: the
    /// lock, the leases, the folders rolo writes into and every file in them. The data folder
    /// itself, and the folders above it, may be links (the person chose them).
    pub fn links_inside(&self) -> Vec<(PathBuf, PathBuf)> {
        let mut places: Vec<PathBuf> = [
            paths::LOCK,
            paths::LEASES,
            paths::CONTACTS,
            paths::JOURNAL,
            paths::DRAFTS,
        ]
        .iter()
        .map(PathBuf::from)
        .collect();
        for folder in [paths::CONTACTS, paths::DRAFTS] {
            places.extend(self.items_in(Path::new(folder), false));
        }
        // A linked year folder lists as no folder at all: it is one of these.
        places.extend(self.items_in(Path::new(paths::JOURNAL), false));
        for year in self.items_in(Path::new(paths::JOURNAL), true) {
            places.extend(self.items_in(&year, false));
            places.push(year);
        }
        let mut found = BTreeSet::new();
        for place in places {
            if let Some(link) = self.fs.link_on_way(&place) {
                found.insert(link);
            }
        }
        found.into_iter().collect()
    }

    /// Whether `rel` (a link, say) leads to a folder, for the advice on replacing it.
    pub fn is_folder(&self, rel: &Path) -> bool {
        self.display(rel).is_dir()
    }

    /// The files (or folders) listed in `dir`; nothing when it cannot be listed.
    fn items_in(&self, dir: &Path, folders: bool) -> Vec<PathBuf> {
        let items = self.fs.list(dir).unwrap_or_default();
        items
            .into_iter()
            .filter(|i| i.is_dir == folders)
            .map(|i| dir.join(i.name))
            .collect()
    }
}
