//! Adding a person: the card's fields, checked, then a new file under a fresh id.

use super::{Invalid, OpError, a_name, finish};
use crate::fold;
use crate::model::{Birthday, Contact};
use crate::sanitize::inert_line;
use crate::store::{Store, StoreError};
use chrono::NaiveDate;

/// The longest keep-in-touch rhythm a contact file may hold (a century), as the loader checks.
pub const MAX_EVERY_DAYS: u32 = 36_500;

/// What a person's card starts with, as typed (the birthday still text).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PersonFields {
    pub name: String,
    pub tags: Vec<String>,
    pub company: Option<String>,
    pub role: Option<String>,
    pub every: Option<u32>,
    pub email: Vec<String>,
    pub phone: Vec<String>,
    pub birthday: Option<String>,
    pub met: Option<String>,
    pub helps_with: Vec<String>,
}

/// A new person, checked and ready to be given an id and a file.
#[derive(Debug, Clone, PartialEq)]
pub struct AddPerson(Contact);

/// The person as saved, with the id the store chose.
#[derive(Debug, Clone)]
pub struct PersonAdded {
    pub contact: Contact,
    pub line: String,
    pub status: String,
}

impl AddPerson {
    /// Just a name, as the TUI's `a` asks for.
    pub fn named(name: &str) -> Result<AddPerson, Invalid> {
        AddPerson::new(PersonFields {
            name: name.to_string(),
            ..PersonFields::default()
        })
    }

    pub fn new(f: PersonFields) -> Result<AddPerson, Invalid> {
        let name = a_name(&f.name, "the name")?;
        let birthday = match &f.birthday {
            Some(b) => Some(birthday(b)?),
            None => None,
        };
        // Worded for the command line's flag, the only way to give a rhythm on creation.
        if f.every.is_some_and(|d| !(1..=MAX_EVERY_DAYS).contains(&d)) {
            return Err(Invalid(format!(
                "--every needs a number of days from 1 to {MAX_EVERY_DAYS}; nothing was written"
            )));
        }
        Ok(AddPerson(Contact {
            name,
            tags: f.tags,
            company: f.company,
            role: f.role,
            keep_in_touch_days: f.every,
            email: f.email,
            phone: f.phone,
            birthday,
            met: f.met,
            can_help_with: f.helps_with,
            ..Contact::default()
        }))
    }

    /// Refused when someone here has this name, or an alias equal to it, compared without
    /// case or accents: the person is probably here already (`rolo add --force` skips this).
    pub fn check_new<'c>(
        &self,
        contacts: impl IntoIterator<Item = &'c Contact>,
    ) -> Result<(), OpError> {
        match same_name(contacts, &self.0.name) {
            Some(c) => Err(OpError::Exists {
                name: c.name.clone(),
                id: c.id.clone(),
            }),
            None => Ok(()),
        }
    }

    pub fn apply(self, store: &Store) -> Result<PersonAdded, StoreError> {
        let saved = store.create_contact(self.0)?;
        let name = inert_line(&saved.name).into_owned();
        let line = format!("added {name} ({})", saved.id);
        finish(store, &line);
        Ok(PersonAdded {
            line,
            status: format!("added {name}"),
            contact: saved,
        })
    }
}

/// The first person whose name or an alias is `name`, once both are folded (case, accents).
pub fn same_name<'c>(
    contacts: impl IntoIterator<Item = &'c Contact>,
    name: &str,
) -> Option<&'c Contact> {
    let key = fold::key(name);
    if key.is_empty() {
        return None;
    }
    contacts
        .into_iter()
        .find(|c| fold::key(&c.name) == key || c.aliases.iter().any(|a| fold::key(a) == key))
}

/// "1990-12-10", or "12-10" when the year is unknown.
pub(super) fn birthday(text: &str) -> Result<Birthday, Invalid> {
    Birthday::parse_month_day(text)
        .or_else(|| {
            NaiveDate::parse_from_str(text.trim(), "%Y-%m-%d")
                .ok()
                .map(Birthday::Full)
        })
        .ok_or_else(|| {
            Invalid(format!(
                "cannot read birthday \"{}\"; write 1990-12-10, or 12-10 when the year is unknown",
                inert_line(text)
            ))
        })
}
