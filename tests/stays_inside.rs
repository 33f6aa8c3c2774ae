//! Nothing outside the data folder, ever (issue 12, item 3): links planted inside the folder
//! (`contacts`, `journal/YYYY`, `drafts`, `.lock`, a contact file, a month file) and hostile
//! names (a draft whose `with` is `../../elsewhere/x`, ids with `..`, `/`, NUL, or far too
//! long) go through every write command, the CLI's and the TUI's; a sibling folder keeps
//! every name, mode and byte.

use crate::support;
use crate::tui_support;

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{Event, KeyCode::Enter};
use rolo::app::run_app;
use rolo::journal::Journal;
use rolo::keymap::Keymap;
use rolo::model::{Draft, Kind};
use rolo::store::Store;
use std::collections::BTreeMap;
use std::fs;
use std::os::unix::fs::{MetadataExt, symlink};
use std::path::{Path, PathBuf};
use support::folder::Folder;
use support::text;
use tui_support::{FakeHost, ch, key, tick};

const ADA: &str = "name = \"Ada Lovelace\"\n\n[[need]]\nid = 1\nwhat = \"A publisher\"\nsince = 2026-11-02\nstatus = \"open\"\n\n[[need]]\nid = 2\nwhat = \"Beta readers\"\nsince = 2026-11-02\nstatus = \"open\"\n\n[[follow_up]]\nid = 1\nwhat = \"Send the translation\"\ndue = 2026-11-30\ndone = false\n";
const BOB: &str = "name = \"Bob Babbage\"\n";
const MONTH: &str = "journal/2026/2026-11.toml";
const ENTRY: &str = "[[entry]]\nid = \"2026-11-02-1000-ada\"\nat = 2026-11-02T10:00:00+01:00\nwith = [\"ada\"]\nkind = \"call\"\nnote = \"Asked about her notes\"\n";
/// A draft of a note to Ada, begun on 23 November, with something typed.
const DRAFT: &str = "with = [\"ada\"]\nkind = \"note\"\nstarted = \"2026-11-23T14:05:00+01:00\"\nnote = \"Half a thought\"\n";

/// A data folder with Ada (two open needs, a follow-up), Bob, a month and a draft, and beside
/// it `elsewhere/`, which nothing rolo does may change.
fn folder() -> Folder {
    let f = Folder::with(&[
        ("contacts/ada.toml", ADA.into()),
        ("contacts/bob.toml", BOB.into()),
        (MONTH, ENTRY.into()),
        ("drafts/ada-20261123-140500.toml", DRAFT.into()),
    ]);
    let victim = elsewhere(&f);
    fs::create_dir_all(&victim).expect("elsewhere");
    // What a path built from `../../elsewhere/x` would name, were it ever joined.
    fs::write(victim.join("x.toml"), "name = \"X\"\n").expect("x");
    fs::write(victim.join("x-20261201-100000.toml"), "kept\n").expect("x draft");
    f
}

fn elsewhere(f: &Folder) -> PathBuf {
    f.tmp.path().join("elsewhere")
}

/// Every name under `dir` with its mode and its bytes (a link: its target).
fn tree(dir: &Path) -> BTreeMap<PathBuf, (u32, String)> {
    let mut out = BTreeMap::new();
    let mut todo = vec![dir.to_path_buf()];
    while let Some(d) = todo.pop() {
        for item in fs::read_dir(&d).expect("read_dir") {
            let path = item.expect("item").path();
            let meta = fs::symlink_metadata(&path).expect("metadata");
            let rel = path.strip_prefix(dir).expect("inside").to_path_buf();
            let bytes = if meta.file_type().is_symlink() {
                fs::read_link(&path)
                    .expect("link")
                    .into_os_string()
                    .into_vec()
            } else if meta.is_dir() {
                todo.push(path);
                Vec::new()
            } else {
                fs::read(&path).expect("read")
            };
            out.insert(
                rel,
                (meta.mode(), String::from_utf8_lossy(&bytes).into_owned()),
            );
        }
    }
    out
}

use std::os::unix::ffi::OsStringExt;

/// Move `rel` out of the data folder into `elsewhere/` and leave a link in its place.
fn link_out(f: &Folder, rel: &str) -> PathBuf {
    let inside = f.root().join(rel);
    let outside = elsewhere(f).join(rel.replace('/', "_"));
    fs::rename(&inside, &outside).expect("move out");
    symlink(&outside, &inside).expect("symlink");
    inside
}

/// Every CLI write command; returns what each printed on stderr.
fn every_cli_write(f: &Folder) -> String {
    let runs: [&[&str]; 8] = [
        &["add", "Eve Newcomer"],
        &["note", "ada", "Hello there", "--at", "2026-11-10"],
        &["need", "ada", "A lawyer"],
        &["intro", "ada", "bob", "--for", "1", "--note", "Both in cc"],
        &["met", "ada", "1", "--how", "a call"],
        &["drop", "ada", "2"],
        &["followup", "ada", "Send notes", "--due", "tomorrow"],
        &["done", "ada", "1"],
    ];
    let mut stderr = String::new();
    for args in runs {
        let out = f.rolo(args);
        stderr.push_str(&format!("{args:?}: {}\n", text(&out.stderr).trim_end()));
    }
    stderr
}

/// The TUI on the folder: a restored draft saved, then a new note to Ada typed and saved.
fn every_tui_write(root: &Path) {
    let store = Store::on_disk(root);
    let Ok(loaded) = store.load() else {
        return;
    };
    let mut journal = Journal::new(loaded);
    let mut terminal = Terminal::new(TestBackend::new(120, 35)).expect("terminal");
    let mut host = FakeHost {
        edits: Vec::new(),
        now: tui_support::now(),
        history: None,
        settles: true,
    };
    let events = script![
        ch('r'),
        " and the rest",
        tick(),
        key(Enter),
        ch('/'),
        "ada",
        key(Enter),
        ch('n'),
        "A new note",
        tick(),
        key(Enter),
        ch('q')
    ];
    let events = events.into_iter().map(|e| match e {
        Event::FocusLost => Ok(None),
        e => Ok(Some(e)),
    });
    let _ = run_app(
        &mut terminal,
        &store,
        &mut journal,
        &Keymap::default(),
        events,
        &mut host,
    );
}

/// Plant the link `rel`, run every write, and show that nothing outside changed and that the
/// refusal names the link.
fn a_link_is_never_written_through(rel: &str, refused_by: &str) {
    let f = folder();
    let link = link_out(&f, rel);
    // What a killed writer leaves looks like rolo's own: the sweep at start must not
    // follow the link to remove it.
    let outside = fs::read_link(&link).expect("link");
    for dir in [outside.clone(), outside.join("2026")] {
        if dir.is_dir() {
            fs::write(dir.join(".rolo-tmp-left.tmp"), "not ours").expect("temp");
        }
    }
    let before = tree(&elsewhere(&f));
    // `check` names every file a write would refuse: the link too, by its full path.
    let check = f.rolo(&["check"]);
    assert_eq!(
        check.status.code(),
        Some(1),
        "{rel}: {}",
        text(&check.stdout)
    );
    assert!(
        text(&check.stdout).contains(&format!("{}: a link to", link.display())),
        "{rel}: {}",
        text(&check.stdout)
    );
    let stderr = every_cli_write(&f);
    every_tui_write(&f.root());
    assert_eq!(
        tree(&elsewhere(&f)),
        before,
        "{rel}: outside changed\n{stderr}"
    );
    let message = format!("{} is a link to", link.display());
    let refusal = stderr
        .lines()
        .find(|l| l.starts_with(refused_by))
        .unwrap_or_else(|| panic!("{rel}: no {refused_by}\n{stderr}"));
    assert!(
        refusal.contains(&message) && refusal.contains("rolo does not write through links"),
        "{rel}: {refusal}"
    );
}

#[test]
fn a_linked_contacts_folder_is_never_written_through() {
    a_link_is_never_written_through("contacts", "[\"need\"");
}

#[test]
fn a_linked_year_folder_is_never_written_through() {
    a_link_is_never_written_through("journal/2026", "[\"note\"");
}

#[test]
fn a_linked_journal_folder_is_never_written_through() {
    a_link_is_never_written_through("journal", "[\"note\"");
}

#[test]
fn a_linked_drafts_folder_is_never_written_or_deleted_through() {
    let f = folder();
    // A blank draft is deleted at start, when it is really in drafts/.
    f.put(
        "drafts/bob-20261120-090000.toml",
        b"with = [\"bob\"]\nnote = \"\"\n",
    );
    let link = link_out(&f, "drafts");
    let left = elsewhere(&f).join("drafts/.rolo-tmp-left.tmp");
    fs::write(&left, "not ours").expect("temp");
    let before = tree(&elsewhere(&f));
    every_tui_write(&f.root());
    every_cli_write(&f);
    assert_eq!(tree(&elsewhere(&f)), before);
    // What the TUI would have said: the store refuses, naming the link.
    let store = Store::on_disk(f.root());
    let drafts = store.drafts();
    assert_eq!(drafts.len(), 2, "read through the link: {drafts:?}");
    for d in drafts {
        let e = store.remove_draft(&d).expect_err("removed through a link");
        assert!(
            e.to_string()
                .starts_with(&format!("{} is a link to", link.display())),
            "{e}"
        );
        let e = store.save_draft(&d).expect_err("written through a link");
        assert!(
            e.to_string().contains("does not write through links"),
            "{e}"
        );
    }
    assert_eq!(tree(&elsewhere(&f)), before);
}

#[test]
fn a_linked_lock_file_is_never_followed() {
    let f = folder();
    // A link to a file that does not exist: following it would create it.
    let link = f.root().join(".lock");
    symlink(elsewhere(&f).join("lock"), &link).expect("symlink");
    let before = tree(&elsewhere(&f));
    // `check` names every file a write would refuse: the link too, by its full path.
    let check = f.rolo(&["check"]);
    assert_eq!(
        check.status.code(),
        Some(1),
        ".lock: {}",
        text(&check.stdout)
    );
    assert!(
        text(&check.stdout).contains(&format!("{}: a link to", link.display())),
        ".lock: {}",
        text(&check.stdout)
    );
    let stderr = every_cli_write(&f);
    every_tui_write(&f.root());
    assert_eq!(tree(&elsewhere(&f)), before, "{stderr}");
    let need = stderr
        .lines()
        .find(|l| l.starts_with("[\"need\""))
        .expect("need");
    assert!(
        need.contains(&format!("{} is a link to", link.display())),
        "{need}"
    );
}

#[test]
fn a_linked_contact_file_is_never_written_through() {
    a_link_is_never_written_through("contacts/ada.toml", "[\"need\"");
}

#[test]
fn a_linked_month_file_is_never_written_through() {
    a_link_is_never_written_through(MONTH, "[\"note\"");
}

/// Ids from file contents that would leave the folder were they joined into a path.
const HOSTILE: [&str; 5] = [
    "../../elsewhere/x",
    "..",
    "a/b",
    "nul\0x",
    "../../../../../../tmp/x",
];

#[test]
fn hostile_names_in_files_never_become_paths_outside() {
    let f = folder();
    let long = "z".repeat(300);
    let mut with: Vec<String> = HOSTILE.iter().map(|s| s.to_string()).collect();
    with.push(long.clone());
    let list = with
        .iter()
        .map(|w| format!("{w:?}").replace("\\0", "\\u0000"))
        .collect::<Vec<_>>()
        .join(", ");
    // A blank draft (deleted at start) and a typed one (restored), both naming hostile ids
    // first, and a month whose entry names them.
    f.put(
        "drafts/evil.toml",
        format!("with = [{list}]\nnote = \"\"\nstarted = \"2026-12-01T10:00:00+01:00\"\n")
            .as_bytes(),
    );
    f.put(
        "drafts/evil-typed.toml",
        format!("with = [{list}]\nnote = \"typed\"\nstarted = \"2026-12-01T10:00:00+01:00\"\n")
            .as_bytes(),
    );
    f.put(
        "journal/2026/2026-10.toml",
        format!("[[entry]]\nid = \"2026-10-02-1000-x\"\nat = 2026-10-02T10:00:00+01:00\nwith = [{list}]\nnote = \"n\"\n").as_bytes(),
    );
    let before = tree(&elsewhere(&f));
    every_tui_write(&f.root());
    every_cli_write(&f);
    assert_eq!(tree(&elsewhere(&f)), before);
}

/// The store's own doors: an id or a draft that would make a path outside is refused with a
/// message that says why, before anything is read or written.
#[test]
fn the_store_refuses_ids_that_are_not_plain_names() {
    let f = folder();
    let store = Store::on_disk(f.root());
    let before = tree(&elsewhere(&f));
    let long = "z".repeat(300);
    let mut ids: Vec<&str> = HOSTILE.to_vec();
    ids.push(&long);
    ids.push(".hidden");
    for id in ids {
        let e = store
            .update_contact(id, |c| {
                c.notes = Some("written".into());
                Ok(())
            })
            .expect_err(id);
        assert!(e.to_string().contains("is not a contact id"), "{id:?}: {e}");
        let e = store
            .replace_contact_text(id, "name = \"X\"\n", "name = \"X\"\nnotes = \"written\"\n")
            .expect_err(id);
        assert!(e.to_string().contains("is not a contact id"), "{id:?}: {e}");
        let draft = Draft {
            with: vec![id.to_string()],
            kind: Kind::Note,
            note: "typed".into(),
            started: chrono::DateTime::parse_from_rfc3339("2026-12-01T10:00:00+00:00")
                .expect("time"),
            file: None,
        };
        if id == long {
            // A long id gets a draft all the same, under a shortened name inside `drafts/`.
            store
                .save_draft(&draft)
                .expect("a long id still gets a draft");
            store.remove_draft(&draft).expect("and it can be removed");
            continue;
        }
        let e = store.save_draft(&draft).expect_err(id);
        assert!(
            e.to_string().contains("cannot be a draft's file name"),
            "{id:?}: {e}"
        );
        let e = store.remove_draft(&draft).expect_err(id);
        assert!(
            e.to_string().contains("cannot be a draft's file name"),
            "{id:?}: {e}"
        );
    }
    assert_eq!(tree(&elsewhere(&f)), before);
}
