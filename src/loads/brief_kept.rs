//! A brief of someone with an open need reads everyone's cards, since their helpers are
//! ranked against everyone. When the helpers are kept (`cmd/brief_cache.rs`) under the
//! cards as they are now, it needs only the person's card, the cards their entries name and
//! their helpers' cards. That the cards are as they were kept is told from a stat of each
//! against the names kept, with their content hashes (`Store::cards_digest_as_kept`), not
//! from 10,000 decoded cards: on the large set that decode and the journal built on it were
//! most of a 60 ms brief. The person's entries are read meanwhile (`loads::one_person`),
//! and are the same whichever way the cards are read.

use crate::cmd::brief_cache::{self, KeptFor};
use crate::journal::Journal;
use crate::model::Entry;
use crate::store::{ContactFiles, Guessed, KeptNames, MonthsRead, StampsTaken, Store};

/// A brief whose helpers are kept, and the names kept, which may say no card changed since.
pub(super) struct Kept {
    files: ContactFiles,
    names: KeptNames,
    brief: KeptFor,
}

impl Kept {
    /// What a brief of `id` (whose card the names kept say has an open need) may take, when
    /// its helpers are kept and the names kept are of the very cards listed in `files`;
    /// `query` is what was typed when it was a name (the names kept must say it means `id`).
    /// All told without a stat: `None` for a card added, removed or that does not load, or
    /// nothing kept for them (the first brief, or another person in the slot).
    pub(super) fn of(
        store: &Store,
        files: &ContactFiles,
        id: &str,
        query: Option<&str>,
    ) -> Option<Kept> {
        let names = store.names_kept_of(files)?;
        if let Some(q) = query
            && !matches!(store.guess_by_name(&names, q), Guessed::One(found) if found == id)
        {
            return None;
        }
        Some(Kept {
            files: files.clone(),
            brief: brief_cache::kept_for(store, id)?,
            names,
        })
    }

    /// The digest of every card when each is as the names kept have it and the helpers
    /// were kept under it; else the stamps taken, for the read of everyone's cards.
    pub(super) fn check(&self, store: &Store) -> Result<u64, Option<StampsTaken>> {
        match store.cards_digest_as_kept(&self.files, &self.names) {
            Ok(digest) if self.brief.is_under(store, digest) => Ok(digest),
            Ok(_) => Err(None),
            Err(stamps) => Err(Some(stamps)),
        }
    }

    /// The brief's journal: `id`'s card, its helpers' and those `entries` name, when each
    /// loads whole and the kept helpers fit the card as read (a card changed since its stat
    /// says otherwise, and the entries are handed back). `digest` is from `check`.
    pub(super) fn take(
        &self,
        store: &Store,
        id: &str,
        query: Option<&str>,
        digest: u64,
        entries: MonthsRead<Entry>,
    ) -> Result<Box<Journal>, MonthsRead<Entry>> {
        let Some(journal) = self.cards(store, id, &entries) else {
            return Err(entries);
        };
        let journal = journal
            .with_entries_of_one(entries)
            .with_cards_digest(digest);
        if let (Some(q), Some(ix)) = (query, journal.ix(id)) {
            // The command resolves the name again; among only these cards it could resolve
            // to someone else.
            journal.note_resolved(q, ix);
        }
        crate::cmd::cards_key::debug("the brief reads only the cards it names");
        Ok(Box::new(journal))
    }

    fn cards(&self, store: &Store, id: &str, entries: &MonthsRead<Entry>) -> Option<Journal> {
        let named = entries
            .items
            .iter()
            .flat_map(|e| e.with.iter().map(String::as_str));
        let ids = std::iter::once(id)
            .chain(self.brief.helper_ids())
            .chain(named);
        let loaded = store.load_contacts_named(&self.files, ids).ok()?;
        if !loaded.problems.is_empty() {
            return None;
        }
        let journal = Journal::new(loaded);
        let ix = journal.ix(id)?;
        self.brief.fits(&journal, ix).then_some(journal)
    }
}
