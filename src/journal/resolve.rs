//! Who a typed name means, for everything that writes (and the reads that take a name too).
//!
//! In order, the first step that finds anyone decides: the exact id; a name or alias equal
//! to the query once both are folded (`crate::fold`: case and accents, in every script);
//! a name or alias that has every query word as one of its words; one where every query word
//! starts one of its words ("ada love"). Several at one step: ambiguous. Only names and
//! aliases count: never tags, company or skills, and never letters scattered in order, so a
//! write cannot land on someone whose profile merely contains the letters.

use super::{Ix, Journal, Resolution};
use crate::fold;

/// The closest names offered when no one matches.
pub const CLOSE_NAMES: usize = 3;

/// How alike a name must be to be offered as "did you mean" (Jaro-Winkler, 0..=1).
const CLOSE_ENOUGH: f64 = 0.8;

#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Step {
    Exact,
    WholeWords,
    Prefixes,
}

const STEPS: [Step; 3] = [Step::Exact, Step::WholeWords, Step::Prefixes];

/// Does the folded name (as words) fit the folded query at this step?
fn fits(step: Step, name: &[String], query: &[String]) -> bool {
    match step {
        Step::Exact => name == query,
        Step::WholeWords => each_takes_a_word(query, name, |n, q| n == q),
        Step::Prefixes => each_takes_a_word(query, name, |n, q| n.starts_with(q)),
    }
}

/// Whether every query word can take a word of its own in the name ("ann ann" needs two).
/// Names have a handful of words, so trying each assignment is cheap.
fn each_takes_a_word(query: &[String], name: &[String], ok: fn(&str, &str) -> bool) -> bool {
    fn go(
        query: &[String],
        name: &[String],
        used: &mut Vec<bool>,
        ok: fn(&str, &str) -> bool,
    ) -> bool {
        let Some((first, rest)) = query.split_first() else {
            return true;
        };
        for (i, word) in name.iter().enumerate() {
            if !used[i] && ok(word, first) {
                used[i] = true;
                if go(rest, name, used, ok) {
                    return true;
                }
                used[i] = false;
            }
        }
        false
    }
    query.len() <= name.len() && go(query, name, &mut vec![false; name.len()], ok)
}

impl Journal {
    /// The folded words of each name and alias of each contact, for one resolution.
    fn folded_names(&self) -> Vec<Vec<Vec<String>>> {
        self.contacts()
            .iter()
            .map(|c| {
                std::iter::once(&c.name)
                    .chain(&c.aliases)
                    .map(|n| fold::words(n))
                    .filter(|w| !w.is_empty())
                    .collect()
            })
            .collect()
    }

    /// Resolve what a person typed to one contact, or say why not (see the module doc).
    /// Ambiguous candidates come back in name order.
    pub fn resolve(&self, query: &str) -> Resolution {
        let query = query.trim();
        if query.is_empty() {
            return Resolution::None;
        }
        if let Some(ix) = self.ix(query) {
            return Resolution::One(ix);
        }
        let words = fold::words(query);
        if words.is_empty() {
            return Resolution::None;
        }
        let names = self.folded_names();
        for step in STEPS {
            let mut found: Vec<Ix> = names
                .iter()
                .enumerate()
                .filter(|(_, own)| own.iter().any(|n| fits(step, n, &words)))
                .map(|(ix, _)| ix)
                .collect();
            match found.len() {
                0 => continue,
                1 => return Resolution::One(found[0]),
                _ => {
                    found.sort_by_cached_key(|&ix| {
                        self.contact(ix).map(|c| (fold::key(&c.name), c.id.clone()))
                    });
                    return Resolution::Ambiguous(found);
                }
            }
        }
        Resolution::None
    }

    /// The one contact whose name or alias is `query` once folded (no prefixes, no ids):
    /// for a mention of several words, which must say the whole name to count.
    pub fn resolve_full_name(&self, query: &str) -> Option<Ix> {
        let words = fold::words(query);
        if words.is_empty() {
            return None;
        }
        let mut found = self
            .folded_names()
            .into_iter()
            .enumerate()
            .filter(|(_, own)| own.iter().any(|n| fits(Step::Exact, n, &words)))
            .map(|(ix, _)| ix);
        match (found.next(), found.next()) {
            (Some(ix), None) => Some(ix),
            _ => None,
        }
    }

    /// Up to `CLOSE_NAMES` people whose name or alias (or one word of it) looks like `query`,
    /// closest first: offered when no one matches. Names only, like `resolve`.
    pub fn close_names(&self, query: &str) -> Vec<Ix> {
        let query = fold::key(query);
        if query.is_empty() {
            return Vec::new();
        }
        let mut scored: Vec<(f64, Ix)> = self
            .folded_names()
            .iter()
            .enumerate()
            .filter_map(|(ix, own)| {
                let best = own
                    .iter()
                    .flat_map(|words| std::iter::once(words.join(" ")).chain(words.iter().cloned()))
                    .map(|name| strsim::jaro_winkler(&query, &name))
                    .fold(0.0, f64::max);
                (best >= CLOSE_ENOUGH).then_some((best, ix))
            })
            .collect();
        scored.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
        scored
            .into_iter()
            .take(CLOSE_NAMES)
            .map(|(_, ix)| ix)
            .collect()
    }
}

#[cfg(test)]
mod tests;
