//! The documents of a segment: one per field of a card and one per entry, each with its
//! place, the people it belongs to and the key it is listed by. Texts are not kept: a hit's
//! text is read from the journal when it is shown (see `place::text_at`), which halves the
//! memory the index takes.

use super::bits::Bits;
use super::corpus::{Corpus, ENTRY};
use super::place::Place;
use crate::fasthash::FastMap;
use crate::journal::Month;
use crate::model::Entry;
use chrono::{DateTime, Datelike, FixedOffset, TimeZone};

/// An entry's place, small: its time (seconds and offset) and its id: made from them and
/// its first person as `Entry::make_id` makes it (most are), else `Docs::odd_ids[id]`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct EntryRef {
    secs: i64,
    offset: i32,
    id: u32,
}

/// `EntryRef::id` of an id that `Entry::make_id` gives.
const MADE: u32 = u32::MAX;

#[derive(Debug, Clone, Default)]
pub struct Docs {
    /// Per document: what kind of place (`Place::order`) and its number (an entry's: its
    /// index in `entries`).
    kinds: Vec<u8>,
    numbers: Vec<u32>,
    entries: Vec<EntryRef>,
    /// Entry ids not made the usual way (a hand edit, a second entry in one minute).
    odd_ids: Vec<String>,
    /// Document d belongs to `owners[owner_start[d]..owner_start[d + 1]]` (into `people`).
    owner_start: Vec<u32>,
    owners: Vec<u32>,
    /// Contact ids, each once.
    pub(super) people: Vec<String>,
    person_ix: FastMap<String, u32>,
    /// The start of each person's folded name, for the order of their card's hits.
    name_heads: Vec<u64>,
    /// Entries by month, for redoing a month that changed.
    months: FastMap<Month, Vec<u32>>,
}

impl Docs {
    pub fn len(&self) -> usize {
        self.kinds.len()
    }

    /// Take in a corpus's documents after those there already: people counted once, months
    /// and how each entry is named worked out.
    pub fn append(&mut self, corpus: &Corpus) {
        let n = corpus.len();
        self.kinds.reserve(n);
        self.numbers.reserve(n);
        self.owner_start.reserve(n + 1);
        if self.owner_start.is_empty() {
            self.owner_start.push(0);
        }
        for raw in &corpus.docs {
            let d = self.kinds.len() as u32;
            for id in corpus.owners_of(raw) {
                let p = self.person(id);
                let mine = &self.owners[self.owner_start[d as usize] as usize..];
                if !mine.contains(&p) {
                    self.owners.push(p);
                }
            }
            self.owner_start
                .push(u32::try_from(self.owners.len()).unwrap_or(u32::MAX));
            self.kinds.push(raw.kind);
            match raw.entry {
                Some((secs, offset, id)) => {
                    let id = corpus.str_at(id);
                    let made = entry_time(secs, offset)
                        .is_some_and(|at| Entry::make_id(&at, self.first_person(d)) == id);
                    let id = if made {
                        MADE
                    } else {
                        self.odd_ids.push(id.to_string());
                        u32::try_from(self.odd_ids.len() - 1).unwrap_or(MADE)
                    };
                    self.numbers
                        .push(u32::try_from(self.entries.len()).unwrap_or(u32::MAX));
                    self.entries.push(EntryRef { secs, offset, id });
                    if let Some(month) = month_of(secs, offset) {
                        self.months.entry(month).or_default().push(d);
                    }
                }
                None => {
                    if raw.kind == 0
                        && let Some(&p) = self.owners(d).first()
                    {
                        self.name_heads[p as usize] = name_head(corpus.text_of(raw));
                    }
                    self.numbers.push(raw.number);
                }
            }
        }
    }

    fn person(&mut self, id: &str) -> u32 {
        if let Some(&p) = self.person_ix.get(id) {
            return p;
        }
        let p = u32::try_from(self.people.len()).unwrap_or(u32::MAX);
        self.people.push(id.to_string());
        self.person_ix.insert(id.to_string(), p);
        self.name_heads.push(0);
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
                let at = entry_time(r.secs, r.offset)?;
                let id = match r.id {
                    MADE => Entry::make_id(&at, self.first_person(d)),
                    i => self.odd_ids.get(i as usize)?.clone(),
                };
                Place::Entry { at, id }
            }
        })
    }

    /// The order a document is listed in, smallest first (see `person_key`, `entry_key`).
    pub fn key(&self, d: u32) -> u64 {
        let (Some(&kind), Some(&n)) = (self.kinds.get(d as usize), self.numbers.get(d as usize))
        else {
            return u64::MAX;
        };
        if kind == ENTRY {
            return self
                .entries
                .get(n as usize)
                .map_or(u64::MAX, |r| entry_key(r.secs));
        }
        let head = self
            .owners(d)
            .first()
            .and_then(|&p| self.name_heads.get(p as usize))
            .copied()
            .unwrap_or(0);
        person_key(head, kind)
    }

    /// The first person of a document, as a list of one (what `Entry::make_id` takes).
    fn first_person(&self, d: u32) -> &[String] {
        self.owners(d)
            .first()
            .and_then(|&p| self.people.get(p as usize))
            .map_or(&[], std::slice::from_ref)
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
        self.entries.shrink_to_fit();
        self.odd_ids.shrink_to_fit();
        self.owner_start.shrink_to_fit();
        self.owners.shrink_to_fit();
        self.name_heads.shrink_to_fit();
    }

    pub fn heap_bytes(&self) -> usize {
        self.kinds.capacity()
            + self.numbers.capacity() * 4
            + self.entries.capacity() * std::mem::size_of::<EntryRef>()
            + self
                .odd_ids
                .iter()
                .map(|i| i.capacity() + 24)
                .sum::<usize>()
            + self.name_heads.capacity() * 8
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

/// The first seven bytes of a folded name, as a number that sorts as they do.
fn name_head(name: &str) -> u64 {
    let folded = crate::fold::key(name);
    let mut head = [0u8; 8];
    let bytes = folded.as_bytes();
    let n = bytes.len().min(7);
    head[1..=n].copy_from_slice(&bytes[..n]);
    u64::from_be_bytes(head)
}

/// Names and aliases first, then the other fields of a card, then entries newest first.
/// A card's fields are grouped by the person's name (its first seven folded bytes, ties
/// sorted exactly when shown), in card order.
fn person_key(head: u64, kind: u8) -> u64 {
    // Names (0) and aliases (1) first.
    let group: u64 = if kind <= 1 { 0 } else { 1 };
    (group << 62) | (head << 6) | u64::from(kind)
}

fn entry_time(secs: i64, offset: i32) -> Option<DateTime<FixedOffset>> {
    FixedOffset::east_opt(offset)?
        .timestamp_opt(secs, 0)
        .single()
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
