//! The contact filter as a person types: keystroke by keystroke, with the same answers as
//! `Journal::search`, but cheaper.
//! - The fields are copied once per journal state into a flat `Index` where each distinct text
//!   is scored once per query word, and people are in name order, so ties need no comparing.
//! - When the new query only extends the previous one, only the people who matched before can
//!   match now (every query word is a subsequence test within a field, and a longer word is a
//!   stricter test), so only those are scored again.
//! - Each query typed is kept with its answer until the query stops starting with it, so a
//!   backspace back to it is answered at once.

mod index;

use crate::journal::{Ix, Journal};
use crate::search::{Hit, Query};
use crate::threads::default_threads;
use index::Index;
use std::cmp::Reverse;

/// Below this many people per thread, starting a thread costs more than it saves.
const PER_THREAD: usize = 2_000;

/// How many people the kept queries may list together, per person in the journal: a bound on
/// the memory kept for backspacing (the oldest, widest answers go first).
const KEPT_PER_PERSON: usize = 4;

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Filter {
    /// The journal state `index` and `steps` were computed for.
    generation: Option<u64>,
    index: Index,
    /// Queries typed, each starting with the one before it, with their answers.
    steps: Vec<Step>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
struct Step {
    query: String,
    /// Name positions (see `Index`) of the people matching `query`, ascending.
    matched: Vec<u32>,
    ranked: Vec<(Ix, i64)>,
}

impl Filter {
    pub fn new() -> Filter {
        Filter::default()
    }

    /// Make the index for the journal's current state, unless it is made already: worth calling
    /// when the list is shown, so that the first key typed finds it ready.
    pub fn prepare(&mut self, journal: &Journal) {
        let count = journal.contacts().len();
        if self.generation != Some(journal.generation()) || self.index.len() != count {
            self.index = Index::new(journal);
            self.steps.clear();
            self.generation = Some(journal.generation());
        }
    }

    /// Contacts matching `query`, best first, ties by name: exactly `journal.search(query)`.
    pub fn search(&mut self, journal: &Journal, query: &str) -> Vec<(Ix, Hit)> {
        let matcher = journal.matcher();
        self.rank(journal, query)
            .to_vec()
            .into_iter()
            .filter_map(|(ix, _)| {
                let key = journal.search_key(ix)?;
                matcher.hit(&key, query).map(|h| (ix, h))
            })
            .collect()
    }

    /// The same order and scores as `search`, without match positions, scored on several
    /// threads when there are many people: what a keystroke needs to redraw the list. Find
    /// positions for the rows on screen only, with `journal.matcher().hit(..)`.
    pub fn rank(&mut self, journal: &Journal, query: &str) -> &[(Ix, i64)] {
        self.prepare(journal);
        while self
            .steps
            .last()
            .is_some_and(|step| !query.starts_with(step.query.as_str()))
        {
            self.steps.pop();
        }
        if let Some(last) = self.steps.last_mut()
            && same_words(&last.query, query)
        {
            // Only spaces were added: the same answer, kept once.
            last.query = query.to_string();
        } else {
            let everyone: Vec<u32>;
            let pool = match self.steps.last() {
                Some(last) => &last.matched,
                None => {
                    everyone = (0..self.index.len() as u32).collect();
                    &everyone
                }
            };
            let step = self.ranked_step(pool, query);
            self.steps.push(step);
            let limit = KEPT_PER_PERSON * self.index.len().max(1);
            while self.steps.len() > 1
                && self.steps.iter().map(|s| s.ranked.len()).sum::<usize>() > limit
            {
                self.steps.remove(0);
            }
        }
        self.steps.last().map_or(&[], |step| &step.ranked)
    }

    fn ranked_step(&self, pool: &[u32], query: &str) -> Step {
        let prepared = Query::new(query);
        let index = &self.index;
        let threads = default_threads().min(pool.len() / PER_THREAD).max(1);
        let found = if threads == 1 {
            index.score(pool, &prepared)
        } else {
            let chunk = pool.len().div_ceil(threads);
            crate::threads::map_chunks(pool, chunk, |p| index.score(p, &prepared))
        };
        let matched = found.iter().map(|&(p, _)| p).collect();
        let mut ranked: Vec<(Ix, i64)> = found
            .into_iter()
            .map(|(p, score)| (index.contact(p), score))
            .collect();
        // Stable: people are in name order already, so equal scores stay in name order.
        ranked.sort_by_key(|&(_, score)| Reverse(score));
        Step {
            query: query.to_string(),
            matched,
            ranked,
        }
    }
}

/// Do two queries have the same words (and so the same answer)?
fn same_words(a: &str, b: &str) -> bool {
    a.split_whitespace().eq(b.split_whitespace())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Contact;
    use crate::store::Loaded;

    fn journal(names: &[(&str, &[&str])]) -> Journal {
        let contacts = names
            .iter()
            .enumerate()
            .map(|(i, (name, tags))| {
                let mut c = Contact::new(format!("c{i}"), *name);
                c.tags = tags.iter().map(|t| t.to_string()).collect();
                c
            })
            .collect();
        Journal::new(Loaded {
            contacts,
            ..Loaded::default()
        })
    }

    fn people() -> Journal {
        journal(&[
            ("Maria Schmidt", &["berlin"]),
            ("Mario Rossi", &["rome", "food"]),
            ("Marie Curie", &["paris"]),
            ("Anna Maria Lopez", &[]),
            ("Maria Schmidt", &["hamburg"]),
            ("Zoë Müller", &["berlin", "music"]),
            ("Tomás García", &["madrid"]),
            ("Amara Okafor", &["lagos", "mar"]),
        ])
    }

    /// Typing, backspacing and retyping: every step answers exactly as a full search.
    #[test]
    fn every_keystroke_equals_a_full_search() {
        let j = people();
        let mut f = Filter::new();
        let steps = [
            "", "m", "ma", "mar", "mari", "maria", "maria ", "maria s", "maria sc", "maria s",
            "mar", "mar b", "mar be", "x", "", "ü", "zoë", "ZOË m", "a", "am", "ama",
        ];
        for q in steps {
            assert_eq!(f.search(&j, q), j.search(q), "query {q:?}");
        }
    }

    /// `rank` answers as `search` does, minus positions, keystroke by keystroke, also when
    /// there are enough people to score on several threads.
    #[test]
    fn ranking_equals_searching() {
        let names: Vec<(String, Vec<&str>)> = (0..5_000)
            .map(|i| {
                (
                    format!("Person {} {i}", ["Maria", "Mario", "Ana", "Zoë"][i % 4]),
                    vec![],
                )
            })
            .collect();
        let refs: Vec<(&str, &[&str])> = names
            .iter()
            .map(|(n, t)| (n.as_str(), t.as_slice()))
            .collect();
        for j in [people(), journal(&refs)] {
            let (mut by_rank, mut by_search) = (Filter::new(), Filter::new());
            for q in [
                "", "m", "ma", "mar", "mari 1", "mari 12", "x", "zo", "zoë 4", "p",
            ] {
                let full: Vec<(Ix, i64)> = j
                    .search(q)
                    .into_iter()
                    .map(|(ix, h)| (ix, h.score))
                    .collect();
                assert_eq!(by_rank.rank(&j, q), full, "query {q:?}");
                let searched: Vec<(Ix, i64)> = by_search
                    .search(&j, q)
                    .into_iter()
                    .map(|(ix, h)| (ix, h.score))
                    .collect();
                assert_eq!(searched, full, "query {q:?}");
            }
        }
    }

    #[test]
    fn narrowing_drops_the_right_people() {
        let j = people();
        let mut f = Filter::new();
        assert!(f.search(&j, "ro").len() >= 2);
        let names: Vec<&str> = f
            .search(&j, "rossi")
            .iter()
            .map(|(ix, _)| j.contacts()[*ix].name.as_str())
            .collect();
        assert_eq!(names, ["Mario Rossi"]);
    }

    /// A contact added or edited between keystrokes is seen by the next one.
    #[test]
    fn changed_contacts_are_not_missed() {
        let mut j = people();
        let mut f = Filter::new();
        assert!(f.search(&j, "ing").iter().all(|(ix, _)| *ix != 8));
        j.upsert_contact(Contact::new("new", "Ingrid Bergman"));
        assert_eq!(f.search(&j, "ingr"), j.search("ingr"));
        assert_eq!(f.search(&j, "ingr").len(), 1);
        let mut zoe = j.contacts()[5].clone();
        zoe.name = "Ingeborg Müller".into();
        j.upsert_contact(zoe);
        assert_eq!(f.search(&j, "ingr"), j.search("ingr"));
        let found = f.search(&j, "ingeb");
        assert_eq!(found, j.search("ingeb"));
        let names: Vec<&str> = found
            .iter()
            .map(|(ix, _)| j.contacts()[*ix].name.as_str())
            .collect();
        assert_eq!(names, ["Ingeborg Müller"]);
    }

    /// Past the memory bound the widest kept answers are dropped; backspacing past them
    /// scores again, with the same answers.
    #[test]
    fn backspacing_past_the_kept_answers_scores_again() {
        let j = journal(&[("Ann", &["a"]), ("Anna", &[]), ("Hanna", &["an"])]);
        let mut f = Filter::new();
        let typed = ["a", "a a", "a a a", "a a a a", "a a a a a", "a a a a a n"];
        let check = |f: &mut Filter, q: &str| {
            let full: Vec<(Ix, i64)> = j
                .search(q)
                .into_iter()
                .map(|(ix, h)| (ix, h.score))
                .collect();
            assert_eq!(f.rank(&j, q), full, "query {q:?}");
        };
        for q in typed {
            check(&mut f, q);
        }
        assert!(f.steps.iter().map(|s| s.ranked.len()).sum::<usize>() <= KEPT_PER_PERSON * 3);
        assert_ne!(f.steps.first().map(|s| s.query.as_str()), Some("a"));
        for q in typed.iter().rev() {
            check(&mut f, q);
        }
    }

    /// Equal scores and equal names keep the journal's order, as `Journal::search` does.
    #[test]
    fn ties_order_like_a_full_search() {
        let j = journal(&[
            ("Bo", &[]),
            ("Al", &[]),
            ("Bo", &["x"]),
            ("Al", &["y"]),
            ("Cy", &[]),
        ]);
        let mut f = Filter::new();
        for q in ["", "b", "o", "y"] {
            assert_eq!(f.search(&j, q), j.search(q), "query {q:?}");
        }
        let order: Vec<Ix> = f.search(&j, "").into_iter().map(|(ix, _)| ix).collect();
        assert_eq!(order, [1, 3, 0, 2, 4]);
    }
}

#[cfg(test)]
mod against_reference;
