//! The search index as the journal changes under it. A full build reads every card and entry
//! (a large journal: on its own thread, while rolo goes on answering keys); after that each
//! change is redone in a small overlay: the months and people that changed are read again
//! from the journal, and their documents in the full build are set aside. The overlay grows
//! with every change until a full build in the background takes it in.

use super::answer;
use super::bits::Bits;
use super::corpus::Corpus;
use super::place::Place;
use super::segment::{Builder, Segment};
use super::words::query_words;
use crate::journal::{Change, Journal, Month};
use chrono::{DateTime, FixedOffset};
use std::collections::BTreeSet;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{self, Receiver, TryRecvError};

/// Up to this many documents (cards' fields and entries) a build is done at once: a few
/// milliseconds. Beyond, it goes to a thread.
pub const INLINE_DOCS: usize = 20_000;

/// Entries, and people, copied out of the journal per call for a build on a thread: a few
/// milliseconds each.
const COPY_ENTRIES: usize = 20_000;
const COPY_PEOPLE: usize = 2_000;

/// An overlay past this many documents is folded into a new full build (in the background).
const OVERLAY_DOCS: usize = 40_000;

/// How far a search's answer can be trusted.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Readiness {
    /// Everything loaded is indexed.
    Ready,
    /// Nothing is indexed yet: no answer.
    Indexing,
    /// An index is being rebuilt (older months came in, many files changed): the answer is
    /// from before, and may miss some.
    Partial,
    /// Everything loaded is indexed, but older months are still loading.
    OlderMonths,
}

/// One hit: whose it is and where.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hit {
    /// The person the hit is about (for an entry, the one whose name the query named, or the
    /// first in it); `None` for an entry with no one who has a card.
    pub person: Option<String>,
    pub place: Place,
}

/// What a search found.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Found {
    /// The best first, up to the limit asked for.
    pub hits: Vec<Hit>,
    /// How many there are in all.
    pub total: usize,
    /// How many of those are names or aliases (which the contact filter shows already).
    pub names: usize,
    /// The query's folded words, for highlighting.
    pub words: Vec<String>,
    pub readiness: Option<Readiness>,
}

struct Base {
    seg: Segment,
    /// Documents redone in the overlay (or gone).
    dead: Bits,
}

struct Building {
    rx: Receiver<Segment>,
    revision: u64,
}

/// A large journal is copied for its build a piece at a time, so no key waits for all of it,
/// and each piece goes to the build's thread as soon as it is copied, so no copy of all the
/// journal's texts is ever held. Its people are copied by the ids they had when the copy
/// began, its entries in time order from where the last piece ended: a person or an entry
/// added or removed meanwhile moves nothing still to copy, and is redone after the build
/// anyway (it is a change).
struct Copying {
    pieces: mpsc::Sender<Corpus>,
    built: Receiver<Segment>,
    /// Set when the copy is given up: the thread stops reading and builds nothing.
    cancelled: Arc<AtomicBool>,
    revision: u64,
    /// The people still to copy, last first.
    people: Vec<String>,
    /// The last entry copied.
    after: Option<(DateTime<FixedOffset>, String)>,
}

/// The index and its builds. Derived data: a copy starts over (and builds again on first
/// use), and two are always equal, so the state that holds one stays plain data.
pub struct Finder {
    base: Option<Base>,
    overlay: Option<Segment>,
    months: BTreeSet<Month>,
    people: BTreeSet<String>,
    /// The journal revision that `base` and `overlay` show.
    applied: u64,
    /// The base misses a change too large for the overlay; a build is on its way.
    stale: bool,
    copying: Option<Copying>,
    building: Option<Building>,
    inline_up_to: usize,
    /// People and entries copied per call (`COPY_PEOPLE`, `COPY_ENTRIES`; smaller in tests).
    piece: (usize, usize),
    /// Moves on whenever what a search would find may have changed.
    generation: u64,
}

impl Default for Finder {
    fn default() -> Self {
        Finder::with_inline_limit(INLINE_DOCS)
    }
}

impl Clone for Finder {
    fn clone(&self) -> Self {
        Finder::with_inline_limit(self.inline_up_to)
    }
}

impl PartialEq for Finder {
    fn eq(&self, _: &Self) -> bool {
        true
    }
}

impl std::fmt::Debug for Finder {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Finder")
            .field("docs", &self.docs())
            .field("copying", &self.copying.is_some())
            .field("building", &self.building.is_some())
            .finish()
    }
}

impl Finder {
    /// Builds a large journal on a thread.
    pub fn new() -> Finder {
        Finder::default()
    }

    /// Builds at once however large (the command line, which has nothing else to do).
    pub fn inline() -> Finder {
        Finder::with_inline_limit(usize::MAX)
    }

    /// Builds of more than `docs` documents go to a thread (0: always).
    pub fn with_inline_limit(docs: usize) -> Finder {
        Finder {
            base: None,
            overlay: None,
            months: BTreeSet::new(),
            people: BTreeSet::new(),
            applied: 0,
            stale: false,
            copying: None,
            building: None,
            inline_up_to: docs,
            piece: (COPY_PEOPLE, COPY_ENTRIES),
            generation: 0,
        }
    }

    /// Copies of `people` people and `entries` entries a call (to test pieces in a small
    /// journal).
    #[cfg(test)]
    pub fn in_pieces(people: usize, entries: usize) -> Finder {
        Finder {
            piece: (people.max(1), entries.max(1)),
            ..Finder::with_inline_limit(0)
        }
    }

    /// Documents indexed.
    pub fn docs(&self) -> usize {
        self.base.as_ref().map_or(0, |b| b.seg.len())
            + self.overlay.as_ref().map_or(0, Segment::len)
    }

    pub fn generation(&self) -> u64 {
        self.generation
    }

    /// Memory the index holds, in bytes.
    pub fn heap_bytes(&self) -> usize {
        self.base
            .as_ref()
            .map_or(0, |b| b.seg.heap_bytes() + b.dead.heap_bytes())
            + self.overlay.as_ref().map_or(0, Segment::heap_bytes)
    }

    /// `Segment::heap_parts` of the full build, for measuring.
    pub fn heap_parts(&self) -> [usize; 4] {
        self.base.as_ref().map_or([0; 4], |b| b.seg.heap_parts())
    }

    pub fn readiness(&self, journal: &Journal) -> Readiness {
        if self.base.is_none() {
            Readiness::Indexing
        } else if self.stale {
            Readiness::Partial
        } else if journal.is_loading_older() {
            Readiness::OlderMonths
        } else {
            Readiness::Ready
        }
    }

    /// Catch up with the journal: take in a build that finished, redo what changed, start a
    /// build when one is needed. Cheap when nothing changed.
    pub fn sync(&mut self, journal: &Journal) {
        if let Some(b) = &self.building {
            match b.rx.try_recv() {
                Ok(seg) => {
                    let revision = b.revision;
                    self.building = None;
                    self.adopt(seg, revision);
                }
                Err(TryRecvError::Empty) => {}
                Err(TryRecvError::Disconnected) => {
                    // The build thread died (out of memory, say): build here instead.
                    self.building = None;
                    self.inline_up_to = usize::MAX;
                }
            }
        }
        if self.copying.is_some() {
            self.copy_more(journal);
        }
        if self.base.is_none() {
            // A large journal whose older months are still being read is built once, with
            // them: building the newest months first would read most of them twice.
            let waits = journal.is_loading_older() && size_of(journal) > self.inline_up_to;
            if self.copying.is_none() && self.building.is_none() && !waits {
                self.start_build(journal);
            }
            return;
        }
        if self.applied == journal.revision() {
            return;
        }
        match journal.changes_since(self.applied) {
            Some(changes) if !changes.contains(&Change::Everything) => {
                self.redo(journal, changes);
                self.applied = journal.revision();
                let big = self
                    .overlay
                    .as_ref()
                    .is_some_and(|o| o.len() > OVERLAY_DOCS);
                if big && self.copying.is_none() && self.building.is_none() {
                    self.start_build(journal);
                }
            }
            _ => {
                self.stale = true;
                self.generation += 1;
                if self.copying.is_none() && self.building.is_none() {
                    self.start_build(journal);
                }
            }
        }
    }

    /// Wait for a build on its way (benchmarks and tests), then catch up.
    pub fn wait(&mut self, journal: &Journal) {
        self.sync(journal);
        while self.copying.is_some() {
            self.copy_more(journal);
        }
        if let Some(b) = self.building.take() {
            match b.rx.recv() {
                Ok(seg) => self.adopt(seg, b.revision),
                Err(_) => self.inline_up_to = usize::MAX,
            }
        }
        self.sync(journal);
    }

    fn start_build(&mut self, journal: &Journal) {
        let revision = journal.revision();
        if size_of(journal) <= self.inline_up_to {
            return self.adopt(build_here(journal), revision);
        }
        let (pieces, incoming) = mpsc::channel::<Corpus>();
        let (done, built) = mpsc::channel();
        let cancelled = Arc::new(AtomicBool::new(false));
        let stop = Arc::clone(&cancelled);
        let spawned = std::thread::Builder::new()
            .name("rolo-search-index".into())
            .spawn(move || {
                let mut builder = Builder::default();
                for piece in incoming {
                    if stop.load(Ordering::Relaxed) {
                        return;
                    }
                    builder.add(piece);
                }
                if !stop.load(Ordering::Relaxed) {
                    // The receiver is gone only when rolo no longer needs the index.
                    let _ = done.send(builder.finish());
                }
            });
        if spawned.is_err() {
            // No thread to be had: build here.
            self.inline_up_to = usize::MAX;
            return self.start_build(journal);
        }
        self.copying = Some(Copying {
            pieces,
            built,
            cancelled,
            revision,
            people: journal
                .contacts()
                .iter()
                .rev()
                .map(|c| c.id.clone())
                .collect(),
            after: None,
        });
        self.copy_more(journal);
    }

    /// The next piece of a copy under way, handed to the build's thread; after the last, the
    /// build is waited for (without waiting).
    fn copy_more(&mut self, journal: &Journal) {
        let Some(c) = self.copying.as_mut() else {
            return;
        };
        // Something that touches everything happened since the copy began: begin again.
        let overtaken = journal
            .changes_since(c.revision)
            .is_none_or(|changes| changes.contains(&Change::Everything));
        if overtaken {
            c.cancelled.store(true, Ordering::Relaxed);
            self.copying = None;
            return self.start_build(journal);
        }
        let mut piece = Corpus::default();
        let mut last = false;
        if !c.people.is_empty() {
            for _ in 0..self.piece.0 {
                let Some(id) = c.people.pop() else { break };
                if let Some(person) = journal.by_id(&id) {
                    piece.add_contact(person);
                }
            }
        } else {
            let rest = journal.entries_after(c.after.as_ref().map(|(at, id)| (*at, id.as_str())));
            let part = &rest[..rest.len().min(self.piece.1)];
            piece.add_entries(part);
            if let Some(e) = part.last() {
                c.after = Some((e.at, e.id.clone()));
            }
            last = part.len() == rest.len();
        }
        if c.pieces.send(piece).is_err() {
            // The build's thread is gone (out of memory, say): build here instead.
            self.copying = None;
            self.inline_up_to = usize::MAX;
            return;
        }
        // The last piece: the sender goes with the rest, so the thread finishes the build.
        if last && let Some(done) = self.copying.take() {
            let Copying {
                built, revision, ..
            } = done;
            self.building = Some(Building {
                rx: built,
                revision,
            });
        }
    }

    /// A full build becomes the base; the overlay starts over.
    fn adopt(&mut self, seg: Segment, revision: u64) {
        self.base = Some(Base {
            dead: Bits::new(seg.len()),
            seg,
        });
        self.overlay = None;
        self.months.clear();
        self.people.clear();
        self.applied = revision;
        self.stale = false;
        self.generation += 1;
    }

    /// Redo the months and people that changed: set them aside in the base and read them
    /// again into the overlay.
    fn redo(&mut self, journal: &Journal, changes: Vec<Change>) {
        let Some(base) = self.base.as_mut() else {
            return;
        };
        for change in changes {
            match change {
                Change::Month(m) => {
                    if self.months.insert(m) {
                        base.seg
                            .docs
                            .month(m)
                            .iter()
                            .for_each(|&d| base.dead.insert(d));
                    }
                }
                Change::Contact(id) => {
                    if let Some(p) = base.seg.docs.person_ix(&id) {
                        let fields: Vec<u32> = base.seg.fields_of(p).collect();
                        fields.into_iter().for_each(|d| base.dead.insert(d));
                    }
                    self.people.insert(id);
                }
                Change::Everything => {}
            }
        }
        let mut corpus = Corpus::default();
        for id in &self.people {
            if let Some(c) = journal.by_id(id) {
                corpus.add_contact(c);
            }
        }
        for &m in &self.months {
            journal
                .entries_in_month(m)
                .for_each(|e| corpus.add_entries(std::slice::from_ref(e)));
        }
        self.overlay = Some(Segment::build(corpus));
        self.generation += 1;
    }

    /// Everything that has every word of `query` (a word of a name may stand for the whole
    /// person), best first, at most `limit`; only `person`'s when given (a contact id).
    pub fn search(
        &mut self,
        journal: &Journal,
        query: &str,
        limit: usize,
        person: Option<&str>,
    ) -> Found {
        self.sync(journal);
        let words = query_words(query);
        let readiness = Some(self.readiness(journal));
        let Some(base) = self.base.as_ref().filter(|_| !words.is_empty()) else {
            return Found {
                words,
                readiness,
                ..Found::default()
            };
        };
        let segs: Vec<(&Segment, Option<&Bits>)> = std::iter::once((&base.seg, Some(&base.dead)))
            .chain(self.overlay.iter().map(|o| (o, None)))
            .collect();
        Found {
            readiness,
            ..answer::found(journal, &segs, words, limit, person)
        }
    }
}

/// The whole journal built at once, copied a piece at a time all the same: the command line
/// on a large journal never holds a copy of all its texts.
fn build_here(journal: &Journal) -> Segment {
    let mut builder = Builder::default();
    for people in journal.contacts().chunks(COPY_PEOPLE) {
        let mut piece = Corpus::default();
        people.iter().for_each(|c| piece.add_contact(c));
        builder.add(piece);
    }
    for entries in journal.entries_after(None).chunks(COPY_ENTRIES) {
        let mut piece = Corpus::default();
        piece.add_entries(entries);
        builder.add(piece);
    }
    builder.finish()
}

/// About how many documents the journal makes (a card makes several).
fn size_of(journal: &Journal) -> usize {
    journal.entry_count() + journal.contacts().len() * 8
}
