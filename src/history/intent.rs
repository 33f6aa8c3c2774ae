//! Intents: before a change reaches a data file, a small note in `.git/rolo/pending/` says
//! which files it is about to write (and, once known, what the change was). After its commit
//! the note goes. A rolo killed between the write and the commit leaves its note behind, and
//! the next rolo commits those files under that description instead of calling them outside
//! edits.
//!
//! Whether the writer is still alive is told the way drafts tell it (`store::drafts`): each
//! rolo holds a lease, an OS lock on a file of its own that the kernel lets go of however the
//! process ends, and names it in its notes. A pid alone could be reused; it is written too,
//! for a person looking in the folder.
//!
//! The notes are advisory, so they are written atomically (a temp file renamed into place)
//! but not flushed to disk: after a power cut, a lost note only means the files are committed
//! as outside edits.

use crate::store::{DiskFs, Fs, Lease};
use serde::{Deserialize, Serialize};
use std::io::{self, Write};
use std::os::unix::fs::DirBuilderExt;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;
use std::sync::atomic::{AtomicU64, Ordering};

/// One note, as written.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Intent {
    /// For a person looking; liveness is the lease's.
    #[serde(default)]
    pub pid: u32,
    /// The writer's lease name.
    #[serde(default)]
    pub owner: String,
    /// Files of the data folder the change writes or removes.
    #[serde(default)]
    pub paths: Vec<String>,
    /// What the change was, once it is complete.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// The change is complete and its commit failed (not a crash): caught up under its own
    /// description, without "recovered".
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub deferred: bool,
    /// For a deferred change, the bytes it wrote, kept beside the note: a later change may
    /// rewrite the same file before the commit is caught up, and each commit must hold its own.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub written: Vec<Written>,
}

/// One file a deferred change wrote: its bytes kept under `kept` in the note's folder, or
/// removed (`kept` absent).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Written {
    pub path: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kept: Option<String>,
}

/// A note's file name inside the pending folder.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct IntentId(String);

const PENDING: &str = "pending";

/// The notes of one repository, and this process's lease among them.
pub struct Intents {
    /// `.git/rolo`.
    rolo_dir: PathBuf,
    lease: OnceLock<Option<(String, Lease)>>,
    seq: AtomicU64,
}

/// A lease name as `DiskFs::lease` makes them: letters and digits, so it names no path.
fn valid_owner(owner: &str) -> bool {
    (1..=64).contains(&owner.len()) && owner.bytes().all(|b| b.is_ascii_alphanumeric())
}

impl Intents {
    pub fn new(rolo_dir: PathBuf) -> Intents {
        Intents {
            rolo_dir,
            lease: OnceLock::new(),
            seq: AtomicU64::new(0),
        }
    }

    fn dir(&self) -> PathBuf {
        self.rolo_dir.join(PENDING)
    }

    /// This process's lease name, taken with its first note.
    fn owner(&self) -> Option<&str> {
        self.lease
            .get_or_init(|| {
                let (name, lease) = DiskFs::new(&self.rolo_dir).lease(Path::new(PENDING)).ok()?;
                valid_owner(&name).then_some((name, lease))
            })
            .as_ref()
            .map(|(n, _)| n.as_str())
    }

    fn ours(&self, intent: &Intent) -> bool {
        self.lease
            .get()
            .and_then(|l| l.as_ref())
            .is_some_and(|(n, _)| *n == intent.owner)
    }

    /// Whether the writer of `intent` is still running (another rolo, or this one).
    pub fn alive(&self, intent: &Intent) -> bool {
        if self.ours(intent) {
            return true;
        }
        valid_owner(&intent.owner)
            && DiskFs::new(&self.rolo_dir)
                .leased(&Path::new(PENDING).join(format!("{}.lease", intent.owner)))
    }

    /// A new note for a change that is about to write `paths`.
    pub fn create(&self, paths: Vec<String>) -> io::Result<(IntentId, Intent)> {
        let owner = self
            .owner()
            .ok_or_else(|| io::Error::other("no lease for the history's notes"))?
            .to_string();
        let nanos = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.as_nanos())
            .unwrap_or_default();
        let pid = std::process::id();
        let seq = self.seq.fetch_add(1, Ordering::Relaxed);
        // Named so that sorting the names sorts the notes by when they were made.
        let id = IntentId(format!("{nanos:020}-{pid}-{seq:06}.toml"));
        let intent = Intent {
            pid,
            owner,
            paths,
            ..Intent::default()
        };
        self.write(&id, &intent)?;
        Ok((id, intent))
    }

    /// Write the note again (more paths, the description, deferred).
    pub fn write(&self, id: &IntentId, intent: &Intent) -> io::Result<()> {
        let text = toml::to_string(intent).map_err(io::Error::other)?;
        let dir = self.dir();
        std::fs::DirBuilder::new()
            .recursive(true)
            .mode(0o700)
            .create(&dir)?;
        // tempfile makes the file 0600; the rename makes it whole or absent, never half.
        let mut tmp = tempfile::Builder::new()
            .prefix(".tmp-")
            .suffix(".toml")
            .tempfile_in(&dir)?;
        tmp.write_all(text.as_bytes())?;
        tmp.persist(dir.join(&id.0)).map_err(|e| e.error)?;
        Ok(())
    }

    pub fn remove(&self, id: &IntentId) {
        let _ = std::fs::remove_file(self.dir().join(&id.0));
        let _ = std::fs::remove_dir_all(self.kept_dir(id));
    }

    /// The folder beside a note where a deferred change's bytes are kept.
    fn kept_dir(&self, id: &IntentId) -> PathBuf {
        let stem = id.0.strip_suffix(".toml").unwrap_or(&id.0);
        self.dir().join(format!("{stem}.d"))
    }

    /// Keep `bytes` beside the note, under `name` (a plain name rolo makes).
    pub fn keep(&self, id: &IntentId, name: &str, bytes: &[u8]) -> io::Result<()> {
        let dir = self.kept_dir(id);
        std::fs::DirBuilder::new()
            .recursive(true)
            .mode(0o700)
            .create(&dir)?;
        let mut tmp = tempfile::Builder::new().prefix(".tmp-").tempfile_in(&dir)?;
        tmp.write_all(bytes)?;
        tmp.persist(dir.join(name)).map_err(|e| e.error)?;
        Ok(())
    }

    /// Bytes kept beside a note; `None` when they cannot be read (or `name` is no plain name).
    pub fn kept(&self, id: &IntentId, name: &str) -> Option<Vec<u8>> {
        if name.is_empty() || !name.bytes().all(|b| b.is_ascii_alphanumeric()) {
            return None;
        }
        std::fs::read(self.kept_dir(id).join(name)).ok()
    }

    /// Every note there is, oldest first. A note that does not read is left out: its files
    /// are then committed as outside edits, which loses nothing.
    pub fn all(&self) -> Vec<(IntentId, Intent)> {
        let Ok(items) = std::fs::read_dir(self.dir()) else {
            return Vec::new();
        };
        let mut notes: Vec<(IntentId, Intent)> = items
            .flatten()
            .filter_map(|item| {
                let name = item.file_name().into_string().ok()?;
                if name.starts_with('.') || !name.ends_with(".toml") {
                    return None;
                }
                let text = std::fs::read_to_string(item.path()).ok()?;
                let intent: Intent = toml::from_str(&text).ok()?;
                Some((IntentId(name), intent))
            })
            .collect();
        notes.sort_by(|a, b| a.0.cmp(&b.0));
        notes
    }

    /// Remove the lease files of rolos that are gone and whose notes have all been caught up.
    pub fn sweep_leases(&self) {
        let disk = DiskFs::new(&self.rolo_dir);
        let Ok(items) = disk.list(Path::new(PENDING)) else {
            return;
        };
        let notes = self.all();
        for item in items {
            let Some(owner) = item.name.strip_suffix(".lease") else {
                continue;
            };
            let rel = Path::new(PENDING).join(&item.name);
            let named = notes.iter().any(|(_, n)| n.owner == owner);
            if valid_owner(owner) && !named && !disk.leased(&rel) {
                let _ = disk.remove(&rel);
            }
        }
    }
}

impl std::fmt::Debug for Intents {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Intents")
            .field("rolo_dir", &self.rolo_dir)
            .finish_non_exhaustive()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_note_is_written_read_back_and_removed() {
        let dir = tempfile::tempdir().unwrap();
        let notes = Intents::new(dir.path().join("rolo"));
        let (id, mut intent) = notes.create(vec!["contacts/ada.toml".into()]).unwrap();
        assert_eq!(intent.pid, std::process::id());
        assert!(notes.alive(&intent), "our own note is alive");
        intent.description = Some("need #1 recorded for Ada".into());
        notes.write(&id, &intent).unwrap();
        assert_eq!(notes.all(), vec![(id.clone(), intent.clone())]);
        // Another process's view: the lease is held, so the writer is alive.
        let other = Intents::new(dir.path().join("rolo"));
        assert!(other.alive(&intent));
        notes.remove(&id);
        assert!(notes.all().is_empty());
    }

    #[test]
    fn a_note_whose_writer_is_gone_is_dead() {
        let dir = tempfile::tempdir().unwrap();
        let rolo = dir.path().join("rolo");
        let notes = Intents::new(rolo.clone());
        // As kill -9 leaves it: the note, and its writer's lease file with no lock on it.
        std::fs::create_dir_all(rolo.join(PENDING)).unwrap();
        std::fs::write(rolo.join(PENDING).join("gone1.lease"), "pid = 1\n").unwrap();
        let dead = Intent {
            pid: 1,
            owner: "gone1".into(),
            paths: vec!["journal/2026/2026-11.toml".into()],
            ..Intent::default()
        };
        let id = IntentId("00000000000000000001-1-000000.toml".into());
        notes.write(&id, &dead).unwrap();
        assert!(!notes.alive(&dead));
        assert_eq!(notes.all(), vec![(id.clone(), dead)]);
        std::fs::write(rolo.join(PENDING).join("x.toml"), "pid = \"no\"").unwrap();
        assert_eq!(
            notes.all().len(),
            1,
            "a note that does not read is left out"
        );
        // Its lease file goes once no note names it.
        notes.sweep_leases();
        assert!(rolo.join(PENDING).join("gone1.lease").exists());
        notes.remove(&id);
        notes.sweep_leases();
        assert!(!rolo.join(PENDING).join("gone1.lease").exists());
    }
}
