//! One built piece of the index: documents (`Docs`) and, for every folded word in their texts,
//! the documents it occurs in. A query word matches the words it begins, found by binary
//! search in the sorted list of words; their documents are gathered as bits. A word found in
//! many documents keeps them as bits already, so the common words cost a pass over machine
//! words rather than a long list.

use super::bits::Bits;
use super::corpus::Corpus;
use super::docs::Docs;
use super::words::each_word;
use crate::fasthash::FastMap;

/// Where one word's documents are.
#[derive(Debug, Clone, Copy)]
enum Posting {
    /// `list[start..end]`, ascending.
    List(u32, u32),
    /// `dense[i]`.
    Dense(u32),
}

#[derive(Debug, Clone, Default)]
pub struct Segment {
    pub docs: Docs,
    /// The folded words, sorted, one after another; word w ends at `ends[w]`.
    words: String,
    ends: Vec<u32>,
    postings: Vec<Posting>,
    list: Vec<u32>,
    dense: Vec<Bits>,
    /// Names and aliases.
    pub names: Bits,
    /// Each person's documents (see `Docs::by_person`).
    person_start: Vec<u32>,
    person_docs: Vec<u32>,
}

/// A segment being built, a corpus at a time (a large journal's arrive piece by piece, so
/// no copy of all its texts is ever held at once).
#[derive(Default)]
pub struct Builder {
    docs: Docs,
    ids: FastMap<String, u32>,
    lists: Vec<Vec<u32>>,
}

impl Builder {
    /// Read every word of every document: the slow part, done off the UI thread for a large
    /// journal.
    pub fn add(&mut self, corpus: Corpus) {
        let first = self.docs.len();
        self.docs.append(&corpus);
        for (i, raw) in corpus.docs.iter().enumerate() {
            let doc = (first + i) as u32;
            let (ids, lists) = (&mut self.ids, &mut self.lists);
            each_word(corpus.text_of(raw), |_, w| {
                let id = match ids.get(w) {
                    Some(&id) => id,
                    None => {
                        let id = lists.len() as u32;
                        ids.insert(w.to_string(), id);
                        lists.push(Vec::new());
                        id
                    }
                };
                let list = &mut lists[id as usize];
                // A word twice in one document counts once.
                if list.last() != Some(&doc) {
                    list.push(doc);
                }
            });
        }
    }

    pub fn finish(self) -> Segment {
        let Builder {
            mut docs,
            ids,
            mut lists,
        } = self;
        let n = docs.len();
        let mut sorted: Vec<(String, u32)> = ids.into_iter().collect();
        sorted.sort_unstable();
        // A list longer than a set of bits for every document is kept as bits.
        let dense_from = n / 32 + 1;
        let listed: usize = lists.iter().map(Vec::len).filter(|&l| l < dense_from).sum();
        let mut seg = Segment {
            names: docs.names(),
            list: Vec::with_capacity(listed),
            ends: Vec::with_capacity(sorted.len()),
            postings: Vec::with_capacity(sorted.len()),
            ..Segment::default()
        };
        for (word, id) in sorted {
            let found = std::mem::take(&mut lists[id as usize]);
            seg.words.push_str(&word);
            seg.ends.push(seg.words.len() as u32);
            if found.len() >= dense_from {
                let mut bits = Bits::new(n);
                found.iter().for_each(|&d| bits.insert(d));
                seg.postings.push(Posting::Dense(seg.dense.len() as u32));
                seg.dense.push(bits);
            } else {
                let start = seg.list.len() as u32;
                seg.list.extend_from_slice(&found);
                seg.postings
                    .push(Posting::List(start, seg.list.len() as u32));
            }
        }
        drop(lists);
        let (start, by_person) = docs.by_person();
        seg.person_start = start;
        seg.person_docs = by_person;
        docs.shrink();
        seg.docs = docs;
        seg.words.shrink_to_fit();
        seg
    }
}

impl Segment {
    /// A segment of one corpus, at once.
    pub fn build(corpus: Corpus) -> Segment {
        let mut b = Builder::default();
        b.add(corpus);
        b.finish()
    }

    pub fn len(&self) -> usize {
        self.docs.len()
    }

    fn word(&self, w: usize) -> &str {
        let start = if w == 0 { 0 } else { self.ends[w - 1] as usize };
        self.words.get(start..self.ends[w] as usize).unwrap_or("")
    }

    /// The documents with a word that `prefix` begins, added to `out`.
    pub fn docs_with(&self, prefix: &str, out: &mut Bits) {
        let first = partition(self.ends.len(), |w| self.word(w) < prefix);
        for w in first..self.ends.len() {
            if !self.word(w).starts_with(prefix) {
                break;
            }
            match self.postings[w] {
                Posting::Dense(i) => out.union_with(&self.dense[i as usize]),
                Posting::List(a, b) => {
                    for &d in &self.list[a as usize..b as usize] {
                        out.insert(d);
                    }
                }
            }
        }
    }

    /// Every document of the person at `p` (in `docs.people`), added to `out`.
    pub fn docs_of(&self, p: u32, out: &mut Bits) {
        let p = p as usize;
        if let (Some(&a), Some(&b)) = (self.person_start.get(p), self.person_start.get(p + 1)) {
            for &d in &self.person_docs[a as usize..b as usize] {
                out.insert(d);
            }
        }
    }

    /// The card fields (not entries) of the person at `p`.
    pub fn fields_of(&self, p: u32) -> impl Iterator<Item = u32> + '_ {
        let p = p as usize;
        let range = match (self.person_start.get(p), self.person_start.get(p + 1)) {
            (Some(&a), Some(&b)) => a as usize..b as usize,
            _ => 0..0,
        };
        self.person_docs[range]
            .iter()
            .copied()
            .filter(|&d| !self.docs.is_entry(d))
    }

    /// Memory held by part: documents, words, lists, bits (for measuring).
    pub fn heap_parts(&self) -> [usize; 4] {
        [
            self.docs.heap_bytes()
                + (self.person_start.capacity() + self.person_docs.capacity()) * 4,
            self.words.capacity() + self.ends.capacity() * 4 + self.postings.capacity() * 8,
            self.list.capacity() * 4,
            self.dense.iter().map(Bits::heap_bytes).sum::<usize>() + self.names.heap_bytes(),
        ]
    }

    /// Memory held, in bytes (capacities, not counting allocator overhead).
    pub fn heap_bytes(&self) -> usize {
        self.docs.heap_bytes()
            + self.words.capacity()
            + self.ends.capacity() * 4
            + self.postings.capacity() * std::mem::size_of::<Posting>()
            + self.list.capacity() * 4
            + self.dense.iter().map(Bits::heap_bytes).sum::<usize>()
            + self.names.heap_bytes()
            + (self.person_start.capacity() + self.person_docs.capacity()) * 4
    }
}

/// The first index in `0..len` where `below` is false (`below` is true, then false).
fn partition(len: usize, below: impl Fn(usize) -> bool) -> usize {
    let (mut lo, mut hi) = (0, len);
    while lo < hi {
        let mid = lo + (hi - lo) / 2;
        if below(mid) {
            lo = mid + 1;
        } else {
            hi = mid;
        }
    }
    lo
}
