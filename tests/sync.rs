//! Sync through a git remote: a bare repository and two machines (two folders, each with a
//! HOME and a git config of its own), as in `rolo sync` on a laptop and a desktop. Each test
//! asserts the files byte for byte on both sides, the history (`git log`) on both, and that
//! `rolo check` is clean.

use crate::history_support::Folder;
use std::path::{Path, PathBuf};

/// Two machines and the remote they share (in the first one's temp folder).
pub(crate) struct Two {
    pub(crate) a: Folder,
    pub(crate) b: Folder,
    pub(crate) remote: PathBuf,
}

impl Two {
    /// The remote, machine A with Ada and a note, synced; machine B cloned from it.
    pub(crate) fn new() -> Two {
        let a = Folder::new();
        let b = Folder::new();
        let remote = a.tmp.path().join("remote.git");
        a.git_in(a.tmp.path(), &["init", "-q", "--bare", "remote.git"]);
        a.ok(&["add", "Ada Lovelace", "--tag", "math", "--role", "CTO"]);
        a.ok(&[
            "note",
            "ada",
            "Tea at the Royal Society",
            "--at",
            "2026-12-01 09:00",
        ]);
        let url = remote.to_string_lossy().into_owned();
        let said = a.ok(&["sync", "--remote", &url]);
        assert!(said.contains("remote origin set to"), "{said}");
        assert!(said.ends_with("; up to date\n"), "{said}");
        let said = b.ok(&["clone", &url]);
        assert!(
            said.starts_with(&format!("cloned {url} into ")) && said.contains("1 person"),
            "{said}"
        );
        assert!(said.contains("next: `rolo`"), "{said}");
        Two { a, b, remote }
    }

    fn head(f: &Folder, dir: &Path) -> String {
        f.git_in(dir, &["rev-parse", "HEAD"]).trim().to_string()
    }

    /// Both machines hold the same files and the same history as the remote.
    pub(crate) fn agree(&self) {
        assert_eq!(self.a.files(), self.b.files(), "the files differ");
        let (ha, hb) = (
            Two::head(&self.a, &self.a.data),
            Two::head(&self.b, &self.b.data),
        );
        assert_eq!(ha, hb, "the histories differ");
        assert_eq!(Two::head(&self.a, &self.remote), ha, "the remote is behind");
        for f in [&self.a, &self.b] {
            private(&f.data);
            assert!(f.ok(&["check"]).contains(": 0 errors, 0 warnings"));
            assert_eq!(f.dirty(), Vec::<String>::new(), "all committed");
        }
    }
}

/// What git wrote (a clone, a merge) is private like rolo's own: 0600 files, 0700 folders.
fn private(dir: &Path) {
    use std::os::unix::fs::PermissionsExt;
    for sub in ["contacts", "journal"] {
        let mut todo = vec![dir.join(sub)];
        while let Some(d) = todo.pop() {
            let Ok(items) = std::fs::read_dir(&d) else {
                continue;
            };
            let mode = std::fs::metadata(&d).unwrap().permissions().mode() & 0o777;
            assert_eq!(mode, 0o700, "{}", d.display());
            for item in items.flatten() {
                let path = item.path();
                if path.is_dir() {
                    todo.push(path);
                } else {
                    let mode = std::fs::metadata(&path).unwrap().permissions().mode() & 0o777;
                    assert_eq!(mode, 0o600, "{}", path.display());
                }
            }
        }
    }
}

pub(crate) fn text(f: &Folder, rel: &str) -> String {
    String::from_utf8(f.read(rel)).unwrap()
}

pub(crate) const ADA: &str = "contacts/ada-lovelace.toml";
pub(crate) const DEC: &str = "journal/2026/2026-12.toml";

#[test]
fn notes_and_needs_for_the_same_person_on_two_machines_merge_without_conflict() {
    let t = Two::new();
    t.a.ok(&[
        "note",
        "ada",
        "Coffee, she is writing",
        "--at",
        "2026-12-02 09:00",
    ]);
    t.b.ok(&["note", "ada", "Letter from her", "--at", "2026-12-01 18:00"]);
    t.b.ok(&[
        "note",
        "ada",
        "Call about the engine",
        "--at",
        "2026-12-02 15:00",
    ]);
    // The same new need number on both machines.
    t.a.ok(&["need", "ada", "a publisher"]);
    t.b.ok(&["need", "ada", "a violin teacher"]);
    t.b.ok(&["edit", "ada", "--set", "email=ada@example.org"]);
    t.a.ok(&["sync"]);
    let said = t.b.ok(&["sync"]);
    assert!(
        said.contains("need #1 added there is now #2"),
        "the renumbering is said: {said}"
    );
    t.a.ok(&["sync"]);
    t.agree();
    // The entries of both, in time order: the other machine's placed among this one's.
    let month = text(&t.a, DEC);
    let order: Vec<usize> = [
        "Tea at the Royal Society",
        "Letter from her",
        "Coffee, she is writing",
        "Call about the engine",
    ]
    .iter()
    .map(|n| month.find(n).unwrap_or_else(|| panic!("{n} in {month}")))
    .collect();
    assert!(order.windows(2).all(|w| w[0] < w[1]), "{month}");
    // Both needs, under two numbers; B's email and A's need together.
    let ada = text(&t.a, ADA);
    assert!(ada.contains("email = [\"ada@example.org\"]"), "{ada}");
    let n1 = ada.find("id = 1\nwhat = \"a violin teacher\"");
    let n2 = ada.find("id = 2\nwhat = \"a publisher\"");
    assert!(n1.is_some() && n2.is_some(), "{ada}");
    // One merge commit, every change of both machines in the history of both.
    let subjects = t.a.subjects();
    assert_eq!(subjects[0], "sync: merged the changes from origin");
    for s in [
        "need #1 recorded for Ada Lovelace",
        "edited Ada Lovelace: email",
    ] {
        assert!(subjects.iter().any(|x| x == s), "{s} in {subjects:?}");
    }
    assert_eq!(t.b.subjects(), subjects);
}

#[test]
fn the_same_field_changed_on_both_is_a_conflict_both_values_kept_until_picked() {
    let t = Two::new();
    t.a.ok(&["edit", "ada", "--set", "role=CEO"]);
    t.b.ok(&["edit", "ada", "--set", "role=Chair"]);
    t.b.ok(&["edit", "ada", "--set", "company=Engines Ltd"]);
    // And the same new need number on both machines.
    t.a.ok(&["need", "ada", "a publisher"]);
    t.b.ok(&["need", "ada", "a violin teacher"]);
    t.a.ok(&["sync"]);
    let before = t.b.files();
    let head = Two::head(&t.b, &t.b.data);
    let out = t.b.run(&["sync"]);
    assert_eq!(out.status.code(), Some(1));
    let said = String::from_utf8_lossy(&out.stdout);
    assert!(
        said.starts_with("needs you: contacts/ada-lovelace.toml (Ada Lovelace)\n  role: here \"Chair\", there \"CEO\"\n"),
        "{said}"
    );
    assert!(
        said.contains("rolo sync --theirs contacts/ada-lovelace.toml"),
        "{said}"
    );
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.starts_with("rolo: sync stopped: 1 conflict needs you"),
        "{err}"
    );
    // Nothing merged, nothing lost, no markers, no merge left half-way, and what
    // `git merge --abort` put back is private again.
    assert_eq!(t.b.files(), before);
    private(&t.b.data);
    assert_eq!(Two::head(&t.b, &t.b.data), head);
    assert!(!t.b.data.join(".git/MERGE_HEAD").exists());
    assert!(t.b.ok(&["check"]).contains(": 0 errors"));
    // Picked: the other machine's role, and this one's company still.
    let said =
        t.b.ok(&["sync", "--theirs", t.b.data.join(ADA).to_str().unwrap()]);
    assert!(said.contains("up to date"), "{said}");
    // With the other machine's values, the need renumbered is the one added here.
    assert!(
        said.contains("need #1 added here is now #2"),
        "the renumbering is said of the side it was on: {said}"
    );
    let ada = text(&t.b, ADA);
    let (first, second) = (
        ada.find("what = \"a publisher\"").expect("A's need"),
        ada.find("what = \"a violin teacher\"").expect("B's need"),
    );
    assert!(first < second, "{ada}");
    assert!(ada.contains("id = 2\nwhat = \"a violin teacher\""), "{ada}");
    t.a.ok(&["sync"]);
    t.agree();
    let ada = text(&t.a, ADA);
    assert!(
        ada.contains("role = \"CEO\"") && ada.contains("company = \"Engines Ltd\""),
        "{ada}"
    );
    // A pick for a file with no conflict is refused.
    assert_eq!(
        t.b.fails(&["sync", "--ours", ADA]),
        "contacts/ada-lovelace.toml has no conflict waiting (`rolo sync` lists them)"
    );
}

#[test]
fn a_note_edited_on_one_machine_and_deleted_on_the_other() {
    let t = Two::new();
    t.a.ok(&["note", "ada", "Second note", "--at", "2026-12-02 09:00"]);
    t.a.ok(&["sync"]);
    t.b.ok(&["sync"]);
    t.agree();
    let month = text(&t.a, DEC);
    // A edits the first note's text by hand; B deletes that entry by hand.
    t.a.write(
        DEC,
        month
            .replace(
                "Tea at the Royal Society",
                "Tea at the Royal Society, with Charles",
            )
            .as_bytes(),
    );
    let second = month.find("\n[[entry]]").unwrap();
    t.b.write(DEC, &month.as_bytes()[second + 1..]);
    t.a.ok(&["sync"]);
    let out = t.b.run(&["sync"]);
    assert_eq!(out.status.code(), Some(1));
    let said = String::from_utf8_lossy(&out.stdout);
    assert!(
        said.contains("needs you: journal/2026/2026-12.toml\n  entry 2026-12-01-0900-ada, note: here (removed), there \"Tea at the Royal Society, with Charles\""),
        "{said}"
    );
    assert_eq!(text(&t.b, DEC), month[second + 1..]);
    // Keep the edit (the other machine's).
    t.b.ok(&["sync", "--theirs", DEC]);
    t.a.ok(&["sync"]);
    t.agree();
    let merged = text(&t.a, DEC);
    assert!(
        merged.contains("with Charles") && merged.contains("Second note"),
        "{merged}"
    );
}

#[test]
fn a_hand_git_pull_leaving_markers_is_a_conflict_in_rolo_check_not_a_parse_error() {
    let t = Two::new();
    // A third machine with plain git: no merge drivers, so git merges the text.
    let plain = Folder::new();
    let url = t.remote.to_string_lossy().into_owned();
    let data = plain.data.to_string_lossy().into_owned();
    plain.git_in(plain.tmp.path(), &["clone", "-q", &url, &data]);
    let ada = text(&plain, ADA);
    plain.write(
        ADA,
        ada.replace("role = \"CTO\"", "role = \"Chair\"").as_bytes(),
    );
    let who = [
        "-c",
        "user.name=Plain",
        "-c",
        "user.email=plain@example.org",
    ];
    plain.git(&[who[0], who[1], who[2], who[3], "commit", "-qam", "chair"]);
    t.a.ok(&["edit", "ada", "--set", "role=CEO"]);
    t.a.ok(&["sync"]);
    let mut pull = std::process::Command::new("git");
    pull.arg("-C")
        .arg(&plain.data)
        .args(who)
        .args(["pull", "-q", "--no-rebase"]);
    pull.env("GIT_CONFIG_GLOBAL", plain.gitconfig())
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .env("HOME", plain.home());
    assert!(
        !pull.output().unwrap().status.success(),
        "the pull conflicts"
    );
    assert!(text(&plain, ADA).contains("<<<<<<<"));
    let out = plain.run(&["check"]);
    assert_eq!(out.status.code(), Some(1));
    let said = String::from_utf8_lossy(&out.stdout);
    assert!(
        said.contains("contacts/ada-lovelace.toml:3:1: a git merge left conflict markers here"),
        "{said}"
    );
    assert!(said.contains("`git checkout --ours FILE`"), "{said}");
}

#[test]
fn a_remote_that_cannot_be_reached_is_one_line_exit_75_and_nothing_is_lost() {
    let t = Two::new();
    t.a.ok(&["note", "ada", "Offline note"]);
    let gone = t.a.tmp.path().join("usb-stick-unplugged.git");
    let out = t.a.run(&["sync", "--remote", gone.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(75));
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(
        err.starts_with("rolo: offline: cannot reach origin ("),
        "{err}"
    );
    assert!(err.contains("nothing is lost"), "{err}");
    // The note is committed here, waiting for the remote.
    let last = &t.a.subjects()[0];
    assert!(
        last.starts_with("logged note with Ada Lovelace") && last.contains("Offline note"),
        "{last}"
    );
    // Back online: it goes.
    t.a.ok(&["sync", "--remote", t.remote.to_str().unwrap()]);
    t.b.ok(&["sync"]);
    t.agree();
}

#[test]
fn no_remote_says_how_to_set_one() {
    let f = Folder::new();
    f.ok(&["add", "Ada"]);
    assert!(
        f.fails(&["sync"])
            .starts_with("no remote to sync with: set one with `rolo sync --remote URL`")
    );
}

#[test]
fn a_person_added_with_the_same_id_on_both_machines_is_one_person() {
    let t = Two::new();
    t.a.ok(&["add", "Bo Chen", "--tag", "chess"]);
    t.b.ok(&["add", "Bo Chen", "--tag", "go", "--company", "Weiqi Ltd"]);
    t.a.ok(&["sync"]);
    t.b.ok(&["sync"]);
    t.a.ok(&["sync"]);
    t.agree();
    let bo = text(&t.a, "contacts/bo-chen.toml");
    assert!(bo.contains("tags = [\"go\", \"chess\"]"), "{bo}");
    assert!(bo.contains("company = \"Weiqi Ltd\""), "{bo}");
}

#[test]
fn a_remote_with_a_newer_history_written_by_plain_git_comes_in() {
    let t = Two::new();
    let plain = Folder::new();
    let url = t.remote.to_string_lossy().into_owned();
    let data = plain.data.to_string_lossy().into_owned();
    plain.git_in(plain.tmp.path(), &["clone", "-q", &url, &data]);
    let ada = text(&plain, ADA);
    plain.write(
        ADA,
        ada.replace("role = \"CTO\"", "role = \"Chair\"").as_bytes(),
    );
    let who = [
        "-c",
        "user.name=Plain",
        "-c",
        "user.email=plain@example.org",
    ];
    plain.git(&[
        who[0],
        who[1],
        who[2],
        who[3],
        "commit",
        "-qam",
        "chair, by hand",
    ]);
    plain.git(&["push", "-q", "origin", "HEAD"]);
    // A has nothing new: it only comes in (no merge commit); B has a change: merged.
    assert!(t.a.ok(&["sync"]).contains("1 change in from origin"));
    assert_eq!(t.a.subjects()[0], "chair, by hand");
    t.b.ok(&["need", "ada", "a publisher"]);
    t.b.ok(&["sync"]);
    t.a.ok(&["sync"]);
    t.agree();
    let ada = text(&t.a, ADA);
    assert!(
        ada.contains("role = \"Chair\"") && ada.contains("a publisher"),
        "{ada}"
    );
}

#[test]
fn a_contact_archived_on_one_machine_and_edited_on_the_other() {
    let t = Two::new();
    t.a.ok(&["archive", "ada"]);
    t.b.ok(&["edit", "ada", "--set", "role=Countess"]);
    t.b.ok(&["need", "ada", "a publisher"]);
    t.a.ok(&["sync"]);
    t.b.ok(&["sync"]);
    t.a.ok(&["sync"]);
    t.agree();
    let ada = text(&t.a, ADA);
    assert!(ada.contains("archived = "), "{ada}");
    assert!(
        ada.contains("role = \"Countess\"") && ada.contains("a publisher"),
        "{ada}"
    );
}

/// `rolo clone URL FOLDER`, as `git clone` takes it: the journal lands in FOLDER (not the data
/// folder), and the next steps name it.
#[test]
fn clone_takes_the_folder_as_git_clone_does() {
    let two = Two::new();
    let url = two.remote.to_string_lossy().into_owned();
    let elsewhere = two.b.tmp.path().join("laptop journal");
    let folder = elsewhere.to_string_lossy().into_owned();
    let said = two.b.ok(&["clone", &url, &folder]);
    assert!(
        said.starts_with(&format!("cloned {url} into {folder}: 1 person")),
        "{said}"
    );
    assert!(
        said.contains(&format!("next: `rolo --dir {folder}` to open it")),
        "{said}"
    );
    assert_eq!(
        std::fs::read(elsewhere.join("contacts/ada-lovelace.toml")).unwrap(),
        std::fs::read(two.a.data.join("contacts/ada-lovelace.toml")).unwrap()
    );
    private(&elsewhere);
}

/// While git merges, the journal's files are git's: rolo's own writes wait on the folder's
/// lock (a note saved in a running TUI must never be overwritten by the merge's checkout). So
/// a sync that has something to merge waits while a writer holds that lock, and merges after.
#[test]
fn the_merge_waits_for_a_writer_holding_the_folder() {
    use rolo::store::{DiskFs, Fs};
    let t = Two::new();
    t.a.ok(&[
        "note",
        "ada",
        "Coffee, she is writing",
        "--at",
        "2026-12-02 09:00",
    ]);
    t.a.ok(&["sync"]);
    let before = Two::head(&t.b, &t.b.data);
    let writer = DiskFs::new(&t.b.data).lock().expect("the folder's lock");
    let mut sync = t.b.cmd(&["sync"]).spawn().expect("rolo sync starts");
    std::thread::sleep(std::time::Duration::from_millis(2500));
    assert!(
        sync.try_wait().expect("waits").is_none(),
        "the sync went on while a writer held the folder"
    );
    assert_eq!(Two::head(&t.b, &t.b.data), before, "merged under a writer");
    drop(writer);
    assert!(sync.wait().expect("ends").success());
    t.agree();
    assert!(text(&t.b, DEC).contains("Coffee, she is writing"));
}
