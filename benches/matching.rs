//! Matching on the large data set (10,000 people, 5,000 open needs): what `rolo today` and the
//! TUI's today list do (every open need ranked, strong helpers kept), what the brief and the
//! `m` list do for one need, and preparing the network once per journal state. The journal is
//! loaded the way `rolo today` loads it (contacts and last days, no entries) and, for the
//! brief, the way the TUI has it (everything).

mod support;

use chrono::NaiveDate;
use criterion::{Criterion, criterion_group, criterion_main};
use rolo::journal::Journal;
use rolo::loads::{Needs, journal_for};
use rolo::serve::{Network, needs_with_strong_match, today};
use rolo::store::Store;
use std::hint::black_box;

fn bench(c: &mut Criterion) {
    let store = Store::on_disk(support::LARGE.ensure());
    let date = NaiveDate::from_ymd_opt(2026, 11, 24).expect("a date");
    let lean = journal_for(&store, &Needs::Touches).expect("loads");
    let mut g = c.benchmark_group("matching");
    g.sample_size(20);
    g.bench_function("large/today_needs", |b| {
        b.iter(|| needs_with_strong_match(black_box(&lean), date))
    });
    g.bench_function("large/today", |b| b.iter(|| today(black_box(&lean), date)));
    g.bench_function("large/network", |b| {
        b.iter(|| Network::new(black_box(&lean)))
    });
    let full = Journal::new(store.load().expect("loads"));
    let net = Network::new(&full);
    let (ix, need) = full.open_needs().into_iter().next().expect("an open need");
    let what = need.what.clone();
    g.bench_function("large/one_need", |b| {
        b.iter(|| net.helpers(&full, Some(ix), black_box(&what)))
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
