//! A rolo process as a person runs it, in surroundings of the bench's own: HOME, git config,
//! `config.toml` (the history on or off) and cache folder, "now" pinned.

use std::path::Path;
use std::process::{Command, Stdio};

pub struct Env {
    pub tmp: tempfile::TempDir,
}

impl Env {
    pub fn new(history: bool) -> Env {
        let tmp = tempfile::tempdir().expect("temp dir");
        let config = tmp.path().join("config/rolo");
        std::fs::create_dir_all(&config).expect("config dir");
        let text = if history {
            ""
        } else {
            "[history]\ngit = false\n"
        };
        std::fs::write(config.join("config.toml"), text).expect("config");
        std::fs::write(tmp.path().join("gitconfig"), "").expect("gitconfig");
        Env { tmp }
    }

    /// `rolo --dir DIR ARGS...`, output dropped; panics when it fails.
    pub fn rolo(&self, dir: &Path, args: &[&str]) {
        let status = Command::new(env!("CARGO_BIN_EXE_rolo"))
            .arg("--dir")
            .arg(dir)
            .args(args)
            .env("HOME", self.tmp.path())
            .env("XDG_CONFIG_HOME", self.tmp.path().join("config"))
            .env("ROLO_CACHE_DIR", self.tmp.path().join("cache"))
            .env("GIT_CONFIG_GLOBAL", self.tmp.path().join("gitconfig"))
            .env("GIT_CONFIG_NOSYSTEM", "1")
            .env("ROLO_NOW", super::TODAY)
            .stdout(Stdio::null())
            .status()
            .expect("rolo runs");
        assert!(status.success(), "rolo {args:?} failed");
    }
}
