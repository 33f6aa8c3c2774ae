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
mod git;
mod intent;
mod lock;
pub mod log;
mod notice;
mod noting;
mod plumbing;
mod repo;
mod reverse;
mod reverse_contact;
mod reverse_month;
mod stack;
pub mod undo;

#[cfg(test)]
mod tests;

pub use commit::FOUND;
pub use config::{Config, GitSetting};

use commit::{Change, Failure, Work};
use committer::Committer;
use intent::Intents;
use lock::HistoryLock;
use notice::{Notices, Once};
use plumbing::Ident;
use repo::{Found, Repo};
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

impl Engine {
    /// The repository, found (and with `create`, made) on first use.
    fn live(&self, create: bool) -> Option<Arc<Live>> {
        let mut state = self.state.lock().ok()?;
        match &*state {
            State::On(live) => return Some(live.clone()),
            State::Off(_) => return None,
            State::Unknown => {}
        }
        let dir = &self.shared.dir;
        let notices = &self.shared.notices;
        let shown = crate::sanitize::inert_line(&dir.to_string_lossy()).into_owned();
        let live = match repo::locate(dir) {
            Found::Own(repo) => Live::new(repo),
            Found::Nested { repo, .. } if self.config.git == GitSetting::On => Live::new(repo),
            Found::Nested { top, .. } => {
                let why = format!(
                    "history is off: {shown} is inside the git repository {}; rolo does not \
                     commit into it unless config.toml says so ([history] git = true)",
                    crate::sanitize::inert_line(&top.to_string_lossy())
                );
                notices.once(Once::Nested, why.clone());
                *state = State::Off(why);
                return None;
            }
            Found::NoGit => {
                let why = "history is off: git is not installed (rolo works as before; with \
                           git it keeps every change, to undo and to read back)"
                    .to_string();
                notices.once(Once::GitMissing, why.clone());
                *state = State::Off(why);
                return None;
            }
            Found::LinkedGit(path) => {
                let why = format!(
                    "history is off: {} is a link, and rolo does not write through links",
                    crate::sanitize::inert_line(&path.to_string_lossy())
                );
                notices.once(Once::LinkedGit, why.clone());
                *state = State::Off(why);
                return None;
            }
            Found::Unusable(e) => {
                let why = format!("history is off: {}", crate::sanitize::inert_line(&e));
                notices.say(why.clone());
                *state = State::Off(why);
                return None;
            }
            Found::NoRepository if !create => return None,
            Found::NoRepository => match repo::init(dir) {
                Ok(repo) => Live::new(repo),
                Err(e) => {
                    let why = format!(
                        "history is off: cannot make a git repository in {shown} ({})",
                        crate::sanitize::inert_line(&e)
                    );
                    notices.say(why.clone());
                    *state = State::Off(why);
                    return None;
                }
            },
        };
        let live = Arc::new(live);
        *state = State::On(live.clone());
        Some(live)
    }

    fn committer(&self) -> &Committer {
        self.committer.get_or_init(|| match self.mode {
            Mode::Now => Committer::now(),
            Mode::Behind => Committer::behind(self.shared.clone()),
        })
    }

    /// A journal file is about to be written: open the change if this is its first write,
    /// and note the file with what it holds now.
    fn before_write(&self, path: &str, now: impl FnOnce() -> Option<Vec<u8>>) {
        let Some(live) = self.live(true) else {
            return;
        };
        if !live.repo.prefix.is_empty() {
            // Committing into the person's repository (they said so): what is not the
            // journal is left out of it from the first write on. Without the file rolo still
            // commits only journal files (`repo::versioned`).
            live.ignored.get_or_init(|| {
                let _ = repo::write_gitignore(&self.shared.dir);
            });
        }
        let Ok(mut open) = self.shared.open.lock() else {
            return;
        };
        let change = open.get_or_insert_with(|| {
            let wait = match self.mode {
                Mode::Now => WAIT_FOR_OTHER,
                // The TUI never waits: its committer takes the lock before committing.
                Mode::Behind => Duration::ZERO,
            };
            Change {
                held: live.lock.acquire(wait),
                ..Change::default()
            }
        });
        if change.before.contains_key(path) {
            return;
        }
        change.before.insert(path.to_string(), now());
        let paths: Vec<String> = change.before.keys().cloned().collect();
        match &mut change.intent {
            Some((id, note)) => {
                note.paths = paths;
                let _ = live.intents.write(id, note);
            }
            None => change.intent = live.intents.create(paths).ok(),
        }
    }

    fn after_write(&self, path: &str, content: Option<Vec<u8>>) {
        if let Ok(mut open) = self.shared.open.lock()
            && let Some(change) = open.as_mut()
        {
            change.after.insert(path.to_string(), content);
        }
    }

    /// The change is complete: to its commit.
    fn described(&self, description: &str) {
        let change = match self.shared.open.lock() {
            Ok(mut open) => open.take(),
            Err(_) => None,
        };
        let Some(mut change) = change else {
            return;
        };
        let Some(live) = self.live(false) else {
            return;
        };
        change.description = description.to_string();
        if let Some((id, note)) = &mut change.intent {
            note.description = Some(change.description.clone());
            let _ = live.intents.write(id, note);
        }
        self.committer().submit(&self.shared, &live, change);
    }

    /// Commit what is pending (killed rolos' changes, outside edits), and wait for it.
    fn catch_up(&self) {
        if let Some(live) = self.live(false) {
            self.committer().catch_up(&self.shared, &live);
        }
    }
}

/// Commit `changes` (with whatever came before them), holding the history lock. On failure
/// their notes stay, marked deferred, for a later commit; the failure is said once.
fn commit_changes(
    shared: &Shared,
    live: &Live,
    changes: &[Change],
    wait: Duration,
) -> Result<(), Failure> {
    let _gate = shared.gate.lock();
    let held_by_all = !changes.is_empty() && changes.iter().all(|c| c.held.is_some());
    let _held = if held_by_all {
        None
    } else {
        match live.lock.acquire(wait) {
            Some(h) => Some(h),
            None => {
                let failure = Failure {
                    kind: "busy",
                    text: "history: another rolo kept the history busy; your change is saved and \
                           will be committed later"
                        .into(),
                };
                defer(shared, live, changes, &failure);
                return Err(failure);
            }
        }
    };
    let ahead = shared
        .ahead
        .lock()
        .ok()
        .and_then(|mut a| a.take())
        .and_then(|h| h.join().ok());
    if let Some(a) = &ahead {
        let _ = live.ident.set(a.ident.clone());
    }
    let disk = crate::store::DiskFs::new(&shared.dir);
    let claimed = |p: &str| shared.claimed(p);
    let work = Work {
        repo: &live.repo,
        intents: &live.intents,
        ident: live.ident(),
        disk: &disk,
        claimed: &claimed,
        wait_index: WAIT_FOR_INDEX,
        now: crate::clock::now(),
        on_disk: ahead.and_then(|a| a.on_disk),
    };
    match commit::commit(&work, changes) {
        Ok(_) => {
            for c in changes {
                if let Some((id, _)) = &c.intent {
                    live.intents.remove(id);
                }
            }
            shared.notices.working();
            Ok(())
        }
        Err(failure) => {
            defer(shared, live, changes, &failure);
            Err(failure)
        }
    }
}

/// Mark the notes of `changes` as complete but not committed, with the bytes each wrote kept
/// beside it (so each is committed as it was, however many follow), and say why once.
fn defer(shared: &Shared, live: &Live, changes: &[Change], failure: &Failure) {
    for c in changes {
        let Some((id, note)) = &c.intent else {
            continue;
        };
        let mut note = note.clone();
        note.description = Some(c.description.clone());
        note.deferred = true;
        note.written.clear();
        for (n, (path, after)) in c.after.iter().enumerate() {
            let kept = match after {
                Some(bytes) => {
                    let name = format!("f{n}");
                    if live.intents.keep(id, &name, bytes).is_err() {
                        // Not kept: the file on disk is what a later commit takes.
                        note.written.clear();
                        break;
                    }
                    Some(name)
                }
                None => None,
            };
            note.written.push(intent::Written {
                path: path.clone(),
                kept,
            });
        }
        let _ = live.intents.write(id, &note);
    }
    shared.notices.failing(
        failure.kind,
        crate::sanitize::inert_line(&failure.text).into_owned(),
    );
}
