//! A brief of someone with an open need reads everyone's cards, since their helpers are
//! ranked against everyone. When the helpers are kept (`cmd/brief_cache.rs`) under the
//! cards as they are now, it needs only the person's card, the cards their entries name and
//! their helpers' cards. That the cards are as they were kept is told from a stat of each
//! against the names kept, with their content hashes (`Store::cards_as_kept`), not
//! from 10,000 decoded cards: on the large set that decode and the journal built on it were
//! most of a 60 ms brief. The person's entries are read meanwhile (`loads::one_person`),
//! and are the same whichever way the cards are read.

use crate::cmd::brief_cache::{self, KeptFor};
use crate::journal::Journal;
use crate::model::Entry;
use crate::store::StoreError;
use crate::store::{CardsAsKept, ContactFiles, Guessed, KeptNames, MonthsRead, StampsTaken, Store};

/// What trying a brief's kept helpers gave (`Kept::try_take`).
pub(super) enum Tried {
    /// The brief's journal, of only the cards it names.
    Taken(Box<Journal>),
    /// Everyone's cards are needed; what was read on the way, for that read to take: each
    /// card's stamp, or the person's entries.
    Not {
        stamps: Option<StampsTaken>,
        entries: Option<Result<MonthsRead<Entry>, StoreError>>,
    },
}

/// A brief whose helpers are kept, and the names kept, which may say no card changed since.
pub(super) struct Kept {
    files: ContactFiles,
    names: KeptNames,
    brief: KeptFor,
}

impl Kept {
    /// What a brief of `id` (whose card has an open need, as read or as the names kept say)
    /// may take, when its helpers are kept and the names kept are of the very cards listed in
    /// `files`;
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
        let means_them = match query {
            None => true,
            Some(q) => matches!(store.guess_by_name(&names, q), Guessed::One(found) if found == id),
        };
        let brief = means_them
            .then(|| brief_cache::kept_for(store, id))
            .flatten();
        let Some(brief) = brief else {
            // For the read of everyone's cards that follows.
            store.give_back_names(names);
            return None;
        };
        Some(Kept {
            files: files.clone(),
            brief,
            names,
        })
    }

    /// The brief's journal of only the cards it names (`check`, then `take`, with `entries`,
    /// the person's, read meanwhile); else what was read on the way, the names kept handed
    /// back for the read of everyone's cards.
    pub(super) fn try_take(
        &self,
        store: &Store,
        id: &str,
        query: &str,
        entries: impl FnOnce() -> Option<Result<MonthsRead<Entry>, StoreError>>,
    ) -> Tried {
        let not = match self.check(store) {
            Err(stamps) => Tried::Not {
                stamps: Some(stamps),
                entries: None,
            },
            Ok(cards) => match entries() {
                Some(Ok(read)) => match self.take(store, id, query, &cards, read) {
                    Ok(journal) => return Tried::Taken(journal),
                    Err(read) => Tried::Not {
                        stamps: None,
                        entries: Some(Ok(read)),
                    },
                },
                other => Tried::Not {
                    stamps: None,
                    entries: other,
                },
            },
        };
        self.give_back_names(store);
        not
    }

    /// Every card, when each is as the names kept have it by a stamp taken now and the
    /// helpers were kept under them; else the stamps taken, for the read of everyone's cards.
    fn check(&self, store: &Store) -> Result<CardsAsKept, StampsTaken> {
        let taken = store.stamps_taken(&self.files);
        match store.cards_as_kept(&self.names, &taken) {
            Some(cards) if self.brief.is_under(store, cards.digest) => Ok(cards),
            _ => Err(taken),
        }
    }

    /// The names kept, handed back for the read of everyone's cards to take (`check` or
    /// `take` said it is needed), instead of reading them again.
    fn give_back_names(&self, store: &Store) {
        store.give_back_names(self.names.clone());
    }

    /// The brief's journal: `id`'s card, its helpers' and those `entries` name, when each
    /// loads whole, with the content it had at the check (`cards`), and the kept helpers fit
    /// the card as read. A card changed since its stamp was taken says otherwise, and the
    /// entries are handed back.
    pub(super) fn take(
        &self,
        store: &Store,
        id: &str,
        query: &str,
        cards: &CardsAsKept,
        entries: MonthsRead<Entry>,
    ) -> Result<Box<Journal>, MonthsRead<Entry>> {
        let Some(journal) = self.cards(store, id, cards, &entries) else {
            return Err(entries);
        };
        let journal = journal.with_entries_of_one(entries).holding_only_some();
        if let Some(ix) = journal.ix(id) {
            // The command resolves the name again; among only these cards it could resolve
            // to someone else.
            journal.note_resolved(query, ix);
        }
        crate::cmd::cards_key::debug("the brief reads only the cards it names");
        Ok(Box::new(journal))
    }

    fn cards(
        &self,
        store: &Store,
        id: &str,
        cards: &CardsAsKept,
        entries: &MonthsRead<Entry>,
    ) -> Option<Journal> {
        let named = entries
            .items
            .iter()
            .flat_map(|e| e.with.iter().map(String::as_str));
        let ids = std::iter::once(id)
            .chain(self.brief.helper_ids())
            .chain(named);
        let loaded = store.load_contacts_named(&self.files, ids).ok()?;
        // Each card as it was when the stamps were taken: the helpers were kept for those.
        let as_checked = |c: &crate::model::Contact| {
            let seen = store.seen_hash(&crate::store::paths::contact(&c.id));
            seen.is_some() && seen == cards.hash_of(&c.id)
        };
        if !loaded.problems.is_empty() || !loaded.contacts.iter().all(as_checked) {
            return None;
        }
        let journal = Journal::new(loaded);
        let ix = journal.ix(id)?;
        self.brief.fits(&journal, ix).then_some(journal)
    }
}

#[cfg(test)]
mod tests {
    use super::Kept;
    use crate::store::Store;
    use clap::Parser;
    use std::path::Path;
    use std::time::Duration;

    fn store(data: &Path, cache: &Path) -> Store {
        Store::on_disk(data)
            .with_cache(cache)
            .cache_settle_after(Duration::ZERO)
    }

    /// `rolo brief WHO` as the binary runs it, cache flushed after.
    fn brief(store: &Store, who: &str) -> String {
        let parsed = crate::cli::Cli::try_parse_from(["rolo", "brief", who])
            .ok()
            .and_then(|cli| cli.command)
            .unwrap_or_else(|| panic!("parsed"));
        let needs = crate::loads::needs(&parsed, crate::clock::now());
        let journal = crate::loads::journal_for(store, &needs).unwrap_or_else(|e| panic!("{e}"));
        let mut out = Vec::new();
        let mut ctx = crate::cmd::Ctx {
            store,
            history: None,
            journal,
            now: crate::clock::now(),
            out: &mut out,
        };
        crate::cmd::run(parsed, &mut ctx).unwrap_or_else(|e| panic!("{}", e.0));
        let _ = store.flush_cache();
        String::from_utf8(out).unwrap_or_default()
    }

    /// A card changed after the check took its stamp and before it is read: the helpers kept
    /// were ranked for the card as it was, so what was read is handed back, not taken.
    #[test]
    fn a_card_changed_between_the_check_and_its_read_is_not_taken() {
        let (data, cache) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
        crate::demo::install(data.path()).unwrap();
        let first = brief(&store(data.path(), cache.path()), "aiko-tanaka");
        assert!(first.contains("Open needs"), "{first}");
        let s = store(data.path(), cache.path());
        let files = s.contact_files().unwrap();
        let kept = Kept::of(&s, &files, "aiko-tanaka", None).unwrap_or_else(|| panic!("kept"));
        let cards = kept.check(&s).unwrap_or_else(|_| panic!("as kept"));
        let entries = || s.load_newest(Some("aiko-tanaka"), usize::MAX).unwrap();
        let id = "aiko-tanaka";
        assert!(
            kept.take(&s, id, id, &cards, entries()).is_ok(),
            "as checked"
        );
        let card = data.path().join("contacts/aiko-tanaka.toml");
        let text = std::fs::read_to_string(&card).unwrap();
        let reworded = text.replace("settlement permit", "sourdough baking course");
        assert_ne!(text, reworded);
        std::fs::write(&card, reworded).unwrap();
        let s = store(data.path(), cache.path());
        assert!(
            kept.take(&s, id, id, &cards, entries()).is_err(),
            "changed since"
        );
    }
}
