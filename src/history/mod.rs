//! The history of the journal: the data folder is a git repository and every change is one
//! commit, so any change can be read back, and undone, after a restart, from either door.
//!
//! - `git` runs the `git` command line (never a library), `repo` finds or makes the
//!   repository, `config` reads `[history]` from config.toml, `notice` says what is worth
//!   saying once.
//! - `noting` wraps the store's file system: the files a change writes, before and after;
//!   `intent` notes them in `.git/rolo/pending/` before they are written, so a rolo killed
//!   mid-change is caught up by the next; `lock` keeps one rolo at a time between a change's
//!   first write and its commit.
//! - `commit` and `plumbing` make the commits; `committer` makes them now (the command line)
//!   or on a thread of their own (the TUI, whose save must not wait for git).
//! - `stack`, `reverse_*` and `undo` read the history back and take a change back as a new
//!   commit; `log` lists it.
//!
//! The TOML files stay the truth: a write always happens first, and a commit that fails (a
//! locked index, a detached HEAD, a full disk) is said once and caught up by a later one.

mod commit;
mod committer;
pub mod config;
mod engine;
mod git;
mod intent;
mod lock;
pub mod log;
pub mod merge;
mod notice;
mod noting;
mod plumbing;
mod read_at;
mod repo;
mod reverse;
mod reverse_contact;
mod reverse_month;
mod stack;
pub mod sync;
pub mod undo;

#[cfg(test)]
mod tests;

pub use commit::FOUND;
pub use config::{Config, GitSetting};

use commit::Change;
use committer::Committer;
use engine::commit_changes;
use intent::Intents;
use lock::HistoryLock;
use notice::Notices;
use plumbing::Ident;
use repo::Repo;
use std::path::PathBuf;
use std::sync::{Arc, Mutex, OnceLock};
use std::time::Duration;

/// When a change is committed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// Before the operation returns: the command line.
    Now,
    /// On a thread of its own: the TUI, whose save must stay instant.
    Behind,
}

/// How long a writer waits for another rolo's commit before saving anyway.
const WAIT_FOR_OTHER: Duration = Duration::from_secs(5);
/// How long a commit waits for another git to let go of the index.
const WAIT_FOR_INDEX: Duration = Duration::from_secs(1);

/// What the history needs to know to start.
#[derive(Debug, Clone)]
pub struct Settings {
    /// The data folder, absolute.
    pub dir: PathBuf,
    pub config: Config,
    /// Where to remember what was said once (`paths::cache_dir`); `None`: say it each time.
    pub cache: Option<PathBuf>,
    pub mode: Mode,
}

/// The history of one data folder. Cheap to clone; all clones are the same history.
#[derive(Clone)]
pub struct History {
    engine: Arc<Engine>,
}

/// Why there is no history.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Off {
    /// Nothing was written yet: the repository is made with the first change.
    NotYet,
    /// The reason, as said to the person.
    Because(String),
}

/// The repository and what works in it, once it is known to be on.
pub(crate) struct Live {
    repo: Repo,
    intents: Intents,
    lock: Arc<HistoryLock>,
    ident: OnceLock<Ident>,
    /// The data folder's `.gitignore` was looked at by this process's first write.
    ignored: OnceLock<()>,
}

impl Live {
    fn new(repo: Repo) -> Live {
        let rolo = repo.rolo_dir();
        Live {
            intents: Intents::new(rolo.clone()),
            lock: HistoryLock::new(rolo.join("lock")),
            repo,
            ident: OnceLock::new(),
            ignored: OnceLock::new(),
        }
    }

    fn ident(&self) -> &Ident {
        self.ident.get_or_init(|| Ident::of(&self.repo.git))
    }
}

enum State {
    Unknown,
    Off(String),
    On(Arc<Live>),
}

/// What the history shares between the store's writes, the committer and the front door.
pub(crate) struct Shared {
    dir: PathBuf,
    notices: Notices,
    /// The change being written now (its first write done, its description not yet given).
    open: Mutex<Option<Change>>,
    /// One commit at a time in this process (the history lock is the process's, so it does
    /// not keep the TUI's committer thread and an undo apart).
    gate: Mutex<()>,
    /// `git status` (and who commits), asked ahead while the command loads (`prefetch`).
    ahead: Mutex<Option<std::thread::JoinHandle<Ahead>>>,
}

/// What is asked of git ahead of the first commit.
struct Ahead {
    on_disk: Option<Vec<String>>,
    ident: Ident,
}

impl Shared {
    /// Whether a change still being written holds `path`.
    fn claimed(&self, path: &str) -> bool {
        self.open
            .lock()
            .map(|o| o.as_ref().is_some_and(|c| c.before.contains_key(path)))
            .unwrap_or(false)
    }
}

pub(crate) struct Engine {
    config: Config,
    mode: Mode,
    shared: Arc<Shared>,
    state: Mutex<State>,
    committer: OnceLock<Committer>,
}

impl History {
    /// The history of `settings.dir`. Nothing runs yet: git is asked only when needed.
    pub fn open(settings: Settings) -> History {
        let notices = Notices::new(settings.cache);
        for problem in &settings.config.problems {
            notices.say(problem.clone());
        }
        let state = if settings.config.git == GitSetting::Off {
            State::Off("history is off in config.toml ([history] git = false)".into())
        } else {
            State::Unknown
        };
        History {
            engine: Arc::new(Engine {
                config: settings.config,
                mode: settings.mode,
                shared: Arc::new(Shared {
                    dir: settings.dir,
                    notices,
                    open: Mutex::new(None),
                    gate: Mutex::new(()),
                    ahead: Mutex::new(None),
                }),
                state: Mutex::new(state),
                committer: OnceLock::new(),
            }),
        }
    }

    /// The store's file system with the history listening (see `noting`).
    pub fn wrap(&self, fs: Box<dyn crate::store::Fs>) -> Box<dyn crate::store::Fs> {
        Box::new(noting::NotingFs::new(fs, self.engine.clone()))
    }

    /// At start: commit what a killed rolo left (always), and with `outside`, what was edited
    /// outside rolo too. Costs nothing in a folder with no repository.
    pub fn start(&self, outside: bool) {
        let e = &self.engine;
        let has_own = e.shared.dir.join(".git").exists();
        if !has_own && e.config.git != GitSetting::On {
            return;
        }
        let Some(live) = e.live(false) else {
            return;
        };
        let crashed = live
            .intents
            .all()
            .iter()
            .any(|(_, n)| !live.intents.alive(n));
        if outside || crashed {
            e.catch_up();
        }
    }

    /// The TUI's watcher saw journal files change that rolo did not write (a hand edit, a
    /// `git pull`): commit them now as "edited outside rolo: …", apart from rolo's own
    /// changes. Behind in the TUI (its committer's thread), so the caller never waits for git;
    /// a file another rolo wrote is that rolo's own commit already and shows as no change.
    pub fn outside_edits(&self) {
        let e = &self.engine;
        if !e.shared.dir.join(".git").exists() && e.config.git != GitSetting::On {
            return;
        }
        e.catch_up();
    }

    /// A command that will commit (a change, or undo, redo, log): ask git what changed on
    /// disk and who commits now, on a thread, while the journal loads; the first commit
    /// uses the answers. Nothing when there is no repository yet.
    pub fn prefetch(&self) {
        let e = &self.engine;
        if !e.shared.dir.join(".git").exists() && e.config.git != GitSetting::On {
            return;
        }
        let Some(live) = e.live(false) else {
            return;
        };
        let spawned = std::thread::Builder::new()
            .name("rolo-history-ahead".into())
            .spawn(move || Ahead {
                on_disk: plumbing::changed_on_disk(&live.repo).ok(),
                ident: live.ident().clone(),
            });
        if let (Ok(handle), Ok(mut ahead)) = (spawned, e.shared.ahead.lock()) {
            *ahead = Some(handle);
        }
    }

    /// Why there is no history, or `None` when there is one (made now if need be: only for
    /// the history's own commands, which say why it is off).
    pub fn off(&self) -> Option<Off> {
        match self.engine.live(false) {
            Some(_) => None,
            None => Some(match &*self.engine.state.lock().ok()? {
                State::Off(why) => Off::Because(why.clone()),
                _ => Off::NotYet,
            }),
        }
    }

    /// What is waiting to be said (each once); the front door prints or shows it.
    pub fn notices(&self) -> Vec<String> {
        self.engine.shared.notices.take()
    }

    /// Wait, at most `wait`, for commits still on their way (the TUI's, at exit).
    pub fn finish(&self, wait: Duration) {
        if let Some(c) = self.engine.committer.get() {
            c.flush(wait);
        }
    }

    pub(crate) fn engine(&self) -> &Arc<Engine> {
        &self.engine
    }
}
