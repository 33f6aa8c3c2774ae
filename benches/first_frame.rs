//! The first usable frame of the real binary, as a person starting rolo gets it: the process
//! starts, loads contacts and the newest months, draws 120×35 and exits
//! (`--exit-after-first-frame`). The TUI needs a terminal, so each run goes through `script`
//! (util-linux), which gives it a pty (sized by `stty`); `pty/script_true` is that wrapper
//! alone, to subtract from the others. Warm: through a derived cache written beforehand;
//! `cold/`: `--no-cache`, every file parsed.

mod support;

use criterion::{Criterion, criterion_group, criterion_main};
use std::path::Path;
use std::process::{Command, Stdio};

/// `s` quoted for the shell `script` hands the command to.
fn quoted(s: &str) -> String {
    format!("'{}'", s.replace('\'', r"'\''"))
}

/// `inner` (a shell command) on a pty of 120×35, with output thrown away. `script`'s pty
/// starts at 0×0, and rolo asks the pty, not `COLUMNS`/`LINES`: without the `stty` it would
/// draw nothing. The wrapper alone (`pty/script_true`) runs the same `stty`.
fn on_pty(inner: &str, cache: Option<&Path>) {
    let sized = format!("stty cols 120 rows 35 && {inner}");
    let mut cmd = Command::new("script");
    cmd.args(["-qec", &sized, "/dev/null"])
        .env("ROLO_NOW", support::TODAY)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null());
    if let Some(cache) = cache {
        cmd.env("ROLO_CACHE_DIR", cache);
    }
    let status = cmd.status().expect("script runs");
    assert!(status.success(), "{inner} failed");
}

fn first_frame(dir: &Path, cold: bool) -> String {
    let bin = quoted(env!("CARGO_BIN_EXE_rolo"));
    let dir = quoted(&dir.to_string_lossy());
    let cold = if cold { " --no-cache" } else { "" };
    format!("{bin}{cold} --dir {dir} --exit-after-first-frame")
}

fn bench(c: &mut Criterion) {
    if Command::new("script").arg("--version").output().is_err() {
        eprintln!("first_frame: `script` (util-linux) is not installed; nothing measured");
        return;
    }
    let mut g = c.benchmark_group("first_frame");
    g.sample_size(20);
    g.bench_function("pty/script_true", |b| b.iter(|| on_pty("true", None)));
    let cache = tempfile::tempdir().expect("temp dir");
    for (label, set) in [("medium", support::MEDIUM), ("large", support::LARGE)] {
        let dir = set.ensure();
        // Files changed in the last 2 s are not cached (see the README); then warm the cache.
        std::thread::sleep(std::time::Duration::from_millis(2_100));
        on_pty(&first_frame(&dir, false), Some(cache.path()));
        g.bench_function(format!("{label}/warm"), |b| {
            b.iter(|| on_pty(&first_frame(&dir, false), Some(cache.path())))
        });
        g.bench_function(format!("{label}/cold"), |b| {
            b.iter(|| on_pty(&first_frame(&dir, true), None))
        });
    }
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
