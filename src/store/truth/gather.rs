//! The month files of a load put together in one list, in file order, as they arrive.
//!
//! Each month's entries move into the shared list as soon as the file is read, so the
//! per-file vectors never all live at once next to the final one (that doubling was most of a
//! large load's peak memory). What the cross-file checks need from each file stays beside the
//! list in a few bytes per entry (`MonthLocs`); the list is put in time order last, one month
//! at a time.

use super::decode::{Loc, LocatedEntry};
use super::load::Month;
use crate::model::Entry;
use std::ops::Range;
use std::path::{Path, PathBuf};

/// A line and column in four bytes each: a load keeps one per entry and per `with` item until
/// the cross-file checks have run.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub(crate) struct SmallLoc {
    line: u32,
    col: u32,
}

impl SmallLoc {
    pub(crate) fn new(loc: Loc) -> SmallLoc {
        let small = |n: usize| u32::try_from(n).unwrap_or(u32::MAX);
        SmallLoc {
            line: small(loc.line),
            col: small(loc.col),
        }
    }

    pub(crate) fn line_col(self) -> (usize, usize) {
        (self.line as usize, self.col as usize)
    }
}

/// Where the entries of one month file are written in it, in file order: what the cross-file
/// checks point at once the text itself is gone.
#[derive(Debug, Clone, Default)]
pub(crate) struct MonthLocs {
    /// One per entry.
    pub id: Vec<SmallLoc>,
    /// Only the `with` items naming no known contact, by position among all the file's `with`
    /// items (entry after entry); the check itself ran while the file was read.
    pub odd_with: Vec<(u32, SmallLoc)>,
    /// Only the entries whose kind rolo does not know (by position), the only ones warned about.
    pub odd_kinds: Vec<(u32, SmallLoc)>,
}

/// One month file's share of the list.
#[derive(Debug, Clone)]
struct Part {
    path: PathBuf,
    month: Month,
    range: Range<usize>,
    locs: MonthLocs,
}

/// One month file as the checks see it: its entries in file order and where they are written.
pub(crate) struct MonthView<'a> {
    pub path: &'a Path,
    pub month: Month,
    pub entries: &'a [Entry],
    pub locs: &'a MonthLocs,
}

/// Month files added in file order (oldest first); see the module notes.
#[derive(Debug, Clone, Default)]
pub(crate) struct Gathered {
    entries: Vec<Entry>,
    parts: Vec<Part>,
}

impl Gathered {
    /// Add the next month file's entries (in file order) after the ones already here.
    pub fn push(&mut self, path: PathBuf, month: Month, mut entries: Vec<Entry>, locs: MonthLocs) {
        let start = self.entries.len();
        self.entries.append(&mut entries);
        self.parts.push(Part {
            path,
            month,
            range: start..self.entries.len(),
            locs,
        });
    }

    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// Each month file in the order added, for the cross-file checks.
    pub fn views(&self) -> impl Iterator<Item = MonthView<'_>> {
        self.parts.iter().map(|p| MonthView {
            path: &p.path,
            month: p.month,
            entries: &self.entries[p.range.clone()],
            locs: &p.locs,
        })
    }

    /// All entries in time order, with room for `extra` more without growing.
    pub fn into_sorted(self, extra: usize) -> Vec<Entry> {
        let runs: Vec<Range<usize>> = self.parts.into_iter().map(|p| p.range).collect();
        let mut entries = self.entries;
        sort_in_runs(&mut entries, &runs);
        entries.reserve_exact(extra);
        entries.shrink_to(entries.len() + extra);
        entries
    }
}

pub(crate) fn by_time(a: &Entry, b: &Entry) -> std::cmp::Ordering {
    a.at.cmp(&b.at).then_with(|| a.id.cmp(&b.id))
}

/// What one stable sort of `entries` by time gives, cheaper: each run (a month: small, nearly
/// sorted, in cache) is sorted on its own, then one pass checks the whole. Months overlap in
/// time only when an entry is misfiled or offsets straddle midnight; then one more stable sort
/// over the sorted runs (which it merges) fixes it. Equal entries keep their order either way,
/// so the result is exactly the one stable sort's. `runs` cover `entries` in order.
pub(crate) fn sort_in_runs(entries: &mut [Entry], runs: &[Range<usize>]) {
    for run in runs {
        if let Some(run) = entries.get_mut(run.clone())
            && !run.is_sorted_by(|a, b| by_time(a, b).is_le())
        {
            run.sort_by(by_time);
        }
    }
    if !entries.is_sorted_by(|a, b| by_time(a, b).is_le()) {
        entries.sort_by(by_time);
    }
}

/// `month_entries` from a month decoded with every place (a cached month, say): the same
/// entries and the same small places.
pub(crate) fn split_located(
    located: Vec<LocatedEntry>,
    is_known: impl Fn(&str) -> bool,
) -> (Vec<Entry>, MonthLocs) {
    let mut entries = Vec::with_capacity(located.len());
    let mut locs = MonthLocs::default();
    let small = |n: usize| u32::try_from(n).unwrap_or(u32::MAX);
    let mut with_seen = 0;
    for l in located {
        if !l.entry.kind.is_known() {
            locs.odd_kinds
                .push((small(entries.len()), SmallLoc::new(l.kind_at)));
        }
        locs.id.push(SmallLoc::new(l.id_at));
        for (who, &at) in l.entry.with.iter().zip(&l.with_at) {
            if !is_known(who) {
                locs.odd_with.push((small(with_seen), SmallLoc::new(at)));
            }
            with_seen += 1;
        }
        entries.push(l.entry);
    }
    (entries, locs)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Kind;
    use chrono::DateTime;

    /// A cached month (decoded with every place) gives a whole-folder load the same entries
    /// and small places as reading the file straight into them.
    #[test]
    fn split_located_equals_reading_straight_into_small_places() {
        let text = "[[entry]]\nid = \"a\"\nat = 2026-11-01T10:00:00+01:00\nwith = [\"ada\", \"ghost\"]\nkind = \"picnic\"\n\n# a comment\n[[entry]]\nid = \"b\"\nat = 2026-11-02T10:00:00Z\nwith = [\"nobody\", \"ada\"]\n\n[[entry]]\nid = \"c\"\n  at = 2026-11-03T10:00:00+01:00\nwith = [\"ada\"]\nkind = \"call\"\n";
        let path = Path::new("journal/2026/2026-11.toml");
        let is_known = |who: &str| who == "ada";
        let straight = crate::store::decode::month_entries(path, text, is_known).unwrap();
        let located = crate::store::decode::month(path, text).unwrap();
        let split = split_located(located, is_known);
        assert_eq!(format!("{split:?}"), format!("{straight:?}"));
        assert_eq!(split.1.odd_with.len(), 2);
        assert_eq!(split.1.odd_kinds.len(), 1);
    }

    fn entry(id: &str, at: &str) -> Entry {
        Entry {
            id: id.to_string(),
            at: DateTime::parse_from_rfc3339(at).unwrap(),
            with: vec![],
            kind: Kind::Note,
            note: format!("note {id}"),
            gave: None,
            asked: None,
        }
    }

    fn ids(entries: &[Entry]) -> Vec<&str> {
        entries.iter().map(|e| e.id.as_str()).collect()
    }

    /// The reference: one stable sort of everything.
    fn sorted_once(mut entries: Vec<Entry>) -> Vec<Entry> {
        entries.sort_by(by_time);
        entries
    }

    #[test]
    fn runs_that_overlap_in_time_come_out_as_one_stable_sort() {
        // January holds a misfiled March entry; February starts before January ends (offsets
        // straddling midnight); a duplicate id with the same instant sits in two months, so
        // only stability decides its order.
        let all = vec![
            entry("j2", "2026-01-20T10:00:00+00:00"),
            entry("late", "2026-03-05T10:00:00+00:00"),
            entry("dup", "2026-01-31T23:30:00+00:00"),
            entry("j1", "2026-01-02T10:00:00+00:00"),
            entry("f1", "2026-02-01T00:10:00+02:00"),
            entry("dup", "2026-02-01T01:30:00+02:00"),
            entry("f2", "2026-02-10T10:00:00+00:00"),
            entry("m1", "2026-03-01T10:00:00+00:00"),
        ];
        let mut notes: Vec<Entry> = all.clone();
        notes[2].note = "first dup".into();
        notes[5].note = "second dup".into();
        let want = sorted_once(notes.clone());
        let mut got = notes;
        sort_in_runs(&mut got, &[0..4, 4..7, 7..8]);
        assert_eq!(got, want);
        assert_eq!(
            ids(&got),
            ["j1", "j2", "f1", "dup", "dup", "f2", "m1", "late"]
        );
        assert_eq!(got[3].note, "first dup", "equal entries keep file order");
    }

    #[test]
    fn runs_in_order_are_only_sorted_within() {
        let mut got = vec![
            entry("b", "2026-01-02T10:00:00+00:00"),
            entry("a", "2026-01-02T10:00:00+00:00"),
            entry("c", "2026-02-01T10:00:00+00:00"),
        ];
        let want = sorted_once(got.clone());
        sort_in_runs(&mut got, &[0..2, 2..3]);
        assert_eq!(got, want);
        assert_eq!(ids(&got), ["a", "b", "c"]);
    }

    #[test]
    fn gathered_months_keep_file_order_for_checks_and_sort_at_the_end() {
        let mut g = Gathered::default();
        let jan = vec![
            entry("j2", "2026-01-20T10:00:00+00:00"),
            entry("j1", "2026-01-02T10:00:00+00:00"),
        ];
        let feb = vec![entry("f1", "2026-02-01T10:00:00+00:00")];
        g.push("a".into(), (2026, 1), jan, MonthLocs::default());
        g.push("b".into(), (2026, 2), feb, MonthLocs::default());
        let views: Vec<(PathBuf, Month, Vec<&str>)> = g
            .views()
            .map(|v| (v.path.to_path_buf(), v.month, ids(v.entries)))
            .collect();
        assert_eq!(
            views,
            [
                ("a".into(), (2026, 1), vec!["j2", "j1"]),
                ("b".into(), (2026, 2), vec!["f1"])
            ]
        );
        assert_eq!(g.len(), 3);
        let sorted = g.into_sorted(5);
        assert_eq!(ids(&sorted), ["j1", "j2", "f1"]);
        assert!(sorted.capacity() >= 8);
    }
}
