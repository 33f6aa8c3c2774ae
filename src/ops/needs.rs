//! Needs: record one, mark one met or dropped, put one in new words, and mark one met the way
//! an intro said.

use super::{Changed, Invalid, NeedChanged, OpError, finish, non_empty};
use crate::model::{Need, NeedStatus};
use crate::sanitize::inert_line;
use crate::serve::NeedUpdate;
use crate::store::Store;
use chrono::NaiveDate;

/// A new open need, numbered after the person's others.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AddNeed {
    what: String,
    since: NaiveDate,
}

impl AddNeed {
    pub fn new(what: &str, since: NaiveDate) -> Result<AddNeed, Invalid> {
        Ok(AddNeed {
            what: non_empty(what, "the need")?,
            since,
        })
    }

    pub fn apply(self, store: &Store, contact: &str) -> Result<Changed, OpError> {
        let mut number = 0;
        let saved = store.update_contact(contact, |c| {
            number = c.next_need_id();
            c.needs.push(Need {
                id: number,
                what: self.what,
                since: self.since,
                status: NeedStatus::Open,
                met_on: None,
                how: None,
                not_a_fit: Vec::new(),
            });
            Ok(())
        })?;
        let name = inert_line(&saved.value.name).into_owned();
        let line = format!("need #{number} recorded for {name}");
        finish(store, &line);
        Ok(Changed {
            line,
            status: "need recorded".into(),
            contact: saved.value,
            changed_outside: saved.changed_outside,
        })
    }
}

/// A need marked met (on a day, perhaps with how) or dropped.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SetNeed {
    need: u32,
    status: NeedStatus,
    how: Option<String>,
    on: NaiveDate,
    shown: Option<String>,
}

impl SetNeed {
    /// A blank `how` keeps whatever the file said before.
    pub fn met(need: u32, how: Option<String>, on: NaiveDate) -> SetNeed {
        SetNeed {
            need,
            status: NeedStatus::Met,
            how: how.filter(|h| !h.trim().is_empty()),
            on,
            shown: None,
        }
    }

    pub fn dropped(need: u32, on: NaiveDate) -> SetNeed {
        SetNeed {
            need,
            status: NeedStatus::Dropped,
            how: None,
            on,
            shown: None,
        }
    }

    /// Only the open need that reads `what`, as the screen showed it when the person chose
    /// it: a number alone may mean another need by now (another terminal reworded or
    /// renumbered it, or marked it met, since).
    pub fn as_shown(self, what: &str) -> SetNeed {
        SetNeed {
            shown: Some(what.to_string()),
            ..self
        }
    }

    pub fn apply(self, store: &Store, contact: &str) -> Result<Changed, OpError> {
        let SetNeed {
            need,
            status,
            how,
            on,
            shown,
        } = self;
        let mut missing = None;
        // The description says how, as the intro's does: a history message and an undo label
        // read "need #2 of Aiko Tanaka marked met: intro to Sofia", not just "marked met".
        let said_how = how.as_deref().map(|h| format!(": {}", inert_line(h)));
        let result = store.update_contact(contact, |c| {
            let (name, id) = (c.name.clone(), c.id.clone());
            let Some(n) = c.need_mut(need) else {
                missing = Some(OpError::NoNeed {
                    name,
                    contact: id,
                    need,
                });
                return Err(String::new());
            };
            if let Some(shown) = &shown
                && (n.what != *shown || n.status != NeedStatus::Open)
            {
                missing = Some(OpError::NeedChanged(NeedChanged::of_open(&name, n)));
                return Err(String::new());
            }
            // Only an open need is marked: marking a met one dropped would take its day
            // away, and the screen and `rolo intro` refuse it too.
            if n.status != NeedStatus::Open {
                missing = Some(OpError::Refused(already_closed(&name, n)));
                return Err(String::new());
            }
            n.status = status;
            n.met_on = (status == NeedStatus::Met).then_some(on);
            n.how = how.or(n.how.take());
            Ok(())
        });
        let saved = result.map_err(|e| missing.unwrap_or(OpError::Store(e)))?;
        let name = inert_line(&saved.value.name).into_owned();
        let line = format!(
            "need #{need} of {name} marked {}{}",
            status.as_str(),
            said_how.unwrap_or_default()
        );
        finish(store, &line);
        Ok(Changed {
            line,
            status: format!("need marked {}", status.as_str()),
            contact: saved.value,
            changed_outside: saved.changed_outside,
        })
    }
}

/// Why a need that is not open is not marked again: what it is, and since when.
fn already_closed(name: &str, n: &Need) -> Invalid {
    let since = match n.met_on {
        Some(day) if n.status == NeedStatus::Met => format!(" (on {})", day.format("%-d %b %Y")),
        _ => String::new(),
    };
    Invalid(format!(
        "need #{} of {} is already {}{since}; nothing was written (`rolo edit` changes it by hand)",
        n.id,
        inert_line(name),
        n.status.as_str()
    ))
}

/// A need in new words; its number, dates and status stay.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RewordNeed {
    need: u32,
    what: String,
    shown: Option<String>,
}

impl RewordNeed {
    pub fn new(need: u32, what: &str) -> Result<RewordNeed, Invalid> {
        Ok(RewordNeed {
            need,
            what: non_empty(what, "the need")?,
            shown: None,
        })
    }

    /// Only while the need still reads `was`, the words the person started from: words
    /// changed meanwhile elsewhere are not written over unseen.
    pub fn as_shown(self, was: &str) -> RewordNeed {
        RewordNeed {
            shown: Some(was.to_string()),
            ..self
        }
    }

    pub fn apply(self, store: &Store, contact: &str) -> Result<Changed, OpError> {
        let RewordNeed { need, what, shown } = self;
        let mut missing = None;
        let result = store.update_contact(contact, |c| {
            let (name, id) = (c.name.clone(), c.id.clone());
            let Some(n) = c.need_mut(need) else {
                missing = Some(OpError::NoNeed {
                    name,
                    contact: id,
                    need,
                });
                return Err(String::new());
            };
            if shown.as_ref().is_some_and(|shown| n.what != *shown) {
                missing = Some(OpError::NeedChanged(NeedChanged::words(&name, n)));
                return Err(String::new());
            }
            n.what = what.clone();
            Ok(())
        });
        let saved = result.map_err(|e| missing.unwrap_or(OpError::Store(e)))?;
        let name = inert_line(&saved.value.name).into_owned();
        Ok(Changed {
            line: format!("need #{need} of {name} now reads: {}", inert_line(&what)),
            status: format!("need #{need} reworded"),
            contact: saved.value,
            changed_outside: saved.changed_outside,
        })
    }
}

/// The second half of an intro for a need: the need met, "introduced to B". Refused when the
/// need is gone or no longer open, so a late answer overwrites nothing.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MeetByIntro(pub NeedUpdate);

impl MeetByIntro {
    pub fn apply(self, store: &Store) -> Result<Changed, OpError> {
        let update = self.0;
        let saved = store.update_contact(&update.contact_id, |c| update.apply(c))?;
        let name = inert_line(&saved.value.name).into_owned();
        let how = inert_line(&update.how).into_owned();
        let line = format!("need #{} of {name} marked met: {how}", update.need_id);
        finish(store, &line);
        Ok(Changed {
            line,
            status: format!("need marked met: {}", update.how),
            contact: saved.value,
            changed_outside: saved.changed_outside,
        })
    }
}
