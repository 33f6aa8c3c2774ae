//! The private copy a person's editor works on, and the editor itself. Both front doors use
//! them (the TUI's `e` and `rolo edit`), which may not borrow from each other, so they live
//! here beside the edits they feed.
//!
//! The copy lives in the data folder, so it is on the same disk and as private as the files
//! (the temp file is made 0600). It is not a record: nothing loads it, and it goes when it is
//! dropped unless `keep` is asked for (a text that could not be saved is never thrown away).

use crate::store::Store;
use std::fmt;
use std::io::{self, Write};
use std::path::{Path, PathBuf};

/// Why the editor round did not get as far as a text to save.
#[derive(Debug)]
pub enum EditorError {
    /// The store is in memory (tests): there is no folder to put the copy in.
    NoFolder,
    Copy(io::Error),
    Editor(io::Error),
    Read(io::Error),
}

impl fmt::Display for EditorError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            EditorError::NoFolder => f.write_str("editing needs a data folder on disk"),
            EditorError::Copy(e) => write!(f, "cannot make a copy to edit: {e}"),
            EditorError::Editor(e) => write!(f, "cannot run the editor: {e}"),
            EditorError::Read(e) => write!(f, "cannot read the edited copy: {e}"),
        }
    }
}

impl std::error::Error for EditorError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            EditorError::NoFolder => None,
            EditorError::Copy(e) | EditorError::Editor(e) | EditorError::Read(e) => Some(e),
        }
    }
}

/// A text in a private file of its own, for an editor.
pub struct EditCopy {
    file: tempfile::NamedTempFile,
}

impl EditCopy {
    pub fn new(store: &Store, text: &str) -> Result<EditCopy, EditorError> {
        let root = store.root().ok_or(EditorError::NoFolder)?;
        let mut file = tempfile::Builder::new()
            .prefix(".rolo-edit-")
            .suffix(".toml")
            .tempfile_in(root)
            .map_err(EditorError::Copy)?;
        file.write_all(text.as_bytes())
            .and_then(|_| file.flush())
            .map_err(EditorError::Copy)?;
        Ok(EditCopy { file })
    }

    pub fn path(&self) -> &Path {
        self.file.path()
    }

    /// What the editor left in the copy; `None` when that is not UTF-8 text.
    pub fn read(&self) -> Result<Option<String>, EditorError> {
        let bytes = std::fs::read(self.file.path()).map_err(EditorError::Read)?;
        Ok(String::from_utf8(bytes).ok())
    }

    /// Keep the copy after rolo ends (its text could not be saved): where it is.
    pub fn keep(self) -> Result<PathBuf, EditorError> {
        self.file
            .keep()
            .map(|(_, path)| path)
            .map_err(|e| EditorError::Copy(e.error))
    }
}

/// The person's editor: `$VISUAL`, then `$EDITOR`, then `vi`.
pub fn editor_command() -> String {
    std::env::var("VISUAL")
        .ok()
        .filter(|e| !e.trim().is_empty())
        .or_else(|| std::env::var("EDITOR").ok())
        .filter(|e| !e.trim().is_empty())
        .unwrap_or_else(|| "vi".into())
}

/// Run the person's editor on `path` and wait for it. Through the shell, so
/// `EDITOR="code --wait"` works as it does for git.
pub fn open_editor(path: &Path) -> io::Result<()> {
    let editor = editor_command();
    let status = std::process::Command::new("sh")
        .arg("-c")
        .arg(format!("{editor} \"$1\""))
        .arg("sh")
        .arg(path)
        .status();
    match status {
        Ok(s) if s.success() => Ok(()),
        Ok(s) => Err(io::Error::other(format!("`{editor}` exited with {s}"))),
        Err(e) => Err(io::Error::other(format!("`{editor}`: {e}"))),
    }
}
