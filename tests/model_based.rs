//! The systemic test of issue 11: random sequences of TUI actions (the real `run_app` on a
//! `TestBackend`), CLI commands (the real binary), outside edits (rewrite, append, delete,
//! break and fix a file, `git checkout` of an older state) and TUI restarts, on a temp
//! folder, with the cache on or off. After every step the folder on disk (read with the
//! `toml` crate, not rolo's store) and what the TUI holds and lists are compared with a plain
//! reference model of what was meant: no panic, no lost write, no write to anyone but the
//! person meant, and a person deleted outside gone from the TUI.
//!
//! `ROLO_MODEL_CASES=500 cargo test --test model_based -- --include-ignored` runs the long
//! search (default: a few cases, about a minute on two cores); `ROLO_MODEL_STEPS` sets the
//! longest sequence (default 30).

mod model_support;

use chrono::{DateTime, Duration, FixedOffset};
use model_support::runner::Case;
use model_support::steps::{Step, step};
use proptest::prelude::*;
use proptest::test_runner::Config;

fn env_number(name: &str, default: u32) -> u32 {
    std::env::var(name)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

fn config() -> Config {
    Config {
        cases: env_number("ROLO_MODEL_CASES", 12),
        max_shrink_iters: 400,
        ..Config::default()
    }
}

/// "Now" on each day of one week (Monday 2026-11-30 to Sunday 2026-12-06), so `--due friday`
/// is tried from every weekday.
fn now_on(day: i64) -> DateTime<FixedOffset> {
    let monday = DateTime::parse_from_rfc3339("2026-11-30T10:00:00+01:00")
        .unwrap_or_else(|_| DateTime::default());
    monday + Duration::days(day)
}

fn run(day: i64, cache_on: bool, steps: &[Step]) -> Result<(), String> {
    model_support::tui::quiet_panics();
    let now = now_on(day);
    let mut case = Case::new(now, cache_on)
        .map_err(|e| format!("at the start ({now}, cache {cache_on}): {e}"))?;
    let mut log = Vec::new();
    for (i, s) in steps.iter().enumerate() {
        match case.apply(s) {
            Ok(done) => log.push(format!("{i}: {done}")),
            Err(e) => {
                return Err(format!(
                    "now {now}, cache {}; step {i} {s:?} failed:\n{e}\nafter:\n{}",
                    if cache_on { "on" } else { "off" },
                    log.join("\n")
                ));
            }
        }
    }
    if let Some(tui) = case.tui.take() {
        tui.stop();
    }
    Ok(())
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn every_write_lands_on_the_person_meant_and_nothing_panics(
        day in 0..7i64,
        cache_on in any::<bool>(),
        steps in prop::collection::vec(step(), 1..env_number("ROLO_MODEL_STEPS", 30) as usize),
    ) {
        run(day, cache_on, &steps).map_err(TestCaseError::fail)?;
    }
}

#[test]
fn probe() {
    use model_support::steps::{Who, Write};
    let cases: Vec<(i64, bool, Vec<Step>)> = vec![
        (3, true, vec![Step::Cli { write: Write::Need, target: 6, who: Who::Id }]),
        (3, false, vec![Step::Cli { write: Write::Note, target: 0, who: Who::Stranger(0) }]),
        (3, false, vec![Step::Cli { write: Write::Need, target: 0, who: Who::Stranger(1) }]),
        (3, false, vec![Step::Cli { write: Write::FollowUp(4), target: 0, who: Who::Id }]),
        (3, false, vec![Step::Tui { write: Write::FollowUp(4), target: 0 }]),
        (3, true, vec![Step::Rewrite(3)]),
        (3, true, vec![Step::Break(3)]),
    ];
    for (day, cache, steps) in cases {
        eprintln!("=== {:?}\n{:?}", steps, run(day, cache, &steps));
    }
}
