//! Issue 14 in a real terminal (tmux): `u` in the TUI, the files byte for byte and `rolo log`.
//! Skipped with a notice when tmux is missing, unless CI=true.

use crate::tmux::{Tmux, have_tmux};

/// Issue 14 in a real terminal: a note typed in the TUI, `u`, and the files are as they were
/// byte for byte with the undo in `rolo log`; then a note from a second terminal while the
/// TUI runs, and `u` in the TUI undoes that one. `u` always takes back the newest change in
/// the journal's history, whoever made it (this TUI, another terminal, a hand edit), as
/// `rolo undo` does: the history is one, in git, not per window.
#[test]
fn u_in_the_tui_undoes_its_own_note_and_one_from_another_terminal() {
    if !have_tmux() {
        return;
    }
    let f = crate::history_support::Folder::new();
    f.ok(&["add", "Aiko Tanaka"]);
    f.ok(&["need", "aiko", "a flat in Berlin"]);
    let before = f.files();
    let log = f.subjects();
    let t = Tmux::new("undo");
    let git_env = format!(
        "GIT_CONFIG_GLOBAL={} GIT_CONFIG_NOSYSTEM=1",
        f.gitconfig().display()
    );
    t.start(&t.rolo_line(&f.data, &git_env));
    t.wait_for("Contacts 1");
    t.keys(&["n"]);
    t.wait_for("Note · Aiko Tanaka");
    t.type_text("Ramen in Kreuzberg");
    t.keys(&["Enter"]);
    t.wait_for("saved note");
    let ours = "logged note with Aiko Tanaka on 2026-11-24 14:26: “Ramen in Kreuzberg” (2026-11-24-1426-aiko)";
    t.wait("the note's commit", |_| {
        f.subjects().first().map(String::as_str) == Some(ours)
    });
    assert_ne!(f.files(), before);

    t.keys(&["u"]);
    t.wait_for(&format!("undid: {ours}"));
    assert_eq!(f.files(), before, "the files as they were, byte for byte");
    let undo = format!("undo: {ours}");
    assert_eq!(
        f.ok(&["log", "-n", "1"]),
        format!("2026-11-24 14:26  {undo}\n")
    );
    // Gone from the timeline; only the status line still names it.
    let screen = t.screen();
    let shown: Vec<&str> = screen.lines().filter(|l| !l.contains("undid:")).collect();
    assert!(!shown.join("\n").contains("Ramen in Kreuzberg"), "{screen}");

    // A second terminal writes while the TUI runs; it commits its own change.
    f.ok(&["note", "aiko", "Call from the other terminal"]);
    let theirs = "logged note with Aiko Tanaka on 2026-12-03 10:04: “Call from the other terminal” (2026-12-03-1004-aiko)";
    assert_eq!(f.subjects()[0], theirs);
    t.wait_for("Call from the other terminal");
    t.keys(&["u"]);
    t.wait_for(&format!("undid: {theirs}"));
    assert_eq!(f.files(), before, "their note is gone too, byte for byte");
    t.keys(&["q"]);
    t.wait("rolo to quit", |t| !t.alive());
    // Nothing was committed as an outside edit: the other rolo's write was its own commit.
    let mut expected = vec![
        format!("undo: {theirs}"),
        theirs.to_string(),
        undo,
        ours.to_string(),
    ];
    expected.extend(log);
    assert_eq!(f.subjects(), expected);
}
