//! What the history has to tell the person, and remembering what was said once.
//!
//! "History is off because git is missing" is worth one line, once, not one on every command:
//! a small marker file in the cache folder of the data folder (`paths::cache_dir`, never the
//! data folder itself) remembers it was said. A commit that keeps failing the same way is said
//! once until a commit works again. Without a cache folder it is said each time, which is
//! better than never.

use crate::store::{DiskFs, Fs};
use std::path::{Path, PathBuf};
use std::sync::Mutex;

/// Things said once ever, per data folder.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Once {
    /// No `git` to run.
    GitMissing,
    /// The folder is inside another repository and config.toml did not say to commit there.
    Nested,
    /// The folder's `.git` is a link, which rolo does not write through.
    LinkedGit,
}

impl Once {
    fn marker(self) -> &'static str {
        match self {
            Once::GitMissing => "history-said-git-missing",
            Once::Nested => "history-said-nested",
            Once::LinkedGit => "history-said-linked-git",
        }
    }
}

/// The marker of a commit that failed and has not worked since; it holds the reason's kind.
const FAILING: &str = "history-failing";

#[derive(Debug, Default)]
pub struct Notices {
    /// Where markers are kept; `None` when there is no cache folder.
    dir: Option<PathBuf>,
    pending: Mutex<Vec<String>>,
}

impl Notices {
    pub fn new(dir: Option<PathBuf>) -> Notices {
        Notices {
            dir,
            pending: Mutex::new(Vec::new()),
        }
    }

    fn marker_fs(&self) -> Option<DiskFs> {
        self.dir.as_ref().map(DiskFs::new)
    }

    fn read_marker(&self, name: &str) -> Option<String> {
        let bytes = self.marker_fs()?.read(Path::new(name)).ok()??;
        Some(String::from_utf8_lossy(&bytes).into_owned())
    }

    fn write_marker(&self, name: &str, text: &str) {
        if let Some(fs) = self.marker_fs() {
            // A marker that cannot be written only means it is said again next time.
            let _ = fs.write_atomic(Path::new(name), text.as_bytes());
        }
    }

    /// Say `text`, unless it was said for this folder before.
    pub fn once(&self, what: Once, text: String) {
        if self.read_marker(what.marker()).is_some() {
            return;
        }
        self.write_marker(what.marker(), &text);
        self.say(text);
    }

    /// Say `text` now (and next time too, if it still holds).
    pub fn say(&self, text: String) {
        if let Ok(mut p) = self.pending.lock()
            && !p.contains(&text)
        {
            p.push(text);
        }
    }

    /// A commit failed because of `kind` (a short stable word): said the first time, quiet
    /// while it keeps failing for the same reason.
    pub fn failing(&self, kind: &str, text: String) {
        if self.read_marker(FAILING).as_deref() == Some(kind) {
            return;
        }
        self.write_marker(FAILING, kind);
        self.say(text);
    }

    /// A commit worked: a later failure is news again.
    pub fn working(&self) {
        if let Some(fs) = self.marker_fs()
            && self.read_marker(FAILING).is_some()
        {
            let _ = fs.remove(Path::new(FAILING));
        }
    }

    /// What is waiting to be said, each once; the front door prints or shows it.
    pub fn take(&self) -> Vec<String> {
        self.pending
            .lock()
            .map(|mut p| std::mem::take(&mut *p))
            .unwrap_or_default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn once_is_once_ever_for_the_folder() {
        let dir = tempfile::tempdir().unwrap();
        let first = Notices::new(Some(dir.path().join("c")));
        first.once(Once::GitMissing, "off".into());
        first.once(Once::GitMissing, "off".into());
        assert_eq!(first.take(), ["off"]);
        // A later run (a new process) finds the marker.
        let later = Notices::new(Some(dir.path().join("c")));
        later.once(Once::GitMissing, "off".into());
        later.once(Once::Nested, "nested".into());
        assert_eq!(later.take(), ["nested"]);
    }

    #[test]
    fn a_failure_is_said_once_until_a_commit_works() {
        let dir = tempfile::tempdir().unwrap();
        let n = Notices::new(Some(dir.path().to_path_buf()));
        n.failing("detached", "detached!".into());
        n.failing("detached", "detached!".into());
        assert_eq!(n.take(), ["detached!"]);
        n.failing("locked", "locked!".into());
        assert_eq!(n.take(), ["locked!"]);
        n.working();
        n.failing("locked", "locked!".into());
        assert_eq!(n.take(), ["locked!"]);
    }

    #[test]
    fn without_a_cache_folder_it_is_said_every_time() {
        let n = Notices::new(None);
        n.once(Once::GitMissing, "off".into());
        assert_eq!(n.take(), ["off"]);
        n.once(Once::GitMissing, "off".into());
        assert_eq!(n.take(), ["off"]);
    }
}
