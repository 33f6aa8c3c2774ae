//! `rolo --demo` tried long after the demo was written: the copy moves forward by whole weeks
//! so it looks as alive as on the day it was written, and nothing else about it changes.

use chrono::{Datelike, Duration, NaiveDate};
use rolo::journal::Journal;
use rolo::model::{Birthday, Entry};
use rolo::store::Store;

fn demo_as_of(today: NaiveDate) -> (tempfile::TempDir, Journal) {
    let dir = tempfile::tempdir().unwrap();
    rolo::demo::install_as_of(dir.path(), today).unwrap();
    let journal = Journal::new(Store::on_disk(dir.path()).load().unwrap());
    (dir, journal)
}

/// The entry as it would be had it been written `shift` later.
fn moved(e: &Entry, shift: Duration) -> Entry {
    let at = e.at + shift;
    let (date, rest) = e.id.split_at(10);
    let day = NaiveDate::parse_from_str(date, "%Y-%m-%d").unwrap() + shift;
    Entry {
        id: format!("{}{rest}", day.format("%Y-%m-%d")),
        at,
        ..e.clone()
    }
}

#[test]
fn a_later_demo_is_the_same_demo_moved_by_whole_weeks() {
    let written = NaiveDate::from_ymd_opt(2026, 11, 24).unwrap();
    let (_a, original) = demo_as_of(written);
    // 400 days on: 57 weeks and a day.
    let later = written + Duration::days(400);
    let (_b, shifted) = demo_as_of(later);
    let shift = Duration::weeks(57);
    assert!(original.problems.is_empty(), "{:?}", original.problems);
    assert!(shifted.problems.is_empty(), "{:?}", shifted.problems);

    let expected: Vec<Entry> = original.timeline().map(|e| moved(e, shift)).collect();
    let got: Vec<Entry> = shifted.timeline().cloned().collect();
    assert_eq!(got, expected);
    for (a, b) in original.timeline().zip(shifted.timeline()) {
        assert_eq!(a.at.weekday(), b.at.weekday(), "{}", a.id);
    }

    assert_eq!(original.contacts().len(), shifted.contacts().len());
    for (a, b) in original.contacts().iter().zip(shifted.contacts()) {
        assert_eq!(
            b.birthday,
            moved_birthday(a.birthday, shift),
            "{}'s birthday",
            a.id
        );
        let since = |c: &rolo::model::Contact| -> Vec<_> {
            c.needs.iter().map(|n| (n.since, n.met_on)).collect()
        };
        let want: Vec<_> = since(a)
            .into_iter()
            .map(|(s, m)| (s + shift, m.map(|m| m + shift)))
            .collect();
        assert_eq!(since(b), want, "{}'s needs", a.id);
        let due =
            |c: &rolo::model::Contact| -> Vec<_> { c.follow_ups.iter().map(|f| f.due).collect() };
        let want: Vec<_> = due(a).into_iter().map(|d| d.map(|d| d + shift)).collect();
        assert_eq!(due(b), want, "{}'s promises", a.id);
        let (ix_a, ix_b) = (original.ix(&a.id).unwrap(), shifted.ix(&b.id).unwrap());
        assert_eq!(
            original.days_since(ix_a, written),
            shifted.days_since(ix_b, written + shift),
            "{}: as long since the last contact",
            a.id
        );
    }
}

/// A birthday as the demo moves it: with the rest, except 29 February (kept as the example of
/// how rolo treats it).
fn moved_birthday(b: Option<Birthday>, shift: Duration) -> Option<Birthday> {
    Some(match b? {
        Birthday::Full(d) => Birthday::Full(d + shift),
        Birthday::MonthDay(2, 29) => Birthday::MonthDay(2, 29),
        Birthday::MonthDay(m, d) => {
            let day = NaiveDate::from_ymd_opt(2001, m, d).unwrap() + shift;
            Birthday::MonthDay(day.month(), day.day())
        }
    })
}

/// A note that celebrates a birthday still falls on it after the move.
#[test]
fn birthday_notes_still_fall_on_the_birthday() {
    let later = NaiveDate::from_ymd_opt(2027, 9, 14).unwrap();
    let (_dir, j) = demo_as_of(later);
    let ines = j.by_id("ines-moreau").unwrap();
    let wish = j
        .timeline()
        .find(|e| e.note.contains("Happy birthday to Inès"))
        .unwrap();
    let birthday = ines.birthday.as_ref().unwrap().month_day();
    assert_eq!((wish.at.month(), wish.at.day()), birthday);
}

#[test]
fn the_demo_on_its_own_day_is_the_bundled_files() {
    let dir = tempfile::tempdir().unwrap();
    rolo::demo::install(dir.path()).unwrap();
    let as_of = tempfile::tempdir().unwrap();
    let today = NaiveDate::from_ymd_opt(2026, 11, 27).unwrap();
    rolo::demo::install_as_of(as_of.path(), today).unwrap();
    for rel in walk(dir.path()) {
        assert_eq!(
            std::fs::read(dir.path().join(&rel)).unwrap(),
            std::fs::read(as_of.path().join(&rel)).unwrap(),
            "{rel}"
        );
    }
    assert_eq!(walk(dir.path()).len(), walk(as_of.path()).len());
}

/// Every file under `root`, relative to it.
fn walk(root: &std::path::Path) -> Vec<String> {
    let mut out = Vec::new();
    let mut dirs = vec![root.to_path_buf()];
    while let Some(d) = dirs.pop() {
        for item in std::fs::read_dir(&d).unwrap().flatten() {
            let p = item.path();
            if p.is_dir() {
                dirs.push(p);
            } else {
                out.push(p.strip_prefix(root).unwrap().to_string_lossy().into_owned());
            }
        }
    }
    out
}
