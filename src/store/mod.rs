//! The only code that touches the data folder. Every change is a read-modify-write of the
//! file as it is on disk *now*, under a folder lock, so an outside edit made since rolo read
//! the file is kept and the change is applied on top of it rather than over it.

mod append;
mod appendable;
mod cache;
mod contact_text;
pub mod decode;
mod disk;
pub mod drafts;
mod encode;
mod entry_text;
mod error;
pub(crate) use crate::fasthash;
mod file_text;
mod fs;
mod gather;
mod lean_load;
mod links;
mod load;
mod mem;
mod merge3;
pub mod merge_note;
mod moment;
mod parallel;
pub mod paths;
mod problem;
mod stand_in;
mod touch;
mod watch;
mod wording;
mod writable;

pub use cache::CacheStats;
pub use decode::{Loc, LocatedEntry};
pub use disk::DiskFs;
pub use drafts::Claim;
pub use encode::entry_block;
pub use error::StoreError;
pub use file_text::Style;
pub use fs::{DirItem, Fs, Lease, Lock, Stamp};
pub use lean_load::MonthsRead;
pub use load::{Loaded, Month};
pub use mem::MemFs;
pub use merge3::{Conflict, Outcome as MergeOutcome, Renumbered, merge_document, place};
pub use parallel::{OlderLoad, PendingOlder, RecentLoad, default_threads};
pub use problem::{Problem, Severity, line_col};
pub use stand_in::BrokenContact;
pub use touch::Touch;
pub use watch::{Change, Watch};

use crate::model::{Contact, Entry};
use crate::slug;
use appendable::Appendable;
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use toml_edit::DocumentMut;

/// The result of a write, and whether the file had been changed by someone else since rolo
/// last read it (the caller should then refresh what it shows from `value`).
#[derive(Debug, Clone)]
pub struct Saved<T> {
    pub value: T,
    pub changed_outside: bool,
}

/// The result of saving a text edited in `$EDITOR`: the value as saved, what merging the edit
/// into the file as it was then reported (keys changed on both sides kept the file's value),
/// and the text as it is now, for the editor to reopen on.
#[derive(Debug, Clone)]
pub struct Edited<T> {
    pub value: T,
    pub merge: MergeOutcome,
    pub text: String,
}

pub struct Store {
    fs: Box<dyn Fs>,
    /// Content hash of each file as rolo last read or wrote it.
    seen: Mutex<HashMap<PathBuf, u64>>,
    /// Month texts known to take a new entry at their end, so a save parses only its entry.
    appendable: Appendable,
    /// Decodes kept outside the data folder (`with_cache`); none by default.
    cache: Option<cache::Cache>,
    /// This process's claim on the drafts it writes, taken with the first one (`drafts.rs`).
    drafts_owner: std::sync::OnceLock<Option<drafts::Owner>>,
}

/// A fingerprint to notice outside edits, not a defence against an attacker: eight bytes at
/// a time through a mix that is one-to-one per step, so changing any single word (or the
/// length) always changes the result; several times faster than SipHash over a 45 MB folder.
pub(crate) fn content_hash(bytes: &[u8]) -> u64 {
    const K: u64 = 0x9E37_79B9_7F4A_7C15;
    let mix = |h: u64, w: u64| (h ^ w).wrapping_mul(K).rotate_left(29);
    let mut h = mix(0, bytes.len() as u64);
    let mut words = bytes.chunks_exact(8);
    for w in &mut words {
        let mut b = [0u8; 8];
        b.copy_from_slice(w);
        h = mix(h, u64::from_le_bytes(b));
    }
    let mut tail = [0u8; 8];
    tail[..words.remainder().len()].copy_from_slice(words.remainder());
    mix(h, u64::from_le_bytes(tail))
}

impl Store {
    pub fn new(fs: Box<dyn Fs>) -> Store {
        Store {
            fs,
            seen: Mutex::new(HashMap::new()),
            appendable: Appendable::default(),
            cache: None,
            drafts_owner: std::sync::OnceLock::new(),
        }
    }

    pub fn on_disk(root: impl Into<PathBuf>) -> Store {
        Store::new(Box::new(DiskFs::new(root)))
    }

    pub fn fs(&self) -> &dyn Fs {
        self.fs.as_ref()
    }

    pub fn root(&self) -> Option<&Path> {
        self.fs.root()
    }

    /// Full path for messages, relative when the store is not on disk.
    pub fn display(&self, rel: &Path) -> PathBuf {
        fs::display_path(self.fs.as_ref(), rel)
    }

    /// Note the content hash of a file as rolo read or wrote it (`content_hash`).
    fn remember(&self, rel: &Path, hash: u64) {
        if let Ok(mut seen) = self.seen.lock() {
            seen.insert(rel.to_path_buf(), hash);
        }
    }

    fn changed_since_seen(&self, rel: &Path, bytes: Option<&[u8]>) -> bool {
        self.changed_since_seen_hash(rel, bytes.map(content_hash))
    }

    /// `changed_since_seen` for bytes already hashed (`FileText::hash`).
    fn changed_since_seen_hash(&self, rel: &Path, hash: Option<u64>) -> bool {
        let seen = self.seen.lock().ok().and_then(|s| s.get(rel).copied());
        match (seen, hash) {
            (Some(h), Some(b)) => h != b,
            (Some(_), None) => true,
            (None, Some(_)) => true,
            (None, None) => false,
        }
    }

    /// Refuse, before anything is read or written, a path that would leave the data folder
    /// or go through a link inside it, naming the link: a link could lead anywhere.
    fn check_writable(&self, rel: &Path) -> Result<(), StoreError> {
        if !paths::is_inside(rel) {
            return Err(StoreError::Refused(format!(
                "{} is not a file inside the data folder; nothing was written",
                rel.display()
            )));
        }
        match self.fs.link_on_way(rel) {
            None => Ok(()),
            Some((link, to)) => Err(StoreError::Refused(format!(
                "{} is a link to {}; rolo does not write through links ({}); nothing was written",
                self.display(&link).display(),
                to.display(),
                if link == Path::new(paths::LOCK) {
                    "remove it: rolo makes its own"
                } else if link == rel {
                    "replace it with a regular file"
                } else {
                    "replace it with a real folder"
                }
            ))),
        }
    }

    fn lock(&self) -> Result<Lock, StoreError> {
        self.check_writable(Path::new(paths::LOCK))?;
        self.fs
            .lock()
            .map_err(|e| StoreError::io(self.display(Path::new(".lock")), e))
    }

    /// Remove temp files left by a writer that was killed mid-save (see `Fs::sweep_stale_temps`).
    /// Safe to call at any time: it skips the sweep while another rolo is writing.
    pub fn sweep_stale_temps(&self) -> Result<usize, StoreError> {
        self.fs
            .sweep_stale_temps()
            .map_err(|e| StoreError::io(self.display(Path::new(".")), e))
    }

    /// The file of contact `id`, when the id can name one (see `paths::name_problem`): an id
    /// is never joined into a path before it is checked.
    fn contact_file(&self, id: &str) -> Result<PathBuf, StoreError> {
        paths::contact_checked(id)
            .map_err(|why| StoreError::Invalid(format!("{why}; nothing was written")))
    }

    /// Create a new contact; the id is derived from the name and made unique.
    pub fn create_contact(&self, mut contact: Contact) -> Result<Contact, StoreError> {
        if contact.name.trim().is_empty() {
            return Err(StoreError::Invalid("a contact needs a name".into()));
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
                let folder = self.display(Path::new(paths::CONTACTS));
                let why = match failure.into_inner().ok().flatten() {
                    Some(e) => format!("cannot read {}: {e}", folder.display()),
                    None => format!(
                        "too many contacts in {} are named like this",
                        folder.display()
                    ),
                };
                return Err(StoreError::Refused(format!(
                    "no free id for \"{}\" ({why}); nothing was written",
                    crate::sanitize::inert(&contact.name)
                )));
            }
        };
        let rel = paths::contact(&contact.id);
        let text = encode::new_contact(&contact);
        // Never write a file rolo could not read back (a zero rhythm, a need numbered 0, ...).
        let value = decode::contact(&contact.id, &rel, &text)
            .map_err(|p| StoreError::Invalid(format!("{}; nothing was written", p.message)))?;
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
            .ok_or_else(|| StoreError::NotFound(format!("no contact with id \"{id}\"")))?;
        let changed_outside = self.changed_since_seen_hash(&rel, Some(file.hash));
        let mut new = old.clone();
        change(&mut new).map_err(StoreError::Invalid)?;
        new.id = id.to_string();
        if new == old {
            self.remember(&rel, file.hash);
            return Ok(Saved {
                value: new,
                changed_outside,
            });
        }
        let mut doc: DocumentMut = file.text.parse().map_err(|_| {
            StoreError::Refused(format!(
                "{} could not be edited",
                self.display(&rel).display()
            ))
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
            StoreError::NotFound(format!("no entry \"{id}\" (its month file is gone)"))
        })?;
        let changed_outside = self.changed_since_seen_hash(&rel, Some(file.hash));
        let old = entries
            .into_iter()
            .map(|l| l.entry)
            .find(|e| e.id == id)
            .ok_or_else(|| StoreError::NotFound(format!("no entry \"{id}\"")))?;
        let mut new = old.clone();
        change(&mut new).map_err(StoreError::Invalid)?;
        new.id = old.id.clone();
        if new.with.is_empty() {
            return Err(StoreError::Invalid(
                "an entry needs at least one person".into(),
            ));
        }
        let mut doc: DocumentMut = file.text.parse().map_err(|_| {
            StoreError::Refused(format!(
                "{} could not be edited",
                self.display(&rel).display()
            ))
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

    fn remove_entry_locked(&self, rel: &Path, id: &str) -> Result<(), StoreError> {
        let Some((file, _)) = self.month_for_write(rel)? else {
            return Ok(());
        };
        let mut doc: DocumentMut = file.text.parse().map_err(|_| {
            StoreError::Refused(format!(
                "{} could not be edited",
                self.display(rel).display()
            ))
        })?;
        if encode::remove_entry(&mut doc, id) {
            let out = doc.to_string();
            let out = file.style.lines(&out);
            decode::month(rel, &out).map_err(|p| self.unreadable("removing the entry", p))?;
            self.write(rel, &out, file.style)?;
        }
        Ok(())
    }

    /// The text of a file (without a BOM), for editing; `None` when it does not exist.
    pub fn read_file(&self, rel: &Path) -> Result<Option<String>, StoreError> {
        Ok(self.read_text(rel)?.map(|f| f.text))
    }
}
