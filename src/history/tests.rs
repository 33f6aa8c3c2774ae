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
    let trait_src = read("src/store/fs.rs");
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

fn git_env_is_the_tests_own() {}

#[test]
fn placeholder() {
    git_env_is_the_tests_own();
    let _ = (DiskFs::new("/nonexistent"), Store::on_disk("/nonexistent"));
}
