//! What search looks in, and how each place is named in a hit: a person's name, aliases,
//! tags, company, role, email, phone, what they can help with, needs, promises, notes and how
//! you met, and every timeline entry (its note, what you gave and what you asked).

use crate::journal::Journal;
use crate::model::{Contact, Entry, NeedStatus};
use chrono::{DateTime, Datelike, FixedOffset, NaiveDate};
use std::borrow::Cow;

/// Where a hit is: a field of a person's card, or an entry of the timeline.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Place {
    Name,
    Alias(u32),
    Tag(u32),
    Company,
    Role,
    Email(u32),
    Phone(u32),
    CanHelp(u32),
    /// A need, by its number.
    Need(u32),
    /// A promise (follow-up), by its number.
    Promise(u32),
    Notes,
    Met,
    Entry {
        at: DateTime<FixedOffset>,
        id: String,
    },
}

impl Place {
    /// Fields in the order a card lists them; entries after every field.
    pub fn order(&self) -> u8 {
        match self {
            Place::Name => 0,
            Place::Alias(_) => 1,
            Place::Tag(_) => 2,
            Place::Company => 3,
            Place::Role => 4,
            Place::CanHelp(_) => 5,
            Place::Need(_) => 6,
            Place::Promise(_) => 7,
            Place::Notes => 8,
            Place::Met => 9,
            Place::Email(_) => 10,
            Place::Phone(_) => 11,
            Place::Entry { .. } => 12,
        }
    }

    /// A name or an alias: a hit on who someone is, listed before the rest.
    pub fn is_name(&self) -> bool {
        matches!(self, Place::Name | Place::Alias(_))
    }

    /// How a hit says where it is: "need #1", "note, Sun 25 Oct", "can help with".
    pub fn label(&self, journal: &Journal, person: Option<&str>, today: NaiveDate) -> String {
        match self {
            Place::Name => "name".into(),
            Place::Alias(_) => "also known as".into(),
            Place::Tag(_) => "tag".into(),
            Place::Company => "company".into(),
            Place::Role => "role".into(),
            Place::Email(_) => "email".into(),
            Place::Phone(_) => "phone".into(),
            Place::CanHelp(_) => "can help with".into(),
            Place::Need(n) => {
                let status = person
                    .and_then(|p| journal.by_id(p))
                    .and_then(|c| c.need(*n))
                    .map(|need| need.status);
                match status {
                    Some(NeedStatus::Met) => format!("need #{n}, met"),
                    Some(NeedStatus::Dropped) => format!("need #{n}, dropped"),
                    _ => format!("need #{n}"),
                }
            }
            Place::Promise(n) => format!("promise #{n}"),
            Place::Notes => "notes".into(),
            Place::Met => "how you met".into(),
            Place::Entry { at, id } => {
                let kind = journal
                    .entry_at(*at, id)
                    .map_or("entry", |e| e.kind.as_str());
                format!("{kind}, {}", day_label(at.date_naive(), today))
            }
        }
    }
}

/// "Sun 25 Oct", with the year when it is not this year's.
pub fn day_label(day: NaiveDate, today: NaiveDate) -> String {
    if day.year() == today.year() {
        day.format("%a %-d %b").to_string()
    } else {
        day.format("%a %-d %b %Y").to_string()
    }
}

/// Every field of a card that search looks in, with its text.
pub fn contact_fields(c: &Contact) -> Vec<(Place, Cow<'_, str>)> {
    let n = |i: usize| u32::try_from(i).unwrap_or(u32::MAX);
    let mut out: Vec<(Place, Cow<str>)> = vec![(Place::Name, Cow::Borrowed(c.name.as_str()))];
    out.extend(
        c.aliases
            .iter()
            .enumerate()
            .map(|(i, a)| (Place::Alias(n(i)), Cow::Borrowed(a.as_str()))),
    );
    out.extend(
        c.tags
            .iter()
            .enumerate()
            .map(|(i, t)| (Place::Tag(n(i)), Cow::Borrowed(t.as_str()))),
    );
    out.extend(
        c.company
            .as_deref()
            .map(|t| (Place::Company, Cow::Borrowed(t))),
    );
    out.extend(c.role.as_deref().map(|t| (Place::Role, Cow::Borrowed(t))));
    out.extend(
        c.can_help_with
            .iter()
            .enumerate()
            .map(|(i, t)| (Place::CanHelp(n(i)), Cow::Borrowed(t.as_str()))),
    );
    out.extend(
        c.needs
            .iter()
            .map(|need| (Place::Need(need.id), need_text(need))),
    );
    out.extend(
        c.follow_ups
            .iter()
            .map(|f| (Place::Promise(f.id), Cow::Borrowed(f.what.as_str()))),
    );
    out.extend(c.notes.as_deref().map(|t| (Place::Notes, Cow::Borrowed(t))));
    out.extend(c.met.as_deref().map(|t| (Place::Met, Cow::Borrowed(t))));
    out.extend(
        c.email
            .iter()
            .enumerate()
            .map(|(i, t)| (Place::Email(n(i)), Cow::Borrowed(t.as_str()))),
    );
    out.extend(
        c.phone
            .iter()
            .enumerate()
            .map(|(i, t)| (Place::Phone(n(i)), Cow::Borrowed(t.as_str()))),
    );
    out
}

/// A need and, once met, how.
fn need_text(need: &crate::model::Need) -> Cow<'_, str> {
    match need.how.as_deref().filter(|h| !h.trim().is_empty()) {
        Some(how) => Cow::Owned(format!("{} — {how}", need.what)),
        None => Cow::Borrowed(need.what.as_str()),
    }
}

/// An entry's text: its note, and what you gave and asked when it says.
pub fn entry_text(e: &Entry) -> Cow<'_, str> {
    if e.gave.is_none() && e.asked.is_none() {
        return Cow::Borrowed(e.note.as_str());
    }
    let mut text = String::new();
    push_entry_text(e, &mut text);
    Cow::Owned(text)
}

/// `entry_text` onto the end of `out`, without a copy of its own.
pub fn push_entry_text(e: &Entry, out: &mut String) {
    if e.gave.is_none() && e.asked.is_none() {
        out.push_str(&e.note);
        return;
    }
    out.push_str(e.note.trim_end());
    for (label, part) in [("gave", &e.gave), ("asked", &e.asked)] {
        if let Some(part) = part.as_deref().filter(|p| !p.trim().is_empty()) {
            out.push('\n');
            out.push_str(label);
            out.push_str(": ");
            out.push_str(part);
        }
    }
}

/// The text at `place` as the journal has it now; `None` when it is gone.
pub fn text_at<'j>(
    journal: &'j Journal,
    person: Option<&str>,
    place: &Place,
) -> Option<Cow<'j, str>> {
    if let Place::Entry { at, id } = place {
        return journal.entry_at(*at, id).map(entry_text);
    }
    let c = journal.by_id(person?)?;
    let pick =
        |list: &'j [String], i: &u32| list.get(*i as usize).map(|s| Cow::Borrowed(s.as_str()));
    match place {
        Place::Name => Some(Cow::Borrowed(c.name.as_str())),
        Place::Alias(i) => pick(&c.aliases, i),
        Place::Tag(i) => pick(&c.tags, i),
        Place::Company => c.company.as_deref().map(Cow::Borrowed),
        Place::Role => c.role.as_deref().map(Cow::Borrowed),
        Place::Email(i) => pick(&c.email, i),
        Place::Phone(i) => pick(&c.phone, i),
        Place::CanHelp(i) => pick(&c.can_help_with, i),
        Place::Need(n) => c.need(*n).map(need_text),
        Place::Promise(n) => c
            .follow_ups
            .iter()
            .find(|f| f.id == *n)
            .map(|f| Cow::Borrowed(f.what.as_str())),
        Place::Notes => c.notes.as_deref().map(Cow::Borrowed),
        Place::Met => c.met.as_deref().map(Cow::Borrowed),
        Place::Entry { .. } => None,
    }
}
