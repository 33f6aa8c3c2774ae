//! Every error names what is wrong, and every empty result says why: a missing argument by
//! name, a folder that does not exist, an empty journal, a filter that matches no one.
//! Through the real binary in a temporary HOME (`support::home`), "now" 2026-11-24.

use crate::support;

use support::home::Home;

/// The data folder, made empty and private (as rolo would make it).
fn private_folder(home: &Home) {
    use std::os::unix::fs::DirBuilderExt;
    std::fs::DirBuilder::new()
        .recursive(true)
        .mode(0o700)
        .create(home.data())
        .expect("data folder");
}

#[test]
fn a_missing_argument_is_named_with_the_usage() {
    let home = Home::with_people();
    let cases: &[(&[&str], &str)] = &[
        (
            &["followup"],
            "missing --due <WHEN>, <WHO> and <TEXT> (usage: rolo followup --due <WHEN> <WHO> <TEXT>)",
        ),
        (
            &["followup", "ada-lovelace", "Call"],
            "missing --due <WHEN> (usage: rolo followup --due <WHEN> <WHO> <TEXT>)",
        ),
        (&["show"], "missing <WHO> (usage: rolo show <WHO>)"),
        (
            &["met", "ada-lovelace"],
            "missing <NEED_ID> (usage: rolo met <WHO> <NEED_ID>)",
        ),
        (
            &["intro", "ada-lovelace"],
            "missing <B> (usage: rolo intro <A> <B>)",
        ),
        (
            &["note"],
            "missing <WHO>... and <TEXT> (usage: rolo note <WHO>... <TEXT>)",
        ),
        // One of the two: it may be either.
        (
            &["note", "zoe m"],
            "missing <WHO>... or <TEXT>: who it is with, then the text \
             (usage: rolo note <WHO>... <TEXT>)",
        ),
    ];
    for (args, want) in cases {
        assert_eq!(&home.fails(args), want, "{args:?}");
    }
    // Every command that takes arguments, given none, names at least one.
    for sub in [
        "add", "note", "need", "met", "drop", "followup", "done", "show", "brief", "intro",
    ] {
        let line = home.fails(&[sub]);
        assert!(
            line.starts_with("missing <") || line.starts_with("missing --"),
            "{sub}: {line}"
        );
        assert!(
            line.contains(&format!("usage: rolo {sub} ")),
            "{sub}: {line}"
        );
    }
}

#[test]
fn a_usage_error_keeps_clap_s_tip_and_points_at_the_command_s_help() {
    let home = Home::with_people();
    assert_eq!(
        home.fails(&["list", "--tags", "math"]),
        "unexpected argument '--tags' found; a similar argument exists: '--tag' \
         (see `rolo list --help`)"
    );
    assert_eq!(
        home.fails(&["shwo", "ada"]),
        "unrecognized subcommand 'shwo'; a similar subcommand exists: 'show' (see `rolo --help`)"
    );
}

#[test]
fn a_folder_that_does_not_exist_is_an_error_for_every_command_but_add() {
    let home = Home::new();
    let missing = home.tmp.path().join("mistyped/path");
    let dir = missing.display().to_string();
    let want = format!("no journal at {dir} — create it with `rolo add`");
    for args in [
        &["list"][..],
        &["list", "--tag", "math"],
        &["list", "--due"],
        &["timeline"],
        &["timeline", "ada"],
        &["show", "ada"],
        &["brief", "ada"],
        &["check"],
        &["due"],
        &["today"],
        &["note", "ada", "Coffee"],
        &["need", "ada", "A publisher"],
        &["followup", "ada", "Call", "--due", "friday"],
        &["done", "ada", "1"],
        &["intro", "ada", "charles"],
    ] {
        let mut with_dir = vec!["--dir", dir.as_str()];
        with_dir.extend_from_slice(args);
        assert_eq!(home.fails(&with_dir), want, "{args:?}");
        assert!(!missing.exists(), "{args:?} created the folder");
    }
    // ROLO_DIR is named by the person too, and the default folder of a new user is no
    // different: nothing there yet is not an empty journal.
    let out = home
        .cmd()
        .env("ROLO_DIR", &missing)
        .arg("today")
        .output()
        .expect("run");
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        support::text(&out.stderr),
        format!("rolo: {want}\n"),
        "ROLO_DIR"
    );
    assert!(home.fails(&["list"]).starts_with("no journal at "));
    // `add` starts the journal there, and then reads work.
    home.ok(&["--dir", &dir, "add", "Ada Lovelace"]);
    assert!(
        home.ok(&["--dir", &dir, "list"])
            .starts_with("Ada Lovelace")
    );
}

#[test]
fn an_empty_journal_says_so_in_every_read() {
    let home = Home::new();
    private_folder(&home);
    let none = "no contacts yet (add one with `rolo add NAME`)\n";
    assert_eq!(home.ok(&["list"]), none);
    assert_eq!(home.ok(&["list", "--tag", "math"]), none);
    assert_eq!(home.ok(&["list", "--due"]), none);
    assert_eq!(home.ok(&["due"]), none);
    assert_eq!(
        home.ok(&["today"]),
        "Today, Tuesday 24 November 2026\nNo contacts yet (add one with `rolo add NAME`).\n"
    );
    assert_eq!(
        home.ok(&["timeline"]),
        "no entries yet (log one with `rolo note WHO TEXT`)\n"
    );
    assert_eq!(
        home.ok(&["check"]),
        "0 contacts, 0 entries: 0 errors, 0 warnings\n"
    );
}

#[test]
fn a_filter_that_matches_no_one_says_which() {
    let home = Home::with_people();
    assert_eq!(
        home.ok(&["list", "--tag", "nosuchtag"]),
        "no one tagged nosuchtag (tags in use: math, poetry)\n"
    );
    assert_eq!(
        home.ok(&["list", "--tag", "poetry", "--due"]),
        "no one tagged poetry is past their keep-in-touch rhythm\n"
    );
    assert_eq!(
        home.ok(&["timeline", "ada-byron"]),
        "no entries with Ada Byron yet (log one with `rolo note ada-byron TEXT`)\n"
    );
    let brief = home.ok(&["brief", "ada-byron"]);
    assert!(brief.contains("\nTimes together\n"), "{brief}");
    assert!(!brief.contains("Last 0"), "{brief}");
}

#[test]
fn no_rhythm_and_no_birthday_is_not_everyone_within_their_rhythm() {
    let home = Home::new();
    home.ok(&["add", "Ada Byron"]);
    assert_eq!(
        home.ok(&["list", "--due"]),
        "no one is past their keep-in-touch rhythm (no one has one yet: \
         `keep_in_touch_days = 30` in a contact file, or `rolo add NAME --every 30`)\n"
    );
    let due = home.ok(&["due"]);
    assert!(
        due.contains("No one has a keep-in-touch rhythm yet"),
        "{due}"
    );
    assert!(due.contains("No birthdays recorded yet"), "{due}");
    assert!(!due.contains("Nicely done"), "{due}");
}

#[test]
fn timeline_with_no_entries_asked_for_is_refused() {
    let home = Home::with_people();
    for n in ["0", "00"] {
        assert_eq!(
            home.fails(&["timeline", "-n", n]),
            format!(
                "invalid value '{n}' for '--count <COUNT>': 0 entries would show nothing; \
                 give 1 or more (see `rolo --help`)"
            )
        );
    }
    home.ok(&["timeline", "-n", "1"]);
}
