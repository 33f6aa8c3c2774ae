//! iCalendar (RFC 5545) through the icalendar crate: each birthday as a yearly all-day event
//! and each open promise with a due date as an all-day event on that day.
//!
//! UIDs are made from what never changes (the person's id, the promise's number), so a
//! calendar that imports the file again updates its events instead of adding copies.
//!
//! A birthday without a year starts in 2000: a year is needed to start a yearly event, one
//! in the past makes every coming year show, and 2000 is a leap year, so a 29 February
//! birthday starts on a real day. A 29 February birthday repeats on the last day of
//! February (`BYMONTHDAY=-1`), which is the 28th in common years, the day rolo itself
//! celebrates it on; a plain yearly rule would skip three years in four.

use super::People;
use crate::journal::Journal;
use crate::model::{Birthday, Contact};
use chrono::{DateTime, Days, NaiveDate, Utc};
use icalendar::{Calendar, Component, Event, EventLike};

/// The year a birthday without one starts in (see the module comment).
pub const BASE_YEAR: i32 = 2000;

pub fn birthday_uid(id: &str) -> String {
    format!("birthday-{id}@rolo")
}

pub fn promise_uid(id: &str, number: u32) -> String {
    format!("promise-{id}-{number}@rolo")
}

/// `now` is the stamp every event carries (`DTSTAMP`), so the same journal exported at the
/// same moment gives the same text.
pub fn render(j: &Journal, people: People, now: DateTime<Utc>) -> String {
    let mut cal = Calendar::new();
    cal.name("rolo: birthdays and promises");
    for c in people.iter().filter_map(|&ix| j.contact(ix)) {
        if let Some(b) = c.birthday
            && let Some(event) = birthday(c, b, now)
        {
            cal.push(event);
        }
        for f in c.follow_ups.iter().filter(|f| !f.done) {
            let Some(due) = f.due else { continue };
            let Some(end) = due.checked_add_days(Days::new(1)) else {
                continue;
            };
            cal.push(
                Event::new()
                    .uid(&promise_uid(&c.id, f.id))
                    .timestamp(now)
                    .summary(&format!(
                        // Whose promise it is, as the brief says: one they made you is not
                        // yours to keep.
                        "{} {}: {}",
                        if f.is_theirs() {
                            "Promise from"
                        } else {
                            "Promise to"
                        },
                        one_line(&c.name),
                        one_line(&f.what)
                    ))
                    .description(&format!("rolo done {} {}", c.id, f.id))
                    .starts(due)
                    .ends(end)
                    .done(),
            );
        }
    }
    cal.done().to_string()
}

fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn birthday(c: &Contact, b: Birthday, now: DateTime<Utc>) -> Option<Event> {
    let (m, d) = b.month_day();
    let start = match b {
        Birthday::Full(day) => day,
        Birthday::MonthDay(..) => NaiveDate::from_ymd_opt(BASE_YEAR, m, d)?,
    };
    let end = start.checked_add_days(Days::new(1))?;
    let rule = if (m, d) == (2, 29) {
        "FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=-1"
    } else {
        "FREQ=YEARLY"
    };
    let summary = format!("{}'s birthday", one_line(&c.name));
    let mut event = Event::new();
    event
        .uid(&birthday_uid(&c.id))
        .timestamp(now)
        .summary(&summary)
        .starts(start)
        .ends(end)
        .add_property("RRULE", rule)
        .add_property("TRANSP", "TRANSPARENT");
    if let Some(y) = b.year() {
        event.description(&format!("born {y}"));
    }
    Some(event.done())
}
