//! The only code that touches the data folder. Every change is a read-modify-write of the
//! file as it is on disk *now*, under a folder lock, so an outside edit made since rolo read
//! the file is kept and the change is applied on top of it rather than over it.
//!
//! Start here. The store has two halves behind this facade:
//! - `truth/`: the correctness core — load and decode with every problem located, encode that
//!   keeps comments and unknown keys, the checks before a write, atomic private writes, the
//!   lock, drafts, merging an `$EDITOR` edit, watching for outside edits.
//! - `speed/`: what makes it fast — the derived cache, parallel and staged loads, lean loads,
//!   the append shortcut. It uses `truth/`; `truth/` never uses it (the layer test checks).
//!
//! What the rest of rolo uses, all on [`Store`] (made by `Store::on_disk(dir)` or
//! `Store::new(Box::new(MemFs::new()))`, then `.with_cache(dir)` for the derived cache):
//!
//! | for                  | methods                                                        |
//! |----------------------|----------------------------------------------------------------|
//! | loading everything   | `load`, `load_recent` then `load_older`, `load_sequential`      |
//! |                      | (`load_with`, `load_older_with`: a thread count),              |
//! |                      | `load_recent_as_kept` (cards as kept, checked by `watch`)      |
//! | loading less         | `load_contacts_only`, `load_contacts_lean`, `load_touches`,     |
//! |                      | `load_last_days`, `load_entries_with`, `month_touches`,         |
//! |                      | `month_last_days`, `month_entries_with`, `load_contact`,        |
//! |                      | `load_contact_or_stand_in`, `load_month`, `contact_ids`, `months` |
//! | changing a record    | `create_contact`, `update_contact`, `append_entry`,             |
//! |                      | `update_entry`, `delete_entry`, `write_contacts` (many at once) |
//! |                      | `merge_people` (two people made one: their files and entries) |
//! | editing as text      | `read_file`, `entry_text`, `replace_entry_text`,                |
//! |                      | `replace_contact_text`                                          |
//! | drafts               | `save_draft`, `claim_draft`, `remove_draft`, `drafts`           |
//! | outside edits        | `watch`, then `Watch::poll`                                     |
//! | the cache            | `with_cache`, `flush_cache`, `cache_stats`, `cache_root`        |
//! | housekeeping         | `sweep_leftover_temps`, `links_inside`, `is_folder`, `display`, |
//! |                      | `fs`, `root`                                                    |
//!
//! Types: `Loaded`, `Problem` and `Severity` (a file's problems), `StoreError` (why a call
//! failed, with its kinds in `error`: `Missing`, `Invalid`, `Refusal`), `Saved` and `Edited`
//! (what a change wrote), `Fs` with `DiskFs` and the in-memory `MemFs`. Modules by name:
//! `paths` (where files live), `decode` (TOML to the model, to check a text before saving).

mod speed;
mod truth;

pub use speed::as_kept::{CardsAsKept, StampsTaken};
#[cfg(test)]
pub(crate) use speed::cache::keys_of as keys_of_names;
pub use speed::cache::{CacheStats, CardsDigest};
pub use speed::lean_load::MonthsRead;
pub use speed::named::ContactFiles;
pub use speed::names::{ByName, Guessed, KeptNames};
pub use speed::parallel::{OlderLoad, PendingOlder, RecentLoad};
pub use speed::touch::Touch;
pub use truth::batch::{Addition, ContactsWritten};
pub use truth::decode::{Loc, LocatedEntry};
pub use truth::disk::DiskFs;
pub use truth::drafts::Claim;
pub use truth::error::StoreError;
pub use truth::file_text::Style;
pub use truth::fs::{DirItem, Fs, Lease, Lock, Stamp, StampsIn};
pub use truth::load::{Loaded, Month};
pub use truth::mem::MemFs;
pub use truth::merge3::{Conflict, Outcome as MergeOutcome, Renumbered};
pub use truth::merge3::{Lists, merge_document, merge_document_with, place};
pub use truth::people_merge::PeopleMerged;
pub use truth::problem::{Problem, Severity};
pub use truth::stand_in::BrokenContact;
pub use truth::watch::{Change, Watch};
pub use truth::{decode, error, paths};
pub(crate) use truth::{drafts, merge_note};

use crate::fasthash::FastMap;
use std::path::{Path, PathBuf};
use std::sync::{Mutex, OnceLock};
use truth::shortcuts::{AppendMemo, DecodeMemo};

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
    seen: Mutex<FastMap<PathBuf, u64>>,
    /// Month texts known to take a new entry at their end, so a save parses only its entry.
    appendable: speed::appendable::Appendable,
    /// Decodes kept outside the data folder (`with_cache`); none by default.
    cache: Option<speed::cache::Cache>,
    /// This process's claim on the drafts it writes, taken with the first one (`drafts.rs`).
    drafts_owner: OnceLock<Option<truth::drafts::Owner>>,
    /// Each contact of a first load made to be watched (`load_recent_as_kept`) and the stamp
    /// it was taken under: the cache's for a card taken as kept. `watch` compares its first
    /// picture with them, so an edit made while rolo was closed, or during that load, shows.
    /// `None` when no such load was made.
    taken_under: Mutex<Option<truth::watch::TakenUnder>>,
}

impl Store {
    pub fn new(fs: Box<dyn Fs>) -> Store {
        Store {
            fs,
            seen: Mutex::new(FastMap::default()),
            appendable: Default::default(),
            cache: None,
            drafts_owner: OnceLock::new(),
            taken_under: Mutex::default(),
        }
    }

    /// The end of a command whose process exits next: the file system (and the history
    /// wrapped around it) is dropped as usual, but the memory of what was read, 10,000 decoded
    /// cards in the cache's shards and every file's content hash on the large set, is left
    /// for the exit to give back at once. Freeing it piece by piece took 6–10 ms of
    /// `rolo list` (PERFORMANCE.md, "What `list` spends").
    pub fn end_of_command(self) {
        let Store {
            fs,
            seen,
            appendable,
            cache,
            drafts_owner,
            taken_under,
        } = self;
        drop(fs);
        drop(drafts_owner);
        std::mem::forget((seen, appendable, cache, taken_under));
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
        truth::fs::display_path(self.fs.as_ref(), rel)
    }

    /// The speed half's cache, as the truth half's loads ask it (`truth/shortcuts.rs`).
    fn decodes(&self) -> Option<&dyn DecodeMemo> {
        self.cache.as_ref().map(|c| c as &dyn DecodeMemo)
    }

    /// The speed half's proven month texts, as the truth half's append asks them.
    fn appends(&self) -> &dyn AppendMemo {
        &self.appendable
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::Arc;

    /// What is left to the exit is memory only: the file system, and with it the history's
    /// wrapper, whose going finishes its work, is still dropped.
    #[test]
    fn the_end_of_a_command_still_drops_the_file_system() {
        let mem = Arc::new(truth::mem::MemFs::new());
        let store =
            Store::new(Box::new(Arc::clone(&mem))).with_cache(tempfile::tempdir().unwrap().path());
        assert_eq!(Arc::strong_count(&mem), 2);
        store.end_of_command();
        assert_eq!(Arc::strong_count(&mem), 1);
    }
}
