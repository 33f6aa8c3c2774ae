//! What a merge found, noted in `.git/rolo/sync/` (never versioned): `merging/` while a sync's
//! merge runs (each driver run adds its file), `waiting/` once the merge was called off for
//! the person to pick. Beside the note, each clashing file as it would be with this machine's
//! values (`N.ours`) and with the other's (`N.theirs`): what `rolo sync --ours/--theirs PATH`
//! writes.

use super::Clash;
use serde::{Deserialize, Serialize};
use std::io::{self, Write};
use std::os::unix::fs::DirBuilderExt;
use std::path::{Path, PathBuf};

const NOTE: &str = "record.toml";

/// One merge's notes.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Record {
    #[serde(default)]
    pub file: Vec<FileNote>,
}

/// One file a driver merged with something to say.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct FileNote {
    /// Inside the data folder: `contacts/ada.toml`.
    pub path: String,
    /// The person, for a contact file: their name (or id).
    #[serde(default)]
    pub who: String,
    #[serde(default)]
    pub clash: Vec<Clash>,
    /// Needs and follow-ups given another number, in the file as merged (with this
    /// machine's values where they clashed).
    #[serde(default)]
    pub renumbered: Vec<String>,
    /// The same in the file with the other machine's values (`N.theirs`): there the side
    /// renumbered is the other one, and `rolo sync --theirs` says so.
    #[serde(default)]
    pub renumbered_theirs: Vec<String>,
}

impl Record {
    /// The notes in `dir`; none when there are none or they do not read.
    pub fn read(dir: &Path) -> Record {
        std::fs::read_to_string(dir.join(NOTE))
            .ok()
            .and_then(|t| toml::from_str(&t).ok())
            .unwrap_or_default()
    }

    fn write(&self, dir: &Path) -> io::Result<()> {
        let text = toml::to_string(self).map_err(io::Error::other)?;
        write_private(&dir.join(NOTE), text.as_bytes())
    }

    /// Add `note`, with the file as each side would have it when it clashed.
    pub fn add(dir: &Path, note: FileNote, sides: Option<(&[u8], &[u8])>) -> io::Result<()> {
        let mut record = Record::read(dir);
        let index = record.file.len();
        if let Some((ours, theirs)) = sides {
            write_private(&dir.join(format!("{index}.ours")), ours)?;
            write_private(&dir.join(format!("{index}.theirs")), theirs)?;
        }
        record.file.push(note);
        record.write(dir)
    }

    /// The files that clashed.
    pub fn clashing(&self) -> impl Iterator<Item = &FileNote> {
        self.file.iter().filter(|f| !f.clash.is_empty())
    }

    /// `path` taken with `side`'s values (`rolo sync --ours/--theirs`): what is said of it
    /// is then what was renumbered in that file.
    pub fn took(dir: &Path, path: &str, side: super::Side) -> io::Result<()> {
        let mut record = Record::read(dir);
        let Some(note) = record.file.iter_mut().find(|f| f.path == path) else {
            return Ok(());
        };
        if side == super::Side::Theirs {
            note.renumbered = std::mem::take(&mut note.renumbered_theirs);
        }
        note.renumbered_theirs.clear();
        record.write(dir)
    }

    /// `path` as it would be with `side`'s values, as the driver left it.
    pub fn side(&self, dir: &Path, path: &str, side: super::Side) -> Option<Vec<u8>> {
        let index = self.file.iter().position(|f| f.path == path)?;
        let ext = match side {
            super::Side::Ours => "ours",
            super::Side::Theirs => "theirs",
        };
        std::fs::read(dir.join(format!("{index}.{ext}"))).ok()
    }
}

/// Empty `dir` (made if need be, private).
pub fn reset(dir: &Path) -> io::Result<()> {
    let _ = std::fs::remove_dir_all(dir);
    std::fs::DirBuilder::new()
        .recursive(true)
        .mode(0o700)
        .create(dir)
}

/// Move `from`'s notes to `to` (what replaces `to` whole).
pub fn keep(from: &Path, to: &Path) -> io::Result<()> {
    let _ = std::fs::remove_dir_all(to);
    std::fs::rename(from, to)
}

/// Write `bytes` at `path` whole or not at all (a temp file renamed over it), private.
pub fn write_private(path: &Path, bytes: &[u8]) -> io::Result<()> {
    let dir: PathBuf = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    std::fs::DirBuilder::new()
        .recursive(true)
        .mode(0o700)
        .create(&dir)?;
    let mut tmp = tempfile::Builder::new()
        .prefix(".rolo-tmp-")
        .tempfile_in(&dir)?;
    tmp.write_all(bytes)?;
    tmp.as_file().sync_all()?;
    tmp.persist(path).map_err(|e| e.error)?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn notes_and_sides_are_kept_by_path() {
        let tmp = tempfile::tempdir().unwrap();
        let dir = tmp.path().join("merging");
        reset(&dir).unwrap();
        let note = |path: &str| FileNote {
            path: path.into(),
            who: "Ada".into(),
            clash: vec![Clash {
                what: String::new(),
                key: "role".into(),
                ours: "\"CTO\"".into(),
                theirs: "\"CEO\"".into(),
            }],
            renumbered: vec![],
            renumbered_theirs: vec![],
        };
        Record::add(&dir, note("contacts/ada.toml"), Some((b"o", b"t"))).unwrap();
        Record::add(&dir, note("contacts/bo.toml"), Some((b"o2", b"t2"))).unwrap();
        let r = Record::read(&dir);
        assert_eq!(r.clashing().count(), 2);
        assert_eq!(
            r.side(&dir, "contacts/bo.toml", super::super::Side::Theirs),
            Some(b"t2".to_vec())
        );
        let to = tmp.path().join("waiting");
        keep(&dir, &to).unwrap();
        assert_eq!(Record::read(&to), r);
        assert_eq!(Record::read(&dir), Record::default());
    }
}
