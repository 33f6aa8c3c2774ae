//! `rolo import` and `rolo export` through the real binary: the preview writes nothing, a
//! second import changes nothing, a bad card is named by file and line, exports go where
//! they are told (inside the data folder too) and read back with the crates that read them.

use crate::support::home::Home;
use crate::support::text;
use rolo::model::Contact;
use rolo::store::Store;
use std::path::{Path, PathBuf};

pub(crate) fn fixture(name: &str) -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/interchange")
        .join(name);
    path.display().to_string()
}

/// Every fixture that imports, files and the khard folder.
fn all_fixtures() -> Vec<String> {
    [
        "google.vcf",
        "apple.vcf",
        "outlook.vcf",
        "outlook_8bit.vcf",
        "khard",
        "scripts.vcf",
        "linkedin.csv",
        "google.csv",
    ]
    .iter()
    .map(|f| fixture(f))
    .collect()
}

pub(crate) fn import(home: &Home, files: &[String], yes: bool) -> String {
    let mut args = vec!["import".to_string()];
    args.extend(files.iter().cloned());
    if yes {
        args.push("--yes".into());
    }
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    home.ok(&args)
}

pub(crate) fn contacts(dir: &Path) -> Vec<Contact> {
    let mut c = Store::on_disk(dir).load().expect("load").contacts;
    c.sort_by(|a, b| a.id.cmp(&b.id));
    c
}

#[test]
fn the_preview_writes_nothing_off_a_terminal_without_yes() {
    let home = Home::new();
    let out = import(&home, &[fixture("google.vcf")], false);
    assert!(out.starts_with("2 cards read: 2 new"), "{out}");
    assert!(
        out.contains("\n  Ada Lovelace — Analytical Engines Ltd, ada@example.org\n"),
        "{out}"
    );
    assert!(out.contains("run again with --yes"), "{out}");
    assert!(
        !home.data().exists(),
        "nothing written, not even the folder"
    );
    // The same on a journal that exists.
    home.ok(&["add", "Grace Hopper"]);
    let before = home.snapshot();
    import(&home, &[fixture("google.vcf")], false);
    assert_eq!(home.snapshot(), before);
}

#[test]
fn yes_writes_and_the_second_import_changes_no_byte() {
    let home = Home::new();
    let out = import(&home, &all_fixtures(), true);
    assert!(
        out.ends_with("imported 15 people from 9 files (15 new, 0 updated)\n"),
        "{out}"
    );
    let ada = home.file("contacts/ada-lovelace.toml");
    assert!(
        ada.contains("met = \"LinkedIn, connected 2026-11-24\""),
        "{ada}"
    );
    assert!(home.data().join("contacts/li-lei.toml").exists());
    let before = home.snapshot();
    let again = import(&home, &all_fixtures(), true);
    assert!(
        again.contains("15 already here (0 to update, 15 up to date)"),
        "{again}"
    );
    // The group card and the row with no name are skipped again, and said so.
    assert!(
        again.ends_with(
            "nothing imported from 9 files: 2 skipped (see why above), the rest here already\n"
        ),
        "{again}"
    );
    assert_eq!(home.snapshot(), before, "the second import changed a file");
}

#[test]
fn a_person_here_gains_what_is_missing_and_keeps_what_they_wrote() {
    let home = Home::new();
    home.ok(&[
        "add",
        "Ada Lovelace",
        "--role",
        "Countess",
        "--email",
        "ADA@example.org",
    ]);
    let path = home.data().join("contacts/ada-lovelace.toml");
    let mine = std::fs::read_to_string(&path).expect("read");
    std::fs::write(
        &path,
        format!("# my notes on Ada\n{mine}pronouns = \"she/her\"\n"),
    )
    .expect("write");
    let out = import(&home, &[fixture("google.vcf")], true);
    assert!(out.contains("Ada Lovelace (ada-lovelace), by email: + an email, a phone, a web address, an alias, 2 tags, a company, a birthday, notes"), "{out}");
    assert!(out.ends_with("(1 new, 1 updated)\n"), "{out}");
    let file = home.file("contacts/ada-lovelace.toml");
    assert!(file.starts_with("# my notes on Ada\n"), "{file}");
    assert!(
        file.contains("role = \"Countess\""),
        "the role she had stays: {file}"
    );
    assert!(file.contains("pronouns = \"she/her\""), "{file}");
    assert!(
        file.contains("email = [\"ADA@example.org\", \"ada@engines.example\"]"),
        "{file}"
    );
    assert!(file.contains("birthday = 1815-12-10"), "{file}");
}

#[test]
fn a_bad_card_names_file_and_line_and_the_rest_imports() {
    let home = Home::new();
    let file = fixture("broken.vcf");
    let out = import(&home, std::slice::from_ref(&file), true);
    assert!(
        out.contains(&format!(
            "  {file}:7: no name (FN, N and ORG are all empty); skipped\n"
        )),
        "{out}"
    );
    assert!(
        out.contains(&format!("  {file}:11: card not closed")),
        "{out}"
    );
    assert!(out.ends_with("broken.vcf (2 new, 0 updated)\n"), "{out}");
}

#[test]
fn an_unreadable_file_stops_before_anything_is_written() {
    let home = Home::new();
    home.ok(&["add", "Grace Hopper"]);
    let before = home.snapshot();
    let err = home.fails(&[
        "import",
        &fixture("google.vcf"),
        "/nonexistent/x.vcf",
        "--yes",
    ]);
    assert!(err.starts_with("cannot read /nonexistent/x.vcf: "), "{err}");
    assert!(err.ends_with("; nothing was imported"), "{err}");
    assert_eq!(home.snapshot(), before);
}

#[test]
fn import_export_import_gives_equal_contacts() {
    let home = Home::new();
    import(&home, &all_fixtures(), true);
    let exported = home.tmp.path().join("all.vcf");
    home.ok(&["export", "vcard", "-o", &exported.display().to_string()]);
    let again = Home::new();
    let out = import(&again, &[exported.display().to_string()], true);
    assert!(out.ends_with("(15 new, 0 updated)\n"), "{out}");
    assert_eq!(contacts(&again.data()), contacts(&home.data()));
}

#[test]
fn vcard_output_reads_back_with_calcard() {
    let home = Home::new();
    import(&home, &all_fixtures(), true);
    let out = home.ok(&["export", "vcard"]);
    let mut parser = calcard::Parser::new(&out);
    let mut cards = Vec::new();
    loop {
        match parser.entry() {
            calcard::Entry::VCard(card) => cards.push(card),
            calcard::Entry::Eof => break,
            other => panic!("not a vCard: {other:?}"),
        }
    }
    assert_eq!(cards.len(), 15);
    for card in &cards {
        assert_eq!(card.version(), Some(calcard::vcard::VCardVersion::V4_0));
        assert!(card.uid().is_some_and(|u| u.starts_with("urn:uuid:")));
    }
    // UIDs are stable: the same on every export.
    assert_eq!(home.ok(&["export", "vcard"]), out);
}

#[test]
fn ics_reads_back_with_icalendar_and_keeps_its_uids() {
    use icalendar::Component;
    let home = Home::new();
    import(&home, &all_fixtures(), true);
    home.ok(&[
        "followup",
        "ada",
        "Send the Menabrea translation",
        "--due",
        "2026-12-01",
    ]);
    home.ok(&["followup", "ada", "Already sent", "--due", "2026-11-30"]);
    home.ok(&["done", "ada", "2"]);
    // One she made: hers to keep, not yours.
    home.ok(&[
        "followup",
        "ada",
        "Her notes on the engine",
        "--due",
        "2026-12-02",
        "--theirs",
    ]);
    let out = home.ok(&["export", "ics"]);
    let cal: icalendar::Calendar = out.parse().expect("parses as iCalendar");
    let events: Vec<&icalendar::Event> = cal.events().collect();
    let uid = |u: &str| events.iter().find(|e| e.get_uid() == Some(u)).copied();
    let ada = uid("birthday-ada-lovelace@rolo").expect("Ada's birthday");
    assert_eq!(ada.property_value("RRULE"), Some("FREQ=YEARLY"));
    assert_eq!(ada.get_summary(), Some("Ada Lovelace's birthday"));
    let grace = uid("birthday-rear-admiral-grace-brewster-murray-hopper@rolo").expect("Grace");
    assert_eq!(
        grace.property_value("RRULE"),
        Some("FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=-1")
    );
    assert!(out.contains("DTSTART;VALUE=DATE:20000229\r\n"), "{out}");
    let promise = uid("promise-ada-lovelace-1@rolo").expect("the open promise");
    assert_eq!(
        promise.get_summary(),
        Some("Promise to Ada Lovelace: Send the Menabrea translation")
    );
    assert!(
        uid("promise-ada-lovelace-2@rolo").is_none(),
        "a kept promise is not an event"
    );
    let hers = uid("promise-ada-lovelace-3@rolo").expect("her open promise");
    assert_eq!(
        hers.get_summary(),
        Some("Promise from Ada Lovelace: Her notes on the engine")
    );
    // In the Markdown too, each under whose it is, as the brief has them.
    let md = home.ok(&["export", "markdown", "--who", "ada"]);
    assert!(
        md.contains(
            "\n### Your promises to them\n\n\
             - [ ] #1 Send the Menabrea translation (due 2026-12-01)\n\
             - [x] #2 Already sent (due 2026-11-30)\n\n\
             ### Their promises to you\n\n\
             - [ ] #3 Her notes on the engine (due 2026-12-02)\n"
        ),
        "{md}"
    );
    // Birthdays (every one with a birthday) and the two open promises.
    let birthdays = events
        .iter()
        .filter(|e| e.get_uid().is_some_and(|u| u.starts_with("birthday-")))
        .count();
    assert_eq!(birthdays, 6);
    assert_eq!(events.len(), 8);
}

fn keys(v: &serde_json::Value) -> Vec<String> {
    v.as_object().expect("an object").keys().cloned().collect()
}

#[test]
fn json_export_field_names_are_the_schema() {
    let home = Home::new();
    import(&home, &[fixture("google.vcf")], true);
    home.ok(&["need", "ada", "A publisher"]);
    home.ok(&["followup", "ada", "Send notes", "--due", "2026-12-01"]);
    home.ok(&["note", "ada", "charles", "Coffee", "--kind", "coffee"]);
    let out = home.ok(&["export", "json"]);
    let v: serde_json::Value = serde_json::from_str(&out).expect("JSON");
    let mut top = keys(&v);
    top.sort();
    assert_eq!(top, ["entries", "people", "schema"]);
    assert_eq!(v["schema"], "rolo/1");
    let person = &v["people"][0];
    let mut fields = keys(person);
    fields.sort();
    assert_eq!(
        fields,
        [
            "aliases",
            "archived",
            "birthday",
            "can_help_with",
            "company",
            "email",
            "follow_ups",
            "id",
            "keep_in_touch_days",
            "last_contact",
            "met",
            "name",
            "needs",
            "notes",
            "phone",
            "problem",
            "role",
            "tags",
            "url"
        ]
    );
    assert_eq!(person["birthday"], "1815-12-10");
    assert_eq!(v["people"][1]["birthday"], "--12-26");
    let mut need = keys(&person["needs"][0]);
    need.sort();
    assert_eq!(need, ["how", "id", "met_on", "since", "status", "what"]);
    let mut promise = keys(&person["follow_ups"][0]);
    promise.sort();
    // `by` joined in rolo/1 (a field may be added): "me", or "them" for a promise made to you.
    assert_eq!(promise, ["by", "done", "due", "id", "what"]);
    let mut entry = keys(&v["entries"][0]);
    entry.sort();
    assert_eq!(entry, ["asked", "at", "gave", "id", "kind", "note", "with"]);
    assert_eq!(
        v["entries"][0]["with"],
        serde_json::json!(["ada-lovelace", "charles-babbage"])
    );
}

#[test]
fn every_read_command_speaks_the_same_json() {
    let home = Home::new();
    import(&home, &[fixture("google.vcf")], true);
    home.ok(&["note", "ada", "Coffee", "--kind", "coffee"]);
    for args in [
        vec!["list", "--json"],
        vec!["show", "ada", "--json"],
        vec!["timeline", "--json"],
        vec!["due", "--json"],
        vec!["today", "--json"],
        vec!["brief", "ada", "--json"],
    ] {
        let out = home.ok(&args);
        let v: serde_json::Value =
            serde_json::from_str(&out).unwrap_or_else(|e| panic!("{args:?}: {e}\n{out}"));
        assert_eq!(v["schema"], "rolo/1", "{args:?}");
    }
    let show: serde_json::Value =
        serde_json::from_str(&home.ok(&["show", "ada", "--json"])).expect("json");
    assert_eq!(show["person"]["id"], "ada-lovelace");
    assert_eq!(show["entries"][0]["kind"], "coffee");
    let list: serde_json::Value =
        serde_json::from_str(&home.ok(&["list", "--json"])).expect("json");
    assert_eq!(list["people"][0]["last_contact"], "2026-11-24");
}

#[test]
fn json_writes_terminal_controls_as_escapes() {
    let home = Home::new();
    home.ok(&["add", "Eve \u{202e}evil"]);
    let out = home.ok(&["list", "--json"]);
    assert!(!out.contains('\u{202e}'), "{out}");
    assert!(out.contains("Eve \\u202eevil"), "{out}");
    let v: serde_json::Value = serde_json::from_str(&out).expect("still JSON");
    assert_eq!(v["people"][0]["name"], "Eve \u{202e}evil");
}

#[test]
fn export_into_the_data_folder_is_atomic_and_private_but_never_over_rolos_files() {
    let home = Home::new();
    import(&home, &[fixture("google.vcf")], true);
    let target = home.data().join("backup.json");
    let out = home.ok(&["export", "json", "-o", &target.display().to_string()]);
    assert!(out.starts_with("exported 2 people as JSON to "), "{out}");
    let written = std::fs::read_to_string(&target).expect("written");
    assert!(
        written.starts_with("{\n  \"schema\": \"rolo/1\""),
        "{written}"
    );
    use std::os::unix::fs::PermissionsExt;
    let mode = std::fs::metadata(&target)
        .expect("meta")
        .permissions()
        .mode();
    assert_eq!(mode & 0o777, 0o600);
    let before = home.snapshot();
    let inside = home.data().join("contacts/ada-lovelace.toml");
    let err = home.fails(&["export", "vcard", "-o", &inside.display().to_string()]);
    assert!(
        err.ends_with("is among rolo's own files; export somewhere else (nothing was written)"),
        "{err}"
    );
    assert_eq!(home.snapshot(), before);
    // Elsewhere, a plain file; --who picks people.
    let elsewhere: PathBuf = home.tmp.path().join("ada.md");
    home.ok(&[
        "export",
        "markdown",
        "--who",
        "ada",
        "-o",
        &elsewhere.display().to_string(),
    ]);
    let md = std::fs::read_to_string(&elsewhere).expect("md");
    assert!(md.starts_with("# rolo: 1 person\n"), "{md}");
    assert!(md.contains("\n## Ada Lovelace\n"), "{md}");
    assert!(!md.contains("Charles"), "{md}");
}

#[test]
fn bash_completion_offers_ids_for_who() {
    let home = Home::new();
    home.ok(&["add", "Ada Lovelace"]);
    home.ok(&["add", "Charles Babbage"]);
    let script = home.tmp.path().join("rolo.bash");
    std::fs::write(&script, home.ok(&["completions", "bash"])).expect("script");
    let bin = PathBuf::from(env!("CARGO_BIN_EXE_rolo"));
    let path = format!(
        "{}:{}",
        bin.parent().expect("bin dir").display(),
        std::env::var("PATH").unwrap_or_default()
    );
    let complete = |words: &str, cword: usize| {
        let line = format!(
            "source {}; COMP_WORDS=({words}); COMP_CWORD={cword}; _rolo_who rolo \"${{COMP_WORDS[COMP_CWORD]}}\" \"${{COMP_WORDS[COMP_CWORD-1]}}\"; printf '%s\\n' \"${{COMPREPLY[@]}}\"",
            script.display()
        );
        let out = std::process::Command::new("bash")
            .args(["-c", &line])
            .env("PATH", &path)
            .env("HOME", home.path())
            .env_remove("ROLO_DIR")
            .env_remove("XDG_DATA_HOME")
            .output()
            .expect("bash");
        text(&out.stdout)
    };
    assert_eq!(
        complete("rolo show ''", 2),
        "ada-lovelace\ncharles-babbage\n"
    );
    assert_eq!(complete("rolo show ch", 2), "charles-babbage\n");
    assert_eq!(
        complete("rolo export json --who ''", 4),
        "ada-lovelace\ncharles-babbage\n"
    );
    assert_eq!(
        complete("rolo intro ada ''", 3),
        "ada-lovelace\ncharles-babbage\n"
    );
    // Not after WHO: `need ada TEXT` is free text, and a command name is no id.
    assert!(!complete("rolo need ada ''", 3).contains("ada-lovelace"));
    assert!(complete("rolo sh", 1).contains("show"));
}

#[test]
fn completions_for_every_shell_and_the_man_page_need_no_journal() {
    let home = Home::new();
    for shell in ["bash", "zsh", "fish", "elvish", "powershell"] {
        let script = home.ok(&["completions", shell]);
        assert!(script.contains("export"), "{shell}: {script}");
    }
    let zsh = home.ok(&["completions", "zsh"]);
    assert!(zsh.contains("compdef _rolo_who rolo"), "{zsh}");
    let man = home.ok(&["man"]);
    assert!(man.contains(".TH rolo 1"), "{man}");
    assert!(man.contains("import"), "{man}");
    assert!(!home.data().exists());
    // No journal: the scripts' id list is empty, not an error.
    assert_eq!(home.ok(&["__ids"]), "");
}
