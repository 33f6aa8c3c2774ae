//! Many people's files changed as one change (an import): new people and additions to
//! people already there, all checked before the first file is written.
//!
//! The same rules as one person at a time (`create_contact`, `update_contact`): under the
//! folder lock; a change runs on the file as it is on disk now, so an outside edit made
//! since rolo read it is kept; a file that does not load is refused; no file is written that
//! rolo could not read back; comments, key order and unknown keys survive. What differs is
//! the writing, through `Fs::write_atomic_many`, which shares the flushes to disk.

use super::error::{Invalid, Missing, Refusal, StoreError};
use super::file_text::Style;
use super::{decode, encode, paths};
use crate::model::Contact;
use crate::slug;
use crate::store::Store;
use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};
use toml_edit::DocumentMut;

/// A change to one existing person: runs on their contact as it is on disk at write time.
pub type Addition<'a> = Box<dyn FnOnce(&mut Contact) + 'a>;

/// What a batch wrote: the new people with the ids they were given, and the people whose
/// file changed (as a later load will read them). People whose change added nothing are in
/// neither list, and their file was not touched.
#[derive(Debug, Clone, Default)]
pub struct ContactsWritten {
    pub created: Vec<Contact>,
    pub updated: Vec<Contact>,
}

/// One file about to be written, and what it will read as.
struct Pending {
    rel: PathBuf,
    /// In the file's own line endings; the BOM goes back on in `bytes`.
    text: String,
    style: Style,
    value: Contact,
}

impl Pending {
    fn bytes(&self) -> Vec<u8> {
        self.style.bytes(&self.text)
    }
}

impl Store {
    /// Create `new` (each given an id from their name, as `create_contact` does, unique in
    /// the folder and among each other) and apply `additions` to existing people, as one
    /// change. Nothing is written unless every file checks out.
    pub fn write_contacts(
        &self,
        new: Vec<Contact>,
        additions: Vec<(String, Addition<'_>)>,
    ) -> Result<ContactsWritten, StoreError> {
        let _lock = self.lock()?;
        let mut updated: Vec<Pending> = Vec::new();
        let mut at: HashMap<String, usize> = HashMap::new();
        let mut untouched = Vec::new();
        for (id, add) in additions {
            // Two additions for one person (two cards matched them) land one after the other.
            if let Some(&i) = at.get(&id) {
                let p = &mut updated[i];
                let mut value = p.value.clone();
                add(&mut value);
                value.id = id.clone();
                let (text, value) = self.merged(&id, &p.rel, &p.text, p.style, &p.value, &value)?;
                p.text = text;
                p.value = value;
                continue;
            }
            let rel = self.contact_file(&id)?;
            let (file, old) = self
                .contact_for_write(&id, &rel)?
                .ok_or_else(|| StoreError::NotFound(Missing::Contact { id: id.clone() }))?;
            let mut value = old.clone();
            add(&mut value);
            value.id = id.clone();
            if value == old {
                untouched.push((rel, file.hash));
                continue;
            }
            let (text, value) = self.merged(&id, &rel, &file.text, file.style, &old, &value)?;
            at.insert(id, updated.len());
            updated.push(Pending {
                rel,
                text,
                style: file.style,
                value,
            });
        }
        let created = self.pending_new(new)?;
        let files: Vec<(PathBuf, Vec<u8>)> = updated
            .iter()
            .chain(&created)
            .map(|p| (p.rel.clone(), p.bytes()))
            .collect();
        for (rel, _) in &files {
            self.check_writable(rel)?;
        }
        self.fs
            .write_atomic_many(&files)
            .map_err(|e| StoreError::io(self.display(Path::new(paths::CONTACTS)), e))?;
        for (rel, bytes) in &files {
            self.remember(rel, super::file_text::content_hash(bytes));
        }
        for (rel, hash) in untouched {
            self.remember(&rel, hash);
        }
        Ok(ContactsWritten {
            created: created.into_iter().map(|p| p.value).collect(),
            updated: updated.into_iter().map(|p| p.value).collect(),
        })
    }

    /// `text` (which reads as `old`) edited in place to say `new`, and what it then reads as;
    /// refused when the result would not load.
    fn merged(
        &self,
        id: &str,
        rel: &Path,
        text: &str,
        style: Style,
        old: &Contact,
        new: &Contact,
    ) -> Result<(String, Contact), StoreError> {
        let mut doc: DocumentMut = text.parse().map_err(|_| {
            StoreError::Refused(Refusal::NotEditable {
                path: self.display(rel),
            })
        })?;
        encode::merge_contact(&mut doc, old, new);
        let text = style.lines(&doc.to_string()).into_owned();
        let value =
            decode::contact(id, rel, &text).map_err(|p| self.unreadable("the import", p))?;
        Ok((text, value))
    }

    /// New people's files: ids chosen against one listing of the folder (anything listed
    /// there, a file, a folder or a link, counts as taken, as in `create_contact`) and
    /// against each other.
    fn pending_new(&self, new: Vec<Contact>) -> Result<Vec<Pending>, StoreError> {
        let folder = Path::new(paths::CONTACTS);
        let mut taken: HashSet<String> = self
            .fs
            .list(folder)
            .map_err(|e| StoreError::io(self.display(folder), e))?
            .into_iter()
            .map(|item| item.name)
            .collect();
        let mut out = Vec::with_capacity(new.len());
        for mut contact in new {
            if contact.name.trim().is_empty() {
                return Err(StoreError::Invalid(Invalid::NoName));
            }
            let id = slug::unique_slug(&contact.name, |id| taken.contains(&format!("{id}.toml")))
                .ok_or_else(|| {
                StoreError::Refused(Refusal::NoFreeId {
                    name: contact.name.clone(),
                    folder: self.display(folder),
                    cause: None,
                })
            })?;
            taken.insert(format!("{id}.toml"));
            contact.id = id;
            let rel = paths::contact(&contact.id);
            let text = encode::new_contact(&contact);
            let value = decode::contact(&contact.id, &rel, &text)
                .map_err(|p| StoreError::Invalid(Invalid::Unreadable(p)))?;
            out.push(Pending {
                rel,
                text,
                style: Style::default(),
                value,
            });
        }
        Ok(out)
    }
}
