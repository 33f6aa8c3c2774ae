//! A broken file is never written, whichever command; `rolo check` finds every file a write
//! would refuse, and names it by its full path:line:col, as the refusal does (issue 12, item 4).
//!
//! Every test builds its own data folder in a temp dir (`support::folder`).

use crate::support;

use std::fs;
use support::folder::{Folder, MONTH, fixture};
use support::text;

const ADA: &str = "contacts/ada.toml";

/// The error lines `check` gives for one file (warnings left out).
fn errors_for(f: &Folder, rel: &str) -> Vec<String> {
    let check = f.rolo(&["check"]);
    let at = format!("{}:", f.path(rel));
    text(&check.stdout)
        .lines()
        .filter(|l| l.starts_with(&at) && !l.contains(": warning: "))
        .map(str::to_string)
        .collect()
}

/// A month file broken only at its very end (a lone CR after the last line) used to read again
/// once an entry followed it: `check` called it broken and `note` wrote to it anyway.
#[test]
fn a_month_broken_at_its_end_is_not_appended_to() {
    let f = Folder::with(&[(MONTH, fixture("lone-cr-at-end.month.toml"))]);
    let before = f.snapshot();
    let problem = format!(
        "{}:5:13: a carriage return (U+000D) must be followed by a line feed; delete it or end the line with CRLF",
        f.path(MONTH)
    );
    assert_eq!(errors_for(&f, MONTH), std::slice::from_ref(&problem));
    let note = f.rolo(&["note", "ada", "Lunch", "--at", "2026-11-10"]);
    assert_eq!(note.status.code(), Some(1));
    assert_eq!(
        text(&note.stderr),
        format!(
            "rolo: {problem} (fix this file first: rolo will not change it while it is broken, nothing was written)\n"
        )
    );
    assert_eq!(f.snapshot(), before);
}

/// A month file of a form feed alone passed `check` as empty, and every note for that month
/// was then refused with a path relative to the data folder. Now `check` reports it, and the
/// refusal names the same place by its full path, even when `--dir` is given relative.
#[test]
fn a_form_feed_month_is_reported_and_refused_with_its_full_path() {
    let f = Folder::with(&[(MONTH, fixture("form-feed.month.toml"))]);
    let before = f.snapshot();
    let problem = format!(
        "{}:1:1: a control character (U+000C) is not allowed in a TOML file; delete it (inside a string, write it as \\u000C)",
        f.path(MONTH)
    );
    assert_eq!(errors_for(&f, MONTH), std::slice::from_ref(&problem));
    let note = assert_cmd::Command::cargo_bin("rolo")
        .expect("binary")
        .current_dir(f.tmp.path())
        .args([
            "--dir",
            "data",
            "note",
            "ada",
            "Lunch",
            "--at",
            "2026-11-10",
        ])
        .env("HOME", f.home())
        .env("ROLO_NOW", "2026-11-24T12:00:00+01:00")
        .env_remove("ROLO_DIR")
        .output()
        .expect("run rolo");
    assert_eq!(note.status.code(), Some(1));
    assert_eq!(
        text(&note.stderr),
        format!(
            "rolo: {problem} (fix this file first: rolo will not change it while it is broken, nothing was written)\n"
        )
    );
    assert_eq!(f.snapshot(), before);
}

/// Every file of the bad-input corpus, as a month file and as a contact file: a write refuses
/// it exactly when `check` reports it as an error, with the same path:line:col and message,
/// and a refused write changes nothing.
#[test]
fn check_and_the_writers_agree_on_every_broken_file() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/broken");
    let mut names: Vec<String> = fs::read_dir(&dir)
        .expect("fixtures")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    for name in &names {
        let f = Folder::with(&[(MONTH, fixture(name))]);
        let errors = errors_for(&f, MONTH);
        let before = f.snapshot();
        let note = f.rolo(&["note", "ada", "Lunch", "--at", "2026-11-10"]);
        agree(name, "note", &errors, &note, || f.snapshot() == before);

        let f = Folder::with(&[(ADA, fixture(name))]);
        let errors = errors_for(&f, ADA);
        let before = f.snapshot();
        for args in [
            &["need", "ada", "A publisher"][..],
            &["followup", "ada", "Send it", "--due", "friday"],
        ] {
            let out = f.rolo(args);
            agree(name, args[0], &errors, &out, || f.snapshot() == before);
        }
    }
}

fn agree(
    name: &str,
    command: &str,
    errors: &[String],
    out: &std::process::Output,
    unchanged: impl Fn() -> bool,
) {
    let stderr = text(&out.stderr);
    match errors.first() {
        Some(problem) => {
            assert_eq!(out.status.code(), Some(1), "{name}: {command}: {stderr}");
            assert!(
                stderr.contains(problem.as_str()),
                "{name}: {command} must give check's message {problem:?}, gave {stderr:?}"
            );
            assert!(unchanged(), "{name}: {command} wrote to a broken file");
        }
        None => assert_eq!(
            out.status.code(),
            Some(0),
            "{name}: check passed the file, {command} refused it: {stderr}"
        ),
    }
}

/// A second byte-order mark was taken off silently by the parser (and dropped by the first
/// write); it is reported, and nothing writes to the file.
#[test]
fn a_second_byte_order_mark_is_reported() {
    let f = Folder::with(&[(ADA, fixture("second-bom.toml"))]);
    assert_eq!(
        errors_for(&f, ADA),
        [format!(
            "{}:1:1: a second byte-order mark (U+FEFF) at the start of the file; delete it",
            f.path(ADA)
        )]
    );
}
