//! Guarantee: two rolo processes writing at the same moment never lose or mangle each other's
//! work. Two writers each log notes into the same month file and needs onto the same person,
//! all in the same minute (the clock is pinned), so entry ids collide unless rolo makes them
//! unique under its folder lock.
//!
//! Each writer logs 100 notes by default, which keeps this test to seconds on a 2-core machine
//! (every note is a whole rolo process loading a growing month file);
//! `ROLO_CONCURRENCY_NOTES=200 cargo test --test all concurrency::` runs the full 2 x 200.

use crate::safety_support;

use rolo::store::Store;
use safety_support::{rolo, seed};
use std::collections::HashSet;
use std::path::{Path, PathBuf};

const WRITERS: usize = 2;
const DEFAULT_NOTES: usize = 100;
/// Every this many notes, a writer also records a need.
const NEED_EVERY: usize = 8;

fn notes_per_writer() -> usize {
    std::env::var("ROLO_CONCURRENCY_NOTES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(DEFAULT_NOTES)
}

fn note_text(writer: usize, i: usize) -> String {
    format!("writer {writer} note {i}")
}

fn need_text(writer: usize, i: usize) -> String {
    format!("writer {writer} need {i}")
}

fn writer_loop(dir: PathBuf, writer: usize, notes: usize) -> Result<(), String> {
    let run = |args: &[&str]| -> Result<(), String> {
        let out = rolo(&dir)
            .args(args)
            .output()
            .map_err(|e| format!("cannot start rolo: {e}"))?;
        if out.status.success() {
            Ok(())
        } else {
            Err(format!(
                "writer {writer}: rolo {args:?} failed: {}",
                String::from_utf8_lossy(&out.stderr)
            ))
        }
    };
    for i in 0..notes {
        run(&["note", "ada-lovelace", &note_text(writer, i)])?;
        if i % NEED_EVERY == 0 {
            run(&["need", "charles-babbage", &need_text(writer, i)])?;
        }
    }
    Ok(())
}

fn expected<T: Fn(usize, usize) -> String>(text: T, notes: usize, every: usize) -> HashSet<String> {
    (0..WRITERS)
        .flat_map(|w| (0..notes).step_by(every).map(move |i| (w, i)))
        .map(|(w, i)| text(w, i))
        .collect()
}

/// Lists what went missing (a lost write) rather than two sets of hundreds.
fn assert_all_there(got: &HashSet<String>, want: HashSet<String>, what: &str) {
    let mut missing: Vec<&String> = want.difference(got).collect();
    missing.sort();
    assert!(
        missing.is_empty(),
        "{} {what} went missing: {missing:?}",
        missing.len()
    );
    let mut extra: Vec<&String> = got.difference(&want).collect();
    extra.sort();
    assert!(extra.is_empty(), "unexpected {what}: {extra:?}");
}

fn check(dir: &Path, notes: usize) {
    let loaded = Store::on_disk(dir).load().expect("folder lists");
    // No problem of any kind: a duplicate entry id or need id would be a warning here.
    assert!(loaded.problems.is_empty(), "{:?}", loaded.problems);

    let written: Vec<&str> = loaded
        .entries
        .iter()
        .filter(|e| e.note.starts_with("writer "))
        .map(|e| e.note.as_str())
        .collect();
    let distinct: HashSet<String> = written.iter().map(|s| s.to_string()).collect();
    assert_eq!(written.len(), distinct.len(), "a note was written twice");
    assert_all_there(&distinct, expected(note_text, notes, 1), "notes");
    let ids: HashSet<&str> = loaded.entries.iter().map(|e| e.id.as_str()).collect();
    assert_eq!(ids.len(), loaded.entries.len(), "two entries share an id");

    let charles = loaded
        .contacts
        .iter()
        .find(|c| c.id == "charles-babbage")
        .expect("contact stays");
    let needs: Vec<&str> = charles.needs.iter().map(|n| n.what.as_str()).collect();
    let distinct: HashSet<String> = needs.iter().map(|s| s.to_string()).collect();
    assert_eq!(needs.len(), distinct.len(), "a need was written twice");
    assert_all_there(&distinct, expected(need_text, notes, NEED_EVERY), "needs");
    let need_ids: HashSet<u32> = charles.needs.iter().map(|n| n.id).collect();
    assert_eq!(need_ids.len(), charles.needs.len(), "two needs share an id");
}

#[test]
fn two_writers_lose_nothing() {
    let notes = notes_per_writer();
    let home = tempfile::tempdir().expect("tempdir");
    let dir = home.path().join("data");
    seed(&dir, 0);

    let writers: Vec<_> = (0..WRITERS)
        .map(|w| {
            let dir = dir.clone();
            std::thread::spawn(move || writer_loop(dir, w, notes))
        })
        .collect();
    for w in writers {
        w.join()
            .expect("writer thread")
            .expect("every write succeeds");
    }
    check(&dir, notes);
}
