//! Whole commands on the large data set, as a script would run them: the release binary
//! started, the folder loaded, the answer printed. `note` writes into a private copy.
//! The `full-load/` variants take the path every read command took before the lean loads
//! (`--full-load`), so the gain is measured on one binary.

mod support;

use criterion::{Criterion, criterion_group, criterion_main};
use std::path::Path;
use std::process::{Command, Stdio};

fn rolo(dir: &Path, args: &[&str]) {
    let status = Command::new(env!("CARGO_BIN_EXE_rolo"))
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
    // An id, so the note (and the brief) never stops to ask which of several Marias was meant.
    let who = rolo::store::Store::on_disk(dir)
        .contact_ids()
        .expect("contacts")[0]
        .clone();
    let mut g = c.benchmark_group("cli");
    g.sample_size(10);
    g.bench_function("large/list", |b| b.iter(|| rolo(dir, &["list"])));
    g.bench_function("large/brief", |b| b.iter(|| rolo(dir, &["brief", &who])));
    g.bench_function("large/due", |b| b.iter(|| rolo(dir, &["due"])));
    g.bench_function("large/today", |b| b.iter(|| rolo(dir, &["today"])));
    g.bench_function("large/full-load/list", |b| {
        b.iter(|| rolo(dir, &["--full-load", "list"]))
    });
    g.bench_function("large/full-load/brief", |b| {
        b.iter(|| rolo(dir, &["--full-load", "brief", &who]))
    });
    g.bench_function("large/note", |b| {
        b.iter(|| rolo(dir, &["note", &who, "Coffee at the canal"]))
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
