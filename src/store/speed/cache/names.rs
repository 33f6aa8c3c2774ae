//! Each card's name and aliases (and whether it has an open need), kept under the card's own stamp: all a typed name needs to
//! be resolved (`Store::contact_names`), without decoding 10,000 whole records. A card whose
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
    pub name: String,
    pub aliases: Vec<String>,
    /// Whether the card has a need still open: a brief by name guesses from it which way to
    /// read before the names are checked against the cards (`loads::person_or_newest`).
    pub open_need: bool,
}

/// A card's names as kept, read in place from the file's bytes (`kept_in`): a typed name
/// is resolved on them with no string copied (`Store::person_by_name`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KeptRef<'a> {
    pub id: &'a str,
    pub stamp: Stamp,
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
    let check = || {
        let mut r = names_reader(file)?;
        if r.count()? != ids.len() || stamps.len() != ids.len() {
            return Some(false);
        }
        for (id, stamp) in ids.iter().zip(stamps) {
            if r.str_bytes()? != id.as_bytes() || Some(r.stamp()?) != *stamp {
                return Some(false);
            }
            r.str_bytes()?;
            for _ in 0..r.count()? {
                r.str_bytes()?;
            }
            bool_of(r.u8()?)?;
            for _ in 0..r.count()? {
                r.str_bytes()?;
            }
        }
        Some(r.is_done())
    };
    check().unwrap_or(false)
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

    /// The file's bytes: those `kept_open_need` read, else read now.
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
        // What was read before is not what is kept now.
        *self.names_read.lock().unwrap_or_else(|p| p.into_inner()) = None;
        let settled = self.now_settled();
        let kept: Vec<&KeptName> = names
            .iter()
            .filter(|k| settled(super::changed_at(&k.stamp)))
            .collect();
        let mut w = Writer::default();
        w.u64(u64::from(crate::fold::VERSION));
        w.usize(kept.len());
        for k in kept {
            w.str(&k.id);
            w.stamp(&k.stamp);
            w.str(&k.name);
            w.strs(&k.aliases);
            w.u8(u8::from(k.open_need));
            w.strs(&keys_of(&k.name, &k.aliases));
        }
        if write_atomic_at(&self.names_path(), &frame(FileKind::Names, &w.buf)).is_ok() {
            self.written
                .fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        }
    }
}

/// `Cache::kept_open_need` on the file's bytes.
fn open_need_in<'a>(file: &'a [u8], key: &str) -> Option<(&'a str, bool)> {
    let mut r = names_reader(file)?;
    let mut found = None;
    for _ in 0..r.count()? {
        let id = r.str()?;
        r.stamp()?;
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
mod tests {
    use super::*;

    fn kept(id: &str, mtime_ns: i64) -> KeptName {
        KeptName {
            id: id.to_string(),
            stamp: Stamp {
                size: 40,
                mtime_ns,
                ctime_ns: mtime_ns,
                inode: 9,
                device: 1,
            },
            name: format!("{id} Zoë Müller"),
            aliases: vec!["Z".to_string(), "Мюллер".to_string()],
            open_need: mtime_ns % 2 == 0,
        }
    }

    #[test]
    fn names_come_back_as_kept_and_a_damaged_file_is_none() {
        let dir = tempfile::tempdir().unwrap();
        let cache = Cache::new(dir.path());
        assert_eq!(cache.kept_names(), Vec::new());
        let names = vec![kept("zoe", 1_000), kept("ada", 2_000)];
        cache.keep_names(&names);
        assert_eq!(cache.kept_names(), names);
        let file = std::fs::read(cache.names_path()).unwrap();
        std::fs::write(cache.names_path(), &file[..file.len() - 1]).unwrap();
        assert_eq!(cache.kept_names(), Vec::new());
        std::fs::write(cache.names_path(), b"scribbled").unwrap();
        assert_eq!(cache.kept_names(), Vec::new());
    }

    /// A brief by name reads the file once: the guess's read is what the names pass takes
    /// (shown here by removing the file between them), and only once; keeping new names
    /// drops it.
    #[test]
    fn the_guess_and_the_names_pass_read_the_file_once() {
        let dir = tempfile::tempdir().unwrap();
        let cache = Cache::new(dir.path());
        let names = vec![kept("zoe", 1_000), kept("ada", 2_000)];
        cache.keep_names(&names);
        assert_eq!(cache.kept_open_need("z"), None, "both have the alias Z");
        std::fs::remove_file(cache.names_path()).unwrap();
        assert_eq!(cache.kept_names(), names, "from the guess's read");
        assert_eq!(cache.kept_names(), Vec::new(), "taken once");
        cache.keep_names(&names);
        assert_eq!(
            cache.kept_open_need("ada zoe muller"),
            Some(("ada".to_string(), true))
        );
        cache.keep_names(&names[..1]);
        assert_eq!(
            cache.kept_names(),
            names[..1].to_vec(),
            "what was kept last"
        );
    }

    /// Only the very cards kept, in the order kept, each under the stamp kept, are as kept.
    #[test]
    fn names_are_as_now_only_for_the_same_cards_in_order_and_stamps() {
        let dir = tempfile::tempdir().unwrap();
        let cache = Cache::new(dir.path());
        let names = vec![kept("ada", 1_000), kept("zoe", 2_000)];
        cache.keep_names(&names);
        let file = cache.kept_names_file();
        let ids = |list: &[&str]| list.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        let stamps = |list: &[&KeptName]| list.iter().map(|k| Some(k.stamp)).collect::<Vec<_>>();
        let (ada, zoe) = (&names[0], &names[1]);
        assert!(kept_as_now(
            &file,
            &ids(&["ada", "zoe"]),
            &stamps(&[ada, zoe])
        ));
        let edited = kept("zoe", 3_000);
        assert!(!kept_as_now(
            &file,
            &ids(&["ada", "zoe"]),
            &stamps(&[ada, &edited])
        ));
        assert!(!kept_as_now(
            &file,
            &ids(&["ada", "zoe"]),
            &[Some(ada.stamp), None]
        ));
        assert!(!kept_as_now(
            &file,
            &ids(&["ada", "bob"]),
            &stamps(&[ada, zoe])
        ));
        assert!(!kept_as_now(
            &file,
            &ids(&["zoe", "ada"]),
            &stamps(&[zoe, ada])
        ));
        assert!(!kept_as_now(&file, &ids(&["ada"]), &stamps(&[ada])));
        let three = ids(&["ada", "zoe", "bob"]);
        assert!(!kept_as_now(&file, &three, &stamps(&[ada, zoe, zoe])));
        assert!(!kept_as_now(
            &file[..file.len() - 1],
            &ids(&["ada", "zoe"]),
            &stamps(&[ada, zoe])
        ));
        assert!(!kept_as_now(&[], &[], &[]), "nothing kept is not as now");
    }

    #[test]
    fn a_card_changed_just_now_is_not_kept() {
        let dir = tempfile::tempdir().unwrap();
        let (cache, now) = super::super::settling_an_hour(dir.path());
        cache.keep_names(&[kept("new", now), kept("old", 1_000)]);
        assert_eq!(cache.kept_names(), vec![kept("old", 1_000)]);
    }

    /// Keys folded by another version of the fold are not this rolo's keys: the file reads
    /// as if nothing were kept, for the names pass, its guess and the open-need guess.
    #[test]
    fn names_kept_by_another_fold_read_as_none() {
        let dir = tempfile::tempdir().unwrap();
        let cache = Cache::new(dir.path());
        let names = vec![kept("zoe", 1_000)];
        cache.keep_names(&names);
        let file = std::fs::read(cache.names_path()).unwrap();
        let mut payload = unframe(FileKind::Names, &file).unwrap().to_vec();
        let best = || BestFit::new("zoe zoe muller").unwrap();
        assert_eq!(kept_id_by_name(&file, &mut best()), Some(Some("zoe")));
        assert_eq!(payload[0], 1, "the fold's version comes first");
        payload[0] = 2;
        let other = frame(FileKind::Names, &payload);
        std::fs::write(cache.names_path(), &other).unwrap();
        assert_eq!(cache.kept_names(), Vec::new());
        assert_eq!(kept_in(&other), Vec::new());
        assert_eq!(kept_id_by_name(&other, &mut best()), None);
        assert_eq!(cache.kept_open_need("zoe zoe muller"), None);
    }
}
