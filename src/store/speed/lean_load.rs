//! Lean loads for commands that need less than the whole journal: `list`, `due` and `today`
//! need the contacts and who was seen when; `brief`, `show` and `timeline WHO` need one
//! person's entries. They read the same files as `load` and report the same errors (the
//! files that did not load), in the same order; the warnings, which only `rolo check` lists
//! and which it gets from a full load, are left out.

use super::touch::Touch;
use crate::model::Entry;
use crate::store::{Loaded, Month, Problem, Severity, Store, StoreError};
use crate::threads::{default_threads, map_in_order};
use chrono::NaiveDate;

/// What was read from the month files, and the months that did not load.
#[derive(Debug)]
pub struct MonthsRead<T> {
    /// Month by month, oldest first, each in file order.
    pub items: Vec<T>,
    /// The month files that did not load, oldest first, as a full load reports them.
    pub errors: Vec<Problem>,
}

impl Store {
    /// Every contact, and the contact files that did not load (a full load's first errors).
    pub fn load_contacts_lean(&self) -> Result<Loaded, StoreError> {
        let mut loaded = self.load_contacts_only()?;
        loaded.problems.retain(|p| p.severity == Severity::Error);
        Ok(loaded)
    }

    /// Who and when of every entry, month by month.
    pub fn load_touches(&self) -> Result<MonthsRead<Touch>, StoreError> {
        self.read_months(|month| self.month_touches(month))
    }

    /// The last day each person was seen, per month (`month_last_days`): what `list` needs,
    /// without an allocation per entry.
    /// With a cache, through its month index (`newest.rs`): one pair per person.
    pub fn load_last_days(&self) -> Result<MonthsRead<(String, NaiveDate)>, StoreError> {
        if self.cache.is_some() {
            return self.last_days_indexed();
        }
        self.read_months(|month| self.month_last_days(month))
    }

    /// The entries that involve `contact`, month by month.
    pub fn load_entries_with(&self, contact: &str) -> Result<MonthsRead<Entry>, StoreError> {
        let read = self.read_months(|month| self.month_entries_with(month, contact))?;
        Ok(MonthsRead {
            items: read.items.into_iter().map(|l| l.entry).collect(),
            errors: read.errors,
        })
    }

    fn read_months<T: Send>(
        &self,
        read: impl Fn(Month) -> Result<Vec<T>, Problem> + Sync,
    ) -> Result<MonthsRead<T>, StoreError> {
        let months = self.months()?;
        let mut all = MonthsRead {
            items: Vec::new(),
            errors: Vec::new(),
        };
        for result in map_in_order(&months, default_threads(), |&m| read(m)) {
            match result {
                Ok(mut items) => all.items.append(&mut items),
                Err(p) => all.errors.push(p),
            }
        }
        Ok(all)
    }
}
