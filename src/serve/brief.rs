//! The brief: what to read two minutes before meeting someone.

use super::matching::Helper;
use super::network::Network;
use super::reconnect::birthdays;
use super::today::BIRTHDAY_DAYS;
use super::words::{keywords, match_word, words};
use crate::journal::{Ix, Journal, UpcomingBirthday};
use crate::model::{Contact, Entry, FollowUp, Need, NeedStatus};
use crate::search::Matcher;
use chrono::{Datelike, NaiveDate};

/// How many past interactions the brief shows in full.
pub const RECENT: usize = 5;
/// How many people the "may want to meet" section suggests.
pub const MEET: usize = 5;
/// Weaker matches are only suggested while the list is shorter than this.
pub const MEET_WEAK: usize = 3;
/// The give/ask balance looks back this many days, today included.
pub const BALANCE_DAYS: i64 = 365;

#[derive(Debug, Clone, PartialEq)]
pub struct Brief {
    pub ix: Ix,
    pub contact: Contact,
    pub known_since: Option<KnownSince>,
    /// The last day you had an entry with them.
    pub last_spoke: Option<NaiveDate>,
    pub days_since: Option<i64>,
    /// "You usually see them every N weeks" (`stats::usual_gap_weeks`).
    pub usual_weeks: Option<u32>,
    /// Their birthday, when it is within `BIRTHDAY_DAYS`.
    pub birthday: Option<UpcomingBirthday>,
    /// Open needs, oldest first.
    pub needs: Vec<NeedBrief>,
    /// Your open promises to them: overdue first, then by due date, undated last.
    pub follow_ups: Vec<FollowUpBrief>,
    /// Open promises they made you, in the same order.
    pub theirs: Vec<FollowUpBrief>,
    /// People they may want to meet, one row per person (their best need), best first.
    pub meet: Vec<Suggestion>,
    /// The last `RECENT` entries with them, newest first.
    pub recent: Vec<Entry>,
    pub balance: Balance,
}

/// Since when you have known someone: their first entry, or a year written in `met`
/// ("Rust Berlin meetup, 2022") when that is earlier.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum KnownSince {
    Date(NaiveDate),
    Year(i32),
}

impl KnownSince {
    /// Whole years known by `today` (0 in the first year).
    pub fn years(&self, today: NaiveDate) -> i32 {
        match *self {
            KnownSince::Year(y) => (today.year() - y).max(0),
            KnownSince::Date(d) => {
                let mut years = today.year() - d.year();
                if (today.month(), today.day()) < (d.month(), d.day()) {
                    years -= 1;
                }
                years.max(0)
            }
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct NeedBrief {
    pub need: Need,
    pub age_days: i64,
    /// What you already did about it, oldest first (see `done_about`).
    pub done: Vec<Entry>,
    /// Who could help, best first.
    pub helpers: Vec<Helper>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FollowUpBrief {
    pub follow_up: FollowUp,
    /// Positive when late, 0 when due today, negative when ahead; `None` without a date.
    pub days_late: Option<i64>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Suggestion {
    pub need_id: u32,
    pub helper: Helper,
}

/// What you gave them and asked of them over the last `BALANCE_DAYS`.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Balance {
    pub gave: usize,
    pub asked: usize,
    /// The latest entry with something given: its day and what.
    pub latest_gave: Option<(NaiveDate, String)>,
    pub latest_asked: Option<(NaiveDate, String)>,
}

pub fn brief(journal: &Journal, ix: Ix, today: NaiveDate) -> Option<Brief> {
    brief_in(journal, &Network::new(journal), ix, today)
}

/// As `brief`, with a network built once for this journal state (see `Network`).
pub fn brief_in(journal: &Journal, net: &Network, ix: Ix, today: NaiveDate) -> Option<Brief> {
    brief_with(journal, ix, today, |_, need| {
        net.helpers_for_need(journal, ix, need)
    })
}

/// As `brief`, with the helpers of each open need from `helpers`, given the need's place
/// among the card's needs and the need: an answer kept from an earlier ranking, or a
/// network built only when there is a need to rank (`cmd/brief_cache.rs`).
pub fn brief_with(
    journal: &Journal,
    ix: Ix,
    today: NaiveDate,
    mut helpers: impl FnMut(usize, &Need) -> Vec<Helper>,
) -> Option<Brief> {
    let contact = journal.contact(ix)?.clone();
    let timeline: Vec<&Entry> = journal.timeline_of(ix).collect();
    let mut needs: Vec<NeedBrief> = contact
        .needs
        .iter()
        .enumerate()
        .filter(|(_, need)| need.status == NeedStatus::Open)
        .map(|(at, need)| NeedBrief {
            need: need.clone(),
            age_days: (today - need.since).num_days(),
            done: done_about(journal.matcher(), need, &timeline),
            helpers: helpers(at, need),
        })
        .collect();
    needs.sort_by(|a, b| {
        a.need
            .since
            .cmp(&b.need.since)
            .then(a.need.id.cmp(&b.need.id))
    });
    let (theirs, follow_ups) = promises(&contact, today);
    Some(Brief {
        ix,
        known_since: known_since(&contact, timeline.last().map(|e| e.at.date_naive()), today),
        last_spoke: journal.last_contact(ix),
        days_since: journal.days_since(ix, today),
        usual_weeks: crate::stats::usual_gap_weeks(journal, ix, today),
        birthday: birthdays(journal, today, BIRTHDAY_DAYS)
            .into_iter()
            .find(|b| b.ix == ix),
        meet: suggestions(&needs),
        recent: timeline.iter().take(RECENT).map(|e| (*e).clone()).collect(),
        balance: balance(&timeline, today),
        needs,
        follow_ups,
        theirs,
        contact,
    })
}

/// A person's open promises, theirs and yours apart, each most late first; undated ones have
/// no urgency, so they go last.
pub fn promises(c: &Contact, today: NaiveDate) -> (Vec<FollowUpBrief>, Vec<FollowUpBrief>) {
    let mut open: Vec<FollowUpBrief> = c
        .follow_ups
        .iter()
        .filter(|f| !f.done)
        .map(|f| FollowUpBrief {
            follow_up: f.clone(),
            days_late: f.due.map(|d| (today - d).num_days()),
        })
        .collect();
    open.sort_by_key(|f| {
        (
            f.days_late.is_none(),
            std::cmp::Reverse(f.days_late),
            f.follow_up.id,
        )
    });
    open.into_iter().partition(|f| f.follow_up.is_theirs())
}

fn known_since(
    c: &Contact,
    first_entry: Option<NaiveDate>,
    today: NaiveDate,
) -> Option<KnownSince> {
    let met_year = c.met.as_deref().and_then(|m| year_in(m, today.year()));
    match (first_entry, met_year) {
        (Some(d), Some(y)) if y < d.year() => Some(KnownSince::Year(y)),
        (Some(d), _) => Some(KnownSince::Date(d)),
        (None, Some(y)) => Some(KnownSince::Year(y)),
        (None, None) => None,
    }
}

/// The first plausible year (1900 to this year) written as a four-digit word.
fn year_in(text: &str, this_year: i32) -> Option<i32> {
    words(text).into_iter().find_map(|w| {
        let s = w.text();
        let y: i32 = (s.len() == 4).then(|| s.parse().ok()).flatten()?;
        (1900..=this_year).contains(&y).then_some(y)
    })
}

/// Entries that did something about a need: with that person (the timeline), on or after the
/// day the need was raised, recording something you gave, and whose `gave` or note mentions at
/// least one of the need's keywords. An intro logged with `rolo intro --for` names the need in
/// `gave`, so it always counts.
pub fn done_about(matcher: &Matcher, need: &Need, timeline: &[&Entry]) -> Vec<Entry> {
    let keys: Vec<Vec<char>> = keywords(&need.what)
        .iter()
        .map(|k| k.chars().collect())
        .collect();
    let mentions = |text: &str| {
        let ws = words(text);
        keys.iter().any(|k| {
            ws.iter()
                .any(|w| match_word(matcher, k, &w.lower).is_some())
        })
    };
    let mut done: Vec<Entry> = timeline
        .iter()
        .filter(|e| e.at.date_naive() >= need.since)
        .filter(|e| {
            e.gave
                .as_deref()
                .is_some_and(|g| mentions(g) || mentions(&e.note))
        })
        .map(|e| (*e).clone())
        .collect();
    done.reverse();
    done
}

/// One suggestion per person, keeping their best need; strong matches first (up to `MEET`),
/// then weaker ones only to fill the list up to `MEET_WEAK`, so a loose match never crowds
/// out a good one and a brief with no good match still offers a few ideas.
fn suggestions(needs: &[NeedBrief]) -> Vec<Suggestion> {
    let mut all: Vec<Suggestion> = Vec::new();
    for n in needs {
        for h in &n.helpers {
            let better = |s: &Suggestion| (h.strong, h.score) > (s.helper.strong, s.helper.score);
            match all.iter_mut().find(|s| s.helper.ix == h.ix) {
                Some(s) if better(s) => {
                    *s = Suggestion {
                        need_id: n.need.id,
                        helper: h.clone(),
                    };
                }
                Some(_) => {}
                None => all.push(Suggestion {
                    need_id: n.need.id,
                    helper: h.clone(),
                }),
            }
        }
    }
    all.sort_by_key(|s| std::cmp::Reverse((s.helper.strong, s.helper.score)));
    let strong = all.iter().filter(|s| s.helper.strong).count().min(MEET);
    all.truncate(strong.max(MEET_WEAK));
    all
}

/// Counts over the last `BALANCE_DAYS` days (today and the 364 before it); entries dated
/// after today are not counted. `timeline` is newest first.
pub fn balance(timeline: &[&Entry], today: NaiveDate) -> Balance {
    let mut b = Balance::default();
    for e in timeline {
        let day = e.at.date_naive();
        let age = (today - day).num_days();
        if !(0..BALANCE_DAYS).contains(&age) {
            continue;
        }
        if let Some(g) = given(e) {
            b.gave += 1;
            b.latest_gave.get_or_insert((day, g.to_string()));
        }
        if let Some(a) = asked_for(e) {
            b.asked += 1;
            b.latest_asked.get_or_insert((day, a.to_string()));
        }
    }
    b
}

/// What an entry records you gave, when it records anything: the one rule for "gave" that
/// the brief's balance and the statistics share (blank text gives nothing).
pub fn given(e: &Entry) -> Option<&str> {
    filled(&e.gave)
}

/// What an entry records you asked for, by the same rule as `given`.
pub fn asked_for(e: &Entry) -> Option<&str> {
    filled(&e.asked)
}

fn filled(s: &Option<String>) -> Option<&str> {
    s.as_deref().map(str::trim).filter(|s| !s.is_empty())
}
