//! Guarantee: a save killed at any moment (SIGKILL, power to the process cut) leaves every
//! file either exactly as it was or exactly as the finished save would have left it, never
//! half-written or empty, and a leftover temp file neither confuses the next load nor stays.
//!
//! The harness starts the real binary doing a save that rewrites a file, kills it after a
//! random delay (seeded, so a failure replays), then checks the whole folder. When the folder
//! changed, it replays the same command to completion on a copy of the old folder: the killed
//! run's folder must equal that, byte for byte.
//!
//! `ROLO_CRASH_KILLS=1000 cargo test --test all crash::` runs longer; `ROLO_CRASH_SEED=N` replays.

use crate::safety_support;

use rolo::store::{Loaded, Severity, Store};
use safety_support::{TEMP_PREFIX, restore, rolo, run_ok, seed, snapshot, temps};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

const DEFAULT_KILLS: u64 = 200;

/// xorshift64*: tiny, seeded, good enough to spread kill moments.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }

    fn below(&mut self, n: u64) -> u64 {
        self.next() % n.max(1)
    }
}

fn env_u64(name: &str, default: u64) -> u64 {
    std::env::var(name)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

/// A save that rewrites a file, picked from what the folder holds right now.
fn pick_save(loaded: &Loaded, rng: &mut Rng, step: u64) -> Vec<String> {
    let who = if rng.below(2) == 0 {
        "ada-lovelace"
    } else {
        "charles-babbage"
    };
    let person = loaded
        .contacts
        .iter()
        .find(|c| c.id == who)
        .expect("seeded contact stays");
    let open_need = person.open_needs().map(|n| n.id).next();
    let open_follow_up = person.follow_ups.iter().find(|f| !f.done).map(|f| f.id);
    let args: Vec<String> = match (rng.below(6), open_need, open_follow_up) {
        (1, Some(n), _) => vec![
            "met".into(),
            who.into(),
            n.to_string(),
            "--how".into(),
            format!("intro {step}"),
        ],
        (2, ..) => vec![
            "followup".into(),
            who.into(),
            format!("send the paper {step}"),
            "--due".into(),
            "in 3 days".into(),
        ],
        (3, _, Some(f)) => vec!["done".into(), who.into(), f.to_string()],
        (4 | 5, ..) => vec![
            "note".into(),
            who.into(),
            format!("crash-test note {step}"),
            "--kind".into(),
            "call".into(),
        ],
        _ => vec!["need".into(), who.into(), format!("an introduction {step}")],
    };
    args
}

/// How long a save takes here from start to exit (the median of three), so kill moments
/// spread over a whole run on this machine, however fast or busy it is.
fn full_run_time(dir: &Path) -> Duration {
    let scratch = tempfile::tempdir().expect("tempdir");
    restore(scratch.path(), &snapshot(dir));
    let mut times: Vec<Duration> = (0..3)
        .map(|i| {
            let start = Instant::now();
            run_ok(scratch.path(), &["note", "ada", &format!("timing {i}")]);
            start.elapsed()
        })
        .collect();
    times.sort();
    times[1]
}

fn describe_difference(
    got: &BTreeMap<PathBuf, Vec<u8>>,
    want: &BTreeMap<PathBuf, Vec<u8>>,
) -> String {
    let mut lines = Vec::new();
    for path in got.keys().chain(want.keys()) {
        if got.get(path) != want.get(path) {
            lines.push(format!(
                "{}: killed run has {} bytes, finished run {} bytes",
                path.display(),
                got.get(path).map_or(0, Vec::len),
                want.get(path).map_or(0, Vec::len)
            ));
        }
    }
    lines.dedup();
    lines.join("\n")
}

fn assert_loads_cleanly(dir: &Path, context: &str) -> Loaded {
    let loaded = Store::on_disk(dir).load().expect("folder lists");
    let errors: Vec<String> = loaded
        .problems
        .iter()
        .filter(|p| p.severity == Severity::Error)
        .map(|p| p.to_string())
        .collect();
    assert!(
        errors.is_empty(),
        "{context}: files do not load: {errors:?}"
    );
    assert_eq!(
        loaded.contacts.len(),
        2,
        "{context}: a contact went missing"
    );
    loaded
}

#[test]
fn killed_saves_leave_old_or_new_content_never_a_mix() {
    let kills = env_u64("ROLO_CRASH_KILLS", DEFAULT_KILLS);
    let seed_value = env_u64("ROLO_CRASH_SEED", 0x5eed_1234);
    let mut rng = Rng(seed_value | 1);
    let home = tempfile::tempdir().expect("tempdir");
    let dir = home.path().join("data");
    seed(&dir, 60);
    let window = full_run_time(&dir);
    let max_delay_us = window.as_micros() as u64;
    let mut loaded = assert_loads_cleanly(&dir, "seeded");

    let (mut unchanged, mut changed, mut with_temps) = (0, 0, 0);
    // Per command: (kills that left the old state, kills that left the new one).
    let mut outcomes: BTreeMap<String, (u32, u32)> = BTreeMap::new();
    for step in 0..kills {
        let context = format!("kill {step} (seed {seed_value:#x})");
        let before = snapshot(&dir);
        let args = pick_save(&loaded, &mut rng, step);
        let mut child = rolo(&dir).args(&args).spawn().expect("rolo starts");
        std::thread::sleep(Duration::from_micros(rng.below(max_delay_us)));
        // SIGKILL on unix; an error only means the save already finished.
        let _ = child.kill();
        child.wait().expect("reaped");

        let after = snapshot(&dir);
        if !temps(&dir).is_empty() {
            with_temps += 1;
        }
        loaded = assert_loads_cleanly(&dir, &context);
        let outcome = outcomes.entry(args[0].clone()).or_default();
        if after == before {
            unchanged += 1;
            outcome.0 += 1;
            continue;
        }
        changed += 1;
        outcome.1 += 1;
        let twin = tempfile::tempdir().expect("tempdir");
        restore(twin.path(), &before);
        let arg_refs: Vec<&str> = args.iter().map(String::as_str).collect();
        run_ok(twin.path(), &arg_refs);
        let finished = snapshot(twin.path());
        assert!(
            after == finished,
            "{context}: `rolo {}` left a state that is neither old nor new:\n{}",
            args.join(" "),
            describe_difference(&after, &finished)
        );
    }
    eprintln!(
        "crash: {kills} kills, {unchanged} left the old state, {changed} the new one, \
         {with_temps} found a temp file (run window {window:?}); old/new by command: {outcomes:?}"
    );
    assert!(
        changed > 0 && unchanged > 0,
        "kills never landed on both sides of a save"
    );

    // The next start sweeps what the kills left, and the folder loads without any problem.
    run_ok(&dir, &["check"]);
    assert_eq!(
        temps(&dir),
        Vec::<PathBuf>::new(),
        "stale temp files stayed"
    );
    let loaded = Store::on_disk(&dir).load().expect("folder lists");
    assert!(loaded.problems.is_empty(), "{:?}", loaded.problems);
}

fn plant_temps(dir: &Path) -> Vec<PathBuf> {
    let planted: Vec<PathBuf> = ["", "contacts", "journal/2026", "drafts"]
        .iter()
        .map(|folder| dir.join(folder).join(format!("{TEMP_PREFIX}killed.tmp")))
        .collect();
    for path in &planted {
        std::fs::create_dir_all(path.parent().expect("folder")).expect("mkdir");
        std::fs::write(path, "name = \"half a fil").expect("plant temp");
    }
    planted
}

#[test]
fn stale_temp_files_are_swept_when_rolo_starts() {
    let home = tempfile::tempdir().expect("tempdir");
    let dir = home.path().join("data");
    seed(&dir, 3);
    let planted = plant_temps(&dir);
    let keep = dir.join("contacts/.notes-by-hand");
    std::fs::write(&keep, "mine").expect("write");
    let before = snapshot(&dir);

    assert_loads_cleanly(&dir, "with leftovers");
    run_ok(&dir, &["list"]);
    // The sweep never waits for the lock. In one test binary another thread may fork a child
    // while this process holds the lock (the load above), and until that child execs it holds
    // the lock too: a start then rightly skips the sweep, and the next start does it.
    for _ in 0..5 {
        if planted.iter().all(|p| !p.exists()) {
            break;
        }
        std::thread::sleep(Duration::from_millis(200));
        run_ok(&dir, &["list"]);
    }

    for path in &planted {
        assert!(!path.exists(), "{} was not swept", path.display());
    }
    assert_eq!(snapshot(&dir), before, "the sweep touched something else");
    assert!(keep.exists());
}

#[test]
fn sweep_skips_without_waiting_while_another_writer_holds_the_lock() {
    let home = tempfile::tempdir().expect("tempdir");
    let dir = home.path().join("data");
    seed(&dir, 3);
    let planted = plant_temps(&dir);
    let lock = std::fs::OpenOptions::new()
        .write(true)
        .create(true)
        .truncate(false)
        .open(dir.join(".lock"))
        .expect("lock file");
    lock.lock().expect("take the folder lock");

    // A blocking sweep would hang here; a generous bound turns a hang into a failure.
    let mut child = rolo(&dir).arg("list").spawn().expect("rolo starts");
    let deadline = Instant::now() + Duration::from_secs(60);
    let status = loop {
        if let Some(status) = child.try_wait().expect("wait") {
            break status;
        }
        if Instant::now() > deadline {
            let _ = child.kill();
            let _ = child.wait();
            panic!("`rolo list` waited for the lock another writer holds");
        }
        std::thread::sleep(Duration::from_millis(20));
    };
    assert!(status.success());
    for path in &planted {
        assert!(
            path.exists(),
            "{} was removed while the lock was held",
            path.display()
        );
    }

    drop(lock);
    run_ok(&dir, &["list"]);
    assert!(
        planted.iter().all(|p| !p.exists()),
        "not swept once the lock was free"
    );
}
