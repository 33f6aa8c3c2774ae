//! The reconnect (`R`) and today (`T`) lists as rows: headings, quiet notes and items that
//! point at a person. Built from `crate::serve` in one place, so `update` (which moves the
//! selection and acts on it) and `ui` (which words the rows) always agree on what is where.

use crate::journal::{Ix, Journal, Overdue, UpcomingBirthday};
use crate::serve::{self, DueFollowUp, NeedMatch};
use chrono::NaiveDate;

/// How far ahead the reconnect view lists promises (the command line's `rolo due` agrees).
pub const PROMISES_AHEAD_DAYS: i64 = 7;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ListKind {
    Reconnect,
    Today,
}

impl ListKind {
    pub fn title(self) -> &'static str {
        match self {
            ListKind::Reconnect => "Reconnect",
            ListKind::Today => "Today",
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub enum Item {
    Heading(String),
    /// A calm line where a section is empty.
    Quiet(String),
    Reconnect(Overdue),
    FollowUp(DueFollowUp),
    Birthday(UpcomingBirthday),
    Need(NeedMatch),
}

impl Item {
    /// The person an item is about; headings and notes are about no one and are skipped
    /// by the selection.
    pub fn person(&self) -> Option<Ix> {
        match self {
            Item::Heading(_) | Item::Quiet(_) => None,
            Item::Reconnect(o) => Some(o.ix),
            Item::FollowUp(f) => Some(f.ix),
            Item::Birthday(b) => Some(b.ix),
            Item::Need(n) => Some(n.ix),
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Lists {
    pub kind: ListKind,
    pub items: Vec<Item>,
    /// Index into `items`; always an item with a person when there is one.
    pub sel: usize,
}

impl Lists {
    pub fn new(kind: ListKind, journal: &Journal, today: NaiveDate) -> Lists {
        let mut l = Lists {
            kind,
            items: build(kind, journal, today),
            sel: 0,
        };
        l.sel = l.first_selectable_from(0);
        l
    }

    /// Rebuild after the journal changed, keeping the selection near where it was.
    pub fn refresh(&mut self, journal: &Journal, today: NaiveDate) {
        let at = self.sel;
        self.items = build(self.kind, journal, today);
        self.sel = self.first_selectable_from(at.min(self.items.len().saturating_sub(1)));
        if self.items.get(self.sel).and_then(Item::person).is_none() {
            self.sel = self.last_selectable_before(self.items.len());
        }
    }

    pub fn selected(&self) -> Option<&Item> {
        self.items.get(self.sel).filter(|i| i.person().is_some())
    }

    fn first_selectable_from(&self, from: usize) -> usize {
        (from..self.items.len())
            .find(|&i| self.items[i].person().is_some())
            .unwrap_or(from)
    }

    fn last_selectable_before(&self, before: usize) -> usize {
        (0..before.min(self.items.len()))
            .rev()
            .find(|&i| self.items[i].person().is_some())
            .unwrap_or(self.sel)
    }

    /// Move by `steps` selectable items (negative is up); stops at either end.
    pub fn step(&mut self, steps: isize) {
        for _ in 0..steps.unsigned_abs() {
            let next = if steps > 0 {
                (self.sel + 1..self.items.len()).find(|&i| self.items[i].person().is_some())
            } else {
                (0..self.sel)
                    .rev()
                    .find(|&i| self.items[i].person().is_some())
            };
            match next {
                Some(i) => self.sel = i,
                None => break,
            }
        }
    }

    pub fn top(&mut self) {
        self.sel = self.first_selectable_from(0);
    }

    pub fn bottom(&mut self) {
        self.sel = self.last_selectable_before(self.items.len());
    }
}

pub fn build(kind: ListKind, journal: &Journal, today: NaiveDate) -> Vec<Item> {
    match kind {
        ListKind::Reconnect => reconnect(journal, today),
        ListKind::Today => today_items(journal, today),
    }
}

fn section<T>(out: &mut Vec<Item>, heading: &str, items: Vec<T>, empty: &str, wrap: fn(T) -> Item) {
    out.push(Item::Heading(heading.to_string()));
    if items.is_empty() {
        out.push(Item::Quiet(empty.to_string()));
    }
    out.extend(items.into_iter().map(wrap));
}

fn reconnect(journal: &Journal, today: NaiveDate) -> Vec<Item> {
    let mut out = Vec::new();
    section(
        &mut out,
        "Past their rhythm (people with open needs first)",
        serve::reconnect(journal, today),
        "Everyone is within their rhythm. Nicely done.",
        Item::Reconnect,
    );
    section(
        &mut out,
        "Promises due this week and earlier",
        serve::follow_ups(journal, today, PROMISES_AHEAD_DAYS),
        "Nothing due in the next week.",
        Item::FollowUp,
    );
    section(
        &mut out,
        &format!("Birthdays in the next {} days", serve::today::BIRTHDAY_DAYS),
        serve::birthdays(journal, today, serve::today::BIRTHDAY_DAYS),
        "None coming up.",
        Item::Birthday,
    );
    out
}

fn today_items(journal: &Journal, date: NaiveDate) -> Vec<Item> {
    let t = serve::today(journal, date);
    let mut out = Vec::new();
    section(
        &mut out,
        "Promises due",
        t.follow_ups,
        "Nothing due today.",
        Item::FollowUp,
    );
    // Promises made to you, due: only when there are some (space marks one kept).
    if !t.waiting.is_empty() {
        section(&mut out, "Waiting on them", t.waiting, "", Item::FollowUp);
    }
    section(
        &mut out,
        "Birthdays this week",
        t.birthdays,
        "None this week.",
        Item::Birthday,
    );
    let more = t.reconnect_total - t.reconnect.len();
    section(
        &mut out,
        "Reconnect",
        t.reconnect,
        "Everyone is within their rhythm.",
        Item::Reconnect,
    );
    if more > 0 {
        out.push(Item::Quiet(format!("and {more} more: press R")));
    }
    section(
        &mut out,
        "You could help right now",
        t.needs,
        "No open need has a strong match yet.",
        Item::Need,
    );
    out
}
