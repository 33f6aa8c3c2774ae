//! Today: the short list to look at over breakfast.

use super::matching::Helper;
use super::network::Network;
use super::query::about_own_work;
use super::rank::{Ranked, rank};
use super::reconnect::{DueFollowUp, birthdays, follow_ups, reconnect};
use crate::fasthash::FastMap;
use crate::journal::{Ix, Journal, Overdue, UpcomingBirthday};
use crate::model::Need;
use crate::threads::{default_threads, map_in_order};
use chrono::NaiveDate;

/// How many people Today suggests reconnecting with.
pub const TODAY_RECONNECT: usize = 5;
/// "This week": today and the seven days after it.
pub const WEEK_DAYS: i64 = 7;
/// How many of a need's strong helpers Today names (the brief lists them all).
pub const TODAY_HELPERS: usize = 2;
/// How far ahead `rolo due` and the brief look for birthdays.
pub const BIRTHDAY_DAYS: i64 = 30;

/// An open need someone in your network is clearly placed to help with.
#[derive(Debug, Clone, PartialEq)]
pub struct NeedMatch {
    pub ix: Ix,
    pub need: Need,
    /// Days since the need was raised.
    pub age_days: i64,
    /// The best `TODAY_HELPERS` strong helpers, best first.
    pub helpers: Vec<Helper>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Today {
    pub date: NaiveDate,
    /// Due today or overdue, the longest overdue first.
    pub follow_ups: Vec<DueFollowUp>,
    /// Promises people made you, due today or overdue: what to ask after.
    pub waiting: Vec<DueFollowUp>,
    /// Today through `WEEK_DAYS` ahead.
    pub birthdays: Vec<UpcomingBirthday>,
    /// The first `TODAY_RECONNECT` of the reconnect list.
    pub reconnect: Vec<Overdue>,
    /// The whole reconnect list's length, so a view can say "and 3 more".
    pub reconnect_total: usize,
    /// Open needs with at least one strong match, oldest first.
    pub needs: Vec<NeedMatch>,
}

pub fn today(journal: &Journal, date: NaiveDate) -> Today {
    today_with(journal, date, needs_with_strong_match(journal, date))
}

/// As `today`, with the strong matches already found (`needs_with_strong_match`; the command
/// line keeps them between runs while no card changes).
pub fn today_with(journal: &Journal, date: NaiveDate, needs: Vec<NeedMatch>) -> Today {
    let mut all = reconnect(journal, date);
    let reconnect_total = all.len();
    all.truncate(TODAY_RECONNECT);
    Today {
        date,
        follow_ups: follow_ups(journal, date, 0),
        waiting: super::reconnect::waiting_on(journal, date),
        birthdays: birthdays(journal, date, WEEK_DAYS),
        reconnect: all,
        reconnect_total,
        needs,
    }
}

/// Every open need in the network that has a strong match, oldest first.
pub fn needs_with_strong_match(journal: &Journal, date: NaiveDate) -> Vec<NeedMatch> {
    needs_with_strong_match_in(journal, &Network::new(journal), date)
}

/// As `needs_with_strong_match`, with a network built once for this journal state (the TUI
/// keeps one; `Network::with_timeline` when it holds the whole timeline).
pub fn needs_with_strong_match_in(
    journal: &Journal,
    net: &Network,
    date: NaiveDate,
) -> Vec<NeedMatch> {
    // Someone archived is set aside: neither their needs nor they as a helper come up today.
    let archived: Vec<Ix> = (0..journal.contacts().len())
        .filter(|&ix| journal.contact(ix).is_some_and(|c| c.is_archived()))
        .collect();
    let mut needs = journal.open_needs();
    needs.retain(|(ix, _)| !archived.contains(ix));
    // Many needs share their words ("A tax advisor who speaks English"): each wording is
    // ranked once, and each need then leaves out its owner and those marked not a fit.
    let mut slot: FastMap<String, usize> = FastMap::default();
    let mut texts: Vec<(&str, Option<Ix>)> = Vec::new();
    let keys: Vec<usize> = needs
        .iter()
        .map(|(ix, n)| {
            // A need about its owner's own work reads the owner's file too.
            let owner = about_own_work(&n.what).then_some(*ix);
            let key = format!("{owner:?} {}", n.what.trim().to_lowercase());
            let next = texts.len();
            *slot.entry(key).or_insert_with(|| {
                texts.push((&n.what, owner));
                next
            })
        })
        .collect();
    // Each wording is ranked against the whole network on its own: thousands of them in a
    // large journal are worth both cores.
    let ranked: Vec<Ranked> = map_in_order(&texts, default_threads(), |(text, owner)| {
        let mut r = rank(net, text, *owner);
        r.cands.retain(|c| c.strong);
        r
    });
    needs
        .iter()
        .zip(keys)
        .filter_map(|((ix, need), key)| {
            let skip: Vec<Ix> = need
                .not_a_fit
                .iter()
                .filter_map(|id| journal.ix(id))
                .chain([*ix])
                .chain(archived.iter().copied())
                .collect();
            let strong = net.finish(&ranked[key], &skip, TODAY_HELPERS);
            (!strong.is_empty()).then(|| NeedMatch {
                ix: *ix,
                need: (*need).clone(),
                age_days: (date - need.since).num_days(),
                helpers: strong,
            })
        })
        .collect()
}
