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
use crate::name_fit::{STEPS, Step, fits};
use std::sync::{Arc, Mutex};

/// The closest names offered when no one matches.
pub const CLOSE_NAMES: usize = 3;

/// How alike a name must be to be offered as "did you mean" (Jaro-Winkler, 0..=1).
const CLOSE_ENOUGH: f64 = 0.8;

/// Per contact: the folded words of its name, then of each alias.
type Folded = Vec<Vec<Vec<String>>>;

/// The journal's folded names and the `generation` they were made at: a person typing
/// `@name` resolves on every key, and folding every name each time costs milliseconds.
#[derive(Default)]
pub(super) struct NameCache(Mutex<Option<(u64, Arc<Folded>)>>);

/// A query already resolved to one person on this journal's contacts as they are (its
/// `generation`): the loads resolve a typed name before the command does, and resolving it
/// again on everyone's names was 3.5 ms of a brief by name on the large set.
#[derive(Default)]
pub(super) struct Resolved(Mutex<Option<(u64, String, Ix)>>);

/// Every contact's names and aliases, folded (`Journal::names`), for resolving queries.
pub struct Names<'j> {
    journal: &'j Journal,
    folded: Arc<Folded>,
}

impl Journal {
    pub fn names(&self) -> Names<'_> {
        let generation = self.generation();
        // A poisoned lock only means a panic elsewhere mid-update: fold afresh.
        let mut cache = self.names.0.lock().unwrap_or_else(|e| e.into_inner());
        let folded = match cache.as_ref() {
            Some((made, folded)) if *made == generation => Arc::clone(folded),
            _ => {
                let folded = Arc::new(self.fold_names());
                *cache = Some((generation, Arc::clone(&folded)));
                folded
            }
        };
        Names {
            journal: self,
            folded,
        }
    }

    fn fold_names(&self) -> Folded {
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
    pub fn resolve(&self, query: &str) -> Resolution {
        // An id needs no folding of every name.
        if let Some(ix) = self.ix(query.trim()) {
            return Resolution::One(ix);
        }
        let noted = self.resolved.0.lock().unwrap_or_else(|e| e.into_inner());
        match noted.as_ref() {
            Some((made, noted, ix)) if *made == self.generation() && noted == query.trim() => {
                Resolution::One(*ix)
            }
            _ => {
                drop(noted);
                self.names().resolve(query)
            }
        }
    }

    /// `query` is known to mean the person at `ix` on these contacts as they are (resolved
    /// as `resolve` does, or as a full load's `resolve` would): the next `resolve` of it
    /// says so at once. Any change to the contacts forgets it.
    pub fn note_resolved(&self, query: &str, ix: Ix) {
        if self.contact(ix).is_some() {
            *self.resolved.0.lock().unwrap_or_else(|e| e.into_inner()) =
                Some((self.generation(), query.trim().to_string(), ix));
        }
    }

    /// See `Names::close_to`.
    pub fn close_names(&self, query: &str) -> Vec<Ix> {
        self.names().close_to(query)
    }
}

impl Names<'_> {
    /// The contacts with a name or alias that fits `words` at `step`.
    fn fitting(&self, step: Step, words: &[String]) -> Vec<Ix> {
        self.folded
            .iter()
            .enumerate()
            .filter(|(_, own)| own.iter().any(|n| fits(step, n, words)))
            .map(|(ix, _)| ix)
            .collect()
    }

    /// Resolve what a person typed (see the module doc). Ambiguous candidates come back in
    /// name order.
    pub fn resolve(&self, query: &str) -> Resolution {
        let query = query.trim();
        if query.is_empty() {
            return Resolution::None;
        }
        if let Some(ix) = self.journal.ix(query) {
            return Resolution::One(ix);
        }
        let words = fold::words(query);
        if words.is_empty() {
            return Resolution::None;
        }
        for step in STEPS {
            let mut found = self.fitting(step, &words);
            match found.len() {
                0 => continue,
                1 => return Resolution::One(found[0]),
                _ => {
                    found.sort_by_cached_key(|&ix| {
                        self.journal
                            .contact(ix)
                            .map(|c| (fold::key(&c.name), c.id.clone()))
                    });
                    return Resolution::Ambiguous(found);
                }
            }
        }
        Resolution::None
    }

    /// The one contact whose name or alias is `query` once folded (no prefixes, no ids):
    /// for a mention of several words, which must say the whole name to count.
    pub fn full_name(&self, query: &str) -> Option<Ix> {
        let words = fold::words(query);
        if words.is_empty() {
            return None;
        }
        match self.fitting(Step::Exact, &words)[..] {
            [ix] => Some(ix),
            _ => None,
        }
    }

    /// Up to `CLOSE_NAMES` people whose name or alias (or one word of it) looks like `query`,
    /// closest first: offered when no one matches. Names only, like `resolve`, and also
    /// each name spelled in Latin letters and the id (`olga` or `olga-petrov` offers Ольга
    /// Петрова, `olga-petrova`): only offered, never taken as the person.
    pub fn close_to(&self, query: &str) -> Vec<Ix> {
        let query = fold::key(query);
        if query.is_empty() {
            return Vec::new();
        }
        let closeness = |words: &[String]| {
            let whole = strsim::jaro_winkler(&query, &words.join(" "));
            words
                .iter()
                .map(|w| strsim::jaro_winkler(&query, w))
                .fold(whole, f64::max)
        };
        let mut scored: Vec<(f64, Ix)> = self
            .folded
            .iter()
            .enumerate()
            .filter_map(|(ix, own)| {
                let contact = self.journal.contact(ix)?;
                let spelled = std::iter::once(&contact.name)
                    .chain(&contact.aliases)
                    .filter(|n| !n.is_ascii())
                    .map(|n| fold::words(&deunicode::deunicode(n)));
                let id = fold::words(&contact.id);
                let best = own
                    .iter()
                    .map(|words| closeness(words))
                    .chain(spelled.map(|words| closeness(&words)))
                    .chain(std::iter::once(closeness(&id)))
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
