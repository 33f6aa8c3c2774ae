//! Who could help with a need: other people whose can-help-with, tags or notes mention what the
//! need is about, best first, each with the reason and the characters to highlight.
//!
//! Precision over recall, because a wrong suggestion costs a person's goodwill:
//! - the need is reduced to its keywords (no stopwords, no numbers, see `words`);
//! - a **can-help-with** phrase matches when any of its words is a keyword or a form of it;
//! - a **tag** matches only when it *is* a keyword (tags are labels: `founders` says little
//!   about "sponsors for a founder dinner");
//! - a sentence of **notes** matches only when it holds two different keywords;
//! - keywords many people match (a city everyone lives in) weigh less than rare ones;
//! - a match is **strong** when a can-help-with phrase has at least half of its words matched
//!   as the same word (or its plural; a shared stem like engineer/engineering is too loose),
//!   and one of those words is rare in your network (a handful of people at most): "climate"
//!   or "rust" said by many does not single anyone out. Capitalised words the need does not
//!   mention (places, names) are not counted against a phrase, so "event venue in
//!   Friedrichshain" is a strong match for "a venue".

use super::network::Network;
use super::words::keywords;
use crate::journal::{Ix, Journal};
use crate::model::Need;

/// Where a reason was found.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Source {
    CanHelpWith,
    Tag,
    Notes,
}

impl Source {
    pub(super) fn weight(self) -> f64 {
        match self {
            Source::CanHelpWith => 3.0,
            Source::Tag => 2.0,
            Source::Notes => 1.0,
        }
    }
}

/// Why a person matches: one phrase of theirs, the need's keywords it matched, and the
/// character positions (in `phrase`) to highlight.
#[derive(Debug, Clone, PartialEq)]
pub struct Reason {
    pub source: Source,
    /// The phrase as written in their file (a can-help-with item, a tag, a sentence of notes).
    pub phrase: String,
    /// The need's keywords found in the phrase, in the need's order.
    pub keywords: Vec<String>,
    /// Char positions in `phrase`, ascending.
    pub positions: Vec<usize>,
    /// For can-help-with: at least half the phrase is about the need, in words few others use.
    pub strong: bool,
}

/// A keyword that this many other people (or fewer) match is "rare" (see the module notes).
pub(super) fn rare_limit(others: usize) -> usize {
    (others / 8).max(2)
}

/// A person who could help, best first in a list.
#[derive(Debug, Clone, PartialEq)]
pub struct Helper {
    pub ix: Ix,
    /// Higher is better; only comparable within one need.
    pub score: i64,
    /// A can-help-with phrase that is mostly about the need: worth acting on now.
    pub strong: bool,
    /// Best first: can-help-with, then tags, then notes.
    pub reasons: Vec<Reason>,
}

/// Rank everyone but `owner` (the person with the need) for `need`. Builds a `Network` each
/// call; when ranking many needs, build one and use `Network::helpers`.
pub fn helpers(journal: &Journal, owner: Ix, need: &Need) -> Vec<Helper> {
    Network::new(journal).helpers(journal, Some(owner), &need.what)
}

/// Rank people for free text (a need being typed, say); `exclude` is left out.
pub fn helpers_for_text(journal: &Journal, exclude: Option<Ix>, text: &str) -> Vec<Helper> {
    Network::new(journal).helpers(journal, exclude, text)
}

impl Network {
    /// Baseline shim for the benchmark: the network reads no timeline yet.
    pub fn with_timeline(journal: &Journal) -> Network {
        Network::new(journal)
    }

    /// Rank people for `owner`'s `need`.
    pub fn helpers_for_need(&self, journal: &Journal, owner: Ix, need: &Need) -> Vec<Helper> {
        self.helpers(journal, Some(owner), &need.what)
    }

    /// Rank people for `text`, leaving out `exclude` (the person with the need). The journal
    /// must be the one this network was built from.
    pub fn helpers(&self, journal: &Journal, exclude: Option<Ix>, text: &str) -> Vec<Helper> {
        rank(journal, self, exclude, text, None)
    }

    /// The first `limit` of `helpers(..)` that are strong. Only people with a strong reason get
    /// their reasons written out, which on a large network is most of the work saved: Today
    /// asks this for every open need.
    pub fn strong_helpers(
        &self,
        journal: &Journal,
        exclude: Option<Ix>,
        text: &str,
        limit: usize,
    ) -> Vec<Helper> {
        rank(journal, self, exclude, text, Some(limit))
    }
}

/// A helper's score: per keyword, the weight of the best source holding it times the
/// keyword's rarity.
fn score_of(best: impl Iterator<Item = f64>, rarity: &[f64]) -> i64 {
    let score: f64 = best.zip(rarity).map(|(w, r)| w * r).sum();
    (score * 100.0).round() as i64
}

fn rank(
    journal: &Journal,
    net: &Network,
    exclude: Option<Ix>,
    text: &str,
    strong_only: Option<usize>,
) -> Vec<Helper> {
    let keys: Vec<Vec<char>> = keywords(text).iter().map(|k| k.chars().collect()).collect();
    if keys.is_empty() {
        return Vec::new();
    }
    let key_texts: Vec<String> = keys.iter().map(|k| k.iter().collect()).collect();
    let matches = net.matches(journal.matcher(), &keys);
    let overview = net.overview(&matches, &keys, exclude);
    let others = journal
        .contacts()
        .len()
        .saturating_sub(usize::from(exclude.is_some()));
    let df = &overview.people_per_key;
    let is_rare: Vec<bool> = df.iter().map(|n| *n <= rare_limit(others)).collect();
    let rare: Vec<&String> = key_texts
        .iter()
        .zip(&is_rare)
        .filter(|(_, r)| **r)
        .map(|(k, _)| k)
        .collect();
    let rarity: Vec<f64> = df
        .iter()
        .map(|n| 1.0 + (others.max(1) as f64 / (*n).max(1) as f64).ln())
        .collect();
    let name = |ix: Ix| journal.contact(ix).map(|c| c.name.as_str()).unwrap_or("");
    let found = match strong_only {
        None => net.found(&matches, &keys, exclude, |_| true),
        Some(limit) => {
            // Strength and score from the overview alone; reasons are written out only for
            // the people who make the cut (the same order as below picks the same people).
            let n = keys.len();
            let mut strong: Vec<(Ix, i64)> = overview
                .people
                .iter()
                .enumerate()
                .filter(|(p, _)| {
                    overview.mostly_close[p * n..(p + 1) * n]
                        .iter()
                        .zip(&is_rare)
                        .any(|(c, r)| *c && *r)
                })
                .map(|(p, &ix)| {
                    let weights = &overview.weight[p * n..(p + 1) * n];
                    (ix, score_of(weights.iter().copied(), &rarity))
                })
                .collect();
            strong.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| name(a.0).cmp(name(b.0))));
            strong.truncate(limit);
            let mut chosen: Vec<Ix> = strong.into_iter().map(|(ix, _)| ix).collect();
            chosen.sort_unstable();
            net.found(&matches, &keys, exclude, |ix| {
                chosen.binary_search(&ix).is_ok()
            })
        }
    };
    let mut list: Vec<Helper> = found
        .into_iter()
        .map(|(ix, found)| {
            let mut reasons: Vec<Reason> = found
                .into_iter()
                .map(|f| Reason {
                    strong: f.mostly && f.close.iter().any(|k| rare.contains(&k)),
                    ..f.reason
                })
                .collect();
            reasons.sort_by(|a, b| {
                a.source
                    .cmp(&b.source)
                    .then(b.strong.cmp(&a.strong))
                    .then(b.keywords.len().cmp(&a.keywords.len()))
            });
            let best = key_texts.iter().map(|k| {
                reasons
                    .iter()
                    .filter(|x| x.keywords.contains(k))
                    .map(|x| x.source.weight())
                    .fold(0.0, f64::max)
            });
            let score = score_of(best, &rarity);
            Helper {
                ix,
                score,
                strong: reasons.iter().any(|r| r.strong),
                reasons,
            }
        })
        .collect();
    list.sort_by(|a, b| {
        b.strong
            .cmp(&a.strong)
            .then(b.score.cmp(&a.score))
            .then_with(|| name(a.ix).cmp(name(b.ix)))
    });
    if let Some(limit) = strong_only {
        list.retain(|h| h.strong);
        list.truncate(limit);
    }
    list
}
