//! `rolo brief`, `intro`, `due` and `today` end to end, on a small hand-made journal in a temp
//! folder, with a pinned clock and a temp HOME.

use assert_cmd::Command;
use predicates::prelude::*;
use std::fs;
use std::path::Path;
use tempfile::TempDir;

const NOW: &str = "2026-11-24T14:26:00+01:00";

fn write(root: &Path, rel: &str, text: &str) {
    let path = root.join(rel);
    fs::create_dir_all(path.parent().unwrap()).unwrap();
    fs::write(path, text).unwrap();
}

struct Env {
    home: TempDir,
    data: TempDir,
}

fn setup() -> Env {
    let env = Env {
        home: TempDir::new().unwrap(),
        data: TempDir::new().unwrap(),
    };
    let d = env.data.path();
    use std::os::unix::fs::PermissionsExt;
    fs::set_permissions(d, fs::Permissions::from_mode(0o700)).unwrap();
    write(
        d,
        "contacts/zoe-muller.toml",
        r#"name = "Zoë Müller"
role = "Product designer (between jobs)"
birthday = 1991-12-03
met = "Berlin Design Week 2023: we shared a table"
keep_in_touch_days = 30
can_help_with = ["UI design", "website redesigns"]

[[need]]
id = 1
what = "A full-time job as a product designer"
since = 2026-09-20
status = "open"

[[follow_up]]
id = 1
what = "Send Zoë Nadia's contact"
due = 2026-11-26
done = false
"#,
    );
    write(
        d,
        "contacts/nadia-petrova.toml",
        r#"name = "Nadia Petrova"
company = "Studio Nordlicht"
can_help_with = ["hiring product designers"]
"#,
    );
    write(
        d,
        "contacts/klaus-weber.toml",
        r#"name = "Klaus Weber"
keep_in_touch_days = 60
birthday = "11-29"
can_help_with = ["heat pump installation"]

[[need]]
id = 1
what = "Someone to take over the business when he retires"
since = 2026-04-26
status = "open"

[[follow_up]]
id = 1
what = "Call Klaus about invoicing software"
due = 2026-11-10
done = false
"#,
    );
    write(
        d,
        "contacts/hannah-schulz.toml",
        "name = \"Hannah \\u001b[31mSchulz\"\nkeep_in_touch_days = 30\n",
    );
    write(
        d,
        "journal/2026/2026-08.toml",
        r#"[[entry]]
id = "2026-08-16-1000-hannah"
at = 2026-08-16T10:00:00+02:00
with = ["hannah-schulz"]
kind = "coffee"
note = "Coffee on the Landwehrkanal."
"#,
    );
    write(
        d,
        "journal/2026/2026-11.toml",
        r#"[[entry]]
id = "2026-11-14-1230-zoe"
at = 2026-11-14T12:30:00+01:00
with = ["zoe-muller"]
kind = "coffee"
note = """
Lunch with Zoë. Went through her portfolio together.
Nadia is hiring a product designer.
"""
gave = "Sent her two product designer job posts"

[[entry]]
id = "2026-11-20-0900-zoe"
at = 2026-11-20T09:00:00+01:00
with = ["zoe-muller", "klaus-weber"]
kind = "call"
note = "Three-way call about Klaus's website."
asked = "Asked Zoë for a quote"
"#,
    );
    env
}

impl Env {
    fn rolo(&self) -> Command {
        let mut cmd = Command::cargo_bin("rolo").unwrap();
        cmd.env_clear()
            .env("HOME", self.home.path())
            .env("ROLO_NOW", NOW)
            .env("COLUMNS", "72")
            .arg("--dir")
            .arg(self.data.path());
        cmd
    }

    fn run(&self, args: &[&str]) -> String {
        let out = self
            .rolo()
            .args(args)
            .assert()
            .success()
            .get_output()
            .stdout
            .clone();
        String::from_utf8(out).unwrap()
    }
}

#[test]
fn brief_plain_text() {
    let env = setup();
    let out = env.run(&["brief", "zoe"]);
    assert!(!out.contains('\u{1b}'), "no colour when not a terminal");
    assert!(
        out.lines().all(|l| l.chars().count() <= 72),
        "wrapped to COLUMNS:\n{out}"
    );
    insta::assert_snapshot!("brief_zoe", out);
}

#[test]
fn brief_markdown() {
    let env = setup();
    let out = env.run(&["brief", "Zoë Müller", "--markdown"]);
    assert!(out.starts_with("# Zoë Müller\n"));
    assert!(out.contains("\n## Open needs\n"));
    assert!(
        out.contains(
            "- **Nadia Petrova**: can help with “hiring **product** **designers**” (for #1)"
        ),
        "{out}"
    );
    assert!(out.contains("  > Nadia is hiring a product designer."));
}

#[test]
fn brief_shows_file_text_inert() {
    let env = setup();
    let out = env.run(&["brief", "hannah-schulz"]);
    assert!(out.starts_with("Hannah ␛[31mSchulz\n"), "{out}");
    assert!(!out.contains('\u{1b}'));
}

#[test]
fn brief_of_no_one_fails_clearly() {
    let env = setup();
    env.rolo()
        .args(["brief", "nobody-at-all"])
        .assert()
        .failure()
        .stderr(predicate::str::contains("no one matches \"nobody-at-all\""));
}

#[test]
fn today_plain_text() {
    let env = setup();
    let out = env.run(&["today"]);
    insta::assert_snapshot!("today", out);
}

#[test]
fn due_lists_reconnect_promises_and_birthdays() {
    let env = setup();
    let out = env.run(&["due"]);
    insta::assert_snapshot!("due", out);
}

#[test]
fn intro_for_a_need_logs_the_entry_and_marks_the_need_met() {
    let env = setup();
    let out = env.run(&["intro", "zoe", "nadia", "--for", "1"]);
    assert_eq!(
        out,
        "logged the intro of Zoë Müller to Nadia Petrova (2026-11-24-1426-zoe)\n\
         need #1 of Zoë Müller marked met: introduced to Nadia Petrova\n"
    );
    let month = fs::read_to_string(env.data.path().join("journal/2026/2026-11.toml")).unwrap();
    assert!(month.contains("id = \"2026-11-24-1426-zoe\""));
    assert!(month.contains("with = [\"zoe-muller\", \"nadia-petrova\"]"));
    assert!(month.contains("kind = \"intro\""));
    assert!(month.contains(
        "gave = \"Introduced Zoë Müller to Nadia Petrova for: A full-time job as a product designer\""
    ));
    let zoe = fs::read_to_string(env.data.path().join("contacts/zoe-muller.toml")).unwrap();
    assert!(zoe.contains("status = \"met\""));
    assert!(zoe.contains("met_on = 2026-11-24"));
    assert!(zoe.contains("how = \"introduced to Nadia Petrova\""));
    // The intro shows in both timelines, and the need is no longer open.
    let brief = env.run(&["brief", "nadia"]);
    assert!(
        brief.contains("Tue\u{a0}24\u{a0}Nov · intro with Zoë Müller"),
        "{brief}"
    );
    let brief = env.run(&["brief", "zoe"]);
    assert!(brief.contains("Nothing open right now"), "{brief}");
}

#[test]
fn intro_with_a_wrong_need_writes_nothing() {
    let env = setup();
    let before_month =
        fs::read_to_string(env.data.path().join("journal/2026/2026-11.toml")).unwrap();
    let before_zoe = fs::read_to_string(env.data.path().join("contacts/zoe-muller.toml")).unwrap();
    env.rolo()
        .args(["intro", "zoe", "nadia", "--for", "7"])
        .assert()
        .failure()
        .stdout("")
        .stderr(
            "rolo: Zoë Müller has no need #7 (see `rolo brief zoe-muller`); nothing was written\n",
        );
    let after_month =
        fs::read_to_string(env.data.path().join("journal/2026/2026-11.toml")).unwrap();
    let after_zoe = fs::read_to_string(env.data.path().join("contacts/zoe-muller.toml")).unwrap();
    assert_eq!(before_month, after_month);
    assert_eq!(before_zoe, after_zoe);
}

#[test]
fn intro_without_a_need_keeps_the_note() {
    let env = setup();
    env.run(&[
        "intro",
        "klaus",
        "zoe",
        "--note",
        "Email intro about his website",
    ]);
    let month = fs::read_to_string(env.data.path().join("journal/2026/2026-11.toml")).unwrap();
    assert!(month.contains("Email intro about his website"));
    assert!(month.contains("gave = \"Introduced Klaus Weber to Zoë Müller\""));
}

#[test]
fn a_need_no_one_matches_says_so_gently() {
    let env = setup();
    let out = env.run(&["brief", "klaus"]);
    assert!(
        out.contains(
            "  • #1 Someone to take over the business when he retires\n    open 212 days (since Sun\u{a0}26\u{a0}Apr)\n    no one in your journal matches this yet\n"
        ),
        "{out}"
    );
    assert!(!out.contains("People they may want to meet"), "{out}");
}

#[test]
fn an_empty_journal_says_so_in_today_and_due() {
    let env = Env {
        home: TempDir::new().unwrap(),
        data: TempDir::new().unwrap(),
    };
    // Not "nothing pressing" nor "everyone is within their rhythm": there is no one yet.
    assert_eq!(
        env.run(&["today"]),
        "Today, Tuesday 24 November 2026\n\
         No contacts yet (add one with `rolo add NAME`).\n"
    );
    assert_eq!(
        env.run(&["due"]),
        "no contacts yet (add one with `rolo add NAME`)\n"
    );
}
