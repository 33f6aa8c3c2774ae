//! Small journals built straight from `Loaded`, no files.

use crate::journal::Journal;
use crate::model::{Birthday, Contact, Entry, FollowUp, Kind, Need, NeedStatus};
use crate::store::Loaded;
use chrono::{DateTime, FixedOffset, NaiveDate};

pub fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

pub fn at(s: &str) -> DateTime<FixedOffset> {
    DateTime::parse_from_rfc3339(s).unwrap()
}

pub fn person(id: &str, name: &str) -> Contact {
    Contact::new(id, name)
}

pub fn need(id: u32, what: &str, since: NaiveDate) -> Need {
    Need {
        id,
        what: what.into(),
        since,
        status: NeedStatus::Open,
        met_on: None,
        how: None,
        not_a_fit: Vec::new(),
    }
}

pub fn promise(id: u32, what: &str, due: Option<NaiveDate>) -> FollowUp {
    FollowUp {
        id,
        what: what.into(),
        due,
        done: false,
        by: Default::default(),
    }
}

pub fn entry(when: &str, with: &[&str], note: &str) -> Entry {
    let at = at(when);
    let with: Vec<String> = with.iter().map(|s| s.to_string()).collect();
    Entry {
        id: Entry::make_id(&at, &with),
        at,
        with,
        kind: Kind::Coffee,
        note: note.into(),
        gave: None,
        asked: None,
    }
}

pub fn gave(mut e: Entry, what: &str) -> Entry {
    e.gave = Some(what.into());
    e
}

pub fn asked(mut e: Entry, what: &str) -> Entry {
    e.asked = Some(what.into());
    e
}

pub fn journal(contacts: Vec<Contact>, entries: Vec<Entry>) -> Journal {
    Journal::new(Loaded {
        contacts,
        entries,
        problems: Vec::new(),
    })
}

pub fn born(y: i32, m: u32, day: u32) -> Option<Birthday> {
    Some(Birthday::Full(d(y, m, day)))
}
