//! `rolo edit WHO --set KEY=VALUE`: a person's single-valued fields set without an editor.
//! The change goes through `Store::update_contact`, which edits only the keys that changed,
//! so comments and keys rolo does not know stay as they were.

use super::describe::person_line;
use crate::model::{Birthday, Contact};
use crate::ops::person::{MAX_EVERY_DAYS, birthday};
use crate::ops::{Changed, Invalid, OpError};
use crate::sanitize::inert_line;
use crate::store::Store;

/// The keys `--set` knows: the contact file's own names for them.
pub const KEYS: [&str; 8] = [
    "name",
    "role",
    "company",
    "email",
    "phone",
    "birthday",
    "met",
    "keep_in_touch_days",
];

/// One field's new value, checked; `None` and empty lists remove the key.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Field {
    Name(String),
    Role(Option<String>),
    Company(Option<String>),
    Email(Vec<String>),
    Phone(Vec<String>),
    Birthday(Option<Birthday>),
    Met(Option<String>),
    Every(Option<u32>),
}

/// Fields to set on one person, in the order given (a key given twice: the last one counts).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SetFields(Vec<Field>);

impl SetFields {
    /// Each `KEY=VALUE` checked before anything is read or written. An empty value removes
    /// the key (the name excepted); `email` and `phone` take several values split by commas.
    pub fn parse(pairs: &[String]) -> Result<SetFields, Invalid> {
        pairs
            .iter()
            .map(|p| field(p))
            .collect::<Result<_, _>>()
            .map(SetFields)
    }

    pub fn apply(self, store: &Store, contact: &str) -> Result<Changed, OpError> {
        let mut before = None;
        let saved = store.update_contact(contact, |c| {
            before = Some(c.clone());
            for f in self.0 {
                f.set(c);
            }
            Ok(())
        })?;
        let written = before.as_ref() != Some(&saved.value);
        let line = person_line(before.as_ref(), &saved.value, written);
        crate::ops::finish(store, &line);
        Ok(Changed {
            line,
            status: format!("saved {}", inert_line(&saved.value.name)),
            contact: saved.value,
            changed_outside: saved.changed_outside,
        })
    }
}

fn refused(why: String) -> Invalid {
    Invalid(format!("{why}; nothing was written"))
}

fn field(pair: &str) -> Result<Field, Invalid> {
    let Some((key, value)) = pair.split_once('=') else {
        return Err(refused(format!(
            "--set needs KEY=VALUE, not \"{}\"",
            inert_line(pair)
        )));
    };
    let value = value.trim();
    let text = || (!value.is_empty()).then(|| value.to_string());
    let list = || {
        value
            .split(',')
            .map(str::trim)
            .filter(|v| !v.is_empty())
            .map(str::to_string)
            .collect()
    };
    // `keep-in-touch-days` reads as the file's `keep_in_touch_days`.
    Ok(match key.trim().replace('-', "_").as_str() {
        "name" if value.is_empty() => {
            return Err(refused("the name cannot be removed, only changed".into()));
        }
        "name" => Field::Name(value.to_string()),
        "role" => Field::Role(text()),
        "company" => Field::Company(text()),
        "email" => Field::Email(list()),
        "phone" => Field::Phone(list()),
        "met" => Field::Met(text()),
        "birthday" if value.is_empty() => Field::Birthday(None),
        "birthday" => Field::Birthday(Some(birthday(value).map_err(|e| refused(e.0))?)),
        "keep_in_touch_days" if value.is_empty() => Field::Every(None),
        "keep_in_touch_days" => Field::Every(Some(days(value)?)),
        _ => {
            return Err(refused(format!(
                "--set does not know the key \"{}\"; it knows {}",
                inert_line(key.trim()),
                KEYS.join(", ")
            )));
        }
    })
}

/// A keep-in-touch rhythm, within what the loader accepts.
fn days(value: &str) -> Result<u32, Invalid> {
    value
        .parse::<u32>()
        .ok()
        .filter(|d| (1..=MAX_EVERY_DAYS).contains(d))
        .ok_or_else(|| {
            refused(format!(
                "keep_in_touch_days needs a number of days from 1 to {MAX_EVERY_DAYS}, not \"{}\"",
                inert_line(value)
            ))
        })
}

impl Field {
    fn set(self, c: &mut Contact) {
        match self {
            Field::Name(v) => c.name = v,
            Field::Role(v) => c.role = v,
            Field::Company(v) => c.company = v,
            Field::Email(v) => c.email = v,
            Field::Phone(v) => c.phone = v,
            Field::Birthday(v) => c.birthday = v,
            Field::Met(v) => c.met = v,
            Field::Every(v) => c.keep_in_touch_days = v,
        }
    }
}
