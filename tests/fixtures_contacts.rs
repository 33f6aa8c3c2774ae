//! The bad-input corpus for contact files (`tests/fixtures/broken/`): each broken file with its
//! exact message from `rolo check`, and proof that neither checking nor a write attempt through
//! rolo changes a byte in the data folder.
//!
//! Every test builds its own data folder in a temp dir (`support::folder`).

use crate::support;

use support::folder::{Folder, REFUSE, SKIPPED, fixture};
use support::text;

/// A contact file that does not load: `rolo check` prints exactly `expected` and fails, and
/// `rolo need` on that person refuses with the same location and writes nothing.
fn broken_contact(name: &str, expected: &str) {
    let rel = "contacts/broken.toml";
    let f = Folder::with(&[(rel, fixture(name))]);
    let before = f.snapshot();

    let check = f.rolo(&["check"]);
    let problem = format!("{}:{expected}", f.path(rel));
    assert_eq!(text(&check.stdout), format!("{problem}\n"));
    assert_eq!(
        text(&check.stderr),
        // The person of the broken file counts: they stay, marked (see `broken_contact.rs`).
        format!("rolo: 2 contacts, 0 entries: 1 error, 0 warnings; {REFUSE}\n")
    );
    assert_eq!(check.status.code(), Some(1));
    assert_eq!(f.snapshot(), before, "check changed a file");

    let need = f.rolo(&["need", "broken", "An introduction"]);
    assert_eq!(need.status.code(), Some(1));
    assert_eq!(text(&need.stdout), "");
    // Refused with the place to fix, under the name read from the file (or the id).
    let stderr = text(&need.stderr);
    assert!(
        stderr.starts_with(&format!("{SKIPPED}rolo: {problem} (")),
        "{stderr}"
    );
    assert!(
        stderr.ends_with("'s file does not load, so rolo will not change it; nothing was written. Fix the file in an editor, `rolo check` shows what is left)\n"),
        "{stderr}"
    );
    assert_eq!(f.snapshot(), before, "a write attempt changed a file");

    // Everyone else still works.
    let list = f.rolo(&["list"]);
    assert_eq!(list.status.code(), Some(0));
    assert!(text(&list.stdout).contains("Ada Lovelace"));
    assert_eq!(f.snapshot(), before);
}

#[test]
fn unclosed_string() {
    broken_contact(
        "unclosed-string.toml",
        "1:21: this string is never closed; add the closing `\"`",
    );
}

#[test]
fn bad_escape() {
    broken_contact(
        "bad-escape.toml",
        "2:16: `\\d` is not a known escape; write `\\\\` for a backslash (known: \\n \\t \\\" \\\\ \\uXXXX)",
    );
}

#[test]
fn duplicate_key() {
    broken_contact(
        "duplicate-key.toml",
        "3:1: `company` is set twice; keep only one",
    );
}

#[test]
fn table_redefined() {
    broken_contact(
        "table-redefined.toml",
        "6:2: [socials] is already defined above; a table can appear only once (use [[socials]] for a list)",
    );
}

#[test]
fn invalid_date() {
    broken_contact(
        "invalid-date.toml",
        "2:12: 2026-02-30 is not a real date (expected day between 01 and 28)",
    );
}

#[test]
fn tags_not_a_list() {
    broken_contact(
        "tags-not-a-list.toml",
        "2:8: `tags` must be a list like [\"a\", \"b\"], not the number 3",
    );
}

#[test]
fn rhythm_not_a_number() {
    broken_contact(
        "rhythm-not-a-number.toml",
        "2:22: `keep_in_touch_days` must be a whole number, not the text \"often\"",
    );
}

#[test]
fn empty_file() {
    broken_contact("empty.toml", "1:1: the file is empty");
}

#[test]
fn whitespace_only_file() {
    broken_contact("whitespace-only.toml", "1:1: the file is empty");
}

#[test]
fn not_utf8() {
    broken_contact(
        "not-utf8.toml",
        "1:12: the file is not valid UTF-8 text; save it as UTF-8",
    );
}

/// The loader sees the same problems `rolo check` prints, with paths relative to the folder.
#[test]
fn store_load_reports_the_same_problem() {
    let f = Folder::with(&[("contacts/broken.toml", fixture("duplicate-key.toml"))]);
    let loaded = rolo::store::Store::on_disk(f.root()).load().expect("load");
    let problems: Vec<String> = loaded.problems.iter().map(|p| p.to_string()).collect();
    assert_eq!(
        problems,
        ["contacts/broken.toml:3:1: `company` is set twice; keep only one"]
    );
    // Ada, and the person of the broken file, standing in under the name read from it.
    assert_eq!(loaded.contacts.len(), 2);
    assert!(
        loaded
            .contacts
            .iter()
            .any(|c| c.id == "broken" && c.name == "Ada Lovelace")
    );
}
