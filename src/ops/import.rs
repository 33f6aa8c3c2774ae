//! An import as one change: the people a plan adds and the additions to people already
//! here, written together through the store (one lock, every file checked before any is
//! written), described in one line, so history records it as one entry and undo takes it
//! back whole.

use super::OpError;
use crate::interchange::matching::add_missing;
use crate::interchange::preview::Plan;
use crate::sanitize::inert_line;
use crate::store::{Addition, ContactsWritten, Store};

/// A planned import, ready to write. `sources` are the files as named on the command line.
#[derive(Debug, Clone)]
pub struct Import {
    plan: Plan,
    sources: Vec<String>,
}

#[derive(Debug, Clone)]
pub struct Imported {
    pub written: ContactsWritten,
    /// "imported 212 people from contacts.vcf (180 new, 32 updated)"
    pub line: String,
}

impl Import {
    pub fn new(plan: Plan, sources: Vec<String>) -> Import {
        Import { plan, sources }
    }

    pub fn plan(&self) -> &Plan {
        &self.plan
    }

    /// "contacts.vcf", "a.vcf and b.csv", "3 files".
    pub fn from_words(&self) -> String {
        let names: Vec<String> = self
            .sources
            .iter()
            .map(|s| inert_line(s).into_owned())
            .collect();
        match names.as_slice() {
            [] => "nothing".into(),
            [one] => one.clone(),
            [a, b] => format!("{a} and {b}"),
            many => format!("{} files", many.len()),
        }
    }

    /// The description of an import that added `new` people and changed `updated` files.
    pub fn line(&self, new: usize, updated: usize) -> String {
        let people = new + updated;
        format!(
            "imported {people} {} from {} ({new} new, {updated} updated)",
            if people == 1 { "person" } else { "people" },
            self.from_words()
        )
    }

    /// Write the plan: nothing when it adds nothing.
    pub fn apply(self, store: &Store) -> Result<Imported, OpError> {
        if !self.plan.writes() {
            // "Everyone is here already" only when that is why: cards skipped (not a
            // contact file, no name, someone whose file does not load) are not here.
            let from = self.from_words();
            let line = match self.plan.skipped.len() {
                0 => format!(
                    "nothing to import from {from}: everyone in it is here already, with all it says"
                ),
                // No card here already: everything read was skipped (files and cards).
                _ if self.plan.matched.is_empty() => {
                    format!("nothing imported from {from}: all of it was skipped (see why above)")
                }
                n => format!(
                    "nothing imported from {from}: {n} skipped (see why above), the rest here already"
                ),
            };
            return Ok(Imported {
                written: ContactsWritten::default(),
                line,
            });
        }
        let new = self.plan.new.iter().map(|n| n.contact.clone()).collect();
        let additions: Vec<(String, Addition)> = self
            .plan
            .updates()
            .map(|m| {
                let cards = m.cards.clone();
                let add: Addition = Box::new(move |c| {
                    for card in &cards {
                        add_missing(c, card);
                    }
                });
                (m.id.clone(), add)
            })
            .collect();
        let written = store.write_contacts(new, additions)?;
        let line = self.line(written.created.len(), written.updated.len());
        super::finish(store, &line);
        Ok(Imported { written, line })
    }
}
