//! The history against a real repository in a temp folder: commits, outside edits, crashes,
//! undo and redo, through the store as the front doors use it.

use super::*;
use crate::store::{DiskFs, Store};

/// Every method of the `Fs` trait is passed on by the history's wrapper: one the store adds
/// later and the wrapper forgot would quietly fall back to the trait's default.
#[test]
fn the_wrapper_passes_on_every_fs_method() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let read = |p: &str| std::fs::read_to_string(root.join(p)).unwrap_or_default();
    let trait_src = read("src/store/truth/fs.rs");
    let body = trait_src
        .split("pub trait Fs")
        .nth(1)
        .and_then(|s| s.split("\n}\n").next())
        .unwrap_or_default();
    let wrapper = read("src/history/noting.rs");
    let methods: Vec<&str> = body
        .lines()
        .filter_map(|l| l.trim().strip_prefix("fn "))
        .filter_map(|l| l.split('(').next())
        .collect();
    assert!(methods.len() > 10, "{methods:?}");
    for m in methods {
        assert!(
            wrapper.contains(&format!("fn {m}(")),
            "noting.rs does not pass on Fs::{m}"
        );
    }
}

/// A data folder with history in `mode`, and its store wrapped as the front doors wrap it.
fn journal(mode: Mode) -> (tempfile::TempDir, History, Store) {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("data");
    let history = History::open(Settings {
        dir: dir.clone(),
        config: Config::default(),
        cache: None,
        mode,
    });
    let store = Store::new(history.wrap(Box::new(DiskFs::new(&dir))));
    (tmp, history, store)
}

fn git(dir: &std::path::Path, args: &[&str]) -> String {
    let out = std::process::Command::new("git")
        .arg("-C")
        .arg(dir)
        .args(args)
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

fn add(store: &Store, name: &str) {
    crate::ops::AddPerson::named(name)
        .unwrap()
        .apply(store)
        .unwrap();
}

fn need(store: &Store, id: &str, what: &str) {
    let day = chrono::NaiveDate::from_ymd_opt(2026, 12, 3).unwrap();
    crate::ops::AddNeed::new(what, day)
        .unwrap()
        .apply(store, id)
        .unwrap();
}

/// Behind (the TUI): two changes of one file, saved before the first commit runs, are two
/// commits, each holding the file as its change wrote it.
#[test]
fn behind_each_change_is_committed_as_it_was_written() {
    let (tmp, history, store) = journal(Mode::Behind);
    let dir = tmp.path().join("data");
    add(&store, "Ada");
    need(&store, "ada", "one");
    need(&store, "ada", "two");
    history.finish(std::time::Duration::from_secs(30));
    let subjects = git(&dir, &["log", "--format=%s"]);
    assert_eq!(
        subjects,
        "need #2 recorded for Ada\nneed #1 recorded for Ada\nadded Ada (ada)\n"
    );
    let first = git(&dir, &["show", "HEAD~1:contacts/ada.toml"]);
    assert!(first.contains("one") && !first.contains("two"), "{first}");
    assert_eq!(git(&dir, &["status", "--porcelain"]), "");
    assert!(history.notices().is_empty());
}

/// An edit made by hand before rolo's own write of the same file is committed on its own,
/// even when rolo's commit runs after both (behind).
#[test]
fn an_outside_edit_before_a_write_is_not_mixed_into_it() {
    let (tmp, history, store) = journal(Mode::Behind);
    let dir = tmp.path().join("data");
    add(&store, "Ada");
    history.finish(std::time::Duration::from_secs(30));
    let file = dir.join("contacts/ada.toml");
    let by_hand = format!("# by hand\n{}", std::fs::read_to_string(&file).unwrap());
    std::fs::write(&file, &by_hand).unwrap();
    need(&store, "ada", "one");
    history.finish(std::time::Duration::from_secs(30));
    assert_eq!(
        git(&dir, &["log", "--format=%s"]),
        "need #1 recorded for Ada\nedited outside rolo: contacts/ada.toml\nadded Ada (ada)\n"
    );
    assert_eq!(git(&dir, &["show", "HEAD~1:contacts/ada.toml"]), by_hand);
}

/// Undo through the library, as the TUI will call it.
#[test]
fn undo_and_redo_through_the_library() {
    let (tmp, history, store) = journal(Mode::Now);
    let dir = tmp.path().join("data");
    add(&store, "Ada");
    need(&store, "ada", "one");
    let with_need = std::fs::read(dir.join("contacts/ada.toml")).unwrap();
    assert_eq!(history.undo(&store).unwrap(), "need #1 recorded for Ada");
    assert!(
        !String::from_utf8_lossy(&std::fs::read(dir.join("contacts/ada.toml")).unwrap())
            .contains("one")
    );
    assert_eq!(history.redo(&store).unwrap(), "need #1 recorded for Ada");
    assert_eq!(
        std::fs::read(dir.join("contacts/ada.toml")).unwrap(),
        with_need
    );
    assert!(matches!(
        history.redo(&store),
        Err(undo::HistoryError::Nothing { .. })
    ));
    let listed = history.undoable(5).unwrap();
    assert_eq!(listed.len(), 2);
    assert_eq!(listed[0].line, "need #1 recorded for Ada");
}
