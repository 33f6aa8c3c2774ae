//! The three journeys of issue 15 in a real terminal (tmux): search in everything, go to
//! the hit, and write a note there dated "yesterday 18:00"; paste a note with line breaks;
//! a stop signal right after typing keeps every character in the draft, offered at restart.

use crate::tmux::{Tmux, child_of_pane, demo_dir, drafts, have_tmux, month};
use rolo::journal::Journal;
use rolo::store::Store;
use std::process::Command;

/// The entries of the folder with this note, as read back from the files.
fn entries_with_note(dir: &std::path::Path, note: &str) -> Vec<rolo::model::Entry> {
    let journal = Journal::new(Store::on_disk(dir).load().unwrap());
    journal
        .timeline()
        .filter(|e| e.note.contains(note))
        .cloned()
        .collect()
}

#[test]
fn search_then_enter_then_a_note_dated_yesterday_evening() {
    if !have_tmux() {
        return;
    }
    let dir = demo_dir();
    let t = Tmux::new("find-note");
    t.start(&format!("exec {}", t.rolo_line(dir.path(), "")));
    t.wait_for("Contacts 25");
    t.keys(&["/"]);
    t.type_text("chennai");
    t.wait_for("also 1 in notes, needs and cards — tab to see it");
    t.keys(&["Tab"]);
    t.wait_for("Search everything");
    t.wait_for("off to Chennai");
    t.keys(&["Enter"]);
    t.wait_for("Timeline · Priya Raman");
    t.keys(&["n"]);
    t.wait_for("Note · Priya Raman");
    t.wait_for("When  now · Tue 24 Nov 14:26");
    t.type_text("Called her about the trip");
    t.keys(&["C-t"]);
    t.wait_for("2026-11-24 14:26");
    // The time shown is typed over whole, as a selected field is.
    t.type_text("yesterday 18:00");
    t.wait_for("→ Mon 23 Nov 18:00, yesterday");
    t.keys(&["Enter"]);
    t.wait_for("When  Mon 23 Nov 18:00 · yesterday");
    t.keys(&["Enter"]);
    t.wait_for("saved note");
    let saved = entries_with_note(dir.path(), "Called her about the trip");
    assert_eq!(saved.len(), 1, "{}", month(dir.path()));
    assert_eq!(saved[0].with, ["priya-raman"]);
    assert_eq!(saved[0].at.to_rfc3339(), "2026-11-23T18:00:00+01:00");
    t.keys(&["q"]);
    t.wait("rolo to quit", |t| !t.alive());
}

#[test]
fn a_bracketed_paste_keeps_its_line_breaks() {
    if !have_tmux() {
        return;
    }
    let dir = demo_dir();
    let t = Tmux::new("paste");
    t.start(&format!("exec {}", t.rolo_line(dir.path(), "")));
    t.wait_for("Contacts 25");
    t.keys(&["n"]);
    t.wait_for("Note · Aiko Tanaka");
    let out = t.tmux(&[
        "set-buffer",
        "Met at the café.\nShe starts in May.\nAsk about the flat.",
    ]);
    assert!(out.status.success());
    // `-p`: as a bracketed paste, since rolo asked for them; tmux sends each line break as
    // a carriage return, as terminals do.
    let out = t.tmux(&["paste-buffer", "-p", "-t", "t"]);
    assert!(out.status.success());
    t.wait_for("Ask about the flat.");
    let screen = t.screen();
    assert!(
        screen
            .lines()
            .any(|l| l.contains("She starts in May.") && !l.contains("café")),
        "each line on its own row:\n{screen}"
    );
    t.keys(&["Enter"]);
    t.wait_for("saved note");
    let saved = entries_with_note(dir.path(), "Met at the café.");
    assert_eq!(saved.len(), 1, "{}", month(dir.path()));
    assert_eq!(
        saved[0].note.trim_end(),
        "Met at the café.\nShe starts in May.\nAsk about the flat."
    );
}

#[test]
fn sighup_right_after_typing_keeps_every_character_for_the_restart() {
    if !have_tmux() {
        return;
    }
    let dir = demo_dir();
    let t = Tmux::new("hup-now");
    t.start("env PS1='$ ' sh");
    t.wait_for("$");
    t.type_text(&format!(
        "{}; echo \"status $?\"",
        t.rolo_line(dir.path(), "")
    ));
    t.keys(&["Enter"]);
    t.wait_for("Contacts 25");
    let pid = child_of_pane(&t);
    t.keys(&["n"]);
    t.wait_for("Note · Aiko Tanaka");
    let sentence = "Every last word typed before the window went away, to the very end";
    t.type_text(sentence);
    // At once: most of the sentence is still waiting to be read when the signal comes.
    let sent = Command::new("kill").args(["-HUP", &pid]).status().unwrap();
    assert!(sent.success());
    t.wait_for("status 129");
    let saved = drafts(dir.path());
    assert_eq!(saved.len(), 1, "{saved:?}");
    assert!(
        saved[0].contains(&format!("note = \"{sentence}\"")),
        "{}",
        saved[0]
    );
    // The next start offers the whole draft back.
    t.type_text(&t.rolo_line(dir.path(), ""));
    t.keys(&["Enter"]);
    t.wait_for("Unsaved note from last time");
    t.wait_for("to the very end");
    t.keys(&["r"]);
    t.wait_for("Note · Aiko Tanaka");
    t.keys(&["Enter"]);
    t.wait_for("saved note");
    assert_eq!(entries_with_note(dir.path(), sentence).len(), 1);
}

/// `rolo --demo` ended by SIGTERM or SIGHUP (a closed window) removes its copy of the demo
/// journal, as quitting does: a signal ends the process before any drop runs.
#[test]
fn the_demo_s_copy_is_removed_when_a_signal_ends_it() {
    if !have_tmux() {
        return;
    }
    let copies = |dir: &std::path::Path| -> usize {
        std::fs::read_dir(dir)
            .map(|d| {
                d.flatten()
                    .filter(|e| e.file_name().to_string_lossy().starts_with("rolo-demo-"))
                    .count()
            })
            .unwrap_or(0)
    };
    for (sig, status) in [("-TERM", "status 143"), ("-HUP", "status 129")] {
        let tmp = tempfile::tempdir().unwrap();
        let t = Tmux::new(&format!("demo{sig}"));
        t.start("env PS1='$ ' sh");
        t.wait_for("$");
        t.type_text(&format!(
            "env TMPDIR={tmp} HOME={home} XDG_CONFIG_HOME={home}/config XDG_CACHE_HOME={home}/cache ROLO_NOW={now} TERM=xterm-256color {bin} --demo; echo \"status $?\"",
            now = crate::support::home::NOW,
            tmp = tmp.path().display(),
            home = t.home.path().display(),
            bin = env!("CARGO_BIN_EXE_rolo"),
        ));
        t.keys(&["Enter"]);
        t.wait_for("Contacts 25");
        assert_eq!(copies(tmp.path()), 1, "the demo runs on a copy in TMPDIR");
        let pid = child_of_pane(&t);
        let sent = Command::new("kill").args([sig, &pid]).status().unwrap();
        assert!(sent.success());
        t.wait_for(status);
        assert_eq!(copies(tmp.path()), 0, "{sig}: the copy is left behind");
    }
}
