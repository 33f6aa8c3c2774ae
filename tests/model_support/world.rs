//! The system under test: a temp data folder under git, the real `rolo` binary for CLI
//! commands, and outside edits made the way editors and `git` make them.

use super::roster::{SEEDS, seed_toml};
use chrono::{DateTime, FixedOffset};
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, SystemTime};

pub struct World {
    pub tmp: tempfile::TempDir,
    pub now: DateTime<FixedOffset>,
    /// The cache's base folder (`ROLO_CACHE_DIR`), or `None` for `--no-cache`.
    pub cache: Option<PathBuf>,
}

/// What a CLI run gave back.
#[derive(Debug)]
pub struct Run {
    pub code: Option<i32>,
    pub stdout: String,
    pub stderr: String,
}

impl World {
    pub fn new(now: DateTime<FixedOffset>, cache_on: bool) -> Result<World, String> {
        let tmp = tempfile::tempdir().map_err(|e| e.to_string())?;
        let cache = cache_on.then(|| tmp.path().join("cache"));
        let w = World { tmp, now, cache };
        std::fs::create_dir_all(w.root().join("contacts")).map_err(|e| e.to_string())?;
        std::fs::create_dir_all(w.home()).map_err(|e| e.to_string())?;
        // Private, as rolo makes it; otherwise every run warns.
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(w.root(), std::fs::Permissions::from_mode(0o700))
            .map_err(|e| e.to_string())?;
        // An hour old, so a cache (which waits for files to settle) keeps them.
        let old = SystemTime::now() - Duration::from_secs(3600);
        for s in SEEDS {
            let path = w.root().join(format!("contacts/{}.toml", s.id));
            std::fs::write(&path, seed_toml(s)).map_err(|e| e.to_string())?;
            let f = std::fs::File::options().write(true).open(&path);
            f.and_then(|f| f.set_modified(old))
                .map_err(|e| e.to_string())?;
        }
        w.git(&["init", "-q"])?;
        Ok(w)
    }

    pub fn root(&self) -> PathBuf {
        self.tmp.path().join("data")
    }

    fn home(&self) -> PathBuf {
        self.tmp.path().join("home")
    }

    pub fn path(&self, rel: &str) -> PathBuf {
        self.root().join(rel)
    }

    /// The cache folder rolo itself uses for this data folder.
    pub fn cache_root(&self) -> Option<PathBuf> {
        let base = self.cache.clone()?;
        let data = std::fs::canonicalize(self.root()).ok()?;
        rolo::store::paths::cache_dir(&data, |k| {
            (k == "ROLO_CACHE_DIR").then(|| base.display().to_string())
        })
    }

    pub fn rolo(&self, args: &[&str]) -> Result<Run, String> {
        let mut cmd = Command::new(env!("CARGO_BIN_EXE_rolo"));
        cmd.arg("--dir").arg(self.root());
        if self.cache.is_none() {
            cmd.arg("--no-cache");
        }
        cmd.args(args)
            .env("HOME", self.home())
            .env("ROLO_NOW", self.now.to_rfc3339())
            .env_remove("ROLO_DIR")
            .env_remove("XDG_DATA_HOME")
            .env_remove("XDG_CACHE_HOME")
            .env_remove("XDG_CONFIG_HOME")
            .env_remove("ROLO_NO_CACHE")
            .env_remove("ROLO_CACHE_DIR");
        if let Some(c) = &self.cache {
            cmd.env("ROLO_CACHE_DIR", c);
        }
        let out = cmd.output().map_err(|e| format!("cannot run rolo: {e}"))?;
        Ok(Run {
            code: out.status.code(),
            stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
            stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
        })
    }

    pub fn git(&self, args: &[&str]) -> Result<String, String> {
        let out = Command::new("git")
            .arg("-C")
            .arg(self.root())
            .args([
                "-c",
                "user.name=model",
                "-c",
                "user.email=model@example.org",
            ])
            .args([
                "-c",
                "commit.gpgsign=false",
                "-c",
                "core.hooksPath=/dev/null",
            ])
            .args(args)
            .output()
            .map_err(|e| format!("cannot run git: {e}"))?;
        if !out.status.success() {
            return Err(format!(
                "git {args:?}: {}",
                String::from_utf8_lossy(&out.stderr)
            ));
        }
        Ok(String::from_utf8_lossy(&out.stdout).trim().to_string())
    }

    /// Commit everything; returns the commit id.
    pub fn commit(&self, message: &str) -> Result<String, String> {
        self.git(&["add", "-A", "."])?;
        self.git(&["commit", "-q", "--allow-empty", "-m", message])?;
        self.git(&["rev-parse", "HEAD"])
    }

    /// The folder as it was at `commit`, as a checkout of another branch leaves it.
    pub fn checkout(&self, commit: &str) -> Result<(), String> {
        self.git(&["checkout", "-q", "-f", "--detach", commit])?;
        self.git(&["clean", "-q", "-f", "-d", "-e", ".lock"])?;
        Ok(())
    }

    /// Replace a file the way editors and `sed -i` do: a new file renamed over the old.
    pub fn replace(&self, rel: &str, bytes: &[u8]) -> Result<(), String> {
        let path = self.path(rel);
        let tmp = path.with_extension("outside-tmp");
        std::fs::write(&tmp, bytes).map_err(|e| e.to_string())?;
        std::fs::rename(&tmp, &path).map_err(|e| e.to_string())
    }

    /// Overwrite a file in place, as nano and VS Code save: open, truncate, write.
    pub fn write_in_place(&self, rel: &str, bytes: &[u8]) -> Result<(), String> {
        std::fs::write(self.path(rel), bytes).map_err(|e| e.to_string())
    }

    /// Append to a file in place, as `>>` does.
    pub fn append(&self, rel: &str, text: &str) -> Result<(), String> {
        use std::io::Write;
        let path = self.path(rel);
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir).map_err(|e| e.to_string())?;
        }
        let mut f = std::fs::File::options()
            .create(true)
            .append(true)
            .open(&path)
            .map_err(|e| e.to_string())?;
        f.write_all(text.as_bytes()).map_err(|e| e.to_string())
    }

    pub fn read(&self, rel: &str) -> Option<Vec<u8>> {
        std::fs::read(self.path(rel)).ok()
    }

    pub fn contact_ids(&self) -> Vec<String> {
        list_ids(&self.root().join("contacts"))
    }
}

pub fn list_ids(dir: &Path) -> Vec<String> {
    let mut ids: Vec<String> = std::fs::read_dir(dir)
        .into_iter()
        .flatten()
        .flatten()
        .filter_map(|e| {
            let name = e.file_name().to_str()?.to_string();
            let id = name.strip_suffix(".toml")?;
            (!name.starts_with('.')).then(|| id.to_string())
        })
        .collect();
    ids.sort();
    ids
}
