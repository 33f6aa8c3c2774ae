//! The filter keystroke: from a query to the ranked list of matching contacts, at 10,000
//! contacts (the large data set) and 100,000. Typing "maria s" one key at a time; each
//! figure is the whole word typed, divide by the keystrokes (7) for one key. `full` runs
//! `Journal::search` per key; `rank` is `rolo::filter::Filter::rank`, which the TUI uses: it
//! narrows the previous matches, skips match positions (found for visible rows only) and
//! scores on two threads.

mod support;

use criterion::{BatchSize, Criterion, criterion_group, criterion_main};
use rolo::filter::Filter;
use rolo::journal::Journal;
use rolo::store::Store;
use std::hint::black_box;

const TYPED: &str = "maria s";

fn prefixes() -> Vec<&'static str> {
    TYPED
        .char_indices()
        .map(|(i, ch)| &TYPED[..i + ch.len_utf8()])
        .collect()
}

fn bench(c: &mut Criterion) {
    let mut g = c.benchmark_group("search");
    g.sample_size(20);
    for (label, set) in [("10k", support::LARGE), ("100k", support::PEOPLE_100K)] {
        let store = Store::on_disk(set.ensure());
        let (contacts, problems) = store.load_contacts().expect("loads");
        assert!(problems.is_empty());
        let journal = Journal::new(rolo::store::Loaded {
            contacts,
            ..Default::default()
        });
        g.bench_function(format!("{label}/first_key_full"), |b| {
            b.iter(|| black_box(journal.search("m")))
        });
        g.bench_function(format!("{label}/typing_7_keys_full"), |b| {
            b.iter(|| {
                for q in prefixes() {
                    black_box(journal.search(q));
                }
            })
        });
        // The TUI keeps one filter while the journal lives; its name ranking is made once, when
        // the list is first shown (the empty query), so that is set-up here, not measured.
        let shown = || {
            let mut f = Filter::new();
            f.search(&journal, "");
            f
        };
        g.bench_function(format!("{label}/first_key_rank"), |b| {
            b.iter_batched(
                shown,
                |mut f| black_box(f.rank(&journal, "m")),
                BatchSize::LargeInput,
            )
        });
        g.bench_function(format!("{label}/typing_7_keys_rank"), |b| {
            b.iter_batched(
                shown,
                |mut f| {
                    for q in prefixes() {
                        black_box(f.rank(&journal, q));
                    }
                },
                BatchSize::LargeInput,
            )
        });
    }
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
