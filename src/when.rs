//! Human-friendly dates ("yesterday", "last friday 9:30", "3 weeks ago"),
//! always resolved against an injected `now` so results are reproducible.
//!
//! Weekday rules:
//! - bare `friday` = the nearest friday in the past; today counts if it is friday
//!   (a journal mostly records things that already happened);
//! - `last friday` = the first friday strictly before today;
//! - `next friday` = the first friday strictly after today;
//! - `this friday` = the friday of the current Monday-to-Sunday week.

use chrono::{Datelike, Days, Months, NaiveDate, NaiveDateTime, NaiveTime, Weekday};
use std::fmt;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum When {
    Date(NaiveDate),
    DateTime(NaiveDateTime),
}

impl When {
    pub fn date(&self) -> NaiveDate {
        match self {
            When::Date(d) => *d,
            When::DateTime(dt) => dt.date(),
        }
    }

    pub fn at_or(&self, default_time: NaiveTime) -> NaiveDateTime {
        match self {
            When::Date(d) => d.and_time(default_time),
            When::DateTime(dt) => *dt,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WhenError(pub String);

impl fmt::Display for WhenError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for WhenError {}

const HINT: &str =
    "try 2026-11-20, \"2026-11-20 14:00\", yesterday, \"last friday\" or \"3 days ago\"";

/// Quotes user input for an error message. Escaping keeps terminal control and
/// bidi characters out of the message; the cap keeps the message to one line.
fn quoted(s: &str) -> String {
    const MAX_CHARS: usize = 40;
    let shown: String = s
        .chars()
        .take(MAX_CHARS)
        .flat_map(char::escape_debug)
        .collect();
    let more = if s.chars().nth(MAX_CHARS).is_some() {
        "…"
    } else {
        ""
    };
    format!("\"{shown}{more}\"")
}

fn unreadable(input: &str) -> WhenError {
    WhenError(format!("cannot read {} as a date; {HINT}", quoted(input)))
}

fn too_far(input: &str) -> WhenError {
    WhenError(format!("{} is too far from today", quoted(input)))
}

pub fn parse_when(input: &str, now: NaiveDateTime) -> Result<When, WhenError> {
    let original = input.trim();
    if original.is_empty() {
        return Err(WhenError(format!("no date given; {HINT}")));
    }
    let lowered = original.to_lowercase();
    let mut words: Vec<&str> = Vec::new();
    for word in lowered.split_whitespace() {
        // ISO 8601 glues date and time with a 'T'; split it so it reads like "date time".
        match word.split_once('t') {
            Some((d, t)) if d.starts_with(|c: char| c.is_ascii_digit()) => {
                words.push(d);
                words.push(t);
            }
            _ => words.push(word),
        }
    }

    let today = now.date();
    if let Some((last, rest)) = words.split_last()
        && looks_like_time(last)
    {
        let time = parse_time(last)?;
        let day = match rest {
            [] => today,
            _ => parse_day(rest, today, original)?,
        };
        return Ok(When::DateTime(day.and_time(time)));
    }
    if words == ["now"] {
        return Ok(When::DateTime(now));
    }
    parse_day(&words, today, original).map(When::Date)
}

fn looks_like_time(word: &str) -> bool {
    word.contains(':') && word.chars().all(|c| c.is_ascii_digit() || c == ':')
}

fn parse_time(word: &str) -> Result<NaiveTime, WhenError> {
    let bad = || {
        WhenError(format!(
            "{} is not a valid time; use 24-hour HH:MM or HH:MM:SS, e.g. 14:00",
            quoted(word)
        ))
    };
    let parts: Vec<&str> = word.split(':').collect();
    let (h, m, s) = match parts.as_slice() {
        [h, m] => (*h, *m, "0"),
        [h, m, s] if s.len() == 2 => (*h, *m, *s),
        _ => return Err(bad()),
    };
    if h.is_empty() || h.len() > 2 || m.len() != 2 {
        return Err(bad());
    }
    let num = |p: &str| p.parse::<u32>().map_err(|_| bad());
    NaiveTime::from_hms_opt(num(h)?, num(m)?, num(s)?).ok_or_else(bad)
}

/// Parses everything that names a day (no time of day).
fn parse_day(words: &[&str], today: NaiveDate, original: &str) -> Result<NaiveDate, WhenError> {
    let far = || too_far(original);
    let (which, name) = match words {
        [w] => ("", *w),
        [which, w] => (*which, *w),
        _ => ("", ""),
    };
    if let Some(target) = weekday(name)
        && matches!(which, "" | "last" | "next" | "this")
    {
        let offset = weekday_offset(which, today.weekday(), target);
        return step(today, offset.unsigned_abs(), 0, offset > 0).ok_or_else(far);
    }
    let (n, unit, forward) = match words {
        [w] if w.starts_with(|c: char| c.is_ascii_digit()) => return parse_iso_date(w, original),
        ["today"] => (0, "day", true),
        ["yesterday"] => (1, "day", false),
        ["tomorrow"] => (1, "day", true),
        ["next", unit] => (1, *unit, true),
        ["last", unit] => (1, *unit, false),
        [n, unit, "ago"] => (count(n, original)?, *unit, false),
        ["in", n, unit] => (count(n, original)?, *unit, true),
        _ => return Err(unreadable(original)),
    };
    let (days, months) = match unit {
        "day" | "days" => (u64::from(n), 0),
        "week" | "weeks" => (u64::from(n) * 7, 0),
        "month" | "months" => (0, n),
        "year" | "years" => (0, n.checked_mul(12).ok_or_else(far)?),
        _ => return Err(unreadable(original)),
    };
    step(today, days, months, forward).ok_or_else(far)
}

/// Calendar months first, so day-of-month clamps (Mar 31 - 1 month = Feb 28).
fn step(day: NaiveDate, days: u64, months: u32, forward: bool) -> Option<NaiveDate> {
    let (days, months) = (Days::new(days), Months::new(months));
    if forward {
        day.checked_add_months(months)?.checked_add_days(days)
    } else {
        day.checked_sub_months(months)?.checked_sub_days(days)
    }
}

/// Signed days from `today` to the weekday named by `which` (see module docs).
fn weekday_offset(which: &str, today: Weekday, target: Weekday) -> i64 {
    let today = i64::from(today.num_days_from_monday());
    let target = i64::from(target.num_days_from_monday());
    let back = (today - target).rem_euclid(7);
    match which {
        "last" if back == 0 => -7,
        "next" => 7 - back,
        "this" => target - today,
        _ => -back,
    }
}

fn parse_iso_date(word: &str, original: &str) -> Result<NaiveDate, WhenError> {
    let parts: Vec<&str> = word.split('-').collect();
    let all_digits = parts.iter().all(|p| p.bytes().all(|b| b.is_ascii_digit()));
    let (y, m, d) = match parts.as_slice() {
        [y, m, d] if all_digits && y.len() == 4 && m.len() <= 2 && d.len() <= 2 => (y, m, d),
        _ => return Err(unreadable(original)),
    };
    match (y.parse::<i32>(), m.parse::<u32>(), d.parse::<u32>()) {
        (Ok(y), Ok(m), Ok(d)) => NaiveDate::from_ymd_opt(y, m, d)
            .ok_or_else(|| WhenError(format!("{word} is not a real date (YYYY-MM-DD)"))),
        _ => Err(unreadable(original)),
    }
}

fn weekday(word: &str) -> Option<Weekday> {
    Some(match word {
        "monday" | "mon" => Weekday::Mon,
        "tuesday" | "tue" | "tues" => Weekday::Tue,
        "wednesday" | "wed" => Weekday::Wed,
        "thursday" | "thu" | "thur" | "thurs" => Weekday::Thu,
        "friday" | "fri" => Weekday::Fri,
        "saturday" | "sat" => Weekday::Sat,
        "sunday" | "sun" => Weekday::Sun,
        _ => return None,
    })
}

fn count(word: &str, original: &str) -> Result<u32, WhenError> {
    match word {
        "a" | "an" | "one" => Ok(1),
        // Only digits, so the one way to fail is overflow.
        w if !w.is_empty() && w.bytes().all(|b| b.is_ascii_digit()) => {
            w.parse().map_err(|_| too_far(original))
        }
        _ => Err(unreadable(original)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn at(y: i32, m: u32, d: u32, h: u32, min: u32) -> NaiveDateTime {
        NaiveDate::from_ymd_opt(y, m, d)
            .and_then(|day| day.and_hms_opt(h, min, 0))
            .expect("valid test time")
    }

    /// Tuesday 2026-11-24 14:26.
    fn now() -> NaiveDateTime {
        at(2026, 11, 24, 14, 26)
    }

    /// `table` holds `input => want` cases separated by newlines or ';', where
    /// `want` is `YYYY-MM-DD` (a `When::Date`) or `YYYY-MM-DD HH:MM:SS` (a `When::DateTime`).
    fn check(now: NaiveDateTime, table: &str) {
        for case in table
            .split(['\n', ';'])
            .map(str::trim)
            .filter(|c| !c.is_empty())
        {
            let (input, want) = case.split_once("=>").expect("case has =>");
            let want = want.trim();
            let want = match NaiveDateTime::parse_from_str(want, "%Y-%m-%d %H:%M:%S") {
                Ok(dt) => When::DateTime(dt),
                Err(_) => When::Date(want.parse().expect("expected value is a date")),
            };
            assert_eq!(parse_when(input, now), Ok(want), "{input:?}");
        }
    }

    fn err(input: &str) -> String {
        match parse_when(input, now()) {
            Err(e) => e.to_string(),
            Ok(w) => panic!("{input:?} unexpectedly gave {w:?}"),
        }
    }

    /// One `#[test]` per form: `name: now => "input => want; ..."`.
    macro_rules! forms {
        ($($name:ident: $now:expr => $table:literal;)*) => {
            $(#[test] fn $name() { check($now, $table) })*
        };
    }

    forms! {
        iso_date: now() => "2026-11-20 => 2026-11-20; 2026-1-5 => 2026-01-05";
        iso_date_time: now() => "2026-11-20 14:00 => 2026-11-20 14:00:00
            2026-11-20T14:00 => 2026-11-20 14:00:00; 2026-11-20t9:05 => 2026-11-20 09:05:00
            2026-11-20 14:00:30 => 2026-11-20 14:00:30";
        bare_time_is_today: now() => "14:00 => 2026-11-24 14:00:00; 9:05 => 2026-11-24 09:05:00";
        now_today_yesterday_tomorrow: now() => "now => 2026-11-24 14:26:00; today => 2026-11-24
            yesterday => 2026-11-23; tomorrow => 2026-11-25";
        case_and_whitespace_ignored: now() => "Last   Friday => 2026-11-20; IN 3 Days => 2026-11-27
            YESTERDAY => 2026-11-23; ToMoRRoW => 2026-11-25";
        bare_weekday_is_nearest_past_including_today: now() => "tuesday => 2026-11-24
            monday => 2026-11-23; sunday => 2026-11-22; saturday => 2026-11-21
            friday => 2026-11-20; thursday => 2026-11-19; wednesday => 2026-11-18";
        short_weekdays: now() => "tue => 2026-11-24; mon => 2026-11-23; sun => 2026-11-22
            sat => 2026-11-21; fri => 2026-11-20; thu => 2026-11-19; wed => 2026-11-18";
        last_weekday_is_strictly_before_today: now() => "last friday => 2026-11-20
            last tuesday => 2026-11-17; last mon => 2026-11-23";
        next_weekday_is_strictly_after_today: now() => "next friday => 2026-11-27
            next tuesday => 2026-12-01; next wed => 2026-11-25";
        this_weekday_is_in_current_mon_to_sun_week: now() => "this monday => 2026-11-23
            this tuesday => 2026-11-24; this fri => 2026-11-27; this sun => 2026-11-29";
        n_units_ago: now() => "3 days ago => 2026-11-21; 0 days ago => 2026-11-24
            2 weeks ago => 2026-11-10; 3 months ago => 2026-08-24; 2 years ago => 2024-11-24";
        singular_ago: now() => "1 day ago => 2026-11-23; a week ago => 2026-11-17
            1 week ago => 2026-11-17; a month ago => 2026-10-24; 1 year ago => 2025-11-24";
        in_n_units: now() => "in 3 days => 2026-11-27; in 1 day => 2026-11-25
            in a week => 2026-12-01; in 2 weeks => 2026-12-08; in 3 months => 2027-02-24";
        next_and_last_week_month: now() => "next week => 2026-12-01; next month => 2026-12-24
            last week => 2026-11-17; last month => 2026-10-24";
        day_word_then_time: now() => "yesterday 14:00 => 2026-11-23 14:00:00
            last friday 9:30 => 2026-11-20 09:30:00; Today 08:15 => 2026-11-24 08:15:00
            3 days ago 22:00:05 => 2026-11-21 22:00:05";
        month_end_clamps: at(2026, 3, 31, 12, 0) => "1 months ago => 2026-02-28
            in 1 month => 2026-04-30; in 11 months => 2027-02-28";
        month_end_clamps_to_leap_day: at(2028, 1, 31, 0, 0) => "next month => 2028-02-29";
        // 2027-01-01 is a Friday.
        year_boundary: at(2027, 1, 1, 10, 0) => "yesterday => 2026-12-31
            last monday => 2026-12-28; this monday => 2026-12-28; 2 months ago => 2026-11-01
            next friday => 2027-01-08; in 1 year => 2028-01-01";
        year_boundary_forward: at(2026, 12, 31, 0, 0) => "tomorrow => 2027-01-01
            in 1 week => 2027-01-07; next month => 2027-01-31";
    }

    #[test]
    fn surrounding_whitespace_is_trimmed() {
        let want = Ok(When::DateTime(at(2026, 11, 24, 9, 0)));
        assert_eq!(parse_when(" \t today\n 9:00 \r\n", now()), want);
    }

    /// Every ';'-separated input must fail with a message containing `needle`.
    fn rejects(inputs: &str, needle: &str) {
        for input in inputs.split(';') {
            assert!(err(input).contains(needle), "{input:?}: {}", err(input));
        }
    }

    #[test]
    fn leap_years() {
        check(now(), "2028-02-29 => 2028-02-29; 2000-02-29 => 2000-02-29");
        rejects("2026-02-29; 2100-02-29", "is not a real date");
    }

    #[test]
    fn invalid_dates_and_times_explain_themselves() {
        assert_eq!(
            err("2026-02-30"),
            "2026-02-30 is not a real date (YYYY-MM-DD)"
        );
        rejects("2026-13-01; 2026-11-31; 2026-00-10", "is not a real date");
        assert!(err("25:00").starts_with("\"25:00\" is not a valid time"));
        rejects(
            "12:60; 2026-11-20 14:5; yesterday 24:00; 1:2:3; 123:00",
            "not a valid time",
        );
    }

    #[test]
    fn unknown_words_and_empty_input() {
        let want = "cannot read \"blurday\" as a date; try 2026-11-20, \"2026-11-20 14:00\", \
                    yesterday, \"last friday\" or \"3 days ago\"";
        assert_eq!(err("blurday"), want);
        rejects(";   ", "no date given");
        rejects(
            "now 14:00; 3 fortnights ago; 26-11-20; next; -3 days ago; fri x",
            "cannot read",
        );
    }

    #[test]
    fn huge_numbers_are_errors_not_panics() {
        rejects(
            "99999999999 days ago; 4294967295 weeks ago; 400000000 years ago",
            "too far",
        );
        rejects("in 4294967295 days; in 4294967295 months", "too far");
        let end = NaiveDate::MAX.and_time(NaiveTime::MIN);
        assert!(parse_when("tomorrow", end).is_err());
        assert!(parse_when("next friday", end).is_err());
    }

    #[test]
    fn error_message_stays_one_line_and_inert() {
        let msg = err("\x1b[31m\nred\u{202e}");
        assert!(!msg.contains(['\x1b', '\n', '\u{202e}']));
        assert!(err(&"x".repeat(10_000)).len() < 200);
    }

    #[test]
    fn helpers() {
        let noon = NaiveTime::from_hms_opt(12, 0, 0).expect("valid");
        let day = at(2026, 11, 20, 0, 0).date();
        assert_eq!(When::Date(day).date(), day);
        assert_eq!(When::Date(day).at_or(noon), at(2026, 11, 20, 12, 0));
        let moment = When::DateTime(at(2026, 11, 20, 9, 30));
        assert_eq!(moment.date(), day);
        assert_eq!(moment.at_or(noon), at(2026, 11, 20, 9, 30));
    }

    proptest! {
        #[test]
        fn never_panics(s in any::<String>()) {
            let _ = parse_when(&s, now());
        }

        #[test]
        fn never_panics_near_valid_input_or_calendar_ends(
            s in "(in |last |next |this )?[0-9a-z:T -]{0,24}( ago)?( [0-9]{1,3}:[0-9]{1,3})?",
            end in any::<bool>(),
        ) {
            let edge = if end { NaiveDate::MAX } else { NaiveDate::MIN };
            let _ = parse_when(&s, edge.and_time(NaiveTime::MIN));
        }
    }
}
