//! One cache file per month. The touches (id, when, with) come first, each with the length of
//! its body, and the bodies (kind, texts, places) after them, so `rolo list` can read who and
//! when without decoding a single note, and one person's entries decode only their bodies.

use super::codec::{FileKind, HEADER, Reader, Writer, frame, unframe};
use super::records;
use crate::fasthash::FastMap;
use crate::model::Entry;
use crate::store::speed::touch::Touch;
use crate::store::truth::file_text::content_hash;
use crate::store::truth::gather::MonthLocs;
use crate::store::{LocatedEntry, Month, Stamp};
use chrono::NaiveDate;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

pub fn month_path(root: &Path, (year, month): Month) -> PathBuf {
    root.join("journal")
        .join(format!("{year:04}-{month:02}.bin"))
}

/// `2026-11.bin` -> (2026, 11); anything else (a temp file) is not a month's cache.
pub fn month_of_cache_file(name: &str) -> Option<Month> {
    let (y, m) = name.strip_suffix(".bin")?.split_once('-')?;
    if y.len() != 4 || m.len() != 2 {
        return None;
    }
    Some((y.parse().ok()?, m.parse().ok()?))
}

/// What decides how an `at` written without an offset reads: the TZ variable and the zone
/// files it or `/etc/localtime` names. A month cached under another zone is not used.
pub(super) fn zone() -> u64 {
    static ZONE: OnceLock<u64> = OnceLock::new();
    *ZONE.get_or_init(|| {
        let tz = std::env::var("TZ").unwrap_or_default();
        let mut seen = Vec::from(tz.as_bytes());
        seen.push(0);
        let name = tz.trim_start_matches(':');
        let mut files = vec![PathBuf::from("/etc/localtime")];
        if !name.is_empty() && !name.contains("..") {
            let zoneinfo = std::env::var("TZDIR").unwrap_or("/usr/share/zoneinfo".into());
            files.push(Path::new(&zoneinfo).join(name));
        }
        for file in files {
            seen.extend(std::fs::read(file).unwrap_or_default());
            seen.push(0);
        }
        content_hash(&seen)
    })
}

/// The cache file for a month as decoded from a file with this stamp and content hash.
pub fn encode(stamp: &Stamp, hash: u64, entries: &[LocatedEntry]) -> Vec<u8> {
    let (mut touches, mut bodies) = (Writer::default(), Writer::default());
    for l in entries {
        let start = bodies.buf.len();
        records::put_body(&mut bodies, l);
        records::put_touch(&mut touches, &l.entry);
        touches.usize(bodies.buf.len() - start);
    }
    let mut w = Writer::default();
    w.fixed64(zone());
    w.stamp(stamp);
    w.fixed64(hash);
    w.usize(entries.len());
    w.usize(touches.buf.len());
    w.buf.extend_from_slice(&touches.buf);
    w.buf.extend_from_slice(&bodies.buf);
    frame(FileKind::Month, &w.buf)
}

/// A month's cache file, checked against the stamp of the month file it stands for.
pub struct Cached {
    /// The whole file; `touches` and the bodies after it index into it.
    file: Vec<u8>,
    pub hash: u64,
    count: usize,
    touches: std::ops::Range<usize>,
}

impl Cached {
    /// `None` when there is no usable cache for the month as it is now.
    pub fn read(path: &Path, stamp: &Stamp) -> Option<Cached> {
        Cached::parse(std::fs::read(path).ok()?, stamp)
    }

    pub fn parse(file: Vec<u8>, stamp: &Stamp) -> Option<Cached> {
        let mut r = Reader::new(unframe(FileKind::Month, &file)?);
        if r.fixed64()? != zone() || r.stamp()? != *stamp {
            return None;
        }
        let hash = r.fixed64()?;
        let count = r.count()?;
        let len = r.usize()?;
        let start = r.pos();
        r.take(len)?;
        let touches = HEADER + start..HEADER + r.pos();
        Some(Cached {
            hash,
            count,
            touches,
            file,
        })
    }

    /// Each touch with the length of its body, in file order.
    fn each(&self) -> Option<(Vec<(Touch, usize)>, Reader<'_>)> {
        let mut r = Reader::new(self.file.get(self.touches.clone())?);
        let mut all = Vec::with_capacity(self.count);
        for _ in 0..self.count {
            let touch = records::get_touch(&mut r)?;
            all.push((touch, r.usize()?));
        }
        let bodies = Reader::new(self.file.get(self.touches.end..)?);
        r.is_done().then_some((all, bodies))
    }

    pub fn touches(&self) -> Option<Vec<Touch>> {
        let (all, mut bodies) = self.each()?;
        let total = all
            .iter()
            .try_fold(0usize, |sum, (_, n)| sum.checked_add(*n))?;
        bodies.take(total)?;
        bodies
            .is_done()
            .then(|| all.into_iter().map(|(t, _)| t).collect())
    }

    /// The last day each person named in the month was seen, without decoding an entry.
    pub fn last_days(&self) -> Option<Vec<(String, NaiveDate)>> {
        let mut r = Reader::new(self.file.get(self.touches.clone())?);
        let mut last: FastMap<&str, NaiveDate> = FastMap::default();
        let mut bodies = 0usize;
        for _ in 0..self.count {
            records::each_person_day(&mut r, |who, day| {
                let d = last.entry(who).or_insert(day);
                *d = (*d).max(day);
            })?;
            bodies = bodies.checked_add(r.usize()?)?;
        }
        let mut rest = Reader::new(self.file.get(self.touches.end..)?);
        rest.take(bodies)?;
        (r.is_done() && rest.is_done())
            .then(|| last.into_iter().map(|(w, d)| (w.to_string(), d)).collect())
    }

    /// Every entry with its places kept small, for a whole-folder load (see `gather.rs`);
    /// the same as `gather::split_located` over `entries`, without a place list per entry.
    pub fn entries_small(
        &self,
        is_known: &dyn Fn(&str) -> bool,
    ) -> Option<(Vec<Entry>, MonthLocs)> {
        let (all, mut bodies) = self.each()?;
        let mut out = Vec::with_capacity(all.len());
        let mut at = records::SmallPlaces {
            locs: MonthLocs::default(),
            entries: 0,
            with_seen: 0,
            is_known,
        };
        for (touch, len) in all {
            let mut r = Reader::new(bodies.take(len)?);
            out.push(records::get_entry_small(touch, &mut r, &mut at)?);
            if !r.is_done() {
                return None;
            }
        }
        bodies.is_done().then_some((out, at.locs))
    }

    /// The entries `wanted` accepts, decoding only their bodies.
    pub fn entries(&self, wanted: impl Fn(&Touch) -> bool) -> Option<Vec<LocatedEntry>> {
        let (all, mut bodies) = self.each()?;
        let mut out = Vec::new();
        for (touch, len) in all {
            let body = bodies.take(len)?;
            if wanted(&touch) {
                let mut r = Reader::new(body);
                out.push(records::get_body(touch, &mut r)?);
                if !r.is_done() {
                    return None;
                }
            }
        }
        bodies.is_done().then_some(out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::decode;

    const MONTH: &str = r#"
[[entry]]
id = "2026-11-02-0900-ada"
at = 2026-11-02T09:00:00+01:00
with = ["ada", "bob"]
kind = "coffee"
note = "Talked\nat length"
gave = "an intro"

[[entry]]
id = "2026-11-03-1000-bob"
at = 2026-11-03T10:00:00.5-05:30
with = ["bob"]
kind = "Brunch"
"#;

    fn stamp() -> Stamp {
        Stamp {
            size: 9,
            mtime_ns: -5,
            ctime_ns: 6,
            inode: 7,
            device: 8,
        }
    }

    #[test]
    fn a_whole_folder_load_gets_the_same_small_places_from_the_cache() {
        let path = Path::new("journal/2026/2026-11.toml");
        let entries = decode::month(path, MONTH).unwrap();
        let file = encode(&stamp(), 1, &entries);
        let cached = Cached::parse(file, &stamp()).unwrap();
        // "bob" has no contact file and "Brunch" is not a known kind: both are placed.
        let is_known = |who: &str| who == "ada";
        let small = cached.entries_small(&is_known).unwrap();
        let split = crate::store::truth::gather::split_located(entries, is_known);
        assert_eq!(format!("{small:?}"), format!("{split:?}"));
        assert_eq!((small.1.odd_with.len(), small.1.odd_kinds.len()), (2, 1));
    }

    #[test]
    fn a_month_reads_back_whole_or_by_person() {
        let path = Path::new("journal/2026/2026-11.toml");
        let entries = decode::month(path, MONTH).unwrap();
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("m.bin");
        std::fs::write(&file, encode(&stamp(), 99, &entries)).unwrap();
        let cached = Cached::read(&file, &stamp()).unwrap();
        assert_eq!(cached.hash, 99);
        let back = cached.entries(|_| true).unwrap();
        assert_eq!(format!("{back:?}"), format!("{entries:?}"));
        let ada = cached
            .entries(|t| t.with.iter().any(|w| w == "ada"))
            .unwrap();
        assert_eq!(format!("{ada:?}"), format!("{:?}", &entries[..1]));
        let touches = cached.touches().unwrap();
        assert_eq!(touches.len(), 2);
        assert_eq!(touches[1].at, entries[1].entry.at);
        assert_eq!(touches[1].at.offset(), entries[1].entry.at.offset());
        let other = Stamp {
            size: 10,
            ..stamp()
        };
        assert!(Cached::read(&file, &other).is_none());
    }
}
