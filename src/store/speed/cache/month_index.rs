//! The month index: one small cache file (`journal/index.bin`) that says, for each month file
//! as it was when last read (its stamp), that it loaded without error, the newest moment in it
//! and who it names. `rolo timeline -n N` then reads months newest first and stops once no
//! older month can hold one of the N newest; `timeline WHO` reads only the months naming WHO.
//! Like every cache file it is derived, kept outside the data folder and checked against the
//! files: a month whose stamp differs from the index's is read again, as if it were not there.
//!
//! The file begins with the whole index at a glance: every month's stamp, and each person's
//! last day over all months. When every month file is as the index knows it, that is all
//! `list`, `due` and `today` read of it (`last_days_if_current`): decoding 200,000 dates
//! month by month and merging them was 8 to 11 ms of a 57 ms `list` on the large set.

use super::codec::{FileKind, Reader, Writer, frame, unframe};
use super::months::zone;
use crate::store::{Month, Stamp};
use chrono::{DateTime, Datelike, FixedOffset, NaiveDate};
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
    /// Everyone named in an entry's `with`, each once, as numbers in `MonthIndex::people`,
    /// sorted, with the last day they were seen in the month (an entry's own calendar day,
    /// as days from the Common Era: what `list` needs). Numbers rather than names: 133 months
    /// of 1,000 people each were 150,000 strings, 25 MB for a command that wants one person.
    people: Vec<(u32, i32)>,
}

impl Summary {
    pub fn names(&self, person: Option<u32>) -> bool {
        person.is_some_and(|p| self.people.binary_search_by_key(&p, |x| x.0).is_ok())
    }

    /// Each person named, by number, with the last day they were seen in the month.
    pub fn last_days(&self) -> impl Iterator<Item = (u32, NaiveDate)> + '_ {
        self.people
            .iter()
            .filter_map(|&(p, day)| Some((p, NaiveDate::from_num_days_from_ce_opt(day)?)))
    }
}

/// What was read from a month not yet in the index, to be added with `MonthIndex::learn`.
#[derive(Debug, Clone)]
pub struct Learned {
    /// `None` when the file had no stamp (gone as it was looked at): such a month is not kept.
    pub stamp: Option<Stamp>,
    pub newest: Option<(i64, u32)>,
    /// Each person named with the last day they were seen, sorted by id.
    pub people: Vec<(String, NaiveDate)>,
}

impl Learned {
    /// What the index keeps of a month's entries, given as (when, with) pairs.
    pub fn of<'a>(
        stamp: Option<Stamp>,
        entries: impl IntoIterator<Item = (&'a DateTime<FixedOffset>, &'a [String])>,
    ) -> Learned {
        let mut newest = None;
        let mut last: BTreeMap<&str, NaiveDate> = BTreeMap::new();
        for (at, with) in entries {
            let t = instant(at);
            if newest.is_none_or(|n| t > n) {
                newest = Some(t);
            }
            let day = at.date_naive();
            for who in with {
                let d = last.entry(who.as_str()).or_insert(day);
                *d = (*d).max(day);
            }
        }
        let people = last.into_iter().map(|(w, d)| (w.to_string(), d)).collect();
        Learned {
            stamp,
            newest,
            people,
        }
    }
}

/// A moment as the index keeps it.
pub fn instant(at: &DateTime<FixedOffset>) -> (i64, u32) {
    (at.timestamp(), at.timestamp_subsec_nanos())
}

/// Every month the index knows, and the people its months name.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct MonthIndex {
    /// Every id some month names, once; a month's `people` are places in this list.
    pub people: Vec<String>,
    pub months: BTreeMap<Month, Summary>,
}

impl MonthIndex {
    /// The number `id` has here; `None` when no month names it.
    /// Each person's last day over `summaries` (months of this index), by id.
    pub fn last_days_in<'a>(
        &self,
        summaries: impl IntoIterator<Item = &'a Summary>,
    ) -> crate::fasthash::FastMap<String, NaiveDate> {
        // By number first: a person is named in many months, their id looked up once.
        let mut by_number: Vec<Option<NaiveDate>> = vec![None; self.people.len()];
        for summary in summaries {
            for (p, day) in summary.last_days() {
                if let Some(last) = by_number.get_mut(p as usize) {
                    *last = (*last).max(Some(day));
                }
            }
        }
        by_number
            .into_iter()
            .enumerate()
            .filter_map(|(p, day)| Some((self.people.get(p)?.clone(), day?)))
            .collect()
    }

    pub fn person(&self, id: &str) -> Option<u32> {
        let at = self.people.iter().position(|p| p == id)?;
        u32::try_from(at).ok()
    }

    /// Add (or replace) a month as it was read.
    pub fn learn(&mut self, month: Month, learned: Learned) {
        let Some(stamp) = learned.stamp else {
            return;
        };
        let mut numbers: std::collections::HashMap<&str, u32> = self
            .people
            .iter()
            .enumerate()
            .filter_map(|(i, p)| Some((p.as_str(), u32::try_from(i).ok()?)))
            .collect();
        let mut added = Vec::new();
        let mut people = Vec::with_capacity(learned.people.len());
        for (id, day) in &learned.people {
            let next = u32::try_from(self.people.len() + added.len()).unwrap_or(u32::MAX);
            let n = *numbers.entry(id.as_str()).or_insert_with(|| {
                added.push(id.clone());
                next
            });
            people.push((n, day.num_days_from_ce()));
        }
        self.people.extend(added);
        people.sort_unstable();
        self.months.insert(
            month,
            Summary {
                stamp,
                newest: learned.newest,
                people,
            },
        );
    }
}

/// The file for an index. Only the people some month names are written.
pub fn encode(index: &MonthIndex) -> Vec<u8> {
    let mut used: Vec<u32> = index
        .months
        .values()
        .flat_map(|s| s.people.iter().map(|x| x.0))
        .collect();
    used.sort_unstable();
    used.dedup();
    let mut w = Writer::default();
    w.fixed64(zone());
    w.usize(used.len());
    for &p in &used {
        w.str(index.people.get(p as usize).map_or("", String::as_str));
    }
    // At a glance: the months and their stamps, then each person's last day over them all.
    w.usize(index.months.len());
    for (&(year, month), s) in &index.months {
        w.i64(i64::from(year));
        w.u64(u64::from(month));
        w.stamp(&s.stamp);
    }
    let mut last: BTreeMap<usize, i32> = BTreeMap::new();
    for s in index.months.values() {
        for &(p, day) in &s.people {
            let at = used.binary_search(&p).unwrap_or(0);
            let d = last.entry(at).or_insert(day);
            *d = (*d).max(day);
        }
    }
    w.usize(last.len());
    for (p, day) in last {
        w.usize(p);
        w.i64(i64::from(day));
    }
    w.usize(index.months.len());
    for (&(year, month), s) in &index.months {
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
        for (p, day) in &s.people {
            // `used` holds every number a month names: the search always finds it, and
            // sorted numbers stay sorted.
            w.usize(used.binary_search(p).unwrap_or(0));
            w.i64(i64::from(*day));
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
    let people = r.items(|r| r.string())?;
    glance(&mut r, people.len())?;
    let months = r.count()?;
    let mut index = MonthIndex {
        people,
        months: BTreeMap::new(),
    };
    for _ in 0..months {
        let year = i32::try_from(r.i64()?).ok()?;
        let month = r.u32()?;
        let stamp = r.stamp()?;
        let newest = match r.u8()? {
            0 => None,
            1 => Some((r.i64()?, r.u32()?)),
            _ => return None,
        };
        let known = index.people.len();
        let people = r.items(|r| {
            let p = r.u32().filter(|&p| (p as usize) < known)?;
            Some((p, i32::try_from(r.i64()?).ok()?))
        })?;
        // Written sorted; a file that is not would make `names` miss people.
        if !people.is_sorted_by_key(|x| x.0) {
            return None;
        }
        index.months.insert(
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

/// What the file says at a glance (see the module doc): each month with its stamp, in
/// order, and each person's last day over all of them (by number in the file's people).
type Glance = (Vec<(Month, Stamp)>, Vec<(u32, i32)>);

fn glance(r: &mut Reader, known: usize) -> Option<Glance> {
    let months = r.items(|r| {
        let year = i32::try_from(r.i64()?).ok()?;
        Some(((year, r.u32()?), r.stamp()?))
    })?;
    let last = r.items(|r| {
        let p = r.u32().filter(|&p| (p as usize) < known)?;
        Some((p, i32::try_from(r.i64()?).ok()?))
    })?;
    Some((months, last))
}

/// Each person's last day over every month, read from the start of `file` alone, when its
/// index knows exactly the month files `now` lists (in order), each under the stamp it has
/// now; `None` otherwise, and then the months are looked at one by one. The index keeps only
/// months that loaded without error, so there is none to report.
pub fn last_days_if_current(
    file: &[u8],
    now: &[(Month, Option<Stamp>)],
) -> Option<Vec<(String, NaiveDate)>> {
    let mut r = Reader::new(unframe(FileKind::MonthIndex, file)?);
    if r.fixed64()? != zone() {
        return None;
    }
    let mut people: Vec<Option<String>> = r.items(|r| r.string().map(Some))?;
    let (months, last) = glance(&mut r, people.len())?;
    let current = months.len() == now.len()
        && months
            .iter()
            .zip(now)
            .all(|((m, stamp), (n, stamp_now))| m == n && Some(stamp) == stamp_now.as_ref());
    if !current {
        return None;
    }
    last.into_iter()
        .map(|(p, day)| {
            let id = people.get_mut(p as usize)?.take()?;
            Some((id, NaiveDate::from_num_days_from_ce_opt(day)?))
        })
        .collect()
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
        let mut index = MonthIndex::default();
        let learned = Learned::of(Some(stamp(1)), [(&at, &with[..])]);
        let day = at.date_naive();
        assert_eq!(learned.people, [("ada".into(), day), ("bob".into(), day)]);
        index.learn((2026, 11), learned);
        index.learn((2015, 1), Learned::of(Some(stamp(2)), []));
        index.learn((2015, 2), Learned::of(Some(stamp(3)), [(&at, &with[2..])]));
        let s = &index.months[&(2026, 11)];
        assert!(s.names(index.person("bob")) && !s.names(index.person("cy")));
        assert!(index.months[&(2015, 2)].names(index.person("bob")));
        assert!(!index.months[&(2015, 2)].names(index.person("ada")));
        assert_eq!(s.newest, Some((at.timestamp(), 500_000_000)));
        let bob = index.person("bob").unwrap();
        assert!(s.last_days().any(|(p, d)| p == bob && d == day));
        let file = encode(&index);
        assert_eq!(decode(&file), index);
        // A month replaced: people no month names any more are not written.
        index.learn((2026, 11), Learned::of(Some(stamp(4)), []));
        let back = decode(&encode(&index));
        assert_eq!(back.people, ["bob"]);
        assert!(back.months[&(2015, 2)].names(back.person("bob")));
        assert_eq!(decode(&file[..file.len() - 1]), MonthIndex::default());
        assert_eq!(decode(b""), MonthIndex::default());
    }
    type Now = Vec<(Month, Option<Stamp>)>;

    /// The glance gives each person's last day over every month exactly when the month
    /// files are the index's, each under its stamp; else the months are looked at.
    #[test]
    fn the_glance_answers_only_for_the_months_as_the_index_knows_them() {
        let at = |s: &str| -> DateTime<FixedOffset> { s.parse().unwrap() };
        let (a, b) = (
            at("2026-11-02T09:00:00+01:00"),
            at("2015-01-20T23:30:00-05:00"),
        );
        let ada_bob = ["ada".to_string(), "bob".to_string()];
        let bob = ["bob".to_string()];
        let mut index = MonthIndex::default();
        index.learn((2015, 1), Learned::of(Some(stamp(1)), [(&b, &ada_bob[..])]));
        index.learn((2026, 11), Learned::of(Some(stamp(2)), [(&a, &bob[..])]));
        index.learn((2020, 5), Learned::of(Some(stamp(3)), []));
        let file = encode(&index);
        let now = vec![
            ((2015, 1), Some(stamp(1))),
            ((2020, 5), Some(stamp(3))),
            ((2026, 11), Some(stamp(2))),
        ];
        let mut got = last_days_if_current(&file, &now).unwrap();
        got.sort();
        let mut want: Vec<_> = index
            .last_days_in(index.months.values())
            .into_iter()
            .collect();
        want.sort();
        assert_eq!(got, want);
        assert_eq!(
            got,
            [
                ("ada".to_string(), b.date_naive()),
                ("bob".to_string(), a.date_naive())
            ]
        );
        let differs = |change: &dyn Fn(&mut Now)| {
            let mut now = now.clone();
            change(&mut now);
            last_days_if_current(&file, &now).is_none()
        };
        assert!(differs(&|n| n[1].1 = Some(stamp(9))), "a month changed");
        assert!(
            differs(&|n| n[1].1 = None),
            "a month gone as it was looked at"
        );
        assert!(
            differs(&|n| n.push(((2027, 1), Some(stamp(4))))),
            "a month added"
        );
        assert!(
            differs(&|n| {
                n.remove(0);
            }),
            "a month removed"
        );
        assert!(differs(&|n| n.swap(0, 1)), "months out of order");
        assert!(last_days_if_current(&file[..file.len() - 1], &now).is_none());
        assert!(last_days_if_current(b"", &[]).is_none());
        // An index of no months: no one was seen.
        assert_eq!(
            last_days_if_current(&encode(&MonthIndex::default()), &[]),
            Some(Vec::new())
        );
    }
}
