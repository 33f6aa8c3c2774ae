//! A data folder with its history, for the history tests: rolo and git run with a HOME, a
//! global git config and a cache of the test's own (never the developer's: their name, hooks
//! or signing could change what is committed), and "now" pinned.
#![allow(dead_code)] // each test file uses its own share

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

pub const NOW: &str = "2026-12-03T10:04:00+01:00";

pub struct Folder {
    pub tmp: tempfile::TempDir,
    /// The data folder (`tmp/data` unless set otherwise).
    pub data: PathBuf,
    /// PATH for rolo: the caller's, or a folder with no git in it.
    pub path_var: Option<String>,
}

impl Folder {
    pub fn new() -> Folder {
        let tmp = tempfile::tempdir().expect("tempdir");
        let data = tmp.path().join("data");
        let f = Folder {
            tmp,
            data,
            path_var: None,
        };
        std::fs::create_dir_all(f.home()).expect("home");
        std::fs::write(f.gitconfig(), "").expect("gitconfig");
        f
    }

    pub fn home(&self) -> PathBuf {
        self.tmp.path().join("home")
    }

    /// The "global" git config of the test (`GIT_CONFIG_GLOBAL`), empty at first.
    pub fn gitconfig(&self) -> PathBuf {
        self.tmp.path().join("gitconfig")
    }

    pub fn config_toml(&self, text: &str) {
        let dir = self.home().join(".config/rolo");
        std::fs::create_dir_all(&dir).expect("config folder");
        std::fs::write(dir.join("config.toml"), text).expect("config");
    }

    fn env(&self, cmd: &mut Command) {
        cmd.env("HOME", self.home())
            .env("GIT_CONFIG_GLOBAL", self.gitconfig())
            .env("GIT_CONFIG_NOSYSTEM", "1")
            .env("ROLO_NOW", NOW)
            .env("ROLO_CACHE_DIR", self.tmp.path().join("cache"))
            .env("TMPDIR", self.tmp.path());
        for var in [
            "ROLO_DIR",
            "XDG_DATA_HOME",
            "XDG_CONFIG_HOME",
            "XDG_CACHE_HOME",
            "ROLO_NO_CACHE",
            "GIT_DIR",
            "GIT_WORK_TREE",
            "GIT_INDEX_FILE",
            "GIT_AUTHOR_NAME",
            "GIT_AUTHOR_EMAIL",
            "GIT_COMMITTER_NAME",
            "GIT_COMMITTER_EMAIL",
        ] {
            cmd.env_remove(var);
        }
    }

    pub fn cmd(&self, args: &[&str]) -> Command {
        let mut cmd = Command::new(env!("CARGO_BIN_EXE_rolo"));
        cmd.arg("--dir").arg(&self.data).args(args);
        self.env(&mut cmd);
        if let Some(p) = &self.path_var {
            cmd.env("PATH", p);
        }
        cmd
    }

    pub fn run(&self, args: &[&str]) -> Output {
        self.cmd(args).output().expect("run rolo")
    }

    /// A command that must succeed, silently on stderr; its stdout.
    pub fn ok(&self, args: &[&str]) -> String {
        let out = self.run(args);
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(out.status.success(), "rolo {args:?} failed: {err}");
        assert_eq!(err, "", "rolo {args:?} said on stderr");
        String::from_utf8_lossy(&out.stdout).into_owned()
    }

    /// A command that must fail with exit 1; its stderr, one line, without "rolo: ".
    pub fn fails(&self, args: &[&str]) -> String {
        let out = self.run(args);
        let err = String::from_utf8_lossy(&out.stderr).into_owned();
        assert_eq!(out.status.code(), Some(1), "rolo {args:?}: {err}");
        assert_eq!(
            String::from_utf8_lossy(&out.stdout),
            "",
            "rolo {args:?} printed"
        );
        assert_eq!(err.lines().count(), 1, "{err}");
        err.trim_end()
            .strip_prefix("rolo: ")
            .unwrap_or(&err)
            .to_string()
    }

    /// git in `dir`, as the person would run it (their config: the test's).
    pub fn git_in(&self, dir: &Path, args: &[&str]) -> String {
        let mut cmd = Command::new("git");
        cmd.arg("-C").arg(dir).args(args);
        self.env(&mut cmd);
        let out = cmd.output().expect("run git");
        assert!(
            out.status.success(),
            "git {args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8_lossy(&out.stdout).into_owned()
    }

    pub fn git(&self, args: &[&str]) -> String {
        self.git_in(&self.data, args)
    }

    /// The history's messages, newest first, one per commit (the whole message, trimmed).
    pub fn log(&self) -> Vec<String> {
        self.log_in(&self.data)
    }

    pub fn log_in(&self, dir: &Path) -> Vec<String> {
        if self.head_of(dir).is_none() {
            return Vec::new();
        }
        self.git_in(dir, &["log", "--format=%B%x00"])
            .split('\0')
            .map(|m| m.trim().to_string())
            .filter(|m| !m.is_empty())
            .collect()
    }

    /// The commit at HEAD, if there is a repository with one.
    fn head_of(&self, dir: &Path) -> Option<String> {
        let mut cmd = Command::new("git");
        cmd.arg("-C")
            .arg(dir)
            .args(["rev-parse", "-q", "--verify", "HEAD"]);
        self.env(&mut cmd);
        let out = cmd.output().ok()?;
        out.status
            .success()
            .then(|| String::from_utf8_lossy(&out.stdout).into_owned())
    }

    /// The subjects only, newest first.
    pub fn subjects(&self) -> Vec<String> {
        self.log()
            .iter()
            .map(|m| m.lines().next().unwrap_or_default().to_string())
            .collect()
    }

    /// Every file of the journal (not `.git`, the lock, the leases or drafts), byte for byte.
    pub fn files(&self) -> BTreeMap<String, Vec<u8>> {
        let mut out = BTreeMap::new();
        walk(&self.data, &self.data, &mut out);
        out
    }

    pub fn read(&self, rel: &str) -> Vec<u8> {
        std::fs::read(self.data.join(rel)).unwrap_or_default()
    }

    pub fn write(&self, rel: &str, bytes: &[u8]) {
        if !self.data.exists() {
            // Private, as rolo makes it (or every run warns).
            use std::os::unix::fs::DirBuilderExt;
            std::fs::DirBuilder::new()
                .recursive(true)
                .mode(0o700)
                .create(&self.data)
                .expect("data folder");
        }
        let path = self.data.join(rel);
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir).expect("folder");
        }
        std::fs::write(path, bytes).expect("write");
    }

    /// Files git sees changed in the data folder (`git status --porcelain`), sorted.
    pub fn dirty(&self) -> Vec<String> {
        let mut lines: Vec<String> = self
            .git(&["status", "--porcelain", "--untracked-files=all"])
            .lines()
            .map(str::to_string)
            .collect();
        lines.sort();
        lines
    }
}

fn walk(root: &Path, dir: &Path, out: &mut BTreeMap<String, Vec<u8>>) {
    let Ok(items) = std::fs::read_dir(dir) else {
        return;
    };
    for item in items.flatten() {
        let path = item.path();
        let rel = path
            .strip_prefix(root)
            .unwrap_or(&path)
            .to_string_lossy()
            .into_owned();
        if [".git", ".lock", ".leases", "drafts"].contains(&rel.as_str()) {
            continue;
        }
        if path.is_dir() {
            walk(root, &path, out);
        } else {
            out.insert(rel, std::fs::read(&path).unwrap_or_default());
        }
    }
}
