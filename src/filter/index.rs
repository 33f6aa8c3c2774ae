//! Every contact's search fields in one flat table, made once per journal state. Each distinct
//! field text (a tag, a company, a skill, a shared name) is stored, and scored per keystroke,
//! once however many people share it; people are kept in name order, so that a stable sort by
//! score alone gives the final order.

use crate::journal::{Ix, Journal};
use crate::search::{NAME_BONUS, PreparedField, Query, Word, field_score};
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

/// Memo marks: not scored yet for this word, and scored without a match.
const UNSCORED: i64 = i64::MIN;
const NO_MATCH: i64 = i64::MIN + 1;

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Index {
    /// Contacts in name order (ties by journal order): a "position" below indexes this.
    by_name: Vec<Ix>,
    /// The distinct field texts one after another, with skim's bonus for each character.
    chars: Vec<char>,
    bonus: Vec<i8>,
    /// (start, end, letter mask) of each distinct text in `chars`.
    texts: Vec<(usize, usize, u64)>,
    /// The text of each person's fields, name first; person p's are `fields[starts[p]..starts[p + 1]]`.
    fields: Vec<u32>,
    starts: Vec<usize>,
}

impl Index {
    pub fn new(journal: &Journal) -> Index {
        let contacts = journal.contacts();
        let mut by_name: Vec<Ix> = (0..contacts.len()).collect();
        by_name.sort_unstable_by(|&a, &b| contacts[a].name.cmp(&contacts[b].name).then(a.cmp(&b)));
        let mut index = Index {
            starts: Vec::with_capacity(by_name.len() + 1),
            fields: Vec::with_capacity(by_name.len() * 6),
            ..Index::default()
        };
        index.starts.push(0);
        let mut ids: HashMap<&[char], u32, BuildHasherDefault<TextHasher>> = HashMap::default();
        for &ix in &by_name {
            for (i, field) in journal
                .search_key(ix)
                .into_iter()
                .flat_map(|k| k.fields())
                .enumerate()
            {
                // Names are nearly all different: not worth looking up.
                let id = if i == 0 {
                    index.push(field)
                } else {
                    *ids.entry(field.chars).or_insert_with(|| index.push(field))
                };
                index.fields.push(id);
            }
            index.starts.push(index.fields.len());
        }
        index.by_name = by_name;
        index
    }

    fn push(&mut self, field: PreparedField<'_>) -> u32 {
        let start = self.chars.len();
        self.chars.extend_from_slice(field.chars);
        self.bonus.extend_from_slice(field.bonus);
        self.texts.push((start, self.chars.len(), field.mask));
        (self.texts.len() - 1) as u32
    }

    pub fn len(&self) -> usize {
        self.by_name.len()
    }

    /// The contact at a name position.
    pub fn contact(&self, position: u32) -> Ix {
        self.by_name[position as usize]
    }

    /// The people at name positions `pool` who match `query`, with their scores, in the
    /// order of `pool`. The scores are `Matcher::rank_score`'s.
    pub fn score(&self, pool: &[u32], query: &Query) -> Vec<(u32, i64)> {
        let mut found: Vec<(u32, i64)> = pool.iter().map(|&p| (p, 0)).collect();
        let mut memo = Vec::new();
        for word in query.words() {
            memo.clear();
            memo.resize(self.texts.len(), UNSCORED);
            found.retain_mut(|(p, total)| match self.best_field(*p, word, &mut memo) {
                Some(score) => {
                    *total += score;
                    true
                }
                None => false,
            });
        }
        found
    }

    /// As `Matcher::best_field`: the best score of `word` over a person's fields.
    fn best_field(&self, position: u32, word: &Word, memo: &mut [i64]) -> Option<i64> {
        let p = position as usize;
        let mut best: Option<i64> = None;
        for (i, &id) in self.fields[self.starts[p]..self.starts[p + 1]]
            .iter()
            .enumerate()
        {
            let known = &mut memo[id as usize];
            if *known == UNSCORED {
                *known = self.text_score(id, word).unwrap_or(NO_MATCH);
            }
            if *known == NO_MATCH {
                continue;
            }
            let score = if i == 0 { *known + NAME_BONUS } else { *known };
            if best.is_none_or(|b| score > b) {
                best = Some(score);
            }
        }
        best
    }

    fn text_score(&self, id: u32, word: &Word) -> Option<i64> {
        let (start, end, mask) = self.texts[id as usize];
        let field = PreparedField {
            chars: &self.chars[start..end],
            bonus: &self.bonus[start..end],
            mask,
        };
        field_score(field, word)
    }
}

/// A quick multiply-rotate hash for field texts: std's SipHash guards against crafted keys,
/// which a person's own contacts are not, at several times the cost.
#[derive(Default)]
struct TextHasher(u64);

impl Hasher for TextHasher {
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.write_u32(u32::from(b));
        }
    }

    fn write_u32(&mut self, n: u32) {
        self.0 = (self.0.rotate_left(5) ^ u64::from(n)).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }

    fn write_usize(&mut self, n: usize) {
        self.write_u32(n as u32);
        self.write_u32((n as u64 >> 32) as u32);
    }

    fn finish(&self) -> u64 {
        self.0
    }
}
