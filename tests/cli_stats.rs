//! `rolo stats` and `rolo review` end to end: the figures as plain digits off a terminal (the
//! tests' stdout is a pipe), `--json` in its documented shape, one person, `--since`, a journal
//! with no entries, and the review of the demo's week as of the tests' fixed day.

use crate::support;

use serde_json::Value;
use support::home::Home;

/// Ada and Charles, with entries at a month's end and in the first days of this month
/// (today is Tuesday 24 November 2026).
fn home() -> Home {
    let home = Home::with_people();
    for (who, at, kind, extra) in [
        ("ada lovelace", "2026-10-31 23:30", "coffee", None),
        (
            "ada lovelace",
            "2026-11-02 09:00",
            "call",
            Some(("--gave", "An intro to John Murray")),
        ),
        ("charles", "2026-11-03 09:00", "intro", None),
        (
            "charles",
            "2026-11-10 09:00",
            "note",
            Some(("--asked", "A loan of his notes")),
        ),
        ("ada lovelace", "2026-11-16 09:00", "coffee", None),
    ] {
        let mut args = vec!["note", who, "Met", "--at", at, "--kind", kind];
        if let Some((flag, text)) = extra {
            args.extend([flag, text]);
        }
        home.ok(&args);
    }
    home
}

fn row<'a>(out: &'a str, month: &str) -> Vec<&'a str> {
    out.lines()
        .find(|l| l.trim_start().starts_with(month))
        .unwrap_or_else(|| panic!("no row for {month}: {out}"))
        .split_whitespace()
        .collect()
}

#[test]
fn stats_off_a_terminal_prints_plain_digits_month_by_month() {
    let home = home();
    let out = home.ok(&["stats"]);
    assert!(
        out.starts_with("Statistics as of Tuesday 24 November 2026: Dec 2024 to Nov 2026"),
        "{out}"
    );
    assert!(
        !out.contains('▁') && !out.contains('█') && !out.contains('░'),
        "{out}"
    );
    // Columns: month, total, then only the kinds that occur (note coffee call intro), then
    // needs opened, met, intros, gave, asked, rhythm.
    let header = row(&out, "month");
    assert_eq!(
        header[..6],
        ["month", "total", "note", "coffee", "call", "intro"],
        "{out}"
    );
    assert_eq!(
        row(&out, "2026-10"),
        [
            "2026-10", "1", "0", "1", "0", "0", "0", "0", "0", "0", "0", "100%"
        ]
    );
    assert_eq!(
        row(&out, "2026-11"),
        [
            "2026-11", "4", "1", "1", "1", "1", "0", "0", "1", "1", "1", "50%"
        ]
    );
    assert_eq!(row(&out, "2025-11")[1], "0");
    assert!(out.contains("Interactions per month: 5 in all"), "{out}");
    assert!(
        out.contains("  by kind: note 1, coffee 2, call 1, intro 1"),
        "{out}"
    );
    // Charles (every 7 days) was last seen 14 days ago.
    assert!(
        out.contains("Within their rhythm now: 1 of 2 people (50%)"),
        "{out}"
    );
    let top: Vec<&str> = out
        .lines()
        .skip_while(|l| !l.starts_with("Most time with"))
        .skip(1)
        .take(2)
        .collect();
    assert_eq!(
        top[0].split_whitespace().collect::<Vec<_>>(),
        ["Ada", "Lovelace", "3"],
        "{out}"
    );
    assert_eq!(
        top[1].split_whitespace().collect::<Vec<_>>(),
        ["Charles", "Babbage", "2"],
        "{out}"
    );
}

#[test]
fn no_color_on_a_pipe_is_digits_too() {
    let home = home();
    let out = home
        .cmd()
        .env("NO_COLOR", "1")
        .arg("stats")
        .output()
        .unwrap();
    let out = support::text(&out.stdout);
    assert!(out.contains("  2026-11      4"), "{out}");
    assert!(!out.contains('█'), "{out}");
}

#[test]
fn stats_json_has_the_documented_shape() {
    let home = home();
    let v: Value = serde_json::from_str(&home.ok(&["stats", "--json"])).unwrap();
    let s = &v["stats"];
    assert_eq!(v["schema"], "rolo/1");
    assert_eq!(s["today"], "2026-11-24");
    assert_eq!(s["entries"], 5);
    assert_eq!(s["people"], 3);
    let months = s["months"].as_array().unwrap();
    assert_eq!(months.len(), 24);
    let nov = &months[23];
    assert_eq!(nov["month"], "2026-11");
    assert_eq!(nov["total"], 4);
    assert_eq!(nov["kinds"]["coffee"], 1);
    assert_eq!(nov["kinds"]["other"], 0);
    assert_eq!(nov["intros"], 1);
    assert_eq!(nov["gave"], 1);
    assert_eq!(nov["asked"], 1);
    assert_eq!(nov["in_rhythm"]["within"], 1);
    assert_eq!(nov["in_rhythm"]["of"], 2);
    assert_eq!(s["days"]["start"], "2025-11-24");
    let counts = s["days"]["counts"].as_array().unwrap();
    assert_eq!(counts.len(), 366);
    assert_eq!(counts.iter().filter_map(Value::as_u64).sum::<u64>(), 5);
    assert_eq!(s["top"]["since"], "2026-01-01");
    assert_eq!(s["top"]["people"][0]["id"], "ada-lovelace");
    assert_eq!(s["top"]["people"][0]["entries"], 3);
    assert_eq!(s["rhythm_now"]["of"], 2);
}

#[test]
fn one_person_with_the_usual_gap() {
    let home = home();
    let out = home.ok(&["stats", "ada lovelace"]);
    assert!(
        out.starts_with("Ada Lovelace: 3 entries since Sat 31 Oct, the last 8 days ago"),
        "{out}"
    );
    // Gaps of 2 and 14 days: a median of 8 days, one week.
    assert!(out.contains("You usually see them every week."), "{out}");
    assert!(
        out.contains("Per month, Dec 2025 to Nov 2026: 0 0 0 0 0 0 0 0 0 0 1 2"),
        "{out}"
    );
    assert!(out.contains("you gave once and asked nothing"), "{out}");
    let v: Value = serde_json::from_str(&home.ok(&["stats", "ada lovelace", "--json"])).unwrap();
    assert_eq!(v["person_stats"]["id"], "ada-lovelace");
    assert_eq!(v["person_stats"]["usual_weeks"], 1);
    assert_eq!(v["person_stats"]["months"].as_array().unwrap().len(), 12);
}

#[test]
fn since_narrows_the_months_and_the_top() {
    let home = home();
    let v: Value =
        serde_json::from_str(&home.ok(&["stats", "--since", "2026-11-03", "--json"])).unwrap();
    let months = v["stats"]["months"].as_array().unwrap();
    assert_eq!(months.len(), 1);
    assert_eq!(v["stats"]["top"]["since"], "2026-11-03");
    assert_eq!(v["stats"]["top"]["people"][0]["id"], "charles-babbage");
    assert_eq!(v["stats"]["top"]["people"][0]["entries"], 2);
    let err = home.fails(&["stats", "--since", "someday"]);
    assert!(
        err.starts_with("--since: cannot read \"someday\" as a date"),
        "{err}"
    );
    // A day to come is said, not taken as no --since at all; for one person too.
    for args in [
        &["stats", "--since", "2026-12-06"][..],
        &["stats", "charles", "--since", "2030-01-01"],
    ] {
        let err = home.fails(args);
        assert!(err.contains("is still to come"), "{args:?}: {err}");
    }
}

#[test]
fn a_journal_without_entries_says_so_in_a_sentence() {
    let home = Home::with_people();
    let out = home.ok(&["stats"]);
    assert!(out.contains("No entries in these months yet."), "{out}");
    assert!(out.contains("Days with someone"), "{out}");
    assert!(!out.contains("Mon "), "no empty heat map: {out}");
    let out = home.ok(&["stats", "ada byron"]);
    assert!(out.contains("Ada Byron: no entries yet."), "{out}");
    let out = home.ok(&["review"]);
    assert!(out.contains("A quiet week in the journal."), "{out}");
}

#[test]
fn the_review_of_the_demo_week() {
    let home = Home::new();
    rolo::demo::install(&home.data()).expect("demo");
    insta::assert_snapshot!("review_last_week", home.ok(&["review", "--week", "last"]));
    let this = home.ok(&["review"]);
    assert!(
        this.starts_with("Your week, Mon 23 Nov to Tue 24 Nov"),
        "{this}"
    );
    assert!(!this.to_lowercase().contains("overdue"), "{this}");
}
