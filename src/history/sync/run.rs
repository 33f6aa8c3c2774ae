//! One sync, step by step: the remote, rolo's merges set up, what is pending committed, then
//! (holding the history, so no commit of rolo's lands in between) fetch, merge, push, and
//! again from the fetch when someone pushed in between.

use super::bounded::RemoteError;
use super::remote::{REF_WAIT, busy_ref, fetch, push, rejected};
use super::{Request, SyncError, Synced};
use crate::history::engine::commit_changes;
use crate::history::git::{self, Git, first_line};
use crate::history::merge::record::{self, FileNote, Record};
use crate::history::merge::{Clash, Side, driver, setup};
use crate::history::repo::Repo;
use crate::history::{Engine, Live, Off, WAIT_FOR_OTHER, plumbing};
use crate::store::{DiskFs, Fs};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// How many times a push refused because the remote moved on is merged and tried again.
const ATTEMPTS: usize = 3;

fn sync_dir(repo: &Repo) -> PathBuf {
    repo.rolo_dir().join("sync")
}

/// Where the driver notes the merge under way.
fn merging_dir(repo: &Repo) -> PathBuf {
    sync_dir(repo).join("merging")
}

/// Where the clashes wait for the person after a merge was called off.
pub fn waiting_dir(repo: &Repo) -> PathBuf {
    sync_dir(repo).join("waiting")
}

fn choices_file(repo: &Repo) -> PathBuf {
    sync_dir(repo).join("choices.toml")
}

fn git_failed(e: crate::history::git::GitError) -> SyncError {
    SyncError::Git(e.to_string())
}

/// The remote to sync with: `origin`, or the only one there is.
pub fn remote_name(git: &Git) -> Result<String, SyncError> {
    let names = git.text(["remote"]).map_err(git_failed)?;
    let names: Vec<&str> = names.lines().filter(|l| !l.is_empty()).collect();
    match names.as_slice() {
        [] => Err(SyncError::NoRemote),
        [one] => Ok(one.to_string()),
        many if many.contains(&"origin") => Ok("origin".into()),
        _ => Err(SyncError::Git(
            "several remotes and none is called origin: name the one to sync with origin (`git remote rename NAME origin`)".into(),
        )),
    }
}

pub(super) fn sync(engine: &Engine, request: &Request) -> Result<Synced, SyncError> {
    let live = engine.live(true).ok_or_else(|| {
        SyncError::Off(match engine.state.lock().ok().as_deref() {
            Some(crate::history::State::Off(why)) => Off::Because(why.clone()),
            _ => Off::NotYet,
        })
    })?;
    let repo = &live.repo;
    let git = &repo.git;
    let mut synced = Synced::default();
    if let Some(url) = &request.remote {
        set_remote(git, url, &mut synced.lines)?;
    }
    let remote = remote_name(git)?;
    let url = git.text(["remote", "get-url", &remote]).unwrap_or_default();
    let shown = crate::sanitize::inert_line(&format!("{remote} ({url})")).into_owned();
    // Every sync makes sure git merges with rolo (a folder made before sync, a moved rolo).
    let _ = setup::write_gitattributes(&engine.shared.dir);
    let _ = setup::register(git);
    if let Some((path, side)) = &request.choose {
        choose(repo, path, *side)?;
    }
    // What is pending (killed rolos, edits made outside) goes in as commits first.
    let _ = commit_changes(&engine.shared, &live, &[], WAIT_FOR_OTHER);
    let _gate = engine.shared.gate.lock();
    let _held = live.lock.acquire(WAIT_FOR_OTHER).ok_or(SyncError::Busy)?;
    // A sync killed during or after its merge leaves `merging/` behind: what git wrote
    // then (the merge's files, or `merge --abort` putting files back) has the umask's
    // permissions, so they are made private again here.
    let killed = merging_dir(repo).exists();
    settle_killed_merge(repo)?;
    if killed {
        super::private::make_private(&engine.shared.dir);
    }
    let branch = plumbing::branch(repo).map_err(git_failed)?.ok_or_else(|| {
        SyncError::Git("HEAD is not on a branch (detached); check out a branch to sync".into())
    })?;
    let short = branch.trim_start_matches("refs/heads/").to_string();
    for attempt in 1..=ATTEMPTS {
        fetch(git, &remote, &shown)?;
        let there_branch = remote_branch(git, &remote, &short);
        let there = rev(git, &format!("refs/remotes/{remote}/{there_branch}"));
        let here = rev(git, "HEAD");
        if let Some(t) = &there
            && here.as_deref() != Some(t.as_str())
            && !ancestor(git, t, "HEAD")
        {
            synced.came += count(git, &format!("HEAD..{t}"));
            // git rewrites the journal's files while it merges: rolo's own writes (a note saved
            // in a running TUI, a second terminal) wait on the folder's lock meanwhile, or the
            // merge's checkout could overwrite a word just saved. The merge driver runs in a
            // child that never takes this lock.
            // Tried for a while only: a command line writer holding it may be waiting for the
            // history's lock, which this sync holds; a later sync tries again.
            let folder = DiskFs::new(&engine.shared.dir)
                .lock_within(WAIT_FOR_OTHER)
                .map_err(|e| SyncError::Git(format!("cannot lock the journal to merge: {e}")))?
                .ok_or(SyncError::Busy)?;
            let merged = merge(engine, &live, t, &remote);
            // Whatever the merge came to: a clash is called off with `git merge --abort`,
            // which puts files back with the umask's permissions too.
            super::private::make_private(&engine.shared.dir);
            drop(folder);
            merged?;
        }
        let here = rev(git, "HEAD");
        let Some(here) = here else {
            // Nothing here and nothing there: an empty journal on both.
            synced
                .lines
                .push(format!("sync: nothing to send yet; {shown} is empty too"));
            return Ok(synced);
        };
        if there.as_deref() == Some(here.as_str()) {
            break;
        }
        let went = match &there {
            Some(t) => count(git, &format!("{t}..HEAD")),
            None => count(git, "HEAD"),
        };
        match push(git, &remote, &there_branch) {
            Ok(()) => {
                synced.went += went;
                break;
            }
            Err(RemoteError::Failed(said)) if rejected(&said) && attempt < ATTEMPTS => continue,
            // A push of a rolo killed a moment ago may still hold the remote's ref.
            Err(RemoteError::Failed(said)) if busy_ref(&said) && attempt < ATTEMPTS => {
                std::thread::sleep(REF_WAIT * 4);
                continue;
            }
            Err(e) => {
                return Err(SyncError::Unreachable {
                    remote: shown,
                    why: e.to_string(),
                });
            }
        }
    }
    // Done: what waited is settled.
    let _ = std::fs::remove_dir_all(waiting_dir(repo));
    let _ = std::fs::remove_file(choices_file(repo));
    let renumbered = Record::read(&merging_dir(repo));
    for f in &renumbered.file {
        for r in &f.renumbered {
            synced.lines.push(format!(
                "{} ({}): {r}",
                crate::sanitize::inert_line(&f.path),
                crate::sanitize::inert_line(&f.who)
            ));
        }
    }
    let _ = std::fs::remove_dir_all(merging_dir(repo));
    synced.lines.push(summary(&synced, &shown));
    Ok(synced)
}

fn summary(s: &Synced, shown: &str) -> String {
    let changes = |n: usize| format!("{n} change{}", if n == 1 { "" } else { "s" });
    match (s.came, s.went) {
        (0, 0) => format!("sync: up to date with {shown}"),
        (c, 0) => format!("sync: {} in from {shown}; up to date", changes(c)),
        (0, w) => format!("sync: {} out to {shown}; up to date", changes(w)),
        (c, w) => format!(
            "sync: {} in from {shown}, {} out; up to date",
            changes(c),
            changes(w)
        ),
    }
}

fn set_remote(git: &Git, url: &str, lines: &mut Vec<String>) -> Result<(), SyncError> {
    let current = git.text(["remote", "get-url", "origin"]).ok();
    let shown = crate::sanitize::inert_line(url).into_owned();
    match current.as_deref() {
        Some(u) if u == url => {}
        Some(_) => {
            git.run(["remote", "set-url", "origin", url])
                .map_err(git_failed)?;
            lines.push(format!("remote origin is now {shown}"));
        }
        None => {
            git.run(["remote", "add", "origin", url])
                .map_err(git_failed)?;
            lines.push(format!(
                "remote origin set to {shown}; on another machine: rolo clone {shown}"
            ));
        }
    }
    Ok(())
}

/// The branch on the remote: the one of the same name, or the only one there is.
fn remote_branch(git: &Git, remote: &str, short: &str) -> String {
    let own = format!("refs/remotes/{remote}/{short}");
    if rev(git, &own).is_some() {
        return short.to_string();
    }
    let listed = git
        .text([
            "for-each-ref",
            "--format=%(refname)",
            &format!("refs/remotes/{remote}/"),
        ])
        .unwrap_or_default();
    let prefix = format!("refs/remotes/{remote}/");
    let names: Vec<&str> = listed
        .lines()
        .filter_map(|l| l.strip_prefix(&prefix))
        .filter(|n| *n != "HEAD")
        .collect();
    match names.as_slice() {
        [one] => one.to_string(),
        _ => short.to_string(),
    }
}

fn rev(git: &Git, name: &str) -> Option<String> {
    git.text(["rev-parse", "-q", "--verify", &format!("{name}^{{commit}}")])
        .ok()
        .filter(|s| !s.is_empty())
}

fn ancestor(git: &Git, maybe: &str, of: &str) -> bool {
    git.run(["merge-base", "--is-ancestor", maybe, of]).is_ok()
}

fn count(git: &Git, range: &str) -> usize {
    git.text(["rev-list", "--count", range])
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(0)
}

/// git with the identity rolo commits as, and never asking for a signature.
fn committing(live: &Live) -> std::process::Command {
    let ident = live.ident();
    let mut cmd = live.repo.git.command();
    cmd.args(["-c", &format!("user.name={}", ident.name)])
        .args(["-c", &format!("user.email={}", ident.email)])
        .args(["-c", "commit.gpgsign=false"]);
    cmd
}

/// How long a merge may take: rolo's driver runs once per file both machines changed.
const MERGE_LIMIT: std::time::Duration = std::time::Duration::from_secs(120);

/// A local git run that may take long (a merge, its commit), stopped at `MERGE_LIMIT`.
fn local(cmd: std::process::Command) -> Result<std::process::Output, SyncError> {
    git::bounded(cmd, None, MERGE_LIMIT).map_err(|e| match e {
        git::Bounded::TimedOut => SyncError::Git(format!(
            "the merge did not finish within {} s and was stopped",
            MERGE_LIMIT.as_secs()
        )),
        git::Bounded::Io(e) => SyncError::Git(format!("cannot run git: {e}")),
    })
}

/// Merge `there` into HEAD with rolo's drivers; what clashed and was not picked stops it.
fn merge(engine: &Engine, live: &Live, there: &str, remote: &str) -> Result<(), SyncError> {
    let repo = &live.repo;
    let merging = merging_dir(repo);
    record::reset(&merging).map_err(|e| SyncError::Git(format!("cannot note the merge: {e}")))?;
    let message = format!("sync: merged the changes from {remote}");
    let mut cmd = committing(live);
    cmd.env(driver::RECORD_VAR, &merging).args([
        "merge",
        "--quiet",
        "--no-edit",
        "--no-verify",
        "--allow-unrelated-histories",
        "-m",
        &message,
        there,
    ]);
    let out = local(cmd)?;
    if out.status.success() {
        return Ok(());
    }
    let unmerged = unmerged(repo);
    if unmerged.is_empty() {
        abort(repo);
        return Err(SyncError::Git(format!(
            "the merge did not start: {}",
            first_line(&out.stderr)
        )));
    }
    let choices = Choices::read(repo);
    let noted = Record::read(&merging);
    let mut left = Vec::new();
    for (full, rel) in &unmerged {
        match choices.0.get(rel).and_then(|s| Choices::side(s)) {
            Some(side) => take(engine, live, &noted, &merging, full, rel, side)?,
            None => left.push(rel.clone()),
        }
    }
    if left.is_empty() {
        let mut cmd = committing(live);
        cmd.args(["commit", "--quiet", "--no-edit", "--no-verify"]);
        let done = local(cmd)?;
        if done.status.success() {
            return Ok(());
        }
        abort(repo);
        return Err(SyncError::Git(first_line(&done.stderr)));
    }
    // Each file left, as the driver noted it, or as git saw it (changed here, removed there).
    let mut notes = Vec::new();
    for rel in &left {
        match noted
            .file
            .iter()
            .find(|f| f.path == *rel && !f.clash.is_empty())
        {
            Some(f) => notes.push(f.clone()),
            None => {
                let note = whole_file(repo, rel);
                let _ = Record::add(&merging, note.clone(), None);
                notes.push(note);
            }
        }
    }
    abort(repo);
    let _ = record::keep(&merging, &waiting_dir(repo));
    Err(SyncError::NeedsYou(notes))
}

/// A file git could not merge and the driver did not see: changed on one side, removed (or
/// added differently, or not a journal file) on the other.
fn whole_file(repo: &Repo, rel: &str) -> FileNote {
    let full = repo.full(rel);
    let stage = |n: u8| {
        repo.git
            .run(["cat-file", "-e", &format!(":{n}:{full}")])
            .is_ok()
    };
    let said = |there: bool| if there { "(changed)" } else { "(removed)" };
    FileNote {
        path: rel.to_string(),
        who: String::new(),
        clash: vec![Clash {
            what: "the whole file".into(),
            key: String::new(),
            ours: said(stage(2)).into(),
            theirs: said(stage(3)).into(),
        }],
        ..FileNote::default()
    }
}

/// Settle `rel` the way the person picked: the driver's file with that side's values, or
/// (for a file the driver did not merge) that side's file, or its removal.
fn take(
    engine: &Engine,
    live: &Live,
    noted: &Record,
    merging: &Path,
    full: &str,
    rel: &str,
    side: Side,
) -> Result<(), SyncError> {
    let git = &live.repo.git;
    match noted.side(merging, rel, side) {
        Some(bytes) => {
            DiskFs::new(&engine.shared.dir)
                .write_atomic(Path::new(rel), &bytes)
                .map_err(|e| SyncError::Git(format!("cannot write {rel}: {e}")))?;
            git.run(["add", "--", full]).map_err(git_failed)?;
            // What the sync says was renumbered is what was in the file taken. A note that
            // cannot be rewritten costs only that line's accuracy, never the merge.
            let _ = Record::took(merging, rel, side);
        }
        None => {
            let flag = match side {
                Side::Ours => "--ours",
                Side::Theirs => "--theirs",
            };
            if git.run(["checkout", flag, "--", full]).is_ok() {
                git.run(["add", "--", full]).map_err(git_failed)?;
            } else {
                // That side removed it.
                git.run(["rm", "--quiet", "--", full]).map_err(git_failed)?;
            }
        }
    }
    Ok(())
}

/// The files git left unmerged: as git names them, and inside the data folder.
fn unmerged(repo: &Repo) -> Vec<(String, String)> {
    let Ok(out) = repo
        .git
        .run(["diff", "--name-only", "--diff-filter=U", "-z"])
    else {
        return Vec::new();
    };
    let mut files: Vec<(String, String)> = out
        .stdout
        .split(|&b| b == 0)
        .filter_map(|p| std::str::from_utf8(p).ok())
        .filter(|p| !p.is_empty())
        .filter_map(|full| {
            repo.inside(full)
                .map(|rel| (full.to_string(), rel.to_string()))
        })
        .collect();
    files.dedup();
    files
}

fn abort(repo: &Repo) {
    let _ = repo.git.run(["merge", "--abort"]);
}

/// A merge left half-way by a sync that was killed is called off (everything in it was
/// committed before it started); one a person started by hand is theirs to finish.
fn settle_killed_merge(repo: &Repo) -> Result<(), SyncError> {
    if !repo.git_dir.join("MERGE_HEAD").exists() {
        return Ok(());
    }
    if merging_dir(repo).exists() {
        abort(repo);
        return Ok(());
    }
    Err(SyncError::Git(
        "a git merge is under way in the data folder (started by hand?): finish it with git, or call it off with `git merge --abort`, then `rolo sync`".into(),
    ))
}

/// The sides the person picked, by file.
#[derive(Debug, Default, serde::Serialize, serde::Deserialize)]
struct Choices(BTreeMap<String, String>);

impl Choices {
    fn read(repo: &Repo) -> Choices {
        std::fs::read_to_string(choices_file(repo))
            .ok()
            .and_then(|t| toml::from_str(&t).ok())
            .unwrap_or_default()
    }

    fn side(s: &str) -> Option<Side> {
        match s {
            "ours" => Some(Side::Ours),
            "theirs" => Some(Side::Theirs),
            _ => None,
        }
    }
}

/// Note the person's pick for `rel`, which must be a clash the last sync stopped at.
fn choose(repo: &Repo, rel: &str, side: Side) -> Result<(), SyncError> {
    let waiting = Record::read(&waiting_dir(repo));
    if !waiting.clashing().any(|f| f.path == rel) {
        return Err(SyncError::NoSuchConflict(
            crate::sanitize::inert_line(rel).into_owned(),
        ));
    }
    let mut choices = Choices::read(repo);
    let word = match side {
        Side::Ours => "ours",
        Side::Theirs => "theirs",
    };
    choices.0.insert(rel.to_string(), word.to_string());
    let text = toml::to_string(&choices).map_err(|e| SyncError::Git(e.to_string()))?;
    record::write_private(&choices_file(repo), text.as_bytes())
        .map_err(|e| SyncError::Git(format!("cannot note the choice: {e}")))
}
