//! Load a data folder once and exit, so CPU time and peak memory can be measured from outside
//! with standard tools (the machine's other load does not distort CPU time as it does wall time):
//!
//! ```text
//! cargo build --release --example load_once
//! /usr/bin/time -f "%U+%S s %M kB" target/release/examples/load_once MODE DIR
//! ```
//! MODE: `toml` (the plain-toml reference, one thread), `sequential` (rolo, one thread),
//! `parallel` (rolo's `Store::load`), `journal` (`Store::load` then `Journal::new`),
//! `recent` (contacts and the newest 3 months), `contacts` (contacts only), `touches`
//! (contacts, then `Store::month_touches` of every month: what `rolo list` needs).
//!
//! With `ROLO_CACHE_DIR` set, the load goes through the derived cache there (and writes it
//! afterwards, outside the time printed): run twice for a warm figure.

#[path = "../benches/support/plain.rs"]
mod plain;

use rolo::journal::Journal;
use rolo::store::Store;
use std::process::ExitCode;
use std::time::Instant;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [mode, dir] = args.as_slice() else {
        eprintln!("usage: load_once toml|sequential|parallel|journal|recent|contacts|touches DIR");
        return ExitCode::FAILURE;
    };
    let store = match std::env::var_os("ROLO_CACHE_DIR") {
        Some(cache) => Store::on_disk(dir).with_cache(cache),
        None => Store::on_disk(dir),
    };
    let started = Instant::now();
    let result = match mode.as_str() {
        "toml" => {
            let (people, entries) = plain::parse_all(&plain::toml_files(dir.as_ref()));
            Ok(format!("{people} contacts, {entries} entries"))
        }
        "sequential" => store
            .load_sequential()
            .map(|l| format!("{} entries", l.entries.len())),
        "parallel" => store.load().map(|l| format!("{} entries", l.entries.len())),
        "journal" => store
            .load()
            .map(|l| format!("{} entries", Journal::new(l).entry_count())),
        "recent" => store
            .load_recent(3)
            .map(|r| format!("{} recent entries", r.loaded.entries.len())),
        "contacts" => store
            .load_contacts_only()
            .map(|l| format!("{} contacts", l.contacts.len())),
        "touches" => store.load_contacts_only().and_then(|l| {
            let mut touches = 0;
            for month in store.months()? {
                touches += store.month_touches(month).map_or(0, |t| t.len());
            }
            Ok(format!("{} contacts, {touches} touches", l.contacts.len()))
        }),
        _ => {
            eprintln!("unknown mode {mode}");
            return ExitCode::FAILURE;
        }
    };
    let elapsed = started.elapsed();
    if let Some(stats) = store.cache_stats() {
        let written = store.flush_cache();
        eprintln!("cache: {stats:?}, written {written:?}");
    }
    match result {
        Ok(what) => {
            eprintln!("{mode}: {what} in {elapsed:.3?}");
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("load_once: {e}");
            ExitCode::FAILURE
        }
    }
}
