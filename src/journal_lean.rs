//! Journals built from lean loads (`store/speed/lean_load.rs`) for commands that ask only some
//! questions. Each answers its questions exactly as a journal from a full load would; the
//! others it cannot answer, so only the commands named here may use it (see `loads.rs`).
//! The first stage of a staged load becomes a journal here too (`from_recent`).

use crate::fasthash::FastMap;
use crate::journal::Journal;
use crate::model::Entry;
use crate::store::{Loaded, MonthsRead, OlderLoad, PendingOlder, RecentLoad, Touch};
use chrono::NaiveDate;

impl Journal {
    /// A journal from the first stage of a staged load, and what is left to load (here rather
    /// than in `journal`, which knows nothing of the store that staged the load).
    pub fn from_recent(recent: RecentLoad) -> (Journal, PendingOlder) {
        let journal = Journal::new_loading_older(recent.loaded, !recent.pending.is_empty());
        (journal, recent.pending)
    }

    /// Contacts and the last day each was seen: enough for `list`, `due` and `today`
    /// (last contact, days since, overdue, birthdays, follow-ups, needs). It holds no
    /// entries, so timelines are empty. `contacts` comes from `Store::load_contacts_lean`.
    pub fn from_touches(contacts: Loaded, touches: MonthsRead<Touch>) -> Journal {
        let mut problems = contacts.problems;
        problems.extend(touches.errors);
        let mut journal = Journal::new(Loaded {
            contacts: contacts.contacts,
            entries: Vec::new(),
            problems,
        });
        // The same rule as indexing a full journal: an entry's own calendar day, per person
        // named in it who has a contact file.
        for touch in &touches.items {
            let day = touch.at.date_naive();
            for who in &touch.with {
                if let Some(ix) = journal.ix(who) {
                    let last = &mut journal.last_contact[ix];
                    if last.is_none_or(|d| d < day) {
                        *last = Some(day);
                    }
                }
            }
        }
        journal
    }

    /// As `from_touches`, from the last day each person was seen in each month
    /// (`Store::load_last_days`): the same journal, read with far less work.
    pub fn from_last_days(contacts: Loaded, days: MonthsRead<(String, NaiveDate)>) -> Journal {
        let mut problems = contacts.problems;
        problems.extend(days.errors);
        let mut journal = Journal::new(Loaded {
            contacts: contacts.contacts,
            entries: Vec::new(),
            problems,
        });
        // Per person first (a person appears in many months), then one lookup each.
        let mut last: FastMap<&str, NaiveDate> = FastMap::default();
        for (who, day) in &days.items {
            let d = last.entry(who.as_str()).or_insert(*day);
            *d = (*d).max(*day);
        }
        for (who, day) in last {
            if let Some(ix) = journal.ix(who) {
                journal.last_contact[ix] = Some(day);
            }
        }
        journal
    }

    /// Contacts, every entry of the months that may hold one at or after some day
    /// (`Store::load_since`), and for the months not read each person's last day there:
    /// enough for the statistics of a period ending today (`stats::stats`), whose every
    /// figure reads entries from that day on and, for the rhythm, each person's last day
    /// before it. Last contact and overdue are a full journal's.
    pub fn from_since(
        contacts: Loaded,
        entries: MonthsRead<Entry>,
        before: Vec<(String, NaiveDate)>,
    ) -> Journal {
        let mut journal = Journal::new(contacts).with_entries_of_one(entries);
        for (who, day) in before {
            if let Some(ix) = journal.ix(&who) {
                let last = &mut journal.last_contact[ix];
                if last.is_none_or(|d| d < day) {
                    *last = Some(day);
                }
                let seen = journal.seen_before.entry(who).or_insert(day);
                *seen = (*seen).max(day);
            }
        }
        journal
    }

    /// Add the entries of one person (`Store::load_entries_with`) to a journal of contacts:
    /// that person's timeline, first entry and last contact are then a full journal's; other
    /// people's are not, so only commands about that one person may use it. The problems
    /// become the contact errors followed by the month errors, as a full load orders them.
    pub fn with_entries_of_one(mut self, entries: MonthsRead<Entry>) -> Journal {
        let mut problems = std::mem::take(&mut self.problems);
        problems.extend(entries.errors);
        // Entries arrive month by month in file order, as a full load reads them, and are
        // sorted the same stable way, so ties keep the same order.
        self.extend_older(OlderLoad {
            entries: entries.items,
            problems,
        });
        self
    }
}
