//! The weekly review: a look back at one week (Monday to Sunday) and ahead at the next seven
//! days. Warm by design: it lists what happened and what you could do, never a score.

use super::calendar::{add_days, monday_of, sunday_of};
use super::counted;
use crate::journal::{Ix, Journal, Overdue, UpcomingBirthday};
use crate::model::{Entry, FollowUp, Kind, Need, NeedStatus};
use crate::serve::brief::{asked_for, done_about, given};
use crate::serve::today::{WEEK_DAYS, needs_with_strong_match_in};
use crate::serve::{DueFollowUp, NeedMatch, Network, birthdays, follow_ups, reconnect};
use chrono::NaiveDate;

/// How many people to get back to, and open needs, the review names (it counts them all).
pub const REVIEW_NAMES: usize = 5;

/// Which week to look back at.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Week {
    /// Monday of this week through today.
    #[default]
    This,
    /// Last Monday to Sunday.
    Last,
}

/// One entry that is part of the week: the day, who with (ids), and what it said.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Moment {
    pub day: NaiveDate,
    pub with: Vec<String>,
    pub what: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Seen {
    pub ix: Ix,
    pub entries: u32,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Promise {
    pub ix: Ix,
    pub follow_up: FollowUp,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MetNeed {
    pub ix: Ix,
    pub need: Need,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Review {
    pub today: NaiveDate,
    /// The week looked back at: a Monday, and the last day counted (a Sunday, or today).
    pub from: NaiveDate,
    pub to: NaiveDate,
    /// Who you saw, most entries first.
    pub seen: Vec<Seen>,
    pub gave: Vec<Moment>,
    pub asked: Vec<Moment>,
    /// Promises (yours and theirs) due that week and marked done. A promise keeps no day it
    /// was done on, so the week it was due stands in for it.
    pub kept: Vec<Promise>,
    /// Promises due that week (or before) and still open.
    pub open: Vec<Promise>,
    /// Needs met that week: those you did something about (`serve::brief::done_about`),
    /// and those met without you.
    pub met_with_you: Vec<MetNeed>,
    pub met_without_you: Vec<MetNeed>,
    pub intros: Vec<Moment>,
    /// The coming seven days, from today.
    pub birthdays: Vec<UpcomingBirthday>,
    /// Your promises due by then, the late ones first.
    pub due: Vec<DueFollowUp>,
    /// People past their rhythm (the first `REVIEW_NAMES`), and how many there are.
    pub drifting: Vec<Overdue>,
    pub drifting_total: usize,
    /// Open needs someone you know is clearly placed to help with now.
    pub can_help: Vec<NeedMatch>,
    pub can_help_total: usize,
}

/// The review of `week` as of `today`, with a matching network built for this journal state.
pub fn review(journal: &Journal, net: &Network, today: NaiveDate, week: Week) -> Review {
    let (from, to) = match week {
        Week::This => (monday_of(today), today),
        Week::Last => {
            let last = add_days(monday_of(today), -1);
            (monday_of(last), sunday_of(last))
        }
    };
    let in_week = |d: NaiveDate| from <= d && d <= to;
    let week_entries: Vec<&Entry> = journal
        .timeline()
        .take_while(|e| e.at.date_naive() >= add_days(from, -2))
        .filter(|e| in_week(e.at.date_naive()))
        .collect();
    let moment = |e: &Entry, what: &str| Moment {
        day: e.at.date_naive(),
        with: e.with.clone(),
        what: what.to_string(),
    };
    // Oldest first reads as the week went.
    let mut gave: Vec<Moment> = Vec::new();
    let mut asked: Vec<Moment> = Vec::new();
    let mut intros: Vec<Moment> = Vec::new();
    let mut seen: Vec<Seen> = Vec::new();
    for e in week_entries.iter().rev() {
        if let Some(g) = given(e) {
            gave.push(moment(e, g));
        }
        if let Some(a) = asked_for(e) {
            asked.push(moment(e, a));
        }
        if e.kind == Kind::Intro {
            intros.push(moment(e, given(e).unwrap_or(e.first_line())));
        }
        for ix in e.with.iter().filter_map(|w| journal.ix(w)) {
            match seen.iter_mut().find(|s| s.ix == ix) {
                Some(s) => s.entries += 1,
                None => seen.push(Seen { ix, entries: 1 }),
            }
        }
    }
    let name = |ix: Ix| journal.contact(ix).map(|c| c.name.as_str()).unwrap_or("");
    seen.retain(|s| journal.contact(s.ix).is_some_and(counted));
    seen.sort_by(|a, b| {
        b.entries
            .cmp(&a.entries)
            .then_with(|| name(a.ix).cmp(name(b.ix)))
    });
    let mut kept = Vec::new();
    let mut open = Vec::new();
    let mut met_with_you = Vec::new();
    let mut met_without_you = Vec::new();
    for (ix, c) in journal
        .contacts()
        .iter()
        .enumerate()
        .filter(|(_, c)| counted(c))
    {
        for f in &c.follow_ups {
            let Some(due) = f.due else { continue };
            let promise = || Promise {
                ix,
                follow_up: f.clone(),
            };
            if f.done && in_week(due) {
                kept.push(promise());
            } else if !f.done && in_week(due) {
                open.push(promise());
            }
        }
        for n in c.needs.iter().filter(|n| n.status == NeedStatus::Met) {
            if !n.met_on.is_some_and(in_week) {
                continue;
            }
            let timeline: Vec<&Entry> = journal.timeline_of(ix).collect();
            let met = MetNeed {
                ix,
                need: n.clone(),
            };
            if done_about(journal.matcher(), n, &timeline).is_empty() {
                met_without_you.push(met);
            } else {
                met_with_you.push(met);
            }
        }
    }
    let by_due = |p: &Promise| (p.follow_up.due, p.ix, p.follow_up.id);
    kept.sort_by_key(by_due);
    open.sort_by_key(by_due);
    let mut drifting = reconnect(journal, today);
    drifting.retain(|o| journal.contact(o.ix).is_some_and(counted));
    let drifting_total = drifting.len();
    drifting.truncate(REVIEW_NAMES);
    let mut can_help = needs_with_strong_match_in(journal, net, today);
    can_help.retain(|m| journal.contact(m.ix).is_some_and(counted));
    let can_help_total = can_help.len();
    can_help.truncate(REVIEW_NAMES);
    let mut bdays = birthdays(journal, today, WEEK_DAYS);
    bdays.retain(|b| journal.contact(b.ix).is_some_and(counted));
    let mut due = follow_ups(journal, today, WEEK_DAYS);
    due.retain(|d| journal.contact(d.ix).is_some_and(counted));
    Review {
        today,
        from,
        to,
        seen,
        gave,
        asked,
        kept,
        open,
        met_with_you,
        met_without_you,
        intros,
        birthdays: bdays,
        due,
        drifting,
        drifting_total,
        can_help,
        can_help_total,
    }
}

impl Review {
    /// Nothing happened that week and nothing is coming: the views say so in a sentence.
    pub fn is_quiet(&self) -> bool {
        self.seen.is_empty()
            && self.kept.is_empty()
            && self.open.is_empty()
            && self.met_with_you.is_empty()
            && self.met_without_you.is_empty()
            && self.birthdays.is_empty()
            && self.due.is_empty()
            && self.drifting.is_empty()
            && self.can_help.is_empty()
    }
}
