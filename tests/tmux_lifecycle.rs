//! People's lifecycle in a real terminal (tmux): merge two people with `M` and archive one
//! with `A`, then `rolo undo` from the command line gives every file back byte for byte (the
//! TUI's change is one commit in the history, as the command line's is).

use crate::tmux::{Tmux, demo_dir, have_tmux};
use std::collections::BTreeMap;
use std::path::Path;
use std::process::Command;

const PRIYA_R: &str = "name = \"Priya R.\"\nrole = \"CTO\"\n";
const ENTRY: &str = "\n[[entry]]\nid = \"2026-11-20-0900-priya\"\nat = 2026-11-20T09:00:00+01:00\nwith = [\"priya-r\"]\nkind = \"call\"\nnote = \"Call from her other number\"\n";

/// Every file of the journal but the history's own, byte for byte.
fn files(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    let mut out = BTreeMap::new();
    let mut todo = vec![dir.to_path_buf()];
    while let Some(d) = todo.pop() {
        for item in std::fs::read_dir(&d).unwrap().flatten() {
            let path = item.path();
            let rel = path.strip_prefix(dir).unwrap().display().to_string();
            if rel == ".git" || rel.starts_with('.') {
                continue;
            }
            if path.is_dir() {
                todo.push(path);
            } else {
                out.insert(rel, std::fs::read(&path).unwrap());
            }
        }
    }
    out
}

/// `rolo undo` on the folder, as the person would run it after quitting.
fn undo(t: &Tmux, dir: &Path) -> String {
    let out = Command::new("sh")
        .arg("-c")
        .arg(format!("{} undo", t.rolo_line(dir, "")))
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

#[test]
fn merge_then_archive_in_the_tui_each_undone_byte_for_byte() {
    if !have_tmux() {
        return;
    }
    let dir = demo_dir();
    std::fs::write(dir.path().join("contacts/priya-r.toml"), PRIYA_R).unwrap();
    let month = dir.path().join("journal/2026/2026-11.toml");
    let mut text = std::fs::read_to_string(&month).unwrap();
    text.push_str(ENTRY);
    std::fs::write(&month, text).unwrap();
    let before = files(dir.path());
    let t = Tmux::new("lifecycle");
    t.start(&format!("exec {}", t.rolo_line(dir.path(), "")));
    t.wait_for("Contacts 26");
    t.keys(&["/"]);
    t.type_text("priya raman");
    t.keys(&["Enter", "M"]);
    t.wait_for("Merge into Priya Raman: who?");
    t.type_text("priya r");
    t.wait_for("▶ Priya R.  (priya-r)");
    t.keys(&["Enter"]);
    t.wait_for("Merge two people into one?");
    t.keys(&["y"]);
    t.wait_for("merged Priya R. into Priya Raman: 1 entry");
    t.wait_for("Contacts 1/25");
    let merged = files(dir.path());
    assert!(!merged.contains_key("contacts/priya-r.toml"));
    // Esc alone (tmux sends keys at once: an Esc followed at once by a letter reads as alt).
    t.keys(&["Escape"]);
    t.wait_for("Contacts 25 ");
    // With the history behind it, no question: the status says how to take it back.
    t.keys(&["A"]);
    t.wait_for("archived Priya Raman — u to undo");
    t.wait_for("Contacts 24 · 1 archived");
    t.keys(&["q"]);
    t.wait("rolo to quit", |t| !t.alive());
    assert_eq!(undo(&t, dir.path()), "undid: archived Priya Raman\n");
    assert_eq!(files(dir.path()), merged);
    assert_eq!(
        undo(&t, dir.path()),
        "undid: merged Priya R. into Priya Raman: 1 entry\n"
    );
    assert_eq!(files(dir.path()), before);
}

/// The TUI leaves its memory to the exit (nothing freed piece by piece), but what must go
/// still goes: the demo's temp copy is removed when the person quits.
#[test]
fn the_demo_in_the_terminal_leaves_nothing_behind_when_quit() {
    if !have_tmux() {
        return;
    }
    let t = Tmux::new("demo-quit");
    let tmp = tempfile::tempdir().unwrap();
    let line = format!(
        "env -u ROLO_CACHE_DIR -u ROLO_DIR HOME={home} XDG_CONFIG_HOME={home}/config XDG_CACHE_HOME={home}/cache TMPDIR={tmp} TERM=xterm-256color {bin} --demo",
        home = t.home.path().display(),
        tmp = tmp.path().display(),
        bin = env!("CARGO_BIN_EXE_rolo"),
    );
    t.start(&line);
    t.wait_for("Contacts");
    assert_eq!(
        std::fs::read_dir(tmp.path()).unwrap().count(),
        1,
        "the demo's copy"
    );
    t.keys(&["q"]);
    t.wait("rolo to quit", |t| !t.alive());
    let left: Vec<_> = std::fs::read_dir(tmp.path())
        .unwrap()
        .flatten()
        .map(|e| e.file_name())
        .collect();
    assert!(left.is_empty(), "the demo left {left:?} in TMPDIR");
}
