//! The real binary in a real terminal (tmux): a typed note reaches the file, a note being
//! typed survives SIGKILL, the cache with a second terminal writing. The helpers here are
//! shared with the other terminal journeys (`tmux_restore`, `tmux_screens`, ...).
//! Skipped with a notice when tmux is missing, unless CI=true.

use std::path::Path;
use std::process::{Command, Output};
use std::time::{Duration, Instant};

const NOW: &str = "2026-11-24T14:26:00+01:00";

pub(crate) fn have_tmux() -> bool {
    let found = Command::new("tmux")
        .arg("-V")
        .output()
        .is_ok_and(|o| o.status.success());
    if !found {
        assert!(
            std::env::var("CI").as_deref() != Ok("true"),
            "tmux is required on CI"
        );
        eprintln!("notice: tmux is not installed; skipping the terminal tests");
    }
    found
}

/// One private tmux server, killed when the test ends (even on failure).
pub(crate) struct Tmux {
    socket: String,
    pub(crate) home: tempfile::TempDir,
}

impl Tmux {
    pub(crate) fn new(name: &str) -> Tmux {
        Tmux {
            socket: format!("rolo-test-{}-{name}", std::process::id()),
            home: tempfile::tempdir().unwrap(),
        }
    }

    pub(crate) fn tmux(&self, args: &[&str]) -> Output {
        Command::new("tmux")
            .arg("-L")
            .arg(&self.socket)
            .args(args)
            .output()
            .unwrap()
    }

    /// A shell line that runs rolo on `dir` with a fixed clock and a private HOME.
    pub(crate) fn rolo_line(&self, dir: &Path, extra_env: &str) -> String {
        format!(
            "env -u ROLO_CACHE_DIR HOME={home} XDG_CONFIG_HOME={home}/config XDG_CACHE_HOME={home}/cache ROLO_NOW={NOW} TERM=xterm-256color {extra_env} {bin} --dir {dir}",
            home = self.home.path().display(),
            bin = env!("CARGO_BIN_EXE_rolo"),
            dir = dir.display()
        )
    }

    pub(crate) fn start(&self, command: &str) {
        let args = [
            "new-session",
            "-d",
            "-s",
            "t",
            "-x",
            "120",
            "-y",
            "35",
            command,
        ];
        let mut out = self.tmux(&args);
        // A session started right after the last one ended can reach the server while it is
        // still shutting down (it exits when it has no sessions left); tmux then says so and a
        // new server is started on the next try.
        for _ in 0..20 {
            if out.status.success()
                || !String::from_utf8_lossy(&out.stderr).contains("server exited unexpectedly")
            {
                break;
            }
            std::thread::sleep(Duration::from_millis(100));
            out = self.tmux(&args);
        }
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
    }

    pub(crate) fn keys(&self, keys: &[&str]) {
        for k in keys {
            self.tmux(&["send-keys", "-t", "t", k]);
        }
    }

    pub(crate) fn type_text(&self, text: &str) {
        self.tmux(&["send-keys", "-t", "t", "-l", text]);
    }

    pub(crate) fn screen(&self) -> String {
        String::from_utf8_lossy(&self.tmux(&["capture-pane", "-p", "-t", "t"]).stdout).into_owned()
    }

    pub(crate) fn alive(&self) -> bool {
        self.tmux(&["has-session", "-t", "t"]).status.success()
    }

    /// Poll until `done` holds, for at most ten seconds.
    pub(crate) fn wait(&self, what: &str, done: impl Fn(&Tmux) -> bool) {
        let start = Instant::now();
        while start.elapsed() < Duration::from_secs(10) {
            if done(self) {
                return;
            }
            std::thread::sleep(Duration::from_millis(50));
        }
        panic!("timed out waiting for {what}; screen:\n{}", self.screen());
    }

    pub(crate) fn wait_for(&self, text: &str) {
        self.wait(&format!("{text:?}"), |t| t.screen().contains(text));
    }
}

impl Drop for Tmux {
    fn drop(&mut self) {
        self.tmux(&["kill-server"]);
    }
}

pub(crate) fn demo_dir() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    rolo::demo::install(dir.path()).unwrap();
    dir
}

pub(crate) fn month(dir: &Path) -> String {
    std::fs::read_to_string(dir.join("journal/2026/2026-11.toml")).unwrap()
}

/// The drafts on disk. Not a write still in flight: its temp file (`.rolo-tmp-*`, which rolo
/// never reads) already holds the new text while the draft beside it still holds the old,
/// and counting both made a slow final write look like two drafts.
pub(crate) fn drafts(dir: &Path) -> Vec<String> {
    std::fs::read_dir(dir.join("drafts"))
        .map(|d| {
            d.flatten()
                .filter(|e| !e.file_name().to_string_lossy().starts_with(".rolo-tmp-"))
                .filter_map(|e| std::fs::read_to_string(e.path()).ok())
                .collect()
        })
        .unwrap_or_default()
}

#[test]
fn search_type_a_note_and_quit() {
    if !have_tmux() {
        return;
    }
    let dir = demo_dir();
    let t = Tmux::new("note");
    t.start(&t.rolo_line(dir.path(), ""));
    t.wait_for("Contacts 25");
    t.keys(&["/"]);
    t.type_text("kwame");
    t.wait_for("Timeline · Kwame Asante");
    t.keys(&["Enter", "n"]);
    t.wait_for("Note · Kwame Asante");
    t.type_text("Met at the station, he starts Monday");
    t.keys(&["Tab", "Enter"]);
    t.wait_for("saved coffee");
    t.keys(&["q"]);
    t.wait("rolo to quit", |t| !t.alive());
    let month = month(dir.path());
    let tail = &month[month.rfind("[[entry]]").unwrap()..];
    assert!(
        tail.contains("note = \"Met at the station, he starts Monday\""),
        "{tail}"
    );
    assert!(tail.contains("with = [\"kwame-asante\"]"), "{tail}");
    assert!(tail.contains("kind = \"coffee\""), "{tail}");
    assert!(drafts(dir.path()).is_empty());
}

#[test]
fn a_note_survives_sigkill_and_is_restored() {
    if !have_tmux() {
        return;
    }
    let dir = demo_dir();
    let t = Tmux::new("kill");
    // `exec` so the pane's process is rolo itself, and SIGKILL reaches it.
    t.start(&format!("exec {}", t.rolo_line(dir.path(), "")));
    t.wait_for("Contacts 25");
    t.keys(&["n"]);
    t.wait_for("Note · Aiko Tanaka");
    t.type_text("Half a thought about the grant");
    // The draft may be up to about a second behind the typing.
    std::thread::sleep(Duration::from_millis(1200));
    let pid = String::from_utf8_lossy(
        &t.tmux(&["display-message", "-p", "-t", "t", "#{pane_pid}"])
            .stdout,
    )
    .trim()
    .to_string();
    let killed = Command::new("kill").args(["-KILL", &pid]).status().unwrap();
    assert!(killed.success());
    t.wait("rolo to die", |t| !t.alive());
    let saved = drafts(dir.path());
    assert_eq!(saved.len(), 1, "{saved:?}");
    assert!(
        saved[0].contains("Half a thought about the grant"),
        "{}",
        saved[0]
    );
    assert!(!month(dir.path()).contains("Half a thought"));

    let t = Tmux::new("restart");
    t.start(&t.rolo_line(dir.path(), ""));
    t.wait_for("Unsaved note from last time");
    t.wait_for("Half a thought about the grant");
    t.keys(&["r"]);
    t.wait_for("Note · Aiko Tanaka");
    t.type_text(" (restored)");
    t.keys(&["Enter"]);
    t.wait_for("saved note");
    t.keys(&["q"]);
    t.wait("rolo to quit", |t| !t.alive());
    assert!(month(dir.path()).contains("note = \"Half a thought about the grant (restored)\""));
    assert!(drafts(dir.path()).is_empty());
}

/// Files in the cache folder the TUI run wrote (`XDG_CACHE_HOME` is `HOME/cache` here),
/// with their modification times.
pub(crate) fn cache_files(t: &Tmux) -> Vec<(std::path::PathBuf, std::time::SystemTime)> {
    let mut out = Vec::new();
    let mut todo = vec![t.home.path().join("cache/rolo")];
    while let Some(dir) = todo.pop() {
        for item in std::fs::read_dir(&dir).into_iter().flatten().flatten() {
            let path = item.path();
            if path.is_dir() {
                todo.push(path);
            } else if let Ok(modified) = item.metadata().and_then(|m| m.modified()) {
                out.push((path, modified));
            }
        }
    }
    out.sort();
    out
}

#[test]
fn the_tui_writes_the_cache_in_the_background_and_draws_the_same_from_it() {
    if !have_tmux() {
        return;
    }
    let dir = demo_dir();
    // Files younger than 2 s are not cached; the demo was just written.
    std::thread::sleep(Duration::from_millis(2_100));
    let months = std::fs::read_dir(dir.path().join("journal"))
        .unwrap()
        .flatten()
        .map(|year| std::fs::read_dir(year.path()).unwrap().count())
        .sum::<usize>();
    let t = Tmux::new("cache");
    t.start(&t.rolo_line(dir.path(), ""));
    t.wait_for("Contacts 25");
    t.wait("older months", |t| !t.screen().contains("loading older"));
    let cold = t.screen();
    t.wait("the cache written", |t| {
        cache_files(t)
            .iter()
            .filter(|(p, _)| p.extension().is_some_and(|e| e == "bin"))
            .filter(|(p, _)| p.parent().is_some_and(|d| d.ends_with("journal")))
            .count()
            == months
    });
    t.keys(&["q"]);
    t.wait("rolo to quit", |t| !t.alive());
    let written = cache_files(&t);
    assert!(
        written
            .iter()
            .any(|(p, _)| p.to_string_lossy().contains("/contacts/"))
    );

    t.start(&t.rolo_line(dir.path(), ""));
    t.wait_for("Contacts 25");
    t.wait("older months", |t| !t.screen().contains("loading older"));
    assert_eq!(t.screen(), cold);
    t.keys(&["q"]);
    t.wait("rolo to quit", |t| !t.alive());
    // Nothing changed, so nothing was rewritten.
    assert_eq!(cache_files(&t), written);
}

/// The reported journey: the TUI runs on a folder with the cache on (its background load has
/// flushed the cache), and a second terminal records a need, rewrites a file like `sed -i`
/// and deletes one. The TUI used to panic (`index out of bounds` in the cache, exit 101).
#[test]
fn a_second_terminal_writes_while_the_tui_runs_with_the_cache_on() {
    if !have_tmux() {
        return;
    }
    let dir = demo_dir();
    // Files younger than 2 s are not cached; the demo was just written.
    std::thread::sleep(Duration::from_millis(2_100));
    let t = Tmux::new("second");
    t.start(&t.rolo_line(dir.path(), ""));
    t.wait_for("Contacts 25");
    t.wait("older months", |t| !t.screen().contains("loading older"));
    // The background load writes the cache once it has read the older months.
    t.wait("the cache written", |t| {
        cache_files(t)
            .iter()
            .any(|(p, _)| p.to_string_lossy().contains("/contacts/"))
    });
    let second = |args: &[&str]| {
        let out = Command::new(env!("CARGO_BIN_EXE_rolo"))
            .arg("--dir")
            .arg(dir.path())
            .args(args)
            .env("HOME", t.home.path())
            .env("XDG_CACHE_HOME", t.home.path().join("cache"))
            .env_remove("ROLO_CACHE_DIR")
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
    };
    second(&["need", "zoe-muller", "A flat in Oslo for March"]);
    t.wait_for("reloaded 1 contact changed outside rolo");
    let ben = dir.path().join("contacts/ben-carter.toml");
    let text = std::fs::read_to_string(&ben).unwrap();
    let tmp = dir.path().join("contacts/.sed-tmp");
    std::fs::write(&tmp, text.replace("Ben Carter", "Benjamin Carter")).unwrap();
    std::fs::rename(&tmp, &ben).unwrap();
    t.wait_for("Benjamin Carter");
    std::fs::remove_file(dir.path().join("contacts/aiko-tanaka.toml")).unwrap();
    t.wait_for("Contacts 24");
    assert!(t.alive(), "rolo died:\n{}", t.screen());
    t.keys(&["/"]);
    t.type_text("zoe");
    t.keys(&["Enter"]);
    t.wait_for("A flat in Oslo for March");
    assert!(!t.screen().contains("Aiko Tanaka"), "{}", t.screen());
    t.keys(&["q"]);
    t.wait("rolo to quit", |t| !t.alive());
}

/// The pid of the pane's shell's child: rolo, started from that shell.
pub(crate) fn child_of_pane(t: &Tmux) -> String {
    let pane = String::from_utf8_lossy(
        &t.tmux(&["display-message", "-p", "-t", "t", "#{pane_pid}"])
            .stdout,
    )
    .trim()
    .to_string();
    let children = format!("/proc/{pane}/task/{pane}/children");
    let read = || {
        std::fs::read_to_string(&children)
            .unwrap_or_default()
            .trim()
            .to_string()
    };
    t.wait("rolo's pid", |_| !read().is_empty());
    read()
}

/// nano, VS Code and `printf > file` write in place: the file keeps its inode and its
/// folder's time does not move. An older month edited so reaches the screen within 2 s.
#[test]
fn an_older_month_edited_in_place_shows_within_two_seconds() {
    use std::os::unix::fs::MetadataExt;
    if !have_tmux() {
        return;
    }
    let dir = demo_dir();
    let t = Tmux::new("in-place");
    t.start(&t.rolo_line(dir.path(), ""));
    t.wait_for("Contacts 25");
    t.wait("older months", |t| !t.screen().contains("loading older"));
    t.keys(&["/"]);
    t.type_text("ines");
    t.keys(&["Enter"]);
    t.wait("both birthday notes", |t| {
        t.screen().matches("Happy birthday to Inès.").count() == 2
    });
    let month = dir.path().join("journal/2026/2026-10.toml");
    let inode = std::fs::metadata(&month).unwrap().ino();
    let text = std::fs::read_to_string(&month).unwrap();
    let edited = text.replacen("Happy birthday to Inès.", "Cake and candles for Inès.", 1);
    assert_ne!(text, edited, "the demo changed; update this test");
    let out = Command::new("sh")
        .args(["-c", "printf '%s' \"$1\" > \"$2\"", "sh", &edited])
        .arg(&month)
        .output()
        .unwrap();
    assert!(out.status.success());
    assert_eq!(
        std::fs::metadata(&month).unwrap().ino(),
        inode,
        "not in place"
    );
    let start = Instant::now();
    while !t.screen().contains("Cake and candles for Inès.") {
        assert!(
            start.elapsed() < Duration::from_secs(2),
            "not on screen after 2 s:\n{}",
            t.screen()
        );
        std::thread::sleep(Duration::from_millis(50));
    }
    // Last year's birthday note stays; this year's is the edited one.
    let screen = t.screen();
    assert_eq!(
        screen.matches("Happy birthday to Inès.").count(),
        1,
        "{screen}"
    );
    t.keys(&["q"]);
    t.wait("rolo to quit", |t| !t.alive());
}
