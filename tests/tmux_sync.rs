//! The TUI's background sync in a real terminal (tmux): on start it brings in what another
//! machine pushed and says so in the footer; a note written in the TUI goes out at quit.

use crate::history_support::Folder;
use crate::tmux::{Tmux, have_tmux};

/// Machine A with Ada (added with `ada`, extra arguments of `rolo add`), synced to a bare
/// remote; machine B cloned from it.
fn two_machines(ada: &[&str]) -> (Folder, Folder) {
    let a = Folder::new();
    let b = Folder::new();
    let remote = a.tmp.path().join("remote.git");
    a.git_in(a.tmp.path(), &["init", "-q", "--bare", "remote.git"]);
    let mut add = vec!["add", "Ada Lovelace"];
    add.extend_from_slice(ada);
    a.ok(&add);
    let url = remote.to_string_lossy().into_owned();
    a.ok(&["sync", "--remote", &url]);
    b.ok(&["clone", &url]);
    (a, b)
}

/// rolo on `f` in the terminal, with `f`'s own git config.
fn start_on(t: &Tmux, f: &Folder) {
    let env = format!(
        "GIT_CONFIG_GLOBAL={} GIT_CONFIG_NOSYSTEM=1",
        f.gitconfig().display()
    );
    t.start(&format!("exec {}", t.rolo_line(&f.data, &env)));
}

#[test]
fn the_tui_syncs_on_start_and_at_quit() {
    if !have_tmux() {
        return;
    }
    let (a, b) = two_machines(&[]);
    a.ok(&["note", "ada", "Written on A", "--at", "2026-12-01 09:00"]);
    a.ok(&["sync"]);
    let t = Tmux::new("sync");
    start_on(&t, &b);
    t.wait_for("synced just now");
    assert!(
        String::from_utf8_lossy(&b.read("journal/2026/2026-12.toml")).contains("Written on A"),
        "the start's sync brought A's note in"
    );
    t.wait_for("Written on A");
    t.keys(&["n"]);
    t.wait_for("Note · Ada Lovelace");
    t.type_text("Written on B in the TUI");
    t.keys(&["Enter"]);
    t.wait_for("saved note");
    t.keys(&["q"]);
    t.wait("rolo to quit", |t| !t.alive());
    a.ok(&["sync"]);
    let sent = a
        .files()
        .values()
        .any(|f| String::from_utf8_lossy(f).contains("Written on B in the TUI"));
    assert!(sent, "the quit's sync sent it: {:?}", a.files().keys());
    assert_eq!(a.files(), b.files());
}

/// A sync that stops at a conflict says so in the footer; `Y` shows both values, `t` takes
/// the other machine's, and the sync it runs finishes: the card shows the new value, and
/// both machines agree afterwards with `rolo check` clean.
#[test]
fn a_conflict_is_picked_on_the_sync_screen() {
    if !have_tmux() {
        return;
    }
    let (a, b) = two_machines(&["--role", "CTO"]);
    a.ok(&["edit", "ada", "--set", "role=Chief Executive"]);
    a.ok(&["sync"]);
    b.ok(&["edit", "ada", "--set", "role=Chair of the Board"]);
    let t = Tmux::new("syncpick");
    start_on(&t, &b);
    t.wait_for("needs you: 1 conflict (Y to pick)");
    t.keys(&["Y"]);
    t.wait_for("here \"Chair of the Board\", there \"Chief Executive\"");
    t.keys(&["t"]);
    t.wait_for("the other machine's values kept; sync:");
    // The merge came in like any outside edit: the card shows it.
    t.wait_for("Chief Executive");
    t.keys(&["q"]);
    t.wait("rolo to quit", |t| !t.alive());
    a.ok(&["sync"]);
    assert_eq!(a.files(), b.files());
    let ada = String::from_utf8_lossy(&b.read("contacts/ada-lovelace.toml")).into_owned();
    assert!(ada.contains("role = \"Chief Executive\""), "{ada}");
    for f in [&a, &b] {
        assert!(f.ok(&["check"]).contains(": 0 errors, 0 warnings"));
    }
}
