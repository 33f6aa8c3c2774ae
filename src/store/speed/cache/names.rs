//! Each card's name and aliases (and whether it has an open need), kept under the card's own
//! stamp with its content hash: all a typed name needs to be resolved
//! (`Store::contact_names`), without decoding 10,000 whole records, and what a brief whose
//! helpers are kept needs to tell that no card changed (`kept_hashes_as_now`). A card whose
//! stamp differs is read again, as any cached decode is; a card changed too recently to
//! trust its stamp (the racy rule of the rest of the cache) is not kept.

use super::Cache;
use super::codec::{FileKind, Reader, Writer, frame, unframe};
use crate::name_fit::BestFit;
use crate::store::Stamp;
use crate::store::truth::disk::write_atomic_at;
use std::path::PathBuf;

/// One card's names as its file was when `stamp` was taken.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KeptName {
    pub id: String,
    pub stamp: Stamp,
    /// The content hash of the card's file as read under `stamp` (`Store::seen_hash`).
    pub hash: u64,
    /// What the ranking of helpers reads of the card (`Contact::ranked_on`).
    pub rank: u64,
    pub name: String,
    pub aliases: Vec<String>,
    /// Whether the card has a need still open: a brief by name guesses from it which way to
    /// read before the names are checked against the cards (`loads::person_or_newest`).
    pub open_need: bool,
}

/// One card's names to keep, borrowed from the card.
pub struct NamesOf<'a> {
    pub id: &'a str,
    pub stamp: Stamp,
    pub hash: u64,
    pub rank: u64,
    pub name: &'a str,
    pub aliases: &'a [String],
    pub open_need: bool,
}

impl KeptName {
    fn parts(&self) -> NamesOf<'_> {
        NamesOf {
            id: &self.id,
            stamp: self.stamp,
            hash: self.hash,
            rank: self.rank,
            name: &self.name,
            aliases: &self.aliases,
            open_need: self.open_need,
        }
    }
}

/// A card's names as kept, read in place from the file's bytes (`kept_in`): a typed name
/// is resolved on them with no string copied (`Store::person_by_name`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KeptRef<'a> {
    pub id: &'a str,
    pub stamp: Stamp,
    pub hash: u64,
    pub rank: u64,
    pub name: &'a str,
    pub aliases: Vec<&'a str>,
    pub open_need: bool,
    /// `keys_of` the name and aliases, as they were kept.
    pub keys: Vec<&'a str>,
}

impl KeptRef<'_> {
    pub fn to_owned(&self) -> KeptName {
        KeptName {
            id: self.id.to_string(),
            stamp: self.stamp,
            hash: self.hash,
            rank: self.rank,
            name: self.name.to_string(),
            aliases: self.aliases.iter().map(|a| a.to_string()).collect(),
            open_need: self.open_need,
        }
    }
}

/// The names kept in `file` (`Cache::kept_names_file`), in the order they were kept; none
/// when it does not read whole.
pub fn kept_in(file: &[u8]) -> Vec<KeptRef<'_>> {
    let read = || {
        let mut r = names_reader(file)?;
        let kept = r.items(|r| {
            Some(KeptRef {
                id: r.str()?,
                stamp: r.stamp()?,
                hash: r.fixed64()?,
                rank: r.fixed64()?,
                name: r.str()?,
                aliases: r.items(Reader::str)?,
                open_need: bool_of(r.u8()?)?,
                keys: r.items(Reader::str)?,
            })
        })?;
        r.is_done().then_some(kept)
    };
    read().unwrap_or_default()
}

/// Whom the name `best` was made for means, going by the keys kept in `file`
/// (`Cache::kept_names_file`; `name_fit::BestFit`), read in place with no list of the cards
/// made: the guess `Store::guess_by_name` makes. The id of the one card, `Some(None)` when it
/// means no one or several, `None` when the file does not read whole (nothing kept).
pub fn kept_id_by_name<'a>(file: &'a [u8], best: &mut BestFit) -> Option<Option<&'a str>> {
    let mut r = names_reader(file)?;
    let count = r.count()?;
    let mut ids = Vec::with_capacity(count);
    let mut keys = Vec::new();
    for ix in 0..count {
        ids.push(r.str()?);
        r.stamp()?;
        r.fixed64()?;
        r.fixed64()?;
        r.str_bytes()?;
        for _ in 0..r.count()? {
            r.str_bytes()?;
        }
        bool_of(r.u8()?)?;
        keys.clear();
        for _ in 0..r.count()? {
            keys.push(r.str()?);
        }
        best.offer(ix, keys.iter().copied());
    }
    r.is_done()
        .then(|| best.one().and_then(|ix| ids.get(ix).copied()))
}

/// Whether `file` keeps the names of exactly the cards `ids`, in that order, each under the
/// stamp it has now (`stamps`, one for each id): then a name means whom the file's keys say
/// (`kept_id_by_name`), as on the cards, with nothing more to decode. Read in place, without
/// a list of the names made.
pub fn kept_as_now(file: &[u8], ids: &[String], stamps: &[Option<Stamp>]) -> bool {
    kept_hashes_as_now(file, ids, stamps).is_some()
}

/// `kept_as_now`, and then each card's content hash and `ranked_on` as kept, in `ids`'
/// order: each card is as the file has it, so these are what a full load would read (and
/// make a `CardsDigest` of), from 10,000 names instead of 10,000 decoded cards. `None` when
/// not as now.
pub fn kept_hashes_as_now(
    file: &[u8],
    ids: &[String],
    stamps: &[Option<Stamp>],
) -> Option<Vec<(u64, u64)>> {
    let heads = kept_heads(file)?;
    heads_as_now(&heads, ids, stamps).then(|| {
        heads
            .iter()
            .map(|&(_, _, hash, rank)| (hash, rank))
            .collect()
    })
}

/// `kept_as_now` on the file's `kept_heads`.
pub fn heads_as_now(heads: &[KeptHead], ids: &[String], stamps: &[Option<Stamp>]) -> bool {
    heads.len() == ids.len()
        && stamps.len() == ids.len()
        && heads
            .iter()
            .zip(ids.iter().zip(stamps))
            .all(|((id, stamp, ..), (now, at))| *id == now.as_bytes() && Some(*stamp) == *at)
}

/// Whether `file` keeps the names of exactly the cards `ids`, in that order, whatever their
/// stamps: when not, no stamp need be taken to know the cards are not as kept.
pub fn kept_ids_are(file: &[u8], ids: &[String]) -> bool {
    kept_heads(file).is_some_and(|heads| {
        heads.len() == ids.len()
            && heads
                .iter()
                .zip(ids)
                .all(|((id, ..), now)| *id == now.as_bytes())
    })
}

/// Whether `file` keeps the names of just the cards `cards` (id and stamp), in that order:
/// then keeping the names of those cards again would write the same file.
#[cfg(test)]
fn kept_just<'c>(file: &[u8], cards: impl IntoIterator<Item = (&'c str, Stamp)>) -> bool {
    kept_heads(file).is_some_and(|heads| heads_just(&heads, cards))
}

/// Whether the file whose `kept_heads` these are keeps the names of just the cards `cards`
/// (id and stamp), in that order: then keeping them again would write the same file.
pub fn heads_just<'c>(
    heads: &[KeptHead],
    cards: impl IntoIterator<Item = (&'c str, Stamp)>,
) -> bool {
    let mut cards = cards.into_iter();
    let same = heads.iter().all(|(id, stamp, ..)| {
        cards
            .next()
            .is_some_and(|(now, at)| *id == now.as_bytes() && *stamp == at)
    });
    same && cards.next().is_none()
}

/// A card's id, stamp, content hash and `Contact::ranked_on` as kept, read in place.
pub type KeptHead<'a> = (&'a [u8], Stamp, u64, u64);

/// Each card's id, stamp, content hash and `ranked_on` as kept in `file`, in order, read in place; `None`
/// when the file does not read whole.
pub fn kept_heads(file: &[u8]) -> Option<Vec<KeptHead<'_>>> {
    let mut r = names_reader(file)?;
    let count = r.count()?;
    let mut heads = Vec::with_capacity(count);
    for _ in 0..count {
        heads.push((r.str_bytes()?, r.stamp()?, r.fixed64()?, r.fixed64()?));
        r.str_bytes()?;
        for _ in 0..r.count()? {
            r.str_bytes()?;
        }
        bool_of(r.u8()?)?;
        for _ in 0..r.count()? {
            r.str_bytes()?;
        }
    }
    r.is_done().then_some(heads)
}

/// A digest of every card, by id and what the ranking of helpers reads of it
/// (`Contact::ranked_on`), in a full load's order: what an answer that depends only on that
/// ranking is kept under (`cmd/cards_key.rs`). A card known only by its id (one that could
/// not be read at all) counts by its id alone.
#[derive(Default)]
pub struct CardsDigest(xxhash_rust::xxh3::Xxh3);

impl CardsDigest {
    pub fn card(&mut self, id: &str, hash: Option<u64>) {
        self.0.update(id.as_bytes());
        match hash {
            Some(hash) => self.0.update(&hash.to_le_bytes()),
            None => self.0.update(b"-"),
        }
        self.0.update(&[0]);
    }

    pub fn finish(&self) -> u64 {
        self.0.digest()
    }
}

/// The keys (`fold::key`) of a card's name and aliases, those with any word: what a name
/// typed in full equals.
pub fn keys_of(name: &str, aliases: &[String]) -> Vec<String> {
    std::iter::once(name)
        .chain(aliases.iter().map(String::as_str))
        .map(crate::fold::key)
        .filter(|k| !k.is_empty())
        .collect()
}

impl Cache {
    fn names_path(&self) -> PathBuf {
        self.root.join("contacts").join("names.bin")
    }

    /// The names kept, in the order they were kept; none when there is no such file or it
    /// does not read whole.
    #[cfg(test)]
    pub fn kept_names(&self) -> Vec<KeptName> {
        kept_in(&self.kept_names_file())
            .iter()
            .map(KeptRef::to_owned)
            .collect()
    }

    /// The bytes of the names kept (read them with `kept_in`); none when nothing is kept.
    pub fn kept_names_file(&self) -> Vec<u8> {
        self.names_file().unwrap_or_default()
    }

    /// The id of the one card whose name or alias has the key `key` (`fold::key`), and
    /// whether it had an open need, going by the names kept as they are, not checked against
    /// the cards: `None` when none or several have it, or nothing is kept. Read in place,
    /// with no list built: a brief by name guesses from it which way to read
    /// (`loads::person_or_newest`).
    pub fn kept_open_need(&self, key: &str) -> Option<(String, bool)> {
        if key.is_empty() {
            return None;
        }
        let file = std::fs::read(self.names_path()).ok()?;
        let found = open_need_in(&file, key).map(|(id, open)| (id.to_string(), open));
        // The names pass that follows reads the same file.
        *self.names_read.lock().unwrap_or_else(|p| p.into_inner()) = Some(file);
        found
    }

    /// Hold `file`, the names file as read, for the next read of it to take.
    pub fn hold_names(&self, file: Vec<u8>) {
        *self.names_read.lock().unwrap_or_else(|p| p.into_inner()) = Some(file);
    }

    /// The file's bytes: those `kept_open_need` read (or `hold_names` held), else read now.
    fn names_file(&self) -> Option<Vec<u8>> {
        let taken = self
            .names_read
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .take();
        taken.or_else(|| std::fs::read(self.names_path()).ok())
    }

    /// Keep `names`, leaving out the cards changed too recently for their stamp to say they
    /// are unchanged. A cache that cannot be written only costs the next run its reads.
    pub fn keep_names(&self, names: &[KeptName]) {
        self.keep_names_of(names.iter().map(KeptName::parts));
    }

    /// `keep_names` for names borrowed from the cards.
    pub fn keep_names_of<'a>(&self, names: impl IntoIterator<Item = NamesOf<'a>>) {
        let _ = self.write_names(&self.names_file_of(names));
    }

    /// `keep_names` for names borrowed from the cards, the file made now and written when the
    /// cache is flushed, after a command's output.
    pub fn keep_names_at_flush<'a>(&self, names: impl IntoIterator<Item = NamesOf<'a>>) {
        let file = self.names_file_of(names);
        self.pending().names = Some(file);
    }

    /// The names file for `names`, those changed too recently left out.
    fn names_file_of<'a>(&self, names: impl IntoIterator<Item = NamesOf<'a>>) -> Vec<u8> {
        let settled = self.now_settled();
        let kept: Vec<NamesOf> = names
            .into_iter()
            .filter(|k| settled(super::changed_at(&k.stamp)))
            .collect();
        let mut w = Writer::default();
        w.u64(u64::from(crate::fold::VERSION));
        w.usize(kept.len());
        for k in kept {
            w.str(k.id);
            w.stamp(&k.stamp);
            w.fixed64(k.hash);
            w.fixed64(k.rank);
            w.str(k.name);
            w.strs(k.aliases);
            w.u8(u8::from(k.open_need));
            w.strs(&keys_of(k.name, k.aliases));
        }
        frame(FileKind::Names, &w.buf)
    }

    /// Whether it was written.
    pub(super) fn write_names(&self, file: &[u8]) -> bool {
        // What was read before is not what is kept now.
        *self.names_read.lock().unwrap_or_else(|p| p.into_inner()) = None;
        let written = write_atomic_at(&self.names_path(), file).is_ok();
        if written {
            self.written
                .fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        }
        written
    }
}

/// `Cache::kept_open_need` on the file's bytes.
fn open_need_in<'a>(file: &'a [u8], key: &str) -> Option<(&'a str, bool)> {
    let mut r = names_reader(file)?;
    let mut found = None;
    for _ in 0..r.count()? {
        let id = r.str()?;
        r.stamp()?;
        r.fixed64()?;
        r.fixed64()?;
        r.str_bytes()?;
        for _ in 0..r.count()? {
            r.str_bytes()?;
        }
        let open_need = bool_of(r.u8()?)?;
        let mut fits = false;
        for _ in 0..r.count()? {
            fits |= r.str()? == key;
        }
        if fits {
            if found.is_some() {
                return None;
            }
            found = Some((id, open_need));
        }
    }
    r.is_done().then_some(found)?
}

/// A reader of `file`'s names, past the version of the fold their keys were made with; none
/// when that is not this rolo's fold (`fold::VERSION`) or the file is not whole.
fn names_reader(file: &[u8]) -> Option<Reader<'_>> {
    let mut r = Reader::new(unframe(FileKind::Names, file)?);
    (r.u64()? == u64::from(crate::fold::VERSION)).then_some(r)
}

fn bool_of(b: u8) -> Option<bool> {
    match b {
        0 => Some(false),
        1 => Some(true),
        _ => None,
    }
}

#[cfg(test)]
mod tests;
