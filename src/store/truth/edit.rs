//! Changes to one record, each a read-modify-write of the file as it is on disk now, under
//! the folder lock: create a contact, change one, change, move or delete an entry. Adding an
//! entry is `append.rs`; a whole card or entry edited as text is `contact_text.rs` and
//! `entry_text.rs`.

use super::error::{Invalid, Missing, Refusal, StoreError};
use super::{decode, encode, paths};
use crate::model::{Contact, Entry};
use crate::slug;
use crate::store::{Saved, Store};
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use toml_edit::DocumentMut;

impl Store {
    /// The file of contact `id`, when the id can name one (see `paths::name_problem`): an id
    /// is never joined into a path before it is checked.
    pub(in crate::store) fn contact_file(&self, id: &str) -> Result<PathBuf, StoreError> {
        paths::contact_checked(id).map_err(|name| {
            StoreError::Invalid(Invalid::BadName {
                name,
                outcome: "nothing was written",
            })
        })
    }

    /// Create a new contact; the id is derived from the name and made unique.
    pub fn create_contact(&self, mut contact: Contact) -> Result<Contact, StoreError> {
        if contact.name.trim().is_empty() {
            return Err(Invalid::NoName.into());
        }
        let _lock = self.lock()?;
        // An id whose file cannot be read (a folder in its place, say) counts as taken, and so
        // does a link even when it points nowhere: rolo never writes through links.
        let failure = Mutex::new(None);
        let taken = |id: &str| match self.fs.read(&paths::contact(id)) {
            Ok(b) => b.is_some() || self.fs.is_symlink(&paths::contact(id)),
            Err(e) => {
                if let Ok(mut f) = failure.lock() {
                    *f = Some(e);
                }
                true
            }
        };
        contact.id = match slug::unique_slug(&contact.name, taken) {
            Some(id) => id,
            None => {
                return Err(Refusal::NoFreeId {
                    name: contact.name,
                    folder: self.display(Path::new(paths::CONTACTS)),
                    cause: failure.into_inner().ok().flatten(),
                }
                .into());
            }
        };
        let rel = paths::contact(&contact.id);
        let text = encode::new_contact(&contact);
        // Never write a file rolo could not read back (a zero rhythm, a need numbered 0, ...).
        let value = decode::contact(&contact.id, &rel, &text)
            .map_err(|p| StoreError::Invalid(Invalid::Unreadable(p)))?;
        self.write(&rel, &text, Default::default())?;
        Ok(value)
    }

    /// Change one contact. `change` runs on the contact as it is on disk now.
    pub fn update_contact<F>(&self, id: &str, change: F) -> Result<Saved<Contact>, StoreError>
    where
        F: FnOnce(&mut Contact) -> Result<(), String>,
    {
        let rel = self.contact_file(id)?;
        let _lock = self.lock()?;
        let (file, old) = self
            .contact_for_write(id, &rel)?
            .ok_or_else(|| Missing::Contact { id: id.to_string() })?;
        let changed_outside = self.changed_since_seen_hash(&rel, Some(file.hash));
        let mut new = old.clone();
        change(&mut new).map_err(Invalid::Change)?;
        new.id = id.to_string();
        if new == old {
            self.remember(&rel, file.hash);
            return Ok(Saved {
                value: new,
                changed_outside,
            });
        }
        let mut doc: DocumentMut = file.text.parse().map_err(|_| {
            StoreError::Refused(Refusal::NotEditable {
                path: self.display(&rel),
            })
        })?;
        encode::merge_contact(&mut doc, &old, &new);
        let out = doc.to_string();
        let out = file.style.lines(&out);
        // Never write a file rolo could not read back; and hand back what a later load will
        // see (CRLF in notes reads as LF), not what the caller asked for.
        let value =
            decode::contact(id, &rel, &out).map_err(|p| self.unreadable("the change", p))?;
        self.write(&rel, &out, file.style)?;
        Ok(Saved {
            value,
            changed_outside,
        })
    }

    /// Change one entry. If its date moves to another month it moves files too: written to the
    /// new month first, then removed from the old, so a crash in between duplicates, never loses.
    pub fn update_entry<F>(
        &self,
        id: &str,
        month: (i32, u32),
        change: F,
    ) -> Result<Saved<Entry>, StoreError>
    where
        F: FnOnce(&mut Entry) -> Result<(), String>,
    {
        let rel = paths::month(month);
        let lock = self.lock()?;
        let (file, entries) = self.month_for_write(&rel)?.ok_or_else(|| {
            StoreError::NotFound(Missing::Month {
                id: Some(id.to_string()),
            })
        })?;
        let changed_outside = self.changed_since_seen_hash(&rel, Some(file.hash));
        let old = entries
            .into_iter()
            .map(|l| l.entry)
            .find(|e| e.id == id)
            .ok_or_else(|| Missing::Entry { id: id.to_string() })?;
        let mut new = old.clone();
        change(&mut new).map_err(Invalid::Change)?;
        new.id = old.id.clone();
        if new.with.is_empty() {
            return Err(Invalid::NoPerson.into());
        }
        let mut doc: DocumentMut = file.text.parse().map_err(|_| {
            StoreError::Refused(Refusal::NotEditable {
                path: self.display(&rel),
            })
        })?;
        if new.month() == month {
            encode::merge_entry(&mut doc, &old, &new);
            let out = doc.to_string();
            let out = file.style.lines(&out);
            let value = self.read_back(&rel, &out, id)?;
            self.write(&rel, &out, file.style)?;
            return Ok(Saved {
                value,
                changed_outside,
            });
        }
        drop(lock);
        let moved = self.append_entry(new)?;
        let _lock = self.lock()?;
        self.remove_entry_locked(&rel, id)?;
        Ok(Saved {
            value: moved.value,
            changed_outside,
        })
    }

    pub fn delete_entry(&self, id: &str, month: (i32, u32)) -> Result<(), StoreError> {
        let rel = paths::month(month);
        let _lock = self.lock()?;
        self.remove_entry_locked(&rel, id)
    }

    pub(in crate::store) fn remove_entry_locked(
        &self,
        rel: &Path,
        id: &str,
    ) -> Result<(), StoreError> {
        let Some((file, _)) = self.month_for_write(rel)? else {
            return Ok(());
        };
        let mut doc: DocumentMut = file.text.parse().map_err(|_| {
            StoreError::Refused(Refusal::NotEditable {
                path: self.display(rel),
            })
        })?;
        if encode::remove_entry(&mut doc, id) {
            let out = doc.to_string();
            let out = file.style.lines(&out);
            decode::month(rel, &out).map_err(|p| self.unreadable("removing the entry", p))?;
            self.write(rel, &out, file.style)?;
        }
        Ok(())
    }
}
