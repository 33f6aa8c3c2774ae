//! Whether every card is as the names kept have it (`cache/names.rs`), told from a stat of
//! each card and the names file alone: then a full load would read exactly the cards kept,
//! with the content hashes kept, and an answer kept under the digest of every card (a
//! brief's helpers, `cmd/brief_cache.rs`, made of each card's `Contact::ranked_on`, kept
//! beside its hash) can be taken without decoding 10,000 cards.
//! The names are kept, with those hashes, by any read of everyone's cards for a brief that
//! finds them not as kept (`load_contacts_lean_naming`).

use crate::fasthash::FastSet;
use crate::store::speed::cache::{
    Cache, CardsDigest, KeptHead, heads_as_now, heads_just, kept_hashes_as_now, kept_heads,
    kept_ids_are,
};
use crate::store::{
    ContactFiles, Guessed, KeptNames, Loaded, Severity, Stamp, Store, StoreError, paths,
};
use crate::threads::default_threads;

/// The stamp of each card a listing named, taken a moment ago (`Store::card_stamps`): a
/// read of everyone's cards that follows takes them instead of a second `stat` of each.
pub struct StampsTaken {
    pub(in crate::store) files: ContactFiles,
    pub(in crate::store) stamps: Vec<Option<Stamp>>,
}

impl StampsTaken {
    /// Whether they were taken on the listing `files`.
    pub(in crate::store) fn are_of(&self, files: &ContactFiles) -> bool {
        self.files.ids() == files.ids()
    }

    /// The stamp taken of `id`'s card (`None` when it is not one they were taken of).
    pub(in crate::store) fn of(&self, id: &str) -> Option<Option<Stamp>> {
        self.stamps.get(self.files.position(id)?).copied()
    }
}

/// Every card as the names kept have it, by stamps just taken (`Store::cards_as_kept`).
pub struct CardsAsKept {
    /// The `CardsDigest` of every card, as a full load would read them.
    pub digest: u64,
    files: ContactFiles,
    /// Each card's content hash as kept, in `files`' order.
    hashes: Vec<u64>,
}

impl CardsAsKept {
    /// The content hash `id`'s card was kept with: a card read after the check, whose hash
    /// is not this one, changed since (`Store::seen_hash`).
    pub fn hash_of(&self, id: &str) -> Option<u64> {
        self.hashes.get(self.files.position(id)?).copied()
    }
}

impl Store {
    /// The names kept, when they are of exactly the cards `files` lists, in order (none
    /// added, removed or renamed since, none that does not load): told without a stat.
    /// `None` without a cache.
    pub fn names_kept_of(&self, files: &ContactFiles) -> Option<KeptNames> {
        let cache = self.cache.as_ref()?;
        let names = self.kept_names();
        if kept_ids_are(&names.0, files.ids()) {
            return Some(names);
        }
        // For the read of everyone's cards that follows, which keeps them anew.
        cache.hold_names(names.0);
        None
    }

    /// The stamp of each card `files` lists, taken now.
    pub fn stamps_taken(&self, files: &ContactFiles) -> StampsTaken {
        StampsTaken {
            stamps: self.card_stamps(files),
            files: files.clone(),
        }
    }

    /// Every card, when each is as `names` (`names_kept_of`) keeps it by the stamps `taken`.
    pub fn cards_as_kept(&self, names: &KeptNames, taken: &StampsTaken) -> Option<CardsAsKept> {
        let kept = kept_hashes_as_now(&names.0, taken.files.ids(), &taken.stamps)?;
        let mut digest = CardsDigest::default();
        for (id, (_, rank)) in taken.files.ids().iter().zip(&kept) {
            digest.card(id, Some(*rank));
        }
        Some(CardsAsKept {
            digest: digest.finish(),
            files: taken.files.clone(),
            hashes: kept.into_iter().map(|(hash, _)| hash).collect(),
        })
    }

    /// Hand back the names kept (`kept_names`) for the next read to take, instead of
    /// reading the file again.
    pub fn give_back_names(&self, names: KeptNames) {
        if let Some(cache) = &self.cache {
            cache.hold_names(names.0);
        }
    }

    /// Everyone's cards, as `load_contacts_lean` reads them, and the id of the one person
    /// `query` names when every card is as the names kept have it (by the stamps this very
    /// read took): the name then means whom those names say (`kept_as_now`), with no need
    /// to resolve it again on everyone's names, 5 to 6 ms of a brief by name on the large set.
    /// `None` when the names kept cannot tell: no cache, no query, a card changed, no one or
    /// several. When the cards are not as kept, their names are kept anew from this read, so
    /// the next brief can tell from them alone that nothing changed (`cards_as_kept`).
    /// `taken`: the cards' stamps, when they were just taken.
    pub fn load_contacts_lean_naming(
        &self,
        query: Option<&str>,
        taken: Option<&StampsTaken>,
    ) -> Result<(Loaded, Option<String>), StoreError> {
        let Some(cache) = &self.cache else {
            return Ok((self.load_contacts_lean()?, None));
        };
        let read = self.contacts_stamped(default_threads(), taken)?;
        let kept = self.kept_names();
        // The names kept, walked once for both questions below.
        let heads = kept_heads(&kept.0).unwrap_or_default();
        let as_now = !heads.is_empty() && heads_as_now(&heads, read.files.ids(), &read.stamps);
        let named = match query.map(|q| self.guess_by_name(&kept, q)) {
            Some(Guessed::One(id)) if as_now => Some(id),
            _ => None,
        };
        let mut problems = read.problems;
        problems.retain(|p| p.severity == Severity::Error);
        let loaded = Loaded {
            contacts: read.contacts,
            entries: Vec::new(),
            problems,
        };
        if !as_now && !names_kept_just(cache, &heads, &read.files, &read.stamps, &loaded) {
            cache.keep_names_at_flush(self.names_to_keep(&read.files, &read.stamps, &loaded));
        }
        Ok((loaded, named))
    }
}

/// Whether the names kept are already those keeping them after `loaded` would give (by
/// id and stamp, without a name copied): where some card is never kept (one that does
/// not load, or changed within the last two seconds), every brief would otherwise
/// build and write the same 10,000 names again (20 ms on the large set).
fn names_kept_just(
    cache: &Cache,
    heads: &[KeptHead],
    files: &ContactFiles,
    stamps: &[Option<Stamp>],
    loaded: &Loaded,
) -> bool {
    // By id: a path made and hashed for each of 10,000 cards was 3 ms.
    let broken: FastSet<&str> = loaded
        .problems
        .iter()
        .filter_map(|p| {
            let name = p.path.strip_prefix(paths::CONTACTS).ok()?.to_str()?;
            name.strip_suffix(".toml")
        })
        .collect();
    let keepable = files.ids().iter().zip(stamps).filter_map(|(id, stamp)| {
        let stamp = (*stamp).filter(|s| cache.settled(s))?;
        let whole = broken.is_empty() || !broken.contains(id.as_str());
        whole.then_some((id.as_str(), stamp))
    });
    heads_just(heads, keepable)
}
