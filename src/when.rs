//! Human-friendly dates ("yesterday", "last friday 9:30", "3 weeks ago", "in 2 weeks",
//! "2 hours ago", "25 Oct"), always resolved against an injected `now` so results are
//! reproducible.
//!
//! The same words mean different days depending on what the date is for, so every caller
//! says which: [`parse_when`] for when something happened (`--at`, an entry's time) and
//! [`parse_due`] for when something is due (`--due`, the TUI's follow-up prompt).
//!
//! Weekday rules (today is Thursday 2026-12-03 in the examples):
//! - bare `friday`, for something that happened = the last friday, today counting if it is
//!   friday (`friday` = 2026-11-27, `thursday` = today);
//! - bare `friday`, for something due = the next friday, today counting if it is friday
//!   (`friday` = 2026-12-04, `thursday` = today);
//! - `last friday` = the first friday strictly before today (2026-11-27), in both;
//! - `next friday` = the first friday strictly after today (2026-12-04), in both;
//! - `this friday` = the friday of the current Monday-to-Sunday week (2026-12-04), in both;
//! - `friday 18:00`, for something that happened, on a friday before 18:00 = a week ago: a
//!   note is never dated still to come by a bare weekday.
//!
//! A day named with its month and no year (`25 Oct`, `Oct 25`) is the last one for something
//! that happened and the next one for something due.
//!
//! Every other form names its direction itself (`tomorrow`, `in 3 days`, `3 days ago`,
//! `next week`, `last month`, a date), so it means the same day in both; a due date in the
//! past is allowed when it is asked for in so many words.

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

/// Which way a word that names no direction (a bare weekday) leans.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lean {
    /// When something happened: the last such day, today included.
    Past,
    /// When something is due: the next such day, today included.
    Future,
}

impl Lean {
    /// Examples in error messages, each one a form that means what it shows in this direction.
    fn hint(self) -> &'static str {
        match self {
            Lean::Past => {
                "try 2026-11-20, \"2026-11-20 14:00\", yesterday, \"last friday\" or \"3 days ago\""
            }
            Lean::Future => "try friday, tomorrow, \"next monday\", \"in 2 weeks\" or 2026-12-24",
        }
    }
}

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

fn unreadable(input: &str, lean: Lean) -> WhenError {
    WhenError(format!(
        "cannot read {} as a date; {}",
        quoted(input),
        lean.hint()
    ))
}

fn too_far(input: &str) -> WhenError {
    WhenError(format!("{} is too far from today", quoted(input)))
}

/// When something happened (`--at`, an entry's time): a bare weekday is the last one.
pub fn parse_when(input: &str, now: NaiveDateTime) -> Result<When, WhenError> {
    parse(input, now, Lean::Past)
}

/// When a note happened (the note editor's "when"): `parse_when`, a day alone at
/// `time_of_day` (the time the note was begun), and never still to come.
pub fn happened(
    input: &str,
    now: NaiveDateTime,
    time_of_day: NaiveTime,
) -> Result<NaiveDateTime, WhenError> {
    let at = parse_when(input, now)?.at_or(time_of_day);
    not_to_come(at, now)
}

/// When a note given on the command line happened (`rolo note --at`): `parse_when`, a day
/// alone at noon, so that it stays on that day in any time zone, or at this moment when that
/// is today and noon is still to come; never still to come, as in the note editor.
pub fn happened_at_noon(input: &str, now: NaiveDateTime) -> Result<NaiveDateTime, WhenError> {
    let when = parse_when(input, now)?;
    let at = when.at_or(NaiveTime::from_hms_opt(12, 0, 0).unwrap_or_default());
    let at = match when {
        When::Date(day) if day == now.date() => at.min(now),
        _ => at,
    };
    not_to_come(at, now)
}

fn not_to_come(at: NaiveDateTime, now: NaiveDateTime) -> Result<NaiveDateTime, WhenError> {
    let when = at.format("%a %-d %b %H:%M");
    (at <= now).then_some(at).ok_or_else(|| {
        WhenError(format!(
            "{when} is still to come; a note is about what happened"
        ))
    })
}

/// When something is due (`--due`, the follow-up prompt): a bare weekday is the next one.
pub fn parse_due(input: &str, now: NaiveDateTime) -> Result<When, WhenError> {
    parse(input, now, Lean::Future)
}

pub fn parse(input: &str, now: NaiveDateTime, lean: Lean) -> Result<When, WhenError> {
    let when = parse_any(input, now, lean)?;
    if !crate::model::in_years(when.date()) {
        let day = when.date().format("%Y-%m-%d").to_string();
        // "in 3000000 days" is said back as the day it names; a date typed as such is not.
        let said = if input.trim().starts_with(day.as_str()) {
            format!("{day} is")
        } else {
            format!("{} is {day},", quoted(input.trim()))
        };
        return Err(WhenError(format!(
            "{said} {}",
            crate::model::outside_years()
        )));
    }
    Ok(when)
}

/// `parse` without the bound on years.
fn parse_any(input: &str, now: NaiveDateTime, lean: Lean) -> Result<When, WhenError> {
    let original = input.trim();
    if original.is_empty() {
        return Err(WhenError(format!("no date given; {}", lean.hint())));
    }
    let lowered = original.to_lowercase();
    let mut words: Vec<&str> = Vec::new();
    for word in lowered.split_whitespace() {
        // ISO 8601 glues date and time with a 'T'; split it so it reads like "date time".
        match word.split_once('t') {
            // Only after a date: "1st" and "25th" are days of a month.
            Some((d, t)) if d.starts_with(|c: char| c.is_ascii_digit()) && d.contains('-') => {
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
        let mut day = match rest {
            [] => today,
            _ => parse_day(rest, today, original, lean)?,
        };
        // "friday 18:00" on a friday morning, for something that happened: the last friday
        // evening there was, a week ago, never one still to come.
        if lean == Lean::Past
            && matches!(rest, [w] if weekday(w).is_some())
            && day == today
            && time > now.time()
        {
            day = step(day, 7, 0, false).ok_or_else(|| too_far(original))?;
        }
        return Ok(When::DateTime(day.and_time(time)));
    }
    if let Some(moment) = hours_or_minutes(&words, now, original, lean)? {
        return Ok(When::DateTime(moment));
    }
    if words == ["now"] {
        return Ok(When::DateTime(now));
    }
    parse_day(&words, today, original, lean).map(When::Date)
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
fn parse_day(
    words: &[&str],
    today: NaiveDate,
    original: &str,
    lean: Lean,
) -> Result<NaiveDate, WhenError> {
    let far = || too_far(original);
    let (which, name) = match words {
        [w] => ("", *w),
        [which, w] => (*which, *w),
        _ => ("", ""),
    };
    if let Some(target) = weekday(name)
        && matches!(which, "" | "last" | "next" | "this")
    {
        let offset = weekday_offset(which, lean, today.weekday(), target);
        return step(today, offset.unsigned_abs(), 0, offset > 0).ok_or_else(far);
    }
    if let Some(day) = day_of_month(words, today, original, lean)? {
        return Ok(day);
    }
    let (n, unit, forward) = match words {
        [w] if w.starts_with(|c: char| c.is_ascii_digit()) => {
            return parse_iso_date(w, original, lean);
        }
        ["today"] => (0, "day", true),
        ["yesterday"] => (1, "day", false),
        ["tomorrow"] => (1, "day", true),
        ["next", unit] => (1, *unit, true),
        ["last", unit] => (1, *unit, false),
        [n, unit, "ago"] => (count(n, original, lean)?, *unit, false),
        ["in", n, unit] => (count(n, original, lean)?, *unit, true),
        _ => return Err(unreadable(original, lean)),
    };
    let (days, months) = match unit {
        "day" | "days" => (u64::from(n), 0),
        "week" | "weeks" => (u64::from(n) * 7, 0),
        "month" | "months" => (0, n),
        "year" | "years" => (0, n.checked_mul(12).ok_or_else(far)?),
        _ => return Err(unreadable(original, lean)),
    };
    step(today, days, months, forward).ok_or_else(far)
}

/// "Friday, tomorrow", "Friday, 6 days ago": a date said back in words, so a person sees at
/// once whether it is the day they meant.
pub fn say_day(day: NaiveDate, today: NaiveDate) -> String {
    let relative = match day.signed_duration_since(today).num_days() {
        0 => "today".to_string(),
        1 => "tomorrow".to_string(),
        -1 => "yesterday".to_string(),
        n if n > 0 => format!("in {n} days"),
        n => format!("{} days ago", n.unsigned_abs()),
    };
    format!("{}, {relative}", day.format("%A"))
}

/// A date to show as an example of the YYYY-MM-DD form for something due: the first of
/// next month, so the example is always a day still to come.
pub fn due_example(today: NaiveDate) -> String {
    today
        .checked_add_months(Months::new(1))
        .and_then(|d| d.with_day(1))
        .unwrap_or(today)
        .format("%Y-%m-%d")
        .to_string()
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
fn weekday_offset(which: &str, lean: Lean, today: Weekday, target: Weekday) -> i64 {
    let today = i64::from(today.num_days_from_monday());
    let target = i64::from(target.num_days_from_monday());
    // Days since the target's last occurrence and until its next one, 0 when it is today.
    let back = (today - target).rem_euclid(7);
    let ahead = (target - today).rem_euclid(7);
    match (which, lean) {
        ("last", _) if back == 0 => -7,
        ("last", _) => -back,
        ("next", _) if ahead == 0 => 7,
        ("next", _) => ahead,
        ("this", _) => target - today,
        (_, Lean::Past) => -back,
        (_, Lean::Future) => ahead,
    }
}

/// "2 hours ago", "an hour ago", "45 minutes ago", "in 30 minutes": a moment, not a day.
fn hours_or_minutes(
    words: &[&str],
    now: NaiveDateTime,
    original: &str,
    lean: Lean,
) -> Result<Option<NaiveDateTime>, WhenError> {
    let (n, unit, forward) = match words {
        [n, unit, "ago"] => (*n, *unit, false),
        ["in", n, unit] => (*n, *unit, true),
        _ => return Ok(None),
    };
    let minutes_per = match unit {
        "hour" | "hours" | "hr" | "hrs" | "h" => 60,
        "minute" | "minutes" | "min" | "mins" => 1,
        _ => return Ok(None),
    };
    let n = i64::from(count(n, original, lean)?);
    let minutes = n
        .checked_mul(minutes_per)
        .and_then(chrono::Duration::try_minutes)
        .ok_or_else(|| too_far(original))?;
    let moment = if forward {
        now.checked_add_signed(minutes)
    } else {
        now.checked_sub_signed(minutes)
    };
    moment.map(Some).ok_or_else(|| too_far(original))
}

/// "25 Oct", "Oct 25", "25 October 2025", "oct 25, 2025": a day named with its month. Without
/// a year, for something that happened it is the last such day (today included), for
/// something due the next.
fn day_of_month(
    words: &[&str],
    today: NaiveDate,
    original: &str,
    lean: Lean,
) -> Result<Option<NaiveDate>, WhenError> {
    let words: Vec<&str> = words
        .iter()
        .map(|w| w.trim_end_matches([',', '.']))
        .collect();
    let (day, name, year) = match words.as_slice() {
        [a, b] | [a, b, _] if month(b).is_some() && day_number(a).is_some() => {
            (*a, *b, words.get(2))
        }
        [a, b] | [a, b, _] if month(a).is_some() && day_number(b).is_some() => {
            (*b, *a, words.get(2))
        }
        _ => return Ok(None),
    };
    let (Some(d), Some(m)) = (day_number(day), month(name)) else {
        return Ok(None);
    };
    let not_real = || WhenError(format!("{} is not a day of the year", quoted(original)));
    if let Some(year) = year {
        let y: i32 = match year.parse() {
            Ok(y) if year.len() == 4 => y,
            _ => return Err(unreadable(original, lean)),
        };
        return NaiveDate::from_ymd_opt(y, m, d)
            .map(Some)
            .ok_or_else(not_real);
    }
    // The nearest year with that day in the direction asked (29 February: up to 8 years).
    let y = today.year();
    let years: Vec<i32> = match lean {
        Lean::Past => (0..9).map(|k| y - k).collect(),
        Lean::Future => (0..9).map(|k| y + k).collect(),
    };
    for year in years {
        if let Some(day) = NaiveDate::from_ymd_opt(year, m, d) {
            let fits = match lean {
                Lean::Past => day <= today,
                Lean::Future => day >= today,
            };
            if fits {
                return Ok(Some(day));
            }
        }
    }
    Err(not_real())
}

/// "25", "25th", "1st": a day of a month.
fn day_number(word: &str) -> Option<u32> {
    let digits = word
        .strip_suffix("st")
        .or_else(|| word.strip_suffix("nd"))
        .or_else(|| word.strip_suffix("rd"))
        .or_else(|| word.strip_suffix("th"))
        .unwrap_or(word);
    if digits.is_empty() || digits.len() > 2 || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    digits.parse().ok().filter(|d| (1..=31).contains(d))
}

fn month(word: &str) -> Option<u32> {
    Some(match word {
        "jan" | "january" => 1,
        "feb" | "february" => 2,
        "mar" | "march" => 3,
        "apr" | "april" => 4,
        "may" => 5,
        "jun" | "june" => 6,
        "jul" | "july" => 7,
        "aug" | "august" => 8,
        "sep" | "sept" | "september" => 9,
        "oct" | "october" => 10,
        "nov" | "november" => 11,
        "dec" | "december" => 12,
        _ => return None,
    })
}

fn parse_iso_date(word: &str, original: &str, lean: Lean) -> Result<NaiveDate, WhenError> {
    let parts: Vec<&str> = word.split('-').collect();
    let all_digits = parts.iter().all(|p| p.bytes().all(|b| b.is_ascii_digit()));
    let (y, m, d) = match parts.as_slice() {
        [y, m, d] if all_digits && y.len() == 4 && m.len() <= 2 && d.len() <= 2 => (y, m, d),
        _ => return Err(unreadable(original, lean)),
    };
    match (y.parse::<i32>(), m.parse::<u32>(), d.parse::<u32>()) {
        (Ok(y), Ok(m), Ok(d)) => NaiveDate::from_ymd_opt(y, m, d)
            .ok_or_else(|| WhenError(format!("{word} is not a real date (YYYY-MM-DD)"))),
        _ => Err(unreadable(original, lean)),
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

fn count(word: &str, original: &str, lean: Lean) -> Result<u32, WhenError> {
    match word {
        "a" | "an" | "one" => Ok(1),
        // Only digits, so the one way to fail is overflow.
        w if !w.is_empty() && w.bytes().all(|b| b.is_ascii_digit()) => {
            w.parse().map_err(|_| too_far(original))
        }
        _ => Err(unreadable(original, lean)),
    }
}

#[cfg(test)]
mod tests;
