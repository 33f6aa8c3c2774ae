//! The real file system: atomic, private writes and a folder lock.
//!
//! Nothing is ever written outside the data folder: every path is checked to be plain names
//! below it (`paths::is_inside`), and no write, delete or lock goes through a symbolic link
//! below it: each folder on the way is looked at with `symlink_metadata`, the lock file is
//! opened with `O_NOFOLLOW`, and temp files and renames happen in the real folder. The data
//! folder itself may be a link (`~/.local/share/rolo` pointing into a synced folder is the
//! person's choice), and so may the folders above it. What is not covered: a process that
//! swaps a checked folder for a link between the check and the write; it would need to be
//! able to write in the data folder already, and so to change any file in it anyway.

mod many;

use super::fs::{DirItem, Fs, Lease, Lock, Stamp, StampsIn, TEMP_PREFIX};
use super::paths;
use std::fs::{self, File, OpenOptions, TryLockError};
use std::io::Read;
use std::io::{self, Write};
use std::os::unix::fs::{DirBuilderExt, MetadataExt, OpenOptionsExt, PermissionsExt};
use std::path::{Path, PathBuf};

#[derive(Debug, Clone)]
pub struct DiskFs {
    root: PathBuf,
}

impl DiskFs {
    pub fn new(root: impl Into<PathBuf>) -> DiskFs {
        DiskFs { root: root.into() }
    }

    /// The folder's write lock, tried until `wait` has passed; `None` when another writer
    /// kept it. For a caller that holds another lock a writer may be waiting for (the
    /// history's, during a sync): blocking here could keep both waiting.
    pub fn lock_within(&self, wait: std::time::Duration) -> io::Result<Option<Lock>> {
        create_private_dir_all(&self.root)?;
        let file = self.open_lock_file()?;
        let until = std::time::Instant::now() + wait;
        loop {
            match file.try_lock() {
                Ok(()) => return Ok(Some(Lock::from_file(file))),
                Err(TryLockError::WouldBlock) if std::time::Instant::now() < until => {
                    std::thread::sleep(std::time::Duration::from_millis(20));
                }
                Err(TryLockError::WouldBlock) => return Ok(None),
                Err(TryLockError::Error(e)) => return Err(e),
            }
        }
    }

    fn full(&self, rel: &Path) -> PathBuf {
        self.root.join(rel)
    }

    /// The folder `rel_dir` on disk, made (`0700`) where missing when `create`, with no link
    /// on the way from the data folder down: the one place a write or a delete may happen.
    /// `Ok(None)` when it is missing and not to be made.
    fn real_dir(&self, rel_dir: &Path, create: bool) -> io::Result<Option<PathBuf>> {
        if !rel_dir.as_os_str().is_empty() && !paths::is_inside(rel_dir) {
            return Err(outside(rel_dir));
        }
        if create {
            create_private_dir_all(&self.root)?;
        } else if !self.root.is_dir() {
            return Ok(None);
        }
        let mut here = self.root.clone();
        for part in rel_dir.components() {
            here.push(part);
            match fs::symlink_metadata(&here) {
                Err(e) if e.kind() == io::ErrorKind::NotFound && create => {
                    match fs::DirBuilder::new().mode(0o700).create(&here) {
                        // Made by another rolo meanwhile: checked below like any folder.
                        Err(e) if e.kind() == io::ErrorKind::AlreadyExists => {}
                        other => other?,
                    }
                    real_folder(&here, fs::symlink_metadata(&here)?)?;
                }
                Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(None),
                Err(e) => return Err(e),
                Ok(meta) => real_folder(&here, meta)?,
            }
        }
        Ok(Some(here))
    }

    /// Remove temp files a killed writer left behind. Only called while holding the lock, when
    /// no other rolo can be halfway through writing one. A folder that is a link is left
    /// alone: its temp files are not ours to remove.
    pub fn remove_stale_temps(&self, rel_dir: &Path) -> io::Result<usize> {
        let Ok(Some(dir)) = self.real_dir(rel_dir, false) else {
            return Ok(0);
        };
        let mut removed = 0;
        for item in self.list(rel_dir)? {
            if !item.is_dir && item.name.starts_with(TEMP_PREFIX) {
                // Removing a name never follows it, even when it is a link.
                match fs::remove_file(dir.join(&item.name)) {
                    Ok(()) => removed += 1,
                    Err(e) if e.kind() == io::ErrorKind::NotFound => {}
                    Err(e) => return Err(e),
                }
            }
        }
        Ok(removed)
    }

    /// The lock file, made `0600` when missing; never followed when it is a link (it could
    /// create or lock a file anywhere).
    fn open_lock_file(&self) -> io::Result<File> {
        self.open_lock(true)
    }

    /// `open_lock_file`, or with `create` false only one that is there already.
    fn open_lock(&self, create: bool) -> io::Result<File> {
        let path = self.root.join(paths::LOCK);
        if let Some(link) = link_at(&path) {
            return Err(link);
        }
        OpenOptions::new()
            .create(create)
            .truncate(false)
            .write(true)
            .mode(0o600)
            .custom_flags(libc::O_NOFOLLOW)
            .open(path)
    }

    /// Whether others than the owner can read or enter the data folder.
    pub fn readable_by_others(&self) -> bool {
        fs::metadata(&self.root)
            .map(|m| m.permissions().mode() & 0o077 != 0)
            .unwrap_or(false)
    }
}

/// Where the link at `path` points, or `None` when `path` is not a link.
fn link_target(path: &Path) -> Option<PathBuf> {
    let meta = fs::symlink_metadata(path).ok()?;
    meta.file_type()
        .is_symlink()
        .then(|| fs::read_link(path).unwrap_or_else(|_| PathBuf::from("?")))
}

/// The refusal for a link at `path`, or `None` when it is not one.
fn link_at(path: &Path) -> Option<io::Error> {
    link_target(path).map(|to| {
        io::Error::other(format!(
            "{} is a link to {}; rolo does not write through links",
            path.display(),
            to.display()
        ))
    })
}

fn real_folder(path: &Path, meta: fs::Metadata) -> io::Result<()> {
    if meta.file_type().is_symlink() {
        return Err(link_at(path).unwrap_or_else(|| io::Error::other("a link")));
    }
    if !meta.is_dir() {
        return Err(io::Error::other(format!(
            "{} is not a folder",
            path.display()
        )));
    }
    Ok(())
}

fn outside(rel: &Path) -> io::Error {
    io::Error::other(format!(
        "{} is not a file inside the data folder; rolo writes only there",
        rel.display()
    ))
}

fn stamp_of(m: &fs::Metadata) -> Stamp {
    let ns = |secs: i64, nsec: i64| secs.saturating_mul(1_000_000_000).saturating_add(nsec);
    Stamp {
        size: m.len(),
        mtime_ns: ns(m.mtime(), m.mtime_nsec()),
        ctime_ns: ns(m.ctime(), m.ctime_nsec()),
        inode: m.ino(),
        device: m.dev(),
    }
}

/// `stamp_of` for what `statat` gives: the same fields, so a stamp taken either way is equal.
#[allow(clippy::unnecessary_cast)] // the fields' types differ between platforms
fn stamp_of_stat(st: &rustix::fs::Stat) -> Stamp {
    let ns = |secs: i64, nsec: i64| secs.saturating_mul(1_000_000_000).saturating_add(nsec);
    Stamp {
        size: st.st_size as u64,
        mtime_ns: ns(st.st_mtime as i64, st.st_mtime_nsec as i64),
        ctime_ns: ns(st.st_ctime as i64, st.st_ctime_nsec as i64),
        inode: st.st_ino as u64,
        device: st.st_dev as u64,
    }
}

/// Replace `target` so a reader sees the old bytes or the new, never a mix: a private temp
/// file in the same folder, flushed to disk, renamed over it, and the folder flushed too, so
/// the change survives a power cut; missing folders are created `0700`. The derived cache
/// writes the same way: the flushes cost it only when it writes, which is once per changed
/// file, and it keeps one rule for every file rolo writes.
pub(in crate::store) fn write_atomic_at(target: &Path, data: &[u8]) -> io::Result<()> {
    let dir = target
        .parent()
        .ok_or_else(|| io::Error::other("a file needs a folder"))?;
    create_private_dir_all(dir)?;
    // tempfile creates the file 0600 in the same folder, so the rename stays atomic.
    let mut tmp = tempfile::Builder::new()
        .prefix(TEMP_PREFIX)
        .suffix(".tmp")
        .tempfile_in(dir)?;
    tmp.write_all(data)?;
    tmp.as_file().sync_all()?;
    tmp.persist(target).map_err(|e| e.error)?;
    File::open(dir)?.sync_all()
}

pub(in crate::store) fn create_private_dir_all(path: &Path) -> io::Result<()> {
    if path.is_dir() {
        return Ok(());
    }
    fs::DirBuilder::new()
        .recursive(true)
        .mode(0o700)
        .create(path)
}

impl Fs for DiskFs {
    fn read(&self, rel: &Path) -> io::Result<Option<Vec<u8>>> {
        match fs::read(self.full(rel)) {
            Ok(bytes) => Ok(Some(bytes)),
            Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(None),
            Err(e) => Err(e),
        }
    }

    fn write_atomic(&self, rel: &Path, data: &[u8]) -> io::Result<()> {
        let (Some(parent), Some(name)) = (rel.parent(), rel.file_name()) else {
            return Err(outside(rel));
        };
        if !paths::is_inside(rel) {
            return Err(outside(rel));
        }
        let dir = self.real_dir(parent, true)?.ok_or_else(|| outside(rel))?;
        let target = dir.join(name);
        // The rename would replace the link rather than follow it, but the person made the
        // link for a reason: say so instead of undoing it.
        if let Some(link) = link_at(&target) {
            return Err(link);
        }
        write_atomic_at(&target, data)
    }

    fn write_atomic_many(&self, files: &[(PathBuf, Vec<u8>)]) -> io::Result<()> {
        many::write(self, files)
    }

    fn remove(&self, rel: &Path) -> io::Result<()> {
        let (Some(parent), Some(name)) = (rel.parent(), rel.file_name()) else {
            return Err(outside(rel));
        };
        if !paths::is_inside(rel) {
            return Err(outside(rel));
        }
        // A missing folder holds nothing to remove.
        let Some(dir) = self.real_dir(parent, false)? else {
            return Ok(());
        };
        // Removing a name never follows it; a link named so would only lose its name.
        match fs::remove_file(dir.join(name)) {
            Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(()),
            other => other,
        }?;
        File::open(&dir)?.sync_all()
    }

    fn list(&self, rel_dir: &Path) -> io::Result<Vec<DirItem>> {
        let read = match fs::read_dir(self.full(rel_dir)) {
            Ok(r) => r,
            Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(Vec::new()),
            Err(e) => return Err(e),
        };
        let mut items = Vec::new();
        for item in read {
            let item = item?;
            // A name that is not UTF-8 cannot be one of ours; skip it rather than fail the load.
            let Ok(name) = item.file_name().into_string() else {
                continue;
            };
            let is_dir = item.file_type().map(|t| t.is_dir()).unwrap_or(false);
            items.push(DirItem { name, is_dir });
        }
        items.sort_by(|a, b| a.name.cmp(&b.name));
        Ok(items)
    }

    fn is_symlink(&self, rel: &Path) -> bool {
        fs::symlink_metadata(self.full(rel))
            .map(|m| m.file_type().is_symlink())
            .unwrap_or(false)
    }

    fn link_on_way(&self, rel: &Path) -> Option<(PathBuf, PathBuf)> {
        let mut here = PathBuf::new();
        for part in rel.components() {
            here.push(part);
            let full = self.full(&here);
            match fs::symlink_metadata(&full) {
                Ok(m) if m.file_type().is_symlink() => {
                    return link_target(&full).map(|to| (here, to));
                }
                Ok(_) => {}
                // Nothing further exists, so nothing further is a link.
                Err(_) => return None,
            }
        }
        None
    }

    fn lock(&self) -> io::Result<Lock> {
        create_private_dir_all(&self.root)?;
        let file = self.open_lock_file()?;
        file.lock()?;
        Ok(Lock::from_file(file))
    }

    fn lease(&self, rel_dir: &Path) -> io::Result<(String, Lease)> {
        let dir = self.full(rel_dir);
        if fs::symlink_metadata(&dir).is_ok_and(|m| m.file_type().is_symlink()) {
            return Err(io::Error::other(format!(
                "{} is a symbolic link; rolo does not write through links",
                dir.display()
            )));
        }
        create_private_dir_all(&dir)?;
        // A random name made with O_EXCL (tempfile), private (0600); only letters and digits,
        // so it can be written into a draft and checked when read back.
        let (mut file, path) = tempfile::Builder::new()
            .prefix("")
            .suffix(".lease")
            .rand_bytes(20)
            .tempfile_in(&dir)?
            .keep()
            .map_err(|e| e.error)?;
        if let Err(e) = file.try_lock() {
            let _ = fs::remove_file(&path);
            return Err(match e {
                TryLockError::WouldBlock => io::Error::other("a new lease was locked by another"),
                TryLockError::Error(e) => e,
            });
        }
        // For a person looking in the folder; nothing reads it.
        let _ = writeln!(file, "pid = {}", std::process::id());
        let name = path
            .file_stem()
            .and_then(|n| n.to_str())
            .unwrap_or_default()
            .to_string();
        Ok((name, Lease::held(file, path)))
    }

    fn leased(&self, rel: &Path) -> bool {
        let file = match File::open(self.full(rel)) {
            Ok(f) => f,
            Err(e) if e.kind() == io::ErrorKind::NotFound => return false,
            Err(_) => return true,
        };
        // Taking the lock succeeds only when its owner is gone; it is let go at once.
        !matches!(file.try_lock(), Ok(()))
    }

    fn root(&self) -> Option<&Path> {
        Some(&self.root)
    }

    fn ensure_dir(&self, rel_dir: &Path) -> io::Result<()> {
        self.real_dir(rel_dir, true).map(|_| ())
    }

    fn modified(&self, rel: &Path) -> Option<std::time::SystemTime> {
        fs::metadata(self.full(rel)).and_then(|m| m.modified()).ok()
    }

    fn stamp(&self, rel: &Path) -> Option<Stamp> {
        fs::metadata(self.full(rel)).ok().map(|m| stamp_of(&m))
    }

    fn stamps_in<'a>(&'a self, rel_dir: &Path) -> StampsIn<'a> {
        match File::open(self.full(rel_dir)) {
            // As `stamp`: links followed, a file that cannot be looked at has none.
            Ok(dir) => Box::new(move |name| {
                let st = rustix::fs::statat(&dir, name, rustix::fs::AtFlags::empty()).ok()?;
                Some(stamp_of_stat(&st))
            }),
            Err(_) => {
                let dir = rel_dir.to_path_buf();
                Box::new(move |name| self.stamp(&dir.join(name)))
            }
        }
    }

    fn read_stamped(&self, rel: &Path) -> io::Result<Option<(Vec<u8>, Option<Stamp>)>> {
        let mut file = match File::open(self.full(rel)) {
            Ok(f) => f,
            Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(None),
            Err(e) => return Err(e),
        };
        let meta = file.metadata()?;
        let mut bytes = Vec::with_capacity(usize::try_from(meta.len()).unwrap_or(0));
        file.read_to_end(&mut bytes)?;
        Ok(Some((bytes, Some(stamp_of(&meta)))))
    }

    fn sweep_stale_temps(&self, clean: &[&Path]) -> io::Result<usize> {
        // Looking must not create the data folder: `rolo list` on a new machine writes nothing.
        if !self.root.is_dir() {
            return Ok(0);
        }
        // Every save takes the lock, which makes its file: with none, no rolo has written
        // here, so no save was cut short, and looking leaves the folder as it was (`rolo list`
        // in a folder rolo never wrote does not make a `.lock` in it).
        let file = match self.open_lock(false) {
            Ok(file) => file,
            Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(0),
            Err(e) => return Err(e),
        };
        match file.try_lock() {
            Ok(()) => {}
            // Another rolo is writing; its temp file is live. The next start sweeps instead.
            Err(TryLockError::WouldBlock) => return Ok(0),
            Err(TryLockError::Error(e)) => return Err(e),
        }
        let _lock = Lock::from_file(file);
        let journal = Path::new(paths::JOURNAL);
        // The folder itself too: `.gitignore` and `.gitattributes` are written there (by the
        // history, outside the lock: at worst a write racing this sweep fails, is said once
        // and is made again at the next start).
        let mut removed = 0;
        for dir in ["", paths::CONTACTS, paths::DRAFTS].map(Path::new) {
            if !clean.contains(&dir) {
                removed += self.remove_stale_temps(dir)?;
            }
        }
        // A journal folder that is a link lists nothing to sweep.
        let years = match self.real_dir(journal, false) {
            Ok(Some(_)) => self.list(journal)?,
            _ => Vec::new(),
        };
        for year in years.into_iter().filter(|i| i.is_dir) {
            removed += self.remove_stale_temps(&journal.join(&year.name))?;
        }
        Ok(removed)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A stamp asked relative to the folder equals one asked by path, for every kind of
    /// name a contacts folder holds: a card, one named in another script, a link to a card
    /// and one to nothing, a folder, a name that is not there; and where the folder cannot
    /// be opened, each is still asked by its path.
    #[test]
    fn stamps_in_a_folder_equal_stamps_by_path() {
        let dir = tempfile::tempdir().unwrap();
        let fs = DiskFs::new(dir.path());
        let contacts = dir.path().join("contacts");
        std::fs::create_dir(&contacts).unwrap();
        std::fs::write(contacts.join("ada.toml"), "name = \"Ada\"\n").unwrap();
        std::fs::write(contacts.join("zoë-мюллер.toml"), "name = \"Zoë\"\n").unwrap();
        std::os::unix::fs::symlink(contacts.join("ada.toml"), contacts.join("link.toml")).unwrap();
        std::os::unix::fs::symlink(contacts.join("gone"), contacts.join("dangling.toml")).unwrap();
        std::fs::create_dir(contacts.join("folder.toml")).unwrap();
        let names = [
            "ada.toml",
            "zoë-мюллер.toml",
            "link.toml",
            "dangling.toml",
            "folder.toml",
            "missing.toml",
        ];
        let stamps = fs.stamps_in(Path::new("contacts"));
        for name in names {
            let by_path = fs.stamp(&Path::new("contacts").join(name));
            assert_eq!(stamps(name), by_path, "{name}");
        }
        assert!(stamps("ada.toml").is_some());
        assert_eq!(stamps("missing.toml"), None);
        let nowhere = fs.stamps_in(Path::new("no-such-folder"));
        assert_eq!(nowhere("ada.toml"), None);
    }
}
