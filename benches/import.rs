//! `rolo import` of 5,000 cards into the large data set (10,000 people), as a person runs it:
//! the release binary started, the contacts loaded, the cards read and matched, the preview
//! printed and 5,000 files written (`--yes`). Target: under 2 s. Each run gets a fresh copy
//! of the data set (made outside the timing), so every run writes the same files.
//!
//! Three cases: the large set with its history made (each import one commit), the large set
//! with the history off, and an empty journal (a new person's first import; the history is
//! made by it).
//!
//! The cards: 4,500 new people in vCard 3.0 as Google writes them (name, two emails, a phone,
//! a birthday, an organisation, a note, categories), and 500 who are in the data set already
//! (same name), so matching has work to do.

mod support;

use criterion::{BatchSize, Criterion, criterion_group, criterion_main};
use std::fmt::Write as _;
use support::run_env::Env;

const NEW: usize = 4_500;
const KNOWN: usize = 500;

fn cards(known: &[String]) -> String {
    let mut out = String::new();
    for i in 0..NEW {
        let _ = write!(
            out,
            "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Imported Person{i}\r\nN:Person{i};Imported;;;\r\n\
             EMAIL;TYPE=INTERNET:imported{i}@example.org\r\nEMAIL;TYPE=INTERNET;TYPE=WORK:p{i}@work.example\r\n\
             TEL;TYPE=CELL:+44 20 {:04} {:04}\r\nBDAY:19{:02}-{:02}-{:02}\r\nORG:Company {}\r\nTITLE:Engineer\r\n\
             NOTE:Met at the conference\\, talked about engines.\r\nCATEGORIES:myContacts,imported\r\nEND:VCARD\r\n",
            i / 10_000,
            i % 10_000,
            50 + i % 50,
            1 + i % 12,
            1 + i % 28,
            i % 97
        );
    }
    for name in known.iter().take(KNOWN) {
        let _ = write!(
            out,
            "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:{name}\r\nURL:https://example.org/{}\r\nEND:VCARD\r\n",
            name.len()
        );
    }
    out
}

fn bench(c: &mut Criterion) {
    let data = support::LARGE.ensure();
    let store = rolo::store::Store::on_disk(&data);
    let mut names: Vec<String> = store
        .load_contacts_only()
        .expect("contacts")
        .contacts
        .into_iter()
        .map(|c| c.name)
        .collect();
    names.sort();
    names.dedup();
    let file = tempfile::NamedTempFile::new().expect("temp file");
    std::fs::write(file.path(), cards(&names)).expect("cards");
    // Copies made outside the timing: the large set with its history made (what a journal
    // kept with rolo has: its 10,000 files committed as found, about 5 s once), and without.
    let with = Env::new(true);
    let without = Env::new(false);
    let kept = support::LARGE.scratch_copy();
    with.rolo(kept.path(), &["add", "Bench Setup"]);
    // A copy as a journal kept in place is: on disk (or the import's flush would write the
    // whole 45 MB copy too), and with git's index newer than its files (an index written in
    // the same second as the files marks them all "racily clean", and the import's `git
    // status` would hash all 10,000 again: 2.8 s). Made outside the timing.
    let settled = |dir: &std::path::Path| {
        let synced = std::process::Command::new("sync").status();
        assert!(synced.is_ok_and(|s| s.success()), "sync failed");
        if dir.join(".git").is_dir() {
            std::thread::sleep(std::time::Duration::from_millis(1_100));
            let refreshed = std::process::Command::new("git")
                .arg("-C")
                .arg(dir)
                .args(["update-index", "-q", "--refresh"])
                .status()
                .expect("git runs");
            assert!(refreshed.success(), "git update-index --refresh failed");
        }
    };
    let copy_of = |from: &std::path::Path| {
        let tmp = tempfile::tempdir().expect("temp dir");
        support::copy_tree(from, tmp.path());
        settled(tmp.path());
        tmp
    };
    let import = |env: &Env, dir: &std::path::Path| {
        env.rolo(
            dir,
            &[
                "--no-cache",
                "import",
                &file.path().to_string_lossy(),
                "--yes",
            ],
        );
    };
    let mut g = c.benchmark_group("import");
    g.sample_size(10);
    // The history on: one commit of the whole import (5,000 files).
    g.bench_function("large/5000_cards", |b| {
        b.iter_batched(
            || copy_of(kept.path()),
            |copy| {
                import(&with, copy.path());
                copy
            },
            BatchSize::PerIteration,
        )
    });
    g.bench_function("large/5000_cards_no_history", |b| {
        b.iter_batched(
            || copy_of(&support::LARGE.ensure()),
            |copy| {
                import(&without, copy.path());
                copy
            },
            BatchSize::PerIteration,
        )
    });
    // A new person's first step: the cards into an empty journal, whose history the
    // import makes.
    g.bench_function("empty/5000_cards", |b| {
        b.iter_batched(
            || tempfile::tempdir().expect("temp dir"),
            |dir| {
                import(&with, dir.path());
                dir
            },
            BatchSize::PerIteration,
        )
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
