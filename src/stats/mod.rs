//! Statistics: every figure the statistics screen, `rolo stats` and the weekly review show,
//! computed from a journal and a day. Pure, like the rest of the core: "today" is passed in,
//! nothing is read from the clock or the files, so the screen and the command line print
//! the same numbers and tests pin them on hand-made journals.
//!
//! What counts:
//! - a day is the date an entry was written in its own offset (see `calendar`);
//! - entries dated after today are not counted (a plan is not an interaction);
//! - archived people are left out of every figure about people (top, rhythm, needs, a
//!   person's series); an entry with them still happened and is still counted by month.

pub mod calendar;
mod person;
pub mod review;
pub mod review_words;
mod rhythm;

#[cfg(test)]
mod tests;
#[cfg(test)]
mod tests_review;

pub use calendar::YearMonth;
pub use person::{PersonStats, of_person, usual_gap_weeks};
pub use review::{Review, Week, review};

use crate::journal::{Ix, Journal};
use crate::model::{Contact, Kind, NeedStatus};
use crate::serve::brief::{asked_for, given};
use chrono::{Datelike, NaiveDate};

/// Months the default view covers, this one included.
pub const MONTHS: usize = 24;
/// Days the heat map covers before it is widened back to a Monday.
pub const HEAT_DAYS: i64 = 365;
/// People in the "most time with" list.
pub const TOP: usize = 10;
/// A `--since` far in the past is held to this many months, so one typo cannot ask for a
/// table of twenty thousand rows.
pub const MAX_MONTHS: usize = 1200;

/// The kinds counted apart, in the order charts stack them; every other kind is "other".
pub const KINDS: [&str; 10] = [
    "note", "coffee", "call", "message", "email", "meeting", "event", "intro", "gift", "other",
];

fn kind_slot(k: &Kind) -> usize {
    Kind::CYCLE
        .iter()
        .position(|c| c == k)
        .unwrap_or(KINDS.len() - 1)
}

/// Whether a person counts in the figures about people: everyone not archived.
pub fn counted(c: &Contact) -> bool {
    !c.is_archived()
}

/// A share of people: `within` of `of`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Share {
    pub within: u32,
    pub of: u32,
}

impl Share {
    /// Whole percent, rounded; `None` when there is no one to count.
    pub fn percent(self) -> Option<u32> {
        (self.of > 0).then(|| (self.within * 100 + self.of / 2) / self.of)
    }
}

/// One month of every monthly figure.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MonthRow {
    pub month: YearMonth,
    /// Entries that month (an entry with three people is one interaction).
    pub total: u32,
    /// Entries by kind, in the order of `KINDS`.
    pub kinds: [u32; KINDS.len()],
    /// Needs raised that month (by their `since`), and needs met (by their `met_on`).
    pub needs_opened: u32,
    pub needs_met: u32,
    /// Entries of kind `intro`.
    pub intros: u32,
    /// Entries recording something you gave, and something you asked (`serve::brief::given`).
    pub gave: u32,
    pub asked: u32,
    /// People with a rhythm you had seen within it at the month's end (today for this month),
    /// among those you had seen at all by then. `None` when no one qualifies.
    pub in_rhythm: Share,
}

/// Day counts for a calendar heat map: `days[0]` is `start` (a Monday), the last is today.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Heat {
    pub start: NaiveDate,
    pub days: Vec<u32>,
}

impl Heat {
    pub fn max(&self) -> u32 {
        self.days.iter().copied().max().unwrap_or(0)
    }

    /// Days with at least one entry.
    pub fn active_days(&self) -> usize {
        self.days.iter().filter(|&&n| n > 0).count()
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Top {
    pub ix: Ix,
    pub entries: u32,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Stats {
    pub today: NaiveDate,
    /// The monthly figures, oldest first, ending with this month.
    pub months: Vec<MonthRow>,
    pub heat: Heat,
    /// Who you spent most time with (most entries) since `top_from`, most first.
    pub top: Vec<Top>,
    pub top_from: NaiveDate,
    /// People with a rhythm who are within it today (never seen counts as outside).
    pub rhythm_now: Share,
    /// Entries counted in `months`.
    pub entries: u32,
    /// People counted (not archived).
    pub people: u32,
}

impl Stats {
    /// Nothing to draw a chart of: no entry in the range.
    pub fn is_empty(&self) -> bool {
        self.entries == 0
    }
}

/// The period the figures cover: its months, where the heat map starts, the top's first day.
struct Window {
    months: Vec<YearMonth>,
    heat_start: NaiveDate,
    top_from: NaiveDate,
}

impl Window {
    fn of(today: NaiveDate, since: Option<NaiveDate>) -> Window {
        let since = since.filter(|s| *s <= today);
        let months = match since {
            Some(s) => {
                let n = YearMonth::of(today).since(YearMonth::of(s)) + 1;
                calendar::months_ending(today, (n.max(1) as usize).min(MAX_MONTHS))
            }
            None => calendar::months_ending(today, MONTHS),
        };
        let mut heat_start = calendar::monday_of(calendar::add_days(today, 1 - HEAT_DAYS));
        if let Some(s) = since {
            heat_start = heat_start.max(calendar::monday_of(s));
        }
        let top_from =
            since.unwrap_or_else(|| NaiveDate::from_ymd_opt(today.year(), 1, 1).unwrap_or(today));
        Window {
            months,
            heat_start,
            top_from,
        }
    }

    /// The oldest day any figure counts an entry of, less the margin for the widest
    /// offsets (entries are ordered by instant, a day is in the entry's own offset).
    fn oldest(&self, today: NaiveDate) -> NaiveDate {
        let earliest = self.months[0]
            .first_day()
            .unwrap_or(today)
            .min(self.heat_start)
            .min(self.top_from);
        calendar::add_days(earliest, -2)
    }
}

/// The oldest day whose entries `stats` reads (for the rhythm, only each person's last day
/// before it): what a journal of recent months must hold (`Journal::from_since`).
pub fn oldest_read(today: NaiveDate, since: Option<NaiveDate>) -> NaiveDate {
    Window::of(today, since).oldest(today)
}

/// Every figure as of `today`: the last `MONTHS` months, or from `since` when given; the
/// top people this calendar year, or since `since`.
pub fn stats(journal: &Journal, today: NaiveDate, since: Option<NaiveDate>) -> Stats {
    let window = Window::of(today, since);
    let oldest = window.oldest(today);
    let Window {
        months,
        heat_start,
        top_from,
    } = window;
    let first = months[0];
    let mut rows: Vec<MonthRow> = months
        .iter()
        .map(|&month| MonthRow {
            month,
            total: 0,
            kinds: [0; KINDS.len()],
            needs_opened: 0,
            needs_met: 0,
            intros: 0,
            gave: 0,
            asked: 0,
            in_rhythm: Share::default(),
        })
        .collect();
    let heat_len = (today - heat_start).num_days().max(0) as usize + 1;
    let mut heat = vec![0u32; heat_len];
    let mut per_person = vec![0u32; journal.contacts().len()];
    let is_counted: Vec<bool> = journal.contacts().iter().map(counted).collect();
    let mut entries = 0;
    // Newest first, so the walk stops at the oldest day any figure needs. Entries are ordered
    // by instant, and a day depends on the offset: the margin covers the widest offsets.
    for e in journal.timeline() {
        let day = e.at.date_naive();
        if day < oldest {
            break;
        }
        if day > today {
            continue;
        }
        let m = YearMonth::of(day).since(first);
        if let Some(row) = usize::try_from(m).ok().and_then(|m| rows.get_mut(m)) {
            entries += 1;
            row.total += 1;
            row.kinds[kind_slot(&e.kind)] += 1;
            row.intros += u32::from(e.kind == Kind::Intro);
            row.gave += u32::from(given(e).is_some());
            row.asked += u32::from(asked_for(e).is_some());
        }
        if let Some(cell) = usize::try_from((day - heat_start).num_days())
            .ok()
            .and_then(|i| heat.get_mut(i))
        {
            *cell += 1;
        }
        if day >= top_from {
            for w in &e.with {
                if let Some(ix) = journal.ix(w).filter(|&ix| is_counted[ix]) {
                    per_person[ix] += 1;
                }
            }
        }
    }
    for c in journal.contacts().iter().filter(|c| counted(c)) {
        for n in &c.needs {
            bump(&mut rows, first, Some(n.since), |r| &mut r.needs_opened);
            if n.status == NeedStatus::Met {
                bump(&mut rows, first, n.met_on, |r| &mut r.needs_met);
            }
        }
    }
    rhythm::over_time(journal, today, &mut rows);
    Stats {
        today,
        heat: Heat {
            start: heat_start,
            days: heat,
        },
        top: top_of(&per_person, journal),
        top_from,
        rhythm_now: rhythm::now(journal, today),
        entries,
        people: is_counted.iter().filter(|&&c| c).count() as u32,
        months: rows,
    }
}

/// Add one to a month's figure, when the day falls in the table.
fn bump(
    rows: &mut [MonthRow],
    first: YearMonth,
    day: Option<NaiveDate>,
    field: impl Fn(&mut MonthRow) -> &mut u32,
) {
    let Some(day) = day else { return };
    let m = YearMonth::of(day).since(first);
    if let Some(row) = usize::try_from(m).ok().and_then(|m| rows.get_mut(m)) {
        *field(row) += 1;
    }
}

/// The `TOP` people with the most entries, most first, ties by name.
fn top_of(per_person: &[u32], journal: &Journal) -> Vec<Top> {
    let mut top: Vec<Top> = per_person
        .iter()
        .enumerate()
        .filter(|(_, n)| **n > 0)
        .map(|(ix, &entries)| Top { ix, entries })
        .collect();
    let name = |ix: Ix| journal.contact(ix).map(|c| c.name.as_str()).unwrap_or("");
    top.sort_by(|a, b| {
        b.entries
            .cmp(&a.entries)
            .then_with(|| name(a.ix).cmp(name(b.ix)))
    });
    top.truncate(TOP);
    top
}

/// A one-line sparkline: a character per value, scaled to the largest, the same eighths as
/// ratatui's `Sparkline`; zero is `zero` (a blank, a dot), so a month with nothing in it
/// reads as nothing rather than as a little. For text: `rolo stats` and the person's card.
pub fn blocks(values: &[u32], zero: char) -> String {
    const STEPS: [char; 8] = ['▁', '▂', '▃', '▄', '▅', '▆', '▇', '█'];
    let max = values.iter().copied().max().unwrap_or(0);
    values
        .iter()
        .map(|&v| match v {
            0 => zero,
            v => STEPS[((u64::from(v) * 8).div_ceil(u64::from(max.max(1))) - 1).min(7) as usize],
        })
        .collect()
}
