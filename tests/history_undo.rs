//! Every kind of change the command line makes is one commit under the line it printed, and
//! `rolo undo` takes it back and `rolo redo` puts it back, byte for byte, each command a new
//! process (so across restarts: undo reads git, not memory).

use crate::history_support::Folder;
use std::collections::BTreeMap;

type Files = BTreeMap<String, Vec<u8>>;

/// Run a change; it must be the newest commit, under the line printed. Then undo it (the
/// files as before, byte for byte), redo it (as after), and leave it done.
fn change_undo_redo(f: &Folder, args: &[&str]) -> (String, Files) {
    let before = f.files();
    let out = f.ok(args);
    let line = out.lines().last().unwrap_or_default().to_string();
    assert_eq!(
        f.subjects()[0],
        line,
        "{args:?}: the commit is the line printed"
    );
    let after = f.files();
    assert_ne!(before, after, "{args:?} changed nothing");
    assert_eq!(f.ok(&["undo"]), format!("undid: {line}\n"));
    let mut undone = f.files();
    if !before.contains_key(".gitignore") {
        // The first change made the repository; its `.gitignore` and `.gitattributes` stay
        // with the history.
        assert!(undone.remove(".gitignore").is_some());
        assert!(undone.remove(".gitattributes").is_some());
    }
    assert_eq!(undone, before, "undo of {args:?}");
    assert_eq!(f.ok(&["redo"]), format!("redid: {line}\n"));
    assert_eq!(f.files(), after, "redo of {args:?}");
    assert_eq!(f.dirty(), Vec::<String>::new(), "all committed");
    (line, after)
}

#[test]
fn every_kind_of_change_is_undone_and_redone_across_restarts() {
    let f = Folder::new();
    let mut lines = Vec::new();
    for args in [
        &["add", "Aiko Tanaka", "--tag", "design", "--every", "30"][..],
        &["add", "Sofia Rossi"],
        &["need", "aiko", "a flat in Lisbon"],
        &["need", "aiko", "a bike"],
        &["note", "aiko", "Coffee at the canal", "--kind", "coffee"],
        &["met", "aiko", "1", "--how", "intro to Sofia"],
        &["drop", "aiko", "2"],
        &["followup", "aiko", "send the link", "--due", "friday"],
        &["done", "aiko", "1"],
        &["intro", "sofia", "aiko", "--note", "both into design"],
    ] {
        let (line, _) = change_undo_redo(&f, args);
        lines.push(line);
    }
    let mut want: Vec<String> = Vec::new();
    for line in &lines {
        want.insert(0, line.clone());
        want.insert(0, format!("undo: {line}"));
        want.insert(0, format!("redo: {line}"));
    }
    let subjects = f.subjects();
    assert_eq!(subjects, want);
    // The messages name what they took back.
    let log = f.log();
    let undo_of_first = log
        .iter()
        .rev()
        .find(|m| m.starts_with("undo: added Aiko"))
        .unwrap();
    assert!(undo_of_first.contains("\n\nRolo-Undo: "), "{undo_of_first}");
}

#[test]
fn an_intro_for_a_need_is_two_changes_each_undone() {
    let f = Folder::new();
    f.ok(&["add", "Zoe"]);
    f.ok(&["add", "Nadia"]);
    f.ok(&["need", "zoe", "a publisher"]);
    let before = f.files();
    let out = f.ok(&["intro", "zoe", "nadia", "--for", "1"]);
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines.len(), 2, "{out}");
    assert_eq!(f.subjects()[..2], [lines[1], lines[0]]);
    assert_eq!(f.ok(&["undo"]), format!("undid: {}\n", lines[1]));
    assert_eq!(f.ok(&["undo"]), format!("undid: {}\n", lines[0]));
    assert_eq!(f.files(), before);
    assert_eq!(f.ok(&["redo"]), format!("redid: {}\n", lines[0]));
    assert_eq!(f.ok(&["redo"]), format!("redid: {}\n", lines[1]));
    assert_eq!(f.fails(&["redo"]), "nothing to redo");
}

#[test]
fn undo_list_redo_chain_and_a_new_change_ends_redo() {
    let f = Folder::new();
    // No folder yet: nothing to undo, said as for every command but `add`.
    assert!(f.fails(&["undo"]).starts_with("no journal at "));
    f.ok(&["add", "Ada"]);
    f.ok(&["need", "ada", "one"]);
    f.ok(&["need", "ada", "two"]);
    assert_eq!(
        f.ok(&["undo", "--list"]),
        "2026-12-03 10:04  need #2 recorded for Ada\n\
         2026-12-03 10:04  need #1 recorded for Ada\n\
         2026-12-03 10:04  added Ada (ada)\n"
    );
    assert_eq!(f.ok(&["undo", "--list", "-n", "1"]).lines().count(), 1);
    f.ok(&["undo"]);
    f.ok(&["undo"]);
    assert_eq!(
        f.ok(&["undo", "--list"]),
        "2026-12-03 10:04  added Ada (ada)\n"
    );
    assert_eq!(f.ok(&["redo"]), "redid: need #1 recorded for Ada\n");
    // A new change: what was undone before it can no longer be redone.
    f.ok(&["need", "ada", "three"]);
    assert_eq!(f.fails(&["redo"]), "nothing to redo");
    assert!(String::from_utf8_lossy(&f.read("contacts/ada.toml")).contains("three"));
    // Undo the first change: the journal is as before it (only the history's .gitignore and
    // .gitattributes).
    f.ok(&["undo"]);
    f.ok(&["undo"]);
    assert_eq!(f.ok(&["undo"]), "undid: added Ada (ada)\n");
    assert_eq!(
        f.files().keys().collect::<Vec<_>>(),
        [".gitattributes", ".gitignore"]
    );
    assert_eq!(f.fails(&["undo"]), "nothing to undo");
    assert_eq!(f.fails(&["undo", "--list"]), "nothing to undo");
}

#[test]
fn undo_and_log_arguments_are_checked() {
    let f = Folder::new();
    f.ok(&["add", "Ada"]);
    assert!(f.fails(&["undo", "0"]).starts_with(
        "invalid value '0' for '[NUMBER]': give the change's place in `rolo undo --list`"
    ));
    assert!(
        f.fails(&["undo", "2", "--list"])
            .contains("cannot be used with '--list'")
    );
    assert!(
        f.fails(&["log", "-n", "0"])
            .contains("0 changes would show nothing; give 1 or more")
    );
    // Nothing was undone by any of them.
    assert_eq!(f.subjects(), ["added Ada (ada)"]);
}
