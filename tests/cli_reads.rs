//! Commands that read, `--help`, and where the data folder is found, through the real binary in
//! a temporary HOME, never the real one (`support::home`). `ROLO_NOW` pins "now" to 2026-11-24.

use crate::support;

use assert_cmd::Command;
use std::path::PathBuf;
use support::home::Home;
use support::text;

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
    // A folder that exists but holds nothing yet (one that does not exist is an error: see
    // tests/cli_empty.rs).
    use std::os::unix::fs::DirBuilderExt;
    std::fs::DirBuilder::new()
        .recursive(true)
        .mode(0o700)
        .create(home.data())
        .expect("data folder");
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
    // Reading leaves a folder rolo never wrote as it was: not even a lock file.
    let left: Vec<_> = std::fs::read_dir(home.data())
        .expect("data folder")
        .flatten()
        .map(|e| e.file_name())
        .collect();
    assert!(left.is_empty(), "{left:?}");
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

/// Someone with a rhythm and nothing logged yet is due from the start: `list` says so, as
/// `due` does, with no count of days made up from the rhythm.
#[test]
fn someone_never_seen_is_due_with_no_made_up_days() {
    let home = Home::new();
    home.ok(&["add", "Hans Becker", "--every", "14"]);
    let list = home.ok(&["list"]);
    assert!(
        list.contains("reconnect (nothing logged yet, every 14d)"),
        "{list}"
    );
    assert!(!list.contains("past every"), "{list}");
    let due = home.ok(&["due"]);
    assert!(
        due.contains("Reconnect with Hans Becker — nothing logged together yet"),
        "{due}"
    );
}

/// `list`'s columns line up in the terminal whatever the script: a name in Japanese or with
/// an emoji takes two columns a character, and the next column starts where it does for
/// Latin names. A name too long for the column is cut, never inside a wide character.
#[test]
fn list_columns_line_up_with_wide_names() {
    use unicode_width::UnicodeWidthStr;
    let home = Home::new();
    for name in [
        "Ada Lovelace",
        "田中 愛子",
        "Zoë 😀 Müller",
        "長い名前の人がここにいますよ本当に長い名前です",
    ] {
        home.ok(&["add", name]);
    }
    let list = home.ok(&["list"]);
    let columns: Vec<usize> = list
        .lines()
        .map(|l| l.find("never").map_or(0, |at| l[..at].width()))
        .collect();
    assert_eq!(columns.len(), 4, "{list}");
    assert!(columns.iter().all(|&c| c == columns[0] && c > 0), "{list}");
    // Cut to 32 columns: sixteen wide characters.
    assert!(list.contains("長い名前の人がここにいますよ本当 "), "{list}");
    // The same in `stats` (who you saw most) and `search` (whose hit): the same note for
    // each, so every line of each takes the same columns.
    for who in ["ada-lovelace", "田中 愛子", "Zoë 😀", "長い名前"] {
        home.ok(&["note", who, "Tea and cake", "--at", "yesterday"]);
    }
    let stats = home.ok(&["stats"]);
    let most: Vec<usize> = stats
        .split("Most time with")
        .nth(1)
        .unwrap_or_default()
        .lines()
        .skip(1)
        .take(4)
        .map(|l| l.trim_end().width())
        .collect();
    assert!(most.iter().all(|&w| w == most[0]), "{most:?}\n{stats}");
    let search = home.ok(&["search", "cake"]);
    let hits: Vec<usize> = search.lines().map(|l| l.trim_end().width()).collect();
    assert_eq!(hits.len(), 4, "{search}");
    assert!(hits.iter().all(|&w| w == hits[0]), "{hits:?}\n{search}");
}

/// A brief's heading over the times together counts only when there is something to
/// count: "Last time together" for one, "Last 2 times together" for two.
#[test]
fn the_brief_says_last_time_together_for_one() {
    let home = Home::new();
    home.ok(&["add", "Hans Becker"]);
    home.ok(&["note", "hans", "Coffee at the station", "--at", "yesterday"]);
    let brief = home.ok(&["brief", "hans"]);
    assert!(brief.contains("\nLast time together\n"), "{brief}");
    assert!(!brief.contains("Last 1 time"), "{brief}");
    home.ok(&["note", "hans", "A call", "--at", "2 hours ago"]);
    let brief = home.ok(&["brief", "hans"]);
    assert!(brief.contains("\nLast 2 times together\n"), "{brief}");
}
