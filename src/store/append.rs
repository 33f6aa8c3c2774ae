//! Adding an entry at the end of its month file: the one write a person makes mid-conversation,
//! so it is kept to one small parse when the file is one rolo has already checked.

use super::fasthash::FastSet;
use super::{Saved, Store, StoreError, content_hash, decode, encode, paths};
use crate::model::Entry;
use std::path::Path;

impl Store {
    /// Add an interaction at the end of its month file. The id is made unique in that month
    /// (ids start with the date, so they cannot collide across months).
    pub fn append_entry(&self, entry: Entry) -> Result<Saved<Entry>, StoreError> {
        self.append_as(entry, &encode::entry_block)
    }

    /// `append_entry` with the block's text made by `block` from the entry (its id may change
    /// to stay unique): an entry edited as text keeps every key the person wrote.
    pub(super) fn append_as(
        &self,
        mut entry: Entry,
        block: &dyn Fn(&Entry) -> String,
    ) -> Result<Saved<Entry>, StoreError> {
        if entry.with.is_empty() {
            return Err(StoreError::Invalid(
                "an entry needs at least one person".into(),
            ));
        }
        let rel = paths::month(entry.month());
        let _lock = self.lock()?;
        let text = self.read_text(&rel)?;
        let changed_outside = self.changed_since_seen(&rel, text.as_ref().map(|t| t.as_bytes()));
        let old = text.unwrap_or_default();
        let old_hash = content_hash(old.as_bytes());
        if let Some(ids) = self.appendable.ids(&rel, old_hash) {
            let value = self.append_to_known(&rel, old, ids, entry, block)?;
            return Ok(Saved {
                value,
                changed_outside,
            });
        }
        let mut out = with_separator(old);
        let head = out.len();
        let head_line = out.matches('\n').count() + 1;
        // One parse of the file with the entry added (a month file can hold thousands of
        // entries) checks that the file is readable, that it stays readable, and whether the id
        // is taken; the old text alone is parsed only to explain a failure.
        let base = entry.id.clone();
        let mut n = 1;
        let (value, old_ids) = loop {
            out.truncate(head);
            out.push_str(&block(&entry));
            let parsed = decode::month(&rel, &out);
            // Our entry must come back whole and as its own table, not swallowed by, say, a
            // string the old text left open.
            let ours = parsed
                .as_ref()
                .ok()
                .and_then(|all| all.last())
                .filter(|last| last.entry.id == entry.id && last.id_at.line > head_line);
            if ours.is_none() {
                if !out[..head].trim().is_empty() {
                    decode::month(&rel, &out[..head]).map_err(|p| self.broken(p))?;
                }
                let why = match parsed {
                    Err(p) => p.to_string(),
                    Ok(_) => "it would not read back as written".into(),
                };
                return Err(unreadable_with(why));
            }
            let mut all = parsed.unwrap_or_default();
            // What is written is what reads back (CRLF as LF, say), so that is what we return.
            if all.iter().filter(|l| l.entry.id == entry.id).count() == 1
                && let Some(ours) = all.pop()
            {
                let old_ids: FastSet<String> = all.into_iter().map(|l| l.entry.id).collect();
                break (ours.entry, old_ids);
            }
            n += 1;
            entry.id = format!("{base}-{n}");
        };
        self.write(&rel, &out)?;
        // The old text took an entry at its end, and so will the new one.
        self.appendable.record(&rel, old_hash, old_ids.clone());
        let mut ids = old_ids;
        ids.insert(value.id.clone());
        self.appendable
            .record(&rel, content_hash(out.as_bytes()), ids);
        Ok(Saved {
            value,
            changed_outside,
        })
    }

    /// `append_entry` on a text already known to take an entry at its end: only the new block
    /// is parsed (see `appendable.rs`).
    fn append_to_known(
        &self,
        rel: &Path,
        old: String,
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
        let block = block(&entry);
        let mut parsed = decode::month(rel, &block).map_err(|p| unreadable_with(p.to_string()))?;
        let value = match parsed.pop() {
            Some(ours) if parsed.is_empty() && ours.entry.id == entry.id => ours.entry,
            _ => return Err(unreadable_with("it would not read back as written".into())),
        };
        let mut out = with_separator(old);
        out.push_str(&block);
        self.write(rel, &out)?;
        ids.insert(value.id.clone());
        self.appendable
            .record(rel, content_hash(out.as_bytes()), ids);
        Ok(value)
    }
}

/// The old text of a month file, ready for one more `[[entry]]` block after a blank line.
fn with_separator(mut out: String) -> String {
    if !out.is_empty() && !out.ends_with('\n') {
        out.push('\n');
    }
    if !out.trim().is_empty() {
        out.push('\n');
    }
    out
}

fn unreadable_with(why: String) -> StoreError {
    StoreError::Refused(format!(
        "the entry would make the file unreadable ({why}); nothing was written"
    ))
}
