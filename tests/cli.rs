//! Every subcommand through the real binary, in a temporary HOME: never the real one.
//! `ROLO_NOW` pins "now" to Tuesday 2026-11-24 12:00 +01:00 so dates in the output are stable.

use assert_cmd::Command;
use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::Output;
use tempfile::TempDir;

const NOW: &str = "2026-11-24T12:00:00+01:00";

/// A temporary HOME; by default rolo finds its data in `HOME/.local/share/rolo`.
struct Home {
    tmp: TempDir,
}

impl Home {
    fn new() -> Home {
        let home = Home {
            tmp: tempfile::tempdir().expect("tempdir"),
        };
        fs::create_dir_all(home.path()).expect("home");
        home
    }

    fn path(&self) -> PathBuf {
        self.tmp.path().join("home")
    }

    fn data(&self) -> PathBuf {
        self.path().join(".local/share/rolo")
    }

    /// rolo with HOME here and every other way to name a folder unset.
    fn cmd(&self) -> Command {
        let mut cmd = Command::cargo_bin("rolo").expect("binary");
        cmd.env("HOME", self.path())
            .env("ROLO_NOW", NOW)
            .env("TMPDIR", self.tmp.path())
            .env_remove("ROLO_DIR")
            .env_remove("XDG_DATA_HOME")
            .env_remove("XDG_CONFIG_HOME");
        cmd
    }

    fn run(&self, args: &[&str]) -> Output {
        self.cmd().args(args).output().expect("run rolo")
    }

    /// Runs a command that must succeed and returns its stdout.
    fn ok(&self, args: &[&str]) -> String {
        let out = self.run(args);
        assert_eq!(
            out.status.code(),
            Some(0),
            "{args:?} failed: {}",
            text(&out.stderr)
        );
        assert_eq!(text(&out.stderr), "", "{args:?} wrote to stderr");
        text(&out.stdout)
    }

    /// Runs a command that must fail with one line on stderr, exit code 1 and no output;
    /// returns that line without the `rolo: ` prefix.
    fn fails(&self, args: &[&str]) -> String {
        let out = self.run(args);
        let err = text(&out.stderr);
        assert_eq!(out.status.code(), Some(1), "{args:?}: {err}");
        assert_eq!(text(&out.stdout), "", "{args:?} printed to stdout");
        assert!(!err.contains("panicked"), "{args:?} panicked: {err}");
        assert_eq!(
            err.lines().count(),
            1,
            "{args:?} wrote several lines: {err}"
        );
        err.strip_prefix("rolo: ")
            .unwrap_or_else(|| panic!("{args:?}: no `rolo: ` prefix: {err}"))
            .trim_end()
            .to_string()
    }

    fn file(&self, rel: &str) -> String {
        fs::read_to_string(self.data().join(rel)).unwrap_or_else(|e| panic!("{rel}: {e}"))
    }

    /// Every file under the tmp dir (HOME and anything beside it), with its bytes.
    fn snapshot(&self) -> BTreeMap<PathBuf, Vec<u8>> {
        let mut out = BTreeMap::new();
        let mut todo = vec![self.tmp.path().to_path_buf()];
        while let Some(dir) = todo.pop() {
            for item in fs::read_dir(&dir).expect("read_dir") {
                let path = item.expect("item").path();
                if path.is_dir() {
                    todo.push(path);
                } else if path.file_name() != Some(".lock".as_ref()) {
                    out.insert(path.clone(), fs::read(&path).expect("read"));
                }
            }
        }
        out
    }

    /// Ada Lovelace, Ada Byron and Charles Babbage.
    fn with_people() -> Home {
        let home = Home::new();
        home.ok(&[
            "add",
            "Ada Lovelace",
            "--tag",
            "math",
            "--company",
            "Analytical Engines",
            "--every",
            "30",
            "--birthday",
            "1815-12-10",
        ]);
        home.ok(&["add", "Ada Byron", "--tag", "poetry"]);
        home.ok(&["add", "Charles Babbage", "--tag", "math", "--every", "7"]);
        home
    }
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

#[test]
fn add_writes_a_contact_file() {
    let home = Home::new();
    let out = home.ok(&[
        "add",
        "Zoë O'Brien",
        "--tag",
        "friends",
        "--company",
        "Acme",
        "--role",
        "CTO",
        "--every",
        "14",
        "--email",
        "zoe@example.org",
        "--birthday",
        "12-10",
        "--met",
        "PyCon",
        "--helps-with",
        "hiring",
    ]);
    assert_eq!(out, "added Zoë O'Brien (zoe-obrien)\n");
    // rolo made the data folder, privately.
    let mode = |p: PathBuf| {
        use std::os::unix::fs::PermissionsExt;
        fs::metadata(&p).expect("metadata").permissions().mode() & 0o777
    };
    assert_eq!(mode(home.data()), 0o700);
    assert_eq!(mode(home.data().join("contacts")), 0o700);
    assert_eq!(mode(home.data().join("contacts/zoe-obrien.toml")), 0o600);
    let file = home.file("contacts/zoe-obrien.toml");
    for line in [
        "name = \"Zoë O'Brien\"",
        "tags = [\"friends\"]",
        "company = \"Acme\"",
        "role = \"CTO\"",
        "email = [\"zoe@example.org\"]",
        "birthday = \"12-10\"",
        "met = \"PyCon\"",
        "keep_in_touch_days = 14",
        "can_help_with = [\"hiring\"]",
    ] {
        assert!(file.contains(line), "missing {line} in\n{file}");
    }
    // The same name again gets its own id.
    assert_eq!(
        home.ok(&["add", "Zoë O'Brien"]),
        "added Zoë O'Brien (zoe-obrien-2)\n"
    );
}

#[test]
fn note_with_several_people_and_every_at_form() {
    let home = Home::with_people();
    let out = home.ok(&[
        "note",
        "ada-lovelace",
        "charles",
        "Dinner, talked about the Engine",
        "--kind",
        "meeting",
        "--gave",
        "an intro to John Murray",
    ]);
    assert_eq!(
        out,
        "logged meeting with Ada Lovelace, Charles Babbage on 2026-11-24 12:00 (2026-11-24-1200-ada)\n"
    );
    let month = home.file("journal/2026/2026-11.toml");
    assert!(
        month.contains("with = [\"ada-lovelace\", \"charles-babbage\"]"),
        "{month}"
    );
    assert!(
        month.contains("gave = \"an intro to John Murray\""),
        "{month}"
    );
    for (at, when) in [
        ("2026-11-20", "2026-11-20 12:00"),
        ("2026-11-20 14:00", "2026-11-20 14:00"),
        ("yesterday", "2026-11-23 12:00"),
        ("last friday", "2026-11-20 12:00"),
        ("3 days ago", "2026-11-21 12:00"),
    ] {
        let out = home.ok(&["note", "charles", "A call", "--at", at, "--kind", "call"]);
        assert!(
            out.starts_with(&format!("logged call with Charles Babbage on {when} (")),
            "--at {at}: {out}"
        );
    }
    // A second note at the same minute gets its own id.
    let again = home.ok(&["note", "charles", "Another", "--at", "2026-11-20 14:00"]);
    assert!(again.ends_with("(2026-11-20-1400-charles-2)\n"), "{again}");
    let timeline = home.ok(&["timeline", "charles", "-n", "2"]);
    assert_eq!(
        timeline,
        "2026-11-24 12:00  meeting with Ada Lovelace\n    Dinner, talked about the Engine\n    gave: an intro to John Murray\n\
         2026-11-23 12:00  call\n    A call\n"
    );
}

#[test]
fn needs_and_follow_ups_through_their_life() {
    let home = Home::with_people();
    assert_eq!(
        home.ok(&["need", "ada lovelace", "A publisher"]),
        "need #1 recorded for Ada Lovelace\n"
    );
    assert_eq!(
        home.ok(&["need", "ada-lovelace", "Beta readers"]),
        "need #2 recorded for Ada Lovelace\n"
    );
    assert_eq!(
        home.ok(&["met", "ada-lovelace", "1", "--how", "John Murray"]),
        "need #1 of Ada Lovelace marked met\n"
    );
    assert_eq!(
        home.ok(&["drop", "ada-lovelace", "2"]),
        "need #2 of Ada Lovelace marked dropped\n"
    );
    assert_eq!(
        home.ok(&[
            "followup",
            "charles",
            "Send the notes",
            "--due",
            "2026-12-01"
        ]),
        "follow-up #1 for Charles Babbage due 2026-12-01\n"
    );
    assert_eq!(
        home.ok(&["followup", "charles", "Call back", "--due", "tomorrow"]),
        "follow-up #2 for Charles Babbage due 2026-11-25\n"
    );
    assert_eq!(
        home.ok(&["done", "charles", "1"]),
        "follow-up #1 of Charles Babbage done\n"
    );
    let file = home.file("contacts/ada-lovelace.toml");
    assert!(
        file.contains("status = \"met\"\nmet_on = 2026-11-24\nhow = \"John Murray\""),
        "{file}"
    );
    assert!(file.contains("status = \"dropped\""), "{file}");
    let show = home.ok(&["show", "charles"]);
    assert!(
        show.contains("\nFollow-ups\n  #2 Call back  (due 2026-11-25)\n"),
        "{show}"
    );
    assert!(!show.contains("Send the notes"), "{show}");
}

#[test]
fn list_show_timeline_and_check() {
    let home = Home::with_people();
    home.ok(&["note", "charles", "Tea", "--at", "2026-11-10"]);
    home.ok(&[
        "note",
        "ada-lovelace",
        "Coffee",
        "--at",
        "yesterday",
        "--kind",
        "coffee",
    ]);
    home.ok(&["need", "ada-lovelace", "A publisher"]);

    let list = home.ok(&["list"]);
    let names: Vec<&str> = list
        .lines()
        .map(|l| l.split("  ").next().unwrap_or(""))
        .collect();
    assert_eq!(names, ["Ada Byron", "Ada Lovelace", "Charles Babbage"]);
    assert!(list.contains("1 open need"), "{list}");
    let math = home.ok(&["list", "--tag", "MATH"]);
    assert_eq!(math.lines().count(), 2, "{math}");
    assert!(!math.contains("Ada Byron"), "{math}");
    let due = home.ok(&["list", "--due"]);
    assert_eq!(due.lines().count(), 1, "{due}");
    assert!(due.starts_with("Charles Babbage"), "{due}");
    assert!(due.contains("reconnect (7d past every 7d)"), "{due}");

    let show = home.ok(&["show", "ada lovelace"]);
    assert!(
        show.starts_with("Ada Lovelace  (ada-lovelace)\n  Analytical Engines\n"),
        "{show}"
    );
    assert!(show.contains("  birthday: 1815-12-10\n"), "{show}");
    assert!(
        show.contains("  last contact: yesterday (keep in touch every 30 days)\n"),
        "{show}"
    );
    assert!(
        show.contains("\nNeeds\n  #1 A publisher  (open since 2026-11-24)\n"),
        "{show}"
    );
    assert!(
        show.contains("\nRecent\n2026-11-23 12:00  coffee\n    Coffee\n"),
        "{show}"
    );

    assert_eq!(
        home.ok(&["timeline"]),
        "2026-11-23 12:00  coffee with Ada Lovelace\n    Coffee\n\
         2026-11-10 12:00  note with Charles Babbage\n    Tea\n"
    );
    assert_eq!(
        home.ok(&["timeline", "-n", "1"]),
        "2026-11-23 12:00  coffee with Ada Lovelace\n    Coffee\n"
    );
    assert_eq!(
        home.ok(&["check"]),
        "3 contacts, 2 entries: 0 errors, 0 warnings\n"
    );
}

#[test]
fn an_empty_folder_reads_politely() {
    let home = Home::new();
    assert_eq!(
        home.ok(&["list"]),
        "no contacts yet (add one with `rolo add NAME`)\n"
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
fn ambiguous_who_lists_candidates_and_writes_nothing() {
    let home = Home::with_people();
    let before = home.snapshot();
    let expected = "\"ada\" could be Ada Byron (ada-byron), Ada Lovelace (ada-lovelace); \
                    nothing was written. Use the id or more of the name.";
    assert_eq!(home.fails(&["note", "ada", "Coffee"]), expected);
    assert_eq!(home.fails(&["note", "charles", "ada", "Coffee"]), expected);
    assert_eq!(home.fails(&["need", "ada", "A publisher"]), expected);
    assert_eq!(
        home.fails(&["followup", "ada", "Call", "--due", "friday"]),
        expected
    );
    assert_eq!(home.fails(&["show", "ada"]), expected);
    assert_eq!(home.snapshot(), before);
}

#[test]
fn every_error_is_one_line_with_exit_code_1() {
    let home = Home::with_people();
    home.ok(&["need", "charles", "A mechanic"]);
    let before = home.snapshot();
    let cases: &[(&[&str], &str)] = &[
        (
            &["show", "nobody"],
            "no one matches \"nobody\" (see `rolo list`, or add them with `rolo add`)",
        ),
        (
            &["note", "charles", "nobody", "Hello"],
            "no one matches \"nobody\" (see `rolo list`, or add them with `rolo add`)",
        ),
        (
            &["note", "charles", "Hello", "--at", "the day after never"],
            "",
        ),
        (&["note", "charles", "Hello", "--at", "2026-02-30"], ""),
        (&["note", "charles", "Hello", "--at", "25:00"], ""),
        (&["followup", "charles", "Call", "--due", "someday"], ""),
        (&["followup", "charles", "Call", "--due", ""], ""),
        (
            &["met", "charles", "9"],
            "Charles Babbage has no need #9 (see `rolo show charles-babbage`)",
        ),
        (&["drop", "charles", "9"], ""),
        (
            &["done", "charles", "4"],
            "Charles Babbage has no follow-up #4",
        ),
        (&["met", "charles", "one"], ""),
        (&["met", "charles", "-1"], ""),
        (
            &["note", "charles", "   "],
            "the note is empty; nothing was written",
        ),
        (
            &["need", "charles", ""],
            "the need is empty; nothing was written",
        ),
        (
            &["add", "Ada", "--every", "0"],
            "--every needs a number of days from 1 to 36500; nothing was written",
        ),
        (&["add", "Ada", "--every", "soon"], ""),
        (&["add", "Ada", "--birthday", "someday"], ""),
        (&["frobnicate"], ""),
        (&["need"], ""),
        (&["timeline", "-n", "lots"], ""),
        (&["list", "--colour"], ""),
    ];
    for (args, expected) in cases {
        let line = home.fails(args);
        if !expected.is_empty() {
            assert_eq!(&line, expected, "{args:?}");
        }
    }
    assert_eq!(home.snapshot(), before, "a failing command wrote something");
}

#[test]
fn bad_dates_say_what_to_type() {
    let home = Home::with_people();
    let at = home.fails(&["note", "charles", "Hello", "--at", "the day after never"]);
    assert!(
        at.starts_with("cannot read \"the day after never\" as a date;"),
        "{at}"
    );
    let due = home.fails(&["followup", "charles", "Call", "--due", "someday"]);
    assert!(
        due.starts_with("cannot read \"someday\" as a date;"),
        "{due}"
    );
}

#[test]
fn help_works_for_every_subcommand() {
    let home = Home::new();
    let subcommands = [
        "add", "note", "need", "met", "drop", "followup", "done", "list", "show", "timeline",
        "check",
    ];
    let top = home.ok(&["--help"]);
    for sub in subcommands {
        assert!(
            top.contains(&format!("  {sub} ")),
            "--help lacks {sub}:\n{top}"
        );
        let help = home.ok(&[sub, "--help"]);
        assert!(help.contains("Usage: rolo"), "{sub} --help:\n{help}");
        let via_help = home.ok(&["help", sub]);
        assert_eq!(via_help, help, "rolo help {sub}");
    }
    assert!(
        !home.path().join(".local").exists(),
        "--help created a data folder"
    );
}

fn where_added(home: &Home, cmd: &mut Command) -> Vec<PathBuf> {
    let out = cmd.args(["add", "Ada"]).output().expect("run");
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    home.snapshot()
        .into_keys()
        .filter(|p| p.ends_with("contacts/ada.toml"))
        .map(|p| {
            p.strip_prefix(home.tmp.path())
                .expect("inside")
                .to_path_buf()
        })
        .collect()
}

#[test]
fn data_folder_resolution_order() {
    let t = |home: &Home, p: &str| home.tmp.path().join(p);
    let at = |p: &str| vec![PathBuf::from(p).join("contacts/ada.toml")];

    let home = Home::new();
    let mut cmd = home.cmd();
    cmd.arg("--dir")
        .arg(t(&home, "flag"))
        .env("ROLO_DIR", t(&home, "env"))
        .env("XDG_DATA_HOME", t(&home, "xdg"));
    assert_eq!(where_added(&home, &mut cmd), at("flag"));

    let home = Home::new();
    let mut cmd = home.cmd();
    cmd.env("ROLO_DIR", t(&home, "env"))
        .env("XDG_DATA_HOME", t(&home, "xdg"));
    assert_eq!(where_added(&home, &mut cmd), at("env"));

    let home = Home::new();
    let mut cmd = home.cmd();
    cmd.env("XDG_DATA_HOME", t(&home, "xdg"));
    assert_eq!(where_added(&home, &mut cmd), at("xdg/rolo"));

    // Empty values count as unset.
    let home = Home::new();
    let mut cmd = home.cmd();
    cmd.env("ROLO_DIR", "").env("XDG_DATA_HOME", "");
    assert_eq!(where_added(&home, &mut cmd), at("home/.local/share/rolo"));

    let home = Home::new();
    let out = home
        .cmd()
        .env_remove("HOME")
        .arg("list")
        .output()
        .expect("run");
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        text(&out.stderr),
        "rolo: cannot find a data folder: set HOME, ROLO_DIR or pass --dir DIR\n"
    );
}

#[test]
fn demo_runs_without_touching_home() {
    let home = Home::new();
    let list = home.ok(&["--demo", "list"]);
    assert_eq!(list.lines().count(), 25, "{list}");
    let timeline = home.ok(&["--demo", "timeline", "-n", "3"]);
    assert!(timeline.lines().count() >= 6, "{timeline}");
    // A write in the demo lands in its temp copy, which is gone afterwards.
    let first = list.split("  ").next().unwrap_or_default().to_string();
    home.ok(&["--demo", "need", &first, "Something"]);
    assert!(home.snapshot().is_empty(), "{:?}", home.snapshot().keys());
    assert_eq!(
        fs::read_dir(home.tmp.path()).expect("tmp").count(),
        1,
        "the demo left something in TMPDIR"
    );
    assert!(
        home.fails(&["--demo", "--dir", "x", "list"])
            .contains("--dir")
    );
}

#[test]
fn a_file_where_the_folder_should_be_is_an_error() {
    let home = Home::new();
    let not_a_dir = home.tmp.path().join("file");
    fs::write(&not_a_dir, "x").expect("write");
    let dir = not_a_dir.display().to_string();
    assert_eq!(
        home.fails(&["--dir", &dir, "list"]),
        format!("{dir} is not a folder")
    );
    assert!(Path::new(&dir).is_file());
}
