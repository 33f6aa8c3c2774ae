//! A temporary HOME for the command tests; `ROLO_NOW` pins "now" to Tuesday 2026-11-24
//! 12:00 +01:00 so dates in the output are stable.

use super::text;
use assert_cmd::Command;
use std::collections::BTreeMap;
use std::fs;
use std::path::PathBuf;
use std::process::Output;
use tempfile::TempDir;

pub const NOW: &str = "2026-11-24T12:00:00+01:00";

/// A temporary HOME; by default rolo finds its data in `HOME/.local/share/rolo`.
pub struct Home {
    pub tmp: TempDir,
}

impl Home {
    pub fn new() -> Home {
        let home = Home {
            tmp: tempfile::tempdir().expect("tempdir"),
        };
        fs::create_dir_all(home.path()).expect("home");
        home
    }

    pub fn path(&self) -> PathBuf {
        self.tmp.path().join("home")
    }

    pub fn data(&self) -> PathBuf {
        self.path().join(".local/share/rolo")
    }

    /// rolo with HOME here and every other way to name a folder unset.
    pub fn cmd(&self) -> Command {
        let mut cmd = Command::cargo_bin("rolo").expect("binary");
        cmd.env("HOME", self.path())
            .env("ROLO_NOW", NOW)
            .env("TMPDIR", self.tmp.path())
            .env_remove("ROLO_DIR")
            .env_remove("XDG_DATA_HOME")
            .env_remove("XDG_CONFIG_HOME")
            // The cache goes to HOME/.cache/rolo, inside the temp dir, whatever the caller has.
            .env_remove("XDG_CACHE_HOME")
            .env_remove("ROLO_CACHE_DIR")
            .env_remove("ROLO_NO_CACHE");
        cmd
    }

    pub fn run(&self, args: &[&str]) -> Output {
        self.cmd().args(args).output().expect("run rolo")
    }

    /// Runs a command that must succeed and returns its stdout.
    pub fn ok(&self, args: &[&str]) -> String {
        let out = self.run(args);
        assert_eq!(
            out.status.code(),
            Some(0),
            "{args:?} failed: {}",
            text(&out.stderr)
        );
        assert_eq!(text(&out.stderr), "", "{args:?} wrote to stderr");
        text(&out.stdout)
    }

    /// Runs a command that must fail with one line on stderr, exit code 1 and no output;
    /// returns that line without the `rolo: ` prefix.
    pub fn fails(&self, args: &[&str]) -> String {
        let out = self.run(args);
        let err = text(&out.stderr);
        assert_eq!(out.status.code(), Some(1), "{args:?}: {err}");
        assert_eq!(text(&out.stdout), "", "{args:?} printed to stdout");
        assert!(!err.contains("panicked"), "{args:?} panicked: {err}");
        assert_eq!(
            err.lines().count(),
            1,
            "{args:?} wrote several lines: {err}"
        );
        err.strip_prefix("rolo: ")
            .unwrap_or_else(|| panic!("{args:?}: no `rolo: ` prefix: {err}"))
            .trim_end()
            .to_string()
    }

    pub fn file(&self, rel: &str) -> String {
        fs::read_to_string(self.data().join(rel)).unwrap_or_else(|e| panic!("{rel}: {e}"))
    }

    /// Every file under the tmp dir (HOME and anything beside it), with its bytes; not the
    /// derived cache in HOME/.cache, which any load may refresh.
    pub fn snapshot(&self) -> BTreeMap<PathBuf, Vec<u8>> {
        let mut out = BTreeMap::new();
        let mut todo = vec![self.tmp.path().to_path_buf()];
        let cache = self.path().join(".cache");
        while let Some(dir) = todo.pop() {
            for item in fs::read_dir(&dir).expect("read_dir") {
                let path = item.expect("item").path();
                if path == cache {
                    continue;
                } else if path.is_dir() {
                    todo.push(path);
                } else if path.file_name() != Some(".lock".as_ref()) {
                    out.insert(path.clone(), fs::read(&path).expect("read"));
                }
            }
        }
        out
    }

    /// Ada Lovelace, Ada Byron and Charles Babbage.
    pub fn with_people() -> Home {
        let home = Home::new();
        home.ok(&[
            "add",
            "Ada Lovelace",
            "--tag",
            "math",
            "--company",
            "Analytical Engines",
            "--every",
            "30",
            "--birthday",
            "1815-12-10",
        ]);
        home.ok(&["add", "Ada Byron", "--tag", "poetry"]);
        home.ok(&["add", "Charles Babbage", "--tag", "math", "--every", "7"]);
        home
    }
}
