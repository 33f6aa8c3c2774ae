//! The store's file system, wrapped: every write and removal of a journal file passes through
//! here on its way to the disk, so the history knows which files a change touched and what
//! they held before and after, without the store knowing there is a history.
//!
//! Before the first write of a change: the history lock, the note in `pending/` and the
//! file's bytes as they are. After the write: the bytes written. When the operation ends it
//! says what it did (`Fs::change_described`), and the change goes to its commit.
//! Drafts, temp files, the lock and the leases are not the journal and pass straight through.

use super::Engine;
use crate::store::{DirItem, Fs, Lease, Lock, Stamp};
use std::io;
use std::path::{Path, PathBuf};
use std::sync::Arc;

pub struct NotingFs {
    inner: Box<dyn Fs>,
    engine: Arc<Engine>,
}

impl NotingFs {
    pub(super) fn new(inner: Box<dyn Fs>, engine: Arc<Engine>) -> NotingFs {
        NotingFs { inner, engine }
    }

    /// The path as the history names it, when it is a journal file worth a commit.
    fn noted(&self, rel: &Path) -> Option<String> {
        self.inner.root()?;
        let rel = rel.to_str()?;
        super::repo::versioned(rel).then(|| rel.to_string())
    }
}

impl Fs for NotingFs {
    fn write_atomic(&self, rel: &Path, data: &[u8]) -> io::Result<()> {
        let Some(name) = self.noted(rel) else {
            return self.inner.write_atomic(rel, data);
        };
        self.engine
            .before_write(&name, || self.inner.read(rel).ok().flatten());
        self.inner.write_atomic(rel, data)?;
        self.engine.after_write(&name, Some(data.to_vec()));
        Ok(())
    }

    /// An import's many files: each noted as `write_atomic` notes one, written together so the
    /// disk's shared flushes are kept.
    fn write_atomic_many(&self, files: &[(PathBuf, Vec<u8>)]) -> io::Result<()> {
        let names: Vec<Option<String>> = files.iter().map(|(rel, _)| self.noted(rel)).collect();
        self.engine
            .before_writes(files.iter().zip(&names).filter_map(|((rel, _), name)| {
                let name = name.as_deref()?;
                Some((name, move || self.inner.read(rel).ok().flatten()))
            }));
        self.inner.write_atomic_many(files)?;
        for ((_, data), name) in files.iter().zip(&names) {
            if let Some(name) = name {
                self.engine.after_write(name, Some(data.clone()));
            }
        }
        Ok(())
    }

    fn remove(&self, rel: &Path) -> io::Result<()> {
        let Some(name) = self.noted(rel) else {
            return self.inner.remove(rel);
        };
        self.engine
            .before_write(&name, || self.inner.read(rel).ok().flatten());
        self.inner.remove(rel)?;
        self.engine.after_write(&name, None);
        Ok(())
    }

    fn change_described(&self, description: &str) {
        self.engine.described(description);
        self.inner.change_described(description);
    }

    // Everything else is the disk's.
    fn read(&self, rel: &Path) -> io::Result<Option<Vec<u8>>> {
        self.inner.read(rel)
    }
    fn list(&self, rel_dir: &Path) -> io::Result<Vec<DirItem>> {
        self.inner.list(rel_dir)
    }
    fn is_symlink(&self, rel: &Path) -> bool {
        self.inner.is_symlink(rel)
    }
    fn link_on_way(&self, rel: &Path) -> Option<(PathBuf, PathBuf)> {
        self.inner.link_on_way(rel)
    }
    fn lock(&self) -> io::Result<Lock> {
        self.inner.lock()
    }
    fn root(&self) -> Option<&Path> {
        self.inner.root()
    }
    fn ensure_dir(&self, rel_dir: &Path) -> io::Result<()> {
        self.inner.ensure_dir(rel_dir)
    }
    fn modified(&self, rel: &Path) -> Option<std::time::SystemTime> {
        self.inner.modified(rel)
    }
    fn lease(&self, rel_dir: &Path) -> io::Result<(String, Lease)> {
        self.inner.lease(rel_dir)
    }
    fn leased(&self, rel: &Path) -> bool {
        self.inner.leased(rel)
    }
    fn sweep_stale_temps(&self, clean: &[&Path]) -> io::Result<usize> {
        self.inner.sweep_stale_temps(clean)
    }
    fn stamp(&self, rel: &Path) -> Option<Stamp> {
        self.inner.stamp(rel)
    }
    fn stamps_in<'a>(&'a self, rel_dir: &Path) -> crate::store::StampsIn<'a> {
        self.inner.stamps_in(rel_dir)
    }
    fn read_stamped(&self, rel: &Path) -> io::Result<Option<(Vec<u8>, Option<Stamp>)>> {
        self.inner.read_stamped(rel)
    }
}
