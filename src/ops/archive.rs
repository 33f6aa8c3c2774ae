//! Setting a person aside (`rolo archive`, the TUI's archive key) and bringing them back
//! (`rolo unarchive`): `archived = DAY` in their file, or the key gone. Someone archived is
//! out of the lists, reconnect and today, and still in timelines, `show`, search and the
//! names rolo resolves.

use super::{Changed, Invalid, OpError, finish};
use crate::model::Archived;
use crate::sanitize::inert_line;
use crate::store::Store;
use chrono::NaiveDate;

/// Archive a person, dated `on`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Archive {
    pub on: NaiveDate,
}

/// Bring an archived person back.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Unarchive;

impl Archive {
    pub fn apply(self, store: &Store, contact: &str) -> Result<Changed, OpError> {
        set(store, contact, Some(Archived::Since(self.on)))
    }
}

impl Unarchive {
    pub fn apply(self, store: &Store, contact: &str) -> Result<Changed, OpError> {
        set(store, contact, None)
    }
}

/// The file as it is now decides: archiving someone archived (or bringing back someone who
/// is not) is refused, and nothing is written.
fn set(store: &Store, contact: &str, to: Option<Archived>) -> Result<Changed, OpError> {
    let mut refused = None;
    let result = store.update_contact(contact, |c| {
        let name = inert_line(&c.name).into_owned();
        match (c.archived, to) {
            (Some(_), Some(_)) => {
                refused = Some(format!(
                    "{name} is archived already (`rolo unarchive {}` brings them back); nothing was written",
                    inert_line(&c.id)
                ));
                return Err(String::new());
            }
            (None, None) => {
                refused = Some(format!("{name} is not archived; nothing was written"));
                return Err(String::new());
            }
            _ => {}
        }
        c.archived = to;
        Ok(())
    });
    let saved = result.map_err(|e| match refused.take() {
        Some(why) => OpError::Refused(Invalid(why)),
        None => OpError::Store(e),
    })?;
    let name = inert_line(&saved.value.name).into_owned();
    let line = match to {
        Some(_) => format!("archived {name}"),
        None => format!("unarchived {name}"),
    };
    finish(store, &line);
    Ok(Changed {
        status: line.clone(),
        line,
        contact: saved.value,
        changed_outside: saved.changed_outside,
    })
}
