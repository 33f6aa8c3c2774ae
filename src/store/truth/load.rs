//! Reading the whole folder: every file that parses loads, every one that does not is
//! reported with its place, and cross-file checks become warnings.

use super::decode::{self, LocatedEntry};
use super::error::StoreError;
use super::file_text::content_hash;
use super::fs::{Stamp, TEMP_PREFIX};
use super::gather::{Gathered, MonthLocs, split_located};
use super::month_lint::lint_months;
use super::paths;
use super::problem::Problem;
use super::stand_in::{BrokenContact, stand_in};
use crate::fasthash::FastSet;
use crate::model::{Contact, Entry};
use crate::store::Store;
use std::path::Path;

pub type Month = (i32, u32);

pub use crate::model::Loaded;

/// `2026-11.toml` inside `2026/` -> (2026, 11); anything else is not a month file.
fn month_of(year_dir: &str, file: &str) -> Option<Month> {
    let stem = file.strip_suffix(".toml")?;
    let (y, m) = stem.split_once('-')?;
    if y != year_dir || y.len() != 4 || m.len() != 2 {
        return None;
    }
    let (y, m): (i32, u32) = (y.parse().ok()?, m.parse().ok()?);
    (1..=12).contains(&m).then_some((y, m))
}

/// A contact load's result put away: the contact and its warnings, or the problem and the
/// stand-in that keeps the person (see `stand_in.rs`).
pub(in crate::store) fn take_contact(
    result: Result<(Contact, Vec<Problem>), BrokenContact>,
    contacts: &mut Vec<Contact>,
    problems: &mut Vec<Problem>,
) {
    match result {
        Ok((c, warnings)) => {
            contacts.push(c);
            problems.extend(warnings);
        }
        Err(b) => {
            problems.push(b.problem);
            contacts.extend(b.stand_in.map(|c| *c));
        }
    }
}

/// One card as loaded: the contact and its warnings, or why it does not load.
pub(in crate::store) type CardLoad = Result<(Contact, Vec<Problem>), BrokenContact>;
impl Store {
    /// Contact files, by id, in the order of their file names. Hidden files (temp files,
    /// editor backups) are not contacts.
    pub fn contact_ids(&self) -> Result<Vec<String>, StoreError> {
        Ok(self.contact_listing()?.0)
    }

    /// `contact_ids`, and whether the folder held a temp file (`TEMP_PREFIX`) as well.
    pub(in crate::store) fn contact_listing(&self) -> Result<(Vec<String>, bool), StoreError> {
        let dir = Path::new(paths::CONTACTS);
        let items = self
            .fs
            .list(dir)
            .map_err(|e| StoreError::io(self.display(dir), e))?;
        let temps = items
            .iter()
            .any(|i| !i.is_dir && i.name.starts_with(TEMP_PREFIX));
        let ids = items
            .into_iter()
            .filter(|i| !i.is_dir && !i.name.starts_with('.'))
            .filter_map(|i| i.name.strip_suffix(".toml").map(str::to_string))
            .filter(|id| !id.is_empty())
            .collect();
        Ok((ids, temps))
    }

    pub fn load_contact(&self, id: &str) -> Result<Contact, Problem> {
        self.load_contact_with_warnings(id)
            .map(|(c, _)| c)
            .map_err(|b| b.problem)
    }

    /// The contact, or what is wrong with its file and a stand-in for its person (see
    /// `stand_in.rs`): for a reload that must keep a broken person visible.
    pub fn load_contact_or_stand_in(&self, id: &str) -> Result<Contact, BrokenContact> {
        self.load_contact_with_warnings(id).map(|(c, _)| c)
    }

    pub(in crate::store) fn load_contact_with_warnings(
        &self,
        id: &str,
    ) -> Result<(Contact, Vec<Problem>), BrokenContact> {
        self.load_contact_stamped(id, || self.fs.stamp(&paths::contact(id)))
    }

    /// `load_contact_with_warnings`, with the card's stamp taken by `stamp` (a pass over
    /// every card asks them relative to the folder, `Fs::stamps_in`).
    pub(in crate::store) fn load_contact_stamped(
        &self,
        id: &str,
        stamp: impl FnOnce() -> Option<Stamp>,
    ) -> Result<(Contact, Vec<Problem>), BrokenContact> {
        self.load_contact_as_read(id, stamp).0
    }

    /// `load_contact_stamped`, with the stamp of what was taken: the one `stamp` gave when
    /// the cache's record was taken under it, the file's own when the file was read (it may
    /// have changed since `stamp` was asked); `None` when no stamp could be had.
    pub(in crate::store) fn load_contact_as_read(
        &self,
        id: &str,
        stamp: impl FnOnce() -> Option<Stamp>,
    ) -> (CardLoad, Option<Stamp>) {
        let rel = paths::contact(id);
        let mut asked = None;
        let remembered = self.remembered_contact(id, &rel, || {
            asked = stamp();
            asked
        });
        if let Some(contact) = remembered {
            return (Ok((contact, Vec::new())), asked);
        }
        let mut read = None;
        let loaded = self.load_contact_read(id, &rel, &mut read);
        (loaded, read)
    }

    /// The card read from its file, noting the stamp of the bytes read in `read`.
    fn load_contact_read(
        &self,
        id: &str,
        rel: &Path,
        read: &mut Option<Stamp>,
    ) -> Result<(Contact, Vec<Problem>), BrokenContact> {
        let broken = |problem: Problem, text: Option<&str>| BrokenContact {
            problem,
            stand_in: text.map(|t| Box::new(stand_in(id, t))),
        };
        let (bytes, stamp) = match self.read_for_memo(rel) {
            Ok(Some(b)) => b,
            Ok(None) if self.fs.is_symlink(rel) => {
                return Err(broken(
                    Problem::error(rel, (1, 1), "a symbolic link to a file that does not exist"),
                    Some(""),
                ));
            }
            Ok(None) => {
                return Err(broken(
                    Problem::error(rel, (1, 1), "the file is gone"),
                    None,
                ));
            }
            Err(e) => {
                return Err(broken(
                    Problem::error(rel, (1, 1), format!("cannot read: {e}")),
                    Some(""),
                ));
            }
        };
        *read = stamp;
        let hash = content_hash(&bytes);
        self.remember(rel, hash);
        let text = match decode::utf8(rel, &bytes) {
            Ok(text) => text,
            Err(p) => return Err(broken(p, Some(&String::from_utf8_lossy(&bytes)))),
        };
        let parsed = decode::contact_with_warnings(id, rel, text);
        self.contact_parsed(id, stamp, hash, &parsed);
        parsed.map_err(|p| broken(p, Some(text)))
    }

    /// Every contact; a file that does not load is a problem and a stand-in for its person.
    pub fn load_contacts(&self) -> Result<(Vec<Contact>, Vec<Problem>), StoreError> {
        let mut contacts = Vec::new();
        let mut problems = Vec::new();
        let ids = self.contact_ids()?;
        self.contacts_listed(&ids);
        for id in ids {
            take_contact(
                self.load_contact_with_warnings(&id),
                &mut contacts,
                &mut problems,
            );
        }
        Ok((contacts, problems))
    }

    /// Every month that has a file, oldest first.
    pub fn months(&self) -> Result<Vec<Month>, StoreError> {
        let root = Path::new(paths::JOURNAL);
        let years = self
            .fs
            .list(root)
            .map_err(|e| StoreError::io(self.display(root), e))?;
        let mut months = Vec::new();
        for year in years.into_iter().filter(|y| y.is_dir) {
            let dir = root.join(&year.name);
            let files = self
                .fs
                .list(&dir)
                .map_err(|e| StoreError::io(self.display(&dir), e))?;
            months.extend(files.iter().filter_map(|f| month_of(&year.name, &f.name)));
        }
        months.sort_unstable();
        self.months_listed(&months);
        Ok(months)
    }

    pub fn load_month(&self, month: Month) -> Result<Vec<LocatedEntry>, Problem> {
        Ok(self.month_located(month)?.unwrap_or_default())
    }

    /// A month's entries in file order and where they are written, kept small: what a
    /// whole-folder load needs (see `gather.rs`). `None` when the file is gone. `known` holds
    /// the contact ids, for the check that every person named exists.
    pub(in crate::store) fn load_month_entries(
        &self,
        month: Month,
        known: &FastSet<&str>,
    ) -> Result<Option<(Vec<Entry>, MonthLocs)>, Problem> {
        let is_known = |who: &str| known.contains(who);
        if self.decodes().is_none() {
            // Without a memo, straight to the small places (no per-entry place lists at all).
            return self.read_month(month, |path, text| {
                decode::month_entries(path, text, is_known)
            });
        }
        let rel = paths::month(month);
        if let Some(small) = self.remembered_month_small(month, &rel, &is_known) {
            return Ok(Some(small));
        }
        // The memo is given the decode with every place, made small here once it has it.
        Ok(self
            .parse_month_file(month)?
            .map(|located| split_located(located, is_known)))
    }

    /// The month from the memo, or parsed (and then handed to it). `None` when the file is
    /// gone.
    fn month_located(&self, month: Month) -> Result<Option<Vec<LocatedEntry>>, Problem> {
        let rel = paths::month(month);
        if let Some(entries) = self.remembered_month(month, &rel) {
            return Ok(Some(entries));
        }
        self.parse_month_file(month)
    }

    /// The month file parsed (and its decode handed to the memo), without asking the memo
    /// first: for callers that already asked.
    pub(in crate::store) fn parse_month(&self, month: Month) -> Result<Vec<LocatedEntry>, Problem> {
        Ok(self.parse_month_file(month)?.unwrap_or_default())
    }

    fn parse_month_file(&self, month: Month) -> Result<Option<Vec<LocatedEntry>>, Problem> {
        let rel = paths::month(month);
        let (bytes, stamp) = match self.read_for_memo(&rel) {
            Ok(Some(b)) => b,
            Ok(None) => {
                // Read as gone: the watcher must not report its going again (an undo that
                // removed it reads it here, then the watcher would call it someone else's).
                self.forget_seen(&rel);
                return Ok(None);
            }
            Err(e) => return Err(Problem::error(&rel, (1, 1), format!("cannot read: {e}"))),
        };
        let hash = content_hash(&bytes);
        self.remember(&rel, hash);
        let text = decode::utf8(&rel, &bytes)?;
        let parsed = decode::month(&rel, text);
        self.month_parsed(month, stamp, hash, &parsed);
        parsed.map(Some)
    }

    /// A month file read and decoded with `decode`, bypassing the memo. `None` when gone.
    fn read_month<T>(
        &self,
        month: Month,
        decode: impl FnOnce(&Path, &str) -> Result<T, Problem>,
    ) -> Result<Option<T>, Problem> {
        let rel = paths::month(month);
        let bytes = match self.fs.read(&rel) {
            Ok(Some(b)) => b,
            Ok(None) => return Ok(None),
            Err(e) => return Err(Problem::error(&rel, (1, 1), format!("cannot read: {e}"))),
        };
        self.remember(&rel, content_hash(&bytes));
        let text = decode::utf8(&rel, &bytes)?;
        decode(&rel, text).map(Some)
    }

    /// Everything, plain and in order, on this thread: the reference that `load` (on several
    /// threads) and the staged load are tested against. See `parallel.rs`.
    pub fn load_sequential(&self) -> Result<Loaded, StoreError> {
        let (contacts, mut problems) = self.load_contacts()?;
        let known = KnownIds::new(&contacts);
        let known = known.set();
        let mut gathered = Gathered::default();
        for month in self.months()? {
            match self.load_month_entries(month, &known) {
                Ok(Some((entries, locs))) => {
                    gathered.push(paths::month(month), month, entries, locs)
                }
                Ok(None) => {}
                Err(p) => problems.push(p),
            }
        }
        problems.extend(lint_months(&gathered.views().collect::<Vec<_>>()));
        Ok(Loaded {
            entries: gathered.into_sorted(0),
            contacts,
            problems,
        })
    }
}

/// The contact ids side by side in one buffer, for the check that every person named exists:
/// it looks one up per person per entry, and the ids inside the contacts themselves lie
/// scattered over megabytes of memory (fetching them anew was most of the checks' time).
#[derive(Debug, Default)]
pub(in crate::store) struct KnownIds {
    packed: String,
    ends: Vec<usize>,
}

impl KnownIds {
    pub fn new(contacts: &[Contact]) -> KnownIds {
        let mut known = KnownIds {
            packed: String::with_capacity(contacts.iter().map(|c| c.id.len()).sum()),
            ends: Vec::with_capacity(contacts.len()),
        };
        for c in contacts {
            known.packed.push_str(&c.id);
            known.ends.push(known.packed.len());
        }
        known
    }

    pub fn set(&self) -> FastSet<&str> {
        let starts = std::iter::once(0).chain(self.ends.iter().copied());
        starts
            .zip(&self.ends)
            .filter_map(|(start, &end)| self.packed.get(start..end))
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::month_of;

    #[test]
    fn month_files_are_recognised_strictly() {
        assert_eq!(month_of("2026", "2026-11.toml"), Some((2026, 11)));
        assert_eq!(month_of("2026", "2025-11.toml"), None);
        assert_eq!(month_of("2026", "2026-13.toml"), None);
        assert_eq!(month_of("2026", ".rolo-tmp-x.tmp"), None);
        assert_eq!(month_of("2026", "2026-1.toml"), None);
    }
}
