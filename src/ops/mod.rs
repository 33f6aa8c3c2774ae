//! The operations layer: every kind of change to the journal, described once.
//!
//! Each operation validates what it is given, takes people already resolved to ids (names
//! go through `Journal::resolve`, the one resolver, in the front door that read them),
//! runs its edit through the store, and says what it did in one line. Both front doors (the
//! command line in `cmd` and the TUI's effects in `app`) call these; neither builds a change
//! itself, so the two cannot drift apart again, and later history and undo have one place to
//! hook into.
//!
//! Every operation that wrote something ends with `finish(store, &line)`: the change is
//! complete and this is what it was. The store's file system hears it (`Fs::change_described`);
//! with history on, that makes the change one commit (`crate::history`), for either door.
//! A new operation must do the same (a test in `tests.rs` checks each file here).
//!
//! Wording: `line` is the operation's description (what the command line prints, and what a
//! history message will say). Where the TUI's status line has said something shorter for
//! long enough that tests pin it, the outcome carries that too as `status`.

pub mod archive;
pub mod edit;
mod error;
pub mod follow_ups;
pub mod import;
pub mod intro;
pub mod merge;
pub mod needs;
pub mod not_a_fit;
pub mod note;
pub mod person;
pub mod rename;

#[cfg(test)]
mod tests;
#[cfg(test)]
mod tests_lifecycle;
#[cfg(test)]
mod tests_needs;

pub use archive::{Archive, Unarchive};
pub use edit::{EditEntry, EditPerson, SetFields};
pub use error::{Invalid, NeedChanged, OpError};
pub use follow_ups::{AddFollowUp, FollowUpDone};
pub use import::{Import, Imported};
pub use merge::{Merge, Merged};
pub use needs::{AddNeed, MeetByIntro, RewordNeed, SetNeed};
pub use not_a_fit::NotAFit;
pub use note::{NoteFields, SavedEntry};
pub use person::{AddPerson, PersonFields};
pub use rename::Rename;

use crate::model::Contact;
use crate::store::Store;

/// The change is complete, and `line` says what it was: every operation that wrote ends here.
pub fn finish(store: &Store, line: &str) {
    store.fs().change_described(line);
}

/// A person's file as a change left it, and what to say about it.
#[derive(Debug, Clone)]
pub struct Changed {
    pub contact: Contact,
    /// Someone else wrote the file since rolo last read it (the change was applied to theirs).
    pub changed_outside: bool,
    /// The description: the command line's output, a history message.
    pub line: String,
    /// The TUI's status line after the change.
    pub status: String,
}

/// `text` trimmed, or why not: "the need is empty; nothing was written".
/// A person's name as it is kept: one line, its spaces single (a name pasted with a line
/// break or typed with two spaces is the same name), refused when empty or when it holds a
/// control character, which no one's name has.
pub fn a_name(text: &str, what: &str) -> Result<String, Invalid> {
    let name = non_empty(text, what)?
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    if name.chars().any(char::is_control) {
        return Err(Invalid(format!(
            "{what} holds a control character; nothing was written"
        )));
    }
    Ok(name)
}

pub fn non_empty(text: &str, what: &str) -> Result<String, Invalid> {
    let t = text.trim();
    if t.is_empty() {
        return Err(Invalid(format!("{what} is empty; nothing was written")));
    }
    Ok(t.to_string())
}
