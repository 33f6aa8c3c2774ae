//! What the history costs on the large data set (10,000 contact files, 133 month files).
//!
//! - `cli/note-on` and `cli/note-off`: `rolo note` as a script runs it (the release binary,
//!   warm cache), with history on (the commit included: the command returns after it) and
//!   off (`[history] git = false`). Each on its own copy, each note at its own minute.
//! - `save/none`, `save/now`, `save/behind`: one note saved in a running process through the
//!   operations layer: no history; history committing before the save returns (what the
//!   command line does; the difference to `none` is the commit); history committing on its
//!   own thread (what the TUI does: the save's own cost, which must stay under 2 ms; timed
//!   with the committer idle, as between two notes a person types).
//!
//! Each copy's repository is made (and its 10,000 files committed as found) before anything
//! is measured.

mod support;

use chrono::{DateTime, Duration};
use criterion::{Criterion, criterion_group, criterion_main};
use rolo::history::{Config, History, Mode, Settings};
use rolo::model::Kind;
use rolo::ops::{self, NoteFields};
use rolo::store::{DiskFs, Store};
use std::hint::black_box;
use std::path::Path;

use support::run_env::Env;

fn history(dir: &Path, mode: Mode) -> History {
    History::open(Settings {
        dir: dir.to_path_buf(),
        config: Config::default(),
        cache: None,
        mode,
    })
}

/// A note with `who`, at its own minute (so ids never collide and every save is alike).
fn note(who: &str, n: i64) -> rolo::model::Entry {
    let start = DateTime::parse_from_rfc3339("2026-11-24T08:00:00+01:00").expect("date");
    ops::note::entry(NoteFields {
        with: vec![who.to_string()],
        at: start + Duration::minutes(n),
        kind: Kind::Coffee,
        text: "Talked about the new job. She is looking for a flat near the canal.".into(),
        gave: None,
        asked: None,
    })
    .expect("a note")
}

fn bench(c: &mut Criterion) {
    let on = support::LARGE.scratch_copy();
    let off = support::LARGE.scratch_copy();
    let who = Store::on_disk(on.path()).contact_ids().expect("contacts")[0].clone();
    let (env_on, env_off) = (Env::new(true), Env::new(false));
    // The repository made and the journal committed as found; the caches warm (files must
    // be 2 s old to be cached).
    env_on.rolo(
        on.path(),
        &["note", &who, "first", "--at", "2026-11-24 07:00"],
    );
    env_off.rolo(
        off.path(),
        &["note", &who, "first", "--at", "2026-11-24 07:00"],
    );
    std::thread::sleep(std::time::Duration::from_millis(2_100));
    env_on.rolo(on.path(), &["list"]);
    env_off.rolo(off.path(), &["list"]);

    let mut g = c.benchmark_group("history");
    g.sample_size(20);
    let mut minute = 0u32;
    let mut at = move || {
        minute += 1;
        format!("2026-11-24 {:02}:{:02}", 8 + minute / 60 % 12, minute % 60)
    };
    g.bench_function("large/cli/note-on", |b| {
        b.iter(|| {
            env_on.rolo(
                on.path(),
                &["note", &who, "Coffee at the canal", "--at", &at()],
            )
        })
    });
    g.bench_function("large/cli/note-off", |b| {
        b.iter(|| {
            env_off.rolo(
                off.path(),
                &["note", &who, "Coffee at the canal", "--at", &at()],
            )
        })
    });

    let mut n = 1_000;
    let plain = Store::on_disk(off.path());
    g.bench_function("large/save/none", |b| {
        b.iter(|| {
            n += 1;
            black_box(ops::note::save(&plain, note(&who, n)).expect("saves"))
        })
    });
    let now = history(on.path(), Mode::Now);
    let store = Store::new(now.wrap(Box::new(DiskFs::new(on.path()))));
    g.bench_function("large/save/now", |b| {
        b.iter(|| {
            n += 1;
            black_box(ops::note::save(&store, note(&who, n)).expect("saves"))
        })
    });
    let behind = history(on.path(), Mode::Behind);
    let store = Store::new(behind.wrap(Box::new(DiskFs::new(on.path()))));
    // The save as the person waits for it: the committer has finished the last commit
    // (notes are seconds apart), so each save is timed alone; the commit after it is not.
    g.bench_function("large/save/behind", |b| {
        b.iter_custom(|iters| {
            let mut spent = std::time::Duration::ZERO;
            for _ in 0..iters {
                behind.finish(std::time::Duration::from_secs(60));
                n += 1;
                let entry = note(&who, n);
                let start = std::time::Instant::now();
                black_box(ops::note::save(&store, entry).expect("saves"));
                spent += start.elapsed();
            }
            spent
        })
    });
    behind.finish(std::time::Duration::from_secs(60));
    g.finish();
    paired(&env_on, on.path(), &env_off, off.path(), &who);
    // A save without history and one with the TUI's history, one after the other.
    let (mut t_none, mut t_behind) = (Vec::new(), Vec::new());
    for _ in 0..200 {
        n += 1;
        let entry = note(&who, n);
        let start = std::time::Instant::now();
        black_box(ops::note::save(&plain, entry).expect("saves"));
        t_none.push(start.elapsed().as_secs_f64() * 1000.0);
        behind.finish(std::time::Duration::from_secs(60));
        n += 1;
        let entry = note(&who, n);
        let start = std::time::Instant::now();
        black_box(ops::note::save(&store, entry).expect("saves"));
        t_behind.push(start.elapsed().as_secs_f64() * 1000.0);
    }
    behind.finish(std::time::Duration::from_secs(60));
    eprintln!(
        "history/large/save/paired (200 pairs): without history {:.2} ms, with the TUI's history {:.2} ms (medians)",
        median(&mut t_none),
        median(&mut t_behind)
    );
}

fn median(v: &mut [f64]) -> f64 {
    v.sort_by(f64::total_cmp);
    v[v.len() / 2]
}

/// `rolo note` with history on and off, one after the other, 30 times: on a machine whose
/// load comes and goes, each pair sees the same load, so the medians compare fairly.
fn paired(env_on: &Env, on: &Path, env_off: &Env, off: &Path, who: &str) {
    let (mut t_on, mut t_off) = (Vec::new(), Vec::new());
    for k in 0..30 {
        let at = format!("2026-11-24 20:{k:02}");
        let start = std::time::Instant::now();
        env_on.rolo(on, &["note", who, "Paired", "--at", &at]);
        t_on.push(start.elapsed().as_secs_f64() * 1000.0);
        let start = std::time::Instant::now();
        env_off.rolo(off, &["note", who, "Paired", "--at", &at]);
        t_off.push(start.elapsed().as_secs_f64() * 1000.0);
    }
    let (on_ms, off_ms) = (median(&mut t_on), median(&mut t_off));
    eprintln!(
        "history/large/cli/paired (30 pairs): note with history {on_ms:.1} ms, without {off_ms:.1} ms (medians)"
    );
}

criterion_group!(benches, bench);
criterion_main!(benches);
