//! The parser's rules, one table per form, and every weekday from every day of a week.

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
    check_leaning(Lean::Past, now, table);
}

fn check_leaning(lean: Lean, now: NaiveDateTime, table: &str) {
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
        assert_eq!(parse(input, now, lean), Ok(want), "{input:?} ({lean:?})");
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

/// Thursday 2026-12-03, the day of the bug report: `--due friday` was 2026-11-27.
fn thursday() -> NaiveDateTime {
    at(2026, 12, 3, 10, 0)
}

#[test]
fn due_bare_weekday_is_the_next_one_today_included() {
    check_leaning(
        Lean::Future,
        thursday(),
        "friday => 2026-12-04; fri => 2026-12-04; thursday => 2026-12-03
        wednesday => 2026-12-09; monday => 2026-12-07; sunday => 2026-12-06
        Friday 9:30 => 2026-12-04 09:30:00",
    );
}

#[test]
fn happened_bare_weekday_is_the_last_one_today_included() {
    check_leaning(
        Lean::Past,
        thursday(),
        "friday => 2026-11-27; thursday => 2026-12-03; wednesday => 2026-12-02
        friday 9:30 => 2026-11-27 09:30:00",
    );
}

#[test]
fn words_with_a_direction_mean_the_same_when_due() {
    let table = "today => 2026-12-03; tomorrow => 2026-12-04; yesterday => 2026-12-02
        in 3 days => 2026-12-06; 3 days ago => 2026-11-30; next week => 2026-12-10
        last week => 2026-11-26; next month => 2027-01-03; in 2 weeks => 2026-12-17
        next friday => 2026-12-04; last friday => 2026-11-27; this friday => 2026-12-04
        next thursday => 2026-12-10; last thursday => 2026-11-26; this monday => 2026-11-30
        2026-11-20 => 2026-11-20; now => 2026-12-03 10:00:00; 14:00 => 2026-12-03 14:00:00";
    check_leaning(Lean::Future, thursday(), table);
    check_leaning(Lean::Past, thursday(), table);
}

/// Every day of a week as today, every weekday named, bare and with next/last/this, for
/// both directions, against the rules spelled out by searching the calendar day by day.
#[test]
fn every_weekday_from_every_day_of_a_week() {
    let names = [
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
    ];
    // Monday 2026-11-30 to Sunday 2026-12-06.
    let week = at(2026, 11, 30, 8, 0).date();
    let mut checked = 0;
    for today in week.iter_days().take(7) {
        let now = today.and_hms_opt(8, 0, 0).expect("valid");
        let monday = week;
        for (n, name) in names.iter().enumerate() {
            let is_it = |d: &NaiveDate| d.weekday().num_days_from_monday() as usize == n;
            let days = |from: i64, to: i64| {
                (from..=to)
                    .map(|k| today + chrono::Duration::days(k))
                    .filter(is_it)
                    .collect::<Vec<_>>()
            };
            let only = |found: Vec<NaiveDate>| {
                assert_eq!(found.len(), 1, "{name} from {today}");
                found[0]
            };
            let this = monday
                .iter_days()
                .take(7)
                .find(is_it)
                .expect("a week holds every day");
            for lean in [Lean::Past, Lean::Future] {
                let want = [
                    (
                        String::new(),
                        match lean {
                            Lean::Past => only(days(-6, 0)),
                            Lean::Future => only(days(0, 6)),
                        },
                    ),
                    ("last ".into(), only(days(-7, -1))),
                    ("next ".into(), only(days(1, 7))),
                    ("this ".into(), this),
                ];
                for (which, day) in want {
                    let input = format!("{which}{name}");
                    let short = format!("{which}{}", &name[..3]);
                    for input in [input, short] {
                        assert_eq!(
                            parse(&input, now, lean),
                            Ok(When::Date(day)),
                            "{input:?} on {} {today} ({lean:?})",
                            today.weekday()
                        );
                        checked += 1;
                    }
                }
            }
        }
    }
    assert_eq!(checked, 7 * 7 * 2 * 4 * 2);
}

#[test]
fn due_hints_show_forms_for_the_future() {
    let msg = match parse_due("blurday", thursday()) {
        Err(e) => e.to_string(),
        Ok(w) => panic!("blurday gave {w:?}"),
    };
    assert!(msg.contains("try friday, tomorrow"), "{msg}");
    // Each example in the hint names a day today or later.
    for example in ["friday", "tomorrow", "next monday", "in 2 weeks"] {
        let day = parse_due(example, thursday()).map(|w| w.date());
        assert!(day.is_ok_and(|d| d >= thursday().date()), "{example}");
    }
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
        let _ = parse_due(&s, now());
    }

    #[test]
    fn never_panics_near_valid_input_or_calendar_ends(
        s in "(in |last |next |this )?[0-9a-z:T -]{0,24}( ago)?( [0-9]{1,3}:[0-9]{1,3})?",
        end in any::<bool>(),
    ) {
        let edge = if end { NaiveDate::MAX } else { NaiveDate::MIN };
        let _ = parse_when(&s, edge.and_time(NaiveTime::MIN));
        let _ = parse_due(&s, edge.and_time(NaiveTime::MIN));
    }
}

#[test]
fn days_are_said_back_in_words() {
    let today = thursday().date();
    let day = |d: u32| NaiveDate::from_ymd_opt(2026, 12, d).expect("valid");
    assert_eq!(say_day(day(3), today), "Thursday, today");
    assert_eq!(say_day(day(4), today), "Friday, tomorrow");
    assert_eq!(say_day(day(2), today), "Wednesday, yesterday");
    assert_eq!(say_day(day(11), today), "Friday, in 8 days");
    assert_eq!(say_day(day(1), today), "Tuesday, 2 days ago");
    assert_eq!(due_example(today), "2027-01-01");
    assert_eq!(due_example(at(2026, 1, 31, 0, 0).date()), "2026-02-01");
}

/// Far days are refused by what they name, not clamped (issue 12): the edges are kept.
#[test]
fn dates_outside_the_kept_years_are_refused_saying_the_day() {
    assert_eq!(
        err("in 3000000 days"),
        "\"in 3000000 days\" is +10240-08-14, outside the years 1900 to 2200 that rolo keeps dates in"
    );
    assert_eq!(
        err("2201-01-01"),
        "2201-01-01 is outside the years 1900 to 2200 that rolo keeps dates in"
    );
    assert_eq!(
        err("1899-12-31 10:00"),
        "1899-12-31 is outside the years 1900 to 2200 that rolo keeps dates in"
    );
    for far in ["200 years ago", "in 175 years", "in 3000000 days"] {
        assert!(parse_due(far, now()).is_err(), "{far}");
    }
    check(now(), "1900-01-01 => 1900-01-01; 2200-12-31 => 2200-12-31");
    check(
        now(),
        "in 174 years => 2200-11-24; 126 years ago => 1900-11-24",
    );
}

forms! {
    hours_and_minutes_ago: now() => "2 hours ago => 2026-11-24 12:26:00
        an hour ago => 2026-11-24 13:26:00; 1 hour ago => 2026-11-24 13:26:00
        45 minutes ago => 2026-11-24 13:41:00; 90 mins ago => 2026-11-24 12:56:00
        15 hours ago => 2026-11-23 23:26:00; in 30 minutes => 2026-11-24 14:56:00";
    day_and_month_is_the_last_one_for_a_note: now() => "25 oct => 2026-10-25
        Oct 25 => 2026-10-25; 25 October => 2026-10-25; 24 nov => 2026-11-24
        25 nov => 2025-11-25; 1st dec => 2025-12-01; 29 feb => 2024-02-29
        25 Oct 2025 => 2025-10-25; oct 25, 2025 => 2025-10-25; 25 nov 2026 => 2026-11-25
        25 oct 14:00 => 2026-10-25 14:00:00; 25. Oct. => 2026-10-25
        25th October => 2026-10-25; Dec 3rd => 2025-12-03";
}

#[test]
fn day_and_month_is_the_next_one_when_due() {
    check_leaning(
        Lean::Future,
        now(),
        "25 nov => 2026-11-25; 24 nov => 2026-11-24; 23 nov => 2027-11-23
        1 jan => 2027-01-01; 29 feb => 2028-02-29",
    );
}

#[test]
fn days_that_are_not_in_the_year_say_so() {
    rejects(
        "31 feb; 30 february 2026; 31 apr",
        "is not a day of the year",
    );
    rejects("25 oct 99; 32 oct; oct; 25 octember", "cannot read");
}

/// For something that happened, a bare weekday with a time is the last such moment: from
/// every day of a week, morning and evening, never still to come and never a week too far.
#[test]
fn a_weekday_with_a_time_is_never_still_to_come() {
    let names = [
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
    ];
    let week = at(2026, 11, 30, 0, 0).date();
    for today in week.iter_days().take(7) {
        for hour in [7, 22] {
            let now = today.and_hms_opt(hour, 0, 0).expect("valid");
            for (n, name) in names.iter().enumerate() {
                let got = match parse_when(&format!("{name} 18:00"), now) {
                    Ok(When::DateTime(dt)) => dt,
                    other => panic!("{name} 18:00 at {now}: {other:?}"),
                };
                assert!(got <= now, "{name} 18:00 at {now} gave {got}");
                assert!(
                    now - got < chrono::Duration::days(7),
                    "{name} 18:00 at {now} gave {got}"
                );
                assert_eq!(got.weekday().num_days_from_monday() as usize, n);
                assert_eq!(
                    got.time(),
                    NaiveTime::from_hms_opt(18, 0, 0).expect("valid")
                );
            }
        }
    }
    // Something due keeps today's: "friday 18:00" on a friday morning is this evening.
    let friday_morning = at(2026, 12, 4, 9, 0);
    assert_eq!(
        parse_due("friday 18:00", friday_morning),
        Ok(When::DateTime(at(2026, 12, 4, 18, 0)))
    );
}

#[test]
fn a_note_is_dated_in_the_past_keeping_its_time_of_day_for_a_bare_day() {
    let begun = NaiveTime::from_hms_opt(9, 15, 0).expect("valid");
    let at_of = |text: &str| happened(text, now(), begun);
    assert_eq!(at_of("yesterday 18:00"), Ok(at(2026, 11, 23, 18, 0)));
    assert_eq!(at_of("friday"), Ok(at(2026, 11, 20, 9, 15)));
    assert_eq!(at_of("2 hours ago"), Ok(at(2026, 11, 24, 12, 26)));
    assert_eq!(at_of("25 Oct"), Ok(at(2026, 10, 25, 9, 15)));
    assert_eq!(at_of("2026-10-25 14:00"), Ok(at(2026, 10, 25, 14, 0)));
    assert_eq!(
        at_of("tomorrow").map_err(|e| e.0),
        Err("Wed 25 Nov 09:15 is still to come; a note is about what happened".to_string())
    );
    assert_eq!(
        at_of("18:00").map_err(|e| e.0),
        Err("Tue 24 Nov 18:00 is still to come; a note is about what happened".to_string())
    );
    assert!(at_of("when pigs fly").is_err_and(|e| e.0.starts_with("cannot read")));
}

/// `rolo note --at`: a day alone is at noon (at this moment when that is today and noon is
/// still to come), and nothing still to come is taken, as in the note editor.
#[test]
fn a_note_on_the_command_line_is_never_dated_still_to_come() {
    let at_of = |text: &str, now| happened_at_noon(text, now).map_err(|e| e.0);
    let (morning, evening) = (at(2026, 11, 24, 9, 5), at(2026, 11, 24, 18, 30));
    assert_eq!(at_of("friday", morning), Ok(at(2026, 11, 20, 12, 0)));
    assert_eq!(at_of("today", evening), Ok(at(2026, 11, 24, 12, 0)));
    assert_eq!(at_of("today", morning), Ok(morning));
    assert_eq!(at_of("2026-11-24", morning), Ok(morning));
    assert_eq!(
        at_of("yesterday 18:00", morning),
        Ok(at(2026, 11, 23, 18, 0))
    );
    let to_come = |s: &str| {
        Err(format!(
            "{s} is still to come; a note is about what happened"
        ))
    };
    assert_eq!(at_of("tomorrow", evening), to_come("Wed 25 Nov 12:00"));
    assert_eq!(at_of("in 2 weeks", evening), to_come("Tue 8 Dec 12:00"));
    assert_eq!(at_of("20:00", evening), to_come("Tue 24 Nov 20:00"));
    assert_eq!(at_of("2027-01-02", evening), to_come("Sat 2 Jan 12:00"));
}
