//! A journal can hold fewer cards than the folder has: a brief whose helpers are kept reads
//! only the person's card, their helpers' and the cards their entries name, and `timeline`,
//! `show` and a brief with no open need read only the cards they print (`loads`). Such a
//! journal says so, so nothing takes it for everyone: helpers ranked against it would name
//! the wrong people (`cmd/brief_cache.rs` refuses to).

use super::Journal;

impl Journal {
    /// This journal, marked as holding only some of the cards in the folder.
    pub fn holding_only_some(mut self) -> Journal {
        self.only_some = true;
        self
    }

    /// Whether it holds only some of the cards (`holding_only_some`).
    pub fn holds_only_some(&self) -> bool {
        self.only_some
    }
}

#[cfg(test)]
mod tests {
    use crate::journal::Journal;
    use crate::model::{Contact, Loaded};

    #[test]
    fn only_some_stays_only_some_through_changes() {
        let loaded = Loaded {
            contacts: vec![Contact::new("ada", "Ada")],
            ..Loaded::default()
        };
        assert!(!Journal::new(Loaded::default()).holds_only_some());
        let mut j = Journal::new(loaded).holding_only_some();
        assert!(j.holds_only_some());
        j.upsert_contact(Contact::new("ada", "Ada Lovelace"));
        assert!(j.holds_only_some(), "still only some cards");
    }
}
