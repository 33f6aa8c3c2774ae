//! The terminal given back, in a real one (tmux): after a panic, SIGTERM, SIGHUP or a closed
//! window the shell finds its screen, cursor and line discipline as they were, and a note
//! being typed is in its draft.

use crate::tmux::{Tmux, child_of_pane, demo_dir, drafts, have_tmux};
use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

#[test]
fn the_terminal_comes_back_after_a_panic() {
    if !have_tmux() {
        return;
    }
    let dir = demo_dir();
    let t = Tmux::new("panic");
    t.start("env PS1='$ ' sh");
    t.wait_for("$");
    let line = format!(
        "{}; stty -a | tr ' ;' '\\n\\n' | grep -x -e icanon -e -icanon -e echo -e -echo | tr '\\n' ' '; echo EN''D",
        t.rolo_line(dir.path(), "ROLO_TEST_PANIC=1 RUST_BACKTRACE=0")
    );
    t.type_text(&line);
    t.keys(&["Enter"]);
    t.wait_for("Contacts 25");
    t.keys(&["j"]);
    // The command line itself reads `EN''D`, so only the output line ends in END.
    let is_result = |l: &&str| l.trim_end().ends_with("END") && !l.contains("EN''D");
    t.wait("the shell to come back", |t| {
        t.screen().lines().any(|l| is_result(&l))
    });
    let screen = t.screen();
    assert!(
        screen.contains("thread 'main'"),
        "the panic message is readable:\n{screen}"
    );
    assert!(
        screen.contains("panicking inside the TUI on purpose"),
        "{screen}"
    );
    let modes = screen.lines().find(is_result).unwrap();
    assert!(
        modes.contains("icanon echo") && !modes.contains("-icanon"),
        "terminal left raw: {modes}\n{screen}"
    );
    assert!(
        !screen.contains("Contacts 25"),
        "still on the alternate screen:\n{screen}"
    );
}

fn pane_flag(t: &Tmux, flag: &str) -> String {
    String::from_utf8_lossy(&t.tmux(&["display-message", "-p", "-t", "t", flag]).stdout)
        .trim()
        .to_string()
}

/// Type a note, send `signal` to rolo: the draft holds the whole note and the shell gets
/// its terminal back as it was (main screen, cursor shown, not raw).
fn a_stop_signal_restores_the_terminal_and_keeps_the_draft(signal: &str, num: i32) {
    let dir = demo_dir();
    let t = Tmux::new(signal);
    t.start("env PS1='$ ' sh");
    t.wait_for("$");
    let line = format!(
        "{}; echo \"status $?\"; stty -a | tr ' ;' '\\n\\n' | grep -x -e icanon -e -icanon | tr '\\n' ' '; echo EN''D",
        t.rolo_line(dir.path(), "")
    );
    t.type_text(&line);
    t.keys(&["Enter"]);
    t.wait_for("Contacts 25");
    let pid = child_of_pane(&t);
    t.keys(&["n"]);
    t.wait_for("Note · Aiko Tanaka");
    t.type_text("The whole sentence, typed just before the end");
    t.wait_for("just before the end");
    assert_eq!(pane_flag(&t, "#{alternate_on}"), "1");
    let sent = Command::new("kill")
        .args([&format!("-{signal}"), &pid])
        .status()
        .unwrap();
    assert!(sent.success());
    let is_result = |l: &&str| l.trim_end().ends_with("END") && !l.contains("EN''D");
    t.wait("the shell to come back", |t| {
        t.screen().lines().any(|l| is_result(&l))
    });
    let screen = t.screen();
    assert_eq!(pane_flag(&t, "#{alternate_on}"), "0", "{screen}");
    assert_eq!(
        pane_flag(&t, "#{cursor_flag}"),
        "1",
        "cursor hidden:\n{screen}"
    );
    assert!(
        screen.contains(&format!("status {}", 128 + num)),
        "rolo ends by the signal:\n{screen}"
    );
    let modes = screen.lines().find(is_result).unwrap();
    assert!(
        modes.contains("icanon") && !modes.contains("-icanon"),
        "{modes}"
    );
    let saved = drafts(dir.path());
    assert_eq!(saved.len(), 1, "{saved:?}");
    assert!(
        saved[0].contains("note = \"The whole sentence, typed just before the end\""),
        "{}",
        saved[0]
    );
}

#[test]
fn sigterm_restores_the_terminal_and_keeps_the_draft() {
    if have_tmux() {
        a_stop_signal_restores_the_terminal_and_keeps_the_draft("TERM", 15);
    }
}

#[test]
fn sighup_restores_the_terminal_and_keeps_the_draft() {
    if have_tmux() {
        a_stop_signal_restores_the_terminal_and_keeps_the_draft("HUP", 1);
    }
}

#[test]
fn closing_the_window_keeps_the_draft() {
    if !have_tmux() {
        return;
    }
    let dir = demo_dir();
    let t = Tmux::new("window");
    t.start(&format!("exec {}", t.rolo_line(dir.path(), "")));
    t.wait_for("Contacts 25");
    t.keys(&["n"]);
    t.wait_for("Note · Aiko Tanaka");
    t.type_text("Typed as the window closed");
    t.wait_for("as the window closed");
    let pid = pane_flag(&t, "#{pane_pid}");
    t.tmux(&["kill-window", "-t", "t"]);
    t.wait("the window to close", |t| !t.alive());
    // rolo writes the draft as it goes, after its terminal is gone.
    let start = Instant::now();
    while start.elapsed() < Duration::from_secs(5)
        && !drafts(dir.path())
            .iter()
            .any(|d| d.contains("note = \"Typed as the window closed\""))
    {
        std::thread::sleep(Duration::from_millis(50));
    }
    let saved = drafts(dir.path());
    assert_eq!(saved.len(), 1, "{saved:?}");
    // And rolo ends: a hung-up terminal must not keep it spinning.
    let proc = format!("/proc/{pid}");
    let start = Instant::now();
    while Path::new(&proc).exists() && start.elapsed() < Duration::from_secs(5) {
        std::thread::sleep(Duration::from_millis(50));
    }
    assert!(!Path::new(&proc).exists(), "rolo {pid} still runs");
    assert!(
        saved[0].contains("note = \"Typed as the window closed\""),
        "{}",
        saved[0]
    );
}
