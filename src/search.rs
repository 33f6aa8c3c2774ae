//! Fuzzy matching over contacts. Each contact's search key is prepared once; a query is split
//! into words and every word must match within one field of the key.

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

/// The text a contact is found by, as fields: the name first (so name hits can be
/// highlighted), then aliases, tags, company and what they can help with. A query word must
/// match inside one field: letters scattered across a name, a tag and a skill are no match.
#[derive(Debug, Clone)]
pub struct SearchKey {
    /// Every field folded char for char (lowercase, accents to base letters, see
    /// `slug::base_letter`), one after another; positions in a field index the original.
    folded: String,
    chars: Vec<char>,
    /// (byte range in `folded`, char range in `chars`) of each field; field 0 is the name.
    fields: Vec<(std::ops::Range<usize>, std::ops::Range<usize>)>,
}

impl SearchKey {
    pub fn new(c: &Contact) -> SearchKey {
        let mut key = SearchKey {
            folded: String::new(),
            chars: Vec::new(),
            fields: Vec::new(),
        };
        let parts = std::iter::once(&c.name)
            .chain(&c.aliases)
            .chain(&c.tags)
            .chain(c.company.iter())
            .chain(&c.can_help_with);
        for part in parts {
            let (byte, ch) = (key.folded.len(), key.chars.len());
            for c in part.chars().map(crate::slug::base_letter) {
                key.folded.push(c);
                key.chars.push(c);
            }
            key.fields
                .push((byte..key.folded.len(), ch..key.chars.len()));
        }
        key
    }

    fn field(&self, i: usize) -> Option<(&str, &[char])> {
        let (bytes, chars) = self.fields.get(i)?.clone();
        Some((self.folded.get(bytes)?, self.chars.get(chars)?))
    }
}

/// A name hit ranks above the same hit in a tag or a skill.
const NAME_BONUS: i64 = 20;

/// A query split into folded words once, for scoring many keys with `rank_score`.
#[derive(Debug, Clone)]
pub struct Query {
    words: Vec<(Vec<char>, String)>,
}

impl Query {
    pub fn new(query: &str) -> Query {
        let words = query
            .split_whitespace()
            .map(|w| {
                let chars: Vec<char> = w.chars().map(crate::slug::base_letter).collect();
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

/// Could `word` match `field` as a subsequence? Cheap, and rejects most fields before skim runs.
fn may_match(field: &[char], word: &[char]) -> bool {
    let mut it = field.iter();
    word.iter().all(|w| it.any(|k| k == w))
}

impl Matcher {
    /// The best field for one word: (field index, score), or `None` when no field matches.
    fn best_field(&self, key: &SearchKey, chars: &[char], word: &str) -> Option<(usize, i64)> {
        (0..key.fields.len())
            .filter_map(|i| {
                let (text, field_chars) = key.field(i)?;
                if !may_match(field_chars, chars) {
                    return None;
                }
                let score = self.skim.fuzzy_match(text, word)?;
                Some((i, if i == 0 { score + NAME_BONUS } else { score }))
            })
            .max_by_key(|&(i, score)| (score, std::cmp::Reverse(i)))
    }

    /// Score a key against a query of one or more words; `None` when any word fails.
    pub fn hit(&self, key: &SearchKey, query: &str) -> Option<Hit> {
        let query = Query::new(query);
        let mut score = 0;
        let mut name_positions = Vec::new();
        for (chars, word) in &query.words {
            let (field, s) = self.best_field(key, chars, word)?;
            score += s;
            if field == 0
                && let Some((name, _)) = key.field(0)
                && let Some((_, positions)) = self.skim.fuzzy_indices(name, word)
            {
                name_positions.extend(positions);
            }
        }
        name_positions.sort_unstable();
        name_positions.dedup();
        Some(Hit {
            score,
            name_positions,
        })
    }

    /// The score `hit` would give, without the match positions (nothing allocated per key).
    /// For ranking many keys; positions are worth finding only for the rows on screen.
    pub fn rank_score(&self, key: &SearchKey, query: &Query) -> Option<i64> {
        let mut score = 0;
        for (chars, word) in &query.words {
            score += self.best_field(key, chars, word)?.1;
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

    #[test]
    fn accents_are_optional_and_highlights_stay_on_the_original_letters() {
        let m = Matcher::default();
        let hit = m.hit(&key("Zoë Müller", &[]), "zoe muller").unwrap();
        assert_eq!(hit.name_positions, vec![0, 1, 2, 4, 5, 6, 7, 8, 9]);
        assert!(m.hit(&key("Łukasz Nowak", &[]), "lukasz").is_some());
    }

    #[test]
    fn a_word_must_match_inside_one_field() {
        let m = Matcher::default();
        // o-l-i-v-e-r is spread over the name and two tags here: that is no match.
        let scattered = key("Sofia Almeida", &["law", "berlin", "visa", "events"]);
        assert!(m.hit(&scattered, "oliver").is_none());
        assert!(
            m.hit(&key("Oliver Brandt", &["running"]), "oliver")
                .is_some()
        );
        // Fuzzy within a field still works.
        assert!(m.hit(&key("Oliver Brandt", &[]), "olbr").is_some());
    }

    #[test]
    fn a_name_hit_ranks_above_the_same_hit_in_a_tag() {
        let m = Matcher::default();
        let by_name = m.hit(&key("Berlin Smith", &[]), "berlin").unwrap();
        let by_tag = m.hit(&key("Ana Schmidt", &["berlin"]), "berlin").unwrap();
        assert!(by_name.score > by_tag.score);
        assert!(by_tag.name_positions.is_empty());
    }

    #[test]
    fn rank_score_equals_hit_score() {
        let m = Matcher::default();
        let k = key("Zoë Müller", &["design", "berlin"]);
        for q in ["zoe", "des ber", "mül", "nothing"] {
            assert_eq!(
                m.rank_score(&k, &Query::new(q)),
                m.hit(&k, q).map(|h| h.score),
                "{q}"
            );
        }
    }
}
