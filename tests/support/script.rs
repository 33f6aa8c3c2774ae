//! Scripts the tests hand to rolo as an editor, a git or a hook.
//!
//! A script written by this process cannot be run while any process holds it open for
//! writing (`ETXTBSY`, "Text file busy"). Tests run on many threads: a thread that forks
//! (to start rolo) while another is writing a script gives the child a copy of the open
//! file, held until the child execs, and the script's first run then fails now and then.
//! So the script is written by a shell of its own, started and waited for here: the only
//! process that ever holds it open for writing has exited before the script is used.

use std::io::Write;
use std::path::Path;
use std::process::{Command, Stdio};

/// Writes `text` to `path` (creating its folder) as a script that can be run at once.
pub fn executable(path: &Path, text: &str) {
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent).expect("script's folder");
    }
    let mut shell = Command::new("sh")
        .args(["-c", "cat > \"$1\" && chmod 755 \"$1\"", "sh"])
        .arg(path)
        .stdin(Stdio::piped())
        .spawn()
        .expect("sh");
    let mut input = shell.stdin.take().expect("sh's input");
    input.write_all(text.as_bytes()).expect("script text");
    drop(input);
    assert!(shell.wait().expect("sh").success(), "writing {path:?}");
}
