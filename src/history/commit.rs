//! Making commits: the changes of this process, each one commit under its description, after
//! whatever happened before them. In order:
//!
//! 1. changes of rolos that were killed before their commit (their notes in `pending/`), under
//!    their description, "(recovered after an interruption)";
//! 2. what changed on disk with no rolo change to claim it: "edited outside rolo: …" (or,
//!    for a folder with no commit yet, "journal as rolo found it"). A file rolo is about to
//!    change counts as it was just *before* rolo's write, so an outside edit made before it
//!    is never mixed into rolo's commit;
//! 3. this process's changes, each exactly as it was written.
//!
//! All of it in one `fast-import` (see `plumbing`). Nothing here writes a data file.

use super::intent::{Intent, IntentId, Intents};
use super::lock::Held;
use super::plumbing::{self, Ident, NewCommit};
use super::read_at;
use super::repo::{self, Repo};
use crate::store::{Fs, paths};
use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;
use std::time::{Duration, Instant};

/// Bytes of a file, or `None` for no file.
pub type Content = Option<Vec<u8>>;

/// One change of this process, complete, waiting for its commit.
#[derive(Debug, Default)]
pub struct Change {
    /// Its note in `pending/` (none when the note could not be written).
    pub intent: Option<(IntentId, Intent)>,
    pub description: String,
    /// Each file as it was before the change first wrote it.
    pub before: BTreeMap<String, Content>,
    /// Each file as the change last wrote it.
    pub after: BTreeMap<String, Content>,
    /// The history lock, when it was had at the change's first write.
    pub held: Option<Held>,
}

/// Why the commits could not be made now: `kind` is a short stable word (to say a failure
/// once), `text` the sentence for the person.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Failure {
    pub kind: &'static str,
    pub text: String,
}

impl Failure {
    fn git(e: impl std::fmt::Display) -> Failure {
        Failure {
            kind: "git",
            text: e.to_string(),
        }
    }
}

/// What a commit needs besides the changes.
pub struct Work<'a> {
    pub repo: &'a Repo,
    pub intents: &'a Intents,
    pub ident: &'a Ident,
    /// The data folder, to read files as they are now.
    pub disk: &'a dyn Fs,
    /// Whether a file is being written right now by a change not in this batch (this
    /// process's change still open): it is no outside edit, and not to be committed yet.
    /// Asked before and after the file is read, so a write that starts meanwhile is seen.
    pub claimed: &'a dyn Fn(&str) -> bool,
    /// How long to wait for another git's `index.lock` to go.
    pub wait_index: Duration,
    pub now: chrono::DateTime<chrono::FixedOffset>,
    /// What `git status` said, asked while the command was still loading (`None`: ask now).
    /// It may be older than the commit: a file it names is compared with the last commit
    /// anyway, and an outside edit made after it is caught up by a later commit.
    pub on_disk: Option<Vec<String>>,
}

/// How many files an "edited outside rolo" message names before "and N more".
const NAMED: usize = 5;

/// The first commit's message when the folder had files before rolo made its repository.
pub const FOUND: &str = "journal as rolo found it";

/// "edited outside rolo: contacts/ada.toml, journal/2026/2026-11.toml".
pub fn outside_message(paths: &[&String]) -> String {
    let mut named: Vec<&str> = paths.iter().take(NAMED).map(|p| p.as_str()).collect();
    let more = paths.len().saturating_sub(NAMED);
    let mut text = String::from("edited outside rolo: ");
    if more > 0 {
        named.push("");
        text.push_str(&named[..NAMED].join(", "));
        text.push_str(&format!(" and {more} more"));
    } else {
        text.push_str(&named.join(", "));
    }
    crate::sanitize::inert_line(&text).into_owned()
}

/// A description with `note` after its first line (the subject), trailers kept below.
fn with_note(description: &str, note: &str) -> String {
    match description.split_once('\n') {
        Some((subject, rest)) => format!("{subject} {note}\n{rest}"),
        None => format!("{description} {note}"),
    }
}

/// The message a killed rolo's change is committed under.
fn recovered_message(intent: &Intent) -> String {
    match &intent.description {
        Some(d) if intent.deferred => d.clone(),
        Some(d) => with_note(d, "(recovered after an interruption)"),
        None => crate::sanitize::inert_line(&format!(
            "unfinished change by rolo (recovered after an interruption): {}",
            intent.paths.join(", ")
        ))
        .into_owned(),
    }
}

/// Wait for another git to let go of the index, a bounded time.
fn index_free(repo: &Repo, wait: Duration) -> Result<(), Failure> {
    let deadline = Instant::now() + wait;
    let mut pause = Duration::from_millis(5);
    while plumbing::index_locked(repo) {
        let now = Instant::now();
        if now >= deadline {
            return Err(Failure {
                kind: "index-locked",
                text: format!(
                    "history: {} is there: another git command is running (or one was stopped; \
                     then remove the file). Your change is saved and will be committed later",
                    repo.git_dir.join("index.lock").display()
                ),
            });
        }
        std::thread::sleep(pause.min(deadline - now));
        pause = (pause * 2).min(Duration::from_millis(100));
    }
    Ok(())
}

/// Commit what happened before `ours` and then `ours`; how many commits that made. The
/// caller holds the history lock.
pub fn commit(w: &Work, ours: &[Change]) -> Result<usize, Failure> {
    let branch = plumbing::branch(w.repo).map_err(Failure::git)?;
    let Some(branch) = branch else {
        return Err(Failure {
            kind: "detached",
            text: "history: HEAD is detached (a `git checkout` of a commit?): changes are saved \
                   but not committed until HEAD is on a branch again (`git switch -`)"
                .into(),
        });
    };
    index_free(w.repo, w.wait_index)?;

    let mut on_disk = match &w.on_disk {
        Some(paths) => paths.clone(),
        None => plumbing::changed_on_disk(w.repo).map_err(Failure::git)?,
    };
    // Whose files are whose: notes of killed rolos, and of rolos running now. Read after
    // git said what changed: a change's note is written before its first write, so a file
    // seen changed by a change still on its way is always claimed by it (read before, a save
    // of the TUI landing in between was committed as "edited outside rolo").
    let mut claimed: BTreeSet<String> = BTreeSet::new();
    let mut dead = Vec::new();
    for (id, note) in w.intents.all() {
        let ours_queued = ours
            .iter()
            .any(|c| c.intent.as_ref().is_some_and(|(i, _)| *i == id));
        if ours_queued {
            continue;
        }
        if w.intents.alive(&note) {
            claimed.extend(note.paths.iter().cloned());
        } else {
            dead.push((id, note));
        }
    }
    // Always looked at: rolo may have written it since a status asked ahead.
    on_disk.push(paths::GITIGNORE.to_string());
    on_disk.push(paths::GITATTRIBUTES.to_string());
    on_disk.sort();
    on_disk.dedup();
    let on_disk: Vec<String> = on_disk.into_iter().filter(|p| repo::versioned(p)).collect();
    let mut looked: BTreeSet<String> = on_disk.iter().cloned().collect();
    for (_, note) in &dead {
        looked.extend(note.paths.iter().filter(|p| repo::versioned(p)).cloned());
    }
    for c in ours {
        looked.extend(c.before.keys().cloned());
        looked.extend(c.after.keys().cloned());
    }
    let looked: Vec<String> = looked.into_iter().collect();
    let head = read_at::files_at(w.repo, "HEAD", &looked).map_err(Failure::git)?;

    // The files as they were before this process's changes: as on disk, except what these
    // changes wrote, which counts as it was before their first write.
    let mut earlier: BTreeMap<String, Content> = BTreeMap::new();
    for c in ours {
        for (p, b) in &c.before {
            earlier.entry(p.clone()).or_insert_with(|| b.clone());
        }
    }
    let mut state = head.files.clone();
    let is_claimed = |p: &String| claimed.contains(p) || (w.claimed)(p);
    let read = |p: &String| -> Option<Content> {
        if let Some(b) = earlier.get(p) {
            return Some(b.clone());
        }
        // A link is not followed into the history: it could lead anywhere (`rolo check`
        // names it; rolo never writes through one either).
        if w.disk.is_symlink(Path::new(p)) {
            return None;
        }
        let now = w.disk.read(Path::new(p)).ok()?;
        // Written by a change that started while this was reading: that change's.
        (!(w.claimed)(p)).then_some(now)
    };
    let mut commits: Vec<NewCommit> = Vec::new();
    let mut dead_done = Vec::new();

    for (id, note) in &dead {
        let mut files = BTreeMap::new();
        // A deferred change kept what it wrote: committed exactly. A crashed one did not:
        // its files as they are now.
        let kept: Option<Vec<(String, Content)>> = if note.written.is_empty() {
            None
        } else {
            note.written
                .iter()
                .map(|wr| match &wr.kept {
                    None => Some((wr.path.clone(), None)),
                    Some(name) => w
                        .intents
                        .kept(id, name)
                        .map(|bytes| (wr.path.clone(), Some(bytes))),
                })
                .collect()
        };
        let contents: Vec<(String, Content)> = match kept {
            Some(k) => k,
            None => note
                .paths
                .iter()
                .filter(|p| !is_claimed(p))
                .filter_map(|p| read(p).map(|c| (p.clone(), c)))
                .collect(),
        };
        for (p, now) in contents {
            if !repo::versioned(&p) {
                continue;
            }
            if state.get(&p) != Some(&now) {
                state.insert(p.clone(), now.clone());
                files.insert(p, now);
            }
        }
        if !files.is_empty() {
            commits.push(NewCommit {
                message: recovered_message(note),
                files,
            });
        }
        dead_done.push(id.clone());
    }

    let mut outside = BTreeMap::new();
    // Files git saw changed that are as the last commit has them: only the index is behind.
    let mut as_committed = BTreeSet::new();
    let ours_paths: BTreeSet<&String> = earlier.keys().collect();
    for p in on_disk.iter().chain(ours_paths.iter().copied()) {
        if is_claimed(p) || outside.contains_key(p) {
            continue;
        }
        match read(p) {
            Some(now) if state.get(p) != Some(&now) => {
                outside.insert(p.clone(), now);
            }
            Some(_) => {
                as_committed.insert(p.clone());
            }
            None => {}
        }
    }
    let ignore = paths::GITIGNORE.to_string();
    if !outside.is_empty() {
        let found = head.commit.is_none();
        let only_ignore = outside
            .keys()
            .all(|p| *p == ignore || p == paths::GITATTRIBUTES);
        // A new repository's `.gitignore` and `.gitattributes` go with its first change
        // (below), unless the folder had files before: then they are the first commit, the
        // two files with them.
        if !(found && only_ignore) {
            let names: Vec<&String> = outside.keys().collect();
            let message = if found {
                FOUND.to_string()
            } else {
                outside_message(&names)
            };
            for (p, c) in &outside {
                state.insert(p.clone(), c.clone());
            }
            commits.push(NewCommit {
                message,
                files: std::mem::take(&mut outside),
            });
        }
    }

    for c in ours {
        let mut files = BTreeMap::new();
        for (p, after) in &c.after {
            if state.get(p) != Some(after) {
                state.insert(p.clone(), after.clone());
                files.insert(p.clone(), after.clone());
            }
        }
        if !files.is_empty() {
            commits.push(NewCommit {
                message: c.description.clone(),
                files,
            });
        }
    }
    if !outside.is_empty() {
        match commits.first_mut() {
            Some(first) => first.files.append(&mut outside),
            None => commits.push(NewCommit {
                message: FOUND.to_string(),
                files: outside,
            }),
        }
    }

    let mut touched = as_committed;
    for c in &commits {
        touched.extend(c.files.keys().cloned());
    }
    // The index follows what was committed, and forgets what it held that was no change;
    // updated beside the commit, not after it.
    let touched: Vec<String> = touched.into_iter().filter(|p| !is_claimed(p)).collect();
    // Many files (an import): the index after the commit, when git has their objects in the
    // commit's pack and only stats and hashes the files. Beside it, git would write each as
    // a loose object of its own, flushed one by one: 5,000 files took 8 s.
    let many = touched.len() > read_at::BY_PATH;
    let index = (!many).then(|| plumbing::refresh_index(w.repo, &touched));
    let committed = plumbing::commit(
        w.repo,
        &branch,
        head.commit.as_deref(),
        w.ident,
        w.now,
        &commits,
    );
    let index = index.unwrap_or_else(|| plumbing::refresh_index(w.repo, &touched));
    index.wait();
    committed.map_err(|e| Failure {
        kind: "commit",
        text: format!(
            "history: the commit failed ({e}); your change is saved and will be committed later"
        ),
    })?;
    for id in &dead_done {
        w.intents.remove(id);
    }
    if !dead_done.is_empty() {
        w.intents.sweep_leases();
    }
    if !commits.is_empty() {
        plumbing::tidy(w.repo);
    }
    Ok(commits.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn outside_messages_name_a_few_files() {
        let p: Vec<String> = (1..=7).map(|n| format!("contacts/p{n}.toml")).collect();
        let refs: Vec<&String> = p.iter().collect();
        assert_eq!(
            outside_message(&refs[..2]),
            "edited outside rolo: contacts/p1.toml, contacts/p2.toml"
        );
        assert_eq!(
            outside_message(&refs),
            "edited outside rolo: contacts/p1.toml, contacts/p2.toml, contacts/p3.toml, \
             contacts/p4.toml, contacts/p5.toml and 2 more"
        );
    }

    #[test]
    fn a_recovered_change_says_so_on_its_first_line() {
        let mut note = Intent {
            description: Some("undo: x\n\nRolo-Undo: abc".into()),
            ..Intent::default()
        };
        assert_eq!(
            recovered_message(&note),
            "undo: x (recovered after an interruption)\n\nRolo-Undo: abc"
        );
        note.deferred = true;
        assert_eq!(recovered_message(&note), "undo: x\n\nRolo-Undo: abc");
        note.description = None;
        note.paths = vec!["contacts/ada.toml".into()];
        assert_eq!(
            recovered_message(&note),
            "unfinished change by rolo (recovered after an interruption): contacts/ada.toml"
        );
    }
}
