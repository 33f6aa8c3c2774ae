//! The filter keystroke: from a query to the ranked list of matching contacts, at 10,000
//! contacts (the large data set) and 100,000. `full` runs `Journal::search` (with match
//! positions, nothing narrowed) for a first key and for "maria s" typed whole (divide by 7).
//! `rank` is `rolo::filter::Filter::rank`, which the TUI uses: each key of "maria s" is measured
//! on its own, from the filter state the keys before it left behind, and so is a backspace
//! (from "maria s" to "maria "), which widens the query. `rank_cold_maria_s` is the whole query
//! with nothing to narrow or recall (a widened query the filter has not seen: the worst key).
//! `prepare` is the filter's index, made when the list is shown (not on a key).

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
        g.bench_function(format!("{label}/prepare"), |b| {
            b.iter(|| {
                let mut f = Filter::new();
                f.prepare(&journal);
                f
            })
        });
        // The TUI keeps one filter while the journal lives and prepares it when the list is
        // shown, so that is set-up here, not measured. Each key starts from a copy of the
        // filter the keys before it left, and the copy is dropped outside the measurement.
        let mut shown = Filter::new();
        shown.prepare(&journal);
        let key = |b: &mut criterion::Bencher, before: &Filter, q: &str| {
            b.iter_batched(
                || before.clone(),
                |mut f| {
                    black_box(f.rank(&journal, q));
                    f
                },
                BatchSize::LargeInput,
            )
        };
        g.bench_function(format!("{label}/rank_cold_maria_s"), |b| {
            key(b, &shown, TYPED)
        });
        let mut before = shown.clone();
        for (n, q) in prefixes().into_iter().enumerate() {
            let name = format!("{label}/rank_key_{}_{}", n + 1, q.replace(' ', "_"));
            g.bench_function(name, |b| key(b, &before, q));
            before.rank(&journal, q);
        }
        let widened = &TYPED[..TYPED.len() - 1];
        g.bench_function(format!("{label}/rank_backspace_to_maria_"), |b| {
            key(b, &before, widened)
        });
    }
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
