//! The plain-toml reference: every file of a data folder parsed into simple structs on one
//! thread, with no checks and no positions kept. Shared by the `toml_baseline` bench and the
//! `load_once` example (which measures CPU time and memory from outside).

use serde::Deserialize;
use std::fs;
use std::hint::black_box;
use std::path::{Path, PathBuf};
use toml::value::Datetime;

#[derive(Deserialize)]
#[allow(dead_code)] // fields are parsed for the cost, not read
struct Person {
    name: String,
    #[serde(default)]
    aliases: Vec<String>,
    #[serde(default)]
    tags: Vec<String>,
    company: Option<String>,
    role: Option<String>,
    #[serde(default)]
    email: Vec<String>,
    #[serde(default)]
    phone: Vec<String>,
    birthday: Option<toml::Value>,
    met: Option<String>,
    keep_in_touch_days: Option<i64>,
    #[serde(default)]
    can_help_with: Vec<String>,
    notes: Option<String>,
    #[serde(default)]
    need: Vec<Need>,
    #[serde(default)]
    follow_up: Vec<FollowUp>,
}

#[derive(Deserialize)]
#[allow(dead_code)]
struct Need {
    id: i64,
    what: String,
    since: Option<Datetime>,
    status: Option<String>,
    met_on: Option<Datetime>,
    how: Option<String>,
}

#[derive(Deserialize)]
#[allow(dead_code)]
struct FollowUp {
    id: i64,
    what: String,
    due: Option<Datetime>,
    #[serde(default)]
    done: bool,
}

#[derive(Deserialize)]
struct Month {
    #[serde(default)]
    entry: Vec<Entry>,
}

#[derive(Deserialize)]
#[allow(dead_code)]
struct Entry {
    id: String,
    at: Datetime,
    #[serde(default)]
    with: Vec<String>,
    kind: Option<String>,
    #[serde(default)]
    note: String,
    gave: Option<String>,
    asked: Option<String>,
}

pub fn parse_all(files: &[PathBuf]) -> (usize, usize) {
    let (mut people, mut entries) = (0, 0);
    for path in files {
        let text = std::fs::read_to_string(path).expect("read data file");
        if path.components().any(|c| c.as_os_str() == "contacts") {
            let p: Person = toml::from_str(&text).expect("contact parses");
            black_box(&p);
            people += 1;
        } else {
            let m: Month = toml::from_str(&text).expect("month parses");
            entries += m.entry.len();
            black_box(&m);
        }
    }
    (people, entries)
}

/// Every `.toml` file under `dir`, sorted, so a baseline reads exactly what rolo reads.
pub fn toml_files(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for item in fs::read_dir(&d).expect("read data folder") {
            let path = item.expect("read folder entry").path();
            if path.is_dir() {
                stack.push(path);
            } else if path.extension().is_some_and(|e| e == "toml") {
                out.push(path);
            }
        }
    }
    out.sort();
    out
}
