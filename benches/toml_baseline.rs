//! The reference for the full-load target: the same files of the large data set read and
//! parsed into plain structs with the toml crate, on one thread, with no checks and no
//! positions kept. rolo's full load should take at most 1.3x this, and less on two cores.

mod support;

use criterion::{Criterion, criterion_group, criterion_main};
use std::hint::black_box;
use std::path::PathBuf;

fn read_all(files: &[PathBuf]) -> usize {
    files
        .iter()
        .map(|p| std::fs::read(p).expect("read data file").len())
        .sum()
}

fn bench(c: &mut Criterion) {
    let files = support::plain::toml_files(&support::LARGE.ensure());
    let (people, entries) = support::plain::parse_all(&files);
    assert_eq!(
        (people, entries),
        (10_000, 200_000),
        "unexpected large data"
    );
    let mut g = c.benchmark_group("toml_baseline");
    g.sample_size(10);
    g.bench_function("large/read_and_parse_1_thread", |b| {
        b.iter(|| black_box(support::plain::parse_all(&files)))
    });
    g.bench_function("large/read_only", |b| {
        b.iter(|| black_box(read_all(&files)))
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
