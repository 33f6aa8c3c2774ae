//! Whether a write may touch a file, and the write itself: the folder lock, the refusal of a
//! path outside the folder or through a link, the content hash of each file as rolo last
//! read or wrote it (to notice an outside edit), and the one place every record is written
//! (`Store::write`).
//!
//! A write reads the file as it is now and refuses it unless the whole of it loads: the same
//! text (`decode::utf8`, BOM taken off) through the same decoder (`decode::month`,
//! `decode::contact`) that a load and `rolo check` use, so `check` reports as an error every
//! file a write would refuse, at the same path:line:col, and a write refuses every file `check`
//! calls broken. (Warnings, such as an entry dated outside its month file, do not stop a file
//! from loading, so they do not stop a write.) The message always carries the full path.

use super::decode::{self, LocatedEntry};
use super::error::{Breakage, LinkAdvice, Refusal, StoreError};
use super::file_text::content_hash;
use super::file_text::{FileText, Style};
use super::fs::Lock;
use super::paths;
use super::problem::Problem;
use crate::model::{Contact, Entry};
use crate::store::Store;
use std::path::Path;

impl Store {
    /// A file that does not parse, located by its full path so the message can be acted on.
    pub(in crate::store) fn broken(&self, problem: Problem) -> StoreError {
        StoreError::Broken(Problem {
            path: self.display(&problem.path),
            ..problem
        })
    }

    /// The file's text (without BOM), its style and hash; `None` when it does not exist.
    pub(in crate::store) fn read_text(&self, rel: &Path) -> Result<Option<FileText>, StoreError> {
        let bytes = self
            .fs
            .read(rel)
            .map_err(|e| StoreError::io(self.display(rel), e))?;
        bytes
            .map(|b| FileText::read(rel, &b).map_err(|p| self.broken(p)))
            .transpose()
    }

    /// A month file read for a write, refused unless it loads in full; `None` when absent.
    pub(in crate::store) fn month_for_write(
        &self,
        rel: &Path,
    ) -> Result<Option<(FileText, Vec<LocatedEntry>)>, StoreError> {
        let Some(file) = self.read_text(rel)? else {
            return Ok(None);
        };
        let entries = decode::month(rel, &file.text).map_err(|p| self.broken(p))?;
        Ok(Some((file, entries)))
    }

    /// A contact file read for a write, refused unless it loads in full; `None` when absent.
    pub(in crate::store) fn contact_for_write(
        &self,
        id: &str,
        rel: &Path,
    ) -> Result<Option<(FileText, Contact)>, StoreError> {
        let Some(file) = self.read_text(rel)? else {
            return Ok(None);
        };
        let contact = decode::contact(id, rel, &file.text).map_err(|p| self.broken(p))?;
        Ok(Some((file, contact)))
    }

    /// Write `text` (already in the file's line ending, see `Style::lines`) with the file's BOM.
    pub(in crate::store) fn write(
        &self,
        rel: &Path,
        text: &str,
        style: Style,
    ) -> Result<(), StoreError> {
        self.check_writable(rel)?;
        let bytes = style.bytes(text);
        self.fs
            .write_atomic(rel, &bytes)
            .map_err(|e| StoreError::io(self.display(rel), e))?;
        self.remember(rel, content_hash(&bytes));
        Ok(())
    }

    /// A refusal of a text that would not load, its place given by the file's full path.
    pub(in crate::store) fn unreadable(&self, what: &'static str, problem: Problem) -> StoreError {
        let problem = Problem {
            path: self.display(&problem.path),
            ..problem
        };
        self.unreadable_because(what, Breakage::Problem(problem))
    }

    pub(in crate::store) fn unreadable_because(
        &self,
        what: &'static str,
        why: Breakage,
    ) -> StoreError {
        StoreError::Refused(Refusal::WouldBreak { what, why })
    }

    /// The entry `id` as a later load will see it in the month text `out`, or a refusal when
    /// that text would not load: rolo never writes a file it could not read back.
    pub(in crate::store) fn read_back(
        &self,
        rel: &Path,
        out: &str,
        id: &str,
    ) -> Result<Entry, StoreError> {
        decode::month(rel, out)
            .map_err(|p| self.unreadable("the entry", p))?
            .into_iter()
            .rev()
            .map(|l| l.entry)
            .find(|e| e.id == id)
            .ok_or_else(|| {
                self.unreadable_because("the entry", Breakage::EntryMissing { id: id.to_string() })
            })
    }

    /// Note the content hash of a file as rolo read or wrote it (`content_hash`).
    pub(in crate::store) fn remember(&self, rel: &Path, hash: u64) {
        if let Ok(mut seen) = self.seen.lock() {
            seen.insert(rel.to_path_buf(), hash);
        }
    }

    /// The content hash of the file as rolo last read or wrote it, when it did: for a result
    /// derived from many files, kept between runs under a key made of their hashes.
    pub fn seen_hash(&self, rel: &Path) -> Option<u64> {
        self.seen.lock().ok()?.get(rel).copied()
    }

    /// `seen_hash` of each of the cards `ids`, looked up together: by the cards' ids, not
    /// their paths (hashing 10,000 paths was most of 10 ms).
    pub fn seen_card_hashes(&self, ids: &[&str]) -> Vec<Option<u64>> {
        let mut hashes = vec![None; ids.len()];
        let at: crate::fasthash::FastMap<&str, usize> =
            ids.iter().enumerate().map(|(i, id)| (*id, i)).collect();
        let Ok(seen) = self.seen.lock() else {
            return hashes;
        };
        for (rel, hash) in seen.iter() {
            let id = rel
                .strip_prefix(paths::CONTACTS)
                .ok()
                .and_then(|name| name.to_str())
                .and_then(|name| name.strip_suffix(".toml"));
            if let Some(&i) = id.and_then(|id| at.get(id)) {
                hashes[i] = Some(*hash);
            }
        }
        hashes
    }

    /// The file is known to be gone (rolo removed it, or read it as gone): its going is no
    /// change for the watcher to report.
    pub fn forget_seen(&self, rel: &Path) {
        if let Ok(mut seen) = self.seen.lock() {
            seen.remove(rel);
        }
    }

    pub(in crate::store) fn changed_since_seen(&self, rel: &Path, bytes: Option<&[u8]>) -> bool {
        self.changed_since_seen_hash(rel, bytes.map(content_hash))
    }

    /// `changed_since_seen` for bytes already hashed (`FileText::hash`).
    pub(in crate::store) fn changed_since_seen_hash(&self, rel: &Path, hash: Option<u64>) -> bool {
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
    pub(in crate::store) fn check_writable(&self, rel: &Path) -> Result<(), StoreError> {
        if !paths::is_inside(rel) {
            return Err(StoreError::Refused(Refusal::Outside {
                path: rel.to_path_buf(),
            }));
        }
        match self.fs.link_on_way(rel) {
            None => Ok(()),
            Some((link, to)) => Err(StoreError::Refused(Refusal::Link {
                advice: if link == Path::new(paths::LOCK) {
                    LinkAdvice::RemoveIt
                } else if link == rel {
                    LinkAdvice::RegularFile
                } else {
                    LinkAdvice::RealFolder
                },
                link: self.display(&link),
                to,
            })),
        }
    }

    pub(in crate::store) fn lock(&self) -> Result<Lock, StoreError> {
        self.check_writable(Path::new(paths::LOCK))?;
        self.fs
            .lock()
            .map_err(|e| StoreError::io(self.display(Path::new(".lock")), e))
    }

    /// Remove temp files left by a writer that was killed mid-save (see `Fs::sweep_stale_temps`),
    /// except in the folders of `clean`, known to hold none. Safe to call at any time: it
    /// skips the sweep while another rolo is writing.
    pub(in crate::store) fn sweep_stale_temps_except(
        &self,
        clean: &[&Path],
    ) -> Result<usize, StoreError> {
        self.fs
            .sweep_stale_temps(clean)
            .map_err(|e| StoreError::io(self.display(Path::new(".")), e))
    }

    /// The text of a file (without a BOM), for editing; `None` when it does not exist.
    pub fn read_file(&self, rel: &Path) -> Result<Option<String>, StoreError> {
        Ok(self.read_text(rel)?.map(|f| f.text))
    }
}
