//! Two people's files made one (`rolo merge A B`), as one change: A's file takes what the
//! caller makes of A and B, every entry that names B names A instead (once, when it named
//! both), every need elsewhere that marked B "not a fit" marks A, and B's file goes.
//!
//! The same rules as any change: under the folder lock; every file read as it is on disk now
//! and refused unless it loads (a month file that does not load and may name B stops the
//! merge: nothing is written); no file written that rolo could not read back; comments, key
//! order and unknown keys survive in every file kept. The files are written together
//! (`Fs::write_atomic_many`), then B's is removed: a crash in between leaves B's file beside
//! entries that already name A, and loses nothing.

use super::error::{Missing, Refusal, StoreError};
use super::file_text::{Style, content_hash};
use super::{decode, encode, paths};
use crate::model::Contact;
use crate::store::Store;
use std::path::{Path, PathBuf};
use toml_edit::DocumentMut;

/// What a merge wrote.
#[derive(Debug, Clone)]
pub struct PeopleMerged {
    /// A as a later load will read them.
    pub kept: Contact,
    /// B as their file was before it was removed.
    pub gone: Contact,
    /// Entries that named B (now A).
    pub entries: usize,
    /// The month files rewritten.
    pub months: Vec<(i32, u32)>,
    /// Other people whose needs named B "not a fit" (now A), as their files now read.
    pub others: Vec<Contact>,
}

impl Store {
    /// Merge `gone` into `keep`: `combine(a, b)` gives A's new record from both as they are
    /// on disk now. Refused when the two are one, or either file is missing or does not load.
    pub fn merge_people(
        &self,
        keep: &str,
        gone: &str,
        combine: impl FnOnce(&Contact, &Contact) -> Contact,
    ) -> Result<PeopleMerged, StoreError> {
        if keep == gone {
            return Err(StoreError::Invalid(super::error::Invalid::Change(format!(
                "{keep} cannot be merged into themselves; nothing was written"
            ))));
        }
        let keep_rel = self.contact_file(keep)?;
        let gone_rel = self.contact_file(gone)?;
        let _lock = self.lock()?;
        let missing = |id: &str| StoreError::NotFound(Missing::Contact { id: id.to_string() });
        let (a_file, a) = self
            .contact_for_write(keep, &keep_rel)?
            .ok_or_else(|| missing(keep))?;
        let (_, b) = self
            .contact_for_write(gone, &gone_rel)?
            .ok_or_else(|| missing(gone))?;
        let mut new = combine(&a, &b);
        new.id = keep.to_string();
        let mut files: Vec<(PathBuf, Vec<u8>)> = Vec::new();
        let kept = if new == a {
            a.clone()
        } else {
            let (bytes, value) =
                self.contact_edited(keep, &keep_rel, &a_file.text, a_file.style, &a, &new)?;
            files.push((keep_rel.clone(), bytes));
            value
        };
        // Other people's needs that named B not a fit now name A (once).
        let mut others = Vec::new();
        for id in self.contact_ids()? {
            if id == keep || id == gone {
                continue;
            }
            let rel = self.contact_file(&id)?;
            let Some(bytes) = self
                .fs
                .read(&rel)
                .map_err(|e| StoreError::io(self.display(&rel), e))?
            else {
                continue;
            };
            // Most files never name B: no parse for those.
            if !contains(&bytes, gone) {
                continue;
            }
            let Some((file, old)) = self.contact_for_write(&id, &rel)? else {
                continue;
            };
            let mut changed = old.clone();
            for need in &mut changed.needs {
                if need.not_a_fit.iter().any(|w| w == gone) {
                    let mut list: Vec<String> = Vec::new();
                    for w in &need.not_a_fit {
                        let w = if w == gone {
                            keep.to_string()
                        } else {
                            w.clone()
                        };
                        if !list.contains(&w) {
                            list.push(w);
                        }
                    }
                    need.not_a_fit = list;
                }
            }
            if changed != old {
                let (bytes, value) =
                    self.contact_edited(&id, &rel, &file.text, file.style, &old, &changed)?;
                files.push((rel, bytes));
                others.push(value);
            }
        }
        // Every entry that names B names A.
        let (mut entries, mut months) = (0, Vec::new());
        for month in self.months()? {
            let rel = paths::month(month);
            let Some(bytes) = self
                .fs
                .read(&rel)
                .map_err(|e| StoreError::io(self.display(&rel), e))?
            else {
                continue;
            };
            if !contains(&bytes, gone) {
                continue;
            }
            let Some((file, _)) = self.month_for_write(&rel)? else {
                continue;
            };
            let mut doc: DocumentMut = file.text.parse().map_err(|_| {
                StoreError::Refused(Refusal::NotEditable {
                    path: self.display(&rel),
                })
            })?;
            let here = encode::rename_in_with(&mut doc, gone, keep);
            if here == 0 {
                continue;
            }
            let out = file.style.lines(&doc.to_string()).into_owned();
            let after = decode::month(&rel, &out).map_err(|p| self.unreadable("the merge", p))?;
            // Never leave an entry naming someone whose file is gone.
            if after.iter().any(|l| l.entry.involves(gone)) {
                return Err(StoreError::Refused(Refusal::NotEditable {
                    path: self.display(&rel),
                }));
            }
            files.push((rel, file.style.bytes(&out)));
            entries += here;
            months.push(month);
        }
        for (rel, _) in &files {
            self.check_writable(rel)?;
        }
        self.check_writable(&gone_rel)?;
        self.fs
            .write_atomic_many(&files)
            .map_err(|e| StoreError::io(self.display(Path::new(paths::CONTACTS)), e))?;
        for (rel, bytes) in &files {
            self.remember(rel, content_hash(bytes));
        }
        self.fs
            .remove(&gone_rel)
            .map_err(|e| StoreError::io(self.display(&gone_rel), e))?;
        if let Ok(mut seen) = self.seen.lock() {
            seen.remove(&gone_rel);
        }
        Ok(PeopleMerged {
            kept,
            gone: b,
            entries,
            months,
            others,
        })
    }

    /// A contact's text edited in place from `old` to `new`, as bytes to write, and what it
    /// then reads as; refused when it would not load.
    fn contact_edited(
        &self,
        id: &str,
        rel: &Path,
        text: &str,
        style: Style,
        old: &Contact,
        new: &Contact,
    ) -> Result<(Vec<u8>, Contact), StoreError> {
        let mut doc: DocumentMut = text.parse().map_err(|_| {
            StoreError::Refused(Refusal::NotEditable {
                path: self.display(rel),
            })
        })?;
        encode::merge_contact(&mut doc, old, new);
        let out = style.lines(&doc.to_string()).into_owned();
        let value = decode::contact(id, rel, &out).map_err(|p| self.unreadable("the merge", p))?;
        Ok((style.bytes(&out), value))
    }
}

/// Whether `bytes` may name `id`: a file that does not hold it cannot. Only for an id of
/// ASCII letters, digits, `-` and `_` (what rolo makes), which TOML never escapes; an id named by
/// hand with anything else could be written escaped, so every file counts.
fn contains(bytes: &[u8], id: &str) -> bool {
    let plain = id
        .bytes()
        .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_');
    if !plain || id.is_empty() {
        return true;
    }
    let id = id.as_bytes();
    bytes.windows(id.len()).any(|w| w == id)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn with_keeps_a_once_and_the_order() {
        let mut doc: DocumentMut = "[[entry]]\nwith = [\"b\", \"c\"] # x\n[[entry]]\nwith = [\"c\", \"b\", \"a\"]\n[[entry]]\nwith = [\"c\"]\n"
            .parse()
            .unwrap();
        assert_eq!(encode::rename_in_with(&mut doc, "b", "a"), 2);
        assert_eq!(
            doc.to_string(),
            "[[entry]]\nwith = [\"a\", \"c\"] # x\n[[entry]]\nwith = [\"c\", \"a\"]\n[[entry]]\nwith = [\"c\"]\n"
        );
    }

    #[test]
    fn contains_finds_the_id() {
        assert!(contains(b"with = [\"priya-r\"]", "priya-r"));
        assert!(!contains(b"with = [\"ada\"]", "priya-r"));
        // Could be written escaped: looked at.
        assert!(contains(b"with = [\"ren\\u00e9\"]", "rené"));
    }
}
