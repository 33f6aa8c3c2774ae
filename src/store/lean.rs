//! Partial reads of one month file, for commands that need less than whole entries.
//! Uncached stand-in: each reads the month in full; a derived cache replaces them.

use super::{LocatedEntry, Month, Problem, Store};

/// Who and when of one entry, for commands that need neither notes nor places.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Touch {
    pub id: String,
    pub at: chrono::DateTime<chrono::FixedOffset>,
    pub with: Vec<String>,
}

impl Store {
    /// Every entry of the month file as a Touch, file order; errors exactly like `load_month`.
    pub fn month_touches(&self, month: Month) -> Result<Vec<Touch>, Problem> {
        Ok(self
            .load_month(month)?
            .into_iter()
            .map(|l| Touch {
                id: l.entry.id,
                at: l.entry.at,
                with: l.entry.with,
            })
            .collect())
    }

    /// The month's entries that involve `contact`, file order; errors exactly like `load_month`.
    pub fn month_entries_with(
        &self,
        month: Month,
        contact: &str,
    ) -> Result<Vec<LocatedEntry>, Problem> {
        let mut entries = self.load_month(month)?;
        entries.retain(|l| l.entry.involves(contact));
        Ok(entries)
    }
}
