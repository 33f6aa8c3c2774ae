//! Where things live inside the data folder, and where the data folder is.

use std::path::{Path, PathBuf};

pub const CONTACTS: &str = "contacts";
pub const JOURNAL: &str = "journal";
pub const DRAFTS: &str = "drafts";

pub fn contact(id: &str) -> PathBuf {
    Path::new(CONTACTS).join(format!("{id}.toml"))
}

pub fn month((year, month): (i32, u32)) -> PathBuf {
    Path::new(JOURNAL)
        .join(format!("{year:04}"))
        .join(format!("{year:04}-{month:02}.toml"))
}

pub fn draft(file_name: &str) -> PathBuf {
    Path::new(DRAFTS).join(file_name)
}

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
    let hash = super::content_hash(data.as_os_str().as_encoded_bytes());
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
    fn month_paths_are_zero_padded() {
        assert_eq!(month((2026, 3)), PathBuf::from("journal/2026/2026-03.toml"));
        assert_eq!(contact("ada"), PathBuf::from("contacts/ada.toml"));
    }
}
