use super::Kind;
use chrono::{DateTime, FixedOffset};

/// A note being captured. Saved to `drafts/` as the user types, so a crash loses nothing.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Draft {
    pub with: Vec<String>,
    pub kind: Kind,
    pub note: String,
    pub started: DateTime<FixedOffset>,
}

impl Draft {
    /// The draft's file name: the first person and the start time, unique enough per person.
    pub fn file_name(&self) -> String {
        let who = self.with.first().map(String::as_str).unwrap_or("note");
        format!("{}-{}.toml", who, self.started.format("%Y%m%d-%H%M%S"))
    }
}
