//! Full load of the large and medium data sets: one thread (the reference), the parallel
//! `Store::load`, the first stage of a staged load, and building the in-memory index; then
//! the same loads through a warm derived cache (`Store::with_cache`, in a temp folder).

mod support;

use criterion::{BatchSize, Criterion, criterion_group, criterion_main};
use rolo::journal::Journal;
use rolo::store::{Loaded, Store};
use std::hint::black_box;

fn copy(l: &Loaded) -> Loaded {
    Loaded {
        contacts: l.contacts.clone(),
        entries: l.entries.clone(),
        problems: l.problems.clone(),
    }
}

fn bench(c: &mut Criterion) {
    let mut g = c.benchmark_group("load");
    g.sample_size(10);
    for set in [support::LARGE, support::MEDIUM] {
        let store = Store::on_disk(set.ensure());
        let loaded = store.load_sequential().expect("loads");
        assert!(loaded.problems.is_empty(), "{:?}", loaded.problems.first());
        assert_eq!(loaded.entries.len(), set.options.entries);
        let name = set.name;
        g.bench_function(format!("{name}/1_thread"), |b| {
            b.iter(|| black_box(store.load_with(1).expect("loads")))
        });
        g.bench_function(format!("{name}/2_threads"), |b| {
            b.iter(|| black_box(store.load_with(2).expect("loads")))
        });
        g.bench_function(format!("{name}/recent_3_months"), |b| {
            b.iter(|| black_box(store.load_recent(3).expect("loads")))
        });
        g.bench_function(format!("{name}/journal_new"), |b| {
            b.iter_batched(
                || copy(&loaded),
                |l| black_box(Journal::new(l)),
                BatchSize::LargeInput,
            )
        });
        // Warm cache: written once here; each sample opens a fresh store, as a new process
        // would, so nothing is served from memory.
        let cache = tempfile::tempdir().expect("temp dir");
        let warm = || Store::on_disk(set.ensure()).with_cache(cache.path());
        // Freshly generated files are younger than the 2 s a real load waits for; nothing
        // edits the bench data, so cache them at once.
        let first = warm().cache_settle_after(std::time::Duration::ZERO);
        first.load().expect("loads");
        first.flush_cache().expect("cache written");
        let check = warm();
        assert_eq!(check.load().expect("loads").entries, loaded.entries);
        assert_eq!(check.cache_stats().map(|s| s.misses), Some(0));
        g.bench_function(format!("{name}/cached_2_threads"), |b| {
            b.iter(|| black_box(warm().load().expect("loads")))
        });
        g.bench_function(format!("{name}/cached_recent_3_months"), |b| {
            b.iter(|| black_box(warm().load_recent(3).expect("loads")))
        });
        g.bench_function(format!("{name}/cached_contacts_only"), |b| {
            b.iter(|| black_box(warm().load_contacts_only().expect("loads")))
        });
        g.bench_function(format!("{name}/cached_month_touches_all"), |b| {
            b.iter(|| {
                let store = warm();
                let months = store.months().expect("months");
                let touches = months
                    .into_iter()
                    .map(|m| store.month_touches(m).map(|t| t.len()));
                black_box(touches.map(|n| n.expect("month loads")).sum::<usize>())
            })
        });
    }
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
