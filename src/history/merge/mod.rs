//! Merges that understand the journal's files, for sync: git calls rolo (`rolo merge-driver
//! month|contact %O %A %B %P`, registered by `setup`) for a file both machines changed, and
//! rolo merges it entry by entry (`month`) or key by key (`contact`). A clash never leaves
//! markers in a TOML file: the driver leaves this machine's file as it is, says no, and
//! notes the clash (`record`) for `rolo sync` and the TUI to show, with the file as it
//! would be either way, for the person to pick.

pub mod contact;
pub mod driver;
pub mod month;
pub mod record;
pub mod setup;

use serde::{Deserialize, Serialize};

/// Which machine's value a clash keeps.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Side {
    /// This machine's (git's "ours", the file being merged into).
    Ours,
    /// The other machine's, fetched from the remote.
    Theirs,
}

/// The same thing changed differently on both machines.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Clash {
    /// What it is about beyond the file: `entry 2026-12-01-0900-ada`; empty for a contact.
    #[serde(default)]
    pub what: String,
    /// The key (`role`, `need #2 status`, `note`); empty for the file as a whole.
    #[serde(default)]
    pub key: String,
    /// Each side's value as written, or a phrase such as "(removed)".
    pub ours: String,
    pub theirs: String,
}

impl Clash {
    /// What it is about, as the person reads it: "role", "entry 2026-12-01-0900-ada, note";
    /// empty for a file as a whole.
    pub fn label(&self) -> String {
        match (self.what.as_str(), self.key.as_str()) {
            (w, "") => w.to_string(),
            ("", k) => k.to_string(),
            (w, k) => format!("{w}, {k}"),
        }
    }
}

/// A merged file: its bytes (clashes settled one way), what clashed, what was renumbered.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Merged {
    pub bytes: Vec<u8>,
    pub clashes: Vec<Clash>,
    /// Said to the person: `need #3 added there is now #4`.
    pub renumbered: Vec<String>,
}

/// The kinds of file rolo merges, as the driver's first argument names them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Month,
    Contact,
}

impl Kind {
    pub fn parse(s: &str) -> Option<Kind> {
        match s {
            "month" => Some(Kind::Month),
            "contact" => Some(Kind::Contact),
            _ => None,
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Month => "month",
            Kind::Contact => "contact",
        }
    }
}

/// Merge one file's three versions as `kind` says.
pub fn merge(
    kind: Kind,
    rel: &str,
    base: Option<&str>,
    ours: &str,
    theirs: &str,
    on_clash: Side,
) -> Result<Merged, String> {
    match kind {
        Kind::Month => month::merge(rel, base, ours, theirs, on_clash),
        Kind::Contact => contact::merge(rel, base, ours, theirs, on_clash),
    }
}
