//! The bad-input corpus: one file per way a file can be wrong (`tests/fixtures/broken/`), each
//! with its exact message from `rolo check`, and proof that neither checking nor a write
//! attempt through rolo changes a byte in the data folder.
//!
//! Every test builds its own data folder in a temp dir; rolo runs with `--dir` and a HOME
//! that points into that temp dir, so the real HOME is never touched.

use assert_cmd::Command;
use std::collections::BTreeMap;
use std::fs;
use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};
use std::process::Output;
use tempfile::TempDir;

const ADA: &str = "name = \"Ada Lovelace\"\n";
const MONTH: &str = "journal/2026/2026-11.toml";

fn fixture(name: &str) -> Vec<u8> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/broken")
        .join(name);
    fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

struct Folder {
    tmp: TempDir,
}

impl Folder {
    /// A data folder holding Ada plus the given files.
    fn with(files: &[(&str, Vec<u8>)]) -> Folder {
        let tmp = tempfile::tempdir().expect("tempdir");
        let f = Folder { tmp };
        fs::create_dir_all(f.home()).expect("home");
        f.put("contacts/ada.toml", ADA.as_bytes());
        // Private, as rolo makes it; otherwise every run adds a "readable by others" warning.
        fs::set_permissions(f.root(), fs::Permissions::from_mode(0o700)).expect("chmod");
        for (rel, bytes) in files {
            f.put(rel, bytes);
        }
        f
    }

    fn put(&self, rel: &str, bytes: &[u8]) {
        let path = self.root().join(rel);
        fs::create_dir_all(path.parent().expect("parent")).expect("mkdir");
        fs::write(path, bytes).expect("write");
    }

    fn root(&self) -> PathBuf {
        self.tmp.path().join("data")
    }

    fn home(&self) -> PathBuf {
        self.tmp.path().join("home")
    }

    fn rolo(&self, args: &[&str]) -> Output {
        Command::cargo_bin("rolo")
            .expect("binary")
            .arg("--dir")
            .arg(self.root())
            .args(args)
            .env("HOME", self.home())
            .env("ROLO_NOW", "2026-11-24T12:00:00+01:00")
            .env_remove("ROLO_DIR")
            .env_remove("XDG_DATA_HOME")
            .output()
            .expect("run rolo")
    }

    /// Every file and link under the data folder, with its bytes (a link: its target).
    /// `.lock` is rolo's empty lock file, created by any write attempt; it holds no data.
    fn snapshot(&self) -> BTreeMap<PathBuf, Vec<u8>> {
        let mut out = BTreeMap::new();
        let mut todo = vec![self.root()];
        while let Some(dir) = todo.pop() {
            for item in fs::read_dir(&dir).expect("read_dir") {
                let path = item.expect("item").path();
                let meta = fs::symlink_metadata(&path).expect("metadata");
                let rel = path
                    .strip_prefix(self.root())
                    .expect("inside")
                    .to_path_buf();
                if meta.file_type().is_symlink() {
                    let target = fs::read_link(&path).expect("link");
                    out.insert(rel, target.as_os_str().as_encoded_bytes().to_vec());
                } else if meta.is_dir() {
                    todo.push(path);
                } else if rel != Path::new(".lock") {
                    out.insert(rel, fs::read(&path).expect("read"));
                }
            }
        }
        out
    }

    fn path(&self, rel: &str) -> String {
        self.root().join(rel).display().to_string()
    }
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

const REFUSE: &str =
    "files with errors are not loaded and rolo will not change them until they are fixed";
const SKIPPED: &str = "rolo: warning: 1 file could not be read and was skipped; run `rolo check`\n";

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
        format!("rolo: 1 contact, 0 entries: 1 error, 0 warnings; {REFUSE}\n")
    );
    assert_eq!(check.status.code(), Some(1));
    assert_eq!(f.snapshot(), before, "check changed a file");

    let need = f.rolo(&["need", "broken", "An introduction"]);
    assert_eq!(need.status.code(), Some(1));
    assert_eq!(text(&need.stdout), "");
    assert_eq!(
        text(&need.stderr),
        format!(
            "{SKIPPED}rolo: {problem} (this file must be fixed before rolo can use it; nothing was written)\n"
        )
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
        // Each of these mentions the id (timeline shows names only).
        let all = format!("{}{}", text(&out.stdout), text(&out.stderr));
        assert!(
            args[0] == "timeline" || all.contains("␛[31mred"),
            "{args:?}: {all}"
        );
    }
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
            "rolo: {} is a symbolic link; rolo does not write through links (replace it with a regular file)\n",
            link.display()
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

    // A new Mallory gets a file of her own rather than the link.
    let add = f.rolo(&["add", "Mallory"]);
    assert_eq!(text(&add.stdout), "added Mallory (mallory-2)\n");
    assert_eq!(fs::read(&outside).expect("outside"), original);
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
    assert_eq!(loaded.contacts.len(), 1);
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
