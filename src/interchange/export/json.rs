//! JSON, schema `rolo/1`: the pieces every JSON output is made of (a person, a need, a
//! promise, an entry), the whole-journal export, and the writer that keeps the text inert.
//!
//! The field names are the schema: the README documents them and `tests` pins them. A
//! later change that renames or removes one is `rolo/2`; adding a field is not.

use super::People;
use crate::journal::Journal;
use crate::model::{Archived, Birthday, Contact, Entry, FollowUp, Need};
use chrono::NaiveDate;
use serde::Serialize;

pub const SCHEMA: &str = "rolo/1";

fn day(d: NaiveDate) -> String {
    d.format("%Y-%m-%d").to_string()
}

/// `1815-12-10`, or `--12-10` without a year (ISO 8601's and vCard's form for a day of the
/// year, so it cannot be taken for a year and a month).
pub fn birthday(b: Birthday) -> String {
    match b {
        Birthday::Full(d) => day(d),
        Birthday::MonthDay(m, d) => format!("--{m:02}-{d:02}"),
    }
}

#[derive(Debug, Serialize)]
pub struct Person<'a> {
    pub id: &'a str,
    pub name: &'a str,
    pub aliases: &'a [String],
    pub tags: &'a [String],
    pub company: Option<&'a str>,
    pub role: Option<&'a str>,
    pub email: &'a [String],
    pub phone: &'a [String],
    pub url: &'a [String],
    pub birthday: Option<String>,
    pub met: Option<&'a str>,
    pub keep_in_touch_days: Option<u32>,
    pub can_help_with: &'a [String],
    pub notes: Option<&'a str>,
    pub needs: Vec<NeedJson<'a>>,
    pub follow_ups: Vec<FollowUpJson<'a>>,
    /// The day of the newest entry with them, from the journal (not a field of their file).
    pub last_contact: Option<String>,
    /// `null`, `true` (archived, no day known) or the day they were archived.
    pub archived: Option<serde_json::Value>,
    /// Where their file fails to load (`path:line:col: message`); what is shown is what
    /// could be read. `null` for a file that loads.
    pub problem: Option<String>,
}

#[derive(Debug, Serialize)]
pub struct NeedJson<'a> {
    pub id: u32,
    pub what: &'a str,
    pub since: Option<String>,
    pub status: &'static str,
    pub met_on: Option<String>,
    pub how: Option<&'a str>,
}

#[derive(Debug, Serialize)]
pub struct FollowUpJson<'a> {
    pub id: u32,
    pub what: &'a str,
    pub due: Option<String>,
    pub done: bool,
    /// Who made the promise: "me" or "them".
    pub by: &'static str,
}

#[derive(Debug, Serialize)]
pub struct EntryJson<'a> {
    pub id: &'a str,
    /// RFC 3339, in the offset it was written with.
    pub at: String,
    pub with: &'a [String],
    pub kind: &'a str,
    pub note: &'a str,
    pub gave: Option<&'a str>,
    pub asked: Option<&'a str>,
}

pub fn need(n: &Need) -> NeedJson<'_> {
    NeedJson {
        id: n.id,
        what: &n.what,
        // A need typed by hand without a date is dated at the beginning of time in memory.
        since: (n.since != NaiveDate::MIN).then(|| day(n.since)),
        status: n.status.as_str(),
        met_on: n.met_on.map(day),
        how: n.how.as_deref(),
    }
}

pub fn follow_up(f: &FollowUp) -> FollowUpJson<'_> {
    FollowUpJson {
        id: f.id,
        what: &f.what,
        due: f.due.map(day),
        done: f.done,
        by: f.by.as_str(),
    }
}

pub fn entry(e: &Entry) -> EntryJson<'_> {
    EntryJson {
        id: &e.id,
        at: e.at.to_rfc3339(),
        with: &e.with,
        kind: e.kind.as_str(),
        note: &e.note,
        gave: e.gave.as_deref(),
        asked: e.asked.as_deref(),
    }
}

/// A person as every JSON output shows them.
pub fn person<'a>(j: &'a Journal, ix: usize, c: &'a Contact) -> Person<'a> {
    Person {
        id: &c.id,
        name: &c.name,
        aliases: &c.aliases,
        tags: &c.tags,
        company: c.company.as_deref(),
        role: c.role.as_deref(),
        email: &c.email,
        phone: &c.phone,
        url: &c.urls,
        birthday: c.birthday.map(birthday),
        met: c.met.as_deref(),
        keep_in_touch_days: c.keep_in_touch_days,
        can_help_with: &c.can_help_with,
        notes: c.notes.as_deref(),
        needs: c.needs.iter().map(need).collect(),
        follow_ups: c.follow_ups.iter().map(follow_up).collect(),
        last_contact: j.last_contact(ix).map(day),
        archived: c.archived.map(|a| match a {
            Archived::Yes => serde_json::Value::Bool(true),
            Archived::Since(d) => serde_json::Value::String(day(d)),
        }),
        problem: j.broken(ix).map(|p| p.to_string()),
    }
}

pub fn people<'a>(j: &'a Journal, ixs: &[usize]) -> Vec<Person<'a>> {
    ixs.iter()
        .filter_map(|&ix| j.contact(ix).map(|c| person(j, ix, c)))
        .collect()
}

#[derive(Debug, Serialize)]
pub struct Export<'a> {
    pub schema: &'static str,
    pub people: Vec<Person<'a>>,
    /// Oldest first, as the month files hold them; every entry with at least one of `people`.
    pub entries: Vec<EntryJson<'a>>,
}

/// Everything about `who`: their records and every entry with any of them.
pub fn export<'a>(j: &'a Journal, who: People) -> Export<'a> {
    let ids: std::collections::HashSet<&str> = who
        .iter()
        .filter_map(|&ix| j.contact(ix).map(|c| c.id.as_str()))
        .collect();
    let everyone = who.len() == j.contacts().len();
    let entries = j
        .timeline()
        .rev()
        .filter(|e| everyone || e.with.iter().any(|w| ids.contains(w.as_str())))
        .map(entry)
        .collect();
    Export {
        schema: SCHEMA,
        people: people(j, who),
        entries,
    }
}

/// Pretty JSON, one value, ending in a newline. Characters JSON allows raw but a terminal
/// acts on (bidirectional overrides, C1 controls, line and paragraph separators) are written
/// as `\uXXXX` escapes: the same value to a parser, inert on a screen.
pub fn to_text<T: Serialize>(value: &T) -> String {
    let text = serde_json::to_string_pretty(value).unwrap_or_else(|_| "null".into());
    let mut out = String::with_capacity(text.len() + 1);
    for c in text.chars() {
        let code = u32::from(c);
        let risky = matches!(code, 0x80..=0x9f | 0x200e | 0x200f | 0x2028 | 0x2029 | 0x202a..=0x202e | 0x2066..=0x2069);
        if risky {
            out.push_str(&format!("\\u{code:04x}"));
        } else {
            out.push(c);
        }
    }
    out.push('\n');
    out
}
