//! The month index: one small cache file (`journal/index.bin`) that says, for each month file
//! as it was when last read (its stamp), that it loaded without error, the newest moment in it
//! and who it names. `rolo timeline -n N` then reads months newest first and stops once no
//! older month can hold one of the N newest; `timeline WHO` reads only the months naming WHO.
//! Like every cache file it is derived, kept outside the data folder and checked against the
//! files: a month whose stamp differs from the index's is read again, as if it were not there.

use super::codec::{FileKind, Reader, Writer, frame, unframe};
use super::months::zone;
use crate::store::{Month, Stamp};
use chrono::{DateTime, FixedOffset};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

pub fn index_path(root: &Path) -> PathBuf {
    root.join("journal").join("index.bin")
}

/// What a month file held when it had `stamp`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Summary {
    pub stamp: Stamp,
    /// The newest moment of any entry in it, as (Unix seconds, nanoseconds): compared as an
    /// instant, like the timeline's order. `None` for a month file with no entry.
    pub newest: Option<(i64, u32)>,
    /// Every id named in an entry's `with`, sorted, each once.
    pub people: Vec<String>,
}

impl Summary {
    /// The summary of a month's entries, given as (when, with) pairs.
    pub fn of<'a>(
        stamp: Stamp,
        entries: impl IntoIterator<Item = (&'a DateTime<FixedOffset>, &'a [String])>,
    ) -> Summary {
        let mut newest = None;
        let mut people: Vec<String> = Vec::new();
        for (at, with) in entries {
            let t = instant(at);
            if newest.is_none_or(|n| t > n) {
                newest = Some(t);
            }
            people.extend(with.iter().cloned());
        }
        people.sort_unstable();
        people.dedup();
        Summary {
            stamp,
            newest,
            people,
        }
    }

    pub fn names(&self, id: &str) -> bool {
        self.people.binary_search_by(|p| p.as_str().cmp(id)).is_ok()
    }
}

/// A moment as the index keeps it.
pub fn instant(at: &DateTime<FixedOffset>) -> (i64, u32) {
    (at.timestamp(), at.timestamp_subsec_nanos())
}

/// Every month the index knows, by month.
pub type MonthIndex = BTreeMap<Month, Summary>;

/// The file for an index. People are written once in a table and named by number per month.
pub fn encode(index: &MonthIndex) -> Vec<u8> {
    let mut table: Vec<&str> = index
        .values()
        .flat_map(|s| s.people.iter().map(String::as_str))
        .collect();
    table.sort_unstable();
    table.dedup();
    let mut w = Writer::default();
    w.fixed64(zone());
    w.usize(table.len());
    for id in &table {
        w.str(id);
    }
    w.usize(index.len());
    for (&(year, month), s) in index {
        w.i64(i64::from(year));
        w.u64(u64::from(month));
        w.stamp(&s.stamp);
        match s.newest {
            None => w.u8(0),
            Some((secs, nanos)) => {
                w.u8(1);
                w.i64(secs);
                w.u64(u64::from(nanos));
            }
        }
        w.usize(s.people.len());
        for p in &s.people {
            // Both lists are sorted and the table holds every id: the search always finds it.
            w.usize(table.binary_search(&p.as_str()).unwrap_or(0));
        }
    }
    frame(FileKind::MonthIndex, &w.buf)
}

/// The index in `file`; empty for anything not a whole index of this version and zone.
pub fn decode(file: &[u8]) -> MonthIndex {
    parse(file).unwrap_or_default()
}

fn parse(file: &[u8]) -> Option<MonthIndex> {
    let mut r = Reader::new(unframe(FileKind::MonthIndex, file)?);
    if r.fixed64()? != zone() {
        return None;
    }
    let n = r.count()?;
    let mut table = Vec::with_capacity(n);
    for _ in 0..n {
        table.push(r.str()?);
    }
    let months = r.count()?;
    let mut index = MonthIndex::new();
    for _ in 0..months {
        let year = i32::try_from(r.i64()?).ok()?;
        let month = r.u32()?;
        let stamp = r.stamp()?;
        let newest = match r.u8()? {
            0 => None,
            1 => Some((r.i64()?, r.u32()?)),
            _ => return None,
        };
        let people = r.items(|r| Some(table.get(r.usize()?)?.to_string()))?;
        // Written sorted; a file that is not would make `names` miss people.
        if !people.is_sorted() {
            return None;
        }
        index.insert(
            (year, month),
            Summary {
                stamp,
                newest,
                people,
            },
        );
    }
    r.is_done().then_some(index)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn stamp(n: u64) -> Stamp {
        Stamp {
            size: n,
            mtime_ns: -1,
            ctime_ns: 2,
            inode: 3,
            device: 4,
        }
    }

    #[test]
    fn an_index_reads_back_and_anything_else_reads_as_empty() {
        let at: DateTime<FixedOffset> = "2026-11-02T09:00:00.5+01:00".parse().unwrap();
        let with = ["bob".to_string(), "ada".to_string(), "bob".to_string()];
        let mut index = MonthIndex::new();
        index.insert((2026, 11), Summary::of(stamp(1), [(&at, &with[..])]));
        index.insert((2015, 1), Summary::of(stamp(2), []));
        let s = &index[&(2026, 11)];
        assert_eq!(s.people, ["ada", "bob"]);
        assert!(s.names("bob") && !s.names("cy"));
        assert_eq!(s.newest, Some((at.timestamp(), 500_000_000)));
        let file = encode(&index);
        assert_eq!(decode(&file), index);
        assert!(decode(&file[..file.len() - 1]).is_empty());
        assert!(decode(b"").is_empty());
    }
}
