//! The few git commands a commit is made of, each run once per commit whatever its size:
//! `status` (what changed on disk), `cat-file --batch` (files as the last commit has them),
//! `fast-import` (the commits themselves) and `update-index` (the index follows).
//!
//! Why `fast-import` rather than `git add` and `git commit --only`: it commits the bytes rolo
//! wrote, not whatever the file holds by the time the commit runs. So a change is committed
//! exactly, even when the next one already rewrote its file (the TUI commits behind the
//! person's back), and an outside edit made before rolo's write goes in a commit of its own.
//! It runs no hooks (a failing `pre-commit` cannot block a save) and never signs (a
//! `commit.gpgsign` that would ask for a passphrase cannot hang one). It is also quicker:
//! `git commit --only` rewrites the whole index of a 10,000-file journal (about 0.2 s here),
//! `fast-import` writes the new trees and nothing else. It updates the branch only when the
//! branch still is where the commit started from, so a commit someone made meanwhile is never
//! lost.

use super::git::{Bounded, Git, GitError, bounded, wait_within};
use super::repo::Repo;
use std::collections::BTreeMap;
use std::io::Write;
use std::path::Path;

/// The files git sees changed in the data folder (modified, added, deleted, untracked), as
/// paths inside the data folder.
pub fn changed_on_disk(repo: &Repo) -> Result<Vec<String>, GitError> {
    let out = repo.git.run([
        "status",
        "--porcelain=v1",
        "-z",
        "--untracked-files=all",
        "--no-renames",
        "--",
        ".",
    ])?;
    let mut paths = Vec::new();
    for item in out.stdout.split(|&b| b == 0) {
        // "XY path": two status letters and a space.
        if item.len() < 4 {
            continue;
        }
        let Ok(full) = std::str::from_utf8(&item[3..]) else {
            continue;
        };
        if let Some(rel) = repo.inside(full) {
            paths.push(rel.to_string());
        }
    }
    paths.sort();
    paths.dedup();
    Ok(paths)
}

/// The branch HEAD is on (`refs/heads/main`), `None` when HEAD is detached.
pub fn branch(repo: &Repo) -> Result<Option<String>, GitError> {
    // Read where it is plain (the usual files backend); ask git otherwise.
    if let Ok(text) = std::fs::read_to_string(repo.git_dir.join("HEAD")) {
        let text = text.trim();
        match text.strip_prefix("ref: ") {
            Some(r) if r.starts_with("refs/heads/") && r != "refs/heads/.invalid" => {
                return Ok(Some(r.to_string()));
            }
            None if text.len() >= 40 && text.bytes().all(|b| b.is_ascii_hexdigit()) => {
                return Ok(None);
            }
            _ => {}
        }
    }
    let mut cmd = repo.git.command();
    cmd.args(["symbolic-ref", "-q", "HEAD"]);
    let out = bounded(cmd, None, repo.git.limit()).map_err(|e| match e {
        Bounded::TimedOut => GitError::TimedOut {
            what: "symbolic-ref".into(),
            after: repo.git.limit(),
        },
        Bounded::Io(e) if e.kind() == std::io::ErrorKind::NotFound => GitError::Missing,
        Bounded::Io(e) => GitError::Io(e),
    })?;
    match out.status.code() {
        Some(0) => Ok(Some(
            String::from_utf8_lossy(&out.stdout).trim().to_string(),
        )),
        // "-q": exit 1 and nothing said when HEAD is not a branch.
        Some(1) => Ok(None),
        _ => Err(GitError::Failed {
            what: "symbolic-ref".into(),
            said: super::git::first_line(&out.stderr),
        }),
    }
}

/// The last commit and, for each of `paths`, the bytes it holds there (`None`: no such file).
/// No commit yet gives `None` and no files.
pub struct AtHead {
    pub commit: Option<String>,
    pub files: BTreeMap<String, Option<Vec<u8>>>,
}

/// The files `paths` (inside the data folder) at `rev` (`HEAD`, a commit id), in one run.
/// Paths git could not take on one line of input (a line break in a name) read as absent.
pub fn files_at(repo: &Repo, rev: &str, paths: &[String]) -> Result<AtHead, GitError> {
    let asked: Vec<&String> = paths.iter().filter(|p| !p.contains('\n')).collect();
    if asked.len() > BY_PATH {
        // The commit first, alone: with none yet (the first change, an import into a new
        // journal) there is nothing to read, and path by path git would look for each in a
        // commit that is not there (5,000 paths: 8 s). Then its tree is listed by its id, so
        // the files are that commit's even if `rev` moves meanwhile.
        let none: &[&String] = &[];
        let Some(commit) = files_by_id(repo, rev, paths, none, &Default::default())?.commit else {
            return Ok(AtHead {
                commit: None,
                files: paths.iter().map(|p| (p.clone(), None)).collect(),
            });
        };
        if let Some(ids) = blob_ids(repo, &commit) {
            return files_by_id(repo, &commit, paths, &asked, &ids);
        }
    }
    let mut input = format!("{rev}\n");
    for p in &asked {
        input.push_str(&format!("{rev}:{}\n", repo.full(p)));
    }
    batch(repo, &input, paths, asked.iter().copied())
}

/// Up to this many files are asked for as `rev:path`; more (an import's thousands) go through
/// one listing of the tree and are asked for by id. Each `rev:path` has git read the trees on
/// the way again: 5,500 paths in a folder of 10,000 files took 13 s, nearly all of it
/// inflating the same 400 KB tree; one listing takes tens of milliseconds.
pub const BY_PATH: usize = 64;

/// Every file of `rev`'s tree, by its path from the top of the repository, with its blob's id.
fn blob_ids(repo: &Repo, rev: &str) -> Option<std::collections::HashMap<String, String>> {
    // Only the data folder's part when it lives inside a bigger repository.
    let mut args = vec!["ls-tree", "-r", "-z", "--full-tree", rev];
    let inside = repo.prefix.trim_end_matches('/');
    if !inside.is_empty() {
        args.extend(["--", inside]);
    }
    let out = repo.git.run(args).ok()?;
    let mut ids = std::collections::HashMap::new();
    for item in out.stdout.split(|&b| b == 0) {
        // "<mode> blob <id>\t<path>"
        let Ok(item) = std::str::from_utf8(item) else {
            continue;
        };
        let Some((head, path)) = item.split_once('\t') else {
            continue;
        };
        let mut words = head.split(' ');
        if let (Some(_), Some("blob"), Some(id)) = (words.next(), words.next(), words.next()) {
            ids.insert(path.to_string(), id.to_string());
        }
    }
    Some(ids)
}

/// `files_at` through the ids of a listing: one `cat-file --batch` of the commit and the
/// blobs that are there; a path with no blob in the listing reads as absent.
fn files_by_id(
    repo: &Repo,
    rev: &str,
    paths: &[String],
    asked: &[&String],
    ids: &std::collections::HashMap<String, String>,
) -> Result<AtHead, GitError> {
    let present: Vec<(&String, &String)> = asked
        .iter()
        .filter_map(|p| Some((*p, ids.get(&repo.full(p))?)))
        .collect();
    let mut input = format!("{rev}\n");
    for (_, id) in &present {
        input.push_str(id);
        input.push('\n');
    }
    batch(repo, &input, paths, present.iter().map(|(p, _)| *p))
}

/// Run `cat-file --batch` on `input` (the commit's line, then one line per file of
/// `answered`, in order) and read its answers into the files of `paths`.
fn batch<'p>(
    repo: &Repo,
    input: &str,
    paths: &[String],
    answered: impl Iterator<Item = &'p String>,
) -> Result<AtHead, GitError> {
    let out = repo
        .git
        .run_with(["cat-file", "--batch"], Some(input.as_bytes()))?;
    let mut answers = Answers {
        bytes: &out.stdout,
        at: 0,
    };
    let commit = match answers.next() {
        Some(Answer::Object { id, .. }) => Some(id),
        _ => None,
    };
    let mut files: BTreeMap<String, Option<Vec<u8>>> =
        paths.iter().map(|p| (p.clone(), None)).collect();
    if commit.is_none() {
        return Ok(AtHead {
            commit: None,
            files,
        });
    }
    for p in answered {
        let content = match answers.next() {
            Some(Answer::Object { blob, .. }) => blob,
            _ => None,
        };
        files.insert(p.clone(), content);
    }
    Ok(AtHead { commit, files })
}

/// `cat-file --batch` answers, read in turn.
struct Answers<'a> {
    bytes: &'a [u8],
    at: usize,
}

/// One answer: no such object, or an object's id and, for a blob, its bytes.
#[derive(Debug, PartialEq, Eq)]
enum Answer {
    Missing,
    Object { id: String, blob: Option<Vec<u8>> },
}

impl Answers<'_> {
    fn next(&mut self) -> Option<Answer> {
        let rest = self.bytes.get(self.at..)?;
        let end = rest.iter().position(|&b| b == b'\n')?;
        let header = String::from_utf8_lossy(&rest[..end]).into_owned();
        self.at += end + 1;
        // "<name> missing" (or "ambiguous"): nothing follows the line.
        let mut words = header.rsplitn(3, ' ');
        let (last, kind, id) = (words.next()?, words.next(), words.next());
        let (Some(kind), Some(id), Ok(size)) = (kind, id, last.parse::<usize>()) else {
            return Some(Answer::Missing);
        };
        let body = self.bytes.get(self.at..self.at + size)?.to_vec();
        self.at += size + 1;
        Some(Answer::Object {
            id: id.to_string(),
            blob: (kind == "blob").then_some(body),
        })
    }
}

/// Who a commit is by: the person's own git name and email, or rolo's when they have set none.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Ident {
    pub name: String,
    pub email: String,
}

impl Ident {
    /// `git config user.name` and `user.email`; `rolo <rolo@localhost>` when the email is
    /// empty (git would otherwise make one up from the machine's name, or refuse).
    pub fn of(git: &Git) -> Ident {
        let mut name = String::new();
        let mut email = String::new();
        if let Ok(out) = git.run(["config", "-z", "--get-regexp", r"^user\.(name|email)$"]) {
            for item in out.stdout.split(|&b| b == 0) {
                let text = String::from_utf8_lossy(item);
                if let Some((key, value)) = text.split_once('\n') {
                    match key {
                        "user.name" => name = value.to_string(),
                        "user.email" => email = value.to_string(),
                        _ => {}
                    }
                }
            }
        }
        if email.trim().is_empty() {
            return Ident {
                name: "rolo".into(),
                email: "rolo@localhost".into(),
            };
        }
        if name.trim().is_empty() {
            name = "rolo".into();
        }
        Ident { name, email }
    }

    /// As a commit header writes it: no `<`, `>` or line break may reach it.
    fn header(&self) -> String {
        let clean = |s: &str| -> String {
            s.chars()
                .filter(|c| !matches!(c, '<' | '>') && !c.is_control())
                .collect::<String>()
                .trim()
                .to_string()
        };
        format!("{} <{}>", clean(&self.name), clean(&self.email))
    }
}

/// One commit to make: its message and the files it sets (`None` removes one).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewCommit {
    pub message: String,
    pub files: BTreeMap<String, Option<Vec<u8>>>,
}

/// A path as fast-import reads it: quoted, with what needs it escaped (C style).
fn quoted(path: &str) -> String {
    let mut out = String::from("\"");
    for b in path.bytes() {
        match b {
            b'"' => out.push_str("\\\""),
            b'\\' => out.push_str("\\\\"),
            b'\n' => out.push_str("\\n"),
            b'\t' => out.push_str("\\t"),
            0x20..=0x7e => out.push(b as char),
            // Other bytes as octal, as git quotes them.
            _ => out.push_str(&format!("\\{b:03o}")),
        }
    }
    out.push('"');
    out
}

/// Put `commits` on `branch`, one after the other, the first on top of `parent` (none: the
/// branch's first commit). The branch moves only if it is still at `parent`.
pub fn commit(
    repo: &Repo,
    branch: &str,
    parent: Option<&str>,
    ident: &Ident,
    when: chrono::DateTime<chrono::FixedOffset>,
    commits: &[NewCommit],
) -> Result<(), GitError> {
    if commits.is_empty() {
        return Ok(());
    }
    let who = format!(
        "{} {} {}",
        ident.header(),
        when.timestamp(),
        when.format("%z")
    );
    let mut s: Vec<u8> = Vec::new();
    s.extend_from_slice(b"feature done\n");
    for (n, c) in commits.iter().enumerate() {
        let message = if c.message.ends_with('\n') {
            c.message.clone()
        } else {
            format!("{}\n", c.message)
        };
        let _ = write!(
            s,
            "commit {branch}\nauthor {who}\ncommitter {who}\ndata {}\n{message}",
            message.len()
        );
        if n == 0
            && let Some(parent) = parent
        {
            let _ = writeln!(s, "from {parent}");
        }
        for (path, content) in &c.files {
            let full = quoted(&repo.full(path));
            match content {
                Some(bytes) => {
                    let _ = write!(s, "M 100644 inline {full}\ndata {}\n", bytes.len());
                    s.extend_from_slice(bytes);
                    s.push(b'\n');
                }
                None => {
                    let _ = writeln!(s, "D {full}");
                }
            }
        }
        s.push(b'\n');
    }
    s.extend_from_slice(b"done\n");
    // A pack of its own rather than loose objects: no second process; `gc --auto` (run by
    // `tidy`) gathers the packs now and then.
    repo.git.run_with(
        [
            "-c",
            "fastimport.unpackLimit=0",
            "fast-import",
            "--quiet",
            "--done",
        ],
        Some(&s),
    )?;
    Ok(())
}

/// Make the index agree with the files for `paths` (inside the data folder), so the person's
/// own `git status` shows what rolo committed as committed. Started, not waited for: it runs
/// beside the commit (the index and the commit do not depend on each other); `IndexUpdate::
/// wait` waits. Best effort: the index is only a cache, and the next commit does this again.
pub fn refresh_index(repo: &Repo, paths: &[String]) -> IndexUpdate {
    if paths.is_empty() {
        return IndexUpdate(None);
    }
    let mut cmd = repo.git.command();
    cmd.args(["update-index", "--add", "--remove", "-z", "--stdin"])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null());
    let Ok(mut child) = cmd.spawn() else {
        return IndexUpdate(None);
    };
    if let Some(mut stdin) = child.stdin.take() {
        for p in paths {
            // Closed early, it has failed, which costs only the index.
            if stdin
                .write_all(p.as_bytes())
                .and(stdin.write_all(b"\0"))
                .is_err()
            {
                break;
            }
        }
    }
    IndexUpdate(Some((child, repo.git.limit())))
}

/// An index update under way, and how long it may take.
pub struct IndexUpdate(Option<(std::process::Child, std::time::Duration)>);

impl IndexUpdate {
    pub fn wait(mut self) {
        self.end();
    }

    /// Waited for, at most its limit (then stopped: the index is only a cache).
    fn end(&mut self) {
        if let Some((child, limit)) = self.0.take() {
            let _ = wait_within(child, limit);
        }
    }
}

impl Drop for IndexUpdate {
    fn drop(&mut self) {
        self.end();
    }
}

/// Let git gather its packs when there are more than `gc --auto` leaves (50): each commit
/// is a small pack of its own, and git gathers them in the background.
pub fn tidy(repo: &Repo) {
    let packs = std::fs::read_dir(repo.git_dir.join("objects/pack"))
        .map(|d| {
            d.flatten()
                .filter(|e| e.file_name().to_string_lossy().ends_with(".pack"))
                .count()
        })
        .unwrap_or(0);
    if packs > 50 {
        let _ = repo.git.run(["gc", "--auto", "--quiet"]);
    }
}

/// The index is held by another git (its `index.lock` exists).
pub fn index_locked(repo: &Repo) -> bool {
    Path::new(&repo.git_dir.join("index.lock")).exists()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_are_quoted_for_fast_import() {
        assert_eq!(quoted("contacts/ada.toml"), "\"contacts/ada.toml\"");
        assert_eq!(quoted("a \"b\"\\c\nd"), "\"a \\\"b\\\"\\\\c\\nd\"");
        assert_eq!(quoted("zoë"), "\"zo\\303\\253\"");
    }

    #[test]
    fn an_ident_cannot_break_the_header() {
        let i = Ident {
            name: "A <b>\nc".into(),
            email: "x@y>".into(),
        };
        assert_eq!(i.header(), "A bc <x@y>");
    }

    /// Many paths go through one listing and ids; few, path by path: the same answer either
    /// way, absent files and a name with a space included, at HEAD and at an older commit.
    #[test]
    fn many_files_read_through_the_listing_as_one_by_one() {
        let dir = tempfile::tempdir().unwrap();
        let repo = super::super::repo::init(dir.path()).unwrap();
        let git = |args: &[&str]| {
            let mut all = vec!["-c", "user.name=T", "-c", "user.email=t@e"];
            all.extend_from_slice(args);
            repo.git.run(all).unwrap();
        };
        std::fs::create_dir_all(dir.path().join("contacts")).unwrap();
        let path = |i: usize| format!("contacts/p {i}.toml");
        for i in 0..150 {
            std::fs::write(dir.path().join(path(i)), format!("name = \"P{i}\"\n")).unwrap();
        }
        git(&["add", "-A"]);
        git(&["commit", "-q", "-m", "one"]);
        for i in (0..150).step_by(3) {
            std::fs::write(dir.path().join(path(i)), format!("name = \"Q{i}\"\n")).unwrap();
        }
        git(&["commit", "-q", "-a", "-m", "two"]);
        // Asked for: the 150 there, and 50 that never were.
        let asked: Vec<String> = (0..200).map(path).collect();
        for rev in ["HEAD", "HEAD~1"] {
            let many = files_at(&repo, rev, &asked).unwrap();
            let mut one_by_one = BTreeMap::new();
            for chunk in asked.chunks(BY_PATH) {
                let few = files_at(&repo, rev, chunk).unwrap();
                assert_eq!(few.commit, many.commit);
                one_by_one.extend(few.files);
            }
            assert_eq!(many.files, one_by_one, "{rev}");
            assert_eq!(many.files.values().filter(|f| f.is_some()).count(), 150);
        }
        let head = files_at(&repo, "HEAD", &asked).unwrap().files;
        assert_eq!(head[&path(3)].as_deref(), Some(&b"name = \"Q3\"\n"[..]));
        assert_eq!(head[&path(4)].as_deref(), Some(&b"name = \"P4\"\n"[..]));
        // No commit yet: nothing, through either way.
        let empty = tempfile::tempdir().unwrap();
        let bare = super::super::repo::init(empty.path()).unwrap();
        let none = files_at(&bare, "HEAD", &asked).unwrap();
        assert!(none.commit.is_none() && none.files.values().all(Option::is_none));
    }

    /// A data folder inside a bigger repository: the listing is of its part, and the files
    /// are found under its prefix, as path by path finds them.
    #[test]
    fn many_files_in_a_data_folder_inside_a_bigger_repository() {
        let top = tempfile::tempdir().unwrap();
        let whole = super::super::repo::init(top.path()).unwrap();
        let data = top.path().join("notes/people");
        std::fs::create_dir_all(data.join("contacts")).unwrap();
        std::fs::write(top.path().join("elsewhere.txt"), "not the journal").unwrap();
        let path = |i: usize| format!("contacts/p{i}.toml");
        for i in 0..100 {
            std::fs::write(data.join(path(i)), format!("n = {i}\n")).unwrap();
        }
        let git = |args: &[&str]| {
            let mut all = vec!["-c", "user.name=T", "-c", "user.email=t@e"];
            all.extend_from_slice(args);
            whole.git.run(all).unwrap();
        };
        git(&["add", "-A"]);
        git(&["commit", "-q", "-m", "one"]);
        let repo = Repo {
            git: Git::new(&data),
            git_dir: whole.git_dir.clone(),
            prefix: "notes/people/".into(),
        };
        let asked: Vec<String> = (0..110).map(path).collect();
        let many = files_at(&repo, "HEAD", &asked).unwrap();
        let few: BTreeMap<_, _> = asked
            .chunks(BY_PATH)
            .flat_map(|c| files_at(&repo, "HEAD", c).unwrap().files)
            .collect();
        assert_eq!(many.files, few);
        assert_eq!(many.files[&path(7)].as_deref(), Some(&b"n = 7\n"[..]));
        assert_eq!(many.files[&path(105)], None);
    }

    #[test]
    fn batch_answers_are_read_in_turn() {
        let out = b"abc commit 3\nxyz\nd1 blob 5\nhello\nHEAD:x missing\nd2 blob 0\n\n";
        let mut a = Answers { bytes: out, at: 0 };
        let object = |id: &str, blob: Option<&[u8]>| {
            Some(Answer::Object {
                id: id.into(),
                blob: blob.map(<[u8]>::to_vec),
            })
        };
        assert_eq!(a.next(), object("abc", None));
        assert_eq!(a.next(), object("d1", Some(b"hello")));
        assert_eq!(a.next(), Some(Answer::Missing));
        assert_eq!(a.next(), object("d2", Some(b"")));
        assert_eq!(a.next(), None);
    }
}
