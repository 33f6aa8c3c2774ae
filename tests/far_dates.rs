//! Dates far away (issue 12, item 6): years outside 1900 to 2200 are refused with a clear
//! message, typed or written by hand, and what rolo prints for a date is what it stores.
//!
//! Every test builds its own data folder in a temp dir (`support::folder`).

use crate::support;

use std::fs;
use support::folder::{Folder, MONTH, REFUSE, fixture};
use support::text;

const OUTSIDE: &str = "outside the years 1900 to 2200 that rolo keeps dates in";

/// `--at "in 3000000 days"` used to succeed, clamp the year to 9999 and write a month file
/// under `journal/10240/` that no load ever reads.
#[test]
fn a_note_in_3000000_days_is_refused_and_nothing_is_written() {
    let f = Folder::with(&[]);
    let before = f.snapshot();
    let out = f.rolo(&["note", "ada", "x", "--at", "in 3000000 days"]);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        text(&out.stderr),
        format!("rolo: \"in 3000000 days\" is +10240-08-14, {OUTSIDE}\n")
    );
    assert_eq!(f.snapshot(), before);
    assert!(!f.root().join("journal").exists());
}

/// `--due` printed the day it parsed and stored another (clamped to 9999).
#[test]
fn a_far_due_date_is_refused_and_the_last_kept_day_is_stored_as_printed() {
    let f = Folder::with(&[]);
    let before = f.snapshot();
    let far = f.rolo(&["followup", "ada", "p", "--due", "in 3000000 days"]);
    assert_eq!(far.status.code(), Some(1));
    assert_eq!(
        text(&far.stderr),
        format!("rolo: \"in 3000000 days\" is +10240-08-14, {OUTSIDE}\n")
    );
    assert_eq!(f.snapshot(), before);

    let edge = f.rolo(&["followup", "ada", "p", "--due", "2200-12-31"]);
    assert_eq!(edge.status.code(), Some(0), "{}", text(&edge.stderr));
    assert!(
        text(&edge.stdout).starts_with("follow-up #1 for Ada Lovelace due 2200-12-31 ("),
        "{}",
        text(&edge.stdout)
    );
    let file = fs::read_to_string(f.root().join("contacts/ada.toml")).expect("ada");
    assert!(file.contains("due = 2200-12-31\n"), "{file}");
    let show = f.rolo(&["show", "ada"]);
    assert!(
        text(&show.stdout).contains("2200-12-31"),
        "{}",
        text(&show.stdout)
    );
}

/// A hand-written `at = 3000-01-01...` is a problem at its place, not a date clamped or read
/// as if it were fine; the month is then refused to writers like any broken file.
#[test]
fn a_hand_written_far_date_is_reported_at_its_place() {
    let f = Folder::with(&[(MONTH, fixture("far-at.month.toml"))]);
    let check = f.rolo(&["check"]);
    assert_eq!(
        text(&check.stdout),
        format!("{}:3:6: `at` 3000-01-01 is {OUTSIDE}\n", f.path(MONTH))
    );
    assert_eq!(
        text(&check.stderr),
        format!("rolo: 1 contact, 0 entries: 1 error, 0 warnings; {REFUSE}\n")
    );

    let f = Folder::with(&[("contacts/ada.toml", fixture("far-due.toml"))]);
    let check = f.rolo(&["check"]);
    assert_eq!(
        text(&check.stdout),
        format!(
            "{}:6:7: `due` 3000-01-01 is {OUTSIDE}\n",
            f.path("contacts/ada.toml")
        )
    );
    assert_eq!(check.status.code(), Some(1));
}
