//! How `rolo` (the TUI) starts when it cannot draw: piped output, a bad config file.

use assert_cmd::Command;

fn rolo(home: &std::path::Path) -> Command {
    let mut cmd = Command::cargo_bin("rolo").unwrap();
    cmd.env_clear()
        .env("HOME", home)
        .env("XDG_CONFIG_HOME", home.join("config"))
        .env("ROLO_NOW", "2026-11-24T14:26:00+01:00");
    cmd
}

#[test]
fn without_a_terminal_it_says_so_in_one_line() {
    let home = tempfile::tempdir().unwrap();
    let out = rolo(home.path())
        .arg("--dir")
        .arg(home.path().join("data"))
        .output()
        .unwrap();
    assert!(!out.status.success());
    let err = String::from_utf8(out.stderr).unwrap();
    assert_eq!(
        err.trim_end(),
        "rolo: the journal UI needs a terminal; use a command such as `rolo list` when piping"
    );
    assert!(out.stdout.is_empty());
}

#[test]
fn a_bad_keymap_is_reported_with_its_file() {
    let home = tempfile::tempdir().unwrap();
    let config = home.path().join("config/rolo");
    std::fs::create_dir_all(&config).unwrap();
    std::fs::write(
        config.join("config.toml"),
        "[keys.browse]\n\"q\" = \"fly\"\n",
    )
    .unwrap();
    let out = rolo(home.path())
        .arg("--dir")
        .arg(home.path().join("data"))
        .output()
        .unwrap();
    assert!(!out.status.success());
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(
        err.contains("config/rolo/config.toml: [keys.browse] \"q\": unknown action \"fly\""),
        "{err}"
    );
    assert_eq!(err.lines().count(), 1, "{err}");
}

#[test]
fn an_unknown_theme_key_is_reported_with_its_file_and_line() {
    let home = tempfile::tempdir().unwrap();
    let config = home.path().join("config/rolo");
    std::fs::create_dir_all(&config).unwrap();
    std::fs::write(
        config.join("config.toml"),
        "mouse = false\n\n[theme]\npreset = \"light\"\nacent = \"blue\"\n",
    )
    .unwrap();
    let out = rolo(home.path())
        .arg("--dir")
        .arg(home.path().join("data"))
        .output()
        .unwrap();
    assert!(!out.status.success());
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(
        err.contains(
            "config/rolo/config.toml: 5:1: [theme] unknown key \"acent\"; the roles are accent,"
        ),
        "{err}"
    );
    assert_eq!(err.lines().count(), 1, "{err}");
}
