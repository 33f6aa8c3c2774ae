//! The bad-input corpus for month files, and files that load with a warning: each with its
//! exact message from `rolo check`, and proof that checking changes nothing.
//!
//! Every test builds its own data folder in a temp dir (`support::folder`).

use crate::support;

use std::fs;
use support::folder::{Folder, MONTH, REFUSE, fixture};
use support::text;

/// A month file with `at` as text: reported, and a note for that month is refused.
#[test]
fn bad_at_in_a_month_file() {
    let f = Folder::with(&[(MONTH, fixture("bad-at.month.toml"))]);
    let before = f.snapshot();
    let check = f.rolo(&["check"]);
    let problem = format!(
        "{}:3:6: `at` must be a date and time like 2026-11-24T14:05:00+01:00",
        f.path(MONTH)
    );
    assert_eq!(text(&check.stdout), format!("{problem}\n"));
    assert_eq!(
        text(&check.stderr),
        format!("rolo: 1 contact, 0 entries: 1 error, 0 warnings; {REFUSE}\n")
    );
    assert_eq!(check.status.code(), Some(1));

    let note = f.rolo(&["note", "ada", "Lunch", "--at", "2026-11-10"]);
    assert_eq!(note.status.code(), Some(1));
    assert_eq!(
        text(&note.stderr),
        format!(
            // `note` reads contacts only, so the month's problem comes from the write itself.
            "rolo: {problem} (fix this file first: rolo will not change it while it is broken, nothing was written)\n"
        )
    );
    assert_eq!(f.snapshot(), before);
    // Another month is a different file and takes the note.
    let other = f.rolo(&["note", "ada", "Lunch", "--at", "2026-10-10"]);
    assert_eq!(other.status.code(), Some(0), "{}", text(&other.stderr));
}

/// Files that load with a warning: `check` passes, prints each warning, changes nothing.
fn warns(
    files: &[(&str, Vec<u8>)],
    expected: impl Fn(&Folder) -> Vec<String>,
    summary: &str,
) -> Folder {
    let f = Folder::with(files);
    let before = f.snapshot();
    let check = f.rolo(&["check"]);
    let mut want: String = expected(&f).iter().map(|l| format!("{l}\n")).collect();
    want.push_str(summary);
    want.push('\n');
    assert_eq!(text(&check.stdout), want);
    assert_eq!(text(&check.stderr), "");
    assert_eq!(check.status.code(), Some(0));
    assert_eq!(f.snapshot(), before);
    f
}

#[test]
fn unknown_kind_warns_and_still_loads() {
    let f = warns(
        &[(MONTH, fixture("unknown-kind.month.toml"))],
        |f| {
            vec![format!(
                "{}:5:8: warning: unknown kind \"brunch\"; known kinds are note, coffee, call, message, email, meeting, event, intro, gift",
                f.path(MONTH)
            )]
        },
        "1 contact, 1 entry: 0 errors, 1 warning",
    );
    let timeline = f.rolo(&["timeline"]);
    assert_eq!(
        text(&timeline.stdout),
        "2026-11-02 10:00  brunch with Ada Lovelace\n    Pancakes and plans\n"
    );
}

#[test]
fn duplicate_entry_ids_warn() {
    warns(
        &[(MONTH, fixture("duplicate-entry-ids.month.toml"))],
        |f| {
            vec![format!(
                "{}:8:6: warning: entry id \"2026-11-02-1000-ada\" is used twice (also in journal/2026/2026-11.toml)",
                f.path(MONTH)
            )]
        },
        "1 contact, 2 entries: 0 errors, 1 warning",
    );
}

#[test]
fn entries_naming_unknown_contacts_warn() {
    let f = warns(
        &[(MONTH, fixture("unknown-contact.month.toml"))],
        |f| {
            vec![format!(
                "{}:4:16: warning: no contact \"ghost\" (no file contacts/ghost.toml)",
                f.path(MONTH)
            )]
        },
        "1 contact, 1 entry: 0 errors, 1 warning",
    );
    // The unknown id is shown as it is written rather than dropped.
    let show = f.rolo(&["timeline", "ada"]);
    assert!(
        text(&show.stdout).contains("with ghost"),
        "{}",
        text(&show.stdout)
    );
}

/// Two needs numbered 1: a warning; marking "need 1" met changes the first and keeps the
/// second exactly as written (it used to be overwritten by the first).
#[test]
fn duplicate_need_ids_warn_and_lose_nothing() {
    let rel = "contacts/dup.toml";
    let f = warns(
        &[(rel, fixture("duplicate-need-ids.toml"))],
        |f| {
            vec![format!(
                "{}:9:6: warning: two needs have id 1; give each its own number",
                f.path(rel)
            )]
        },
        "2 contacts, 0 entries: 0 errors, 1 warning",
    );
    let met = f.rolo(&["met", "dup", "1", "--how", "John Murray"]);
    assert_eq!(met.status.code(), Some(0), "{}", text(&met.stderr));
    let after = text(&fs::read(f.root().join(rel)).expect("read"));
    assert!(
        after.contains("what = \"A publisher for her notes\""),
        "{after}"
    );
    assert!(
        after.contains("what = \"Beta readers\"\nsince = 2026-11-03\n"),
        "{after}"
    );
    assert_eq!(after.matches("status = \"met\"").count(), 1, "{after}");
}

#[test]
fn a_ten_megabyte_note_loads() {
    let note = "Long minutes of a long meeting. ".repeat(10 * 1024 * 1024 / 32);
    let month = format!(
        "[[entry]]\nid = \"big\"\nat = 2026-11-02T10:00:00Z\nwith = [\"ada\"]\nnote = \"\"\"\n{note}\n\"\"\"\n"
    );
    assert!(month.len() >= 10 * 1024 * 1024);
    let f = Folder::with(&[(MONTH, month.into_bytes())]);
    let before = f.snapshot();
    let check = f.rolo(&["check"]);
    assert_eq!(
        text(&check.stdout),
        "1 contact, 1 entry: 0 errors, 0 warnings\n"
    );
    let show = f.rolo(&["show", "ada"]);
    assert_eq!(show.status.code(), Some(0));
    assert!(text(&show.stdout).contains("    Long minutes of a long meeting."));
    assert_eq!(f.snapshot(), before);
}

/// An empty month file (a `git` merge or an editor can leave one) is a month with nothing in
/// it yet: no error, and the next note lands in it.
#[test]
fn an_empty_month_file_is_an_empty_month() {
    let f = warns(
        &[(MONTH, fixture("empty.toml"))],
        |_| Vec::new(),
        "1 contact, 0 entries: 0 errors, 0 warnings",
    );
    let note = f.rolo(&["note", "ada", "Lunch", "--at", "2026-11-10"]);
    assert_eq!(note.status.code(), Some(0), "{}", text(&note.stderr));
    let month = fs::read_to_string(f.root().join(MONTH)).expect("month");
    assert!(month.starts_with("[[entry]]\n"), "{month}");
}
