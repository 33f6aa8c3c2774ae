//! Months and weeks as the statistics count them. A day is the date an entry was written in
//! its own offset (`Entry::month` does the same), so an evening call at 23:30 in New York
//! counts on the day it was for the person who had it, not on the UTC day after.

use chrono::{Datelike, Duration, NaiveDate, Weekday};

/// A calendar month, ordered by time.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct YearMonth {
    pub year: i32,
    pub month: u32,
}

impl YearMonth {
    pub fn of(d: NaiveDate) -> YearMonth {
        YearMonth {
            year: d.year(),
            month: d.month(),
        }
    }

    /// Months since year 0, so two months subtract.
    fn serial(self) -> i64 {
        i64::from(self.year) * 12 + i64::from(self.month) - 1
    }

    fn from_serial(s: i64) -> YearMonth {
        YearMonth {
            year: s.div_euclid(12) as i32,
            month: s.rem_euclid(12) as u32 + 1,
        }
    }

    /// The month `n` months before this one (`n` may be negative).
    pub fn back(self, n: i64) -> YearMonth {
        YearMonth::from_serial(self.serial() - n)
    }

    /// How many months `self` is after `from` (negative when before).
    pub fn since(self, from: YearMonth) -> i64 {
        self.serial() - from.serial()
    }

    pub fn first_day(self) -> Option<NaiveDate> {
        NaiveDate::from_ymd_opt(self.year, self.month, 1)
    }

    /// The month's last day.
    pub fn last_day(self) -> Option<NaiveDate> {
        self.back(-1).first_day().and_then(|d| d.pred_opt())
    }

    /// `2026-11`.
    pub fn label(self) -> String {
        format!("{:04}-{:02}", self.year, self.month)
    }

    /// `Nov`.
    pub fn short(self) -> &'static str {
        const NAMES: [&str; 12] = [
            "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
        ];
        NAMES[(self.month.clamp(1, 12) - 1) as usize]
    }
}

/// `count` months ending with the month of `last`, oldest first.
pub fn months_ending(last: NaiveDate, count: usize) -> Vec<YearMonth> {
    let end = YearMonth::of(last);
    (0..count as i64).rev().map(|n| end.back(n)).collect()
}

/// The Monday that starts the week holding `d`.
pub fn monday_of(d: NaiveDate) -> NaiveDate {
    let back = d.weekday().num_days_from_monday();
    d.checked_sub_signed(Duration::days(i64::from(back)))
        .unwrap_or(d)
}

/// The Sunday that ends the week holding `d`.
pub fn sunday_of(d: NaiveDate) -> NaiveDate {
    let ahead = 6 - d.weekday().num_days_from_monday();
    d.checked_add_signed(Duration::days(i64::from(ahead)))
        .unwrap_or(d)
}

pub fn is_monday(d: NaiveDate) -> bool {
    d.weekday() == Weekday::Mon
}

/// `d` plus `days` (negative goes back), held at the calendar's ends rather than panicking.
pub fn add_days(d: NaiveDate, days: i64) -> NaiveDate {
    d.checked_add_signed(Duration::days(days)).unwrap_or(d)
}
