//! Editing the in-memory journal of the large data set (200,000 entries): what the TUI does
//! after it has saved an edited, back-dated or deleted entry. Each edit updates the index in
//! place; indexing everything again took about 40 ms per edit.

mod support;

use criterion::{Criterion, criterion_group, criterion_main};
use rolo::journal::Journal;
use rolo::store::Store;
use std::hint::black_box;

fn bench(c: &mut Criterion) {
    let store = Store::on_disk(support::LARGE.ensure());
    let mut journal = Journal::new(store.load().expect("loads"));
    // A year-old entry: most of the journal lies after it, so most positions move.
    let old = journal
        .timeline()
        .nth(journal.entry_count() / 10)
        .expect("a large journal")
        .clone();
    let mut g = c.benchmark_group("journal_edit");
    g.sample_size(30);
    g.bench_function("large/replace_entry", |b| {
        b.iter(|| journal.replace_entry(&old.id, black_box(old.clone())))
    });
    g.bench_function("large/remove_and_add_back", |b| {
        b.iter(|| {
            journal.remove_entry(&old.id);
            journal.add_entry(black_box(old.clone()));
        })
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
