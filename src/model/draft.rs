use super::Kind;
use chrono::{DateTime, FixedOffset};

/// A note being captured. Saved to `drafts/` as the user types, so a crash loses nothing.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Draft {
    pub with: Vec<String>,
    pub kind: Kind,
    pub note: String,
    /// When the note was begun, and so when the entry happened: a draft restored days later
    /// is saved at this time. The person may change it before saving.
    pub started: DateTime<FixedOffset>,
    /// The draft's file name when it is not the one `started` gives (a draft from before
    /// `started` was written, or one whose time the person changed), so it is rewritten and
    /// removed in place rather than left behind.
    pub file: Option<String>,
}

impl Draft {
    /// The draft's file name: the first person and the start time, unique enough per person.
    pub fn file_name(&self) -> String {
        if let Some(file) = &self.file {
            return file.clone();
        }
        let who = self.with.first().map(String::as_str).unwrap_or("note");
        format!("{}-{}.toml", who, self.started.format("%Y%m%d-%H%M%S"))
    }
}
