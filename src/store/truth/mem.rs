//! The in-memory twin of the disk: the same store logic runs on it in tests, and a test can
//! make the next write fail to see that nothing is lost.

use super::fs::{DirItem, Fs, Lock};
use std::collections::BTreeMap;
use std::io;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

#[derive(Debug, Default)]
pub struct MemFs {
    files: Mutex<BTreeMap<PathBuf, Vec<u8>>>,
    fail_writes: Mutex<u32>,
    writes: Mutex<u64>,
    /// A counter standing in for modification times, bumped for a file and its folders.
    stamps: Mutex<BTreeMap<PathBuf, u64>>,
}

impl MemFs {
    pub fn new() -> MemFs {
        MemFs::default()
    }

    /// Seed or overwrite a file as an outside writer (an editor, `git pull`) would.
    pub fn put(&self, rel: impl AsRef<Path>, text: &str) {
        self.files_mut()
            .insert(rel.as_ref().to_path_buf(), text.as_bytes().to_vec());
        self.touch(rel.as_ref());
    }

    fn touch(&self, rel: &Path) {
        let Ok(mut stamps) = self.stamps.lock() else {
            return;
        };
        let next = stamps.values().max().copied().unwrap_or(0) + 1;
        let mut path = Some(rel);
        while let Some(p) = path {
            stamps.insert(p.to_path_buf(), next);
            path = p.parent();
        }
    }

    pub fn get(&self, rel: impl AsRef<Path>) -> Option<String> {
        self.files_mut()
            .get(rel.as_ref())
            .map(|b| String::from_utf8_lossy(b).into_owned())
    }

    pub fn paths(&self) -> Vec<PathBuf> {
        self.files_mut().keys().cloned().collect()
    }

    /// The next `n` writes fail with an I/O error, as a full disk would.
    pub fn fail_next_writes(&self, n: u32) {
        if let Ok(mut f) = self.fail_writes.lock() {
            *f = n;
        }
    }

    pub fn write_count(&self) -> u64 {
        self.writes.lock().map(|w| *w).unwrap_or(0)
    }

    fn files_mut(&self) -> std::sync::MutexGuard<'_, BTreeMap<PathBuf, Vec<u8>>> {
        // A poisoned map only means another test thread panicked; the data is still whole.
        self.files.lock().unwrap_or_else(|p| p.into_inner())
    }
}

impl Fs for MemFs {
    fn read(&self, rel: &Path) -> io::Result<Option<Vec<u8>>> {
        Ok(self.files_mut().get(rel).cloned())
    }

    fn write_atomic(&self, rel: &Path, data: &[u8]) -> io::Result<()> {
        if let Ok(mut f) = self.fail_writes.lock()
            && *f > 0
        {
            *f -= 1;
            return Err(io::Error::other("simulated write failure"));
        }
        if let Ok(mut w) = self.writes.lock() {
            *w += 1;
        }
        self.files_mut().insert(rel.to_path_buf(), data.to_vec());
        self.touch(rel);
        Ok(())
    }

    fn remove(&self, rel: &Path) -> io::Result<()> {
        self.files_mut().remove(rel);
        self.touch(rel);
        Ok(())
    }

    fn list(&self, rel_dir: &Path) -> io::Result<Vec<DirItem>> {
        let files = self.files_mut();
        let mut items: Vec<DirItem> = Vec::new();
        for path in files.keys() {
            let Ok(rest) = path.strip_prefix(rel_dir) else {
                continue;
            };
            let mut parts = rest.components();
            let Some(first) = parts.next() else { continue };
            let name = first.as_os_str().to_string_lossy().into_owned();
            let is_dir = parts.next().is_some();
            if !items.iter().any(|i| i.name == name) {
                items.push(DirItem { name, is_dir });
            }
        }
        items.sort_by(|a, b| a.name.cmp(&b.name));
        Ok(items)
    }

    fn is_symlink(&self, _rel: &Path) -> bool {
        false
    }

    fn lock(&self) -> io::Result<Lock> {
        Ok(Lock::none())
    }

    fn root(&self) -> Option<&Path> {
        None
    }

    fn ensure_dir(&self, _rel_dir: &Path) -> io::Result<()> {
        Ok(())
    }

    fn modified(&self, rel: &Path) -> Option<std::time::SystemTime> {
        // A removed file keeps its stamp (its folder's moved with it), but is not there.
        let there = {
            let files = self.files_mut();
            files.contains_key(rel) || files.keys().any(|p| p.starts_with(rel))
        };
        if !there {
            return None;
        }
        let stamp = *self.stamps.lock().ok()?.get(rel)?;
        Some(std::time::UNIX_EPOCH + std::time::Duration::from_nanos(stamp))
    }
}
