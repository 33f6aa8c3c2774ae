//! The reference for the full-load target: the same files of the large data set read and
//! parsed into plain structs with the toml crate, on one thread, with no checks and no
//! positions kept. rolo's full load should take at most 1.3x this, and less on two cores.

mod support;

use criterion::{Criterion, criterion_group, criterion_main};
use serde::Deserialize;
use std::hint::black_box;
use std::path::PathBuf;
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

fn parse_all(files: &[PathBuf]) -> (usize, usize) {
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

fn read_all(files: &[PathBuf]) -> usize {
    files
        .iter()
        .map(|p| std::fs::read(p).expect("read data file").len())
        .sum()
}

fn bench(c: &mut Criterion) {
    let files = support::toml_files(&support::LARGE.ensure());
    let (people, entries) = parse_all(&files);
    assert_eq!(
        (people, entries),
        (10_000, 200_000),
        "unexpected large data"
    );
    let mut g = c.benchmark_group("toml_baseline");
    g.sample_size(10);
    g.bench_function("large/read_and_parse_1_thread", |b| {
        b.iter(|| black_box(parse_all(&files)))
    });
    g.bench_function("large/read_only", |b| {
        b.iter(|| black_box(read_all(&files)))
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
