//! Warm, plain wording for days and dates, so the command line and the TUI say things the
//! same way ("was due 4 days ago", never "OVERDUE").

use super::KnownSince;
use chrono::{Datelike, NaiveDate};

pub fn plural(n: impl Into<i64>, one: &str, many: &str) -> String {
    let n = n.into();
    format!("{n} {}", if n == 1 { one } else { many })
}

/// "Thu 26 Nov" this year, "26 Nov 2025" otherwise, with no-break spaces so wrapping never
/// splits a date.
pub fn day(d: NaiveDate, today: NaiveDate) -> String {
    let text = if d.year() == today.year() {
        d.format("%a %-d %b").to_string()
    } else {
        d.format("%-d %b %Y").to_string()
    };
    text.replace(' ', "\u{a0}")
}

/// "today", "yesterday", "12 days ago".
pub fn days_ago(days: i64) -> String {
    match days {
        0 => "today".into(),
        1 => "yesterday".into(),
        d if d < 0 => format!("in {}", plural(-d, "day", "days")),
        d => format!("{d} days ago"),
    }
}

/// "today", "tomorrow", "in 9 days".
pub fn days_until(days: i64) -> String {
    match days {
        0 => "today".into(),
        1 => "tomorrow".into(),
        d if d < 0 => days_ago(-d),
        d => format!("in {d} days"),
    }
}

/// When a promise is due, gently: "due today", "due in 3 days", "was due 4 days ago".
pub fn due(days_late: i64) -> String {
    match days_late {
        0 => "due today".into(),
        -1 => "due tomorrow".into(),
        d if d < 0 => format!("due in {} days", -d),
        1 => "was due yesterday".into(),
        d => format!("was due {d} days ago"),
    }
}

/// "Known for 3 years (since 2023)" when `met` names a year; otherwise what the journal
/// knows: "In your journal for 2 years (since May 2024)", "In your journal since March 2026".
pub fn known(k: KnownSince, today: NaiveDate) -> String {
    let years = k.years(today);
    let (lead, since) = match k {
        KnownSince::Year(y) => ("Known", y.to_string()),
        KnownSince::Date(d) => ("In your journal", d.format("%B %Y").to_string()),
    };
    if years >= 1 {
        format!(
            "{lead} for {} (since {since})",
            plural(years, "year", "years")
        )
    } else {
        format!("{lead} since {since}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn wording() {
        assert_eq!(due(0), "due today");
        assert_eq!(due(4), "was due 4 days ago");
        assert_eq!(due(-2), "due in 2 days");
        assert_eq!(days_ago(1), "yesterday");
        assert_eq!(
            day(d(2026, 11, 26), d(2026, 11, 24)),
            "Thu\u{a0}26\u{a0}Nov"
        );
        assert_eq!(day(d(2025, 12, 31), d(2026, 1, 1)), "31\u{a0}Dec\u{a0}2025");
        assert_eq!(
            known(KnownSince::Year(2023), d(2026, 11, 24)),
            "Known for 3 years (since 2023)"
        );
        assert_eq!(
            known(KnownSince::Date(d(2026, 3, 1)), d(2026, 11, 24)),
            "In your journal since March 2026"
        );
        assert_eq!(
            known(KnownSince::Date(d(2025, 11, 24)), d(2026, 11, 24)),
            "In your journal for 1 year (since November 2025)"
        );
    }
}
