//! What the statistics screen (`S`) shows: the figures, computed once when it opens from the
//! journal in memory (no reload), the page on screen, and which kind the months chart shows.

use crate::journal::Journal;
use crate::stats::{KINDS, Stats, stats};
use chrono::NaiveDate;

/// The screen's pages, in `tab` order.
pub const PAGES: [&str; 4] = ["Activity", "Days & people", "Rhythm", "Needs, give & ask"];

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StatsView {
    pub stats: Stats,
    pub page: usize,
    /// The kind the months chart shows (an index into `KINDS`); `None` for all of them.
    pub kind: Option<usize>,
    /// Older months were still loading when it opened: the figures may be short.
    pub partial: bool,
}

impl StatsView {
    pub fn new(journal: &Journal, today: NaiveDate) -> StatsView {
        StatsView {
            stats: stats(journal, today, None),
            page: 0,
            kind: None,
            partial: journal.is_loading_older(),
        }
    }

    pub fn next_page(&mut self, forward: bool) {
        let n = PAGES.len();
        self.page = if forward {
            (self.page + 1) % n
        } else {
            (self.page + n - 1) % n
        };
    }

    /// The next kind that occurs in these months, then all kinds again.
    pub fn next_kind(&mut self, forward: bool) {
        let present: Vec<Option<usize>> = std::iter::once(None)
            .chain(
                (0..KINDS.len())
                    .filter(|&k| self.stats.months.iter().any(|r| r.kinds[k] > 0))
                    .map(Some),
            )
            .collect();
        let at = present.iter().position(|k| *k == self.kind).unwrap_or(0);
        let n = present.len();
        let next = if forward {
            (at + 1) % n
        } else {
            (at + n - 1) % n
        };
        self.kind = present[next];
    }

    /// "all kinds", "coffee".
    pub fn kind_name(&self) -> &'static str {
        self.kind
            .and_then(|k| KINDS.get(k))
            .copied()
            .unwrap_or("all kinds")
    }

    /// The months chart's values for the kind shown.
    pub fn month_values(&self) -> Vec<u64> {
        self.stats
            .months
            .iter()
            .map(|r| u64::from(self.kind.map_or(r.total, |k| r.kinds[k])))
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Kind;
    use crate::serve::tests::fixture::{d, entry, journal, person};

    #[test]
    fn kinds_cycle_through_those_present_and_pages_wrap() {
        let mut call = entry("2026-11-02T10:00:00+01:00", &["ada"], "x");
        call.kind = Kind::Call;
        let j = journal(
            vec![person("ada", "Ada")],
            vec![entry("2026-11-01T10:00:00+01:00", &["ada"], "x"), call],
        );
        let mut v = StatsView::new(&j, d(2026, 11, 24));
        assert_eq!(v.kind_name(), "all kinds");
        v.next_kind(true);
        assert_eq!(v.kind_name(), "coffee");
        assert_eq!(*v.month_values().last().unwrap(), 1);
        v.next_kind(true);
        assert_eq!(v.kind_name(), "call");
        v.next_kind(true);
        assert_eq!(v.kind_name(), "all kinds");
        assert_eq!(*v.month_values().last().unwrap(), 2);
        v.next_kind(false);
        assert_eq!(v.kind_name(), "call");
        v.next_page(false);
        assert_eq!(v.page, PAGES.len() - 1);
        v.next_page(true);
        assert_eq!(v.page, 0);
    }
}
