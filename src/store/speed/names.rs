//! Every contact's id, name and aliases and nothing else: what resolving a typed name needs
//! (`loads.rs`). With a cache, a card whose stamp is the one its names were kept under
//! (`cache/names.rs`) is not read at all; the others are loaded as a full load loads them
//! (the cached decode, else the file; a file that does not load gives its stand-in), and
//! their names kept for the next run. Tested equal to `load_contacts_lean` cut down to those
//! three fields, through hand edits, new, removed and broken cards.

use crate::fasthash::{FastMap, FastSet};
use crate::model::Contact;
use crate::store::speed::cache::KeptName;
use crate::store::{ContactFiles, Loaded, Problem, Severity, Stamp, Store, StoreError, paths};
use crate::threads::{default_threads, map_in_order};

/// A contact with only the fields that resolve a name.
fn names_only(c: Contact) -> Contact {
    Contact {
        id: c.id,
        name: c.name,
        aliases: c.aliases,
        ..Contact::default()
    }
}

/// What one card gave.
enum Looked {
    /// Its kept names (by their place in what was kept) are still its names.
    Kept(usize),
    /// Read: its names, whether it has an open need, and its stamp when it loaded whole and
    /// can be kept.
    Read(Contact, bool, Option<Stamp>),
    /// It does not load: why, and its stand-in, if it has one.
    Broken(Problem, Option<Contact>),
}

/// What `Store::contact_names` gives.
pub struct ContactNames {
    /// Everyone, in a full load's order, and the contact files that did not load.
    pub loaded: Loaded,
    /// Whether the contacts are whole cards (most had to be read, so all were, as a full
    /// lean load reads them), not cut down to their names.
    pub whole: bool,
}

impl Store {
    /// Every contact's id, name and aliases, in a full load's order, and the contact files
    /// that did not load: equal to `load_contacts_lean` with its contacts cut down to those
    /// fields, or that load itself (`whole`) when most cards have no names kept (the first
    /// run, a `git pull` that changed many), so a caller that needs whole cards after all
    /// reads them only once.
    pub fn contact_names(&self, files: &ContactFiles) -> Result<ContactNames, StoreError> {
        let Some(cache) = &self.cache else {
            return self.whole_names(files, &[]);
        };
        let ids = files.ids();
        let stamp_of = self.fs.stamps_in(std::path::Path::new(paths::CONTACTS));
        let stamps = map_in_order(ids, default_threads(), |id| {
            stamp_of(&paths::contact_file_name(id))
        });
        drop(stamp_of);
        let mut kept = cache.kept_names();
        let place: FastMap<&str, usize> = kept
            .iter()
            .enumerate()
            .map(|(i, k)| (k.id.as_str(), i))
            .collect();
        // Each card's kept names, when they are the card's as it is now.
        let fresh: Vec<Option<usize>> = ids
            .iter()
            .zip(&stamps)
            .map(|(id, stamp)| {
                let i = *place.get(id.as_str())?;
                (Some(kept[i].stamp) == *stamp).then_some(i)
            })
            .collect();
        drop(place);
        let stale: Vec<usize> = (0..ids.len()).filter(|&k| fresh[k].is_none()).collect();
        if stale.len() * 4 > ids.len() {
            return self.whole_names(files, &stamps);
        }
        let read = map_in_order(&stale, default_threads(), |&k| {
            match self.load_contact_or_stand_in(&ids[k]) {
                Ok(c) => {
                    let open_need = c.open_needs().next().is_some();
                    Looked::Read(names_only(c), open_need, stamps[k])
                }
                Err(broken) => {
                    Looked::Broken(broken.problem, broken.stand_in.map(|c| names_only(*c)))
                }
            }
        });
        let learned = read.iter().any(|l| match l {
            Looked::Read(_, _, Some(stamp)) => cache.settled(stamp),
            _ => false,
        });
        // Kept again when a card's names were learned or a kept card is gone or changed.
        let keep = learned || ids.len() - stale.len() < kept.len();
        let mut read = read.into_iter();
        let mut next = Vec::new();
        let mut contacts = Vec::with_capacity(ids.len());
        let mut problems = Vec::new();
        for at in fresh {
            let looked = match at {
                Some(i) => Looked::Kept(i),
                None => match read.next() {
                    Some(looked) => looked,
                    None => continue,
                },
            };
            let contact = match looked {
                Looked::Kept(i) => {
                    let k = &mut kept[i];
                    if keep {
                        next.push(k.clone());
                    }
                    Contact {
                        id: std::mem::take(&mut k.id),
                        name: std::mem::take(&mut k.name),
                        aliases: std::mem::take(&mut k.aliases),
                        ..Contact::default()
                    }
                }
                Looked::Read(c, open_need, stamp) => {
                    if let (true, Some(stamp)) = (keep, stamp) {
                        next.push(KeptName {
                            id: c.id.clone(),
                            stamp,
                            name: c.name.clone(),
                            aliases: c.aliases.clone(),
                            open_need,
                        });
                    }
                    c
                }
                Looked::Broken(problem, stand_in) => {
                    // As `load_contacts_lean` keeps them: the errors only.
                    if problem.severity == Severity::Error {
                        problems.push(problem);
                    }
                    match stand_in {
                        Some(c) => c,
                        None => continue,
                    }
                }
            };
            contacts.push(contact);
        }
        if keep {
            cache.keep_names(&next);
        }
        let loaded = Loaded {
            contacts,
            entries: Vec::new(),
            problems,
        };
        Ok(ContactNames {
            loaded,
            whole: false,
        })
    }

    /// Everyone's whole cards (`load_contacts_lean`), and their names kept for the next run
    /// under `stamps` (the ids' stamps, taken before the cards were read, so a card changed
    /// meanwhile is read again next time); nothing is kept without them or a cache.
    fn whole_names(
        &self,
        files: &ContactFiles,
        stamps: &[Option<Stamp>],
    ) -> Result<ContactNames, StoreError> {
        let loaded = self.load_contacts_lean()?;
        if let Some(cache) = &self.cache
            && !stamps.is_empty()
        {
            let stamp_of: FastMap<&str, Stamp> = files
                .ids()
                .iter()
                .zip(stamps)
                .filter_map(|(id, stamp)| Some((id.as_str(), (*stamp)?)))
                .collect();
            // A card that did not load is read each time, as the decode cache does.
            let broken: FastSet<&std::path::Path> =
                loaded.problems.iter().map(|p| p.path.as_path()).collect();
            let next: Vec<KeptName> = loaded
                .contacts
                .iter()
                .filter(|c| !broken.contains(paths::contact(&c.id).as_path()))
                .filter_map(|c| {
                    Some(KeptName {
                        id: c.id.clone(),
                        stamp: *stamp_of.get(c.id.as_str())?,
                        name: c.name.clone(),
                        aliases: c.aliases.clone(),
                        open_need: c.open_needs().next().is_some(),
                    })
                })
                .collect();
            cache.keep_names(&next);
        }
        Ok(ContactNames {
            loaded,
            whole: true,
        })
    }

    /// Whether the one card whose name or alias has the key `key` (`fold::key`) had an
    /// open need, going by the names the cache keeps, not checked against the cards: a
    /// guess, only ever used to choose the quicker of two ways that both give the right
    /// answer (`loads::person_or_newest`). `None` without a cache.
    pub fn kept_open_need(&self, key: &str) -> Option<bool> {
        self.cache.as_ref()?.kept_open_need(key)
    }
}

#[cfg(test)]
mod tests {
    use crate::model::Contact;
    use crate::store::Store;
    use std::path::Path;
    use std::time::Duration;

    type Names = (Vec<(String, String, Vec<String>)>, Vec<String>);

    /// id, name and aliases of each contact a full lean load (no cache) gives, and its
    /// problems.
    fn truth(data: &Path) -> Names {
        let loaded = Store::on_disk(data).load_contacts_lean().unwrap();
        let problems = loaded.problems.iter().map(|p| p.to_string()).collect();
        (loaded.contacts.into_iter().map(triple).collect(), problems)
    }

    fn triple(c: Contact) -> (String, String, Vec<String>) {
        (c.id, c.name, c.aliases)
    }

    /// What `contact_names` gives in a new process (a new store) on the same cache, and how
    /// many cards it looked up in the decode cache or read.
    fn names(data: &Path, cache: &Path) -> (Names, usize) {
        let store = Store::on_disk(data)
            .with_cache(cache)
            .cache_settle_after(Duration::ZERO);
        let files = store.contact_files().unwrap();
        let loaded = store.contact_names(&files).unwrap().loaded;
        let problems = loaded.problems.iter().map(|p| p.to_string()).collect();
        let names = loaded.contacts.into_iter().map(triple).collect();
        let stats = store.cache_stats().unwrap();
        ((names, problems), stats.hits + stats.misses)
    }

    /// The names equal a full load's through every kind of change between runs: a name
    /// edited in place (same size, same inode: the folder's stamp stays), cards added and
    /// removed, a card broken and mended, an alias added; the second run after each reads
    /// no card but the broken one.
    #[test]
    fn names_equal_a_full_loads_through_edits_between_runs() {
        let data = tempfile::tempdir().unwrap();
        let cache = tempfile::tempdir().unwrap();
        let contacts = data.path().join("contacts");
        std::fs::create_dir(&contacts).unwrap();
        let card = |id: &str, text: &str| {
            std::fs::write(contacts.join(format!("{id}.toml")), text).unwrap();
            // A new coarse clock tick, so an edit of the same size has a new stamp.
            std::thread::sleep(Duration::from_millis(20));
        };
        card("ada", "name = \"Ada Lovelace\"\naliases = [\"Countess\"]\n");
        card("bob", "name = \"Bob\"\n");
        card("zoe", "name = \"Zoë Müller\"\naliases = [\"Зоя\"]\n");
        card("broken", "name = \"Half\n");
        card(
            "cy",
            "name = \"Cy\"\n\n[[need]]\nid = 1\nwhat = \"A ride\"\nsince = 2026-01-02\nstatus = \"open\"\n",
        );
        let check = |step: &str| {
            let want = truth(data.path());
            let (first, looked_up) = names(data.path(), cache.path());
            assert_eq!(first, want, "{step}: first run");
            assert!(looked_up > 0, "{step}: something changed");
            // The broken card is read each time (only whole cards are kept), no other.
            assert_eq!(names(data.path(), cache.path()), (want, 1), "{step}: kept");
        };
        check("start");
        card("bob", "name = \"Rob\"\n");
        check("a name edited in place");
        card("dee", "name = \"Dee\"\n");
        std::fs::remove_file(contacts.join("ada.toml")).unwrap();
        check("a card added, one removed");
        card("cy", "name = [\n");
        card("broken", "name = \"Whole\"\n");
        check("one broken, one mended");
        card("dee", "name = \"Dee\"\naliases = [\"D\"]\n");
        check("an alias added");
    }

    /// The guess a brief by name makes: the one card whose name or alias has the key.
    #[test]
    fn the_open_need_guess_needs_exactly_one_card() {
        let data = tempfile::tempdir().unwrap();
        let cache = tempfile::tempdir().unwrap();
        let contacts = data.path().join("contacts");
        std::fs::create_dir(&contacts).unwrap();
        let open = "\n[[need]]\nid = 1\nwhat = \"A ride\"\nsince = 2026-01-02\nstatus = \"open\"\n";
        let card = |id: &str, text: &str| {
            std::fs::write(contacts.join(format!("{id}.toml")), text).unwrap();
        };
        card("cy", &format!("name = \"Cy Young\"\n{open}"));
        card("di", "name = \"Dí Álvarez\"\naliases = [\"Twin\"]\n");
        card(
            "ed",
            &format!("name = \"Ed\"\naliases = [\"Twin\"]\n{open}"),
        );
        let store = Store::on_disk(data.path())
            .with_cache(cache.path())
            .cache_settle_after(Duration::ZERO);
        assert_eq!(store.kept_open_need("cy young"), None, "nothing kept yet");
        store
            .contact_names(&store.contact_files().unwrap())
            .unwrap();
        assert_eq!(store.kept_open_need("cy young"), Some(true));
        assert_eq!(store.kept_open_need("di alvarez"), Some(false));
        assert_eq!(store.kept_open_need("ed"), Some(true));
        assert_eq!(store.kept_open_need("twin"), None, "two cards");
        assert_eq!(store.kept_open_need("cy"), None, "only whole names");
        assert_eq!(store.kept_open_need(""), None);
        let uncached = Store::on_disk(data.path());
        assert_eq!(uncached.kept_open_need("cy young"), None);
    }
}
