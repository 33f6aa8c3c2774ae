//! Search in everything on the large set (10,000 people, 200,000 entries, 5,000 needs):
//! - the index's build: the part on the UI thread (copying the texts out of the journal, a
//!   piece per call to `sync`: the longest call is what a key could wait for) and the whole
//!   build (reading every word, on its own thread in the TUI), medians of 5;
//! - the memory the index holds;
//! - every keystroke of a few queries typed letter by letter, as the TUI runs them (the hits
//!   view lists the best 300; the `/` filter's hint only counts): p50, p95 and the worst over
//!   all keystrokes, each keystroke timed 20 times;
//! - the first search after a note is saved (the month is read again into the overlay).
//!
//! Each time is given as wall time and as time on the CPU (the thread's own, from
//! `CLOCK_THREAD_CPUTIME_ID`): on a shared machine the first includes waiting for a core.
//!
//! `cargo bench --bench find`. Not criterion: a keystroke's budget is about its 95th
//! percentile, which criterion does not report.

mod support;

use rolo::app::found::LISTED;
use rolo::find::Finder;
use rolo::journal::Journal;
use rolo::model::{Entry, Kind};
use rolo::store::Store;
use std::hint::black_box;
use std::time::{Duration, Instant};

const QUERIES: &[&str] = &[
    "visa paperwork",
    "berlin flat",
    "coffee maria",
    "rust engineers hiring",
    "the",
    "lisbon conference",
    "müller",
    "zz",
];

/// Time this thread has spent on a CPU (Linux's per-thread clock).
fn on_cpu() -> Duration {
    let mut ts = libc::timespec {
        tv_sec: 0,
        tv_nsec: 0,
    };
    // SAFETY: `ts` is a valid timespec for the call to write into.
    let ok = unsafe { libc::clock_gettime(libc::CLOCK_THREAD_CPUTIME_ID, &mut ts) } == 0;
    if !ok {
        return Duration::ZERO;
    }
    Duration::new(
        ts.tv_sec.max(0) as u64,
        ts.tv_nsec.clamp(0, 999_999_999) as u32,
    )
}

/// Wall time and CPU time of `f`.
fn timed<R>(f: impl FnOnce() -> R) -> (Duration, Duration, R) {
    let (t, c) = (Instant::now(), on_cpu());
    let r = f();
    (t.elapsed(), on_cpu().saturating_sub(c), r)
}

fn ms(d: Duration) -> String {
    format!("{:.2} ms", d.as_secs_f64() * 1000.0)
}

fn pct(sorted: &[Duration], p: f64) -> Duration {
    let i = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted[i.min(sorted.len() - 1)]
}

fn median(mut v: Vec<Duration>) -> Duration {
    v.sort();
    v[v.len() / 2]
}

fn keystrokes(
    journal: &Journal,
    finder: &mut Finder,
    limit: usize,
) -> (Vec<Duration>, Vec<Duration>) {
    let (mut wall, mut cpu) = (Vec::new(), Vec::new());
    for q in QUERIES {
        for (i, c) in q.char_indices() {
            let typed = &q[..i + c.len_utf8()];
            for _ in 0..20 {
                let (w, c, found) = timed(|| finder.search(journal, typed, limit, None));
                black_box(found);
                wall.push(w);
                cpu.push(c);
            }
        }
    }
    wall.sort();
    cpu.sort();
    (wall, cpu)
}

fn spread(label: &str, v: &[Duration]) -> String {
    format!(
        "{label} p50 {}  p95 {}  worst {}",
        ms(pct(v, 0.5)),
        ms(pct(v, 0.95)),
        ms(pct(v, 1.0))
    )
}

fn main() {
    let dir = support::LARGE.ensure();
    let journal = Journal::new(Store::on_disk(&dir).load().expect("the large set loads"));
    println!(
        "find: {} people, {} entries",
        journal.contacts().len(),
        journal.entry_count()
    );

    let (mut calls, mut longest, mut whole) = (Vec::new(), Vec::new(), Vec::new());
    let mut finder = Finder::new();
    for _ in 0..5 {
        let mut f = Finder::with_inline_limit(0);
        let start = Instant::now();
        // The TUI calls `sync` on each tick until the copy is handed to the build's thread.
        let mut n = 0;
        loop {
            let (_, c, ()) = timed(|| f.sync(&journal));
            if std::env::var_os("FIND_BENCH_CALLS").is_some() {
                eprintln!("sync call {n}: {}", ms(c));
            }
            n += 1;
            longest.push(c);
            if format!("{f:?}").contains("copying: false") {
                break;
            }
        }
        calls.push(n);
        f.wait(&journal);
        whole.push(start.elapsed());
        finder = f;
    }
    longest.sort();
    println!(
        "build, on the UI thread: {} calls to sync, each {} on the CPU at most ({} median)",
        calls[calls.len() / 2],
        ms(pct(&longest, 1.0)),
        ms(pct(&longest, 0.5))
    );
    println!(
        "build, in all (reading every word on its thread): {} wall",
        ms(median(whole))
    );
    println!(
        "index: {} documents, {:.1} MB held",
        finder.docs(),
        finder.heap_bytes() as f64 / 1e6
    );
    let [docs, words, lists, bits] = finder.heap_parts();
    println!(
        "  of which documents {:.1} MB, words {:.1} MB, lists {:.1} MB, bits {:.1} MB",
        docs as f64 / 1e6,
        words as f64 / 1e6,
        lists as f64 / 1e6,
        bits as f64 / 1e6
    );

    for (label, limit) in [
        ("hits view (best 300)", LISTED),
        ("`/` hint (count only)", 0),
    ] {
        let (wall, cpu) = keystrokes(&journal, &mut finder, limit);
        println!("keystroke, {label} ({} timings):", wall.len());
        println!("  {}", spread("wall  ", &wall));
        println!("  {}", spread("on CPU", &cpu));
    }

    let mut journal = journal;
    let mut after_save = Vec::new();
    for i in 0..10 {
        let at = chrono::DateTime::parse_from_rfc3339("2026-11-23T10:00:00+01:00")
            .expect("valid time")
            + chrono::Duration::minutes(i);
        let with = vec![journal.contacts()[0].id.clone()];
        journal.add_entry(Entry {
            id: Entry::make_id(&at, &with),
            at,
            with,
            kind: Kind::Note,
            note: format!("bench note {i} about a kiln"),
            gave: None,
            asked: None,
        });
        let (_, c, found) = timed(|| finder.search(&journal, "kiln", 200, None));
        black_box(found);
        after_save.push(c);
    }
    println!(
        "first search after a saved note (month redone): median {} on the CPU",
        ms(median(after_save))
    );
}
