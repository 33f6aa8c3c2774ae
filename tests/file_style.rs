//! A write keeps the file's byte-order mark and line endings as they were: a CRLF file stays
//! CRLF, the lines rolo adds included, and a BOM stays in front (issue 12). Every write path is
//! here: an appended entry, an entry edited in place, as text, moved and deleted, a contact
//! changed, and a contact replaced by its edited text (the TUI's `e`).

use crate::support;

use rolo::store::Store;
use std::fs;
use std::path::Path;
use support::folder::{Folder, MONTH};
use support::text;

const BOM: &[u8] = b"\xef\xbb\xbf";

const CRLF_MONTH: &str = "[[entry]]\r\nid = \"2026-11-02-1000-ada\"\r\nat = 2026-11-02T10:00:00+01:00\r\nwith = [\"ada\"]\r\nnote = \"\"\"\r\nTea,\r\nthen a walk\"\"\"\r\n";

const CRLF_ADA: &str = "# by hand, on Windows\r\nname = \"Ada Lovelace\"\r\ntags = [\"math\"]\r\n";

fn with_bom(text: &str) -> Vec<u8> {
    [BOM, text.as_bytes()].concat()
}

/// The file starts with exactly one BOM, and every line ends in CRLF.
fn assert_bom_and_crlf(bytes: &[u8], what: &str) {
    assert!(bytes.starts_with(BOM), "{what}: the BOM is gone");
    assert!(!bytes[BOM.len()..].starts_with(BOM), "{what}: two BOMs");
    let body = &bytes[BOM.len()..];
    for (i, &b) in body.iter().enumerate() {
        if b == b'\n' {
            assert!(
                i > 0 && body[i - 1] == b'\r',
                "{what}: a line ends in LF alone at byte {i}:\n{}",
                text(body)
            );
        }
    }
    assert!(
        body.is_empty() || body.ends_with(b"\r\n"),
        "{what}: {}",
        text(body)
    );
}

#[test]
fn the_cli_keeps_bom_and_crlf_in_month_and_contact_files() {
    let f = Folder::with(&[
        (MONTH, with_bom(CRLF_MONTH)),
        ("contacts/ada.toml", with_bom(CRLF_ADA)),
    ]);
    for args in [
        &["note", "ada", "Lunch\nand plans", "--at", "2026-11-10"][..],
        &["need", "ada", "A publisher"],
        &["followup", "ada", "Send it", "--due", "friday"],
        &["met", "ada", "1"],
        &["done", "ada", "1"],
    ] {
        let out = f.rolo(args);
        assert_eq!(
            out.status.code(),
            Some(0),
            "{args:?}: {}",
            text(&out.stderr)
        );
    }
    let month = fs::read(f.root().join(MONTH)).expect("month");
    assert_bom_and_crlf(&month, "month");
    // What was there is still there, byte for byte, before what was added.
    assert!(month.starts_with(&with_bom(CRLF_MONTH)));
    let ada = fs::read(f.root().join("contacts/ada.toml")).expect("ada");
    assert_bom_and_crlf(&ada, "contact");
    assert!(ada.starts_with(&with_bom(CRLF_ADA)), "{}", text(&ada));
    let check = f.rolo(&["check"]);
    assert_eq!(text(&check.stderr), "");
    assert_eq!(
        text(&check.stdout),
        "1 contact, 2 entries: 0 errors, 0 warnings\n"
    );
    // Notes read the same in a CRLF file as anywhere.
    let timeline = f.rolo(&["timeline"]);
    assert!(
        text(&timeline.stdout).contains("    Lunch\n    and plans\n"),
        "{}",
        text(&timeline.stdout)
    );
}

#[test]
fn the_tui_save_paths_keep_bom_and_crlf() {
    let f = Folder::with(&[
        (MONTH, with_bom(CRLF_MONTH)),
        ("contacts/ada.toml", with_bom(CRLF_ADA)),
    ]);
    let store = Store::on_disk(f.root());
    let month = |f: &Folder| fs::read(f.root().join(MONTH)).expect("month");
    let id = "2026-11-02-1000-ada";

    store
        .update_entry(id, (2026, 11), |e| {
            e.gave = Some("An intro".into());
            Ok(())
        })
        .expect("edit in place");
    assert_bom_and_crlf(&month(&f), "entry edited");

    let shown = store.entry_text(id, (2026, 11)).expect("entry text");
    assert!(!shown.starts_with('\u{feff}'), "the editor sees no BOM");
    // An editor that saves with a BOM of its own (vim's `bomb`): the file keeps one BOM.
    let edited = format!("\u{feff}{}", shown.replace("An intro", "Two intros"));
    store
        .replace_entry_text(id, (2026, 11), &shown, &edited)
        .expect("edit as text");
    assert_bom_and_crlf(&month(&f), "entry edited as text");

    store
        .append_entry(rolo::model::Entry {
            id: "2026-11-03-0900-ada".into(),
            at: chrono::DateTime::parse_from_rfc3339("2026-11-03T09:00:00+01:00").expect("at"),
            with: vec!["ada".into()],
            kind: rolo::model::Kind::Call,
            note: "Second\nline".into(),
            gave: None,
            asked: None,
        })
        .expect("append");
    store
        .update_entry("2026-11-03-0900-ada", (2026, 11), |e| {
            e.at = chrono::DateTime::parse_from_rfc3339("2026-10-30T09:00:00+01:00").expect("at");
            Ok(())
        })
        .expect("move to October");
    assert_bom_and_crlf(&month(&f), "entry moved out");
    store.delete_entry(id, (2026, 11)).expect("delete");
    let now = month(&f);
    assert_bom_and_crlf(&now, "entry deleted");

    store
        .update_contact("ada", |c| {
            c.notes = Some("Prefers tea.\nDaughter at university.".into());
            Ok(())
        })
        .expect("contact change");
    let ada = fs::read(f.root().join("contacts/ada.toml")).expect("ada");
    assert_bom_and_crlf(&ada, "contact changed");

    // `e` in the TUI: the editor is shown the text without BOM, saves it (LF, say).
    let shown = store
        .read_file(Path::new("contacts/ada.toml"))
        .expect("read")
        .expect("there");
    assert!(!shown.starts_with('\u{feff}'));
    let edited = format!(
        "\u{feff}{}",
        shown.replace("\r\n", "\n").replace("math", "poetry")
    );
    store
        .replace_contact_text("ada", &shown, &edited)
        .expect("contact replaced");
    let ada = fs::read(f.root().join("contacts/ada.toml")).expect("ada");
    assert_bom_and_crlf(&ada, "contact replaced");
    assert!(text(&ada).contains("poetry"));
}

/// A file with neither stays with neither.
#[test]
fn a_plain_file_stays_plain() {
    let f = Folder::with(&[(MONTH, CRLF_MONTH.replace("\r\n", "\n").into_bytes())]);
    let out = f.rolo(&["note", "ada", "Lunch", "--at", "2026-11-10"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let month = fs::read(f.root().join(MONTH)).expect("month");
    assert!(!month.starts_with(BOM));
    assert!(!month.contains(&b'\r'));
}
