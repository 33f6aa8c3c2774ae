//! One journal entry edited as text in `$EDITOR`, saved through the store's merged replace.

use super::describe::entry_line;
use crate::model::Entry;
use crate::ops::OpError;
use crate::store::{MergeOutcome, Store, StoreError, decode, paths};

/// The entry `id` of `month` as the person saved it: `base` is the text the editor opened
/// with (from `Store::entry_text`), `mine` what they saved. What changed between the two is
/// applied to the entry as its month file has it now.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EditEntry {
    id: String,
    month: (i32, u32),
    base: String,
    mine: String,
}

/// An edit of an entry, saved (or found to change nothing).
#[derive(Debug, Clone)]
pub struct EntryEdited {
    /// The entry as now on disk (a new date may have moved it to another month, and a taken
    /// id there given it a suffix); `None` when the text was unchanged and nothing written.
    pub entry: Option<Entry>,
    pub merge: MergeOutcome,
    /// The entry's text now, for an editor to reopen on.
    pub text: String,
    /// The description: "entry of 2 Dec 2026 with Aiko Tanaka edited: note".
    pub line: String,
    /// The TUI's status line: "entry saved", or "no changes".
    pub status: String,
}

impl EditEntry {
    pub fn new(id: &str, month: (i32, u32), base: &str, mine: &str) -> EditEntry {
        EditEntry {
            id: id.to_string(),
            month,
            base: base.to_string(),
            mine: mine.to_string(),
        }
    }

    /// `name` turns a person's id into their name, for the description.
    pub fn apply(
        self,
        store: &Store,
        name: &dyn Fn(&str) -> String,
    ) -> Result<EntryEdited, OpError> {
        let EditEntry {
            id,
            month,
            base,
            mine,
        } = self;
        let rel = paths::month(month);
        let mine = mine.strip_prefix('\u{feff}').unwrap_or(&mine);
        let lone = |text: &str| {
            decode::month(&rel, text)
                .ok()
                .and_then(|mut found| (found.len() == 1).then(|| found.remove(0).entry))
        };
        let shown = || lone(&base).unwrap_or_else(|| blank(&id));
        if mine == base {
            let entry = shown();
            return Ok(EntryEdited {
                entry: None,
                merge: MergeOutcome::default(),
                line: entry_line(&entry, &entry, false, name),
                status: "no changes".into(),
                text: base,
            });
        }
        // A text that does not parse is told by its line; the store checks the rest.
        decode::month(&rel, mine).map_err(OpError::Unparsed)?;
        // The entry a moment ago, for the description: as its month file has it now.
        let now = store.entry_text(&id, month).ok();
        let before = now.as_deref().and_then(lone).unwrap_or_else(shown);
        let saved = store
            .replace_entry_text(&id, month, &base, mine)
            .map_err(|e| match e {
                StoreError::Broken(p) => OpError::Unparsed(p),
                e => OpError::Store(e),
            })?;
        let written = now.as_deref() != Some(saved.text.as_str());
        let line = entry_line(&before, &saved.value, written, name);
        crate::ops::finish(store, &line);
        Ok(EntryEdited {
            line,
            status: "entry saved".into(),
            entry: Some(saved.value),
            merge: saved.merge,
            text: saved.text,
        })
    }
}

/// Only for wording, when even the text shown does not read as an entry.
fn blank(id: &str) -> Entry {
    Entry {
        id: id.to_string(),
        at: chrono::DateTime::UNIX_EPOCH.fixed_offset(),
        with: Vec::new(),
        kind: crate::model::Kind::Note,
        note: String::new(),
        gave: None,
        asked: None,
    }
}
