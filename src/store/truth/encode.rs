//! Model -> TOML. New files are written whole; existing files are edited in place with
//! toml_edit, touching only the keys whose values changed, so a person's comments, key order
//! and keys rolo does not know survive every save.

use crate::model::{Archived, Birthday, Contact, Entry, FollowUp, Need};
use chrono::{DateTime, Datelike, FixedOffset, NaiveDate, Offset, Timelike};
use toml_edit::{ArrayOfTables, DocumentMut, Item, Table, Value, value};

fn date_value(d: NaiveDate) -> Value {
    let date = toml_edit::Date {
        // Years outside 0..=9999 cannot be written in TOML; clamp rather than fail a save.
        year: d.year().clamp(0, 9999) as u16,
        month: d.month() as u8,
        day: d.day() as u8,
    };
    Value::from(toml_edit::Datetime {
        date: Some(date),
        time: None,
        offset: None,
    })
}

fn moment_value(at: &DateTime<FixedOffset>) -> Value {
    let minutes = at.offset().fix().local_minus_utc() / 60;
    let offset = if minutes == 0 {
        toml_edit::Offset::Z
    } else {
        toml_edit::Offset::Custom {
            minutes: minutes as i16,
        }
    };
    let mut dt = match date_value(at.date_naive()) {
        Value::Datetime(f) => *f.value(),
        _ => toml_edit::Datetime {
            date: None,
            time: None,
            offset: None,
        },
    };
    dt.time = Some(toml_edit::Time {
        hour: at.hour() as u8,
        minute: at.minute() as u8,
        second: Some(at.second().min(59) as u8),
        nanosecond: None,
    });
    dt.offset = Some(offset);
    Value::from(dt)
}

fn list_value(items: &[String]) -> Value {
    Value::Array(items.iter().map(String::as_str).collect())
}

fn archived_value(a: &Archived) -> Value {
    match a {
        Archived::Yes => Value::from(true),
        Archived::Since(d) => date_value(*d),
    }
}

fn birthday_value(b: &Birthday) -> Value {
    match b {
        Birthday::Full(d) => date_value(*d),
        Birthday::MonthDay(..) => Value::from(b.to_string()),
    }
}

/// Set `key` when `new` is Some, remove it when None, but only if it differs from `old`.
fn sync<T: PartialEq>(
    t: &mut Table,
    key: &str,
    old: Option<&T>,
    new: Option<&T>,
    to: impl Fn(&T) -> Value,
) {
    if old == new && t.contains_key(key) == old.is_some() {
        return;
    }
    match new {
        Some(v) => {
            // Keep the comment and spacing the person put around the old value.
            let decor = t
                .get(key)
                .and_then(Item::as_value)
                .map(|v| v.decor().clone());
            let mut fresh = to(v);
            if let Some(d) = decor {
                *fresh.decor_mut() = d;
            }
            // In place when the key is there: a comment on the line above belongs to the key
            // itself, and `insert` would make a new key without it.
            match t.get_mut(key) {
                Some(slot) => *slot = Item::Value(fresh),
                None => {
                    t.insert(key, Item::Value(fresh));
                }
            }
        }
        None => {
            t.remove(key);
        }
    }
}

fn non_empty<T>(v: &[T]) -> Option<&[T]> {
    (!v.is_empty()).then_some(v)
}

fn sync_list(t: &mut Table, key: &str, old: &[String], new: &[String]) {
    let (old, new) = (
        non_empty(old).map(|v| v.to_vec()),
        non_empty(new).map(|v| v.to_vec()),
    );
    sync(t, key, old.as_ref(), new.as_ref(), |v| list_value(v));
}

fn sync_str(t: &mut Table, key: &str, old: Option<&String>, new: Option<&String>) {
    sync(t, key, old, new, |s| Value::from(s.as_str()));
}

fn sync_need(t: &mut Table, old: Option<&Need>, new: &Need) {
    sync(t, "id", old.map(|n| &n.id), Some(&new.id), |id| {
        Value::from(i64::from(*id))
    });
    sync_str(t, "what", old.map(|n| &n.what), Some(&new.what));
    if new.since != NaiveDate::MIN {
        sync(t, "since", old.map(|n| &n.since), Some(&new.since), |d| {
            date_value(*d)
        });
    }
    let status = |n: &Need| n.status.as_str().to_string();
    sync_str(t, "status", old.map(status).as_ref(), Some(&status(new)));
    sync(
        t,
        "met_on",
        old.and_then(|n| n.met_on.as_ref()),
        new.met_on.as_ref(),
        |d| date_value(*d),
    );
    sync_str(t, "how", old.and_then(|n| n.how.as_ref()), new.how.as_ref());
    sync_list(
        t,
        "not_a_fit",
        old.map(|n| n.not_a_fit.as_slice()).unwrap_or_default(),
        &new.not_a_fit,
    );
}

fn sync_follow_up(t: &mut Table, old: Option<&FollowUp>, new: &FollowUp) {
    sync(t, "id", old.map(|f| &f.id), Some(&new.id), |id| {
        Value::from(i64::from(*id))
    });
    sync_str(t, "what", old.map(|f| &f.what), Some(&new.what));
    sync(
        t,
        "due",
        old.and_then(|f| f.due.as_ref()),
        new.due.as_ref(),
        |d| date_value(*d),
    );
    sync(t, "done", old.map(|f| &f.done), Some(&new.done), |b| {
        Value::from(*b)
    });
    // Written only for their promises; a `by = "me"` typed by hand stays as it is.
    let by = |f: &FollowUp| f.is_theirs().then(|| f.by.as_str().to_string());
    let said_me = t.get("by").and_then(Item::as_str).map(str::trim) == Some("me");
    if !said_me || new.is_theirs() {
        sync_str(t, "by", old.and_then(by).as_ref(), by(new).as_ref());
    }
}

/// Bring an array of tables (`[[need]]`, `[[follow_up]]`) in line with `new`, matching items
/// by id so untouched items, and the unknown keys inside them, stay exactly as written.
fn sync_items<T>(
    doc: &mut Table,
    key: &str,
    old: &[T],
    new: &[T],
    id: impl Fn(&T) -> u32,
    fill: impl Fn(&mut Table, Option<&T>, &T),
) where
    T: PartialEq,
{
    if old == new && (doc.contains_key(key) || new.is_empty()) {
        return;
    }
    let item_id = |t: &Table| t.get("id").and_then(Item::as_integer);
    if !matches!(doc.get(key), Some(Item::ArrayOfTables(_))) {
        doc.insert(key, Item::ArrayOfTables(ArrayOfTables::new()));
    }
    let Some(Item::ArrayOfTables(array)) = doc.get_mut(key) else {
        return;
    };
    // Drop tables whose item is gone from the model; tables without an id are the person's.
    array.retain(|t| match item_id(t) {
        Some(n) => new.iter().any(|x| i64::from(id(x)) == n),
        None => true,
    });
    for (at, item) in new.iter().enumerate() {
        let n = i64::from(id(item));
        // Two items with the same id (a hand edit) pair up in order, first with first, so
        // a change to one never writes over the other.
        let nth = new[..at].iter().filter(|x| id(x) == id(item)).count();
        let previous = old.iter().filter(|o| id(o) == id(item)).nth(nth);
        let found = array
            .iter()
            .enumerate()
            .filter(|(_, t)| item_id(t) == Some(n))
            .nth(nth)
            .map(|(i, _)| i);
        match found.and_then(|i| array.get_mut(i)) {
            Some(table) => fill(table, previous, item),
            None => {
                let mut table = Table::new();
                fill(&mut table, None, item);
                array.push(table);
            }
        }
    }
    if array.is_empty() {
        doc.remove(key);
    }
}

/// Apply the difference between `old` and `new` to a contact's document.
pub fn merge_contact(doc: &mut DocumentMut, old: &Contact, new: &Contact) {
    let t = doc.as_table_mut();
    sync_str(t, "name", Some(&old.name), Some(&new.name));
    sync_list(t, "aliases", &old.aliases, &new.aliases);
    sync_list(t, "tags", &old.tags, &new.tags);
    sync_str(t, "company", old.company.as_ref(), new.company.as_ref());
    sync_str(t, "role", old.role.as_ref(), new.role.as_ref());
    sync_list(t, "email", &old.email, &new.email);
    sync_list(t, "phone", &old.phone, &new.phone);
    sync_list(t, "url", &old.urls, &new.urls);
    sync(
        t,
        "birthday",
        old.birthday.as_ref(),
        new.birthday.as_ref(),
        birthday_value,
    );
    sync_str(t, "met", old.met.as_ref(), new.met.as_ref());
    sync(
        t,
        "keep_in_touch_days",
        old.keep_in_touch_days.as_ref(),
        new.keep_in_touch_days.as_ref(),
        |d| Value::from(i64::from(*d)),
    );
    sync_list(t, "can_help_with", &old.can_help_with, &new.can_help_with);
    sync_str(t, "notes", old.notes.as_ref(), new.notes.as_ref());
    // Only on a change: `archived = false`, typed by hand, reads as no key and stays.
    if old.archived != new.archived {
        sync(
            t,
            "archived",
            old.archived.as_ref(),
            new.archived.as_ref(),
            archived_value,
        );
    }
    sync_items(t, "need", &old.needs, &new.needs, |n| n.id, sync_need);
    sync_items(
        t,
        "follow_up",
        &old.follow_ups,
        &new.follow_ups,
        |f| f.id,
        sync_follow_up,
    );
}

pub fn new_contact(c: &Contact) -> String {
    let mut doc = DocumentMut::new();
    let blank = Contact::new(c.id.clone(), c.name.clone());
    // Writing "name" first keeps it at the top, where a person looks for it.
    doc.insert("name", value(c.name.as_str()));
    merge_contact(&mut doc, &blank, c);
    doc.to_string()
}

fn fill_entry(t: &mut Table, old: Option<&Entry>, new: &Entry) {
    sync_str(t, "id", old.map(|e| &e.id), Some(&new.id));
    sync(t, "at", old.map(|e| &e.at), Some(&new.at), moment_value);
    let with = |e: &Entry| e.with.clone();
    sync(t, "with", old.map(with).as_ref(), Some(&with(new)), |w| {
        list_value(w)
    });
    let kind = |e: &Entry| e.kind.as_str().to_string();
    sync_str(t, "kind", old.map(kind).as_ref(), Some(&kind(new)));
    sync_str(t, "note", old.map(|e| &e.note), Some(&new.note));
    sync_str(
        t,
        "gave",
        old.and_then(|e| e.gave.as_ref()),
        new.gave.as_ref(),
    );
    sync_str(
        t,
        "asked",
        old.and_then(|e| e.asked.as_ref()),
        new.asked.as_ref(),
    );
}

/// The text of one `[[entry]]`, to be appended at the end of its month file.
pub fn entry_block(e: &Entry) -> String {
    let mut table = Table::new();
    fill_entry(&mut table, None, e);
    let mut array = ArrayOfTables::new();
    array.push(table);
    let mut doc = DocumentMut::new();
    doc.insert("entry", Item::ArrayOfTables(array));
    doc.to_string()
}

/// Change one entry in a month document in place. Returns false when the id is not there.
pub fn merge_entry(doc: &mut DocumentMut, old: &Entry, new: &Entry) -> bool {
    let Some(Item::ArrayOfTables(array)) = doc.get_mut("entry") else {
        return false;
    };
    match array
        .iter_mut()
        .find(|t| t.get("id").and_then(Item::as_str) == Some(old.id.as_str()))
    {
        Some(table) => {
            fill_entry(table, Some(old), new);
            true
        }
        None => false,
    }
}

/// In every entry of a month document, `gone` in `with` becomes `keep` (once, when both
/// were there); nothing else of the entry is touched. How many entries changed.
pub fn rename_in_with(doc: &mut DocumentMut, gone: &str, keep: &str) -> usize {
    let Some(Item::ArrayOfTables(array)) = doc.get_mut("entry") else {
        return 0;
    };
    let mut changed = 0;
    for t in array.iter_mut() {
        let Some(old) = t.get("with").and_then(Item::as_array) else {
            continue;
        };
        let names: Vec<String> = old
            .iter()
            .filter_map(|v| v.as_str().map(str::to_string))
            .collect();
        if names.len() != old.len() || !names.iter().any(|n| n == gone) {
            continue;
        }
        let mut new: Vec<String> = Vec::with_capacity(names.len());
        for n in &names {
            let n = if n == gone { keep } else { n.as_str() };
            if !new.iter().any(|x| x == n) {
                new.push(n.to_string());
            }
        }
        sync(t, "with", Some(&names), Some(&new), |w| list_value(w));
        changed += 1;
    }
    changed
}

/// Remove one entry from a month document. Returns false when the id is not there.
pub fn remove_entry(doc: &mut DocumentMut, id: &str) -> bool {
    let Some(Item::ArrayOfTables(array)) = doc.get_mut("entry") else {
        return false;
    };
    let before = array.len();
    array.retain(|t| t.get("id").and_then(Item::as_str) != Some(id));
    array.len() != before
}
