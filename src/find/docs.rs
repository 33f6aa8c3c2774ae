//! The documents of a segment: one per field of a card and one per entry, each with its
//! place, the people it belongs to and the key it is listed by. Texts are not kept: a hit's
//! text is read from the journal when it is shown (see `place::text_at`), which halves the
//! memory the index takes.

use super::bits::Bits;
use super::corpus::{Corpus, ENTRY};
use super::place::Place;
use crate::fasthash::FastMap;
use crate::journal::Month;
use chrono::{DateTime, Datelike, FixedOffset, TimeZone};

/// An entry's place, small: its time (seconds and offset) and its id in `Docs::ids`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct EntryRef {
    secs: i64,
    offset: i32,
    id: (u32, u32),
}

#[derive(Debug, Clone, Default)]
pub struct Docs {
    /// Per document: what kind of place (`Place::order`) and its number (an entry's: its
    /// index in `entries`).
    kinds: Vec<u8>,
    numbers: Vec<u32>,
    /// Per document: the order it is listed in, smallest first (see `key_of`).
    keys: Vec<u64>,
    entries: Vec<EntryRef>,
    ids: String,
    /// Document d belongs to `owners[owner_start[d]..owner_start[d + 1]]` (into `people`).
    owner_start: Vec<u32>,
    owners: Vec<u32>,
    /// Contact ids, each once.
    pub(super) people: Vec<String>,
    person_ix: FastMap<String, u32>,
    /// Entries by month, for redoing a month that changed.
    months: FastMap<Month, Vec<u32>>,
}

impl Docs {
    pub fn len(&self) -> usize {
        self.kinds.len()
    }

    /// The documents of a corpus: people counted once, keys and months worked out.
    pub fn from_corpus(corpus: &Corpus) -> Docs {
        let n = corpus.len();
        let mut docs = Docs {
            kinds: Vec::with_capacity(n),
            numbers: Vec::with_capacity(n),
            keys: Vec::with_capacity(n),
            owner_start: Vec::with_capacity(n + 1),
            ..Docs::default()
        };
        docs.owner_start.push(0);
        // A card's documents come name first: its folded name keys the ones after it.
        let mut name = String::new();
        for raw in &corpus.docs {
            let d = docs.kinds.len() as u32;
            for id in corpus.owners_of(raw) {
                let p = docs.person(id);
                let mine = &docs.owners[docs.owner_start[d as usize] as usize..];
                if !mine.contains(&p) {
                    docs.owners.push(p);
                }
            }
            docs.owner_start
                .push(u32::try_from(docs.owners.len()).unwrap_or(u32::MAX));
            docs.kinds.push(raw.kind);
            let key = match raw.entry {
                Some((secs, offset, id)) => {
                    let start = u32::try_from(docs.ids.len()).unwrap_or(u32::MAX);
                    let text = corpus.str_at(id);
                    docs.ids.push_str(text);
                    let r = EntryRef {
                        secs,
                        offset,
                        id: (start, u32::try_from(text.len()).unwrap_or(0)),
                    };
                    docs.numbers
                        .push(u32::try_from(docs.entries.len()).unwrap_or(u32::MAX));
                    docs.entries.push(r);
                    if let Some(month) = month_of(secs, offset) {
                        docs.months.entry(month).or_default().push(d);
                    }
                    entry_key(secs)
                }
                None => {
                    if raw.kind == 0 {
                        name = crate::fold::key(corpus.text_of(raw));
                    }
                    docs.numbers.push(raw.number);
                    person_key(&name, raw.kind)
                }
            };
            docs.keys.push(key);
        }
        docs.shrink();
        docs
    }

    fn person(&mut self, id: &str) -> u32 {
        if let Some(&p) = self.person_ix.get(id) {
            return p;
        }
        let p = u32::try_from(self.people.len()).unwrap_or(u32::MAX);
        self.people.push(id.to_string());
        self.person_ix.insert(id.to_string(), p);
        p
    }

    pub fn place(&self, d: u32) -> Option<Place> {
        let (kind, n) = (*self.kinds.get(d as usize)?, *self.numbers.get(d as usize)?);
        Some(match kind {
            0 => Place::Name,
            1 => Place::Alias(n),
            2 => Place::Tag(n),
            3 => Place::Company,
            4 => Place::Role,
            5 => Place::CanHelp(n),
            6 => Place::Need(n),
            7 => Place::Promise(n),
            8 => Place::Notes,
            9 => Place::Met,
            10 => Place::Email(n),
            11 => Place::Phone(n),
            _ => {
                let r = self.entries.get(n as usize)?;
                let offset = FixedOffset::east_opt(r.offset)?;
                let at: DateTime<FixedOffset> = offset.timestamp_opt(r.secs, 0).single()?;
                let (start, len) = (r.id.0 as usize, r.id.1 as usize);
                Place::Entry {
                    at,
                    id: self.ids.get(start..start + len)?.to_string(),
                }
            }
        })
    }

    pub fn key(&self, d: u32) -> u64 {
        self.keys.get(d as usize).copied().unwrap_or(u64::MAX)
    }

    pub fn is_entry(&self, d: u32) -> bool {
        self.kinds.get(d as usize) == Some(&ENTRY)
    }

    /// The people a document belongs to (for an entry: everyone in it, in its order).
    pub fn owners(&self, d: u32) -> &[u32] {
        let d = d as usize;
        match (self.owner_start.get(d), self.owner_start.get(d + 1)) {
            (Some(&a), Some(&b)) => self.owners.get(a as usize..b as usize).unwrap_or(&[]),
            _ => &[],
        }
    }

    pub fn person_ix(&self, id: &str) -> Option<u32> {
        self.person_ix.get(id).copied()
    }

    /// The documents of the entries dated in `month`.
    pub fn month(&self, month: Month) -> &[u32] {
        self.months.get(&month).map_or(&[], Vec::as_slice)
    }

    /// Names and aliases: the documents a name in a query may match for the whole person.
    pub fn names(&self) -> Bits {
        let mut b = Bits::new(self.len());
        for (d, &k) in self.kinds.iter().enumerate() {
            if k <= 1 {
                b.insert(d as u32);
            }
        }
        b
    }

    /// Each person's documents: `(start, docs)` with person p's at `docs[start[p]..start[p + 1]]`.
    pub fn by_person(&self) -> (Vec<u32>, Vec<u32>) {
        let mut count = vec![0u32; self.people.len() + 1];
        for &p in &self.owners {
            count[p as usize + 1] += 1;
        }
        for i in 1..count.len() {
            count[i] += count[i - 1];
        }
        let start = count.clone();
        let mut next = count;
        let mut docs = vec![0u32; self.owners.len()];
        for d in 0..self.len() as u32 {
            for &p in self.owners(d) {
                let slot = &mut next[p as usize];
                docs[*slot as usize] = d;
                *slot += 1;
            }
        }
        (start, docs)
    }

    pub fn shrink(&mut self) {
        self.kinds.shrink_to_fit();
        self.numbers.shrink_to_fit();
        self.keys.shrink_to_fit();
        self.entries.shrink_to_fit();
        self.ids.shrink_to_fit();
        self.owner_start.shrink_to_fit();
        self.owners.shrink_to_fit();
    }

    pub fn heap_bytes(&self) -> usize {
        self.kinds.capacity()
            + self.numbers.capacity() * 4
            + self.keys.capacity() * 8
            + self.entries.capacity() * std::mem::size_of::<EntryRef>()
            + self.ids.capacity()
            + (self.owner_start.capacity() + self.owners.capacity()) * 4
            + self
                .people
                .iter()
                .map(|p| 2 * (p.capacity() + 24) + 8)
                .sum::<usize>()
            + self
                .months
                .values()
                .map(|m| m.capacity() * 4 + 32)
                .sum::<usize>()
    }
}

/// Names and aliases first, then the other fields of a card, then entries newest first.
/// A card's fields are grouped by the person's name (its first seven folded bytes, ties
/// sorted exactly when shown), in card order.
fn person_key(folded_name: &str, kind: u8) -> u64 {
    // Names (0) and aliases (1) first.
    let group: u64 = if kind <= 1 { 0 } else { 1 };
    let mut head = [0u8; 8];
    let bytes = folded_name.as_bytes();
    let n = bytes.len().min(7);
    head[1..=n].copy_from_slice(&bytes[..n]);
    let name = u64::from_be_bytes(head);
    (group << 62) | (name << 6) | u64::from(kind)
}

/// The month of an entry's own date.
fn month_of(secs: i64, offset: i32) -> Option<Month> {
    let offset = FixedOffset::east_opt(offset)?;
    let at = offset.timestamp_opt(secs, 0).single()?;
    Some((at.year(), at.month()))
}

fn entry_key(secs: i64) -> u64 {
    // Seconds from 1900 to 2200 fit in 35 bits; newer entries get smaller keys.
    let shifted = (secs + (1i64 << 40)).clamp(0, (1i64 << 61) - 1) as u64;
    (2u64 << 62) | ((1u64 << 61) - shifted)
}
