//! The "due" lists: people to reconnect with, promises coming due, birthdays coming up.
//! Everything is relative to `today`, passed in.

use crate::journal::{Ix, Journal, Overdue, UpcomingBirthday};
use chrono::NaiveDate;

/// People past their keep-in-touch rhythm. People with open needs come first (you can help),
/// then the most overdue, then by name. Any entry with a person resets their clock.
pub fn reconnect(journal: &Journal, today: NaiveDate) -> Vec<Overdue> {
    journal.overdue(today)
}

/// A promise you made, with how it stands today.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DueFollowUp {
    pub ix: Ix,
    pub id: u32,
    pub what: String,
    pub due: NaiveDate,
    /// Days past the due date: positive when late, 0 when due today, negative when ahead.
    pub days_late: i64,
}

/// Open follow-ups due on or before `today + ahead_days`, the longest overdue first (ties in
/// the order of contacts). Undated follow-ups are never "due".
pub fn follow_ups(journal: &Journal, today: NaiveDate, ahead_days: i64) -> Vec<DueFollowUp> {
    let until = today
        .checked_add_signed(chrono::Duration::days(ahead_days))
        .unwrap_or(today);
    due_list(journal.follow_ups_due(until), today)
}

/// The promises people made you that are due by today, the longest overdue first: what to
/// ask after ("waiting on").
pub fn waiting_on(journal: &Journal, today: NaiveDate) -> Vec<DueFollowUp> {
    due_list(journal.their_promises_due(today), today)
}

fn due_list(due: Vec<(Ix, &crate::model::FollowUp)>, today: NaiveDate) -> Vec<DueFollowUp> {
    due.into_iter()
        .filter_map(|(ix, f)| {
            let due = f.due?;
            Some(DueFollowUp {
                ix,
                id: f.id,
                what: f.what.clone(),
                due,
                days_late: (today - due).num_days(),
            })
        })
        .collect()
}

/// Birthdays from today through `days` ahead (inclusive), soonest first. A year-less birthday
/// has no age; Feb 29 is celebrated on Feb 28 in common years.
pub fn birthdays(journal: &Journal, today: NaiveDate, days: i64) -> Vec<UpcomingBirthday> {
    journal.birthdays(today, days)
}
