//! Where things live inside the data folder, and where the data folder is.

use std::path::{Path, PathBuf};

pub use crate::model::layout::{
    CONTACTS, DRAFTS, JOURNAL, contact, contact_file_name, draft, month,
};

/// The longest file name rolo writes: most file systems stop at 255 bytes.
pub const MAX_FILE_NAME: usize = 255;

/// Why `name` cannot be one file name inside a folder of the data folder, or `None` when it
/// can. Ids and draft names come from file contents and from file names someone else made,
/// so each is checked before it is joined into a path: a `/` or a `..` would leave the folder,
/// a leading dot would hide the file (and `.`/`..` are folders), a NUL or a control character
/// has no place in a name. Ids rolo makes are stricter still (`slug::is_valid_id`); a contact
/// file someone named by hand (`Ada.toml`) loads, so it stays writable.
pub fn name_problem(name: &str) -> Option<&'static str> {
    if name.is_empty() {
        Some("it is empty")
    } else if name.contains('/') {
        Some("it holds a \"/\"")
    } else if name.contains('\0') {
        Some("it holds a NUL character")
    } else if name.starts_with('.') {
        Some("it starts with a dot")
    } else if name.len() > MAX_FILE_NAME {
        Some("it is longer than 255 bytes")
    } else if name.chars().any(char::is_control) {
        Some("it holds a control character")
    } else {
        None
    }
}

/// A name that cannot be a file's: what it was to name, the name, and why not.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BadName {
    pub of: NameOf,
    pub name: String,
    pub why: &'static str,
}

/// What a checked name was to name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NameOf {
    Contact,
    Draft,
}

impl std::fmt::Display for BadName {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let (name, why) = (shown(&self.name), self.why);
        match self.of {
            NameOf::Contact => write!(f, "\"{name}\" is not a contact id ({why})"),
            NameOf::Draft => write!(f, "\"{name}\" cannot be a draft's file name ({why})"),
        }
    }
}

/// `contacts/ID.toml`, when `id` can name a file there; otherwise why not.
pub fn contact_checked(id: &str) -> Result<PathBuf, BadName> {
    let file = format!("{id}.toml");
    match name_problem(id).or_else(|| name_problem(&file)) {
        None => Ok(Path::new(CONTACTS).join(file)),
        Some(why) => Err(BadName {
            of: NameOf::Contact,
            name: id.to_string(),
            why,
        }),
    }
}

/// `drafts/NAME`, when `name` can name a file there; otherwise why not.
pub fn draft_checked(name: &str) -> Result<PathBuf, BadName> {
    match name_problem(name) {
        None => Ok(Path::new(DRAFTS).join(name)),
        Some(why) => Err(BadName {
            of: NameOf::Draft,
            name: name.to_string(),
            why,
        }),
    }
}

/// A name for a message: inert, and cut short when very long.
fn shown(name: &str) -> String {
    const LONGEST: usize = 40;
    let mut out: String = crate::sanitize::inert_line(name)
        .chars()
        .take(LONGEST)
        .collect();
    if name.chars().count() > LONGEST {
        out.push('…');
    }
    out
}

/// Whether `rel` is a path rolo may write: relative, plain names only (no `..`, no leading
/// dot but the lock file's), so it cannot leave the data folder however it was built.
pub fn is_inside(rel: &Path) -> bool {
    use std::path::Component;
    let mut parts = 0;
    for part in rel.components() {
        parts += 1;
        let Component::Normal(name) = part else {
            return false;
        };
        let Some(name) = name.to_str() else {
            return false;
        };
        // rolo's own dot names at the top: the lock, the drafts' leases, the history's ignores.
        if name_problem(name).is_some()
            && !(parts == 1
                && (name == LOCK || name == LEASES || name == GITIGNORE || name == GITATTRIBUTES))
        {
            return false;
        }
    }
    parts > 0
}

/// The folder lock, at the top of the data folder.
pub const LOCK: &str = ".lock";

/// What the history (a git repository, `crate::history`) leaves out: drafts, temp files, the
/// lock and the leases. Written by rolo when it creates the repository.
pub const GITIGNORE: &str = ".gitignore";

/// How git merges the journal's files (rolo's merge drivers, `crate::history` sync). Written
/// by rolo with the repository, versioned so every clone has it.
pub const GITATTRIBUTES: &str = ".gitattributes";

/// Each running rolo's lease, which marks the drafts it is writing as its own (`drafts.rs`).
pub const LEASES: &str = ".leases";

/// The data folder: `--dir`, then `ROLO_DIR`, then `$XDG_DATA_HOME/rolo`, then
/// `~/.local/share/rolo`. Empty values count as unset, as the XDG spec asks.
pub fn data_dir(flag: Option<&Path>, env: impl Fn(&str) -> Option<String>) -> Option<PathBuf> {
    let set = |k: &str| env(k).filter(|v| !v.is_empty());
    if let Some(dir) = flag {
        return Some(dir.to_path_buf());
    }
    if let Some(dir) = set("ROLO_DIR") {
        return Some(PathBuf::from(dir));
    }
    if let Some(xdg) = set("XDG_DATA_HOME") {
        return Some(Path::new(&xdg).join("rolo"));
    }
    set("HOME").map(|home| Path::new(&home).join(".local/share/rolo"))
}

/// `$XDG_CONFIG_HOME/rolo/config.toml`, or `~/.config/rolo/config.toml`.
pub fn config_file(env: impl Fn(&str) -> Option<String>) -> Option<PathBuf> {
    let set = |k: &str| env(k).filter(|v| !v.is_empty());
    set("XDG_CONFIG_HOME")
        .map(PathBuf::from)
        .or_else(|| set("HOME").map(|h| Path::new(&h).join(".config")))
        .map(|base| base.join("rolo/config.toml"))
}

/// Where the derived cache of the data folder `data` lives: under `ROLO_CACHE_DIR`, else
/// `$XDG_CACHE_HOME/rolo`, else `~/.cache/rolo`, one folder per data folder, named by its last
/// part (to be recognisable) and a hash of its whole path (to be distinct). Never inside it.
pub fn cache_dir(data: &Path, env: impl Fn(&str) -> Option<String>) -> Option<PathBuf> {
    let set = |k: &str| env(k).filter(|v| !v.is_empty());
    let base = set("ROLO_CACHE_DIR")
        .map(PathBuf::from)
        .or_else(|| set("XDG_CACHE_HOME").map(|x| Path::new(&x).join("rolo")))
        .or_else(|| set("HOME").map(|h| Path::new(&h).join(".cache/rolo")))?;
    let name: String = data
        .file_name()
        .map(|n| n.to_string_lossy())
        .unwrap_or_default()
        .chars()
        .filter(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.'))
        .take(40)
        .collect();
    let hash = super::file_text::content_hash(data.as_os_str().as_encoded_bytes());
    Some(base.join(format!("{}-{hash:016x}", name.trim_start_matches('.'))))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn env<'a>(vars: &'a [(&'a str, &'a str)]) -> impl Fn(&str) -> Option<String> + 'a {
        move |k| {
            vars.iter()
                .find(|(n, _)| *n == k)
                .map(|(_, v)| v.to_string())
        }
    }

    #[test]
    fn data_dir_precedence() {
        let all = [("ROLO_DIR", "/r"), ("XDG_DATA_HOME", "/x"), ("HOME", "/h")];
        assert_eq!(
            data_dir(Some(Path::new("/f")), env(&all)),
            Some("/f".into())
        );
        assert_eq!(data_dir(None, env(&all)), Some("/r".into()));
        assert_eq!(data_dir(None, env(&all[1..])), Some("/x/rolo".into()));
        assert_eq!(
            data_dir(None, env(&all[2..])),
            Some("/h/.local/share/rolo".into())
        );
        assert_eq!(
            data_dir(None, env(&[("XDG_DATA_HOME", ""), ("HOME", "/h")])),
            Some("/h/.local/share/rolo".into())
        );
        assert_eq!(data_dir(None, env(&[])), None);
    }

    #[test]
    fn cache_dir_precedence_and_naming() {
        let data = Path::new("/home/h/.local/share/rolo");
        let all = [
            ("ROLO_CACHE_DIR", "/c"),
            ("XDG_CACHE_HOME", "/x"),
            ("HOME", "/h"),
        ];
        let dir = cache_dir(data, env(&all)).unwrap();
        assert_eq!(dir.parent(), Some(Path::new("/c")));
        let name = dir.file_name().unwrap().to_string_lossy().into_owned();
        assert!(
            name.starts_with("rolo-") && name.len() == "rolo-".len() + 16,
            "{name}"
        );
        let xdg = cache_dir(data, env(&all[1..])).unwrap();
        assert_eq!(xdg.parent(), Some(Path::new("/x/rolo")));
        let home = cache_dir(data, env(&all[2..])).unwrap();
        assert_eq!(home.parent(), Some(Path::new("/h/.cache/rolo")));
        assert_eq!(cache_dir(data, env(&[])), None);
        // Two folders with the same last part get two caches.
        let other = cache_dir(Path::new("/elsewhere/rolo"), env(&all)).unwrap();
        assert_ne!(other, dir);
    }

    #[test]
    fn names_that_would_leave_or_hide_are_refused() {
        let long = "z".repeat(251);
        for bad in [
            "",
            "..",
            ".",
            ".hidden",
            "a/b",
            "../x",
            "nul\0",
            "esc\u{1b}",
            &long,
        ] {
            assert!(contact_checked(bad).is_err(), "{bad:?}");
        }
        for bad in [
            "contacts/../x",
            "contacts/.hidden",
            "contacts/a\0",
            "drafts/../../x",
        ] {
            assert!(!is_inside(Path::new(bad)), "{bad:?}");
        }
        assert_eq!(
            contact_checked("Ada"),
            Ok(PathBuf::from("contacts/Ada.toml"))
        );
        assert!(contact_checked(&"z".repeat(250)).is_ok());
        assert!(draft_checked("ada-20261201-100000.toml").is_ok());
        assert!(draft_checked("../../elsewhere/x-20261201-100000.toml").is_err());
        assert!(is_inside(Path::new(".lock")));
        assert!(is_inside(Path::new(".gitignore")));
        assert!(is_inside(Path::new(".gitattributes")));
        assert!(!is_inside(Path::new("contacts/.gitignore")));
        assert!(!is_inside(Path::new(".git/config")));
        assert!(!is_inside(Path::new("contacts/.lock")));
        assert!(!is_inside(Path::new("/etc/passwd")));
        assert!(!is_inside(Path::new("")));
        assert!(is_inside(&month((2026, 11))));
        // A message never carries the name raw or whole.
        let e = contact_checked(&format!("\u{1b}[31m{}", "z".repeat(300)))
            .unwrap_err()
            .to_string();
        assert!(
            e.starts_with("\"␛[31mzzz") && e.contains("…\" is not a contact id"),
            "{e}"
        );
    }

    #[test]
    fn month_paths_are_zero_padded() {
        assert_eq!(month((2026, 3)), PathBuf::from("journal/2026/2026-03.toml"));
        assert_eq!(contact("ada"), PathBuf::from("contacts/ada.toml"));
    }
}
