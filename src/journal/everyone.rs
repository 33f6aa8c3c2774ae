//! A journal can hold fewer cards than the folder has: a brief whose helpers are kept reads
//! only the person's card, their helpers' and the cards their entries name (`loads`). What
//! it keeps answers under is a digest of every card (`cmd/cards_key.rs`), which such a
//! journal cannot make from its own cards, so the load that read less notes the digest of
//! everyone here, as the names kept gave it. It holds only while the contacts are as loaded
//! (their `generation`): any change to them means the digest no longer says what they are.

use super::Journal;

/// The digest of every card, and the `generation` of the contacts it was noted for.
#[derive(Default)]
pub(super) struct Everyone(Option<(u64, u64)>);

impl Journal {
    /// This journal, noting `digest` as the `store::CardsDigest` of every card in the
    /// folder, of which it holds only some.
    pub fn with_cards_digest(mut self, digest: u64) -> Journal {
        self.everyone = Everyone(Some((self.generation(), digest)));
        self
    }

    /// Whether this journal was noted as holding only some of the cards: whatever changed
    /// since, it cannot stand for everyone (rank helpers, say).
    pub fn holds_only_some(&self) -> bool {
        self.everyone.0.is_some()
    }

    /// The digest noted by `with_cards_digest`, while the contacts are as they were then.
    pub fn cards_digest_noted(&self) -> Option<u64> {
        let Everyone(noted) = &self.everyone;
        noted
            .filter(|(generation, _)| *generation == self.generation())
            .map(|(_, digest)| digest)
    }
}

#[cfg(test)]
mod tests {
    use crate::journal::Journal;
    use crate::model::{Contact, Loaded};

    #[test]
    fn the_digest_holds_only_until_the_contacts_change() {
        let loaded = Loaded {
            contacts: vec![Contact::new("ada", "Ada")],
            ..Loaded::default()
        };
        let whole = Journal::new(Loaded::default());
        assert_eq!(whole.cards_digest_noted(), None);
        assert!(!whole.holds_only_some());
        let mut j = Journal::new(loaded).with_cards_digest(42);
        assert_eq!(j.cards_digest_noted(), Some(42));
        j.upsert_contact(Contact::new("ada", "Ada Lovelace"));
        assert_eq!(j.cards_digest_noted(), None);
        assert!(j.holds_only_some(), "still only some cards");
    }
}
