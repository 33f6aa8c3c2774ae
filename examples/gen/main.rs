//! Seeded generator for large rolo data folders (benchmarks, stress tests).
//! Standard library only; the same flags and seed always give the same files.
//!
//! ```text
//! cargo run --release --example gen -- [--contacts N] [--entries M] [--needs K]
//!     [--years Y] [--seed S] DIR
//! ```
//! Defaults: 2000 contacts, 20000 entries, contacts/2 needs, 11 years, seed 42.
//! Entries cover the Y years up to 2026-11-23 (the data's "today" is 2026-11-24).

mod generator;

use generator::{Options, generate};
use std::path::PathBuf;
use std::process::ExitCode;
use std::{env, time::Instant};

const USAGE: &str =
    "usage: gen [--contacts N] [--entries M] [--needs K] [--years Y] [--seed S] DIR";
const MAX_COUNT: usize = 50_000_000;

struct Opts {
    options: Options,
    dir: Option<PathBuf>,
}

/// `Ok(None)` means --help.
fn parse_args() -> Result<Option<Opts>, String> {
    let mut o = Opts {
        options: Options {
            contacts: 2000,
            entries: 20_000,
            needs: None,
            years: 11,
            seed: 42,
        },
        dir: None,
    };
    let mut args = env::args_os().skip(1);
    while let Some(arg) = args.next() {
        let Some(flag) = arg.to_str().filter(|s| s.starts_with('-') && s.len() > 1) else {
            if o.dir.replace(PathBuf::from(arg)).is_some() {
                return Err("only one DIR, please (see --help)".into());
            }
            continue;
        };
        if flag == "-h" || flag == "--help" {
            return Ok(None);
        }
        let value = args.next().and_then(|v| v.into_string().ok());
        let value = value.ok_or_else(|| format!("{flag} needs a value"))?;
        let n = value
            .parse::<u64>()
            .map_err(|_| format!("{flag}: not a number: {value:?}"))?;
        match flag {
            "--contacts" => o.options.contacts = n as usize,
            "--entries" => o.options.entries = n as usize,
            "--needs" => o.options.needs = Some(n as usize),
            "--years" => o.options.years = n,
            "--seed" => o.options.seed = n,
            _ => return Err(format!("unknown flag {flag} (see --help)")),
        }
    }
    if o.dir.is_none() {
        return Err("missing DIR (see --help)".into());
    }
    if !(1..=100).contains(&o.options.years) {
        return Err("--years must be between 1 and 100".into());
    }
    if o.options
        .contacts
        .max(o.options.entries)
        .max(o.options.needs.unwrap_or(0))
        > MAX_COUNT
    {
        return Err(format!("counts above {MAX_COUNT} are not supported"));
    }
    if o.options.contacts == 0 && (o.options.entries > 0 || o.options.needs.unwrap_or(0) > 0) {
        return Err("--contacts must be at least 1 when there are entries or needs".into());
    }
    Ok(Some(o))
}

fn run() -> Result<(), String> {
    let Some(o) = parse_args()? else {
        println!("{USAGE}");
        return Ok(());
    };
    let (t0, dir) = (Instant::now(), o.dir.unwrap_or_default());
    let done = generate(&o.options, &dir)?;
    println!(
        "gen: wrote {} contacts ({} needs, {} follow-ups) and {} entries in {} month files to {} in {:.2}s (seed {})",
        o.options.contacts,
        done.needs,
        done.follow_ups,
        o.options.entries,
        done.month_files,
        dir.display(),
        t0.elapsed().as_secs_f64(),
        o.options.seed,
    );
    Ok(())
}

fn main() -> ExitCode {
    match run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(msg) => {
            eprintln!("gen: {msg}");
            ExitCode::FAILURE
        }
    }
}
