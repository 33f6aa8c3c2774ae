//! Loading on several threads, and in two stages for the TUI.
//!
//! Files are independent, so contact files and month files are shared out between scoped
//! threads and the results are put back in the order a one-thread load produces. `load`,
//! `load_sequential` and a staged load (`load_recent`, then `load_older`) therefore give equal
//! contacts, entries and problems, in the same order.

use super::decode::LocatedEntry;
use super::fasthash::FastSet;
use super::load::lint_months;
use super::{Loaded, Month, Problem, Store, StoreError, paths};
use crate::model::{Contact, Entry};
use std::collections::HashSet;
use std::path::PathBuf;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::thread;

type Located = (PathBuf, Month, Vec<LocatedEntry>);

/// Threads for a load: the machine's cores, at most four (past that the disk, not parsing,
/// is the limit for a personal journal).
pub fn default_threads() -> usize {
    thread::available_parallelism()
        .map_or(1, |n| n.get())
        .min(4)
}

/// `f` over `items` on up to `threads` threads (this one included); results in `items` order.
/// Workers take the next item as they finish one, so a few big month files cannot leave one
/// thread with all the work.
pub(super) fn map_in_order<T: Sync, R: Send>(
    items: &[T],
    threads: usize,
    f: impl Fn(&T) -> R + Sync,
) -> Vec<R> {
    let threads = threads.min(items.len());
    if threads <= 1 {
        return items.iter().map(f).collect();
    }
    let next = AtomicUsize::new(0);
    let work = || {
        let mut done = Vec::new();
        loop {
            let i = next.fetch_add(1, Ordering::Relaxed);
            let Some(item) = items.get(i) else {
                break done;
            };
            done.push((i, f(item)));
        }
    };
    let mut all: Vec<(usize, R)> = thread::scope(|s| {
        let helpers: Vec<_> = (1..threads).map(|_| s.spawn(work)).collect();
        let mut all = work();
        for helper in helpers {
            match helper.join() {
                Ok(part) => all.extend(part),
                Err(panic) => std::panic::resume_unwind(panic),
            }
        }
        all
    });
    all.sort_unstable_by_key(|(i, _)| *i);
    all.into_iter().map(|(_, r)| r).collect()
}

/// First stage of a staged load: enough to draw the first screen.
pub struct RecentLoad {
    /// All contacts, the entries of the newest months, and the problems found so far.
    pub loaded: Loaded,
    /// The rest; pass it to `Store::load_older`, typically on a background thread.
    pub pending: PendingOlder,
}

/// The months a staged load has not read yet, and what the final checks need from the first
/// stage so that the finished problem list equals a full load's.
pub struct PendingOlder {
    /// Oldest first.
    months: Vec<Month>,
    known: HashSet<String>,
    contact_problems: Vec<Problem>,
    recent: Vec<Located>,
    recent_errors: Vec<Problem>,
}

impl PendingOlder {
    /// Months still to read, oldest first.
    pub fn months(&self) -> &[Month] {
        &self.months
    }

    pub fn is_empty(&self) -> bool {
        self.months.is_empty()
    }
}

/// Second stage of a staged load.
#[derive(Debug, Default)]
pub struct OlderLoad {
    /// Entries of the older months, oldest first.
    pub entries: Vec<Entry>,
    /// The complete problem list for the whole folder; it replaces the first stage's.
    pub problems: Vec<Problem>,
}

fn ids(contacts: &[Contact]) -> FastSet<&str> {
    contacts.iter().map(|c| c.id.as_str()).collect()
}

fn by_time(a: &Entry, b: &Entry) -> std::cmp::Ordering {
    a.at.cmp(&b.at).then_with(|| a.id.cmp(&b.id))
}

/// All entries in time order: each month sorted on its own (small, nearly sorted, in cache),
/// then one check over the whole. Months overlap in time only when an entry is misfiled or
/// offsets straddle midnight; then one more stable sort fixes it. Either way the result is
/// what one stable sort of everything gives.
fn sorted_entries(located: Vec<Located>) -> Vec<Entry> {
    // Sized up front: growing by doubling would hold two copies of a 200,000-entry list at once.
    let mut entries = Vec::with_capacity(located.iter().map(|(_, _, es)| es.len()).sum());
    for (_, _, month) in located {
        let start = entries.len();
        entries.extend(month.into_iter().map(|l| l.entry));
        entries[start..].sort_by(by_time);
    }
    if !entries.is_sorted_by(|a, b| by_time(a, b).is_le()) {
        entries.sort_by(by_time);
    }
    entries
}

impl Store {
    /// Everything, on `default_threads()` threads; equal to `load_sequential`.
    pub fn load(&self) -> Result<Loaded, StoreError> {
        self.load_with(default_threads())
    }

    /// Everything, on up to `threads` threads.
    pub fn load_with(&self, threads: usize) -> Result<Loaded, StoreError> {
        let (contacts, mut problems) = self.contacts_with(threads)?;
        let (located, errors) = self.months_with(&self.months()?, threads);
        problems.extend(errors);
        problems.extend(lint_months(&ids(&contacts), &located));
        Ok(Loaded {
            contacts,
            entries: sorted_entries(located),
            problems,
        })
    }

    fn contacts_with(&self, threads: usize) -> Result<(Vec<Contact>, Vec<Problem>), StoreError> {
        let ids = self.contact_ids()?;
        self.cache_listed(&ids);
        let (mut contacts, mut problems) = (Vec::with_capacity(ids.len()), Vec::new());
        for result in map_in_order(&ids, threads, |id| self.load_contact_with_warnings(id)) {
            match result {
                Ok((c, warnings)) => {
                    contacts.push(c);
                    problems.extend(warnings);
                }
                Err(p) => problems.push(p),
            }
        }
        Ok((contacts, problems))
    }

    fn months_with(&self, months: &[Month], threads: usize) -> (Vec<Located>, Vec<Problem>) {
        let (mut located, mut problems) = (Vec::with_capacity(months.len()), Vec::new());
        let results = map_in_order(months, threads, |&m| (m, self.load_month(m)));
        for (month, result) in results {
            match result {
                Ok(entries) => located.push((paths::month(month), month, entries)),
                Err(p) => problems.push(p),
            }
        }
        (located, problems)
    }

    /// Contacts only, for commands that never look at the journal (`rolo note` resolves names
    /// and appends to one month file). Problems cover the contact files only.
    pub fn load_contacts_only(&self) -> Result<Loaded, StoreError> {
        let (contacts, problems) = self.contacts_with(default_threads())?;
        Ok(Loaded {
            contacts,
            entries: Vec::new(),
            problems,
        })
    }

    /// First stage of a staged load: every contact and the newest `n_months` month files.
    pub fn load_recent(&self, n_months: usize) -> Result<RecentLoad, StoreError> {
        let threads = default_threads();
        let (contacts, contact_problems) = self.contacts_with(threads)?;
        let mut months = self.months()?;
        let recent_months = months.split_off(months.len().saturating_sub(n_months));
        let (recent, recent_errors) = self.months_with(&recent_months, threads);
        let mut problems = contact_problems.clone();
        problems.extend(recent_errors.iter().cloned());
        problems.extend(lint_months(&ids(&contacts), &recent));
        let entries = sorted_entries(recent.clone());
        let known = contacts.iter().map(|c| c.id.clone()).collect();
        Ok(RecentLoad {
            loaded: Loaded {
                contacts,
                entries,
                problems,
            },
            pending: PendingOlder {
                months,
                known,
                contact_problems,
                recent,
                recent_errors,
            },
        })
    }

    /// Second stage: the months the first stage left, and the final problem list.
    pub fn load_older(&self, pending: PendingOlder) -> OlderLoad {
        let PendingOlder {
            months,
            known,
            contact_problems,
            recent,
            recent_errors,
        } = pending;
        let (mut located, older_errors) = self.months_with(&months, default_threads());
        let older_len = located.len();
        located.extend(recent);
        let known: FastSet<&str> = known.iter().map(String::as_str).collect();
        let mut problems = contact_problems;
        problems.extend(older_errors);
        problems.extend(recent_errors);
        problems.extend(lint_months(&known, &located));
        located.truncate(older_len);
        OlderLoad {
            entries: sorted_entries(located),
            problems,
        }
    }
}
