//! How the history starts and respects the person's setup: made on the first write, with a
//! `.gitignore` and the journal as rolo found it; off, said once, without git; off inside
//! another repository unless config.toml says to commit there; outside edits as their own
//! commits; `rolo log`; a later change in the way of an undo.

use crate::history_support::Folder;
use std::os::unix::fs::PermissionsExt;

const ADA: &str = "# by hand\nname = \"Ada Lovelace\"\n";

#[test]
fn the_first_write_makes_the_repository_from_the_journal_as_found() {
    let f = Folder::new();
    f.write("contacts/ada.toml", ADA.as_bytes());
    f.write("drafts/ada-20261203-100000.toml", b"note = \"half\"\n");
    f.write("contacts/.rolo-tmp-abc.tmp", b"left by a crash\n");
    // A link is read through, never followed into the history (it could lead anywhere).
    let outside = f.tmp.path().join("elsewhere.toml");
    std::fs::write(&outside, "name = \"Someone Else\"\n").unwrap();
    std::os::unix::fs::symlink(&outside, f.data.join("contacts/linked.toml")).unwrap();
    // Reads make nothing.
    f.ok(&["list"]);
    assert!(!f.data.join(".git").exists());
    f.ok(&["need", "ada", "a publisher"]);
    assert_eq!(
        f.subjects(),
        [
            "need #1 recorded for Ada Lovelace",
            "journal as rolo found it"
        ]
    );
    assert_eq!(f.git(&["show", "HEAD~1:contacts/ada.toml"]), ADA);
    // What is not the journal is never committed.
    // (and rolo's `.gitattributes`: how two machines' changes merge, for sync)
    assert_eq!(
        f.git(&["ls-files"]),
        ".gitattributes\n.gitignore\ncontacts/ada.toml\n"
    );
    let ignore = String::from_utf8(f.read(".gitignore")).unwrap();
    for rule in [
        "/drafts/",
        "/.lock",
        "/.leases/",
        ".rolo-tmp-*",
        ".rolo-edit-*",
    ] {
        assert!(ignore.lines().any(|l| l == rule), "{rule} in {ignore}");
    }
    // Undo stops at the journal as found.
    assert_eq!(
        f.ok(&["undo"]),
        "undid: need #1 recorded for Ada Lovelace\n"
    );
    assert_eq!(f.read("contacts/ada.toml"), ADA.as_bytes());
    assert_eq!(f.fails(&["undo"]), "nothing to undo");
}

#[test]
fn the_history_is_as_private_as_the_journal() {
    let f = Folder::new();
    f.ok(&["add", "Ada"]);
    f.ok(&["need", "ada", "x"]);
    let mut todo = vec![f.data.join(".git")];
    while let Some(dir) = todo.pop() {
        for item in std::fs::read_dir(&dir).unwrap().flatten() {
            let mode = item.metadata().unwrap().permissions().mode() & 0o777;
            assert_eq!(mode & 0o077, 0, "{} is {mode:o}", item.path().display());
            if item.file_type().unwrap().is_dir() {
                todo.push(item.path());
            }
        }
    }
}

#[test]
fn an_outside_edit_is_its_own_commit_and_undoes_like_any_change() {
    let f = Folder::new();
    f.ok(&["add", "Ada Lovelace"]);
    let rel = "contacts/ada-lovelace.toml";
    let rolos = f.read(rel);
    let edited = format!(
        "pronouns = \"she/her\"\n{}",
        String::from_utf8_lossy(&rolos)
    );
    f.write(rel, edited.as_bytes());
    f.write("notes.txt", b"my own file\n");
    f.ok(&["need", "ada", "a publisher"]);
    assert_eq!(
        f.subjects(),
        [
            "need #1 recorded for Ada Lovelace",
            "edited outside rolo: contacts/ada-lovelace.toml, notes.txt",
            "added Ada Lovelace (ada-lovelace)"
        ]
    );
    // rolo's commit holds its own change only: the hand edit is the commit before.
    assert_eq!(f.git(&["show", &format!("HEAD~1:{rel}")]), edited);
    let diff = f.git(&["show", "--format=", "HEAD"]);
    let changed: Vec<&str> = diff
        .lines()
        .filter(|l| l.starts_with(['+', '-']) && !l.starts_with("+++") && !l.starts_with("---"))
        .collect();
    assert!(changed.contains(&"+what = \"a publisher\""), "{diff}");
    assert!(!changed.iter().any(|l| l.contains("pronouns")), "{diff}");
    f.ok(&["undo"]);
    assert_eq!(f.read(rel), edited.as_bytes());
    assert_eq!(
        f.ok(&["undo"]),
        "undid: edited outside rolo: contacts/ada-lovelace.toml, notes.txt\n"
    );
    assert_eq!(f.read(rel), rolos);
    assert!(!f.data.join("notes.txt").exists());
}

#[test]
fn log_lists_everything_or_one_person() {
    let f = Folder::new();
    f.ok(&["add", "Ada Lovelace"]);
    f.ok(&["add", "Adam Smith"]);
    f.ok(&["need", "adam", "a pin factory"]);
    f.ok(&["note", "ada", "Tea", "--at", "2026-12-02 09:00"]);
    f.ok(&["note", "adam", "Walk", "--at", "2026-12-02 10:00"]);
    f.ok(&["undo"]);
    assert_eq!(
        f.ok(&["log", "-n", "3"]),
        "2026-12-03 10:04  undo: logged note with Adam Smith on 2026-12-02 10:00: “Walk” (2026-12-02-1000-adam)\n\
         2026-12-03 10:04  logged note with Adam Smith on 2026-12-02 10:00: “Walk” (2026-12-02-1000-adam)\n\
         2026-12-03 10:04  logged note with Ada Lovelace on 2026-12-02 09:00: “Tea” (2026-12-02-0900-ada)\n"
    );
    assert_eq!(
        f.ok(&["log", "ada lovelace"]),
        "2026-12-03 10:04  logged note with Ada Lovelace on 2026-12-02 09:00: “Tea” (2026-12-02-0900-ada)\n\
         2026-12-03 10:04  added Ada Lovelace (ada-lovelace)\n"
    );
    assert_eq!(f.ok(&["log", "adam", "-n", "2"]).lines().count(), 2);
    assert!(
        f.fails(&["log", "nobody"])
            .starts_with("no one matches \"nobody\"")
    );
    let empty = Folder::new();
    empty.write("contacts/ada.toml", ADA.as_bytes());
    assert_eq!(
        empty.fails(&["log"]),
        "nothing to show: the history starts with the first change rolo makes"
    );
}

#[test]
fn a_later_change_in_the_way_stops_an_undo_and_says_which() {
    let f = Folder::new();
    f.ok(&["add", "Aiko Tanaka"]);
    f.ok(&["need", "aiko", "a flat"]);
    f.ok(&["met", "aiko", "1", "--how", "intro to Sofia"]);
    f.ok(&["note", "aiko", "Ramen"]);
    let before = f.files();
    let log = f.log();
    // The third newest: the need itself, which the "met" after it changed.
    assert_eq!(
        f.fails(&["undo", "3"]),
        "cannot undo \"need #1 recorded for Aiko Tanaka\": a later change (\"need #1 of Aiko \
         Tanaka marked met: intro…\", 3 Dec 10:04) changed the same need; undo that first"
    );
    assert_eq!(f.files(), before, "nothing written");
    assert_eq!(f.log(), log, "nothing committed");
    // The second newest, the "met": the note after it is in another file, and stays.
    assert_eq!(
        f.ok(&["undo", "2"]),
        "undid: need #1 of Aiko Tanaka marked met: intro to Sofia\n"
    );
    let card = String::from_utf8(f.read("contacts/aiko-tanaka.toml")).unwrap();
    assert!(
        card.contains("status = \"open\"") && !card.contains("how ="),
        "{card}"
    );
    assert_eq!(
        f.read("journal/2026/2026-12.toml"),
        before["journal/2026/2026-12.toml"]
    );
    assert!(
        f.fails(&["undo", "9"])
            .starts_with("nothing to undo at 9: 3 changes can be undone")
    );
}

#[test]
fn without_git_rolo_works_and_says_once_why_there_is_no_history() {
    let mut f = Folder::new();
    let bare = f.tmp.path().join("no-git");
    std::fs::create_dir_all(&bare).unwrap();
    f.path_var = Some(bare.display().to_string());
    let out = f.run(&["add", "Ada"]);
    assert!(out.status.success());
    assert_eq!(
        String::from_utf8_lossy(&out.stderr),
        "rolo: history is off: git is not installed (rolo works as before; with git it keeps \
         every change, to undo and to read back)\n"
    );
    assert_eq!(f.ok(&["need", "ada", "x"]), "need #1 recorded for Ada\n");
    assert!(!f.data.join(".git").exists() && !f.data.join(".gitignore").exists());
    assert_eq!(
        f.fails(&["undo"]),
        "nothing to undo: history is off: git is not installed (rolo works as before; with git \
         it keeps every change, to undo and to read back)"
    );
    assert!(
        f.fails(&["redo"])
            .starts_with("nothing to redo: history is off")
    );
}

#[test]
fn inside_another_repository_rolo_commits_only_when_told() {
    let mut f = Folder::new();
    let outer = f.tmp.path().join("outer");
    std::fs::create_dir_all(&outer).unwrap();
    f.git_in(&outer, &["init", "-q"]);
    std::fs::write(outer.join("README"), "not the journal\n").unwrap();
    f.data = outer.join("journal");
    let out = f.run(&["add", "Ada"]);
    assert!(out.status.success());
    let said = String::from_utf8_lossy(&out.stderr).into_owned();
    assert!(
        said.starts_with(&format!(
            "rolo: history is off: {} is inside the git repository {}",
            f.data.display(),
            outer.display()
        )) && said.ends_with("unless config.toml says so ([history] git = true)\n"),
        "{said}"
    );
    assert_eq!(
        f.ok(&["need", "ada", "x"]),
        "need #1 recorded for Ada\n",
        "said once"
    );
    assert!(!f.data.join(".git").exists());
    assert_eq!(f.log_in(&outer), Vec::<String>::new());

    f.config_toml("[history]\ngit = true\n");
    assert_eq!(f.ok(&["need", "ada", "y"]), "need #2 recorded for Ada\n");
    assert_eq!(
        f.log_in(&outer)
            .iter()
            .map(|m| m.lines().next().unwrap_or_default().to_string())
            .collect::<Vec<_>>(),
        ["need #2 recorded for Ada", "journal as rolo found it"]
    );
    // Only the journal's files went in; the repository's own stay the person's.
    assert_eq!(
        f.git_in(&outer, &["ls-files"]),
        "journal/.gitignore\njournal/contacts/ada.toml\n"
    );
    assert_eq!(f.git_in(&outer, &["status", "--porcelain"]), "?? README\n");
    assert_eq!(f.ok(&["undo"]), "undid: need #2 recorded for Ada\n");
    assert!(
        !f.data.join(".git").exists(),
        "no repository inside another"
    );
}

#[test]
fn config_can_turn_history_off_and_a_wrong_value_is_named() {
    let f = Folder::new();
    f.config_toml("[history]\ngit = false\n");
    assert_eq!(f.ok(&["add", "Ada"]), "added Ada (ada)\n");
    assert!(!f.data.join(".git").exists());
    assert_eq!(
        f.fails(&["undo"]),
        "nothing to undo: history is off in config.toml ([history] git = false)"
    );
    f.config_toml("[history]\ngit = \"yes\"\n");
    let config = f.home().join(".config/rolo/config.toml");
    let want = format!(
        "rolo: {}: [history] git must be true or false, not \"yes\"; history is off until it is\n",
        config.display()
    );
    for _ in 0..2 {
        let out = f.run(&["need", "ada", "x"]);
        assert!(out.status.success());
        assert_eq!(
            String::from_utf8_lossy(&out.stderr),
            want,
            "said every time"
        );
    }
    assert!(!f.data.join(".git").exists());
}
