//! People's lifecycle on the command line: `merge`, `archive`, `unarchive`, `rename`, and
//! `add` of a name that is here already. Each change is one commit under the line printed,
//! and `rolo undo` gives every file back byte for byte; every refusal writes nothing.

use crate::history_support::Folder;

const PRIYA: &str = "# mine\nname = \"Priya Raman\"\ncompany = \"Acme\"\nkeep_in_touch_days = 30\n\n[[need]]\nid = 1\nwhat = \"a flat\"\nsince = 2026-11-01\nstatus = \"open\"\n";
const PRIYA_R: &str = "name = \"Priya R.\"\nrole = \"CTO\"\nemail = [\"pr@home.example\"]\n\n[[need]]\nid = 1\nwhat = \"a publisher\"\nsince = 2026-11-02\nstatus = \"open\"\n\n[[follow_up]]\nid = 3\nwhat = \"send the deck\"\ndue = 2026-12-04\ndone = false\n";
const KWAME: &str = "name = \"Kwame Mensah\"\nkeep_in_touch_days = 7\nbirthday = 1990-12-05\n\n[[need]]\nid = 1\nwhat = \"a lawyer\"\nsince = 2026-11-01\nstatus = \"open\"\nnot_a_fit = [\"priya-r\"]\n";
const NOVEMBER: &str = "[[entry]]\nid = \"2026-11-02-1000-priya\"\nat = 2026-11-02T10:00:00+01:00\nwith = [\"priya-r\"]\nkind = \"coffee\"\nnote = \"coffee\"\n\n[[entry]]\nid = \"2026-11-03-1000-priya\"\nat = 2026-11-03T10:00:00+01:00\nwith = [\"priya-raman\", \"priya-r\", \"kwame\"]\nkind = \"note\"\nnote = \"all three\"\n";
const OCTOBER: &str = "[[entry]]\nid = \"2026-10-02-1000-priya\"\nat = 2026-10-02T10:00:00+01:00\nwith = [\"priya-r\"]\nkind = \"call\"\nnote = \"a call\"\n";

/// Three people, two months naming Priya R., and a first commit of it all.
fn folder() -> Folder {
    let f = Folder::new();
    f.write("contacts/priya-raman.toml", PRIYA.as_bytes());
    f.write("contacts/priya-r.toml", PRIYA_R.as_bytes());
    f.write("contacts/kwame.toml", KWAME.as_bytes());
    f.write("journal/2026/2026-11.toml", NOVEMBER.as_bytes());
    f.write("journal/2026/2026-10.toml", OCTOBER.as_bytes());
    // The first change starts the history, with what it found there.
    f.ok(&["add", "Zoe Zed"]);
    assert!(!f.subjects().is_empty());
    f
}

/// A change that must be the newest commit under its line, undone to `before` and redone
/// to what it wrote, byte for byte.
fn undone_and_redone(f: &Folder, args: &[&str]) -> String {
    let before = f.files();
    let commits = f.subjects().len();
    let out = f.ok(args);
    let line = out.lines().last().unwrap_or_default().to_string();
    assert_eq!(
        f.subjects()[0],
        line,
        "{args:?}: the commit is the line printed"
    );
    assert_eq!(f.subjects().len(), commits + 1, "{args:?}: one commit");
    let after = f.files();
    assert_ne!(before, after, "{args:?} changed nothing");
    assert!(f.ok(&["log", "-n", "1"]).contains(&line));
    assert_eq!(f.ok(&["undo"]), format!("undid: {line}\n"));
    assert_eq!(f.files(), before, "undo of {args:?}");
    assert_eq!(f.ok(&["redo"]), format!("redid: {line}\n"));
    assert_eq!(f.files(), after, "redo of {args:?}");
    line
}

fn text(f: &Folder, rel: &str) -> String {
    String::from_utf8(f.read(rel)).unwrap()
}

#[test]
fn a_merge_is_previewed_then_one_change_that_undo_takes_back_whole() {
    let f = folder();
    let before = f.files();
    // Off a terminal, without --yes: the preview, and nothing written.
    let out = f.ok(&["merge", "priya raman", "priya r"]);
    assert_eq!(
        out,
        "Merge Priya R. (priya-r) into Priya Raman (priya-raman):\n\
         \x20 moves to Priya Raman: 3 entries, 1 need, 1 follow-up\n\
         \x20 Priya Raman gains alias \"Priya R.\"\n\
         \x20 Priya Raman gains email \"pr@home.example\"\n\
         \x20 Priya Raman gains role \"CTO\"\n\
         \x20 priya-r's file is removed; `rolo undo` brings it back\n\
         \n\
         nothing was written (not a terminal): run again with --yes to merge\n"
    );
    assert_eq!(f.files(), before);
    let line = undone_and_redone(&f, &["merge", "priya-raman", "priya-r", "--yes"]);
    assert_eq!(
        line,
        "merged Priya R. into Priya Raman: 3 entries, 1 need, 1 follow-up"
    );
    let files = f.files();
    assert!(!files.contains_key("contacts/priya-r.toml"));
    let a = text(&f, "contacts/priya-raman.toml");
    assert!(a.starts_with("# mine\nname = \"Priya Raman\"\n"), "{a}");
    assert!(a.contains("aliases = [\"Priya R.\"]"), "{a}");
    assert!(a.contains("id = 2\nwhat = \"a publisher\""), "{a}");
    assert!(a.contains("id = 1\nwhat = \"send the deck\""), "{a}");
    assert!(text(&f, "contacts/kwame.toml").contains("not_a_fit = [\"priya-raman\"]"));
    assert_eq!(
        text(&f, "journal/2026/2026-11.toml"),
        NOVEMBER
            .replace("[\"priya-r\"]", "[\"priya-raman\"]")
            .replace(
                "[\"priya-raman\", \"priya-r\", \"kwame\"]",
                "[\"priya-raman\", \"kwame\"]"
            )
    );
    assert_eq!(
        text(&f, "journal/2026/2026-10.toml"),
        OCTOBER.replace("priya-r\"", "priya-raman\"")
    );
    // The old name finds the person it now is.
    assert!(f.ok(&["show", "Priya R."]).starts_with("Priya Raman"));
    assert_eq!(
        f.ok(&["check"]).lines().last(),
        Some("3 contacts, 3 entries: 0 errors, 0 warnings")
    );
}

#[test]
fn archive_unarchive_and_rename_are_each_one_change_undone_byte_for_byte() {
    let f = folder();
    assert_eq!(
        undone_and_redone(&f, &["archive", "kwame"]),
        "archived Kwame Mensah"
    );
    assert!(text(&f, "contacts/kwame.toml").contains("archived = 2026-12-03\n"));
    assert_eq!(
        undone_and_redone(&f, &["unarchive", "kwame"]),
        "unarchived Kwame Mensah"
    );
    assert_eq!(text(&f, "contacts/kwame.toml"), KWAME);
    assert_eq!(
        undone_and_redone(&f, &["rename", "kwame", "Kwame A. Mensah"]),
        "renamed Kwame Mensah to Kwame A. Mensah"
    );
    let k = text(&f, "contacts/kwame.toml");
    assert!(k.starts_with("name = \"Kwame A. Mensah\"\n"), "{k}");
    assert!(k.contains("aliases = [\"Kwame Mensah\"]"), "{k}");
    assert!(
        f.files().contains_key("contacts/kwame.toml"),
        "the id stays"
    );
    f.ok(&["rename", "priya-r", "Priya Rao", "--no-alias"]);
    assert!(!text(&f, "contacts/priya-r.toml").contains("aliases"));
}

#[test]
fn someone_archived_leaves_the_lists_and_stays_findable() {
    let f = folder();
    let due = f.ok(&["due"]);
    assert!(due.contains("Kwame Mensah"), "{due}");
    f.ok(&["archive", "kwame mensah"]);
    let list = f.ok(&["list"]);
    assert!(!list.contains("Kwame"), "{list}");
    assert!(list.contains("Priya Raman"), "{list}");
    let archived = f.ok(&["list", "--archived"]);
    assert_eq!(archived.lines().count(), 1, "{archived}");
    assert!(archived.contains("Kwame Mensah") && archived.contains("archived 2026-12-03"));
    for cmd in ["due", "today"] {
        let out = f.ok(&[cmd]);
        assert!(!out.contains("Kwame"), "{cmd}: {out}");
    }
    let json = f.ok(&["list", "--archived", "--json"]);
    assert!(json.contains("\"archived\": \"2026-12-03\""), "{json}");
    // Still in show, timelines, and resolved by name.
    assert!(f.ok(&["show", "kwame"]).starts_with("Kwame Mensah"));
    assert!(f.ok(&["timeline", "kwame"]).contains("all three"));
    assert!(f.ok(&["timeline"]).contains("all three"));
    f.ok(&["note", "kwame", "ran into him"]);
}

/// Files younger than 2 s are not cached (they could still change within one clock tick).
fn let_files_settle() {
    std::thread::sleep(std::time::Duration::from_millis(2_100));
}

/// `rolo list ARGS` with the cache saying what it did: stdout, and the cache's hits.
fn listed(f: &Folder, args: &[&str]) -> (String, String) {
    let out = f
        .cmd(&[&["list"][..], args].concat())
        .env("ROLO_DEBUG_CACHE", "1")
        .output()
        .expect("rolo runs");
    assert!(out.status.success());
    let err = String::from_utf8_lossy(&out.stderr).into_owned();
    (String::from_utf8_lossy(&out.stdout).into_owned(), err)
}

#[test]
fn archived_typed_by_hand_is_read_with_the_cache_on_and_off() {
    let f = folder();
    // The cache learns everyone as they are, then the file changes by hand.
    assert!(f.ok(&["list"]).contains("Kwame"));
    for (typed, archived) in [("archived = true\n", true), ("archived = false\n", false)] {
        f.write("contacts/kwame.toml", format!("{typed}{KWAME}").as_bytes());
        let_files_settle();
        // The first run reads the file afresh and keeps its decode; the second reads that.
        for (args, cached) in [
            (&[][..], false),
            (&[][..], true),
            (&["--no-cache"][..], false),
        ] {
            let (list, err) = listed(&f, args);
            assert_eq!(
                !list.contains("Kwame"),
                archived,
                "{typed} {args:?}: {list}"
            );
            let (set_aside, _) = listed(&f, &[&["--archived"][..], args].concat());
            assert_eq!(
                set_aside.contains("Kwame Mensah"),
                archived,
                "{typed} {args:?}"
            );
            if cached {
                assert!(
                    !err.contains(" 0 hits"),
                    "{typed}: not from the cache: {err}"
                );
            }
        }
    }
}

#[test]
fn every_bad_input_is_refused_and_writes_nothing() {
    let f = folder();
    f.ok(&["archive", "kwame"]);
    let before = f.files();
    let commits = f.subjects().len();
    for (args, said) in [
        (
            &["merge", "priya-raman", "Priya Raman"][..],
            "both name priya-raman: a person cannot be merged into themselves; nothing was written",
        ),
        (
            &["merge", "priya-raman", "nobody", "--yes"],
            "no one matches \"nobody\"; nothing was written (see `rolo list`, or add them with `rolo add`)",
        ),
        (
            &["merge", "priya", "kwame", "--yes"],
            "\"priya\" could be Priya R. (priya-r), Priya Raman (priya-raman); nothing was written. Use the id or more of the name.",
        ),
        (
            &["archive", "kwame"],
            "Kwame Mensah is archived already (`rolo unarchive kwame` brings them back); nothing was written",
        ),
        (
            &["unarchive", "priya-r"],
            "Priya R. is not archived; nothing was written",
        ),
        (
            &["rename", "priya-r", "Priya R."],
            "Priya R. is called that already; nothing was written",
        ),
        (
            &["rename", "priya-r", "priya raman"],
            "priya raman is the name of priya-raman already (see `rolo show priya-raman`; `rolo merge` makes two people one); nothing was written. To use the name anyway, add --force",
        ),
        (
            &["rename", "priya-r", " "],
            "the new name is empty; nothing was written",
        ),
        (
            &["add", "PRIYA RAMAN"],
            "Priya Raman is here already (see `rolo show priya-raman`); nothing was written. To add a second person of that name, run it again with --force",
        ),
        (
            &["add", "Kwame Mensah"],
            "Kwame Mensah is here already (see `rolo show kwame`); nothing was written. To add a second person of that name, run it again with --force",
        ),
    ] {
        assert_eq!(f.fails(args), said, "{args:?}");
        assert_eq!(f.files(), before, "{args:?} wrote");
        assert_eq!(f.subjects().len(), commits, "{args:?} committed");
    }
    assert_eq!(
        f.ok(&["add", "Priya Raman", "--force"]),
        "added Priya Raman (priya-raman-2)\n"
    );
}
