//! Fuzzy matching over contacts. Each contact's search key is prepared once; a query is split
//! into words and every word must match somewhere in the key.

use crate::model::Contact;
use fuzzy_matcher::FuzzyMatcher;
use fuzzy_matcher::skim::SkimMatcherV2;

pub struct Matcher {
    skim: SkimMatcherV2,
}

impl Default for Matcher {
    fn default() -> Self {
        Matcher {
            skim: SkimMatcherV2::default().ignore_case(),
        }
    }
}

/// The text a contact is found by: name first (so name hits can be highlighted), then
/// aliases, tags, company and what they can help with.
#[derive(Debug, Clone)]
pub struct SearchKey {
    /// The key lowercased one char for one char (so match positions still index `text`);
    /// skim's own case folding covers ASCII only, and names are often not ASCII.
    lower: String,
    lower_chars: Vec<char>,
    name_chars: usize,
}

impl SearchKey {
    pub fn new(c: &Contact) -> SearchKey {
        let mut text = c.name.clone();
        let name_chars = text.chars().count();
        for part in c
            .aliases
            .iter()
            .chain(&c.tags)
            .chain(c.company.iter())
            .chain(&c.can_help_with)
        {
            text.push_str(" · ");
            text.push_str(part);
        }
        let lower: String = text.chars().map(lower_char).collect();
        SearchKey {
            lower_chars: lower.chars().collect(),
            lower,
            name_chars,
        }
    }
}

fn lower_char(c: char) -> char {
    c.to_lowercase().next().unwrap_or(c)
}

/// A query split into lowercased words once, for scoring many keys with `rank_score`.
#[derive(Debug, Clone)]
pub struct Query {
    words: Vec<(Vec<char>, String)>,
}

impl Query {
    pub fn new(query: &str) -> Query {
        let words = query
            .split_whitespace()
            .map(|w| {
                let chars: Vec<char> = w.chars().map(lower_char).collect();
                let word = chars.iter().collect();
                (chars, word)
            })
            .collect();
        Query { words }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hit {
    pub score: i64,
    /// Character positions in the contact's name that matched, for highlighting.
    pub name_positions: Vec<usize>,
}

/// Could `word` match `key` as a subsequence? Cheap, and rejects most keys before skim runs.
fn may_match(key: &[char], word: &[char]) -> bool {
    let mut it = key.iter();
    word.iter().all(|w| it.any(|k| k == w))
}

impl Matcher {
    /// Score a key against a query of one or more words; `None` when any word fails.
    pub fn hit(&self, key: &SearchKey, query: &str) -> Option<Hit> {
        let mut score = 0;
        let mut name_positions = Vec::new();
        for word in query.split_whitespace() {
            let lower: Vec<char> = word.chars().map(lower_char).collect();
            if !may_match(&key.lower_chars, &lower) {
                return None;
            }
            let word: String = lower.into_iter().collect();
            let (s, positions) = self.skim.fuzzy_indices(&key.lower, &word)?;
            score += s;
            name_positions.extend(positions.into_iter().filter(|p| *p < key.name_chars));
        }
        name_positions.sort_unstable();
        name_positions.dedup();
        Some(Hit {
            score,
            name_positions,
        })
    }

    /// The score `hit` would give, without the match positions: skim then keeps two rows of
    /// its table instead of one per query letter, and nothing is allocated per key. For ranking
    /// many keys; positions are worth finding only for the rows on screen.
    pub fn rank_score(&self, key: &SearchKey, query: &Query) -> Option<i64> {
        let mut score = 0;
        for (chars, word) in &query.words {
            if !may_match(&key.lower_chars, chars) {
                return None;
            }
            score += self.skim.fuzzy_match(&key.lower, word)?;
        }
        Some(score)
    }

    /// Plain fuzzy score of one text, for ranking helpers against a need.
    pub fn score(&self, text: &str, pattern: &str) -> Option<(i64, Vec<usize>)> {
        self.skim.fuzzy_indices(text, pattern)
    }
}

/// Fold a name for exact comparisons: lowercase, common accents removed.
pub fn fold(s: &str) -> String {
    crate::slug::slugify(s)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(name: &str, tags: &[&str]) -> SearchKey {
        let mut c = Contact::new("x", name);
        c.tags = tags.iter().map(|t| t.to_string()).collect();
        SearchKey::new(&c)
    }

    #[test]
    fn every_word_must_match() {
        let m = Matcher::default();
        let k = key("Ana Schmidt", &["berlin"]);
        assert!(m.hit(&k, "ana berlin").is_some());
        assert!(m.hit(&k, "ana paris").is_none());
    }

    #[test]
    fn name_positions_only_cover_the_name() {
        let m = Matcher::default();
        let k = key("Ana Schmidt", &["berlin"]);
        let hit = m.hit(&k, "berlin").unwrap();
        assert!(hit.name_positions.iter().all(|p| *p < "Ana Schmidt".len()));
        let hit = m.hit(&k, "ana").unwrap();
        assert_eq!(hit.name_positions, vec![0, 1, 2]);
    }

    #[test]
    fn matching_ignores_case() {
        let m = Matcher::default();
        assert!(m.hit(&key("Zoë Müller", &[]), "MÜL").is_some());
    }
}
