//! Reading a month for commands that need less than every entry whole: who and when of each
//! entry (`rolo list` over years of journal), or one person's entries. From the cache these
//! skip the notes of everyone else; without one they filter a plain `load_month`.

use crate::fasthash::FastMap;
use crate::store::{LocatedEntry, Month, Problem, Store, paths};
use chrono::{DateTime, FixedOffset, NaiveDate};

/// Who and when of one entry, for commands that need neither notes nor places.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Touch {
    pub id: String,
    pub at: DateTime<FixedOffset>,
    pub with: Vec<String>,
}

impl From<LocatedEntry> for Touch {
    fn from(l: LocatedEntry) -> Touch {
        Touch {
            id: l.entry.id,
            at: l.entry.at,
            with: l.entry.with,
        }
    }
}

impl Store {
    /// Every entry of the month file as a Touch, file order; errors exactly like `load_month`.
    pub fn month_touches(&self, month: Month) -> Result<Vec<Touch>, Problem> {
        let cached = self.cached_month(month, &paths::month(month));
        if let Some(touches) = cached.and_then(|c| c.touches()) {
            return Ok(touches);
        }
        Ok(self
            .parse_month(month)?
            .into_iter()
            .map(Touch::from)
            .collect())
    }

    /// The last day each person named in the month file was seen (an entry's own calendar
    /// day), one pair per person in no particular order; errors exactly like `load_month`.
    pub fn month_last_days(&self, month: Month) -> Result<Vec<(String, NaiveDate)>, Problem> {
        let cached = self.cached_month(month, &paths::month(month));
        if let Some(days) = cached.and_then(|c| c.last_days()) {
            return Ok(days);
        }
        let mut last: FastMap<String, NaiveDate> = FastMap::default();
        for l in self.parse_month(month)? {
            let day = l.entry.at.date_naive();
            for who in l.entry.with {
                let d = last.entry(who).or_insert(day);
                *d = (*d).max(day);
            }
        }
        Ok(last.into_iter().collect())
    }

    /// The month's entries that involve `contact`, file order; errors exactly like `load_month`.
    pub fn month_entries_with(
        &self,
        month: Month,
        contact: &str,
    ) -> Result<Vec<LocatedEntry>, Problem> {
        let involves = |with: &[String]| with.iter().any(|w| w == contact);
        let cached = self.cached_month(month, &paths::month(month));
        if let Some(entries) = cached.and_then(|c| c.entries(|t| involves(&t.with))) {
            return Ok(entries);
        }
        let mut all = self.parse_month(month)?;
        all.retain(|l| involves(&l.entry.with));
        Ok(all)
    }
}
