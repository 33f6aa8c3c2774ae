//! Every contact's search fields in one flat table, made once per journal state. People are in
//! name order, so that a stable sort by score alone gives the final order, and their names lie
//! one after another, so a keystroke reads them in one sweep. The other fields (tags,
//! companies, skills: shared by many people) are stored, and scored per word, once per
//! distinct text however many people share it.

use crate::fasthash::FastMap;
use crate::journal::{Ix, Journal};
use crate::model::Contact;
use crate::search::{NAME_BONUS, PreparedField, Query, Word, field_score, fields_of, push_field};

/// Memo marks: not scored yet for this word, and scored without a match.
const UNSCORED: i64 = i64::MIN;
const NO_MATCH: i64 = i64::MIN + 1;

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Index {
    /// Contacts in name order (ties by journal order): a "position" below indexes this.
    by_name: Vec<Ix>,
    /// Texts one after another (the names first, in name order).
    texts: Texts,
    /// (start, end, letter mask) in `chars` of each person's name, by position.
    names: Vec<Span>,
    /// (start, end, letter mask) in `chars` of each distinct other field.
    shared: Vec<Span>,
    /// Person p's other fields are `others[starts[p]..starts[p + 1]]`, indexes into `shared`.
    others: Vec<u32>,
    starts: Vec<usize>,
}

type Span = (usize, usize, u64);

/// Field texts one after another, with skim's bonus for each character.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
struct Texts {
    chars: Vec<char>,
    bonus: Vec<i8>,
}

impl Texts {
    /// Fold `text` onto the end; its span.
    fn push(&mut self, text: &str) -> Span {
        let start = self.chars.len();
        let mask = push_field(text, &mut self.chars, &mut self.bonus);
        (start, self.chars.len(), mask)
    }

    /// All of `other` onto the end, as one field with `mask`; its span.
    fn push_copy(&mut self, other: &Texts, mask: u64) -> Span {
        let start = self.chars.len();
        self.chars.extend_from_slice(&other.chars);
        self.bonus.extend_from_slice(&other.bonus);
        (start, self.chars.len(), mask)
    }

    fn get(&self, (start, end, _): Span) -> &[char] {
        &self.chars[start..end]
    }

    fn truncate(&mut self, len: usize) {
        self.chars.truncate(len);
        self.bonus.truncate(len);
    }
}

impl Index {
    pub fn new(journal: &Journal) -> Index {
        let contacts = journal.contacts();
        let by_name = name_order(contacts);
        let mut index = Index {
            names: Vec::with_capacity(by_name.len()),
            starts: Vec::with_capacity(by_name.len() + 1),
            others: Vec::with_capacity(by_name.len() * 5),
            ..Index::default()
        };
        // The other fields go to a table of their own first and after the names at the end,
        // so the names stay one run. Fields are folded straight into the tables: no person
        // keeps a key of their own (ten thousand keys cost 13 MB for as long as rolo ran).
        let mut shared = Texts::default();
        let mut scratch = Texts::default();
        let mut ids: FastMap<Vec<char>, u32> = FastMap::default();
        index.starts.push(0);
        for &ix in &by_name {
            let mut fields = fields_of(&contacts[ix]);
            let name = index.texts.push(fields.next().unwrap_or(""));
            // People with the same name are neighbours here: their name is stored (and scored) once.
            let span = match index.names.last() {
                Some(&last) if index.texts.get(last) == index.texts.get(name) => {
                    index.texts.truncate(name.0);
                    last
                }
                _ => name,
            };
            index.names.push(span);
            for field in fields {
                scratch.truncate(0);
                let (_, _, mask) = scratch.push(field);
                let id = match ids.get(scratch.chars.as_slice()) {
                    Some(&id) => id,
                    None => {
                        index.shared.push(shared.push_copy(&scratch, mask));
                        let id = (index.shared.len() - 1) as u32;
                        ids.insert(scratch.chars.clone(), id);
                        id
                    }
                };
                index.others.push(id);
            }
            index.starts.push(index.others.len());
        }
        drop(ids);
        let offset = index.texts.chars.len();
        for (start, end, _) in &mut index.shared {
            *start += offset;
            *end += offset;
        }
        index.texts.chars.append(&mut shared.chars);
        index.texts.bonus.append(&mut shared.bonus);
        index.by_name = by_name;
        index.texts.chars.shrink_to_fit();
        index.texts.bonus.shrink_to_fit();
        index.others.shrink_to_fit();
        index.shared.shrink_to_fit();
        index
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
            memo.resize(self.shared.len(), UNSCORED);
            let mut last_name = None;
            found.retain_mut(|(p, total)| {
                match self.best_field(*p, word, &mut memo, &mut last_name) {
                    Some(score) => {
                        *total += score;
                        true
                    }
                    None => false,
                }
            });
        }
        found
    }

    /// As `Matcher::best_field`: the best score of `word` over a person's fields.
    /// `last_name` is the previous name scored, for people who share a name.
    fn best_field(
        &self,
        position: u32,
        word: &Word,
        memo: &mut [i64],
        last_name: &mut Option<(Span, Option<i64>)>,
    ) -> Option<i64> {
        let p = position as usize;
        let name = self.names[p];
        let mut best = match *last_name {
            Some((span, score)) if span == name => score,
            _ => {
                let score = self.span_score(name, word).map(|s| s + NAME_BONUS);
                *last_name = Some((name, score));
                score
            }
        };
        for &id in &self.others[self.starts[p]..self.starts[p + 1]] {
            let known = &mut memo[id as usize];
            if *known == UNSCORED {
                *known = self
                    .span_score(self.shared[id as usize], word)
                    .unwrap_or(NO_MATCH);
            }
            if *known != NO_MATCH && best.is_none_or(|b| *known > b) {
                best = Some(*known);
            }
        }
        best
    }

    fn span_score(&self, (start, end, mask): Span, word: &Word) -> Option<i64> {
        let field = PreparedField {
            chars: &self.texts.chars[start..end],
            bonus: &self.texts.bonus[start..end],
            mask,
        };
        field_score(field, word)
    }
}

/// Contacts in name order (bytewise), ties by journal order.
fn name_order(contacts: &[Contact]) -> Vec<Ix> {
    // Sorted by the names' first eight bytes, then whole names: most comparisons are then
    // of two numbers. Same order as comparing the names (bytewise), ties by journal order.
    let mut by_name: Vec<(u64, Ix)> = contacts
        .iter()
        .enumerate()
        .map(|(ix, c)| {
            let mut head = [0; 8];
            let n = c.name.len().min(8);
            head[..n].copy_from_slice(&c.name.as_bytes()[..n]);
            (u64::from_be_bytes(head), ix)
        })
        .collect();
    by_name.sort_unstable_by(|&(ha, a), &(hb, b)| {
        ha.cmp(&hb)
            .then_with(|| contacts[a].name.cmp(&contacts[b].name))
            .then(a.cmp(&b))
    });
    by_name.into_iter().map(|(_, ix)| ix).collect()
}
