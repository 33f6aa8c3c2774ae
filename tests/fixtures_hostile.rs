//! Hostile input: huge and empty names, names that look like paths, control characters in
//! files and file names, and a link to a file outside the data folder. rolo stays inside its
//! folder and nothing from a file reaches the terminal as a control sequence.
//!
//! Every test builds its own data folder in a temp dir (`support::folder`).

use crate::support;

use std::fs;
use std::path::{Path, PathBuf};
use support::folder::{Folder, MONTH, fixture};
use support::text;

#[test]
fn a_ten_thousand_character_name() {
    let f = Folder::with(&[]);
    let name = "Wolfeschlegelsteinhausen".repeat(417);
    assert!(name.len() >= 10_000);
    let add = f.rolo(&["add", &name]);
    assert_eq!(add.status.code(), Some(0), "{}", text(&add.stderr));
    // Ids stop at 64 characters, whole or not.
    let id = "wolfeschlegelsteinhausenwolfeschlegelsteinhausenwolfeschlegelste";
    assert_eq!(id.len(), 64);
    assert!(
        text(&add.stdout) == format!("added {name} ({id})\n"),
        "unexpected id in: {}",
        &text(&add.stdout)[name.len()..]
    );
    let saved = fs::read_to_string(f.root().join(format!("contacts/{id}.toml"))).expect("file");
    assert_eq!(saved, format!("name = \"{name}\"\n"));
    let check = f.rolo(&["check"]);
    assert_eq!(
        text(&check.stdout),
        "2 contacts, 0 entries: 0 errors, 0 warnings\n"
    );
    // `list` keeps its columns: long names are cut to 32 characters.
    let list = f.rolo(&["list"]);
    let row = text(&list.stdout)
        .lines()
        .find(|l| l.contains(id))
        .expect("row")
        .to_string();
    assert!(row.starts_with(&format!("{}  ", &name[..32])), "{row}");
}

/// Names that look like paths or devices: each becomes a safe id inside contacts/.
#[test]
fn hostile_names_become_safe_ids() {
    for (name, id) in [
        ("..", "contact"),
        ("../../etc/passwd", "etc-passwd"),
        ("CON", "con-contact"),
        ("🎉🎉", "contact"),
        ("/", "contact"),
    ] {
        let f = Folder::with(&[]);
        let add = f.rolo(&["add", name]);
        assert_eq!(add.status.code(), Some(0), "{name}: {}", text(&add.stderr));
        assert_eq!(text(&add.stdout), format!("added {name} ({id})\n"));
        let files: Vec<PathBuf> = f.snapshot().into_keys().collect();
        assert_eq!(
            files,
            [
                PathBuf::from("contacts/ada.toml"),
                PathBuf::from(format!("contacts/{id}.toml"))
            ],
            "{name}"
        );
        // Nothing appeared next to the data folder either.
        let beside: Vec<_> = fs::read_dir(f.tmp.path())
            .expect("tmp")
            .map(|e| e.expect("item").file_name())
            .collect();
        assert_eq!(beside.len(), 2, "{beside:?}");
    }
}

#[test]
fn empty_names_are_refused() {
    for name in ["", "   ", "\t\n"] {
        let f = Folder::with(&[]);
        let before = f.snapshot();
        let add = f.rolo(&["add", name]);
        assert_eq!(add.status.code(), Some(1));
        assert_eq!(
            text(&add.stderr),
            "rolo: the name is empty; nothing was written\n"
        );
        assert_eq!(f.snapshot(), before);
    }
}

/// Nothing a file holds may reach the terminal as a control sequence: no ESC, no other C0
/// control but the newline, no C1 control, no bidi override or isolate.
fn assert_inert(what: &str, out: &[u8]) {
    let out = text(out);
    let bad: Vec<char> = out
        .chars()
        .filter(|&c| {
            (c.is_control() && c != '\n')
                || matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' | '\u{200e}' | '\u{200f}' | '\u{061c}')
        })
        .collect();
    assert!(bad.is_empty(), "{what} printed {bad:?} in:\n{out}");
}

#[test]
fn control_characters_are_shown_inert_everywhere() {
    let f = Folder::with(&[
        ("contacts/eve.toml", fixture("control-characters.toml")),
        (MONTH, fixture("control-characters.month.toml")),
    ]);
    let before = f.snapshot();
    let runs: [&[&str]; 6] = [
        &["list"],
        &["list", "--tag", "\u{1b}[2Jwiped"],
        &["show", "eve"],
        &["timeline"],
        &["timeline", "eve", "-n", "1"],
        &["check"],
    ];
    for args in runs {
        let out = f.rolo(args);
        assert_eq!(
            out.status.code(),
            Some(0),
            "{args:?}: {}",
            text(&out.stderr)
        );
        assert_inert(&format!("{args:?} stdout"), &out.stdout);
        assert_inert(&format!("{args:?} stderr"), &out.stderr);
        // The person can still see that something odd is in the file.
        assert!(
            text(&out.stdout).contains('␛'),
            "{args:?}: {}",
            text(&out.stdout)
        );
    }
    // Errors that echo what was typed are inert too, and stay on one line.
    for who in ["\u{1b}]0;title\u{7}", "two\nlines\u{202e}"] {
        let unknown = f.rolo(&["show", who]);
        assert_eq!(unknown.status.code(), Some(1));
        assert_inert("unknown WHO", &unknown.stderr);
        assert_eq!(text(&unknown.stderr).lines().count(), 1);
    }
    assert_eq!(f.snapshot(), before);
}

/// A file name is text from the folder too: an id with an escape in it is shown inert.
#[test]
fn a_hostile_file_name_is_shown_inert() {
    let f = Folder::with(&[(
        "contacts/\u{1b}[31mred\u{202e}.toml",
        b"name = \"Red\"\n".to_vec(),
    )]);
    let runs: [&[&str]; 5] = [
        &["list"],
        &["show", "red"],
        &["note", "red", "Hello", "--at", "2026-11-10"],
        &["timeline"],
        &["met", "red", "3"],
    ];
    for args in runs {
        let out = f.rolo(args);
        assert_inert(&format!("{args:?} stdout"), &out.stdout);
        assert_inert(&format!("{args:?} stderr"), &out.stderr);
        // Each of these mentions the id (timeline shows names only; the note's entry id keeps
        // only the id's letters and digits).
        let all = format!("{}{}", text(&out.stdout), text(&out.stderr));
        assert!(
            args[0] == "timeline" || all.contains("␛[31mred") || all.contains("-31mred)"),
            "{args:?}: {all}"
        );
    }
}

/// A hand-named contact file whose name holds an escape sequence, with a need someone can
/// help with: the intro hint of `today` and the intro itself print the id inert, and the
/// entry id rolo makes from it holds letters and digits only.
#[test]
fn a_hostile_file_name_stays_inert_through_an_intro() {
    let f = Folder::with(&[
        (
            "contacts/evil\u{1b}[31mred.toml",
            b"name = \"Evil One\"\n[[need]]\nid = 1\nwhat = \"a designer\"\nsince = 2026-11-01\nstatus = \"open\"\n".to_vec(),
        ),
        (
            "contacts/bob.toml",
            b"name = \"Bob Design\"\ncan_help_with = [\"designer\"]\n".to_vec(),
        ),
    ]);
    for args in [&["today"][..], &["intro", "evil one", "bob"][..]] {
        let out = f.rolo(args);
        assert_eq!(
            out.status.code(),
            Some(0),
            "{args:?}: {}",
            text(&out.stderr)
        );
        assert_inert(&format!("{args:?} stdout"), &out.stdout);
        assert_inert(&format!("{args:?} stderr"), &out.stderr);
    }
    let month = fs::read_to_string(f.path("journal/2026/2026-11.toml")).expect("month");
    assert!(
        month.contains("id = \"2026-11-24-1200-evil31mred\""),
        "{month}"
    );
}

/// contacts/mallory.toml is a link to a file outside the data folder: rolo reads it, and
/// refuses to write through it; the file outside keeps every byte.
#[test]
fn a_symlink_to_outside_is_read_but_never_written() {
    let f = Folder::with(&[]);
    let outside = f.tmp.path().join("outside.toml");
    let original = fixture("outside-target.toml");
    fs::write(&outside, &original).expect("outside");
    let link = f.root().join("contacts/mallory.toml");
    std::os::unix::fs::symlink(&outside, &link).expect("symlink");
    let before = f.snapshot();

    let show = f.rolo(&["show", "mallory"]);
    assert_eq!(show.status.code(), Some(0), "{}", text(&show.stderr));
    assert!(text(&show.stdout).starts_with("Mallory  (mallory)\n"));

    let need = f.rolo(&["need", "mallory", "A lawyer"]);
    assert_eq!(need.status.code(), Some(1));
    assert_eq!(
        text(&need.stderr),
        format!(
            "rolo: {} is a link to {}; rolo does not write through links (replace it with a regular file); nothing was written\n",
            link.display(),
            outside.display()
        )
    );
    let note = f.rolo(&["note", "mallory", "Hello"]);
    assert_eq!(note.status.code(), Some(0), "{}", text(&note.stderr));

    assert_eq!(fs::read(&outside).expect("outside"), original);
    let after = f.snapshot();
    assert_eq!(
        after.get(Path::new("contacts/mallory.toml")),
        before.get(Path::new("contacts/mallory.toml"))
    );
    assert!(
        fs::symlink_metadata(&link)
            .expect("link")
            .file_type()
            .is_symlink()
    );

    // A second Mallory (asked for: `add` refuses a name that is here) gets a file of her own
    // rather than the link.
    let add = f.rolo(&["add", "Mallory", "--force"]);
    assert_eq!(text(&add.stdout), "added Mallory (mallory-2)\n");
    assert_eq!(fs::read(&outside).expect("outside"), original);
}
/// A link that points nowhere: reported, and a new person of that name gets a file of their
/// own instead of a write through the link.
#[test]
fn a_dangling_symlink_is_reported_and_never_written() {
    let f = Folder::with(&[]);
    let target = f.tmp.path().join("nowhere.toml");
    let link = f.root().join("contacts/ghost.toml");
    std::os::unix::fs::symlink(&target, &link).expect("symlink");
    let check = f.rolo(&["check"]);
    assert_eq!(
        text(&check.stdout),
        format!(
            "{}:1:1: a symbolic link to a file that does not exist\n",
            f.path("contacts/ghost.toml")
        )
    );
    let add = f.rolo(&["add", "Ghost"]);
    assert_eq!(add.status.code(), Some(0), "{}", text(&add.stderr));
    assert!(text(&add.stdout).ends_with("(ghost-2)\n"));
    assert!(!target.exists(), "rolo wrote through the link");
}

/// The data folder's own name is text from outside too (issue 12, item 7): a `--dir` holding
/// an escape sequence reaches the terminal inert in every message that names a path, the
/// "can be read by other users" warning first.
#[test]
fn a_hostile_folder_name_is_shown_inert() {
    use std::os::unix::fs::PermissionsExt;
    let tmp = tempfile::tempdir().expect("tempdir");
    let root = tmp.path().join("\u{1b}[31mred\u{202e}\u{7}");
    let home = tmp.path().join("home");
    fs::create_dir_all(root.join("contacts")).expect("contacts");
    fs::create_dir_all(&home).expect("home");
    fs::write(root.join("contacts/ada.toml"), "name = \"Ada Lovelace\"\n").expect("ada");
    // A broken file and a link, so that check and a refused write name paths too.
    fs::write(root.join("contacts/bea.toml"), "name = \"Bea\n").expect("bea");
    let outside = tmp.path().join("outside.toml");
    fs::write(&outside, "name = \"Mallory\"\n").expect("outside");
    std::os::unix::fs::symlink(&outside, root.join("contacts/mallory.toml")).expect("link");
    // Readable by others: the warning that names the folder.
    fs::set_permissions(&root, fs::Permissions::from_mode(0o755)).expect("chmod");
    let rolo = |args: &[&str]| {
        assert_cmd::Command::cargo_bin("rolo")
            .expect("binary")
            .arg("--dir")
            .arg(&root)
            .args(args)
            .env("HOME", &home)
            .env("ROLO_NOW", "2026-11-24T12:00:00+01:00")
            .env_remove("ROLO_DIR")
            .env_remove("XDG_DATA_HOME")
            .env_remove("XDG_CACHE_HOME")
            .env_remove("ROLO_CACHE_DIR")
            .output()
            .expect("run rolo")
    };
    let runs: [&[&str]; 7] = [
        &["list"],
        &["check"],
        &["show", "bea"],
        &["need", "mallory", "A lawyer"],
        &["need", "bea", "A lawyer"],
        &["note", "ada", "Hello"],
        &["add", "Eve"],
    ];
    for args in runs {
        let out = rolo(args);
        assert_inert(&format!("{args:?} stdout"), &out.stdout);
        assert_inert(&format!("{args:?} stderr"), &out.stderr);
        let warning = text(&out.stderr);
        assert!(
            warning.contains("␛[31mred�␇ can be read by other users"),
            "{args:?}: {warning}"
        );
    }
    // A folder that is not there, and one that is a file, are named inert too.
    let gone = tmp.path().join("\u{1b}]0;title\u{7}");
    for dir in [gone, outside] {
        let out = assert_cmd::Command::cargo_bin("rolo")
            .expect("binary")
            .arg("--dir")
            .arg(&dir)
            .arg("list")
            .env("HOME", &home)
            .output()
            .expect("run rolo");
        assert_eq!(out.status.code(), Some(1));
        assert_inert("a missing --dir", &out.stderr);
    }
}
