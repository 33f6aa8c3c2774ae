//! Dates as a person means them, through the real binary with "now" pinned by `ROLO_NOW`:
//! a bare weekday is the next one for something due and the last one for something that
//! happened, today counting in both (see `src/when.rs`).

use crate::support;

use support::home::Home;

/// Monday 2026-11-30 to Sunday 2026-12-06, at 10:00 +01:00.
const WEEK: [&str; 7] = [
    "2026-11-30",
    "2026-12-01",
    "2026-12-02",
    "2026-12-03",
    "2026-12-04",
    "2026-12-05",
    "2026-12-06",
];

fn run_on(home: &Home, today: &str, args: &[&str]) -> String {
    let out = home
        .cmd()
        .env("ROLO_NOW", format!("{today}T10:00:00+01:00"))
        .args(args)
        .output()
        .expect("run rolo");
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(0), "{args:?} on {today}: {err}");
    String::from_utf8_lossy(&out.stdout).into_owned()
}

#[test]
fn followup_due_friday_on_a_thursday_is_tomorrow() {
    let home = Home::with_people();
    let out = run_on(
        &home,
        "2026-12-03",
        &["followup", "charles", "Send the notes", "--due", "friday"],
    );
    assert_eq!(
        out,
        "follow-up #1 for Charles Babbage due 2026-12-04 (Friday, tomorrow)\n"
    );
    let file = home.file("contacts/charles-babbage.toml");
    assert!(file.contains("due = 2026-12-04"), "{file}");
    // The brief, on the same day, speaks of it as still to come.
    let brief = run_on(&home, "2026-12-03", &["brief", "charles"]);
    assert!(!brief.contains("ago"), "{brief}");
}

/// `--due friday` and `--at friday` from every day of a week: due is the coming friday
/// (today on a friday), happened is the last friday (today on a friday).
#[test]
fn friday_from_every_day_of_a_week() {
    let home = Home::with_people();
    let due = [
        "2026-12-04",
        "2026-12-04",
        "2026-12-04",
        "2026-12-04",
        "2026-12-04",
        "2026-12-11",
        "2026-12-11",
    ];
    let happened = [
        "2026-11-27",
        "2026-11-27",
        "2026-11-27",
        "2026-11-27",
        "2026-12-04",
        "2026-12-04",
        "2026-12-04",
    ];
    for (n, today) in WEEK.iter().enumerate() {
        let out = run_on(
            &home,
            today,
            &["followup", "ada-lovelace", "x", "--due", "fri"],
        );
        assert!(
            out.contains(&format!("due {} (Friday", due[n])),
            "{today}: {out}"
        );
        run_on(
            &home,
            today,
            &[
                "note",
                "ada-lovelace",
                &format!("seen {today}"),
                "--at",
                "friday",
            ],
        );
        let timeline = run_on(&home, today, &["timeline", "ada-lovelace", "-n", "1"]);
        // A day alone is logged at noon; on that very day at 10:00, noon is still to come,
        // and a note is about what happened: at 10:00.
        let time = if happened[n] == *today {
            "10:00"
        } else {
            "12:00"
        };
        assert!(
            timeline.starts_with(&format!("{} {time}", happened[n])),
            "{today}: {timeline}"
        );
    }
}

#[test]
fn next_last_and_this_mean_the_same_for_due_and_happened() {
    let home = Home::with_people();
    let thursday = "2026-12-03";
    for (words, day) in [
        ("next friday", "2026-12-04"),
        ("last friday", "2026-11-27"),
        ("this friday", "2026-12-04"),
        ("next thursday", "2026-12-10"),
        ("thursday", "2026-12-03"),
        ("tomorrow", "2026-12-04"),
        ("in 3 days", "2026-12-06"),
        ("3 days ago", "2026-11-30"),
    ] {
        let out = run_on(
            &home,
            thursday,
            &["followup", "charles", "x", "--due", words],
        );
        assert!(out.contains(&format!("due {day} (")), "{words}: {out}");
    }
}
