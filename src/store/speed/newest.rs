//! The newest entries, read from as few month files as the month index allows (`rolo
//! timeline -n N`, with or without a person). Every month file is still looked at: its stamp
//! is compared with the index's, and a month the index does not know as it is now (new,
//! changed, never indexed, or one that did not load last time) is read whole, so a broken
//! month is reported exactly as a full load reports it. The months the index knows are read
//! newest first, and only until no older one can hold an entry among the N newest.

use super::cache::month_index::{self, Learned, MonthIndex, Summary, instant};
use super::lean_load::MonthsRead;
use crate::model::Entry;
use crate::store::{LocatedEntry, Month, Problem, Stamp, Store, StoreError, paths};
use crate::threads::{default_threads, map_in_order};
use chrono::{DateTime, FixedOffset, NaiveDate};

/// Every month, and for each its stamp now and the index's summary when that matches.
pub(super) type Survey<'i> = (Vec<Month>, Vec<(Option<Stamp>, Option<&'i Summary>)>);

/// An entry kept as a candidate, with where it was read: month (by its place in the listing)
/// and place in the file, so ties are broken as a full load's stable sort breaks them.
struct Candidate {
    month: usize,
    pos: usize,
    entry: Entry,
}

/// Newest first, as the timeline shows them: by moment, then id, then later files and later
/// places first (a full load sorts oldest first, stably, and the timeline is that reversed).
fn newest_first(a: &Candidate, b: &Candidate) -> std::cmp::Ordering {
    (b.entry.at, &b.entry.id, b.month, b.pos).cmp(&(a.entry.at, &a.entry.id, a.month, a.pos))
}

/// Keep the `count` newest (sorted newest first).
fn keep_newest(all: &mut Vec<Candidate>, count: usize) {
    all.sort_by(newest_first);
    all.truncate(count);
}

impl Store {
    /// The `count` newest entries (those with `who`, if given) and every month error, as
    /// `load_entries_with` would give them for the timeline: month by month, in file order.
    /// The journal built from them shows the same first `count` entries as a full load's;
    /// with `count` at `usize::MAX`, every entry with `who` (`show`, `brief`).
    pub fn load_newest(
        &self,
        who: Option<&str>,
        count: usize,
    ) -> Result<MonthsRead<Entry>, StoreError> {
        let index = self.month_index();
        let (months, stamps) = self.survey(&index)?;
        let wanted = |with: &[String]| who.is_none_or(|id| with.iter().any(|w| w == id));
        let unknown: Vec<usize> = (0..months.len())
            .filter(|&i| stamps[i].1.is_none())
            .collect();
        let read = map_in_order(&unknown, default_threads(), |&i| {
            let month = months[i];
            let entries = self.month_whole(month)?;
            let summary = Some(Learned::of(
                stamps[i].0,
                entries.iter().map(|l| (&l.entry.at, &l.entry.with[..])),
            ));
            let mut mine: Vec<Candidate> = entries
                .into_iter()
                .enumerate()
                .filter(|(_, l)| wanted(&l.entry.with))
                .map(|(pos, l)| Candidate {
                    month: i,
                    pos,
                    entry: l.entry,
                })
                .collect();
            keep_newest(&mut mine, count);
            Ok::<_, Problem>((summary, mine))
        });
        let mut learned: Vec<(Month, Learned)> = Vec::new();
        let mut errors: Vec<(usize, Problem)> = Vec::new();
        let mut pool: Vec<Candidate> = Vec::new();
        for (&i, result) in unknown.iter().zip(read) {
            match result {
                Ok((summary, mut mine)) => {
                    if let Some(s) = summary {
                        learned.push((months[i], s));
                    }
                    pool.append(&mut mine);
                }
                Err(p) => errors.push((i, p)),
            }
        }
        keep_newest(&mut pool, count);
        let person = who.and_then(|id| index.person(id));
        // The months the index knows that may hold a wanted entry, newest first.
        let mut known: Vec<(usize, &Summary)> = stamps
            .iter()
            .enumerate()
            .filter_map(|(i, (_, k))| Some((i, (*k)?)))
            .filter(|(_, s)| s.newest.is_some() && who.is_none_or(|_| s.names(person)))
            .collect();
        known.sort_by(|a, b| b.1.newest.cmp(&a.1.newest).then(b.0.cmp(&a.0)));
        for (i, summary) in known {
            // Strictly newer: an entry at the same moment could still come first by its id.
            let enough = pool.len() >= count
                && pool
                    .last()
                    .is_some_and(|c| Some(instant(&c.entry.at)) > summary.newest);
            if enough {
                break;
            }
            // Only entries that could still be among the newest are decoded.
            let floor = (pool.len() >= count)
                .then(|| pool.last().map(|c| (c.entry.at, c.entry.id.clone())))
                .flatten();
            let keep = |at: &DateTime<FixedOffset>, id: &str, with: &[String]| {
                wanted(with)
                    && floor
                        .as_ref()
                        .is_none_or(|(f_at, f_id)| (at, id) >= (f_at, f_id.as_str()))
            };
            match self.month_some(months[i], keep) {
                Ok(entries) => {
                    pool.extend(
                        entries
                            .into_iter()
                            .enumerate()
                            .map(|(pos, entry)| Candidate {
                                month: i,
                                pos,
                                entry,
                            }),
                    );
                    keep_newest(&mut pool, count);
                }
                // Changed since its stamp was taken, and now broken: reported like any other.
                Err(p) => errors.push((i, p)),
            }
        }
        self.update_index(&index, &months, &stamps, learned);
        // Handed over as a load reads them: month by month, in file order.
        pool.sort_by_key(|c| (c.month, c.pos));
        errors.sort_by_key(|(i, _)| *i);
        Ok(MonthsRead {
            items: pool.into_iter().map(|c| c.entry).collect(),
            errors: errors.into_iter().map(|(_, p)| p).collect(),
        })
    }

    /// The month index in the cache; empty without a cache.
    pub(super) fn month_index(&self) -> MonthIndex {
        self.cache
            .as_ref()
            .map(|c| c.month_index())
            .unwrap_or_default()
    }

    /// Every month file, each with its stamp now and, when the index knows it as it is now
    /// (the same stamp), what the index says of it. The others must be read.
    pub(super) fn survey<'i>(&self, index: &'i MonthIndex) -> Result<Survey<'i>, StoreError> {
        let months = self.months()?;
        let stamps = months
            .iter()
            .map(|&m| self.fs.stamp(&paths::month(m)))
            .collect();
        Ok(Self::surveyed(index, months, stamps))
    }

    /// `survey` of the month files `months`, whose stamps now are `stamps`.
    fn surveyed(index: &MonthIndex, months: Vec<Month>, stamps: Vec<Option<Stamp>>) -> Survey<'_> {
        let stamps = months
            .iter()
            .zip(stamps)
            .map(|(m, stamp)| {
                let known = index
                    .months
                    .get(m)
                    .filter(|s| Some(&s.stamp) == stamp.as_ref());
                (stamp, known)
            })
            .collect();
        (months, stamps)
    }

    /// Write the index again when a month was learned or one it knew is gone or changed.
    pub(super) fn update_index(
        &self,
        index: &MonthIndex,
        months: &[Month],
        stamps: &[(Option<Stamp>, Option<&Summary>)],
        learned: Vec<(Month, Learned)>,
    ) {
        let Some(cache) = &self.cache else {
            return;
        };
        let known_now = stamps.iter().filter(|(_, k)| k.is_some()).count();
        if learned.is_empty() && known_now == index.months.len() {
            return;
        }
        let mut next = MonthIndex {
            people: index.people.clone(),
            months: stamps
                .iter()
                .enumerate()
                .filter_map(|(i, (_, k))| Some((months[i], (*k)?.clone())))
                .collect(),
        };
        for (month, l) in learned {
            next.learn(month, l);
        }
        cache.month_index_learned(next);
    }

    /// The last day each person was seen (`load_last_days`), through the month index: the
    /// months it knows as they are now are not opened at all; the others are read whole
    /// (and learned), so their errors are a full load's. One pair per person, no order.
    pub(in crate::store) fn last_days_indexed(
        &self,
    ) -> Result<MonthsRead<(String, NaiveDate)>, StoreError> {
        let months = self.months()?;
        let now: Vec<(Month, Option<Stamp>)> = months
            .iter()
            .map(|&m| (m, self.fs.stamp(&paths::month(m))))
            .collect();
        let file = self
            .cache
            .as_ref()
            .map(|c| c.month_index_file())
            .unwrap_or_default();
        // Every month as the index knows it: its glance says it all.
        if let Some(items) = month_index::last_days_if_current(&file, &now) {
            return Ok(MonthsRead {
                items,
                errors: Vec::new(),
            });
        }
        let index = month_index::decode(&file);
        drop(file);
        let stamps = now.into_iter().map(|(_, stamp)| stamp).collect();
        let (months, stamps) = Self::surveyed(&index, months, stamps);
        let unknown: Vec<usize> = (0..months.len())
            .filter(|&i| stamps[i].1.is_none())
            .collect();
        let read = map_in_order(&unknown, default_threads(), |&i| {
            let entries = self.month_whole(months[i])?;
            let at_with = || entries.iter().map(|l| (&l.entry.at, &l.entry.with[..]));
            Ok::<_, Problem>(Learned::of(stamps[i].0, at_with()))
        });
        // The months the index knows, then those read.
        let mut by_id = index.last_days_in(stamps.iter().filter_map(|(_, k)| *k));
        let mut learned = Vec::new();
        let mut errors = Vec::new();
        for (&i, result) in unknown.iter().zip(read) {
            match result {
                Ok(l) => {
                    for (id, day) in &l.people {
                        let d = by_id.entry(id.clone()).or_insert(*day);
                        *d = (*d).max(*day);
                    }
                    learned.push((months[i], l));
                }
                Err(p) => errors.push(p),
            }
        }
        self.update_index(&index, &months, &stamps, learned);
        Ok(MonthsRead {
            items: by_id.into_iter().collect(),
            errors,
        })
    }

    /// The entries of a month `keep` accepts (by when, id and with), in file order: from its
    /// cache when that matches the file (decoding only those), else parsed.
    fn month_some(
        &self,
        month: Month,
        keep: impl Fn(&DateTime<FixedOffset>, &str, &[String]) -> bool,
    ) -> Result<Vec<Entry>, Problem> {
        let cached = self.cached_month(month, &paths::month(month));
        if let Some(entries) = cached.and_then(|c| c.entries(|t| keep(&t.at, &t.id, &t.with))) {
            return Ok(entries.into_iter().map(|l| l.entry).collect());
        }
        let mut all = self.parse_month(month)?;
        all.retain(|l| keep(&l.entry.at, &l.entry.id, &l.entry.with));
        Ok(all.into_iter().map(|l| l.entry).collect())
    }

    /// Every entry of a month, from its cache when that matches the file, else parsed.
    pub(super) fn month_whole(&self, month: Month) -> Result<Vec<LocatedEntry>, Problem> {
        let cached = self.cached_month(month, &paths::month(month));
        if let Some(entries) = cached.and_then(|c| c.entries(|_| true)) {
            return Ok(entries);
        }
        self.parse_month(month)
    }
}
