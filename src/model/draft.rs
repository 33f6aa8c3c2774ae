use super::Kind;
use chrono::{DateTime, FixedOffset};
use sha2::{Digest, Sha256};

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
        format!(
            "{}-{}.toml",
            short(who),
            self.started.format("%Y%m%d-%H%M%S")
        )
    }
}

/// Ids this long or shorter name their drafts as they are.
const WHO_MAX: usize = 64;
/// How much of a longer id stays readable in the name, before its hash.
const WHO_KEPT: usize = 40;

/// The id as a file name part that fits any file system's name limit (255 bytes): a contact
/// file may be named with up to 250 bytes of id, and the draft adds 21. A longer id keeps its
/// first letters, for the person looking in `drafts/`, and gains a hash of the whole id, so
/// two long ids that begin alike still get drafts of their own.
fn short(who: &str) -> std::borrow::Cow<'_, str> {
    if who.len() <= WHO_MAX {
        return who.into();
    }
    let mut end = WHO_KEPT;
    while !who.is_char_boundary(end) {
        end -= 1;
    }
    let digest = Sha256::digest(who.as_bytes());
    let hex: String = digest[..8].iter().map(|b| format!("{b:02x}")).collect();
    format!("{}-{hex}", &who[..end]).into()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn draft_for(who: &str) -> Draft {
        Draft {
            with: vec![who.to_string()],
            kind: Kind::Note,
            note: "x".into(),
            started: chrono::DateTime::parse_from_rfc3339("2026-12-03T10:00:00+01:00").unwrap(),
            file: None,
        }
    }

    #[test]
    fn a_short_id_names_its_draft_as_it_is() {
        assert_eq!(draft_for("ada").file_name(), "ada-20261203-100000.toml");
    }

    #[test]
    fn any_id_gives_a_name_within_the_limit_and_long_ids_stay_apart() {
        let long_a = format!("{}-a", "é".repeat(124));
        let long_b = format!("{}-b", "é".repeat(124));
        assert_eq!(long_a.len(), 250, "the longest id a contact file can have");
        let (a, b) = (
            draft_for(&long_a).file_name(),
            draft_for(&long_b).file_name(),
        );
        assert!(a.len() <= 100, "{a}");
        assert_ne!(a, b);
        assert!(a.starts_with("éééé"), "{a}");
        assert_eq!(
            a,
            draft_for(&long_a).file_name(),
            "the same name every time"
        );
    }
}
