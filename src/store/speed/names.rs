//! Every contact's id, name and aliases and nothing else: what resolving a typed name needs
//! (`loads.rs`). With a cache, a card whose stamp is the one its names were kept under
//! (`cache/names.rs`) is not read at all; the others are loaded as a full load loads them
//! (the cached decode, else the file; a file that does not load gives its stand-in), and
//! their names kept for the next run. Tested equal to `load_contacts_lean` cut down to those
//! three fields, through hand edits, new, removed and broken cards.

use crate::fasthash::{FastMap, FastSet};
use crate::model::Contact;
use crate::store::speed::cache::{
    Cache, KeptName, KeptRef, NamesOf, kept_as_now, kept_id_by_name, kept_in, keys_of,
};
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
    /// Read: its names, whether it has an open need, and its stamp, content hash and
    /// `Contact::ranked_on` (of the whole card, before it was cut to its names) when it
    /// loaded whole and can be kept.
    Read(Contact, bool, Option<(Stamp, u64, u64)>),
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

/// What `Store::person_by_name` found.
pub enum ByName {
    /// The id of the one person the name means.
    One(String),
    /// No one or several, or found on whole cards: everyone's names as `contact_names`
    /// gives them, to resolve the name on and say so from.
    Names(ContactNames),
}

/// The bytes of the names the cache keeps (`Store::kept_names`): read once for a typed name,
/// by the names pass and the guess beside it.
#[derive(Clone)]
pub struct KeptNames(pub(in crate::store) Vec<u8>);

/// What the names kept say a typed name means, unchecked (`Store::guess_by_name`).
pub enum Guessed {
    /// The one person, by id.
    One(String),
    /// No one, or several.
    NotOne,
    /// Nothing is kept to guess from (the first run, no cache, a damaged file).
    Unknown,
}

/// Every card looked at, in a full load's order, against the names kept (`kept`, read in
/// place from the cache's file).
struct Pass<'k> {
    kept: Vec<KeptRef<'k>>,
    looked: Vec<Looked>,
}

/// How the names pass went: each card looked at, or everyone's whole cards read.
enum Passed<'k> {
    Cards(Pass<'k>),
    Whole(ContactNames),
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
        let file = cache.kept_names_file();
        Ok(
            match self.names_pass(cache, files, &file, self.card_stamps(files))? {
                Passed::Whole(names) => names,
                Passed::Cards(pass) => pass.into_names(),
            },
        )
    }

    /// The one person `query` (no contact's id) means, resolved on everyone's names as
    /// `Journal::resolve` resolves it on `contact_names`, which is given instead when it
    /// means no one or several, or was resolved on whole cards. With a cache, the names are
    /// the keys kept: no card but those changed since is read, and no contact is built.
    /// `kept` is the names the cache keeps (`kept_names`), read once for this and the guess
    /// made on them, `guessed` (`guess_by_name(kept, query)`): when every card is as kept,
    /// that guess is the answer.
    pub fn person_by_name(
        &self,
        files: &ContactFiles,
        query: &str,
        kept: &KeptNames,
        guessed: &Guessed,
    ) -> Result<ByName, StoreError> {
        let Some(cache) = &self.cache else {
            return Ok(ByName::Names(self.whole_names(files, &[])?));
        };
        let stamps = self.card_stamps(files);
        // Every card as kept, the usual case: the pass would offer each card's kept keys in
        // the file's order, as the guess did straight from the file (`kept_id_by_name`).
        // Decoding the names into a list and resolving on it was 9 ms of a 35 ms
        // `timeline NAME`.
        if let Guessed::One(id) = guessed
            && kept_as_now(&kept.0, files.ids(), &stamps)
        {
            return Ok(ByName::One(id.clone()));
        }
        let pass = match self.names_pass(cache, files, &kept.0, stamps)? {
            Passed::Whole(names) => return Ok(ByName::Names(names)),
            Passed::Cards(pass) => pass,
        };
        Ok(match pass.resolve(query) {
            Some(id) => ByName::One(id),
            None => ByName::Names(pass.into_names()),
        })
    }

    /// The names the cache keeps, as they are now (those the open-need guess read, if it did:
    /// `kept_open_need`); none without a cache.
    pub fn kept_names(&self) -> KeptNames {
        KeptNames(
            self.cache
                .as_ref()
                .map(Cache::kept_names_file)
                .unwrap_or_default(),
        )
    }

    /// The stamp of each of `files`' cards, in their order.
    pub(in crate::store) fn card_stamps(&self, files: &ContactFiles) -> Vec<Option<Stamp>> {
        let stamp_of = self.fs.stamps_in(std::path::Path::new(paths::CONTACTS));
        map_in_order(files.ids(), default_threads(), |id| {
            stamp_of(&paths::contact_file_name(id))
        })
    }

    /// Each card's stamp (`stamps`, from `card_stamps`) against the names kept in `file`:
    /// those whose stamp is the one their names were kept under are not read, the others
    /// are loaded as a full load loads them (the cached decode, else the file; a file that
    /// does not load gives its stand-in), and the names kept again when any were learned or
    /// a kept card is gone or changed. Everyone's whole cards instead when more than a quarter must be read.
    fn names_pass<'k>(
        &self,
        cache: &Cache,
        files: &ContactFiles,
        file: &'k [u8],
        stamps: Vec<Option<Stamp>>,
    ) -> Result<Passed<'k>, StoreError> {
        let ids = files.ids();
        let kept = kept_in(file);
        let place: FastMap<&str, usize> = kept.iter().enumerate().map(|(i, k)| (k.id, i)).collect();
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
            return Ok(Passed::Whole(self.whole_names(files, &stamps)?));
        }
        let read = map_in_order(&stale, default_threads(), |&k| {
            match self.load_contact_or_stand_in(&ids[k]) {
                Ok(c) => {
                    let open_need = c.open_needs().next().is_some();
                    let hash = self.seen_hash(&paths::contact(&ids[k]));
                    // Of the whole card: the names kept hold it for the brief's kept helpers.
                    let keep = stamps[k].zip(hash).map(|(s, h)| (s, h, c.ranked_on()));
                    Looked::Read(names_only(c), open_need, keep)
                }
                Err(broken) => {
                    Looked::Broken(broken.problem, broken.stand_in.map(|c| names_only(*c)))
                }
            }
        });
        let learned = read.iter().any(|l| match l {
            Looked::Read(_, _, Some((stamp, ..))) => cache.settled(stamp),
            _ => false,
        });
        let mut read = read.into_iter();
        let looked: Vec<Looked> = fresh
            .into_iter()
            .filter_map(|at| match at {
                Some(i) => Some(Looked::Kept(i)),
                None => read.next(),
            })
            .collect();
        let pass = Pass { kept, looked };
        // Kept again when a card's names were learned or a kept card is gone or changed.
        if learned || ids.len() - stale.len() < pass.kept.len() {
            cache.keep_names(&pass.to_keep());
        }
        Ok(Passed::Cards(pass))
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
            cache.keep_names_of(self.names_to_keep(files, stamps, &loaded));
        }
        Ok(ContactNames {
            loaded,
            whole: true,
        })
    }

    /// What the names kept are to be after a read of whole cards, `loaded`, under `stamps`
    /// (the stamps of `files`' ids, one each): every card that loaded, by its stamp and the
    /// content hash it was read with, borrowed from the cards. A card that did not load is
    /// read each time, as the decode cache does.
    pub(in crate::store) fn names_to_keep<'a>(
        &self,
        files: &ContactFiles,
        stamps: &[Option<Stamp>],
        loaded: &'a Loaded,
    ) -> Vec<NamesOf<'a>> {
        let broken: FastSet<&std::path::Path> =
            loaded.problems.iter().map(|p| p.path.as_path()).collect();
        let ids: Vec<&str> = loaded.contacts.iter().map(|c| c.id.as_str()).collect();
        let hashes = self.seen_card_hashes(&ids);
        // The cards come in the listing's order, some perhaps missing (a file that did not
        // load and has no stand-in): each one's stamp is found walking the listing along.
        let mut listed = files.ids().iter().zip(stamps);
        let mut stamp_of = |id: &str| listed.find(|(listed, _)| listed.as_str() == id)?.1.as_ref();
        loaded
            .contacts
            .iter()
            .zip(hashes)
            .filter_map(|(c, hash)| {
                let stamp = *stamp_of(&c.id)?;
                let whole = broken.is_empty() || !broken.contains(paths::contact(&c.id).as_path());
                whole.then_some(NamesOf {
                    id: &c.id,
                    stamp,
                    hash: hash?,
                    rank: c.ranked_on(),
                    name: &c.name,
                    aliases: &c.aliases,
                    open_need: c.open_needs().next().is_some(),
                })
            })
            .collect()
    }

    /// Whom the names kept say `query` means, not checked against the cards: a guess, only
    /// ever used to start reading what the command will need while the names are checked
    /// (`loads::person_or_newest`); a wrong guess costs time, never the answer.
    pub fn guess_by_name(&self, kept: &KeptNames, query: &str) -> Guessed {
        if self.cache.is_none() {
            return Guessed::Unknown;
        }
        let Some(mut best) = crate::name_fit::BestFit::new(query) else {
            return Guessed::NotOne;
        };
        match kept_id_by_name(&kept.0, &mut best) {
            Some(Some(id)) => Guessed::One(id.to_string()),
            Some(None) => Guessed::NotOne,
            None => Guessed::Unknown,
        }
    }

    /// The id of the one card whose name or alias has the key `key` (`fold::key`), and
    /// whether it had an open need, going by the names the cache keeps, not checked against
    /// the cards: a guess, only ever used to choose the quicker of two ways that both give
    /// the right answer, and to start reading on it (`loads::person_or_newest`). `None`
    /// without a cache.
    pub fn kept_open_need(&self, key: &str) -> Option<(String, bool)> {
        self.cache.as_ref()?.kept_open_need(key)
    }
}

impl Pass<'_> {
    /// What the names kept will be: each card's names as it is now, those read that loaded.
    fn to_keep(&self) -> Vec<KeptName> {
        self.looked
            .iter()
            .filter_map(|looked| match looked {
                Looked::Kept(i) => self.kept.get(*i).map(KeptRef::to_owned),
                Looked::Read(c, open_need, Some((stamp, hash, rank))) => Some(KeptName {
                    id: c.id.clone(),
                    stamp: *stamp,
                    hash: *hash,
                    rank: *rank,
                    name: c.name.clone(),
                    aliases: c.aliases.clone(),
                    open_need: *open_need,
                }),
                Looked::Read(_, _, None) | Looked::Broken(..) => None,
            })
            .collect()
    }

    /// The id of the one person `query` means (`name_fit::BestFit`), on each card's kept
    /// keys, or those of its names as read now; a stand-in's names count, as a full load's
    /// journal holds it.
    fn resolve(&self, query: &str) -> Option<String> {
        let mut best = crate::name_fit::BestFit::new(query)?;
        let mut ids = Vec::with_capacity(self.looked.len());
        for looked in &self.looked {
            match looked {
                Looked::Kept(i) => {
                    let k = self.kept.get(*i)?;
                    best.offer(ids.len(), k.keys.iter().copied());
                    ids.push(k.id);
                }
                Looked::Read(c, ..) | Looked::Broken(_, Some(c)) => {
                    let keys = keys_of(&c.name, &c.aliases);
                    best.offer(ids.len(), keys.iter().map(String::as_str));
                    ids.push(c.id.as_str());
                }
                Looked::Broken(_, None) => {}
            }
        }
        ids.get(best.one()?).map(|id| id.to_string())
    }

    /// Everyone's names as `contact_names` gives them: the cards in order, with the errors
    /// of the files that did not load.
    fn into_names(self) -> ContactNames {
        let mut contacts = Vec::with_capacity(self.looked.len());
        let mut problems = Vec::new();
        for looked in self.looked {
            let contact = match looked {
                Looked::Kept(i) => match self.kept.get(i) {
                    Some(k) => Contact {
                        id: k.id.to_string(),
                        name: k.name.to_string(),
                        aliases: k.aliases.iter().map(|a| a.to_string()).collect(),
                        ..Contact::default()
                    },
                    None => continue,
                },
                Looked::Read(c, ..) => c,
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
        ContactNames {
            loaded: Loaded {
                contacts,
                entries: Vec::new(),
                problems,
            },
            whole: false,
        }
    }
}

#[cfg(test)]
mod tests;
