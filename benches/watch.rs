//! Noticing outside edits while the TUI runs, on the large data set: a poll after a file
//! appeared in the contacts folder (which is also what every save of a contact does to the
//! folder), so the 10,000 contact files are listed and stat-ed again; and an idle poll, which
//! is what every tick costs while nothing changes.

mod support;

use criterion::{BatchSize, Criterion, criterion_group, criterion_main};
use rolo::store::Store;
use std::hint::black_box;

fn bench(c: &mut Criterion) {
    let copy = support::LARGE.scratch_copy();
    let store = Store::on_disk(copy.path());
    let mut watch = store.watch();
    let added = copy.path().join("contacts/zz-bench.toml");
    let mut g = c.benchmark_group("watch");
    g.sample_size(20);
    let mut n = 0u64;
    g.bench_function("large/poll_after_contacts_folder_changed", |b| {
        b.iter_batched(
            || {
                // Alternate adding and removing the file so the folder changes every time;
                // not measured (creating a file in a big folder is the kernel's own cost).
                n += 1;
                if n % 2 == 1 {
                    std::fs::write(&added, "name = \"Zed\"\n").expect("add a contact");
                } else {
                    std::fs::remove_file(&added).expect("remove it");
                }
            },
            |()| black_box(store.poll(&mut watch, &[])),
            BatchSize::PerIteration,
        )
    });
    // The cost of every idle tick: nothing changed, yet every file must be looked at, since an
    // edit in place leaves its folder's time alone.
    g.bench_function("large/poll_idle", |b| {
        b.iter(|| black_box(store.poll(&mut watch, &[])))
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
