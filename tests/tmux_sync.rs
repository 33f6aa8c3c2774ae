//! The TUI's background sync in a real terminal (tmux): on start it brings in what another
//! machine pushed and says so in the footer; a note written in the TUI goes out at quit.

use crate::history_support::Folder;
use crate::tmux::{Tmux, have_tmux};

#[test]
fn the_tui_syncs_on_start_and_at_quit() {
    if !have_tmux() {
        return;
    }
    let a = Folder::new();
    let b = Folder::new();
    let remote = a.tmp.path().join("remote.git");
    a.git_in(a.tmp.path(), &["init", "-q", "--bare", "remote.git"]);
    a.ok(&["add", "Ada Lovelace"]);
    let url = remote.to_string_lossy().into_owned();
    a.ok(&["sync", "--remote", &url]);
    b.ok(&["clone", &url]);
    a.ok(&["note", "ada", "Written on A", "--at", "2026-12-01 09:00"]);
    a.ok(&["sync"]);
    let t = Tmux::new("sync");
    let env = format!(
        "GIT_CONFIG_GLOBAL={} GIT_CONFIG_NOSYSTEM=1",
        b.gitconfig().display()
    );
    t.start(&format!("exec {}", t.rolo_line(&b.data, &env)));
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
