//! Notes (journal entries): one built from what was typed, then appended to its month.

use super::{Invalid, finish, non_empty};
use crate::model::{Entry, Kind};
use crate::sanitize::inert_line;
use crate::store::{Saved, Store, StoreError, decode, paths};
use chrono::{DateTime, FixedOffset};

/// What a note is made of, with its people already resolved to ids.
#[derive(Debug, Clone, PartialEq)]
pub struct NoteFields {
    pub with: Vec<String>,
    pub at: DateTime<FixedOffset>,
    pub kind: Kind,
    pub text: String,
    pub gave: Option<String>,
    pub asked: Option<String>,
}

/// The entry for a note: the text trimmed and not empty, each person once, blank "gave" and
/// "asked" left out, and an id from the time and the people.
pub fn entry(f: NoteFields) -> Result<Entry, Invalid> {
    let note = non_empty(&f.text, "the note")?;
    let mut with: Vec<String> = Vec::with_capacity(f.with.len());
    for id in f.with {
        if !with.contains(&id) {
            with.push(id);
        }
    }
    Ok(Entry {
        id: Entry::make_id(&f.at, &with),
        at: f.at,
        with,
        kind: f.kind,
        note,
        gave: f.gave.filter(|g| !g.trim().is_empty()),
        asked: f.asked.filter(|a| !a.trim().is_empty()),
    })
}

/// An entry on disk, as the store wrote it (its id may have changed to stay unique).
#[derive(Debug, Clone)]
pub struct SavedEntry {
    pub entry: Entry,
    pub changed_outside: bool,
}

/// Append the entry (a note) to the end of its month file. It is described with the names
/// its people's files give them (`name_in_files`), as the command line prints it.
pub fn save(store: &Store, entry: Entry) -> Result<SavedEntry, StoreError> {
    let saved = append(store, entry)?;
    finish(store, &saved.line(|id| name_in_files(store, id)));
    Ok(saved)
}

/// Append an intro's entry, described as the intro of `helped` to `other`.
pub fn save_intro(
    store: &Store,
    entry: Entry,
    helped: &str,
    other: &str,
) -> Result<SavedEntry, StoreError> {
    let saved = append(store, entry)?;
    finish(store, &saved.intro_line(helped, other));
    Ok(saved)
}

fn append(store: &Store, entry: Entry) -> Result<SavedEntry, StoreError> {
    let Saved {
        value,
        changed_outside,
    } = store.append_entry(entry)?;
    Ok(SavedEntry {
        entry: value,
        changed_outside,
    })
}

/// A person's name as their contact file has it, read without the store remembering the
/// read (which would hide an outside edit from the next write); the id when the file is
/// missing or does not read.
fn name_in_files(store: &Store, id: &str) -> String {
    let Ok(rel) = paths::contact_checked(id) else {
        return id.to_string();
    };
    store
        .fs()
        .read(&rel)
        .ok()
        .flatten()
        .and_then(|bytes| String::from_utf8(bytes).ok())
        .and_then(|text| {
            let text = text.trim_start_matches('\u{feff}');
            decode::contact(id, &rel, text).ok()
        })
        .map_or_else(|| id.to_string(), |c| c.name)
}

impl SavedEntry {
    /// "logged coffee with Ada Lovelace on 2026-11-24 14:05: “Tea at the Maifeld…”
    /// (2026-11-24-1405-ada)"; `name` turns an id into the person's name. The note's first
    /// words make an undo label or a history line say which note it was.
    pub fn line(&self, name: impl Fn(&str) -> String) -> String {
        let names: Vec<String> = self
            .entry
            .with
            .iter()
            .map(|w| inert_line(&name(w)).into_owned())
            .collect();
        format!(
            "logged {} with {} on {}: “{}” ({})",
            self.entry.kind,
            names.join(", "),
            self.entry.at.format("%Y-%m-%d %H:%M"),
            gist(&self.entry.note),
            inert_line(&self.entry.id)
        )
    }

    /// "logged the intro of A to B (ID)", with the names as they stand in the journal.
    pub fn intro_line(&self, helped: &str, other: &str) -> String {
        format!(
            "logged the intro of {} to {} ({})",
            inert_line(helped),
            inert_line(other),
            inert_line(&self.entry.id)
        )
    }
}

/// The first words of a note, on one line: at most `GIST` characters, cut at a word.
fn gist(note: &str) -> String {
    const GIST: usize = 40;
    let flat = inert_line(
        note.split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
            .as_str(),
    )
    .into_owned();
    if flat.chars().count() <= GIST {
        return flat;
    }
    let cut: String = flat.chars().take(GIST).collect();
    let at_word = cut
        .rfind(' ')
        .filter(|&i| i > GIST / 2)
        .map_or(cut.as_str(), |i| &cut[..i]);
    format!("{}…", at_word.trim_end_matches([',', ';', ':', '.', ' ']))
}

/// The TUI's status after a note is saved (warnings about the people are added by the TUI).
pub fn saved_status(entry: &Entry) -> String {
    format!("saved {}", entry.kind)
}

/// The TUI's status after an intro: "intro logged: Introduced A to B for: …".
pub fn intro_status(entry: &Entry) -> String {
    format!(
        "intro logged: {}",
        inert_line(entry.gave.as_deref().unwrap_or_default())
    )
}
