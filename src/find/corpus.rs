//! What an index is built from, copied out of the journal: the texts and ids, and per
//! document its place, its people and its time, as plain bytes and numbers. This copy is the
//! only part of a build done on the UI thread, so it does nothing but copy (no hashing, no
//! folding); the rest is done from it on the build's own thread (`Docs::from_corpus`,
//! `Segment::build`). Text goes into pieces of about a megabyte, so no copy ever grows a
//! buffer of tens of megabytes (which copies all of it, at once, on the UI thread).

use super::place::{Place, contact_fields, push_entry_text};
use crate::model::{Contact, Entry};

pub const ENTRY: u8 = 12;

/// Bytes per piece of text.
const PIECE: usize = 1 << 20;

/// Where some text is: a piece, and bytes in it.
#[derive(Debug, Clone, Copy, Default)]
pub struct Span {
    piece: u32,
    start: u32,
    end: u32,
}

/// One document as copied.
#[derive(Debug, Clone, Copy)]
pub struct Raw {
    /// `Place::order`; `ENTRY` for an entry.
    pub kind: u8,
    /// The field's number (an alias's index, a need's id...); unused for entries.
    pub number: u32,
    pub text: Span,
    /// Its people: `Corpus::owners[owners.0..owners.1]`, each the span of an id.
    pub owners: (u32, u32),
    /// An entry's time (seconds, offset in seconds) and id.
    pub entry: Option<(i64, i32, Span)>,
}

#[derive(Debug, Default)]
pub struct Corpus {
    pieces: Vec<String>,
    owners: Vec<Span>,
    pub docs: Vec<Raw>,
}

impl Corpus {
    /// Copy `text`; where it went.
    fn push(&mut self, text: &str) -> Span {
        let fits = self
            .pieces
            .last()
            .is_some_and(|p| p.len() + text.len() <= p.capacity());
        if !fits {
            self.pieces
                .push(String::with_capacity(PIECE.max(text.len())));
        }
        let piece = self.pieces.len() - 1;
        let p = &mut self.pieces[piece];
        let start = p.len();
        p.push_str(text);
        span(piece, start, p.len())
    }

    pub fn add_contact(&mut self, person: &Contact) {
        let id = self.push(&person.id);
        self.owners.push(id);
        let n = self.owners.len() as u32;
        for (place, text) in contact_fields(person) {
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
            let text = self.push(&text);
            self.docs.push(Raw {
                kind: place.order(),
                number,
                text,
                owners: (n - 1, n),
                entry: None,
            });
        }
    }

    pub fn add_entries(&mut self, entries: &[Entry]) {
        self.docs.reserve(entries.len());
        let mut text = String::new();
        for e in entries {
            let id = self.push(&e.id);
            let first = self.owners.len() as u32;
            for who in &e.with {
                let range = self.push(who);
                self.owners.push(range);
            }
            text.clear();
            push_entry_text(e, &mut text);
            let text = self.push(&text);
            self.docs.push(Raw {
                kind: ENTRY,
                number: 0,
                text,
                owners: (first, self.owners.len() as u32),
                entry: Some((e.at.timestamp(), e.at.offset().local_minus_utc(), id)),
            });
        }
    }

    pub fn len(&self) -> usize {
        self.docs.len()
    }

    pub fn str_at(&self, s: Span) -> &str {
        self.pieces
            .get(s.piece as usize)
            .and_then(|p| p.get(s.start as usize..s.end as usize))
            .unwrap_or("")
    }

    pub fn text_of(&self, raw: &Raw) -> &str {
        self.str_at(raw.text)
    }

    /// The ids of a document's people.
    pub fn owners_of(&self, raw: &Raw) -> impl Iterator<Item = &str> {
        self.owners
            .get(raw.owners.0 as usize..raw.owners.1 as usize)
            .unwrap_or(&[])
            .iter()
            .map(|&s| self.str_at(s))
    }
}

/// A span; a text beyond 4 GB in one piece cannot happen (pieces are a megabyte, or one text).
fn span(piece: usize, start: usize, end: usize) -> Span {
    let n = |x: usize| u32::try_from(x).unwrap_or(u32::MAX);
    Span {
        piece: n(piece),
        start: n(start),
        end: n(end),
    }
}
