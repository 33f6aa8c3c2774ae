//! Month files this process has already proven it can append to.
//!
//! Saving a note must check that the month file reads, that it still reads with the new entry
//! at the end, and that the entry's id is free. Parsing a month of 1,500 entries for that is
//! several milliseconds; the write itself is under one. Once a parse has shown that a text
//! takes a new `[[entry]]` at its end (it is a valid month file whose entries are an array of
//! tables, not an inline `entry = [...]`), that stays true for that exact text, and for that
//! text plus the entry rolo appended. So the ids of such texts are kept here, keyed by the
//! content hash of the bytes; a save that reads bytes with a known hash only needs to parse
//! its own new block. Any other text (edited outside, say) takes the full check.

use crate::fasthash::FastSet;
use crate::store::truth::shortcuts::AppendMemo;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

/// Texts kept: the newest few are where notes go (this month, a back-dated one, and the text
/// before and after the last save of each).
const KEEP: usize = 6;

struct Known {
    rel: PathBuf,
    hash: u64,
    ids: FastSet<String>,
}

#[derive(Default)]
pub(in crate::store) struct Appendable {
    /// Most recently used last.
    known: Mutex<Vec<Known>>,
}

impl AppendMemo for Appendable {
    /// The entry ids in the text of `rel` whose content hash is `hash`, if that text is known
    /// to take an appended entry.
    fn ids(&self, rel: &Path, hash: u64) -> Option<FastSet<String>> {
        let known = self.known.lock().ok()?;
        known
            .iter()
            .rev()
            .find(|k| k.hash == hash && k.rel == rel)
            .map(|k| k.ids.clone())
    }

    fn record(&self, rel: &Path, hash: u64, ids: FastSet<String>) {
        let Ok(mut known) = self.known.lock() else {
            return;
        };
        known.retain(|k| !(k.hash == hash && k.rel == rel));
        known.push(Known {
            rel: rel.to_path_buf(),
            hash,
            ids,
        });
        let over = known.len().saturating_sub(KEEP);
        known.drain(..over);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ids(list: &[&str]) -> FastSet<String> {
        list.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn a_text_is_known_by_path_and_hash_only() {
        let a = Appendable::default();
        a.record(Path::new("journal/2026/2026-11.toml"), 7, ids(&["x"]));
        assert_eq!(
            a.ids(Path::new("journal/2026/2026-11.toml"), 7),
            Some(ids(&["x"]))
        );
        assert_eq!(a.ids(Path::new("journal/2026/2026-11.toml"), 8), None);
        assert_eq!(a.ids(Path::new("journal/2026/2026-10.toml"), 7), None);
    }

    #[test]
    fn only_the_newest_few_texts_are_kept() {
        let a = Appendable::default();
        for h in 0..(KEEP as u64 + 2) {
            a.record(Path::new("m.toml"), h, ids(&[]));
        }
        assert_eq!(a.ids(Path::new("m.toml"), 0), None);
        assert_eq!(a.ids(Path::new("m.toml"), 1), None);
        assert!(a.ids(Path::new("m.toml"), KEEP as u64 + 1).is_some());
        assert!(a.ids(Path::new("m.toml"), 2).is_some());
    }
}
