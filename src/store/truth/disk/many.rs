//! Many files written at once (an import of thousands of people), each as atomically and
//! privately as `write_atomic` writes one, with the flushes shared.
//!
//! One file at a time costs two flushes to disk each (the file, then its folder), about 6 ms
//! here: 5,000 people took half a minute. Here every file is written to its own private
//! temp file first, then all are flushed at once, then each is renamed over its target, then
//! each folder is flushed once. A reader still sees every file whole, old or new. A crash
//! part-way leaves some files new and the others old, never one half-written; importing the
//! same file again finishes the job, since an import changes nothing already there.

use super::{DiskFs, TEMP_PREFIX, link_at, outside};
use crate::store::truth::paths;
use std::collections::BTreeSet;
use std::fs::File;
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use tempfile::TempPath;

/// A file written beside its target and not yet renamed over it.
struct Staged {
    temp: TempPath,
    target: PathBuf,
    dir: PathBuf,
}

pub(super) fn write(fs: &DiskFs, files: &[(PathBuf, Vec<u8>)]) -> io::Result<()> {
    let mut staged = Vec::with_capacity(files.len());
    // Every check before any rename: a refused path (a link, a name outside) leaves all the
    // targets untouched, and the temp files already written are removed on the way out.
    for (rel, data) in files {
        staged.push(stage(fs, rel, data)?);
    }
    flush(&staged)?;
    let mut dirs = BTreeSet::new();
    for s in staged {
        s.temp.persist(&s.target).map_err(|e| e.error)?;
        dirs.insert(s.dir);
    }
    for dir in dirs {
        File::open(dir)?.sync_all()?;
    }
    Ok(())
}

/// The same checks as `write_atomic`, then the bytes in a private temp file in the target's
/// real folder (so the rename stays atomic). The file is closed at once: thousands of open
/// files would run into the process's limit.
fn stage(fs: &DiskFs, rel: &Path, data: &[u8]) -> io::Result<Staged> {
    let (Some(parent), Some(name)) = (rel.parent(), rel.file_name()) else {
        return Err(outside(rel));
    };
    if !paths::is_inside(rel) {
        return Err(outside(rel));
    }
    let dir = fs.real_dir(parent, true)?.ok_or_else(|| outside(rel))?;
    let target = dir.join(name);
    if let Some(link) = link_at(&target) {
        return Err(link);
    }
    let mut tmp = tempfile::Builder::new()
        .prefix(TEMP_PREFIX)
        .suffix(".tmp")
        .tempfile_in(&dir)?;
    tmp.write_all(data)?;
    if !ONE_FLUSH {
        tmp.as_file().sync_all()?;
    }
    Ok(Staged {
        temp: tmp.into_temp_path(),
        target,
        dir,
    })
}

/// Linux flushes a whole file system in one call (`syncfs`); elsewhere each file is flushed
/// as it is written.
const ONE_FLUSH: bool = cfg!(target_os = "linux");

#[cfg(target_os = "linux")]
fn flush(staged: &[Staged]) -> io::Result<()> {
    use std::os::fd::AsRawFd;
    // A temp file lives in its target's folder, so flushing the file system of each folder
    // (one, for an import: `contacts/`) flushes them all, whatever is mounted where.
    let dirs: BTreeSet<&Path> = staged.iter().map(|s| s.dir.as_path()).collect();
    for dir in dirs {
        let dir = File::open(dir)?;
        // SAFETY: `syncfs` only reads the descriptor, which `dir` keeps open for the call.
        if unsafe { libc::syncfs(dir.as_raw_fd()) } != 0 {
            return Err(io::Error::last_os_error());
        }
    }
    Ok(())
}

#[cfg(not(target_os = "linux"))]
fn flush(_staged: &[Staged]) -> io::Result<()> {
    Ok(())
}
