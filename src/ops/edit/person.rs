//! A person's card edited as text in `$EDITOR`, saved through the store's merged replace.

use super::describe::person_line;
use crate::model::Contact;
use crate::ops::OpError;
use crate::store::{MergeOutcome, Store, StoreError, decode, paths};

/// The card as the person saved it in their editor. `base` is the text the editor opened
/// with, `mine` what they saved (without rolo's `# rolo:` note lines): what changed between
/// the two is applied to the file as it is now, so a change made meanwhile is kept.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EditPerson {
    id: String,
    base: String,
    mine: String,
}

/// An edit of a card, saved (or found to change nothing).
#[derive(Debug, Clone)]
pub struct PersonEdited {
    /// The card as now on disk; `None` when the text was unchanged and nothing was written.
    pub contact: Option<Contact>,
    /// Keys both sides changed (the file's value kept), needs or follow-ups renumbered.
    pub merge: MergeOutcome,
    /// The file's text now, for an editor to reopen on.
    pub text: String,
    /// The description: "edited Aiko Tanaka: role, email, 1 need".
    pub line: String,
    /// The TUI's status line: "saved Aiko Tanaka", or "no changes".
    pub status: String,
}

impl EditPerson {
    pub fn new(id: &str, base: &str, mine: &str) -> EditPerson {
        EditPerson {
            id: id.to_string(),
            base: base.to_string(),
            mine: mine.to_string(),
        }
    }

    pub fn apply(self, store: &Store) -> Result<PersonEdited, OpError> {
        let EditPerson { id, base, mine } = self;
        let rel = paths::contact(&id);
        // An editor may save a byte-order mark of its own; the file keeps the one it had.
        let mine = mine.strip_prefix(BOM).unwrap_or(&mine);
        if mine == base {
            // Nothing typed: nothing is read or written, even when the file does not load.
            let name = decode::contact(&id, &rel, &base).map_or(id, |c| c.name);
            return Ok(PersonEdited {
                contact: None,
                merge: MergeOutcome::default(),
                line: person_line(None, &Contact::new("", name), false),
                status: "no changes".into(),
                text: base,
            });
        }
        // Checked first, so a text that does not read is told by its own line and column.
        decode::contact(&id, &rel, mine).map_err(OpError::Unparsed)?;
        // What the card was a moment ago, for the description: the file as it is now (the
        // merge applies to it), or the text the editor opened with when that does not load.
        let now = store.read_file(&rel).ok().flatten();
        let before = now
            .as_deref()
            .and_then(|t| decode::contact(&id, &rel, t).ok())
            .or_else(|| decode::contact(&id, &rel, &base).ok());
        let saved = store
            .replace_contact_text(&id, &base, mine)
            .map_err(|e| match e {
                StoreError::Broken(p) => OpError::Unparsed(p),
                e => OpError::Store(e),
            })?;
        let written = now.as_deref() != Some(saved.text.as_str());
        let line = person_line(before.as_ref(), &saved.value, written);
        crate::ops::finish(store, &line);
        Ok(PersonEdited {
            line,
            status: format!("saved {}", crate::sanitize::inert_line(&saved.value.name)),
            contact: Some(saved.value),
            merge: saved.merge,
            text: saved.text,
        })
    }
}

const BOM: char = '\u{feff}';
