//! Statistics on the large data set (10,000 people, 200,000 entries): what the statistics
//! screen computes when `S` opens (from the journal the TUI already holds, no reload), one
//! person's figures (the card's sparkline), the weekly review, and `rolo stats` as a whole
//! process with a warm derived cache and cold.

mod support;

use chrono::NaiveDate;
use criterion::{Criterion, criterion_group, criterion_main};
use rolo::journal::Journal;
use rolo::serve::Network;
use rolo::stats::review::{Week, review};
use rolo::stats::{of_person, stats};
use rolo::store::Store;
use std::hint::black_box;
use std::path::Path;
use std::process::{Command, Stdio};

fn rolo(dir: &Path, cache: Option<&Path>, args: &[&str]) {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_rolo"));
    match cache {
        Some(cache) => cmd.env("ROLO_CACHE_DIR", cache),
        None => cmd.arg("--no-cache"),
    };
    let status = cmd
        .arg("--dir")
        .arg(dir)
        .args(args)
        .env("ROLO_NOW", support::TODAY)
        .stdout(Stdio::null())
        .status()
        .expect("rolo runs");
    assert!(status.success(), "rolo {args:?} failed");
}

fn bench(c: &mut Criterion) {
    let dir = support::LARGE.ensure();
    let store = Store::on_disk(&dir);
    let date = NaiveDate::from_ymd_opt(2026, 11, 24).expect("a date");
    let full = Journal::new(store.load().expect("loads"));
    // The person with the most entries: the card's worst case.
    let busiest = (0..full.contacts().len())
        .max_by_key(|&ix| full.timeline_of(ix).len())
        .expect("someone");
    let mut g = c.benchmark_group("stats");
    g.sample_size(20);
    g.bench_function("large/screen", |b| {
        b.iter(|| stats(black_box(&full), date, None))
    });
    g.bench_function("large/person_busiest", |b| {
        b.iter(|| of_person(black_box(&full), busiest, date, None))
    });
    g.bench_function("large/review", |b| {
        b.iter(|| review(black_box(&full), &Network::new(&full), date, Week::Last))
    });
    let cache = tempfile::tempdir().expect("temp dir");
    let warm = Some(cache.path());
    rolo(&dir, warm, &["stats"]);
    g.sample_size(10);
    g.bench_function("large/cli", |b| b.iter(|| rolo(&dir, warm, &["stats"])));
    g.bench_function("large/cold/cli", |b| {
        b.iter(|| rolo(&dir, None, &["stats"]))
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
