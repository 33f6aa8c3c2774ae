//! The documents of a segment: one per field of a card and one per entry, each with its
//! place, the people it belongs to and the key it is listed by. Texts are not kept: a hit's
//! text is read from the journal when it is shown (see `place::text_at`), which halves the
//! memory the index takes.

use super::bits::Bits;
use super::place::{Place, contact_fields, entry_text};
use crate::fasthash::FastMap;
use crate::journal::Month;
use crate::model::{Contact, Entry};
use chrono::{DateTime, FixedOffset, TimeZone};

/// An entry's place, small: its time (seconds and offset) and its id in `Docs::ids`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct EntryRef {
    secs: i64,
    offset: i32,
    id: (u32, u32),
}

const ENTRY: u8 = 12;

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

    fn person(&mut self, id: &str) -> u32 {
        if let Some(&p) = self.person_ix.get(id) {
            return p;
        }
        let p = u32::try_from(self.people.len()).unwrap_or(u32::MAX);
        self.people.push(id.to_string());
        self.person_ix.insert(id.to_string(), p);
        p
    }

    fn push(&mut self, kind: u8, number: u32, key: u64, owners: &[&str]) -> u32 {
        let d = u32::try_from(self.kinds.len()).unwrap_or(u32::MAX);
        if self.owner_start.is_empty() {
            self.owner_start.push(0);
        }
        self.kinds.push(kind);
        self.numbers.push(number);
        self.keys.push(key);
        for id in owners {
            let p = self.person(id);
            if !self.owners[self.owner_start[d as usize] as usize..].contains(&p) {
                self.owners.push(p);
            }
        }
        self.owner_start
            .push(u32::try_from(self.owners.len()).unwrap_or(u32::MAX));
        d
    }

    /// A document for each field of the card, with its text handed to `text`.
    pub fn add_contact(&mut self, c: &Contact, mut text: impl FnMut(u32, &str)) {
        let name = crate::fold::key(&c.name);
        for (place, t) in contact_fields(c) {
            let number = match place {
                Place::Alias(n)
                | Place::Tag(n)
                | Place::Email(n)
                | Place::Phone(n)
                | Place::CanHelp(n)
                | Place::Need(n)
                | Place::Promise(n) => n,
                _ => 0,
            };
            let key = person_key(&name, &place);
            let d = self.push(place.order(), number, key, &[c.id.as_str()]);
            text(d, &t);
        }
    }

    pub fn add_entry(&mut self, e: &Entry, mut text: impl FnMut(u32, &str)) {
        let start = u32::try_from(self.ids.len()).unwrap_or(u32::MAX);
        self.ids.push_str(&e.id);
        let r = EntryRef {
            secs: e.at.timestamp(),
            offset: e.at.offset().local_minus_utc(),
            id: (start, u32::try_from(e.id.len()).unwrap_or(0)),
        };
        let number = u32::try_from(self.entries.len()).unwrap_or(u32::MAX);
        self.entries.push(r);
        let owners: Vec<&str> = e.with.iter().map(String::as_str).collect();
        let d = self.push(ENTRY, number, entry_key(r.secs), &owners);
        self.months.entry(e.month()).or_default().push(d);
        text(d, &entry_text(e));
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
fn person_key(folded_name: &str, place: &Place) -> u64 {
    let group: u64 = if place.is_name() { 0 } else { 1 };
    let mut head = [0u8; 8];
    let bytes = folded_name.as_bytes();
    let n = bytes.len().min(7);
    head[1..=n].copy_from_slice(&bytes[..n]);
    let name = u64::from_be_bytes(head);
    (group << 62) | (name << 6) | u64::from(place.order())
}

fn entry_key(secs: i64) -> u64 {
    // Seconds from 1900 to 2200 fit in 35 bits; newer entries get smaller keys.
    let shifted = (secs + (1i64 << 40)).clamp(0, (1i64 << 61) - 1) as u64;
    (2u64 << 62) | ((1u64 << 61) - shifted)
}
