//! `rolo edit` at a real terminal (tmux): a text that does not parse is shown with its line
//! and "Edit again? [Y/n]"; yes reopens the editor on what was typed, no keeps it in a file.
//! Skipped with a notice when tmux is missing, unless CI=true.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

struct Session {
    socket: String,
    /// The data folder and the editor script, kept while the session runs.
    _dir: tempfile::TempDir,
}

impl Session {
    fn tmux(&self, args: &[&str]) -> String {
        let out = Command::new("tmux")
            .arg("-L")
            .arg(&self.socket)
            .args(args)
            .output()
            .expect("tmux");
        String::from_utf8_lossy(&out.stdout).into_owned()
    }

    fn wait_for(&self, text: &str) -> String {
        let start = Instant::now();
        loop {
            let screen = self.tmux(&["capture-pane", "-p", "-J", "-t", "t"]);
            if screen.contains(text) {
                return screen;
            }
            assert!(
                start.elapsed() < Duration::from_secs(10),
                "no {text:?} on screen:\n{screen}"
            );
            std::thread::sleep(Duration::from_millis(50));
        }
    }
}

impl Drop for Session {
    fn drop(&mut self) {
        self.tmux(&["kill-server"]);
    }
}

fn have_tmux() -> bool {
    let found = Command::new("tmux")
        .arg("-V")
        .output()
        .is_ok_and(|o| o.status.success());
    if !found {
        assert!(
            std::env::var("CI").as_deref() != Ok("true"),
            "tmux is required on CI"
        );
        eprintln!("notice: tmux is not installed; skipping the terminal tests");
    }
    found
}

/// rolo edit on Ada, in tmux, with an editor that breaks the company line the first time and
/// fixes it the second.
fn start(name: &str) -> (Session, PathBuf) {
    let dir = tempfile::tempdir().expect("tempdir");
    let data = dir.path().join("data");
    let bin = env!("CARGO_BIN_EXE_rolo");
    let add = Command::new(bin)
        .arg("--dir")
        .arg(&data)
        .args(["add", "Ada Lovelace", "--company", "Engines"])
        .env("ROLO_NO_CACHE", "1")
        .output()
        .expect("add");
    assert!(add.status.success());
    let once = dir.path().join("once");
    let editor = dir.path().join("editor.sh");
    let script = format!(
        "#!/bin/sh\nif [ -e {once} ]; then sed -i 's/^company = Engines$/company = \"Fixed\"/' \"$1\"\nelse touch {once}; sed -i 's/^company = \"Engines\"/company = Engines/' \"$1\"; fi\n",
        once = once.display()
    );
    crate::support::script::executable(&editor, &script);
    let session = Session {
        socket: format!("rolo-edit-{}-{name}", std::process::id()),
        _dir: dir,
    };
    let line = format!(
        "env -u VISUAL ROLO_NO_CACHE=1 EDITOR={editor} {bin} --dir {data} edit ada; echo exit=$?; sleep 60",
        editor = editor.display(),
        data = data.display()
    );
    session.tmux(&[
        "new-session",
        "-d",
        "-s",
        "t",
        "-x",
        "200",
        "-y",
        "20",
        &line,
    ]);
    (session, data)
}

fn contact(data: &Path) -> String {
    fs::read_to_string(data.join("contacts/ada-lovelace.toml")).expect("contact")
}

#[test]
fn yes_edits_again_from_what_was_typed() {
    if !have_tmux() {
        return;
    }
    let (s, data) = start("yes");
    let asked = s.wait_for("Edit again? [Y/n]");
    assert!(asked.contains("rolo: line 2, column 11: "), "{asked}");
    s.tmux(&["send-keys", "-t", "t", "Enter"]);
    let screen = s.wait_for("exit=0");
    assert!(screen.contains("edited Ada Lovelace: company"), "{screen}");
    assert!(contact(&data).contains("company = \"Fixed\""));
}

#[test]
fn no_keeps_the_text_in_a_file_and_fails() {
    if !have_tmux() {
        return;
    }
    let (s, data) = start("no");
    s.wait_for("Edit again? [Y/n]");
    s.tmux(&["send-keys", "-t", "t", "n", "Enter"]);
    let screen = s.wait_for("exit=1");
    assert!(screen.contains("your text is kept in "), "{screen}");
    assert!(contact(&data).contains("company = \"Engines\""));
    let kept: Vec<_> = fs::read_dir(&data)
        .expect("data")
        .map(|e| e.expect("item").path())
        .filter(|p| p.to_string_lossy().contains(".rolo-edit-"))
        .collect();
    assert_eq!(kept.len(), 1);
    assert!(
        fs::read_to_string(&kept[0])
            .expect("kept")
            .contains("company = Engines")
    );
}
