//! The in-memory index over the model: lookups, timelines, due lists. Pure: "today" is always
//! passed in, never read from the clock here.

mod broken;
mod changes;
mod entry_index;
mod everyone;
mod resolve;

pub use changes::{Change, Month};
pub use resolve::Names;

use crate::fasthash::FastMap;
use crate::model::{Contact, Entry, FollowUp, Need, NeedStatus};
use crate::model::{Loaded, OlderLoad, Problem};
use crate::search::{Hit, Matcher, SearchKey};
use chrono::NaiveDate;

/// Position of a contact in the journal; stable until a contact is removed (`remove_contact`,
/// a file deleted outside rolo), which shifts every later one. Hold ids across changes.
pub type Ix = usize;

/// Position of an entry in `Journal::entries`; half the size of a `usize` for the per-person
/// lists, which hold one per person per entry.
type Pos = u32;

fn by_time(a: &Entry, b: &Entry) -> std::cmp::Ordering {
    a.at.cmp(&b.at).then_with(|| a.id.cmp(&b.id))
}

/// Oldest first; ties by id.
fn sort_by_time(entries: &mut [Entry]) {
    if !entries.is_sorted_by(|a, b| by_time(a, b).is_le()) {
        entries.sort_by(by_time);
    }
}

#[derive(Default)]
pub struct Journal {
    contacts: Vec<Contact>,
    /// Looked up once per person per entry while indexing: a fast hasher matters here.
    by_id: FastMap<String, Ix>,
    /// Oldest first.
    entries: Vec<Entry>,
    /// Entry positions per contact, oldest first.
    per_contact: Vec<Vec<Pos>>,
    pub(crate) last_contact: Vec<Option<NaiveDate>>,
    pub problems: Vec<Problem>,
    matcher: Matcher,
    /// Changes whenever a contact's search key may have changed (see `search::Filter`).
    generation: u64,
    /// A staged load's older months are still being read.
    loading_older: bool,
    /// People whose contact file does not load, by id (see `broken.rs`).
    broken: FastMap<String, Problem>,
    /// Folded names for resolving, remade when `generation` moves on (see `resolve.rs`).
    names: resolve::NameCache,
    /// A name already resolved on these contacts (see `resolve.rs`).
    resolved: resolve::Resolved,
    /// What changed, for the search index (see `changes.rs`).
    changes: changes::ChangeLog,
    /// A journal of recent months only (`Journal::from_since`): for each person, the last
    /// day they were seen in the months it did not load. Empty for every other journal.
    pub(crate) seen_before: FastMap<String, NaiveDate>,
    /// It holds only some of the folder's cards (see `everyone.rs`).
    only_some: bool,
}

/// How a name typed by a person resolved to contacts (see `resolve.rs`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Resolution {
    One(Ix),
    /// Several people fit; best first.
    Ambiguous(Vec<Ix>),
    None,
}

/// Someone past the rhythm you wanted with them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Overdue {
    pub ix: Ix,
    /// Days since the last entry with them; `None` when there has never been one.
    pub days_since: Option<i64>,
    pub rhythm: u32,
    /// How far past the rhythm (never contacted counts as one full rhythm past).
    pub days_over: i64,
    pub open_needs: usize,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UpcomingBirthday {
    pub ix: Ix,
    pub date: NaiveDate,
    pub days_until: i64,
    pub turning: Option<i32>,
}

impl Journal {
    pub fn new(loaded: Loaded) -> Journal {
        let n = loaded.contacts.len();
        // The loaded list is taken as it is, as `push_contact` one by one would leave it:
        // moving 10,000 cards into a new list touched 3.7 MB of fresh memory.
        let mut by_id = FastMap::with_capacity_and_hasher(n, Default::default());
        for (ix, c) in loaded.contacts.iter().enumerate() {
            by_id.insert(c.id.clone(), ix);
        }
        let mut j = Journal {
            problems: loaded.problems,
            contacts: loaded.contacts,
            by_id,
            generation: n as u64,
            per_contact: vec![Vec::new(); n],
            last_contact: vec![None; n],
            ..Journal::default()
        };
        j.index_broken();
        j.entries = loaded.entries;
        // A load hands them over in order already; a stable sort would still set aside
        // scratch for half of them just to find that out.
        sort_by_time(&mut j.entries);
        j.reindex_entries();
        j.note_change(Change::Everything);
        j
    }

    fn push_contact(&mut self, c: Contact) -> Ix {
        let ix = self.contacts.len();
        self.by_id.insert(c.id.clone(), ix);
        self.contacts.push(c);
        self.generation += 1;
        self.per_contact.push(Vec::new());
        self.last_contact.push(None);
        ix
    }

    // ----- contacts -----

    pub fn contacts(&self) -> &[Contact] {
        &self.contacts
    }

    pub fn contact(&self, ix: Ix) -> Option<&Contact> {
        self.contacts.get(ix)
    }

    pub fn ix(&self, id: &str) -> Option<Ix> {
        self.by_id.get(id).copied()
    }

    pub fn by_id(&self, id: &str) -> Option<&Contact> {
        self.ix(id).and_then(|ix| self.contacts.get(ix))
    }

    /// Display name for an id, falling back to the id itself for a missing contact.
    pub fn name_of<'a>(&'a self, id: &'a str) -> &'a str {
        self.by_id(id).map(|c| c.name.as_str()).unwrap_or(id)
    }

    /// Add a new contact or replace one with the same id (after a save or an outside edit).
    pub fn upsert_contact(&mut self, c: Contact) -> Ix {
        self.note_change(Change::Contact(c.id.clone()));
        match self.ix(&c.id) {
            Some(ix) => {
                self.generation += 1;
                self.contacts[ix] = c;
                ix
            }
            None => {
                let ix = self.push_contact(c);
                // Entries written before this contact's file existed now count for them.
                self.reindex_entries();
                ix
            }
        }
    }

    /// Forget a contact whose file is gone. Their entries stay (they name the id, shown as
    /// written); every later position shifts down by one.
    pub fn remove_contact(&mut self, id: &str) -> Option<Contact> {
        let lists = self.contacts.len().min(self.per_contact.len());
        let ix = self
            .ix(id)
            .filter(|&ix| ix < lists.min(self.last_contact.len()))?;
        let gone = self.contacts.remove(ix);
        self.note_change(Change::Contact(gone.id.clone()));
        self.per_contact.remove(ix);
        self.last_contact.remove(ix);
        self.by_id.remove(id);
        for later in self.by_id.values_mut().filter(|v| **v > ix) {
            *later -= 1;
        }
        // A person whose file did not load takes their mark along.
        self.set_broken(id, None);
        self.generation += 1;
        Some(gone)
    }

    /// Contacts matching a fuzzy query, best first (ties by name). Each key is made and
    /// dropped here: this serves one-off lookups (a name given on the command line); a person
    /// typing goes through `Filter`, whose index is built once.
    pub fn search(&self, query: &str) -> Vec<(Ix, Hit)> {
        let mut hits: Vec<(Ix, Hit)> = self
            .contacts
            .iter()
            .enumerate()
            .filter_map(|(ix, c)| self.matcher.hit(&SearchKey::new(c), query).map(|h| (ix, h)))
            .collect();
        hits.sort_by(|a, b| {
            b.1.score
                .cmp(&a.1.score)
                .then_with(|| self.contacts[a.0].name.cmp(&self.contacts[b.0].name))
        });
        hits
    }

    pub fn matcher(&self) -> &Matcher {
        &self.matcher
    }

    /// The search key of one contact, made on the spot (for the few rows on screen).
    pub fn search_key(&self, ix: Ix) -> Option<SearchKey> {
        self.contacts.get(ix).map(SearchKey::new)
    }

    // ----- entries -----

    /// Every entry, newest first.
    pub fn timeline(&self) -> impl DoubleEndedIterator<Item = &Entry> + ExactSizeIterator {
        self.entries.iter().rev()
    }

    /// One person's entries, newest first.
    pub fn timeline_of(
        &self,
        ix: Ix,
    ) -> impl DoubleEndedIterator<Item = &Entry> + ExactSizeIterator {
        self.per_contact
            .get(ix)
            .map(Vec::as_slice)
            .unwrap_or(&[])
            .iter()
            .rev()
            .map(|&pos| &self.entries[pos as usize])
    }

    pub fn entry(&self, id: &str) -> Option<&Entry> {
        self.entries.iter().rev().find(|e| e.id == id)
    }

    pub fn entry_count(&self) -> usize {
        self.entries.len()
    }

    // ----- time-based views -----

    /// In a journal of recent months only, the last day this person was seen in the months
    /// left out (every entry there is older than every entry loaded); `None` otherwise.
    pub fn seen_before_loaded(&self, ix: Ix) -> Option<NaiveDate> {
        // A full journal (the TUI's) has none: no id hashed per person per frame of figures.
        if self.seen_before.is_empty() {
            return None;
        }
        let c = self.contacts.get(ix)?;
        self.seen_before.get(&c.id).copied()
    }

    pub fn last_contact(&self, ix: Ix) -> Option<NaiveDate> {
        self.last_contact.get(ix).copied().flatten()
    }

    pub fn days_since(&self, ix: Ix, today: NaiveDate) -> Option<i64> {
        self.last_contact(ix).map(|d| (today - d).num_days())
    }

    /// How far past their rhythm a person is, if they are.
    /// Never for someone archived: they are set aside, out of reconnect and today.
    pub fn overdue_by(&self, ix: Ix, today: NaiveDate) -> Option<i64> {
        let c = self.contacts.get(ix)?;
        if c.is_archived() {
            return None;
        }
        let rhythm = i64::from(c.keep_in_touch_days?);
        let over = match self.days_since(ix, today) {
            Some(days) => days - rhythm,
            // Their last entry may be in a month not loaded yet: unknown is not overdue.
            None if self.loading_older => return None,
            None => rhythm,
        };
        (over > 0).then_some(over)
    }

    /// People past their keep-in-touch rhythm: those with open needs first (you can help),
    /// then the most overdue.
    pub fn overdue(&self, today: NaiveDate) -> Vec<Overdue> {
        let mut list: Vec<Overdue> = (0..self.contacts.len())
            .filter_map(|ix| {
                let days_over = self.overdue_by(ix, today)?;
                let c = &self.contacts[ix];
                Some(Overdue {
                    ix,
                    days_since: self.days_since(ix, today),
                    rhythm: c.keep_in_touch_days?,
                    days_over,
                    open_needs: c.open_needs().count(),
                })
            })
            .collect();
        list.sort_by(|a, b| {
            (b.open_needs > 0)
                .cmp(&(a.open_needs > 0))
                .then(b.days_over.cmp(&a.days_over))
                .then_with(|| self.contacts[a.ix].name.cmp(&self.contacts[b.ix].name))
        });
        list
    }

    /// Birthdays from today through `days` ahead, soonest first; not of people archived.
    pub fn birthdays(&self, today: NaiveDate, days: i64) -> Vec<UpcomingBirthday> {
        let mut list: Vec<UpcomingBirthday> = self
            .contacts
            .iter()
            .enumerate()
            .filter(|(_, c)| !c.is_archived())
            .filter_map(|(ix, c)| {
                let b = c.birthday?;
                let date = b.next_on_or_after(today)?;
                let days_until = (date - today).num_days();
                (days_until <= days).then(|| UpcomingBirthday {
                    ix,
                    date,
                    days_until,
                    turning: b.age_on(date),
                })
            })
            .collect();
        list.sort_by(|a, b| a.date.cmp(&b.date).then(a.ix.cmp(&b.ix)));
        list
    }

    /// Your open follow-ups due on or before `until`, overdue first; undated ones are left
    /// out, and so are promises made to you (the due lists are what you owe).
    pub fn follow_ups_due(&self, until: NaiveDate) -> Vec<(Ix, &FollowUp)> {
        self.promises_due(until, false)
    }

    /// `follow_ups_due` for the promises people made you (`by = "them"`): what you are
    /// waiting on, to ask after once it is due.
    pub fn their_promises_due(&self, until: NaiveDate) -> Vec<(Ix, &FollowUp)> {
        self.promises_due(until, true)
    }

    fn promises_due(&self, until: NaiveDate, theirs: bool) -> Vec<(Ix, &FollowUp)> {
        let mut list: Vec<(Ix, &FollowUp)> = self
            .contacts
            .iter()
            .enumerate()
            .flat_map(|(ix, c)| c.follow_ups.iter().map(move |f| (ix, f)))
            .filter(|(_, f)| {
                !f.done && f.is_theirs() == theirs && f.due.is_some_and(|d| d <= until)
            })
            .collect();
        list.sort_by(|a, b| a.1.due.cmp(&b.1.due).then(a.0.cmp(&b.0)));
        list
    }

    /// Every open need in the network, oldest first.
    pub fn open_needs(&self) -> Vec<(Ix, &Need)> {
        let mut list: Vec<(Ix, &Need)> = self
            .contacts
            .iter()
            .enumerate()
            .flat_map(|(ix, c)| c.needs.iter().map(move |n| (ix, n)))
            .filter(|(_, n)| n.status == NeedStatus::Open)
            .collect();
        list.sort_by(|a, b| a.1.since.cmp(&b.1.since).then(a.0.cmp(&b.0)));
        list
    }
}

/// Staged loading: the first screen from the newest months, the rest merged in later.
impl Journal {
    /// A journal from the first stage of a staged load (`Journal::from_recent`, next to the
    /// store in `journal_lean`). Until `extend_older` runs, `is_loading_older` is true: a
    /// person without an entry yet may simply have their last one in an older month, so views
    /// say "loading older entries…" rather than "never".
    pub fn new_loading_older(loaded: Loaded, older_to_come: bool) -> Journal {
        let mut journal = Journal::new(loaded);
        journal.loading_older = older_to_come;
        journal
    }

    pub fn is_loading_older(&self) -> bool {
        self.loading_older
    }

    /// Merge the second stage in. Afterwards the journal equals one built from a full load
    /// (plus any changes made meanwhile), and the problem list is the full load's.
    pub fn extend_older(&mut self, older: OlderLoad) {
        let mut entries = older.entries;
        // The older list comes with room for these (see `Store::load_older`).
        entries.append(&mut self.entries);
        // Two sorted runs (a misfiled entry can interleave them): the sort merges them cheaply.
        sort_by_time(&mut entries);
        self.entries = entries;
        self.reindex_entries();
        self.problems = older.problems;
        self.loading_older = false;
        self.note_change(Change::Everything);
    }

    /// Bumped whenever a contact is added or replaced, so cached search state knows to start over.
    pub fn generation(&self) -> u64 {
        self.generation
    }
}
