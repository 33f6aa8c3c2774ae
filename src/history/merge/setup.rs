//! Telling git to merge the journal's files with rolo: `.gitattributes` in the data folder
//! (versioned, so every clone has it) names the drivers for contact and month files, and the
//! repository's own config (not versioned: a path on this machine) says how to run each,
//! with the path of the rolo running now. A clone without that config (a plain `git clone`)
//! merges the files as text, which can leave markers: `rolo check` says so and how out.

use crate::history::git::{Git, GitError};
use crate::store::{DiskFs, Fs, paths};
use std::path::Path;

/// What rolo writes in `.gitattributes` when the folder has none.
pub const GITATTRIBUTES_TEXT: &str = "\
# Written by rolo: git merges the journal's files with rolo's own merges (see `rolo sync`),
# entry by entry and key by key, so two machines' changes meet without conflict markers.
/contacts/*.toml merge=rolo-contact
/journal/*/*.toml merge=rolo-month
";

/// Write rolo's `.gitattributes` when the data folder has none (a person's own is kept).
pub fn write_gitattributes(dir: &Path) -> Result<(), String> {
    let disk = DiskFs::new(dir);
    let file = Path::new(paths::GITATTRIBUTES);
    if matches!(disk.read(file), Ok(None)) {
        disk.write_atomic(file, GITATTRIBUTES_TEXT.as_bytes())
            .map_err(|e| format!("cannot write {}: {e}", dir.join(file).display()))?;
    }
    Ok(())
}

/// The command git runs for `kind`, for the rolo at `exe`: the path quoted for the shell
/// git hands it to (git quotes `%O %A %B %P` itself).
pub fn driver_command(exe: &Path, kind: super::Kind) -> String {
    let exe = exe.to_string_lossy();
    format!(
        "'{}' merge-driver {} %O %A %B %P",
        exe.replace('\'', "'\\''"),
        kind.as_str()
    )
}

/// Register the drivers in the repository's config, with this rolo's path (set only what
/// differs: a config write takes git's lock on the file).
pub fn register(git: &Git) -> Result<(), GitError> {
    let Ok(exe) = std::env::current_exe() else {
        return Ok(());
    };
    let exe = std::fs::canonicalize(&exe).unwrap_or(exe);
    let have = git
        .text(["config", "--local", "--get-regexp", r"^merge\.rolo-"])
        .unwrap_or_default();
    for kind in [super::Kind::Contact, super::Kind::Month] {
        let name = kind.as_str();
        let wanted = [
            (
                format!("merge.rolo-{name}.name"),
                format!("rolo: {name} files, merged by {}", by(kind)),
            ),
            (
                format!("merge.rolo-{name}.driver"),
                driver_command(&exe, kind),
            ),
        ];
        for (key, value) in wanted {
            if !have.lines().any(|l| l == format!("{key} {value}")) {
                git.run(["config", "--local", &key, &value])?;
            }
        }
    }
    Ok(())
}

fn by(kind: super::Kind) -> &'static str {
    match kind {
        super::Kind::Contact => "key",
        super::Kind::Month => "entry",
    }
}

/// Both: what a new repository (made by the history, or cloned) gets.
pub fn set_up(dir: &Path, git: &Git) -> Result<(), String> {
    write_gitattributes(dir)?;
    register(git).map_err(|e| e.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_command_quotes_the_path_for_the_shell() {
        assert_eq!(
            driver_command(
                Path::new("/opt/my rolo/it's/rolo"),
                super::super::Kind::Month
            ),
            "'/opt/my rolo/it'\\''s/rolo' merge-driver month %O %A %B %P"
        );
    }
}
