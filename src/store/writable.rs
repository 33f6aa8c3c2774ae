//! Whether a write may touch a file, and the write itself.
//!
//! A write reads the file as it is now and refuses it unless the whole of it loads: the same
//! text (`decode::utf8`, BOM taken off) through the same decoder (`decode::month`,
//! `decode::contact`) that a load and `rolo check` use, so `check` reports as an error every
//! file a write would refuse, at the same path:line:col, and a write refuses every file `check`
//! calls broken. (Warnings, such as an entry dated outside its month file, do not stop a file
//! from loading, so they do not stop a write.) The message always carries the full path.

use super::decode::{self, LocatedEntry};
use super::file_text::{FileText, Style};
use super::problem::Problem;
use super::{Store, StoreError, content_hash};
use crate::model::{Contact, Entry};
use std::path::Path;

impl Store {
    /// A file that does not parse, located by its full path so the message can be acted on.
    pub(super) fn broken(&self, problem: Problem) -> StoreError {
        StoreError::Broken(Problem {
            path: self.display(&problem.path),
            ..problem
        })
    }

    /// The file's text (without BOM), its style and hash; `None` when it does not exist.
    pub(super) fn read_text(&self, rel: &Path) -> Result<Option<FileText>, StoreError> {
        let bytes = self
            .fs
            .read(rel)
            .map_err(|e| StoreError::io(self.display(rel), e))?;
        bytes
            .map(|b| FileText::read(rel, &b).map_err(|p| self.broken(p)))
            .transpose()
    }

    /// A month file read for a write, refused unless it loads in full; `None` when absent.
    pub(super) fn month_for_write(
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
    pub(super) fn contact_for_write(
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
    pub(super) fn write(&self, rel: &Path, text: &str, style: Style) -> Result<(), StoreError> {
        self.check_writable(rel)?;
        let bytes = style.bytes(text);
        self.fs
            .write_atomic(rel, &bytes)
            .map_err(|e| StoreError::io(self.display(rel), e))?;
        self.remember(rel, content_hash(&bytes));
        Ok(())
    }

    /// A refusal of a text that would not load, its place given by the file's full path.
    pub(super) fn unreadable(&self, what: &str, problem: Problem) -> StoreError {
        let problem = Problem {
            path: self.display(&problem.path),
            ..problem
        };
        self.unreadable_because(what, problem.to_string())
    }

    pub(super) fn unreadable_because(&self, what: &str, why: String) -> StoreError {
        StoreError::Refused(format!(
            "{what} would make the file unreadable ({why}); nothing was written"
        ))
    }

    /// The entry `id` as a later load will see it in the month text `out`, or a refusal when
    /// that text would not load: rolo never writes a file it could not read back.
    pub(super) fn read_back(&self, rel: &Path, out: &str, id: &str) -> Result<Entry, StoreError> {
        decode::month(rel, out)
            .map_err(|p| self.unreadable("the entry", p))?
            .into_iter()
            .rev()
            .map(|l| l.entry)
            .find(|e| e.id == id)
            .ok_or_else(|| {
                self.unreadable_because(
                    "the entry",
                    format!("entry \"{id}\" is missing after the edit"),
                )
            })
    }
}
