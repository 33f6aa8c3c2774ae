//! Commands that write (add, note, needs, follow-ups, the demo), through the real binary in a
//! temporary HOME, never the real one (`support::home`). `ROLO_NOW` pins "now" to 2026-11-24.

use crate::support;

use std::fs;
use std::path::PathBuf;
use support::home::Home;

#[test]
fn add_writes_a_contact_file() {
    let home = Home::new();
    let out = home.ok(&[
        "add",
        "Zoë O'Brien",
        "--tag",
        "friends",
        "--company",
        "Acme",
        "--role",
        "CTO",
        "--every",
        "14",
        "--email",
        "zoe@example.org",
        "--birthday",
        "12-10",
        "--met",
        "PyCon",
        "--helps-with",
        "hiring",
    ]);
    assert_eq!(out, "added Zoë O'Brien (zoe-obrien)\n");
    // rolo made the data folder, privately.
    let mode = |p: PathBuf| {
        use std::os::unix::fs::PermissionsExt;
        fs::metadata(&p).expect("metadata").permissions().mode() & 0o777
    };
    assert_eq!(mode(home.data()), 0o700);
    assert_eq!(mode(home.data().join("contacts")), 0o700);
    assert_eq!(mode(home.data().join("contacts/zoe-obrien.toml")), 0o600);
    let file = home.file("contacts/zoe-obrien.toml");
    for line in [
        "name = \"Zoë O'Brien\"",
        "tags = [\"friends\"]",
        "company = \"Acme\"",
        "role = \"CTO\"",
        "email = [\"zoe@example.org\"]",
        "birthday = \"12-10\"",
        "met = \"PyCon\"",
        "keep_in_touch_days = 14",
        "can_help_with = [\"hiring\"]",
    ] {
        assert!(file.contains(line), "missing {line} in\n{file}");
    }
    // The same name again gets its own id.
    assert_eq!(
        // A second person of the same name, asked for (`rolo add` refuses it otherwise).
        home.ok(&["add", "Zoë O'Brien", "--force"]),
        "added Zoë O'Brien (zoe-obrien-2)\n"
    );
}

#[test]
fn note_with_several_people_and_every_at_form() {
    let home = Home::with_people();
    let out = home.ok(&[
        "note",
        "ada-lovelace",
        "charles",
        "Dinner, talked about the Engine",
        "--kind",
        "meeting",
        "--gave",
        "an intro to John Murray",
    ]);
    assert_eq!(
        out,
        "logged meeting with Ada Lovelace, Charles Babbage on 2026-11-24 12:00: “Dinner, talked about the Engine” (2026-11-24-1200-ada)\n"
    );
    let month = home.file("journal/2026/2026-11.toml");
    assert!(
        month.contains("with = [\"ada-lovelace\", \"charles-babbage\"]"),
        "{month}"
    );
    assert!(
        month.contains("gave = \"an intro to John Murray\""),
        "{month}"
    );
    for (at, when) in [
        ("2026-11-20", "2026-11-20 12:00"),
        ("2026-11-20 14:00", "2026-11-20 14:00"),
        ("yesterday", "2026-11-23 12:00"),
        ("last friday", "2026-11-20 12:00"),
        ("3 days ago", "2026-11-21 12:00"),
    ] {
        let out = home.ok(&["note", "charles", "A call", "--at", at, "--kind", "call"]);
        assert!(
            out.starts_with(&format!(
                "logged call with Charles Babbage on {when}: “A call” ("
            )),
            "--at {at}: {out}"
        );
    }
    // A second note at the same minute gets its own id.
    let again = home.ok(&["note", "charles", "Another", "--at", "2026-11-20 14:00"]);
    assert!(again.ends_with("(2026-11-20-1400-charles-2)\n"), "{again}");
    let timeline = home.ok(&["timeline", "charles", "-n", "2"]);
    assert_eq!(
        timeline,
        "2026-11-24 12:00  meeting with Ada Lovelace\n    Dinner, talked about the Engine\n    gave: an intro to John Murray\n\
         2026-11-23 12:00  call\n    A call\n"
    );
}

#[test]
fn needs_and_follow_ups_through_their_life() {
    let home = Home::with_people();
    assert_eq!(
        home.ok(&["need", "ada lovelace", "A publisher"]),
        "need #1 recorded for Ada Lovelace\n"
    );
    assert_eq!(
        home.ok(&["need", "ada-lovelace", "Beta readers"]),
        "need #2 recorded for Ada Lovelace\n"
    );
    assert_eq!(
        home.ok(&["met", "ada-lovelace", "1", "--how", "John Murray"]),
        "need #1 of Ada Lovelace marked met: John Murray\n"
    );
    assert_eq!(
        home.ok(&["drop", "ada-lovelace", "2"]),
        "need #2 of Ada Lovelace marked dropped\n"
    );
    assert_eq!(
        home.ok(&[
            "followup",
            "charles",
            "Send the notes",
            "--due",
            "2026-12-01"
        ]),
        "follow-up #1 for Charles Babbage due 2026-12-01 (Tuesday, in 7 days)\n"
    );
    assert_eq!(
        home.ok(&["followup", "charles", "Call back", "--due", "tomorrow"]),
        "follow-up #2 for Charles Babbage due 2026-11-25 (Wednesday, tomorrow)\n"
    );
    assert_eq!(
        home.ok(&["done", "charles", "1"]),
        "follow-up #1 of Charles Babbage done\n"
    );
    let file = home.file("contacts/ada-lovelace.toml");
    assert!(
        file.contains("status = \"met\"\nmet_on = 2026-11-24\nhow = \"John Murray\""),
        "{file}"
    );
    assert!(file.contains("status = \"dropped\""), "{file}");
    // A need no longer open is not marked again: a met one dropped would lose its day.
    let before = home.snapshot();
    for (args, why) in [
        (
            ["drop", "ada-lovelace", "1"],
            "need #1 of Ada Lovelace is already met (on 24 Nov 2026)",
        ),
        (
            ["met", "ada-lovelace", "2"],
            "need #2 of Ada Lovelace is already dropped",
        ),
        (
            ["drop", "ada-lovelace", "2"],
            "need #2 of Ada Lovelace is already dropped",
        ),
    ] {
        let err = home.fails(&args);
        assert_eq!(
            err,
            format!("{why}; nothing was written (`rolo edit` changes it by hand)"),
            "{args:?}"
        );
    }
    assert_eq!(home.snapshot(), before);
    // Nor is a note dated still to come, as the note editor refuses it.
    let err = home.fails(&["note", "ada-lovelace", "Lunch", "--at", "tomorrow"]);
    assert!(
        err.contains("Wed 25 Nov 12:00 is still to come; a note is about what happened"),
        "{err}"
    );
    assert_eq!(home.snapshot(), before);
    let show = home.ok(&["show", "charles"]);
    assert!(
        show.contains("\nFollow-ups\n  #2 Call back  (due 2026-11-25)\n"),
        "{show}"
    );
    assert!(!show.contains("Send the notes"), "{show}");
}

#[test]
fn demo_runs_without_touching_home() {
    let home = Home::new();
    let list = home.ok(&["--demo", "list"]);
    assert_eq!(list.lines().count(), 25, "{list}");
    let timeline = home.ok(&["--demo", "timeline", "-n", "3"]);
    assert!(timeline.lines().count() >= 6, "{timeline}");
    // A write in the demo lands in its temp copy, which is gone afterwards.
    let first = list.split("  ").next().unwrap_or_default().to_string();
    home.ok(&["--demo", "need", &first, "Something"]);
    assert!(home.snapshot().is_empty(), "{:?}", home.snapshot().keys());
    assert_eq!(
        fs::read_dir(home.tmp.path()).expect("tmp").count(),
        1,
        "the demo left something in TMPDIR"
    );
    assert!(
        home.fails(&["--demo", "--dir", "x", "list"])
            .contains("--dir")
    );
}

/// `--kind` takes the kinds rolo knows, in any case; another (a typo, nothing) is refused
/// with the list, and nothing is written that `rolo check` would then warn about.
#[test]
fn note_kind_is_one_rolo_knows() {
    let home = Home::with_people();
    let before = home.snapshot();
    for kind in ["cofee", "", " "] {
        let err = home.fails(&["note", "ada-lovelace", "Tea", "--kind", kind]);
        assert_eq!(
            err,
            format!(
                "--kind \"{}\" is not a kind rolo knows (note, coffee, call, message, email, \
                 meeting, event, intro, gift); nothing was written",
                kind.trim()
            ),
            "{kind:?}"
        );
    }
    assert_eq!(home.snapshot(), before);
    home.ok(&["note", "ada-lovelace", "Tea", "--kind", "Coffee"]);
    assert!(home.ok(&["check"]).contains(": 0 errors, 0 warnings"));
}

/// A name is one line with single spaces, as a person means it: a pasted line break or a
/// doubled space is not part of it. A control character is refused.
#[test]
fn a_name_is_kept_on_one_line_with_single_spaces() {
    let home = Home::new();
    assert_eq!(
        home.ok(&["add", "Hans  Becker"]),
        "added Hans Becker (hans-becker)\n"
    );
    assert_eq!(
        home.ok(&["add", "New\nLine"]),
        "added New Line (new-line)\n"
    );
    assert!(
        home.file("contacts/new-line.toml")
            .starts_with("name = \"New Line\"\n")
    );
    let before = home.snapshot();
    assert_eq!(
        home.fails(&["add", "Bell\u{7}Ringer"]),
        "the name holds a control character; nothing was written"
    );
    assert_eq!(
        home.fails(&["rename", "hans-becker", "Hans\u{1b}[31m"]),
        "the new name holds a control character; nothing was written"
    );
    assert_eq!(home.snapshot(), before);
    home.ok(&["rename", "hans-becker", "Hans \t Becker-Ott"]);
    assert!(
        home.file("contacts/hans-becker.toml")
            .contains("name = \"Hans Becker-Ott\"")
    );
}
