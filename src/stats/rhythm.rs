//! The share of people within the keep-in-touch rhythm you set for them, today and at the end
//! of each month.

use super::{MonthRow, Share, counted};
use crate::journal::Journal;
use chrono::NaiveDate;

/// Today, by the journal's own rule (`Journal::overdue_by`): someone never seen is outside
/// their rhythm, so this agrees with the reconnect list.
pub fn now(journal: &Journal, today: NaiveDate) -> Share {
    let mut share = Share::default();
    for (ix, c) in journal.contacts().iter().enumerate() {
        if c.keep_in_touch_days.is_none() || !counted(c) {
            continue;
        }
        share.of += 1;
        share.within += u32::from(journal.overdue_by(ix, today).is_none());
    }
    share
}

/// At each month's end (today for this month): among people with a rhythm whom you had seen
/// by then, those whose last entry was within it. People not met yet by a month are left out
/// of it, so a friendship that began in June does not count as drifting in January.
pub fn over_time(journal: &Journal, today: NaiveDate, rows: &mut [MonthRow]) {
    let ends: Vec<NaiveDate> = rows
        .iter()
        .map(|r| r.month.last_day().unwrap_or(today).min(today))
        .collect();
    let mut days: Vec<NaiveDate> = Vec::new();
    for (ix, c) in journal.contacts().iter().enumerate() {
        let Some(rhythm) = c.keep_in_touch_days.filter(|_| counted(c)) else {
            continue;
        };
        days.clear();
        // Newest first in the journal; oldest first here, for the search below.
        days.extend(journal.timeline_of(ix).rev().map(|e| e.at.date_naive()));
        // A journal of recent months only: the last day in the months it left out.
        days.extend(journal.seen_before_loaded(ix));
        days.sort_unstable();
        for (row, end) in rows.iter_mut().zip(&ends) {
            let seen = days.partition_point(|d| d <= end);
            let Some(last) = seen.checked_sub(1).map(|i| days[i]) else {
                continue;
            };
            row.in_rhythm.of += 1;
            row.in_rhythm.within += u32::from((*end - last).num_days() <= i64::from(rhythm));
        }
    }
}
