//! Follow-ups (promises): record one with its due day, yours or theirs, and mark one done.

use super::{Changed, Invalid, OpError, finish, non_empty};
use crate::model::{By, FollowUp};
use crate::sanitize::inert_line;
use crate::store::Store;
use crate::when::{When, parse_due};
use chrono::{NaiveDate, NaiveDateTime};

/// The day a follow-up is due, from what a person typed ("friday", "in 2 weeks", a date).
pub fn due_day(text: &str, now: NaiveDateTime) -> Result<NaiveDate, Invalid> {
    match parse_due(text, now) {
        Ok(When::Date(d)) => Ok(d),
        Ok(When::DateTime(dt)) => Ok(dt.date()),
        Err(e) => Err(Invalid(e.to_string())),
    }
}

/// A new follow-up, numbered after the person's others: your promise, or (`by(By::Them)`)
/// one they made you. Both share the numbering, so `rolo done WHO N` means one thing.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AddFollowUp {
    what: String,
    due: NaiveDate,
    /// For saying the due day ("tomorrow", "in 3 days").
    today: NaiveDate,
    by: By,
}

impl AddFollowUp {
    pub fn new(what: &str, due: NaiveDate, today: NaiveDate) -> Result<AddFollowUp, Invalid> {
        Ok(AddFollowUp {
            what: non_empty(what, "the follow-up")?,
            due,
            today,
            by: By::Me,
        })
    }

    /// Whose promise it is (yours unless said otherwise).
    pub fn by(self, by: By) -> AddFollowUp {
        AddFollowUp { by, ..self }
    }

    pub fn apply(self, store: &Store, contact: &str) -> Result<Changed, OpError> {
        let AddFollowUp {
            what,
            due,
            today,
            by,
        } = self;
        let mut number = 0;
        let saved = store.update_contact(contact, |c| {
            number = c.next_follow_up_id();
            c.follow_ups.push(FollowUp {
                id: number,
                what,
                due: Some(due),
                done: false,
                by,
            });
            Ok(())
        })?;
        // Said back as the file now holds it, so what is printed is what is stored.
        let stored = saved
            .value
            .follow_ups
            .iter()
            .rev()
            .find(|f| f.id == number)
            .and_then(|f| f.due)
            .unwrap_or(due);
        let name = inert_line(&saved.value.name).into_owned();
        let said = |d: NaiveDate| {
            format!(
                "{} ({})",
                d.format("%Y-%m-%d"),
                crate::when::say_day(d, today)
            )
        };
        let (line, status) = match by {
            By::Me => (
                format!("follow-up #{number} for {name} due {}", said(stored)),
                format!("follow-up due {}", said(due)),
            ),
            By::Them => (
                format!(
                    "follow-up #{number}, promised by {name}, expected {}",
                    said(stored)
                ),
                format!("their promise noted, expected {}", said(due)),
            ),
        };
        finish(store, &line);
        Ok(Changed {
            line,
            status,
            contact: saved.value,
            changed_outside: saved.changed_outside,
        })
    }
}

/// A follow-up marked done.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FollowUpDone {
    pub id: u32,
}

impl FollowUpDone {
    pub fn apply(self, store: &Store, contact: &str) -> Result<Changed, OpError> {
        let id = self.id;
        let mut missing = None;
        let mut what = String::new();
        let result = store.update_contact(contact, |c| {
            let name = c.name.clone();
            let Some(f) = c.follow_up_mut(id) else {
                missing = Some(OpError::NoFollowUp {
                    name,
                    follow_up: id,
                });
                return Err(String::new());
            };
            f.done = true;
            what = f.what.clone();
            Ok(())
        });
        let saved = result.map_err(|e| missing.unwrap_or(OpError::Store(e)))?;
        let line = format!("follow-up #{id} of {} done", inert_line(&saved.value.name));
        finish(store, &line);
        Ok(Changed {
            line,
            status: format!("done: {what}"),
            contact: saved.value,
            changed_outside: saved.changed_outside,
        })
    }
}
