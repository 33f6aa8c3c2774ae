//! Whole commands on the large data set, as a script would run them: the release binary
//! started, the folder loaded, the answer printed. `note` writes into a private copy.
//!
//! Plain names run with a warm derived cache (the everyday case: a second command on an
//! unchanged folder); `cold/` with `--no-cache` (every file parsed, as after a fresh clone);
//! `full-load/` takes the path every read command took before the lean loads (`--full-load`).

mod support;

use criterion::{Criterion, criterion_group, criterion_main};
use std::path::Path;
use std::process::{Command, Stdio};

/// rolo on `dir`, through the derived cache in `cache`, or with `--no-cache` (never the
/// real HOME's cache).
fn rolo(dir: &Path, cache: Option<&Path>, args: &[&str]) {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_rolo"));
    match cache {
        Some(cache) => cmd.env("ROLO_CACHE_DIR", cache),
        None => cmd.arg("--no-cache"),
    };
    let status = cmd
        .arg("--dir")
        .arg(dir)
        .args(args)
        .env("ROLO_NOW", support::TODAY)
        .stdout(Stdio::null())
        .status()
        .expect("rolo runs");
    assert!(status.success(), "rolo {args:?} failed");
}

/// The names of the first two people whose name is theirs alone: one with no open need and
/// one with an open need.
fn names_to_ask(dir: &Path) -> (String, String) {
    let loaded = rolo::store::Store::on_disk(dir)
        .load_contacts_only()
        .expect("contacts");
    let journal = rolo::journal::Journal::new(loaded);
    let alone = |open: bool| {
        journal
            .contacts()
            .iter()
            .enumerate()
            .find(|&(ix, c)| {
                c.open_needs().next().is_some() == open
                    && journal.resolve(&c.name) == rolo::journal::Resolution::One(ix)
            })
            .map(|(_, c)| c.name.clone())
            .expect("a name that is one person's")
    };
    (alone(false), alone(true))
}

fn bench(c: &mut Criterion) {
    let copy = support::LARGE.scratch_copy();
    let dir = copy.path();
    // An id, so the note (and the brief) never stops to ask which of several Marias was meant.
    let who = rolo::store::Store::on_disk(dir)
        .contact_ids()
        .expect("contacts")[0]
        .clone();
    let mut g = c.benchmark_group("cli");
    g.sample_size(10);
    let cache = tempfile::tempdir().expect("temp dir");
    let warm = Some(cache.path());
    // Warm: files must be 2 s old to be cached, and the scratch copy is brand new.
    std::thread::sleep(std::time::Duration::from_millis(2_100));
    rolo(dir, warm, &["list"]);
    for (name, args) in [
        ("list", vec!["list"]),
        ("brief", vec!["brief", &who]),
        ("due", vec!["due"]),
        // Issue 19: the newest entries, everyone's and one person's, and one person's page.
        ("timeline", vec!["timeline", "-n", "10"]),
        ("timeline_who", vec!["timeline", &who, "-n", "10"]),
        ("show", vec!["show", &who]),
        // Ranks helpers for every open need (5,000 in the large set): not a named target,
        // but the slowest command there is.
        ("today", vec!["today"]),
    ] {
        g.bench_function(format!("large/{name}"), |b| {
            b.iter(|| rolo(dir, warm, &args))
        });
        g.bench_function(format!("large/cold/{name}"), |b| {
            b.iter(|| rolo(dir, None, &args))
        });
    }
    // Issue 19: a person given by name, which is resolved against everyone's names (warm
    // only): one with no open need, and one whose brief ranks helpers for an open need.
    let (plain, needing) = names_to_ask(dir);
    for (name, args) in [
        ("timeline_name", vec!["timeline", &plain, "-n", "10"]),
        ("show_name", vec!["show", &plain]),
        ("brief_name", vec!["brief", &plain]),
        ("brief_name_open_need", vec!["brief", &needing]),
    ] {
        g.bench_function(format!("large/{name}"), |b| {
            b.iter(|| rolo(dir, warm, &args))
        });
    }
    g.bench_function("large/full-load/list", |b| {
        b.iter(|| rolo(dir, None, &["--full-load", "list"]))
    });
    // Each note at its own minute, so ids never collide and every save is the same work.
    let mut minute = 0u32;
    let mut note_at = move || {
        minute += 1;
        format!("2026-11-24 {:02}:{:02}", 8 + minute / 60 % 12, minute % 60)
    };
    g.bench_function("large/note", |b| {
        b.iter(|| {
            let at = note_at();
            rolo(
                dir,
                warm,
                &["note", &who, "Coffee at the canal", "--at", &at],
            )
        })
    });
    g.bench_function("large/cold/note", |b| {
        b.iter(|| {
            let at = note_at();
            rolo(
                dir,
                None,
                &["note", &who, "Coffee at the canal", "--at", &at],
            )
        })
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
