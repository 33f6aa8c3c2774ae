//! Fuzzy matching over contacts. A contact's fields are folded into a search key (the filter
//! keeps them all, prepared once per journal state, in its flat index); a query is split
//! into words and every word must match within one field of the key.

mod skim_exact;

use crate::model::Contact;
use fuzzy_matcher::FuzzyMatcher;
use fuzzy_matcher::skim::SkimMatcherV2;
use skim_exact::Scratch;
use std::cell::RefCell;
use std::ops::Range;

thread_local! {
    /// Scoring buffers, one set per thread, so that scoring allocates nothing.
    static SCRATCH: RefCell<Scratch> = RefCell::default();
}

/// Scores and match positions. skim keeps its score matrix between calls without clearing
/// it, and a stale matrix changes both the score and which letters a match lights (seen:
/// "naa" in "anna aaron" scored 55 alone, 58 after "jean-luc aaron"); its `use_cache(false)`
/// panics on a borrow. So each call gets a fresh skim matcher (about 0.3 µs more per call,
/// measured); ranking many people goes through `skim_exact`, which allocates nothing.
#[derive(Default)]
pub struct Matcher;

fn skim() -> SkimMatcherV2 {
    SkimMatcherV2::default().ignore_case()
}

/// The text a contact is found by, as fields: the name first (so name hits can be
/// highlighted), then aliases, tags, company and what they can help with. A query word must
/// match inside one field: letters scattered across a name, a tag and a skill are no match.
#[derive(Debug, Clone)]
pub struct SearchKey {
    /// Every field folded char for char (lowercase, accents to base letters, see
    /// `fold::base_letter`), one after another; positions in a field index the original.
    folded: String,
    chars: Vec<char>,
    /// skim's bonus for a match at each of `chars` (see `skim_exact::bonuses`), per field.
    bonus: Vec<i8>,
    /// Field 0 is the name.
    fields: Vec<Field>,
}

#[derive(Debug, Clone)]
struct Field {
    bytes: Range<usize>,
    chars: Range<usize>,
    /// Which letters occur (`skim_exact::mask`): a word with a letter outside it is skipped.
    mask: u64,
}

/// The texts a contact is found by, in key order: the name first.
pub(crate) fn fields_of(c: &Contact) -> impl Iterator<Item = &str> {
    std::iter::once(&c.name)
        .chain(&c.aliases)
        .chain(&c.tags)
        .chain(c.company.iter())
        .chain(&c.can_help_with)
        .map(String::as_str)
}

/// Fold `text` char for char onto `chars`, its bonuses onto `bonus`; returns its letter mask.
pub(crate) fn push_field(text: &str, chars: &mut Vec<char>, bonus: &mut Vec<i8>) -> u64 {
    let start = chars.len();
    chars.extend(text.chars().map(crate::fold::base_letter));
    let field = &chars[start..];
    skim_exact::push_bonuses(field, bonus);
    skim_exact::mask(field)
}

impl SearchKey {
    /// Made when needed and dropped after (a lookup, the rows on screen): the filter keeps
    /// its own flat index instead of a key per person.
    pub fn new(c: &Contact) -> SearchKey {
        let n: usize = fields_of(c).map(|f| f.chars().count()).sum();
        let mut key = SearchKey {
            folded: String::with_capacity(n),
            chars: Vec::with_capacity(n),
            bonus: Vec::with_capacity(n),
            fields: Vec::with_capacity(fields_of(c).count()),
        };
        for part in fields_of(c) {
            let (byte, ch) = (key.folded.len(), key.chars.len());
            let mask = push_field(part, &mut key.chars, &mut key.bonus);
            key.folded.extend(&key.chars[ch..]);
            key.fields.push(Field {
                bytes: byte..key.folded.len(),
                chars: ch..key.chars.len(),
                mask,
            });
        }
        key
    }

    fn field(&self, i: usize) -> Option<&str> {
        self.folded.get(self.fields.get(i)?.bytes.clone())
    }

    /// Each field as prepared for scoring, the name first.
    pub(crate) fn fields(&self) -> impl Iterator<Item = PreparedField<'_>> {
        self.fields.iter().filter_map(|f| {
            Some(PreparedField {
                chars: self.chars.get(f.chars.clone())?,
                bonus: self.bonus.get(f.chars.clone())?,
                mask: f.mask,
            })
        })
    }
}

/// One field of a key, ready for `field_score`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) struct PreparedField<'k> {
    pub chars: &'k [char],
    pub bonus: &'k [i8],
    pub mask: u64,
}

/// skim's score of one query word in one field, or `None` when the word is not in it.
pub(crate) fn field_score(field: PreparedField<'_>, word: &Word) -> Option<i64> {
    if word.mask & !field.mask != 0 {
        return None;
    }
    SCRATCH.with_borrow_mut(|s| skim_exact::score(field.chars, field.bonus, &word.chars, s))
}

/// A name hit ranks above the same hit in a tag or a skill.
pub(crate) const NAME_BONUS: i64 = 20;

/// A query split into folded words once, for scoring many keys with `rank_score`.
#[derive(Debug, Clone)]
pub struct Query {
    words: Vec<Word>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Word {
    chars: Vec<char>,
    text: String,
    mask: u64,
}

impl Query {
    pub fn new(query: &str) -> Query {
        let words = query
            .split_whitespace()
            .map(|w| {
                let chars: Vec<char> = w.chars().map(crate::fold::base_letter).collect();
                Word {
                    text: chars.iter().collect(),
                    mask: skim_exact::mask(&chars),
                    chars,
                }
            })
            .collect();
        Query { words }
    }

    pub(crate) fn words(&self) -> &[Word] {
        &self.words
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hit {
    pub score: i64,
    /// Character positions in the contact's name that matched, for highlighting.
    pub name_positions: Vec<usize>,
}

impl Matcher {
    /// The best field for one word: (field index, score), or `None` when no field matches.
    /// The score is skim's (`skim_exact`); on equal scores the first field wins.
    fn best_field(&self, key: &SearchKey, word: &Word) -> Option<(usize, i64)> {
        let mut best: Option<(usize, i64)> = None;
        for (i, field) in key.fields().enumerate() {
            let Some(score) = field_score(field, word) else {
                continue;
            };
            let score = if i == 0 { score + NAME_BONUS } else { score };
            if best.is_none_or(|(_, b)| score > b) {
                best = Some((i, score));
            }
        }
        best
    }

    /// Score a key against a query of one or more words; `None` when any word fails.
    pub fn hit(&self, key: &SearchKey, query: &str) -> Option<Hit> {
        let query = Query::new(query);
        let mut score = 0;
        let mut name_positions = Vec::new();
        for word in &query.words {
            let (field, s) = self.best_field(key, word)?;
            score += s;
            if field == 0
                && let Some(name) = key.field(0)
                && let Some((_, positions)) = skim().fuzzy_indices(name, &word.text)
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
        for word in &query.words {
            score += self.best_field(key, word)?.1;
        }
        Some(score)
    }

    /// Plain fuzzy score of one text, for ranking helpers against a need.
    pub fn score(&self, text: &str, pattern: &str) -> Option<(i64, Vec<usize>)> {
        skim().fuzzy_indices(text, pattern)
    }
}

/// Fold a name for exact comparisons and sorting: case and accents set aside, in any script
/// (see `crate::fold`).
pub fn fold(s: &str) -> String {
    crate::fold::key(s)
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
        let m = Matcher;
        let k = key("Ana Schmidt", &["berlin"]);
        assert!(m.hit(&k, "ana berlin").is_some());
        assert!(m.hit(&k, "ana paris").is_none());
    }

    #[test]
    fn name_positions_only_cover_the_name() {
        let m = Matcher;
        let k = key("Ana Schmidt", &["berlin"]);
        let hit = m.hit(&k, "berlin").unwrap();
        assert!(hit.name_positions.iter().all(|p| *p < "Ana Schmidt".len()));
        let hit = m.hit(&k, "ana").unwrap();
        assert_eq!(hit.name_positions, vec![0, 1, 2]);
    }

    #[test]
    fn matching_ignores_case() {
        let m = Matcher;
        assert!(m.hit(&key("Zoë Müller", &[]), "MÜL").is_some());
    }

    #[test]
    fn accents_are_optional_and_highlights_stay_on_the_original_letters() {
        let m = Matcher;
        let hit = m.hit(&key("Zoë Müller", &[]), "zoe muller").unwrap();
        assert_eq!(hit.name_positions, vec![0, 1, 2, 4, 5, 6, 7, 8, 9]);
        assert!(m.hit(&key("Łukasz Nowak", &[]), "lukasz").is_some());
    }

    #[test]
    fn a_word_must_match_inside_one_field() {
        let m = Matcher;
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
        let m = Matcher;
        let by_name = m.hit(&key("Berlin Smith", &[]), "berlin").unwrap();
        let by_tag = m.hit(&key("Ana Schmidt", &["berlin"]), "berlin").unwrap();
        assert!(by_name.score > by_tag.score);
        assert!(by_tag.name_positions.is_empty());
    }

    #[test]
    fn rank_score_equals_hit_score() {
        let m = Matcher;
        let k = key("Zoë Müller", &["design", "berlin"]);
        for q in ["zoe", "des ber", "mül", "nothing"] {
            assert_eq!(
                m.rank_score(&k, &Query::new(q)),
                m.hit(&k, q).map(|h| h.score),
                "{q}"
            );
        }
    }

    /// skim reuses its score matrix between calls without clearing it, so where a tie's
    /// letters are highlighted could depend on which names were matched before: the same
    /// name and query must always light the same letters (found by CI's property test).
    #[test]
    fn highlights_do_not_depend_on_what_was_matched_before() {
        let query = "naA";
        let anna = key("Anna Aaron", &[]);
        let alone = Matcher.hit(&anna, query).unwrap();
        let m = Matcher;
        for before in ["Jean-Luc Aaron", "Anna Aaron", "Łukasz van der Berg", "Ana"] {
            let _ = m.hit(&key(before, &[]), query);
            assert_eq!(m.hit(&anna, query).unwrap(), alone, "after {before}");
        }
        // The plain score (helpers against a need) likewise.
        let alone = Matcher.score("anna aaron", "naa");
        let _ = m.score("jean-luc aaron", "naa");
        assert_eq!(m.score("anna aaron", "naa"), alone);
    }
}
