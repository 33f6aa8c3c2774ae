//! Shared by the safety tests (crash, concurrency, privacy): run the real binary against a
//! temp folder, and read a folder back as plain bytes.
#![allow(dead_code)] // each test crate uses its own share of these

use rolo::model::{Contact, Entry, Kind};
use rolo::store::Store;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

/// Every test pins the clock, so ids and dates are the same on every run.
pub const NOW: &str = "2026-11-24T14:05:00+01:00";

/// Temp files are recognised by this prefix (`rolo::store::fs::TEMP_PREFIX`).
pub const TEMP_PREFIX: &str = ".rolo-tmp-";

/// The real binary on `dir`, with a pinned clock and no way to reach the real HOME.
pub fn rolo(dir: &Path) -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_rolo"));
    cmd.arg("--dir")
        .arg(dir)
        .env("ROLO_NOW", NOW)
        .env("HOME", dir)
        .env_remove("ROLO_DIR")
        .env_remove("XDG_DATA_HOME")
        .env_remove("XDG_CONFIG_HOME")
        // HOME is the data folder here; these tests compare it byte for byte, so no cache.
        .env("ROLO_NO_CACHE", "1")
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::piped());
    cmd
}

/// Run to the end; panics (test failure) with rolo's message when it fails.
pub fn run_ok(dir: &Path, args: &[&str]) {
    let out = rolo(dir).args(args).output().expect("rolo starts");
    assert!(
        out.status.success(),
        "rolo {args:?} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
}

/// Every regular file under `dir` except the lock and temp files, by relative path.
pub fn snapshot(dir: &Path) -> BTreeMap<PathBuf, Vec<u8>> {
    let mut files = BTreeMap::new();
    for path in walk(dir) {
        let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
        if name == ".lock" || name.starts_with(TEMP_PREFIX) {
            continue;
        }
        // The journal's history (issue 14) and how it merges (sync), not the journal.
        let rel = path.strip_prefix(dir).unwrap_or(&path);
        if rel.starts_with(".git")
            || rel == Path::new(".gitignore")
            || rel == Path::new(".gitattributes")
        {
            continue;
        }
        let bytes = std::fs::read(&path).expect("readable file");
        let rel = path.strip_prefix(dir).expect("inside dir").to_path_buf();
        files.insert(rel, bytes);
    }
    files
}

/// Temp files left anywhere under `dir`.
pub fn temps(dir: &Path) -> Vec<PathBuf> {
    walk(dir)
        .into_iter()
        .filter(|p| {
            p.file_name()
                .and_then(|n| n.to_str())
                .is_some_and(|n| n.starts_with(TEMP_PREFIX))
        })
        .collect()
}

fn walk(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let Ok(items) = std::fs::read_dir(dir) else {
        return out;
    };
    for item in items.flatten() {
        let path = item.path();
        match item.file_type() {
            Ok(t) if t.is_dir() => out.extend(walk(&path)),
            Ok(t) if t.is_file() => out.push(path),
            _ => {}
        }
    }
    out.sort();
    out
}

/// Write `files` into a fresh folder `dir` (which must exist and be empty).
pub fn restore(dir: &Path, files: &BTreeMap<PathBuf, Vec<u8>>) {
    for (rel, bytes) in files {
        let path = dir.join(rel);
        std::fs::create_dir_all(path.parent().expect("has a folder")).expect("mkdir");
        std::fs::write(&path, bytes).expect("write");
    }
}

/// Two people, and `entries` notes in November 2026 so the month file has some weight.
pub fn seed(dir: &Path, entries: usize) {
    let store = Store::on_disk(dir);
    for name in ["Ada Lovelace", "Charles Babbage"] {
        let mut c = Contact::new("", name);
        c.notes = Some(format!("{name} keeps long notes.\n").repeat(40));
        c.tags = vec!["math".into(), "london".into()];
        store.create_contact(c).expect("seed contact");
    }
    for i in 0..entries {
        let at = chrono::DateTime::parse_from_rfc3339(&format!(
            "2026-11-{:02}T{:02}:{:02}:00+01:00",
            1 + i % 20,
            8 + i % 10,
            i % 60
        ))
        .expect("valid time");
        let with = vec!["ada-lovelace".to_string()];
        store
            .append_entry(Entry {
                id: Entry::make_id(&at, &with),
                at,
                with,
                kind: Kind::Coffee,
                note: format!("Seed entry {i}: talked about the Engine and its funding."),
                gave: None,
                asked: None,
            })
            .expect("seed entry");
    }
}
