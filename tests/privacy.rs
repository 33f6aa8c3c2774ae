//! Guarantee: what rolo creates is private to its owner (folders 0700, files 0600), whatever
//! the umask, and rolo warns when it finds the data folder open to other users.

use crate::safety_support;

use chrono::DateTime;
use rolo::model::{Draft, Kind};
use rolo::store::Store;
use safety_support::{NOW, rolo, run_ok};
use std::os::unix::fs::PermissionsExt;
use std::path::Path;
use std::process::Command;

fn mode(path: &Path) -> u32 {
    std::fs::metadata(path)
        .unwrap_or_else(|e| panic!("{}: {e}", path.display()))
        .permissions()
        .mode()
        & 0o777
}

/// rolo under `umask 000`, where anything not made private on purpose comes out world-readable.
fn rolo_wide_umask(dir: &Path, args: &[&str]) {
    let mut cmd = Command::new("sh");
    cmd.arg("-c")
        .arg("umask 000 && exec \"$@\"")
        .arg("sh")
        .arg(env!("CARGO_BIN_EXE_rolo"))
        .arg("--dir")
        .arg(dir)
        .args(args)
        .env("ROLO_NOW", NOW)
        .env("HOME", dir)
        .env("ROLO_NO_CACHE", "1");
    let out = cmd.output().expect("sh starts");
    assert!(
        out.status.success(),
        "rolo {args:?} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn everything_rolo_creates_is_private_even_under_umask_000() {
    let home = tempfile::tempdir().expect("tempdir");
    let dir = home.path().join("nested/rolo");
    rolo_wide_umask(&dir, &["add", "Ada Lovelace"]);
    rolo_wide_umask(&dir, &["note", "ada", "tea and the Engine"]);
    rolo_wide_umask(&dir, &["need", "ada", "a publisher"]);

    for folder in ["", "contacts", "journal", "journal/2026"] {
        assert_eq!(mode(&dir.join(folder)), 0o700, "folder {folder:?}");
    }
    for file in [
        "contacts/ada-lovelace.toml",
        "journal/2026/2026-11.toml",
        ".lock",
    ] {
        assert_eq!(mode(&dir.join(file)), 0o600, "file {file}");
    }
}

#[test]
fn a_rewritten_file_comes_out_private() {
    let home = tempfile::tempdir().expect("tempdir");
    let dir = home.path().join("rolo");
    run_ok(&dir, &["add", "Ada Lovelace"]);
    let file = dir.join("contacts/ada-lovelace.toml");
    std::fs::set_permissions(&file, std::fs::Permissions::from_mode(0o644)).expect("chmod");
    run_ok(&dir, &["need", "ada", "a publisher"]);
    assert_eq!(mode(&file), 0o600);
}

#[test]
fn drafts_are_private() {
    let home = tempfile::tempdir().expect("tempdir");
    let dir = home.path().join("rolo");
    let store = Store::on_disk(&dir);
    let draft = Draft {
        with: vec!["ada-lovelace".into()],
        kind: Kind::Note,
        note: "half a thought".into(),
        started: DateTime::parse_from_rfc3339(NOW).expect("valid"),
        file: None,
    };
    store.save_draft(&draft).expect("draft saved");
    assert_eq!(mode(&dir.join("drafts")), 0o700);
    assert_eq!(mode(&dir.join("drafts").join(draft.file_name())), 0o600);
    // The lease that marks the draft as this process's own is private too.
    assert_eq!(mode(&dir.join(".leases")), 0o700);
    let leases: Vec<_> = std::fs::read_dir(dir.join(".leases"))
        .expect("leases")
        .map(|e| e.expect("lease").path())
        .collect();
    assert_eq!(leases.len(), 1, "{leases:?}");
    assert_eq!(mode(&leases[0]), 0o600);
    assert_eq!(store.drafts(), vec![draft]);
}

fn warning_for(dir: &Path, folder_mode: u32) -> bool {
    std::fs::set_permissions(dir, std::fs::Permissions::from_mode(folder_mode)).expect("chmod");
    let out = rolo(dir).arg("list").output().expect("rolo starts");
    assert!(out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    stderr.contains("can be read by other users") && stderr.contains("chmod 700")
}

#[test]
fn warns_when_the_folder_is_open_to_others() {
    let home = tempfile::tempdir().expect("tempdir");
    let dir = home.path().join("rolo");
    run_ok(&dir, &["add", "Ada Lovelace"]);
    assert!(!warning_for(&dir, 0o700), "warned about a private folder");
    assert!(
        warning_for(&dir, 0o755),
        "no warning for a world-readable folder"
    );
    assert!(
        warning_for(&dir, 0o750),
        "no warning for a group-readable folder"
    );
    // The warning only informs: rolo leaves the person's permissions as they set them.
    assert_eq!(mode(&dir), 0o750);
}
