//! The contact filter as a person types: keystroke by keystroke, with the same answers as
//! `Journal::search`, but cheaper. When the new query only extends the previous one, only the
//! contacts that matched before can match now (every query word is a subsequence test over the
//! key, and a longer word is a stricter test), so only those are scored again. Names are ranked
//! once, so ordering ties compares numbers instead of strings.

use crate::journal::{Ix, Journal};
use crate::search::Hit;
use std::cmp::Reverse;

#[derive(Default)]
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
        let count = journal.contacts().len();
        if self.generation != Some(journal.generation()) || self.name_rank.len() != count {
            self.rank_names(journal);
            self.matched.clear();
            self.query.clear();
        }
        let narrowing = self.generation.is_some() && query.starts_with(self.query.as_str());
        let matcher = journal.matcher();
        let score = |ix: Ix| {
            let key = journal.search_key(ix)?;
            matcher.hit(key, query).map(|h| (ix, h))
        };
        let mut hits: Vec<(Ix, Hit)> = if narrowing {
            self.matched.iter().filter_map(|&ix| score(ix)).collect()
        } else {
            (0..count).filter_map(score).collect()
        };
        self.matched = hits.iter().map(|(ix, _)| *ix).collect();
        self.query = query.to_string();
        self.generation = Some(journal.generation());
        let rank = &self.name_rank;
        hits.sort_unstable_by_key(|(ix, h)| (Reverse(h.score), rank[*ix]));
        hits
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
