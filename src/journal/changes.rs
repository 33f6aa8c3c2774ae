//! What changed in the journal, for indexes kept beside it (the search in everything): each
//! change to a contact or to the entries of a month is noted with a revision number, so an
//! index brings itself up to date by redoing only what changed since it last looked.
//!
//! Why a log rather than a generation count: the search index over 200,000 entries takes
//! hundreds of milliseconds to build, and a saved note touches one month. The log is bounded;
//! an index further behind than it reaches starts over, as it does after a change that
//! touches everything (the older months arriving, a new journal).

use super::Journal;
use crate::model::Entry;
use chrono::{DateTime, Duration, FixedOffset, NaiveDate};
use std::collections::VecDeque;

/// How many changes are kept: far more than happen between two keys, few enough to be small.
const KEPT: usize = 4_096;

/// A calendar month, as an entry's own date has it (see `Entry::month`).
pub type Month = (i32, u32);

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Change {
    /// A contact was added, changed or removed.
    Contact(String),
    /// Entries of this month were added, changed or removed.
    Month(Month),
    /// Too much to say piece by piece: a new load, the older months merged in.
    Everything,
}

#[derive(Debug, Clone, Default)]
pub(super) struct ChangeLog {
    /// The revision after the last change; 0 before any.
    revision: u64,
    /// The last changes, oldest first, each with the revision it brought the journal to.
    kept: VecDeque<(u64, Change)>,
    /// Every change up to this revision has been let go: the log cannot tell them.
    forgotten: u64,
}

impl ChangeLog {
    pub(super) fn note(&mut self, change: Change) {
        self.revision += 1;
        // A change repeated at once (a month's entries added one by one) is kept once.
        if let Some(last) = self.kept.back_mut()
            && last.1 == change
        {
            last.0 = self.revision;
            return;
        }
        if self.kept.len() == KEPT
            && let Some((gone, _)) = self.kept.pop_front()
        {
            self.forgotten = gone;
        }
        self.kept.push_back((self.revision, change));
    }
}

impl Journal {
    /// The journal's revision: it moves on with every change that `changes_since` can tell.
    pub fn revision(&self) -> u64 {
        self.changes.revision
    }

    /// What changed after `revision`, oldest first; `None` when the log no longer reaches
    /// that far back, or the revision is not this journal's.
    pub fn changes_since(&self, revision: u64) -> Option<Vec<Change>> {
        let log = &self.changes;
        if revision > log.revision || revision < log.forgotten {
            return None;
        }
        // Newest first until one is not newer, then back in order.
        let mut newer: Vec<Change> = log
            .kept
            .iter()
            .rev()
            .take_while(|(r, _)| *r > revision)
            .map(|(_, c)| c.clone())
            .collect();
        newer.reverse();
        Some(newer)
    }

    pub(super) fn note_change(&mut self, change: Change) {
        self.changes.note(change);
    }

    /// The entries whose own date (`Entry::month`) falls in `month`, oldest first. Entries are
    /// kept in time order, so only those within a day of the month are looked at.
    pub fn entries_in_month(&self, month: Month) -> impl Iterator<Item = &Entry> {
        let range = month_instants(month).map(|(from, to)| {
            let start = self.entries.partition_point(|e| e.at < from);
            let end = self.entries.partition_point(|e| e.at < to);
            start..end
        });
        let range = range.unwrap_or(0..0);
        self.entries[range]
            .iter()
            .filter(move |e| e.month() == month)
    }

    /// The entries after the one with this time and id (all of them for `None`), oldest
    /// first: for reading the journal a piece at a time while it may change in between.
    pub fn entries_after(&self, after: Option<(DateTime<FixedOffset>, &str)>) -> &[Entry] {
        let start = match after {
            None => 0,
            Some((at, id)) => self
                .entries
                .partition_point(|e| e.at < at || (e.at == at && e.id.as_str() <= id)),
        };
        &self.entries[start..]
    }

    /// The entry with this id at this time (to the second), found by its place in time, not
    /// by reading them all.
    pub fn entry_at(&self, at: DateTime<FixedOffset>, id: &str) -> Option<&Entry> {
        let second = at - Duration::nanoseconds(i64::from(at.timestamp_subsec_nanos()));
        let start = self.entries.partition_point(|e| e.at < second);
        self.entries[start..]
            .iter()
            .take_while(|e| e.at < second + Duration::seconds(1))
            .find(|e| e.id == id)
    }
}

/// Instants that surely hold every entry dated in `month` in any offset: from a day before
/// it begins to a day after it ends.
fn month_instants((year, month): Month) -> Option<(DateTime<FixedOffset>, DateTime<FixedOffset>)> {
    let first = NaiveDate::from_ymd_opt(year, month, 1)?;
    let next = if month == 12 {
        NaiveDate::from_ymd_opt(year.checked_add(1)?, 1, 1)?
    } else {
        NaiveDate::from_ymd_opt(year, month + 1, 1)?
    };
    let utc = FixedOffset::east_opt(0)?;
    let from = first
        .and_hms_opt(0, 0, 0)?
        .and_local_timezone(utc)
        .single()?
        - Duration::days(1);
    let to = next
        .and_hms_opt(0, 0, 0)?
        .and_local_timezone(utc)
        .single()?
        + Duration::days(1);
    Some((from, to))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Contact, Kind, Loaded};

    fn entry(id: &str, at: &str) -> Entry {
        Entry {
            id: id.into(),
            at: DateTime::parse_from_rfc3339(at).expect("valid time"),
            with: vec!["ada".into()],
            kind: Kind::Note,
            note: id.into(),
            gave: None,
            asked: None,
        }
    }

    fn journal() -> Journal {
        Journal::new(Loaded {
            contacts: vec![Contact::new("ada", "Ada")],
            entries: vec![
                entry("oct-last", "2026-10-31T23:30:00-05:00"),
                entry("nov-first", "2026-11-01T00:30:00+09:00"),
                entry("nov-mid", "2026-11-15T12:00:00+01:00"),
                entry("dec", "2026-12-01T08:00:00+01:00"),
            ],
            ..Loaded::default()
        })
    }

    #[test]
    fn entries_of_a_month_go_by_their_own_date() {
        let j = journal();
        let ids = |m| -> Vec<String> { j.entries_in_month(m).map(|e| e.id.clone()).collect() };
        // 2026-11-01 00:30 +09:00 is still October in UTC, but November where it was written.
        assert_eq!(ids((2026, 11)), ["nov-first", "nov-mid"]);
        assert_eq!(ids((2026, 10)), ["oct-last"]);
        assert_eq!(ids((2026, 12)), ["dec"]);
        assert!(ids((2025, 1)).is_empty());
        assert!(ids((2026, 13)).is_empty());
    }

    #[test]
    fn an_entry_is_found_by_its_time() {
        let j = journal();
        let e = entry("nov-mid", "2026-11-15T12:00:00+01:00");
        assert_eq!(
            j.entry_at(e.at, "nov-mid").map(|e| e.id.as_str()),
            Some("nov-mid")
        );
        assert_eq!(j.entry_at(e.at, "dec"), None);
    }

    #[test]
    fn entries_after_one_go_on_in_time_order() {
        let j = journal();
        let ids = |after| -> Vec<&str> {
            j.entries_after(after)
                .iter()
                .map(|e| e.id.as_str())
                .collect()
        };
        assert_eq!(ids(None).len(), 4);
        let mid = entry("nov-mid", "2026-11-15T12:00:00+01:00");
        assert_eq!(ids(Some((mid.at, "nov-mid"))), ["dec"]);
        // An entry since removed still marks where to go on from.
        assert_eq!(ids(Some((mid.at, "gone"))), ["nov-mid", "dec"]);
    }

    #[test]
    fn every_change_is_told_since_a_revision() {
        let mut j = journal();
        let start = j.revision();
        assert_eq!(j.changes_since(start), Some(vec![]));
        j.add_entry(entry("new", "2026-11-20T10:00:00+01:00"));
        j.upsert_contact(Contact::new("bo", "Bo"));
        j.remove_entry("dec");
        let changes = j.changes_since(start).unwrap_or_default();
        assert!(changes.contains(&Change::Month((2026, 11))), "{changes:?}");
        assert!(
            changes.contains(&Change::Contact("bo".into())),
            "{changes:?}"
        );
        assert!(changes.contains(&Change::Month((2026, 12))), "{changes:?}");
        assert_eq!(j.changes_since(j.revision() + 1), None);
    }

    #[test]
    fn a_log_that_no_longer_reaches_back_says_so() {
        let mut j = journal();
        let start = j.revision();
        for i in 0..KEPT + 10 {
            j.upsert_contact(Contact::new(format!("p{i}"), "P"));
        }
        assert_eq!(j.changes_since(start), None);
        let last = j.changes_since(j.revision() - 2).unwrap_or_default();
        let n = KEPT + 9;
        assert_eq!(
            last,
            [
                Change::Contact(format!("p{}", n - 1)),
                Change::Contact(format!("p{n}"))
            ]
        );
    }
}
