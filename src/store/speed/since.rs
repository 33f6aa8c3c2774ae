//! Every entry from some moment on, read from as few month files as the month index allows
//! (`rolo stats`: its figures count entries from the oldest day of its period and, for the
//! keep-in-touch rhythm, each person's last day before it). Every month file is looked at: a
//! month the index does not know as it is now is read whole (so its errors are a full
//! load's), as is every month whose newest entry is at or after the moment. The others are
//! not opened; the index gives each person's last day in them.

use super::cache::month_index::{Learned, instant};
use super::lean_load::MonthsRead;
use crate::model::Entry;
use crate::store::{Problem, Store, StoreError};
use crate::threads::{default_threads, map_in_order};
use chrono::{DateTime, FixedOffset, NaiveDate};

/// What `load_since` read: every entry of the months read, month by month in file order (as
/// a load reads them), their errors, and for the months not read each person's last day.
pub struct SinceRead {
    pub entries: MonthsRead<Entry>,
    pub before: Vec<(String, NaiveDate)>,
}

impl Store {
    /// The months that may hold an entry at or after `from`, whole; see the module's comment.
    pub fn load_since(&self, from: &DateTime<FixedOffset>) -> Result<SinceRead, StoreError> {
        let from = instant(from);
        let index = self.month_index();
        let (months, stamps) = self.survey(&index)?;
        // Read: a month the index does not know, or whose newest entry is not older.
        let wanted: Vec<bool> = stamps
            .iter()
            .map(|(_, known)| known.is_none_or(|s| s.newest.is_some_and(|n| n >= from)))
            .collect();
        let read_ix: Vec<usize> = (0..months.len()).filter(|&i| wanted[i]).collect();
        let read = map_in_order(&read_ix, default_threads(), |&i| {
            let entries = self.month_whole(months[i])?;
            let learned = stamps[i].1.is_none().then(|| {
                Learned::of(
                    stamps[i].0,
                    entries.iter().map(|l| (&l.entry.at, &l.entry.with[..])),
                )
            });
            Ok::<_, Problem>((learned, entries))
        });
        let mut learned = Vec::new();
        let mut errors = Vec::new();
        let mut items = Vec::new();
        for (&i, result) in read_ix.iter().zip(read) {
            match result {
                Ok((l, entries)) => {
                    learned.extend(l.map(|l| (months[i], l)));
                    items.extend(entries.into_iter().map(|l| l.entry));
                }
                Err(p) => errors.push(p),
            }
        }
        // Each person's last day in the months not read.
        let before = index.last_days_in(
            stamps
                .iter()
                .enumerate()
                .filter(|(i, _)| !wanted[*i])
                .filter_map(|(_, (_, known))| *known),
        );
        self.update_index(&index, &months, &stamps, learned);
        Ok(SinceRead {
            entries: MonthsRead { items, errors },
            before: before.into_iter().collect(),
        })
    }
}
