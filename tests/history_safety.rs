//! The history never loses or blocks a save: a rolo killed between write and commit, two
//! writers at once, another git holding the index, a detached HEAD, hooks that fail, a
//! signing config. The TOML is written first; the commit follows or is caught up later.

use crate::history_support::Folder;
use crate::support::script::executable;
use std::time::{Duration, Instant};

fn with_ada() -> Folder {
    let f = Folder::new();
    f.ok(&["add", "Ada Lovelace"]);
    f
}

/// A rolo killed (SIGKILL) while git makes its commit: the note is on disk, its intent too;
/// the next start, whatever the command, commits it under its own line.
#[test]
fn killed_between_write_and_commit_is_committed_on_the_next_start() {
    let f = with_ada();
    // A git that stops at the commit, says where it is, and waits to be killed.
    let shim = f.tmp.path().join("shim");
    let marker = f.tmp.path().join("at-commit");
    let real = String::from_utf8(
        std::process::Command::new("sh")
            .args(["-c", "command -v git"])
            .output()
            .unwrap()
            .stdout,
    )
    .unwrap();
    executable(
        &shim.join("git"),
        &format!(
            "#!/bin/sh\nfor a in \"$@\"; do [ \"$a\" = fast-import ] && echo $$ > {} && exec sleep 60; done\nexec {} \"$@\"\n",
            marker.display(),
            real.trim()
        ),
    );
    let path = format!(
        "{}:{}",
        shim.display(),
        std::env::var("PATH").unwrap_or_default()
    );
    let mut child = f
        .cmd(&["need", "ada", "a publisher"])
        .env("PATH", &path)
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    let deadline = Instant::now() + Duration::from_secs(30);
    while !marker.exists() {
        assert!(Instant::now() < deadline, "rolo never reached its commit");
        std::thread::sleep(Duration::from_millis(20));
    }
    std::thread::sleep(Duration::from_millis(50));
    child.kill().unwrap(); // SIGKILL
    child.wait().unwrap();
    let git_pid = std::fs::read_to_string(&marker).unwrap();
    let _ = std::process::Command::new("kill")
        .args(["-9", git_pid.trim()])
        .status();
    let written = f.files();
    assert!(
        String::from_utf8_lossy(&written["contacts/ada-lovelace.toml"]).contains("a publisher"),
        "the need was written before the commit"
    );
    assert_eq!(f.subjects(), ["added Ada Lovelace (ada-lovelace)"]);
    // The next start (a read) commits it, and changes no file.
    f.ok(&["list"]);
    assert_eq!(
        f.subjects(),
        [
            "need #1 recorded for Ada Lovelace (recovered after an interruption)",
            "added Ada Lovelace (ada-lovelace)"
        ]
    );
    assert_eq!(f.files(), written);
    assert_eq!(f.dirty(), Vec::<String>::new());
    // And it undoes like any change.
    f.ok(&["undo"]);
    assert!(!String::from_utf8_lossy(&f.read("contacts/ada-lovelace.toml")).contains("publisher"));
}

/// As a kill -9 leaves it without a git to stop: the file written, the intent there, its
/// writer gone (no lease held), no commit.
#[test]
fn an_intent_left_behind_is_committed_with_its_line() {
    let f = with_ada();
    let rel = "contacts/ada-lovelace.toml";
    let mut text = f.read(rel);
    text.extend_from_slice(
        b"\n[[need]]\nid = 1\nwhat = \"tea\"\nsince = 2026-12-03\nstatus = \"open\"\n",
    );
    f.write(rel, &text);
    f.write(
        ".git/rolo/pending/00000000000000000001-999999-000000.toml",
        b"pid = 999999\nowner = \"gone\"\npaths = [\"contacts/ada-lovelace.toml\"]\ndescription = \"need #1 recorded for Ada Lovelace\"\n",
    );
    // And one that died before its description: its files are still its own.
    f.write("notes.txt", b"mine\n");
    f.write(
        ".git/rolo/pending/00000000000000000002-999998-000000.toml",
        b"pid = 999998\nowner = \"gone2\"\npaths = [\"notes.txt\"]\n",
    );
    let before = f.files();
    assert_eq!(
        f.ok(&["show", "ada"]).lines().next(),
        Some("Ada Lovelace  (ada-lovelace)")
    );
    assert_eq!(
        f.subjects(),
        [
            "unfinished change by rolo (recovered after an interruption): notes.txt",
            "need #1 recorded for Ada Lovelace (recovered after an interruption)",
            "added Ada Lovelace (ada-lovelace)"
        ]
    );
    assert_eq!(f.files(), before);
    let pending = std::fs::read_dir(f.data.join(".git/rolo/pending")).unwrap();
    let left: Vec<String> = pending
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".toml"))
        .collect();
    assert_eq!(
        left,
        Vec::<String>::new(),
        "the notes are gone once committed"
    );
}

/// Two rolos writing at once: every note lands, each in a commit of its own with its line.
#[test]
fn two_writers_at_once_each_get_their_own_commits() {
    let f = with_ada();
    const EACH: usize = 8;
    let run = |who: usize| {
        let f = &f;
        move || {
            for n in 0..EACH {
                // Days before the folder's now (2026-11-24): a note is never still to come.
                let at = format!("2026-11-0{} {:02}:{:02}", 1 + who, 8 + n, 10 * who);
                let out = f.run(&[
                    "note",
                    "ada",
                    &format!("writer {who} note {n}"),
                    "--at",
                    &at,
                ]);
                assert!(
                    out.status.success(),
                    "{}",
                    String::from_utf8_lossy(&out.stderr)
                );
                assert_eq!(String::from_utf8_lossy(&out.stderr), "");
            }
        }
    };
    std::thread::scope(|s| {
        s.spawn(run(1));
        s.spawn(run(2));
    });
    let month = String::from_utf8(f.read("journal/2026/2026-11.toml")).unwrap();
    assert_eq!(month.matches("[[entry]]").count(), 2 * EACH);
    let notes: Vec<String> = f
        .subjects()
        .into_iter()
        .filter(|s| s.starts_with("logged note"))
        .collect();
    assert_eq!(notes.len(), 2 * EACH, "{notes:#?}");
    // Each commit adds exactly the entry its line names.
    let ids = f.git(&["log", "--format=%H", "-n", &(2 * EACH).to_string()]);
    for commit in ids.lines() {
        let subject = f.git(&["log", "-1", "--format=%s", commit]);
        let id = subject
            .trim()
            .rsplit('(')
            .next()
            .unwrap()
            .trim_end_matches(')');
        let diff = f.git(&["show", "--format=", commit]);
        let added: Vec<&str> = diff.lines().filter(|l| l.starts_with("+id = ")).collect();
        assert_eq!(added, [format!("+id = \"{id}\"")], "{subject}");
    }
    assert_eq!(f.dirty(), Vec::<String>::new());
}

/// Another git holds the index: the change is saved, said once, committed by a later rolo
/// under its own line.
#[test]
fn a_held_index_lock_defers_the_commit_and_a_later_command_catches_up() {
    let f = with_ada();
    let lock = f.data.join(".git/index.lock");
    std::fs::write(&lock, "").unwrap();
    let out = f.run(&["need", "ada", "one"]);
    assert!(out.status.success());
    assert_eq!(
        String::from_utf8_lossy(&out.stdout),
        "need #1 recorded for Ada Lovelace\n"
    );
    assert_eq!(
        String::from_utf8_lossy(&out.stderr),
        format!(
            "rolo: history: {} is there: another git command is running (or one was stopped; then \
             remove the file). Your change is saved and will be committed later\n",
            lock.display()
        )
    );
    // Still held: saved again, and not said again.
    assert_eq!(
        f.ok(&["need", "ada", "two"]),
        "need #2 recorded for Ada Lovelace\n"
    );
    assert_eq!(f.subjects(), ["added Ada Lovelace (ada-lovelace)"]);
    let written = f.files();
    std::fs::remove_file(&lock).unwrap();
    f.ok(&["list"]);
    assert_eq!(
        f.subjects(),
        [
            "need #2 recorded for Ada Lovelace",
            "need #1 recorded for Ada Lovelace",
            "added Ada Lovelace (ada-lovelace)"
        ]
    );
    assert_eq!(f.files(), written);
    assert_eq!(f.dirty(), Vec::<String>::new());
}

/// A detached HEAD (a checkout of a commit): saves go on, commits wait for a branch.
#[test]
fn a_detached_head_defers_commits_until_a_branch_is_back() {
    let f = with_ada();
    f.git(&["checkout", "-q", "--detach"]);
    let before = f.files();
    let out = f.run(&["need", "ada", "one"]);
    assert!(out.status.success());
    assert!(
        String::from_utf8_lossy(&out.stderr).starts_with("rolo: history: HEAD is detached"),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(f.subjects(), ["added Ada Lovelace (ada-lovelace)"]);
    let written = f.files();
    assert_ne!(written, before, "the save went through");
    f.git(&["checkout", "-q", "-"]);
    f.ok(&["list"]);
    assert_eq!(
        f.subjects(),
        [
            "need #1 recorded for Ada Lovelace",
            "added Ada Lovelace (ada-lovelace)"
        ]
    );
    assert_eq!(f.files(), written);
    assert_eq!(f.dirty(), Vec::<String>::new());
}

/// A commit that git cannot write (as with a full disk): the save stands, it is said once,
/// and the next rolo that can commit does, under the change's own line.
#[test]
fn a_commit_git_cannot_write_is_caught_up_later() {
    let f = with_ada();
    let shim = f.tmp.path().join("shim");
    let real = String::from_utf8(
        std::process::Command::new("sh")
            .args(["-c", "command -v git"])
            .output()
            .unwrap()
            .stdout,
    )
    .unwrap();
    executable(
        &shim.join("git"),
        &format!(
            "#!/bin/sh\nfor a in \"$@\"; do [ \"$a\" = fast-import ] && echo 'fatal: write error: No space left on device' >&2 && exit 128; done\nexec {} \"$@\"\n",
            real.trim()
        ),
    );
    let path = format!(
        "{}:{}",
        shim.display(),
        std::env::var("PATH").unwrap_or_default()
    );
    let out = f
        .cmd(&["need", "ada", "one"])
        .env("PATH", &path)
        .output()
        .unwrap();
    assert!(out.status.success());
    assert_eq!(
        String::from_utf8_lossy(&out.stdout),
        "need #1 recorded for Ada Lovelace\n"
    );
    assert_eq!(
        String::from_utf8_lossy(&out.stderr),
        "rolo: history: the commit failed (git fast-import: write error: No space left on \
         device); your change is saved and will be committed later\n"
    );
    let out = f
        .cmd(&["need", "ada", "two"])
        .env("PATH", &path)
        .output()
        .unwrap();
    assert!(out.status.success());
    assert_eq!(String::from_utf8_lossy(&out.stderr), "", "said once");
    let written = f.files();
    f.ok(&["list"]);
    assert_eq!(
        f.subjects(),
        [
            "need #2 recorded for Ada Lovelace",
            "need #1 recorded for Ada Lovelace",
            "added Ada Lovelace (ada-lovelace)"
        ]
    );
    assert_eq!(f.files(), written);
}

/// Hooks that fail and a config that signs every commit change nothing: rolo's commits run
/// no hooks and sign nothing, so they never fail or wait on either.
#[test]
fn failing_hooks_and_commit_signing_never_block_a_commit() {
    let f = with_ada();
    let hooks = f.tmp.path().join("hooks");
    for hook in [
        "pre-commit",
        "commit-msg",
        "post-commit",
        "reference-transaction",
    ] {
        executable(&f.data.join(".git/hooks").join(hook), "#!/bin/sh\nexit 1\n");
        executable(&hooks.join(hook), "#!/bin/sh\nexit 1\n");
    }
    std::fs::write(
        f.gitconfig(),
        format!(
            "[core]\n\thooksPath = {}\n[commit]\n\tgpgsign = true\n[gpg]\n\tprogram = /bin/false\n",
            hooks.display()
        ),
    )
    .unwrap();
    let before = f.files();
    assert_eq!(
        f.ok(&["need", "ada", "one"]),
        "need #1 recorded for Ada Lovelace\n"
    );
    let after = f.files();
    assert_eq!(
        f.ok(&["undo"]),
        "undid: need #1 recorded for Ada Lovelace\n"
    );
    assert_eq!(f.files(), before);
    // The repository's own hooks folder (no hooksPath): its failing hooks change nothing.
    std::fs::write(
        f.gitconfig(),
        "[commit]\n\tgpgsign = true\n[gpg]\n\tprogram = /bin/false\n",
    )
    .unwrap();
    assert_eq!(
        f.ok(&["redo"]),
        "redid: need #1 recorded for Ada Lovelace\n"
    );
    assert_eq!(f.files(), after);
    assert_eq!(
        f.subjects(),
        [
            "redo: need #1 recorded for Ada Lovelace",
            "undo: need #1 recorded for Ada Lovelace",
            "need #1 recorded for Ada Lovelace",
            "added Ada Lovelace (ada-lovelace)"
        ]
    );
}

/// The author is the person's own git identity; rolo's only when they have none.
#[test]
fn commits_are_by_the_person_or_by_rolo() {
    let f = with_ada();
    assert_eq!(
        f.git(&["log", "-1", "--format=%an <%ae>"]),
        "rolo <rolo@localhost>\n"
    );
    std::fs::write(
        f.gitconfig(),
        "[user]\n\tname = Ada\n\temail = ada@example.org\n",
    )
    .unwrap();
    f.ok(&["need", "ada", "one"]);
    assert_eq!(
        f.git(&["log", "-1", "--format=%an <%ae> %cn"]),
        "Ada <ada@example.org> Ada\n"
    );
    // The date is rolo's "now".
    assert_eq!(
        f.git(&["log", "-1", "--format=%ai"]),
        "2026-12-03 10:04:00 +0100\n"
    );
}
