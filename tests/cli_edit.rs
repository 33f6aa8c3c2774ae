//! `rolo edit WHO`: the card in `$EDITOR` (here a small script that edits the copy, as a
//! person would) and `--set KEY=VALUE`, through the real binary in a temporary HOME.

use crate::support;

use std::fs;
use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};
use support::home::Home;
use support::text;

const ADA: &str = "contacts/ada-lovelace.toml";

/// An editor: a shell script that runs `body` with the copy's path as `$1`.
fn editor(home: &Home, body: &str) -> PathBuf {
    let path = home.tmp.path().join(format!("editor-{}.sh", body.len()));
    support::script::executable(&path, &format!("#!/bin/sh\n{body}\n"));
    path
}

fn edit_with(home: &Home, editor: &Path, who: &str) -> std::process::Output {
    home.cmd()
        .env_remove("VISUAL")
        .env("EDITOR", editor)
        .args(["edit", who])
        .output()
        .expect("run rolo")
}

/// The editor's copies left in the data folder.
fn copies(home: &Home) -> Vec<PathBuf> {
    fs::read_dir(home.data())
        .expect("data folder")
        .map(|e| e.expect("item").path())
        .filter(|p| p.to_string_lossy().contains(".rolo-edit-"))
        .collect()
}

/// Ada's file with a comment at the top, one above a key, and a key rolo does not know.
fn with_comments(home: &Home) -> String {
    let file = home
        .file(ADA)
        .replace("tags = ", "# she signs as A.A.L.\ntags = ");
    let file = format!("# met at the Royal Society\n{file}pronouns = \"she/her\"\n");
    fs::write(home.data().join(ADA), &file).expect("write");
    file
}

#[test]
fn an_edit_in_the_editor_is_saved_and_said_and_keeps_comments() {
    let home = Home::with_people();
    let before = with_comments(&home);
    let ed = editor(
        &home,
        "sed -i 's/^company = .*/company = \"Engines Ltd\"/; s/^keep_in_touch_days = 30/keep_in_touch_days = 14/' \"$1\"",
    );
    let out = edit_with(&home, &ed, "ada lovelace");
    assert_eq!(text(&out.stderr), "");
    assert_eq!(
        text(&out.stdout),
        "edited Ada Lovelace: company, keep_in_touch_days\n"
    );
    assert_eq!(
        home.file(ADA),
        before
            .replace("\"Analytical Engines\"", "\"Engines Ltd\"")
            .replace("= 30", "= 14")
    );
    assert!(copies(&home).is_empty(), "the copy is gone");
}

#[test]
fn an_edit_that_changes_nothing_writes_nothing() {
    let home = Home::with_people();
    let before = home.snapshot();
    let out = edit_with(&home, Path::new("true"), "ada-lovelace");
    assert_eq!(text(&out.stdout), "no change to Ada Lovelace\n");
    assert_eq!(home.snapshot(), before);
}

#[test]
fn a_text_that_does_not_parse_is_kept_and_its_place_named() {
    let home = Home::with_people();
    let before = home.file(ADA);
    let ed = editor(
        &home,
        "sed -i 's/^company = \"\\(.*\\)\"/company = \\1/' \"$1\"",
    );
    // No terminal to ask "Edit again?" (stdin is not one): the text is kept, exit 1.
    let out = edit_with(&home, &ed, "ada-lovelace");
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(text(&out.stdout), "");
    let err = text(&out.stderr);
    assert!(
        err.starts_with("rolo: line 3, column 11: "),
        "the place in the text: {err}"
    );
    let kept = copies(&home);
    assert_eq!(kept.len(), 1, "{kept:?}");
    assert!(err.trim_end().ends_with(&format!(
        "nothing was written, and your text is kept in {}",
        kept[0].display()
    )));
    let typed = fs::read_to_string(&kept[0]).expect("kept copy");
    assert!(typed.contains("company = Analytical Engines"), "{typed}");
    let mode = fs::metadata(&kept[0]).expect("meta").permissions().mode() & 0o777;
    assert_eq!(mode, 0o600, "the kept copy is private");
    assert_eq!(home.file(ADA), before, "the file is as it was");
}

#[test]
fn a_need_added_while_the_editor_is_open_is_kept() {
    let home = Home::with_people();
    let rolo = env!("CARGO_BIN_EXE_rolo");
    let ed = editor(
        &home,
        &format!(
            "sed -i 's/^company = .*/company = \"Engines Ltd\"/' \"$1\"\n{rolo} need ada-lovelace 'A publisher' >/dev/null"
        ),
    );
    let out = edit_with(&home, &ed, "ada-lovelace");
    assert_eq!(text(&out.stderr), "");
    assert_eq!(text(&out.stdout), "edited Ada Lovelace: company\n");
    let file = home.file(ADA);
    assert!(file.contains("company = \"Engines Ltd\""), "{file}");
    assert!(file.contains("what = \"A publisher\""), "{file}");
}

#[test]
fn a_key_changed_outside_too_keeps_the_files_value_and_says_so() {
    let home = Home::with_people();
    let rolo = env!("CARGO_BIN_EXE_rolo");
    let once = home.tmp.path().join("once");
    // The first round changes role and company while another rolo sets the company; the
    // editor then reopens on the file as written, and the second round changes nothing.
    let ed = editor(
        &home,
        &format!(
            "[ -e {once} ] && exit 0\ntouch {once}\nsed -i 's/^company = .*/company = \"Mine\"/; s/^tags/role = \"CTO\"\\ntags/' \"$1\"\n{rolo} edit ada-lovelace --set company=Theirs >/dev/null",
            once = once.display()
        ),
    );
    let out = edit_with(&home, &ed, "ada-lovelace");
    assert_eq!(text(&out.stderr), "");
    assert_eq!(
        text(&out.stdout),
        "edited Ada Lovelace: role\nkept the file's company (changed outside while you edited)\n"
    );
    let file = home.file(ADA);
    assert!(file.contains("company = \"Theirs\""), "{file}");
    assert!(file.contains("role = \"CTO\""), "{file}");
    assert!(
        !file.contains("rolo:"),
        "the note lines are not saved: {file}"
    );
}

#[test]
fn a_broken_file_is_opened_to_be_fixed_but_refused_to_set() {
    let home = Home::with_people();
    let broken = home
        .file(ADA)
        .replace("company = \"Analytical Engines\"", "company = ");
    fs::write(home.data().join(ADA), &broken).expect("write");
    let refused = home.run(&["edit", "ada-lovelace", "--set", "role=CTO"]);
    assert_eq!(refused.status.code(), Some(1));
    let err = text(&refused.stderr);
    assert!(
        err.contains("does not load, so rolo will not change it"),
        "{err}"
    );
    assert_eq!(home.file(ADA), broken);
    let ed = editor(&home, "sed -i 's/^company = $/company = \"Fixed\"/' \"$1\"");
    let out = edit_with(&home, &ed, "ada-lovelace");
    assert_eq!(text(&out.stdout), "edited Ada Lovelace: fixed the file\n");
    assert!(home.file(ADA).contains("company = \"Fixed\""));
}

#[test]
fn set_changes_each_key_and_says_which() {
    let home = Home::with_people();
    let cases = [
        ("role=CTO", "role", "role = \"CTO\""),
        (
            "company=Engines Ltd",
            "company",
            "company = \"Engines Ltd\"",
        ),
        (
            "email=ada@example.org",
            "email",
            "email = [\"ada@example.org\"]",
        ),
        (
            "phone=+44 20 7946 0000, +44 20 7946 0001",
            "phone",
            "phone = [\"+44 20 7946 0000\", \"+44 20 7946 0001\"]",
        ),
        ("birthday=12-10", "birthday", "birthday = \"12-10\""),
        (
            "met=At the Royal Society",
            "met",
            "met = \"At the Royal Society\"",
        ),
        (
            "keep_in_touch_days=14",
            "keep_in_touch_days",
            "keep_in_touch_days = 14",
        ),
        (
            "name=Augusta Ada King",
            "name",
            "name = \"Augusta Ada King\"",
        ),
    ];
    for (set, key, line) in cases {
        let out = home.ok(&["edit", "ada-lovelace", "--set", set]);
        let name = if key == "name" {
            "Augusta Ada King (was Ada Lovelace)"
        } else {
            "Ada Lovelace"
        };
        assert_eq!(out, format!("edited {name}: {key}\n"), "{set}");
        let file = home.file(ADA);
        assert!(file.contains(line), "{set}: {file}");
    }
    // The same again changes nothing, and says so.
    assert_eq!(
        home.ok(&["edit", "ada-lovelace", "--set", "role=CTO"]),
        "no change to Augusta Ada King\n"
    );
    // An empty value removes the key; several at once are said together.
    let out = home.ok(&[
        "edit",
        "ada-lovelace",
        "--set",
        "role=",
        "--set",
        "email=",
        "--set",
        "birthday=",
        "--set",
        "keep_in_touch_days=",
    ]);
    assert_eq!(
        out,
        "edited Augusta Ada King: role, email, birthday, keep_in_touch_days\n"
    );
    let file = home.file(ADA);
    for gone in ["role", "email", "birthday", "keep_in_touch_days"] {
        assert!(!file.contains(gone), "{gone} is still there: {file}");
    }
}

#[test]
fn set_refuses_a_bad_date_an_unknown_key_and_a_bad_rhythm_and_writes_nothing() {
    let home = Home::with_people();
    let before = home.snapshot();
    assert_eq!(
        home.fails(&["edit", "ada-lovelace", "--set", "birthday=1815-13-10"]),
        "cannot read birthday \"1815-13-10\"; write 1990-12-10, or 12-10 when the year is unknown; nothing was written"
    );
    assert_eq!(
        home.fails(&["edit", "ada-lovelace", "--set", "pronouns=she/her"]),
        "--set does not know the key \"pronouns\"; it knows name, role, company, email, phone, birthday, met, keep_in_touch_days; nothing was written"
    );
    assert_eq!(
        home.fails(&["edit", "ada-lovelace", "--set", "keep_in_touch_days=0"]),
        "keep_in_touch_days needs a number of days from 1 to 36500, not \"0\"; nothing was written"
    );
    assert_eq!(
        home.fails(&["edit", "ada-lovelace", "--set", "role"]),
        "--set needs KEY=VALUE, not \"role\"; nothing was written"
    );
    assert_eq!(home.snapshot(), before);
}

#[test]
fn who_is_found_as_every_command_finds_them() {
    let home = Home::with_people();
    home.ok(&["add", "Анна Петрова"]);
    assert_eq!(
        home.ok(&["edit", "Анна", "--set", "role=врач"]),
        "edited Анна Петрова: role\n"
    );
    assert!(
        home.file("contacts/anna-petrova.toml")
            .contains("role = \"врач\"")
    );
    // Several people, or no one: the words `need` uses, and nothing written.
    let before = home.snapshot();
    let several = home.fails(&["edit", "ada", "--set", "role=x"]);
    assert_eq!(several, home.fails(&["need", "ada", "x"]));
    let nobody = home.fails(&["edit", "zed", "--set", "role=x"]);
    assert_eq!(nobody, home.fails(&["need", "zed", "x"]));
    assert_eq!(home.snapshot(), before);
}

#[test]
fn set_keeps_comments_and_keys_rolo_does_not_know() {
    let home = Home::with_people();
    let before = with_comments(&home);
    let out = home.ok(&["edit", "ada-lovelace", "--set", "company=Engines Ltd"]);
    assert_eq!(out, "edited Ada Lovelace: company\n");
    assert_eq!(
        home.file(ADA),
        before.replace("\"Analytical Engines\"", "\"Engines Ltd\"")
    );
}

/// The card removed while the editor is open: nothing is written, the text is kept in a
/// file, and the message says so once, with where.
#[test]
fn a_card_removed_while_the_editor_is_open_says_so_once() {
    let home = Home::with_people();
    let card = home.data().join(ADA);
    let ed = editor(
        &home,
        &format!(
            "sed -i 's/^company = .*/company = \"Engines Ltd\"/' \"$1\"\nrm {}",
            card.display()
        ),
    );
    let out = edit_with(&home, &ed, "ada-lovelace");
    assert_eq!(out.status.code(), Some(1));
    let err = text(&out.stderr);
    let kept = copies(&home);
    assert_eq!(kept.len(), 1, "{kept:?}");
    assert_eq!(
        err.trim_end(),
        format!(
            "rolo: {} was removed while you were editing; nothing was written, and your text is kept in {}",
            card.display(),
            kept[0].display()
        )
    );
    assert!(!card.exists(), "nothing was written");
}
