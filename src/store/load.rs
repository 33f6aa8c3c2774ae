//! Reading the whole folder: every file that parses loads, every one that does not is
//! reported with its place, and cross-file checks become warnings.

use super::decode::{self, LocatedEntry};
use super::fasthash::{FastMap, FastSet};
use super::problem::Problem;
use super::{Store, StoreError, paths};
use crate::model::{Contact, Entry};
use std::path::{Path, PathBuf};

pub type Month = (i32, u32);

#[derive(Debug, Default)]
pub struct Loaded {
    pub contacts: Vec<Contact>,
    /// Oldest first.
    pub entries: Vec<Entry>,
    pub problems: Vec<Problem>,
}

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

impl Store {
    /// Contact files, by id. Hidden files (temp files, editor backups) are not contacts.
    pub fn contact_ids(&self) -> Result<Vec<String>, StoreError> {
        let dir = Path::new(paths::CONTACTS);
        let items = self
            .fs
            .list(dir)
            .map_err(|e| StoreError::io(self.display(dir), e))?;
        Ok(items
            .into_iter()
            .filter(|i| !i.is_dir && !i.name.starts_with('.'))
            .filter_map(|i| i.name.strip_suffix(".toml").map(str::to_string))
            .filter(|id| !id.is_empty())
            .collect())
    }

    pub fn load_contact(&self, id: &str) -> Result<Contact, Problem> {
        self.load_contact_with_warnings(id).map(|(c, _)| c)
    }

    pub(super) fn load_contact_with_warnings(
        &self,
        id: &str,
    ) -> Result<(Contact, Vec<Problem>), Problem> {
        let rel = paths::contact(id);
        if let Some(contact) = self.cached_contact(id, &rel) {
            return Ok((contact, Vec::new()));
        }
        let (bytes, stamp) = match self.read_for_cache(&rel) {
            Ok(Some(b)) => b,
            Ok(None) if self.fs.is_symlink(&rel) => {
                return Err(Problem::error(
                    &rel,
                    (1, 1),
                    "a symbolic link to a file that does not exist",
                ));
            }
            Ok(None) => return Err(Problem::error(&rel, (1, 1), "the file is gone")),
            Err(e) => return Err(Problem::error(&rel, (1, 1), format!("cannot read: {e}"))),
        };
        let hash = super::content_hash(&bytes);
        self.remember(&rel, hash);
        let text = decode::utf8(&rel, &bytes)?;
        let parsed = decode::contact_with_warnings(id, &rel, text);
        self.cache_contact(id, stamp, hash, &parsed);
        parsed
    }

    pub fn load_contacts(&self) -> Result<(Vec<Contact>, Vec<Problem>), StoreError> {
        let mut contacts = Vec::new();
        let mut problems = Vec::new();
        let ids = self.contact_ids()?;
        self.cache_listed(&ids);
        for id in ids {
            match self.load_contact_with_warnings(&id) {
                Ok((c, warnings)) => {
                    contacts.push(c);
                    problems.extend(warnings);
                }
                Err(p) => problems.push(p),
            }
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
        self.cache_months_listed(&months);
        Ok(months)
    }

    pub fn load_month(&self, month: Month) -> Result<Vec<LocatedEntry>, Problem> {
        let rel = paths::month(month);
        if let Some(entries) = self
            .cached_month(month, &rel)
            .and_then(|c| c.entries(|_| true))
        {
            return Ok(entries);
        }
        self.parse_month(month)
    }

    /// The month file parsed (and its decode handed to the cache), without looking in the
    /// cache first: for callers that already looked.
    pub(super) fn parse_month(&self, month: Month) -> Result<Vec<LocatedEntry>, Problem> {
        let rel = paths::month(month);
        let (bytes, stamp) = match self.read_for_cache(&rel) {
            Ok(Some(b)) => b,
            Ok(None) => return Ok(Vec::new()),
            Err(e) => return Err(Problem::error(&rel, (1, 1), format!("cannot read: {e}"))),
        };
        let hash = super::content_hash(&bytes);
        self.remember(&rel, hash);
        let text = decode::utf8(&rel, &bytes)?;
        let parsed = decode::month(&rel, text);
        self.cache_month(month, stamp, hash, &parsed);
        parsed
    }

    /// Everything, plain and in order, on this thread: the reference that `load` (on several
    /// threads) and the staged load are tested against. See `parallel.rs`.
    pub fn load_sequential(&self) -> Result<Loaded, StoreError> {
        let (contacts, mut problems) = self.load_contacts()?;
        let mut located: Vec<(PathBuf, Month, Vec<LocatedEntry>)> = Vec::new();
        for month in self.months()? {
            match self.load_month(month) {
                Ok(entries) => located.push((paths::month(month), month, entries)),
                Err(p) => problems.push(p),
            }
        }
        let known: FastSet<&str> = contacts.iter().map(|c| c.id.as_str()).collect();
        problems.extend(lint_months(&known, &located));
        let mut entries: Vec<Entry> = located
            .into_iter()
            .flat_map(|(_, _, es)| es.into_iter().map(|l| l.entry))
            .collect();
        entries.sort_by(|a, b| a.at.cmp(&b.at).then_with(|| a.id.cmp(&b.id)));
        Ok(Loaded {
            contacts,
            entries,
            problems,
        })
    }
}

/// Cross-file checks on the journal; everything here still loads, the warnings say what looks
/// wrong. (Checks within one contact file come with the file: `decode::contact_with_warnings`.)
/// `known` holds the contact ids.
pub fn lint_months(
    known: &FastSet<&str>,
    months: &[(PathBuf, Month, Vec<LocatedEntry>)],
) -> Vec<Problem> {
    let mut problems = Vec::new();
    let entries = months.iter().map(|(_, _, es)| es.len()).sum();
    let mut first_seen: FastMap<&str, &Path> =
        FastMap::with_capacity_and_hasher(entries, Default::default());
    for (path, month, entries) in months {
        for l in entries {
            let e = &l.entry;
            let at = (l.id_at.line, l.id_at.col);
            if let Some(other) = first_seen.insert(e.id.as_str(), path) {
                problems.push(Problem::warning(
                    path,
                    at,
                    format!(
                        "entry id \"{}\" is used twice (also in {})",
                        e.id,
                        other.display()
                    ),
                ));
            }
            for (who, loc) in e.with.iter().zip(&l.with_at) {
                if !known.contains(who.as_str()) {
                    problems.push(Problem::warning(
                        path,
                        (loc.line, loc.col),
                        format!("no contact \"{who}\" (no file contacts/{who}.toml)"),
                    ));
                }
            }
            if !e.kind.is_known() {
                problems.push(Problem::warning(
                    path,
                    (l.kind_at.line, l.kind_at.col),
                    format!(
                        "unknown kind \"{}\"; known kinds are note, coffee, call, message, email, meeting, event, intro, gift",
                        e.kind
                    ),
                ));
            }
            if e.month() != *month {
                problems.push(Problem::warning(
                    path,
                    at,
                    format!(
                        "entry \"{}\" is dated {} but sits in the file for {:04}-{:02}",
                        e.id,
                        e.at.format("%Y-%m-%d"),
                        month.0,
                        month.1
                    ),
                ));
            }
        }
    }
    problems
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
