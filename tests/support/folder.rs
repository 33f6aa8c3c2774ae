//! A data folder holding Ada plus the files a test gives, and the broken files those tests use.
//! rolo runs with `--dir` and a HOME inside the temp dir, so the real HOME is never touched.

use assert_cmd::Command;
use std::collections::BTreeMap;
use std::fs;
use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};
use std::process::Output;
use tempfile::TempDir;

pub const ADA: &str = "name = \"Ada Lovelace\"\n";
pub const MONTH: &str = "journal/2026/2026-11.toml";

pub fn fixture(name: &str) -> Vec<u8> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/broken")
        .join(name);
    fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

pub struct Folder {
    pub tmp: TempDir,
}

impl Folder {
    /// A data folder holding Ada plus the given files.
    pub fn with(files: &[(&str, Vec<u8>)]) -> Folder {
        let tmp = tempfile::tempdir().expect("tempdir");
        let f = Folder { tmp };
        fs::create_dir_all(f.home()).expect("home");
        f.put("contacts/ada.toml", ADA.as_bytes());
        // Private, as rolo makes it; otherwise every run adds a "readable by others" warning.
        fs::set_permissions(f.root(), fs::Permissions::from_mode(0o700)).expect("chmod");
        for (rel, bytes) in files {
            f.put(rel, bytes);
        }
        f
    }

    pub fn put(&self, rel: &str, bytes: &[u8]) {
        let path = self.root().join(rel);
        fs::create_dir_all(path.parent().expect("parent")).expect("mkdir");
        fs::write(path, bytes).expect("write");
    }

    pub fn root(&self) -> PathBuf {
        self.tmp.path().join("data")
    }

    pub fn home(&self) -> PathBuf {
        self.tmp.path().join("home")
    }

    pub fn rolo(&self, args: &[&str]) -> Output {
        Command::cargo_bin("rolo")
            .expect("binary")
            .arg("--dir")
            .arg(self.root())
            .args(args)
            .env("HOME", self.home())
            .env("ROLO_NOW", "2026-11-24T12:00:00+01:00")
            .env_remove("ROLO_DIR")
            .env_remove("XDG_DATA_HOME")
            .env_remove("XDG_CACHE_HOME")
            .env_remove("ROLO_CACHE_DIR")
            .output()
            .expect("run rolo")
    }

    /// Every file and link under the data folder, with its bytes (a link: its target).
    /// `.lock` is rolo's empty lock file, created by any write attempt; it holds no data.
    pub fn snapshot(&self) -> BTreeMap<PathBuf, Vec<u8>> {
        let mut out = BTreeMap::new();
        let mut todo = vec![self.root()];
        while let Some(dir) = todo.pop() {
            for item in fs::read_dir(&dir).expect("read_dir") {
                let path = item.expect("item").path();
                let meta = fs::symlink_metadata(&path).expect("metadata");
                let rel = path
                    .strip_prefix(self.root())
                    .expect("inside")
                    .to_path_buf();
                if meta.file_type().is_symlink() {
                    let target = fs::read_link(&path).expect("link");
                    out.insert(rel, target.as_os_str().as_encoded_bytes().to_vec());
                } else if rel == Path::new(".git")
                    || rel == Path::new(".gitignore")
                    || rel == Path::new(".gitattributes")
                {
                    // The journal's history (issue 14) and how it merges (sync), not the journal.
                } else if meta.is_dir() {
                    todo.push(path);
                } else if rel != Path::new(".lock") {
                    out.insert(rel, fs::read(&path).expect("read"));
                }
            }
        }
        out
    }

    pub fn path(&self, rel: &str) -> String {
        self.root().join(rel).display().to_string()
    }
}

pub const REFUSE: &str =
    "files with errors are not loaded and rolo will not change them until they are fixed";
pub const SKIPPED: &str =
    "rolo: warning: 1 file could not be read and was skipped; run `rolo check`\n";
