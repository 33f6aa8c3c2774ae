//! Adding an entry at the end of its month file: the one write a person makes mid-conversation,
//! so it is kept to one small parse when the file is one rolo has already checked.

use super::error::{Breakage, Invalid, StoreError};
use super::file_text::{Style, content_hash};
use super::{decode, encode, paths};
use crate::fasthash::FastSet;
use crate::model::Entry;
use crate::store::{Saved, Store};
use std::path::Path;

impl Store {
    /// Add an interaction at the end of its month file. The id is made unique in that month
    /// (ids start with the date, so they cannot collide across months).
    pub fn append_entry(&self, entry: Entry) -> Result<Saved<Entry>, StoreError> {
        self.append_as(entry, &encode::entry_block)
    }

    /// `append_entry` with the block's text made by `block` from the entry (its id may change
    /// to stay unique): an entry edited as text keeps every key the person wrote.
    pub(in crate::store) fn append_as(
        &self,
        mut entry: Entry,
        block: &dyn Fn(&Entry) -> String,
    ) -> Result<Saved<Entry>, StoreError> {
        if entry.with.is_empty() {
            return Err(Invalid::NoPerson.into());
        }
        let rel = paths::month(entry.month());
        let _lock = self.lock()?;
        let file = self.read_text(&rel)?;
        let changed_outside = self.changed_since_seen_hash(&rel, file.as_ref().map(|f| f.hash));
        let (old, style) = file.map(|f| (f.text, f.style)).unwrap_or_default();
        let old_hash = content_hash(old.as_bytes());
        if let Some(ids) = self.appends().ids(&rel, old_hash) {
            let value = self.append_to_known(&rel, (old, style), ids, entry, block)?;
            return Ok(Saved {
                value,
                changed_outside,
            });
        }
        // The whole file must load as it is before anything is added to it (the same check a
        // load and `rolo check` make): a file broken at its end may read again once an entry
        // follows it (a lone CR becomes a line end), and must not be written for all that.
        let old_entries = decode::month(&rel, &old).map_err(|p| self.broken(p))?;
        let old_count = old_entries.len();
        let old_ids: FastSet<String> = old_entries.into_iter().map(|l| l.entry.id).collect();
        let base = entry.id.clone();
        let mut n = 1;
        while old_ids.contains(&entry.id) {
            n += 1;
            entry.id = format!("{base}-{n}");
        }
        let mut out = with_separator(old, style);
        let head_line = out.matches('\n').count() + 1;
        out.push_str(&style.lines(&block(&entry)));
        // One parse of the file with the entry added proves it stays readable: the entry must
        // come back whole, last, and as its own table (an inline `entry = [...]` in the old
        // text would not take one).
        let mut all = decode::month(&rel, &out).map_err(|p| self.unreadable("the entry", p))?;
        let value = match all.pop() {
            Some(ours)
                if all.len() == old_count
                    && ours.entry.id == entry.id
                    && ours.id_at.line > head_line =>
            {
                ours.entry
            }
            _ => {
                return Err(self.unreadable_because("the entry", Breakage::NotAsWritten));
            }
        };
        self.write(&rel, &out, style)?;
        // The old text took an entry at its end, and so will the new one.
        self.appends().record(&rel, old_hash, old_ids.clone());
        let mut ids = old_ids;
        ids.insert(value.id.clone());
        self.appends()
            .record(&rel, content_hash(out.as_bytes()), ids);
        Ok(Saved {
            value,
            changed_outside,
        })
    }

    /// `append_entry` on a text already known to take an entry at its end: only the new block
    /// is parsed (see `AppendMemo`).
    fn append_to_known(
        &self,
        rel: &Path,
        (old, style): (String, Style),
        mut ids: FastSet<String>,
        mut entry: Entry,
        block: &dyn Fn(&Entry) -> String,
    ) -> Result<Entry, StoreError> {
        let base = entry.id.clone();
        let mut n = 1;
        while ids.contains(&entry.id) {
            n += 1;
            entry.id = format!("{base}-{n}");
        }
        let block = style.lines(&block(&entry)).into_owned();
        let mut parsed = decode::month(rel, &block).map_err(|p| self.unreadable("the entry", p))?;
        let value = match parsed.pop() {
            Some(ours) if parsed.is_empty() && ours.entry.id == entry.id => ours.entry,
            _ => {
                return Err(self.unreadable_because("the entry", Breakage::NotAsWritten));
            }
        };
        let mut out = with_separator(old, style);
        out.push_str(&block);
        self.write(rel, &out, style)?;
        ids.insert(value.id.clone());
        self.appends()
            .record(rel, content_hash(out.as_bytes()), ids);
        Ok(value)
    }
}

/// The old text of a month file, ready for one more `[[entry]]` block after a blank line, in
/// the file's own line ending.
fn with_separator(mut out: String, style: Style) -> String {
    let eol = if style.crlf { "\r\n" } else { "\n" };
    if !out.is_empty() && !out.ends_with('\n') {
        out.push_str(eol);
    }
    if !decode::blank(&out) {
        out.push_str(eol);
    }
    out
}
