//! The contact filter as a person types: keystroke by keystroke, with the same answers as
//! `Journal::search`, but cheaper. When the new query only extends the previous one, only the
//! contacts that matched before can match now (every query word is a subsequence test over the
//! key, and a longer word is a stricter test), so only those are scored again. Names are ranked
//! once, so ordering ties compares numbers instead of strings.

use crate::journal::{Ix, Journal};
use crate::search::{Hit, Query};
use crate::store::default_threads;
use std::cmp::Reverse;

/// Below this many people per thread, starting a thread costs more than it saves.
const PER_THREAD: usize = 2_000;

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Filter {
    /// The journal state the fields below were computed for.
    generation: Option<u64>,
    /// Position of each contact in name order (ties by position in the journal).
    name_rank: Vec<u32>,
    query: String,
    /// Contacts matching `query`, in journal order.
    matched: Vec<Ix>,
}

impl Filter {
    pub fn new() -> Filter {
        Filter::default()
    }

    /// Contacts matching `query`, best first, ties by name: exactly `journal.search(query)`.
    pub fn search(&mut self, journal: &Journal, query: &str) -> Vec<(Ix, Hit)> {
        let pool = self.pool(journal, query);
        let matcher = journal.matcher();
        let mut hits: Vec<(Ix, Hit)> = pool
            .iter()
            .filter_map(|&ix| {
                let key = journal.search_key(ix)?;
                matcher.hit(key, query).map(|h| (ix, h))
            })
            .collect();
        self.remember(journal, query, hits.iter().map(|(ix, _)| *ix).collect());
        let rank = &self.name_rank;
        hits.sort_unstable_by_key(|(ix, h)| (Reverse(h.score), rank[*ix]));
        hits
    }

    /// The same order and scores as `search`, without match positions, scored on several
    /// threads when there are many people: what a keystroke needs to redraw the list. Find
    /// positions for the rows on screen only, with `journal.matcher().hit(..)`.
    pub fn rank(&mut self, journal: &Journal, query: &str) -> Vec<(Ix, i64)> {
        let pool = self.pool(journal, query);
        let prepared = Query::new(query);
        let matcher = journal.matcher();
        let score = |part: &[Ix]| -> Vec<(Ix, i64)> {
            part.iter()
                .filter_map(|&ix| {
                    let key = journal.search_key(ix)?;
                    matcher.rank_score(key, &prepared).map(|s| (ix, s))
                })
                .collect()
        };
        let threads = default_threads().min(pool.len() / PER_THREAD).max(1);
        let mut ranked = if threads == 1 {
            score(&pool)
        } else {
            let chunk = pool.len().div_ceil(threads);
            std::thread::scope(|s| {
                let parts: Vec<_> = pool
                    .chunks(chunk)
                    .map(|p| s.spawn(move || score(p)))
                    .collect();
                let mut all = Vec::with_capacity(pool.len());
                for part in parts {
                    match part.join() {
                        Ok(found) => all.extend(found),
                        Err(panic) => std::panic::resume_unwind(panic),
                    }
                }
                all
            })
        };
        self.remember(journal, query, ranked.iter().map(|(ix, _)| *ix).collect());
        let rank = &self.name_rank;
        ranked.sort_unstable_by_key(|(ix, score)| (Reverse(*score), rank[*ix]));
        ranked
    }

    /// Who can match `query`: the previous matches when it extends the previous query,
    /// else everyone. In journal order.
    fn pool(&mut self, journal: &Journal, query: &str) -> Vec<Ix> {
        let count = journal.contacts().len();
        if self.generation != Some(journal.generation()) || self.name_rank.len() != count {
            self.rank_names(journal);
        }
        if self.generation.is_some() && query.starts_with(self.query.as_str()) {
            std::mem::take(&mut self.matched)
        } else {
            (0..count).collect()
        }
    }

    fn remember(&mut self, journal: &Journal, query: &str, matched: Vec<Ix>) {
        self.matched = matched;
        self.query = query.to_string();
        self.generation = Some(journal.generation());
    }

    fn rank_names(&mut self, journal: &Journal) {
        let contacts = journal.contacts();
        let mut order: Vec<Ix> = (0..contacts.len()).collect();
        order.sort_by(|&a, &b| contacts[a].name.cmp(&contacts[b].name));
        self.name_rank = vec![0; contacts.len()];
        for (rank, ix) in order.into_iter().enumerate() {
            self.name_rank[ix] = rank as u32;
        }
        self.generation = None;
    }
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
