//! Why a store call failed, kept as a kind until it is shown. A caller tells a record that is
//! not there from a change that was refused, or a link from a broken file, by matching, and
//! finds the path, the id, the `io::Error` or the `Problem` behind it in the value; the words
//! are made only by `Display`, at the edge, and they are the words rolo has always printed
//! (tests pin them).

use super::paths::BadName;
use super::problem::Problem;
use crate::sanitize::inert;
use std::fmt;
use std::path::PathBuf;

#[derive(Debug)]
pub enum StoreError {
    /// Reading or writing `path` (the full path) failed.
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
    /// The file on disk does not parse; rolo will not write it until it does. The problem's
    /// path is the full path on disk (relative only for the in-memory store).
    Broken(Problem),
    /// What the call names is not there.
    NotFound(Missing),
    /// The change itself cannot be written as asked; nothing was written.
    Invalid(Invalid),
    /// A change rolo will not make here and now, whatever its content; nothing was written.
    Refused(Refusal),
}

/// What the call named and did not find.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Missing {
    /// No contact file for this id.
    Contact { id: String },
    /// No entry with this id in its month file.
    Entry { id: String },
    /// The entry's month file is gone (`id` when the call named the entry).
    Month { id: Option<String> },
    /// An entry edited as text is no longer in its month file (changed elsewhere meanwhile).
    EditedEntry { id: String },
}

/// What is wrong with the change itself.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Invalid {
    /// A contact needs a name.
    NoName,
    /// An entry needs at least one person.
    NoPerson,
    /// An id or a draft's name that cannot name a file; `outcome` says what was not done.
    BadName {
        name: BadName,
        outcome: &'static str,
    },
    /// A new contact that would not read back as written (a zero rhythm, a need numbered 0).
    Unreadable(Problem),
    /// The change's own reason, worded by whoever wrote the change (the closure given to
    /// `update_contact` or `update_entry`).
    Change(String),
    /// An entry edited as text that is not one `[[entry]]` table keeping its id.
    EntryText(EntryText),
}

/// How an entry edited as text fails to be one entry.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum EntryText {
    NotOneEntry,
    NotToml,
    /// A key written above the `[[entry]]` line.
    KeyAbove {
        key: String,
    },
    NotATable,
    IdChanged {
        id: String,
        written: String,
    },
}

/// Why rolo will not make a change here and now.
#[derive(Debug)]
pub enum Refusal {
    /// The path would leave the data folder (`path` as asked).
    Outside { path: PathBuf },
    /// A link on the way to the file (`link`, full path) that leads to `to`: a link could lead
    /// anywhere, so rolo never writes through one.
    Link {
        link: PathBuf,
        to: PathBuf,
        advice: LinkAdvice,
    },
    /// No id is left for a new contact's name in `folder`: every one is taken, or the folder
    /// could not be read (`cause`).
    NoFreeId {
        name: String,
        folder: PathBuf,
        cause: Option<std::io::Error>,
    },
    /// The file loads but is not a document rolo can edit in place.
    NotEditable { path: PathBuf },
    /// Writing `what` would leave the file unreadable.
    WouldBreak { what: &'static str, why: Breakage },
    /// The file changed while the person edited it as text; their text is kept.
    ChangedMeanwhile { path: PathBuf, how: Meanwhile },
    /// The person's edit and the change made meanwhile merge into a file that does not load.
    EditsClash(Problem),
    /// Another running rolo holds this draft (`pid` as the draft names it).
    DraftTaken { pid: Option<u32> },
}

/// What to do about a link rolo will not write through.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LinkAdvice {
    /// The lock file is a link: rolo makes its own.
    RemoveIt,
    /// The file itself is a link.
    RegularFile,
    /// A folder on the way is a link.
    RealFolder,
}

/// Why a text would not read back.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Breakage {
    /// It does not load: the problem, at the file's full path.
    Problem(Problem),
    /// It loads, but the entry does not come back as written.
    NotAsWritten,
    /// It loads, but the entry `id` is not in it.
    EntryMissing { id: String },
}

/// What happened to a file while the person edited it as text.
#[derive(Debug)]
pub enum Meanwhile {
    Removed,
    Unreadable(Box<StoreError>),
    NowBroken(Problem),
    Changed,
}

impl StoreError {
    pub fn io(path: PathBuf, source: std::io::Error) -> StoreError {
        StoreError::Io { path, source }
    }
}

impl From<Missing> for StoreError {
    fn from(m: Missing) -> StoreError {
        StoreError::NotFound(m)
    }
}

impl From<Invalid> for StoreError {
    fn from(i: Invalid) -> StoreError {
        StoreError::Invalid(i)
    }
}

impl From<Refusal> for StoreError {
    fn from(r: Refusal) -> StoreError {
        StoreError::Refused(r)
    }
}

impl fmt::Display for StoreError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            StoreError::Io { path, source } => write!(f, "{}: {}", path.display(), source),
            StoreError::Broken(p) => write!(
                f,
                "{p} (fix this file first: rolo will not change it while it is broken, nothing was written)"
            ),
            StoreError::NotFound(m) => m.fmt(f),
            StoreError::Invalid(i) => i.fmt(f),
            StoreError::Refused(r) => r.fmt(f),
        }
    }
}

impl fmt::Display for Missing {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Missing::Contact { id } => write!(f, "no contact with id \"{id}\""),
            Missing::Entry { id } => write!(f, "no entry \"{id}\""),
            Missing::Month { id: Some(id) } => {
                write!(f, "no entry \"{id}\" (its month file is gone)")
            }
            Missing::Month { id: None } => f.write_str("the entry's month file is gone"),
            Missing::EditedEntry { id } => write!(
                f,
                "entry \"{id}\" is no longer in its month file (changed elsewhere?)"
            ),
        }
    }
}

impl fmt::Display for Invalid {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Invalid::NoName => f.write_str("a contact needs a name"),
            Invalid::NoPerson => f.write_str("an entry needs at least one person"),
            Invalid::BadName { name, outcome } => write!(f, "{name}; {outcome}"),
            Invalid::Unreadable(p) => write!(f, "{}; nothing was written", p.message),
            Invalid::Change(why) => f.write_str(why),
            Invalid::EntryText(e) => e.fmt(f),
        }
    }
}

impl fmt::Display for EntryText {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            EntryText::NotOneEntry => f.write_str("the text must hold exactly one [[entry]]"),
            EntryText::NotToml => f.write_str("the text is not TOML"),
            EntryText::KeyAbove { key } => write!(
                f,
                "`{key}` is above the [[entry]] line, outside the entry: move it below that line"
            ),
            EntryText::NotATable => {
                f.write_str("write the entry as an [[entry]] table, as it was shown")
            }
            EntryText::IdChanged { id, written } => write!(
                f,
                "the id cannot change (it is \"{id}\", the edit says \"{written}\"): put it back"
            ),
        }
    }
}

impl fmt::Display for Refusal {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Refusal::Outside { path } => write!(
                f,
                "{} is not a file inside the data folder; nothing was written",
                path.display()
            ),
            Refusal::Link { link, to, advice } => write!(
                f,
                "{} is a link to {}; rolo does not write through links ({}); nothing was written",
                link.display(),
                to.display(),
                match advice {
                    LinkAdvice::RemoveIt => "remove it: rolo makes its own",
                    LinkAdvice::RegularFile => "replace it with a regular file",
                    LinkAdvice::RealFolder => "replace it with a real folder",
                }
            ),
            Refusal::NoFreeId {
                name,
                folder,
                cause,
            } => {
                write!(f, "no free id for \"{}\" (", inert(name))?;
                match cause {
                    Some(e) => write!(f, "cannot read {}: {e}", folder.display())?,
                    None => write!(
                        f,
                        "too many contacts in {} are named like this",
                        folder.display()
                    )?,
                }
                f.write_str("); nothing was written")
            }
            Refusal::NotEditable { path } => write!(f, "{} could not be edited", path.display()),
            Refusal::WouldBreak { what, why } => write!(
                f,
                "{what} would make the file unreadable ({why}); nothing was written"
            ),
            Refusal::ChangedMeanwhile { path, how } => write!(
                f,
                "{} {how} while you were editing; nothing was written, your text is kept",
                path.display()
            ),
            Refusal::EditsClash(p) => write!(
                f,
                "your edit and the change made meanwhile do not fit together ({p}); nothing was written"
            ),
            Refusal::DraftTaken { pid } => match pid {
                Some(pid) => write!(
                    f,
                    "this note is open in another rolo (process {pid}); it is left to it"
                ),
                None => f.write_str("this note is open in another rolo; it is left to it"),
            },
        }
    }
}

impl fmt::Display for Breakage {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Breakage::Problem(p) => p.fmt(f),
            Breakage::NotAsWritten => f.write_str("it would not read back as written"),
            Breakage::EntryMissing { id } => write!(f, "entry \"{id}\" is missing after the edit"),
        }
    }
}

impl fmt::Display for Meanwhile {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Meanwhile::Removed => f.write_str("was removed"),
            Meanwhile::Unreadable(e) => write!(f, "became unreadable ({e})"),
            Meanwhile::NowBroken(p) => write!(f, "changed and is now broken ({p})"),
            Meanwhile::Changed => f.write_str("changed"),
        }
    }
}

impl std::error::Error for StoreError {
    /// The `io::Error` or store error underneath, for a caller that walks the chain. The
    /// words above already include it: a printer must not add a source's text again.
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            StoreError::Io { source, .. } => Some(source),
            StoreError::Refused(Refusal::NoFreeId { cause: Some(e), .. }) => Some(e),
            StoreError::Refused(Refusal::ChangedMeanwhile {
                how: Meanwhile::Unreadable(e),
                ..
            }) => Some(e.as_ref()),
            _ => None,
        }
    }
}

#[cfg(test)]
#[path = "error_tests.rs"]
mod tests;
