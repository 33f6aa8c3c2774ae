//! The history lock: one rolo at a time between its first write of a change and that change's
//! commit, so each commit holds exactly its own change and commits land in the order the
//! writes did. An OS lock on `.git/rolo/lock`, so a rolo that is killed lets go of it at once.
//!
//! It is taken with a bounded wait, never forever: a rolo that cannot have it in time saves
//! anyway (the TOML is the truth) and leaves its commit to be caught up later.

use std::fs::{File, OpenOptions, TryLockError};
use std::os::unix::fs::{DirBuilderExt, OpenOptionsExt};
use std::path::PathBuf;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

#[derive(Debug)]
pub struct HistoryLock {
    path: PathBuf,
    state: Mutex<State>,
}

#[derive(Debug, Default)]
struct State {
    file: Option<File>,
    /// How many `Held` values are alive in this process; the lock goes with the last.
    holders: usize,
}

/// This process holds the history lock while a `Held` lives (several may, from one process).
#[derive(Debug)]
pub struct Held {
    lock: Arc<HistoryLock>,
}

impl Drop for Held {
    fn drop(&mut self) {
        if let Ok(mut s) = self.lock.state.lock() {
            s.holders = s.holders.saturating_sub(1);
            if s.holders == 0 {
                // Closing the file lets go of the OS lock.
                s.file = None;
            }
        }
    }
}

impl HistoryLock {
    pub fn new(path: PathBuf) -> Arc<HistoryLock> {
        Arc::new(HistoryLock {
            path,
            state: Mutex::new(State::default()),
        })
    }

    fn open(&self) -> std::io::Result<File> {
        if let Some(dir) = self.path.parent() {
            std::fs::DirBuilder::new()
                .recursive(true)
                .mode(0o700)
                .create(dir)?;
        }
        OpenOptions::new()
            .create(true)
            .truncate(false)
            .write(true)
            .mode(0o600)
            .custom_flags(libc::O_NOFOLLOW)
            .open(&self.path)
    }

    /// Hold the lock, waiting at most `wait` for another rolo to let go; `None` when it did
    /// not, or the lock file cannot be opened (then there is no one to wait for either way).
    pub fn acquire(self: &Arc<Self>, wait: Duration) -> Option<Held> {
        let deadline = Instant::now() + wait;
        let mut pause = Duration::from_millis(1);
        loop {
            {
                let mut s = self.state.lock().ok()?;
                if s.file.is_some() {
                    s.holders += 1;
                    return Some(Held { lock: self.clone() });
                }
                let file = self.open().ok()?;
                match file.try_lock() {
                    Ok(()) => {
                        s.file = Some(file);
                        s.holders = 1;
                        return Some(Held { lock: self.clone() });
                    }
                    Err(TryLockError::WouldBlock) => {}
                    Err(TryLockError::Error(_)) => return None,
                }
            }
            let now = Instant::now();
            if now >= deadline {
                return None;
            }
            std::thread::sleep(pause.min(deadline - now));
            pause = (pause * 2).min(Duration::from_millis(50));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_process_holds_it_once_and_lets_go_with_the_last_holder() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("rolo/lock");
        let ours = HistoryLock::new(path.clone());
        let a = ours.acquire(Duration::ZERO).expect("free");
        let b = ours.acquire(Duration::ZERO).expect("ours already");
        // Another holder (another process, as far as the OS is concerned) must wait.
        let theirs = HistoryLock::new(path);
        assert!(theirs.acquire(Duration::from_millis(20)).is_none());
        drop(a);
        assert!(theirs.acquire(Duration::ZERO).is_none(), "b still holds it");
        drop(b);
        assert!(theirs.acquire(Duration::ZERO).is_some());
    }
}
