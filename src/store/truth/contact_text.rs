//! A contact file edited as text in `$EDITOR`: what the person changed, from the text the editor
//! opened with to the text they saved, is merged into the file as it is now (`merge3`), so a
//! need or a follow-up written meanwhile by another rolo, or a hand edit, is kept.

use super::decode;
use super::error::{Meanwhile, Refusal, StoreError};
use super::merge3::{self, Outcome};
use crate::model::Contact;
use crate::store::{Edited, Store};
use toml_edit::DocumentMut;

impl Store {
    /// Save a contact edited as text. `base` is the text the editor opened with, `mine` what
    /// the person saved. Keys changed on both sides keep the file's value and come back in
    /// `merge.conflicts`; `text` is the file as written, for the editor to reopen on.
    pub fn replace_contact_text(
        &self,
        id: &str,
        base: &str,
        mine: &str,
    ) -> Result<Edited<Contact>, StoreError> {
        let rel = self.contact_file(id)?;
        // The editor was shown the text without the file's BOM and may save one of its own;
        // the file keeps its BOM and line ending (`Style`).
        let mine = mine.strip_prefix(super::file_text::BOM).unwrap_or(mine);
        // The person's text must read as a contact on its own; its problems point into it.
        decode::contact(id, &rel, mine).map_err(|p| self.broken(p))?;
        let _lock = self.lock()?;
        let changed = |how: Meanwhile| {
            StoreError::Refused(Refusal::ChangedMeanwhile {
                path: self.display(&rel),
                how,
            })
        };
        let file = match self.read_text(&rel) {
            Ok(Some(file)) => file,
            Ok(None) => return Err(changed(Meanwhile::Removed)),
            Err(e) => return Err(changed(Meanwhile::Unreadable(Box::new(e)))),
        };
        let theirs = file.text.as_str();
        let (text, merge) = if theirs == base {
            // Nobody else touched it: the text exactly as typed.
            (mine.to_string(), Outcome::default())
        } else {
            if let Err(p) = decode::contact(id, &rel, theirs) {
                return Err(changed(Meanwhile::NowBroken(p)));
            }
            merged(base, mine, theirs).ok_or_else(|| changed(Meanwhile::Changed))?
        };
        let text = file.style.lines(&text).into_owned();
        let value = decode::contact(id, &rel, &text)
            .map_err(|p| StoreError::Refused(Refusal::EditsClash(p)))?;
        if text != theirs {
            self.write(&rel, &text, file.style)?;
        }
        Ok(Edited { value, merge, text })
    }
}

fn merged(base: &str, mine: &str, theirs: &str) -> Option<(String, Outcome)> {
    let mine: DocumentMut = mine.parse().ok()?;
    let mut out: DocumentMut = theirs.parse().ok()?;
    // A base that does not parse (the person was fixing a broken file): every key is theirs
    // or mine, and a key both have with different values is a conflict.
    let base: DocumentMut = base.parse().unwrap_or_default();
    let merge = merge3::merge_document(&base, &mine, &mut out);
    Some((out.to_string(), merge))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::{MemFs, paths};

    const CARD: &str = "# by hand\nname = \"Ada\"\n\n[[need]]\nid = 1\nwhat = \"a publisher\"\n";

    fn store() -> Store {
        let store = Store::new(Box::new(MemFs::default()));
        store
            .fs()
            .write_atomic(&paths::contact("ada"), CARD.as_bytes())
            .unwrap();
        store
    }

    #[test]
    fn unchanged_outside_the_text_is_written_as_typed() {
        let store = store();
        let mine = "name   =   'Ada L'\n";
        let saved = store.replace_contact_text("ada", CARD, mine).unwrap();
        assert_eq!(saved.text, mine);
        assert_eq!(
            store.read_file(&paths::contact("ada")).unwrap().unwrap(),
            mine
        );
    }

    #[test]
    fn a_need_added_meanwhile_is_kept() {
        let store = store();
        let theirs = format!("{CARD}\n[[need]]\nid = 2\nwhat = \"need two\"\n");
        store
            .fs()
            .write_atomic(&paths::contact("ada"), theirs.as_bytes())
            .unwrap();
        let mine = CARD.replace("\"Ada\"", "\"Ada L\"");
        let saved = store.replace_contact_text("ada", CARD, &mine).unwrap();
        assert_eq!(saved.value.name, "Ada L");
        assert_eq!(saved.value.needs.len(), 2);
        assert_eq!(saved.text, theirs.replace("\"Ada\"", "\"Ada L\""));
    }

    #[test]
    fn a_file_removed_or_broken_meanwhile_is_not_written() {
        let store = store();
        let rel = paths::contact("ada");
        store.fs().write_atomic(&rel, b"name = \"").unwrap();
        let err = store
            .replace_contact_text("ada", CARD, "name = \"x\"\n")
            .unwrap_err();
        assert!(err.to_string().contains("is now broken"), "{err}");
        assert_eq!(store.read_file(&rel).unwrap().unwrap(), "name = \"");
        store.fs().remove(&rel).unwrap();
        let err = store
            .replace_contact_text("ada", CARD, "name = \"x\"\n")
            .unwrap_err();
        assert!(err.to_string().contains("was removed"), "{err}");
        assert!(store.read_file(&rel).unwrap().is_none());
    }
}
