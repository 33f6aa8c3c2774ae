//! Whole commands on the large data set, as a script would run them: the release binary
//! started, the folder loaded, the answer printed. `note` writes into a private copy.

mod support;

use criterion::{Criterion, criterion_group, criterion_main};
use std::path::Path;
use std::process::{Command, Stdio};

/// rolo on `dir`, through the derived cache in `cache`, or with `--no-cache` (never the
/// real HOME's cache).
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
    let copy = support::LARGE.scratch_copy();
    let dir = copy.path();
    // An id, so the note never stops to ask which of several Marias was meant.
    let who = rolo::store::Store::on_disk(dir)
        .contact_ids()
        .expect("contacts")[0]
        .clone();
    let mut g = c.benchmark_group("cli");
    g.sample_size(10);
    let cache = tempfile::tempdir().expect("temp dir");
    // Warm: files must be 2 s old to be cached, and the scratch copy is brand new.
    std::thread::sleep(std::time::Duration::from_millis(2_100));
    rolo(dir, Some(cache.path()), &["list"]);
    g.bench_function("large/list", |b| b.iter(|| rolo(dir, None, &["list"])));
    g.bench_function("large/list_cached", |b| {
        b.iter(|| rolo(dir, Some(cache.path()), &["list"]))
    });
    g.bench_function("large/note", |b| {
        b.iter(|| rolo(dir, None, &["note", &who, "Coffee at the canal"]))
    });
    g.bench_function("large/note_cached", |b| {
        b.iter(|| {
            rolo(
                dir,
                Some(cache.path()),
                &["note", &who, "Coffee at the canal"],
            )
        })
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
