//! Saving a note into the large data set: `Store::append_entry` into the current month
//! (about 1,500 entries), atomic with fsync of the file and its folder. The month file is put
//! back before every save (not measured), so each save sees the same file.
//!
//! `append_entry` is a save in a running rolo that has saved into this month before (the TUI
//! after its first note): only the new entry is parsed. `append_entry_first` is the first save
//! of a process (a new `Store`), which parses the whole month once to check it.

mod support;

use chrono::DateTime;
use criterion::{BatchSize, Criterion, criterion_group, criterion_main};
use rolo::model::{Entry, Kind};
use rolo::store::Store;
use std::hint::black_box;

fn bench(c: &mut Criterion) {
    let copy = support::LARGE.scratch_copy();
    let month = copy.path().join("journal/2026/2026-11.toml");
    let original = std::fs::read(&month).expect("the current month exists");
    // Put the month back and flush it before each save, so the save's own fsync does not also
    // pay for writing the restored copy (ext4 commits other dirty data with it).
    let restore = || {
        std::fs::write(&month, &original).expect("restore month");
        std::fs::File::open(&month)
            .and_then(|f| f.sync_all())
            .expect("flush month");
    };
    let store = Store::on_disk(copy.path());
    let contact = store.contact_ids().expect("contacts")[0].clone();
    let at = DateTime::parse_from_rfc3339("2026-11-24T14:05:00+01:00").expect("date");
    let entry = Entry {
        id: Entry::make_id(&at, std::slice::from_ref(&contact)),
        at,
        with: vec![contact],
        kind: Kind::Coffee,
        note: "Talked about the new job. She is looking for a flat near the canal.".into(),
        gave: None,
        asked: None,
    };
    let mut g = c.benchmark_group("save_note");
    g.sample_size(30);
    g.bench_function("large/append_entry", |b| {
        b.iter_batched(
            restore,
            |()| black_box(store.append_entry(entry.clone()).expect("saves")),
            BatchSize::PerIteration,
        )
    });
    g.bench_function("large/append_entry_first", |b| {
        b.iter_batched(
            || {
                restore();
                Store::on_disk(copy.path())
            },
            |fresh| black_box(fresh.append_entry(entry.clone()).expect("saves")),
            BatchSize::PerIteration,
        )
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
