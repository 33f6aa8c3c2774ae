//! The file-system seam: every byte rolo reads or writes passes through `Fs`, so the store
//! logic above it runs the same against the disk and against the in-memory twin in tests.

use std::io;
use std::path::{Path, PathBuf};

/// One name inside a listed folder.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DirItem {
    pub name: String,
    pub is_dir: bool,
}

/// Held while a read-modify-write is in progress; other rolo processes wait for it.
/// Dropping it releases the lock (closing the file releases an OS lock).
#[derive(Debug)]
pub struct Lock {
    _file: Option<std::fs::File>,
}

impl Lock {
    pub fn none() -> Lock {
        Lock { _file: None }
    }

    pub fn from_file(file: std::fs::File) -> Lock {
        Lock { _file: Some(file) }
    }
}

/// A process's claim on what it writes (its drafts): an exclusive OS lock on a file of its
/// own, held for as long as this value lives. The kernel drops the lock when the process ends
/// in any way (quit, crash, kill -9, power cut), so "is the lock held?" answers "is the owner
/// alive?" with no pid to be reused and no clock to trust. Dropping it removes the file.
#[derive(Debug)]
pub struct Lease {
    file: Option<std::fs::File>,
    path: Option<PathBuf>,
}

impl Lease {
    pub fn none() -> Lease {
        Lease {
            file: None,
            path: None,
        }
    }

    pub fn held(file: std::fs::File, path: PathBuf) -> Lease {
        Lease {
            file: Some(file),
            path: Some(path),
        }
    }
}

impl Drop for Lease {
    fn drop(&mut self) {
        // Removed while still locked, so no one can find it unlocked and think its owner gone
        // while it is still alive; the lock goes with the file handle.
        if let Some(path) = self.path.take() {
            let _ = std::fs::remove_file(path);
        }
        self.file.take();
    }
}

/// `Fs::stamps_in`: the stamp of a file in one folder, by its name.
pub type StampsIn<'a> = Box<dyn Fn(&str) -> Option<Stamp> + Send + Sync + 'a>;

pub trait Fs: Send + Sync {
    /// The file's bytes, or `None` when it does not exist. Paths are relative to the data folder.
    fn read(&self, rel: &Path) -> io::Result<Option<Vec<u8>>>;
    /// Replace (or create) the file so that a reader sees either the old or the new bytes.
    fn write_atomic(&self, rel: &Path, data: &[u8]) -> io::Result<()>;
    /// Several files, each replaced as `write_atomic` replaces one (a reader sees each old
    /// or new, never a mix), for a change that writes many at once (an import): the flushes
    /// to disk are shared. Not one transaction: a crash part-way leaves some files new.
    fn write_atomic_many(&self, files: &[(PathBuf, Vec<u8>)]) -> io::Result<()> {
        files
            .iter()
            .try_for_each(|(rel, data)| self.write_atomic(rel, data))
    }
    fn remove(&self, rel: &Path) -> io::Result<()>;
    /// Names in a folder; an absent folder lists as empty.
    fn list(&self, rel_dir: &Path) -> io::Result<Vec<DirItem>>;
    fn is_symlink(&self, rel: &Path) -> bool;
    /// The first part of `rel` below the data folder (a folder on the way, or the file
    /// itself) that is a symbolic link, and where it points. rolo reads through links but
    /// never writes through them: a link could lead anywhere.
    fn link_on_way(&self, _rel: &Path) -> Option<(PathBuf, PathBuf)> {
        None
    }
    /// Exclusive lock over the whole data folder.
    fn lock(&self) -> io::Result<Lock>;
    /// Where the files live on disk, when they do (for messages and `$EDITOR`).
    fn root(&self) -> Option<&Path>;
    /// Make sure the folder skeleton exists with private permissions.
    fn ensure_dir(&self, rel_dir: &Path) -> io::Result<()>;
    /// Modification stamp used to notice outside edits cheaply; `None` when unknown.
    fn modified(&self, rel: &Path) -> Option<std::time::SystemTime>;
    /// Take a new lease in `rel_dir` (see `Lease`): a file of a unique name, locked by this
    /// process until the lease is dropped. Returns its name. Call it under the folder lock,
    /// so no one sees the new file before it is locked.
    fn lease(&self, _rel_dir: &Path) -> io::Result<(String, Lease)> {
        Err(io::Error::new(
            io::ErrorKind::Unsupported,
            "leases need a folder on disk",
        ))
    }
    /// Whether a live process holds the lease file at `rel`; false when there is none. When
    /// it cannot be told, it counts as held: a draft is then neither offered nor removed.
    fn leased(&self, _rel: &Path) -> bool {
        false
    }
    /// Remove temp files that a killed writer left behind, but only when no other rolo holds
    /// the folder lock (it could be halfway through writing one). Never waits for the lock.
    /// Returns how many were removed. The folders in `clean` are known to hold none (see
    /// `Store::sweep_leftover_temps`) and are not listed.
    fn sweep_stale_temps(&self, _clean: &[&Path]) -> io::Result<usize> {
        Ok(0)
    }
    /// What the derived cache keys a file on (see `store/speed/cache/`); `None` when this file
    /// system cannot tell, which turns the cache off for the file.
    fn stamp(&self, _rel: &Path) -> Option<Stamp> {
        None
    }
    /// The bytes and the stamp taken *before* reading them, so a cached decode can never be
    /// keyed on a stamp newer than its content.
    fn read_stamped(&self, rel: &Path) -> io::Result<Option<(Vec<u8>, Option<Stamp>)>> {
        Ok(self.read(rel)?.map(|b| (b, None)))
    }
    /// `stamp` of the files in the folder `rel_dir`, each asked by its name there: for a
    /// pass over every card. The disk opens the folder once and asks relative to it, which
    /// spares walking the whole path for each file.
    fn stamps_in<'a>(&'a self, rel_dir: &Path) -> StampsIn<'a> {
        let dir = rel_dir.to_path_buf();
        Box::new(move |name| self.stamp(&dir.join(name)))
    }
    /// A change is complete: what was written and removed since the last call is one change,
    /// and `description` says what it was (the line the command line prints). Every operation
    /// ends with this (`ops::finish`). A plain file system has nothing to do; the history
    /// wraps the disk and makes the change one commit (`crate::history`).
    fn change_described(&self, _description: &str) {}
}

/// Size, times and identity of a file, as git's index keys its entries: any write through
/// any path changes at least one of them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Stamp {
    pub size: u64,
    pub mtime_ns: i64,
    pub ctime_ns: i64,
    pub inode: u64,
    pub device: u64,
}

/// Lets a test keep a handle on the files behind a store (to play the outside writer).
impl<T: Fs + ?Sized> Fs for std::sync::Arc<T> {
    fn read(&self, rel: &Path) -> io::Result<Option<Vec<u8>>> {
        (**self).read(rel)
    }
    fn write_atomic(&self, rel: &Path, data: &[u8]) -> io::Result<()> {
        (**self).write_atomic(rel, data)
    }
    fn write_atomic_many(&self, files: &[(PathBuf, Vec<u8>)]) -> io::Result<()> {
        (**self).write_atomic_many(files)
    }
    fn remove(&self, rel: &Path) -> io::Result<()> {
        (**self).remove(rel)
    }
    fn list(&self, rel_dir: &Path) -> io::Result<Vec<DirItem>> {
        (**self).list(rel_dir)
    }
    fn is_symlink(&self, rel: &Path) -> bool {
        (**self).is_symlink(rel)
    }
    fn link_on_way(&self, rel: &Path) -> Option<(PathBuf, PathBuf)> {
        (**self).link_on_way(rel)
    }
    fn lock(&self) -> io::Result<Lock> {
        (**self).lock()
    }
    fn lease(&self, rel_dir: &Path) -> io::Result<(String, Lease)> {
        (**self).lease(rel_dir)
    }
    fn leased(&self, rel: &Path) -> bool {
        (**self).leased(rel)
    }
    fn root(&self) -> Option<&Path> {
        (**self).root()
    }
    fn ensure_dir(&self, rel_dir: &Path) -> io::Result<()> {
        (**self).ensure_dir(rel_dir)
    }
    fn modified(&self, rel: &Path) -> Option<std::time::SystemTime> {
        (**self).modified(rel)
    }
    fn stamp(&self, rel: &Path) -> Option<Stamp> {
        (**self).stamp(rel)
    }
    fn stamps_in<'a>(&'a self, rel_dir: &Path) -> StampsIn<'a> {
        (**self).stamps_in(rel_dir)
    }
    fn read_stamped(&self, rel: &Path) -> io::Result<Option<(Vec<u8>, Option<Stamp>)>> {
        (**self).read_stamped(rel)
    }
    fn sweep_stale_temps(&self, clean: &[&Path]) -> io::Result<usize> {
        (**self).sweep_stale_temps(clean)
    }
    fn change_described(&self, description: &str) {
        (**self).change_described(description)
    }
}

/// Temp files carry this prefix so a crash leftover can be recognised and removed safely.
pub const TEMP_PREFIX: &str = ".rolo-tmp-";

pub fn display_path(fs: &dyn Fs, rel: &Path) -> PathBuf {
    match fs.root() {
        Some(root) => root.join(rel),
        None => rel.to_path_buf(),
    }
}
