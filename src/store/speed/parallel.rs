//! Loading on several threads, and in two stages for the TUI.
//!
//! Files are independent, so contact files and month files are shared out between scoped
//! threads and the results are put back in the order a one-thread load produces. `load`,
//! `load_sequential` and a staged load (`load_recent`, then `load_older`) therefore give equal
//! contacts, entries and problems, in the same order.

use crate::model::Contact;
use crate::store::truth::fs::StampsIn;
use crate::store::truth::gather::Gathered;
use crate::store::truth::load::{CardLoad, KnownIds, take_contact};
use crate::store::truth::month_lint::lint_months;
use crate::store::{ContactFiles, Loaded, Month, Problem, Stamp, Store, StoreError, paths};
use std::path::Path;

use crate::store::speed::as_kept::StampsTaken;
use crate::threads::{default_threads, for_each_in_order};

/// What `Store::contacts_stamped` read.
pub(in crate::store) struct StampedContacts {
    pub contacts: Vec<Contact>,
    pub problems: Vec<Problem>,
    pub files: ContactFiles,
    pub stamps: Vec<Option<Stamp>>,
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
    known: KnownIds,
    contact_problems: Vec<Problem>,
    /// A copy of the first stage's months (a few months: small), in file order for the checks.
    recent: Gathered,
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

pub use crate::model::OlderLoad;

/// Entries of the journal's own (recent) months, plus a few a person may add while the older
/// months load: `extend_older` appends them to the older list, and room for them up front
/// spares a copy of the whole list.
const ROOM_FOR_RECENT: usize = 64;

impl Store {
    /// Everything, on `default_threads()` threads; equal to `load_sequential`.
    pub fn load(&self) -> Result<Loaded, StoreError> {
        self.load_with(default_threads())
    }

    /// Everything, on up to `threads` threads.
    pub fn load_with(&self, threads: usize) -> Result<Loaded, StoreError> {
        let (contacts, mut problems) = self.contacts_with(threads)?;
        let known = KnownIds::new(&contacts);
        let (gathered, errors) = self.gather_months(&self.months()?, threads, &known);
        problems.extend(errors);
        problems.extend(lint_months(&gathered.views().collect::<Vec<_>>()));
        Ok(Loaded {
            contacts,
            entries: gathered.into_sorted(0),
            problems,
        })
    }

    fn contacts_with(&self, threads: usize) -> Result<(Vec<Contact>, Vec<Problem>), StoreError> {
        // The kept listing when the folder's stamp is the same: listing 10,000 names is 4.5 ms.
        let files = self.contact_files()?;
        let ids = files.ids();
        self.contacts_listed(ids);
        let (mut contacts, mut problems) = (Vec::with_capacity(ids.len()), Vec::new());
        let stamps = self.fs.stamps_in(Path::new(paths::CONTACTS));
        let load =
            |id: &String| self.load_contact_stamped(id, || stamps(&paths::contact_file_name(id)));
        for_each_in_order(ids, threads, load, |result| {
            take_contact(result, &mut contacts, &mut problems)
        });
        Ok((contacts, problems))
    }

    /// As `contacts_with`, with the listing and the stamp each card was taken under, one per
    /// listed card in its order (`None`: no stamp could be had): what the names kept are
    /// checked against (`Store::load_contacts_lean_naming`). A card the cache holds is taken
    /// under the stamp asked first; one read from its file, under the stamp of what was read.
    /// `taken`: each card's stamp, taken a moment ago on the same listing, asked instead.
    pub(in crate::store) fn contacts_stamped(
        &self,
        threads: usize,
        taken: Option<&StampsTaken>,
    ) -> Result<StampedContacts, StoreError> {
        let files = self.contact_files()?;
        // Taken on another listing (a card added or removed since): taken again.
        let taken = taken.filter(|t| t.are_of(&files));
        Ok(self.cards_stamped(files, threads, |id, stamps| {
            self.load_contact_as_read(id, || match taken.and_then(|t| t.of(id)) {
                Some(stamp) => stamp,
                None => stamps(&paths::contact_file_name(id)),
            })
        }))
    }

    /// Every card `files` lists, loaded by `load` on up to `threads` threads and taken in the
    /// listing's order, with the stamp `load` says each was taken under. `load` is given the
    /// card's id and a look-up of stamps in the contacts folder.
    fn cards_stamped(
        &self,
        files: ContactFiles,
        threads: usize,
        load: impl Fn(&String, &StampsIn) -> (CardLoad, Option<Stamp>) + Sync,
    ) -> StampedContacts {
        let ids = files.ids();
        self.contacts_listed(ids);
        let (mut contacts, mut problems) = (Vec::with_capacity(ids.len()), Vec::new());
        let mut taken_under = Vec::with_capacity(ids.len());
        let stamps = self.fs.stamps_in(Path::new(paths::CONTACTS));
        let each = |id: &String| load(id, &stamps);
        for_each_in_order(ids, threads, each, |(result, stamp)| {
            taken_under.push(stamp);
            take_contact(result, &mut contacts, &mut problems);
        });
        StampedContacts {
            contacts,
            problems,
            files,
            stamps: taken_under,
        }
    }

    /// As `contacts_with`, for a session that watches the files from its first frame on. While
    /// the contacts folder is as it was kept (no card added, removed or renamed), each card
    /// the cache holds is taken as it was kept, without a look at its file: that look, a
    /// `stat` of each of 10,000 cards, was 15 ms of a 37 ms load. Every card's stamp is noted
    /// (`taken_under`), and `watch`, which takes a stamp of every file anyway, reports each
    /// card whose content is not what was taken, so the first poll shows it as it is.
    fn contacts_to_watch(
        &self,
        threads: usize,
    ) -> Result<(Vec<Contact>, Vec<Problem>), StoreError> {
        if self.cache.is_none() {
            // Nothing kept to take, and no stamps worth a `stat` each: the picture `watch`
            // takes is the baseline, as before.
            return self.contacts_with(threads);
        }
        let files = self.contact_files()?;
        let as_kept = self.cache.as_ref().filter(|_| files.kept);
        let read = self.cards_stamped(files, threads, |id, stamps| {
            if let Some((contact, hash, stamp)) = as_kept.and_then(|c| c.contact_kept(id)) {
                self.remember(&paths::contact(id), hash);
                return (Ok((contact, Vec::new())), Some(stamp));
            }
            let stamp = stamps(&paths::contact_file_name(id));
            (self.load_contact_stamped(id, || stamp), stamp)
        });
        let taken_under = read.files.ids().iter().cloned().zip(read.stamps).collect();
        if let Ok(mut noted) = self.taken_under.lock() {
            *noted = Some(taken_under);
        }
        Ok((read.contacts, read.problems))
    }

    /// The month files in order, each one's entries moved into one list as soon as its turn
    /// comes, and the files that did not load.
    fn gather_months(
        &self,
        months: &[Month],
        threads: usize,
        known: &KnownIds,
    ) -> (Gathered, Vec<Problem>) {
        let (mut gathered, mut problems) = (Gathered::default(), Vec::new());
        let known = known.set();
        let load = |&m: &Month| (m, self.load_month_entries(m, &known));
        for_each_in_order(months, threads, load, |(month, result)| match result {
            Ok(Some((entries, locs))) => gathered.push(paths::month(month), month, entries, locs),
            Ok(None) => {}
            Err(p) => problems.push(p),
        });
        (gathered, problems)
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
        self.recent_with(self.contacts_with(threads)?, n_months, threads)
    }

    /// As `load_recent`, for a session that calls `watch` next: the contacts may be as the
    /// cache kept them, and `watch` reports those that are not (`contacts_to_watch`).
    pub fn load_recent_as_kept(&self, n_months: usize) -> Result<RecentLoad, StoreError> {
        let threads = default_threads();
        self.recent_with(self.contacts_to_watch(threads)?, n_months, threads)
    }

    fn recent_with(
        &self,
        (contacts, contact_problems): (Vec<Contact>, Vec<Problem>),
        n_months: usize,
        threads: usize,
    ) -> Result<RecentLoad, StoreError> {
        let mut months = self.months()?;
        let recent_months = months.split_off(months.len().saturating_sub(n_months));
        let known = KnownIds::new(&contacts);
        let (recent, recent_errors) = self.gather_months(&recent_months, threads, &known);
        let mut problems = contact_problems.clone();
        problems.extend(recent_errors.iter().cloned());
        problems.extend(lint_months(&recent.views().collect::<Vec<_>>()));
        let entries = recent.clone().into_sorted(0);
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

    /// Second stage: the months the first stage left, and the final problem list. Read on the
    /// calling thread alone: it runs in the background while the person already uses the
    /// first stage, so it leaves the other core to the UI, and each helper thread's own
    /// malloc arena kept about 8 MB more resident in the TUI (large folder: 125 -> 117 MB).
    pub fn load_older(&self, pending: PendingOlder) -> OlderLoad {
        self.load_older_with(pending, 1)
    }

    /// Second stage on up to `threads` threads.
    pub fn load_older_with(&self, pending: PendingOlder, threads: usize) -> OlderLoad {
        let PendingOlder {
            months,
            known,
            contact_problems,
            recent,
            recent_errors,
        } = pending;
        let (older, older_errors) = self.gather_months(&months, threads, &known);
        drop(known);
        let mut problems = contact_problems;
        problems.extend(older_errors);
        problems.extend(recent_errors);
        let all: Vec<_> = older.views().chain(recent.views()).collect();
        problems.extend(lint_months(&all));
        drop(all);
        OlderLoad {
            entries: older.into_sorted(recent.len() + ROOM_FOR_RECENT),
            problems,
        }
    }
}
