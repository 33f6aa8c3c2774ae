//! One person's figures: time together month by month, how often you usually see them, and
//! the give/ask balance the brief shows.

use super::calendar::{YearMonth, months_ending};
use crate::journal::{Ix, Journal};
use crate::serve::Balance;
use crate::serve::brief::balance;
use chrono::NaiveDate;

/// Months in a person's series.
pub const PERSON_MONTHS: usize = 12;
/// How many of the latest gaps between meetings "usually" looks at: how often you see
/// someone now matters more than how often you did ten years ago.
pub const GAPS: usize = 12;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PersonStats {
    pub ix: Ix,
    /// Entries with them per month, oldest first, ending with this month.
    pub months: Vec<(YearMonth, u32)>,
    /// Every entry with them up to today.
    pub total: usize,
    pub first: Option<NaiveDate>,
    pub last: Option<NaiveDate>,
    /// "You usually see them every N weeks" (see `usual_gap_weeks`).
    pub usual_weeks: Option<u32>,
    pub balance: Balance,
}

/// One person's figures as of `today`: the series covers the last `PERSON_MONTHS` months, or
/// the months from `since` (held to `MAX_MONTHS`).
pub fn of_person(
    journal: &Journal,
    ix: Ix,
    today: NaiveDate,
    since: Option<NaiveDate>,
) -> Option<PersonStats> {
    journal.contact(ix)?;
    let count = match since.filter(|s| *s <= today) {
        Some(s) => (YearMonth::of(today).since(YearMonth::of(s)) + 1).max(1) as usize,
        None => PERSON_MONTHS,
    };
    let months = months_ending(today, count.min(super::MAX_MONTHS));
    let first_month = months[0];
    let mut counts: Vec<(YearMonth, u32)> = months.iter().map(|&m| (m, 0)).collect();
    let mut total = 0;
    let mut first = None;
    let mut last = None;
    let timeline: Vec<_> = journal
        .timeline_of(ix)
        .filter(|e| e.at.date_naive() <= today)
        .collect();
    for e in &timeline {
        let day = e.at.date_naive();
        total += 1;
        last = last.max(Some(day));
        first = Some(first.map_or(day, |f: NaiveDate| f.min(day)));
        let m = YearMonth::of(day).since(first_month);
        if let Some(slot) = usize::try_from(m).ok().and_then(|m| counts.get_mut(m)) {
            slot.1 += 1;
        }
    }
    Some(PersonStats {
        ix,
        months: counts,
        total,
        first,
        last,
        usual_weeks: usual_gap_weeks(journal, ix, today),
        balance: balance(&timeline, today),
    })
}

/// The median of the latest `GAPS` gaps between the days you saw someone, in whole weeks
/// (at least one). Several entries on one day are one meeting. `None` until there are two
/// days to measure between.
pub fn usual_gap_weeks(journal: &Journal, ix: Ix, today: NaiveDate) -> Option<u32> {
    let mut days: Vec<NaiveDate> = journal
        .timeline_of(ix)
        .map(|e| e.at.date_naive())
        .filter(|d| *d <= today)
        .collect();
    days.sort_unstable_by(|a, b| b.cmp(a));
    days.dedup();
    let mut gaps: Vec<i64> = days
        .windows(2)
        .take(GAPS)
        .map(|w| (w[0] - w[1]).num_days())
        .collect();
    if gaps.is_empty() {
        return None;
    }
    gaps.sort_unstable();
    let mid = gaps.len() / 2;
    // An even count takes the mean of the two middle gaps, in days, before rounding.
    let median = if gaps.len().is_multiple_of(2) {
        (gaps[mid - 1] + gaps[mid]) as f64 / 2.0
    } else {
        gaps[mid] as f64
    };
    Some(((median / 7.0).round() as u32).max(1))
}
