//! The engine behind `History`: finding (or making) the repository on first use, and the
//! write path of a change (its first write, its bytes, its description, its commit).

use super::commit::{self, Change, Failure, Work};
use super::committer::Committer;
use super::notice::Once;
use super::repo::{self, Found};
use super::{
    Engine, GitSetting, Live, Mode, Shared, State, WAIT_FOR_INDEX, WAIT_FOR_OTHER, intent,
};
use std::sync::Arc;
use std::time::Duration;

impl Engine {
    /// The repository, found (and with `create`, made) on first use.
    pub(super) fn live(&self, create: bool) -> Option<Arc<Live>> {
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

    pub(super) fn committer(&self) -> &Committer {
        self.committer.get_or_init(|| match self.mode {
            Mode::Now => Committer::now(),
            Mode::Behind => Committer::behind(self.shared.clone()),
        })
    }

    /// A journal file is about to be written: open the change if this is its first write,
    /// and note the file with what it holds now.
    pub(super) fn before_write(&self, path: &str, now: impl FnOnce() -> Option<Vec<u8>>) {
        self.before_writes(std::iter::once((path, now)));
    }

    /// `before_write` for many files at once (an import's): the pending note is written once
    /// with all of them, not once per file with the list so far (5,000 files made that
    /// 5,000 rewrites of a note growing to 5,000 paths, seconds of the import).
    pub(super) fn before_writes<'p, F: FnOnce() -> Option<Vec<u8>>>(
        &self,
        files: impl IntoIterator<Item = (&'p str, F)>,
    ) {
        let mut files = files.into_iter().peekable();
        // Nothing to write (an import whose every card was already there): no change.
        if files.peek().is_none() {
            return;
        }
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
        let mut added = false;
        for (path, now) in files {
            if !change.before.contains_key(path) {
                change.before.insert(path.to_string(), now());
                added = true;
            }
        }
        if !added {
            return;
        }
        let paths: Vec<String> = change.before.keys().cloned().collect();
        match &mut change.intent {
            Some((id, note)) => {
                note.paths = paths;
                let _ = live.intents.write(id, note);
            }
            None => change.intent = live.intents.create(paths).ok(),
        }
    }

    pub(super) fn after_write(&self, path: &str, content: Option<Vec<u8>>) {
        if let Ok(mut open) = self.shared.open.lock()
            && let Some(change) = open.as_mut()
        {
            change.after.insert(path.to_string(), content);
        }
    }

    /// The change is complete: to its commit.
    pub(super) fn described(&self, description: &str) {
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
        if self.mode == Mode::Now {
            // Behind, the committer's thread writes it, off the TUI's save.
            describe_intent(&live, &mut change);
        }
        self.committer().submit(&self.shared, &live, change);
        // The TUI's background sync takes it out a while later.
        super::sync::auto::changed();
    }

    /// Commit what is pending (killed rolos' changes, outside edits), and wait for it.
    pub(super) fn catch_up(&self) {
        if let Some(live) = self.live(false) {
            self.committer().catch_up(&self.shared, &live);
        }
    }
}

/// Commit `changes` (with whatever came before them), holding the history lock. On failure
/// their notes stay, marked deferred, for a later commit; the failure is said once.
pub(super) fn commit_changes(
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

/// The change's note says what the change was: a rolo killed before its commit is then caught
/// up under that line.
pub(super) fn describe_intent(live: &Live, change: &mut Change) {
    if let Some((id, note)) = &mut change.intent {
        note.description = Some(change.description.clone());
        let _ = live.intents.write(id, note);
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
