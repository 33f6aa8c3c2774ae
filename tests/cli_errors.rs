//! Errors: each is one line with exit code 1 and writes nothing. Through the real binary in a
//! temporary HOME, never the real one (`support::home`). `ROLO_NOW` pins "now" to 2026-11-24.

use crate::support;

use std::fs;
use std::path::Path;
use support::home::Home;

#[test]
fn ambiguous_who_lists_candidates_and_writes_nothing() {
    let home = Home::with_people();
    let before = home.snapshot();
    let expected = "\"ada\" could be Ada Byron (ada-byron), Ada Lovelace (ada-lovelace); \
                    nothing was written. Use the id or more of the name.";
    assert_eq!(home.fails(&["note", "ada", "Coffee"]), expected);
    assert_eq!(home.fails(&["note", "charles", "ada", "Coffee"]), expected);
    assert_eq!(home.fails(&["need", "ada", "A publisher"]), expected);
    assert_eq!(
        home.fails(&["followup", "ada", "Call", "--due", "friday"]),
        expected
    );
    // A read names the candidates the same way, without talk of writing.
    assert_eq!(
        home.fails(&["show", "ada"]),
        "\"ada\" could be Ada Byron (ada-byron), Ada Lovelace (ada-lovelace). \
         Use the id or more of the name."
    );
    assert_eq!(home.snapshot(), before);
}

#[test]
fn every_error_is_one_line_with_exit_code_1() {
    let home = Home::with_people();
    home.ok(&["need", "charles", "A mechanic"]);
    let before = home.snapshot();
    let cases: &[(&[&str], &str)] = &[
        (
            &["show", "nobody"],
            "no one matches \"nobody\" (see `rolo list`, or add them with `rolo add`)",
        ),
        (
            &["note", "charles", "nobody", "Hello"],
            "no one matches \"nobody\"; nothing was written \
             (see `rolo list`, or add them with `rolo add`)",
        ),
        (
            &["note", "charles", "Hello", "--at", "the day after never"],
            "",
        ),
        (&["note", "charles", "Hello", "--at", "2026-02-30"], ""),
        (&["note", "charles", "Hello", "--at", "25:00"], ""),
        (&["followup", "charles", "Call", "--due", "someday"], ""),
        (&["followup", "charles", "Call", "--due", ""], ""),
        (
            &["met", "charles", "9"],
            "Charles Babbage has no need #9 (see `rolo show charles-babbage`)",
        ),
        (&["drop", "charles", "9"], ""),
        (
            &["done", "charles", "4"],
            "Charles Babbage has no follow-up #4",
        ),
        (&["met", "charles", "one"], ""),
        (&["met", "charles", "-1"], ""),
        (
            &["note", "charles", "   "],
            "the note is empty; nothing was written",
        ),
        (
            &["need", "charles", ""],
            "the need is empty; nothing was written",
        ),
        (
            &["add", "Ada", "--every", "0"],
            "--every needs a number of days from 1 to 36500; nothing was written",
        ),
        (&["add", "Ada", "--every", "soon"], ""),
        (&["add", "Ada", "--birthday", "someday"], ""),
        (&["frobnicate"], ""),
        (&["need"], ""),
        (&["timeline", "-n", "lots"], ""),
        (&["list", "--colour"], ""),
    ];
    for (args, expected) in cases {
        let line = home.fails(args);
        if !expected.is_empty() {
            assert_eq!(&line, expected, "{args:?}");
        }
    }
    assert_eq!(home.snapshot(), before, "a failing command wrote something");
}

#[test]
fn bad_dates_say_what_to_type() {
    let home = Home::with_people();
    let at = home.fails(&["note", "charles", "Hello", "--at", "the day after never"]);
    assert!(
        at.starts_with("cannot read \"the day after never\" as a date;"),
        "{at}"
    );
    let due = home.fails(&["followup", "charles", "Call", "--due", "someday"]);
    assert!(
        due.starts_with("cannot read \"someday\" as a date;"),
        "{due}"
    );
}

#[test]
fn a_file_where_the_folder_should_be_is_an_error() {
    let home = Home::new();
    let not_a_dir = home.tmp.path().join("file");
    fs::write(&not_a_dir, "x").expect("write");
    let dir = not_a_dir.display().to_string();
    assert_eq!(
        home.fails(&["--dir", &dir, "list"]),
        format!("{dir} is not a folder")
    );
    assert!(Path::new(&dir).is_file());
}
