//! What the sync screen (`Y`) shows: the files the last sync stopped at, each conflict with
//! this machine's value and the other's, and which file is highlighted. Filled off the loop's
//! thread (the notes live in the repository); a pick is carried out there too.

/// The sync screen's state.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct SyncView {
    /// `None` while the notes are read; `Err` says why they cannot be.
    pub read: Option<Result<Vec<ConflictFile>, String>>,
    /// The highlighted file.
    pub selected: usize,
    /// No remote is set: nothing has been synced, so nothing can wait.
    pub no_remote: bool,
}

/// One file changed differently on both machines.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConflictFile {
    /// Inside the data folder: `contacts/ada.toml`.
    pub path: String,
    /// The person it is about, when it is a contact file.
    pub who: String,
    pub clashes: Vec<ClashLine>,
}

/// One value changed two ways.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ClashLine {
    /// What it is: `role`, `entry 2026-12-01-0900-ada, text`; empty for the whole file.
    pub what: String,
    /// This machine's value, and the other's.
    pub here: String,
    pub there: String,
}

impl SyncView {
    /// The files, when they have been read.
    pub fn files(&self) -> &[ConflictFile] {
        match &self.read {
            Some(Ok(files)) => files,
            _ => &[],
        }
    }

    /// The highlighted file, if any.
    pub fn highlighted(&self) -> Option<&ConflictFile> {
        self.files().get(self.selected)
    }

    /// Take in a new list of files, keeping the highlight in range.
    pub fn set(&mut self, read: Result<Vec<ConflictFile>, String>) {
        let n = read.as_ref().map_or(0, Vec::len);
        self.selected = self.selected.min(n.saturating_sub(1));
        self.read = Some(read);
    }
}
