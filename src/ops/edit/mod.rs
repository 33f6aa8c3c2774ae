//! Edits of a whole record: a person's card or one entry as text from `$EDITOR` (`EditPerson`,
//! `EditEntry`), or a person's fields set from the command line (`SetFields`).
//!
//! Each checks what it is given (a text that does not read is refused with its line and
//! column, and the front door keeps the text), saves through the store, which applies only
//! what changed to the file as it is now, and says what it did by comparing the record
//! before and after: "edited Aiko Tanaka: role, email, 1 need".

mod copy;
mod describe;
mod entry;
mod fields;
mod person;

#[cfg(test)]
mod tests;

pub use copy::{EditCopy, EditorError, editor_command, open_editor};
pub use describe::{entry_named, kept_words, renumbered_words};
pub use entry::{EditEntry, EntryEdited};
pub use fields::{KEYS, SetFields};
pub use person::{EditPerson, PersonEdited};
