//! The files of a commit, read in one `cat-file --batch` (`files_at`): what a commit starts
//! from and what an undo reverses. Few files are asked for as `rev:path`; many (an import's
//! thousands) through one listing of the commit's tree and their blob ids.

use super::git::GitError;
use super::repo::Repo;
use std::collections::BTreeMap;

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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::history::git::Git;

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
