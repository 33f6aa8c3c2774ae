//! Related terms a person adds in `config.toml` (`[[related]]`) reach matching in the
//! command line, and a bad entry is reported with the file and the line.

use assert_cmd::Command;
use std::fs;
use std::path::Path;
use tempfile::TempDir;

const NOW: &str = "2026-11-24T14:26:00+01:00";

fn write(root: &Path, rel: &str, text: &str) {
    let path = root.join(rel);
    fs::create_dir_all(path.parent().unwrap()).unwrap();
    fs::write(path, text).unwrap();
}

/// Ada needs an allotment; Bo can help with a Schrebergarten (the German word for one).
fn setup() -> (TempDir, TempDir) {
    let home = TempDir::new().unwrap();
    let data = TempDir::new().unwrap();
    use std::os::unix::fs::PermissionsExt;
    fs::set_permissions(data.path(), fs::Permissions::from_mode(0o700)).unwrap();
    write(
        data.path(),
        "contacts/ada.toml",
        "name = \"Ada\"\n\n[[need]]\nid = 1\nwhat = \"An allotment near the river\"\nsince = 2026-11-01\nstatus = \"open\"\n",
    );
    write(
        data.path(),
        "contacts/bo.toml",
        "name = \"Bo\"\ncan_help_with = [\"Schrebergarten waiting lists\"]\n",
    );
    (home, data)
}

fn brief(home: &Path, data: &Path) -> std::process::Output {
    Command::cargo_bin("rolo")
        .unwrap()
        .env_clear()
        .env("HOME", home)
        .env("XDG_CONFIG_HOME", home.join("config"))
        .env("ROLO_NOW", NOW)
        .env("ROLO_NO_CACHE", "1")
        .args(["--dir", data.to_str().unwrap(), "brief", "ada"])
        .output()
        .unwrap()
}

#[test]
fn a_persons_related_terms_make_a_match() {
    let (home, data) = setup();
    let out = brief(home.path(), data.path());
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("no one in your journal matches"), "{text}");
    write(
        home.path(),
        "config/rolo/config.toml",
        "[keys.browse]\n\"ctrl-n\" = \"new_note\"\n\n[[related]]\ndomain = \"gardens\"\nwords = [\"allotment\", \"Schrebergarten\", \"Kleingarten\"]\n",
    );
    let out = brief(home.path(), data.path());
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        text.contains("Bo: can help with “Schrebergarten waiting lists”"),
        "{text}"
    );
}

#[test]
fn a_bad_related_entry_is_reported_with_file_and_line() {
    let (home, data) = setup();
    write(
        home.path(),
        "config/rolo/config.toml",
        "# my terms\n[[related]]\nwords = [\"allotment\", \"Schrebergarten\"]\n\n[[related]]\nword = [\"a\", \"b\"]\n",
    );
    let out = brief(home.path(), data.path());
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    let file = home.path().join("config/rolo/config.toml");
    assert!(
        err.starts_with(&format!("rolo: {}: line 6: ", file.display())),
        "{err}"
    );
    assert!(err.contains("unknown field `word`"), "{err}");
    // Nothing was written, nothing else went wrong: the same command works once fixed.
    write(
        home.path(),
        "config/rolo/config.toml",
        "[[related]]\nwords = [\"allotment\", \"Schrebergarten\"]\n",
    );
    assert!(brief(home.path(), data.path()).status.success());
}
