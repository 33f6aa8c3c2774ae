//! `[history]` in `config.toml`, beside `[keys]` (which `keymap` reads from the same file):
//!
//! ```toml
//! [history]
//! git = false    # no history; true: commit even when the data folder is inside another repository
//! ```
//!
//! Left out, history is on in a repository of the data folder's own; a folder inside another
//! repository is left alone unless `git = true` says to commit there.
//!
//! `[sync] auto = false` keeps the TUI from syncing on its own (on start, a while after
//! changes, on quit); left out, it does whenever a remote is set (`rolo sync --remote URL`).

use std::path::{Path, PathBuf};

/// What `[history] git` says.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum GitSetting {
    /// Not written: on in the folder's own repository, off inside another one.
    #[default]
    Unset,
    /// `git = true`: on, also inside another repository.
    On,
    /// `git = false`: off.
    Off,
}

/// The history's settings as read, and what was wrong in them (said to the person; a value
/// that cannot be read turns history off rather than guess).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Config {
    pub git: GitSetting,
    /// `[sync] auto`: the TUI syncs in the background when a remote is set.
    pub auto_sync: bool,
    pub problems: Vec<String>,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            git: GitSetting::default(),
            auto_sync: true,
            problems: Vec::new(),
        }
    }
}

impl Config {
    /// The settings in a config file's text. `path` names the file in messages.
    pub fn from_text(path: &Path, text: &str) -> Config {
        let shown = path.display();
        let table: toml::Table = match toml::from_str(text) {
            Ok(t) => t,
            // The keymap reports the same file's syntax with line and column; here it is
            // enough to say history is off until it reads.
            Err(e) => {
                return Config::off(format!(
                    "{shown} does not read ({}); history is off until it does",
                    e.message().trim()
                ));
            }
        };
        let mut config = Config::default();
        config.read_sync(&shown.to_string(), table.get("sync"));
        let Some(history) = table.get("history") else {
            return config;
        };
        let Some(history) = history.as_table() else {
            return Config::off(format!(
                "{shown}: `history` must be a table, [history] with git = true or false; history is off until it is"
            ));
        };
        for (key, value) in history {
            match (key.as_str(), value) {
                ("git", toml::Value::Boolean(true)) => config.git = GitSetting::On,
                ("git", toml::Value::Boolean(false)) => config.git = GitSetting::Off,
                ("git", other) => {
                    config.git = GitSetting::Off;
                    config.problems.push(format!(
                        "{shown}: [history] git must be true or false, not {}; history is off until it is",
                        crate::sanitize::inert_line(&other.to_string())
                    ));
                }
                (other, _) => config.problems.push(format!(
                    "{shown}: [history] has no key `{}` (the one key is git = true or false); it is ignored",
                    crate::sanitize::inert_line(other)
                )),
            }
        }
        config
    }

    fn off(problem: String) -> Config {
        Config {
            git: GitSetting::Off,
            problems: vec![crate::sanitize::inert_line(&problem).into_owned()],
            ..Config::default()
        }
    }

    /// `[sync]`: `auto = true|false`; anything else is named and ignored.
    fn read_sync(&mut self, shown: &str, sync: Option<&toml::Value>) {
        let Some(sync) = sync else {
            return;
        };
        let Some(sync) = sync.as_table() else {
            self.problems.push(format!(
                "{shown}: `sync` must be a table, [sync] with auto = true or false; it is ignored"
            ));
            return;
        };
        for (key, value) in sync {
            match (key.as_str(), value) {
                ("auto", toml::Value::Boolean(b)) => self.auto_sync = *b,
                (key, value) => self.problems.push(format!(
                    "{shown}: [sync] takes auto = true or false, not {} = {}; it is ignored",
                    crate::sanitize::inert_line(key),
                    crate::sanitize::inert_line(&value.to_string())
                )),
            }
        }
    }

    /// The settings in `file`; none written when it does not exist.
    pub fn load(file: Option<PathBuf>) -> Config {
        let Some(path) = file else {
            return Config::default();
        };
        match std::fs::read_to_string(&path) {
            Ok(text) => Config::from_text(&path, &text),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Config::default(),
            Err(e) => Config::off(format!(
                "cannot read {} ({e}); history is off until it can be read",
                path.display()
            )),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(text: &str) -> Config {
        Config::from_text(Path::new("/c/config.toml"), text)
    }

    #[test]
    fn git_true_false_and_left_out() {
        assert_eq!(read("").git, GitSetting::Unset);
        assert_eq!(
            read("[keys.browse]\n\"x\" = \"quit\"\n").git,
            GitSetting::Unset
        );
        assert_eq!(read("[history]\ngit = true\n").git, GitSetting::On);
        assert_eq!(read("[history]\ngit = false\n").git, GitSetting::Off);
        assert!(read("[history]\ngit = true\n").problems.is_empty());
    }

    #[test]
    fn a_value_that_is_not_a_boolean_turns_history_off_and_says_so() {
        let c = read("[history]\ngit = \"yes\"\n");
        assert_eq!(c.git, GitSetting::Off);
        assert_eq!(
            c.problems,
            [
                "/c/config.toml: [history] git must be true or false, not \"yes\"; history is off until it is"
            ]
        );
        let c = read("history = 3\n");
        assert_eq!(c.git, GitSetting::Off);
        assert!(
            c.problems[0].contains("must be a table"),
            "{:?}",
            c.problems
        );
        let c = read("[history\n");
        assert_eq!(c.git, GitSetting::Off);
        assert!(
            c.problems[0].starts_with("/c/config.toml does not read"),
            "{:?}",
            c.problems
        );
    }

    #[test]
    fn an_unknown_key_is_named_and_ignored() {
        let c = read("[history]\ngit = true\nauto = 1\n");
        assert_eq!(c.git, GitSetting::On);
        assert_eq!(
            c.problems,
            [
                "/c/config.toml: [history] has no key `auto` (the one key is git = true or false); it is ignored"
            ]
        );
    }

    #[test]
    fn sync_auto_is_on_unless_said_off() {
        assert!(read("").auto_sync);
        assert!(!read("[sync]\nauto = false\n").auto_sync);
        let c = read("[sync]\nauto = \"no\"\n");
        assert!(c.auto_sync);
        assert_eq!(
            c.problems,
            ["/c/config.toml: [sync] takes auto = true or false, not auto = \"no\"; it is ignored"]
        );
        // Beside [history], each read.
        let c = read("[history]\ngit = true\n[sync]\nauto = false\n");
        assert_eq!((c.git, c.auto_sync), (GitSetting::On, false));
    }

    #[test]
    fn no_file_is_no_setting() {
        assert_eq!(Config::load(None), Config::default());
        let dir = tempfile::tempdir().unwrap();
        assert_eq!(
            Config::load(Some(dir.path().join("none.toml"))),
            Config::default()
        );
    }
}
